//! Builds [`Requirement`]s from the syntax tree, reporting unknown keys
//! (TL002), invalid values (TL003), missing keys (TL004) and duplicate keys
//! (TL005). Each field is read by a small function over the atoms of its
//! value (`values.rs`, over a `cursor.rs`); every error names the exact
//! span and says what was expected.

mod burden;
mod cursor;
mod entry;
mod frequency;
mod keys;
mod placeholders;
mod values;

use super::keywords::{keywords_in, KeyTable, Opener};
use super::*;
use crate::diagnostics::{join_and, lints, messages as m, Arg, Diagnostic, Lang, Level, Text};
use crate::syntax::{Block, Document, Item};
use std::sync::OnceLock;

/// A requirement as built, and whether it was written without a language
/// error: rules judge only valid requirements, since a misspelt or invalid
/// entry would otherwise read as missing and set off rules about it.
#[derive(Debug)]
pub struct Built {
    pub requirement: Requirement,
    pub valid: bool,
}

/// Builds every requirement of a parsed file. `out` holds the parser's
/// diagnostics for the document; the builder's go after them, each tagged
/// with the id of its requirement.
pub fn build(file: FileId, document: &Document<'_>, lang: Lang, out: &mut Vec<Diagnostic>) -> Vec<Built> {
    let blocks = &document.requirements;
    // An error the parser found inside a block (a bad escape in a text)
    // makes it invalid too. Blocks are in order, so a binary search finds it.
    let mut syntax_error = vec![false; blocks.len()];
    for diagnostic in out.iter().filter(|d| d.level == Level::Error && d.file() == file) {
        let at = diagnostic.primary.span.start;
        let i = blocks.partition_point(|block| block.span.end.max(block.span.start + 1) <= at);
        if blocks.get(i).is_some_and(|block| block.span.contains(at)) {
            syntax_error[i] = true;
        }
    }
    let mut builder = Builder {
        file,
        lang,
        keyword_lang: Lang::En,
        misspelt: Vec::new(),
        out,
    };
    blocks
        .iter()
        .zip(syntax_error)
        .map(|(block, syntax_error)| {
            let first = builder.out.len();
            let requirement = builder.requirement(block);
            let mut valid = !syntax_error;
            for diagnostic in &mut builder.out[first..] {
                diagnostic.requirement = requirement.id().map(Into::into);
                // A placeholder is dropped from the requirement, so the
                // rest of it can still be judged as written.
                valid &= diagnostic.level != Level::Error || diagnostic.code() == lints::PLACEHOLDER.code;
            }
            Built { requirement, valid }
        })
        .collect()
}

struct Builder<'o> {
    file: FileId,
    /// The language of messages.
    lang: Lang,
    /// The language of the current requirement's keywords, for naming keys.
    keyword_lang: Lang,
    /// Keys suggested for misspelt keys of the current block: already
    /// reported as TL002, so not reported missing as well.
    misspelt: Vec<&'static str>,
    out: &'o mut Vec<Diagnostic>,
}

