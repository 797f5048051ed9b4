//! Source text → syntax tree. The pest grammar (`grammar/krav.pest`) gives
//! the shape; this module turns pest's pairs into a small tree with byte
//! spans, decodes strings, and reports syntax errors (TL001) in the user's
//! words. It knows nothing of keys or their meaning.

mod chunks;
#[cfg(test)]
mod differential;
mod error;

pub use chunks::chunks;

use crate::diagnostics::{lints, messages, Arg, Diagnostic, Lang};
use crate::source::{FileId, Span};
use pest::iterators::Pair;
use pest::Parser as _;
use std::borrow::Cow;
use std::ops::Range;

/// The parser that does the work: `grammar/krav-tuned.pest`, the shape of
/// `grammar/krav.pest` written for speed (the differential test holds them
/// to the same answers); punctuation makes no tokens.
#[derive(pest_derive::Parser)]
#[grammar = "../grammar/krav-tuned.pest"]
struct KravParser;

/// A parsed file: its top-level blocks (requirements).
#[derive(Debug, Default)]
pub struct Document<'a> {
    pub requirements: Vec<Block<'a>>,
    /// Spans of `"""` strings, inside which a `#` line is not a comment.
    pub multiline_strings: Vec<Span>,
}

/// `key "label" { items }`.
#[derive(Debug)]
pub struct Block<'a> {
    pub key: Word<'a>,
    pub label: Str<'a>,
    pub items: Vec<Item<'a>>,
    pub span: Span,
}

#[derive(Debug)]
pub enum Item<'a> {
    Entry(Entry<'a>),
    Block(Block<'a>),
}

impl Item<'_> {
    pub fn span(&self) -> Span {
        match self {
            Item::Entry(entry) => entry.span,
            Item::Block(block) => block.span,
        }
    }
}

/// `key: term, term, …`.
#[derive(Debug)]
pub struct Entry<'a> {
    pub key: Word<'a>,
    pub terms: Vec<Term<'a>>,
    pub span: Span,
    pub value_span: Span,
}

