//! Message templates: text with `{expression}` placeholders, compiled when
//! the ruleset loads and filled in for each diagnostic, with numbers
//! written the way the language writes them (27,375 / 27.375).

use super::expr::{self, Expr, ExprError};
use super::fields::{Context, ListField, Value};
use super::params::Params;
use crate::diagnostics::{format_number, Lang};

#[derive(Clone, Debug)]
pub struct Template {
    parts: Vec<Part>,
}

#[derive(Clone, Debug)]
enum Part {
    Text(String),
    Value(Expr),
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
            let source = &after[..close];
            let start = offset + open + 1;
            let compiled = match vars.iter().position(|v| *v == source.trim()) {
                Some(index) => Expr::Var(index),
                None => expr::compile_value(source, params, scope).map_err(|e| ExprError {
                    span: start + e.span.start..start + e.span.end,
                    ..e
                })?,
            };
            parts.push(Part::Value(compiled));
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
            }
        }
        out
    }
}

fn show(value: &Value<'_>, lang: Lang) -> String {
    match value {
        Value::Null => "–".to_owned(),
        Value::Bool(b) => match (b, lang) {
            (true, Lang::En) => "yes",
            (false, Lang::En) => "no",
            (true, Lang::Da) => "ja",
            (false, Lang::Da) => "nej",
        }
        .to_owned(),
        Value::Num(n) => format_number(*n, lang),
        Value::Str(s) => expr::word_in(s, lang).unwrap_or(s).to_owned(),
        Value::List(items) => items.iter().map(|v| show(v, lang)).collect::<Vec<_>>().join(", "),
    }
}
