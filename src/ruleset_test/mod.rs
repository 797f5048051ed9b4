//! `trustlint ruleset test`: every example embedded in a ruleset is run
//! through the whole pipeline, as a file of its own, and must fire its rule
//! (or must not). This is how a municipality tests its own ruleset without
//! touching Rust.

use crate::check::{self, Checked, Options};
use crate::diagnostics::{messages as m, Lang, Level};
use crate::engine::Ruleset;
use crate::source::{SourceFile, SourceMap};

pub mod examples;
pub mod explain;

/// What became of one example.
#[derive(Debug)]
pub struct Outcome {
    pub code: String,
    /// 1-based, in the order written.
    pub number: usize,
    pub fires: bool,
    pub verdict: Verdict,
    /// The example's text and what checking it gave, for `--show`.
    pub sources: SourceMap,
    pub checked: Checked,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    Passed,
    /// It should have fired its rule and did not.
    DidNotFire,
    /// It fired its rule and should not have.
    FiredWrongly,
    /// The example is not a valid `.krav` text (language errors), or could
    /// not be built: why, in the language asked for.
    Invalid(String),
}

/// Runs every example of every rule (or of `only`, a code or name). Without
/// `only`, each base requirement (`examples.en`, `examples.da`) is checked
/// first: it must fire no rule, or every patch of it would prove little.
pub fn run(ruleset: &Ruleset, only: Option<&str>, lang: Lang) -> Vec<Outcome> {
    let mut outcomes = Vec::new();
    if only.is_none() {
        for (base_lang, text) in &ruleset.example_bases {
            let (sources, checked) = check_text(ruleset, format!("<examples.{base_lang}>"), text.clone(), lang);
            let verdict = match checked
                .diagnostics
                .iter()
                .find(|d| d.level != Level::Note || ruleset.rule(d.code()).is_some())
            {
                None => Verdict::Passed,
                Some(d) => {
                    Verdict::Invalid(m::BASE_FIRES.fill(lang, &[("code", d.code()), ("message", &d.message.text())]))
                }
            };
            outcomes.push(Outcome {
                code: format!("examples.{base_lang}"),
                number: 0,
                fires: false,
                verdict,
                sources,
                checked,
            });
        }
    }
    let registry = ruleset.registry();
    let only = only.map(|o| registry.find(o).map(|entry| entry.code.as_ref()));
    for rule in &ruleset.rules {
        if only.is_some_and(|o| o != Some(rule.code())) {
            continue;
        }
        for (i, example) in rule.examples.iter().enumerate() {
            let number = i + 1;
            let name = m::EXAMPLE_FILE_NAME.fill(lang, &[("code", rule.code()), ("number", &number.to_string())]);
            let (sources, verdict, checked) = match examples::text(ruleset, example) {
                Err(error) => {
                    let mut sources = SourceMap::new();
                    sources.add(SourceFile::new(name, String::new()));
                    (sources, Verdict::Invalid(error.message(lang)), Checked::default())
                }
                Ok(text) => {
                    let (sources, checked) = check_text(ruleset, name, text, lang);
                    let language_error = checked
                        .diagnostics
                        .iter()
                        .find(|d| d.level == Level::Error && ruleset.rule(d.code()).is_none());
                    let fired = checked.diagnostics.iter().any(|d| d.code() == rule.code());
                    let verdict = match language_error {
                        Some(d) => Verdict::Invalid(format!("{}: {}", d.code(), d.message)),
                        None if fired == example.fires => Verdict::Passed,
                        None if example.fires => Verdict::DidNotFire,
                        None => Verdict::FiredWrongly,
                    };
                    (sources, verdict, checked)
                }
            };
            outcomes.push(Outcome {
                code: rule.code().to_owned(),
                number,
                fires: example.fires,
                verdict,
                sources,
                checked,
            });
        }
    }
    outcomes
}

/// Checks one text as a file of its own, with the ruleset as written.
fn check_text(ruleset: &Ruleset, name: String, text: String, lang: Lang) -> (SourceMap, Checked) {
    let mut sources = SourceMap::new();
    sources.add(SourceFile::new(name, text));
    let options = Options {
        lang,
        ..Options::default()
    };
    let checked = check::check(&sources, &[None], ruleset, &options);
    (sources, checked)
}
