//! The audit of a register (`trustlint audit`) as a table, JSON, CSV or an
//! HTML page drawn like the committee report; the figures and the ranking
//! come from [`crate::audit`].

use super::burden::{aligned, csv_field, round};
use super::report;
use crate::audit::Audit;
use crate::diagnostics::{format_number, messages as m, Lang, Level, Text};
use serde::Serialize;
use std::collections::BTreeMap;
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

#[derive(Serialize)]
struct Page {
    lang: &'static str,
    version: &'static str,
    t: BTreeMap<&'static str, String>,
    summary_line: String,
    dates: Vec<DateRow>,
    groups: Vec<GroupRow>,
    chart: Option<report::Chart>,
    candidates: Vec<CandidateRow>,
}

#[derive(Serialize)]
struct DateRow {
    code: String,
    requirement: String,
    date: String,
    days_overdue: String,
    title: String,
}

#[derive(Serialize)]
struct GroupRow {
    name: String,
    people: String,
    hours_per_person: String,
    hours: String,
    fte: String,
    cost: String,
    over_limit: String,
}

#[derive(Serialize)]
struct CandidateRow {
    rank: usize,
    requirement: String,
    title: String,
    hours: String,
    fte: String,
    cost: String,
    findings: Vec<FindingRow>,
}

#[derive(Serialize)]
struct FindingRow {
    level: &'static str,
    code: String,
    message: String,
}

/// The audit as one self-contained HTML page (the report's styles, A4 print):
/// the same three tables as [`table`], and a chart of each group's hours per
/// person a year against the limit.
pub fn html(audit: &Audit, lang: Lang, ruleset: &str) -> Result<String, String> {
    let today = [("today", audit.today.as_str())];
    let mut t = report::words(
        lang,
        &[
            ("col_code", m::COLUMN_CODE),
            ("col_requirement", m::COLUMN_REQUIREMENT),
            ("col_date", m::COLUMN_DATE),
            ("col_days_overdue", m::COLUMN_DAYS_OVERDUE),
            ("col_title", m::COLUMN_TITLE),
            ("col_group", m::COLUMN_GROUP),
            ("col_people", m::COLUMN_PEOPLE),
            ("col_hours_per_person", m::COLUMN_HOURS_PER_PERSON),
            ("col_hours", m::COLUMN_HOURS),
            ("col_fte", m::COLUMN_FTE),
            ("col_cost", m::COLUMN_COST),
            ("col_over_limit", m::COLUMN_OVER_LIMIT),
            ("col_rank", m::COLUMN_RANK),
            ("col_findings", m::COLUMN_FINDINGS),
        ],
    );
    let sentence = |text: String| {
        let mut chars = text.chars();
        chars
            .next()
            .map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
    };
    t.insert("title", m::AUDIT_TITLE.fill(lang, &today));
    t.insert("made_by", report::made_by(lang, ruleset));
    t.insert("dates_heading", sentence(m::AUDIT_DATES_HEADING.fill(lang, &today)));
    t.insert("no_dates", sentence(m::AUDIT_NO_DATES.fill(lang, &today)) + ".");
    t.insert(
        "groups_heading",
        sentence(match audit.group_limit {
            Some(limit) => m::AUDIT_GROUPS_LIMIT.fill(lang, &[("limit", &format_number(limit, lang))]),
            None => m::AUDIT_GROUPS_HEADING.get(lang).to_owned(),
        }),
    );
    t.insert(
        "candidates_heading",
        sentence(m::AUDIT_CANDIDATES_HEADING.get(lang).to_owned()),
    );
    t.insert(
        "no_candidates",
        sentence(m::AUDIT_NO_CANDIDATES.get(lang).to_owned()) + ".",
    );

    let dates = audit
        .dates
        .iter()
        .map(|dated| DateRow {
            code: dated.code.clone(),
            requirement: dated.requirement.clone(),
            date: dated.date.clone(),
            days_overdue: format_number(dated.days_overdue as f64, lang),
            title: dated.title.clone(),
        })
        .collect();
    let groups = audit
        .groups
        .iter()
        .map(|group| GroupRow {
            name: group.row.name.clone(),
            people: format_number(group.row.people, lang),
            hours_per_person: format_number(group.row.hours_per_person_year, lang),
            hours: format_number(group.row.hours_per_year, lang),
            fte: format_number(group.row.fte, lang),
            cost: format_number(group.row.cost_dkk, lang),
            over_limit: if group.over_limit {
                m::WORD_YES.get(lang).to_owned()
            } else {
                String::new()
            },
        })
        .collect();
    let bars: Vec<(String, f64, &'static str)> = audit
        .groups
        .iter()
        .map(|group| {
            let color = if group.over_limit { "#a4161a" } else { "#24548f" };
            (group.row.name.clone(), group.row.hours_per_person_year, color)
        })
        .collect();
    let chart = (!bars.is_empty()).then(|| {
        let label = m::AUDIT_CHART_CAPTION.get(lang);
        report::chart(label, label.to_owned(), &bars, audit.group_limit, lang)
    });
    let candidates = audit
        .candidates
        .iter()
        .map(|candidate| CandidateRow {
            rank: candidate.rank,
            requirement: candidate.requirement.clone(),
            title: candidate.title.clone(),
            hours: shown(candidate.hours_per_year, lang),
            fte: shown(candidate.fte, lang),
            cost: shown(candidate.cost_dkk, lang),
            findings: candidate
                .findings
                .iter()
                .map(|finding| FindingRow {
                    level: match finding.level {
                        Level::Error => "error",
                        Level::Warning => "warning",
                        Level::Note | Level::Allow => "note",
                    },
                    code: finding.code.clone(),
                    message: finding.message.clone(),
                })
                .collect(),
        })
        .collect();
    let over = audit.groups.iter().filter(|g| g.over_limit).count();
    let summary_line = m::AUDIT_SUMMARY.fill(
        lang,
        &[
            ("requirements", &audit.requirements.to_string()),
            ("dates", &audit.dates.len().to_string()),
            ("over", &over.to_string()),
            ("candidates", &audit.candidates.len().to_string()),
        ],
    );
    let page = Page {
        lang: report::html_lang(lang),
        version: env!("CARGO_PKG_VERSION"),
        t,
        summary_line: sentence(summary_line) + ".",
        dates,
        groups,
        chart,
        candidates,
    };
    report::render("audit.html", &page)
}
