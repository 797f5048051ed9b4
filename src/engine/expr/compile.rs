//! Pest pairs → a typed [`Expr`]: every name resolved (a field of the
//! scope or the requirement, a `$parameter`, an enumerated word) and every
//! operand's type checked, so that evaluation cannot meet a surprise.

use super::parse::{parse, Rule};
use super::{words, Arith, Compare, Expr, ExprError};
use crate::engine::fields::{self, ListField, Ty};
use crate::engine::params::{ParamValue, Params};
use crate::model;
use pest::iterators::Pair;
use std::ops::Range;
use std::sync::Arc;

/// The functions a condition can call.
pub const FUNCTIONS: [&str; 4] = ["exists", "count", "any", "all"];

/// Compiles a condition, which must be a boolean, evaluated in `scope`
/// (an element list for `each` rules, `None` for the requirement).
pub fn compile_condition(text: &str, params: &Params, scope: Option<ListField>) -> Result<Expr, ExprError> {
    let (expr, ty) = compile(text, params, scope)?;
    if !matches!(ty, Ty::Bool | Ty::Any) {
        return Err(ExprError::new(
            0..text.len(),
            format!("a condition must be true or false, but this is {}", ty.name()),
        )
        .help("compare it with something, as in `scope.units > 1`, or test it with `exists(…)`"));
    }
    Ok(expr)
}

/// Compiles an expression of any type but a list of elements.
pub fn compile_value(text: &str, params: &Params, scope: Option<ListField>) -> Result<Expr, ExprError> {
    let (expr, ty) = compile(text, params, scope)?;
    if let Ty::Elements(list) = ty {
        return Err(ExprError::new(
            0..text.len(),
            format!("`{}` is a list of elements and cannot be shown", list.name()),
        )
        .help("show one of its figures, or `count(…)`"));
    }
    Ok(expr)
}

fn compile(text: &str, params: &Params, scope: Option<ListField>) -> Result<(Expr, Ty), ExprError> {
    let expr = parse(text)?;
    let (expr, ty) = Compiler { params }.expr(expr, scope)?;
    // Refused when compiled, so no requirement can make it slow later.
    let allowed = super::cost::allowed(scope.is_some());
    if super::cost::degree(&expr) > allowed {
        let why = match scope {
            Some(list) => format!("it goes over a list for every item of `{}` (`each`)", list.name()),
            None => "it goes over a list inside another list".to_owned(),
        };
        return Err(ExprError::new(
            0..text.len(),
            format!("this condition could take time that grows with the square of a requirement's size: {why}"),
        )
        .help("a rule goes over one list once: no `any`/`all` (or `count`, `purpose.kinds`, `measure.kinds`, `replaces`) inside another, nor inside a rule with `each`; split it into rules (docs/rules.md, \"Cost\")"));
    }
    Ok((expr, ty))
}

struct Compiler<'p> {
    params: &'p Params,
}

/// Where a pair was written, without the whitespace pest lets a pair
/// that ends in an optional repetition take after it.
fn span(pair: &Pair<'_, Rule>) -> Range<usize> {
    let start = pair.as_span().start();
    start..start + pair.as_str().trim_end().len()
}

fn expect(ty: Ty, wanted: Ty, span: Range<usize>, role: &str) -> Result<(), ExprError> {
    if ty == wanted || ty == Ty::Any {
        Ok(())
    } else {
        Err(ExprError::new(
            span,
            format!("{role} must be {}, but this is {}", wanted.name(), ty.name()),
        ))
    }
}

