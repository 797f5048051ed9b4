//! Pest pairs → a typed [`Expr`]: every name resolved (a field of the
//! scope or the requirement, a `$parameter`, an enumerated word) and every
//! operand's type checked, so that evaluation cannot meet a surprise.

use super::parse::{parse, Rule};
use super::{words, Arith, Compare, Expr, ExprError};
use crate::diagnostics::{messages as m, Lang, Text};
use crate::engine::fields::{self, ListField, Ty};
use crate::engine::params::{ParamValue, Params};
use crate::model;
use pest::iterators::Pair;
use std::ops::Range;
use std::sync::Arc;

/// The functions a condition can call.
pub const FUNCTIONS: [&str; 4] = ["exists", "count", "any", "all"];

/// Compiles a condition, which must be a boolean, evaluated in `scope`
/// (an element list for `each` rules, `None` for the requirement). An
/// error is said in `lang`.
pub fn compile_condition(text: &str, params: &Params, scope: Option<ListField>, lang: Lang) -> Result<Expr, ExprError> {
    let (expr, ty) = compile(text, params, scope, lang)?;
    if !matches!(ty, Ty::Bool | Ty::Any) {
        return Err(ExprError::new(
            0..text.len(),
            m::CONDITION_NOT_BOOLEAN.fill(lang, &[("type", ty.name().get(lang))]),
        )
        .help(m::CONDITION_NOT_BOOLEAN_HELP.get(lang)));
    }
    Ok(expr)
}

/// Compiles an expression of any type but a list of elements.
pub fn compile_value(text: &str, params: &Params, scope: Option<ListField>, lang: Lang) -> Result<Expr, ExprError> {
    let (expr, ty) = compile(text, params, scope, lang)?;
    if let Ty::Elements(list) = ty {
        return Err(ExprError::new(
            0..text.len(),
            m::ELEMENTS_NOT_SHOWN.fill(lang, &[("list", list.name())]),
        )
        .help(m::ELEMENTS_NOT_SHOWN_HELP.get(lang)));
    }
    Ok(expr)
}

fn compile(text: &str, params: &Params, scope: Option<ListField>, lang: Lang) -> Result<(Expr, Ty), ExprError> {
    let expr = parse(text, lang)?;
    let (expr, ty) = Compiler { params, lang }.expr(expr, scope)?;
    // Refused when compiled, so no requirement can make it slow later.
    let allowed = super::cost::allowed(scope.is_some());
    if super::cost::degree(&expr) > allowed {
        let why = match scope {
            Some(list) => m::QUADRATIC_EACH.fill(lang, &[("list", list.name())]),
            None => m::QUADRATIC_NESTED.get(lang).to_owned(),
        };
        return Err(
            ExprError::new(0..text.len(), m::QUADRATIC.fill(lang, &[("why", &why)])).help(m::QUADRATIC_HELP.get(lang))
        );
    }
    Ok((expr, ty))
}

struct Compiler<'p> {
    params: &'p Params,
    /// The language errors are said in.
    lang: Lang,
}

/// Where a pair was written, without the whitespace pest lets a pair
/// that ends in an optional repetition take after it.
fn span(pair: &Pair<'_, Rule>) -> Range<usize> {
    let start = pair.as_span().start();
    start..start + pair.as_str().trim_end().len()
}

