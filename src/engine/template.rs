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
use crate::diagnostics::{format_number, is_singular, messages as m, Lang, Message};
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct Template {
    parts: Vec<Part>,
}

#[derive(Clone, Debug)]
enum Part {
    /// Shared, so a text with nothing to fill in is not copied into each
    /// finding.
    Text(Arc<str>),
    Value(Expr),
    /// `{expression|one|other}`.
    Plural {
        number: Expr,
        one: String,
        other: String,
    },
}

impl Template {
    /// Compiles `text`; an error's span is a byte range in `text`, and
    /// its words are in `lang`.
    pub fn compile(
        text: &str,
        params: &Params,
        scope: Option<ListField>,
        vars: &[&str],
        lang: Lang,
    ) -> Result<Template, ExprError> {
        let mut parts = Vec::new();
        let mut rest = text;
        let mut offset = 0;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                parts.push(Part::Text(rest[..open].into()));
            }
            let after = &rest[open + 1..];
            let close = after.find('}').ok_or_else(|| ExprError {
                span: offset + open..offset + open + 1,
                message: m::UNCLOSED_PLACEHOLDER.get(lang).to_owned(),
                help: Some(m::UNCLOSED_PLACEHOLDER_HELP.get(lang).to_owned()),
            })?;
            let placeholder = &after[..close];
            let start = offset + open + 1;
            let (source, forms) = match placeholder.split_once('|') {
                Some((source, forms)) => (source, Some(forms)),
                None => (placeholder, None),
            };
            let compiled = match vars.iter().position(|v| *v == source.trim()) {
                Some(index) => Expr::Var(index),
                None => expr::compile_value(source, params, scope, lang).map_err(|e| ExprError {
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
                            message: m::PLURAL_FORMS.get(lang).to_owned(),
                            help: Some(m::PLURAL_FORMS_HELP.get(lang).to_owned()),
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
            parts.push(Part::Text(rest.into()));
        }
        Ok(Template { parts })
    }

    /// The text when every placeholder is a parameter, as in an
    /// explanation that no requirement fills in; `None` when one needs a
    /// requirement.
    pub fn render_constant(&self, lang: Lang) -> Option<String> {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Value(expr) => out.push_str(&show(&constant(expr)?, lang)),
                Part::Plural { number, one, other } => {
                    let shown = show(&constant(number)?, lang);
                    out.push_str(if is_singular(&shown) { one } else { other });
                }
            }
        }
        Some(out)
    }

    /// Calls `f` with every field a placeholder reads (see [`Expr::each_field`]).
    pub fn each_field(&self, f: &mut dyn FnMut(Option<super::fields::Field>, Option<ListField>)) {
        for part in &self.parts {
            match part {
                Part::Text(_) => {}
                Part::Value(expr) | Part::Plural { number: expr, .. } => expr.each_field(f),
            }
        }
    }

    /// The text for one finding: the template's own text, shared, when it
    /// has nothing to fill in.
    pub fn render_message(&self, cx: &Context<'_>, lang: Lang) -> Message {
        self.message_with(&mut |expr, out| push_value(out, &expr::eval(expr, cx), lang))
    }

    pub fn render(&self, cx: &Context<'_>, lang: Lang) -> String {
        self.render_with(&mut |expr, out| push_value(out, &expr::eval(expr, cx), lang))
    }

    /// How many of the placeholders a built-in keeps the value of (see
    /// [`Template::keep`]).
    pub fn kept_count(&self) -> usize {
        self.placeholders().filter(|expr| is_kept(expr)).count()
    }

    /// Gives `keep` the value, shown (and cut) as the text shows it, of
    /// each placeholder that reads the requirement or its element (neither
    /// a value the built-in provides nor a constant), in order: a built-in
    /// writes its findings' texts from these when the requirement is gone.
    pub fn keep(&self, cx: &Context<'_>, lang: Lang, keep: &mut dyn FnMut(String)) {
        for expr in self.placeholders().filter(|expr| is_kept(expr)) {
            let mut shown = String::new();
            push_value(&mut shown, &expr::eval(expr, cx), lang);
            keep(shown);
        }
    }

    /// The text for one finding of a built-in, from the values `kept` (as
    /// [`Template::keep`] gave them, [`Template::kept_count`] of them) and
    /// the built-in's own `vars`.
    pub fn render_kept(&self, kept: &[&str], vars: &[Value<'_>], lang: Lang) -> Message {
        let mut kept = kept.iter();
        self.message_with(&mut |expr, out| match expr {
            Expr::Var(index) => push_value(out, vars.get(*index).unwrap_or(&Value::Null), lang),
            _ => match constant(expr) {
                Some(value) => push_value(out, &value, lang),
                None => out.push_str(kept.next().copied().unwrap_or_default()),
            },
        })
    }

    fn placeholders(&self) -> impl Iterator<Item = &Expr> {
        self.parts.iter().filter_map(|part| match part {
            Part::Text(_) => None,
            Part::Value(expr) | Part::Plural { number: expr, .. } => Some(expr),
        })
    }

    fn message_with(&self, value: &mut dyn FnMut(&Expr, &mut String)) -> Message {
        match self.parts.as_slice() {
            [] => Message::default(),
            [Part::Text(text)] if text.len() <= MAX_MESSAGE_CHARS => Message::Shared(text.clone()),
            _ => self.render_with(value).into(),
        }
    }

    /// The text, each placeholder's value shown by `value` (which cuts it
    /// at [`MAX_FILLED_CHARS`]).
    fn render_with(&self, value: &mut dyn FnMut(&Expr, &mut String)) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Value(expr) => value(expr, &mut out),
                Part::Plural { number, one, other } => {
                    let mut shown = String::new();
                    value(number, &mut shown);
                    out.push_str(if is_singular(&shown) { one } else { other });
                }
            }
            if out.len() > MAX_MESSAGE_CHARS * 4 {
                break;
            }
        }
        if let Some((cut, _)) = out.char_indices().nth(MAX_MESSAGE_CHARS) {
            out.truncate(cut);
            out.push('…');
        }
        out
    }
}

