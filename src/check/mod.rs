//! The pipeline for a set of files checked together: per file, syntax →
//! model → suppression comments; then the burden estimates, the checks
//! across files (TL006, TL007) and the ruleset's rules; then suppressions
//! are applied and the diagnostics sorted, so the output is the same
//! whatever order the work was done in.
//!
//! A register of requirements in force (the kodeks' positive list) is one
//! more set of files, read first: its requirements take part in the checks
//! across files (an id already taken, the load on a group, data already
//! collected), but what it says about them is dropped unless asked for, and
//! what a proposal `replaces` no longer counts.

use crate::burden::{self, Estimate};
use crate::diagnostics::{lints, messages as m, Diagnostic, Lang, Level};
use crate::engine::{self, Judged, Ruleset};
use crate::model::{self, Date, Requirement};
use crate::settings::Levels;
use crate::source::input::{IoReason, LoadError};
use crate::source::{FileId, SourceFile, SourceMap, Span};
use crate::syntax;
use rayon::prelude::*;
use std::collections::HashMap;
use suppress::{Directive, Suppressed};

pub mod baseline;
pub mod dates;
pub mod fix;
pub mod suppress;

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

/// What one file gives, before anything is compared across files.
#[derive(Default)]
struct FileResult {
    requirements: Vec<Requirement>,
    /// Whether each requirement was written without a language error.
    valid: Vec<bool>,
    diagnostics: Vec<Diagnostic>,
    directives: Vec<Directive>,
}

impl FileResult {
    /// The results one after the other, each vector allocated once at its
    /// final size (growing by doubling would copy every requirement
    /// several times and hold up to twice the room).
    fn merge(parts: Vec<FileResult>) -> FileResult {
        let sum = |len: fn(&FileResult) -> usize| parts.iter().map(len).sum::<usize>();
        let mut merged = FileResult {
            requirements: Vec::with_capacity(sum(|p| p.requirements.len())),
            valid: Vec::with_capacity(sum(|p| p.valid.len())),
            diagnostics: Vec::with_capacity(sum(|p| p.diagnostics.len())),
            directives: Vec::with_capacity(sum(|p| p.directives.len())),
        };
        for part in parts {
            merged.requirements.extend(part.requirements);
            merged.valid.extend(part.valid);
            merged.diagnostics.extend(part.diagnostics);
            merged.directives.extend(part.directives);
        }
        merged
    }
}

