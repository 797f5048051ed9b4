//! The texts of a finding. A text with something to fill in is kept as its
//! template and its values and rendered when it is written, through the
//! same code that fills a template in ([`super::text::fill`] for the
//! message table, [`Pattern::render`] for a ruleset), so the output is the
//! same text, byte for byte, as filling it in at once would give.

use super::packed::{cap, Args, Packed, MAX_TABLE_VALUE_CHARS};
use super::text::{fill_with, is_singular, Lang, Text};
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// A text of one finding, in the run's language. A fixed text of the
/// message table or of a ruleset is shared, never copied into each
/// finding; a text with values to fill in keeps its template (shared) and
/// its values (capped, so what a finding keeps does not grow with the
/// input), and is filled in when written.
#[derive(Clone, Debug)]
pub enum Message {
    /// A text of the message table.
    Static(&'static str),
    /// A ruleset's text with nothing to fill in, shared with the ruleset.
    Shared(Arc<str>),
    /// A text made for this finding that has no template to keep (as a
    /// list of names joined for it, or a text read back from the cache).
    Own(Box<str>),
    /// A template and the values it is filled in with when written.
    Filled(Filled),
}

/// A template and its values: what a filled-in text keeps. It takes no
/// more room than a [`Message`] of a text: the template is one pointer,
/// and values of up to [`INLINE`] bytes (two figures, or a key and a
/// word) are kept in place; only more take a buffer of their own.
#[derive(Clone, Debug)]
pub struct Filled(Repr);

#[derive(Clone, Debug)]
enum Repr {
    /// A message-table text in the run's language, with `{name}`
    /// placeholders, and its values in place.
    Table {
        lang: Lang,
        len: u8,
        args: [u8; INLINE],
        template: &'static &'static str,
    },
    TableHeap {
        lang: Lang,
        template: &'static &'static str,
        args: Box<[u8]>,
    },
    /// A ruleset's compiled template, shared with the ruleset.
    Pattern {
        lang: Lang,
        len: u8,
        args: [u8; INLINE],
        pattern: Arc<Pattern>,
    },
    PatternHeap {
        lang: Lang,
        pattern: Arc<Pattern>,
        args: Box<[u8]>,
    },
}

/// The most bytes of values kept in place (see [`Filled`]): what fits
/// beside the tag, the language, the length and the template's pointer
/// in the 32 bytes of a [`Message`].
pub(super) const INLINE: usize = 21;

/// A template, as [`Filled`] keeps it.
enum Template<'a> {
    Table(&'static str),
    Pattern(&'a Pattern),
}

impl Message {
    /// The text as written: borrowed when it is kept whole, filled in when
    /// it is a template.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Message::Static(text) => Cow::Borrowed(text),
            Message::Shared(text) => Cow::Borrowed(text),
            Message::Own(text) => Cow::Borrowed(text),
            Message::Filled(filled) => Cow::Owned(filled.render()),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text().is_empty()
    }
}

impl Filled {
    fn table(lang: Lang, template: &'static &'static str, args: Packed) -> Filled {
        Filled(match args {
            Packed::Inline(len, args) => Repr::Table {
                lang,
                len,
                args,
                template,
            },
            Packed::Heap(args) => Repr::TableHeap {
                lang,
                template,
                args: args.into_boxed_slice(),
            },
        })
    }

    fn pattern(lang: Lang, pattern: Arc<Pattern>, args: Packed) -> Filled {
        Filled(match args {
            Packed::Inline(len, args) => Repr::Pattern {
                lang,
                len,
                args,
                pattern,
            },
            Packed::Heap(args) => Repr::PatternHeap {
                lang,
                pattern,
                args: args.into_boxed_slice(),
            },
        })
    }

    fn parts(&self) -> (Lang, Template<'_>, Args<'_>) {
        fn kept(args: &[u8; INLINE], len: u8) -> Args<'_> {
            Args(&args[..usize::from(len).min(INLINE)])
        }
        match &self.0 {
            Repr::Table {
                lang,
                len,
                args,
                template,
            } => (*lang, Template::Table(template), kept(args, *len)),
            Repr::TableHeap { lang, template, args } => (*lang, Template::Table(template), Args(args)),
            Repr::Pattern {
                lang,
                len,
                args,
                pattern,
            } => (*lang, Template::Pattern(pattern), kept(args, *len)),
            Repr::PatternHeap { lang, pattern, args } => (*lang, Template::Pattern(pattern), Args(args)),
        }
    }

    fn render(&self) -> String {
        let (lang, template, args) = self.parts();
        match template {
            Template::Table(template) => fill_with(template, |name| {
                args.iter().find(|(key, _)| *key == name).map(|(_, arg)| arg.show(lang))
            }),
            Template::Pattern(pattern) => pattern.render(args.iter().map(|(_, arg)| arg.show(lang)), true),
        }
    }
}

