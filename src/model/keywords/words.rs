//! The words values take (`high`, `monthly`, `42 units`), in one table a
//! set: each value with its English and Danish spelling.

use super::{BurdenKey, Keyword};
use crate::diagnostics::Lang;

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

    pub enum RiskLevel {
        Low = "low" / "lav",
        Medium = "medium" / "middel",
        High = "high" / "høj",
    }

    pub enum TriggerKind {
        SingleCase = "single_case" / "enkeltsag",
        Press = "press" / "pressesag",
        Pattern = "pattern" / "mønster",
        Legislation = "legislation" / "lovgivning",
        Analysis = "analysis" / "analyse",
        Other = "other" / "andet",
    }

    pub enum DataMode {
        Manual = "manual" / "manuel",
        Automatic = "automatic" / "automatisk",
        Existing = "existing" / "eksisterende",
        AboutStaff = "about_staff" / "om_medarbejdere",
        /// Used only in aggregate (per unit, never per person).
        Aggregated = "aggregated" / "aggregeret",
    }

    pub enum MeasureKind {
        Effect = "effect" / "effekt",
        Process = "process" / "proces",
    }

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

    /// Who decides how a requirement is carried out.
    pub enum Decider {
        Central = "central" / "centralt",
        Local = "local" / "lokalt",
    }

    /// Whom a requirement applies to: every case alike, or where judged or agreed.
    pub enum Application {
        EveryCase = "every_case" / "alle_sager",
        ByAssessment = "by_assessment" / "efter_vurdering",
        ByAgreement = "by_agreement" / "efter_aftale",
    }

    pub enum YesNo {
        Yes = "yes" / "ja",
        No = "no" / "nej",
    }

    /// Words that follow a number: `42 units`, `3 cases`, `2 per_year`, `after 2 years`.
    pub enum Unit {
        Units = "units" / "enheder" + ["unit", "enhed"],
        Cases = "cases" / "sager" + ["case", "sag"],
        Years = "years" / "år" + ["year"],
        PerYear = "per_year" / "om_året",
    }

    /// Words that shape a value: `all 42 units`, `periodic monthly`, `after 2 years`, `none`.
    pub enum Marker {
        All = "all" / "alle",
        After = "after" / "efter",
        Periodic = "periodic" / "periodisk",
        Deviation = "deviation" / "afvigelse",
        None = "none" / "ingen",
    }
}

impl FrequencyWord {
    /// Whether the occurrences a year come from the block's `cases_per_year`.
    pub fn counts_cases(self) -> bool {
        matches!(self, FrequencyWord::PerCase | FrequencyWord::OnChange)
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
