//! Syntax tree → typed requirement. Every key of docs/language.md as a Rust
//! type, every value with its span. Building the model is where keys and
//! values are checked (TL002–TL005); what a requirement *means* for the
//! Kodeks is the rule engine's business.

mod build;
mod date;
pub mod keywords;
pub mod placeholder;
pub mod template;

pub use build::{build, Built};
pub use date::Date;
pub use keywords::{
    Application, BurdenKey, DataMode, Decider, FrequencyWord, Key, KeyFacts, KeyTable, Keyword, MeasureKind,
    PurposeKind, RiskLevel, TriggerKind,
};
// "Did you mean" serves every stage; the model's keyword suggestions use it most.
pub use crate::diagnostics::suggest;

use crate::diagnostics::Lang;
use crate::source::{FileId, Span};
use serde::{Deserialize, Serialize};

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// One proposed requirement.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Requirement {
    pub file: FileId,
    /// The language its keywords are written in (its opener's, `krav` or
    /// `requirement`): help about it names keywords in that language.
    pub keywords: Lang,
    pub title: Spanned<String>,
    pub id: Option<Spanned<String>>,
    pub owner: Option<Spanned<String>>,
    pub purposes: Vec<Purpose>,
    pub legal_basis: Option<Spanned<String>>,
    pub risk: Option<Risk>,
    pub trigger: Option<Trigger>,
    pub investigation: Option<Spanned<String>>,
    pub scope: Option<Scope>,
    pub goal: Option<Spanned<String>>,
    pub method: Option<Spanned<String>>,
    /// Who decides how it is carried out.
    pub decided_by: Option<Described<Decider>>,
    /// Every case alike, or where judged or agreed.
    pub applies_to: Option<Described<Application>>,
    pub data: Vec<DataItem>,
    pub burdens: Vec<Burden>,
    pub measures: Vec<Measure>,
    pub reporting: Option<Spanned<Reporting>>,
    pub review: Option<Spanned<Review>>,
    pub sunset: Option<Spanned<Date>>,
    pub replaces: Vec<Spanned<String>>,
    pub dispensation: Option<Spanned<Dispensation>>,
    /// How the people who carry the burden were consulted.
    pub heard: Option<Spanned<String>>,
    /// Every key written in the block, in the order written (rules put
    /// their labels on these).
    pub entries: Vec<EntrySpan>,
}

/// Where an entry's value was written (for a `burden` block, its label).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntrySpan {
    pub key: Key,
    pub value_span: Span,
}

impl Requirement {
    /// A requirement with a title and nothing else: every optional value
    /// missing and every list empty (the builder fills it in entry by entry).
    pub fn titled(file: FileId, keywords: Lang, title: Spanned<String>) -> Self {
        Requirement {
            file,
            keywords,
            title,
            id: None,
            owner: None,
            purposes: Vec::new(),
            legal_basis: None,
            risk: None,
            trigger: None,
            investigation: None,
            scope: None,
            goal: None,
            method: None,
            decided_by: None,
            applies_to: None,
            data: Vec::new(),
            burdens: Vec::new(),
            measures: Vec::new(),
            reporting: None,
            review: None,
            sunset: None,
            replaces: Vec::new(),
            dispensation: None,
            heard: None,
            entries: Vec::new(),
        }
    }

    /// The id, or the title when the id is missing: how messages name it.
    pub fn name(&self) -> &str {
        self.id
            .as_ref()
            .map(|id| id.value.as_str())
            .unwrap_or(&self.title.value)
    }

    pub fn id(&self) -> Option<&str> {
        self.id.as_ref().map(|id| id.value.as_str())
    }

    /// The span of the value of `key`, if it was written.
    pub fn entry_span(&self, key: Key) -> Option<Span> {
        self.entries.iter().find(|e| e.key == key).map(|e| e.value_span)
    }

    /// Where a diagnostic about `key` is best labelled: the part of the
    /// value that says the most (`all 42 units` of a scope, the kind of a
    /// trigger, the level of a risk), else the value, else the title when
    /// the key is missing.
    pub fn label_span(&self, key: Key) -> Span {
        let specific = match key {
            Key::Scope => self.scope.as_ref().map(|s| s.count_span),
            Key::Trigger => self.trigger.as_ref().map(|t| t.kind.span),
            Key::Risk => self.risk.as_ref().map(|r| r.kind.span),
            Key::DecidedBy => self.decided_by.as_ref().map(|d| d.kind.span),
            Key::AppliesTo => self.applies_to.as_ref().map(|a| a.kind.span),
            Key::Id
            | Key::Owner
            | Key::Purpose
            | Key::LegalBasis
            | Key::Investigation
            | Key::Goal
            | Key::Method
            | Key::Data
            | Key::Burden
            | Key::Measure
            | Key::Reporting
            | Key::Review
            | Key::Sunset
            | Key::Replaces
            | Key::Heard
            | Key::Dispensation => None,
        };
        specific.or_else(|| self.entry_span(key)).unwrap_or(self.title.span)
    }
}

/// A word of `K` with an optional text after it, the shape of `purpose:
/// safety "…"`, `risk: low "…"` and `measure: effect "…"`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Described<K> {
    pub kind: Spanned<K>,
    pub description: Option<Spanned<String>>,
    pub span: Span,
}

pub type Purpose = Described<PurposeKind>;
/// Its kind is the level; its description, why.
pub type Risk = Described<RiskLevel>;
pub type Measure = Described<MeasureKind>;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Trigger {
    pub kind: Spanned<TriggerKind>,
    pub description: Option<Spanned<String>>,
    pub cases: Option<Spanned<u64>>,
    pub units: Option<Spanned<u64>>,
}

impl Trigger {
    /// A single case or a press story means one case at one unit unless stated.
    fn defaults_to_one(&self) -> bool {
        matches!(self.kind.value, TriggerKind::SingleCase | TriggerKind::Press)
    }

    pub fn cases(&self) -> Option<u64> {
        self.cases
            .as_ref()
            .map(|c| c.value)
            .or(self.defaults_to_one().then_some(1))
    }

    pub fn units(&self) -> Option<u64> {
        self.units
            .as_ref()
            .map(|u| u.value)
            .or(self.defaults_to_one().then_some(1))
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Scope {
    /// The span of `all`/`alle`, when written.
    pub all: Option<Span>,
    /// `all 42 units`: the part that says how far it reaches.
    pub count_span: Span,
    pub units: Spanned<u64>,
    pub description: Option<Spanned<String>>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct DataItem {
    pub name: Spanned<String>,
    pub modes: Vec<Spanned<DataMode>>,
    pub span: Span,
}

impl DataItem {
    pub fn has(&self, mode: DataMode) -> bool {
        self.modes.iter().any(|m| m.value == mode)
    }
}

/// Who spends time on the requirement, and how much.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Burden {
    pub label: Spanned<String>,
    pub people: Option<Spanned<f64>>,
    pub minutes: Option<Spanned<f64>>,
    pub frequency: Option<Spanned<Frequency>>,
    pub frontline: Option<Spanned<bool>>,
    pub cases_per_year: Option<Spanned<f64>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Frequency {
    Named(FrequencyWord),
    PerYear(f64),
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reporting {
    Periodic(Frequency),
    Deviation,
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Review {
    Date(Date),
    AfterYears(f64),
    None,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Dispensation {
    Text(String),
    None,
}
