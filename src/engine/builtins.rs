//! Corpus rules: checks that look across every requirement checked
//! together, configured by the ruleset (level, texts, parameters).
//!
//! A built-in works in two steps, so that a check of any number of files
//! keeps a few hundred bytes a requirement, never the requirement: it finds its findings in
//! [`Facts`] (each requirement's burden groups and manually collected data,
//! names interned), and writes each one's texts from the facts too: what
//! its rules' texts read of the requirement and the element (a burden
//! block's hours, a field a ruleset names) is kept, shown as the text shows
//! it, when the requirement is added. No file is read or parsed again.

use super::fields::{Context, Element, ListField, Value};
use super::params::ParamValue;
use super::template::{Template, MAX_FILLED_CHARS};
use super::{assemble, var, Rule, RuleKind, Ruleset, Written};
use crate::burden::Estimate;
use crate::diagnostics::{Diagnostic, Label, Lang, Message};
use crate::model::{DataMode, Requirement};
use crate::source::{FileId, Span};
use std::collections::HashMap;
use std::sync::Arc;

/// A built-in: what a ruleset names it by, the list whose elements it
/// reports on, the values its messages may name besides the fields (in the
/// order it provides them), its findings in the facts, and their texts.
pub struct Builtin {
    pub name: &'static str,
    pub scope: ListField,
    pub vars: &'static [&'static str],
    find: fn(&Ruleset, &Facts, &Counts<'_>) -> Vec<Finding>,
    write: fn(&Writing<'_>, &Finding) -> Option<Diagnostic>,
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

    /// The diagnostic of `finding` of `rule` (one of this built-in's), its
    /// texts in `lang` written from `facts`, as [`Facts::add`] kept them
    /// with the same ruleset and language.
    pub fn write(
        &self,
        rule: &Rule,
        ruleset: &Ruleset,
        facts: &Facts,
        finding: &Finding,
        lang: Lang,
    ) -> Option<Diagnostic> {
        let writing = Writing {
            rule,
            ruleset,
            builtin: self,
            facts,
            lang,
        };
        (self.write)(&writing, finding)
    }
}

/// Whether `rule` is a built-in's that reports on elements of `scope`.
fn reports_on(rule: &Rule, scope: ListField) -> bool {
    matches!(rule.kind, RuleKind::Builtin(builtin) if builtin.scope == scope)
}

/// What a built-in's finding is written with.
struct Writing<'w> {
    rule: &'w Rule,
    ruleset: &'w Ruleset,
    builtin: &'w Builtin,
    facts: &'w Facts,
    lang: Lang,
}

/// What the built-ins need of the requirements checked together, a few
/// dozen bytes a requirement: requirements are numbered in the order
/// added.
#[derive(Debug, Default)]
pub struct Facts {
    requirements: Vec<RequirementFact>,
    blocks: Vec<BlockFact>,
    data: Vec<DataFact>,
    /// Burden groups and data names, without case, each stored once, and
    /// with them the labels and names as written: mostly the same text.
    groups: Interner,
    names: Interner,
    /// What the built-in rules' texts read (see [`Facts::keep`]), each
    /// stored once.
    texts: Interner,
    /// The texts (by number) the built-in rules' templates read of each
    /// element, element after element: of a burden block, those of the
    /// rules on burdens, of a data item those of the rules on data, rule
    /// by rule in the ruleset's order.
    kept: Vec<u32>,
    /// Where each requirement writes the keys a built-in rule's secondary
    /// label names (none where it does not), requirement after requirement.
    spans: Vec<Option<Span>>,
}

/// A requirement: its file, its name (its id whole, else its title cut as
/// a message cuts it), the language of its keywords (its findings' help
/// names keywords in it) and where its spans start in [`Facts::spans`].
#[derive(Debug)]
struct RequirementFact {
    file: FileId,
    name: Arc<str>,
    has_id: bool,
    keywords: Lang,
    spans: u32,
}

/// A burden block: its requirement, its group, its label as written
/// (interned with the groups), where its label is, where its kept texts start, and its hours
/// per person a year when it has figures.
#[derive(Debug, Clone, Copy)]
struct BlockFact {
    requirement: u32,
    group: u32,
    label: u32,
    kept: u32,
    span: Span,
    hours_per_person: Option<f64>,
}

