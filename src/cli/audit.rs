//! `trustlint audit`: the register of requirements in force reviewed as a
//! whole, on a given day.

use super::{Common, EXIT_CLEAN, EXIT_ERRORS};
use clap::ValueEnum;
use std::path::PathBuf;
use std::process::ExitCode;
use trustlint::diagnostics::{lints, messages as m};
use trustlint::model::Date;
use trustlint::render::audit;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The register: a folder of `.krav` files (or files)
    #[arg(required = true)]
    paths: Vec<PathBuf>,

    #[command(flatten)]
    today: super::TodayArg,

    /// Output format
    #[arg(long, value_enum, default_value_t = AuditFormat::Table)]
    format: AuditFormat,

    /// Write the output to FILE (all at once) instead of standard output
    #[arg(short = 'o', long, value_name = "FILE")]
    output_file: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum AuditFormat {
    Table,
    Json,
    Csv,
    /// One self-contained HTML page, drawn like `trustlint report`
    Html,
}

pub fn run(common: &Common, args: &Args) -> ExitCode {
    let mut judging = match common.judging(&args.paths, None) {
        Ok(judging) => judging,
        Err(code) => return code,
    };
    let Some(today) = args.today.today.or_else(Date::today) else {
        return common.fail(m::NO_TODAY.get(common.lang));
    };
    judging.options.today = Some(today);
    judging.options.date_checks = true;
    let checked = judging.check();
    let (ruleset, lang) = (&judging.ruleset, judging.options.lang);
    let audit = trustlint::audit::audit(&checked, ruleset, today);
    let text = match args.format {
        AuditFormat::Table => audit::table(&audit, lang),
        AuditFormat::Json => audit::json(&audit),
        AuditFormat::Csv => audit::csv(&audit),
        AuditFormat::Html => match audit::html(&audit, lang, &ruleset.name) {
            Ok(html) => html,
            Err(reason) => return common.fail(&m::CANNOT_WRITE_REPORT.fill(lang, &[("reason", &reason)])),
        },
    };
    if let Err(code) = common.write_output(args.output_file.as_deref(), text.as_bytes()) {
        return code;
    }
    // A requirement past its sunset no longer applies by its own terms:
    // the register is wrong. The rest is for the committee to weigh.
    let lapsed = checked
        .diagnostics
        .iter()
        .any(|d| d.code() == lints::SUNSET_PASSED.code && d.level == trustlint::diagnostics::Level::Error);
    ExitCode::from(if lapsed { EXIT_ERRORS } else { EXIT_CLEAN })
}
