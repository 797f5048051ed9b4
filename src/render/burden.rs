//! The burden report (`trustlint burden`) as a table, JSON or CSV; the
//! figures come from [`crate::burden::report`].

use crate::burden::report::Report;
use crate::diagnostics::{format_number, messages as m, Lang};
use std::fmt::Write;

/// An aligned table in the chosen language.
pub fn table(report: &Report, lang: Lang) -> String {
    let headers = [
        m::COLUMN_PEOPLE,
        m::COLUMN_HOURS_PER_PERSON,
        m::COLUMN_HOURS,
        m::COLUMN_FTE,
        m::COLUMN_COST,
        m::COLUMN_FRONTLINE,
    ];
    let mut out = String::new();
    // Nothing estimated: no table of zeros, only what could not be estimated.
    let nothing = report.requirements.is_empty() && !report.not_estimated.is_empty();
    for (title, rows) in [
        (m::COLUMN_REQUIREMENT, &report.requirements),
        (m::COLUMN_GROUP, &report.groups),
    ]
    .into_iter()
    .filter(|_| !nothing)
    {
        let mut lines: Vec<Vec<String>> = vec![std::iter::once(title)
            .chain(headers)
            .map(|h| h.get(lang).to_owned())
            .collect()];
        let total = (m::ROW_TOTAL.get(lang), &report.total);
        for (name, row) in rows.iter().map(|r| (r.name.as_str(), r)).chain(std::iter::once(total)) {
            lines.push(vec![
                shown(name),
                format_number(row.people, lang),
                format_number(row.hours_per_person_year, lang),
                format_number(row.hours_per_year, lang),
                format_number(row.fte, lang),
                format_number(row.cost_dkk, lang),
                format_number(row.frontline_hours_per_year, lang),
            ]);
        }
        aligned(&mut out, &lines, true, &[0]);
        out.push('\n');
    }
    if !report.loads.is_empty() {
        let _ = writeln!(out, "{}", m::LOADS_HEADING.get(lang));
        let mut lines: Vec<Vec<String>> = vec![[
            m::COLUMN_GROUP,
            m::COLUMN_BEFORE,
            m::COLUMN_REMOVED,
            m::COLUMN_ADDED,
            m::COLUMN_AFTER,
            m::COLUMN_PER_PERSON_BEFORE,
            m::COLUMN_PER_PERSON_AFTER,
        ]
        .iter()
        .map(|h| h.get(lang).to_owned())
        .collect()];
        for load in &report.loads {
            lines.push(vec![
                load.name.clone(),
                format_number(load.before.hours_per_year, lang),
                signed('-', load.removed.hours_per_year, lang),
                signed('+', load.added.hours_per_year, lang),
                format_number(load.after.hours_per_year, lang),
                format_number(load.before.hours_per_person_year, lang),
                format_number(load.after.hours_per_person_year, lang),
            ]);
        }
        aligned(&mut out, &lines, false, &[0]);
        out.push('\n');
    }
    if report.total.one_off_hours > 0.0 {
        let hours = format_number(report.total.one_off_hours, lang);
        let _ = writeln!(out, "{}", m::ONE_OFF.fill(lang, &[("hours", &hours)]));
    }
    if !report.not_estimated.is_empty() {
        let n = report.not_estimated.len().to_string();
        let names: Vec<String> = report.not_estimated.iter().map(|name| shown(name)).collect();
        let names = names.join(", ");
        let _ = writeln!(out, "{}", m::NOT_ESTIMATED.fill(lang, &[("n", &n), ("names", &names)]));
    }
    out
}

/// The widest a name is shown in the table: a 100 KB id would otherwise
/// pad every row to 100 KB.
const NAME_WIDTH: usize = 60;

/// A name as the table shows it: escaped, and cut with `…` past [`NAME_WIDTH`].
fn shown(name: &str) -> String {
    let name = super::escape_controls(name);
    match name.char_indices().nth(NAME_WIDTH) {
        Some((cut, _)) => format!("{}…", &name[..cut]),
        None => name.into_owned(),
    }
}