/// A data item typed in by hand: its requirement, its name without case
/// and as written (both interned with the names), where its kept texts start, and where it is
/// written.
#[derive(Debug, Clone, Copy)]
struct DataFact {
    requirement: u32,
    name: u32,
    written: u32,
    kept: u32,
    span: Span,
}

/// Texts stored once, each known by its number: one after the other in
/// one string and found again by their hash, so that a text costs its
/// bytes and a few more (a shared string and a map keyed by the text
/// itself cost some 80 bytes a text besides).
#[derive(Debug, Default)]
struct Interner {
    all: String,
    /// Where each text ends in `all`; it starts where the one before ends.
    ends: Vec<usize>,
    /// The text with each hash; one with the hash of another is in `collided`.
    by_hash: HashMap<u64, u32>,
    collided: HashMap<Box<str>, u32>,
}

impl Interner {
    fn number(&mut self, text: &str) -> u32 {
        let hash = xxhash_rust::xxh3::xxh3_64(text.as_bytes());
        match self.by_hash.get(&hash) {
            Some(&n) if self.text(n) == text => n,
            Some(_) => match self.collided.get(text) {
                Some(&n) => n,
                None => {
                    let n = self.push(text);
                    self.collided.insert(text.into(), n);
                    n
                }
            },
            None => {
                let n = self.push(text);
                self.by_hash.insert(hash, n);
                n
            }
        }
    }

    fn push(&mut self, text: &str) -> u32 {
        self.all.push_str(text);
        self.ends.push(self.all.len());
        (self.ends.len() - 1) as u32
    }

    fn text(&self, number: u32) -> &str {
        let number = number as usize;
        let Some(&end) = self.ends.get(number) else {
            return "";
        };
        let start = number.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.all[start..end]
    }

    fn len(&self) -> usize {
        self.ends.len()
    }
}

/// `text` cut where a message would cut it (and one character more, so
/// the cut and its ellipsis stay where they were).
fn cut(text: &str) -> &str {
    match text.char_indices().nth(MAX_FILLED_CHARS + 1) {
        Some((cut, _)) => &text[..cut],
        None => text,
    }
}

/// The texts of a built-in rule in `lang`, in the order their kept values
/// are: message, label, help, then each secondary label.
fn texts(rule: &Rule, lang: Lang) -> impl Iterator<Item = &Template> {
    [&rule.message, &rule.label.text, &rule.help]
        .into_iter()
        .chain(rule.secondary.iter().map(|spec| &spec.text))
        .map(move |text| text.in_lang(lang))
}

impl Facts {
    /// Adds what the built-ins of `ruleset` read of `requirement`, their
    /// texts shown in `lang`; returns its number.
    pub fn add(&mut self, requirement: &Requirement, estimate: &Estimate, ruleset: &Ruleset, lang: Lang) -> usize {
        let number = self.requirements.len();
        let n = number as u32;
        let spans = self.spans.len() as u32;
        for rule in ruleset
            .rules
            .iter()
            .filter(|rule| matches!(rule.kind, RuleKind::Builtin(_)))
        {
            self.spans.extend(rule.secondary.iter().filter_map(|spec| {
                let key = spec.key?;
                Some(requirement.entry_span(key).map(|_| requirement.label_span(key)))
            }));
        }
        self.requirements.push(RequirementFact {
            file: requirement.file,
            name: requirement.id().unwrap_or_else(|| cut(&requirement.title.value)).into(),
            has_id: requirement.id.is_some(),
            keywords: requirement.keywords,
            spans,
        });
        let cx = Context {
            requirement,
            estimate,
            cost: &ruleset.cost,
            element: None,
            vars: &[],
            today: None,
        };
        for (b, burden) in requirement.burdens.iter().enumerate() {
            let figures = estimate.blocks.get(b).and_then(Option::as_ref);
            let element = cx.with(Element::Burden(burden, figures));
            let kept = self.keep(&ruleset.rules, ListField::Burdens, &element, lang);
            self.blocks.push(BlockFact {
                requirement: n,
                group: self.groups.number(&burden.label.value.to_lowercase()),
                label: self.groups.number(cut(&burden.label.value)),
                kept,
                span: burden.label.span,
                hours_per_person: figures.map(|f| f.hours_per_person_year),
            });
        }
        for item in requirement.data.iter().filter(|item| item.has(DataMode::Manual)) {
            let kept = self.keep(&ruleset.rules, ListField::Data, &cx.with(Element::Data(item)), lang);
            self.data.push(DataFact {
                requirement: n,
                name: self.names.number(&item.name.value.to_lowercase()),
                written: self.names.number(cut(&item.name.value)),
                kept,
                span: item.span,
            });
        }
        number
    }

