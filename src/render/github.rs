//! `--format github`: GitHub Actions workflow commands, which GitHub shows
//! as annotations on the lines of a pull request.

use crate::diagnostics::{messages as m, Diagnostic, Lang, Level};
use crate::source::SourceMap;
use std::fmt::Write;

pub(super) fn render(diagnostics: &[Diagnostic], sources: &SourceMap, lang: Lang) -> Vec<u8> {
    let mut out = String::new();
    for d in diagnostics {
        let file = sources.get(d.file());
        let span = file.clamp(d.primary.span);
        let start = file.line_col(span.start);
        let end = file.line_col(span.end);
        let command = match d.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note | Level::Allow => "notice",
        };
        let mut message = d.message.to_string();
        if let Some(help) = &d.help {
            let _ = write!(message, "\n{}: {help}", m::HELP_HEADING.get(lang));
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(&file.name),
            start.line,
            start.column,
            end.line,
            end.column,
            property(&format!("{} ({})", d.code(), d.name())),
            data(&message)
        );
    }
    out.into_bytes()
}

/// Escapes a command's message (GitHub's `escapeData`); other control
/// characters are written as `\u{1b}`, so the log shows no escape sequence.
fn data(text: &str) -> String {
    super::escape_controls_but(text, &['\r', '\n'])
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property (GitHub's `escapeProperty`).
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes() {
        assert_eq!(super::data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(super::property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(super::data("x\u{1b}[2Jy\r"), "x\\u{1b}[2Jy%0D");
    }
}
