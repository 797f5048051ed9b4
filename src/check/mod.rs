//! The pipeline for a set of files checked together, streamed: files are
//! read a window at a time, and each part of a file (a top-level
//! requirement) is parsed, built, estimated, judged by the per-requirement
//! rules and its findings levelled, silenced where a suppression says so
//! and rendered, in parallel; a [`Sink`] takes the parts in input order, so
//! the output starts before the last file is read and memory holds the
//! files in flight, not all of them.
//!
//! What can only be known once every file has been read — an id used
//! twice (TL006), a replaced id nobody has (TL007), the built-ins across
//! requirements (TL301, TL302) — is worked out at the end from the few
//! facts kept of each requirement ([`across`]), and given to the sink
//! after every part, sorted by file, position and code. The order of the whole output
//! is thus fixed by the input, whatever the thread count.
//!
//! A requirement whose id is taken is still judged: whether an id is
//! taken is known only at the end, and what the requirement says is worth
//! judging either way; its burden counts, and TL006 is reported at the end.
//!
//! A register of requirements in force (the kodeks' positive list) is one
//! more set of files, read first: its requirements take part in the checks
//! across files (an id already taken, the load on a group, data already
//! collected), but what it says about them is dropped unless asked for, and
//! what a proposal `replaces` no longer counts in the checks across files.
//! With `include_register`, the register's requirements are judged whether
//! or not a proposal replaces them (that is known only at the end).

use crate::burden::{self, Estimate};
use crate::cache::record::{self, JudgedPart};
use crate::cache::{Cache, Slot};
use crate::diagnostics::{lints, messages as m, Diagnostic, Lang, Level, Registry};
use crate::engine::{self, Judged, Ruleset};
use crate::model::{self, Date, Requirement};
use crate::settings::Levels;
use crate::source::input::{IoReason, LoadError};
use crate::source::{Batch, FileId, Files, SourceFile, SourceMap, Span};
use crate::syntax;
use across::Across;
use cached::Cached;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::ops::Range;
use suppress::{Directive, Faults, Suppressed};
pub use whole::check;

mod across;
pub mod baseline;
mod cached;
pub mod dates;
pub mod fix;
pub mod suppress;
mod whole;

/// What a check is run with.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub lang: Lang,
    /// The level of each code, as the user set them; applied here, once,
    /// to every diagnostic.
    pub levels: Levels,
    /// How many of the first files are the register of requirements in
    /// force (none: the proposals are judged alone).
    pub register_files: usize,
    /// Report the register's own findings too.
    pub include_register: bool,
    /// The day date rules (TL104) and the register's date checks count
    /// from (`--today`); the system's date when not given.
    pub today: Option<Date>,
    /// Judge the register's review dates and sunsets (TL401, TL402), as
    /// `audit` does.
    pub date_checks: bool,
}

impl Options {
    fn in_register(&self, file: FileId) -> bool {
        file.0 < self.register_files
    }
}

/// Everything a renderer needs.
#[derive(Debug, Default)]
pub struct Checked {
    /// The proposals' requirements (the register's are in `register`).
    pub requirements: Vec<Requirement>,
    /// The burden estimate of each requirement, in the same order.
    pub estimates: Vec<Estimate>,
    /// The register's requirements, with the ids the proposals replace.
    pub register: Register,
    /// Sorted by file, position and code.
    pub diagnostics: Vec<Diagnostic>,
    /// Diagnostics silenced by a reasoned suppression, in the same order.
    pub suppressed: Vec<Suppressed>,
    /// The proposals' files.
    pub files: usize,
}

/// The requirements in force that the proposals were judged with.
#[derive(Debug, Default)]
pub struct Register {
    pub requirements: Vec<Requirement>,
    pub estimates: Vec<Estimate>,
    /// The ids of the register that a proposal's `replaces` names.
    pub replaced: std::collections::BTreeSet<String>,
}

