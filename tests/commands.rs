//! `explain`, `rules`, `burden` and the bundled examples, through the binary.

mod common;

use common::trustlint;
use serde_json::Value;

fn snapshot(name: &str, command: &str, run: &common::Run) {
    insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!(name, format!("$ trustlint {command}\nexit status: {}\n\n{}", run.status, run.stdout));
    });
}

#[test]
fn explain_quotes_the_kodeks_in_both_languages() {
    for lang in ["en", "da"] {
        let run = trustlint(&["explain", "TL101", "--lang", lang]);
        assert_eq!(run.status, 0);
        assert!(run
            .stdout
            .contains("\"Med andre ord gøres enkeltsager ikke til generelle styringsregimer.\""));
        assert!(
            run.stdout.contains("error[TL101]"),
            "the failing example's diagnostic is shown"
        );
        snapshot(
            &format!("explain-TL101-{lang}"),
            &format!("explain TL101 --lang {lang}"),
            &run,
        );
    }
}

#[test]
fn explain_takes_names_and_language_codes() {
    let by_name = trustlint(&["explain", "single-case-generalised"]);
    let by_code = trustlint(&["explain", "tl101"]);
    assert_eq!(by_name.stdout, by_code.stdout);
    let run = trustlint(&["explain", "TL002"]);
    assert_eq!(run.status, 0);
    snapshot("explain-TL002", "explain TL002", &run);
}

#[test]
fn explain_an_unknown_code_is_exit_2_with_a_suggestion() {
    let run = trustlint(&["explain", "TL1O1"]);
    assert_eq!(run.status, 2);
    assert_eq!(run.stderr, "error: unknown code `TL1O1`; did you mean `TL101`?\n");
}

#[test]
fn every_rule_can_be_explained() {
    let rules: Value = serde_json::from_str(&trustlint(&["rules", "--format", "json"]).stdout).expect("JSON");
    for rule in rules.as_array().expect("list") {
        let code = rule["code"].as_str().expect("code");
        let run = trustlint(&["explain", code]);
        assert_eq!(run.status, 0, "{code}");
        assert!(run.stdout.starts_with(code), "{code}");
    }
}

#[test]
fn rules_lists_every_code() {
    let run = trustlint(&["rules"]);
    assert_eq!(run.status, 0);
    snapshot("rules", "rules", &run);
    let json: Value = serde_json::from_str(&trustlint(&["rules", "--format", "json"]).stdout).expect("JSON");
    let list = json.as_array().expect("a list");
    assert_eq!(list.len(), 13 + 16);
    for rule in list {
        for field in ["code", "name", "level", "source", "summary"] {
            assert!(rule[field].is_string(), "{field} in {rule}");
        }
    }
    let tl101 = list.iter().find(|r| r["code"] == "TL101").expect("TL101");
    assert_eq!(tl101["name"], "single-case-generalised");
    assert_eq!(tl101["level"], "error");
}

#[test]
fn burden_in_every_format() {
    let table = trustlint(&["burden", "examples"]);
    assert_eq!(table.status, 0);
    snapshot("burden-table", "burden examples", &table);
    let danish = trustlint(&["burden", "--lang", "da", "examples/abolished/daily-face-to-face.krav"]);
    snapshot(
        "burden-table-da",
        "burden --lang da examples/abolished/daily-face-to-face.krav",
        &danish,
    );

    let json: Value = serde_json::from_str(
        &trustlint(&[
            "burden",
            "--format",
            "json",
            "examples/abolished/daily-face-to-face.krav",
        ])
        .stdout,
    )
    .expect("JSON");
    let row = &json["requirements"][0];
    assert_eq!(row["name"], "SOF-2014-03");
    assert_eq!(row["hours_per_year"], 27_375.0);
    assert_eq!(row["cost_dkk"], 10_950_000.0);
    assert_eq!(json["groups"][0]["name"], "housing staff");
    assert_eq!(json["total"]["hours_per_year"], 27_375.0);

    let csv = trustlint(&[
        "burden",
        "--format",
        "csv",
        "examples/abolished/daily-face-to-face.krav",
    ]);
    assert_eq!(
        csv.stdout,
        "kind,name,people,hours_per_person_year,hours_per_year,fte,cost_dkk,frontline_hours_per_year,one_off_hours\n\
         requirement,SOF-2014-03,900,30.417,27375,14.228,10950000,27375,0\n\
         group,housing staff,900,30.417,27375,14.228,10950000,27375,0\n\
         total,total,900,30.417,27375,14.228,10950000,27375,0\n"
    );
}

#[test]
fn groups_are_summed_without_regard_to_case() {
    let run = trustlint(&[
        "burden",
        "--format",
        "json",
        "examples/abolished/aarlig-baggrundsbeskrivelse.da.krav",
        "examples/kept/baggrundsbeskrivelse-ved-aendringer.da.krav",
    ]);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let groups = json["groups"].as_array().expect("list");
    assert_eq!(groups.len(), 1, "both burden `sagsbehandlere`");
    // 25 + 8 cases a year, an hour each.
    assert_eq!(groups[0]["hours_per_person_year"], 33.0);
}

/// The abolished requirements of the sources are flagged for the reasons
/// the sources give; the kept ones pass.
#[test]
fn abolished_examples_are_flagged_for_the_sources_reasons() {
    let expectations: [(&str, &[&str]); 5] = [
        // Supervision is now planned individually (method, not goal), and one case made a rule for all.
        (
            "examples/abolished/daily-face-to-face.krav",
            &["TL101", "TL103", "TL203", "TL204"],
        ),
        // Staff and their leader decide which questions are relevant: a prescribed method.
        (
            "examples/abolished/sundhedsfaglige-fokusomraader.da.krav",
            &["TL103", "TL204"],
        ),
        // A yearly update replaced by an update at significant change.
        (
            "examples/abolished/aarlig-baggrundsbeskrivelse.da.krav",
            &["TL203", "TL207", "TL104"],
        ),
        // No registration of arrival and departure times.
        ("examples/abolished/clocking-in-and-out.krav", &["TL209", "TL204"]),
        // One library out of twenty: no new rules for all twenty; deviation reporting instead.
        ("examples/abolished/bibliotek-overforbrug.da.krav", &["TL101", "TL208"]),
    ];
    for (file, codes) in expectations {
        let run = trustlint(&["check", "--format", "json", file]);
        assert_eq!(run.status, 1, "{file} is flagged with an error");
        let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
        let found: Vec<&str> = json["diagnostics"]
            .as_array()
            .expect("list")
            .iter()
            .filter_map(|d| d["code"].as_str())
            .collect();
        for code in codes {
            assert!(found.contains(code), "{file}: {code} missing from {found:?}");
        }
    }
}

#[test]
fn kept_examples_pass_with_notes_at_most() {
    let run = trustlint(&["check", "--format", "json", "examples/kept"]);
    assert_eq!(run.status, 0);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["summary"]["errors"], 0);
    assert_eq!(json["summary"]["warnings"], 0);
}

#[test]
fn the_bundled_examples_as_a_committee_secretary_sees_them() {
    let run = trustlint(&["check", "examples"]);
    assert_eq!(run.status, 1);
    snapshot("check-examples", "check examples", &run);
}
