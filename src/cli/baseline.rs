//! `trustlint baseline`: write the findings of an existing register as
//! accepted, for `check --baseline`.

use super::{Common, EXIT_CLEAN};
use std::path::PathBuf;
use std::process::ExitCode;
use trustlint::check::baseline::Baseline;
use trustlint::diagnostics::messages as m;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The files or folders whose findings are accepted
    #[arg(required = true)]
    paths: Vec<PathBuf>,

    /// The baseline file to write (replaced atomically)
    #[arg(short = 'o', long, value_name = "FILE", required = true)]
    output_file: PathBuf,
}

pub fn run(common: &Common, args: &Args) -> ExitCode {
    let judging = match common.judging(&args.paths, None) {
        Ok(judging) => judging,
        Err(code) => return code,
    };
    let checked = judging.check();
    let baseline = Baseline::of(&checked, &judging.read.sources);
    if let Err(code) = common.write_file(&args.output_file, baseline.to_json().as_bytes()) {
        return code;
    }
    if !common.quiet {
        eprintln!(
            "{}",
            m::BASELINE_WRITTEN.fill(
                common.lang,
                &[
                    ("entries", &baseline.entries.len().to_string()),
                    ("findings", &checked.diagnostics.len().to_string()),
                    ("path", &args.output_file.display().to_string()),
                ],
            )
        );
    }
    ExitCode::from(EXIT_CLEAN)
}
