//! Corpus rules: checks that look across every requirement checked
//! together, configured by the ruleset (level, texts, parameters).
//!
//! A built-in works in two steps, so that a check of any number of files
//! keeps only a few dozen bytes a requirement: it finds its findings in
//! [`Facts`] (each requirement's burden groups and manually collected data,
//! names interned), and writes each one's texts from its requirement,
//! which the check builds again from its file for the purpose.

use super::fields::{Context, Element, ListField};
use super::params::ParamValue;
use super::template::MAX_FILLED_CHARS;
use super::{diagnostic, var, Judged, Rule, Ruleset};
use crate::burden::Estimate;
use crate::diagnostics::{Diagnostic, Label, Lang};
use crate::model::{DataMode, Requirement};
use crate::source::{FileId, Span};
use std::collections::HashMap;

/// A built-in: what a ruleset names it by, the list whose elements it
/// reports on, the values its messages may name besides the fields (in the
/// order it provides them), its findings in the facts, and their texts.
pub struct Builtin {
    pub name: &'static str,
    pub scope: ListField,
    pub vars: &'static [&'static str],
    find: fn(&Ruleset, &Facts, &Counts<'_>) -> Vec<Finding>,
    write: fn(&Rule, &Ruleset, &Facts, &Finding, Judged<'_>, Lang) -> Option<Diagnostic>,
}

/// Which requirements of the facts count (by number): what a proposal
/// replaces no longer does.
pub type Counts<'a> = dyn Fn(usize) -> bool + 'a;

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
        find: cumulative_burden,
        write: write_cumulative_burden,
    },
    Builtin {
        name: "duplicate-data",
        scope: ListField::Data,
        vars: &["item", "other"],
        find: duplicate_data,
        write: write_duplicate_data,
    },
];

/// The built-in a ruleset names.
pub fn find(name: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|builtin| builtin.name == name)
}

impl Builtin {
    /// The findings in `facts` of the requirements `counts` lets count, in
    /// the order they are written.
    pub fn findings(&self, ruleset: &Ruleset, facts: &Facts, counts: &Counts<'_>) -> Vec<Finding> {
        (self.find)(ruleset, facts, counts)
    }

    /// The diagnostic of `finding`, written from its requirement (`judged`,
    /// the requirement numbered `finding.requirement` in `facts`); none when
    /// the requirement no longer has the element (its file changed since).
    pub fn write(
        &self,
        rule: &Rule,
        ruleset: &Ruleset,
        facts: &Facts,
        finding: &Finding,
        judged: Judged<'_>,
        lang: Lang,
    ) -> Option<Diagnostic> {
        (self.write)(rule, ruleset, facts, finding, judged, lang)
    }
}

/// What the built-ins need of the requirements checked together, a few
/// dozen bytes a requirement: requirements are numbered in the order
/// added.
#[derive(Debug, Default)]
pub struct Facts {
    /// The file and the name (id or title, cut as a message would cut it)
    /// of each requirement.
    requirements: Vec<(FileId, Box<str>)>,
    blocks: Vec<BlockFact>,
    data: Vec<DataFact>,
    /// Burden groups and data names, without case, each stored once.
    groups: Interner,
    names: Interner,
}

/// A burden block: its requirement, its place among the requirement's
/// blocks, its group, and its hours per person a year when it has figures.
#[derive(Debug, Clone, Copy)]
struct BlockFact {
    requirement: u32,
    block: u32,
    group: u32,
    hours_per_person: Option<f64>,
}

/// A data item typed in by hand: its requirement, its place among the
/// requirement's items, its name and where it is written.
#[derive(Debug, Clone, Copy)]
struct DataFact {
    requirement: u32,
    item: u32,
    name: u32,
    span: Span,
}

/// Texts stored once, each known by its number.
#[derive(Debug, Default)]
struct Interner {
    numbers: HashMap<Box<str>, u32>,
}

impl Interner {
    fn number(&mut self, text: &str) -> u32 {
        if let Some(&n) = self.numbers.get(text) {
            return n;
        }
        let n = self.numbers.len() as u32;
        self.numbers.insert(text.into(), n);
        n
    }

    /// The texts, by number.
    fn texts(&self) -> Vec<&str> {
        let mut texts = vec![""; self.numbers.len()];
        for (text, &n) in &self.numbers {
            texts[n as usize] = text;
        }
        texts
    }
}

impl Facts {
    /// Adds what the built-ins read of `requirement`; returns its number.
    pub fn add(&mut self, requirement: &Requirement, estimate: &Estimate) -> usize {
        let number = self.requirements.len();
        let n = number as u32;
        // A message fills in at most MAX_FILLED_CHARS of a name: one more
        // keeps the cut (and its ellipsis) where it was.
        let name = requirement.name();
        let name = match name.char_indices().nth(MAX_FILLED_CHARS + 1) {
            Some((cut, _)) => &name[..cut],
            None => name,
        };
        self.requirements.push((requirement.file, name.into()));
        for (b, burden) in requirement.burdens.iter().enumerate() {
            let figures = estimate.blocks.get(b).and_then(Option::as_ref);
            self.blocks.push(BlockFact {
                requirement: n,
                block: b as u32,
                group: self.groups.number(&burden.label.value.to_lowercase()),
                hours_per_person: figures.map(|f| f.hours_per_person_year),
            });
        }
        for (d, item) in requirement.data.iter().enumerate() {
            if item.has(DataMode::Manual) {
                self.data.push(DataFact {
                    requirement: n,
                    item: d as u32,
                    name: self.names.number(&item.name.value.to_lowercase()),
                    span: item.span,
                });
            }
        }
        number
    }

