//! The expression language's semantics: what a condition means when a
//! value is missing, a list is empty, a divisor is zero or the two sides of
//! a comparison are of different types; and where compiling stops.

use super::{compile_condition, compile_value, eval, truthy, word_in, ExprError, MAX_DEPTH};
use crate::burden::{CostModel, Estimate};
use crate::diagnostics::Lang;
use crate::engine::fields::{Context, ListField, Value};
use crate::engine::params::{ParamValue, Params};
use crate::model::{DataItem, DataMode, Purpose, PurposeKind, Requirement, Spanned, Trigger, TriggerKind};
use crate::source::{FileId, Span};
use std::collections::BTreeMap;

fn at<T>(value: T) -> Spanned<T> {
    Spanned::new(value, Span::new(0, 0))
}

/// A requirement with a title and nothing else: every optional value is
/// missing and every list is empty.
fn bare() -> Requirement {
    Requirement::titled(FileId(0), Lang::En, at("Bare".to_owned()))
}

/// A requirement triggered by a pattern of 3 cases (at units not stated),
/// with two purposes and one data item.
fn filled() -> Requirement {
    let purpose = |kind| Purpose {
        kind: at(kind),
        description: None,
        span: Span::new(0, 0),
    };
    Requirement {
        id: Some(at("R-1".to_owned())),
        trigger: Some(Trigger {
            kind: at(TriggerKind::Pattern),
            description: None,
            cases: Some(at(3)),
            units: None,
        }),
        purposes: vec![purpose(PurposeKind::Safety), purpose(PurposeKind::Control)],
        data: vec![DataItem {
            name: at("CPR".to_owned()),
            modes: vec![at(DataMode::Manual)],
            span: Span::new(0, 0),
        }],
        ..bare()
    }
}

fn params() -> Params {
    let table = BTreeMap::from([
        ("press".to_owned(), ParamValue::Num(1.0)),
        ("pattern".to_owned(), ParamValue::Num(3.0)),
    ]);
    Params::new(BTreeMap::from([
        ("limit".to_owned(), ParamValue::Num(4.0)),
        ("limits".to_owned(), ParamValue::Table(std::sync::Arc::new(table))),
    ]))
}

/// Whether condition `text` holds for `requirement`.
fn holds_for(requirement: &Requirement, text: &str) -> bool {
    let expr = compile_condition(text, &params(), None, Lang::En).unwrap_or_else(|err| panic!("{text}: {err:?}"));
    let estimate = Estimate::default();
    let cost = CostModel::default();
    let cx = Context {
        requirement,
        estimate: &estimate,
        cost: &cost,
        element: None,
        vars: &[],
        today: None,
    };
    truthy(&eval(&expr, &cx))
}

fn holds(text: &str) -> bool {
    holds_for(&filled(), text)
}

/// The value of `text` for the filled requirement, as a number or `None`
/// when it is missing.
fn number(text: &str) -> Option<f64> {
    let expr = compile_value(text, &params(), None, Lang::En).unwrap_or_else(|err| panic!("{text}: {err:?}"));
    let requirement = filled();
    let estimate = Estimate::default();
    let cost = CostModel::default();
    let cx = Context {
        requirement: &requirement,
        estimate: &estimate,
        cost: &cost,
        element: None,
        vars: &[],
        today: None,
    };
    match eval(&expr, &cx) {
        Value::Num(n) => Some(n),
        Value::Null => None,
        other => panic!("{text} is {other:?}, not a number"),
    }
}

fn error(text: &str, scope: Option<ListField>) -> ExprError {
    compile_condition(text, &params(), scope, Lang::En).expect_err(text)
}

#[test]
fn a_missing_value_makes_every_comparison_false() {
    let bare = bare();
    for text in [
        "trigger.kind == pattern",
        "trigger.kind != pattern",
        "trigger.cases > 1",
        "trigger.cases <= 1",
        "trigger.cases == trigger.units",
    ] {
        assert!(!holds_for(&bare, text), "{text}");
    }
    // So a rule that fires when a value differs does not fire on its absence,
    // and negating a comparison is not the same as the opposite comparison.
    assert!(holds_for(&bare, "not trigger.kind == pattern"));
    assert!(!holds_for(&bare, "exists(trigger.kind)"));
    assert!(holds("exists(trigger.kind)"));
    // A missing value is not even equal to itself.
    assert!(!holds("exists(trigger.units)"));
    assert!(!holds("trigger.units == trigger.units"));
}

