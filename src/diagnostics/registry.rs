//! The one registry of codes, as ruff's: every language check (TL0xx,
//! declared in [`super::lints`]) and every ruleset rule (declared as data in
//! `rulesets/*.toml`) is an [`Entry`] whose facts are written once. Finding
//! a code or name, and suggesting one for a typo, happen here and nowhere
//! else.

use super::{suggest, Text};
use super::{Diagnostic, Label, Lang, Level, Message};
use crate::source::{FileId, Span};
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Deref;
use std::sync::Arc;

/// A text written in the code (language checks) or read from a ruleset.
pub type Str = Cow<'static, str>;

/// What `rules` and SARIF give as the source of a language check.
pub const LANGUAGE_SOURCE: &str = "trustlint (docs/language.md)";

/// The facts of one code.
#[derive(Debug)]
pub struct Entry {
    pub code: Str,
    pub name: Str,
    /// The level before the user sets one.
    pub level: Level,
    /// Whether the level is fixed: the code means a file was not checked
    /// at all, so switching it off would hide that.
    pub fixed: bool,
    /// One line: what the code finds.
    pub summary: Text<Str>,
    /// The long explanation for `trustlint explain`.
    pub explanation: Text<Str>,
    /// The passages a ruleset rule rests on, each with its own document
    /// and section; language checks cite none.
    pub quotes: Cow<'static, [Quote]>,
}

/// Words of a source document a rule rests on.
#[derive(Clone, Debug)]
pub struct Quote {
    /// "Document, section", in each language.
    pub source: Text<Str>,
    /// The Danish words, quoted exactly.
    pub text: Str,
}

impl Quote {
    /// "Document, section:\n\"words\"": a note of its rule's diagnostics.
    pub fn note(&self, lang: Lang) -> String {
        format!("{}:\n\"{}\"", self.source.in_lang(lang), self.text)
    }
}

impl Entry {
    /// The documents and sections of a rule, `; ` between them; trustlint
    /// itself for a language check.
    pub fn source(&self, lang: Lang) -> Cow<'_, str> {
        match self.quotes.as_ref() {
            [] => Cow::Borrowed(LANGUAGE_SOURCE),
            [one] => Cow::Borrowed(one.source.in_lang(lang).as_ref()),
            several => Cow::Owned(
                several
                    .iter()
                    .map(|q| q.source.in_lang(lang).as_ref())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        }
    }

    pub fn summary(&self, lang: Lang) -> &str {
        self.summary.in_lang(lang)
    }

    pub fn explanation(&self, lang: Lang) -> &str {
        self.explanation.in_lang(lang)
    }

    /// The notes every diagnostic of a rule starts with: one per quote,
    /// each naming its one document and section. Made when a diagnostic is
    /// written, not for every finding.
    pub fn quote_notes(&self, lang: Lang) -> impl Iterator<Item = String> + '_ {
        self.quotes.iter().map(move |q| q.note(lang))
    }

    /// The quote notes as one text, a blank line between them (for JSON).
    pub fn quote_note(&self, lang: Lang) -> Option<String> {
        (!self.quotes.is_empty()).then(|| self.quote_notes(lang).collect::<Vec<_>>().join("\n\n"))
    }

    /// A diagnostic of this language check at its default level; the
    /// message is already in the user's language.
    pub fn at(&'static self, file: FileId, span: Span, message: impl Into<Message>) -> Diagnostic {
        RuleRef::Static(self).at(file, span, message)
    }
}

/// A reference to an entry, which is all a diagnostic keeps of its code:
/// language checks are statics, ruleset rules are shared with the ruleset
/// that declared them.
#[derive(Clone, Debug)]
pub enum RuleRef {
    Static(&'static Entry),
    Shared(Arc<Entry>),
}

impl RuleRef {
    /// A diagnostic of this entry at its default level.
    pub fn at(&self, file: FileId, span: Span, message: impl Into<Message>) -> Diagnostic {
        Diagnostic {
            rule: self.clone(),
            level: self.level,
            message: message.into(),
            primary: Label {
                file,
                span,
                message: Message::default(),
            },
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
            requirement: None,
            edits: Vec::new(),
        }
    }
}

impl Deref for RuleRef {
    type Target = Entry;

