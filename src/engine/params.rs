//! Ruleset parameters (`[params]`): numbers, words and tables of them,
//! overridable from the config. The cost model of the burden estimate is
//! read from them too.

use crate::burden::CostModel;
use crate::diagnostics::{messages as m, Lang};
use crate::model::{FrequencyWord, Keyword};
use std::collections::BTreeMap;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq)]
pub enum ParamValue {
    Num(f64),
    // Shared, not copied, by every expression that names them: a ruleset
    // that names a large table many times stays its own size in memory.
    Str(Arc<str>),
    Table(Arc<BTreeMap<String, ParamValue>>),
}

impl ParamValue {
    /// From a TOML value; booleans, arrays and dates are not parameters
    /// (the error says so in `lang`).
    pub fn from_toml(value: &toml::Value, lang: Lang) -> Result<ParamValue, String> {
        match value {
            toml::Value::Integer(n) => Ok(ParamValue::Num(*n as f64)),
            toml::Value::Float(n) if n.is_finite() => Ok(ParamValue::Num(*n)),
            toml::Value::String(s) => Ok(ParamValue::Str(s.as_str().into())),
            toml::Value::Table(table) => table
                .iter()
                .map(|(k, v)| Ok((k.clone(), ParamValue::from_toml(v, lang)?)))
                .collect::<Result<_, String>>()
                .map(|table| ParamValue::Table(Arc::new(table))),
            other => {
                let kind = match other {
                    toml::Value::Boolean(_) => m::KIND_BOOLEAN,
                    toml::Value::Array(_) => m::KIND_LIST,
                    toml::Value::Datetime(_) => m::KIND_DATE,
                    _ => m::KIND_NOT_FINITE,
                };
                Err(m::PARAM_OF_KIND.fill(lang, &[("kind", kind.get(lang))]))
            }
        }
    }

    fn kind(&self, lang: Lang) -> &'static str {
        match self {
            ParamValue::Num(_) => m::WHAT_NUMBER.get(lang),
            ParamValue::Str(_) => m::KIND_WORD.get(lang),
            ParamValue::Table(_) => m::KIND_TABLE.get(lang),
        }
    }
}

/// Bounds of the cost model, so that no ruleset or config can make an
/// estimate infinite: a full-time equivalent works at most every hour of a
/// (leap) year, a thing happens at most once a minute, and an hour costs at
/// most a million kroner.
const HOURS_A_YEAR: f64 = 8_784.0;
const MINUTES_A_YEAR: f64 = 527_040.0;
const MAX_HOURLY_COST_DKK: f64 = 1_000_000.0;

/// A number as a ruleset would write it: `1e300`, not three hundred zeros.
fn written(n: f64) -> String {
    if n == 0.0 || (1e-6..1e15).contains(&n.abs()) {
        n.to_string()
    } else {
        format!("{n:e}")
    }
}

/// The parameters of a ruleset, by name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params(BTreeMap<String, ParamValue>);

impl Params {
    pub fn new(values: BTreeMap<String, ParamValue>) -> Self {
        Params(values)
    }

