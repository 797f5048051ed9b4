//! Readers for the values of keys: each reads the atoms of a term and
//! reports TL003 at the exact span of what does not fit, with the key's
//! shape (from the key table) as help.

use super::cursor::Cursor;
use super::Builder;
use crate::diagnostics::{lints, messages as m, suggest_preferring, Arg, Diagnostic, Lang, Message, Text};
use crate::model::date::{self, Date};
use crate::model::keywords::{keywords_in, shape_words, KeyTable, Marker, Unit};
use crate::model::{Key, Keyword, Spanned};
use crate::source::Span;
use crate::syntax::{Atom, AtomKind, Entry};
use std::sync::{Arc, Mutex, PoisonError};

/// The largest value a figure may have, and why.
#[derive(Clone, Copy)]
pub(super) struct Limit {
    pub max: f64,
    pub why: &'static Text,
}

/// About the number of people living in Denmark.
pub(super) const MAX_PEOPLE: Limit = Limit {
    max: 6_000_000.0,
    why: &m::LIMIT_PEOPLE,
};
/// No more units than people.
pub(super) const MAX_UNITS: Limit = Limit {
    max: 6_000_000.0,
    why: &m::LIMIT_UNITS,
};
/// Cases behind a trigger, or a year's cases of a burden block.
pub(super) const MAX_CASES: Limit = Limit {
    max: 100_000_000.0,
    why: &m::LIMIT_CASES,
};
/// The minutes of a year.
pub(super) const MAX_MINUTES: Limit = Limit {
    max: 525_600.0,
    why: &m::LIMIT_MINUTES,
};
/// Once a minute, all year.
pub(super) const MAX_PER_YEAR: Limit = Limit {
    max: 525_600.0,
    why: &m::LIMIT_PER_YEAR,
};
pub(super) const MAX_REVIEW_YEARS: Limit = Limit {
    max: 100.0,
    why: &m::LIMIT_YEARS,
};

/// `1.500` → `1500` when the digits after each `.` come in threes, as
/// Danish thousands separators write them.
fn thousands(text: &str) -> Option<String> {
    let mut groups = text.split('.');
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let plausible = (1..=3).contains(&first.len()) && !rest.is_empty() && rest.iter().all(|g| g.len() == 3);
    plausible.then(|| text.replace('.', ""))
}

