//! Diagnostics → text. Every format renders the same [`Checked`] result;
//! none of them decides anything.

pub mod audit;
pub mod burden;
pub mod diff;
mod excerpt;
mod github;
mod human;
mod json;
mod pretty;
pub mod report;
mod sarif;
mod short;
mod spill;
mod stream;
mod suggestion;

use crate::check::Checked;
use crate::diagnostics::{format_number, join_and, messages as m, Counts, Lang, Level, Registry};
use crate::source::SourceMap;
use codespan_reporting::term::termcolor::{Buffer, Color, ColorSpec, WriteColor};
use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

pub use json::JSON_VERSION;
pub use stream::{Outputs, Stream};

/// The output formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// rustc style, via codespan-reporting.
    Human,
    /// `path:line:col: level[CODE]: message`, one line each.
    Short,
    /// One JSON document (docs/json-output.schema.json), compact.
    Json,
    /// The same document indented, for people.
    JsonPretty,
    /// One diagnostic a line as JSON, for consumers that read a stream.
    Jsonl,
    /// The human content through ariadne.
    Pretty,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
    /// GitHub Actions annotations.
    Github,
}

/// How to render.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    pub lang: Lang,
    pub color: bool,
    /// Leave out the summary line.
    pub quiet: bool,
}

/// Writes a check result in `format` to `out` (the whole result at once;
/// `check` streams through [`Stream`] instead); `registry` holds every
/// code (SARIF lists them).
pub fn write(
    format: Format,
    checked: &Checked,
    sources: &SourceMap,
    style: Style,
    registry: &Registry,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let mut stream = Stream::new(format, style, registry, false);
    stream.begin(out)?;
    let part = stream.render_lists(&checked.diagnostics, &checked.suppressed, sources);
    stream.count(&checked.diagnostics, &checked.suppressed);
    stream.add_requirements(&checked.requirements, &checked.estimates);
    stream.write_part(part, out)?;
    stream.end(checked.files, out)
}

/// [`write`] into a buffer.
pub fn render(format: Format, checked: &Checked, sources: &SourceMap, style: Style, registry: &Registry) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write(format, checked, sources, style, registry, &mut out);
    out
}

/// The human format, for messages outside `check` (ruleset errors, examples).
pub fn human(checked: &Checked, sources: &SourceMap, style: Style) -> Vec<u8> {
    render(Format::Human, checked, sources, style, &Registry::default())
}

/// `--statistics`: how many diagnostics of each code, most first, as ruff
/// prints them, with the levels in `lang`; JSON when `json` is set.
pub fn statistics(checked: &Checked, json: bool, lang: Lang) -> Vec<u8> {
    let mut counts = stream::CodeCounts::default();
    counts.add(&checked.diagnostics);
    counts.render(json, lang)
}

/// `text` with every control character (and the invisible marks that
/// reorder text, U+202A–U+202E and U+2066–U+2069) written as `\u{1b}`, so
/// a file name or a comment cannot move the cursor, colour the terminal
/// or forge a line of output. Line breaks too: one line stays one line.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    escape_controls_but(text, &[])
}

/// A character [`escape_controls`] writes as an escape.
fn hostile(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// [`escape_controls`] for a message or a note, whose line breaks are ours.
fn escape_text(text: &str) -> Cow<'_, str> {
    escape_controls_but(text, &['\n'])
}

/// [`escape_controls`] leaving the characters of `keep` as they are.
fn escape_controls_but<'t>(text: &'t str, keep: &[char]) -> Cow<'t, str> {
    let hostile = |c: char| !keep.contains(&c) && hostile(c);
    if !text.chars().any(hostile) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hostile(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The word for a level in the text formats: `error`, `fejl`, ….
fn level_word(level: Level, lang: Lang) -> &'static str {
    level.word(lang)
}

/// "2 errors, 1 warning and 3 notes" in the chosen language; zero counts
/// are left out ("no problems" when all are zero).
pub fn counts_phrase(counts: Counts, lang: Lang) -> String {
    let parts: Vec<String> = [
        (counts.errors, m::COUNT_ERRORS),
        (counts.warnings, m::COUNT_WARNINGS),
        (counts.notes, m::COUNT_NOTES),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, text)| text.fill(lang, &[("n", &n.to_string())]))
    .collect();
    if parts.is_empty() {
        m::NO_PROBLEMS.get(lang).to_owned()
    } else {
        join_and(&parts, lang)
    }
}

