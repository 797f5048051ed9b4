//! The audit of a register (`trustlint audit`) as a table, JSON or CSV;
//! the figures and the ranking come from [`crate::audit`].

use super::burden::{aligned, csv_field, round};
use crate::audit::Audit;
use crate::diagnostics::{format_number, messages as m, Lang, Text};
use std::fmt::Write;

fn header_in(columns: &[Text], lang: Lang) -> Vec<String> {
    columns.iter().map(|c| c.get(lang).to_owned()).collect()
}

/// Three tables: the dates passed, the load per group, the candidates.
pub fn table(audit: &Audit, lang: Lang) -> String {
    let mut out = String::new();
    let today = [("today", audit.today.as_str())];
    if audit.dates.is_empty() {
        let _ = writeln!(out, "{}\n", m::AUDIT_NO_DATES.fill(lang, &today));
    } else {
        let _ = writeln!(out, "{}", m::AUDIT_DATES_HEADING.fill(lang, &today));
        let mut lines = vec![header_in(
            &[
                m::COLUMN_CODE,
                m::COLUMN_REQUIREMENT,
                m::COLUMN_DATE,
                m::COLUMN_DAYS_OVERDUE,
                m::COLUMN_TITLE,
            ],
            lang,
        )];
        for dated in &audit.dates {
            lines.push(vec![
                dated.code.clone(),
                dated.requirement.clone(),
                dated.date.clone(),
                format_number(dated.days_overdue as f64, lang),
                dated.title.clone(),
            ]);
        }
        aligned(&mut out, &lines, false, &[0, 1, 2, 4]);
        out.push('\n');
    }

    let heading = match audit.group_limit {
        Some(limit) => m::AUDIT_GROUPS_LIMIT.fill(lang, &[("limit", &format_number(limit, lang))]),
        None => m::AUDIT_GROUPS_HEADING.get(lang).to_owned(),
    };
    let _ = writeln!(out, "{heading}");
    let mut lines = vec![header_in(
        &[
            m::COLUMN_GROUP,
            m::COLUMN_PEOPLE,
            m::COLUMN_HOURS_PER_PERSON,
            m::COLUMN_HOURS,
            m::COLUMN_FTE,
            m::COLUMN_COST,
            m::COLUMN_OVER_LIMIT,
        ],
        lang,
    )];
    for group in &audit.groups {
        let row = &group.row;
        lines.push(vec![
            row.name.clone(),
            format_number(row.people, lang),
            format_number(row.hours_per_person_year, lang),
            format_number(row.hours_per_year, lang),
            format_number(row.fte, lang),
            format_number(row.cost_dkk, lang),
            if group.over_limit {
                m::WORD_YES.get(lang).to_owned()
            } else {
                String::new()
            },
        ]);
    }
    aligned(&mut out, &lines, false, &[0]);
    out.push('\n');

    if audit.candidates.is_empty() {
        let _ = writeln!(out, "{}", m::AUDIT_NO_CANDIDATES.get(lang));
    } else {
        let _ = writeln!(out, "{}", m::AUDIT_CANDIDATES_HEADING.get(lang));
        let mut lines = vec![header_in(
            &[
                m::COLUMN_RANK,
                m::COLUMN_REQUIREMENT,
                m::COLUMN_HOURS,
                m::COLUMN_FTE,
                m::COLUMN_COST,
                m::COLUMN_ERRORS,
                m::COLUMN_WARNINGS,
                m::COLUMN_FINDINGS,
            ],
            lang,
        )];
        for candidate in &audit.candidates {
            let codes: Vec<&str> = candidate.findings.iter().map(|f| f.code.as_str()).collect();
            lines.push(vec![
                candidate.rank.to_string(),
                candidate.requirement.clone(),
                shown(candidate.hours_per_year, lang),
                shown(candidate.fte, lang),
                shown(candidate.cost_dkk, lang),
                candidate.errors.to_string(),
                candidate.warnings.to_string(),
                codes.join(" "),
            ]);
        }
        aligned(&mut out, &lines, false, &[1, 7]);
    }
    out.push('\n');
    let over = audit.groups.iter().filter(|g| g.over_limit).count();
    let _ = writeln!(
        out,
        "{}",
        m::AUDIT_SUMMARY.fill(
            lang,
            &[
                ("requirements", &audit.requirements.to_string()),
                ("dates", &audit.dates.len().to_string()),
                ("over", &over.to_string()),
                ("candidates", &audit.candidates.len().to_string()),
            ],
        )
    );
    out
}

pub fn json(audit: &Audit) -> String {
    let mut out = serde_json::to_string_pretty(audit).unwrap_or_default();
    out.push('\n');
    out
}

/// The ranking, one row per candidate, for a spreadsheet (a date passed
/// shows as TL401 or TL402 among the codes).
pub fn csv(audit: &Audit) -> String {
    let mut out = String::from(
        "rank,requirement,title,hours_per_year,fte,cost_dkk,frontline_hours_per_year,errors,warnings,codes\n",
    );
    for candidate in &audit.candidates {
        let codes: Vec<&str> = candidate.findings.iter().map(|f| f.code.as_str()).collect();
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{}",
            candidate.rank,
            csv_field(&candidate.requirement),
            csv_field(&candidate.title),
            csv_number(candidate.hours_per_year),
            csv_number(candidate.fte),
            csv_number(candidate.cost_dkk),
            csv_number(candidate.frontline_hours_per_year),
            candidate.errors,
            candidate.warnings,
            codes.join(" ")
        );
    }
    out
}

/// A figure, or a dash where the estimate is incomplete.
fn shown(value: Option<f64>, lang: Lang) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format_number(v, lang))
}

/// A figure, or an empty field where the estimate is incomplete.
fn csv_number(value: Option<f64>) -> String {
    value.map(round).map(|v| v.to_string()).unwrap_or_default()
}