#[test]
fn a_missing_value_makes_arithmetic_missing() {
    assert_eq!(number("trigger.units + 1"), None);
    assert_eq!(number("trigger.cases + 1"), Some(4.0));
    assert_eq!(number("-trigger.units"), None);
    assert_eq!(number("$limits[scope.units]"), None, "no key to look up");
    assert_eq!(number("$limits[trigger.kind]"), Some(3.0));
    assert_eq!(number("$limits[\"other\"]"), None, "a key the table lacks");
}

#[test]
fn division_by_zero_is_missing_not_infinite() {
    assert_eq!(number("1 / 0"), None);
    assert_eq!(number("2 * 3 / (1 - 1) + 4"), None, "missing spreads through the rest");
    assert_eq!(number("7 / 2"), Some(3.5));
    assert!(!holds("1 / 0 > 0"));
    assert!(!holds("1 / 0 == 1 / 0"));
    assert!(!holds("exists(1 / 0)"));
}

#[test]
fn past_the_largest_number_is_missing_and_a_literal_that_large_is_refused() {
    let big = format!("1{}", "0".repeat(300));
    assert_eq!(number(&format!("{big} * {big}")), None);
    assert_eq!(number(&format!("-{big} * {big} + 1")), None);
    assert!(!holds(&format!("{big} * {big} > 0")));
    assert_eq!(number(&format!("{big} * 10")), Some(1e301));
    let huge = format!("1{}", "0".repeat(400));
    let err = compile_value(&huge, &Params::default(), None, Lang::En).expect_err("too large");
    assert_eq!(err.span, 0..huge.len());
}

#[test]
fn in_compares_each_item_as_equals_does() {
    assert!(holds("trigger.kind in [single_case, pattern]"));
    assert!(holds("trigger.kind in [\"PATTERN\"]"), "words compare without case");
    assert!(holds("trigger.kind not in [press, other]"));
    assert!(!holds("trigger.kind in []"));
    assert!(holds("trigger.kind not in []"));
    assert!(holds("3 in [1, 2, 3]"));
    assert!(holds("safety in purpose.kinds"));
    assert!(!holds("economy in purpose.kinds"));
    assert!(holds("3 in $limits"), "a parameter table is the list of its values");
    // An item of another type is in no list of numbers.
    assert!(!holds("\"3\" in [1, 2, 3]"));
    assert!(holds("\"3\" not in [1, 2, 3]"));
}

#[test]
fn a_missing_item_is_neither_in_nor_not_in_a_list() {
    let bare = bare();
    assert!(!holds_for(&bare, "trigger.kind in [single_case, pattern]"));
    assert!(!holds_for(&bare, "trigger.kind not in [single_case, pattern]"));
}

#[test]
fn values_of_different_types_are_never_equal() {
    assert!(!holds("\"1\" == 1"));
    assert!(holds("\"1\" != 1"));
    assert!(!holds("true == 1"));
    assert!(holds("true != \"true\""));
    // Same types compare as expected; words and texts without case.
    assert!(holds("\"Kontrol\" == \"kontrol\""));
    assert!(holds("(not false) == true"));
    assert!(holds("2 == 2.0"));
}

#[test]
fn ordering_is_for_numbers_only_and_checked_when_compiling() {
    let err = error("trigger.kind < 2", None);
    assert_eq!(err.span, 0..12, "the operand, without the space after it");
    assert!(err.message.contains("must be a number"), "{}", err.message);
    let err = error("\"a\" >= \"b\"", None);
    assert!(err.message.contains("must be a number"), "{}", err.message);
    let err = error("1 + high", None);
    assert!(
        err.message
            .contains("each side of `+`, `-`, `*` or `/` must be a number"),
        "{}",
        err.message
    );
}

