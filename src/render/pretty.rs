//! `--format pretty`: the same diagnostics through ariadne. ariadne counts
//! in characters by default and panics on a span inside a character or past
//! the end (ariadne #156), so spans are byte-indexed and clamped to
//! character boundaries inside their file first.
//!
//! ariadne names a report's kind as we ask (`ReportKind::Custom`), but writes
//! "Help" and "Note" before help and notes itself; in Danish those two words
//! are put in our words after rendering (see [`translate_headings`]).

use super::Style;
use crate::diagnostics::{messages as m, Diagnostic, Lang, Level};
use crate::source::{FileId, SourceMap, Span};
use ariadne::{Color, Config, IndexType, Label, Report, ReportKind};
use codespan_reporting::term::termcolor::Buffer;
use std::fmt;
use std::io::Write;
use std::ops::Range;

/// A file for ariadne: shown by name, told apart by index.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key(usize, String);

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.1)
    }
}

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
    let config = Config::default()
        .with_index_type(IndexType::Byte)
        .with_color(style.color);
    // ariadne's kinds in Danish: "Fejl", as its own "Error".
    let kinds = [m::ERROR_HEADING, m::WARNING_HEADING, m::NOTE_HEADING].map(|word| capitalise(word.get(style.lang)));
    let mut rendered = Vec::new();
    let mut cut = super::human::One::new(style);
    super::write_each(diagnostics, sources, style, &mut buffer, out, |diagnostic, buffer| {
        if !fits(diagnostic, sources) {
            return cut.render(diagnostic, sources, buffer);
        }
        rendered.clear();
        let mut excerpts = Excerpts::of(diagnostic, sources);
        if report(diagnostic, sources, &excerpts.starts(), config, style.lang, &kinds)
            .write(&mut excerpts, &mut rendered)
            .is_err()
        {
            return false;
        }
        let text = String::from_utf8_lossy(&rendered);
        let text = match style.lang {
            Lang::En => text,
            Lang::Da => translate_headings(&text, style.lang).into(),
        };
        // ariadne colours a custom kind even with colour off.
        let text = if style.color {
            text
        } else {
            without_colour(&text).into()
        };
        buffer.write_all(text.as_bytes()).is_ok()
            && super::suggestion::write(buffer, diagnostic, sources, style.lang, 0).is_ok()
    })
}

/// The lines of each file a diagnostic's labels touch (a few, see
/// [`fits`]), after as many empty lines as come before them, for ariadne:
/// it builds a line table over what it is given, so a whole file for each
/// diagnostic would make a large file's check quadratic.
struct Excerpts(Vec<(Key, FileId, usize, ariadne::Source<String>)>);

impl Excerpts {
    fn of(diagnostic: &Diagnostic, sources: &SourceMap) -> Excerpts {
        let labels = std::iter::once((diagnostic.file(), diagnostic.primary.span))
            .chain(diagnostic.secondary.iter().map(|l| (l.file, l.span)));
        let mut lines: Vec<(FileId, usize, usize)> = Vec::new();
        for (id, span) in labels {
            let file = sources.get(id);
            let span = file.clamp(span);
            let (first, last) = (file.line_index(span.start), file.line_index(span.end));
            match lines.iter_mut().find(|(f, ..)| *f == id) {
                Some((_, low, high)) => (*low, *high) = ((*low).min(first), (*high).max(last)),
                None => lines.push((id, first, last)),
            }
        }
        Excerpts(
            lines
                .into_iter()
                .map(|(id, first, last)| {
                    let file = sources.get(id);
                    let start = file.line_start(first).unwrap_or(0);
                    let end = file.line_start(last + 1).unwrap_or(file.text.len());
                    // The lines before as empty ones, so ariadne numbers
                    // the lines right (its gutter ignores a line offset).
                    let mut text = "\n".repeat(first);
                    text.push_str(&file.text[start..end]);
                    (key(sources, id), id, start - first, ariadne::Source::from(text))
                })
                .collect(),
        )
    }

    /// Where each file's excerpt starts in the file (its empty lines
    /// counted as one byte each).
    fn starts(&self) -> Vec<(FileId, usize)> {
        self.0.iter().map(|(_, id, start, _)| (*id, *start)).collect()
    }
}

impl ariadne::Cache<Key> for Excerpts {
    type Storage = String;

    fn fetch(&mut self, id: &Key) -> Result<&ariadne::Source<String>, impl fmt::Debug> {
        self.0
            .iter()
            .find(|(key, ..)| key == id)
            .map(|(.., source)| source)
            .ok_or("not a file of the diagnostic")
    }

    fn display<'a>(&self, id: &'a Key) -> Option<impl fmt::Display + 'a> {
        Some(id)
    }
}

fn key(sources: &SourceMap, id: FileId) -> Key {
    Key(id.0, super::escape_controls(&sources.get(id).name).into_owned())
}

