//! The committee's document (`trustlint report`): one self-contained HTML
//! file, inline CSS and SVG, no script, no fonts or anything else fetched,
//! that a secretary attaches to the committee case. Per proposal: the
//! kodeks' principles as a checklist, the findings with what to change, and
//! the burden with a chart per burdened group (and, with a register, each
//! group's load before and after). A summary comes first when there are
//! several proposals.
//!
//! The page is a template (`templates/report.html`, minijinja, HTML
//! escaping on for every value, drawn by `template`); this module only
//! prepares the values, so what a proposal's author wrote can never become
//! markup. The charts' geometry is in `chart`.

mod chart;
mod template;

pub(crate) use chart::{chart, Chart};
pub(crate) use template::{html_lang, made_by, render, words};

use crate::burden::report::{self as figures, Load};
use crate::burden::Estimate;
use crate::check::Checked;
use crate::diagnostics::{format_number, messages as m, Diagnostic, Lang, Level, Text};
use crate::engine::params::ParamValue;
use crate::engine::Ruleset;
use crate::model::Requirement;
use crate::settings::Levels;
use crate::source::{FileId, SourceMap};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What the report is made from.
pub struct Input<'a> {
    pub checked: &'a Checked,
    pub sources: &'a SourceMap,
    pub ruleset: &'a Ruleset,
    /// The levels the check ran with (a switched-off principle is not
    /// applicable).
    pub levels: &'a Levels,
    pub lang: Lang,
    /// Whether the proposals were judged with a register.
    pub with_register: bool,
}

#[derive(Serialize)]
struct Page {
    lang: &'static str,
    version: &'static str,
    t: BTreeMap<&'static str, String>,
    summary: bool,
    summary_line: String,
    proposals: Vec<Proposal>,
    /// Files no requirement could be read from, with their findings.
    unjudged: Vec<Unjudged>,
}

#[derive(Serialize)]
struct Unjudged {
    file: String,
    findings: Vec<Finding>,
}

#[derive(Serialize)]
struct Proposal {
    anchor: String,
    title: String,
    id: String,
    owner: Option<String>,
    file: String,
    verdict: String,
    verdict_class: &'static str,
    errors: usize,
    warnings: usize,
    counts: String,
    hours: String,
    /// Whether the rules judged it (not when its form has errors).
    judged: bool,
    checklist: Vec<Item>,
    findings: Vec<Finding>,
    burden: Option<Burden>,
    loads: Vec<LoadRow>,
}

#[derive(Serialize)]
struct Item {
    status: String,
    class: &'static str,
    source: String,
    quote: String,
    /// The codes of the rules that judge the principle.
    codes: String,
    why: Option<String>,
}

#[derive(Serialize)]
struct Finding {
    level: &'static str,
    level_text: String,
    code: String,
    line: usize,
    message: String,
    help: Option<String>,
}

#[derive(Serialize)]
struct Burden {
    hours: String,
    fte: String,
    cost: String,
    frontline: String,
    groups: Vec<Chart>,
}

#[derive(Serialize)]
struct LoadRow {
    name: String,
    before: String,
    removed: String,
    added: String,
    after: String,
    pp_before: String,
    pp_after: String,
}

/// One principle of the checklist: a source and its words, with the codes
/// of the rules that rest on them.
struct Principle<'a> {
    source: &'a str,
    quote: &'a str,
    codes: Vec<&'a str>,
}

/// The report as one HTML document. No files, clock or process: the
/// browser playground calls it as the command line does.
pub fn html(input: &Input<'_>) -> Result<String, String> {
    render("report.html", &page(input))
}