impl Builder<'_> {
    /// The one term of a single-valued key. `2,5` gets "did you mean 2.5?".
    pub(super) fn single<'t, 'a, K: KeyTable>(&mut self, key: K, entry: &'t Entry<'a>) -> Option<Cursor<'t, 'a>> {
        let (first, rest) = entry.terms.split_first()?;
        let Some(second) = rest.first() else {
            return Some(Cursor::new(first));
        };
        let name = key.name(self.keyword_lang);
        if let (
            Some(Atom {
                kind: AtomKind::Number(whole),
                span: a,
            }),
            Some(Atom {
                kind: AtomKind::Number(fraction),
                span: b,
            }),
        ) = (first.atoms.last(), second.atoms.first())
        {
            if b.start == a.end + 1 {
                let written = format!("{whole},{fraction}");
                let meant = format!("{whole}.{fraction}");
                // `1,500` may be a thousand and a half written the English way.
                let ambiguous = fraction.len() == 3 && (1..=3).contains(&whole.len()) && !whole.contains('.');
                let help = if ambiguous {
                    // `1,500` as a decimal is 1.5: show it so.
                    let decimal = format!("{whole}.{fraction}");
                    let decimal = decimal.trim_end_matches('0').trim_end_matches('.');
                    m::DECIMAL_COMMA_OR_THOUSANDS_HELP.with(
                        self.lang,
                        &[
                            ("number", Arg::from(decimal)),
                            ("whole", Arg::from(&format!("{whole}{fraction}"))),
                        ],
                    )
                } else {
                    m::DECIMAL_COMMA_HELP.with(self.lang, &[("number", Arg::from(&meant))])
                };
                let diagnostic = self
                    .invalid(
                        a.to(*b),
                        m::DECIMAL_COMMA.with(self.lang, &[("text", Arg::from(&written))]),
                    )
                    .with_label(m::DECIMAL_COMMA_LABEL.get(self.lang))
                    .with_help(help);
                // `1,500` may mean 1500 or 1.5: a person must choose.
                let diagnostic = if ambiguous {
                    diagnostic
                } else {
                    diagnostic.with_edit(a.to(*b), meant.as_str(), true)
                };
                self.push(diagnostic);
                return None;
            }
        }
        let extra = second.span.to(rest.last().map(|t| t.span).unwrap_or(second.span));
        self.push(
            self.invalid(extra, m::NOT_A_LIST.with(self.lang, &[("key", Arg::from(name))]))
                .with_label(m::NOT_A_LIST_LABEL.get(self.lang))
                .with_help(m::NOT_A_LIST_HELP.with(self.lang, &[("key", Arg::from(name))])),
        );
        None
    }

    /// Each term of a list-valued key, read by `item`; bad items are left out.
    pub(super) fn list<'t, 'a, T>(
        &mut self,
        entry: &'t Entry<'a>,
        mut item: impl FnMut(&mut Self, &mut Cursor<'t, 'a>, Span) -> Option<T>,
    ) -> Vec<T> {
        entry
            .terms
            .iter()
            .filter_map(|term| item(self, &mut Cursor::new(term), term.span))
            .collect()
    }

    /// A quoted text as the whole value.
    pub(super) fn text(&mut self, key: Key, entry: &Entry<'_>) -> Option<Spanned<String>> {
        let mut c = self.single(key, entry)?;
        let Some(text) = c.eat_string() else {
            let found = c.peek();
            let span = found.map(|a| a.span).unwrap_or(entry.value_span);
            self.expected(key, span, found, &m::WHAT_TEXT);
            return None;
        };
        self.end(key, &mut c);
        Some(text)
    }

    /// A required enumerated word of `K`.
    pub(super) fn keyword<K: Keyword>(
        &mut self,
        key: impl KeyTable,
        c: &mut Cursor<'_, '_>,
        what: &Text,
    ) -> Option<Spanned<K>> {
        if let Some(word) = c.eat::<K>(|_| true) {
            return Some(word);
        }
        if let Some(joined) = self.joined::<K>(c) {
            return Some(joined);
        }
        match c.peek() {
            Some(Atom {
                kind: AtomKind::Word(word),
                span,
            }) => {
                let suggestion = suggest_preferring(word, K::spellings_for(self.keyword_lang));
                let what = what.get(self.lang);
                let diagnostic = self
                    .invalid(
                        *span,
                        m::UNKNOWN_WORD.with(self.lang, &[("what", Arg::from(what)), ("word", Arg::from(word))]),
                    )
                    .with_label(m::UNKNOWN_WORD_LABEL.with(self.lang, &[("what", Arg::from(what))]));
                let accepted = self.accepted(std::any::type_name::<K>(), K::accepted);
                let diagnostic = match suggestion {
                    Some(s) => diagnostic
                        .with_help(m::DID_YOU_MEAN.with(self.lang, &[("suggestion", Arg::from(s.word))]))
                        .with_edit(*span, s.word, s.clear)
                        .with_note(accepted),
                    None => diagnostic.with_help(accepted),
                };
                self.push(diagnostic);
            }
            found => {
                let span = c.peek_span();
                self.expected(key, span, found, what);
                let accepted = self.accepted(std::any::type_name::<K>(), K::accepted);
                if let Some(last) = self.out.last_mut() {
                    last.notes.push(accepted);
                }
            }
        }
        None
    }

    /// One of the `allowed` markers (`none`, `after`, …); anything else is
    /// TL003 with the key's shape as help, since these values mix words with
    /// dates, texts and frequencies that no word list can show.
    pub(super) fn marker(
        &mut self,
        key: Key,
        c: &mut Cursor<'_, '_>,
        allowed: &[Marker],
        what: &Text,
    ) -> Option<Marker> {
        if let Some(marker) = c.eat::<Marker>(|m| allowed.contains(&m)) {
            return Some(marker.value);
        }
        let help = self.shape(key);
        match c.peek() {
            Some(Atom {
                kind: AtomKind::Word(word),
                span,
            }) => {
                let lang = self.keyword_lang;
                let candidates = allowed
                    .iter()
                    .flat_map(|m| m.spelling().all().map(move |w| (w, w == m.name(lang))));
                let what = what.get(self.lang);
                let diagnostic = self
                    .invalid(
                        *span,
                        m::UNKNOWN_WORD.with(self.lang, &[("what", Arg::from(what)), ("word", Arg::from(word))]),
                    )
                    .with_label(m::UNKNOWN_WORD_LABEL.with(self.lang, &[("what", Arg::from(what))]));
                let diagnostic = match suggest_preferring(word, candidates) {
                    Some(s) => diagnostic
                        .with_help(m::DID_YOU_MEAN.with(self.lang, &[("suggestion", Arg::from(s.word))]))
                        .with_edit(*span, s.word, s.clear)
                        .with_note(help),
                    None => diagnostic.with_help(help),
                };
                self.push(diagnostic);
            }
            found => self.expected(key, c.peek_span(), found, what),
        }
        None
    }

    pub(super) fn number(&mut self, key: impl KeyTable, c: &mut Cursor<'_, '_>) -> Option<Spanned<f64>> {
        match c.peek() {
            Some(Atom {
                kind: AtomKind::Number(text),
                span,
            }) => {
                c.pos += 1;
                match text.parse::<f64>() {
                    Ok(value) if value.is_finite() => Some(Spanned::new(value, *span)),
                    _ => {
                        self.push(self.invalid(
                            *span,
                            m::NUMBER_TOO_LARGE.with(self.lang, &[("number", Arg::from(text))]),
                        ));
                        None
                    }
                }
            }
            found => {
                let span = c.peek_span();
                self.expected(key, span, found, &m::WHAT_NUMBER);
                None
            }
        }
    }

    /// A count: a whole number no larger than `limit` allows. `1.500`
    /// gets "did you mean 1500?", as Danish writes thousands that way.
    pub(super) fn whole(&mut self, key: impl KeyTable, c: &mut Cursor<'_, '_>, limit: Limit) -> Option<Spanned<u64>> {
        let text = match c.peek() {
            Some(Atom {
                kind: AtomKind::Number(text),
                ..
            }) => *text,
            _ => {
                // Not a number at all: `number` says what was expected.
                self.number(key, c)?;
                return None;
            }
        };
        let number = self.number(key, c)?;
        if text.contains('.') {
            let meant = thousands(text);
            let help = match &meant {
                Some(meant) => m::NOT_WHOLE_THOUSANDS_HELP
                    .with(self.lang, &[("number", Arg::from(meant)), ("text", Arg::from(text))]),
                None => m::NOT_WHOLE_HELP.get(self.lang).into(),
            };
            let diagnostic = self
                .invalid(
                    number.span,
                    m::NOT_WHOLE.with(self.lang, &[("number", Arg::from(text))]),
                )
                .with_label(m::NOT_WHOLE_LABEL.get(self.lang))
                .with_help(help);
            // A count cannot be 1.5 people: `1.500` is a thousands separator.
            self.push(match meant {
                Some(meant) => diagnostic.with_edit(number.span, meant, true),
                None => diagnostic,
            });
            return None;
        }
        self.at_most(key, &number, limit)?;
        Some(Spanned::new(number.value as u64, number.span))
    }

    /// A count kept as a figure of the estimate (people, cases a year).
    pub(super) fn count(&mut self, key: impl KeyTable, c: &mut Cursor<'_, '_>, limit: Limit) -> Option<Spanned<f64>> {
        self.whole(key, c, limit).map(|n| Spanned::new(n.value as f64, n.span))
    }

    /// A number no larger than `limit`, so every estimate stays a finite,
    /// believable figure.
    pub(super) fn bounded(&mut self, key: impl KeyTable, c: &mut Cursor<'_, '_>, limit: Limit) -> Option<Spanned<f64>> {
        let number = self.number(key, c)?;
        self.at_most(key, &number, limit)?;
        Some(number)
    }

    /// TL003 when `number` is past `limit`.
    pub(super) fn at_most(&mut self, key: impl KeyTable, number: &Spanned<f64>, limit: Limit) -> Option<()> {
        if number.value <= limit.max {
            return Some(());
        }
        let name = key.name(self.keyword_lang);
        let (max, written) = (Arg::Num(limit.max), Arg::Num(number.value));
        self.push(
            self.invalid(
                number.span,
                m::OUT_OF_RANGE.with(
                    self.lang,
                    &[("number", written), ("key", Arg::from(name)), ("max", max)],
                ),
            )
            .with_label(limit.why.get(self.lang))
            .with_help(m::OUT_OF_RANGE_HELP.with(self.lang, &[("key", Arg::from(name)), ("max", max)])),
        );
        None
    }

    /// The unit word after a number, one of `allowed`.
    pub(super) fn unit(&mut self, key: Key, c: &mut Cursor<'_, '_>, allowed: &[Unit]) -> Option<Unit> {
        if let Some(unit) = c.eat::<Unit>(|u| allowed.contains(&u)) {
            return Some(unit.value);
        }
        let names: Vec<String> = allowed
            .iter()
            .map(|u| format!("`{}`", u.name(self.keyword_lang)))
            .collect();
        let span = c.peek_span();
        let found = describe(c.peek(), self.lang);
        self.push(
            self.invalid(
                span,
                m::EXPECTED_UNIT.with(
                    self.lang,
                    &[("units", Arg::from(&names.join(" / "))), ("found", Arg::from(&found))],
                ),
            )
            .with_label(m::EXPECTED_LABEL.get(self.lang))
            .with_help(self.shape(key)),
        );
        None
    }

    pub(super) fn date(&mut self, key: Key, c: &mut Cursor<'_, '_>) -> Option<Spanned<Date>> {
        match c.peek() {
            Some(Atom {
                kind: AtomKind::Date(text),
                span,
            }) => {
                c.pos += 1;
                match Date::parse(text) {
                    Ok(date) => Some(Spanned::new(date, *span)),
                    Err(err) => {
                        let message = match err {
                            date::DateError::Month => m::BAD_MONTH.with(
                                self.lang,
                                &[("date", Arg::from(text)), ("month", Arg::from(&text[5..7]))],
                            ),
                            date::DateError::Day { days_in_month } => m::BAD_DAY.with(
                                self.lang,
                                &[
                                    ("date", Arg::from(text)),
                                    ("month", Arg::from(&text[5..7])),
                                    ("year", Arg::from(&text[..4])),
                                    ("days", Arg::from(u32::from(days_in_month))),
                                ],
                            ),
                        };
                        self.push(
                            self.invalid(*span, message)
                                .with_label(m::BAD_DATE_LABEL.get(self.lang))
                                .with_help(m::DATE_HELP.get(self.lang).to_owned()),
                        );
                        None
                    }
                }
            }
            found => {
                let span = c.peek_span();
                self.expected(key, span, found, &m::WHAT_DATE);
                None
            }
        }
    }

    /// A keyword of several words written with spaces (`per sag` for
    /// `per_sag`): TL003 with the joined spelling as a safe fix, and the
    /// word read as meant, so nothing after it is reported as well.
    fn joined<K: Keyword>(&mut self, c: &mut Cursor<'_, '_>) -> Option<Spanned<K>> {
        let words = c.words_ahead(MAX_WORDS_IN_KEYWORD);
        for n in (2..=words.len()).rev() {
            let joined = words[..n].iter().map(|(w, _)| *w).collect::<Vec<_>>().join("_");
            let Some(value) = K::lookup(&joined) else {
                continue;
            };
            let span = words[0].1.to(words[n - 1].1);
            let written = words[..n].iter().map(|(w, _)| *w).collect::<Vec<_>>().join(" ");
            self.push(
                self.invalid(
                    span,
                    m::WRITTEN_APART.with(
                        self.lang,
                        &[("written", Arg::from(&written)), ("word", Arg::from(&joined))],
                    ),
                )
                .with_label(m::WRITTEN_APART_LABEL.get(self.lang))
                .with_help(m::WRITTEN_APART_HELP.with(self.lang, &[("word", Arg::from(&joined))]))
                .with_edit(span, joined.as_str(), true),
            );
            c.pos += n;
            return Some(Spanned::new(value, span));
        }
        None
    }

    /// Anything left in a term after its value is complete.
    pub(super) fn end(&mut self, key: impl KeyTable, c: &mut Cursor<'_, '_>) {
        let Some(first) = c.peek() else { return };
        let last = c.atoms.last().map(|a| a.span).unwrap_or(first.span);
        let name = key.name(self.keyword_lang);
        let found = describe(Some(first), self.lang);
        self.push(
            self.invalid(
                first.span.to(last),
                m::UNEXPECTED_AFTER_VALUE.with(self.lang, &[("found", Arg::from(&found)), ("key", Arg::from(name))]),
            )
            .with_label(m::UNEXPECTED_LABEL.get(self.lang))
            .with_help(self.shape(key)),
        );
        c.pos = c.atoms.len();
    }

    /// TL003 "expected {what}, found {found}".
    pub(super) fn expected(&mut self, key: impl KeyTable, span: Span, found: Option<&Atom<'_>>, what: &Text) {
        let found = describe(found, self.lang);
        self.push(
            self.invalid(
                span,
                m::EXPECTED_VALUE.with(
                    self.lang,
                    &[("what", Arg::from(what.get(self.lang))), ("found", Arg::from(&found))],
                ),
            )
            .with_label(m::EXPECTED_LABEL.get(self.lang))
            .with_help(self.shape(key)),
        );
    }

    /// "accepted: …" with the words of `list` (named `of`): the same text
    /// for every finding of a kind of word in a language, so it is made
    /// once for each and shared.
    pub(super) fn accepted(&self, of: &'static str, list: fn() -> String) -> Message {
        type Made = (&'static str, Lang, Arc<str>);
        static MADE: Mutex<Vec<Made>> = Mutex::new(Vec::new());
        let mut made = MADE.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((.., text)) = made.iter().find(|made| (made.0, made.1) == (of, self.lang)) {
            return Message::Shared(text.clone());
        }
        let text: Arc<str> = m::ACCEPTED.fill(self.lang, &[("list", &list())]).into();
        made.push((of, self.lang, text.clone()));
        Message::Shared(text)
    }

    /// How the value of `key` is written, as help: the message in the
    /// language of messages, the keywords in that of the requirement. It
    /// is the same text for every finding of a key in a pair of languages,
    /// so it is made once for each and shared.
    pub(super) fn shape(&self, key: impl KeyTable) -> Message {
        type Made = (&'static Text, &'static str, Lang, Lang, Arc<str>);
        static MADE: Mutex<Vec<Made>> = Mutex::new(Vec::new());
        let (template, name) = (key.facts().shape, key.name(self.keyword_lang));
        let same = |made: &&Made| {
            std::ptr::eq(made.0, template) && (made.1, made.2, made.3) == (name, self.lang, self.keyword_lang)
        };
        let mut made = MADE.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(shape) = made.iter().find(same) {
            return Message::Shared(shape.4.clone());
        }
        let mut args: Vec<(&str, &str)> = vec![("key", name)];
        args.extend(shape_words(self.keyword_lang));
        // Shapes that spell keywords out (`central`) rather than by
        // placeholder are rewritten into the file's language too.
        let shape: Arc<str> = keywords_in(&template.fill(self.lang, &args), self.keyword_lang).into();
        made.push((template, name, self.lang, self.keyword_lang, shape.clone()));
        Message::Shared(shape)
    }

    /// A TL003 at `span`, to be given labels and help and then pushed.
    pub(super) fn invalid(&self, span: Span, message: impl Into<Message>) -> Diagnostic {
        lints::INVALID_VALUE.at(self.file, span, message)
    }

    pub(super) fn push(&mut self, diagnostic: Diagnostic) {
        self.out.push(diagnostic);
    }
}

/// The most words a keyword written apart, or a frequency in prose, is
/// looked for in (`gange om året`).
pub(super) const MAX_WORDS_IN_KEYWORD: usize = 3;

/// What stood where something else was expected: the atom as written
/// (shortened when long), or "nothing".
pub(super) fn describe(atom: Option<&Atom<'_>>, lang: Lang) -> String {
    let written = match atom.map(|a| &a.kind) {
        None => return m::FOUND_NOTHING.get(lang).to_owned(),
        Some(AtomKind::Str(text)) => format!("\"{text}\""),
        Some(AtomKind::Number(text) | AtomKind::Date(text) | AtomKind::Word(text)) => (*text).to_owned(),
    };
    let mut shown: String = written.chars().take(40).collect();
    if shown.len() < written.len() {
        shown.push('…');
    }
    format!("`{shown}`")
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_separators_are_recognised() {
        assert_eq!(super::thousands("1.500").as_deref(), Some("1500"));
        assert_eq!(super::thousands("12.000.000").as_deref(), Some("12000000"));
        assert_eq!(super::thousands("1.5"), None);
        assert_eq!(super::thousands("1234.500"), None);
    }
}
