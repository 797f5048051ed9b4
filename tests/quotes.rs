//! Every quote in every ruleset is word for word in the document its label
//! names, under the section it names.
//!
//! The Danish sources are read from `../shared/sources/`, beside the
//! repository. Only layout is normalised: runs of white space and line
//! breaks, markdown emphasis (`*`, `**`, heading `#`), and typographic
//! quotation marks. An ellipsis `…` in a quote marks an omission: the parts
//! must each be found, in order. The Social Administration's 2014 answer is
//! an OCR scan that lost æ, ø and å (and reads some `i` as `1`); its quotes
//! are written with the letters restored, and each restored letter is
//! allowed to match what the scan made of it. Words broken across lines
//! with a hyphen are joined in the scan.
//!
//! A section names the headings it lies under in double quotes, outermost
//! first. Each heading must be in the document, in that order; the quote
//! must come after the last one, and no heading cited by another quote of
//! the same document may stand between that heading and the quote. A
//! section without a quoted heading (the Kodeks' introduction) must come
//! before every cited heading.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A source document, by the id the rulesets' `[documents]` give it.
struct Document {
    id: &'static str,
    file: &'static str,
    /// The OCR scan without æ, ø and å.
    scanned: bool,
}

const DOCUMENTS: &[Document] = &[
    Document {
        id: "kodeks",
        file: "kodeks-for-tillid-2013.txt",
        scanned: false,
    },
    Document {
        id: "kff",
        file: "kff-tillid-hvor-langt-er-vi-2012.txt",
        scanned: false,
    },
    Document {
        id: "sof",
        file: "sof-fem-principper-for-tillid.txt",
        scanned: false,
    },
    Document {
        id: "sof2014",
        file: "sof-svar-om-tillidsreformen-2014.txt",
        scanned: true,
    },
];

/// What the scan made of each letter it could not read.
const SCAN_READINGS: &[(char, &[&str])] = &[
    ('æ', &["æ", "ae", "ee", "e", "a", "@", "&"]),
    ('Æ', &["Æ", "AE", "E", "@", "&"]),
    ('ø', &["ø", "o", "g", "p", "@", "0"]),
    ('Ø', &["Ø", "O", "@", "0"]),
    ('å', &["å", "a", "d", "é"]),
    ('Å', &["Å", "A"]),
    ('i', &["i", "1"]),
];

/// One quote with its attribution, as written in a ruleset.
struct Quote {
    origin: String,
    document: String,
    section: String,
    text: String,
}

// ---- normalising ----

/// The text with layout normalised (see the module comment). In a scan,
/// a hyphen at the end of a line joins the word it breaks.
fn normalise(text: &str, scanned: bool) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        if scanned && c == '-' && chars.peek() == Some(&'\n') {
            chars.next();
            continue;
        }
        let c = match c {
            '*' | '#' => continue,
            '“' | '”' | '„' | '″' => '"',
            '‘' | '’' => '\'',
            c if c.is_whitespace() => {
                space = !out.is_empty();
                continue;
            }
            c => c,
        };
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// One position of a pattern: a character, or what a scan may show for it.
enum Token {
    Char(char),
    Readings(&'static [&'static str]),
}

fn pattern(text: &str, scanned: bool) -> Vec<Token> {
    normalise(text, false)
        .into_iter()
        .map(
            |c| match SCAN_READINGS.iter().find(|(letter, _)| scanned && *letter == c) {
                Some((_, readings)) => Token::Readings(readings),
                None => Token::Char(c),
            },
        )
        .collect()
}

/// The end of a match of `tokens` at `start`, if there is one.
fn match_at(text: &[char], start: usize, tokens: &[Token]) -> Option<usize> {
    let Some((first, rest)) = tokens.split_first() else {
        return Some(start);
    };
    match first {
        Token::Char(c) => (text.get(start) == Some(c))
            .then_some(())
            .and_then(|()| match_at(text, start + 1, rest)),
        Token::Readings(readings) => readings.iter().find_map(|reading| {
            let end = start + reading.chars().count();
            let here = text.get(start..end)?;
            here.iter()
                .copied()
                .eq(reading.chars())
                .then_some(())
                .and_then(|()| match_at(text, end, rest))
        }),
    }
}