#[test]
fn quantifiers_over_an_empty_list() {
    let bare = bare();
    assert!(
        !holds_for(&bare, "any(purposes, kind == safety)"),
        "no element satisfies"
    );
    assert!(
        holds_for(&bare, "all(purposes, kind == safety)"),
        "every element of none satisfies"
    );
    assert!(holds_for(&bare, "count(purposes) == 0"));
    assert!(!holds_for(&bare, "exists(purposes)"));
    assert!(holds_for(&bare, "count(purpose.kinds) == 0"));
    assert!(!holds_for(&bare, "exists(purpose.kinds)"));
}

#[test]
fn quantifiers_over_elements() {
    assert!(holds("any(purposes, kind == control)"));
    assert!(!holds("all(purposes, kind == control)"));
    assert!(holds("all(data, manual in modes)"));
    assert!(holds("count(purposes) == 2"));
    // Inside, the element's fields come first and the requirement's remain.
    assert!(holds("any(purposes, kind == safety and trigger.kind == pattern)"));
}

#[test]
fn words_are_read_in_either_language_and_held_in_english() {
    assert!(holds("trigger.kind != analyse"));
    assert!(holds("trigger.kind == PATTERN"));
    assert!(holds("kontrol in purpose.kinds"));
    assert!(holds("any(purposes, kind == sikkerhed)"));
    assert_eq!(word_in("medium", Lang::Da), Some("middel"));
    assert_eq!(word_in("single_case", Lang::Da), Some("enkeltsag"));
    assert_eq!(word_in("medium", Lang::En), Some("medium"));
    assert_eq!(word_in("R-1", Lang::Da), None, "a text is no word");
    let err = error("trigger.kind == patern", None);
    assert_eq!(err.message, "unknown field or word `patern`");
    assert_eq!(err.help.as_deref(), Some("did you mean `pattern`?"));
}

#[test]
fn nesting_is_bounded_before_parsing() {
    let nested = |depth: usize| format!("{}1{} == 1", "(".repeat(depth), ")".repeat(depth));
    assert!(holds(&nested(MAX_DEPTH)));
    let err = error(&nested(MAX_DEPTH + 1), None);
    assert_eq!(err.span, MAX_DEPTH..MAX_DEPTH + 1, "at the first bracket too deep");
    assert!(err.message.contains("nests deeper than"), "{}", err.message);
    // Lists count as nesting; brackets inside a text do not.
    let lists = format!("1 in {}1{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert!(error(&lists, None).message.contains("nests deeper than"));
    let quoted = format!("\"{}\" == \"x\"", "(".repeat(MAX_DEPTH * 2));
    assert!(!holds(&quoted));
}

#[test]
fn a_condition_must_be_true_or_false() {
    let err = error("trigger.cases + 1", None);
    assert_eq!(err.span, 0..17);
    assert!(
        err.message.starts_with("a condition must be true or false"),
        "{}",
        err.message
    );
    let err = error("any(purpose.kinds, true)", None);
    assert!(err.message.contains("needs a list of elements"), "{}", err.message);
    let err = error("kind == safety", None);
    assert_eq!(
        err.message, "unknown field or word `kind`",
        "`kind` belongs to an element"
    );
    assert!(compile_condition("kind == safety", &params(), Some(ListField::Purposes), Lang::En).is_ok());
}

#[test]
fn the_cost_model_refuses_lists_inside_lists_and_keeps_linear_conditions() {
    let params = Params::default();
    let refused = |text: &str, scope: Option<ListField>| {
        let err = compile_condition(text, &params, scope, Lang::En).expect_err(text);
        assert!(
            err.message.contains("square of a requirement's size"),
            "{text}: {}",
            err.message
        );
    };
    refused("any(data, any(data, any(data, any(data, any(data, false)))))", None);
    refused("any(burdens, all(purposes, kind == safety))", None);
    refused("any(data, name in replaces)", None);
    refused("all(measures, count(data) > 1)", None);
    refused("any(purposes, kind == safety)", Some(ListField::Data));
    refused("count(replaces) > 1", Some(ListField::Data));
    for (text, scope) in [
        ("any(data, about_staff in modes) and count(replaces) == 0", None),
        (
            "not any(purposes, kind in [safety, learning]) or all(measures, kind == effect)",
            None,
        ),
        ("about_staff in modes and scope.units > 1", Some(ListField::Data)),
    ] {
        assert!(compile_condition(text, &params, scope, Lang::En).is_ok(), "{text}");
    }
}
