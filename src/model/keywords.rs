//! Every keyword of the language, with its English and Danish spelling and
//! any extra aliases (singular/plural). This is the one place a keyword is
//! spelt: parsing, suggestions, `init` templates and error messages all read
//! these tables.

use crate::diagnostics::Lang;

/// One keyword: the value it stands for and its spellings.
#[derive(Debug)]
pub struct Spelling<T: 'static> {
    pub value: T,
    pub en: &'static str,
    pub da: &'static str,
    pub aliases: &'static [&'static str],
}

impl<T> Spelling<T> {
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
    const TABLE: &'static [Spelling<Self>];
    /// Keys are lower case; enumerated words are matched case-insensitively.
    const CASE_INSENSITIVE: bool = true;

    fn lookup(word: &str) -> Option<Self> {
        let lowered;
        let word = if Self::CASE_INSENSITIVE && word.chars().any(char::is_uppercase) {
            lowered = word.to_lowercase();
            lowered.as_str()
        } else {
            word
        };
        Self::TABLE
            .iter()
            .find(|spelling| spelling.all().any(|s| s == word))
            .map(|spelling| spelling.value)
    }

    fn spelling(self) -> &'static Spelling<Self> {
        // Every value has a row; the macro below builds both from one list.
        Self::TABLE
            .iter()
            .find(|spelling| spelling.value == self)
            .unwrap_or(&Self::TABLE[0])
    }

    fn name(self, lang: Lang) -> &'static str {
        self.spelling().in_lang(lang)
    }

    /// Every spelling, for suggestions.
    fn all_spellings() -> impl Iterator<Item = &'static str> {
        Self::TABLE.iter().flat_map(Spelling::all)
    }

    /// "`low`/`lav`, `medium`/`middel`, …" for messages.
    fn accepted() -> String {
        Self::TABLE
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
        $(#[$meta:meta])*
        $vis:vis enum $name:ident $(( $case_sensitive:ident ))? {
            $( $(#[$vmeta:meta])* $variant:ident = $en:literal / $da:literal $( + [ $($alias:literal),* ] )? ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
        #[serde(rename_all = "snake_case")]
        $vis enum $name { $( $(#[$vmeta])* $variant ),* }

        impl Keyword for $name {
            const TABLE: &'static [Spelling<Self>] = &[
                $( Spelling { value: $name::$variant, en: $en, da: $da, aliases: &[ $( $($alias),* )? ] } ),*
            ];
            $( const CASE_INSENSITIVE: bool = { let _ = stringify!($case_sensitive); false }; )?
        }
    };
}

keywords! {
    /// The keyword that opens a requirement.
    pub enum Opener {
        Requirement = "requirement" / "krav",
    }
}

keywords! {
    /// Keys of a requirement block (`burden` is the one sub-block).
    pub enum Key (case_sensitive) {
        Id = "id" / "id",
        Owner = "owner" / "forslagsstiller",
        Purpose = "purpose" / "formål",
        LegalBasis = "legal_basis" / "hjemmel",
        Risk = "risk" / "risiko",
        Trigger = "trigger" / "anledning",
        Investigation = "investigation" / "undersøgelse",
        Scope = "scope" / "omfang",
        Goal = "goal" / "mål",
        Method = "method" / "metode",
        Data = "data" / "data",
        Burden = "burden" / "byrde",
        Measure = "measure" / "måling",
        Reporting = "reporting" / "rapportering",
        Review = "review" / "revision",
        Sunset = "sunset" / "udløb",
        Replaces = "replaces" / "erstatter",
        Dispensation = "dispensation" / "dispensation",
    }
}

keywords! {
    /// Keys of a `burden` block.
    pub enum BurdenKey (case_sensitive) {
        People = "people" / "personer",
        Minutes = "minutes" / "minutter",
        Frequency = "frequency" / "hyppighed",
        Frontline = "frontline" / "borgernær",
        CasesPerYear = "cases_per_year" / "sager_pr_år",
    }
}

keywords! {
    pub enum PurposeKind {
        Safety = "safety" / "sikkerhed",
        Learning = "learning" / "læring",
        Trust = "trust" / "tillid",
        Legal = "legal" / "lovkrav",
        Control = "control" / "kontrol",
        Documentation = "documentation" / "dokumentation",
        Economy = "economy" / "økonomi",
    }
}

keywords! {
    pub enum RiskLevel {
        Low = "low" / "lav",
        Medium = "medium" / "middel",
        High = "high" / "høj",
    }
}

keywords! {
    pub enum TriggerKind {
        SingleCase = "single_case" / "enkeltsag",
        Press = "press" / "pressesag",
        Pattern = "pattern" / "mønster",
        Legislation = "legislation" / "lovgivning",
        Analysis = "analysis" / "analyse",
        Other = "other" / "andet",
    }
}

keywords! {
    pub enum DataMode {
        Manual = "manual" / "manuel",
        Automatic = "automatic" / "automatisk",
        Existing = "existing" / "eksisterende",
        AboutStaff = "about_staff" / "om_medarbejdere",
    }
}

keywords! {
    pub enum MeasureKind {
        Effect = "effect" / "effekt",
        Process = "process" / "proces",
    }
}

keywords! {
    /// Named frequencies; `N per_year` is the [`Unit::PerYear`] form.
    pub enum FrequencyWord {
        PerCase = "per_case" / "per_sag",
        Daily = "daily" / "dagligt",
        Workdays = "workdays" / "hverdage",
        Weekly = "weekly" / "ugentligt",
        Monthly = "monthly" / "månedligt",
        Quarterly = "quarterly" / "kvartalsvis",
        Yearly = "yearly" / "årligt",
        Once = "once" / "engang",
    }
}

keywords! {
    pub enum YesNo {
        Yes = "yes" / "ja",
        No = "no" / "nej",
    }
}

keywords! {
    /// Words that follow a number: `42 units`, `3 cases`, `2 per_year`, `after 2 years`.
    pub enum Unit {
        Units = "units" / "enheder" + ["unit", "enhed"],
        Cases = "cases" / "sager" + ["case", "sag"],
        Years = "years" / "år" + ["year"],
        PerYear = "per_year" / "om_året",
    }
}

keywords! {
    /// Words that shape a value: `all 42 units`, `periodic monthly`, `after 2 years`, `none`.
    pub enum Marker {
        All = "all" / "alle",
        After = "after" / "efter",
        Periodic = "periodic" / "periodisk",
        Deviation = "deviation" / "afvigelse",
        None = "none" / "ingen",
    }
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
        fn check<K: Keyword>() {
            let mut all: Vec<&str> = K::all_spellings().collect();
            let n = all.len();
            all.sort();
            all.dedup();
            // `id`, `data` and `dispensation` are the same in both languages.
            let same = K::TABLE.iter().filter(|s| s.en == s.da).count();
            assert_eq!(all.len() + same, n);
        }
        check::<Key>();
        check::<BurdenKey>();
        check::<PurposeKind>();
        check::<RiskLevel>();
        check::<TriggerKind>();
        check::<DataMode>();
        check::<MeasureKind>();
        check::<FrequencyWord>();
        check::<YesNo>();
        check::<Unit>();
        check::<Marker>();
    }
}
