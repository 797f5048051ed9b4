//! `trustlint rules`: every code of the registry, as a table or JSON.

use super::{Common, EXIT_CLEAN};
use clap::ValueEnum;
use serde::Serialize;
use std::process::ExitCode;
use trustlint::diagnostics::{Lang, Level, RuleRef};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Output format
    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    format: RulesFormat,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum RulesFormat {
    Table,
    Json,
}

/// One code as `--format json` lists it.
#[derive(Serialize)]
struct Row<'a> {
    code: &'a str,
    name: &'a str,
    level: Level,
    source: std::borrow::Cow<'a, str>,
    summary: &'a str,
}

pub fn run(common: &Common, args: &Args) -> ExitCode {
    let ruleset = match common.ruleset() {
        Ok(ruleset) => ruleset,
        Err(code) => return code,
    };
    let registry = ruleset.registry();
    let text = match args.format {
        RulesFormat::Json => json(registry.entries(), common.lang),
        RulesFormat::Table => table(registry.entries(), common.lang),
    };
    match common.write_stdout(text.as_bytes()) {
        Ok(()) => ExitCode::from(EXIT_CLEAN),
        Err(code) => code,
    }
}

fn json(entries: &[RuleRef], lang: Lang) -> String {
    let rows: Vec<Row<'_>> = entries
        .iter()
        .map(|entry| Row {
            code: &entry.code,
            name: &entry.name,
            level: entry.level,
            source: entry.source(lang),
            summary: entry.summary(lang),
        })
        .collect();
    serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n"
}

/// code, name, level and source, aligned.
fn table(entries: &[RuleRef], lang: Lang) -> String {
    let code_width = entries.iter().map(|e| e.code.chars().count()).max().unwrap_or(0);
    let name_width = entries.iter().map(|e| e.name.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for entry in entries {
        out.push_str(&format!(
            "{:<code_width$}  {:<name_width$}  {:<7}  {}\n",
            entry.code,
            entry.name,
            entry.level.as_str(),
            entry.source(lang)
        ));
    }
    out
}
