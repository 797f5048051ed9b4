//! `--format json`: one versioned document (schema in
//! `docs/json-output.schema.json`), compact unless `--pretty`; and
//! `--format jsonl`, one diagnostic a line (the schema's `line`).

use crate::check::Checked;
use crate::diagnostics::{Counts, Diagnostic, Label, Lang, Level};
use crate::source::{FileId, SourceMap, Span};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Bumped whenever a field changes meaning, appears or disappears.
/// Version 2: the rules' names, sources and quotes once, in `rules`,
/// instead of in every diagnostic. Version 3: each diagnostic's `edits`.
pub const JSON_VERSION: u32 = 3;

#[derive(Serialize)]
#[serde(bound = "Lazy<D>: Serialize, Lazy<S>: Serialize, Lazy<B>: Serialize")]
struct Report<'a, D, S, B> {
    version: u32,
    /// What each code that occurs stands for, once.
    rules: BTreeMap<&'a str, JsonRule<'a>>,
    diagnostics: Lazy<D>,
    suppressed: Lazy<S>,
    summary: Summary,
    burden: Lazy<B>,
}

/// A list written element by element as it is serialised, so the report
/// is never held in memory a second time.
struct Lazy<F>(F);

impl<F, I> Serialize for Lazy<F>
where
    F: Fn() -> I,
    I: IntoIterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// A code's facts, the same for every diagnostic of it.
#[derive(Serialize)]
struct JsonRule<'a> {
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
struct JsonBurden<'a> {
    requirement: &'a str,
    hours_per_year: f64,
    fte: f64,
    frontline_hours_per_year: f64,
    cost_dkk: f64,
    one_off_hours: f64,
}

/// A diagnostic in the document: its code's facts are in `rules`.
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    level: Level,
    message: &'a str,
    file: &'a str,
    requirement: Option<&'a str>,
    span: JsonSpan,
    labels: Vec<JsonLabel<'a>>,
    notes: &'a [String],
    help: Option<&'a str>,
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

/// `--format json`: one document, compact unless `pretty`.
pub(super) fn write(
    checked: &Checked,
    sources: &SourceMap,
    lang: Lang,
    pretty: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let layout = if pretty {
        Layout::Pretty
    } else {
        Layout::Compact(Batches::for_threads())
    };
    write_as(checked, sources, lang, layout, out)
}

enum Layout {
    Pretty,
    Compact(Batches),
    /// serde's own compact writer, one thread: what `Compact` must equal.
    #[cfg(test)]
    Serde,
}

fn write_as(
    checked: &Checked,
    sources: &SourceMap,
    lang: Lang,
    layout: Layout,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut rules = BTreeMap::new();
    let everything = checked
        .diagnostics
        .iter()
        .chain(checked.suppressed.iter().map(|s| &s.diagnostic));
    for d in everything {
        rules.entry(d.code()).or_insert_with(|| JsonRule {
            name: d.name(),
            summary: d.rule.summary(lang),
            source: d.cited_source(lang),
            quote_note: d.rule.quote_note(lang),
        });
    }
    let report = Report {
        version: JSON_VERSION,
        rules,
        diagnostics: Lazy(|| checked.diagnostics.iter().map(|d| diagnostic(d, sources))),
        suppressed: Lazy(|| {
            checked.suppressed.iter().map(|s| JsonSuppressed {
                reason: &s.reason,
                diagnostic: diagnostic(&s.diagnostic, sources),
            })
        }),
        summary: Summary {
            files: checked.files,
            requirements: checked.requirements.len(),
            counts: Counts::of(&checked.diagnostics),
            suppressed: checked.suppressed.len(),
        },
        burden: Lazy(|| {
            checked
                .requirements
                .iter()
                .zip(&checked.estimates)
                // No figure from a requirement with errors.
                .filter(|(_, estimate)| estimate.complete)
                .map(|(requirement, estimate)| JsonBurden {
                    requirement: requirement.name(),
                    hours_per_year: rounded(estimate.hours_per_year),
                    fte: rounded(estimate.fte),
                    frontline_hours_per_year: rounded(estimate.frontline_hours_per_year),
                    cost_dkk: rounded(estimate.cost_dkk),
                    one_off_hours: rounded(estimate.one_off_hours),
                })
        }),
    };
    match layout {
        Layout::Pretty => serde_json::to_writer_pretty(&mut *out, &report)?,
        Layout::Compact(batches) => write_compact(&report, &checked.diagnostics, sources, batches, out)?,
        #[cfg(test)]
        Layout::Serde => serde_json::to_writer(&mut *out, &report)?,
    }
    out.write_all(b"\n")
}

