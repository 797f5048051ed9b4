//! Property tests: arbitrary bytes and near-valid `.krav` text never make
//! trustlint panic; every diagnostic's spans lie inside its file on
//! character boundaries; every format renders, and its output is bounded
//! by a constant times the input plus a constant per diagnostic, however
//! long the lines. They run the library the way the binary does (load →
//! check → render).

use proptest::prelude::*;
use std::sync::OnceLock;
use trustlint::check::{self, Options};
use trustlint::diagnostics::Registry;
use trustlint::engine::{self, expr, ruleset, Ruleset};
use trustlint::render::{self, Format, Style};
use trustlint::source::input;
use trustlint::source::{FileId, SourceMap};

fn ruleset() -> &'static Ruleset {
    static RULESET: OnceLock<Ruleset> = OnceLock::new();
    RULESET.get_or_init(|| ruleset::load(FileId(0), ruleset::DEFAULT_TEXT).expect("loads"))
}

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| ruleset().registry())
}

/// Checks `bytes` as a file and asserts what must hold for any input.
fn check_bytes(bytes: &[u8]) -> Result<(), TestCaseError> {
    let mut sources = SourceMap::new();
    let (file, error) = input::from_bytes("p.krav".to_owned(), Ok(bytes.to_vec()));
    sources.add(file);
    let checked = check::check(&sources, &[error], ruleset(), &Options::default());
    let text = &sources.get(FileId(0)).text;
    prop_assert!(
        !checked.diagnostics.is_empty() || !checked.requirements.is_empty(),
        "something is said about every file"
    );
    for d in checked
        .diagnostics
        .iter()
        .chain(checked.suppressed.iter().map(|s| &s.diagnostic))
    {
        prop_assert!(!d.code().is_empty());
        prop_assert!(d.help.is_some(), "{} has no help", d.code());
        for label in std::iter::once(&d.primary).chain(&d.secondary) {
            prop_assert!(
                label.span.start <= label.span.end && label.span.end <= text.len(),
                "{d:?}"
            );
            prop_assert!(
                text.is_char_boundary(label.span.start) && text.is_char_boundary(label.span.end),
                "{d:?}"
            );
        }
    }
    for format in [
        Format::Human,
        Format::Pretty,
        Format::Short,
        Format::Json,
        Format::Sarif,
        Format::Github,
    ] {
        let output = render::render(format, &checked, &sources, Style::default(), registry());
        prop_assert!(!output.is_empty() || checked.diagnostics.is_empty());
        let findings = checked.diagnostics.len() + checked.suppressed.len();
        let bound = PER_INPUT_BYTE * bytes.len() + PER_DIAGNOSTIC * findings + fixed_output(format);
        prop_assert!(
            output.len() <= bound,
            "{format:?}: {} bytes of output for {} of input and {findings} diagnostics",
            output.len(),
            bytes.len()
        );
    }
    Ok(())
}

/// What a format may write for each byte of input: the JSON formats
/// report every requirement's estimate, and a requirement can be a few
/// bytes; nothing may copy the input once per diagnostic.
const PER_INPUT_BYTE: usize = 8;
/// What one diagnostic may add: its message, labels, help and notes, and
/// a snippet of a few lines each cut to a bounded width around its label.
const PER_DIAGNOSTIC: usize = 6_000;

/// What a format writes whatever the input: SARIF describes every rule.
fn fixed_output(format: Format) -> usize {
    match format {
        Format::Sarif => 200_000,
        _ => 2_000,
    }
}

const VALID: &str = include_str!("ui/valid/falls-register.krav");

/// Pieces that shift a `.krav` text's structure.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("\"".to_owned()),
        Just("\"\"\"".to_owned()),
        Just(":".to_owned()),
        Just(",".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("#".to_owned()),
        Just("\\".to_owned()),
        Just("# trustlint: allow(TL003) \"r\"\n".to_owned()),
        Just("2,5".to_owned()),
        Just("2026-02-30".to_owned()),
        Just("æøå".to_owned()),
        Just("\u{FEFF}".to_owned()),
        Just("\0".to_owned()),
        Just("burden \"x\" {\n".to_owned()),
        "[a-zæøå_]{1,12}".prop_map(|s| s),
        "[0-9]{1,6}".prop_map(|s| s),
    ]
}

/// The valid fixture with a few edits: pieces inserted, ranges removed.
fn near_valid() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            piece(),
            any::<bool>(),
        ),
        1..6,
    )
    .prop_map(|edits| {
        let mut text = VALID.to_owned();
        for (at, len, piece, insert) in edits {
            let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let start = boundaries[at.index(boundaries.len())];
            if insert {
                text.insert_str(start, &piece);
            } else {
                let rest: Vec<usize> = boundaries.into_iter().filter(|b| *b >= start).collect();
                let end = rest[len.index(rest.len().min(40))];
                text.replace_range(start..end, "");
            }
        }
        text
    })
}

/// The valid fixture with one piece repeated up to 20,000 times at one
/// place: long lines, many findings on one line, long keys, ids and strings.
fn long_lines() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("x"),
        Just("{}"),
        Just(" \"i\" {}"),
        Just("\"d\" manual about_staff, "),
        Just("# trustlint: allow(TL002) \"r\"\n"),
        Just("\u{1b}[2J"),
        Just("æ"),
        Just("\"unclosed"),
    ];
    (any::<prop::sample::Index>(), piece, 1..20_000usize).prop_map(|(at, piece, times)| {
        let boundaries: Vec<usize> = VALID.char_indices().map(|(i, _)| i).chain([VALID.len()]).collect();
        let at = boundaries[at.index(boundaries.len())];
        format!("{}{}{}", &VALID[..at], piece.repeat(times), &VALID[at..])
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check_bytes(&bytes)?;
    }

    #[test]
    fn near_valid_text_never_panics(text in near_valid()) {
        check_bytes(text.as_bytes())?;
    }

    #[test]
    fn arbitrary_conditions_compile_or_fail_cleanly(text in "[a-z_.$()\\[\\], <>=!+*/0-9\"-]{0,80}") {
        let params = ruleset().params.clone();
        for scope in [None, Some(engine::fields::ListField::Burdens)] {
            if let Err(err) = expr::compile_condition(&text, &params, scope, trustlint::diagnostics::Lang::En) {
                prop_assert!(err.span.start <= err.span.end && err.span.end <= text.len(), "{err:?}");
            }
        }
    }
}

proptest! {
    // Each case checks and renders up to half a megabyte six times.
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn long_lines_and_repeated_pieces_give_bounded_output(text in long_lines()) {
        check_bytes(text.as_bytes())?;
    }
}