    pub fn get(&self, name: &str) -> Option<&ParamValue> {
        self.0.get(name)
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// A number of the cost model, within `range`: the figures computed
    /// from it then stay finite whatever the requirements hold.
    fn num(&self, name: &str, range: std::ops::RangeInclusive<f64>, lang: Lang) -> Result<Option<f64>, String> {
        match self.0.get(name) {
            None => Ok(None),
            Some(ParamValue::Num(n)) if range.contains(n) => Ok(Some(*n)),
            Some(ParamValue::Num(n)) => Err(m::PARAM_RANGE.fill(
                lang,
                &[
                    ("name", name),
                    ("min", &range.start().to_string()),
                    ("max", &range.end().to_string()),
                    ("value", &written(*n)),
                ],
            )),
            Some(other) => Err(must_be_a_number(name, other, lang)),
        }
    }

    /// Overrides one parameter (`a` or `a.b` for a table entry). The name
    /// must exist and the new value must be of the same kind; a figure of
    /// the cost model keeps its bounds. An error is said in `lang`.
    pub fn set(&mut self, path: &str, value: ParamValue, lang: Lang) -> Result<(), String> {
        let valid_before = self.cost_model(lang).is_ok();
        let slot = self.slot(path, lang)?;
        if std::mem::discriminant(slot) != std::mem::discriminant(&value) {
            return Err(m::PARAM_KIND.fill(
                lang,
                &[("name", path), ("kind", slot.kind(lang)), ("other", value.kind(lang))],
            ));
        }
        let old = std::mem::replace(slot, value);
        if valid_before {
            if let Err(message) = self.cost_model(lang) {
                *self.slot(path, lang)? = old;
                return Err(message);
            }
        }
        Ok(())
    }

    fn slot(&mut self, path: &str, lang: Lang) -> Result<&mut ParamValue, String> {
        let mut parts = path.split('.');
        let first = parts.next().unwrap_or_default();
        let mut slot = self
            .0
            .get_mut(first)
            .ok_or_else(|| m::UNKNOWN_PARAM.fill(lang, &[("name", first)]))?;
        for part in parts {
            slot = match slot {
                ParamValue::Table(table) => Arc::make_mut(table)
                    .get_mut(part)
                    .ok_or_else(|| m::PARAM_HAS_NO.fill(lang, &[("name", first), ("key", part)]))?,
                _ => return Err(m::PARAM_NOT_A_TABLE.fill(lang, &[("name", first)])),
            };
        }
        Ok(slot)
    }

    /// The cost model: `hours_per_fte`, `hourly_cost_dkk` and the
    /// `occurrences` table, each defaulting to the figures of docs/language.md.
    /// An error is said in `lang`.
    pub fn cost_model(&self, lang: Lang) -> Result<CostModel, String> {
        let mut model = CostModel::default();
        if let Some(n) = self.num("hours_per_fte", 1.0..=HOURS_A_YEAR, lang)? {
            model.hours_per_fte = n;
        }
        if let Some(n) = self.num("hourly_cost_dkk", 0.0..=MAX_HOURLY_COST_DKK, lang)? {
            model.hourly_cost_dkk = n;
        }
        match self.0.get("occurrences") {
            None => {}
            Some(ParamValue::Table(table)) => {
                for (name, value) in table.iter() {
                    let word = FrequencyWord::lookup(name)
                        .filter(|w| !w.counts_cases())
                        .ok_or_else(|| {
                            m::OCCURRENCES_NOT_FREQUENCY
                                .fill(lang, &[("name", name), ("list", &FrequencyWord::accepted())])
                        })?;
                    match value {
                        ParamValue::Num(n) if (0.0..=MINUTES_A_YEAR).contains(n) => {
                            model.occurrences.insert(word, *n);
                        }
                        ParamValue::Num(n) => {
                            return Err(m::OCCURRENCES_RANGE.fill(
                                lang,
                                &[
                                    ("name", name),
                                    ("max", &MINUTES_A_YEAR.to_string()),
                                    ("value", &written(*n)),
                                ],
                            ))
                        }
                        other => return Err(must_be_a_number(&format!("occurrences.{name}"), other, lang)),
                    }
                }
            }
            Some(other) => {
                return Err(m::PARAM_KIND.fill(
                    lang,
                    &[
                        ("name", "occurrences"),
                        ("kind", m::KIND_TABLE.get(lang)),
                        ("other", other.kind(lang)),
                    ],
                ))
            }
        }
        Ok(model)
    }
}

/// "`name` must be a number, not a word", in `lang`.
fn must_be_a_number(name: &str, value: &ParamValue, lang: Lang) -> String {
    m::PARAM_KIND.fill(
        lang,
        &[
            ("name", name),
            ("kind", m::WHAT_NUMBER.get(lang)),
            ("other", value.kind(lang)),
        ],
    )
}
