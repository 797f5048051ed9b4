//! The keys of the language: the opener of a requirement, the keys of a
//! requirement block and those of a `burden` block, each with its facts.

use crate::diagnostics::messages as m;

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
