//! The enumerated words a value can be compared with, read from the
//! language's keyword tables (the one place a word is spelt): written in
//! either language in a rule, held in English, shown in the message's
//! language.

use crate::diagnostics::Lang;
use crate::model::keywords::{Marker, Unit};
use crate::model::{DataMode, FrequencyWord, Keyword, MeasureKind, PurposeKind, RiskLevel, TriggerKind};

/// One word of a keyword table, whatever the table's type.
struct Word {
    en: &'static str,
    da: &'static str,
    aliases: &'static [&'static str],
}

fn table<K: Keyword>() -> impl Iterator<Item = Word> {
    K::TABLE.iter().map(|s| Word {
        en: s.en,
        da: s.da,
        aliases: s.aliases,
    })
}

/// The tables whose words are values of fields: the kinds and levels, the
/// data modes, the frequencies and the markers of `reporting` and `review`
/// (`periodic`, `deviation`, `after`, `none`).
fn keywords() -> impl Iterator<Item = Word> {
    table::<PurposeKind>()
        .chain(table::<RiskLevel>())
        .chain(table::<TriggerKind>())
        .chain(table::<DataMode>())
        .chain(table::<MeasureKind>())
        .chain(table::<FrequencyWord>())
        .chain(table::<Marker>())
}

/// Values that no keyword table holds as a value word: the kinds `date` (of
/// `review`) and `text` (of `dispensation`), and the frequency of a burden
/// written `N per_year`, in English only.
fn other_values() -> [&'static str; 3] {
    ["date", "text", Unit::PerYear.spelling().en]
}

/// Every spelling, for suggestions.
pub(super) fn all() -> impl Iterator<Item = &'static str> {
    keywords()
        .flat_map(|w| [w.en, w.da].into_iter().chain(w.aliases.iter().copied()))
        .chain(other_values())
}

/// The English spelling of an enumerated word written in either language
/// (without regard to case, as the keyword tables read values).
pub(super) fn known(word: &str) -> Option<&'static str> {
    let lowered = word.to_lowercase();
    keywords()
        .find(|w| w.en == lowered || w.da == lowered || w.aliases.contains(&lowered.as_str()))
        .map(|w| w.en)
        .or_else(|| other_values().into_iter().find(|w| *w == word))
}

/// An enumerated word (as the engine holds it, in English) in `lang`, so a
/// Danish message says `middel` where the value is `medium`.
pub fn word_in(word: &str, lang: Lang) -> Option<&'static str> {
    keywords().find(|w| w.en == word).map(|w| match lang {
        Lang::En => w.en,
        Lang::Da => w.da,
    })
}
