//! Values that are not answers: what `init`'s template leaves to fill in,
//! and what a hurried author writes instead of an answer. The template
//! writes these texts and the builder recognises them (TL014), so the two
//! cannot drift apart.

use crate::diagnostics::{Lang, Text};

/// The text the template leaves where a text belongs.
pub const TEXT: &str = "…";
/// The template's id.
pub const ID: &str = "TODO-ID";
/// The template's title.
pub const TITLE: Text = Text {
    en: "TODO: a short title",
    da: "TODO: en kort titel",
};
/// The template's placeholder where a word or number belongs. A word, not
/// a text: TL003 says what is accepted there.
pub const WORD: &str = "TODO";

/// Words that stand in for an answer when they are the whole value
/// (compared without case): "to be decided", "to be filled in", "missing".
const STAND_INS: &[&str] = &[
    "tbd",
    "tba",
    "fixme",
    "xxx",
    "n/a",
    "na",
    "udfyldes",
    "skal udfyldes",
    "mangler",
    "afventer",
];

/// Whether `text` is a placeholder rather than an answer: empty, only
/// punctuation (`…`, `...`, `-`, `?`), starting with `TODO`, a stand-in
/// word, or one of the template's texts.
pub fn is_placeholder(text: &str) -> bool {
    let text = text.trim();
    if !text.chars().any(char::is_alphanumeric) {
        return true;
    }
    let starts_with_todo = text
        .get(..WORD.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(WORD))
        && !text[WORD.len()..].starts_with(char::is_alphanumeric);
    starts_with_todo
        || STAND_INS.iter().any(|w| text.eq_ignore_ascii_case(w))
        || [ID, TITLE.en, TITLE.da].contains(&text)
}

/// The template's title in `lang`.
pub fn title(lang: Lang) -> &'static str {
    TITLE.get(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_and_is_not_an_answer() {
        for text in [
            "",
            "  ",
            "…",
            "...",
            "… ",
            "-",
            "?",
            "TODO",
            "todo: fill in",
            "TODO-ID",
            "TBD",
            "Udfyldes",
        ] {
            assert!(is_placeholder(text), "{text:?}");
        }
        for text in [
            "Todos",
            "Incident data 2023",
            "A",
            "3 sager",
            "Mangler ingen",
            "Todoroki",
        ] {
            assert!(!is_placeholder(text), "{text:?}");
        }
        for lang in [Lang::En, Lang::Da] {
            assert!(is_placeholder(title(lang)));
        }
    }
}