impl Compiler<'_> {
    fn expr(&self, pair: Pair<'_, Rule>, scope: Option<ListField>) -> Result<(Expr, Ty), ExprError> {
        match pair.as_rule() {
            Rule::expr => {
                let inner = pair
                    .into_inner()
                    .next()
                    .ok_or_else(|| ExprError::new(0..0, "empty expression"))?;
                self.expr(inner, scope)
            }
            Rule::disjunction | Rule::conjunction => {
                let is_or = pair.as_rule() == Rule::disjunction;
                let mut operands = Vec::new();
                for operand in pair
                    .into_inner()
                    .filter(|p| !matches!(p.as_rule(), Rule::or | Rule::and))
                {
                    let operand_span = span(&operand);
                    let (expr, ty) = self.expr(operand, scope)?;
                    operands.push((expr, ty, operand_span));
                }
                if operands.len() == 1 {
                    let (expr, ty, _) = operands.remove(0);
                    return Ok((expr, ty));
                }
                let word = if is_or {
                    "each side of `or`"
                } else {
                    "each side of `and`"
                };
                let mut exprs = Vec::with_capacity(operands.len());
                for (expr, ty, operand_span) in operands {
                    expect(ty, Ty::Bool, operand_span, word)?;
                    exprs.push(expr);
                }
                Ok((if is_or { Expr::Or(exprs) } else { Expr::And(exprs) }, Ty::Bool))
            }
            Rule::negation => self.prefixed(pair, scope, Rule::not, Ty::Bool, "what `not` negates", Expr::Not),
            Rule::comparison => self.comparison(pair, scope),
            Rule::sum | Rule::product => {
                let mut parts = pair.into_inner();
                let first = parts.next().ok_or_else(|| ExprError::new(0..0, "empty expression"))?;
                let first_span = span(&first);
                let (head, head_ty) = self.expr(first, scope)?;
                let mut rest = Vec::new();
                while let Some(op) = parts.next() {
                    let op = match op.as_str() {
                        "+" => Arith::Add,
                        "-" => Arith::Sub,
                        "*" => Arith::Mul,
                        _ => Arith::Div,
                    };
                    let operand = parts
                        .next()
                        .ok_or_else(|| ExprError::new(0..0, "an operator needs a right-hand side"))?;
                    let operand_span = span(&operand);
                    let (expr, ty) = self.expr(operand, scope)?;
                    expect(ty, Ty::Num, operand_span, "arithmetic")?;
                    rest.push((op, expr));
                }
                if rest.is_empty() {
                    return Ok((head, head_ty));
                }
                expect(head_ty, Ty::Num, first_span, "arithmetic")?;
                Ok((Expr::Arith(Box::new(head), rest), Ty::Num))
            }
            Rule::unary => self.prefixed(pair, scope, Rule::minus, Ty::Num, "a negated value", Expr::Neg),
            Rule::postfix => {
                let mut parts = pair.into_inner();
                let primary = parts.next().ok_or_else(|| ExprError::new(0..0, "empty expression"))?;
                let indexes: Vec<Pair<'_, Rule>> = parts.collect();
                if indexes.is_empty() {
                    return self.expr(primary, scope);
                }
                if primary.as_rule() != Rule::param {
                    return Err(ExprError::new(
                        span(&indexes[0]),
                        "only a $parameter table can be indexed with `[…]`",
                    ));
                }
                self.param(primary, indexes, scope)
            }
            Rule::number => {
                let value: f64 = pair
                    .as_str()
                    .parse()
                    .ok()
                    .filter(|n: &f64| n.is_finite())
                    .ok_or_else(|| ExprError::new(span(&pair), "not a number, or too large to be one"))?;
                Ok((Expr::Num(value), Ty::Num))
            }
            Rule::string => {
                let raw = pair.as_str();
                Ok((Expr::Str(raw[1..raw.len() - 1].into()), Ty::Str))
            }
            Rule::boolean => Ok((Expr::Bool(pair.as_str() == "true"), Ty::Bool)),
            Rule::list => {
                let mut items = Vec::new();
                for item in pair.into_inner() {
                    let item_span = span(&item);
                    let (expr, ty) = self.expr(item, scope)?;
                    if matches!(ty, Ty::List | Ty::Elements(_)) {
                        return Err(ExprError::new(item_span, "a list cannot hold a list"));
                    }
                    items.push(expr);
                }
                Ok((Expr::List(items), Ty::List))
            }
            Rule::call => self.call(pair, scope),
            Rule::param => self.param(pair, Vec::new(), scope),
            Rule::path => self.path(&pair, scope),
            other => Err(ExprError::new(span(&pair), format!("unexpected {other:?}"))),
        }
    }

    /// `not not x` or `- - x`: a run of prefix operators before one operand.
    /// An even number cancels out; any number checks the operand's type.
    fn prefixed(
        &self,
        pair: Pair<'_, Rule>,
        scope: Option<ListField>,
        operator: Rule,
        wanted: Ty,
        role: &str,
        wrap: fn(Box<Expr>) -> Expr,
    ) -> Result<(Expr, Ty), ExprError> {
        let pair_span = span(&pair);
        let mut count = 0;
        let mut operand = None;
        for p in pair.into_inner() {
            if p.as_rule() == operator {
                count += 1;
            } else {
                operand = Some(p);
            }
        }
        let operand = operand.ok_or_else(|| ExprError::new(pair_span, format!("{role} is missing")))?;
        let operand_span = span(&operand);
        let (expr, ty) = self.expr(operand, scope)?;
        if count == 0 {
            return Ok((expr, ty));
        }
        expect(ty, wanted, operand_span, role)?;
        Ok((if count % 2 == 1 { wrap(Box::new(expr)) } else { expr }, wanted))
    }

    fn comparison(&self, pair: Pair<'_, Rule>, scope: Option<ListField>) -> Result<(Expr, Ty), ExprError> {
        let mut parts = pair.into_inner();
        let left = parts.next().ok_or_else(|| ExprError::new(0..0, "empty comparison"))?;
        let left_span = span(&left);
        let (left, left_ty) = self.expr(left, scope)?;
        let Some(op) = parts.next() else {
            return Ok((left, left_ty));
        };
        let right = parts
            .next()
            .ok_or_else(|| ExprError::new(span(&op), "a comparison needs a right-hand side"))?;
        let right_span = span(&right);
        let (right, right_ty) = self.expr(right, scope)?;
        for (ty, side_span) in [(left_ty, &left_span), (right_ty, &right_span)] {
            if let Ty::Elements(list) = ty {
                return Err(
                    ExprError::new(side_span.clone(), format!("`{}` is a list of elements", list.name()))
                        .help("use `any(…)`, `all(…)` or `count(…)`"),
                );
            }
        }
        match op.as_rule() {
            Rule::in_ | Rule::not_in => {
                if !matches!(right_ty, Ty::List | Ty::Any) {
                    return Err(ExprError::new(
                        right_span,
                        format!("`in` needs a list on its right, but this is {}", right_ty.name()),
                    )
                    .help("write a list, as in `trigger.kind in [single_case, press]`"));
                }
                let negated = op.as_rule() == Rule::not_in;
                Ok((
                    Expr::In {
                        item: Box::new(left),
                        list: Box::new(right),
                        negated,
                    },
                    Ty::Bool,
                ))
            }
            _ => {
                let compare = match op.as_str() {
                    "==" => Compare::Eq,
                    "!=" => Compare::Ne,
                    "<" => Compare::Lt,
                    "<=" => Compare::Le,
                    ">" => Compare::Gt,
                    _ => Compare::Ge,
                };
                if !matches!(compare, Compare::Eq | Compare::Ne) {
                    expect(left_ty, Ty::Num, left_span, "each side of a `<`, `<=`, `>` or `>=`")?;
                    expect(right_ty, Ty::Num, right_span, "each side of a `<`, `<=`, `>` or `>=`")?;
                }
                Ok((Expr::Compare(compare, Box::new(left), Box::new(right)), Ty::Bool))
            }
        }
    }

    fn call(&self, pair: Pair<'_, Rule>, scope: Option<ListField>) -> Result<(Expr, Ty), ExprError> {
        let call_span = span(&pair);
        let mut parts = pair.into_inner();
        let name = parts
            .next()
            .ok_or_else(|| ExprError::new(call_span.clone(), "empty call"))?;
        let args: Vec<Pair<'_, Rule>> = parts.collect();
        let arity = |n: usize| -> Result<(), ExprError> {
            if args.len() == n {
                Ok(())
            } else {
                Err(ExprError::new(
                    call_span.clone(),
                    format!(
                        "`{}` takes {n} argument{}, not {}",
                        name.as_str(),
                        if n == 1 { "" } else { "s" },
                        args.len()
                    ),
                ))
            }
        };
        match name.as_str() {
            "exists" => {
                arity(1)?;
                let (expr, _) = self.expr(args[0].clone(), scope)?;
                Ok((Expr::Exists(Box::new(expr)), Ty::Bool))
            }
            "count" => {
                arity(1)?;
                let (expr, ty) = self.expr(args[0].clone(), scope)?;
                if !matches!(ty, Ty::List | Ty::Elements(_) | Ty::Any) {
                    return Err(ExprError::new(
                        span(&args[0]),
                        format!("`count` needs a list, but this is {}", ty.name()),
                    ));
                }
                Ok((Expr::Count(Box::new(expr)), Ty::Num))
            }
            "any" | "all" => {
                arity(2)?;
                let list_span = span(&args[0]);
                let (_, ty) = self.expr(args[0].clone(), scope)?;
                let Ty::Elements(list) = ty else {
                    let lists: Vec<&str> = ListField::ALL.iter().map(|l| l.name()).collect();
                    return Err(ExprError::new(
                        list_span,
                        format!(
                            "`{}` needs a list of elements, but this is {}",
                            name.as_str(),
                            ty.name()
                        ),
                    )
                    .help(format!(
                        "the lists are {}; for a list of words use `in`",
                        lists.join(", ")
                    )));
                };
                let condition_span = span(&args[1]);
                let (condition, condition_ty) = self.expr(args[1].clone(), Some(list))?;
                expect(condition_ty, Ty::Bool, condition_span, "the condition")?;
                let expr = if name.as_str() == "any" {
                    Expr::Any(list, Box::new(condition))
                } else {
                    Expr::All(list, Box::new(condition))
                };
                Ok((expr, Ty::Bool))
            }
            other => {
                let help = match model::suggest(other, FUNCTIONS) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "the functions are exists, count, any and all".to_owned(),
                };
                Err(ExprError::new(span(&name), format!("unknown function `{other}`")).help(help))
            }
        }
    }

    /// `$name`, `$table.key` or `$table[expr]`.
    fn param(
        &self,
        pair: Pair<'_, Rule>,
        indexes: Vec<Pair<'_, Rule>>,
        scope: Option<ListField>,
    ) -> Result<(Expr, Ty), ExprError> {
        let param_span = span(&pair);
        let mut names = pair.as_str()[1..].split('.');
        let first = names.next().unwrap_or_default();
        let Some(mut value) = self.params.get(first) else {
            let help = match model::suggest(first, self.params.names()) {
                Some(s) => format!("did you mean `${s}`?"),
                None => format!(
                    "the parameters are: {}",
                    self.params
                        .names()
                        .map(|n| format!("${n}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            return Err(ExprError::new(param_span, format!("unknown parameter `${first}`")).help(help));
        };
        for name in names {
            value = match value {
                ParamValue::Table(table) => table.get(name).ok_or_else(|| {
                    ExprError::new(
                        param_span.clone(),
                        format!("parameter table `${first}` has no `{name}`"),
                    )
                    .help(format!(
                        "its keys are: {}",
                        table.keys().cloned().collect::<Vec<_>>().join(", ")
                    ))
                })?,
                _ => return Err(ExprError::new(param_span.clone(), format!("`${first}` is not a table"))),
            };
        }
        let mut indexes = indexes.into_iter();
        let Some(index) = indexes.next() else {
            return Ok(constant(value));
        };
        let ParamValue::Table(table) = value else {
            return Err(ExprError::new(
                span(&index),
                format!("`{}` is not a table and cannot be indexed", pair.as_str()),
            ));
        };
        if let Some(extra) = indexes.next() {
            return Err(ExprError::new(span(&extra), "only one `[…]` is allowed"));
        }
        let key = index
            .into_inner()
            .next()
            .ok_or_else(|| ExprError::new(param_span.clone(), "empty index"))?;
        let (key, _) = self.expr(key, scope)?;
        Ok((Expr::Lookup(Arc::clone(table), Box::new(key)), Ty::Any))
    }

    /// A field of the scope or the requirement, or an enumerated word.
    fn path(&self, pair: &Pair<'_, Rule>, scope: Option<ListField>) -> Result<(Expr, Ty), ExprError> {
        let name = pair.as_str();
        if let Some((field, ty)) = fields::lookup(scope, name) {
            return Ok((Expr::Field(field), ty));
        }
        if let Some(word) = words::known(name) {
            return Ok((Expr::Str(word.into()), Ty::Str));
        }
        let candidates = fields::names(scope).chain(words::all());
        let help = match model::suggest(name, candidates) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "see docs/rules.md for the fields and words".to_owned(),
        };
        Err(ExprError::new(span(pair), format!("unknown field or word `{name}`")).help(help))
    }
}

fn constant(value: &ParamValue) -> (Expr, Ty) {
    match value {
        ParamValue::Num(n) => (Expr::Num(*n), Ty::Num),
        ParamValue::Str(s) => (Expr::Str(s.clone()), Ty::Str),
        ParamValue::Table(table) => (Expr::TableValues(Arc::clone(table)), Ty::List),
    }
}
