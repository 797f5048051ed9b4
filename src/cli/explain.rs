//! `trustlint explain CODE`, in the manner of `rustc --explain`: what the
//! code means, the kodeks quote and its section, an example that fires it
//! with what trustlint says about it, one that passes, and how to fix it.

use super::{Common, EXIT_CLEAN};
use std::fmt::Write;
use std::process::ExitCode;
use trustlint::check::Checked;
use trustlint::diagnostics::{messages as m, Entry, Lang};
use trustlint::engine::{Rule, Ruleset};
use trustlint::render::{self, Style};
use trustlint::ruleset_test;
use trustlint::ruleset_test::examples;

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
    let registry = ruleset.registry();
    let Some(entry) = registry.find(&args.code) else {
        let hint = registry
            .did_you_mean(&args.code, &[], lang)
            .unwrap_or_else(|| m::RULES_LISTS_EVERY_CODE.get(lang).to_owned());
        let unknown = m::UNKNOWN_CODE_OR_NAME.fill(lang, &[("code", &args.code)]);
        return common.fail(&format!("{unknown}; {hint}"));
    };
    let text = match ruleset.rule(&entry.code) {
        Some(rule) => explain_rule(&ruleset, rule, lang),
        None => explain_language_check(entry, lang),
    };
    match common.write_stdout(text.as_bytes()) {
        Ok(()) => ExitCode::from(EXIT_CLEAN),
        Err(code) => code,
    }
}

fn explain_language_check(entry: &Entry, lang: Lang) -> String {
    format!(
        "{} {} ({})\n\n{}\n\n{}\n",
        entry.code,
        entry.name,
        entry.level,
        entry.summary(lang),
        entry.explanation(lang)
    )
}

fn explain_rule(ruleset: &Ruleset, rule: &Rule, lang: Lang) -> String {
    let entry = &rule.entry;
    let mut out = String::new();
    let _ = writeln!(out, "{} {} ({})\n", entry.code, entry.name, entry.level);
    let _ = writeln!(out, "{}\n", entry.summary(lang));
    let _ = writeln!(out, "{}\n", entry.explanation(lang));
    if let Some(citation) = &entry.citation {
        let _ = writeln!(
            out,
            "{}: {}\n    \"{}\"\n",
            m::SOURCE_HEADING.get(lang),
            citation.source,
            citation.quote
        );
    }

    let outcomes = ruleset_test::run(ruleset, Some(rule.code()), lang);
    // The first example of each kind, one in the reader's language if any.
    let in_lang = |fires: bool| {
        let mut of_kind = rule
            .examples
            .iter()
            .zip(&outcomes)
            .filter(move |(e, _)| e.fires == fires);
        let first = of_kind.clone().next();
        of_kind.find(|(e, _)| examples::language(e) == Some(lang)).or(first)
    };
    let fires = in_lang(true);
    let passes = in_lang(false).map(|(e, _)| e);
    let mut help = None;
    if let Some((example, outcome)) = fires {
        let _ = writeln!(out, "{}:\n", m::EXAMPLE_THAT_FIRES.fill(lang, &[("code", rule.code())]));
        out.push_str(&indent(&examples::text(ruleset, example).unwrap_or_default()));
        let own: Vec<_> = outcome
            .checked
            .diagnostics
            .iter()
            .filter(|d| d.code() == rule.code())
            .cloned()
            .collect();
        help = own.first().and_then(|d| d.help.clone());
        let only_this = Checked {
            diagnostics: own,
            ..Checked::default()
        };
        let style = Style {
            lang,
            color: false,
            quiet: true,
        };
        let rendered = String::from_utf8_lossy(&render::human(&only_this, &outcome.sources, style)).into_owned();
        let _ = writeln!(out, "\n{}:\n", m::TRUSTLINT_SAYS.get(lang));
        out.push_str(&indent(rendered.trim_end()));
        out.push('\n');
    }
    if let Some(example) = passes {
        let _ = writeln!(out, "{}:\n", m::EXAMPLE_THAT_PASSES.get(lang));
        out.push_str(&indent(&examples::text(ruleset, example).unwrap_or_default()));
        out.push('\n');
    }
    if let Some(help) = help {
        let _ = writeln!(out, "{}: {help}", m::HOW_TO_FIX.get(lang));
    }
    out
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.is_empty() {
                "\n".to_owned()
            } else {
                format!("    {line}\n")
            }
        })
        .collect()
}
