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
use crate::diagnostics::{format_number, messages as m, Arg, Lang, Message, Pattern, Piece, Text};
use crate::model::keywords::keywords_in;
use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

pub use crate::diagnostics::{MAX_FILLED_CHARS, MAX_MESSAGE_CHARS};

/// A compiled template: its text and where values go (the pattern, which
/// a finding shares), and the expressions that give the values, in order.
#[derive(Clone, Debug)]
pub struct Template {
    pattern: Arc<Pattern>,
    values: Vec<Expr>,
    /// The text with nothing to fill in, its keywords spelt in English and
    /// in Danish (see [`in_keywords`]), made once.
    in_keywords: [OnceLock<Arc<str>>; 2],
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
        let mut values = Vec::new();
        let mut rest = text;
        let mut offset = 0;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                parts.push(Piece::Text(rest[..open].into()));
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
            values.push(compiled);
            parts.push(match forms {
                None => Piece::Value,
                Some(forms) => {
                    let (one, other) = forms
                        .split_once('|')
                        .filter(|(_, other)| !other.contains('|'))
                        .ok_or_else(|| ExprError {
                            span: start..start + close,
                            message: m::PLURAL_FORMS.get(lang).to_owned(),
                            help: Some(m::PLURAL_FORMS_HELP.get(lang).to_owned()),
                        })?;
                    Piece::Plural {
                        one: one.trim().into(),
                        other: other.trim().into(),
                    }
                }
            });
            offset = start + close + 1;
            rest = &after[close + 1..];
        }
        if !rest.is_empty() {
            parts.push(Piece::Text(rest.into()));
        }
        Ok(Template {
            pattern: Arc::new(Pattern::new(parts)),
            values,
            in_keywords: Default::default(),
        })
    }

    /// The text when every placeholder is a parameter, as in an
    /// explanation that no requirement fills in; `None` when one needs a
    /// requirement.
    pub fn render_constant(&self, lang: Lang) -> Option<String> {
        let shown = self
            .values
            .iter()
            .map(|expr| Some(Cow::Owned(show(&constant(expr)?, lang))))
            .collect::<Option<Vec<_>>>()?;
        Some(self.pattern.render(shown, false))
    }

    /// Calls `f` with every field a placeholder reads (see [`Expr::each_field`]).
    pub fn each_field(&self, f: &mut dyn FnMut(Option<super::fields::Field>, Option<ListField>)) {
        for expr in &self.values {
            expr.each_field(f);
        }
    }

    /// The text for one finding: the template's own text, shared, when it
    /// has nothing to fill in; else the template, shared, and its values,
    /// filled in when the text is written.
    pub fn render_message(&self, cx: &Context<'_>, lang: Lang) -> Message {
        self.message(lang, |_| {
            // Value by value, with no list of them made on the way: this
            // runs for every finding.
            let mut filler = self.pattern.filler(lang);
            for expr in &self.values {
                let value = expr::eval(expr, cx);
                filler.push(arg(&value, &kept(&value, lang)));
            }
            filler.finish()
        })
    }

    /// How many of the values a built-in keeps (see [`Template::keep`]).
    pub fn kept_count(&self) -> usize {
        self.values.iter().filter(|expr| is_kept(expr)).count()
    }

    /// Gives `keep` each value that reads the requirement or its element
    /// (neither one the built-in provides nor a constant), in order, as the
    /// text shows it (cut as the text cuts it): a built-in writes its
    /// findings' texts from these once the requirement is gone.
    pub fn keep(&self, cx: &Context<'_>, lang: Lang, keep: &mut dyn FnMut(String)) {
        for expr in self.values.iter().filter(|expr| is_kept(expr)) {
            keep(shown(&expr::eval(expr, cx), lang));
        }
    }

    /// The text for one finding of a built-in, as [`Template::render_message`]
    /// gives it, from the values `kept` (as [`Template::keep`] gave them,
    /// [`Template::kept_count`] of them) and the built-in's own `vars`.
    pub fn render_kept(&self, kept_values: &[&str], vars: &[Value<'_>], lang: Lang) -> Message {
        self.message(lang, |shown| {
            // None where the value is one kept.
            let values: Vec<Option<Value<'_>>> = self
                .values
                .iter()
                .map(|expr| match expr {
                    Expr::Var(index) => Some(vars.get(*index).cloned().unwrap_or(Value::Null)),
                    expr => constant(expr),
                })
                .collect();
            let mut kept_values = kept_values.iter();
            let texts: Vec<Cow<'_, str>> = values
                .iter()
                .map(|value| match value {
                    Some(value) => kept(value, lang),
                    None => Cow::Borrowed(kept_values.next().copied().unwrap_or_default()),
                })
                .collect();
            let args: Vec<Arg<'_>> = values
                .iter()
                .zip(&texts)
                .map(|(value, text)| value.as_ref().map_or(Arg::Str(text), |value| arg(value, text)))
                .collect();
            shown(&args)
        })
    }

    /// The message of the pattern: a fixed text when it has nothing to
    /// fill in, else `filled` with the values' arguments.
    fn message(&self, lang: Lang, filled: impl FnOnce(&dyn Fn(&[Arg<'_>]) -> Message) -> Message) -> Message {
        match self.pattern.parts() {
            [] => Message::default(),
            [Piece::Text(text)] if text.len() <= MAX_MESSAGE_CHARS => Message::Shared(text.clone()),
            [Piece::Text(_)] => Message::Own(self.pattern.render([], true).into()),
            _ => filled(&|args| self.pattern.with(lang, args)),
        }
    }
}

/// `message`, a text one of `templates` gave for a finding, with the
/// keywords in its code spelt in `keywords`, the language its file is
/// written in (see [`keywords_in`]), as a rule's help. A template's text
/// with nothing to fill in is spelt so once for each language and shared;
/// a filled-in text whose spelling changes is kept as the whole text
/// written out (its values could be keywords too, so it is not a template
/// any more).
pub fn in_keywords(templates: &Text<Template>, message: Message, keywords: Lang) -> Message {
    if let Message::Shared(text) = &message {
        let own = [&templates.en, &templates.da]
            .into_iter()
            .find(|template| matches!(template.pattern.parts(), [Piece::Text(own)] if Arc::ptr_eq(own, text)));
        if let Some(template) = own {
            let slot = match keywords {
                Lang::En => &template.in_keywords[0],
                Lang::Da => &template.in_keywords[1],
            };
            let spelt = slot.get_or_init(|| match keywords_in(text, keywords) {
                Cow::Owned(spelt) if spelt != **text => spelt.into(),
                _ => text.clone(),
            });
            return Message::Shared(spelt.clone());
        }
    }
    let text = message.text();
    match keywords_in(&text, keywords) {
        Cow::Owned(spelt) if spelt != text => spelt.into(),
        _ => message,
    }
}

/// Whether a built-in keeps a value: it reads the requirement.
fn is_kept(expr: &Expr) -> bool {
    !matches!(expr, Expr::Var(_)) && constant(expr).is_none()
}

/// A value as its argument: a number kept a number, a text or list as
/// `text` (what [`kept`] made of it).
fn arg<'v>(value: &Value<'_>, text: &'v str) -> Arg<'v> {
    match value {
        Value::Num(n) => Arg::Num(*n),
        Value::Bool(b) => Arg::Bool(*b),
        Value::Null => Arg::Null,
        Value::Str(_) | Value::List(_) => Arg::Str(text),
    }
}

/// A value as a text shows it, a text cut at [`MAX_FILLED_CHARS`] before
/// it is copied (a title of megabytes is not copied whole).
fn shown(value: &Value<'_>, lang: Lang) -> String {
    let text = match value {
        Value::Str(text) => Cow::Borrowed(expr::word_in(text, lang).unwrap_or(text.as_ref())),
        value => Cow::Owned(show(value, lang)),
    };
    match text.char_indices().nth(MAX_FILLED_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.into_owned(),
    }
}

/// What a finding keeps of a text or list value: a word of the language
/// in the run's language, a list written out (numbers and words kept as
/// numbers and words need nothing here).
fn kept<'v>(value: &'v Value<'_>, lang: Lang) -> Cow<'v, str> {
    match value {
        Value::Str(text) => Cow::Borrowed(expr::word_in(text, lang).unwrap_or(text.as_ref())),
        Value::List(_) => Cow::Owned(show(value, lang)),
        _ => Cow::Borrowed(""),
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
        template.render_message(&cx, lang).text().into_owned()
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
    fn a_text_written_from_kept_values_reads_as_one_filled_in_at_once() {
        let title = "Tilsyn ".repeat(60);
        let text = format!(
            "krav \"{title}\" {{\n  id: T-1\n  formål: sikkerhed \"x\", læring \"y\"\n  risiko: høj \"z\"\n  \
             omfang: alle 1 enheder \"x\"\n  byrde \"Hjemmeplejen\" {{\n    personer: 1\n    minutter: 30\n    \
             hyppighed: ugentligt\n  }}\n}}\n"
        );
        let (document, diagnostics) = crate::syntax::parse(FileId(0), &text, Lang::Da);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let requirement = crate::model::build(FileId(0), &document.expect("parses"), Lang::Da, &mut Vec::new())
            .remove(0)
            .requirement;
        let cost = CostModel::default();
        let estimate = estimate(&requirement, &cost);
        let vars = [Value::Str(Cow::Borrowed("weekly")), Value::Num(1.0), Value::Null];
        let cx = Context {
            requirement: &requirement,
            estimate: &estimate,
            cost: &cost,
            element: Some(super::super::fields::Element::Burden(
                &requirement.burdens[0],
                estimate.blocks[0].as_ref(),
            )),
            vars: &vars,
            today: None,
        };
        // Texts, words of the language, a missing value, a truth, a
        // long title cut, figures, plurals of figures and of the built-in's
        // own values, and constants.
        let template = "{title} {id} {risk.level} {owner} {scope.all} {hours_per_person_year} \
                        {people|person|people} {minutes} {frequency} {a} {a|x|y} {b} {b|one|more} {c} {3} {\"t\"}";
        for lang in [Lang::En, Lang::Da] {
            let template = Template::compile(
                template,
                &Params::default(),
                Some(ListField::Burdens),
                &["a", "b", "c"],
                lang,
            )
            .expect("compiles");
            let mut kept = Vec::new();
            template.keep(&cx, lang, &mut |shown| kept.push(shown));
            assert_eq!(kept.len(), template.kept_count());
            let kept: Vec<&str> = kept.iter().map(String::as_str).collect();
            let at_once = template.render_message(&cx, lang).text().into_owned();
            assert_eq!(template.render_kept(&kept, &vars, lang).text(), at_once);
            assert!(at_once.contains("Tilsyn Tilsyn") && at_once.contains('…'), "{at_once}");
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
