//! Every keyword of the language, with its English and Danish spelling and
//! any extra aliases (singular/plural). This is the one place a keyword is
//! spelt: parsing, suggestions, `init` templates and error messages all read
//! these tables.

use crate::diagnostics::{messages as m, Lang, Text};

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
        $(#[$meta:meta])*
        $vis:vis enum $name:ident $(( $case_sensitive:ident ))? {
            $( $(#[$vmeta:meta])* $variant:ident = $en:literal / $da:literal $( + [ $($alias:literal),* ] )? ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        $vis enum $name { $( $(#[$vmeta])* $variant ),* }

        impl Keyword for $name {
            const VALUES: &'static [Self] = &[ $( $name::$variant ),* ];
            const SPELLINGS: &'static [Spelling] = &[
                $( Spelling { en: $en, da: $da, aliases: &[ $( $($alias),* )? ] } ),*
            ];
            $( const CASE_INSENSITIVE: bool = { let _ = stringify!($case_sensitive); false }; )?

            fn index(self) -> usize {
                // A field-less enum without explicit discriminants counts from 0 in table order.
                self as usize
            }
        }
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

        impl KeyTable for $name {
            fn facts(self) -> KeyFacts {
                match self {
                    $( $name::$variant => KeyFacts { $( $facts )* } ),*
                }
            }
        }
    };
}

/// The enumerated words a requirement's values can take, as rule
/// expressions compare with them (`risk.level == high`, `reporting.kind ==
/// none`). The expression compiler reads them here, so a word added to a
/// keyword table is known to rules at once.
pub mod values {
    use super::*;

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
}

keywords! {
    /// The keyword that opens a requirement.
    pub enum Opener {
        Requirement = "requirement" / "krav",
    }
}

keys! {
    /// Keys of a requirement block (`burden` is the one sub-block). Adding
    /// a key: a row here, then what the compiler and the key test in
    /// `engine/fields.rs` point to.
    pub enum Key {
        Id = "id" / "id" {
            asks: &m::ASKS_ID, shape: &m::SHAPE_ID, required: true, why: Some(&m::WHY_ID), fields: &["id"],
        },
        Owner = "owner" / "forslagsstiller" {
            asks: &m::ASKS_OWNER, shape: &m::SHAPE_TEXT, required: false, why: None, fields: &["owner"],
        },
        Purpose = "purpose" / "formål" {
            asks: &m::ASKS_PURPOSE, shape: &m::SHAPE_PURPOSE, required: true, why: Some(&m::WHY_PURPOSE), fields: &["purpose.kinds", "purposes"],
        },
        LegalBasis = "legal_basis" / "hjemmel" {
            asks: &m::ASKS_LEGAL_BASIS, shape: &m::SHAPE_TEXT, required: false, why: None, fields: &["legal_basis"],
        },
        Risk = "risk" / "risiko" {
            asks: &m::ASKS_RISK, shape: &m::SHAPE_RISK, required: true, why: Some(&m::WHY_RISK), fields: &["risk.level", "risk.reason"],
        },
        Trigger = "trigger" / "anledning" {
            asks: &m::ASKS_TRIGGER, shape: &m::SHAPE_TRIGGER, required: false, why: None,
            fields: &["trigger.kind", "trigger.description", "trigger.cases", "trigger.units"],
        },
        Investigation = "investigation" / "undersøgelse" {
            asks: &m::ASKS_INVESTIGATION, shape: &m::SHAPE_TEXT, required: false, why: None, fields: &["investigation"],
        },
        Scope = "scope" / "omfang" {
            asks: &m::ASKS_SCOPE, shape: &m::SHAPE_SCOPE, required: true, why: Some(&m::WHY_SCOPE), fields: &["scope.all", "scope.units", "scope.description"],
        },
        Goal = "goal" / "mål" {
            asks: &m::ASKS_GOAL, shape: &m::SHAPE_TEXT, required: false, why: None, fields: &["goal"],
        },
        Method = "method" / "metode" {
            asks: &m::ASKS_METHOD, shape: &m::SHAPE_TEXT, required: false, why: None, fields: &["method"],
        },
        DecidedBy = "decided_by" / "besluttes_af" {
            asks: &m::ASKS_DECIDED_BY, shape: &m::SHAPE_DECIDED_BY, required: false, why: None,
            fields: &["decided_by", "decided_by.reason"],
        },
        AppliesTo = "applies_to" / "gælder" {
            asks: &m::ASKS_APPLIES_TO, shape: &m::SHAPE_APPLIES_TO, required: false, why: None,
            fields: &["applies_to", "applies_to.reason"],
        },
        Data = "data" / "data" {
            asks: &m::ASKS_DATA, shape: &m::SHAPE_DATA, required: false, why: None, fields: &["data"],
        },
        Burden = "burden" / "byrde" {
            asks: &m::ASKS_BURDEN, shape: &m::BURDEN_NOT_BLOCK_HELP, required: true, why: Some(&m::WHY_BURDEN), fields: &["burdens"],
        },
        Measure = "measure" / "måling" {
            asks: &m::ASKS_MEASURE, shape: &m::SHAPE_MEASURE, required: false, why: None, fields: &["measure.kinds", "measures"],
        },
        Reporting = "reporting" / "rapportering" {
            asks: &m::ASKS_REPORTING, shape: &m::SHAPE_REPORTING, required: false, why: None,
            fields: &["reporting.kind", "reporting.frequency", "reporting.per_year"],
        },
        Review = "review" / "revision" {
            asks: &m::ASKS_REVIEW, shape: &m::SHAPE_REVIEW, required: false, why: None, fields: &["review.kind", "review.years", "review.date", "review.years_ahead"],
        },
        Sunset = "sunset" / "udløb" {
            asks: &m::ASKS_SUNSET, shape: &m::SHAPE_SUNSET, required: false, why: None, fields: &["sunset", "sunset.years_ahead"],
        },
        Replaces = "replaces" / "erstatter" {
            asks: &m::ASKS_REPLACES, shape: &m::SHAPE_REPLACES, required: false, why: None, fields: &["replaces"],
        },
        Heard = "heard" / "hørt" {
            asks: &m::ASKS_HEARD, shape: &m::SHAPE_TEXT, required: false, why: None, fields: &["heard"],
        },
        Dispensation = "dispensation" / "dispensation" {
            asks: &m::ASKS_DISPENSATION, shape: &m::SHAPE_DISPENSATION, required: false, why: None, fields: &["dispensation.kind"],
        },
    }
}

keys! {
    /// Keys of a `burden` block.
    pub enum BurdenKey {
        People = "people" / "personer" {
            asks: &m::ASKS_PEOPLE, shape: &m::SHAPE_NUMBER, required: true, why: None, fields: &["people"],
        },
        Minutes = "minutes" / "minutter" {
            asks: &m::ASKS_MINUTES, shape: &m::SHAPE_NUMBER, required: true, why: None, fields: &["minutes"],
        },
        Frequency = "frequency" / "hyppighed" {
            asks: &m::ASKS_FREQUENCY, shape: &m::SHAPE_FREQUENCY, required: true, why: None, fields: &["frequency"],
        },
        Frontline = "frontline" / "borgernær" {
            asks: &m::ASKS_FRONTLINE, shape: &m::SHAPE_FRONTLINE, required: false, why: None, fields: &["frontline"],
        },
        CasesPerYear = "cases_per_year" / "sager_pr_år" {
            asks: &m::ASKS_CASES_PER_YEAR, shape: &m::SHAPE_NUMBER, required: false, why: None, fields: &["cases_per_year"],
        },
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
        /// Used only in aggregate (per unit, never per person).
        Aggregated = "aggregated" / "aggregeret",
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
        /// When the situation changes, not on a calendar; counted from
        /// `cases_per_year` as `per_case` is.
        OnChange = "on_change" / "ved_ændring",
    }
}

impl FrequencyWord {
    /// Whether the occurrences a year come from the block's `cases_per_year`.
    pub fn counts_cases(self) -> bool {
        matches!(self, FrequencyWord::PerCase | FrequencyWord::OnChange)
    }
}

keywords! {
    /// Who decides how a requirement is carried out.
    pub enum Decider {
        Central = "central" / "centralt",
        Local = "local" / "lokalt",
    }
}

keywords! {
    /// Whom a requirement applies to: every case alike, or where judged or agreed.
    pub enum Application {
        EveryCase = "every_case" / "alle_sager",
        ByAssessment = "by_assessment" / "efter_vurdering",
        ByAgreement = "by_agreement" / "efter_aftale",
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

/// The keywords the shapes of values ([`KeyFacts::shape`]) name, each by
/// its English spelling as placeholder, spelt in `lang`: the language the
/// file is written in, so a help line never tells the author to switch.
pub fn shape_words(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    [
        Marker::SPELLINGS,
        Unit::SPELLINGS,
        RiskLevel::SPELLINGS,
        DataMode::SPELLINGS,
        MeasureKind::SPELLINGS,
        FrequencyWord::SPELLINGS,
        YesNo::SPELLINGS,
        BurdenKey::SPELLINGS,
    ]
    .into_iter()
    .flatten()
    .map(move |s| (s.en, s.in_lang(lang)))
}

/// How a number of times a year is written in prose after the number
/// (`2 gange om året`, `4 times a year`), lower case: not the language, but
/// rewritten to `N per_year`/`N om_året` by a safe fix.
pub const PER_YEAR_PROSE: &[&str] = &[
    "gange om året",
    "gange årligt",
    "gange pr år",
    "gange per år",
    "om året",
    "årligt",
    "pr år",
    "per år",
    "times a year",
    "times per year",
    "times yearly",
    "a year",
    "per year",
    "yearly",
];

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

/// `text` with the keywords in its code (between backticks) spelt in
/// `lang`, the language of the file a rule's help is about: a Danish file
/// is never told to write `purpose: safety`, an English one never
/// `formål: sikkerhed`. Quoted text in the code, words that are no keyword
/// (`ID`, numbers) and words two tables spell differently in `lang` are
/// left as written.
pub fn keywords_in(text: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
    if !text.contains('`') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    for (i, part) in text.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        if i % 2 == 0 {
            out.push_str(part);
        } else {
            code_keywords_in(part, lang, &mut out);
        }
    }
    out.into()
}

/// One code span of [`keywords_in`], word by word, outside quotes.
fn code_keywords_in(code: &str, lang: Lang, out: &mut String) {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut quoted = false;
    let mut rest = code;
    while let Some(c) = rest.chars().next() {
        if !quoted && is_word(c) {
            let end = rest.find(|c: char| !is_word(c)).unwrap_or(rest.len());
            let word = &rest[..end];
            out.push_str(keyword_in(word, lang).unwrap_or(word));
            rest = &rest[end..];
        } else {
            quoted ^= c == '"';
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
}

/// `word`, a keyword as spelt in either language, spelt in `lang`; none
/// when it is no keyword or its tables disagree.
fn keyword_in(word: &str, lang: Lang) -> Option<&'static str> {
    let mut found = None;
    for spelling in every_table().into_iter().flatten() {
        if spelling.en == word || spelling.da == word {
            let spelt = spelling.in_lang(lang);
            if found.is_some_and(|f| f != spelt) {
                return None;
            }
            found = Some(spelt);
        }
    }
    found
}

/// Every spelling of every keyword table, for the fuzzers' dictionary
/// (`fuzz/krav.dict`, checked against this list by a test).
#[cfg(test)]
pub(crate) fn every_spelling() -> impl Iterator<Item = &'static str> {
    every_table().into_iter().flatten().flat_map(Spelling::all)
}

/// The language a file's keywords are written in, from the opener of its
/// first requirement (`krav` or `requirement`): what answers a file in its
/// own language when neither `--lang`, the config nor the locale decides.
pub fn written_in(text: &str) -> Option<Lang> {
    let line = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with('#'))?;
    let word: String = line.chars().take_while(|c| c.is_alphabetic()).collect();
    let word = word.to_lowercase();
    [Lang::Da, Lang::En]
        .into_iter()
        .find(|lang| Opener::Requirement.name(*lang) == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_written_in_the_language_of_its_opener() {
        assert_eq!(written_in("# kommentar\n\nKrav \"x\" {}"), Some(Lang::Da));
        assert_eq!(written_in("requirement \"x\" {}"), Some(Lang::En));
        assert_eq!(written_in("kravet \"x\" {}"), None);
        assert_eq!(written_in(""), None);
    }

    #[test]
    fn help_names_the_keywords_of_the_files_language() {
        let help = "add `measure: effect \"the effect\"` or `review: after 2 years`, not `ID, …`";
        assert_eq!(
            keywords_in(help, Lang::Da),
            "add `måling: effekt \"the effect\"` or `revision: efter 2 år`, not `ID, …`"
        );
        let hjælp = "tilføj `formål: lovkrav` med `hjemmel`, eller marker dem `eksisterende automatisk`";
        assert_eq!(
            keywords_in(hjælp, Lang::En),
            "tilføj `purpose: legal` med `legal_basis`, eller marker dem `existing automatic`"
        );
        // Prose outside backticks, and quoted text inside, stay as written.
        assert_eq!(keywords_in("risk is `\"risk\"`", Lang::Da), "risk is `\"risk\"`");
        assert_eq!(keywords_in("an odd ` count", Lang::Da), "an odd ` count");
    }

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
            let same = K::SPELLINGS.iter().filter(|s| s.en == s.da).count();
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
        check::<Decider>();
        check::<Application>();
        check::<Unit>();
        check::<Marker>();
    }
}
