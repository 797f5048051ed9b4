//! The burden report (`trustlint burden`) as a table, JSON or CSV; the
//! figures come from [`crate::burden::report`].

use crate::burden::report::Report;
use crate::diagnostics::{format_number, Lang};
use std::fmt::Write;

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
