//! One line per diagnostic: `path:line:col: level[CODE]: message`, as
//! compilers print for editors and `grep`.

use super::{escape_controls, level_word};
use crate::diagnostics::{Diagnostic, Lang};
use crate::source::SourceMap;

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
        escape_controls(&diagnostic.message.text())
    )
}

pub(super) fn render(diagnostics: &[Diagnostic], sources: &SourceMap, lang: Lang) -> Vec<u8> {
    let mut out = String::new();
    for diagnostic in diagnostics {
        out.push_str(&line(diagnostic, sources, lang));
        out.push('\n');
    }
    out.into_bytes()
}