/// Checks every file of `sources` together. `load_errors[i]` says why file
/// `i` could not be read, if it could not.
pub fn check(sources: &SourceMap, load_errors: &[Option<LoadError>], ruleset: &Ruleset, options: &Options) -> Checked {
    let lang = options.lang;
    // Files are independent until they are compared: parse and build them
    // in parallel. The results keep the files' order.
    let results: Vec<FileResult> = sources
        .files()
        .par_iter()
        .enumerate()
        .map(|(i, source)| check_file(FileId(i), source, load_errors.get(i).and_then(Option::as_ref), lang))
        .collect();

    let FileResult {
        requirements,
        mut valid,
        mut diagnostics,
        directives,
    } = FileResult::merge(results);
    let across = duplicate_ids(&requirements, lang)
        .into_iter()
        .chain(unknown_replaced_ids(&requirements, options, lang));
    for (index, diagnostic) in across {
        // A duplicate id is a language error too.
        if diagnostic.level == Level::Error {
            valid[index] = false;
        }
        diagnostics.push(diagnostic);
    }
    let estimates: Vec<Estimate> = requirements
        .par_iter()
        .zip(&valid)
        .map(|(r, valid)| {
            let mut estimate = burden::estimate(r, &ruleset.cost);
            // A figure read past a language error is not the requirement's.
            estimate.complete &= *valid;
            estimate
        })
        .collect();
    // What the proposals replace is on its way out: it adds to no group's
    // load and collects no data the proposals could duplicate.
    let in_force: std::collections::HashSet<&str> = requirements
        .iter()
        .filter(|r| options.in_register(r.file))
        .filter_map(Requirement::id)
        .collect();
    let replaced: std::collections::BTreeSet<String> = requirements
        .iter()
        .filter(|r| !options.in_register(r.file))
        .flat_map(|r| r.replaces.iter().map(|id| id.value.as_str()))
        .filter(|id| in_force.contains(id))
        .map(str::to_owned)
        .collect();
    // Rules judge well-formed requirements only: a misspelt or invalid
    // entry would otherwise read as missing and set off rules about it.
    let judged: Vec<Judged<'_>> = requirements
        .iter()
        .zip(&estimates)
        .zip(&valid)
        .filter(|((requirement, _), valid)| {
            **valid
                && !(options.in_register(requirement.file) && requirement.id().is_some_and(|id| replaced.contains(id)))
        })
        .map(|((requirement, estimate), _)| Judged { requirement, estimate })
        .collect();
    let today = options.today.or_else(Date::today);
    if let Some(today) = today.filter(|_| options.date_checks) {
        diagnostics.extend(
            dates::check(&requirements, &valid, today, lang)
                .into_iter()
                .map(|(_, d)| d),
        );
    }
    let allowed = |code: &str| options.levels.is_allowed(code);
    diagnostics.extend(engine::evaluate_on(ruleset, &judged, lang, &allowed, today));

    // The one place levels are applied: to every finding before the
    // suppressions are (a switched-off code is not there to silence), and
    // to the suppressions' own findings after.
    let levelled = |mut diagnostics: Vec<Diagnostic>| {
        for diagnostic in &mut diagnostics {
            diagnostic.level = options.levels.of(&diagnostic.rule);
        }
        diagnostics.retain(|d| d.level != Level::Allow);
        diagnostics
    };
    let applied = suppress::apply(levelled(diagnostics), &directives, &ruleset.registry(), lang);
    let (mut diagnostics, mut suppressed) = (applied.kept, applied.suppressed);
    diagnostics.extend(levelled(applied.faults));
    if !options.include_register {
        diagnostics.retain(|d| !options.in_register(d.file()));
        suppressed.retain(|s| !options.in_register(s.diagnostic.file()));
    }
    // Stable sorts, so the order is the same whatever the thread count;
    // in parallel, as the estimates above, because this part of a large
    // check otherwise runs on one thread while the others wait.
    diagnostics.par_sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    suppressed.par_sort_by(|a, b| a.diagnostic.sort_key().cmp(&b.diagnostic.sort_key()));
    // The register's files come first, so its requirements do too.
    let in_force = requirements.iter().take_while(|r| options.in_register(r.file)).count();
    let (mut requirements, mut estimates) = (requirements, estimates);
    let proposals = requirements.split_off(in_force);
    let proposal_estimates = estimates.split_off(in_force);
    Checked {
        requirements: proposals,
        estimates: proposal_estimates,
        register: Register {
            requirements,
            estimates,
            replaced,
        },
        diagnostics,
        suppressed,
        files: sources.len().saturating_sub(options.register_files),
    }
}

