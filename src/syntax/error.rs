//! pest's error → TL001 in the user's words. pest reports the rules it
//! expected at the furthest position; we name them the way a person would
//! ("`:`", "a value", "a line break") and recognise the common mistakes —
//! an unclosed string, an unclosed `{`, a block nested too deep, a key
//! with no value — to say what happened and how to fix it.

use crate::diagnostics::{lints, messages as m, Arg, Diagnostic, Lang, Message, Text};
use crate::source::{FileId, Span};
use pest::error::{Error, ErrorVariant, InputLocation};
use pest::Parser as _;

/// The same grammar with named punctuation, to learn what was expected.
#[derive(pest_derive::Parser)]
#[grammar = "../grammar/krav.pest"]
#[grammar = "../grammar/punctuation-named.pest"]
struct ExplainingParser;

/// TL001 for a text the working parser rejected: re-read with named
/// punctuation, and said in the user's words. `text` is a chunk of the
/// file with `lines_before` lines above it.
pub(super) fn explain(file: FileId, text: &str, lines_before: usize, lang: Lang) -> Diagnostic {
    match ExplainingParser::parse(Rule::file, text) {
        Err(err) => from_pest(file, text, lines_before, &err, lang),
        // Both parsers share the shape, so this cannot happen; say so plainly.
        Ok(_) => lints::SYNTAX_ERROR
            .at(
                file,
                Span::new(0, 0),
                m::EXPECTED_FOUND.with(
                    lang,
                    &[
                        ("expected", Arg::from(m::PHRASE_SOMETHING_ELSE.get(lang))),
                        ("found", Arg::from("?")),
                    ],
                ),
            )
            .with_help(m::GENERIC_SYNTAX_HELP.get(lang)),
    }
}

