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

#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum SectionFile {
    Same(String),
    ByLang { en: String, da: String },
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
