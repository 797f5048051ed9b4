//! `--format json`: one versioned document (schema in
//! `docs/json-output.schema.json`).

use crate::check::Checked;
use crate::diagnostics::{Counts, Diagnostic, Label, Level};
use crate::source::{SourceMap, Span};
use serde::Serialize;

/// Bumped whenever a field changes meaning or disappears.
pub const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    suppressed: Vec<JsonSuppressed<'a>>,
    summary: Summary,
    burden: Vec<JsonBurden<'a>>,
}

/// The burden estimate of one requirement.
#[derive(Serialize)]
struct JsonBurden<'a> {
    requirement: &'a str,
    hours_per_year: f64,
    fte: f64,
    frontline_hours_per_year: f64,
    cost_dkk: f64,
    one_off_hours: f64,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    name: &'a str,
    level: Level,
    message: &'a str,
    file: &'a str,
    requirement: Option<&'a str>,
    span: JsonSpan,
    labels: Vec<JsonLabel<'a>>,
    notes: Vec<std::borrow::Cow<'a, str>>,
    help: Option<&'a str>,
    source: Option<&'a str>,
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
    message: &'a str,
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
struct Summary {
    files: usize,
    requirements: usize,
    #[serde(flatten)]
    counts: Counts,
    suppressed: usize,
}

pub(super) fn write(checked: &Checked, sources: &SourceMap, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let report = Report {
        version: super::JSON_VERSION,
        diagnostics: checked.diagnostics.iter().map(|d| diagnostic(d, sources)).collect(),
        suppressed: checked
            .suppressed
            .iter()
            .map(|s| JsonSuppressed {
                reason: &s.reason,
                diagnostic: diagnostic(&s.diagnostic, sources),
            })
            .collect(),
        summary: Summary {
            files: checked.files,
            requirements: checked.requirements.len(),
            counts: Counts::of(&checked.diagnostics),
            suppressed: checked.suppressed.len(),
        },
        burden: checked
            .requirements
            .iter()
            .zip(&checked.estimates)
            .map(|(requirement, estimate)| JsonBurden {
                requirement: requirement.name(),
                hours_per_year: rounded(estimate.hours_per_year),
                fte: rounded(estimate.fte),
                frontline_hours_per_year: rounded(estimate.frontline_hours_per_year),
                cost_dkk: rounded(estimate.cost_dkk),
                one_off_hours: rounded(estimate.one_off_hours),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    out.write_all(b"\n")
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
        name: d.name(),
        level: d.level,
        message: &d.message,
        file: &sources.get(d.file()).name,
        requirement: d.requirement.as_deref(),
        span: span(sources, &d.primary),
        labels: std::iter::once(label(&d.primary, true))
            .chain(d.secondary.iter().map(|l| label(l, false)))
            .collect(),
        notes: d.all_notes().collect(),
        help: d.help.as_deref(),
        source: d.cited_source(),
    }
}

/// Three decimals are more than the estimate's precision; fewer digits keep
/// the output stable and readable.
fn rounded(n: f64) -> f64 {
    (n * 1000.0).round() / 1000.0
}

fn span(sources: &SourceMap, label: &Label) -> JsonSpan {
    let file = sources.get(label.file);
    let Span { start, end } = file.clamp(label.span);
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
