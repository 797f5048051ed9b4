//! `trustlint explain CODE`: the text comes from the library
//! ([`trustlint::ruleset_test::explain`]), shared with the browser.

use super::{Common, EXIT_CLEAN};
use std::process::ExitCode;
use trustlint::diagnostics::messages as m;
use trustlint::ruleset_test::explain::explain;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A code (`TL101`) or a rule name (`single-case-generalised`)
    code: String,
}

pub fn run(common: &Common, args: &Args) -> ExitCode {
    let ruleset = match common.ruleset() {
        Ok(ruleset) => ruleset,
        Err(code) => return code,
    };
    let lang = common.lang;
    let Some(text) = explain(&ruleset, &args.code, lang) else {
        let hint = ruleset
            .registry()
            .did_you_mean(&args.code, &[], lang)
            .unwrap_or_else(|| m::RULES_LISTS_EVERY_CODE.get(lang).to_owned());
        let unknown = m::UNKNOWN_CODE_OR_NAME.fill(lang, &[("code", &args.code)]);
        return common.fail(&format!("{unknown}; {hint}"));
    };
    match common.write_stdout(text.as_bytes()) {
        Ok(()) => ExitCode::from(EXIT_CLEAN),
        Err(code) => code,
    }
}
