//! `trustlint burden`: the Standard Cost Model estimate, without judging.

use super::{Common, EXIT_CLEAN, EXIT_ERRORS};
use clap::ValueEnum;
use std::path::PathBuf;
use std::process::ExitCode;
use trustlint::check::{self, Options};
use trustlint::render::burden;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, directories or `-`; the current directory when none is given
    paths: Vec<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = BurdenFormat::Table)]
    format: BurdenFormat,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum BurdenFormat {
    Table,
    Json,
    Csv,
}

pub fn run(common: &Common, args: &Args) -> ExitCode {
    let ruleset = match common.ruleset() {
        Ok(ruleset) => ruleset,
        Err(code) => return code,
    };
    let (sources, load_errors, _) = match common.read_inputs(&args.paths, None) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let lang = common.lang_for(&sources);
    let checked = check::check(
        &sources,
        &load_errors,
        &ruleset,
        &Options {
            lang,
            ..Options::default()
        },
    );
    let report = trustlint::burden::report::report(&checked.requirements, &checked.estimates);
    let text = match args.format {
        BurdenFormat::Table => burden::table(&report, lang),
        BurdenFormat::Json => burden::json(&report),
        BurdenFormat::Csv => burden::csv(&report),
    };
    match common.write_stdout(text.as_bytes()) {
        // A requirement that could not be estimated is a failure, as an
        // error is for `check`: the totals leave it out.
        Ok(()) if !report.not_estimated.is_empty() => ExitCode::from(EXIT_ERRORS),
        Ok(()) => ExitCode::from(EXIT_CLEAN),
        Err(code) => code,
    }
}
