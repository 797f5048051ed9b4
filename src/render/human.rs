//! The default format: rustc-style diagnostics through codespan-reporting,
//! then a summary line like cargo's. codespan writes its header line
//! (`error[TL001]: …`) in English whatever the language, so we write that
//! line ourselves, in codespan's styles, and codespan the snippet below it.

use super::escape_controls;
use super::excerpt::Excerpts;
use super::Style;
use crate::diagnostics::{messages as m, Diagnostic, Lang, Level};
use crate::source::{FileId, SourceMap, Span};
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
    let mut one = One::new(style);
    super::write_each(diagnostics, sources, style, &mut buffer, out, |diagnostic, buffer| {
        one.render(diagnostic, sources, buffer)
    })
}

/// Renders one diagnostic at a time (also for `pretty`, for what ariadne
/// cannot cut).
pub(super) struct One {
    style: Style,
    config: Config,
    snippet: Buffer,
}

impl One {
    pub(super) fn new(style: Style) -> One {
        One {
            style,
            config: Config {
                chars: Chars::ascii(),
                ..Config::default()
            },
            snippet: if style.color {
                Buffer::ansi()
            } else {
                Buffer::no_color()
            },
        }
    }

    /// Appends `diagnostic` to `buffer`; false if codespan could not.
    pub(super) fn render(&mut self, diagnostic: &Diagnostic, sources: &SourceMap, buffer: &mut Buffer) -> bool {
        let (converted, excerpts) = convert(diagnostic, sources, self.style.lang);
        let files = CodespanFiles(&excerpts);
        self.snippet.clear();
        if term::emit_to_write_style(&mut self.snippet, &self.config, &files, &converted).is_err() {
            return false;
        }
        // With an empty message codespan's header is exactly one line.
        let rendered = self.snippet.as_slice();
        let Some(end) = rendered.iter().position(|&b| b == b'\n') else {
            return false;
        };
        if diagnostic.edits.is_empty() {
            return header(buffer, converted.severity, diagnostic, self.style.lang).is_ok()
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
        header(buffer, converted.severity, diagnostic, self.style.lang).is_ok()
            && buffer.write_all(body).is_ok()
            && write_spacer(buffer, &spacer).is_ok()
            && super::suggestion::write(buffer, diagnostic, sources, self.style.lang, width).is_ok()
            && writeln!(buffer).is_ok()
    }
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
    write!(out, ": {}", super::escape_text(&diagnostic.message.text()))?;
    out.reset()?;
    writeln!(out)
}

/// The most secondary labels a snippet shows; the rest are counted in a
/// note. codespan draws a label's line through every label beside it, so
/// a thousand labels would cost a million steps and as many characters.
pub(super) const MAX_SECONDARY_LABELS: usize = 20;

/// The diagnostic for codespan, its labels pointing into the excerpts of
/// their files (see [`Excerpts`]), which it returns too.
fn convert(diagnostic: &Diagnostic, sources: &SourceMap, lang: Lang) -> (cs::Diagnostic<FileId>, Excerpts) {
    let severity = match diagnostic.level {
        Level::Error => cs::Severity::Error,
        Level::Warning => cs::Severity::Warning,
        Level::Note | Level::Allow => cs::Severity::Note,
    };
    let clamp = |file: FileId, span: Span| (file, sources.get(file).clamp(span));
    let secondary = &diagnostic.secondary[..diagnostic.secondary.len().min(MAX_SECONDARY_LABELS)];
    let spans: Vec<(FileId, Span)> = std::iter::once(clamp(diagnostic.file(), diagnostic.primary.span))
        .chain(secondary.iter().map(|label| clamp(label.file, label.span)))
        .collect();
    let excerpts = Excerpts::new(sources, &spans);
    let range = |&(file, span): &(FileId, Span)| {
        let (source, excerpt) = (sources.get(file), &excerpts.0[&file]);
        excerpt.offset(source, span.start)..excerpt.offset(source, span.end)
    };
    let mut labels = vec![cs::Label::primary(diagnostic.file(), range(&spans[0]))
        .with_message(escape_controls(&diagnostic.primary.message.text()))];
    labels.extend(secondary.iter().zip(&spans[1..]).map(|(label, at)| {
        cs::Label::secondary(label.file, range(at)).with_message(escape_controls(&label.message.text()))
    }));
    let (note, help) = (m::NOTE_HEADING.get(lang), m::HELP_HEADING.get(lang));
    // Continuation lines line up under the text, as rustc's do.
    let labelled = |label: &str, text: &str| {
        let indent = format!("\n{}", " ".repeat(label.chars().count() + 2));
        format!("{label}: {}", text.replace('\n', &indent))
    };
    let mut notes: Vec<String> = diagnostic
        .all_notes(lang)
        .map(|n| labelled(note, &super::escape_text(&n)))
        .collect();
    let left_out = diagnostic.secondary.len() - secondary.len();
    if left_out > 0 {
        let n = left_out.to_string();
        notes.push(labelled(note, &m::MORE_LABELS.fill(lang, &[("n", &n)])));
    }
    // With edits, the help heads the suggestion instead (see `suggestion`).
    if let (Some(text), true) = (&diagnostic.help, diagnostic.edits.is_empty()) {
        notes.push(labelled(help, &super::escape_text(&text.text())));
    }
    // The header is ours (see `header`): codespan gets no message.
    let converted = cs::Diagnostic::new(severity)
        .with_code(diagnostic.code())
        .with_labels(labels)
        .with_notes(notes);
    (converted, excerpts)
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
        .chain(diagnostic.secondary.iter().take(MAX_SECONDARY_LABELS))
        .map(|label| {
            let file = sources.get(label.file);
            file.line_col(label.span.end.max(label.span.start)).line
        })
        .max()
        .unwrap_or(1)
        .to_string()
        .len()
}

/// codespan's view of a diagnostic's files: their excerpts, with the
/// original line numbers and columns.
struct CodespanFiles<'e>(&'e Excerpts);

impl<'e> Files<'e> for CodespanFiles<'e> {
    type FileId = FileId;
    type Name = &'e str;
    type Source = &'e str;

    fn name(&'e self, id: FileId) -> Result<&'e str, FilesError> {
        self.0
             .0
            .get(&id)
            .map(|e| e.name.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn source(&'e self, id: FileId) -> Result<&'e str, FilesError> {
        self.0
             .0
            .get(&id)
            .map(|e| e.text.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn line_index(&'e self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        Ok(self
            .0
             .0
            .get(&id)
            .ok_or(FilesError::FileMissing)?
            .line_index(byte_index))
    }

    fn line_range(&'e self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        Ok(self
            .0
             .0
            .get(&id)
            .ok_or(FilesError::FileMissing)?
            .line_range(line_index))
    }

    fn column_number(&'e self, id: FileId, line_index: usize, byte_index: usize) -> Result<usize, FilesError> {
        let excerpt = self.0 .0.get(&id).ok_or(FilesError::FileMissing)?;
        match excerpt.column(byte_index) {
            Some(column) => Ok(column),
            None => {
                let line = excerpt.line_range(line_index);
                let end = byte_index.clamp(line.start, line.end);
                Ok(excerpt.text[line.start..end].chars().count() + 1)
            }
        }
    }
}
