//! `trustlint explain`: every code and rule name, in both languages.

use crate::common::trustlint;
use crate::snapshot;
use serde_json::Value;

#[test]
fn explain_quotes_the_kodeks_in_both_languages() {
    for lang in ["en", "da"] {
        let run = trustlint(&["explain", "TL101", "--lang", lang]);
        assert_eq!(run.status, 0);
        assert!(run
            .stdout
            .contains("\"Med andre ord gøres enkeltsager ikke til generelle styringsregimer.\""));
        assert!(
            run.stdout
                .contains(if lang == "da" { "fejl[TL101]" } else { "error[TL101]" }),
            "the failing example's diagnostic is shown"
        );
        snapshot!(format!("TL101-{lang}"), format!("explain TL101 --lang {lang}"), &run);
    }
}

#[test]
fn explain_takes_names_and_language_codes() {
    let by_name = trustlint(&["explain", "single-case-generalised"]);
    let by_code = trustlint(&["explain", "tl101"]);
    assert_eq!(by_name.stdout, by_code.stdout);
    let run = trustlint(&["explain", "TL002"]);
    assert_eq!(run.status, 0);
    snapshot!("TL002", "explain TL002", &run);
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
