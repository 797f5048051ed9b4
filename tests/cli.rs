//! The `trustlint` binary end to end: exit statuses, input forms, output
//! formats, colour, language, and hostile input that must never make it
//! panic, hang or overflow its stack.

mod common;

use common::{trustlint, trustlint_stdin};
use serde_json::Value;
use std::path::{Path, PathBuf};

const VALID: &str = "tests/ui/valid/falls-register.krav";

fn json(run: &common::Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", run.stdout))
}

fn no_panic(run: &common::Run) {
    assert!(!run.stderr.contains("panicked"), "panic: {}", run.stderr);
    assert!(!run.stderr.contains("overflow"), "overflow: {}", run.stderr);
}

/// A fresh empty folder under the system's temporary folder.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("trustlint-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn exit_status_is_0_when_nothing_is_an_error() {
    let run = trustlint(&["check", VALID]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    // Warnings and notes alone do not fail the check.
    let run = trustlint(&["check", "tests/ui/TL009/unused.krav"]);
    assert_eq!(run.status, 0);
    assert!(run.stdout.contains("warning[TL009]"));
}

#[test]
fn exit_status_is_1_on_errors() {
    let run = trustlint(&["check", "tests/ui/TL002/typo.krav"]);
    assert_eq!(run.status, 1);
    assert!(run.stdout.contains("error[TL002]"));
}

#[test]
fn exit_status_is_2_with_one_line_when_the_command_cannot_work() {
    for args in [
        vec!["check", "no/such/file.krav"],
        vec!["check", "--format", "xml", VALID],
        vec!["check", "--no-such-flag"],
        vec!["frobnicate"],
    ] {
        let run = trustlint(&args);
        assert_eq!(run.status, 2, "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}");
        no_panic(&run);
        assert!(run.stderr.starts_with("error:"), "{args:?}: {}", run.stderr);
    }
    let run = trustlint(&["check", "no/such/file.krav"]);
    assert_eq!(run.stderr, "error: no such file or directory: no/such/file.krav\n");
}

#[test]
fn a_folder_without_krav_files_is_exit_2() {
    let dir = scratch("empty-folder");
    let run = trustlint(&["check", dir.to_str().expect("utf-8 path")]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("no .krav files found"), "{}", run.stderr);
}

#[test]
fn standard_input() {
    let text = std::fs::read(VALID).expect("fixture");
    let run = trustlint_stdin(&["check", "-"], &text);
    assert_eq!(run.status, 0, "{}", run.stdout);
    let broken = String::from_utf8(text)
        .expect("utf-8")
        .replace("risk: high", "risk: hgh");
    let run = trustlint_stdin(&["check", "--format", "short", "-"], broken.as_bytes());
    assert_eq!(run.status, 1);
    assert!(
        run.stdout
            .starts_with("<stdin>:6:9: error[TL003]: unknown risk level `hgh`"),
        "{}",
        run.stdout
    );
}

#[test]
fn empty_or_closed_standard_input_is_an_empty_file() {
    let run = trustlint_stdin(&["check", "-"], b"");
    assert_eq!(run.status, 0);
    assert!(run.stdout.contains("warning[TL011]"), "{}", run.stdout);
    // `trustlint()` runs with stdin closed (null).
    let run = trustlint(&["check", "-"]);
    assert_eq!(run.status, 0);
    assert!(run.stdout.contains("TL011"));
}

