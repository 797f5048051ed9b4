//! Message templates: text with `{expression}` placeholders, compiled when
//! the ruleset loads and filled in for each diagnostic, with numbers
//! written the way the language writes them (27,375 / 27.375).
//!
//! `{expression|one|other}` shows the form that agrees with the number the
//! expression gives: `one` when it is written `1`, else `other`, in both
//! languages ("{trigger.cases} {trigger.cases|case|cases}" reads "1 case",
//! "3 cases"; "{trigger.cases|sag|sager}" reads "1 sag", "3 sager").

use super::expr::{self, Expr, ExprError};
use super::fields::{Context, ListField, Value};
use super::params::Params;
use crate::diagnostics::{format_number, is_singular, messages as m, Lang};

#[derive(Clone, Debug)]
pub struct Template {
    parts: Vec<Part>,
}

#[derive(Clone, Debug)]
enum Part {
    Text(String),
    Value(Expr),
    /// `{expression|one|other}`.
    Plural {
        number: Expr,
        one: String,
        other: String,
    },
}

impl Template {
    /// Compiles `text`; an error's span is a byte range in `text`.
    pub fn compile(
        text: &str,
        params: &Params,
        scope: Option<ListField>,
        vars: &[&str],
    ) -> Result<Template, ExprError> {
        let mut parts = Vec::new();
        let mut rest = text;
        let mut offset = 0;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                parts.push(Part::Text(rest[..open].to_owned()));
            }
            let after = &rest[open + 1..];
            let close = after.find('}').ok_or_else(|| ExprError {
                span: offset + open..offset + open + 1,
                message: "unclosed `{` in a message".to_owned(),
                help: Some("close the placeholder with `}`".to_owned()),
            })?;
            let placeholder = &after[..close];
            let start = offset + open + 1;
            let (source, forms) = match placeholder.split_once('|') {
                Some((source, forms)) => (source, Some(forms)),
                None => (placeholder, None),
            };
            let compiled = match vars.iter().position(|v| *v == source.trim()) {
                Some(index) => Expr::Var(index),
                None => expr::compile_value(source, params, scope).map_err(|e| ExprError {
                    span: start + e.span.start..start + e.span.end,
                    ..e
                })?,
            };
            parts.push(match forms {
                None => Part::Value(compiled),
                Some(forms) => {
                    let (one, other) = forms
                        .split_once('|')
                        .filter(|(_, other)| !other.contains('|'))
                        .ok_or_else(|| ExprError {
                            span: start..start + close,
                            message: "a plural placeholder has two forms, the singular and the plural".to_owned(),
                            help: Some("write `{n|case|cases}`".to_owned()),
                        })?;
                    Part::Plural {
                        number: compiled,
                        one: one.trim().to_owned(),
                        other: other.trim().to_owned(),
                    }
                }
            });
            offset = start + close + 1;
            rest = &after[close + 1..];
        }
        if !rest.is_empty() {
            parts.push(Part::Text(rest.to_owned()));
        }
        Ok(Template { parts })
    }

    pub fn render(&self, cx: &Context<'_>, lang: Lang) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Value(expr) => out.push_str(&show(&expr::eval(expr, cx), lang)),
                Part::Plural { number, one, other } => {
                    let shown = show(&expr::eval(number, cx), lang);
                    out.push_str(if is_singular(&shown) { one } else { other });
                }
            }
        }
        out
    }
}

fn show(value: &Value<'_>, lang: Lang) -> String {
    match value {
        Value::Null => "–".to_owned(),
        Value::Bool(true) => m::YES.get(lang).to_owned(),
        Value::Bool(false) => m::NO.get(lang).to_owned(),
        Value::Num(n) => format_number(*n, lang),
        Value::Str(s) => expr::word_in(s, lang).unwrap_or(s).to_owned(),
        Value::List(items) => items.iter().map(|v| show(v, lang)).collect::<Vec<_>>().join(", "),
    }
}
