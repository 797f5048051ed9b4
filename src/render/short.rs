//! One line per diagnostic: `path:line:col: level[CODE]: message`, as
//! compilers print for editors and `grep`.

use super::{counts_phrase, escape_controls, level_word, Style};
use crate::check::Checked;
use crate::diagnostics::{Counts, Diagnostic, Lang};
use crate::source::SourceMap;
use std::fmt::Write;

/// `path:line:col: level[CODE]: message`; also what the other text formats
/// write when their renderer cannot show a diagnostic.
pub(super) fn line(diagnostic: &Diagnostic, sources: &SourceMap, lang: Lang) -> String {
    let file = sources.get(diagnostic.file());
    let at = file.line_col(diagnostic.primary.span.start);
    format!(
        "{}:{}:{}: {}[{}]: {}",
        escape_controls(&file.name),
        at.line,
        at.column,
        level_word(diagnostic.level, lang),
        diagnostic.code(),
        escape_controls(&diagnostic.message)
    )
}

pub(super) fn render(checked: &Checked, sources: &SourceMap, style: Style) -> Vec<u8> {
    let mut out = String::new();
    for diagnostic in &checked.diagnostics {
        out.push_str(&line(diagnostic, sources, style.lang));
        out.push('\n');
    }
    if !style.quiet && !checked.diagnostics.is_empty() {
        let _ = writeln!(out, "{}", counts_phrase(Counts::of(&checked.diagnostics), style.lang));
    }
    out.into_bytes()
}