fn from_pest(file: FileId, text: &str, lines_before: usize, err: &Error<Rule>, lang: Lang) -> Diagnostic {
    let pos = match err.location {
        InputLocation::Pos(pos) => pos,
        InputLocation::Span((start, _)) => start,
    };
    let pos = floor_char_boundary(text, pos);
    let expected: Vec<Rule> = match &err.variant {
        ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    let layout = Layout::scan(text, pos);
    let found = Found::at(text, pos);
    let diagnostic = |span: Span, message: Message| lints::SYNTAX_ERROR.at(file, span, message);

    // pest names a rule that failed at its very start instead of its parts:
    // `term` or `value` there means "a value was expected".
    let value_expected = expects_any(
        &expected,
        &[
            Rule::string,
            Rule::date,
            Rule::number,
            Rule::word,
            Rule::term,
            Rule::value,
        ],
    );

    // An opening quote where the parser stopped: the string never closes.
    if found.ch == Some('"') && (value_expected || expected.contains(&Rule::label)) {
        // pest may stop at the third quote of an unclosed `"""` (it reads `""` as an empty string).
        let pos = text[..pos].trim_end_matches('"').len();
        let triple = text[pos..].starts_with("\"\"\"");
        let (message, help) = if triple {
            (m::UNCLOSED_TRIPLE_STRING, m::UNCLOSED_TRIPLE_STRING_HELP)
        } else {
            (m::UNCLOSED_STRING, m::UNCLOSED_STRING_HELP)
        };
        let len = if triple { 3 } else { 1 };
        return diagnostic(Span::new(pos, pos + len), message.get(lang).into())
            .with_label(m::UNCLOSED_STRING_LABEL.get(lang))
            .with_help(help.get(lang));
    }

    // “Word's” quotation marks where a string should start: say what they
    // are and offer the straight ones (not applied by `--fix`: the text
    // between them may hold more of them).
    if let Some(open) = found.ch.filter(|c| TYPOGRAPHIC_QUOTES.contains(c)) {
        if value_expected || expected.contains(&Rule::label) {
            let quote = open.to_string();
            let mut diagnostic = diagnostic(
                found.span(pos),
                m::TYPOGRAPHIC_QUOTE.with(lang, &[("quote", Arg::from(&quote))]),
            )
            .with_label(m::TYPOGRAPHIC_QUOTE_LABEL.get(lang))
            .with_help(m::TYPOGRAPHIC_QUOTE_HELP.get(lang));
            let after = pos + open.len_utf8();
            let line_end = text[after..].find('\n').map_or(text.len(), |i| after + i);
            if let Some((i, close)) = text[after..line_end]
                .char_indices()
                .find(|(_, c)| TYPOGRAPHIC_QUOTES.contains(c))
            {
                let close_at = after + i;
                diagnostic = diagnostic.with_edit(Span::new(pos, after), "\"", false).with_edit(
                    Span::new(close_at, close_at + close.len_utf8()),
                    "\"",
                    false,
                );
            }
            return diagnostic;
        }
    }

    // The file ends inside a block.
    if found.ch.is_none() && expected.contains(&Rule::rbrace) {
        if let Some(&open) = layout.open_braces.last() {
            let line = lines_before + text[..open].matches('\n').count() + 1;
            return diagnostic(
                Span::new(pos, pos),
                m::UNCLOSED_BRACE.with(lang, &[("line", Arg::from(line))]),
            )
            .with_label(m::UNCLOSED_BRACE_END_LABEL.get(lang))
            .with_secondary(file, Span::new(open, open + 1), m::UNCLOSED_BRACE_LABEL.get(lang))
            .with_help(m::UNCLOSED_BRACE_HELP.get(lang));
        }
    }

    // A block inside a sub-block: `burden "x" { more "y" { … } }`.
    if layout.open_braces.len() >= 2 && expected == [Rule::colon] && matches!(found.ch, Some('"') | Some('{')) {
        return diagnostic(found.span(pos), m::NESTED_BLOCK.get(lang).into())
            .with_label(m::NESTED_BLOCK_LABEL.get(lang))
            .with_help(m::NESTED_BLOCK_HELP.get(lang));
    }

    let at_line_end = matches!(found.ch, None | Some('\n') | Some('\r') | Some('}'));
    // `key:` and then nothing.
    if value_expected && at_line_end && text[..pos].trim_end().ends_with(':') {
        return diagnostic(found.span(pos), m::MISSING_VALUE.get(lang).into())
            .with_label(m::MISSING_VALUE_LABEL.get(lang))
            .with_help(m::MISSING_VALUE_HELP.get(lang));
    }
    // `data: "x", "y",` and then the end of the block.
    if value_expected && at_line_end && text[..pos].trim_end().ends_with(',') {
        let comma = text[..pos].trim_end().len() - 1;
        return diagnostic(Span::new(comma, comma + 1), m::TRAILING_COMMA.get(lang).into())
            .with_label(m::MISSING_VALUE_LABEL.get(lang))
            .with_help(m::TRAILING_COMMA_HELP.get(lang));
    }
    // An invisible character: say so rather than "found U+0000".
    if let Some(c) = found
        .ch
        .filter(|c| (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || *c == '\u{FEFF}')
    {
        let code = format!("U+{:04X}", c as u32);
        return diagnostic(
            found.span(pos),
            m::CONTROL_CHARACTER.with(lang, &[("code", Arg::from(&code))]),
        )
        .with_label(m::UNEXPECTED_LABEL.get(lang))
        .with_help(m::CONTROL_CHARACTER_HELP.get(lang));
    }
    // A list that ends in `,` swallows the next line as another value, and
    // the parser only stops at that line's `:` or `{`.
    if matches!(found.ch, Some(':') | Some('{')) && !expected.contains(&found_rule(found.ch)) {
        let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
        let before = text[..line_start].trim_end();
        if before.ends_with(',') && line_start > 0 {
            let comma = before.len() - 1;
            return diagnostic(Span::new(comma, comma + 1), m::TRAILING_COMMA.get(lang).into())
                .with_label(m::TRAILING_COMMA_LABEL.get(lang))
                .with_help(m::TRAILING_COMMA_HELP.get(lang));
        }
    }
    // `hello world` at the top of a file: a word where a requirement should start.
    if at_top_level_of(&layout) && expected == [Rule::label] {
        let word = text[..pos].trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
        return diagnostic(
            found.span(pos),
            m::EXPECTED_TITLE.with(lang, &[("word", Arg::from(word))]),
        )
        .with_label(m::UNEXPECTED_LABEL.get(lang))
        .with_help(m::TOP_LEVEL_HELP.get(lang));
    }
    // `id SOF-1` with the `:` forgotten.
    if expected.contains(&Rule::colon) && found.ch != Some('"') {
        let key = text[..pos]
            .trim_end()
            .rsplit([' ', '\t', '\n', '{'])
            .next()
            .unwrap_or("");
        let key_start = text[..pos].trim_end().len() - key.len();
        if let Some((span, written, joined)) = key_written_apart(text, key_start) {
            return diagnostic(
                span,
                m::KEY_WRITTEN_APART.with(lang, &[("written", Arg::from(written)), ("word", Arg::from(&joined))]),
            )
            .with_label(m::WRITTEN_APART_LABEL.get(lang))
            .with_help(m::WRITTEN_APART_HELP.with(lang, &[("word", Arg::from(&joined))]))
            .with_edit(span, joined, true);
        }
        return diagnostic(found.span(pos), m::MISSING_COLON.with(lang, &[("key", Arg::from(key))]))
            .with_label(m::NESTED_BLOCK_LABEL.get(lang))
            .with_help(m::COLON_HELP.get(lang));
    }

    let at_top_level = at_top_level_of(&layout);
    let wanted = describe_expected(&expected, at_top_level, lang);
    let message = m::EXPECTED_FOUND.with(
        lang,
        &[
            ("expected", Arg::from(&wanted)),
            ("found", Arg::from(&found.describe(lang))),
        ],
    );
    let in_date = found.ch == Some('-') && text[..pos].ends_with(|c: char| c.is_ascii_digit());
    let help = if in_date {
        m::DATE_HELP
    } else if at_top_level {
        m::TOP_LEVEL_HELP
    } else if expected.contains(&Rule::colon) {
        m::COLON_HELP
    } else if expected.contains(&Rule::comma) {
        m::AFTER_VALUE_HELP
    } else {
        m::GENERIC_SYNTAX_HELP
    };
    diagnostic(found.span(pos), message)
        .with_label(m::UNEXPECTED_LABEL.get(lang))
        .with_help(help.get(lang))
}

/// The quotation marks word processors put in place of `"`: Danish and
/// English curly quotes, low-9 quotes and guillemets.
const TYPOGRAPHIC_QUOTES: [char; 7] = ['“', '”', '„', '‟', '«', '»', '″'];

/// `sager pr år: 12`: words separated by spaces and then `:` on one line,
/// a key of several words written apart. Its span, as written, and the
/// words joined with `_`.
fn key_written_apart(text: &str, start: usize) -> Option<(Span, &str, String)> {
    let line = &text[start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let written = line[..line.find(':')?].trim_end();
    let words: Vec<&str> = written.split([' ', '\t']).filter(|w| !w.is_empty()).collect();
    let is_word = |w: &&str| w.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    if words.len() < 2 || !words.iter().all(is_word) {
        return None;
    }
    Some((Span::new(start, start + written.len()), written, words.join("_")))
}

fn at_top_level_of(layout: &Layout) -> bool {
    layout.open_braces.is_empty()
}

/// The punctuation rule for a character, to ask whether the parser wanted it.
fn found_rule(ch: Option<char>) -> Rule {
    match ch {
        Some(':') => Rule::colon,
        Some('{') => Rule::lbrace,
        Some('}') => Rule::rbrace,
        Some(',') => Rule::comma,
        _ => Rule::EOI,
    }
}

fn expects_any(expected: &[Rule], rules: &[Rule]) -> bool {
    expected.iter().any(|rule| rules.contains(rule))
}

/// "`:`, a value or `}`": each expected rule named once, atoms folded into
/// "a value", in a fixed order so the message does not depend on pest's.
fn describe_expected(expected: &[Rule], at_top_level: bool, lang: Lang) -> String {
    let mut phrases: Vec<&Text> = Vec::new();
    let mut push = |text: &'static Text| {
        if !phrases.iter().any(|p| std::ptr::eq(*p, text)) {
            phrases.push(text);
        }
    };
    for rule in expected {
        match rule {
            Rule::key | Rule::requirement | Rule::file if at_top_level => push(&m::PHRASE_REQUIREMENT),
            Rule::key | Rule::entry | Rule::sub_block => push(&m::PHRASE_KEY),
            Rule::label => push(&m::PHRASE_LABEL),
            Rule::colon => push(&m::PHRASE_COLON),
            Rule::comma => push(&m::PHRASE_COMMA),
            Rule::lbrace => push(&m::PHRASE_LBRACE),
            Rule::rbrace => push(&m::PHRASE_RBRACE),
            Rule::nl => push(&m::PHRASE_LINE_BREAK),
            Rule::string | Rule::date | Rule::number | Rule::word | Rule::term | Rule::value => push(&m::PHRASE_VALUE),
            Rule::EOI => push(&m::PHRASE_END_OF_FILE),
            _ => {}
        }
    }
    if phrases.is_empty() {
        return m::PHRASE_SOMETHING_ELSE.get(lang).to_owned();
    }
    let words: Vec<&str> = phrases.iter().map(|p| p.get(lang)).collect();
    match words.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} {} {}", rest.join(", "), m::OR.get(lang), last),
        None => String::new(),
    }
}

