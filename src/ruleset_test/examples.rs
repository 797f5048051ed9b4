//! Ruleset examples: each rule carries snippets that must fire it and
//! snippets that must not (as OpenFisca tests rules with cases). A snippet
//! is a whole `.krav` text, or a patch of the ruleset's base requirement:
//! `with` entries replace the base's entries of the same key (any `burden`
//! block replaces all of the base's) or are added, and `without` keys are
//! removed.

use crate::diagnostics::{messages as m, Lang};
use crate::engine::{Example, ExampleSource, Ruleset};
use crate::model::keywords::Opener;
use crate::model::{Key, Keyword};
use crate::source::FileId;
use crate::syntax::{self, Item};

/// Why an example has no text.
#[derive(Debug, PartialEq, Eq)]
pub enum ExampleError {
    /// The ruleset has no `examples.<lang>` to patch.
    NoBase(String),
    BaseDoesNotParse,
    PatchDoesNotParse(String),
    /// `without` names a word that is not a key.
    NotAKey(String),
}

impl ExampleError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExampleError::NoBase(base) => m::NO_EXAMPLE_BASE.fill(lang, &[("lang", base)]),
            ExampleError::BaseDoesNotParse => m::BASE_DOES_NOT_PARSE.get(lang).to_owned(),
            ExampleError::PatchDoesNotParse(patch) => m::PATCH_DOES_NOT_PARSE.fill(lang, &[("patch", patch)]),
            ExampleError::NotAKey(name) => m::WITHOUT_NOT_A_KEY.fill(lang, &[("name", name)]),
        }
    }
}

/// The `.krav` text of an example.
pub fn text(ruleset: &Ruleset, example: &Example) -> Result<String, ExampleError> {
    match &example.source {
        ExampleSource::Text(text) => Ok(text.clone()),
        ExampleSource::Patch { lang, with, without } => {
            let base = ruleset
                .example_bases
                .get(lang)
                .ok_or_else(|| ExampleError::NoBase(lang.clone()))?;
            patch(base, with, without)
        }
    }
}

fn patch(base: &str, with: &str, without: &[String]) -> Result<String, ExampleError> {
    let (document, errors) = syntax::parse(FileId(0), base, Lang::En);
    let block = document
        .filter(|_| errors.is_empty())
        .and_then(|d| d.requirements.into_iter().next())
        .ok_or(ExampleError::BaseDoesNotParse)?;
    let wrapped = format!("requirement \"patch\" {{\n{with}\n}}\n");
    let (patch, errors) = syntax::parse(FileId(0), &wrapped, Lang::En);
    let patch = patch
        .filter(|_| errors.is_empty())
        .and_then(|d| d.requirements.into_iter().next())
        .ok_or_else(|| ExampleError::PatchDoesNotParse(with.to_owned()))?;

    let key_of = |item: &Item<'_>| match item {
        Item::Entry(e) => Key::lookup(e.key.text),
        Item::Block(b) => Key::lookup(b.key.text),
    };
    let mut removed = Vec::new();
    for name in without {
        removed.push(Key::lookup(name).ok_or_else(|| ExampleError::NotAKey(name.clone()))?);
    }
    let patch_items: Vec<(Option<Key>, &str)> = patch
        .items
        .iter()
        .map(|i| (key_of(i), &wrapped[i.span().range()]))
        .collect();
    let patched_keys: Vec<Key> = patch_items.iter().filter_map(|(k, _)| *k).collect();

    let mut lines = vec![format!("{} {} {{", block.key.text, &base[block.label.span.range()])];
    let mut used = vec![false; patch_items.len()];
    for item in &block.items {
        let key = key_of(item);
        if key.is_some_and(|k| removed.contains(&k)) {
            continue;
        }
        match key.filter(|k| patched_keys.contains(k)) {
            Some(k) => {
                // The patch's entries for this key take its place, once.
                for (i, (patch_key, text)) in patch_items.iter().enumerate() {
                    if *patch_key == Some(k) && !used[i] {
                        used[i] = true;
                        lines.push(indented(text));
                    }
                }
            }
            None => lines.push(format!("  {}", &base[item.span().range()])),
        }
    }
    for (i, (_, text)) in patch_items.iter().enumerate() {
        if !used[i] {
            lines.push(indented(text));
        }
    }
    lines.push("}".to_owned());
    Ok(lines.join("\n") + "\n")
}

/// A patch entry one level in, every line of a block included.
fn indented(text: &str) -> String {
    text.lines()
        .map(|line| format!("  {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The language an example is written in: its base's, or that of the
/// keyword that opens its requirement.
pub fn language(example: &Example) -> Option<Lang> {
    match &example.source {
        ExampleSource::Patch { lang, .. } => Lang::parse(lang),
        ExampleSource::Text(text) => {
            let opener = text.split_whitespace().next()?;
            [Lang::En, Lang::Da]
                .into_iter()
                .find(|&lang| opener == Opener::Requirement.name(lang))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "requirement \"Base\" {\n  id: B-1\n  risk: low\n  burden \"a\" {\n    people: 1\n  }\n  burden \"b\" {\n    people: 2\n  }\n  review: after 2 years\n}\n";

    #[test]
    fn replaces_adds_and_removes() {
        let text = patch(BASE, "risiko: høj \"x\"\nmethod: \"m\"", &["review".to_owned()]).expect("patches");
        assert_eq!(
            text,
            "requirement \"Base\" {\n  id: B-1\n  risiko: høj \"x\"\n  burden \"a\" {\n    people: 1\n  }\n  burden \"b\" {\n    people: 2\n  }\n  method: \"m\"\n}\n"
        );
    }

    #[test]
    fn a_burden_in_the_patch_replaces_every_burden() {
        let text = patch(BASE, "burden \"c\" {\n  people: 3\n}", &[]).expect("patches");
        assert!(text.contains("burden \"c\""));
        assert!(!text.contains("burden \"a\""));
        assert!(!text.contains("burden \"b\""));
        assert_eq!(text.matches("burden").count(), 1);
    }

    #[test]
    fn a_block_in_the_patch_is_indented_as_a_whole() {
        let text = patch(BASE, "burden \"c\" {\n  people: 3\n}", &[]).expect("patches");
        assert!(text.contains("\n  burden \"c\" {\n    people: 3\n  }\n"), "{text}");
    }

    #[test]
    fn unknown_keys_and_broken_patches_are_errors() {
        assert!(patch(BASE, "", &["colour".to_owned()]).is_err());
        assert!(patch(BASE, "risk: \"unclosed", &[]).is_err());
    }
}