/// How the diagnostics are cut for rendering in parallel: `batch`
/// diagnostics to a task, `window` at a time held rendered.
#[derive(Clone, Copy)]
struct Batches {
    batch: usize,
    window: usize,
}

impl Batches {
    fn for_threads() -> Batches {
        const BATCH: usize = 512;
        Batches {
            batch: BATCH,
            window: BATCH * 2 * rayon::current_num_threads(),
        }
    }
}

/// The compact document, byte for byte what serde writes for `report`
/// (a test holds it to that), with the diagnostics — most of it — rendered
/// in parallel a window at a time and written in order.
fn write_compact<D, S, B>(
    report: &Report<'_, D, S, B>,
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    batches: Batches,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()>
where
    Lazy<S>: Serialize,
    Lazy<B>: Serialize,
{
    use rayon::prelude::*;
    // Every field by name, so a new one cannot be left out here.
    let Report {
        version,
        rules,
        diagnostics: _,
        suppressed,
        summary,
        burden,
    } = report;
    out.write_all(b"{\"version\":")?;
    serde_json::to_writer(&mut *out, version)?;
    out.write_all(b",\"rules\":")?;
    serde_json::to_writer(&mut *out, rules)?;
    out.write_all(b",\"diagnostics\":[")?;
    let mut first = true;
    for window in diagnostics.chunks(batches.window.max(1)) {
        let parts: Vec<Result<Vec<u8>, serde_json::Error>> = window
            .par_chunks(batches.batch.max(1))
            .map(|batch| {
                let mut part = Vec::with_capacity(batch.len() * 768);
                for (i, d) in batch.iter().enumerate() {
                    if i > 0 {
                        part.push(b',');
                    }
                    serde_json::to_writer(&mut part, &diagnostic(d, sources))?;
                }
                Ok(part)
            })
            .collect();
        for part in parts {
            if !first {
                out.write_all(b",")?;
            }
            first = false;
            out.write_all(&part?)?;
        }
    }
    out.write_all(b"],\"suppressed\":")?;
    serde_json::to_writer(&mut *out, suppressed)?;
    out.write_all(b",\"summary\":")?;
    serde_json::to_writer(&mut *out, summary)?;
    out.write_all(b",\"burden\":")?;
    serde_json::to_writer(&mut *out, burden)?;
    out.write_all(b"}")
}

/// `--format jsonl`: one diagnostic a line, in the order of the other
/// formats, each with its code's name and source; nothing else (the
/// summary and the burden are in `--format json`).
pub(super) fn write_lines(
    checked: &Checked,
    sources: &SourceMap,
    lang: Lang,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    for d in &checked.diagnostics {
        let line = JsonLine {
            diagnostic: diagnostic(d, sources),
            name: d.name(),
            source: d.cited_source(lang),
        };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
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
        help: d.help.as_deref(),
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

#[cfg(test)]
mod tests {
    use super::{write_as, Batches, Layout};
    use crate::check::{self, Options};
    use crate::diagnostics::Lang;
    use crate::engine::ruleset;
    use crate::source::{FileId, SourceFile, SourceMap};

    #[test]
    fn the_compact_document_renders_in_parallel_to_what_serde_writes() {
        let example = include_str!("../../examples/abolished/daily-face-to-face.krav");
        let mut sources = SourceMap::new();
        for i in 0..5 {
            let text = example.replace("id: SOF-2014-03", &format!("id: SOF-2014-9{i}"));
            sources.add(SourceFile::new(format!("f{i}.krav"), text));
        }
        let ruleset = ruleset::load(FileId(0), ruleset::DEFAULT_TEXT).expect("the default ruleset");
        let checked = check::check(&sources, &[None, None, None, None, None], &ruleset, &Options::default());
        assert!(
            checked.diagnostics.len() > 40,
            "{} diagnostics",
            checked.diagnostics.len()
        );
        let mut expected = Vec::new();
        write_as(&checked, &sources, Lang::En, Layout::Serde, &mut expected).expect("written");
        // Batches of every shape: one diagnostic, a few, windows that cut a
        // batch short, everything at once.
        for (batch, window) in [(1, 1), (3, 7), (4, 8), (5, 1000), (1000, 1000)] {
            let mut compact = Vec::new();
            write_as(
                &checked,
                &sources,
                Lang::En,
                Layout::Compact(Batches { batch, window }),
                &mut compact,
            )
            .expect("written");
            assert!(compact == expected, "batch {batch}, window {window}");
        }
    }
}