/// What stands at the error position.
struct Found {
    ch: Option<char>,
}

impl Found {
    fn at(text: &str, pos: usize) -> Found {
        Found {
            ch: text[pos..].chars().next(),
        }
    }

    /// The span to underline: the character found, or an empty span at the end.
    fn span(&self, pos: usize) -> Span {
        match self.ch {
            Some('\r') | Some('\n') | None => Span::new(pos, pos),
            Some(c) => Span::new(pos, pos + c.len_utf8()),
        }
    }

    fn describe(&self, lang: Lang) -> String {
        match self.ch {
            None => m::PHRASE_END_OF_FILE.get(lang).to_owned(),
            Some('\n') | Some('\r') => m::PHRASE_LINE_BREAK.get(lang).to_owned(),
            Some(c) => format!("`{c}`"),
        }
    }
}

/// The braces still open at a position, found by a lexical scan that skips
/// strings and comments. Used only after an error, so its cost is no concern.
struct Layout {
    open_braces: Vec<usize>,
}

impl Layout {
    fn scan(text: &str, until: usize) -> Layout {
        let mut open_braces = Vec::new();
        super::chunks::scan_braces(text, |at, brace| {
            if at >= until {
                return false;
            }
            if brace == b'{' {
                open_braces.push(at);
            } else {
                open_braces.pop();
            }
            true
        });
        Layout { open_braces }
    }
}

fn floor_char_boundary(text: &str, pos: usize) -> usize {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}
