//! Hostile input that must never make `trustlint check` panic, hang or
//! overflow its stack: deep nesting, huge lines and files, garbage, NUL
//! bytes and broken UTF-8.

use crate::common::{self, no_panic, scratch, trustlint, trustlint_stdin, VALID};
use std::path::Path;

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
