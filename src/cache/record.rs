//! What an entry holds of a file: each of its parts as the check judged
//! it, with what the checks across files read besides (which requirements
//! are well-formed, and the suppressions that name a code of those
//! checks), in postcard's compact binary form. Findings are kept by code
//! and looked up in the run's registry when read back; file ids are not
//! kept (they differ between runs) but set to the file's when read back.
//! A text filled in when written is kept as written: its template is the
//! run's message table or ruleset, which an entry cannot point into; read
//! back, the texts of a file's findings are shared (see [`Texts`]).

use crate::burden::Estimate;
use crate::check::suppress::{Directive, Suppressed};
use crate::check::Part;
use crate::diagnostics::{Diagnostic, Edit, Label, Level, Message, Registry};
use crate::model::{Date, Requirement};
use crate::source::{FileId, Span};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// A part of a file as judged, and what the checks across files read of
/// it besides.
#[derive(Debug, Default)]
pub struct JudgedPart {
    pub part: Part,
    /// Whether each requirement was read without a language error.
    pub valid: Vec<bool>,
    /// The suppressions that name a code of the checks across files.
    pub directives: Vec<Directive>,
}

#[derive(Serialize, Deserialize)]
struct PartRecord<'a> {
    /// The day its findings were counted from, if they depend on it.
    today: Option<Date>,
    requirements: Cow<'a, [Requirement]>,
    estimates: Cow<'a, [Estimate]>,
    valid: Cow<'a, [bool]>,
    #[serde(borrow)]
    diagnostics: Vec<DiagnosticRecord<'a>>,
    #[serde(borrow)]
    suppressed: Vec<(DiagnosticRecord<'a>, Cow<'a, str>)>,
    directives: Cow<'a, [Directive]>,
}

/// A finding, its rule named by code and its file left out.
#[derive(Serialize, Deserialize)]
struct DiagnosticRecord<'a> {
    #[serde(borrow)]
    code: Cow<'a, str>,
    level: Level,
    #[serde(borrow)]
    message: Cow<'a, str>,
    #[serde(borrow)]
    primary: LabelRecord<'a>,
    #[serde(borrow)]
    secondary: Vec<LabelRecord<'a>>,
    #[serde(borrow)]
    notes: Vec<Cow<'a, str>>,
    #[serde(borrow)]
    help: Option<Cow<'a, str>>,
    #[serde(borrow)]
    requirement: Option<Cow<'a, str>>,
    edits: Cow<'a, [Edit]>,
}

#[derive(Serialize, Deserialize)]
struct LabelRecord<'a> {
    span: Span,
    #[serde(borrow)]
    message: Cow<'a, str>,
}

/// The texts of a file's findings, read back once each: most are the same
/// few texts of a few rules, so the findings of a file share them.
#[derive(Default)]
struct Texts<'a>(HashMap<&'a str, Arc<str>>);

impl<'a> Texts<'a> {
    fn shared(&mut self, text: Cow<'a, str>) -> Arc<str> {
        match text {
            Cow::Borrowed(text) => self.0.entry(text).or_insert_with(|| Arc::from(text)).clone(),
            Cow::Owned(text) => Arc::from(text),
        }
    }

    fn message(&mut self, text: Cow<'a, str>) -> Message {
        Message::Shared(self.shared(text))
    }
}

impl<'a> LabelRecord<'a> {
    fn of(label: &'a Label) -> Self {
        LabelRecord {
            span: label.span,
            message: label.message.text(),
        }
    }

    fn in_file(self, file: FileId, texts: &mut Texts<'a>) -> Label {
        Label {
            file,
            span: self.span,
            message: texts.message(self.message),
        }
    }
}

impl<'a> DiagnosticRecord<'a> {
    fn of(diagnostic: &'a Diagnostic) -> Self {
        DiagnosticRecord {
            code: Cow::Borrowed(diagnostic.code()),
            level: diagnostic.level,
            message: diagnostic.message.text(),
            primary: LabelRecord::of(&diagnostic.primary),
            secondary: diagnostic.secondary.iter().map(LabelRecord::of).collect(),
            notes: diagnostic.notes.iter().map(Message::text).collect(),
            help: diagnostic.help.as_ref().map(Message::text),
            requirement: diagnostic.requirement.as_deref().map(Cow::Borrowed),
            edits: Cow::Borrowed(&diagnostic.edits),
        }
    }

