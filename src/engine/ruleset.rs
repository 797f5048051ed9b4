//! Rulesets as data: a TOML file (serde + toml) with its meta data,
//! parameters and rules, compiled once. Every error — an unknown key, a bad
//! level, a condition that does not parse or names an unknown field — is a
//! TL012 diagnostic with a span in the TOML file.

use super::expr::{self, Expr, ExprError};
use super::fields::ListField;
use super::params::{ParamValue, Params};
use super::template::Template;
use crate::burden::CostModel;
use crate::diagnostics::{lints, Diagnostic, Lang, Level, LANGUAGE_LINTS};
use crate::model::{Key, Keyword};
use crate::source::{FileId, Span};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use toml::Spanned;

/// The ruleset compiled into the binary.
pub const DEFAULT_NAME: &str = "kodeks-for-tillid";
pub const DEFAULT_TEXT: &str = include_str!("../../rulesets/kodeks-for-tillid.toml");

/// A compiled ruleset.
#[derive(Clone, Debug)]
pub struct Ruleset {
    pub name: String,
    pub title: String,
    pub version: String,
    /// The document the ruleset encodes.
    pub source: String,
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
    pub summary: Localized<String>,
    pub message: Localized<Template>,
    pub help: Localized<Template>,
    pub explanation: Localized<String>,
    pub examples: Vec<Example>,
}

#[derive(Clone, Debug)]
pub enum RuleKind {
    /// `when`, evaluated for the requirement or for each element of a list.
    Condition { each: Option<ListField>, when: Expr },
    /// An engine built-in that looks across requirements.
    Builtin(Builtin),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    /// TL301: burden on one group, summed over every requirement.
    CumulativeBurden,
    /// TL302: the same data item collected by hand by two requirements.
    DuplicateData,
}

impl Builtin {
    const ALL: [(&'static str, Builtin); 2] = [
        ("cumulative-burden", Builtin::CumulativeBurden),
        ("duplicate-data", Builtin::DuplicateData),
    ];

    /// The list whose elements it reports on.
    pub fn scope(self) -> ListField {
        match self {
            Builtin::CumulativeBurden => ListField::Burdens,
            Builtin::DuplicateData => ListField::Data,
        }
    }

    /// The values its messages may name, besides the fields.
    pub fn vars(self) -> &'static [&'static str] {
        match self {
            Builtin::CumulativeBurden => &["group", "group_hours_per_person", "requirements"],
            Builtin::DuplicateData => &["item", "other"],
        }
    }
}

/// Where a label goes and what it says.
#[derive(Clone, Debug)]
pub struct LabelSpec {
    /// The key whose entry takes the label; `None` for the element of an
    /// `each` rule (or the title when the key is absent).
    pub key: Option<Key>,
    pub text: Localized<Template>,
}

#[derive(Clone, Debug)]
pub struct Localized<T> {
    pub en: T,
    pub da: T,
}

impl<T> Localized<T> {
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::En => &self.en,
            Lang::Da => &self.da,
        }
    }
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

