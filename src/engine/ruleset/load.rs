//! Loading a ruleset: the TOML file read, its parameters set (the config
//! may change them in between), then every rule compiled. Every error — an
//! unknown key, a bad level, a condition that does not parse or names an
//! unknown field — is a TL012 diagnostic with a span in the TOML file.

use super::format::{ExampleFile, File, LabelFile, QuoteFile, RuleFile, SectionFile, TextsFile, TitleFile};
use super::{Example, ExampleSource, LabelSpec, Rule, RuleKind, Ruleset};
use crate::burden::CostModel;
use crate::diagnostics::registry::{Entry, Quote, Registry, RuleRef};
use crate::diagnostics::{lints, Diagnostic, Lang, Level, Text};
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
/// diagnostic in `file`, whose text is `text`.
pub fn load(file: FileId, text: &str) -> Result<Ruleset, Vec<Diagnostic>> {
    parse(file, text)?.compile()
}

/// Reads a ruleset file up to its parameters, which may then be changed
/// (a config's `[params]`) before the rules are compiled with them. Fails
/// only when the file is not a ruleset's TOML at all; other problems wait
/// for [`Parsed::compile`], so that all of them are reported together.
pub fn parse(file: FileId, text: &str) -> Result<Parsed<'_>, Vec<Diagnostic>> {
    let mut loader = Loader {
        file,
        text,
        errors: Vec::new(),
    };
    let document: File = match toml::from_str(text) {
        Ok(document) => document,
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
    let mut values = BTreeMap::new();
    for (name, value) in &document.params {
        match ParamValue::from_toml(value.get_ref()) {
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
    errors: Vec<Diagnostic>,
}

impl Loader<'_> {
    fn error(&mut self, span: Range<usize>, message: String, help: Option<String>) {
        let mut diagnostic = lints::INVALID_RULESET.at(self.file, Span::new(span.start, span.end), message);
        diagnostic.help = help.map(Into::into);
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

    /// The ruleset of `file` with `params`. Rules with errors are left out
    /// (the errors say why), so the result is only used when there are none.
    fn compile(&mut self, file: File, params: Params) -> Ruleset {
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
                        format!("the code `{}` is used twice", entry.code)
                    } else {
                        format!(
                            "the code `{}` is taken: `{}` is the same code in another case",
                            entry.code, taken.code
                        )
                    };
                    self.error(code_span, message, Some("give every rule its own code".to_owned()));
                } else if registry.find(&entry.name).is_some() {
                    self.error(
                        name_span,
                        format!("the name `{}` is used twice", entry.name),
                        Some("give every rule its own name".to_owned()),
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
        if quotes.is_empty() {
            self.error(
                code_span,
                format!("rule `{code}` quotes no source"),
                Some(
                    "add `[[rule.quote]]` with `document`, `section` and `text`: the words the rule rests on"
                        .to_owned(),
                ),
            );
        }
        let mut out = Vec::new();
        for quote in quotes {
            let Some(title) = documents.get(quote.document.get_ref()) else {
                let known: Vec<&str> = documents.keys().map(String::as_str).collect();
                self.error(
                    quote.document.span(),
                    format!("unknown document `{}`", quote.document.get_ref()),
                    Some(if known.is_empty() {
                        "declare it under `[documents]`: `id = { en = \"title\", da = \"titel\" }`".to_owned()
                    } else {
                        format!("the documents of this ruleset are {}", known.join(", "))
                    }),
                );
                continue;
            };
            if quote.text.get_ref().trim().is_empty() {
                self.error(quote.text.span(), "an empty quote".to_owned(), None);
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
            (None, Some(builtin)) => match builtins::find(builtin.get_ref()) {
                Some(b) => (Some(RuleKind::Builtin(b)), Some(b.scope), b.vars),
                None => {
                    let names: Vec<&str> = builtins::BUILTINS.iter().map(|b| b.name).collect();
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
    ) -> Option<Text<Template>> {
        let mut compile = |text: &Spanned<String>| match Template::compile(text.get_ref(), params, scope, vars) {
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
        let mut render = |text: &Spanned<String>, lang| {
            let template = match Template::compile(text.get_ref(), params, None, &[]) {
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
                    "an explanation can only name parameters".to_owned(),
                    Some(
                        "write `{$parameter}`; fields of a requirement belong in `message`, `label` or `help`"
                            .to_owned(),
                    ),
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
