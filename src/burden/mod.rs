//! Derived figures: the Standard Cost Model estimate of what a requirement
//! costs in staff time (docs/language.md, "The burden estimate"). Rules
//! and reports read these; nothing here judges them.
//!
//! Per burden block: occurrences per year × minutes ÷ 60 = hours per person
//! per year; × people = hours per year; ÷ hours per FTE = full-time
//! equivalents; × hourly cost = cost. A `once` block is a one-off cost,
//! reported apart and left out of the yearly figures.

pub mod report;

use crate::model::{Burden, Frequency, FrequencyWord, Requirement};
use std::collections::BTreeMap;

/// The parameters of the estimate, from the ruleset.
#[derive(Clone, Debug, PartialEq)]
pub struct CostModel {
    /// Occurrences per year of each named frequency (`per_case` and
    /// `on_change` use the block's `cases_per_year`, `once` is one-off).
    pub occurrences: BTreeMap<FrequencyWord, f64>,
    pub hours_per_fte: f64,
    pub hourly_cost_dkk: f64,
}

impl Default for CostModel {
    /// The figures of docs/language.md: 37 hours × 52 weeks per FTE.
    fn default() -> Self {
        use FrequencyWord::*;
        CostModel {
            occurrences: [
                (Daily, 365.0),
                (Workdays, 220.0),
                (Weekly, 52.0),
                (Monthly, 12.0),
                (Quarterly, 4.0),
                (Yearly, 1.0),
                (Once, 1.0),
            ]
            .into_iter()
            .collect(),
            hours_per_fte: 1924.0,
            hourly_cost_dkk: 400.0,
        }
    }
}

impl CostModel {
    /// Occurrences per year of a frequency; `None` for `per_case` without
    /// a case count.
    pub fn per_year(&self, frequency: Frequency, cases_per_year: Option<f64>) -> Option<f64> {
        match frequency {
            Frequency::PerYear(n) => Some(n),
            Frequency::Named(word) if word.counts_cases() => cases_per_year,
            Frequency::Named(word) => self.occurrences.get(&word).copied(),
        }
    }
}

/// The figures of one burden block.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct BlockFigures {
    pub label: String,
    pub people: f64,
    /// Recurring occurrences per year (0 for a one-off block).
    pub occurrences_per_year: f64,
    pub hours_per_person_year: f64,
    pub hours_per_year: f64,
    pub fte: f64,
    pub cost_dkk: f64,
    pub frontline: bool,
    /// Hours of a `once` block, spent in the first year only.
    pub one_off_hours: f64,
}

/// The estimate for one requirement: its blocks and their sums.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Estimate {
    /// One entry per burden block, `None` where the block lacks a figure
    /// (already reported as TL003/TL004).
    pub blocks: Vec<Option<BlockFigures>>,
    pub hours_per_year: f64,
    pub fte: f64,
    pub cost_dkk: f64,
    pub frontline_hours_per_year: f64,
    pub frontline_fte: f64,
    pub one_off_hours: f64,
    /// Whether the figures are the requirement's as written: it has a
    /// burden block, every block has its figures, and (set by the check)
    /// the requirement has no language error. An incomplete estimate is
    /// never shown as a result.
    pub complete: bool,
}

pub fn estimate(requirement: &Requirement, model: &CostModel) -> Estimate {
    let blocks: Vec<Option<BlockFigures>> = requirement.burdens.iter().map(|b| block(b, model)).collect();
    let mut total = Estimate::default();
    for figures in blocks.iter().flatten() {
        total.hours_per_year += figures.hours_per_year;
        total.cost_dkk += figures.cost_dkk;
        total.one_off_hours += figures.one_off_hours;
        if figures.frontline {
            total.frontline_hours_per_year += figures.hours_per_year;
        }
    }
    total.fte = total.hours_per_year / model.hours_per_fte;
    total.frontline_fte = total.frontline_hours_per_year / model.hours_per_fte;
    total.complete = !blocks.is_empty() && blocks.iter().all(Option::is_some);
    total.blocks = blocks;
    total
}

