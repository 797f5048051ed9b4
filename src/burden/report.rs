//! The burden report's figures: per requirement, per burdened group
//! (labels compared without case) and in total. Renderers only format them.

use super::Estimate;
use crate::model::Requirement;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The report's figures, before any format.
#[derive(Debug, Serialize)]
pub struct Report {
    pub requirements: Vec<Row>,
    pub groups: Vec<Row>,
    pub total: Row,
    /// The requirements left out because their estimate is not complete
    /// (they have errors): named, never counted as zero.
    pub not_estimated: Vec<String>,
    /// With a register: the load on each group the proposals touch, before
    /// and after.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub loads: Vec<Load>,
}

/// The load on one group: what the register puts on it, what the proposals
/// remove (the requirements they replace) and add, and the sum after.
#[derive(Debug, Serialize, Clone)]
pub struct Load {
    pub name: String,
    pub before: Row,
    pub removed: Row,
    pub added: Row,
    pub after: Row,
}

/// One line of the report.
#[derive(Debug, Default, Serialize, Clone)]
pub struct Row {
    /// The requirement's id or the group's label; "total" for the sum (for
    /// JSON and CSV readers: the table names the sum by its place).
    pub name: String,
    pub people: f64,
    /// The largest hours per person per year of any block in the row.
    pub hours_per_person_year: f64,
    pub hours_per_year: f64,
    pub fte: f64,
    pub cost_dkk: f64,
    pub frontline_hours_per_year: f64,
    pub one_off_hours: f64,
}

impl Row {
    /// Adds a requirement's or block's figures: people and time add up;
    /// the hours per person are the largest.
    fn add(&mut self, other: &Row) {
        self.people += other.people;
        self.hours_per_person_year = self.hours_per_person_year.max(other.hours_per_person_year);
        self.add_time(other);
    }

    /// The figures that always add up.
    fn add_time(&mut self, other: &Row) {
        self.hours_per_year += other.hours_per_year;
        self.fte += other.fte;
        self.cost_dkk += other.cost_dkk;
        self.frontline_hours_per_year += other.frontline_hours_per_year;
        self.one_off_hours += other.one_off_hours;
    }
}

pub fn report(requirements: &[Requirement], estimates: &[Estimate]) -> Report {
    let mut rows = Vec::new();
    let mut groups: BTreeMap<String, Row> = BTreeMap::new();
    let mut total = Row {
        name: "total".to_owned(),
        ..Row::default()
    };
    let mut not_estimated = Vec::new();
    for (requirement, estimate) in requirements.iter().zip(estimates) {
        if !estimate.complete {
            not_estimated.push(requirement.name().to_owned());
            continue;
        }
        let mut row = Row {
            name: requirement.name().to_owned(),
            ..Row::default()
        };
        for block in estimate.blocks.iter().flatten() {
            let block_row = Row {
                name: block.label.clone(),
                people: block.people,
                hours_per_person_year: block.hours_per_person_year,
                hours_per_year: block.hours_per_year,
                fte: block.fte,
                cost_dkk: block.cost_dkk,
                frontline_hours_per_year: if block.frontline { block.hours_per_year } else { 0.0 },
                one_off_hours: block.one_off_hours,
            };
            row.add(&block_row);
            let group = groups.entry(block.label.to_lowercase()).or_insert_with(|| Row {
                name: block.label.clone(),
                ..Row::default()
            });
            // The same people carry every requirement on them: hours per
            // person add up, head counts do not.
            group.hours_per_person_year += block.hours_per_person_year;
            group.people = group.people.max(block.people);
            group.add_time(&block_row);
        }
        total.add(&row);
        rows.push(row);
    }
    total.people = groups.values().map(|g| g.people).sum();
    total.hours_per_person_year = groups.values().map(|g| g.hours_per_person_year).fold(0.0, f64::max);
    Report {
        requirements: rows,
        groups: groups.into_values().collect(),
        total,
        not_estimated,
        loads: Vec::new(),
    }
}

/// The proposals' report with each group's load before and after, given
/// the register (`in_force`) and the ids the proposals replace.
pub fn with_register(
    proposals: (&[Requirement], &[Estimate]),
    in_force: (&[Requirement], &[Estimate]),
    replaced: &BTreeSet<String>,
) -> Report {
    let mut out = report(proposals.0, proposals.1);
    let is_replaced = |r: &Requirement| r.id().is_some_and(|id| replaced.contains(id));
    let pick = |keep: &dyn Fn(&Requirement) -> bool| -> (Vec<Requirement>, Vec<Estimate>) {
        in_force
            .0
            .iter()
            .zip(in_force.1)
            .filter(|(r, _)| keep(r))
            .map(|(r, e)| (r.clone(), e.clone()))
            .unzip()
    };
    let (kept, kept_estimates) = pick(&|r| !is_replaced(r));
    let (gone, gone_estimates) = pick(&is_replaced);
    let before = report(in_force.0, in_force.1).groups;
    let removed = report(&gone, &gone_estimates).groups;
    let (mut all, mut all_estimates) = (kept, kept_estimates);
    all.extend_from_slice(proposals.0);
    all_estimates.extend_from_slice(proposals.1);
    let after = report(&all, &all_estimates).groups;
    let find = |rows: &[Row], name: &str| {
        rows.iter()
            .find(|row| row.name.to_lowercase() == name)
            .cloned()
            .unwrap_or_else(|| Row {
                name: name.to_owned(),
                ..Row::default()
            })
    };
    // The groups the proposals touch: those they add to or take from.
    let touched: BTreeSet<String> = out
        .groups
        .iter()
        .chain(&removed)
        .map(|row| row.name.to_lowercase())
        .collect();
    out.loads = touched
        .iter()
        .map(|name| {
            let after = find(&after, name);
            Load {
                name: after.name.clone(),
                before: find(&before, name),
                removed: find(&removed, name),
                added: find(&out.groups, name),
                after,
            }
        })
        .collect();
    out
}

