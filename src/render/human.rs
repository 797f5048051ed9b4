//! The default format: rustc-style diagnostics through codespan-reporting,
//! then a summary line like cargo's. codespan writes its header line
//! (`error[TL001]: …`) in English whatever the language, so we write that
//! line ourselves, in codespan's styles, and codespan the snippet below it.

use super::Style;
use crate::diagnostics::{messages as m, Diagnostic, Lang, Level};
use crate::source::{FileId, SourceMap};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, termcolor, Chars, Config, Styles};
use std::io::Write;
use std::ops::Range;
use termcolor::{Buffer, WriteColor};

/// Writes diagnostic by diagnostic, so a large report is never held whole.
pub(super) fn write(
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    style: Style,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut buffer = if style.color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    let files = CodespanFiles(sources);
    let mut snippet = if style.color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    super::write_each(diagnostics, sources, style, &mut buffer, out, |diagnostic, buffer| {
        let converted = convert(diagnostic, sources, style.lang);
        snippet.clear();
        if term::emit_to_write_style(&mut snippet, &config, &files, &converted).is_err() {
            return false;
        }
        // With an empty message codespan's header is exactly one line.
        let rendered = snippet.as_slice();
        let Some(end) = rendered.iter().position(|&b| b == b'\n') else {
            return false;
        };
        if diagnostic.edits.is_empty() {
            return header(buffer, converted.severity, diagnostic, style.lang).is_ok()
                && buffer.write_all(&rendered[end + 1..]).is_ok();
        }
        // The suggestion goes after the notes, before the blank line that
        // ends the diagnostic.
        let body = &rendered[end + 1..];
        let body = body.strip_suffix(b"\n").unwrap_or(body);
        // After a label rustc leaves an empty gutter line; after a note, none.
        let width = gutter(diagnostic, sources);
        let spacer = if converted.notes.is_empty() {
            format!("{} |\n", " ".repeat(width))
        } else {
            String::new()
        };
        header(buffer, converted.severity, diagnostic, style.lang).is_ok()
            && buffer.write_all(body).is_ok()
            && write_spacer(buffer, &spacer).is_ok()
            && super::suggestion::write(buffer, diagnostic, sources, style.lang, width).is_ok()
            && writeln!(buffer).is_ok()
    })
}

/// `fejl[TL001]: message` in the words of `lang`, styled as codespan's own.
fn header(out: &mut Buffer, severity: cs::Severity, diagnostic: &Diagnostic, lang: Lang) -> std::io::Result<()> {
    let styles = Styles::default();
    out.set_color(styles.header(severity))?;
    write!(
        out,
        "{}[{}]",
        super::level_word(diagnostic.level, lang),
        diagnostic.code()
    )?;
    out.set_color(styles.header_message())?;
    write!(out, ": {}", diagnostic.message)?;
    out.reset()?;
    writeln!(out)
}

fn convert(diagnostic: &Diagnostic, sources: &SourceMap, lang: Lang) -> cs::Diagnostic<FileId> {
    let severity = match diagnostic.level {
        Level::Error => cs::Severity::Error,
        Level::Warning => cs::Severity::Warning,
        Level::Note | Level::Allow => cs::Severity::Note,
    };
    let clamp = |file: FileId, span: crate::source::Span| sources.get(file).clamp(span).range();
    let mut labels = vec![
        cs::Label::primary(diagnostic.file(), clamp(diagnostic.file(), diagnostic.primary.span))
            .with_message(&diagnostic.primary.message),
    ];
    labels.extend(
        diagnostic
            .secondary
            .iter()
            .map(|label| cs::Label::secondary(label.file, clamp(label.file, label.span)).with_message(&label.message)),
    );
    let (note, help) = (m::NOTE_HEADING.get(lang), m::HELP_HEADING.get(lang));
    // Continuation lines line up under the text, as rustc's do.
    let labelled = |label: &str, text: &str| {
        let indent = format!("\n{}", " ".repeat(label.chars().count() + 2));
        format!("{label}: {}", text.replace('\n', &indent))
    };
    let mut notes: Vec<String> = diagnostic.all_notes().map(|n| labelled(note, &n)).collect();
    // With edits, the help heads the suggestion instead (see `suggestion`).
    if let (Some(text), true) = (&diagnostic.help, diagnostic.edits.is_empty()) {
        notes.push(labelled(help, text));
    }
    // The header is ours (see `header`): codespan gets no message.
    cs::Diagnostic::new(severity)
        .with_code(diagnostic.code())
        .with_labels(labels)
        .with_notes(notes)
}

fn write_spacer(buffer: &mut Buffer, spacer: &str) -> std::io::Result<()> {
    buffer.set_color(Styles::default().source_border())?;
    buffer.write_all(spacer.as_bytes())?;
    buffer.reset()
}

/// The width of the line numbers in codespan's snippet: that of the
/// largest line a label touches.
fn gutter(diagnostic: &Diagnostic, sources: &SourceMap) -> usize {
    std::iter::once(&diagnostic.primary)
        .chain(&diagnostic.secondary)
        .map(|label| {
            let file = sources.get(label.file);
            file.line_col(label.span.end.max(label.span.start)).line
        })
        .max()
        .unwrap_or(1)
        .to_string()
        .len()
}

/// codespan's view of our files, using our line tables.
struct CodespanFiles<'s>(&'s SourceMap);

impl<'s> Files<'s> for CodespanFiles<'s> {
    type FileId = FileId;
    type Name = &'s str;
    type Source = &'s str;

    fn name(&'s self, id: FileId) -> Result<&'s str, FilesError> {
        Ok(&self.0.get(id).name)
    }

    fn source(&'s self, id: FileId) -> Result<&'s str, FilesError> {
        Ok(&self.0.get(id).text)
    }

    fn line_index(&'s self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        Ok(self.0.get(id).line_index(byte_index))
    }

    fn line_range(&'s self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        let file = self.0.get(id);
        let starts = file.line_starts();
        let start = *starts.get(line_index).ok_or(FilesError::LineTooLarge {
            given: line_index,
            max: starts.len().saturating_sub(1),
        })?;
        let end = starts.get(line_index + 1).copied().unwrap_or(file.text.len());
        Ok(start..end)
    }
}
