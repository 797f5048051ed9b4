//! `trustlint report`: the committee's HTML document.

use super::{Common, Judging, RegisterArg, EXIT_CLEAN, EXIT_ERRORS};
use std::path::PathBuf;
use std::process::ExitCode;
use trustlint::diagnostics::{messages as m, Counts};
use trustlint::render::report;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, directories or `-`; the current directory when none is given
    paths: Vec<PathBuf>,

    /// Write the report to FILE (atomically: all of it or nothing) instead of standard output
    #[arg(short = 'o', long, value_name = "FILE")]
    output_file: Option<PathBuf>,

    #[command(flatten)]
    register: RegisterArg,

    #[command(flatten)]
    today: super::TodayArg,
}

pub fn run(common: &Common, args: &Args) -> ExitCode {
    // As `check` judges them: TL007 an error against a register, then the config.
    let mut judging = match common.judging(&args.paths, common.register(&args.register).as_deref()) {
        Ok(judging) => judging,
        Err(code) => return code,
    };
    judging.options.today = args.today.today;
    let checked = judging.check();
    let Judging { ruleset, read, options } = &judging;
    let lang = options.lang;
    let input = report::Input {
        checked: &checked,
        sources: &read.sources,
        ruleset,
        levels: &options.levels,
        lang,
        with_register: read.register_files > 0,
    };
    let html = match report::html(&input) {
        Ok(html) => html,
        Err(reason) => return common.fail(&m::CANNOT_WRITE_REPORT.fill(lang, &[("reason", &reason)])),
    };
    if let Err(code) = common.write_output(args.output_file.as_deref(), html.as_bytes()) {
        return code;
    }
    // As `check`: the report is written either way, and the status says
    // whether a proposal has an error against it.
    if Counts::of(&checked.diagnostics).errors > 0 {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::from(EXIT_CLEAN)
    }
}
