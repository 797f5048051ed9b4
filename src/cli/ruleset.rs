//! `trustlint ruleset test FILE` and `trustlint ruleset check FILE`.

use super::{Common, EXIT_CLEAN, EXIT_ERRORS};
use std::fmt::Write;
use std::process::ExitCode;
use trustlint::check::Checked;
use trustlint::diagnostics::messages as m;
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
                let rules = ruleset.rules.len().to_string();
                let args = [
                    ("file", file.as_str()),
                    ("name", &ruleset.name),
                    ("version", &ruleset.version),
                    ("rules", &rules),
                ];
                finish(common, m::RULESET_VALID.fill(common.lang, &args) + "\n", true)
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
                let lang = common.lang;
                let result = match &outcome.verdict {
                    Verdict::Passed => m::TEST_OK.get(lang).to_owned(),
                    Verdict::DidNotFire => m::TEST_DID_NOT_FIRE.get(lang).to_owned(),
                    Verdict::FiredWrongly => m::TEST_FIRED_WRONGLY.get(lang).to_owned(),
                    Verdict::Invalid(reason) => m::TEST_INVALID.fill(lang, &[("reason", reason)]),
                };
                if outcome.verdict != Verdict::Passed {
                    failed += 1;
                }
                let line = if outcome.number == 0 {
                    m::TEST_BASE.fill(lang, &[("base", &outcome.code), ("result", &result)])
                } else {
                    let line = if outcome.fires {
                        m::TEST_EXAMPLE_FIRES
                    } else {
                        m::TEST_EXAMPLE_PASSES
                    };
                    let number = outcome.number.to_string();
                    line.fill(
                        lang,
                        &[("code", &outcome.code), ("number", &number), ("result", &result)],
                    )
                };
                let _ = writeln!(out, "{line}");
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
                            .filter(|d| d.code() == outcome.code || outcome.verdict != Verdict::Passed)
                            .cloned()
                            .collect(),
                        ..Checked::default()
                    };
                    out.push('\n');
                    out.push_str(&String::from_utf8_lossy(&render::human(&own, &outcome.sources, style)));
                }
            }
            let passed = (outcomes.len() - failed).to_string();
            let summary = m::TEST_SUMMARY.fill(common.lang, &[("passed", &passed), ("failed", &failed.to_string())]);
            let _ = writeln!(out, "\n{summary}");
            finish(common, out, failed == 0)
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

fn finish(common: &Common, text: String, ok: bool) -> ExitCode {
    match common.write_stdout(text.as_bytes()) {
        Ok(()) if ok => ExitCode::from(EXIT_CLEAN),
        Ok(()) => ExitCode::from(EXIT_ERRORS),
        Err(code) => code,
    }
}