/// Writes `lines` as columns, those in `left` left-aligned (text) and the
/// others right-aligned (numbers), with a rule before the last line when
/// it is a total.
pub(crate) fn aligned(out: &mut String, lines: &[Vec<String>], total_last: bool, left: &[usize]) {
    let widths: Vec<usize> = (0..lines[0].len())
        .map(|c| lines.iter().map(|l| l[c].chars().count()).max().unwrap_or(0))
        .collect();
    for (i, line) in lines.iter().enumerate() {
        if total_last && i == lines.len() - 1 {
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            let _ = writeln!(out, "{}", rule.join("  "));
        }
        let cells: Vec<String> = line
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, (cell, w))| {
                let pad = w - cell.chars().count();
                if left.contains(&c) {
                    format!("{cell}{}", " ".repeat(pad))
                } else {
                    format!("{}{cell}", " ".repeat(pad))
                }
            })
            .collect();
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
    }
}

pub fn json(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report).unwrap_or_default();
    out.push('\n');
    out
}

/// One row per requirement, per group and the total, with a `kind` column;
/// with a register, four rows per group the proposals touch (`before`,
/// `removed`, `added`, `after`).
pub fn csv(report: &Report) -> String {
    let mut out = String::from(
        "kind,name,people,hours_per_person_year,hours_per_year,fte,cost_dkk,frontline_hours_per_year,one_off_hours\n",
    );
    let rows = report
        .requirements
        .iter()
        .map(|r| ("requirement", r))
        .chain(report.groups.iter().map(|g| ("group", g)))
        .chain(std::iter::once(("total", &report.total)))
        .chain(report.loads.iter().flat_map(|load| {
            [
                ("before", &load.before),
                ("removed", &load.removed),
                ("added", &load.added),
                ("after", &load.after),
            ]
        }));
    for name in &report.not_estimated {
        let _ = writeln!(out, "not_estimated,{},,,,,,,", csv_field(name));
    }
    for (kind, row) in rows {
        let _ = writeln!(
            out,
            "{kind},{},{},{},{},{},{},{},{}",
            csv_field(&row.name),
            number(row.people),
            number(round(row.hours_per_person_year)),
            number(round(row.hours_per_year)),
            number(round(row.fte)),
            number(round(row.cost_dkk)),
            number(round(row.frontline_hours_per_year)),
            number(round(row.one_off_hours))
        );
    }
    out
}

/// A change with its sign, or `0`.
fn signed(sign: char, hours: f64, lang: Lang) -> String {
    if hours > 0.0 {
        format!("{sign}{}", format_number(hours, lang))
    } else {
        format_number(0.0, lang)
    }
}

pub(crate) fn round(n: f64) -> f64 {
    let rounded = (n * 1000.0).round() / 1000.0;
    // Past 1e15 there are no thousandths left to round (and `n * 1000`
    // could overflow).
    if rounded.is_finite() {
        rounded
    } else {
        n
    }
}

/// A number cell: every digit, never `inf` or `NaN` (an empty cell if a
/// figure could not be had; the model keeps them finite).
pub(crate) fn number(n: f64) -> String {
    if n.is_finite() {
        n.to_string()
    } else {
        String::new()
    }
}

/// Quotes a CSV field when it holds a comma, a quote or a line break; a
/// field a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
/// carriage return first) starts with `'`, as OWASP advises.
pub(crate) fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn csv_cells_cannot_run_as_formulas() {
        assert_eq!(super::csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(super::csv_field("+1"), "'+1");
        assert_eq!(super::csv_field("-2,3"), "\"'-2,3\"");
        assert_eq!(super::csv_field("@SUM"), "'@SUM");
        assert_eq!(super::csv_field("\tx"), "'\tx");
        assert_eq!(super::csv_field("SUF-1"), "SUF-1");
        assert_eq!(super::number(f64::INFINITY), "");
        assert_eq!(super::number(1.8e19), "18000000000000000000");
    }
}
