//! `trustlint ruleset test FILE` and `trustlint ruleset check FILE`.

use super::{write_stdout, Common, EXIT_CLEAN, EXIT_ERRORS};
use std::fmt::Write;
use std::process::ExitCode;
use trustlint::check::Checked;
use trustlint::diagnostics::Lang;
use trustlint::render::{self, Style};
use trustlint::ruleset_test::{self, Verdict};

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Run every example embedded in the ruleset; exit 1 if a rule failed to fire or fired wrongly
    Test {
        /// The ruleset file (`kodeks-for-tillid` for the built-in one)
        file: String,
        /// Only the examples of this code or rule name
        #[arg(long)]
        code: Option<String>,
        /// Print what trustlint says about each example that fires its rule
        #[arg(long)]
        show: bool,
    },
    /// Validate the ruleset: every error with its place in the TOML file
    Check {
        /// The ruleset file
        file: String,
    },
}

pub fn run(common: &Common, command: &Command) -> ExitCode {
    match command {
        Command::Check { file } => match load(common, file) {
            Ok(ruleset) => {
                let text = match common.lang {
                    Lang::En => format!(
                        "{file}: ruleset `{}` {} is valid: {} rules\n",
                        ruleset.name,
                        ruleset.version,
                        ruleset.rules.len()
                    ),
                    Lang::Da => format!(
                        "{file}: regelsættet `{}` {} er gyldigt: {} regler\n",
                        ruleset.name,
                        ruleset.version,
                        ruleset.rules.len()
                    ),
                };
                finish(text, true)
            }
            Err(code) => code,
        },
        Command::Test { file, code, show } => {
            let ruleset = match load(common, file) {
                Ok(ruleset) => ruleset,
                Err(code) => return code,
            };
            let outcomes = ruleset_test::run(&ruleset, code.as_deref(), common.lang);
            let mut out = String::new();
            let mut failed = 0;
            for outcome in &outcomes {
                let expectation = match (outcome.fires, common.lang) {
                    (true, Lang::En) => "fires",
                    (false, Lang::En) => "does not fire",
                    (true, Lang::Da) => "udløser",
                    (false, Lang::Da) => "udløser ikke",
                };
                let result = match (&outcome.verdict, common.lang) {
                    (Verdict::Passed, _) => "ok".to_owned(),
                    (Verdict::DidNotFire, Lang::En) => "FAILED: the rule did not fire".to_owned(),
                    (Verdict::DidNotFire, Lang::Da) => "FEJLEDE: reglen slog ikke til".to_owned(),
                    (Verdict::FiredWrongly, Lang::En) => "FAILED: the rule fired".to_owned(),
                    (Verdict::FiredWrongly, Lang::Da) => "FEJLEDE: reglen slog til".to_owned(),
                    (Verdict::Invalid(reason), Lang::En) => format!("FAILED: the example is not valid: {reason}"),
                    (Verdict::Invalid(reason), Lang::Da) => format!("FEJLEDE: eksemplet er ikke gyldigt: {reason}"),
                };
                if outcome.verdict != Verdict::Passed {
                    failed += 1;
                }
                if outcome.number == 0 {
                    let _ = writeln!(out, "{} (the base fires no rule) ... {result}", outcome.code);
                } else {
                    let _ = writeln!(
                        out,
                        "{} example {} ({expectation}) ... {result}",
                        outcome.code, outcome.number
                    );
                }
                if *show && (outcome.fires || outcome.verdict != Verdict::Passed) {
                    let style = Style {
                        lang: common.lang,
                        color: common.color(),
                        quiet: true,
                    };
                    let own = Checked {
                        diagnostics: outcome
                            .checked
                            .diagnostics
                            .iter()
                            .filter(|d| d.code == outcome.code || outcome.verdict != Verdict::Passed)
                            .cloned()
                            .collect(),
                        ..Checked::default()
                    };
                    out.push('\n');
                    out.push_str(&String::from_utf8_lossy(&render::human(&own, &outcome.sources, style)));
                }
            }
            let passed = outcomes.len() - failed;
            let _ = match common.lang {
                Lang::En => writeln!(out, "\n{passed} passed, {failed} failed"),
                Lang::Da => writeln!(out, "\n{passed} bestået, {failed} fejlede"),
            };
            finish(out, failed == 0)
        }
    }
}

fn load(common: &Common, file: &str) -> Result<trustlint::engine::Ruleset, ExitCode> {
    if file == trustlint::engine::ruleset::DEFAULT_NAME {
        common.load_ruleset(file, trustlint::engine::ruleset::DEFAULT_TEXT.to_owned())
    } else {
        common.ruleset_file(file)
    }
}

fn finish(text: String, ok: bool) -> ExitCode {
    match write_stdout(text.as_bytes()) {
        Ok(()) if ok => ExitCode::from(EXIT_CLEAN),
        Ok(()) => ExitCode::from(EXIT_ERRORS),
        Err(code) => code,
    }
}
