//! `trustlint ruleset test|check` and `--ruleset`. Rulesets are data and
//! are tested as data: every ruleset in `rulesets/` passes its own
//! examples; every rule's firing examples are pinned as insta snapshots
//! named after the rule, in `tests/rulesets/<ruleset>/`; broken rulesets
//! get TL012 diagnostics in the TOML, never a panic.

use crate::common::{scratch, trustlint};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn files(dir: &str, extension: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
        .expect("folder exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    files
}

fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .expect("inside the crate")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn every_ruleset_passes_its_own_examples() {
    let rulesets = files("rulesets", "toml");
    assert!(rulesets.len() >= 2, "the default ruleset and at least one more");
    for ruleset in rulesets {
        let path = relative(&ruleset);
        let run = trustlint(&["ruleset", "test", &path]);
        assert_eq!(run.status, 0, "{path}:\n{}{}", run.stdout, run.stderr);
        let last = run.stdout.lines().last().unwrap_or_default();
        assert!(last.ends_with("passed, 0 failed"), "{path}: {last}");
        let check = trustlint(&["ruleset", "check", &path]);
        assert_eq!(check.status, 0, "{}", check.stderr);
    }
}

/// The codes of a ruleset's rules, through `trustlint rules --format json`.
fn rule_codes(ruleset: &str) -> Vec<String> {
    let run = trustlint(&["--ruleset", ruleset, "rules", "--format", "json"]);
    let rules: Value = serde_json::from_str(&run.stdout).expect("JSON");
    rules
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|r| r["code"].as_str())
        // The language checks and the register's date checks are not the ruleset's.
        .filter(|code| !code.starts_with("TL0") && !code.starts_with("TL4"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_rule_has_snapshots_of_its_firing_examples() {
    for ruleset in files("rulesets", "toml") {
        let path = relative(&ruleset);
        let name = ruleset.file_stem().and_then(|s| s.to_str()).expect("a name").to_owned();
        let codes = rule_codes(&path);
        assert!(!codes.is_empty(), "{path} has no rules");
        for code in codes {
            let run = trustlint(&["ruleset", "test", &path, "--code", &code, "--show", "--color", "never"]);
            assert_eq!(run.status, 0, "{path} {code}: {}", run.stdout);
            assert!(run.stdout.contains(&format!("[{code}]")), "{code}: no diagnostic shown");
            let snapshot = format!("$ trustlint ruleset test {path} --code {code} --show\n\n{}", run.stdout);
            insta::with_settings!({
                snapshot_path => Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rulesets").join(&name),
                prepend_module_to_snapshot => false,
                omit_expression => true,
            }, {
                insta::assert_snapshot!(code.clone(), snapshot);
            });
        }
    }
}

#[test]
fn the_kodeks_ruleset_has_every_rule_of_the_specification() {
    let codes = rule_codes("kodeks-for-tillid");
    let expected = [
        "TL101", "TL102", "TL103", "TL104", "TL105", "TL106", "TL107", "TL108", "TL110", "TL201", "TL202", "TL203",
        "TL204", "TL205", "TL206", "TL207", "TL208", "TL209", "TL210", "TL301", "TL302",
    ];
    assert_eq!(codes, expected);
}

#[test]
fn broken_rulesets_get_diagnostics_in_the_toml() {
    for file in files("tests/rulesets/invalid", "toml") {
        let path = relative(&file);
        let run = trustlint(&["ruleset", "check", &path, "--color", "never"]);
        assert_eq!(run.status, 2, "{path}");
        assert!(run.stdout.is_empty());
        assert!(!run.stderr.contains("panicked"), "{path}: {}", run.stderr);
        assert!(run.stderr.contains("error[TL012]"), "{path}: {}", run.stderr);
        let name = file.file_stem().and_then(|s| s.to_str()).expect("a name").to_owned();
        insta::with_settings!({
            snapshot_path => file.parent().expect("a folder"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
            input_file => &file,
        }, {
            insta::assert_snapshot!(name, format!("$ trustlint ruleset check {path}\n\n{}", run.stderr));
        });
    }
}

#[test]
fn check_refuses_to_run_with_a_broken_ruleset() {
    let run = trustlint(&[
        "--ruleset",
        "tests/rulesets/invalid/bad-condition.toml",
        "check",
        "examples",
    ]);
    assert_eq!(run.status, 2);
    assert!(run.stdout.is_empty(), "nothing is checked");
    assert!(run
        .stderr
        .ends_with("error: the ruleset `tests/rulesets/invalid/bad-condition.toml` has errors; nothing was checked\n"));
    let run = trustlint(&["--ruleset", "no/such/ruleset.toml", "check", "examples"]);
    assert_eq!(run.status, 2);
    assert_eq!(
        run.stderr,
        "error: cannot read the ruleset `no/such/ruleset.toml`: no such file or directory\n"
    );
}

#[test]
fn a_ruleset_test_that_fails_exits_1() {
    let text = std::fs::read_to_string("rulesets/kodeks-for-tillid.toml").expect("the ruleset");
    let broken = text.replacen(
        "fires = false\nwith = 'data: \"falls\" existing automatic, \"time of each visit\" automatic'",
        "fires = false\nwith = 'data: \"falls\" existing automatic, \"time of each visit\" manual'",
        1,
    );
    assert_ne!(text, broken, "the mutation applies");
    let path = scratch("ruleset-mutated").join("mutated.toml");
    std::fs::write(&path, broken).expect("write");
    let run = trustlint(&["ruleset", "test", path.to_str().expect("utf-8"), "--code", "TL210"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stdout
            .contains("TL210 example 2 (does not fire) ... FAILED: the rule fired"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.ends_with("3 passed, 1 failed\n"));
}

#[test]
fn the_second_ruleset_judges_the_examples_with_its_own_codes() {
    let run = trustlint(&[
        "--ruleset",
        "rulesets/sof-fem-principper.toml",
        "check",
        "--format",
        "json",
        "examples",
    ]);
    let output: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let codes: Vec<&str> = output["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.iter().any(|c| c.starts_with("SOF")), "{codes:?}");
    assert!(
        !codes.iter().any(|c| c.starts_with("TL1") || c.starts_with("TL2")),
        "{codes:?}"
    );
}

#[test]
fn a_ruleset_whose_conditions_could_take_exponential_time_is_refused_everywhere() {
    // Before the cost model, depth 5 over 100 data items took 107 s, and
    // `ruleset check` called the ruleset valid.
    let ruleset = "tests/rulesets/invalid/exponential.toml";
    let data: Vec<String> = (0..100).map(|i| format!("\"item {i}\" manual")).collect();
    let input = std::fs::read_to_string(crate::common::VALID)
        .expect("fixture")
        .replace("  risk:", &format!("  data: {}\n  risk:", data.join(", ")));
    let dir = crate::common::scratch("exponential");
    std::fs::write(dir.join("p.krav"), &input).expect("write");
    std::fs::write(dir.join("trustlint.toml"), "ruleset = \"rules.toml\"\n").expect("write");
    std::fs::copy(ruleset, dir.join("rules.toml")).expect("copy");
    for (args, cwd) in [
        (vec!["ruleset", "check", ruleset], None),
        (vec!["ruleset", "test", ruleset], None),
        (vec!["--ruleset", ruleset, "explain", "X1"], None),
        (vec!["check", "p.krav"], Some(&dir)),
    ] {
        let started = std::time::Instant::now();
        let mut command = crate::common::command(&args);
        if let Some(dir) = cwd {
            command.current_dir(dir);
        }
        let run = crate::common::finish(command.output().expect("runs"));
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "{args:?}");
        assert_eq!(run.status, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr
                .contains("error[TL012]: this condition could take time that grows with the square"),
            "{args:?}: {}",
            run.stderr
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}