/// One part of a file, judged: what a [`Sink`] is given, in input order.
/// The findings across files come last, as parts of their files with no
/// requirements.
#[derive(Debug, Default)]
pub struct Part {
    pub file: FileId,
    /// Whether the file is one of the register's.
    pub in_register: bool,
    pub requirements: Vec<Requirement>,
    /// The burden estimate of each requirement, in the same order.
    pub estimates: Vec<Estimate>,
    /// Levelled, the suppressed taken out, sorted by position and code.
    pub diagnostics: Vec<Diagnostic>,
    /// Silenced by a reasoned suppression, in the same order.
    pub suppressed: Vec<Suppressed>,
}

/// Where the parts of a check go.
pub trait Sink: Sync {
    /// What a part becomes before it is taken (its output, rendered).
    type Rendered: Send;

    /// Called in parallel, in any order, with the part's files in `sources`.
    fn render(&self, part: &Part, sources: &SourceMap) -> Self::Rendered;

    /// Called once for each part, in input order, with the part's files in
    /// `sources`.
    fn take(&mut self, part: Part, rendered: Self::Rendered, sources: &SourceMap);
}

/// What a check gives besides its parts.
#[derive(Debug, Default)]
pub struct Summary {
    /// The ids of the register that a proposal's `replaces` names.
    pub replaced: BTreeSet<String>,
}

/// About this many bytes of files are read at a time.
const WINDOW_BYTES: usize = 4 << 20;

/// About this many bytes of a window's parts are judged and rendered at a
/// time: enough work for every thread, little enough that the findings and
/// rendered output in flight stay a few megabytes (JSON is about eight
/// bytes for each byte of input).
const BATCH_BYTES: usize = 1 << 20;

/// At most this many files are read at once.
const WINDOW_FILES: usize = 256;

/// A larger file is not cached: its entry is made and read whole, and
/// would hold all of a huge file's results in memory at once.
const CACHED_FILE_BYTES: usize = 2 * WINDOW_BYTES;

/// Checks every file of `files` together, giving each part to `sink` as
/// soon as every part before it has been given.
pub fn run(files: &dyn Files, ruleset: &Ruleset, options: &Options, sink: &mut impl Sink) -> Summary {
    run_cached(files, ruleset, options, None, sink)
}

/// [`run`], with the per-file results kept in `cache` and taken from it
/// for every file whose bytes, name and context are unchanged: such a
/// file is read and hashed, not parsed nor judged. The checks across files
/// run over the facts kept, so the output is the same with or without it.
pub fn run_cached(
    files: &dyn Files,
    ruleset: &Ruleset,
    options: &Options,
    cache: Option<&Cache>,
    sink: &mut impl Sink,
) -> Summary {
    // One day for the whole check, even past midnight.
    let options = &Options {
        today: options.today.or_else(Date::today),
        ..options.clone()
    };
    let cached = cache.map(|cache| Cached::new(cache, ruleset, options));
    // Built once: a suppression or finding looks its code up in it.
    let registry = ruleset.registry();
    let mut across = Across::default();
    let mut next = 0;
    while next < files.len() {
        // Files are read in groups of a few per thread until the window
        // is full, so a folder of small files and one huge file alike are
        // judged a few megabytes at a time.
        let mut ids = Vec::new();
        let mut batches = Vec::new();
        let mut bytes = 0;
        while next < files.len() && bytes < WINDOW_BYTES && ids.len() < WINDOW_FILES {
            let group: Vec<FileId> = (next..files.len())
                .take(2 * rayon::current_num_threads())
                .map(FileId)
                .collect();
            next += group.len();
            let batch = files.batch(&group);
            bytes += group
                .iter()
                .map(|id| batch.sources().get(*id).text.len())
                .sum::<usize>();
            ids.extend(group.iter().map(|id| (*id, batches.len())));
            batches.push(batch);
        }
        let window = Window {
            batches: &batches,
            ruleset,
            registry: &registry,
            options,
            cached: cached.as_ref(),
        };
        window.judge(&ids, &mut across, sink);
    }
    across.finish(files, ruleset, &registry, options, sink)
}

