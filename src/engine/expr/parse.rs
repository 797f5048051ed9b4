//! Expression text → pest pairs, with nesting bounded before pest recurses
//! and pest's errors turned into one plain sentence with a span.

use super::ExprError;
use crate::diagnostics::{messages as m, Lang};
use pest::iterators::Pair;
use pest::Parser as _;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/rule.pest"]
struct RuleParser;

/// How deep `( … )`, `[ … ]` and calls may nest. Far more than any rule
/// needs, and shallow enough that no recursion here or in pest can exhaust
/// the stack.
pub const MAX_DEPTH: usize = 32;

/// Parses `text` and returns its `expr` pair.
pub(super) fn parse(text: &str, lang: Lang) -> Result<Pair<'_, Rule>, ExprError> {
    check_depth(text, lang)?;
    let mut pairs = RuleParser::parse(Rule::condition, text).map_err(|err| syntax_error(text, &err, lang))?;
    let empty = || ExprError::new(0..text.len(), m::EMPTY_EXPRESSION.get(lang));
    let condition = pairs.next().ok_or_else(empty)?;
    condition
        .into_inner()
        .find(|p| p.as_rule() == Rule::expr)
        .ok_or_else(empty)
}

fn check_depth(text: &str, lang: Lang) -> Result<(), ExprError> {
    let mut depth = 0usize;
    let mut in_string = false;
    for (i, c) in text.char_indices() {
        match c {
            '"' => in_string = !in_string,
            '(' | '[' if !in_string => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(ExprError::new(
                        i..i + 1,
                        m::NESTS_TOO_DEEP.fill(lang, &[("max", &MAX_DEPTH.to_string())]),
                    )
                    .help(m::NESTS_TOO_DEEP_HELP.get(lang)));
                }
            }
            ')' | ']' if !in_string => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

fn syntax_error(text: &str, err: &pest::error::Error<Rule>, lang: Lang) -> ExprError {
    let pos = match err.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let found = text[pos..].chars().next();
    let end = pos + found.map_or(0, char::len_utf8);
    let found = found.map_or(m::PHRASE_END_OF_EXPRESSION.get(lang).to_owned(), |c| format!("`{c}`"));
    let expected = match &err.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => describe(positives, lang),
        pest::error::ErrorVariant::CustomError { message } => message.clone(),
    };
    ExprError::new(
        pos..end,
        m::EXPECTED_FOUND.fill(lang, &[("expected", &expected), ("found", &found)]),
    )
    .help(m::EXPRESSION_HELP.get(lang))
}

fn describe(rules: &[Rule], lang: Lang) -> String {
    let mut words: Vec<&str> = Vec::new();
    for rule in rules {
        let word = match rule {
            Rule::or | Rule::and => m::PHRASE_AND_OR.get(lang),
            Rule::compare | Rule::in_ | Rule::not_in => m::PHRASE_COMPARISON.get(lang),
            Rule::additive | Rule::multiplicative => m::PHRASE_OPERATOR.get(lang),
            Rule::index => "`[`",
            Rule::EOI => m::PHRASE_END_OF_EXPRESSION.get(lang),
            _ => m::PHRASE_OPERAND.get(lang),
        };
        if !words.contains(&word) {
            words.push(word);
        }
    }
    if words.is_empty() {
        m::PHRASE_SOMETHING_ELSE.get(lang).to_owned()
    } else {
        words.join(", ")
    }
}
