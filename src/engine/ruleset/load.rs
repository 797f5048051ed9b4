//! Loading a ruleset: the TOML file read, its parameters set (the config
//! may change them in between), then every rule compiled. Every error — an
//! unknown key, a bad level, a condition that does not parse or names an
//! unknown field — is a TL012 diagnostic with a span in the TOML file.

use super::format::{ExampleFile, File, LabelFile, QuoteFile, RuleFile, SectionFile, TextsFile, TitleFile};
use super::{Example, ExampleSource, LabelSpec, Rule, RuleKind, Ruleset};
use crate::burden::CostModel;
use crate::diagnostics::registry::{Entry, Quote, Registry, RuleRef};
use crate::diagnostics::{lints, messages as m, Diagnostic, Lang, Level, Text};
use crate::engine::builtins;
use crate::engine::expr::{self, ExprError};
use crate::engine::fields::ListField;
use crate::engine::params::{ParamValue, Params};
use crate::engine::template::Template;
use crate::model::{Key, Keyword};
use crate::source::{FileId, Span};
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;
use toml::Spanned;

/// Loads and compiles a ruleset. On failure every problem found is a TL012
/// diagnostic in `file`, whose text is `text`, said in English ([`parse`]
/// says it in another language).
pub fn load(file: FileId, text: &str) -> Result<Ruleset, Vec<Diagnostic>> {
    parse(file, text, Lang::En)?.compile()
}

/// Reads a ruleset file up to its parameters, which may then be changed
/// (a config's `[params]`) before the rules are compiled with them. Fails
/// only when the file is not a ruleset's TOML at all; other problems wait
/// for [`Parsed::compile`], so that all of them are reported together.
/// Every problem is said in `lang`.
pub fn parse(file: FileId, text: &str, lang: Lang) -> Result<Parsed<'_>, Vec<Diagnostic>> {
    let mut loader = Loader {
        file,
        text,
        lang,
        errors: Vec::new(),
    };
    let document: File = match toml::from_str(text) {
        Ok(document) => document,
        Err(err) => {
            loader.not_read(&err);
            return Err(loader.errors);
        }
    };
    let mut values = BTreeMap::new();
    for (name, value) in &document.params {
        match ParamValue::from_toml(value.get_ref(), lang) {
            Ok(v) => {
                values.insert(name.clone(), v);
            }
            Err(message) => loader.error(value.span(), message, None),
        }
    }
    Ok(Parsed {
        loader,
        document,
        params: Params::new(values),
    })
}

/// A ruleset file read, its rules not yet compiled.
pub struct Parsed<'t> {
    loader: Loader<'t>,
    document: File,
    params: Params,
}

impl Parsed<'_> {
    /// The parameters the rules will be compiled with.
    pub fn params_mut(&mut self) -> &mut Params {
        &mut self.params
    }

    /// Compiles every rule; the errors include those found while parsing.
    pub fn compile(self) -> Result<Ruleset, Vec<Diagnostic>> {
        let Parsed {
            mut loader,
            document,
            params,
        } = self;
        let ruleset = loader.compile(document, params);
        if loader.errors.is_empty() {
            Ok(ruleset)
        } else {
            Err(loader.errors)
        }
    }
}

struct Loader<'t> {
    file: FileId,
    text: &'t str,
    /// The language the errors are said in.
    lang: Lang,
    errors: Vec<Diagnostic>,
}

