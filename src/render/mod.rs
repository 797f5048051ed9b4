//! Diagnostics → text. Every format renders the same [`Checked`] result;
//! none of them decides anything.

pub mod burden;
mod github;
mod human;
mod json;
mod pretty;
mod sarif;
mod short;

use crate::check::Checked;
use crate::diagnostics::{format_number, join_and, Counts, Lang, Level};
use crate::engine::RuleInfo;
use crate::source::SourceMap;
use codespan_reporting::term::termcolor::{Buffer, Color, ColorSpec, WriteColor};
use std::io::{self, Write};

pub use json::JSON_VERSION;

/// The output formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// rustc style, via codespan-reporting.
    Human,
    /// `path:line:col: level[CODE]: message`, one line each.
    Short,
    /// One JSON document (see CLI.md).
    Json,
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

/// Writes a check result in `format` to `out` as it renders, so a large
/// report is never held in memory whole; `rules` describes every code
/// (SARIF lists them).
pub fn write(
    format: Format,
    checked: &Checked,
    sources: &SourceMap,
    style: Style,
    rules: &[RuleInfo],
    out: &mut dyn io::Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::write(checked, sources, style, out),
        Format::Short => out.write_all(&short::render(checked, sources, style)),
        Format::Json => json::write(checked, sources, out),
        Format::Pretty => pretty::write(checked, sources, style, out),
        Format::Sarif => sarif::write(checked, sources, rules, out),
        Format::Github => out.write_all(&github::render(checked, sources)),
    }
}

/// [`write`] into a buffer.
pub fn render(format: Format, checked: &Checked, sources: &SourceMap, style: Style, rules: &[RuleInfo]) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write(format, checked, sources, style, rules, &mut out);
    out
}

/// The human format, for messages outside `check` (ruleset errors, examples).
pub fn human(checked: &Checked, sources: &SourceMap, style: Style) -> Vec<u8> {
    render(Format::Human, checked, sources, style, &[])
}

/// `--statistics`: how many diagnostics of each code, most first, as ruff
/// prints them; JSON when `json` is set.
pub fn statistics(checked: &Checked, json: bool) -> Vec<u8> {
    let mut counts: Vec<(usize, &str, &str, Level)> = Vec::new();
    for d in &checked.diagnostics {
        match counts.iter_mut().find(|(_, code, ..)| *code == d.code) {
            Some(entry) => entry.0 += 1,
            None => counts.push((1, &d.code, &d.name, d.level)),
        }
    }
    counts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    if json {
        let list: Vec<serde_json::Value> = counts
            .iter()
            .map(|(count, code, name, level)| serde_json::json!({"code": code, "name": name, "level": level, "count": count}))
            .collect();
        let mut out = serde_json::to_vec_pretty(&list).unwrap_or_default();
        out.push(b'\n');
        return out;
    }
    let width = counts.iter().map(|c| c.0.to_string().len()).max().unwrap_or(1);
    let mut out = String::new();
    for (count, code, name, level) in counts {
        out.push_str(&format!("{count:>width$}  {code:<6} {name} ({level})\n"));
    }
    out.into_bytes()
}

/// "2 errors, 1 warning and 3 notes" in the chosen language; zero counts
/// are left out ("no problems" when all are zero).
fn counts_phrase(counts: Counts, lang: Lang) -> String {
    let (words, none) = match lang {
        Lang::En => (
            [("error", "errors"), ("warning", "warnings"), ("note", "notes")],
            "no problems",
        ),
        Lang::Da => (
            [("fejl", "fejl"), ("advarsel", "advarsler"), ("note", "noter")],
            "ingen problemer",
        ),
    };
    let parts: Vec<String> = [counts.errors, counts.warnings, counts.notes]
        .into_iter()
        .zip(words)
        .filter(|(n, _)| *n > 0)
        .map(|(n, (one, many))| format!("{n} {}", if n == 1 { one } else { many }))
        .collect();
    if parts.is_empty() {
        none.to_owned()
    } else {
        join_and(&parts, lang)
    }
}