    /// Keeps what the texts of those of `rules` that are built-ins
    /// reporting on elements of `scope` read of the element in `cx`; returns where it
    /// starts in [`Facts::kept`].
    fn keep(&mut self, rules: &[Rule], scope: ListField, cx: &Context<'_>, lang: Lang) -> u32 {
        let start = self.kept.len() as u32;
        for rule in rules.iter().filter(|rule| reports_on(rule, scope)) {
            for template in texts(rule, lang) {
                template.keep(cx, lang, &mut |shown| {
                    let n = self.texts.number(&shown);
                    self.kept.push(n);
                });
            }
        }
        start
    }

    /// The file of requirement `number`.
    pub fn file(&self, number: usize) -> Option<FileId> {
        self.requirements.get(number).map(|r| r.file)
    }

    /// The id of requirement `number`, if it has one.
    pub fn id(&self, number: usize) -> Option<&str> {
        let requirement = self.requirements.get(number)?;
        requirement.has_id.then_some(&*requirement.name)
    }
}

/// One finding of a built-in, before its texts are written: the
/// requirement (by number) and element (by its number among the facts'
/// blocks or data items) it is about, and the figures and other
/// requirement its texts name.
#[derive(Debug, Clone)]
pub struct Finding {
    pub requirement: usize,
    element: usize,
    figures: [f64; 2],
    /// The requirement and element a secondary label points to.
    other: Option<(usize, Span)>,
}

impl Writing<'_> {
    /// The rule's diagnostic about an element of requirement `number`, at
    /// `primary`, its texts written from the element's kept texts (from
    /// `kept`) and `vars`; with a label at `other` when given, worded as
    /// the first secondary label.
    fn diagnostic(
        &self,
        number: usize,
        kept: u32,
        primary: Span,
        vars: &[Value<'_>],
        other: Option<(FileId, Span)>,
    ) -> Option<Diagnostic> {
        let Writing {
            rule,
            ruleset,
            builtin,
            facts,
            lang,
        } = *self;
        let requirement = facts.requirements.get(number)?;
        // This rule's texts come after those of the built-in rules before
        // it on the same list; its spans after those of every built-in rule
        // before it.
        let before = ruleset.rules.iter().take_while(|r| !std::ptr::eq(*r, rule));
        let (mut at, mut spans) = (kept as usize, requirement.spans as usize);
        for other_rule in before.filter(|r| matches!(r.kind, RuleKind::Builtin(_))) {
            if reports_on(other_rule, builtin.scope) {
                at += texts(other_rule, lang).map(Template::kept_count).sum::<usize>();
            }
            spans += other_rule.secondary.iter().filter(|spec| spec.key.is_some()).count();
        }
        let mut rendered = texts(rule, lang).map(|template| {
            let count = template.kept_count();
            let kept: Vec<&str> = facts
                .kept
                .get(at..at + count)
                .unwrap_or_default()
                .iter()
                .map(|&t| facts.texts.text(t))
                .collect();
            at += count;
            template.render_kept(&kept, vars, lang)
        });
        let mut next = || rendered.next().unwrap_or_default();
        let (message, label, help) = (next(), next(), next());
        let secondary_texts: Vec<Message> = std::iter::from_fn(|| rendered.next()).collect();
        let mut secondary = Vec::new();
        for (spec, text) in rule.secondary.iter().zip(&secondary_texts) {
            if spec.key.is_some() {
                if let Some(Some(span)) = facts.spans.get(spans) {
                    secondary.push(Label {
                        file: requirement.file,
                        span: *span,
                        message: text.clone(),
                    });
                }
                spans += 1;
            }
        }
        if let (Some((file, span)), Some(text)) = (other, secondary_texts.into_iter().next()) {
            secondary.push(Label {
                file,
                span,
                message: text,
            });
        }
        let written = Written {
            message,
            label,
            help,
            secondary,
        };
        let id = requirement.has_id.then(|| requirement.name.clone());
        Some(assemble(
            rule,
            requirement.file,
            primary,
            written,
            requirement.keywords,
            id,
        ))
    }
}