/// Atoms on one line between commas.
#[derive(Debug)]
pub struct Term<'a> {
    pub atoms: Vec<Atom<'a>>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Atom<'a> {
    pub kind: AtomKind<'a>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AtomKind<'a> {
    Str(Cow<'a, str>),
    /// The number as written; its value is parsed where it is used.
    Number(&'a str),
    Date(&'a str),
    Word(&'a str),
}

#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub text: &'a str,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Str<'a> {
    pub text: Cow<'a, str>,
    pub span: Span,
}

/// Parses one file. On a syntax error the document is `None` and the one
/// diagnostic says where and what was expected; bad escapes in strings are
/// reported without stopping the parse.
pub fn parse<'a>(file: FileId, text: &'a str, lang: Lang) -> (Option<Document<'a>>, Vec<Diagnostic>) {
    parse_range(file, text, 0..text.len(), 0, lang)
}

/// Parses the part `range` of a file's `text` (a chunk from [`chunks`]);
/// every span is in the whole file. `lines_before` is the number of lines
/// before the chunk (`SourceFile::line_index` of its start), so a message
/// that names a line counts from the top of the file.
pub fn parse_range<'a>(
    file: FileId,
    text: &'a str,
    range: Range<usize>,
    lines_before: usize,
    lang: Lang,
) -> (Option<Document<'a>>, Vec<Diagnostic>) {
    let offset = range.start;
    let chunk = &text[range];
    let mut pairs = match KravParser::parse(Rule::file, chunk) {
        Ok(pairs) => pairs,
        Err(_) => {
            return (
                None,
                vec![error::explain(file, chunk, lines_before, lang).shifted(offset)],
            )
        }
    };
    let mut lower = Lower {
        file,
        lang,
        offset,
        document: Document::default(),
        diagnostics: Vec::new(),
    };
    if let Some(file_pair) = pairs.next() {
        for pair in file_pair.into_inner() {
            if pair.as_rule() == Rule::requirement {
                let block = lower.block(pair);
                lower.document.requirements.push(block);
            }
        }
    }
    (Some(lower.document), lower.diagnostics)
}

struct Lower<'a> {
    file: FileId,
    lang: Lang,
    /// Where the parsed chunk starts in the file.
    offset: usize,
    document: Document<'a>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Lower<'a> {
    fn span(&self, pair: &Pair<'a, Rule>) -> Span {
        Span::new(self.offset + pair.as_span().start(), self.offset + pair.as_span().end())
    }

    fn word(&self, pair: &Pair<'a, Rule>) -> Word<'a> {
        Word {
            text: pair.as_str(),
            span: self.span(pair),
        }
    }

    fn block(&mut self, pair: Pair<'a, Rule>) -> Block<'a> {
        let span = self.span(&pair);
        let mut key = None;
        let mut label = None;
        let mut items = Vec::new();
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::key => key = Some(self.word(&inner)),
                Rule::label => label = Some(self.string(&inner)),
                Rule::entry => items.push(Item::Entry(self.entry(inner))),
                Rule::sub_block => items.push(Item::Block(self.block(inner))),
                _ => {}
            }
        }
        // The grammar guarantees a key and a label; fall back to empty ones
        // rather than trusting that with a panic.
        Block {
            key: key.unwrap_or(Word {
                text: "",
                span: Span::new(span.start, span.start),
            }),
            label: label.unwrap_or(Str {
                text: Cow::Borrowed(""),
                span: Span::new(span.start, span.start),
            }),
            items,
            span,
        }
    }

    fn entry(&mut self, pair: Pair<'a, Rule>) -> Entry<'a> {
        let span = self.span(&pair);
        let mut key = Word {
            text: "",
            span: Span::new(span.start, span.start),
        };
        let mut terms = Vec::new();
        let mut value_span = Span::new(span.end, span.end);
        for inner in pair.into_inner() {
            match inner.as_rule() {
                Rule::key => key = self.word(&inner),
                Rule::value => {
                    value_span = self.span(&inner);
                    for term in inner.into_inner() {
                        if term.as_rule() == Rule::term {
                            terms.push(self.term(term));
                        }
                    }
                }
                _ => {}
            }
        }
        Entry {
            key,
            terms,
            span,
            value_span,
        }
    }

    fn term(&mut self, pair: Pair<'a, Rule>) -> Term<'a> {
        let span = self.span(&pair);
        let atoms = pair
            .into_inner()
            .map(|atom| {
                let span = self.span(&atom);
                let kind = match atom.as_rule() {
                    Rule::string => AtomKind::Str(self.string(&atom).text),
                    Rule::number => AtomKind::Number(atom.as_str()),
                    Rule::date => AtomKind::Date(atom.as_str()),
                    _ => AtomKind::Word(atom.as_str()),
                };
                Atom { kind, span }
            })
            .collect();
        Term { atoms, span }
    }

    /// Control characters other than tab and line ends are invisible in
    /// an editor; inside a string they are as much a mistake as outside.
    fn control_characters(&mut self, raw: &str, start: usize) {
        // A byte test first: C0 controls, DEL, and 0xC2 (which leads the C1 ones).
        let suspicious = raw
            .bytes()
            .any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F || b == 0xC2);
        if !suspicious {
            return;
        }
        let found = raw
            .char_indices()
            .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
        if let Some((i, c)) = found {
            let code = format!("U+{:04X}", c as u32);
            let at = Span::new(start + i, start + i + c.len_utf8());
            self.diagnostics.push(
                lints::SYNTAX_ERROR
                    .at(
                        self.file,
                        at,
                        messages::CONTROL_CHARACTER.with(self.lang, &[("code", Arg::from(&code))]),
                    )
                    .with_label(messages::UNEXPECTED_LABEL.get(self.lang))
                    .with_help(messages::CONTROL_CHARACTER_HELP.get(self.lang)),
            );
        }
    }

    /// Decodes a string token (with its quotes) into its text.
    fn string(&mut self, pair: &Pair<'a, Rule>) -> Str<'a> {
        let raw = pair.as_str();
        let span = self.span(pair);
        self.control_characters(raw, span.start);
        if let Some(inner) = raw.strip_prefix("\"\"\"").and_then(|r| r.strip_suffix("\"\"\"")) {
            self.document.multiline_strings.push(span);
            return Str {
                text: Cow::Borrowed(inner),
                span,
            };
        }
        let inner = &raw[1..raw.len() - 1];
        if !inner.contains('\\') {
            return Str {
                text: Cow::Borrowed(inner),
                span,
            };
        }
        let mut text = String::with_capacity(inner.len());
        let mut chars = inner.char_indices();
        while let Some((i, c)) = chars.next() {
            if c != '\\' {
                text.push(c);
                continue;
            }
            match chars.next() {
                Some((_, escaped @ ('"' | '\\'))) => text.push(escaped),
                Some((j, other)) => {
                    let start = span.start + 1 + i;
                    let escape_span = Span::new(start, span.start + 1 + j + other.len_utf8());
                    let shown = format!("\\{other}");
                    self.diagnostics.push(
                        lints::SYNTAX_ERROR
                            .at(
                                self.file,
                                escape_span,
                                messages::UNKNOWN_ESCAPE.with(self.lang, &[("escape", Arg::from(&shown))]),
                            )
                            .with_label(messages::UNKNOWN_ESCAPE_LABEL.get(self.lang))
                            .with_help(messages::UNKNOWN_ESCAPE_HELP.get(self.lang)),
                    );
                    text.push(other);
                }
                None => text.push('\\'),
            }
        }
        Str {
            text: Cow::Owned(text),
            span,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Document<'_> {
        let (document, diagnostics) = parse(FileId(0), text, Lang::En);
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        document.expect("parses")
    }

    #[test]
    fn parses_blocks_entries_terms_and_atoms() {
        let text = "\u{FEFF}# c\r\nkrav \"T\" {\r\n  id: A-1 # c\r\n  data: \"x\" manuel,\n    \"y\"\n  byrde \"b\" { personer: 2.5 }\n  review: 2026-01-31\n}\n";
        let document = parse_ok(text);
        let block = &document.requirements[0];
        assert_eq!(block.key.text, "krav");
        assert_eq!(block.label.text, "T");
        assert_eq!(block.items.len(), 4);
        let Item::Entry(data) = &block.items[1] else {
            panic!("entry expected")
        };
        assert_eq!(data.terms.len(), 2);
        assert_eq!(data.terms[0].atoms[1].kind, AtomKind::Word("manuel"));
        let Item::Block(burden) = &block.items[2] else {
            panic!("block expected")
        };
        let Item::Entry(people) = &burden.items[0] else {
            panic!("entry expected")
        };
        assert_eq!(people.terms[0].atoms[0].kind, AtomKind::Number("2.5"));
    }

    #[test]
    fn decodes_escapes_and_keeps_triple_strings_raw() {
        let document = parse_ok("r \"a \\\"b\\\" \\\\\" {\n g: \"\"\"x\n \\n y\"\"\"\n}");
        let block = &document.requirements[0];
        assert_eq!(block.label.text, "a \"b\" \\");
        let Item::Entry(entry) = &block.items[0] else { panic!() };
        assert_eq!(entry.terms[0].atoms[0].kind, AtomKind::Str("x\n \\n y".into()));
        assert_eq!(document.multiline_strings.len(), 1);
    }

    #[test]
    fn unknown_escape_is_reported_at_its_span() {
        let text = "r \"a\\nb\" {\n}";
        let (document, diagnostics) = parse(FileId(0), text, Lang::En);
        assert!(document.is_some());
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(&text[diagnostics[0].primary.span.range()], "\\n");
    }
}