/// One window of files, read.
struct Window<'w> {
    batches: &'w [Batch<'w>],
    ruleset: &'w Ruleset,
    registry: &'w Registry,
    options: &'w Options,
    cached: Option<&'w Cached<'w>>,
}

/// Work on a window: a part of a file to judge, or the parts of a file
/// the cache has (with the file's batch).
enum Work<'s> {
    Judge(Unit<'s>),
    Recall(usize, Vec<JudgedPart>),
}

/// A judged part's record for its file's entry in the cache (none if it
/// cannot be kept), the entry's slot, and whether the part is the file's
/// last.
struct Keep<'s> {
    record: Option<Vec<u8>>,
    slot: &'s Slot,
    last: bool,
}

impl Window<'_> {
    fn source(&self, batch: usize, file: FileId) -> &SourceFile {
        self.batches[batch].sources().get(file)
    }

    /// The window's files cut into parts, the parts judged (or taken from
    /// the cache) and rendered in parallel a few megabytes at a time, then
    /// taken in order.
    fn judge(&self, ids: &[(FileId, usize)], across: &mut Across, sink: &mut impl Sink) {
        let options = self.options;
        // Each file's entry in the cache, and its parts if they are there.
        let (slots, mut recalled): (Vec<Option<Slot>>, Vec<Option<Vec<JudgedPart>>>) = ids
            .par_iter()
            .map(|&(file, batch)| {
                let source = self.source(batch, file);
                let cacheable = self.batches[batch].error(file).is_none() && source.text.len() <= CACHED_FILE_BYTES;
                let Some(cached) = self.cached.filter(|_| cacheable) else {
                    return (None, None);
                };
                let in_register = options.in_register(file);
                let slot = cached
                    .cache
                    .slot(cached.context, &source.name, in_register, source.text.as_bytes());
                let reading = record::Reading {
                    file,
                    in_register,
                    len: source.text.len(),
                    registry: &cached.registry,
                    today: cached.today,
                };
                let parts = cached
                    .cache
                    .read(&slot)
                    .and_then(|entry| record::decode(&entry, &reading));
                (Some(slot), parts)
            })
            .unzip();
        let mut work: Vec<(Work<'_>, usize)> = Vec::new();
        for (index, &(file, batch)) in ids.iter().enumerate() {
            if let Some(parts) = recalled[index].take() {
                work.push((Work::Recall(batch, parts), 0));
                continue;
            }
            let source = self.source(batch, file);
            let chunks = match self.batches[batch].error(file) {
                Some(_) => std::iter::once(0..0).collect(),
                None => syntax::chunks(&source.text),
            };
            let count = chunks.len();
            work.extend(chunks.into_iter().enumerate().map(|(i, range)| {
                let bytes = range.len();
                let unit = Unit {
                    file,
                    batch,
                    range,
                    whole: count == 1,
                    slot: slots[index].as_ref(),
                    last: i + 1 == count,
                };
                (Work::Judge(unit), bytes)
            }));
        }
        // The entry of the file whose parts are being taken; none once one
        // of its parts cannot be kept.
        let mut entry = Some(Vec::new());
        let mut work = work.into_iter().peekable();
        while work.peek().is_some() {
            let mut bytes = 0;
            let mut step = Vec::new();
            while let Some((next, size)) = work.next_if(|_| step.is_empty() || bytes < BATCH_BYTES) {
                bytes += size;
                step.push(next);
            }
            let done: Vec<Vec<(JudgedPart, _, Option<Keep<'_>>, usize)>> = step
                .into_par_iter()
                .map(|work| match work {
                    Work::Judge(unit) => {
                        let judged = self.judge_unit(&unit);
                        let rendered = sink.render(&judged.part, self.batches[unit.batch].sources());
                        let keep = unit.slot.zip(self.cached).map(|(slot, cached)| {
                            let mut record = Vec::new();
                            Keep {
                                record: record::encode(&judged, cached.today, &mut record).then_some(record),
                                slot,
                                last: unit.last,
                            }
                        });
                        vec![(judged, rendered, keep, unit.batch)]
                    }
                    Work::Recall(batch, parts) => parts
                        .into_iter()
                        .map(|judged| {
                            let rendered = sink.render(&judged.part, self.batches[batch].sources());
                            (judged, rendered, None, batch)
                        })
                        .collect(),
                })
                .collect();
            let mut finished = Vec::new();
            for (judged, rendered, keep, batch) in done.into_iter().flatten() {
                if let Some(keep) = keep {
                    entry = entry.zip(keep.record).map(|(mut entry, record)| {
                        entry.extend(record);
                        entry
                    });
                    if keep.last {
                        finished.extend(entry.replace(Vec::new()).map(|entry| (keep.slot, entry)));
                    }
                }
                let JudgedPart {
                    part,
                    valid,
                    directives,
                } = judged;
                across.add(&part, &valid, directives, self.ruleset, options.lang);
                sink.take(part, rendered, self.batches[batch].sources());
            }
            if let Some(cached) = self.cached {
                finished
                    .into_par_iter()
                    .for_each(|(slot, entry)| cached.cache.write(slot, &entry));
            }
        }
    }

    fn judge_unit(&self, unit: &Unit<'_>) -> JudgedPart {
        let (ruleset, options) = (self.ruleset, self.options);
        let lang = options.lang;
        let file = unit.file;
        let source = self.source(unit.batch, file);
        let in_register = options.in_register(file);
        let mut judged = JudgedPart {
            part: Part {
                file,
                in_register,
                ..Part::default()
            },
            ..JudgedPart::default()
        };
        let part = &mut judged.part;
        if let Some(error) = self.batches[unit.batch].error(file) {
            part.diagnostics = levelled(vec![unreadable(file, source, error, lang)], options);
            return judged;
        }
        let (document, mut diagnostics) = syntax::parse_range(
            file,
            &source.text,
            unit.range.clone(),
            source.line_index(unit.range.start),
            lang,
        );
        let mut valid = Vec::new();
        let mut directives = Vec::new();
        if let Some(document) = document {
            (part.requirements, valid) = model::build(file, &document, lang, &mut diagnostics)
                .into_iter()
                .map(|built| (built.requirement, built.valid))
                .unzip();
            directives = suppress::directives(file, source, &document, unit.range.clone());
        }
        // A file of several parts has a requirement or a syntax error.
        let empty = part.requirements.is_empty() && !diagnostics.iter().any(|d| d.code() == lints::SYNTAX_ERROR.code);
        if unit.whole && empty {
            diagnostics.push(
                lints::EMPTY_FILE
                    .at(
                        file,
                        Span::new(0, 0),
                        m::EMPTY_FILE.fill(lang, &[("path", &source.name)]),
                    )
                    .with_help(m::EMPTY_FILE_HELP.get(lang)),
            );
        }
        part.estimates = part
            .requirements
            .iter()
            .zip(&valid)
            .map(|(r, valid)| {
                let mut estimate = burden::estimate(r, &ruleset.cost);
                // A figure read past a language error is not the requirement's.
                estimate.complete &= *valid;
                estimate
            })
            .collect();
        // Rules judge well-formed requirements only: a misspelt or invalid
        // entry would otherwise read as missing and set off rules about it.
        // The register's are judged only when they are shown.
        let allowed = |code: &str| options.levels.is_allowed(code);
        let today = options.today;
        if !in_register || options.include_register {
            for ((requirement, estimate), _) in part
                .requirements
                .iter()
                .zip(&part.estimates)
                .zip(&valid)
                .filter(|(_, v)| **v)
            {
                diagnostics.extend(engine::evaluate_each(
                    ruleset,
                    &Judged { requirement, estimate },
                    lang,
                    &allowed,
                    today,
                ));
            }
        }
        if let Some(today) = today.filter(|_| options.date_checks) {
            diagnostics.extend(
                dates::check(&part.requirements, &valid, today, lang)
                    .into_iter()
                    .map(|(_, d)| d),
            );
        }
        let is_across = |code: &str| is_across(ruleset, code);
        let registry = self.registry;
        let (kept, suppressed) = silenced(
            diagnostics,
            &directives,
            registry,
            options,
            Faults {
                written: true,
                unused: &|code| !is_across(code),
            },
        );
        judged.directives = directives
            .into_iter()
            .filter(|d| {
                d.codes
                    .iter()
                    .any(|(code, _)| registry.find(code).is_some_and(|e| is_across(&e.code)))
            })
            .collect();
        judged.valid = valid;
        let part = &mut judged.part;
        part.diagnostics = kept;
        part.suppressed = suppressed;
        if in_register && !options.include_register {
            part.diagnostics.clear();
            part.suppressed.clear();
        }
        part.diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        part.suppressed
            .sort_by(|a, b| a.diagnostic.sort_key().cmp(&b.diagnostic.sort_key()));
        judged
    }
}

/// A part of a file to judge.
struct Unit<'s> {
    file: FileId,
    batch: usize,
    range: Range<usize>,
    /// The file is this one part.
    whole: bool,
    /// The file's entry in the cache, when there is a cache.
    slot: Option<&'s Slot>,
    /// The part is the file's last.
    last: bool,
}