#[test]
fn json_output_matches_the_schema() {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string("docs/json-output.schema.json").expect("schema file"))
            .expect("schema is JSON");
    let run = trustlint(&["check", "--format", "json", "tests/ui"]);
    assert_eq!(run.status, 1);
    let output = json(&run);
    let errors = common::schema::validate(&schema, &output);
    assert!(errors.is_empty(), "{errors:#?}");
    // Every code of the language checks shows up in the fixtures.
    let codes: std::collections::BTreeSet<&str> = output["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    for n in 1..=11 {
        let code = format!("TL{n:03}");
        assert!(codes.contains(code.as_str()), "{code} missing from the fixtures' JSON");
    }
    // Every diagnostic has a code, a span and a help line.
    for diagnostic in output["diagnostics"].as_array().expect("array") {
        assert!(
            diagnostic["help"].as_str().is_some_and(|h| !h.is_empty()),
            "no help: {diagnostic}"
        );
        assert!(
            diagnostic["span"]["line"].as_u64().is_some_and(|l| l >= 1),
            "no span: {diagnostic}"
        );
    }
    // The summary counts what is listed.
    let count = |level: &str| {
        output["diagnostics"]
            .as_array()
            .expect("array")
            .iter()
            .filter(|d| d["level"] == level)
            .count()
    };
    assert_eq!(output["summary"]["errors"], count("error"));
    assert_eq!(output["summary"]["warnings"], count("warning"));
    assert_eq!(output["summary"]["notes"], count("note"));
    // The schema checker itself rejects what it should.
    let mut broken = output.clone();
    broken["summary"]["extra"] = Value::Bool(true);
    broken["diagnostics"][0]["span"]["line"] = Value::String("one".into());
    assert_eq!(common::schema::validate(&schema, &broken).len(), 2);
}

#[test]
fn json_spans_are_bytes_and_columns_are_characters() {
    let run = trustlint(&[
        "check",
        "--format",
        "json",
        "tests/ui/lexical/columns-count-characters.da.krav",
    ]);
    let output = json(&run);
    let diagnostic = &output["diagnostics"][0];
    let span = &diagnostic["span"];
    let text = std::fs::read_to_string("tests/ui/lexical/columns-count-characters.da.krav").expect("fixture");
    let start = span["start"].as_u64().expect("start") as usize;
    let end = span["end"].as_u64().expect("end") as usize;
    assert_eq!(&text[start..end], "\"Færre fald blandt hjemmeplejens borgere\"");
    assert_eq!(span["line"], 9);
    // `  mål: "Færre fald" ` is 20 characters (23 bytes) before the string.
    assert_eq!(span["column"], 21);
    assert_eq!(
        span["end_column"],
        21 + "\"Færre fald blandt hjemmeplejens borgere\"".chars().count()
    );
    assert_eq!(diagnostic["requirement"], "SUF-2026-02");
}

#[test]
fn suppressed_diagnostics_are_listed_with_their_reason() {
    let run = trustlint(&["check", "--format", "json", "tests/ui/TL009/used-is-silent.krav"]);
    let output = json(&run);
    assert_eq!(output["diagnostics"].as_array().map(Vec::len), Some(0));
    let suppressed = &output["suppressed"][0];
    assert_eq!(suppressed["code"], "TL003");
    assert_eq!(
        suppressed["reason"],
        "level agreed with the committee, spelt as in the minutes"
    );
    assert_eq!(output["summary"]["suppressed"], 1);
}

#[test]
fn short_format_is_one_line_per_diagnostic() {
    let run = trustlint(&[
        "check",
        "--format",
        "short",
        "--quiet",
        "tests/ui/TL003/impossible-date.krav",
    ]);
    assert_eq!(
        run.stdout,
        "tests/ui/TL003/impossible-date.krav:19:11: error[TL003]: `2027-02-29` is not a date: month 02 of 2027 has 28 days\n\
         tests/ui/TL003/impossible-date.krav:20:11: error[TL003]: `2027-13-01` is not a date: there is no month 13\n"
    );
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let file = "tests/ui/TL002/typo.krav";
    let always = trustlint(&["check", "--color", "always", file]);
    assert!(always.stdout.contains("\u{1b}["), "no ANSI codes with --color always");
    let never = trustlint(&["check", "--color", "never", file]);
    assert!(!never.stdout.contains("\u{1b}["));
    // Not a terminal, and NO_COLOR set by the test helper: auto means none.
    let auto = trustlint(&["check", file]);
    assert!(!auto.stdout.contains("\u{1b}["));
    assert_eq!(auto.stdout, never.stdout);
}

#[test]
fn quiet_leaves_out_the_summary() {
    let run = trustlint(&["check", "--quiet", VALID]);
    assert_eq!(run.stdout, "");
    let run = trustlint(&["check", VALID]);
    assert_eq!(
        run.stdout,
        "burden: 208 hours a year (0.1 FTE, DKK 83,200), 208 of them taken from work with citizens\n\
         checked 1 file (1 requirement): no problems found\n"
    );
}

