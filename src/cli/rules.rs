//! `trustlint rules`: every code, as a table or JSON.

use super::{Common, EXIT_CLEAN};
use clap::ValueEnum;
use std::process::ExitCode;
use trustlint::engine::RuleInfo;

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

pub fn run(common: &Common, args: &Args) -> ExitCode {
    let ruleset = match common.ruleset() {
        Ok(ruleset) => ruleset,
        Err(code) => return code,
    };
    let entries = trustlint::engine::catalogue(&ruleset, common.lang);
    let text = match args.format {
        RulesFormat::Json => serde_json::to_string_pretty(&entries).unwrap_or_default() + "\n",
        RulesFormat::Table => table(&entries),
    };
    match common.write_stdout(text.as_bytes()) {
        Ok(()) => ExitCode::from(EXIT_CLEAN),
        Err(code) => code,
    }
}

/// code, name, level and source, aligned.
fn table(entries: &[RuleInfo]) -> String {
    let code_width = entries.iter().map(|e| e.code.chars().count()).max().unwrap_or(0);
    let name_width = entries.iter().map(|e| e.name.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for entry in entries {
        out.push_str(&format!(
            "{:<code_width$}  {:<name_width$}  {:<7}  {}\n",
            entry.code,
            entry.name,
            entry.level.as_str(),
            entry.source
        ));
    }
    out
}