/// TL301: hours per person per year on one group (labels compared without
/// case), summed over the requirements that burden it. Fires when two or
/// more requirements together exceed `$group_hours_per_person`, on each
/// contributing block; group by group, in the order of their names.
fn cumulative_burden(ruleset: &Ruleset, facts: &Facts, counts: &Counts<'_>) -> Vec<Finding> {
    let Some(ParamValue::Num(limit)) = ruleset.params.get("group_hours_per_person") else {
        return Vec::new();
    };
    let mut members: Vec<Vec<(usize, BlockFact)>> = vec![Vec::new(); facts.groups.len()];
    for (number, block) in facts.blocks.iter().enumerate() {
        if counts(block.requirement as usize) {
            members[block.group as usize].push((number, *block));
        }
    }
    let name = |group: usize| facts.groups.text(group as u32);
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by(|&a, &b| name(a).cmp(name(b)));
    let mut out = Vec::new();
    for group in order {
        let members = &members[group];
        let total: f64 = members.iter().filter_map(|(_, b)| b.hours_per_person).sum();
        let mut distinct: Vec<u32> = members.iter().map(|(_, b)| b.requirement).collect();
        distinct.dedup();
        if distinct.len() < 2 || total <= *limit {
            continue;
        }
        out.extend(members.iter().map(|&(number, b)| Finding {
            requirement: b.requirement as usize,
            element: number,
            figures: [total, distinct.len() as f64],
            other: None,
        }));
    }
    out
}

fn write_cumulative_burden(writing: &Writing<'_>, finding: &Finding) -> Option<Diagnostic> {
    let block = writing.facts.blocks.get(finding.element)?;
    let [total, requirements] = finding.figures;
    let vars = [
        var(writing.facts.groups.text(block.label)),
        var(total),
        var(requirements),
    ];
    writing.diagnostic(finding.requirement, block.kept, block.span, &vars, None)
}

fn write_duplicate_data(writing: &Writing<'_>, finding: &Finding) -> Option<Diagnostic> {
    let facts = writing.facts;
    let item = facts.data.get(finding.element)?;
    let (other, other_span) = finding.other?;
    let other = facts.requirements.get(other)?;
    let vars = [var(facts.names.text(item.written)), var(&*other.name)];
    writing.diagnostic(
        finding.requirement,
        item.kept,
        item.span,
        &vars,
        Some((other.file, other_span)),
    )
}

/// TL302: the same data item (without case) collected by hand in two or
/// more requirements; reported at each later one, with a label at the first.
fn duplicate_data(_: &Ruleset, facts: &Facts, counts: &Counts<'_>) -> Vec<Finding> {
    let mut first: Vec<Option<&DataFact>> = vec![None; facts.names.len()];
    let mut out = Vec::new();
    for (number, item) in facts.data.iter().enumerate() {
        if !counts(item.requirement as usize) {
            continue;
        }
        let Some(original) = first[item.name as usize] else {
            first[item.name as usize] = Some(item);
            continue;
        };
        if original.requirement == item.requirement {
            continue;
        }
        out.push(Finding {
            requirement: item.requirement as usize,
            element: number,
            figures: [0.0; 2],
            other: Some((original.requirement as usize, original.span)),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Interner;

    #[test]
    fn a_text_keeps_its_number_and_a_hash_shared_by_two_texts_keeps_them_apart() {
        let mut interner = Interner::default();
        let (a, empty, b) = (interner.number("a"), interner.number(""), interner.number("bc"));
        assert_eq!(
            (interner.number("a"), interner.number(""), interner.number("bc")),
            (a, empty, b)
        );
        assert_eq!(
            [interner.text(a), interner.text(empty), interner.text(b)],
            ["a", "", "bc"]
        );
        // "d" given the hash "a" has: still a text of its own, found again.
        interner.by_hash.insert(xxhash_rust::xxh3::xxh3_64(b"d"), a);
        let d = interner.number("d");
        assert_ne!(d, a);
        assert_eq!(
            (interner.number("d"), interner.text(d), interner.text(a)),
            (d, "d", "a")
        );
        assert_eq!(interner.len(), 4);
        assert_eq!(interner.text(99), "");
    }
}
