//! UI tests in rustc's manner: every `.krav` file under `tests/ui/` (and
//! every folder there, whose files are checked together) is run through
//! the real binary, and its human output is pinned by an insta snapshot
//! stored beside it. A name ending in `.da.krav` (or a folder holding one)
//! is checked with `--lang da`.
//!
//! Each fixture also says inline which diagnostics it must produce, as
//! clippy's `//~` does, so that accepting a snapshot can never bless a lost
//! or an extra diagnostic. An annotation is a `#` comment starting with `~`,
//! followed by one or more codes (separated by spaces or commas; a code
//! that fires twice is written twice):
//!
//! - `# ~ TL002` at the end of a line: TL002 fires on this line;
//! - `# ~^ TL001`: on the line above (`~^^` two lines above, and so on), for
//!   a line that cannot end in a comment (inside an unclosed string, a
//!   `# trustlint:` suppression);
//! - `# ~v TL001`: on the line below (`~vv` two below), for a position past
//!   the last line (the end of the file) or when the line above is taken;
//! - `# ~? TL011` anywhere: a diagnostic about the file as a whole, which
//!   trustlint reports with an empty span at the start of the file (no
//!   requirement in it, a file that cannot be read).
//!
//! "Line" is the line of the diagnostic's primary span. The check compares
//! code and line for every file of the case: a fixture without annotations
//! must produce no diagnostic. A fixture that cannot hold a comment (an
//! empty file, a broken link) has its annotations, in the same notation, in
//! `NAME.expect` beside it. Annotations are read as text, so `# ~` must not
//! appear in a fixture for any other purpose.