#[test]
fn language_from_flag_and_locale() {
    let file = "tests/ui/TL002/typo.krav";
    let flag = trustlint(&["check", "--lang", "da", file]);
    assert!(flag.stdout.contains("ukendt nøgle `purpse`"), "{}", flag.stdout);
    let locale = common::command(&["check", file])
        .env("LANG", "da_DK.UTF-8")
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&locale.stdout).contains("ukendt nøgle"));
    // The flag wins over the locale.
    let both = common::command(&["check", "--lang", "en", file])
        .env("LC_ALL", "da_DK.UTF-8")
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&both.stdout).contains("unknown key"));
}

#[test]
fn folders_are_walked_recursively_in_order_and_links_to_folders_are_not_followed() {
    let dir = scratch("walk");
    let valid = std::fs::read_to_string(VALID).expect("fixture");
    std::fs::create_dir_all(dir.join("b/x.krav")).expect("a folder named like a file");
    std::fs::write(dir.join("b/x.krav/inner.krav"), valid.replace("SUF-2026-01", "B-1")).expect("write");
    std::fs::write(dir.join("a.krav"), valid.replace("SUF-2026-01", "A-1")).expect("write");
    std::fs::write(dir.join("notes.txt"), "not checked").expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&dir, dir.join("b/loop")).expect("symlink loop");
    let run = trustlint(&["check", "--format", "json", dir.to_str().expect("utf-8")]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    let output = json(&run);
    assert_eq!(output["summary"]["files"], 2);
    assert_eq!(output["summary"]["requirements"], 2);
}

