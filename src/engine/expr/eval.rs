//! Evaluation of a compiled [`Expr`] against one requirement (or one of
//! its elements). Never fails: a value that is not there is `Null`.

use super::{Arith, Compare, Expr};
use crate::engine::fields::{self, Context, Field, ListField, Value};
use crate::engine::params::ParamValue;
use std::borrow::Cow;

/// Evaluates an expression. A missing value makes a comparison false and
/// arithmetic missing, so a rule about a field that is not there does not fire.
pub fn eval<'a>(expr: &'a Expr, cx: &Context<'a>) -> Value<'a> {
    match expr {
        Expr::Num(n) => Value::Num(*n),
        Expr::Str(s) => Value::Str(Cow::Borrowed(s)),
        Expr::Bool(b) => Value::Bool(*b),
        Expr::List(items) => Value::List(items.iter().map(|i| eval(i, cx)).collect()),
        Expr::Field(field) => fields::read(*field, cx),
        Expr::TableValues(table) => Value::List(table.values().map(param_value).collect()),
        Expr::Var(index) => cx.vars.get(*index).cloned().unwrap_or(Value::Null),
        Expr::Lookup(table, key) => {
            let key = match eval(key, cx) {
                Value::Str(s) => s.into_owned(),
                Value::Num(n) => n.to_string(),
                _ => return Value::Null,
            };
            table.get(&key).map_or(Value::Null, param_value)
        }
        Expr::Not(inner) => Value::Bool(!truthy(&eval(inner, cx))),
        Expr::And(items) => Value::Bool(items.iter().all(|i| truthy(&eval(i, cx)))),
        Expr::Or(items) => Value::Bool(items.iter().any(|i| truthy(&eval(i, cx)))),
        Expr::Compare(op, left, right) => Value::Bool(compare(*op, &eval(left, cx), &eval(right, cx))),
        Expr::In { item, list, negated } => {
            let item = eval(item, cx);
            let Value::List(list) = eval(list, cx) else {
                return Value::Bool(false);
            };
            if item == Value::Null {
                return Value::Bool(false);
            }
            Value::Bool(list.iter().any(|v| compare(Compare::Eq, &item, v)) != *negated)
        }
        Expr::Arith(head, rest) => {
            let Value::Num(mut acc) = eval(head, cx) else {
                return Value::Null;
            };
            for (op, operand) in rest {
                let Value::Num(n) = eval(operand, cx) else {
                    return Value::Null;
                };
                acc = match op {
                    Arith::Add => acc + n,
                    Arith::Sub => acc - n,
                    Arith::Mul => acc * n,
                    Arith::Div if n == 0.0 => return Value::Null,
                    Arith::Div => acc / n,
                };
            }
            // Past the largest number there is no figure, as for a division
            // by zero: no rule compares with, or message shows, infinity.
            if acc.is_finite() {
                Value::Num(acc)
            } else {
                Value::Null
            }
        }
        Expr::Neg(inner) => match eval(inner, cx) {
            Value::Num(n) => Value::Num(-n),
            _ => Value::Null,
        },
        Expr::Exists(inner) => Value::Bool(match inner.as_ref() {
            Expr::Field(Field::Purposes) => !cx.requirement.purposes.is_empty(),
            Expr::Field(Field::Data) => !cx.requirement.data.is_empty(),
            Expr::Field(Field::Burdens) => !cx.requirement.burdens.is_empty(),
            Expr::Field(Field::Measures) => !cx.requirement.measures.is_empty(),
            other => match eval(other, cx) {
                Value::Null => false,
                Value::List(items) => !items.is_empty(),
                _ => true,
            },
        }),
        Expr::Any(list, condition) => Value::Bool(
            cx.elements(*list)
                .into_iter()
                .any(|e| truthy(&eval(condition, &cx.with(e)))),
        ),
        Expr::All(list, condition) => Value::Bool(
            cx.elements(*list)
                .into_iter()
                .all(|e| truthy(&eval(condition, &cx.with(e)))),
        ),
        Expr::Count(inner) => match inner.as_ref() {
            Expr::Field(field @ (Field::Purposes | Field::Data | Field::Burdens | Field::Measures)) => {
                let list = match field {
                    Field::Purposes => ListField::Purposes,
                    Field::Data => ListField::Data,
                    Field::Burdens => ListField::Burdens,
                    _ => ListField::Measures,
                };
                Value::Num(cx.elements(list).len() as f64)
            }
            other => match eval(other, cx) {
                Value::List(items) => Value::Num(items.len() as f64),
                _ => Value::Null,
            },
        },
    }
}

/// A parameter's value; a table inside a table is no value.
pub fn param_value(value: &ParamValue) -> Value<'_> {
    match value {
        ParamValue::Num(n) => Value::Num(*n),
        ParamValue::Str(s) => Value::Str(Cow::Borrowed(s)),
        ParamValue::Table(_) => Value::Null,
    }
}

pub fn truthy(value: &Value<'_>) -> bool {
    matches!(value, Value::Bool(true))
}

fn compare(op: Compare, left: &Value<'_>, right: &Value<'_>) -> bool {
    match (left, right) {
        (Value::Null, _) | (_, Value::Null) => false,
        (Value::Num(a), Value::Num(b)) => match op {
            Compare::Eq => a == b,
            Compare::Ne => a != b,
            Compare::Lt => a < b,
            Compare::Le => a <= b,
            Compare::Gt => a > b,
            Compare::Ge => a >= b,
        },
        (Value::Str(a), Value::Str(b)) => match op {
            Compare::Eq => a.eq_ignore_ascii_case(b),
            Compare::Ne => !a.eq_ignore_ascii_case(b),
            _ => false,
        },
        (Value::Bool(a), Value::Bool(b)) => match op {
            Compare::Eq => a == b,
            Compare::Ne => a != b,
            _ => false,
        },
        _ => matches!(op, Compare::Ne),
    }
}
