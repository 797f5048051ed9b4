//! The cost model that keeps rule evaluation linear: a condition may go
//! over a requirement's lists once, never a list inside a list. The work
//! of one evaluation is then at most the condition's size times the
//! requirement's size, so checking costs the ruleset's size times the
//! input's, whatever either holds (docs/rules.md, "Cost").

use super::Expr;
use crate::engine::fields::{Field, Ty, FIELDS};

/// How the work of evaluating `expr` grows with the size `n` of the
/// requirement: 0 for a constant amount, 1 for `n`, 2 for `n²`, ….
///
/// `any`/`all` multiply the cost of their condition by the length of the
/// list they go over; reading a list of the whole requirement
/// (`purpose.kinds`, `replaces`) or counting one costs its length. A list
/// of one element (a data item's `modes`) costs nothing extra: over all
/// the elements those lists add up to the requirement's size once.
pub fn degree(expr: &Expr) -> u32 {
    let max = |items: &mut dyn Iterator<Item = &Expr>| items.map(degree).max().unwrap_or(0);
    match expr {
        Expr::Num(_) | Expr::Str(_) | Expr::Bool(_) | Expr::Var(_) | Expr::TableValues(_) => 0,
        Expr::Field(field) => u32::from(is_requirement_list(*field)),
        Expr::List(items) | Expr::And(items) | Expr::Or(items) => max(&mut items.iter()),
        Expr::Lookup(_, inner) | Expr::Not(inner) | Expr::Neg(inner) | Expr::Exists(inner) => degree(inner),
        Expr::Count(inner) => degree(inner).max(1),
        Expr::Compare(_, left, right) => degree(left).max(degree(right)),
        Expr::In { item, list, .. } => degree(item).max(degree(list)),
        Expr::Arith(head, rest) => degree(head).max(max(&mut rest.iter().map(|(_, e)| e))),
        Expr::Any(_, condition) | Expr::All(_, condition) => 1 + degree(condition),
    }
}

/// The highest degree a rule's expression may have: linear in the
/// requirement; a rule with `each` already goes over one list.
pub fn allowed(each: bool) -> u32 {
    if each {
        0
    } else {
        1
    }
}

fn is_requirement_list(field: Field) -> bool {
    FIELDS
        .iter()
        .any(|(scope, _, f, ty)| *f == field && scope.is_none() && *ty == Ty::List)
}