impl Compiler<'_> {
    /// That a value of type `ty` in `role` (a text of the messages) is `wanted`.
    fn expect(&self, ty: Ty, wanted: Ty, span: Range<usize>, role: Text) -> Result<(), ExprError> {
        if ty == wanted || ty == Ty::Any {
            return Ok(());
        }
        let lang = self.lang;
        Err(ExprError::new(
            span,
            m::MUST_BE.fill(
                lang,
                &[
                    ("role", role.get(lang)),
                    ("wanted", wanted.name().get(lang)),
                    ("type", ty.name().get(lang)),
                ],
            ),
        ))
    }

    fn empty(&self, span: Range<usize>) -> ExprError {
        ExprError::new(span, m::EMPTY_EXPRESSION.get(self.lang))
    }

    fn expr(&self, pair: Pair<'_, Rule>, scope: Option<ListField>) -> Result<(Expr, Ty), ExprError> {
        match pair.as_rule() {
            Rule::expr => {
                let inner = pair.into_inner().next().ok_or_else(|| self.empty(0..0))?;
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
                let role = if is_or { m::ROLE_OR } else { m::ROLE_AND };
                let mut exprs = Vec::with_capacity(operands.len());
                for (expr, ty, operand_span) in operands {
                    self.expect(ty, Ty::Bool, operand_span, role)?;
                    exprs.push(expr);
                }
                Ok((if is_or { Expr::Or(exprs) } else { Expr::And(exprs) }, Ty::Bool))
            }
            Rule::negation => self.prefixed(pair, scope, Rule::not, Ty::Bool, m::ROLE_NOT, Expr::Not),
            Rule::comparison => self.comparison(pair, scope),
            Rule::sum | Rule::product => {
                let mut parts = pair.into_inner();
                let first = parts.next().ok_or_else(|| self.empty(0..0))?;
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
                        .ok_or_else(|| ExprError::new(0..0, m::RIGHT_SIDE_MISSING.get(self.lang)))?;
                    let operand_span = span(&operand);
                    let (expr, ty) = self.expr(operand, scope)?;
                    self.expect(ty, Ty::Num, operand_span, m::ROLE_ARITHMETIC)?;
                    rest.push((op, expr));
                }
                if rest.is_empty() {
                    return Ok((head, head_ty));
                }
                self.expect(head_ty, Ty::Num, first_span, m::ROLE_ARITHMETIC)?;
                Ok((Expr::Arith(Box::new(head), rest), Ty::Num))
            }
            Rule::unary => self.prefixed(pair, scope, Rule::minus, Ty::Num, m::ROLE_MINUS, Expr::Neg),
            Rule::postfix => {
                let mut parts = pair.into_inner();
                let primary = parts.next().ok_or_else(|| self.empty(0..0))?;
                let indexes: Vec<Pair<'_, Rule>> = parts.collect();
                if indexes.is_empty() {
                    return self.expr(primary, scope);
                }
                if primary.as_rule() != Rule::param {
                    return Err(ExprError::new(span(&indexes[0]), m::ONLY_PARAM_INDEXED.get(self.lang)));
                }
                self.param(primary, indexes, scope)
            }
            Rule::number => {
                let value: f64 = pair
                    .as_str()
                    .parse()
                    .ok()
                    .filter(|n: &f64| n.is_finite())
                    .ok_or_else(|| ExprError::new(span(&pair), m::NOT_A_NUMBER.get(self.lang)))?;
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
                        return Err(ExprError::new(item_span, m::LIST_IN_LIST.get(self.lang)));
                    }
                    items.push(expr);
                }
                Ok((Expr::List(items), Ty::List))
            }
            Rule::call => self.call(pair, scope),
            Rule::param => self.param(pair, Vec::new(), scope),
            Rule::path => self.path(&pair, scope),
            _ => Err(ExprError::new(
                span(&pair),
                m::NOT_EXPECTED_IN_EXPRESSION.get(self.lang),
            )),
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
        role: Text,
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
        let operand = operand.ok_or_else(|| {
            ExprError::new(
                pair_span,
                m::MISSING_OPERAND.fill(self.lang, &[("role", role.get(self.lang))]),
            )
        })?;
        let operand_span = span(&operand);
        let (expr, ty) = self.expr(operand, scope)?;
        if count == 0 {
            return Ok((expr, ty));
        }
        self.expect(ty, wanted, operand_span, role)?;
        Ok((if count % 2 == 1 { wrap(Box::new(expr)) } else { expr }, wanted))
    }

    fn comparison(&self, pair: Pair<'_, Rule>, scope: Option<ListField>) -> Result<(Expr, Ty), ExprError> {
        let mut parts = pair.into_inner();
        let left = parts.next().ok_or_else(|| self.empty(0..0))?;
        let left_span = span(&left);
        let (left, left_ty) = self.expr(left, scope)?;
        let Some(op) = parts.next() else {
            return Ok((left, left_ty));
        };
        let right = parts
            .next()
            .ok_or_else(|| ExprError::new(span(&op), m::COMPARISON_RIGHT_SIDE_MISSING.get(self.lang)))?;
        let right_span = span(&right);
        let (right, right_ty) = self.expr(right, scope)?;
        for (ty, side_span) in [(left_ty, &left_span), (right_ty, &right_span)] {
            if let Ty::Elements(list) = ty {
                return Err(ExprError::new(
                    side_span.clone(),
                    m::ELEMENTS_COMPARED.fill(self.lang, &[("list", list.name())]),
                )
                .help(m::ELEMENTS_COMPARED_HELP.get(self.lang)));
            }
        }
        match op.as_rule() {
            Rule::in_ | Rule::not_in => {
                if !matches!(right_ty, Ty::List | Ty::Any) {
                    return Err(ExprError::new(
                        right_span,
                        m::IN_NEEDS_LIST.fill(self.lang, &[("type", right_ty.name().get(self.lang))]),
                    )
                    .help(m::IN_NEEDS_LIST_HELP.get(self.lang)));
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
                    self.expect(left_ty, Ty::Num, left_span, m::ROLE_ORDER)?;
                    self.expect(right_ty, Ty::Num, right_span, m::ROLE_ORDER)?;
                }
                Ok((Expr::Compare(compare, Box::new(left), Box::new(right)), Ty::Bool))
            }
        }
    }

    fn call(&self, pair: Pair<'_, Rule>, scope: Option<ListField>) -> Result<(Expr, Ty), ExprError> {
        let call_span = span(&pair);
        let mut parts = pair.into_inner();
        let name = parts.next().ok_or_else(|| self.empty(call_span.clone()))?;
        let args: Vec<Pair<'_, Rule>> = parts.collect();
        let arity = |n: usize| -> Result<(), ExprError> {
            if args.len() == n {
                Ok(())
            } else {
                Err(ExprError::new(
                    call_span.clone(),
                    m::ARITY.fill(
                        self.lang,
                        &[
                            ("name", name.as_str()),
                            ("n", &n.to_string()),
                            ("given", &args.len().to_string()),
                        ],
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
                        m::COUNT_NEEDS_LIST.fill(self.lang, &[("type", ty.name().get(self.lang))]),
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
                        m::NEEDS_ELEMENTS.fill(
                            self.lang,
                            &[("name", name.as_str()), ("type", ty.name().get(self.lang))],
                        ),
                    )
                    .help(m::NEEDS_ELEMENTS_HELP.fill(self.lang, &[("lists", &lists.join(", "))])));
                };
                let condition_span = span(&args[1]);
                let (condition, condition_ty) = self.expr(args[1].clone(), Some(list))?;
                self.expect(condition_ty, Ty::Bool, condition_span, m::ROLE_CONDITION)?;
                let expr = if name.as_str() == "any" {
                    Expr::Any(list, Box::new(condition))
                } else {
                    Expr::All(list, Box::new(condition))
                };
                Ok((expr, Ty::Bool))
            }
            other => {
                let help = match model::suggest(other, FUNCTIONS) {
                    Some(s) => m::DID_YOU_MEAN.fill(self.lang, &[("suggestion", s)]),
                    None => m::FUNCTIONS_HELP.get(self.lang).to_owned(),
                };
                Err(ExprError::new(span(&name), m::UNKNOWN_FUNCTION.fill(self.lang, &[("name", other)])).help(help))
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
                Some(s) => m::DID_YOU_MEAN.fill(self.lang, &[("suggestion", &format!("${s}"))]),
                None => {
                    let names: Vec<String> = self.params.names().map(|n| format!("${n}")).collect();
                    m::PARAMS_LIST.fill(self.lang, &[("names", &names.join(", "))])
                }
            };
            let message = m::UNKNOWN_PARAMETER.fill(self.lang, &[("name", &format!("${first}"))]);
            return Err(ExprError::new(param_span, message).help(help));
        };
        for name in names {
            value = match value {
                ParamValue::Table(table) => table.get(name).ok_or_else(|| {
                    ExprError::new(
                        param_span.clone(),
                        m::PARAM_HAS_NO.fill(self.lang, &[("name", &format!("${first}")), ("key", name)]),
                    )
                    .help(m::TABLE_KEYS.fill(
                        self.lang,
                        &[("keys", &table.keys().cloned().collect::<Vec<_>>().join(", "))],
                    ))
                })?,
                _ => {
                    return Err(ExprError::new(
                        param_span.clone(),
                        m::PARAM_NOT_A_TABLE.fill(self.lang, &[("name", &format!("${first}"))]),
                    ))
                }
            };
        }
        let mut indexes = indexes.into_iter();
        let Some(index) = indexes.next() else {
            return Ok(constant(value));
        };
        let ParamValue::Table(table) = value else {
            return Err(ExprError::new(
                span(&index),
                m::PARAM_NOT_A_TABLE.fill(self.lang, &[("name", pair.as_str())]),
            ));
        };
        if let Some(extra) = indexes.next() {
            return Err(ExprError::new(span(&extra), m::ONE_INDEX.get(self.lang)));
        }
        let key = index
            .into_inner()
            .next()
            .ok_or_else(|| self.empty(param_span.clone()))?;
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
            Some(s) => m::DID_YOU_MEAN.fill(self.lang, &[("suggestion", s)]),
            None => m::FIELDS_AND_WORDS_HELP.get(self.lang).to_owned(),
        };
        Err(ExprError::new(span(pair), m::UNKNOWN_FIELD_OR_WORD.fill(self.lang, &[("name", name)])).help(help))
    }
}

fn constant(value: &ParamValue) -> (Expr, Ty) {
    match value {
        ParamValue::Num(n) => (Expr::Num(*n), Ty::Num),
        ParamValue::Str(s) => (Expr::Str(s.clone()), Ty::Str),
        ParamValue::Table(table) => (Expr::TableValues(Arc::clone(table)), Ty::List),
    }
}