/// Whether `code`'s findings are known only at the end.
fn is_across(ruleset: &Ruleset, code: &str) -> bool {
    code == lints::DUPLICATE_ID.code || code == lints::UNKNOWN_REPLACED_ID.code || engine::is_across(ruleset, code)
}

/// Levels `diagnostics`, silences those a reasoned directive covers and
/// adds the directives' own faults, levelled: the one place suppressions
/// are applied, to each part and to the findings across files.
fn silenced(
    diagnostics: Vec<Diagnostic>,
    directives: &[Directive],
    registry: &Registry,
    options: &Options,
    faults: Faults<'_>,
) -> (Vec<Diagnostic>, Vec<Suppressed>) {
    let applied = suppress::apply(
        levelled(diagnostics, options),
        directives,
        registry,
        options.lang,
        faults,
    );
    let mut kept = applied.kept;
    kept.extend(levelled(applied.faults, options));
    (kept, applied.suppressed)
}

/// The one place levels are applied: to every finding before the
/// suppressions are (a switched-off code is not there to silence), and to
/// the suppressions' own findings after.
fn levelled(mut diagnostics: Vec<Diagnostic>, options: &Options) -> Vec<Diagnostic> {
    for diagnostic in &mut diagnostics {
        diagnostic.level = options.levels.of(&diagnostic.rule);
    }
    diagnostics.retain(|d| d.level != Level::Allow);
    diagnostics
}