/// The loop of the text formats: each diagnostic rendered by `one` into
/// `buffer` (or, if it cannot be, in the short form) and written out before
/// the next.
fn write_each(
    diagnostics: &[crate::diagnostics::Diagnostic],
    sources: &SourceMap,
    style: Style,
    buffer: &mut Buffer,
    out: &mut dyn io::Write,
    mut one: impl FnMut(&crate::diagnostics::Diagnostic, &mut Buffer) -> bool,
) -> io::Result<()> {
    for diagnostic in diagnostics {
        // A span outside its file would be a bug; the short form loses nothing.
        if !one(diagnostic, buffer) {
            let _ = writeln!(buffer, "{}", short::line(diagnostic, sources, style.lang));
        }
        out.write_all(buffer.as_slice())?;
        buffer.clear();
    }
    Ok(())
}

/// What the closing lines and the summaries count, over a whole check.
#[derive(Clone, Copy, Debug, Default)]
pub struct Totals {
    pub files: usize,
    pub requirements: usize,
    pub counts: Counts,
    pub suppressed: usize,
    /// Diagnostics with a safe fix.
    pub fixable: usize,
    /// Requirements whose estimate is complete, and the sums of theirs.
    pub estimated: usize,
    pub hours_per_year: f64,
    pub fte: f64,
    pub cost_dkk: f64,
    pub frontline_hours_per_year: f64,
}

/// The closing lines of the text formats: the burden estimate and a
/// summary like cargo's.
fn write_closing(buffer: &mut Buffer, totals: &Totals, lang: Lang) {
    burden_line(buffer, totals, lang);
    summary(buffer, totals, lang);
    fixable_line(buffer, totals, lang);
}

/// "3 of them can be fixed with `trustlint check --fix`", as ruff says it.
fn fixable_line(buffer: &mut Buffer, totals: &Totals, lang: Lang) {
    if totals.fixable > 0 {
        let _ = writeln!(
            buffer,
            "{}",
            m::FIXABLE.fill(lang, &[("n", &totals.fixable.to_string())])
        );
    }
}

/// "burden: 27,375 hours a year (14.2 FTE, DKK 10,950,000), 27,375 of them frontline"
fn burden_line(buffer: &mut Buffer, totals: &Totals, lang: Lang) {
    if totals.requirements == 0 {
        return;
    }
    // Only complete estimates are summed; the others are named, never
    // counted as zero.
    let incomplete = (totals.requirements - totals.estimated).to_string();
    let n = |x: f64| format_number(x, lang);
    let line = if totals.estimated == 0 {
        m::BURDEN_NOT_ESTIMATED.fill(lang, &[("n", &incomplete)])
    } else {
        let mut line = m::BURDEN_TOTAL.fill(
            lang,
            &[
                ("hours", &n(totals.hours_per_year)),
                ("fte", &n(totals.fte)),
                ("cost", &n(totals.cost_dkk)),
                ("frontline", &n(totals.frontline_hours_per_year)),
            ],
        );
        if incomplete != "0" {
            line = format!(
                "{line} ({})",
                m::BURDEN_PARTLY_ESTIMATED.fill(lang, &[("n", &incomplete)])
            );
        }
        line
    };
    let _ = buffer.set_color(ColorSpec::new().set_bold(true));
    let _ = write!(buffer, "{}", m::BURDEN_HEADING.get(lang));
    let _ = buffer.reset();
    let _ = writeln!(buffer, ": {line}");
}

fn summary(buffer: &mut Buffer, totals: &Totals, lang: Lang) {
    let counts = totals.counts;
    let files = m::COUNT_FILES.fill(lang, &[("n", &totals.files.to_string())]);
    let requirements = m::COUNT_REQUIREMENTS.fill(lang, &[("n", &totals.requirements.to_string())]);
    let head = if counts.errors > 0 {
        Some((m::ERROR_HEADING, Color::Red))
    } else if counts.warnings > 0 {
        Some((m::WARNING_HEADING, Color::Yellow))
    } else {
        None
    };
    let text = if counts == Counts::default() {
        m::CHECKED_CLEAN.fill(lang, &[("files", &files), ("requirements", &requirements)])
    } else {
        m::CHECKED_FOUND.fill(
            lang,
            &[
                ("counts", &counts_phrase(counts, lang)),
                ("files", &files),
                ("requirements", &requirements),
            ],
        )
    };
    if let Some((head, color)) = head {
        let _ = buffer.set_color(ColorSpec::new().set_fg(Some(color)).set_bold(true));
        let _ = write!(buffer, "{}", head.get(lang));
        let _ = buffer.set_color(ColorSpec::new().set_bold(true));
        let _ = write!(buffer, ": ");
    }
    let _ = writeln!(buffer, "{text}");
    let _ = buffer.reset();
}