#[test]
fn an_unreadable_file_does_not_stop_the_others() {
    let run = trustlint(&[
        "check",
        "--format",
        "short",
        "-q",
        "tests/ui/TL010/unreadable-among-readable",
    ]);
    assert_eq!(run.status, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(lines[0].contains("dangling.krav:1:1: error[TL010]"));
    assert!(lines[1].contains("readable.krav:6:9: error[TL003]"));
}

/// Runs with input on stdin and a watchdog: hostile input must finish.
fn hostile(input: &[u8]) -> common::Run {
    let started = std::time::Instant::now();
    let run = trustlint_stdin(&["check", "--format", "short", "-"], input);
    no_panic(&run);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
    assert!(
        run.status == 0 || run.status == 1,
        "status {}: {}",
        run.status,
        run.stderr
    );
    run
}

#[test]
fn deeply_nested_braces_are_a_syntax_error_not_a_stack_overflow() {
    let mut input = b"requirement \"x\" {\n".to_vec();
    input.extend(std::iter::repeat_n(b'{', 200_000));
    let run = hostile(&input);
    assert!(run.stdout.contains("error[TL001]"), "{}", run.stdout);
    let run = hostile(&vec![b'{'; 200_000]);
    assert!(run.stdout.contains("error[TL001]"));
}

#[test]
fn an_eight_megabyte_string_and_line() {
    let valid = std::fs::read_to_string(VALID).expect("fixture");
    let long = "x".repeat(8 << 20);
    let input = valid.replace("\"Fewer falls among home care users\"", &format!("\"{long}\""));
    let run = hostile(input.as_bytes());
    assert_eq!(run.status, 0, "{}", run.stdout);
    // Unclosed, it is reported at its opening quote.
    let input = valid.replace("\"Fewer falls among home care users\"", &format!("\"{long}"));
    let run = hostile(input.as_bytes());
    assert!(
        run.stdout.contains("<stdin>:9:9: error[TL001]: unclosed string"),
        "{}",
        run.stdout
    );
}

#[test]
fn binary_garbage_gets_a_diagnostic() {
    // A fixed pseudo-random sequence, so a failure can be reproduced.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let garbage: Vec<u8> = (0..200_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    let run = hostile(&garbage);
    assert_eq!(run.status, 1);
    assert!(
        run.stdout.contains("error[TL010]") || run.stdout.contains("error[TL001]"),
        "{}",
        run.stdout
    );
    // Valid UTF-8 that is still nonsense.
    let text: String = garbage.iter().map(|b| char::from(b' ' + b % 94)).collect();
    let run = hostile(text.as_bytes());
    assert_eq!(run.status, 1);
    assert!(run.stdout.contains("error[TL001]"));
}

#[test]
fn many_requirements_in_one_file() {
    let valid = std::fs::read_to_string(VALID).expect("fixture");
    let input: String = (0..2_000)
        .map(|i| valid.replace("SUF-2026-01", &format!("R-{i}")))
        .collect();
    let run = hostile(input.as_bytes());
    assert_eq!(run.status, 0, "{}", &run.stdout[..run.stdout.len().min(500)]);
}

#[test]
fn every_fixture_renders_in_every_format_without_panicking() {
    for format in ["human", "short", "json"] {
        let run = trustlint(&["check", "--format", format, "--color", "always", "tests/ui"]);
        no_panic(&run);
        assert_eq!(run.status, 1, "{format}");
    }
    assert!(Path::new("tests/ui").is_dir());
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    for format in ["json", "human", "sarif"] {
        let runs: Vec<String> = ["1", "4"]
            .iter()
            .map(|threads| {
                let output = common::command(&["check", "--format", format, "tests/ui", "examples"])
                    .env("RAYON_NUM_THREADS", threads)
                    .output()
                    .expect("runs");
                String::from_utf8_lossy(&output.stdout).into_owned()
            })
            .collect();
        assert!(runs[0].len() > 1000);
        assert_eq!(runs[0], runs[1], "{format} differs between 1 and 4 threads");
    }
}

#[test]
fn a_hundred_megabyte_file() {
    let valid = std::fs::read_to_string(VALID).expect("fixture");
    let mut text = String::with_capacity(101 << 20);
    let mut i = 0;
    while text.len() < 100 << 20 {
        text.push_str(&valid.replace("SUF-2026-01", &format!("R-{i}")));
        i += 1;
    }
    let dir = scratch("hundred-mb");
    let path = dir.join("big.krav");
    std::fs::write(&path, &text).expect("write");
    drop(text);
    let started = std::time::Instant::now();
    let run = trustlint(&["check", "--statistics", path.to_str().expect("utf-8")]);
    no_panic(&run);
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert!(started.elapsed() < std::time::Duration::from_secs(300));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_million_tiny_requirements() {
    // The smallest complete requirement, a million times (about 150 MB),
    // each with its own burdened group so that nothing fires.
    let tiny = "requirement \"t\" {\nid: ID\npurpose: safety\nrisk: low\nscope: 1 units\nburden \"ID\" {\npeople: 1\nminutes: 1\nfrequency: yearly\n}\nmeasure: effect\nreview: after 1 years\n}\n";
    let mut text = String::with_capacity((tiny.len() + 16) * 1_000_000);
    for i in 0..1_000_000 {
        text.push_str(&tiny.replace("ID", &format!("T{i}")));
    }
    let dir = scratch("million");
    let path = dir.join("tiny.krav");
    std::fs::write(&path, &text).expect("write");
    drop(text);
    let run = trustlint(&["check", path.to_str().expect("utf-8")]);
    no_panic(&run);
    assert_eq!(run.status, 0, "{}", &run.stdout[..run.stdout.len().min(2000)]);
    assert!(
        run.stdout
            .ends_with("checked 1 file (1000000 requirements): no problems found\n"),
        "{}",
        run.stdout
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn nul_bytes_and_invalid_utf8_in_the_middle() {
    let valid = std::fs::read(VALID).expect("fixture");
    let middle = valid.len() / 2;
    let mut with_nul = valid.clone();
    with_nul.insert(middle, 0);
    let run = hostile(&with_nul);
    assert!(run.stdout.contains("error[TL001]"), "{}", run.stdout);
    let mut invalid = valid;
    invalid.splice(middle..middle, [0xC3, 0x28, 0xFF]);
    let run = hostile(&invalid);
    assert!(run.stdout.contains("error[TL010]"), "{}", run.stdout);
}
