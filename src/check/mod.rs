//! The pipeline for a set of files checked together: per file, syntax →
//! model → suppression comments; then the burden estimates, the checks
//! across files (TL006, TL007) and the ruleset's rules; then suppressions
//! are applied and the diagnostics sorted, so the output is the same
//! whatever order the work was done in.

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

pub mod suppress;

/// What a check is run with.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub lang: Lang,
    /// The level of each code, as the user set them; applied here, once,
    /// to every diagnostic.
    pub levels: Levels,
    /// The day date rules count from (`--today`); the system's date when
    /// not given.
    pub today: Option<Date>,
}

/// Everything a renderer needs.
#[derive(Debug, Default)]
pub struct Checked {
    pub requirements: Vec<Requirement>,
    /// The burden estimate of each requirement, in the same order.
    pub estimates: Vec<Estimate>,
    /// Sorted by file, position and code.
    pub diagnostics: Vec<Diagnostic>,
    /// Diagnostics silenced by a reasoned suppression, in the same order.
    pub suppressed: Vec<Suppressed>,
    pub files: usize,
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
        .chain(unknown_replaced_ids(&requirements, lang));
    for (index, diagnostic) in across {
        // A duplicate id is a language error too.
        if diagnostic.level == Level::Error {
            valid[index] = false;
        }
        diagnostics.push(diagnostic);
    }
    let estimates: Vec<Estimate> = requirements
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
    let judged: Vec<Judged<'_>> = requirements
        .iter()
        .zip(&estimates)
        .zip(&valid)
        .filter(|(_, valid)| **valid)
        .map(|((requirement, estimate), _)| Judged { requirement, estimate })
        .collect();
    let allowed = |code: &str| options.levels.is_allowed(code);
    let today = options.today.or_else(Date::today);
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
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    suppressed.sort_by(|a, b| a.diagnostic.sort_key().cmp(&b.diagnostic.sort_key()));
    Checked {
        requirements,
        estimates,
        diagnostics,
        suppressed,
        files: sources.len(),
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
            let (document, mut diagnostics) = syntax::parse_range(id, &source.text, range.clone(), lang);
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

/// TL007: `replaces` names an id that no requirement checked has, with
/// the index of the requirement that names it.
fn unknown_replaced_ids(requirements: &[Requirement], lang: Lang) -> Vec<(usize, Diagnostic)> {
    let ids: std::collections::HashSet<&str> = requirements.iter().filter_map(Requirement::id).collect();
    requirements
        .iter()
        .enumerate()
        .flat_map(|(index, requirement)| {
            requirement
                .replaces
                .iter()
                .filter(|replaced| !ids.contains(replaced.value.as_str()))
                .map(move |replaced| {
                    let diagnostic = lints::UNKNOWN_REPLACED_ID
                        .at(
                            requirement.file,
                            replaced.span,
                            m::UNKNOWN_REPLACED_ID.fill(lang, &[("id", &replaced.value)]),
                        )
                        .with_label(m::UNKNOWN_REPLACED_ID_LABEL.get(lang))
                        .with_help(m::UNKNOWN_REPLACED_ID_HELP.get(lang))
                        .with_requirement(requirement.id());
                    (index, diagnostic)
                })
        })
        .collect()
}