impl Default for Message {
    fn default() -> Self {
        Message::Static("")
    }
}

/// Two texts are equal when they read the same, however they are kept.
impl PartialEq for Message {
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text()
    }
}

impl Eq for Message {}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text())
    }
}

impl From<&'static str> for Message {
    fn from(text: &'static str) -> Self {
        Message::Static(text)
    }
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Message::Own(text.into_boxed_str())
    }
}

impl From<Arc<str>> for Message {
    fn from(text: Arc<str>) -> Self {
        Message::Shared(text)
    }
}

impl From<Cow<'static, str>> for Message {
    fn from(text: Cow<'static, str>) -> Self {
        match text {
            Cow::Borrowed(text) => Message::Static(text),
            Cow::Owned(text) => text.into(),
        }
    }
}

impl Text {
    /// The text in `lang` with `args` to fill in when it is written (see
    /// [`fill`](super::text::fill)); the text itself when it has nothing to fill in.
    pub fn with(&'static self, lang: Lang, args: &[(&str, Arg<'_>)]) -> Message {
        let template = self.in_lang(lang);
        if args.is_empty() {
            return Message::Static(template);
        }
        let mut packed = Packed::default();
        for (name, arg) in args {
            packed.push(name, *arg, MAX_TABLE_VALUE_CHARS);
        }
        Message::Filled(Filled::table(lang, template, packed))
    }
}

/// A value to fill in: a number is kept as a number and written as the
/// language writes it when the text is.
#[derive(Clone, Copy, Debug)]
pub enum Arg<'a> {
    /// A figure, written with the language's separators ([`format_number`]).
    Num(f64),
    /// A count or a line number, written with digits only.
    Int(i64),
    /// A text, kept capped (see [`MAX_TABLE_VALUE_CHARS`]).
    Str(&'a str),
    /// Nothing: written `–`.
    Null,
    /// Written yes or no in the language.
    Bool(bool),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Str(text)
    }
}

impl<'a> From<&&'a str> for Arg<'a> {
    fn from(text: &&'a str) -> Self {
        Arg::Str(text)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Str(text)
    }
}

impl<'a> From<&'a Box<str>> for Arg<'a> {
    fn from(text: &'a Box<str>) -> Self {
        Arg::Str(text)
    }
}

impl<'a> From<&'a Arc<str>> for Arg<'a> {
    fn from(text: &'a Arc<str>) -> Self {
        Arg::Str(text)
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Int(i64::from(n))
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Int(n)
    }
}

impl From<f64> for Arg<'_> {
    fn from(n: f64) -> Self {
        Arg::Num(n)
    }
}

/// A ruleset's message template in one language, compiled: text and the
/// places its values go, in order. The expressions that give the values
/// stay with the ruleset; a finding keeps the values (see
/// [`Pattern::with`]).
#[derive(Clone, Debug, Default)]
pub struct Pattern {
    parts: Vec<Piece>,
}

#[derive(Clone, Debug)]
pub enum Piece {
    Text(Arc<str>),
    /// The next value.
    Value,
    /// The form that agrees with the next value's number.
    Plural {
        one: Box<str>,
        other: Box<str>,
    },
}

/// The most characters of a filled-in ruleset message: a template with a
/// thousand placeholders makes one line of output, not a thousand values'
/// worth.
pub const MAX_MESSAGE_CHARS: usize = 1_000;

/// The most characters one placeholder of a ruleset message fills in. A
/// message names a title, an id or a list so the reader knows which; past
/// this the rest is an ellipsis, so a huge id or title in the input (named
/// by every finding that names it, TL302's `{other}` for one) cannot make
/// the output or memory grow with the number of findings times its length.
pub const MAX_FILLED_CHARS: usize = 200;

impl Pattern {
    pub fn new(parts: Vec<Piece>) -> Pattern {
        Pattern { parts }
    }

    pub fn parts(&self) -> &[Piece] {
        &self.parts
    }