/// Every match of `needle` that starts at or after `from`, as start..end.
fn find_all(text: &[char], needle: &str, scanned: bool, from: usize) -> Vec<(usize, usize)> {
    let tokens = pattern(needle, scanned);
    if tokens.is_empty() {
        return Vec::new();
    }
    (from..text.len())
        .filter_map(|start| match_at(text, start, &tokens).map(|end| (start, end)))
        .collect()
}

/// The first match of a quote at or after `from`: each part between
/// ellipses in order. Returns where the first part starts.
fn find_quote(text: &[char], quote: &str, scanned: bool, from: usize) -> Option<usize> {
    let parts: Vec<&str> = quote.split('…').map(str::trim).filter(|p| !p.is_empty()).collect();
    let (first, rest) = parts.split_first()?;
    'starts: for (start, end) in find_all(text, first, scanned, from) {
        let mut at = end;
        for part in rest {
            match find_all(text, part, scanned, at).first() {
                Some(&(_, end)) => at = end,
                None => continue 'starts,
            }
        }
        return Some(start);
    }
    None
}

/// The headings a section names, in double quotes.
fn headings(section: &str) -> Vec<&str> {
    section.split('"').skip(1).step_by(2).collect()
}

// ---- reading the rulesets ----

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn ruleset_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("rulesets"))
        .expect("rulesets/")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

/// Every quote of every rule in a ruleset file: each `[[rule.quote]]`
/// names a document of `[documents]` (one of `DOCUMENTS`) and a section,
/// the same in both languages or `{ en, da }` citing the same headings.
fn quotes_in(path: &Path) -> Vec<Quote> {
    let name = path.file_name().and_then(|n| n.to_str()).expect("a name").to_owned();
    let text = std::fs::read_to_string(path).expect("readable");
    let value: toml::Value = toml::from_str(&text).expect("valid TOML");
    let declared = value.get("documents").and_then(|d| d.as_table()).expect("[documents]");
    let rules = value.get("rule").and_then(|r| r.as_array()).expect("rules");
    let mut quotes = Vec::new();
    for rule in rules {
        let code = rule.get("code").and_then(|c| c.as_str()).expect("a code");
        let origin = format!("{name} {code}");
        let list = rule
            .get("quote")
            .and_then(|q| q.as_array())
            .unwrap_or_else(|| panic!("{origin}: no [[rule.quote]]"));
        assert!(!list.is_empty(), "{origin}: no quote");
        for quote in list {
            let field = |key: &str| {
                quote
                    .get(key)
                    .unwrap_or_else(|| panic!("{origin}: a quote without `{key}`"))
            };
            let document = field("document").as_str().expect("a document id");
            assert!(
                declared.contains_key(document),
                "{origin}: `{document}` is not under [documents]"
            );
            let document = DOCUMENTS
                .iter()
                .find(|d| d.id == document)
                .unwrap_or_else(|| panic!("{origin}: `{document}` is no known source document"));
            let section = match field("section") {
                toml::Value::String(section) => section.clone(),
                table => {
                    let lang = |l: &str| table.get(l).and_then(|s| s.as_str()).expect("en and da").to_owned();
                    let (en, da) = (lang("en"), lang("da"));
                    assert_eq!(
                        headings(&en),
                        headings(&da),
                        "{origin}: the sections cite different headings"
                    );
                    da
                }
            };
            quotes.push(Quote {
                origin: origin.clone(),
                document: document.id.to_owned(),
                section,
                text: field("text").as_str().expect("a text").to_owned(),
            });
        }
    }
    quotes
}

/// Every passage an explanation puts in double quotes, with its rule.
fn explanation_quotes(path: &Path) -> Vec<(String, String)> {
    let name = path.file_name().and_then(|n| n.to_str()).expect("a name").to_owned();
    let value: toml::Value = toml::from_str(&std::fs::read_to_string(path).expect("readable")).expect("TOML");
    let mut out = Vec::new();
    for rule in value.get("rule").and_then(|r| r.as_array()).expect("rules") {
        let code = rule.get("code").and_then(|c| c.as_str()).expect("a code");
        for lang in ["en", "da"] {
            let text = rule["explanation"][lang].as_str().expect("an explanation");
            // Quoted words, not quoted code (`"…"` inside backticks).
            let prose: String = text.split('`').step_by(2).collect::<Vec<_>>().join(" ");
            for passage in prose.split('"').skip(1).step_by(2) {
                if passage.split_whitespace().count() >= 4 {
                    out.push((format!("{name} {code} explanation.{lang}"), passage.to_owned()));
                }
            }
        }
    }
    out
}

