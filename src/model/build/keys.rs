//! Keys: looking them up (TL002, with a suggestion), remembering the
//! misspelt ones so they are not also reported missing, and duplicates
//! (TL005).

use super::Builder;
use crate::diagnostics::{lints, messages as m, suggest_preferring, Arg, Message, Text};
use crate::model::{Key, Keyword};
use crate::source::Span;
use crate::syntax::Word;

impl Builder<'_> {
    /// is a key of the other level (`O`).
    pub(super) fn key<K: Keyword, O: Keyword>(
        &mut self,
        word: &Word<'_>,
        label: &'static Text,
        belongs_elsewhere: &'static Text,
    ) -> Option<K> {
        if let Some(key) = K::lookup(word.text) {
            return Some(key);
        }
        let elsewhere = O::lookup(word.text).map(|_| {
            belongs_elsewhere.with(
                self.lang,
                &[
                    ("key", Arg::from(word.text)),
                    ("burden", Arg::from(Key::Burden.name(self.keyword_lang))),
                ],
            )
        });
        self.unknown_keyword::<K>(word, &m::UNKNOWN_KEY, label, elsewhere);
        None
    }

    pub(super) fn was_misspelt(&self, key: impl Keyword) -> bool {
        key.spelling().all().any(|s| self.misspelt.contains(&s))
    }

    pub(super) fn unknown_keyword<K: Keyword>(
        &mut self,
        word: &Word<'_>,
        message: &'static Text,
        label: &'static Text,
        help: Option<Message>,
    ) {
        let suggestion = suggest_preferring(word.text, K::spellings_for(self.keyword_lang));
        self.misspelt.extend(suggestion.map(|s| s.word));
        let mut diagnostic = lints::UNKNOWN_KEY
            .at(
                self.file,
                word.span,
                message.with(self.lang, &[("key", Arg::from(word.text))]),
            )
            .with_label(label.get(self.lang));
        diagnostic = match (help, suggestion) {
            // A key of the other level is spelt right, only misplaced.
            (Some(help), _) => diagnostic.with_help(help),
            (None, Some(s)) => diagnostic
                .with_help(m::DID_YOU_MEAN.with(self.lang, &[("suggestion", Arg::from(s.word))]))
                .with_edit(word.span, s.word, s.clear),
            (None, None) => diagnostic.with_help(self.accepted(std::any::type_name::<K>(), K::accepted)),
        };
        self.out.push(diagnostic);
    }

    /// TL005 for a second occurrence; records the first.
    pub(super) fn duplicate<K: Keyword>(&mut self, seen: &mut Vec<(K, Span)>, key: K, word: Word<'_>) -> bool {
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            let diagnostic = lints::DUPLICATE_KEY
                .at(
                    self.file,
                    word.span,
                    m::DUPLICATE_KEY.with(self.lang, &[("key", Arg::from(word.text))]),
                )
                .with_label(m::DUPLICATE_KEY_LABEL.get(self.lang))
                .with_secondary(self.file, *first, m::DUPLICATE_KEY_FIRST.get(self.lang))
                .with_help(m::DUPLICATE_KEY_HELP.get(self.lang));
            self.out.push(diagnostic);
            return true;
        }
        seen.push((key, word.span));
        false
    }
}
