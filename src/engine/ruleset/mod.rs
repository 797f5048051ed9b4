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
use crate::diagnostics::{Level, Text};
use crate::model::Key;
use std::collections::BTreeMap;

/// The ruleset compiled into the binary.
pub const DEFAULT_NAME: &str = "kodeks-for-tillid";
pub const DEFAULT_TEXT: &str = include_str!("../../../rulesets/kodeks-for-tillid.toml");

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
    /// The ruleset with each rule's level as the user set it.
    pub fn with_levels(mut self, levels: &crate::settings::Levels) -> Ruleset {
        for rule in &mut self.rules {
            rule.level = levels.resolve(&rule.code, &rule.name, rule.level);
        }
        self
    }
}

/// One rule.
#[derive(Clone, Debug)]
pub struct Rule {
    pub code: String,
    pub name: String,
    pub level: Level,
    /// Document and section, as cited in notes.
    pub source: String,
    /// The Danish quote the rule rests on.
    pub quote: String,
    pub kind: RuleKind,
    pub label: LabelSpec,
    pub secondary: Vec<LabelSpec>,
    pub summary: Text<String>,
    pub message: Text<Template>,
    pub help: Text<Template>,
    pub explanation: Text<String>,
    pub examples: Vec<Example>,
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
