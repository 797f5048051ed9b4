//! Every keyword of the language, with its English and Danish spelling and
//! any extra aliases (singular/plural). This is the one place a keyword is
//! spelt: parsing, suggestions, `init` templates and error messages all read
//! these tables. The machinery is here; the tables of keys are in `keys`,
//! those of the words values take in `words`, the words as rule
//! expressions read them in [`values`], and the rewriting of keywords into
//! the language of a file in `language`.

use crate::diagnostics::{Lang, Text};

/// How one keyword is spelt: in English, in Danish, and any extra aliases
/// (singular/plural).
#[derive(Debug)]
pub struct Spelling {
    pub en: &'static str,
    pub da: &'static str,
    pub aliases: &'static [&'static str],
}

impl Spelling {
    pub fn all(&self) -> impl Iterator<Item = &'static str> {
        [self.en, self.da].into_iter().chain(self.aliases.iter().copied())
    }

    pub fn in_lang(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Da => self.da,
        }
    }
}

/// A set of keywords that can stand in one place.
pub trait Keyword: Copy + PartialEq + Sized + 'static {
    /// Every value, in the order of the table.
    const VALUES: &'static [Self];
    /// The spelling of each value of [`Keyword::VALUES`], in the same order.
    const SPELLINGS: &'static [Spelling];
    /// Keys are lower case; enumerated words are matched case-insensitively.
    const CASE_INSENSITIVE: bool = true;

    /// The value's place in the table.
    fn index(self) -> usize;

    fn lookup(word: &str) -> Option<Self> {
        let lowered;
        let word = if Self::CASE_INSENSITIVE && word.chars().any(char::is_uppercase) {
            lowered = word.to_lowercase();
            lowered.as_str()
        } else {
            word
        };
        Self::SPELLINGS
            .iter()
            .position(|spelling| spelling.all().any(|s| s == word))
            .map(|i| Self::VALUES[i])
    }

    fn spelling(self) -> &'static Spelling {
        &Self::SPELLINGS[self.index()]
    }

    fn name(self, lang: Lang) -> &'static str {
        self.spelling().in_lang(lang)
    }

    /// Every spelling, for suggestions.
    fn all_spellings() -> impl Iterator<Item = &'static str> {
        Self::SPELLINGS.iter().flat_map(Spelling::all)
    }

    /// Every spelling, marked when it is the spelling of `lang` (the
    /// language the file is written in), for suggestions that prefer it.
    fn spellings_for(lang: Lang) -> impl Iterator<Item = (&'static str, bool)> {
        Self::SPELLINGS
            .iter()
            .flat_map(move |s| s.all().map(move |word| (word, word == s.in_lang(lang))))
    }

    /// "`low`/`lav`, `medium`/`middel`, …" for messages.
    fn accepted() -> String {
        Self::SPELLINGS
            .iter()
            .map(|s| {
                if s.en == s.da {
                    format!("`{}`", s.en)
                } else {
                    format!("`{}`/`{}`", s.en, s.da)
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

macro_rules! keywords {
    (
        $(
            $(#[$meta:meta])*
            $vis:vis enum $name:ident $(( $case_sensitive:ident ))? {
                $( $(#[$vmeta:meta])* $variant:ident = $en:literal / $da:literal $( + [ $($alias:literal),* ] )? ),* $(,)?
            }
        )*
    ) => {
        $(
            $(#[$meta])*
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
            #[serde(rename_all = "snake_case")]
            $vis enum $name { $( $(#[$vmeta])* $variant ),* }

            impl $crate::model::keywords::Keyword for $name {
                const VALUES: &'static [Self] = &[ $( $name::$variant ),* ];
                const SPELLINGS: &'static [$crate::model::keywords::Spelling] = &[
                    $( $crate::model::keywords::Spelling { en: $en, da: $da, aliases: &[ $( $($alias),* )? ] } ),*
                ];
                $( const CASE_INSENSITIVE: bool = { let _ = stringify!($case_sensitive); false }; )?

                fn index(self) -> usize {
                    // A field-less enum without explicit discriminants counts from 0 in table order.
                    self as usize
                }
            }
        )*
    };
}

/// What the language says about a key besides its spelling. Each key's
/// facts are one row of its table ([`Key`], [`BurdenKey`]).
#[derive(Clone, Copy, Debug)]
pub struct KeyFacts {
    /// How its value is written: the help line of a TL003, with `{key}`
    /// for the key as the author spells it.
    pub shape: &'static Text,
    /// Whether a block without it is TL004.
    pub required: bool,
    /// Why it is required, a note of the TL004 (burden keys have none).
    pub why: Option<&'static Text>,
    /// What it asks of the author, in a phrase: the comment above it in
    /// `init`'s template and the label of a placeholder left in it (TL014).
    pub asks: &'static Text,
    /// The rule fields that read its value (`docs/rules.md`): for a
    /// requirement key, fields of the requirement; for a burden key, fields
    /// of a `burdens` element.
    pub fields: &'static [&'static str],
}

/// A table of keys: [`Key`] for a requirement block, [`BurdenKey`] for a
/// `burden` block.
pub trait KeyTable: Keyword {
    fn facts(self) -> KeyFacts;
}

macro_rules! keys {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $variant:ident = $en:literal / $da:literal { $( $facts:tt )* } ),* $(,)?
        }
    ) => {
        keywords! {
            $(#[$meta])*
            $vis enum $name (case_sensitive) { $( $variant = $en / $da ),* }
        }

        impl $crate::model::keywords::KeyTable for $name {
            fn facts(self) -> $crate::model::keywords::KeyFacts {
                match self {
                    $( $name::$variant => $crate::model::keywords::KeyFacts { $( $facts )* } ),*
                }
            }
        }
    };
}

mod keys;
mod language;
pub mod values;
mod words;

pub use keys::{BurdenKey, Key, Opener};
pub use language::{keywords_in, written_in};
pub use words::{
    shape_words, Application, DataMode, Decider, FrequencyWord, Marker, MeasureKind, PurposeKind, RiskLevel,
    TriggerKind, Unit, YesNo, PER_YEAR_PROSE,
};

/// Every table of keywords: for rewriting a text's keywords into the
/// language of the file it is about ([`keywords_in`]), and for the fuzzers'
/// dictionary ([`every_spelling`]).
fn every_table() -> [&'static [Spelling]; 14] {
    [
        Opener::SPELLINGS,
        Key::SPELLINGS,
        BurdenKey::SPELLINGS,
        PurposeKind::SPELLINGS,
        RiskLevel::SPELLINGS,
        TriggerKind::SPELLINGS,
        DataMode::SPELLINGS,
        MeasureKind::SPELLINGS,
        FrequencyWord::SPELLINGS,
        Decider::SPELLINGS,
        Application::SPELLINGS,
        YesNo::SPELLINGS,
        Unit::SPELLINGS,
        Marker::SPELLINGS,
    ]
}

/// Every spelling of every keyword table, for the fuzzers' dictionary
/// (`fuzz/krav.dict`, checked against this list by a test).
#[cfg(test)]
pub(crate) fn every_spelling() -> impl Iterator<Item = &'static str> {
    every_table().into_iter().flatten().flat_map(Spelling::all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_in_both_languages_and_aliases() {
        assert_eq!(Key::lookup("formål"), Some(Key::Purpose));
        assert_eq!(Key::lookup("purpose"), Some(Key::Purpose));
        assert_eq!(Key::lookup("Purpose"), None, "keys are lower case");
        assert_eq!(RiskLevel::lookup("HØJ"), Some(RiskLevel::High));
        assert_eq!(Unit::lookup("enhed"), Some(Unit::Units));
        assert_eq!(Opener::lookup("Krav"), Some(Opener::Requirement));
    }

    #[test]
    fn every_spelling_is_unique_within_its_table() {
        for table in every_table() {
            let mut all: Vec<&str> = table.iter().flat_map(Spelling::all).collect();
            let n = all.len();
            all.sort();
            all.dedup();
            // `id`, `data` and `dispensation` are the same in both languages.
            let same = table.iter().filter(|s| s.en == s.da).count();
            assert_eq!(all.len() + same, n, "{:?}", table.first());
        }
    }
}
