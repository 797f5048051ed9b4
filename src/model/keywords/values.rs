//! The enumerated words a requirement's values can take, as rule
//! expressions compare with them (`risk.level == high`, `reporting.kind ==
//! none`). The expression compiler reads them here, so a word added to a
//! keyword table is known to rules at once.

use super::{
    Application, DataMode, Decider, FrequencyWord, Marker, MeasureKind, PurposeKind, RiskLevel, TriggerKind, Unit,
};
use super::{Keyword, Spelling};
use crate::diagnostics::Lang;

/// What a field reads for a value written as no keyword: a review
/// given as a date, a dispensation given as a text.
pub const DATE: &str = "date";
pub const TEXT: &str = "text";

/// The tables whose words are values, and the words no table spells
/// (`per_year` is the form of a frequency, a [`Unit`]).
fn tables() -> [&'static [Spelling]; 9] {
    [
        Decider::SPELLINGS,
        Application::SPELLINGS,
        PurposeKind::SPELLINGS,
        RiskLevel::SPELLINGS,
        TriggerKind::SPELLINGS,
        DataMode::SPELLINGS,
        MeasureKind::SPELLINGS,
        FrequencyWord::SPELLINGS,
        Marker::SPELLINGS,
    ]
}

fn plain() -> [&'static str; 3] {
    [DATE, TEXT, Unit::PerYear.spelling().en]
}

/// Every spelling of every value word, for suggestions.
pub fn all() -> impl Iterator<Item = &'static str> {
    tables().into_iter().flatten().flat_map(Spelling::all).chain(plain())
}

/// The English spelling (as fields read values) of a value word
/// written in either language.
pub fn canonical(word: &str) -> Option<&'static str> {
    let lowered = word.to_lowercase();
    tables()
        .into_iter()
        .flatten()
        .find(|s| s.all().any(|w| w == lowered))
        .map(|s| s.en)
        .or_else(|| plain().into_iter().find(|w| *w == word))
}

/// A value word as fields read it (English) in `lang`, so a Danish
/// message says `middel` where the value is `medium`.
pub fn in_lang(word: &str, lang: Lang) -> Option<&'static str> {
    tables()
        .into_iter()
        .flatten()
        .find(|s| s.en == word)
        .map(|s| s.in_lang(lang))
}
