//! Rulesets as data: the compiled types here, the TOML file as written in
//! [`format`], and the loader that turns one into the other in [`load`].

mod format;
mod load;

pub use load::{load, parse, Parsed};

use super::builtins::Builtin;
use super::expr::Expr;
use super::fields::ListField;
use super::params::Params;
use super::template::Template;
use crate::burden::CostModel;
use crate::diagnostics::{Entry, Registry, RuleRef, Text};
use crate::model::Key;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The ruleset compiled into the binary.
pub const DEFAULT_NAME: &str = "kodeks-for-tillid";
pub const DEFAULT_TEXT: &str = include_str!("../../../rulesets/kodeks-for-tillid.toml");

/// Whether `name` names a ruleset compiled into the binary.
pub fn is_built_in(name: &str) -> bool {
    name == DEFAULT_NAME
}

/// A compiled ruleset.
#[derive(Clone, Debug)]
pub struct Ruleset {
    pub name: String,
    pub version: String,
    pub params: Params,
    pub cost: CostModel,
    pub rules: Vec<Rule>,
    /// A passing requirement per language (`en`, `da`) that examples patch.
    pub example_bases: BTreeMap<String, String>,
}

impl Ruleset {
    /// Every code: the language checks, then this ruleset's rules.
    pub fn registry(&self) -> Registry {
        Registry::new(self.rules.iter().map(|rule| RuleRef::Shared(rule.entry.clone())))
    }

    /// The rule with exactly this code (as [`Registry::find`] gives it).
    pub fn rule(&self, code: &str) -> Option<&Rule> {
        self.rules.iter().find(|rule| rule.entry.code == code)
    }
}

/// One rule.
#[derive(Clone, Debug)]
pub struct Rule {
    /// Code, name, default level, texts, source and quote: the rule's entry
    /// in the registry, shared with every diagnostic of it.
    pub entry: Arc<Entry>,
    pub kind: RuleKind,
    pub label: LabelSpec,
    pub secondary: Vec<LabelSpec>,
    pub message: Text<Template>,
    pub help: Text<Template>,
    pub examples: Vec<Example>,
}

impl Rule {
    pub fn code(&self) -> &str {
        &self.entry.code
    }
}

#[derive(Clone, Debug)]
pub enum RuleKind {
    /// `when`, evaluated for the requirement or for each element of a list.
    Condition { each: Option<ListField>, when: Expr },
    /// An engine built-in that looks across requirements.
    Builtin(&'static Builtin),
}

/// Where a label goes and what it says.
#[derive(Clone, Debug)]
pub struct LabelSpec {
    /// The key whose entry takes the label; `None` for the element of an
    /// `each` rule (or the title when the key is absent).
    pub key: Option<Key>,
    pub text: Text<Template>,
}

/// A snippet that must (or must not) fire its rule.
#[derive(Clone, Debug)]
pub struct Example {
    pub fires: bool,
    pub source: ExampleSource,
}

#[derive(Clone, Debug)]
pub enum ExampleSource {
    /// A whole `.krav` text.
    Text(String),
    /// The base requirement of `lang` with entries replaced or added
    /// (`with`) and keys removed (`without`).
    Patch {
        lang: String,
        with: String,
        without: Vec<String>,
    },
}