    /// The text with `values` (one per [`Piece::Value`] and
    /// [`Piece::Plural`], in order) written in; with `capped`, each value
    /// cut at [`MAX_FILLED_CHARS`] and the whole at [`MAX_MESSAGE_CHARS`].
    pub fn render<'v>(&self, values: impl IntoIterator<Item = Cow<'v, str>>, capped: bool) -> String {
        let mut values = values.into_iter();
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Piece::Text(text) => out.push_str(text),
                Piece::Value => {
                    let shown = values.next().unwrap_or_default();
                    if capped {
                        out.push_str(&cap(&shown, MAX_FILLED_CHARS));
                    } else {
                        out.push_str(&shown);
                    }
                }
                Piece::Plural { one, other } => {
                    let shown = values.next().unwrap_or_default();
                    out.push_str(if is_singular(&shown) { one } else { other });
                }
            }
            if capped && out.len() > MAX_MESSAGE_CHARS * 4 {
                break;
            }
        }
        if let Some((cut, _)) = out.char_indices().nth(MAX_MESSAGE_CHARS).filter(|_| capped) {
            out.truncate(cut);
            out.push('…');
        }
        out
    }

    /// The message of one finding: the pattern, shared, with `values`
    /// (one per value piece, in order) kept to be written in when the
    /// text is. A text is kept cut at [`MAX_FILLED_CHARS`]; a plural's
    /// value keeps only whether it reads as one.
    pub fn with(self: &Arc<Self>, lang: Lang, values: &[Arg<'_>]) -> Message {
        let mut filler = self.filler(lang);
        for value in values {
            filler.push(*value);
        }
        filler.finish()
    }

    /// Keeps the values of one finding one by one (as [`Pattern::with`]),
    /// with no list of them made on the way.
    pub fn filler(self: &Arc<Self>, lang: Lang) -> Filler<'_> {
        Filler {
            pattern: self,
            lang,
            slots: self.parts.iter().filter(|p| !matches!(p, Piece::Text(_))),
            packed: Packed::default(),
        }
    }
}

/// The values of one finding being kept (see [`Pattern::filler`]).
pub struct Filler<'p> {
    pattern: &'p Arc<Pattern>,
    lang: Lang,
    slots: std::iter::Filter<std::slice::Iter<'p, Piece>, fn(&&Piece) -> bool>,
    packed: Packed,
}

impl Filler<'_> {
    /// Keeps the next value.
    pub fn push(&mut self, value: Arg<'_>) {
        let plural = matches!(self.slots.next(), Some(Piece::Plural { .. }));
        let value = match value {
            Arg::Str(text) if plural => Arg::Str(if is_singular(text) { "1" } else { "" }),
            value => value,
        };
        self.packed.push("", value, MAX_FILLED_CHARS);
    }

    /// The message: the pattern, shared, and the values kept.
    pub fn finish(self) -> Message {
        Message::Filled(Filled::pattern(self.lang, self.pattern.clone(), self.packed))
    }
}

#[cfg(test)]
mod tests {
    use super::super::messages as m;
    use super::super::text::format_number;
    use super::*;

    #[test]
    fn a_filled_text_reads_as_filling_in_at_once() {
        static TEXT: Text = Text {
            en: "`{key}` on line {line}: {n} {n|case|cases}, {x} {missing}",
            da: "`{key}` på linje {line}: {n} {n|sag|sager}, {x} {missing}",
        };
        let text = &TEXT;
        let long = "å".repeat(700);
        for lang in [Lang::En, Lang::Da] {
            for (key, n) in [("formål", 1.0), (long.as_str(), 27_375.0), ("", 0.96)] {
                let message = text.with(
                    lang,
                    &[
                        ("key", Arg::Str(key)),
                        ("line", Arg::Int(1200)),
                        ("n", Arg::Num(n)),
                        ("x", Arg::Bool(true)),
                    ],
                );
                let yes = m::YES.get(lang);
                let at_once = text.fill(
                    lang,
                    &[
                        ("key", key),
                        ("line", "1200"),
                        ("n", &format_number(n, lang)),
                        ("x", yes),
                    ],
                );
                assert_eq!(message.text(), at_once);
            }
        }
    }

    #[test]
    fn a_filled_text_takes_the_room_of_a_text() {
        assert_eq!(std::mem::size_of::<Message>(), 32);
        let two_figures = m::COUNT_FILES.with(Lang::En, &[("n", Arg::Num(27_375.0)), ("m", Arg::Num(14.5))]);
        assert!(matches!(two_figures, Message::Filled(Filled(Repr::Table { .. }))));
    }

    #[test]
    fn a_text_with_nothing_to_fill_in_is_the_table_text() {
        assert!(matches!(m::YES.with(Lang::Da, &[]), Message::Static("ja")));
    }

    #[test]
    fn a_pattern_keeps_capped_values_and_plurals_as_one_or_not() {
        let pattern = Arc::new(Pattern::new(vec![
            Piece::Text("of ".into()),
            Piece::Value,
            Piece::Text(" ".into()),
            Piece::Plural {
                one: "unit".into(),
                other: "units".into(),
            },
        ]));
        let padded_one = format!("1{}", " ".repeat(300));
        let long = "x".repeat(300);
        for (value, plural, text) in [
            (Arg::Num(1.0), Arg::Num(1.0), "of 1 unit".to_owned()),
            (Arg::Num(1200.0), Arg::Num(1200.0), "of 1,200 units".to_owned()),
            (
                Arg::Str(&long),
                Arg::Str(&padded_one),
                format!("of {}… unit", "x".repeat(200)),
            ),
            (Arg::Null, Arg::Str(&long), "of – units".to_owned()),
        ] {
            assert_eq!(pattern.with(Lang::En, &[value, plural]).text(), text);
        }
    }
}
