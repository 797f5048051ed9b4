//! `trustlint baseline`: write the findings of an existing register as
//! accepted, for `check --baseline`.

use super::{check::write_file, levels, Common, EXIT_CLEAN};
use std::path::PathBuf;
use std::process::ExitCode;
use trustlint::check::baseline::Baseline;
use trustlint::check::{self, Options};
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
    let ruleset = match common.ruleset() {
        Ok(ruleset) => ruleset,
        Err(code) => return code,
    };
    let levels = match levels(common, &ruleset.registry()) {
        Ok(levels) => levels,
        Err(code) => return code,
    };
    let (sources, load_errors, _) = match common.read_inputs(&args.paths, None) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let lang = common.lang_for_files(sources.files());
    let options = Options {
        lang,
        levels,
        ..Options::default()
    };
    let checked = check::check(&sources, &load_errors, &ruleset, &options);
    let baseline = Baseline::of(&checked, &sources);
    if let Err(code) = write_file(common, &args.output_file, baseline.to_json().as_bytes()) {
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