fn page(input: &Input<'_>) -> Page {
    let lang = input.lang;
    let checked = input.checked;
    let principles = principles(input.ruleset, lang);
    let (by_requirement, by_file) = findings_by_requirement(checked);
    let limit = group_limit(input.ruleset);
    let register = &checked.register;
    let in_force = input
        .with_register
        .then(|| figures::InForce::new(&register.requirements, &register.estimates));
    let proposals: Vec<Proposal> = checked
        .requirements
        .iter()
        .zip(&checked.estimates)
        .enumerate()
        .map(|(index, (requirement, estimate))| {
            let own = by_requirement.get(&index).map(Vec::as_slice).unwrap_or_default();
            proposal(
                input,
                index,
                requirement,
                estimate,
                own,
                &principles,
                limit,
                in_force.as_ref(),
            )
        })
        .collect();
    let unjudged: Vec<Unjudged> = by_file
        .into_iter()
        .map(|(file, own)| Unjudged {
            file: input.sources.get(FileId(file)).name.clone(),
            findings: own.iter().map(|d| finding(input, d)).collect(),
        })
        .collect();
    let count = |class: &str| {
        proposals
            .iter()
            .filter(|p| p.verdict_class == class)
            .count()
            .to_string()
    };
    let summary_line = m::REPORT_SUMMARY_LINE.fill(
        lang,
        &[
            ("proposals", &proposals.len().to_string()),
            ("failing", &count("error")),
            ("remarks", &count("warning")),
            ("clean", &count("met")),
        ],
    );
    let mut t = words(
        lang,
        &[
            ("title", m::REPORT_TITLE),
            ("summary_heading", m::REPORT_SUMMARY_HEADING),
            ("col_proposal", m::REPORT_COL_PROPOSAL),
            ("col_id", m::REPORT_COL_ID),
            ("col_verdict", m::REPORT_COL_VERDICT),
            ("col_errors", m::COLUMN_ERRORS),
            ("col_warnings", m::COLUMN_WARNINGS),
            ("col_hours", m::COLUMN_HOURS),
            ("owner", m::REPORT_OWNER),
            ("file", m::REPORT_FILE),
            ("checklist_heading", m::REPORT_CHECKLIST_HEADING),
            ("checklist_explain", m::REPORT_CHECKLIST_EXPLAIN),
            ("why_not_judged", m::REPORT_WHY_NOT_JUDGED),
            ("col_status", m::REPORT_COL_STATUS),
            ("col_principle", m::REPORT_COL_PRINCIPLE),
            ("rules", m::REPORT_RULES),
            ("findings_heading", m::REPORT_FINDINGS_HEADING),
            ("col_finding", m::REPORT_COL_FINDING),
            ("col_what", m::REPORT_COL_WHAT),
            ("line", m::REPORT_LINE),
            ("change", m::REPORT_CHANGE),
            ("no_findings", m::REPORT_NO_FINDINGS),
            ("burden_heading", m::REPORT_BURDEN_HEADING),
            ("hours_per_year", m::REPORT_HOURS_PER_YEAR),
            ("fte", m::REPORT_FTE),
            ("cost", m::REPORT_COST),
            ("frontline_share", m::REPORT_FRONTLINE_SHARE),
            ("not_estimated", m::REPORT_NOT_ESTIMATED),
            ("col_group", m::COLUMN_GROUP),
            ("col_before", m::COLUMN_BEFORE),
            ("col_removed", m::COLUMN_REMOVED),
            ("col_added", m::COLUMN_ADDED),
            ("col_after", m::COLUMN_AFTER),
            ("col_pp_before", m::COLUMN_PER_PERSON_BEFORE),
            ("col_pp_after", m::COLUMN_PER_PERSON_AFTER),
            ("unjudged_heading", m::REPORT_UNJUDGED_HEADING),
            ("unjudged_explain", m::REPORT_UNJUDGED_EXPLAIN),
        ],
    );
    t.insert("made_by", made_by(lang, &input.ruleset.name));
    t.insert(
        "unjudged_line",
        m::REPORT_UNJUDGED_LINE.fill(lang, &[("files", &unjudged.len().to_string())]),
    );
    Page {
        lang: html_lang(lang),
        version: env!("CARGO_PKG_VERSION"),
        t,
        summary: proposals.len() + unjudged.len() > 1,
        summary_line,
        proposals,
        unjudged,
    }
}

/// The ruleset's limit on one group's hours per person a year, if any.
pub(crate) fn group_limit(ruleset: &Ruleset) -> Option<f64> {
    match ruleset.params.get("group_hours_per_person") {
        Some(ParamValue::Num(limit)) => Some(*limit),
        _ => None,
    }
}

/// The principles the ruleset's rules cite, in the order of the rules;
/// rules citing the same words share one.
fn principles(ruleset: &Ruleset, lang: Lang) -> Vec<Principle<'_>> {
    let mut out: Vec<Principle<'_>> = Vec::new();
    for rule in &ruleset.rules {
        let code = rule.entry.code.as_ref();
        for quote in rule.entry.quotes.iter() {
            let source = quote.source.in_lang(lang).as_ref();
            match out
                .iter_mut()
                .find(|p| p.source == source && p.quote == quote.text.as_ref())
            {
                Some(principle) => principle.codes.push(code),
                None => out.push(Principle {
                    source,
                    quote: &quote.text,
                    codes: vec![code],
                }),
            }
        }
    }
    out
}

