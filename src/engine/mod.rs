//! The rule engine: rulesets loaded from data (`rulesets/*.toml`), rule
//! expressions compiled once, and evaluation of every rule over the
//! requirements and their burden estimates. Corpus rules (TL3xx) are
//! built-ins configured by the ruleset, since they look across requirements.

mod builtins;
pub mod examples;
pub mod expr;
pub mod fields;
pub mod params;
pub mod ruleset;
mod template;

pub use ruleset::{Builtin, Example, ExampleSource, Localized, Rule, RuleKind, Ruleset};

use crate::burden::Estimate;
use crate::diagnostics::{Diagnostic, Label, Lang, Level, LANGUAGE_LINTS};
use crate::model::Requirement;
use crate::source::Span;
use fields::{Context, Element, Value};

/// What outputs and `rules` say about one code, language checks and ruleset
/// rules alike.
#[derive(Clone, Debug, serde::Serialize)]
pub struct RuleInfo {
    pub code: String,
    pub name: String,
    pub level: Level,
    pub source: String,
    pub summary: String,
    #[serde(skip)]
    pub explanation: String,
}

/// Every code: the language checks, then the ruleset's rules.
pub fn catalogue(ruleset: &Ruleset, lang: Lang) -> Vec<RuleInfo> {
    LANGUAGE_LINTS
        .iter()
        .map(|lint| RuleInfo {
            code: lint.code.to_owned(),
            name: lint.name.to_owned(),
            level: lint.level,
            source: "trustlint (LANGUAGE.md)".to_owned(),
            summary: lint.summary(lang).to_owned(),
            explanation: lint.explanation.get(lang).to_owned(),
        })
        .chain(ruleset.rules.iter().map(|rule| RuleInfo {
            code: rule.code.clone(),
            name: rule.name.clone(),
            level: rule.level,
            source: rule.source.clone(),
            summary: rule.summary.get(lang).clone(),
            explanation: rule.explanation.get(lang).trim().to_owned(),
        }))
        .collect()
}

/// A requirement to judge, with its burden estimate.
#[derive(Clone, Copy, Debug)]
pub struct Judged<'a> {
    pub requirement: &'a Requirement,
    pub estimate: &'a Estimate,
}

/// Every diagnostic of every rule for the requirements checked together.
pub fn evaluate(ruleset: &Ruleset, judged: &[Judged<'_>], lang: Lang) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in ruleset.rules.iter().filter(|r| r.level != Level::Allow) {
        match &rule.kind {
            RuleKind::Condition { each, when } => {
                for &Judged { requirement, estimate } in judged {
                    let cx = Context {
                        requirement,
                        estimate,
                        cost: &ruleset.cost,
                        element: None,
                        vars: &[],
                    };
                    match each {
                        None => {
                            if expr::truthy(&expr::eval(when, &cx)) {
                                let primary = rule
                                    .label
                                    .key
                                    .map_or(requirement.title.span, |key| requirement.label_span(key));
                                out.push(diagnostic(rule, &cx, primary, lang));
                            }
                        }
                        Some(list) => {
                            for element in cx.elements(*list) {
                                let inner = cx.with(element);
                                if expr::truthy(&expr::eval(when, &inner)) {
                                    out.push(diagnostic(rule, &inner, element_span(element), lang));
                                }
                            }
                        }
                    }
                }
            }
            RuleKind::Builtin(builtin) => out.extend(builtins::run(*builtin, rule, ruleset, judged, lang)),
        }
    }
    out
}

/// The span a diagnostic about one element is labelled at.
fn element_span(element: Element<'_>) -> Span {
    match element {
        Element::Purpose(p) => p.span,
        Element::Data(d) => d.span,
        Element::Burden(b, _) => b.label.span,
        Element::Measure(m) => m.span,
    }
}

/// A rule's diagnostic at `primary`, with its texts filled in from `cx`.
fn diagnostic(rule: &Rule, cx: &Context<'_>, primary: Span, lang: Lang) -> Diagnostic {
    let requirement = cx.requirement;
    let secondary = rule
        .secondary
        .iter()
        .filter_map(|spec| {
            let key = spec.key?;
            requirement.entry_span(key)?;
            Some(Label {
                file: requirement.file,
                span: requirement.label_span(key),
                message: spec.text.get(lang).render(cx, lang),
            })
        })
        .collect();
    Diagnostic {
        code: rule.code.clone(),
        name: rule.name.clone(),
        level: rule.level,
        message: rule.message.get(lang).render(cx, lang),
        primary: Label {
            file: requirement.file,
            span: primary,
            message: rule.label.text.get(lang).render(cx, lang),
        },
        secondary,
        notes: vec![format!("{}:\n\"{}\"", rule.source, rule.quote)],
        help: Some(rule.help.get(lang).render(cx, lang)),
        requirement: requirement.id().map(str::to_owned),
        source: Some(rule.source.clone()),
    }
}

/// The values a built-in gives its messages, as text or numbers.
fn var(value: impl Into<VarValue>) -> Value<'static> {
    match value.into() {
        VarValue::Num(n) => Value::Num(n),
        VarValue::Text(s) => Value::Str(std::borrow::Cow::Owned(s)),
    }
}

enum VarValue {
    Num(f64),
    Text(String),
}

impl From<f64> for VarValue {
    fn from(n: f64) -> Self {
        VarValue::Num(n)
    }
}

impl From<String> for VarValue {
    fn from(s: String) -> Self {
        VarValue::Text(s)
    }
}