    /// Adds every requirement of `other` after those here; returns the
    /// number the first of them has here.
    pub fn append(&mut self, other: Facts) -> usize {
        let offset = self.requirements.len() as u32;
        let groups = renumbering(&mut self.groups, &other.groups);
        let names = renumbering(&mut self.names, &other.names);
        self.requirements.extend(other.requirements);
        self.blocks.extend(other.blocks.into_iter().map(|b| BlockFact {
            requirement: b.requirement + offset,
            group: groups[b.group as usize],
            ..b
        }));
        self.data.extend(other.data.into_iter().map(|d| DataFact {
            requirement: d.requirement + offset,
            name: names[d.name as usize],
            ..d
        }));
        offset as usize
    }

    pub fn len(&self) -> usize {
        self.requirements.len()
    }

    pub fn is_empty(&self) -> bool {
        self.requirements.is_empty()
    }
}

/// The number each text of `other` has in `into` (added where missing).
fn renumbering(into: &mut Interner, other: &Interner) -> Vec<u32> {
    other.texts().into_iter().map(|text| into.number(text)).collect()
}

/// One finding of a built-in, before its texts are written: the
/// requirement (by number) and element it is about, and the figures and
/// other requirement its texts name.
#[derive(Debug, Clone)]
pub struct Finding {
    pub requirement: usize,
    element: usize,
    figures: [f64; 2],
    /// The requirement and element a secondary label points to.
    other: Option<(usize, Span)>,
}

/// TL301: hours per person per year on one group (labels compared without
/// case), summed over the requirements that burden it. Fires when two or
/// more requirements together exceed `$group_hours_per_person`, on each
/// contributing block; group by group, in the order of their names.
fn cumulative_burden(ruleset: &Ruleset, facts: &Facts, counts: &Counts<'_>) -> Vec<Finding> {
    let Some(ParamValue::Num(limit)) = ruleset.params.get("group_hours_per_person") else {
        return Vec::new();
    };
    let mut members: Vec<Vec<BlockFact>> = vec![Vec::new(); facts.groups.numbers.len()];
    for block in facts.blocks.iter().filter(|b| counts(b.requirement as usize)) {
        members[block.group as usize].push(*block);
    }
    let names = facts.groups.texts();
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by_key(|&g| names[g]);
    let mut out = Vec::new();
    for group in order {
        let members = &members[group];
        let total: f64 = members.iter().filter_map(|b| b.hours_per_person).sum();
        let mut distinct: Vec<u32> = members.iter().map(|b| b.requirement).collect();
        distinct.dedup();
        if distinct.len() < 2 || total <= *limit {
            continue;
        }
        out.extend(members.iter().map(|b| Finding {
            requirement: b.requirement as usize,
            element: b.block as usize,
            figures: [total, distinct.len() as f64],
            other: None,
        }));
    }
    out
}

fn write_cumulative_burden(
    rule: &Rule,
    ruleset: &Ruleset,
    _: &Facts,
    finding: &Finding,
    judged: Judged<'_>,
    lang: Lang,
) -> Option<Diagnostic> {
    let requirement = judged.requirement;
    let burden = requirement.burdens.get(finding.element)?;
    let figures = judged.estimate.blocks.get(finding.element).and_then(Option::as_ref);
    let [total, requirements] = finding.figures;
    let vars = [var(burden.label.value.as_str()), var(total), var(requirements)];
    let cx = Context {
        requirement,
        estimate: judged.estimate,
        cost: &ruleset.cost,
        element: Some(Element::Burden(burden, figures)),
        vars: &vars,
        today: None,
    };
    Some(diagnostic(
        rule,
        &cx,
        burden.label.span,
        requirement.id().map(Into::into),
        lang,
    ))
}

/// TL302: the same data item (without case) collected by hand in two or
/// more requirements; reported at each later one, with a label at the first.
fn duplicate_data(_: &Ruleset, facts: &Facts, counts: &Counts<'_>) -> Vec<Finding> {
    let mut first: Vec<Option<&DataFact>> = vec![None; facts.names.numbers.len()];
    let mut out = Vec::new();
    for item in facts.data.iter().filter(|d| counts(d.requirement as usize)) {
        let Some(original) = first[item.name as usize] else {
            first[item.name as usize] = Some(item);
            continue;
        };
        if original.requirement == item.requirement {
            continue;
        }
        out.push(Finding {
            requirement: item.requirement as usize,
            element: item.item as usize,
            figures: [0.0; 2],
            other: Some((original.requirement as usize, original.span)),
        });
    }
    out
}

fn write_duplicate_data(
    rule: &Rule,
    ruleset: &Ruleset,
    facts: &Facts,
    finding: &Finding,
    judged: Judged<'_>,
    lang: Lang,
) -> Option<Diagnostic> {
    let requirement = judged.requirement;
    let item = requirement.data.get(finding.element)?;
    let (other, other_span) = finding.other?;
    let (other_file, other_name) = facts.requirements.get(other)?;
    let vars = [var(item.name.value.as_str()), var(&**other_name)];
    let cx = Context {
        requirement,
        estimate: judged.estimate,
        cost: &ruleset.cost,
        element: Some(Element::Data(item)),
        vars: &vars,
        today: None,
    };
    let mut found = diagnostic(rule, &cx, item.span, requirement.id().map(Into::into), lang);
    if let Some(spec) = rule.secondary.first() {
        found.secondary.push(Label {
            file: *other_file,
            span: other_span,
            message: spec.text.in_lang(lang).render_message(&cx, lang),
        });
    }
    Some(found)
}