/// The loop of the text formats: each diagnostic rendered by `one` into
/// `buffer` (or, if it cannot be, in the short form) and written out before
/// the next, then the closing lines.
fn write_each(
    checked: &Checked,
    sources: &SourceMap,
    style: Style,
    buffer: &mut Buffer,
    out: &mut dyn io::Write,
    mut one: impl FnMut(&crate::diagnostics::Diagnostic, &mut Buffer) -> bool,
) -> io::Result<()> {
    for diagnostic in &checked.diagnostics {
        // A span outside its file would be a bug; the short form loses nothing.
        if !one(diagnostic, buffer) {
            let _ = writeln!(buffer, "{}", short::line(diagnostic, sources));
        }
        out.write_all(buffer.as_slice())?;
        buffer.clear();
    }
    if !style.quiet {
        write_closing(buffer, checked, style.lang);
    }
    out.write_all(buffer.as_slice())
}

/// The closing lines of the text formats: the burden estimate and a
/// summary like cargo's.
fn write_closing(buffer: &mut Buffer, checked: &Checked, lang: Lang) {
    burden_line(buffer, checked, lang);
    summary(buffer, checked, lang);
}

/// "burden: 27,375 hours a year (14.2 FTE, DKK 10,950,000), 27,375 of them frontline"
fn burden_line(buffer: &mut Buffer, checked: &Checked, lang: Lang) {
    if checked.estimates.is_empty() {
        return;
    }
    let sum = |f: fn(&crate::burden::Estimate) -> f64| checked.estimates.iter().map(f).sum::<f64>();
    let n = |x: f64| format_number(x, lang);
    let (hours, fte, cost, frontline) = (
        n(sum(|e| e.hours_per_year)),
        n(sum(|e| e.fte)),
        n(sum(|e| e.cost_dkk)),
        n(sum(|e| e.frontline_hours_per_year)),
    );
    let _ = buffer.set_color(ColorSpec::new().set_bold(true));
    let _ = match lang {
        Lang::En => write!(buffer, "burden"),
        Lang::Da => write!(buffer, "byrde"),
    };
    let _ = buffer.reset();
    let _ = match lang {
        Lang::En => writeln!(
            buffer,
            ": {hours} hours a year ({fte} FTE, DKK {cost}), {frontline} of them taken from work with citizens"
        ),
        Lang::Da => writeln!(
            buffer,
            ": {hours} timer om året ({fte} årsværk, {cost} kr.), heraf {frontline} fra arbejdet med borgerne"
        ),
    };
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

fn summary(buffer: &mut Buffer, checked: &Checked, lang: Lang) {
    let counts = Counts::of(&checked.diagnostics);
    let files = checked.files;
    let requirements = checked.requirements.len();
    let (head, color) = if counts.errors > 0 {
        ("error", Some(Color::Red))
    } else if counts.warnings > 0 {
        ("warning", Some(Color::Yellow))
    } else {
        ("", None)
    };
    let text = match (lang, counts == Counts::default()) {
        (Lang::En, true) => format!(
            "checked {files} {} ({requirements} {}): no problems found",
            plural(files, "file", "files"),
            plural(requirements, "requirement", "requirements")
        ),
        (Lang::Da, true) => format!(
            "tjekkede {files} {} ({requirements} krav): ingen problemer fundet",
            plural(files, "fil", "filer")
        ),
        (Lang::En, false) => format!(
            "found {} in {files} {} ({requirements} {} checked)",
            counts_phrase(counts, lang),
            plural(files, "file", "files"),
            plural(requirements, "requirement", "requirements")
        ),
        (Lang::Da, false) => format!(
            "fandt {} i {files} {} ({requirements} krav tjekket)",
            counts_phrase(counts, lang),
            plural(files, "fil", "filer")
        ),
    };
    let head = match (lang, head) {
        (Lang::Da, "error") => "fejl",
        (Lang::Da, "warning") => "advarsel",
        (_, head) => head,
    };
    if let Some(color) = color {
        let _ = buffer.set_color(ColorSpec::new().set_fg(Some(color)).set_bold(true));
        let _ = write!(buffer, "{head}");
        let _ = buffer.set_color(ColorSpec::new().set_bold(true));
        let _ = write!(buffer, ": ");
    }
    let _ = writeln!(buffer, "{text}");
    let _ = buffer.reset();
}
