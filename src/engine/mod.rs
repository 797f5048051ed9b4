//! The rule engine: rulesets loaded from data (`rulesets/*.toml`), rule
//! expressions compiled once, and evaluation of every rule over the
//! requirements and their burden estimates. Corpus rules (TL3xx) are
//! built-ins configured by the ruleset, since they look across requirements.

pub mod builtins;
pub mod expr;
pub mod fields;
pub mod params;
pub mod ruleset;
mod template;

pub use ruleset::{Example, ExampleSource, Rule, RuleKind, Ruleset};

use crate::burden::Estimate;
use crate::diagnostics::{Diagnostic, Label, Lang, Message, RuleRef};
use crate::model::{Date, Requirement};
use crate::source::{FileId, Span};
use fields::{Context, Element, Value};
use std::sync::Arc;

/// A requirement to judge, with its burden estimate.
#[derive(Clone, Copy, Debug)]
pub struct Judged<'a> {
    pub requirement: &'a Requirement,
    pub estimate: &'a Estimate,
}

/// Every diagnostic of every rule for the requirements checked together:
/// the per-requirement rules in parallel over the requirements, then the
/// built-ins across them. Rules whose code `allowed` says the user switched
/// off are not run; the levels themselves are the check stage's business,
/// so every diagnostic comes at its rule's default level.
pub fn evaluate(
    ruleset: &Ruleset,
    judged: &[Judged<'_>],
    lang: Lang,
    allowed: &dyn Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    evaluate_on(ruleset, judged, lang, allowed, Date::today())
}

/// [`evaluate`] on a given day: date rules (a review further off than the
/// ruleset allows) count from `today`, and skip what needs it when it is
/// unknown.
pub fn evaluate_on(
    ruleset: &Ruleset,
    judged: &[Judged<'_>],
    lang: Lang,
    allowed: &dyn Fn(&str) -> bool,
    today: Option<Date>,
) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let active: Vec<&Rule> = ruleset.rules.iter().filter(|r| !allowed(r.code())).collect();
    let mut out: Vec<Diagnostic> = judged
        .par_iter()
        .flat_map_iter(|j| {
            let id = j.requirement.id().map(Arc::from);
            active
                .iter()
                .flat_map(move |rule| judge(ruleset, rule, j, &id, lang, today))
        })
        .collect();
    out.extend(evaluate_across(ruleset, judged, lang, allowed));
    out
}

/// The per-requirement rules' diagnostics for one requirement, on `today`
/// (see [`evaluate_on`]).
pub fn evaluate_each(
    ruleset: &Ruleset,
    judged: &Judged<'_>,
    lang: Lang,
    allowed: &dyn Fn(&str) -> bool,
    today: Option<Date>,
) -> Vec<Diagnostic> {
    let id = judged.requirement.id().map(Arc::from);
    ruleset
        .rules
        .iter()
        .filter(|rule| !allowed(rule.code()))
        .flat_map(|rule| judge(ruleset, rule, judged, &id, lang, today))
        .collect()
}

/// The built-ins' diagnostics, across every requirement judged.
pub fn evaluate_across(
    ruleset: &Ruleset,
    judged: &[Judged<'_>],
    lang: Lang,
    allowed: &dyn Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let mut facts = builtins::Facts::default();
    for j in judged {
        facts.add(j.requirement, j.estimate, ruleset, lang);
    }
    let mut out = Vec::new();
    for rule in ruleset.rules.iter().filter(|rule| !allowed(rule.code())) {
        if let RuleKind::Builtin(builtin) = &rule.kind {
            for finding in builtin.findings(ruleset, &facts, &|_| true) {
                out.extend(builtin.write(rule, ruleset, &facts, &finding, lang));
            }
        }
    }
    out
}

/// Whether the diagnostics of `code` are known only once every file has
/// been read: a built-in's.
pub fn is_across(ruleset: &Ruleset, code: &str) -> bool {
    ruleset
        .rules
        .iter()
        .any(|rule| rule.code() == code && matches!(rule.kind, RuleKind::Builtin(_)))
}

/// Whether a rule's condition or texts read a field counted from today
/// (`review.years_ahead`, `sunset.years_ahead`): only then do its findings
/// change from one day to the next.
pub fn reads_today(ruleset: &Ruleset) -> bool {
    use fields::Field::{ReviewYearsAhead, SunsetYearsAhead};
    let mut reads = false;
    let mut note = |field: Option<fields::Field>, _| {
        reads |= matches!(field, Some(ReviewYearsAhead | SunsetYearsAhead));
    };
    for rule in &ruleset.rules {
        if let RuleKind::Condition { when, .. } = &rule.kind {
            when.each_field(&mut note);
        }
        let specs = std::iter::once(&rule.label).chain(&rule.secondary);
        for text in specs.flat_map(|spec| [&spec.text.en, &spec.text.da]).chain([
            &rule.message.en,
            &rule.message.da,
            &rule.help.en,
            &rule.help.da,
        ]) {
            text.each_field(&mut note);
        }
    }
    reads
}

/// One rule's diagnostics for one requirement (none for built-ins, which
/// look across requirements).
fn judge(
    ruleset: &Ruleset,
    rule: &Rule,
    judged: &Judged<'_>,
    id: &Option<Arc<str>>,
    lang: Lang,
    today: Option<Date>,
) -> Vec<Diagnostic> {
    let RuleKind::Condition { each, when } = &rule.kind else {
        return Vec::new();
    };
    let cx = Context {
        requirement: judged.requirement,
        estimate: judged.estimate,
        cost: &ruleset.cost,
        element: None,
        vars: &[],
        today,
    };
    match each {
        None => {
            if !expr::truthy(&expr::eval(when, &cx)) {
                return Vec::new();
            }
            let requirement = judged.requirement;
            let primary = rule
                .label
                .key
                .map_or(requirement.title.span, |key| requirement.label_span(key));
            vec![diagnostic(rule, &cx, primary, id.clone(), lang)]
        }
        Some(list) => cx
            .elements(*list)
            .into_iter()
            .filter_map(|element| {
                let inner = cx.with(element);
                expr::truthy(&expr::eval(when, &inner))
                    .then(|| diagnostic(rule, &inner, element_span(element), id.clone(), lang))
            })
            .collect(),
    }
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

/// A rule's diagnostic at `primary`, with its texts filled in from `cx`;
/// `id` is the requirement's, shared by its findings.
fn diagnostic(rule: &Rule, cx: &Context<'_>, primary: Span, id: Option<Arc<str>>, lang: Lang) -> Diagnostic {
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
                message: spec.text.in_lang(lang).render_message(cx, lang),
            })
        })
        .collect();
    let written = Written {
        message: rule.message.in_lang(lang).render_message(cx, lang),
        label: rule.label.text.in_lang(lang).render_message(cx, lang),
        help: rule.help.in_lang(lang).render_message(cx, lang),
        secondary,
    };
    assemble(rule, requirement.file, primary, written, requirement.keywords, id)
}