fn sources_dir() -> PathBuf {
    // Beside the repository; a worktree one level further down finds them
    // one level up.
    let dir = ["../shared/sources", "../../shared/sources"]
        .into_iter()
        .map(|relative| root().join(relative))
        .find(|dir| dir.is_dir());
    dir.unwrap_or_else(|| {
        panic!(
            "the Danish sources are expected in {}",
            root().join("../shared/sources").display()
        )
    })
}

// ---- checking ----

/// Why a quote is not where its label says, or `None` when it is.
fn check(quote: &Quote, document: &Document, text: &[char], cited: &[&str]) -> Option<String> {
    let scanned = document.scanned;
    if quote.section.trim().is_empty() {
        return Some("no section".into());
    }
    let mut from = 0;
    let path = headings(&quote.section);
    for heading in &path {
        match find_all(text, heading, scanned, from).first() {
            Some(&(_, end)) => from = end,
            None => {
                return Some(format!(
                    "the heading \"{heading}\" is not in the document (after the ones before it)"
                ))
            }
        }
    }
    let Some(at) = find_quote(text, &quote.text, scanned, from) else {
        return Some(format!(
            "the quote is not word for word in the document under {}",
            quote.section
        ));
    };
    // The cited heading nearest before the quote must be its own.
    let nearest = cited
        .iter()
        .flat_map(|heading| {
            find_all(text, heading, scanned, 0)
                .into_iter()
                .map(move |(start, _)| (start, *heading))
        })
        .filter(|&(start, _)| start < at)
        .max_by_key(|&(start, _)| start);
    match (nearest, path.last()) {
        (None, None) => None,
        (Some((_, heading)), Some(own)) if heading == *own => None,
        (Some((_, heading)), _) => Some(format!(
            "the quote stands under \"{heading}\", not under {}",
            quote.section
        )),
        (None, Some(own)) => Some(format!("the quote stands before \"{own}\"")),
    }
}

