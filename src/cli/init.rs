//! `trustlint init [FILE]`.

use super::{Common, EXIT_CLEAN};
use std::path::PathBuf;
use std::process::ExitCode;
use trustlint::diagnostics::messages as m;
use trustlint::model::template;
use trustlint::render::escape_controls;
use trustlint::source::atomic;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Where to write it; `-` for standard output [default: proposal.krav, or forslag.krav with --lang da]
    file: Option<PathBuf>,

    /// Replace the file if it exists
    #[arg(long)]
    force: bool,
}

pub fn run(common: &Common, args: &Args) -> ExitCode {
    let lang = common.lang;
    let text = template::template(lang);
    let path = args
        .file
        .clone()
        .unwrap_or_else(|| PathBuf::from(m::INIT_FILE_NAME.get(lang)));
    if path.as_os_str() == "-" {
        return match common.write_stdout(text.as_bytes()) {
            Ok(()) => ExitCode::from(EXIT_CLEAN),
            Err(code) => code,
        };
    }
    let shown = path.display().to_string();
    match atomic::write_atomically(&path, text.as_bytes(), args.force) {
        Ok(()) => {
            if !common.quiet {
                super::eprint_line(&escape_controls(&m::INIT_WROTE.fill(lang, &[("path", &shown)])));
            }
            ExitCode::from(EXIT_CLEAN)
        }
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            common.fail(&m::FILE_EXISTS.fill(lang, &[("path", &shown)]))
        }
        Err(err) => common
            .fail(&m::CANNOT_WRITE_FILE.fill(lang, &[("path", &shown), ("reason", &super::io_reason(&err, lang))])),
    }
}
