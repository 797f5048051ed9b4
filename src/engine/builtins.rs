//! Corpus rules: checks that look across every requirement checked
//! together, configured by the ruleset (level, texts, parameters).

use super::fields::{Context, Element, ListField};
use super::params::ParamValue;
use super::{diagnostic, var, Judged, Rule, Ruleset};
use crate::diagnostics::{Diagnostic, Label, Lang};
use crate::model::DataMode;
use std::collections::BTreeMap;

/// A built-in: what a ruleset names it by, the list whose elements it
/// reports on, the values its messages may name besides the fields (in the
/// order it provides them), and the check itself.
pub struct Builtin {
    pub name: &'static str,
    pub scope: ListField,
    pub vars: &'static [&'static str],
    pub run: fn(&Rule, &Ruleset, &[Judged<'_>], Lang) -> Vec<Diagnostic>,
}

/// Shown by name, not by the address of its check: a ruleset's debug
/// form is the same in every run (the cache keys on it).
impl std::fmt::Debug for Builtin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Builtin")
            .field("name", &self.name)
            .field("scope", &self.scope)
            .field("vars", &self.vars)
            .finish_non_exhaustive()
    }
}

/// Every built-in.
pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "cumulative-burden",
        scope: ListField::Burdens,
        vars: &["group", "group_hours_per_person", "requirements"],
        run: cumulative_burden,
    },
    Builtin {
        name: "duplicate-data",
        scope: ListField::Data,
        vars: &["item", "other"],
        run: duplicate_data,
    },
];

/// The built-in a ruleset names.
pub fn find(name: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|builtin| builtin.name == name)
}

/// TL301: hours per person per year on one group (labels compared without
/// case), summed over the requirements that burden it. Fires when two or
/// more requirements together exceed `$group_hours_per_person`, on each
/// contributing block.
fn cumulative_burden(rule: &Rule, ruleset: &Ruleset, judged: &[Judged<'_>], lang: Lang) -> Vec<Diagnostic> {
    let Some(ParamValue::Num(limit)) = ruleset.params.get("group_hours_per_person") else {
        return Vec::new();
    };
    // group → (requirement index, block index)
    let mut groups: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (r, requirement) in judged.iter().map(|j| j.requirement).enumerate() {
        for (b, burden) in requirement.burdens.iter().enumerate() {
            groups
                .entry(burden.label.value.to_lowercase())
                .or_default()
                .push((r, b));
        }
    }
    let mut out = Vec::new();
    for members in groups.values() {
        let figures = |&(r, b): &(usize, usize)| judged[r].estimate.blocks.get(b).and_then(Option::as_ref);
        let total: f64 = members
            .iter()
            .filter_map(figures)
            .map(|f| f.hours_per_person_year)
            .sum();
        let mut distinct: Vec<usize> = members.iter().map(|(r, _)| *r).collect();
        distinct.dedup();
        if distinct.len() < 2 || total <= *limit {
            continue;
        }
        for member @ &(r, b) in members {
            let requirement = judged[r].requirement;
            let burden = &requirement.burdens[b];
            let vars = [var(burden.label.value.as_str()), var(total), var(distinct.len() as f64)];
            let cx = Context {
                requirement,
                estimate: judged[r].estimate,
                cost: &ruleset.cost,
                element: Some(Element::Burden(burden, figures(member))),
                vars: &vars,
                today: None,
            };
            out.push(diagnostic(
                rule,
                &cx,
                burden.label.span,
                requirement.id().map(Into::into),
                lang,
            ));
        }
    }
    out
}

/// TL302: the same data item (without case) collected by hand in two or
/// more requirements; reported at each later one, with a label at the first.
fn duplicate_data(rule: &Rule, ruleset: &Ruleset, judged: &[Judged<'_>], lang: Lang) -> Vec<Diagnostic> {
    let mut first: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut out = Vec::new();
    for (r, requirement) in judged.iter().map(|j| j.requirement).enumerate() {
        for (d, item) in requirement.data.iter().enumerate() {
            if !item.has(DataMode::Manual) {
                continue;
            }
            let name = item.name.value.to_lowercase();
            let Some(&(first_r, first_d)) = first.get(&name) else {
                first.insert(name, (r, d));
                continue;
            };
            if first_r == r {
                continue;
            }
            let original = judged[first_r].requirement;
            let vars = [var(item.name.value.as_str()), var(original.name())];
            let cx = Context {
                requirement,
                estimate: judged[r].estimate,
                cost: &ruleset.cost,
                element: Some(Element::Data(item)),
                vars: &vars,
                today: None,
            };
            let mut found = diagnostic(rule, &cx, item.span, requirement.id().map(Into::into), lang);
            if let Some(spec) = rule.secondary.first() {
                found.secondary.push(Label {
                    file: original.file,
                    span: original.data[first_d].span,
                    message: spec.text.in_lang(lang).render_message(&cx, lang),
                });
            }
            out.push(found);
        }
    }
    out
}