impl Loader<'_> {
    fn error(&mut self, span: Range<usize>, message: String, help: Option<String>) {
        let mut diagnostic = lints::INVALID_RULESET.at(self.file, Span::new(span.start, span.end), message);
        diagnostic.help = help.map(Into::into);
        self.errors.push(diagnostic);
    }

    /// What the TOML reader refused: an unknown key by name, with the key
    /// it was likely meant to be; any other error as the parser words it in
    /// English, or in plain Danish.
    fn not_read(&mut self, err: &toml::de::Error) {
        let lang = self.lang;
        let span = err.span().unwrap_or(0..0);
        if let Some((key, keys)) = crate::source::unknown_toml_key(err) {
            let help = match crate::model::suggest(key, keys.iter().copied()) {
                Some(s) => m::DID_YOU_MEAN.fill(lang, &[("suggestion", s)]),
                None => m::FIELDS_HERE.fill(lang, &[("list", &keys.join(", "))]),
            };
            self.error(span, m::UNKNOWN_KEY.fill(lang, &[("key", key)]), Some(help));
            return;
        }
        let message = m::RULESET_NOT_READ.fill(lang, &[("reason", err.message().trim())]);
        self.error(span, message, Some(m::RULESET_SHAPE_HELP.get(lang).to_owned()));
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

    /// The ruleset of `file` with `params`. Rules with errors are left out
    /// (the errors say why), so the result is only used when there are none.
    fn compile(&mut self, file: File, params: Params) -> Ruleset {
        let lang = self.lang;
        let cost = match params.cost_model(lang) {
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
        for base in file.examples.keys() {
            if Lang::parse(base).is_none() {
                let span = file.examples[base].span();
                self.error(
                    span,
                    m::NOT_A_LANGUAGE_BASE.fill(lang, &[("lang", base)]),
                    Some(m::EXAMPLE_BASES_HELP.get(lang).to_owned()),
                );
            }
        }
        let mut rules: Vec<Rule> = Vec::new();
        // Codes and names are looked up as the registry finds them, so no
        // two may be found by the same word.
        let mut registry = Registry::default();
        for rule in file.rules {
            let code_span = rule.code.span();
            let name_span = rule.name.span();
            if let Some(compiled) = self.rule(rule, &params, &file.examples, &file.documents) {
                let entry = &compiled.entry;
                if let Some(taken) = registry.find(&entry.code) {
                    // Codes are found in any case (`--allow tl101`), so
                    // `tl001` would shadow the language check TL001.
                    let message = if taken.code == entry.code {
                        m::CODE_TWICE.fill(lang, &[("code", &entry.code)])
                    } else {
                        m::CODE_IN_OTHER_CASE.fill(lang, &[("code", &entry.code), ("taken", &taken.code)])
                    };
                    self.error(code_span, message, Some(m::OWN_CODE_HELP.get(lang).to_owned()));
                } else if registry.find(&entry.name).is_some() {
                    self.error(
                        name_span,
                        m::NAME_TWICE.fill(lang, &[("name", &entry.name)]),
                        Some(m::OWN_NAME_HELP.get(lang).to_owned()),
                    );
                } else {
                    registry.push(RuleRef::Shared(entry.clone()));
                    rules.push(compiled);
                }
            }
        }
        Ruleset {
            name: file.ruleset.name,
            version: file.ruleset.version,
            params,
            cost,
            rules,
            example_bases,
        }
    }

    /// The quotes of a rule, each labelled with its document's title and
    /// its section in both languages.
    fn quotes(
        &mut self,
        code: &str,
        code_span: Range<usize>,
        quotes: Vec<QuoteFile>,
        documents: &BTreeMap<String, TitleFile>,
    ) -> Vec<Quote> {
        let lang = self.lang;
        if quotes.is_empty() {
            self.error(
                code_span,
                m::NO_QUOTE.fill(lang, &[("code", code)]),
                Some(m::NO_QUOTE_HELP.get(lang).to_owned()),
            );
        }
        let mut out = Vec::new();
        for quote in quotes {
            let Some(title) = documents.get(quote.document.get_ref()) else {
                let known: Vec<&str> = documents.keys().map(String::as_str).collect();
                self.error(
                    quote.document.span(),
                    m::UNKNOWN_DOCUMENT.fill(lang, &[("document", quote.document.get_ref())]),
                    Some(if known.is_empty() {
                        m::DECLARE_DOCUMENT_HELP.get(lang).to_owned()
                    } else {
                        m::DOCUMENTS_HELP.fill(lang, &[("list", &known.join(", "))])
                    }),
                );
                continue;
            };
            if quote.text.get_ref().trim().is_empty() {
                self.error(quote.text.span(), m::EMPTY_QUOTE.get(lang).to_owned(), None);
                continue;
            }
            let (en, da) = match quote.section {
                SectionFile::Same(section) => (section.clone(), section),
                SectionFile::ByLang(TitleFile { en, da }) => (en, da),
            };
            out.push(Quote {
                source: Text {
                    en: format!("{}, {en}", title.en).into(),
                    da: format!("{}, {da}", title.da).into(),
                },
                text: quote.text.into_inner().into(),
            });
        }
        out
    }

    fn rule(
        &mut self,
        rule: RuleFile,
        params: &Params,
        bases: &BTreeMap<String, Spanned<String>>,
        documents: &BTreeMap<String, TitleFile>,
    ) -> Option<Rule> {
        let lang = self.lang;
        let errors_before = self.errors.len();
        let code = rule.code.get_ref().trim().to_owned();
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            self.error(
                rule.code.span(),
                m::NOT_A_CODE.fill(lang, &[("code", &code)]),
                Some(m::CODE_HELP.get(lang).to_owned()),
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
                m::NOT_A_RULE_NAME.fill(lang, &[("name", &name)]),
                Some(m::RULE_NAME_HELP.get(lang).to_owned()),
            );
        }
        let level = Level::parse(rule.level.get_ref()).unwrap_or_else(|| {
            self.error(
                rule.level.span(),
                m::UNKNOWN_LEVEL.fill(lang, &[("level", rule.level.get_ref())]),
                Some(m::LEVELS_HELP.get(lang).to_owned()),
            );
            Level::Error
        });

        let (kind, scope, vars): (Option<RuleKind>, Option<ListField>, &[&str]) = match (&rule.when, &rule.builtin) {
            (Some(_), Some(builtin)) => {
                self.error(builtin.span(), m::WHEN_AND_BUILTIN.get(lang).to_owned(), None);
                (None, None, &[])
            }
            (None, None) => {
                self.error(
                    rule.code.span(),
                    m::NEITHER_WHEN_NOR_BUILTIN.fill(lang, &[("code", &code)]),
                    Some(m::ADD_CONDITION_HELP.get(lang).to_owned()),
                );
                (None, None, &[])
            }
            (None, Some(builtin)) => match builtins::find(builtin.get_ref()) {
                Some(b) => (Some(RuleKind::Builtin(b)), Some(b.scope), b.vars),
                None => {
                    let names: Vec<&str> = builtins::BUILTINS.iter().map(|b| b.name).collect();
                    self.error(
                        builtin.span(),
                        m::UNKNOWN_BUILTIN.fill(lang, &[("name", builtin.get_ref())]),
                        Some(m::BUILTINS_HELP.fill(lang, &[("list", &names.join(", "))])),
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
                            m::NOT_A_LIST_FIELD.fill(lang, &[("name", each.get_ref())]),
                            Some(m::EACH_HELP.fill(lang, &[("list", &names.join(", "))])),
                        );
                    }
                    list
                });
                match expr::compile_condition(when.get_ref(), params, each, lang) {
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
                m::LABEL_NEEDS_KEY.get(lang).to_owned(),
                Some(m::LABEL_KEY_HELP.get(lang).to_owned()),
            );
        }
        let message = self.texts(&rule.message, params, scope, vars);
        let help = self.texts(&rule.help, params, scope, vars);
        let explanation = self.explanation(&rule.explanation, params);
        let examples = self.examples(&rule.examples, bases, &code, &rule.code.span());
        let quotes = self.quotes(&code, rule.code.span(), rule.quotes, documents);
        if self.errors.len() > errors_before {
            return None;
        }
        let explanation = explanation?;
        let entry = Entry {
            code: code.into(),
            name: name.into(),
            level,
            fixed: false,
            summary: Text {
                en: rule.summary.en.into_inner().into(),
                da: rule.summary.da.into_inner().into(),
            },
            explanation: Text {
                en: explanation.en.trim().to_owned().into(),
                da: explanation.da.trim().to_owned().into(),
            },
            quotes: quotes.into(),
        };
        Some(Rule {
            entry: Arc::new(entry),
            kind: kind?,
            label: label?,
            secondary: secondary.into_iter().collect::<Option<_>>()?,
            message: message?,
            help: help?,
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
                    let lang = self.lang;
                    let help = crate::model::suggest(key.get_ref(), Key::all_spellings()).map_or_else(
                        || m::KEYS_ARE.fill(lang, &[("list", &Key::accepted())]),
                        |s| m::DID_YOU_MEAN.fill(lang, &[("suggestion", s)]),
                    );
                    self.error(
                        key.span(),
                        m::NOT_A_REQUIREMENT_KEY.fill(lang, &[("key", key.get_ref())]),
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
    ) -> Option<Text<Template>> {
        let lang = self.lang;
        let mut compile = |text: &Spanned<String>| match Template::compile(text.get_ref(), params, scope, vars, lang) {
            Ok(template) => Some(template),
            Err(err) => {
                self.expr_error(text, err);
                None
            }
        };
        let en = compile(&texts.en);
        let da = compile(&texts.da);
        Some(Text { en: en?, da: da? })
    }

    /// An explanation may name parameters (`{$review_max_years}`), so that
    /// `explain` shows the values in force; it has no requirement to name.
    fn explanation(&mut self, texts: &TextsFile, params: &Params) -> Option<Text<String>> {
        let said_in = self.lang;
        let mut render = |text: &Spanned<String>, lang| {
            let template = match Template::compile(text.get_ref(), params, None, &[], said_in) {
                Ok(template) => template,
                Err(err) => {
                    self.expr_error(text, err);
                    return None;
                }
            };
            let rendered = template.render_constant(lang);
            if rendered.is_none() {
                self.error(
                    text.span(),
                    m::EXPLANATION_ONLY_PARAMS.get(said_in).to_owned(),
                    Some(m::EXPLANATION_ONLY_PARAMS_HELP.get(said_in).to_owned()),
                );
            }
            rendered
        };
        let en = render(&texts.en, Lang::En);
        let da = render(&texts.da, Lang::Da);
        Some(Text { en: en?, da: da? })
    }

    fn examples(
        &mut self,
        examples: &[Spanned<ExampleFile>],
        bases: &BTreeMap<String, Spanned<String>>,
        code: &str,
        code_span: &Range<usize>,
    ) -> Vec<Example> {
        let lang = self.lang;
        let mut out = Vec::new();
        for example in examples {
            let span = example.span();
            let e = example.get_ref();
            let source = match (&e.krav, &e.with) {
                (Some(text), None) if e.without.is_empty() && e.base.is_none() => ExampleSource::Text(text.clone()),
                (None, _) => {
                    let base = e.base.clone().unwrap_or_else(|| "en".to_owned());
                    if !bases.contains_key(&base) {
                        self.error(
                            span.clone(),
                            m::EXAMPLE_WITHOUT_BASE.fill(lang, &[("lang", &base)]),
                            Some(m::ADD_BASE_HELP.get(lang).to_owned()),
                        );
                        continue;
                    }
                    ExampleSource::Patch {
                        lang: base,
                        with: e.with.clone().unwrap_or_default(),
                        without: e.without.clone(),
                    }
                }
                _ => {
                    self.error(span.clone(), m::EXAMPLE_KRAV_OR_PATCH.get(lang).to_owned(), None);
                    continue;
                }
            };
            out.push(Example { fires: e.fires, source });
        }
        let help = m::EXAMPLES_HELP.get(lang);
        match examples.first() {
            None => self.error(
                code_span.clone(),
                m::NO_EXAMPLES.fill(lang, &[("code", code)]),
                Some(help.to_owned()),
            ),
            Some(first) => {
                for (fires, missing) in [(true, m::NO_EXAMPLE_THAT_FIRES), (false, m::NO_EXAMPLE_THAT_PASSES)] {
                    if !examples.iter().any(|e| e.get_ref().fires == fires) {
                        self.error(
                            first.span(),
                            missing.fill(lang, &[("code", code)]),
                            Some(help.to_owned()),
                        );
                    }
                }
            }
        }
        out
    }
}
