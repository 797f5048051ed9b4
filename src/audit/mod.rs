//! The register of requirements in force reviewed as a whole (`trustlint
//! audit`): which requirements are past their review date or sunset, the
//! total load on each group with the groups over the ruleset's limit, and
//! the abolition candidates, ranked by the hours a year their abolition
//! would free. The findings come from [`crate::check`] (run with the day
//! to judge dates by); this stage only arranges them.

use crate::burden::report::{self, Row};
use crate::check::Checked;
use crate::diagnostics::{lints, Diagnostic, Level};
use crate::engine::params::ParamValue;
use crate::engine::Ruleset;
use crate::model::{Date, Requirement, Review};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Serialize)]
pub struct Audit {
    /// The day dates were judged by.
    pub today: String,
    pub requirements: usize,
    /// Requirements past their sunset or review date, the sunsets first,
    /// then the longest overdue.
    pub dates: Vec<Dated>,
    /// The limit on hours per person a year for one group, when the
    /// ruleset sets one.
    pub group_limit: Option<f64>,
    pub groups: Vec<GroupLoad>,
    pub total: Row,
    /// Requirements with at least one error or warning, the most hours a
    /// year first.
    pub candidates: Vec<Candidate>,
}

#[derive(Debug, Serialize)]
pub struct Dated {
    pub code: String,
    pub requirement: String,
    pub title: String,
    /// The review or sunset date that has passed.
    pub date: String,
    pub days_overdue: i64,
}

#[derive(Debug, Serialize)]
pub struct GroupLoad {
    #[serde(flatten)]
    pub row: Row,
    pub over_limit: bool,
}

#[derive(Debug, Serialize)]
pub struct Candidate {
    pub rank: usize,
    pub requirement: String,
    pub title: String,
    /// None when the requirement has errors that leave its estimate
    /// incomplete: it is ranked last, never as zero.
    pub hours_per_year: Option<f64>,
    pub fte: Option<f64>,
    pub cost_dkk: Option<f64>,
    pub frontline_hours_per_year: Option<f64>,
    pub errors: usize,
    pub warnings: usize,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Serialize)]
pub struct Finding {
    pub code: String,
    pub name: String,
    pub level: Level,
    pub message: String,
}

/// The audit of `checked` (the register, checked as the files given, with
/// `today` for the date checks).
pub fn audit(checked: &Checked, ruleset: &Ruleset, today: Date) -> Audit {
    let limit = match ruleset.params.get("group_hours_per_person") {
        Some(ParamValue::Num(limit)) => Some(*limit),
        _ => None,
    };
    let figures = report::report(&checked.requirements, &checked.estimates);
    let groups = figures
        .groups
        .into_iter()
        .map(|row| GroupLoad {
            over_limit: limit.is_some_and(|limit| row.hours_per_person_year > limit),
            row,
        })
        .collect();

    let by_id: HashMap<&str, &Requirement> = checked.requirements.iter().filter_map(|r| Some((r.id()?, r))).collect();
    let mut dates: Vec<Dated> = checked
        .diagnostics
        .iter()
        .filter_map(|d| dated(d, &by_id, today))
        .collect();
    dates.sort_by(|a, b| {
        (a.code != lints::SUNSET_PASSED.code, -a.days_overdue, &a.requirement).cmp(&(
            b.code != lints::SUNSET_PASSED.code,
            -b.days_overdue,
            &b.requirement,
        ))
    });

    // Findings by requirement: a diagnostic names the id of the
    // requirement it is about; one without an id cannot be ranked.
    let mut findings: HashMap<&str, Vec<&Diagnostic>> = HashMap::new();
    for diagnostic in &checked.diagnostics {
        if let Some(id) = diagnostic.requirement.as_deref() {
            findings.entry(id).or_default().push(diagnostic);
        }
    }
    let mut candidates: Vec<Candidate> = checked
        .requirements
        .iter()
        .zip(&checked.estimates)
        .filter_map(|(requirement, estimate)| {
            let own = findings.get(requirement.id()?)?;
            let count = |level: Level| own.iter().filter(|d| d.level == level).count();
            let (errors, warnings) = (count(Level::Error), count(Level::Warning));
            // An estimate from incomplete input is not a figure to rank by.
            let figure = |value: f64| estimate.complete.then_some(value);
            (errors + warnings > 0).then(|| Candidate {
                rank: 0,
                requirement: requirement.name().to_owned(),
                title: requirement.title.value.clone(),
                hours_per_year: figure(estimate.hours_per_year),
                fte: figure(estimate.fte),
                cost_dkk: figure(estimate.cost_dkk),
                frontline_hours_per_year: figure(estimate.frontline_hours_per_year),
                errors,
                warnings,
                findings: own
                    .iter()
                    .map(|d| Finding {
                        code: d.code().to_owned(),
                        name: d.name().to_owned(),
                        level: d.level,
                        message: d.message.to_string(),
                    })
                    .collect(),
            })
        })
        .collect();
    candidates.sort_by(|a, b| {
        let hours = |c: &Candidate| c.hours_per_year.unwrap_or(-1.0);
        hours(b)
            .total_cmp(&hours(a))
            .then(b.errors.cmp(&a.errors))
            .then(b.warnings.cmp(&a.warnings))
            .then(a.requirement.cmp(&b.requirement))
    });
    for (rank, candidate) in candidates.iter_mut().enumerate() {
        candidate.rank = rank + 1;
    }
    Audit {
        today: today.to_string(),
        requirements: checked.requirements.len(),
        dates,
        group_limit: limit,
        groups,
        total: figures.total,
        candidates,
    }
}

/// The date a TL401 or TL402 finding is about.
fn dated(diagnostic: &Diagnostic, by_id: &HashMap<&str, &Requirement>, today: Date) -> Option<Dated> {
    let code = diagnostic.code();
    let sunset = code == lints::SUNSET_PASSED.code;
    if !sunset && code != lints::REVIEW_OVERDUE.code {
        return None;
    }
    let id = diagnostic.requirement.as_deref()?;
    let requirement = by_id.get(id)?;
    let date = if sunset {
        requirement.sunset.as_ref()?.value
    } else {
        match requirement.review.as_ref()?.value {
            Review::Date(date) => date,
            Review::AfterYears(_) | Review::None => return None,
        }
    };
    Some(Dated {
        code: code.to_owned(),
        requirement: id.to_owned(),
        title: requirement.title.value.clone(),
        date: date.to_string(),
        days_overdue: today.days() - date.days(),
    })
}
