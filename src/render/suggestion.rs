//! A diagnostic's edits shown as rustc shows a suggestion: the help line,
//! then each line the edits touch as it would read fixed, with `~` under
//! what is replaced.
//!
//! ```text
//! help: did you mean `formål`?
//!   |
//! 3 |   formål: kontrol "…"
//!   |   ~~~~~~
//! ```

use crate::diagnostics::{messages as m, Diagnostic, Lang};
use crate::source::SourceMap;
use codespan_reporting::diagnostic::Severity;
use codespan_reporting::term::termcolor::WriteColor;
use codespan_reporting::term::Styles;
use std::io;

/// Tabs are shown as codespan shows them, so the `~` line up.
const TAB: &str = "    ";

/// A line an edit touches: its index, its text fixed so far, where the
/// replacements stand in it (column, width) and how far the old line is read.
type Line = (usize, String, Vec<(usize, usize)>, usize);

/// The lines of the suggestion block; nothing when the diagnostic has no
/// edits. `gutter` is the width of the line numbers of the snippet above.
pub(super) fn write(
    out: &mut dyn WriteColor,
    diagnostic: &Diagnostic,
    sources: &SourceMap,
    lang: Lang,
    gutter: usize,
) -> io::Result<()> {
    if diagnostic.edits.is_empty() {
        return Ok(());
    }
    let file = sources.get(diagnostic.file());
    let mut edits: Vec<_> = diagnostic
        .edits
        .iter()
        .map(|e| (file.clamp(e.span), e.replacement.as_str()))
        .collect();
    edits.sort_by_key(|(span, _)| (span.start, span.end));
    let mut lines: Vec<Line> = Vec::new();
    for (span, replacement) in edits {
        let line = file.line_index(span.start);
        let Some(range) = file.line_range(line) else { continue };
        if span.end > range.end {
            continue;
        }
        if lines.last().is_none_or(|(l, ..)| *l != line) {
            lines.push((line, String::new(), Vec::new(), range.start));
        }
        let Some((_, text, marks, at)) = lines.last_mut() else {
            continue;
        };
        if span.start < *at {
            continue;
        }
        text.push_str(&file.text[*at..span.start].replace('\t', TAB));
        let column = text.chars().count();
        text.push_str(replacement);
        marks.push((column, replacement.chars().count().max(1)));
        *at = span.end;
    }
    for (line, text, _, at) in &mut lines {
        let end = file.line_range(*line).map_or(*at, |r| r.end);
        text.push_str(&file.text[*at..end].replace('\t', TAB));
    }
    if lines.is_empty() {
        return Ok(());
    }
    let styles = Styles::default();
    let width = lines
        .iter()
        .map(|(l, ..)| (l + 1).to_string().len())
        .max()
        .unwrap_or(1)
        .max(gutter);
    out.set_color(styles.header(Severity::Help))?;
    write!(out, "{}", m::HELP_HEADING.get(lang))?;
    out.set_color(styles.header_message())?;
    write!(
        out,
        ": {}",
        diagnostic.help.as_ref().map(|h| h.text()).unwrap_or_default()
    )?;
    out.reset()?;
    writeln!(out)?;
    let border = |out: &mut dyn WriteColor| -> io::Result<()> {
        out.set_color(styles.source_border())?;
        write!(out, "{} |", " ".repeat(width))?;
        out.reset()
    };
    border(out)?;
    writeln!(out)?;
    for (line, text, marks, _) in &lines {
        out.set_color(styles.line_number())?;
        write!(out, "{:>width$} |", line + 1)?;
        out.reset()?;
        writeln!(out, " {text}")?;
        border(out)?;
        write!(out, " ")?;
        let mut column = 0;
        out.set_color(styles.label(Severity::Help, codespan_reporting::diagnostic::LabelStyle::Primary))?;
        for (start, len) in marks {
            write!(out, "{}{}", " ".repeat(start - column), "~".repeat(*len))?;
            column = start + len;
        }
        out.reset()?;
        writeln!(out)?;
    }
    Ok(())
}
