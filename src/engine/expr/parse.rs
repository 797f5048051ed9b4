//! Expression text → pest pairs, with nesting bounded before pest recurses
//! and pest's errors turned into one plain sentence with a span.

use super::ExprError;
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
pub(super) fn parse(text: &str) -> Result<Pair<'_, Rule>, ExprError> {
    check_depth(text)?;
    let mut pairs = RuleParser::parse(Rule::condition, text).map_err(|err| syntax_error(text, &err))?;
    let condition = pairs.next().ok_or_else(|| ExprError::new(0..0, "empty expression"))?;
    condition
        .into_inner()
        .find(|p| p.as_rule() == Rule::expr)
        .ok_or_else(|| ExprError::new(0..text.len(), "empty expression"))
}

fn check_depth(text: &str) -> Result<(), ExprError> {
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
                        format!("the expression nests deeper than {MAX_DEPTH} levels"),
                    )
                    .help("split the condition, or remove parentheses that group nothing"));
                }
            }
            ')' | ']' if !in_string => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

fn syntax_error(text: &str, err: &pest::error::Error<Rule>) -> ExprError {
    let pos = match err.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let found = text[pos..].chars().next();
    let end = pos + found.map_or(0, char::len_utf8);
    let found = found.map_or("the end of the expression".to_owned(), |c| format!("`{c}`"));
    let expected = match &err.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => describe(positives),
        pest::error::ErrorVariant::CustomError { message } => message.clone(),
    };
    ExprError::new(pos..end, format!("expected {expected}, found {found}"))
        .help("see docs/rules.md for the expression language")
}

fn describe(rules: &[Rule]) -> String {
    let mut words: Vec<&str> = Vec::new();
    for rule in rules {
        let word = match rule {
            Rule::or | Rule::and => "`and` or `or`",
            Rule::compare | Rule::in_ | Rule::not_in => "a comparison",
            Rule::additive | Rule::multiplicative => "an operator",
            Rule::index => "`[`",
            Rule::EOI => "the end of the expression",
            _ => "a value (a number, a \"text\", a field, a $parameter or a call)",
        };
        if !words.contains(&word) {
            words.push(word);
        }
    }
    if words.is_empty() {
        "something else".to_owned()
    } else {
        words.join(", ")
    }
}
