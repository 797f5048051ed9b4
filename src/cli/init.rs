//! `trustlint init [FILE]`.

use super::{fail, write_stdout, Common, EXIT_CLEAN};
use std::path::PathBuf;
use std::process::ExitCode;
use trustlint::diagnostics::Lang;
use trustlint::model::template;
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
    let text = template::template(common.lang);
    let path = args.file.clone().unwrap_or_else(|| {
        PathBuf::from(match common.lang {
            Lang::En => "proposal.krav",
            Lang::Da => "forslag.krav",
        })
    });
    if path.as_os_str() == "-" {
        return match write_stdout(text.as_bytes()) {
            Ok(()) => ExitCode::from(EXIT_CLEAN),
            Err(code) => code,
        };
    }
    match atomic::write_atomically(&path, text.as_bytes(), args.force) {
        Ok(()) => {
            if !common.quiet {
                match common.lang {
                    Lang::En => eprintln!(
                        "wrote {}: fill in every TODO and \"…\", then run `trustlint check {}`",
                        path.display(),
                        path.display()
                    ),
                    Lang::Da => eprintln!(
                        "skrev {}: udfyld alle TODO og \"…\", og kør så `trustlint check {}`",
                        path.display(),
                        path.display()
                    ),
                }
            }
            ExitCode::from(EXIT_CLEAN)
        }
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            fail(&format!("`{}` exists; use --force to replace it", path.display()))
        }
        Err(err) => fail(&format!(
            "cannot write `{}`: {}",
            path.display(),
            super::io_reason(&err)
        )),
    }
}
