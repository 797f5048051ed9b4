//! The enumerated words a value can be compared with. They live in the
//! language's keyword tables (`model::keywords::values`, the one place a
//! word is spelt): written in either language in a rule, held in English,
//! shown in the message's language.

use crate::diagnostics::Lang;
use crate::model::keywords::values;

/// Every spelling, for suggestions.
pub(super) fn all() -> impl Iterator<Item = &'static str> {
    values::all()
}

/// The English spelling of an enumerated word written in either language.
pub(super) fn known(word: &str) -> Option<&'static str> {
    values::canonical(word)
}

/// An enumerated word (as the engine holds it, in English) in `lang`, so a
/// Danish message says `middel` where the value is `medium`.
pub fn word_in(word: &str, lang: Lang) -> Option<&'static str> {
    values::in_lang(word, lang)
}