/// The diagnostics of each proposal (by its index): those at or after its
/// title and before the next requirement's in the same file (those before
/// a file's first requirement are its). A file with no requirement (one
/// that could not be read or parsed) keeps its own, by file.
#[allow(clippy::type_complexity)]
fn findings_by_requirement(
    checked: &Checked,
) -> (BTreeMap<usize, Vec<&Diagnostic>>, BTreeMap<usize, Vec<&Diagnostic>>) {
    let mut starts: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (index, requirement) in checked.requirements.iter().enumerate() {
        starts.insert((requirement.file.0, requirement.title.span.start), index);
    }
    let mut owned: BTreeMap<usize, Vec<&Diagnostic>> = BTreeMap::new();
    let mut by_file: BTreeMap<usize, Vec<&Diagnostic>> = BTreeMap::new();
    for diagnostic in &checked.diagnostics {
        let file = diagnostic.file().0;
        let at = diagnostic.primary.span.start;
        let owner = starts
            .range((file, 0)..=(file, at))
            .next_back()
            .or_else(|| starts.range((file, 0)..(file + 1, 0)).next())
            .map(|(_, index)| *index);
        match owner {
            Some(index) => owned.entry(index).or_default().push(diagnostic),
            None => by_file.entry(file).or_default().push(diagnostic),
        }
    }
    (owned, by_file)
}

fn finding(input: &Input<'_>, diagnostic: &Diagnostic) -> Finding {
    let (level, word) = level_word(diagnostic.level);
    Finding {
        level,
        level_text: word.get(input.lang).to_owned(),
        code: diagnostic.code().to_owned(),
        line: input
            .sources
            .get(diagnostic.file())
            .line_col(diagnostic.primary.span.start)
            .line,
        message: diagnostic.message.to_string(),
        help: diagnostic.help.as_ref().map(|h| h.text().into_owned()),
    }
}

fn level_word(level: Level) -> (&'static str, Text) {
    match level {
        Level::Error => ("error", m::LEVEL_ERROR_WORD),
        Level::Warning => ("warning", m::LEVEL_WARNING_WORD),
        Level::Note | Level::Allow => ("note", m::LEVEL_NOTE_WORD),
    }
}

