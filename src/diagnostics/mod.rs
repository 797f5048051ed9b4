//! The one data type every stage reports with, whatever renders it.

pub mod lints;
mod message;
pub mod messages;
mod packed;
pub mod registry;
mod suggest;
mod text;

pub use message::{Arg, Message, Pattern, Piece, MAX_FILLED_CHARS, MAX_MESSAGE_CHARS};
pub use registry::{Entry, Registry, RuleRef};
pub use suggest::{suggest, suggest_preferring, Suggestion};
pub use text::{format_number, is_singular, join_and, Lang, Text};

use crate::source::{FileId, Span};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// How serious a diagnostic is. `Allow` switches a code off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Note,
    Allow,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "note",
            Level::Allow => "allow",
        }
    }

    /// The word a reader reads for the level: `fejl`, `advarsel`,
    /// `bemærkning` in Danish (`allow` reads as a note: nothing shows it).
    pub fn word(self, lang: Lang) -> &'static str {
        match self {
            Level::Error => messages::ERROR_HEADING.get(lang),
            Level::Warning => messages::WARNING_HEADING.get(lang),
            Level::Note | Level::Allow => messages::NOTE_HEADING.get(lang),
        }
    }

    pub fn parse(word: &str) -> Option<Level> {
        match word {
            "error" | "deny" => Some(Level::Error),
            "warning" | "warn" => Some(Level::Warning),
            "note" => Some(Level::Note),
            "allow" | "off" => Some(Level::Allow),
            _ => None,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A span in a file with a message, as rustc's `^^^ message`.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub file: FileId,
    pub span: Span,
    pub message: Message,
}

/// A suggested change to the diagnostic's file, as rustc's suggestions:
/// `span` replaced by `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
    /// Whether `check --fix` applies it without a person looking (rustc's
    /// "machine-applicable"): only where the intent is beyond doubt, as a
    /// misspelt word with one clear candidate or a decimal comma.
    pub safe: bool,
}

/// One finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// The registry entry: code, name, source and quote live there, once.
    pub rule: RuleRef,
    /// The level as set for this run (the entry's default until the check
    /// stage applies the user's levels).
    pub level: Level,
    pub message: Message,
    /// Where the problem is; its file is the diagnostic's file.
    pub primary: Label,
    /// Related places (the first occurrence of a duplicate key, an opening brace).
    pub secondary: Vec<Label>,
    /// Notes of this finding; the rule's quote is added when written
    /// ([`Diagnostic::all_notes`]).
    pub notes: Vec<Message>,
    pub help: Option<Message>,
    /// The id of the requirement the diagnostic is about, when there is
    /// one; shared by the findings of one requirement.
    pub requirement: Option<Arc<str>>,
    /// The edits that would fix it, in the diagnostic's file; none when
    /// the fix needs a person's judgement.
    pub edits: Vec<Edit>,
}

impl Diagnostic {
    pub fn code(&self) -> &str {
        &self.rule.code
    }

    pub fn name(&self) -> &str {
        &self.rule.name
    }

    /// The documents and sections a rule's diagnostic cites; none for a
    /// language check.
    pub fn cited_source(&self, lang: Lang) -> Option<Cow<'_, str>> {
        (!self.rule.quotes.is_empty()).then(|| self.rule.source(lang))
    }

    /// Every note as written: the rule's quotes first, each with its
    /// source, then the finding's own.
    pub fn all_notes(&self, lang: Lang) -> impl Iterator<Item = Cow<'_, str>> {
        self.rule
            .quote_notes(lang)
            .map(Cow::Owned)
            .chain(self.notes.iter().map(Message::text))
    }

    pub fn file(&self) -> FileId {
        self.primary.file
    }

    pub fn with_label(mut self, message: impl Into<Message>) -> Self {
        self.primary.message = message.into();
        self
    }

    pub fn with_secondary(mut self, file: FileId, span: Span, message: impl Into<Message>) -> Self {
        self.secondary.push(Label {
            file,
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_note(mut self, note: impl Into<Message>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<Message>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// A suggested replacement of `span` in the diagnostic's file.
    pub fn with_edit(mut self, span: Span, replacement: impl Into<String>, safe: bool) -> Self {
        self.edits.push(Edit {
            span,
            replacement: replacement.into(),
            safe,
        });
        self
    }

    pub fn with_requirement(mut self, id: Option<&str>) -> Self {
        self.requirement = id.map(Arc::from);
        self
    }

    /// The same as [`Diagnostic::with_requirement`], with an id shared by
    /// the findings of one requirement.
    pub fn with_shared_requirement(mut self, id: Option<Arc<str>>) -> Self {
        self.requirement = id;
        self
    }

    /// The same diagnostic with every span moved `offset` bytes on (for a
    /// part of a file parsed on its own).
    pub fn shifted(mut self, offset: usize) -> Self {
        for label in std::iter::once(&mut self.primary).chain(self.secondary.iter_mut()) {
            label.span = Span::new(label.span.start + offset, label.span.end + offset);
        }
        for edit in &mut self.edits {
            edit.span = Span::new(edit.span.start + offset, edit.span.end + offset);
        }
        self
    }

    /// The order every output uses, whatever order the checks ran in.
    pub fn sort_key(&self) -> (FileId, usize, usize, &str) {
        (
            self.primary.file,
            self.primary.span.start,
            self.primary.span.end,
            self.code(),
        )
    }
}

/// Diagnostics counted by level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Counts {
    pub fn of<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Counts {
        let mut counts = Counts::default();
        for diagnostic in diagnostics {
            match diagnostic.level {
                Level::Error => counts.errors += 1,
                Level::Warning => counts.warnings += 1,
                Level::Note => counts.notes += 1,
                Level::Allow => {}
            }
        }
        counts
    }
}
