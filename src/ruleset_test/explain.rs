//! `explain`, in the manner of `rustc --explain`: what a code means, the
//! kodeks quote and its section, an example that fires it with what
//! trustlint says about it, one that passes, and how to fix it. It lives
//! beside the example runner because a rule is explained by running its own
//! examples; the command line and the browser both print this text.

use crate::check::Checked;
use crate::diagnostics::{messages as m, Entry, Lang};
use crate::engine::{Rule, Ruleset};
use crate::render::{self, Style};
use crate::ruleset_test::{self, examples};
use std::fmt::Write;

/// The explanation of a code (`TL101`) or rule name, or `None` when the
/// registry of `ruleset` does not know it.
pub fn explain(ruleset: &Ruleset, code: &str, lang: Lang) -> Option<String> {
    let registry = ruleset.registry();
    let entry = registry.find(code)?;
    Some(match ruleset.rule(&entry.code) {
        Some(rule) => explain_rule(ruleset, rule, lang),
        None => explain_language_check(entry, lang),
    })
}

fn explain_language_check(entry: &Entry, lang: Lang) -> String {
    format!(
        "{} {} ({})\n\n{}\n\n{}\n",
        entry.code,
        entry.name,
        render::level_word(entry.level, lang),
        entry.summary(lang),
        entry.explanation(lang)
    )
}

fn explain_rule(ruleset: &Ruleset, rule: &Rule, lang: Lang) -> String {
    let entry = &rule.entry;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} ({})\n",
        entry.code,
        entry.name,
        render::level_word(entry.level, lang)
    );
    let _ = writeln!(out, "{}\n", entry.summary(lang));
    let _ = writeln!(out, "{}\n", entry.explanation(lang));
    // Each quote under its own document and section.
    for quote in entry.quotes.iter() {
        let _ = writeln!(
            out,
            "{}: {}\n    \"{}\"\n",
            m::SOURCE_HEADING.get(lang),
            quote.source.in_lang(lang),
            quote.text
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