    /// The finding, in `file`; nothing if its code is not in `registry` or
    /// a span is not in the file's `len` bytes.
    fn into_diagnostic(self, reading: &Reading<'_>, texts: &mut Texts<'a>) -> Option<Diagnostic> {
        let Reading {
            registry, file, len, ..
        } = *reading;
        let rule = registry.entries().get(registry.position(&self.code)?)?.clone();
        let within = |span: &Span| span.start <= span.end && span.end <= len;
        let labels = std::iter::once(&self.primary).chain(&self.secondary);
        if !labels
            .map(|l| &l.span)
            .chain(self.edits.iter().map(|e| &e.span))
            .all(within)
        {
            return None;
        }
        Some(Diagnostic {
            rule,
            level: self.level,
            message: texts.message(self.message),
            primary: self.primary.in_file(file, texts),
            secondary: self.secondary.into_iter().map(|l| l.in_file(file, texts)).collect(),
            notes: self.notes.into_iter().map(|n| texts.message(n)).collect(),
            help: self.help.map(|h| texts.message(h)),
            requirement: self.requirement.map(|id| texts.shared(id)),
            edits: self.edits.into_owned(),
        })
    }
}

/// Appends the record of one part of `file` to `entry`; false (and
/// nothing appended) if the part points into another file, as a part
/// judged alone never does. `today` is the day the rules counted from, if
/// they read it: a part with a review date or a sunset is kept for that
/// day only.
pub fn encode(judged: &JudgedPart, today: Option<Date>, entry: &mut Vec<u8>) -> bool {
    let JudgedPart {
        part,
        valid,
        directives,
    } = judged;
    let file = part.file;
    let diagnostics = part
        .diagnostics
        .iter()
        .chain(part.suppressed.iter().map(|s| &s.diagnostic));
    let in_file = part.requirements.iter().all(|r| r.file == file)
        && directives.iter().all(|d| d.file == file)
        && diagnostics
            .flat_map(|d| std::iter::once(&d.primary).chain(&d.secondary))
            .all(|l| l.file == file);
    if !in_file {
        return false;
    }
    let dated = part
        .requirements
        .iter()
        .any(|r| r.review.is_some() || r.sunset.is_some());
    let record = PartRecord {
        today: today.filter(|_| dated),
        requirements: Cow::Borrowed(&part.requirements),
        estimates: Cow::Borrowed(&part.estimates),
        valid: Cow::Borrowed(valid),
        diagnostics: part.diagnostics.iter().map(DiagnosticRecord::of).collect(),
        suppressed: part
            .suppressed
            .iter()
            .map(|s| (DiagnosticRecord::of(&s.diagnostic), Cow::Borrowed(s.reason.as_str())))
            .collect(),
        directives: Cow::Borrowed(directives),
    };
    match postcard::to_allocvec(&record) {
        Ok(bytes) => {
            entry.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
            entry.extend_from_slice(&bytes);
            true
        }
        Err(_) => false,
    }
}

/// Where and when an entry is read back: the file's id, whether it is in
/// the register, its length, the registry of the run, and the day its
/// rules count from (if they read it).
pub struct Reading<'r> {
    pub file: FileId,
    pub in_register: bool,
    pub len: usize,
    pub registry: &'r Registry,
    pub today: Option<Date>,
}

/// The parts of a file from its entry; nothing if any of it does not read
/// back as written, or was counted from another day.
pub fn decode<'e>(entry: &'e [u8], reading: &Reading<'_>) -> Option<Vec<JudgedPart>> {
    let Reading {
        file,
        in_register,
        today,
        ..
    } = *reading;
    let mut texts: Texts<'e> = Texts::default();
    let mut parts = Vec::new();
    let mut rest = entry;
    while !rest.is_empty() {
        let (size, after) = rest.split_first_chunk::<8>()?;
        let size = usize::try_from(u64::from_le_bytes(*size)).ok()?;
        let (bytes, after) = after.split_at_checked(size)?;
        rest = after;
        let record: PartRecord<'e> = postcard::from_bytes(bytes).ok()?;
        let count = record.requirements.len();
        let stale = record.today.is_some() && record.today != today;
        if stale || record.estimates.len() != count || record.valid.len() != count {
            return None;
        }
        let mut diagnostics = |records: Vec<DiagnosticRecord<'e>>| {
            records
                .into_iter()
                .map(|r| r.into_diagnostic(reading, &mut texts))
                .collect::<Option<Vec<_>>>()
        };
        let (suppressed, reasons): (Vec<_>, Vec<_>) = record.suppressed.into_iter().unzip();
        let suppressed = diagnostics(suppressed)?
            .into_iter()
            .zip(reasons)
            .map(|(diagnostic, reason)| Suppressed {
                diagnostic,
                reason: reason.into_owned(),
            })
            .collect();
        let mut requirements = record.requirements.into_owned();
        for requirement in &mut requirements {
            requirement.file = file;
        }
        let mut directives = record.directives.into_owned();
        for directive in &mut directives {
            directive.file = file;
        }
        parts.push(JudgedPart {
            part: Part {
                file,
                in_register,
                requirements,
                estimates: record.estimates.into_owned(),
                diagnostics: diagnostics(record.diagnostics)?,
                suppressed,
            },
            valid: record.valid.into_owned(),
            directives,
        });
    }
    Some(parts)
}
