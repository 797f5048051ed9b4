//! `--format pretty`: the same diagnostics through ariadne. ariadne counts
//! in characters by default and panics on a span inside a character or past
//! the end (ariadne #156), so spans are byte-indexed and clamped to
//! character boundaries inside their file first.

use super::Style;
use crate::check::Checked;
use crate::diagnostics::{Diagnostic, Level};
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

pub(super) fn write(checked: &Checked, sources: &SourceMap, style: Style, out: &mut dyn Write) -> std::io::Result<()> {
    let mut buffer = if style.color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    // Only the files that diagnostics point into are handed to ariadne.
    let mut used: Vec<FileId> = checked
        .diagnostics
        .iter()
        .flat_map(|d| std::iter::once(d.file()).chain(d.secondary.iter().map(|l| l.file)))
        .collect();
    used.sort();
    used.dedup();
    let mut cache = ariadne::sources(used.iter().map(|id| (key(sources, *id), sources.get(*id).text.clone())));
    let config = Config::default()
        .with_index_type(IndexType::Byte)
        .with_color(style.color);
    super::write_each(checked, sources, style, &mut buffer, out, |diagnostic, buffer| {
        report(diagnostic, sources, config).write(&mut cache, buffer).is_ok()
    })
}

fn key(sources: &SourceMap, id: FileId) -> Key {
    Key(id.0, sources.get(id).name.clone())
}

fn span(sources: &SourceMap, id: FileId, span: Span) -> (Key, Range<usize>) {
    (key(sources, id), sources.get(id).clamp(span).range())
}

/// ariadne writes its own "Note" and "Help" headings, in English whatever `--lang` says.
fn report<'a>(d: &Diagnostic, sources: &SourceMap, config: Config) -> Report<'a, (Key, Range<usize>)> {
    let (kind, color) = match d.level {
        Level::Error => (ReportKind::Error, Color::Red),
        Level::Warning => (ReportKind::Warning, Color::Yellow),
        Level::Note | Level::Allow => (ReportKind::Advice, Color::Cyan),
    };
    let mut builder = Report::build(kind, span(sources, d.file(), d.primary.span))
        .with_config(config)
        .with_code(d.code())
        .with_message(&d.message)
        .with_label(
            Label::new(span(sources, d.file(), d.primary.span))
                .with_message(&d.primary.message)
                .with_color(color),
        );
    for label in &d.secondary {
        builder = builder.with_label(
            Label::new(span(sources, label.file, label.span))
                .with_message(&label.message)
                .with_color(Color::Blue),
        );
    }
    for note in d.all_notes() {
        builder = builder.with_note(note);
    }
    if let Some(help) = &d.help {
        builder = builder.with_help(help);
    }
    builder.finish()
}