    fn deref(&self) -> &Entry {
        match self {
            RuleRef::Static(entry) => entry,
            RuleRef::Shared(entry) => entry,
        }
    }
}

/// Codes are unique in a registry, so an entry is known by its code.
impl PartialEq for RuleRef {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl From<&'static Entry> for RuleRef {
    fn from(entry: &'static Entry) -> Self {
        RuleRef::Static(entry)
    }
}

impl From<Arc<Entry>> for RuleRef {
    fn from(entry: Arc<Entry>) -> Self {
        RuleRef::Shared(entry)
    }
}

/// Every code known to one run: the language checks, then a ruleset's
/// rules. Codes and names are unique in it (the ruleset loader sees to that
/// with [`Registry::find`]).
#[derive(Clone, Debug)]
pub struct Registry {
    entries: Vec<RuleRef>,
    /// The index of each code, upper case, and of each name: a ruleset of
    /// many rules, and a finding or suppression per code, look up in
    /// constant time.
    by_code: HashMap<String, usize>,
    by_name: HashMap<Str, usize>,
}

impl Default for Registry {
    /// The language checks alone.
    fn default() -> Self {
        Registry::new([])
    }
}

impl Registry {
    /// The language checks, then `rules` in the order given, then the
    /// register's date checks.
    pub fn new(rules: impl IntoIterator<Item = RuleRef>) -> Registry {
        let entries = super::lints::LANGUAGE_LINTS
            .iter()
            .map(|lint| RuleRef::Static(lint))
            .chain(rules)
            .chain(super::lints::AUDIT_LINTS.iter().map(|lint| RuleRef::Static(lint)));
        let mut registry = Registry {
            entries: Vec::new(),
            by_code: HashMap::new(),
            by_name: HashMap::new(),
        };
        for entry in entries {
            registry.push(entry);
        }
        registry
    }

    /// Adds a rule after the others; the caller has checked with
    /// [`Registry::find`] that its code and name are new (if not, the
    /// first keeps them).
    pub fn push(&mut self, rule: RuleRef) {
        let index = self.entries.len();
        self.by_code.entry(rule.code.to_ascii_uppercase()).or_insert(index);
        self.by_name.entry(rule.name.clone()).or_insert(index);
        self.entries.push(rule);
    }

    /// Every entry, language checks first, in the order declared.
    pub fn entries(&self) -> &[RuleRef] {
        &self.entries
    }

    /// The entry with this code (in any case: `tl101` is `TL101`) or this
    /// name (exactly, as names are lower case).
    pub fn find(&self, code_or_name: &str) -> Option<&RuleRef> {
        self.by_code
            .get(&code_or_name.to_ascii_uppercase())
            .or_else(|| self.by_name.get(code_or_name))
            .map(|&index| &self.entries[index])
    }

    /// The index of the entry with exactly this code (a diagnostic's code
    /// is always written as declared).
    pub fn position(&self, code: &str) -> Option<usize> {
        self.by_code
            .get(&code.to_ascii_uppercase())
            .copied()
            .filter(|&index| self.entries[index].code == code)
    }

