//! `trustlint check`.

use super::{read_inputs, write_stdout, Common, EXIT_CLEAN, EXIT_ERRORS};
use clap::ValueEnum;
use std::path::PathBuf;
use std::process::ExitCode;
use trustlint::check::{self, Options};
use trustlint::diagnostics::Counts;
use trustlint::render::{self, Format, Style};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, directories or `-`; the current directory when none is given
    paths: Vec<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum FormatArg {
    Human,
    Short,
    Json,
}

pub fn run(common: &Common, args: &Args) -> ExitCode {
    let ruleset = match common.ruleset() {
        Ok(ruleset) => ruleset,
        Err(code) => return code,
    };
    let (sources, load_errors) = match read_inputs(&args.paths) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let checked = check::check(&sources, &load_errors, &ruleset, &Options { lang: common.lang });
    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Short => Format::Short,
        FormatArg::Json => Format::Json,
    };
    let style = Style {
        lang: common.lang,
        color: common.color() && format == Format::Human,
        quiet: common.quiet,
    };
    if let Err(code) = write_stdout(&render::render(format, &checked, &sources, style)) {
        return code;
    }
    if Counts::of(&checked.diagnostics).errors > 0 {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::from(EXIT_CLEAN)
    }
}