/// Whether ariadne can show a diagnostic as it is: ariadne prints every
/// line from a file's first label to its last, whole and as written. When
/// that is more than a few lines, or one of them is long or holds a
/// control character, or it is past line 5,000, or the labels are too
/// many to draw, the diagnostic is rendered as `human` renders it, cut
/// around its labels and escaped.
fn fits(diagnostic: &Diagnostic, sources: &SourceMap) -> bool {
    const MAX_LINES: usize = 20;
    // ariadne is given the lines before a label as empty lines (see
    // `Excerpts`): past this many, the cut rendering costs less.
    const MAX_LINE_BEFORE: usize = 5_000;
    if diagnostic.secondary.len() > super::human::MAX_SECONDARY_LABELS {
        return false;
    }
    let labels = std::iter::once((diagnostic.file(), diagnostic.primary.span))
        .chain(diagnostic.secondary.iter().map(|l| (l.file, l.span)));
    let mut ranges: Vec<(FileId, usize, usize)> = Vec::new();
    for (id, span) in labels {
        let file = sources.get(id);
        let span = file.clamp(span);
        let (first, last) = (file.line_index(span.start), file.line_index(span.end));
        match ranges.iter_mut().find(|(f, ..)| *f == id) {
            Some((_, low, high)) => (*low, *high) = ((*low).min(first), (*high).max(last)),
            None => ranges.push((id, first, last)),
        }
    }
    ranges.iter().all(|&(id, first, last)| {
        let file = sources.get(id);
        first < MAX_LINE_BEFORE
            && last - first < MAX_LINES
            && (first..=last).all(|line| {
                file.line_range(line).is_some_and(|range| {
                    let text = &file.text[range];
                    text.len() <= super::excerpt::LINE_LIMIT && !text.chars().any(|c| c != '\t' && super::hostile(c))
                })
            })
    })
}

/// A span in its file's excerpt, which starts at `starts`' offset.
fn span(sources: &SourceMap, starts: &[(FileId, usize)], id: FileId, span: Span) -> (Key, Range<usize>) {
    let start = starts.iter().find(|(f, _)| *f == id).map_or(0, |(_, start)| *start);
    let span = sources.get(id).clamp(span);
    (key(sources, id), span.start - start..span.end - start)
}

/// ariadne's headings "Help", "Note", "Help 1", … at the start of a line
/// of the report (after its margin), in `lang`. ariadne writes them only
/// there, right after the margin's box-drawing characters and colour codes,
/// followed by `:` or a number; text of ours never starts a line that way
/// in Danish.
fn translate_headings(report: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(report.len() + 64);
    for line in report.split_inclusive('\n') {
        out.push_str(&translate_heading(line, lang));
    }
    out
}

fn translate_heading(line: &str, lang: Lang) -> String {
    let mut in_escape = false;
    for (at, c) in line.char_indices() {
        if in_escape {
            in_escape = c != 'm';
            continue;
        }
        match c {
            '\u{1b}' => in_escape = true,
            c if c.is_whitespace() || !c.is_alphanumeric() && c != ':' => {}
            _ => {
                let rest = &line[at..];
                for (english, ours) in [("Help", m::HELP_HEADING), ("Note", m::NOTE_HEADING)] {
                    let Some(after) = rest.strip_prefix(english) else {
                        continue;
                    };
                    if after.starts_with([':', ' ', '\u{1b}']) {
                        return format!("{}{}{after}", &line[..at], capitalise(ours.get(lang)));
                    }
                }
                return line.to_owned();
            }
        }
    }
    line.to_owned()
}

/// `text` without its ANSI colour codes (`ESC [ … m`).
fn without_colour(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_escape = false;
    for c in text.chars() {
        match c {
            '\u{1b}' => in_escape = true,
            'm' if in_escape => in_escape = false,
            _ if in_escape => {}
            _ => out.push(c),
        }
    }
    out
}

/// "fejl" → "Fejl".
fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// `kinds` are the Danish names of error, warning and note, for ariadne's
/// header (English keeps ariadne's own Error, Warning and Advice).
fn report<'a>(
    d: &Diagnostic,
    sources: &SourceMap,
    starts: &[(FileId, usize)],
    config: Config,
    lang: Lang,
    kinds: &'a [String; 3],
) -> Report<'a, (Key, Range<usize>)> {
    let (kind, color) = match (d.level, lang) {
        (Level::Error, Lang::En) => (ReportKind::Error, Color::Red),
        (Level::Warning, Lang::En) => (ReportKind::Warning, Color::Yellow),
        (Level::Note | Level::Allow, Lang::En) => (ReportKind::Advice, Color::Cyan),
        (Level::Error, Lang::Da) => (ReportKind::Custom(&kinds[0], Color::Red), Color::Red),
        (Level::Warning, Lang::Da) => (ReportKind::Custom(&kinds[1], Color::Yellow), Color::Yellow),
        (Level::Note | Level::Allow, Lang::Da) => (ReportKind::Custom(&kinds[2], Color::Cyan), Color::Cyan),
    };
    let mut builder = Report::build(kind, span(sources, starts, d.file(), d.primary.span))
        .with_config(config)
        .with_code(d.code())
        .with_message(super::escape_text(&d.message.text()))
        .with_label(
            Label::new(span(sources, starts, d.file(), d.primary.span))
                .with_message(super::escape_controls(&d.primary.message.text()))
                .with_color(color),
        );
    for label in &d.secondary {
        builder = builder.with_label(
            Label::new(span(sources, starts, label.file, label.span))
                .with_message(super::escape_controls(&label.message.text()))
                .with_color(Color::Blue),
        );
    }
    for note in d.all_notes(lang) {
        builder = builder.with_note(super::escape_text(&note));
    }
    // With edits, the help heads the suggestion after the report instead.
    if let (Some(help), true) = (&d.help, d.edits.is_empty()) {
        builder = builder.with_help(super::escape_text(&help.text()));
    }
    builder.finish()
}
