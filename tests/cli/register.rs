//! `--register DIR` (and `register = "…"` in trustlint.toml): proposals
//! judged together with the requirements in force.

use crate::common::{command, json, scratch, trustlint, trustlint_stdin};
use crate::snapshot;
use serde_json::Value;

const REGISTER: &str = "examples/register";
const DAILY: &str = "examples/abolished/daily-face-to-face.krav";

fn codes(run: &crate::common::Run) -> Vec<(String, String)> {
    let report = json(run);
    report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_owned(),
                d["file"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

fn has(found: &[(String, String)], code: &str) -> bool {
    found.iter().any(|(c, _)| c == code)
}

#[test]
fn a_proposal_sees_its_groups_existing_load_and_data() {
    // Alone, the daily face-to-face proposal burdens housing staff by 30.4
    // hours a person: under the limit of 60, and only one requirement.
    let alone = trustlint(&["check", "--format", "json", DAILY]);
    assert!(!has(&codes(&alone), "TL301"));
    assert!(!has(&codes(&alone), "TL302"));

    let run = trustlint(&["check", "--format", "json", "--register", REGISTER, DAILY]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let found = codes(&run);
    assert!(has(&found, "TL301"), "{found:?}");
    assert!(has(&found, "TL302"), "{found:?}");
    // What the register says about itself is not the proposal's business.
    assert!(found.iter().all(|(_, file)| file == DAILY), "{found:?}");
    let report = json(&run);
    assert_eq!(report["summary"]["files"], 1);
    assert_eq!(report["summary"]["requirements"], 1);
    let tl301 = report["diagnostics"]
        .as_array()
        .and_then(|all| all.iter().find(|d| d["code"] == "TL301"))
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(
        tl301["message"],
        "2 requirements together take 67.1 hours per person a year from `housing staff`"
    );

    snapshot!(
        "daily-with-register",
        "check --lang en --format short --register examples/register examples/abolished/daily-face-to-face.krav",
        &trustlint(&[
            "check",
            "--lang",
            "en",
            "--format",
            "short",
            "--register",
            REGISTER,
            DAILY
        ])
    );
}

#[test]
fn include_register_reports_the_registers_own_findings() {
    let run = trustlint(&[
        "check",
        "--format",
        "json",
        "--register",
        REGISTER,
        "--include-register",
        DAILY,
    ]);
    let found = codes(&run);
    assert!(
        found
            .iter()
            .any(|(code, file)| code == "TL204" && file.ends_with("handleplan-opfoelgning.da.krav")),
        "{found:?}"
    );
}

#[test]
fn replaces_must_name_a_requirement_in_force() {
    let proposal = "requirement \"New shift routine\" {\n  id: NEW-1\n  purpose: safety \"x\"\n  risk: medium \"y\"\n  scope: 1 units \"one house\"\n  burden \"housing staff\" {\n    people: 20\n    minutes: 5\n    frequency: weekly\n  }\n  review: 2027-01-01\n  replaces: NOT-IN-FORCE\n}\n";
    let without = trustlint_stdin(&["check", "--format", "json", "-"], proposal.as_bytes());
    let level = |run: &crate::common::Run| {
        json(run)["diagnostics"]
            .as_array()
            .and_then(|all| all.iter().find(|d| d["code"] == "TL007"))
            .map(|d| (d["level"].clone(), d["message"].clone()))
    };
    assert_eq!(
        level(&without),
        Some((
            "note".into(),
            "`NOT-IN-FORCE` is not among the requirements checked".into()
        ))
    );
    let with = trustlint_stdin(
        &["check", "--format", "json", "--register", REGISTER, "-"],
        proposal.as_bytes(),
    );
    assert_eq!(with.status, 1);
    assert_eq!(
        level(&with),
        Some((
            "error".into(),
            "`NOT-IN-FORCE` is not a requirement of the register".into()
        ))
    );
    // The user still decides.
    let warned = trustlint_stdin(
        &["check", "--format", "json", "--register", REGISTER, "-W", "TL007", "-"],
        proposal.as_bytes(),
    );
    assert_eq!(level(&warned).map(|(l, _)| l), Some("warning".into()));
    assert_eq!(warned.status, 0);
}

#[test]
fn an_id_in_force_is_taken() {
    let proposal = "krav \"Nye fraværsrapporter\" {\n  id: REG-KFF-FRAVAER\n  formål: læring \"x\"\n  risiko: lav \"y\"\n  omfang: 1 enheder \"et bibliotek\"\n  byrde \"biblioteksledere\" {\n    personer: 1\n    minutter: 5\n    hyppighed: årligt\n  }\n  revision: 2027-01-01\n}\n";
    let run = trustlint_stdin(
        &["check", "--format", "json", "--register", REGISTER, "-"],
        proposal.as_bytes(),
    );
    assert_eq!(run.status, 1);
    let found = codes(&run);
    assert_eq!(found.iter().filter(|(c, _)| c == "TL006").count(), 1, "{found:?}");
    assert!(found.iter().all(|(_, file)| file == "<stdin>"), "{found:?}");
}

#[test]
fn what_a_proposal_replaces_no_longer_counts() {
    // A lighter shift log replacing the one in force: the housing staff's
    // load is the proposal's and the daily contact's, not the old log's.
    let proposal = "requirement \"Short shift notes\" {\n  id: NEW-VAGTLOG\n  purpose: safety \"The next shift knows what happened\"\n  risk: medium \"Needs change from shift to shift\"\n  scope: all 42 units \"social-psychiatric housing\"\n  goal: \"Residents are met by staff who know their situation\"\n  data: \"events per resident\" existing automatic\n  burden \"housing staff\" {\n    people: 900\n    minutes: 2\n    frequency: workdays\n    frontline: yes\n  }\n  measure: effect \"residents' own account of continuity\"\n  reporting: deviation\n  review: 2027-01-01\n  replaces: REG-SOF-VAGTLOG\n}\n";
    let dir = scratch("register-replaces");
    let file = dir.join("short-notes.krav");
    std::fs::write(&file, proposal).expect("write");
    let file = file.to_string_lossy().into_owned();
    let run = trustlint(&["check", "--format", "json", "--register", REGISTER, &file, DAILY]);
    let found = codes(&run);
    assert!(!has(&found, "TL301"), "{found:?}");
    assert!(!has(&found, "TL302"), "{found:?}");
    assert!(!has(&found, "TL007"), "{found:?}");

    let burden = trustlint(&["burden", "--format", "json", "--register", REGISTER, &file]);
    assert_eq!(burden.status, 0, "{}", burden.stderr);
    let loads = json(&burden)["loads"].clone();
    let housing = loads
        .as_array()
        .and_then(|all| all.iter().find(|l| l["name"] == "housing staff"))
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(housing["before"]["hours_per_year"], 33_000.0);
    assert_eq!(housing["removed"]["hours_per_year"], 33_000.0);
    assert_eq!(housing["added"]["hours_per_year"], 6_600.0);
    assert_eq!(housing["after"]["hours_per_year"], 6_600.0);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_burden_report_shows_each_groups_load_before_and_after() {
    let run = trustlint(&["burden", "--lang", "en", "--register", REGISTER, DAILY]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    snapshot!(
        "burden-with-register",
        "burden --lang en --register examples/register examples/abolished/daily-face-to-face.krav",
        &run
    );
    let csv = trustlint(&["burden", "--format", "csv", "--register", REGISTER, DAILY]);
    assert!(
        csv.stdout
            .contains("\nbefore,housing staff,900,36.667,33000,17.152,13200000,33000,0\n"),
        "{}",
        csv.stdout
    );
    assert!(
        csv.stdout.contains("\nafter,housing staff,900,67.083,60375,"),
        "{}",
        csv.stdout
    );
}

#[test]
fn the_register_can_be_named_in_the_config() {
    let dir = scratch("register-config");
    std::fs::write(dir.join("trustlint.toml"), "register = \"in-force\"\n").expect("config");
    std::fs::create_dir(dir.join("in-force")).expect("folder");
    std::fs::copy("examples/register/shift-log.krav", dir.join("in-force/shift-log.krav")).expect("copy");
    std::fs::copy(DAILY, dir.join("daily.krav")).expect("copy");
    let run = command(&["check", "--format", "json", "daily.krav"])
        .current_dir(&dir)
        .output()
        .map(crate::common::finish)
        .expect("runs");
    let found = codes(&run);
    assert!(has(&found, "TL301"), "{found:?}");
    // A folder walk that takes in the register judges each file once.
    let whole = command(&["check", "--format", "json", "."])
        .current_dir(&dir)
        .output()
        .map(crate::common::finish)
        .expect("runs");
    let found = codes(&whole);
    assert!(!has(&found, "TL006"), "{found:?}");
    assert!(has(&found, "TL301"), "{found:?}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_missing_register_stops_the_command() {
    let run = trustlint(&["check", "--register", "no/such/folder", DAILY]);
    assert_eq!(run.status, 2);
    assert_eq!(run.stderr, "error: the register `no/such/folder` is not a folder\n");
    let only = trustlint(&["check", "--register", REGISTER, REGISTER]);
    assert_eq!(only.status, 2);
    assert!(only.stderr.contains("part of the register"), "{}", only.stderr);
}