fn unreadable(id: FileId, source: &SourceFile, error: &LoadError, lang: Lang) -> Diagnostic {
    match error {
        LoadError::Io(reason) => lints::UNREADABLE_FILE
            .at(
                id,
                Span::new(0, 0),
                m::UNREADABLE_FILE.fill(lang, &[("path", &source.name), ("error", &reason.text(lang))]),
            )
            .with_help(
                match reason {
                    IoReason::NotRegular(_) => m::NOT_REGULAR_HELP,
                    IoReason::TooLarge { .. } => m::TOO_LARGE_HELP,
                    IoReason::OutsideFolder => m::OUTSIDE_FOLDER_HELP,
                    _ => m::UNREADABLE_FILE_HELP,
                }
                .get(lang),
            ),
        LoadError::NotUtf8 { valid_up_to } => {
            let start = source.clamp_offset(*valid_up_to);
            let end = source.text[start..]
                .chars()
                .next()
                .map_or(start, |c| start + c.len_utf8());
            let offset = valid_up_to.to_string();
            lints::UNREADABLE_FILE
                .at(
                    id,
                    Span::new(start, end),
                    m::NOT_UTF8.fill(lang, &[("path", &source.name), ("offset", &offset)]),
                )
                .with_label(m::NOT_UTF8_LABEL.get(lang))
                .with_help(m::NOT_UTF8_HELP.get(lang))
        }
    }
}
