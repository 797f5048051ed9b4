//! Diagnostics → text. Every format renders the same [`Checked`] result;
//! none of them decides anything.

pub mod burden;
mod human;
mod json;
mod short;

use crate::check::Checked;
use crate::diagnostics::{join_and, Counts, Lang};
use crate::source::SourceMap;

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
}

/// How to render.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    pub lang: Lang,
    pub color: bool,
    /// Leave out the summary line.
    pub quiet: bool,
}

/// Renders a check result in `format`.
pub fn render(format: Format, checked: &Checked, sources: &SourceMap, style: Style) -> Vec<u8> {
    match format {
        Format::Human => human::render(checked, sources, style),
        Format::Short => short::render(checked, sources, style),
        Format::Json => json::render(checked, sources),
    }
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