/// A rule's texts for one finding, written.
struct Written {
    message: Message,
    label: Message,
    help: Message,
    secondary: Vec<Label>,
}

/// A rule's diagnostic at `primary` in `file` with its texts `written`,
/// the help naming keywords in `keywords` (the requirement's language);
/// `id` is the requirement's, shared by its findings.
fn assemble(
    rule: &Rule,
    file: FileId,
    primary: Span,
    written: Written,
    keywords: Lang,
    id: Option<Arc<str>>,
) -> Diagnostic {
    // The quote note is the entry's: renderers write it from there.
    let help = template::in_keywords(&rule.help, written.help, keywords);
    let mut diagnostic = RuleRef::Shared(rule.entry.clone())
        .at(file, primary, written.message)
        .with_label(written.label)
        .with_help(help)
        .with_shared_requirement(id);
    diagnostic.secondary = written.secondary;
    diagnostic
}

/// The values a built-in gives its messages, as text or numbers; text is
/// borrowed from the requirements, never copied into each finding.
fn var<'a>(value: impl Into<VarValue<'a>>) -> Value<'a> {
    match value.into() {
        VarValue::Num(n) => Value::Num(n),
        VarValue::Text(s) => Value::Str(std::borrow::Cow::Borrowed(s)),
    }
}

enum VarValue<'a> {
    Num(f64),
    Text(&'a str),
}

impl From<f64> for VarValue<'_> {
    fn from(n: f64) -> Self {
        VarValue::Num(n)
    }
}

impl<'a> From<&'a str> for VarValue<'a> {
    fn from(s: &'a str) -> Self {
        VarValue::Text(s)
    }
}