// ---- the file as written ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    ruleset: Meta,
    #[serde(default)]
    params: BTreeMap<String, Spanned<toml::Value>>,
    #[serde(default)]
    examples: BTreeMap<String, Spanned<String>>,
    #[serde(default, rename = "rule")]
    rules: Vec<RuleFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Meta {
    name: String,
    title: String,
    version: String,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    code: Spanned<String>,
    name: Spanned<String>,
    level: Spanned<String>,
    source: String,
    quote: String,
    #[serde(default)]
    when: Option<Spanned<String>>,
    #[serde(default)]
    each: Option<Spanned<String>>,
    #[serde(default)]
    builtin: Option<Spanned<String>>,
    label: LabelFile,
    #[serde(default)]
    secondary: Vec<LabelFile>,
    summary: TextsFile,
    message: TextsFile,
    help: TextsFile,
    explanation: TextsFile,
    #[serde(default, rename = "example")]
    examples: Vec<Spanned<ExampleFile>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelFile {
    #[serde(default)]
    key: Option<Spanned<String>>,
    en: Spanned<String>,
    da: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TextsFile {
    en: Spanned<String>,
    da: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleFile {
    fires: bool,
    #[serde(default)]
    krav: Option<String>,
    #[serde(default)]
    base: Option<String>,
    #[serde(default)]
    with: Option<String>,
    #[serde(default)]
    without: Vec<String>,
}

// ---- loading ----

/// Loads and compiles a ruleset. On failure every problem found is a TL012
/// diagnostic in `file`, whose text is `text`.
pub fn load(file: FileId, text: &str) -> Result<Ruleset, Vec<Diagnostic>> {
    load_with(file, text, &Overrides::default())
}

/// Parameter values from a config, applied before the rules are compiled.
/// Errors (an unknown parameter, a value of the wrong kind) are TL013 in
/// the config's `file`.
#[derive(Debug, Default)]
pub struct Overrides<'a> {
    pub file: FileId,
    pub params: &'a [(String, ParamValue, Span)],
}

/// [`load`], with the config's parameter values in place of the ruleset's.
pub fn load_with(file: FileId, text: &str, overrides: &Overrides<'_>) -> Result<Ruleset, Vec<Diagnostic>> {
    let mut loader = Loader {
        file,
        text,
        errors: Vec::new(),
    };
    let parsed: File = match toml::from_str(text) {
        Ok(parsed) => parsed,
        Err(err) => {
            let span = err.span().unwrap_or(0..0);
            loader.error(
                span,
                err.message().trim().to_owned(),
                Some("see docs/rules.md for the shape of a ruleset".to_owned()),
            );
            return Err(loader.errors);
        }
    };
    let ruleset = loader.compile(parsed, overrides);
    if loader.errors.is_empty() {
        ruleset.ok_or_else(Vec::new)
    } else {
        Err(loader.errors)
    }
}

struct Loader<'t> {
    file: FileId,
    text: &'t str,
    errors: Vec<Diagnostic>,
}

impl Loader<'_> {
    fn error(&mut self, span: Range<usize>, message: String, help: Option<String>) {
        let mut diagnostic = lints::INVALID_RULESET.at(self.file, Span::new(span.start, span.end), message);
        diagnostic.help = help;
        self.errors.push(diagnostic);
    }

    /// An error inside the string value at `span`: moves the expression's
    /// offsets into the TOML text when the string is written without escapes.
    fn expr_error(&mut self, string: &Spanned<String>, err: ExprError) {
        let span = string.span();
        let raw = &self.text[span.clone()];
        let content_start = ["'''\r\n", "'''\n", "\"\"\"\r\n", "\"\"\"\n", "'''", "\"\"\"", "'", "\""]
            .iter()
            .find(|prefix| raw.starts_with(**prefix))
            .map_or(0, |prefix| prefix.len());
        let inner = if raw[content_start..].starts_with(string.get_ref().as_str()) {
            span.start + content_start + err.span.start..span.start + content_start + err.span.end
        } else {
            span
        };
        self.error(inner, err.message, err.help);
    }

    fn compile(&mut self, file: File, overrides: &Overrides<'_>) -> Option<Ruleset> {
        let mut values = BTreeMap::new();
        for (name, value) in &file.params {
            match ParamValue::from_toml(value.get_ref()) {
                Ok(v) => {
                    values.insert(name.clone(), v);
                }
                Err(message) => self.error(value.span(), message, None),
            }
        }
        let mut params = Params::new(values);
        for (path, value, span) in overrides.params {
            if let Err(message) = params.set(path, value.clone()) {
                let help = crate::model::suggest(path, params.names()).map_or_else(
                    || {
                        format!(
                            "the ruleset's parameters are: {}",
                            params.names().collect::<Vec<_>>().join(", ")
                        )
                    },
                    |s| format!("did you mean `{s}`?"),
                );
                self.errors
                    .push(lints::INVALID_CONFIG.at(overrides.file, *span, message).with_help(help));
            }
        }
        let cost = match params.cost_model() {
            Ok(cost) => cost,
            Err(message) => {
                let span = file.params.values().next().map_or(0..0, Spanned::span);
                self.error(span, message, None);
                CostModel::default()
            }
        };
        let example_bases = file
            .examples
            .iter()
            .map(|(lang, text)| (lang.clone(), text.get_ref().clone()))
            .collect();
        for lang in file.examples.keys() {
            if Lang::parse(lang).is_none() {
                let span = file.examples[lang].span();
                self.error(
                    span,
                    format!("`examples.{lang}` is not a language"),
                    Some("the bases are `examples.en` and `examples.da`".to_owned()),
                );
            }
        }
        let mut rules: Vec<Rule> = Vec::new();
        for rule in file.rules {
            let code_span = rule.code.span();
            let name_span = rule.name.span();
            if let Some(compiled) = self.rule(rule, &params, &file.examples) {
                if rules.iter().any(|r| r.code == compiled.code)
                    || LANGUAGE_LINTS.iter().any(|l| l.code == compiled.code)
                {
                    self.error(
                        code_span,
                        format!("the code `{}` is used twice", compiled.code),
                        Some("give every rule its own code".to_owned()),
                    );
                } else if rules.iter().any(|r| r.name == compiled.name)
                    || LANGUAGE_LINTS.iter().any(|l| l.name == compiled.name)
                {
                    self.error(
                        name_span,
                        format!("the name `{}` is used twice", compiled.name),
                        Some("give every rule its own name".to_owned()),
                    );
                } else {
                    rules.push(compiled);
                }
            }
        }
        Some(Ruleset {
            name: file.ruleset.name,
            title: file.ruleset.title,
            version: file.ruleset.version,
            source: file.ruleset.source,
            params,
            cost,
            rules,
            example_bases,
        })
    }

    fn rule(&mut self, rule: RuleFile, params: &Params, bases: &BTreeMap<String, Spanned<String>>) -> Option<Rule> {
        let errors_before = self.errors.len();
        let code = rule.code.get_ref().trim().to_owned();
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            self.error(
                rule.code.span(),
                format!("`{code}` is not a code"),
                Some("codes are letters and digits, like `TL101`".to_owned()),
            );
        }
        let name = rule.name.get_ref().trim().to_owned();
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            self.error(
                rule.name.span(),
                format!("`{name}` is not a rule name"),
                Some("names are lower case words joined by `-`, like `single-case-generalised`".to_owned()),
            );
        }
        let level = Level::parse(rule.level.get_ref()).unwrap_or_else(|| {
            self.error(
                rule.level.span(),
                format!("unknown level `{}`", rule.level.get_ref()),
                Some("the levels are error, warning, note and allow".to_owned()),
            );
            Level::Error
        });

        let (kind, scope, vars): (Option<RuleKind>, Option<ListField>, &[&str]) = match (&rule.when, &rule.builtin) {
            (Some(_), Some(builtin)) => {
                self.error(
                    builtin.span(),
                    "a rule has either `when` or `builtin`, not both".to_owned(),
                    None,
                );
                (None, None, &[])
            }
            (None, None) => {
                self.error(
                    rule.code.span(),
                    format!("rule `{code}` has neither `when` nor `builtin`"),
                    Some("add a condition: `when = \"…\"`".to_owned()),
                );
                (None, None, &[])
            }
            (None, Some(builtin)) => match Builtin::ALL.iter().find(|(n, _)| n == builtin.get_ref()) {
                Some((_, b)) => (Some(RuleKind::Builtin(*b)), Some(b.scope()), b.vars()),
                None => {
                    let names: Vec<&str> = Builtin::ALL.iter().map(|(n, _)| *n).collect();
                    self.error(
                        builtin.span(),
                        format!("unknown built-in `{}`", builtin.get_ref()),
                        Some(format!("the built-ins are {}", names.join(", "))),
                    );
                    (None, None, &[])
                }
            },
            (Some(when), None) => {
                let each = rule.each.as_ref().and_then(|each| {
                    let list = ListField::lookup(each.get_ref());
                    if list.is_none() {
                        let names: Vec<&str> = ListField::ALL.iter().map(|l| l.name()).collect();
                        self.error(
                            each.span(),
                            format!("`{}` is not a list", each.get_ref()),
                            Some(format!("`each` takes one of {}", names.join(", "))),
                        );
                    }
                    list
                });
                match expr::compile_condition(when.get_ref(), params, each) {
                    Ok(compiled) => (Some(RuleKind::Condition { each, when: compiled }), each, &[]),
                    Err(err) => {
                        self.expr_error(when, err);
                        (None, each, &[])
                    }
                }
            }
        };
        let label = self.label(&rule.label, params, scope, vars);
        let secondary: Vec<Option<LabelSpec>> = rule
            .secondary
            .iter()
            .map(|l| self.label(l, params, scope, vars))
            .collect();
        if label.as_ref().is_some_and(|l| l.key.is_none()) && scope.is_none() {
            self.error(
                rule.label.en.span(),
                "the label needs a `key`: the entry whose span it marks".to_owned(),
                Some("for example `label = { key = \"scope\", en = \"…\", da = \"…\" }`".to_owned()),
            );
        }
        let message = self.texts(&rule.message, params, scope, vars);
        let help = self.texts(&rule.help, params, scope, vars);
        let examples = self.examples(&rule.examples, bases, &code, &rule.code.span());
        if self.errors.len() > errors_before {
            return None;
        }
        Some(Rule {
            code,
            name,
            level,
            source: rule.source,
            quote: rule.quote,
            kind: kind?,
            label: label?,
            secondary: secondary.into_iter().collect::<Option<_>>()?,
            summary: Localized {
                en: rule.summary.en.into_inner(),
                da: rule.summary.da.into_inner(),
            },
            message: message?,
            help: help?,
            explanation: Localized {
                en: rule.explanation.en.into_inner(),
                da: rule.explanation.da.into_inner(),
            },
            examples,
        })
    }

    fn label(
        &mut self,
        label: &LabelFile,
        params: &Params,
        scope: Option<ListField>,
        vars: &[&str],
    ) -> Option<LabelSpec> {
        let key = match &label.key {
            None => None,
            Some(key) => match Key::lookup(key.get_ref()) {
                Some(k) => Some(k),
                None => {
                    let help = crate::model::suggest(key.get_ref(), Key::all_spellings()).map_or_else(
                        || format!("the keys are: {}", Key::accepted()),
                        |s| format!("did you mean `{s}`?"),
                    );
                    self.error(
                        key.span(),
                        format!("`{}` is not a key of a requirement", key.get_ref()),
                        Some(help),
                    );
                    return None;
                }
            },
        };
        let text = self.texts(
            &TextsFile {
                en: label.en.clone(),
                da: label.da.clone(),
            },
            params,
            scope,
            vars,
        )?;
        Some(LabelSpec { key, text })
    }

    fn texts(
        &mut self,
        texts: &TextsFile,
        params: &Params,
        scope: Option<ListField>,
        vars: &[&str],
    ) -> Option<Localized<Template>> {
        let mut compile = |text: &Spanned<String>| match Template::compile(text.get_ref(), params, scope, vars) {
            Ok(template) => Some(template),
            Err(err) => {
                self.expr_error(text, err);
                None
            }
        };
        let en = compile(&texts.en);
        let da = compile(&texts.da);
        Some(Localized { en: en?, da: da? })
    }

    fn examples(
        &mut self,
        examples: &[Spanned<ExampleFile>],
        bases: &BTreeMap<String, Spanned<String>>,
        code: &str,
        code_span: &Range<usize>,
    ) -> Vec<Example> {
        let mut out = Vec::new();
        for example in examples {
            let span = example.span();
            let e = example.get_ref();
            let source = match (&e.krav, &e.with) {
                (Some(text), None) if e.without.is_empty() && e.base.is_none() => ExampleSource::Text(text.clone()),
                (None, _) => {
                    let lang = e.base.clone().unwrap_or_else(|| "en".to_owned());
                    if !bases.contains_key(&lang) {
                        self.error(
                            span.clone(),
                            format!("this example patches `examples.{lang}`, which the ruleset does not have"),
                            Some("add a base requirement: `[examples]` with `en = '''…'''`".to_owned()),
                        );
                        continue;
                    }
                    ExampleSource::Patch {
                        lang,
                        with: e.with.clone().unwrap_or_default(),
                        without: e.without.clone(),
                    }
                }
                _ => {
                    self.error(
                        span.clone(),
                        "an example has either `krav` (a whole text) or `with`/`without` (a patch of the base)"
                            .to_owned(),
                        None,
                    );
                    continue;
                }
            };
            out.push(Example { fires: e.fires, source });
        }
        let help = "add `[[rule.example]]` tables: at least one with `fires = true` and one with `fires = false`";
        match examples.first() {
            None => self.error(
                code_span.clone(),
                format!("rule `{code}` has no examples"),
                Some(help.to_owned()),
            ),
            Some(first) => {
                for (fires, what) in [(true, "fires"), (false, "does not fire")] {
                    if !examples.iter().any(|e| e.get_ref().fires == fires) {
                        self.error(
                            first.span(),
                            format!("rule `{code}` has no example that {what}"),
                            Some(help.to_owned()),
                        );
                    }
                }
            }
        }
        out
    }
}
