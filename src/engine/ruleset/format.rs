//! A ruleset file as written: the shape serde reads, with the spans the
//! loader's errors point at. Unknown keys are errors.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct File {
    pub ruleset: Meta,
    #[serde(default)]
    pub params: BTreeMap<String, Spanned<toml::Value>>,
    #[serde(default)]
    pub examples: BTreeMap<String, Spanned<String>>,
    /// The documents quotes are taken from, by a short id: their titles
    /// in each language.
    #[serde(default)]
    pub documents: BTreeMap<String, TitleFile>,
    #[serde(default, rename = "rule")]
    pub rules: Vec<RuleFile>,
}

/// `[ruleset]`. The title and the document it encodes are required for
/// the file's readers; the engine itself reads neither.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Meta {
    pub name: String,
    #[serde(rename = "title")]
    _title: String,
    pub version: String,
    #[serde(rename = "source")]
    _source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RuleFile {
    pub code: Spanned<String>,
    pub name: Spanned<String>,
    pub level: Spanned<String>,
    /// The words of the sources a rule rests on, one `[[rule.quote]]` per
    /// passage, each with its own document and section.
    #[serde(default, rename = "quote")]
    pub quotes: Vec<QuoteFile>,
    #[serde(default)]
    pub when: Option<Spanned<String>>,
    #[serde(default)]
    pub each: Option<Spanned<String>>,
    #[serde(default)]
    pub builtin: Option<Spanned<String>>,
    pub label: LabelFile,
    #[serde(default)]
    pub secondary: Vec<LabelFile>,
    pub summary: TextsFile,
    pub message: TextsFile,
    pub help: TextsFile,
    pub explanation: TextsFile,
    #[serde(default, rename = "example")]
    pub examples: Vec<Spanned<ExampleFile>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TitleFile {
    pub en: String,
    pub da: String,
}

/// One quote: `document` names an entry of `[documents]`; `section` is the
/// place in it, the same in both languages or `{ en, da }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct QuoteFile {
    pub document: Spanned<String>,
    pub section: SectionFile,
    pub text: Spanned<String>,
}

/// (`ByLang` holds a [`TitleFile`], which refuses unknown keys: an
/// untagged struct variant would drop them silently.)
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum SectionFile {
    Same(String),
    ByLang(TitleFile),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LabelFile {
    #[serde(default)]
    pub key: Option<Spanned<String>>,
    pub en: Spanned<String>,
    pub da: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TextsFile {
    pub en: Spanned<String>,
    pub da: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ExampleFile {
    pub fires: bool,
    #[serde(default)]
    pub krav: Option<String>,
    #[serde(default)]
    pub base: Option<String>,
    #[serde(default)]
    pub with: Option<String>,
    #[serde(default)]
    pub without: Vec<String>,
}

#[cfg(test)]
mod tests {
    use crate::settings::config::tests::{keys_read, schema_keys};

    #[test]
    fn the_schema_names_every_key_the_loader_reads_and_no_other() {
        let schema = include_str!("../../../schemas/ruleset.schema.json");
        for (pointer, document) in [
            ("", "zz_unknown = 1"),
            ("/properties/ruleset", "[ruleset]\nzz_unknown = 1"),
            ("/properties/rule/items", "[[rule]]\nzz_unknown = 1"),
            (
                "/properties/documents/additionalProperties",
                "[documents.kodeks]\nzz_unknown = 1",
            ),
            (
                "/definitions/rule/properties/quote/items",
                "[[rule]]\n[[rule.quote]]\nzz_unknown = 1",
            ),
            (
                "/definitions/rule/properties/label",
                "[[rule]]\n[rule.label]\nzz_unknown = 1",
            ),
            (
                "/definitions/rule/properties/secondary/items",
                "[[rule]]\n[[rule.secondary]]\nzz_unknown = 1",
            ),
            (
                "/definitions/rule/properties/summary",
                "[[rule]]\n[rule.summary]\nzz_unknown = 1",
            ),
            (
                "/definitions/rule/properties/message",
                "[[rule]]\n[rule.message]\nzz_unknown = 1",
            ),
            (
                "/definitions/rule/properties/help",
                "[[rule]]\n[rule.help]\nzz_unknown = 1",
            ),
            (
                "/definitions/rule/properties/explanation",
                "[[rule]]\n[rule.explanation]\nzz_unknown = 1",
            ),
            (
                "/definitions/rule/properties/example/items",
                "[[rule]]\n[[rule.example]]\nzz_unknown = 1",
            ),
        ] {
            assert_eq!(
                schema_keys(schema, pointer),
                keys_read::<super::File>(document),
                "schemas/ruleset.schema.json at {pointer:?} and the ruleset loader disagree"
            );
        }
    }
}