fn check_file(id: FileId, source: &SourceFile, load_error: Option<&LoadError>, lang: Lang) -> FileResult {
    if let Some(error) = load_error {
        return FileResult {
            diagnostics: vec![unreadable(id, source, error, lang)],
            ..FileResult::default()
        };
    }
    // Each top-level requirement is parsed, built and its parse tree
    // dropped on its own (in parallel), so memory follows the largest
    // requirement, not the file.
    let chunks: Vec<FileResult> = syntax::chunks(&source.text)
        .into_par_iter()
        .map(|range| {
            let (document, mut diagnostics) =
                syntax::parse_range(id, &source.text, range.clone(), source.line_index(range.start), lang);
            let mut chunk = FileResult::default();
            if let Some(document) = document {
                (chunk.requirements, chunk.valid) = model::build(id, &document, lang, &mut diagnostics)
                    .into_iter()
                    .map(|built| (built.requirement, built.valid))
                    .unzip();
                chunk.directives = suppress::directives(id, source, &document, range);
            }
            chunk.diagnostics = diagnostics;
            // Every chunk is held until the file is done, and most hold one
            // requirement: a vector's first growth reserves room for four
            // (3.5 KB of requirements), which was most of the memory for a
            // file of many small requirements.
            chunk.requirements.shrink_to_fit();
            chunk.valid.shrink_to_fit();
            chunk.diagnostics.shrink_to_fit();
            chunk
        })
        .collect();
    let syntax_error = chunks
        .iter()
        .any(|chunk| chunk.diagnostics.iter().any(|d| d.code() == lints::SYNTAX_ERROR.code));
    let mut result = FileResult::merge(chunks);
    if result.requirements.is_empty() && !syntax_error {
        result.diagnostics.push(
            lints::EMPTY_FILE
                .at(id, Span::new(0, 0), m::EMPTY_FILE.fill(lang, &[("path", &source.name)]))
                .with_help(m::EMPTY_FILE_HELP.get(lang)),
        );
    }
    result
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

/// TL006: an id used by two requirements, reported at each later use,
/// with the index of that requirement.
fn duplicate_ids(requirements: &[Requirement], lang: Lang) -> Vec<(usize, Diagnostic)> {
    let mut first: HashMap<&str, (FileId, Span)> = HashMap::new();
    let mut out = Vec::new();
    for (index, requirement) in requirements.iter().enumerate() {
        let Some(id) = &requirement.id else { continue };
        match first.get(id.value.as_str()) {
            Some(&(file, span)) => out.push((
                index,
                lints::DUPLICATE_ID
                    .at(
                        requirement.file,
                        id.span,
                        m::DUPLICATE_ID.fill(lang, &[("id", &id.value)]),
                    )
                    .with_label(m::DUPLICATE_ID_LABEL.get(lang))
                    .with_secondary(file, span, m::DUPLICATE_ID_FIRST.get(lang))
                    .with_help(m::DUPLICATE_ID_HELP.get(lang))
                    .with_requirement(Some(&id.value)),
            )),
            None => {
                first.insert(&id.value, (requirement.file, id.span));
            }
        }
    }
    out
}

/// TL007: `replaces` names an id that no requirement checked has (with a
/// register: no requirement in force), with the index of the requirement
/// that names it.
fn unknown_replaced_ids(requirements: &[Requirement], options: &Options, lang: Lang) -> Vec<(usize, Diagnostic)> {
    let ids: std::collections::HashSet<&str> = requirements
        .iter()
        .filter(|r| options.register_files == 0 || options.in_register(r.file))
        .filter_map(Requirement::id)
        .collect();
    requirements
        .iter()
        .enumerate()
        .flat_map(|(index, requirement)| {
            requirement
                .replaces
                .iter()
                .filter(|replaced| !ids.contains(replaced.value.as_str()))
                .map(move |replaced| {
                    let (message, help) = if options.register_files > 0 {
                        (m::REPLACED_ID_NOT_IN_REGISTER, m::REPLACED_ID_NOT_IN_REGISTER_HELP)
                    } else {
                        (m::UNKNOWN_REPLACED_ID, m::UNKNOWN_REPLACED_ID_HELP)
                    };
                    let diagnostic = lints::UNKNOWN_REPLACED_ID
                        .at(
                            requirement.file,
                            replaced.span,
                            message.fill(lang, &[("id", &replaced.value)]),
                        )
                        .with_label(m::UNKNOWN_REPLACED_ID_LABEL.get(lang))
                        .with_help(help.get(lang))
                        .with_requirement(requirement.id());
                    (index, diagnostic)
                })
        })
        .collect()
}
