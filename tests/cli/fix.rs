//! Suggestions as edits: `check --fix` applies the safe ones to the files,
//! `--diff` shows them, JSON and SARIF carry them.

use crate::common::{self, json, scratch, trustlint, trustlint_stdin, VALID};
use serde_json::Value;

/// The typical hurried draft: `aa`/`oe`/`ae` for å/ø/æ, a decimal comma, a
/// misspelt key, a word cut short, a frequency in prose and a key of
/// several words written apart.
const HURRIED: &str = "\
krav \"Daglig kontakt på bostederne\" {
  id: SOF-2026-01
  formaal: sikkerhed \"Ingen beboer overses\"
  risiko: middel \"Beboere kan blive overset\"
  anledning: presse \"En sag i avisen\"
  undersøgelse: \"Gennemgang af to års hændelser\"
  omfang: 3 enheder \"bostederne i Valby\"
  metdoe: \"Personalet taler med hver beboer\"
  byrde \"personalet\" {
    personer: 40
    minutter: 2,5
    hyppighed: 2 gange om året
    borgernaer: ja
  }
  maaling: effekt \"færre indlæggelser\"
  rapportering: periodisk kvartalsvis
  revision: efter 2 år
}
";

/// The codes of what `check --format json` finds in `path`.
fn codes(path: &str) -> Vec<String> {
    let run = trustlint(&["check", "--format", "json", path]);
    json(&run)["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| d["code"].as_str().expect("code").to_owned())
        .collect()
}

#[test]
fn fix_turns_a_hurried_draft_into_one_that_parses() {
    let dir = scratch("fix-hurried");
    let path = dir.join("udkast.krav");
    std::fs::write(&path, HURRIED).expect("write");
    let arg = path.to_str().expect("utf-8 path");
    let before = codes(arg);
    assert!(before.iter().filter(|c| *c == "TL002").count() >= 3, "{before:?}");
    assert!(before.iter().any(|c| c == "TL003"), "{before:?}");

    let run = trustlint(&["check", "--lang", "en", "--fix", arg]);
    common::no_panic(&run);
    assert_eq!(run.stderr, "fixed 7 problems in 1 file\n");
    let fixed = std::fs::read_to_string(&path).expect("read");
    for (was, now) in [
        ("formaal:", "formål:"),
        ("presse \"", "pressesag \""),
        ("metdoe:", "metode:"),
        ("2,5", "2.5"),
        ("2 gange om året", "2 om_året"),
        ("borgernaer:", "borgernær:"),
        ("maaling:", "måling:"),
    ] {
        assert!(!fixed.contains(was) && fixed.contains(now), "{was} → {now}:\n{fixed}");
    }
    // Nothing else in the file moved.
    assert_eq!(fixed.lines().count(), HURRIED.lines().count());
    // It parses and builds: no language error is left, only the kodeks's findings.
    let after = codes(arg);
    assert!(after.iter().all(|c| c.as_str() > "TL100"), "{after:?}");
    // What is left is reported, as after a plain check of the fixed file.
    assert_eq!(run.stdout, trustlint(&["check", "--lang", "en", arg]).stdout);
    // A second run has nothing to fix.
    let again = trustlint(&["check", "--fix", arg]);
    assert_eq!(again.stderr, "");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), fixed);
    let names: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["udkast.krav"], "no temporary file is left");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fix_says_what_it_did_in_danish_and_keeps_the_files_permissions() {
    let dir = scratch("fix-danish");
    let path = dir.join("udkast.krav");
    std::fs::write(&path, HURRIED).expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    }
    let run = trustlint(&["check", "--lang", "da", "--fix", "-q", path.to_str().expect("utf-8")]);
    // `-q` leaves out the closing lines, the line about the fixes too.
    assert_eq!(run.stderr, "");
    let run = trustlint(&["check", "--lang", "da", "--fix", path.to_str().expect("utf-8")]);
    assert_eq!(run.stderr, "");
    std::fs::write(&path, HURRIED).expect("write");
    let run = trustlint(&["check", "--lang", "da", "--fix", path.to_str().expect("utf-8")]);
    assert_eq!(run.stderr, "rettede 7 problemer i 1 fil\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn diff_shows_the_fixes_and_writes_nothing() {
    let dir = scratch("fix-diff");
    let path = dir.join("udkast.krav");
    std::fs::write(&path, HURRIED).expect("write");
    let arg = path.to_str().expect("utf-8 path");
    let run = trustlint(&["check", "--diff", arg]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        HURRIED,
        "--diff writes nothing"
    );
    let header = format!("--- {arg}\n+++ {arg}\n@@ -1,18 +1,18 @@\n");
    assert!(run.stdout.starts_with(&header), "{}", run.stdout);
    assert!(run.stdout.contains("\n-  formaal: sikkerhed"), "{}", run.stdout);
    assert!(run.stdout.contains("\n+  formål: sikkerhed"), "{}", run.stdout);
    assert!(run.stdout.contains("\n-    minutter: 2,5\n"), "{}", run.stdout);
    assert!(run.stdout.contains("\n+    minutter: 2.5\n"), "{}", run.stdout);
    // The new side of the diff is what --fix writes.
    let new_side: String = run
        .stdout
        .lines()
        .skip(3)
        .filter(|l| !l.starts_with('-'))
        .map(|l| format!("{}\n", &l[1..]))
        .collect();
    assert!(trustlint(&["check", "--lang", "en", "--fix", arg])
        .stderr
        .starts_with("fixed 7"));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), new_side);
    // Nothing to fix: no diff, exit 0.
    let run = trustlint(&["check", "--diff", VALID]);
    assert_eq!((run.status, run.stdout.as_str()), (0, ""));
    // --fix and --diff exclude each other.
    assert_eq!(trustlint(&["check", "--fix", "--diff", VALID]).status, 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn standard_input_is_never_written() {
    let run = trustlint_stdin(&["check", "--fix", "--format", "short", "-"], HURRIED.as_bytes());
    assert_eq!(run.status, 1);
    assert!(run.stdout.contains("TL002"), "{}", run.stdout);
    assert_eq!(run.stderr, "");
}

#[test]
fn json_and_sarif_carry_the_edits() {
    let dir = scratch("fix-json");
    let path = dir.join("udkast.krav");
    std::fs::write(&path, HURRIED).expect("write");
    let arg = path.to_str().expect("utf-8 path");
    let document = json(&trustlint(&["check", "--format", "json", arg]));
    let diagnostics = document["diagnostics"].as_array().expect("array");
    let formaal = diagnostics
        .iter()
        .find(|d| d["message"].as_str().is_some_and(|m| m.contains("formaal")))
        .expect("TL002 for formaal");
    let start = HURRIED.find("formaal").expect("in the draft");
    assert_eq!(
        formaal["edits"],
        serde_json::json!([{
            "span": {"start": start, "end": start + 7, "line": 3, "column": 3, "end_line": 3, "end_column": 10},
            "replacement": "formål",
            "safe": true
        }])
    );
    let comma = diagnostics
        .iter()
        .find(|d| d["message"].as_str().is_some_and(|m| m.contains("2,5")))
        .expect("TL003 for 2,5");
    assert_eq!(comma["edits"][0]["replacement"], "2.5");

    let run = trustlint(&["check", "--format", "sarif", arg]);
    let log: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string("tests/sarif/sarif-2.1.0-subset.schema.json").expect("schema"))
            .expect("JSON");
    let errors = common::schema::validate(&schema, &log);
    assert!(errors.is_empty(), "{errors:#?}");
    let results = log["runs"][0]["results"].as_array().expect("results");
    let fixes: Vec<&Value> = results.iter().filter_map(|r| r["fixes"].as_array()).flatten().collect();
    assert_eq!(fixes.len(), 7);
    let first = &results[0]["fixes"][0];
    assert_eq!(first["description"]["text"], "mente du `formål`?");
    let replacement = &first["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "formål");
    assert_eq!(
        replacement["deletedRegion"],
        serde_json::json!({"startLine": 3, "startColumn": 3, "endLine": 3, "endColumn": 10})
    );
    assert_eq!(first["properties"]["safe"], true);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_human_output_shows_the_suggestion_as_rustc_does() {
    let run = trustlint_stdin(&["check", "--lang", "en", "-"], HURRIED.as_bytes());
    let expected = "\
error[TL002]: unknown key `formaal`
  --> <stdin>:3:3
  |
3 |   formaal: sikkerhed \"Ingen beboer overses\"
  |   ^^^^^^^ not a key of a requirement
  |
help: did you mean `formål`?
  |
3 |   formål: sikkerhed \"Ingen beboer overses\"
  |   ~~~~~~

";
    assert!(run.stdout.starts_with(expected), "{}", run.stdout);
    assert!(
        run.stdout
            .ends_with("7 of them can be fixed with `trustlint check --fix` (`--diff` shows how)\n"),
        "{}",
        run.stdout
    );
}