mod common;

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[test]
fn ui() {
    let cases = cases(&ui_root());
    assert!(cases.len() > 40, "fixtures missing: {}", cases.len());
    for case in cases {
        let arg = relative(&case);
        let lang = lang(&case);
        let run = common::trustlint(&["check", "--color", "never", "--lang", lang, &arg]);
        let name = case
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("case")
            .trim_end_matches(".krav")
            .to_owned();
        let snapshot = format!(
            "$ trustlint check --lang {lang} {arg}\nexit status: {}\n\n{}",
            run.status, run.stdout
        );
        insta::with_settings!({
            snapshot_path => case.parent().expect("has a parent"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
            input_file => &case,
        }, {
            insta::assert_snapshot!(name, snapshot);
        });
        assert!(run.stderr.is_empty(), "{arg}: unexpected stderr: {}", run.stderr);
    }
}

#[test]
fn danish_output_holds_no_english() {
    let mut leaks = Vec::new();
    for case in cases(&ui_root()) {
        let arg = relative(&case);
        for format in ["human", "pretty", "short", "github", "json", "jsonl", "sarif"] {
            let run = common::trustlint(&["check", "--color", "never", "--lang", "da", "--format", format, &arg]);
            let text = if ["json", "jsonl", "sarif"].contains(&format) {
                common::danish::json_texts(&run.stdout)
            } else {
                run.stdout.clone()
            };
            for line in text.lines().chain(run.stderr.lines()) {
                if let Some(word) = common::danish::english_in(line, &arg) {
                    leaks.push(format!("{arg} ({format}): `{word}` in {line}"));
                }
            }
        }
    }
    assert!(leaks.is_empty(), "English in Danish output:\n{}", leaks.join("\n"));
}

#[test]
fn diagnostics_match_the_annotations() {
    let mut failures = Vec::new();
    for case in cases(&ui_root()) {
        let arg = relative(&case);
        let run = common::trustlint(&["check", "--format", "json", "--lang", lang(&case), &arg]);
        let output: Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{arg}: not JSON ({e})"));
        let mut fired: BTreeMap<String, Vec<(Place, String)>> = BTreeMap::new();
        for diagnostic in output["diagnostics"].as_array().expect("a list") {
            let span = &diagnostic["span"];
            let place = if span["start"] == 0 && span["end"] == 0 {
                Place::File
            } else {
                Place::Line(span["line"].as_u64().expect("a line") as usize)
            };
            let file = diagnostic["file"].as_str().expect("a file").to_owned();
            let code = diagnostic["code"].as_str().expect("a code").to_owned();
            fired.entry(file).or_default().push((place, code));
        }
        for file in files_of(&case) {
            let name = relative(&file);
            let expected = match expected(&file) {
                Ok(expected) => expected,
                Err(problem) => {
                    failures.push(format!("{name}: {problem}"));
                    continue;
                }
            };
            let actual = fired.remove(&name).unwrap_or_default();
            if let Some(difference) = difference(expected, actual) {
                failures.push(format!(
                    "{name}: the diagnostics differ from the annotations\n{difference}"
                ));
            }
        }
        for (file, diagnostics) in fired {
            failures.push(format!(
                "{file}: diagnostics in a file outside the case: {diagnostics:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Where an annotation says a diagnostic fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    File,
    Line(usize),
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::File => write!(f, "the file as a whole (`~?`)"),
            Place::Line(line) => write!(f, "line {line}"),
        }
    }
}

/// The annotations of one fixture, or its `NAME.expect` if it cannot hold
/// them.
fn expected(file: &Path) -> Result<Vec<(Place, String)>, String> {
    let sidecar = PathBuf::from(format!("{}.expect", file.to_string_lossy().trim_end_matches(".krav")));
    let text = std::fs::read(file).ok().filter(|bytes| !bytes.is_empty());
    match (text, sidecar.is_file()) {
        (Some(_), true) => Err(format!(
            "{} is only for a fixture that cannot hold a comment",
            relative(&sidecar)
        )),
        (Some(bytes), false) => annotations(&String::from_utf8_lossy(&bytes)),
        (None, true) => annotations(&std::fs::read_to_string(&sidecar).map_err(|e| e.to_string())?),
        (None, false) => Ok(Vec::new()),
    }
}

/// Reads the `# ~` annotations of a text (see the module's documentation).
fn annotations(text: &str) -> Result<Vec<(Place, String)>, String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let Some(at) = line.find("# ~") else { continue };
        let rest = &line[at + "# ~".len()..];
        let here = index + 1;
        let ups = rest.chars().take_while(|&c| c == '^').count();
        let downs = rest.chars().take_while(|&c| c == 'v').count();
        let (place, codes) = if ups > 0 {
            let line = here.checked_sub(ups).filter(|&l| l >= 1);
            (line.map(Place::Line), &rest[ups..])
        } else if downs > 0 {
            let line = Some(here + downs).filter(|&l| l <= lines.len() + 1);
            (line.map(Place::Line), &rest[downs..])
        } else if let Some(codes) = rest.strip_prefix('?') {
            (Some(Place::File), codes)
        } else {
            (Some(Place::Line(here)), rest)
        };
        let place = place.ok_or(format!("line {here}: the annotation points outside the file"))?;
        if !codes.starts_with(' ') {
            return Err(format!(
                "line {here}: expected a space and codes after the marker in `{line}`"
            ));
        }
        let codes: Vec<&str> = codes.split([' ', ',']).filter(|c| !c.is_empty()).collect();
        if codes.is_empty() {
            return Err(format!("line {here}: an annotation without a code"));
        }
        for code in codes {
            let letters = code.trim_end_matches(|c: char| c.is_ascii_digit());
            let is_code =
                !letters.is_empty() && letters.len() < code.len() && letters.chars().all(|c| c.is_ascii_uppercase());
            if !is_code {
                return Err(format!("line {here}: `{code}` is not a code"));
            }
            found.push((place, code.to_owned()));
        }
    }
    Ok(found)
}

/// What was expected and did not fire, and what fired unexpected.
fn difference(mut expected: Vec<(Place, String)>, mut actual: Vec<(Place, String)>) -> Option<String> {
    expected.sort();
    actual.sort();
    if expected == actual {
        return None;
    }
    let mut lines = Vec::new();
    let mut unexpected = actual;
    for annotation in expected {
        match unexpected.iter().position(|a| *a == annotation) {
            Some(i) => {
                unexpected.remove(i);
            }
            None => lines.push(format!(
                "  annotated but did not fire: {} at {}",
                annotation.1, annotation.0
            )),
        }
    }
    for (place, code) in unexpected {
        lines.push(format!("  fired but not annotated: {code} at {place}"));
    }
    Some(lines.join("\n"))
}

#[test]
fn the_annotation_notation() {
    let text = "a # ~ TL002\nb # ~^ TL003, TL003\nc # ~vv TL001\nd\n# ~? TL011\n";
    assert_eq!(
        annotations(text),
        Ok(vec![
            (Place::Line(1), "TL002".to_owned()),
            (Place::Line(1), "TL003".to_owned()),
            (Place::Line(1), "TL003".to_owned()),
            (Place::Line(5), "TL001".to_owned()),
            (Place::File, "TL011".to_owned()),
        ])
    );
    for wrong in ["# ~ tl002", "# ~ TL", "# ~", "# ~TL002", "# ~^ TL001", "x\n# ~vv TL001"] {
        assert!(annotations(wrong).is_err(), "{wrong:?} is refused");
    }
    let missing = difference(vec![(Place::Line(3), "TL002".to_owned())], vec![]);
    assert_eq!(
        missing.as_deref(),
        Some("  annotated but did not fire: TL002 at line 3")
    );
    let extra = difference(vec![], vec![(Place::File, "TL011".to_owned())]);
    assert_eq!(
        extra.as_deref(),
        Some("  fired but not annotated: TL011 at the file as a whole (`~?`)")
    );
}

fn ui_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui")
}

fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .expect("inside the crate")
        .to_string_lossy()
        .into_owned()
}

/// Every fixture file and every case folder, sorted.
fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for path in sorted_entries(dir) {
        let is_case_folder = path.is_dir() && path.parent() != Some(ui_root().as_path());
        if is_case_folder {
            found.push(path);
        } else if path.is_dir() {
            found.extend(cases(&path));
        } else if is_krav(&path) {
            found.push(path);
        }
    }
    found
}

/// The `.krav` files of a case: the file itself, or those of its folder.
fn files_of(case: &Path) -> Vec<PathBuf> {
    if case.is_dir() {
        sorted_entries(case).into_iter().filter(|p| is_krav(p)).collect()
    } else {
        vec![case.to_path_buf()]
    }
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a readable folder")
        .map(|e| e.expect("readable entry").path())
        .collect();
    entries.sort();
    entries
}

/// A `.krav` name, also for a broken link (which `is_file` would miss).
fn is_krav(path: &Path) -> bool {
    !path.is_dir() && path.extension().is_some_and(|e| e == "krav")
}

fn lang(case: &Path) -> &'static str {
    let danish = |p: &Path| p.to_string_lossy().ends_with(".da.krav");
    if files_of(case).iter().any(|f| danish(f)) {
        "da"
    } else {
        "en"
    }
}