#[allow(clippy::too_many_arguments)]
fn proposal(
    input: &Input<'_>,
    index: usize,
    requirement: &Requirement,
    estimate: &Estimate,
    own: &[&Diagnostic],
    principles: &[Principle<'_>],
    limit: Option<f64>,
    in_force: Option<&figures::InForce<'_>>,
) -> Proposal {
    let lang = input.lang;
    let count = |level: Level| own.iter().filter(|d| d.level == level).count();
    let (errors, warnings, notes) = (count(Level::Error), count(Level::Warning), count(Level::Note));
    let (verdict, verdict_class) = if errors > 0 {
        (m::REPORT_VERDICT_FAILS, "error")
    } else if warnings > 0 {
        (m::REPORT_VERDICT_REMARKS, "warning")
    } else {
        (m::REPORT_VERDICT_CLEAN, "met")
    };
    // A language error keeps the rules from judging the requirement.
    let judged = !own
        .iter()
        .any(|d| d.level == Level::Error && d.code().starts_with("TL0"));
    let fired: BTreeSet<&str> = own
        .iter()
        .filter(|d| matches!(d.level, Level::Error | Level::Warning))
        .map(|d| d.code())
        .collect();
    // Unjudged, every principle would read "not applicable": one line says
    // so instead, and keeps the report of a broken file short.
    let checklist = principles
        .iter()
        .take(if judged { principles.len() } else { 0 })
        .map(|principle| {
            let (status, class, why) = if principle.codes.iter().any(|code| fired.contains(code)) {
                (m::REPORT_NOT_MET, "not-met", None)
            } else if principle.codes.iter().all(|code| input.levels.is_allowed(code)) {
                (m::REPORT_NOT_APPLICABLE, "na", Some(m::REPORT_WHY_SWITCHED_OFF))
            } else {
                (m::REPORT_MET, "met", None)
            };
            Item {
                status: status.get(lang).to_owned(),
                class,
                source: principle.source.to_owned(),
                quote: principle.quote.to_owned(),
                codes: principle.codes.join(", "),
                why: why.map(|w| w.get(lang).to_owned()),
            }
        })
        .collect();
    let source = input.sources.get(requirement.file);
    let findings = own.iter().map(|d| finding(input, d)).collect();
    let group_loads = match in_force {
        Some(in_force) if estimate.complete => in_force.loads(requirement, estimate, &replaced(input, requirement)),
        _ => Vec::new(),
    };
    let burden = estimate.complete.then(|| burden(input, estimate, &group_loads, limit));
    let loads = load_rows(lang, group_loads);
    Proposal {
        anchor: format!("p{}", index + 1),
        title: requirement.title.value.clone(),
        id: requirement.name().to_owned(),
        owner: requirement.owner.as_ref().map(|o| o.value.clone()),
        file: source.name.clone(),
        verdict: verdict.get(lang).to_owned(),
        verdict_class,
        errors,
        warnings,
        counts: m::REPORT_COUNTS.fill(
            lang,
            &[
                ("errors", &errors.to_string()),
                ("warnings", &warnings.to_string()),
                ("notes", &notes.to_string()),
            ],
        ),
        hours: if estimate.complete {
            format_number(estimate.hours_per_year, lang)
        } else {
            "–".to_owned()
        },
        judged,
        checklist,
        findings,
        burden,
        loads,
    }
}

/// The proposal's figures and a chart per burdened group: its hours per
/// person a year and, with a register, the group's load in force now and
/// with the proposal, against the ruleset's limit.
fn burden(input: &Input<'_>, estimate: &Estimate, loads: &[Load], limit: Option<f64>) -> Burden {
    let lang = input.lang;
    let share = if estimate.hours_per_year > 0.0 {
        estimate.frontline_hours_per_year / estimate.hours_per_year * 100.0
    } else {
        0.0
    };
    let groups = estimate
        .blocks
        .iter()
        .flatten()
        .map(|block| {
            let bar = |text: Text, hours: f64, color| (text.get(lang).to_owned(), hours, color);
            let mut values = vec![bar(m::REPORT_BAR_PROPOSAL, block.hours_per_person_year, "#24548f")];
            if let Some(load) = loads
                .iter()
                .find(|l| l.name.to_lowercase() == block.label.to_lowercase())
            {
                values.push(bar(m::REPORT_BAR_BEFORE, load.before.hours_per_person_year, "#7a7a7a"));
                values.push(bar(m::REPORT_BAR_AFTER, load.after.hours_per_person_year, "#8a5a00"));
            }
            let caption = m::REPORT_CHART_CAPTION.fill(
                lang,
                &[("group", &block.label), ("people", &format_number(block.people, lang))],
            );
            chart(&block.label, caption, &values, limit, lang)
        })
        .collect();
    Burden {
        hours: format_number(estimate.hours_per_year, lang),
        fte: format_number(estimate.fte, lang),
        cost: format_number(estimate.cost_dkk, lang),
        frontline: format!("{} %", format_number(share, lang)),
        groups,
    }
}

/// The ids in force `requirement` replaces.
fn replaced(input: &Input<'_>, requirement: &Requirement) -> BTreeSet<String> {
    let register = &input.checked.register;
    requirement
        .replaces
        .iter()
        .map(|id| id.value.clone())
        .filter(|id| register.replaced.contains(id))
        .collect()
}

/// The loads as the table under the charts shows them.
fn load_rows(lang: Lang, loads: Vec<Load>) -> Vec<LoadRow> {
    let signed = |sign: char, hours: f64| {
        if hours > 0.0 {
            format!("{sign}{}", format_number(hours, lang))
        } else {
            format_number(0.0, lang)
        }
    };
    loads
        .into_iter()
        .map(|load| LoadRow {
            before: format_number(load.before.hours_per_year, lang),
            removed: signed('−', load.removed.hours_per_year),
            added: signed('+', load.added.hours_per_year),
            after: format_number(load.after.hours_per_year, lang),
            pp_before: format_number(load.before.hours_per_person_year, lang),
            pp_after: format_number(load.after.hours_per_person_year, lang),
            name: load.name,
        })
        .collect()
}
