//! The burden report (`trustlint burden`): per requirement, per burdened
//! group (labels compared without case) and in total; as a table, JSON or
//! CSV.

use crate::burden::Estimate;
use crate::diagnostics::{format_number, Lang};
use crate::model::Requirement;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The report's figures, before any format.
#[derive(Debug, Serialize)]
pub struct Report {
    pub requirements: Vec<Row>,
    pub groups: Vec<Row>,
    pub total: Row,
}

/// One line of the report.
#[derive(Debug, Default, Serialize, Clone)]
pub struct Row {
    /// The requirement's id or the group's label; "total" for the sum.
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
    for (requirement, estimate) in requirements.iter().zip(estimates) {
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
    }
}

/// An aligned table in the chosen language.
pub fn table(report: &Report, lang: Lang) -> String {
    let (requirement, group, headers) = match lang {
        Lang::En => (
            "requirement",
            "group",
            ["people", "h/person/yr", "hours/yr", "FTE", "cost DKK", "frontline h/yr"],
        ),
        Lang::Da => (
            "krav",
            "gruppe",
            [
                "personer",
                "t/person/år",
                "timer/år",
                "årsværk",
                "kr.",
                "borgernære t/år",
            ],
        ),
    };
    let mut out = String::new();
    for (title, rows) in [(requirement, &report.requirements), (group, &report.groups)] {
        let mut lines: Vec<Vec<String>> = vec![std::iter::once(title.to_owned())
            .chain(headers.iter().map(|h| (*h).to_owned()))
            .collect()];
        for row in rows.iter().chain(std::iter::once(&report.total)) {
            lines.push(vec![
                if row.name == "total" && lang == Lang::Da {
                    "i alt".to_owned()
                } else {
                    row.name.clone()
                },
                format_number(row.people, lang),
                format_number(row.hours_per_person_year, lang),
                format_number(row.hours_per_year, lang),
                format_number(row.fte, lang),
                format_number(row.cost_dkk, lang),
                format_number(row.frontline_hours_per_year, lang),
            ]);
        }
        let widths: Vec<usize> = (0..lines[0].len())
            .map(|c| lines.iter().map(|l| l[c].chars().count()).max().unwrap_or(0))
            .collect();
        for (i, line) in lines.iter().enumerate() {
            if i == lines.len() - 1 {
                let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
                let _ = writeln!(out, "{}", rule.join("  "));
            }
            let cells: Vec<String> = line
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(c, (cell, w))| {
                    let pad = w - cell.chars().count();
                    if c == 0 {
                        format!("{cell}{}", " ".repeat(pad))
                    } else {
                        format!("{}{cell}", " ".repeat(pad))
                    }
                })
                .collect();
            let _ = writeln!(out, "{}", cells.join("  ").trim_end());
        }
        out.push('\n');
    }
    if report.total.one_off_hours > 0.0 {
        let _ = match lang {
            Lang::En => writeln!(
                out,
                "one-off (first year only): {} hours",
                format_number(report.total.one_off_hours, lang)
            ),
            Lang::Da => writeln!(
                out,
                "engangsbyrde (kun første år): {} timer",
                format_number(report.total.one_off_hours, lang)
            ),
        };
    }
    out
}

pub fn json(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report).unwrap_or_default();
    out.push('\n');
    out
}

/// One row per requirement, per group and the total, with a `kind` column.
pub fn csv(report: &Report) -> String {
    let mut out = String::from(
        "kind,name,people,hours_per_person_year,hours_per_year,fte,cost_dkk,frontline_hours_per_year,one_off_hours\n",
    );
    let rows = report
        .requirements
        .iter()
        .map(|r| ("requirement", r))
        .chain(report.groups.iter().map(|g| ("group", g)))
        .chain(std::iter::once(("total", &report.total)));
    for (kind, row) in rows {
        let _ = writeln!(
            out,
            "{kind},{},{},{},{},{},{},{},{}",
            csv_field(&row.name),
            row.people,
            round(row.hours_per_person_year),
            round(row.hours_per_year),
            round(row.fte),
            round(row.cost_dkk),
            round(row.frontline_hours_per_year),
            round(row.one_off_hours)
        );
    }
    out
}

fn round(n: f64) -> f64 {
    (n * 1000.0).round() / 1000.0
}

/// Quotes a CSV field when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}