impl Builder<'_> {
    /// The command that writes a template in the requirement's language:
    /// `init` alone writes the language of the messages' locale, which may
    /// not be the file's.
    fn init_command(&self) -> &'static str {
        match (self.keyword_lang, self.lang) {
            (Lang::Da, _) => "trustlint init --lang da",
            (Lang::En, Lang::Da) => "trustlint init --lang en",
            (Lang::En, Lang::En) => "trustlint init",
        }
    }

    fn requirement(&mut self, block: &Block<'_>) -> Requirement {
        self.keyword_lang = if block.key.text.to_lowercase() == Opener::Requirement.name(Lang::Da) {
            Lang::Da
        } else {
            Lang::En
        };
        if Opener::lookup(block.key.text).is_none() {
            self.unknown_keyword::<Opener>(&block.key, &m::UNKNOWN_OPENER, &m::UNKNOWN_OPENER_LABEL, None);
        }
        let mut requirement = Requirement::titled(
            self.file,
            self.keyword_lang,
            Spanned::new(block.label.text.to_string(), block.label.span),
        );
        let mut seen: Vec<(Key, Span)> = Vec::new();
        self.misspelt.clear();
        for item in &block.items {
            match item {
                Item::Entry(entry) => {
                    let Some(key) =
                        self.key::<Key, BurdenKey>(&entry.key, &m::UNKNOWN_KEY_LABEL, &m::KEY_BELONGS_IN_BURDEN)
                    else {
                        continue;
                    };
                    if key == Key::Burden {
                        let name = key.name(self.keyword_lang);
                        self.push(
                            self.invalid(
                                entry.key.span,
                                m::BURDEN_NOT_BLOCK.with(self.lang, &[("key", Arg::from(name))]),
                            )
                            .with_help(self.shape(key)),
                        );
                        requirement.entries.push(EntrySpan {
                            key,
                            value_span: entry.value_span,
                        });
                        continue;
                    }
                    if self.duplicate(&mut seen, key, entry.key) {
                        continue;
                    }
                    requirement.entries.push(EntrySpan {
                        key,
                        value_span: entry.value_span,
                    });
                    self.entry(&mut requirement, key, entry);
                }
                Item::Block(sub) => {
                    let Some(key) =
                        self.key::<Key, BurdenKey>(&sub.key, &m::UNKNOWN_KEY_LABEL, &m::KEY_BELONGS_IN_BURDEN)
                    else {
                        continue;
                    };
                    requirement.entries.push(EntrySpan {
                        key,
                        value_span: sub.label.span,
                    });
                    if key == Key::Burden {
                        let burden = self.burden(sub, &requirement.burdens);
                        requirement.burdens.push(burden);
                    } else {
                        let name = key.name(self.keyword_lang);
                        self.push(
                            self.invalid(
                                sub.key.span,
                                m::BLOCK_NOT_VALUE.with(self.lang, &[("key", Arg::from(name))]),
                            )
                            .with_help(m::BLOCK_NOT_VALUE_HELP.with(self.lang, &[("key", Arg::from(name))])),
                        );
                    }
                }
            }
        }
        let missing: Vec<(Key, Option<&Text>)> = Key::VALUES
            .iter()
            .map(|key| (*key, key.facts()))
            .filter(|(key, facts)| facts.required && requirement.entry_span(*key).is_none() && !self.was_misspelt(*key))
            .map(|(key, facts)| (key, facts.why))
            .collect();
        if !missing.is_empty() {
            let names: Vec<String> = missing
                .iter()
                .map(|(key, _)| format!("`{}`", key.name(self.keyword_lang)))
                .collect();
            let keys = join_and(&names, self.lang);
            let mut diagnostic = lints::MISSING_KEY
                .at(
                    self.file,
                    block.label.span,
                    m::MISSING_KEY.with(
                        self.lang,
                        &[("keys", Arg::from(&keys)), ("name", Arg::from(requirement.name()))],
                    ),
                )
                .with_label(m::MISSING_KEY_LABEL.with(self.lang, &[("keys", Arg::from(&keys))]))
                .with_help(m::MISSING_KEY_HELP.with(self.lang, &[("init", Arg::from(self.init_command()))]));
            for (key, _) in missing.iter().filter(|(_, why)| why.is_some()) {
                diagnostic = diagnostic.with_note(why_note(*key, self.lang, self.keyword_lang));
            }
            self.out.push(diagnostic);
        }
        self.placeholders(&mut requirement);
        requirement
    }
}

/// The note of a missing key that says why it is asked for ("`risk`:
/// control must be proportionate …"), as its file and the run write it.
/// The notes are the same few texts for every requirement that lacks the
/// key, so each is made once for a key and its pair of languages and
/// shared by the findings, not written into each.
fn why_note(key: Key, lang: Lang, keyword_lang: Lang) -> &'static str {
    static NOTES: OnceLock<Vec<(Key, Lang, Lang, String)>> = OnceLock::new();
    let notes = NOTES.get_or_init(|| {
        let mut notes = Vec::new();
        for key in Key::VALUES {
            let Some(why) = key.facts().why else { continue };
            for lang in [Lang::En, Lang::Da] {
                for keyword_lang in [Lang::En, Lang::Da] {
                    let why = keywords_in(why.get(lang), keyword_lang);
                    let note = format!("`{}`: {why}", key.name(keyword_lang));
                    notes.push((*key, lang, keyword_lang, note));
                }
            }
        }
        notes
    });
    notes
        .iter()
        .find(|(k, l, kl, _)| (*k, *l, *kl) == (key, lang, keyword_lang))
        .map_or("", |(.., note)| note.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn validity(text: &str) -> Vec<bool> {
        let (document, mut out) = crate::syntax::parse(FileId(0), text, Lang::En);
        build(FileId(0), &document.expect("parses"), Lang::En, &mut out)
            .into_iter()
            .map(|built| built.valid)
            .collect()
    }

    const WELL_FORMED: &str = "requirement \"A\" {\n  id: A\n  purpose: safety\n  risk: low\n  scope: 1 units\n  burden \"staff\" {\n    people: 1\n    minutes: 1\n    frequency: yearly\n  }\n}\n";

    #[test]
    fn a_requirement_is_valid_without_a_language_error_inside_it() {
        let invalid_value = WELL_FORMED.replace("A\"", "B\"").replace("risk: low", "risk: extreme");
        let missing_key = "requirement \"C\" {\n  id: C\n}\n";
        let bad_escape = WELL_FORMED.replace("\"staff\"", "\"st\\aff\"");
        let text = format!("{WELL_FORMED}{invalid_value}{missing_key}{bad_escape}{WELL_FORMED}");
        assert_eq!(validity(&text), [true, false, false, false, true]);
    }
}