fn block(burden: &Burden, model: &CostModel) -> Option<BlockFigures> {
    let people = burden.people.as_ref()?.value;
    let minutes = burden.minutes.as_ref()?.value;
    let frequency = burden.frequency.as_ref()?.value;
    let occurrences = model.per_year(frequency, burden.cases_per_year.as_ref().map(|c| c.value))?;
    let one_off = frequency == Frequency::Named(FrequencyWord::Once);
    let recurring = if one_off { 0.0 } else { occurrences };
    // Multiply before dividing: whole-number inputs then give exact hours,
    // so a threshold such as "1 FTE" is met exactly when it is reached.
    let hours_per_person_year = minutes * recurring / 60.0;
    let hours_per_year = people * minutes * recurring / 60.0;
    Some(BlockFigures {
        label: burden.label.value.clone(),
        people,
        occurrences_per_year: recurring,
        hours_per_person_year,
        hours_per_year,
        fte: hours_per_year / model.hours_per_fte,
        cost_dkk: hours_per_year * model.hourly_cost_dkk,
        frontline: burden.frontline.as_ref().is_some_and(|f| f.value),
        one_off_hours: if one_off { people * minutes / 60.0 } else { 0.0 },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Lang;
    use crate::source::FileId;

    fn requirement(burdens: &str) -> Requirement {
        let text = format!("requirement \"t\" {{\n  id: T\n{burdens}\n}}\n");
        let (document, diagnostics) = crate::syntax::parse(FileId(0), &text, Lang::En);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let mut out = Vec::new();
        let mut requirements = crate::model::build(FileId(0), &document.expect("parses"), Lang::En, &mut out);
        requirements.remove(0).requirement
    }

    #[test]
    fn the_specification_example() {
        // 900 staff × 5 minutes daily (the example of docs/language.md).
        let r = requirement("  burden \"staff\" {\n people: 900\n minutes: 5\n frequency: daily\n frontline: yes\n }");
        let e = estimate(&r, &CostModel::default());
        let b = e.blocks[0].as_ref().expect("complete block");
        assert_eq!(b.occurrences_per_year, 365.0);
        assert!((b.hours_per_person_year - 30.416_666).abs() < 1e-5);
        assert_eq!(e.hours_per_year, 27_375.0);
        assert!((e.fte - 14.228_170).abs() < 1e-5);
        assert_eq!(e.cost_dkk, 10_950_000.0);
        assert_eq!(e.frontline_hours_per_year, 27_375.0);
    }

    #[test]
    fn per_case_per_year_once_and_sums() {
        let r = requirement(
            "  burden \"a\" {\n people: 10\n minutes: 30\n frequency: per_case\n cases_per_year: 40\n }\n\
               burden \"b\" {\n people: 4\n minutes: 60\n frequency: 6 per_year\n frontline: no\n }\n\
               burden \"c\" {\n people: 100\n minutes: 90\n frequency: once\n }",
        );
        let model = CostModel {
            hours_per_fte: 1000.0,
            hourly_cost_dkk: 100.0,
            ..CostModel::default()
        };
        let e = estimate(&r, &model);
        let hours: Vec<f64> = e.blocks.iter().flatten().map(|b| b.hours_per_year).collect();
        assert_eq!(hours, vec![200.0, 24.0, 0.0]);
        assert_eq!(e.hours_per_year, 224.0);
        assert_eq!(e.one_off_hours, 150.0);
        assert_eq!(e.fte, 0.224);
        assert_eq!(e.cost_dkk, 22_400.0);
        assert_eq!(e.frontline_hours_per_year, 0.0);
    }

    #[test]
    fn thresholds_are_met_exactly() {
        // 111 people × 20 minutes weekly = 1,924 hours: one FTE, not the
        // 0.9999999999999999 that dividing first gives (found by the benchmark).
        let r = requirement("  burden \"b\" {\n people: 111\n minutes: 20\n frequency: weekly\n }");
        let e = estimate(&r, &CostModel::default());
        assert_eq!(e.hours_per_year, 1924.0);
        assert_eq!(e.fte, 1.0);
    }

    #[test]
    fn an_incomplete_block_has_no_figures() {
        let text = "requirement \"t\" {\n  burden \"a\" {\n people: 10\n }\n}\n";
        let (document, _) = crate::syntax::parse(FileId(0), text, Lang::En);
        let mut out = Vec::new();
        let r = crate::model::build(FileId(0), &document.expect("parses"), Lang::En, &mut out)
            .remove(0)
            .requirement;
        let e = estimate(&r, &CostModel::default());
        assert_eq!(e.blocks, vec![None]);
        assert_eq!(e.hours_per_year, 0.0);
    }
}