/// Whether a built-in keeps a placeholder's value: it reads the
/// requirement.
fn is_kept(expr: &Expr) -> bool {
    !matches!(expr, Expr::Var(_)) && constant(expr).is_none()
}

/// Writes `value` as a text shows it, cut at [`MAX_FILLED_CHARS`]. A text
/// is cut before it is copied: a title of megabytes is not copied whole
/// for every finding.
fn push_value(out: &mut String, value: &Value<'_>, lang: Lang) {
    match value {
        Value::Str(text) => push_capped(out, expr::word_in(text, lang).unwrap_or(text.as_ref())),
        value => push_capped(out, &show(value, lang)),
    }
}

/// The most characters of a filled-in message: a template with a thousand
/// placeholders makes one line of output, not a thousand values' worth.
pub const MAX_MESSAGE_CHARS: usize = 1_000;

/// The most characters one placeholder fills in. A message names a title,
/// an id or a list so the reader knows which; past this the rest is an
/// ellipsis, so a huge id or title in the input (copied into every
/// finding that names it, TL302's `{other}` for one) cannot make the
/// output or memory grow with the number of findings times its length.
pub const MAX_FILLED_CHARS: usize = 200;

fn push_capped(out: &mut String, shown: &str) {
    match shown.char_indices().nth(MAX_FILLED_CHARS) {
        Some((cut, _)) => {
            out.push_str(&shown[..cut]);
            out.push('…');
        }
        None => out.push_str(shown),
    }
}

/// The value of an expression that needs no requirement.
fn constant(expr: &Expr) -> Option<Value<'_>> {
    match expr {
        Expr::Num(n) => Some(Value::Num(*n)),
        Expr::Str(s) => Some(Value::Str(std::borrow::Cow::Borrowed(s))),
        Expr::TableValues(table) => Some(Value::List(table.values().map(expr::param_value).collect())),
        Expr::Bool(b) => Some(Value::Bool(*b)),
        Expr::List(items) => items.iter().map(constant).collect::<Option<_>>().map(Value::List),
        _ => None,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::burden::{estimate, CostModel};
    use crate::model::Requirement;
    use crate::source::FileId;

    fn requirement(units: u32) -> Requirement {
        let text = format!("requirement \"t\" {{\n  id: T\n  scope: {units} units \"x\"\n}}\n");
        let (document, diagnostics) = crate::syntax::parse(FileId(0), &text, Lang::En);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let mut out = Vec::new();
        crate::model::build(FileId(0), &document.expect("parses"), Lang::En, &mut out)
            .remove(0)
            .requirement
    }

    fn render(text: &str, units: u32, lang: Lang) -> String {
        let template = Template::compile(text, &Params::default(), None, &[], Lang::En).expect("compiles");
        let (requirement, cost) = (requirement(units), CostModel::default());
        let cx = Context {
            requirement: &requirement,
            estimate: &estimate(&requirement, &cost),
            cost: &cost,
            element: None,
            vars: &[],
            today: None,
        };
        template.render(&cx, lang)
    }

    #[test]
    fn plural_forms_agree_with_the_number_in_both_languages() {
        let en = "{scope.units} {scope.units|unit|units}";
        let da = "{scope.units} {scope.units|enhed|enheder}";
        for (units, in_en, in_da) in [
            (1, "1 unit", "1 enhed"),
            (0, "0 units", "0 enheder"),
            (3, "3 units", "3 enheder"),
            (1200, "1,200 units", "1.200 enheder"),
        ] {
            assert_eq!(render(en, units, Lang::En), in_en);
            assert_eq!(render(da, units, Lang::Da), in_da);
        }
    }

    #[test]
    fn a_plural_needs_exactly_two_forms() {
        for text in ["{scope.units|unit}", "{scope.units|a|b|c}"] {
            let err = Template::compile(text, &Params::default(), None, &[], Lang::En).expect_err("two forms");
            assert!(err.message.contains("two forms"), "{}", err.message);
            assert_eq!(err.span, 1..text.len() - 1);
        }
    }
}
