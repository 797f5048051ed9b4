//! Rule expressions: parsed once, when a ruleset loads, into a typed tree;
//! evaluated for each requirement. Names are resolved at load time — a
//! field of the current scope, a field of the requirement, or an enumerated
//! word — so a typo in a ruleset is an error with a span, not a rule that
//! silently never fires.
//!
//! `parse` reads the text (pest, `grammar/rule.pest`), `compile` turns it
//! into an [`Expr`], checking every name and type, and `eval` computes its
//! value; `words` are the enumerated words a value can be compared with.

mod compile;
pub mod cost;
mod eval;
mod parse;
mod words;

#[cfg(test)]
mod tests;

pub use compile::{compile_condition, compile_value, FUNCTIONS};
pub use eval::{eval, param_value, truthy};
pub use parse::MAX_DEPTH;
pub use words::word_in;

use super::fields::{Field, ListField};
use super::params::ParamValue;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

/// A compiled expression.
#[derive(Clone, Debug)]
pub enum Expr {
    Num(f64),
    Str(Arc<str>),
    Bool(bool),
    List(Vec<Expr>),
    Field(Field),
    /// A value the engine provides (a built-in rule's figures), by index.
    Var(usize),
    /// `$table[key]`: a parameter table looked up by a value.
    Lookup(Arc<BTreeMap<String, ParamValue>>, Box<Expr>),
    /// `$table` as a list: its values.
    TableValues(Arc<BTreeMap<String, ParamValue>>),
    Not(Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Compare(Compare, Box<Expr>, Box<Expr>),
    In {
        item: Box<Expr>,
        list: Box<Expr>,
        negated: bool,
    },
    Arith(Box<Expr>, Vec<(Arith, Expr)>),
    Neg(Box<Expr>),
    Exists(Box<Expr>),
    Any(ListField, Box<Expr>),
    All(ListField, Box<Expr>),
    Count(Box<Expr>),
}

impl Expr {
    /// Calls `f` with every field the expression reads, and every list
    /// whose elements it looks into.
    pub fn each_field(&self, f: &mut dyn FnMut(Option<Field>, Option<ListField>)) {
        match self {
            Expr::Num(_) | Expr::Str(_) | Expr::Bool(_) | Expr::Var(_) | Expr::TableValues(_) => {}
            Expr::Field(field) => f(Some(*field), None),
            Expr::List(items) | Expr::And(items) | Expr::Or(items) => items.iter().for_each(|e| e.each_field(f)),
            Expr::Lookup(_, inner) | Expr::Not(inner) | Expr::Neg(inner) | Expr::Exists(inner) | Expr::Count(inner) => {
                inner.each_field(f)
            }
            Expr::Compare(_, a, b) => {
                a.each_field(f);
                b.each_field(f);
            }
            Expr::In { item, list, .. } => {
                item.each_field(f);
                list.each_field(f);
            }
            Expr::Arith(first, rest) => {
                first.each_field(f);
                rest.iter().for_each(|(_, e)| e.each_field(f));
            }
            Expr::Any(list, inner) | Expr::All(list, inner) => {
                f(None, Some(*list));
                inner.each_field(f);
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compare {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arith {
    Add,
    Sub,
    Mul,
    Div,
}

/// An error in an expression: a byte range in the expression's text.
#[derive(Clone, Debug, PartialEq)]
pub struct ExprError {
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl ExprError {
    fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        ExprError {
            span,
            message: message.into(),
            help: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}