    /// The code or name nearest to a misspelt `word`, or one of `also`
    /// (words a caller accepts besides codes and names, like `warnings`).
    pub fn suggest<'a>(&'a self, word: &str, also: &[&'a str]) -> Option<&'a str> {
        let known = self
            .entries
            .iter()
            .flat_map(|e| [e.code.as_ref(), e.name.as_ref()])
            .chain(also.iter().copied());
        suggest(word, known)
    }

    /// "did you mean `…`?" for a misspelt code or name, in `lang`.
    pub fn did_you_mean(&self, word: &str, also: &[&str], lang: Lang) -> Option<String> {
        let nearest = self.suggest(word, also)?;
        Some(super::messages::DID_YOU_MEAN.fill(lang, &[("suggestion", nearest)]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::lints;

    fn rule(code: &'static str, name: &'static str) -> RuleRef {
        RuleRef::Shared(Arc::new(Entry {
            code: Cow::Borrowed(code),
            name: Cow::Borrowed(name),
            level: Level::Warning,
            fixed: false,
            summary: Text {
                en: Cow::Borrowed("s"),
                da: Cow::Borrowed("s"),
            },
            explanation: Text {
                en: Cow::Borrowed("e"),
                da: Cow::Borrowed("e"),
            },
            quotes: Cow::Owned(vec![
                Quote {
                    source: Text {
                        en: "Kodeks for tillid, 1.2".into(),
                        da: "Kodeks for tillid, 1.2".into(),
                    },
                    text: "citat".into(),
                },
                Quote {
                    source: Text {
                        en: "SOF answer (2014), introduction".into(),
                        da: "SOF-svar (2014), indledningen".into(),
                    },
                    text: "andet".into(),
                },
            ]),
        }))
    }

    fn registry() -> Registry {
        Registry::new([rule("TL105", "nothing-replaced"), rule("TL202", "no-dispensation")])
    }

    #[test]
    fn finds_codes_in_any_case_and_names_exactly() {
        let registry = registry();
        for word in ["TL105", "tl105", "Tl105", "nothing-replaced"] {
            assert_eq!(registry.find(word).map(|e| e.code.as_ref()), Some("TL105"), "{word}");
        }
        assert_eq!(registry.find("tl002").map(|e| e.code.as_ref()), Some("TL002"));
        assert_eq!(registry.find("unknown-key").map(|e| e.code.as_ref()), Some("TL002"));
        assert!(registry.find("Nothing-Replaced").is_none());
        assert!(registry.find("TL999").is_none());
        assert!(registry.find("").is_none());
    }

    #[test]
    fn language_checks_come_first_then_rules_then_date_checks() {
        let registry = registry();
        let codes: Vec<&str> = registry.entries().iter().map(|e| e.code.as_ref()).collect();
        assert_eq!(codes.first(), Some(&"TL001"));
        assert_eq!(codes[codes.len() - 4..], ["TL105", "TL202", "TL401", "TL402"]);
        assert_eq!(registry.position("TL105"), Some(codes.len() - 4));
        assert_eq!(registry.position("tl105"), None, "diagnostics carry declared codes");
    }

    #[test]
    fn unknown_words_get_the_nearest_code_or_name() {
        let registry = registry();
        assert_eq!(registry.suggest("nothing-replace", &[]), Some("nothing-replaced"));
        assert_eq!(registry.suggest("TL1055", &[]), Some("TL105"));
        assert_eq!(registry.suggest("unknown-kye", &[]), Some("unknown-key"));
        assert_eq!(registry.suggest("warning", &["warnings"]), Some("warnings"));
        assert_eq!(registry.suggest("completely-different", &[]), None);
        assert_eq!(
            registry.did_you_mean("nothing-replace", &[], Lang::Da).as_deref(),
            Some("mente du `nothing-replaced`?")
        );
    }

    #[test]
    fn fixed_codes_are_declared_so() {
        let registry = Registry::default();
        let fixed: Vec<&str> = registry
            .entries()
            .iter()
            .filter(|e| e.fixed)
            .map(|e| e.code.as_ref())
            .collect();
        assert_eq!(fixed, ["TL001", "TL010", "TL012", "TL013"]);
        assert!(!lints::UNKNOWN_KEY.fixed);
    }

    #[test]
    fn a_rule_cites_its_source_and_a_language_check_trustlint() {
        let registry = registry();
        let rule = registry.find("TL105").expect("TL105");
        assert_eq!(
            rule.source(Lang::Da),
            "Kodeks for tillid, 1.2; SOF-svar (2014), indledningen"
        );
        let notes: Vec<String> = rule.quote_notes(Lang::En).collect();
        assert_eq!(
            notes,
            [
                "Kodeks for tillid, 1.2:\n\"citat\"",
                "SOF answer (2014), introduction:\n\"andet\""
            ],
            "one note per quote, each naming its one document"
        );
        assert_eq!(lints::SYNTAX_ERROR.source(Lang::En), LANGUAGE_SOURCE);
        assert_eq!(lints::SYNTAX_ERROR.quote_note(Lang::En), None);
    }
}
