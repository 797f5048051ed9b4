//! The working grammar (`grammar/krav-tuned.pest`) against the reference
//! (`grammar/krav.pest` with silent punctuation, as the working parser used
//! it before it was tuned): the same accept or reject, the same tokens with
//! the same spans, and the same error position, on every fixture and
//! example and on mutations of them.

use super::KravParser;
use pest::error::InputLocation;
use pest::Parser as _;
use std::path::Path;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/krav.pest"]
#[grammar = "../grammar/punctuation-silent.pest"]
struct ReferenceParser;

/// What a parser makes of a text: its tokens (rule, start, end), or where it failed.
#[derive(Debug, PartialEq)]
enum Outcome {
    Tokens(Vec<(String, usize, usize)>),
    Error(usize),
}

fn outcome<R: pest::RuleType>(parsed: Result<pest::iterators::Pairs<'_, R>, pest::error::Error<R>>) -> Outcome {
    match parsed {
        Ok(pairs) => Outcome::Tokens(
            pairs
                .flatten()
                .map(|pair| {
                    (
                        format!("{:?}", pair.as_rule()),
                        pair.as_span().start(),
                        pair.as_span().end(),
                    )
                })
                .collect(),
        ),
        Err(error) => Outcome::Error(match error.location {
            InputLocation::Pos(pos) => pos,
            InputLocation::Span((start, _)) => start,
        }),
    }
}

fn compare(text: &str) -> Result<(), String> {
    let tuned = outcome(KravParser::parse(super::Rule::file, text));
    let reference = outcome(ReferenceParser::parse(Rule::file, text));
    if tuned == reference {
        Ok(())
    } else {
        Err(format!("{text:?}\ntuned:     {tuned:?}\nreference: {reference:?}"))
    }
}

fn krav_files(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            krav_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "krav") {
            if let Ok(text) = std::fs::read_to_string(&path) {
                out.push(text);
            }
        }
    }
}

/// The fixtures and examples, and small hand-made cases of the corners
/// where implicit whitespace decides a span.
fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    krav_files(&root.join("tests/ui"), &mut texts);
    krav_files(&root.join("examples"), &mut texts);
    texts.extend(
        [
            "r \"a\" {\n  x: a b  # c\n  y: 1,  # c\n   2 ,3\t\n}\n",
            "r \"a\" { x: \"s\"\"t\"12abc 2026-01-31x }",
            "r \"a\" {\n b \"c\" { x: 1 }\n x: \"\"\"m\n# not a comment\n\"\"\" , y\n}",
            "\u{FEFF}\n\nr \"a\" {}\n\n\nr \"b\" {\r\n x: æ_ø-2 ü\u{301}\r\n}",
            "r \"a\" {\n x: ,\n}",
            "r \"a\" {\n x: 1,\n\n}",
            "r \"a\" {\n x:\n}",
            "r \"a\\\" \\\\\" { x: \"\\q\" }",
        ]
        .map(str::to_owned),
    );
    texts
}

#[test]
fn the_tuned_grammar_answers_as_the_reference_on_the_corpus() {
    let texts = corpus();
    assert!(texts.len() > 50, "the fixtures and examples are found");
    let failures: Vec<String> = texts.iter().filter_map(|t| compare(t).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_tuned_grammar_answers_as_the_reference_on_mutations() {
    // Each mutation deletes, inserts or repeats a little at a random place,
    // with the characters the grammar cares about most likely.
    const PIECES: &[&str] = &[
        " ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "#",
        "\"",
        "\"\"\"",
        "\\",
        ",",
        ":",
        "{",
        "}",
        "a",
        "Æ",
        "1",
        "2026-01-31",
        "-",
        ".",
        "_",
        "\u{301}",
        "x: 1",
        "b \"c\" {",
        "# c\n",
    ];
    let mut random = 0x5EED_2013_u64;
    let mut next = move |below: usize| {
        random ^= random << 13;
        random ^= random >> 7;
        random ^= random << 17;
        (random % below.max(1) as u64) as usize
    };
    let mut failures = Vec::new();
    let mut tried = 0;
    for text in corpus().iter().filter(|t| t.len() < 4_000) {
        for _ in 0..60 {
            let mut mutated = text.clone();
            for _ in 0..1 + next(3) {
                let mut at = next(mutated.len() + 1);
                while !mutated.is_char_boundary(at) {
                    at -= 1;
                }
                match next(3) {
                    0 => {
                        let mut end = (at + 1 + next(4)).min(mutated.len());
                        while !mutated.is_char_boundary(end) {
                            end += 1;
                        }
                        mutated.replace_range(at..end, "");
                    }
                    1 => mutated.insert_str(at, PIECES[next(PIECES.len())]),
                    _ => {
                        let mut end = (at + next(40)).min(mutated.len());
                        while !mutated.is_char_boundary(end) {
                            end += 1;
                        }
                        let copy = mutated[at..end].to_owned();
                        mutated.insert_str(at, &copy);
                    }
                }
            }
            tried += 1;
            if let Err(failure) = compare(&mutated) {
                failures.push(failure);
            }
        }
    }
    assert!(tried > 3_000, "{tried} mutations");
    assert!(
        failures.is_empty(),
        "{} of {tried} differ; first:\n{}",
        failures.len(),
        failures[0]
    );
}
