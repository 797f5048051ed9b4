//! `--format json`: one versioned document (schema in
//! `docs/json-output.schema.json`), compact unless `--pretty`; and
//! `--format jsonl`, one diagnostic a line (the schema's `line`).

use crate::diagnostics::{Counts, Diagnostic, Label, Lang, Level, Message};
use crate::source::{FileId, SourceMap, Span};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Bumped whenever a field changes meaning, appears or disappears.
/// Version 2: the rules' names, sources and quotes once, in `rules`,
/// instead of in every diagnostic. Version 3: each diagnostic's `edits`.
/// Version 4: `rules` after the lists (the codes that occur are known only
/// when the last finding is written), and the findings across files after
/// the others.
pub const JSON_VERSION: u32 = 4;

/// The document around its lists; the lists are written into it as they
/// stream (see [`super::stream`]).
#[derive(Serialize)]
pub(super) struct Report<'a> {
    pub version: u32,
    pub diagnostics: [(); 0],
    pub suppressed: [(); 0],
    /// What each code that occurs stands for, once.
    pub rules: BTreeMap<&'a str, JsonRule<'a>>,
    pub summary: Summary,
    /// Written into as the requirements stream, as the lists are.
    pub burden: [(); 0],
}

/// A code's facts, the same for every diagnostic of it.
#[derive(Serialize)]
pub(super) struct JsonRule<'a> {
    name: &'a str,
    summary: &'a str,
    /// The documents and sections a rule of the ruleset cites.
    source: Option<Cow<'a, str>>,
    /// The note the text formats end each diagnostic of the rule with:
    /// the source and the words quoted from it.
    quote_note: Option<String>,
}

/// The burden estimate of one requirement.
#[derive(Serialize)]
pub(super) struct JsonBurden {
    requirement: String,
    hours_per_year: f64,
    fte: f64,
    frontline_hours_per_year: f64,
    cost_dkk: f64,
    one_off_hours: f64,
}

impl JsonBurden {
    /// The entry of a requirement with a complete estimate; none otherwise
    /// (no figure from a requirement with errors).
    pub(super) fn of(
        requirement: &crate::model::Requirement,
        estimate: &crate::burden::Estimate,
    ) -> Option<JsonBurden> {
        estimate.complete.then(|| JsonBurden {
            requirement: requirement.name().to_owned(),
            hours_per_year: rounded(estimate.hours_per_year),
            fte: rounded(estimate.fte),
            frontline_hours_per_year: rounded(estimate.frontline_hours_per_year),
            cost_dkk: rounded(estimate.cost_dkk),
            one_off_hours: rounded(estimate.one_off_hours),
        })
    }
}

impl<'a> JsonRule<'a> {
    pub(super) fn of(rule: &'a crate::diagnostics::Entry, lang: Lang) -> JsonRule<'a> {
        JsonRule {
            name: &rule.name,
            summary: rule.summary(lang),
            source: (!rule.quotes.is_empty()).then(|| rule.source(lang)),
            quote_note: rule.quote_note(lang),
        }
    }
}

/// A diagnostic in the document: its code's facts are in `rules`.
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    level: Level,
    message: &'a Message,
    file: &'a str,
    requirement: Option<&'a str>,
    span: JsonSpan,
    labels: Vec<JsonLabel<'a>>,
    notes: &'a [Message],
    help: Option<&'a Message>,
    edits: Vec<JsonEdit<'a>>,
}

/// A suggested replacement in the diagnostic's file; `safe` ones are what
/// `check --fix` applies.
#[derive(Serialize)]
struct JsonEdit<'a> {
    span: JsonSpan,
    replacement: &'a str,
    safe: bool,
}

/// A line of `--format jsonl`: one diagnostic that stands on its own.
#[derive(Serialize)]
struct JsonLine<'a> {
    #[serde(flatten)]
    diagnostic: JsonDiagnostic<'a>,
    name: &'a str,
    source: Option<Cow<'a, str>>,
}

