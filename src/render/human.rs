//! The default format: rustc-style diagnostics through codespan-reporting,
//! then a summary line like cargo's.

use super::{counts_phrase, Style};
use crate::check::Checked;
use crate::diagnostics::{format_number, Counts, Diagnostic, Lang, Level};
use crate::source::{FileId, SourceMap};
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, termcolor, Chars, Config};
use std::io::Write;
use std::ops::Range;
use termcolor::{Buffer, Color, ColorSpec, WriteColor};

pub(super) fn render(checked: &Checked, sources: &SourceMap, style: Style) -> Vec<u8> {
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
    for diagnostic in &checked.diagnostics {
        let converted = convert(diagnostic, sources, style.lang);
        // A span outside its file would be a bug; write the diagnostic's
        // short form rather than lose it.
        if term::emit_to_write_style(&mut buffer, &config, &files, &converted).is_err() {
            let _ = writeln!(
                buffer,
                "{}: {}[{}]: {}",
                sources.get(diagnostic.file()).name,
                diagnostic.level,
                diagnostic.code,
                diagnostic.message
            );
        }
    }
    if !style.quiet {
        burden_line(&mut buffer, checked, style.lang);
        summary(&mut buffer, checked, style.lang);
    }
    buffer.into_inner()
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
    let (note, help) = match lang {
        Lang::En => ("note", "help"),
        Lang::Da => ("note", "hjælp"),
    };
    // Continuation lines line up under the text, as rustc's do.
    let labelled = |label: &str, text: &str| {
        let indent = format!("\n{}", " ".repeat(label.chars().count() + 2));
        format!("{label}: {}", text.replace('\n', &indent))
    };
    let mut notes: Vec<String> = diagnostic.notes.iter().map(|n| labelled(note, n)).collect();
    if let Some(text) = &diagnostic.help {
        notes.push(labelled(help, text));
    }
    cs::Diagnostic::new(severity)
        .with_code(&diagnostic.code)
        .with_message(&diagnostic.message)
        .with_labels(labels)
        .with_notes(notes)
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