#[test]
fn every_quote_is_word_for_word_in_the_document_and_section_it_names() {
    let dir = sources_dir();
    let quotes: Vec<Quote> = ruleset_files().iter().flat_map(|path| quotes_in(path)).collect();
    assert!(quotes.len() >= 20, "only {} quotes found", quotes.len());
    let mut cited: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for quote in &quotes {
        let list = cited.entry(quote.document.as_str()).or_default();
        for heading in headings(&quote.section) {
            if !list.contains(&heading) {
                list.push(heading);
            }
        }
    }
    let mut failures = Vec::new();
    for document in DOCUMENTS {
        let raw = std::fs::read_to_string(dir.join(document.file)).expect("a readable source");
        let text = normalise(&raw, document.scanned);
        let cited = cited.get(document.id).cloned().unwrap_or_default();
        for quote in quotes.iter().filter(|q| q.document == document.id) {
            if let Some(why) = check(quote, document, &text, &cited) {
                failures.push(format!("{}: {}:\n    \"{}\"", quote.origin, why, quote.text));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} quote(s) not as labelled:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// That each passage (with where it is quoted) stands word for word in
/// one of the sources.
fn assert_in_a_source(passages: &[(String, String)]) {
    let dir = sources_dir();
    let documents: Vec<(Vec<char>, bool)> = DOCUMENTS
        .iter()
        .map(|d| {
            let raw = std::fs::read_to_string(dir.join(d.file)).expect("a readable source");
            (normalise(&raw, d.scanned), d.scanned)
        })
        .collect();
    let failures: Vec<String> = passages
        .iter()
        .filter(|(_, passage)| {
            !documents
                .iter()
                .any(|(text, scanned)| find_quote(text, passage, *scanned, 0).is_some())
        })
        .map(|(origin, passage)| format!("{origin}: \"{passage}\""))
        .collect();
    assert!(
        failures.is_empty(),
        "quoted, but not in any source:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_passage_an_explanation_quotes_is_word_for_word_in_a_source() {
    let passages: Vec<(String, String)> = ruleset_files().iter().flat_map(|p| explanation_quotes(p)).collect();
    assert_in_a_source(&passages);
}

/// Every passage the comments of `examples/` put in double quotes, with
/// its file: each example names the passage it is drawn from.
fn example_quotes() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for folder in ["examples/abolished", "examples/kept"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(folder))
            .expect("examples/")
            .map(|entry| entry.expect("an entry").path())
            .collect();
        files.sort();
        for path in files {
            let text = std::fs::read_to_string(&path).expect("readable");
            let comments: Vec<&str> = text
                .lines()
                .filter_map(|line| line.trim_start().strip_prefix('#'))
                .collect();
            let comments = comments.join(" ");
            for passage in comments.split('"').skip(1).step_by(2) {
                if passage.split_whitespace().count() >= 4 {
                    out.push((path.display().to_string(), passage.to_owned()));
                }
            }
        }
    }
    out
}

#[test]
fn every_passage_an_example_quotes_is_word_for_word_in_a_source() {
    let passages = example_quotes();
    assert!(
        passages.len() >= 10,
        "only {} quoted passages in examples/",
        passages.len()
    );
    assert_in_a_source(&passages);
}

// ---- the checker itself ----

fn found(text: &str, quote: &str, scanned: bool) -> bool {
    find_quote(&normalise(text, scanned), quote, scanned, 0).is_some()
}

#[test]
fn layout_is_normalised_and_words_are_not() {
    let text = "Med andre ord **gøres**\n  enkeltsager ikke til ”generelle” styringsregimer.";
    assert!(found(
        text,
        "Med andre ord gøres enkeltsager ikke til \"generelle\" styringsregimer.",
        false
    ));
    assert!(!found(
        text,
        "Med andre ord gøres enkeltsager ikke til generelle styringsregimer.",
        false
    ));
    assert!(!found(
        text,
        "Med andre ord gøres enkeltsager ej til \"generelle\" styringsregimer.",
        false
    ));
    assert!(
        !found(text, "Med andre ord gores enkeltsager", false),
        "letters are only folded in the scan"
    );
}

#[test]
fn an_ellipsis_needs_every_part_in_order() {
    let text = "Ufravigelige krav, herunder krav der udspringer af lovgivning, bør løbende vurderes.";
    assert!(found(text, "Ufravigelige krav, … bør løbende vurderes.", false));
    assert!(found(text, "… bør løbende vurderes.", false));
    assert!(!found(text, "bør løbende vurderes … Ufravigelige krav", false));
    assert!(!found(text, "Ufravigelige krav, … bør aldrig vurderes.", false));
}

#[test]
fn the_scan_matches_restored_letters_only_where_it_lost_them() {
    let scan = "der reelt maler ydelsens veerdi for borgeren og medarbejde-\nrens lering - i stedet";
    assert!(found(
        scan,
        "der reelt måler ydelsens værdi for borgeren og medarbejderens læring - i stedet",
        true
    ));
    assert!(!found(
        scan,
        "der reelt måler ydelsens værdi for borgeren og medarbejdernes læring",
        true
    ));
    assert!(!found(scan, "der reelt tæller ydelsens værdi", true));
    assert!(found(
        "Alle medar-\nbejdere 1 SOF kan bede",
        "Alle medarbejdere i SOF kan bede",
        true
    ));
}

#[test]
fn a_quote_under_the_wrong_heading_is_caught() {
    let document = &DOCUMENTS[0];
    let text = normalise("# Første\nEt. To.\n# Anden\nTre.", false);
    let cited = ["Første", "Anden"];
    let quote = |section: &str, text: &str| Quote {
        origin: "test".into(),
        document: document.id.into(),
        section: section.into(),
        text: text.into(),
    };
    assert_eq!(check(&quote("1 \"Første\"", "To."), document, &text, &cited), None);
    assert!(check(&quote("2 \"Anden\"", "To."), document, &text, &cited).is_some());
    assert!(check(&quote("1 \"Første\"", "Tre."), document, &text, &cited).is_some());
    assert!(check(&quote("indledningen", "Tre."), document, &text, &cited).is_some());
    assert!(check(&quote("3 \"Tredje\"", "Tre."), document, &text, &cited).is_some());
}