#[derive(Serialize)]
struct JsonSuppressed<'a> {
    reason: &'a str,
    #[serde(flatten)]
    diagnostic: JsonDiagnostic<'a>,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    file: &'a str,
    primary: bool,
    span: JsonSpan,
    message: &'a Message,
}

#[derive(Serialize)]
struct JsonSpan {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
pub(super) struct Summary {
    pub files: usize,
    pub requirements: usize,
    #[serde(flatten)]
    pub counts: Counts,
    pub suppressed: usize,
}

/// A diagnostic as an element of the document's `diagnostics`.
pub(super) fn element(d: &Diagnostic, sources: &SourceMap, out: &mut Vec<u8>, pretty: bool) -> serde_json::Result<()> {
    write_value(&diagnostic(d, sources), out, pretty)
}

/// A suppressed diagnostic as an element of `suppressed`.
pub(super) fn suppressed_element(
    s: &crate::check::suppress::Suppressed,
    sources: &SourceMap,
    out: &mut Vec<u8>,
    pretty: bool,
) -> serde_json::Result<()> {
    let element = JsonSuppressed {
        reason: &s.reason,
        diagnostic: diagnostic(&s.diagnostic, sources),
    };
    write_value(&element, out, pretty)
}

/// `--format jsonl`: a line for one diagnostic, with its code's name and
/// source, standing on its own.
pub(super) fn line(d: &Diagnostic, sources: &SourceMap, lang: Lang, out: &mut Vec<u8>) -> serde_json::Result<()> {
    let line = JsonLine {
        diagnostic: diagnostic(d, sources),
        name: d.name(),
        source: d.cited_source(lang),
    };
    serde_json::to_writer(&mut *out, &line)?;
    out.push(b'\n');
    Ok(())
}

fn write_value(value: &impl Serialize, out: &mut Vec<u8>, pretty: bool) -> serde_json::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(out, value)
    } else {
        serde_json::to_writer(out, value)
    }
}

fn diagnostic<'a>(d: &'a Diagnostic, sources: &'a SourceMap) -> JsonDiagnostic<'a> {
    let label = |label: &'a Label, primary: bool| JsonLabel {
        file: &sources.get(label.file).name,
        primary,
        span: span(sources, label),
        message: &label.message,
    };
    JsonDiagnostic {
        code: d.code(),
        level: d.level,
        message: &d.message,
        file: &sources.get(d.file()).name,
        requirement: d.requirement.as_deref(),
        span: span(sources, &d.primary),
        labels: std::iter::once(label(&d.primary, true))
            .chain(d.secondary.iter().map(|l| label(l, false)))
            .collect(),
        notes: &d.notes,
        help: d.help.as_ref(),
        edits: d
            .edits
            .iter()
            .map(|edit| JsonEdit {
                span: span_of(sources, d.file(), edit.span),
                replacement: &edit.replacement,
                safe: edit.safe,
            })
            .collect(),
    }
}

/// Three decimals are more than the estimate's precision; fewer digits keep
/// the output stable and readable.
fn rounded(n: f64) -> f64 {
    // Past 10¹⁵ a double holds no thousandths, and `n * 1000` could overflow.
    if n.abs() >= 1e15 {
        n
    } else {
        (n * 1000.0).round() / 1000.0
    }
}

fn span(sources: &SourceMap, label: &Label) -> JsonSpan {
    span_of(sources, label.file, label.span)
}

fn span_of(sources: &SourceMap, file: FileId, span: Span) -> JsonSpan {
    let file = sources.get(file);
    let Span { start, end } = file.clamp(span);
    let from = file.line_col(start);
    let to = file.line_col(end);
    JsonSpan {
        start,
        end,
        line: from.line,
        column: from.column,
        end_line: to.line,
        end_column: to.column,
    }
}