/// The register's load on each group, summed once, so that each proposal's
/// before and after (the committee report asks them one proposal at a
/// time) costs its own groups and what it replaces, not the whole register
/// again. Gives the figures [`with_register`] gives for one proposal.
pub struct InForce<'a> {
    requirements: &'a [Requirement],
    estimates: &'a [Estimate],
    /// Each group's row, by its label in lower case.
    groups: BTreeMap<String, Row>,
    /// Each group's head counts, the largest first, with the index of the
    /// requirement they come from: a group's people are the largest count,
    /// so the largest of those not replaced.
    people: HashMap<String, Vec<(f64, usize)>>,
    by_id: HashMap<&'a str, usize>,
}

impl<'a> InForce<'a> {
    pub fn new(requirements: &'a [Requirement], estimates: &'a [Estimate]) -> Self {
        let groups = report(requirements, estimates)
            .groups
            .into_iter()
            .map(|row| (row.name.to_lowercase(), row))
            .collect();
        let mut people: HashMap<String, Vec<(f64, usize)>> = HashMap::new();
        for (index, estimate) in estimates.iter().enumerate().filter(|(_, e)| e.complete) {
            for block in estimate.blocks.iter().flatten() {
                people
                    .entry(block.label.to_lowercase())
                    .or_default()
                    .push((block.people, index));
            }
        }
        for counts in people.values_mut() {
            counts.sort_by(|a, b| b.0.total_cmp(&a.0));
        }
        let by_id = requirements
            .iter()
            .enumerate()
            .filter_map(|(index, r)| Some((r.id()?, index)))
            .collect();
        InForce {
            requirements,
            estimates,
            groups,
            people,
            by_id,
        }
    }

    /// The load on each group `proposal` touches, before and after, when
    /// it replaces the requirements in force named in `replaced`.
    pub fn loads(&self, proposal: &Requirement, estimate: &Estimate, replaced: &BTreeSet<String>) -> Vec<Load> {
        let gone: BTreeSet<usize> = replaced
            .iter()
            .filter_map(|id| self.by_id.get(id.as_str()).copied())
            .collect();
        let (gone_requirements, gone_estimates): (Vec<Requirement>, Vec<Estimate>) = gone
            .iter()
            .map(|&i| (self.requirements[i].clone(), self.estimates[i].clone()))
            .unzip();
        let keyed = |rows: Vec<Row>| -> BTreeMap<String, Row> {
            rows.into_iter().map(|row| (row.name.to_lowercase(), row)).collect()
        };
        let removed = keyed(report(&gone_requirements, &gone_estimates).groups);
        let added = keyed(report(std::slice::from_ref(proposal), std::slice::from_ref(estimate)).groups);
        let touched: BTreeSet<&String> = added.keys().chain(removed.keys()).collect();
        touched
            .into_iter()
            .map(|key| {
                let named = |row: Option<&Row>, name: &str| {
                    row.cloned().unwrap_or_else(|| Row {
                        name: name.to_owned(),
                        ..Row::default()
                    })
                };
                let label = added
                    .get(key)
                    .or(removed.get(key))
                    .map_or(key.as_str(), |r| r.name.as_str());
                let before = named(self.groups.get(key), label);
                let removed = named(removed.get(key), label);
                let added = named(added.get(key), label);
                let kept_people = self
                    .people
                    .get(key)
                    .and_then(|counts| counts.iter().find(|(_, index)| !gone.contains(index)))
                    .map(|(people, _)| *people);
                // Named as the register names it while it still has a
                // requirement on the group, else as the proposal does.
                let name = if kept_people.is_some() {
                    &before.name
                } else {
                    &added.name
                }
                .clone();
                let less = |a: f64, b: f64, c: f64| (a - b + c).max(0.0);
                let after = Row {
                    name: name.clone(),
                    people: kept_people.unwrap_or(0.0).max(added.people),
                    hours_per_person_year: less(
                        before.hours_per_person_year,
                        removed.hours_per_person_year,
                        added.hours_per_person_year,
                    ),
                    hours_per_year: less(before.hours_per_year, removed.hours_per_year, added.hours_per_year),
                    fte: less(before.fte, removed.fte, added.fte),
                    cost_dkk: less(before.cost_dkk, removed.cost_dkk, added.cost_dkk),
                    frontline_hours_per_year: less(
                        before.frontline_hours_per_year,
                        removed.frontline_hours_per_year,
                        added.frontline_hours_per_year,
                    ),
                    one_off_hours: less(before.one_off_hours, removed.one_off_hours, added.one_off_hours),
                };
                Load {
                    name,
                    before,
                    removed,
                    added,
                    after,
                }
            })
            .collect()
    }
}
