//! `trustlint burden`: the Standard Cost Model estimate, without judging.

use super::{Common, RegisterArg, EXIT_CLEAN, EXIT_ERRORS};
use clap::ValueEnum;
use std::path::PathBuf;
use std::process::ExitCode;
use trustlint::burden::report;
use trustlint::check::{self, Options};
use trustlint::render::burden;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, directories or `-`; the current directory when none is given
    paths: Vec<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = BurdenFormat::Table)]
    format: BurdenFormat,

    #[command(flatten)]
    register: RegisterArg,
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
    let read = match common.read_with_register(&args.paths, None, common.register(&args.register).as_deref()) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let lang = common.lang_for_read(&read);
    let checked = check::check(
        &read.sources,
        &read.load_errors,
        &ruleset,
        &Options {
            lang,
            register_files: read.register_files,
            ..Options::default()
        },
    );
    let proposals = (&checked.requirements[..], &checked.estimates[..]);
    let report = if read.register_files > 0 {
        let register = &checked.register;
        report::with_register(
            proposals,
            (&register.requirements, &register.estimates),
            &register.replaced,
        )
    } else {
        report::report(proposals.0, proposals.1)
    };
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
