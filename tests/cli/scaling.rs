//! The check stage on inputs shaped to make it quadratic or make every
//! finding copy something large: correct answers, output in proportion.
//! How long they take is measured by the benchmark (bench/), not here.

use crate::common::{trustlint_stdin, VALID};

fn valid_with_id(id: &str) -> String {
    std::fs::read_to_string(VALID)
        .expect("fixture")
        .replace("SUF-2026-01", id)
}

fn json(run: &crate::common::Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).expect("JSON output")
}

#[test]
fn a_huge_id_is_not_copied_into_every_tl302_finding() {
    // One requirement with a 1 MB id collects "falls" by hand; 300 others
    // too: each TL302 names the first, which once cost 2 MB a finding.
    let huge = "A".repeat(1 << 20);
    let mut input = valid_with_id(&huge).replace("existing automatic", "manual");
    for i in 0..300 {
        input.push_str(&valid_with_id(&format!("R-{i}")).replace("existing automatic", "manual"));
    }
    let run = trustlint_stdin(&["check", "--format", "json", "-"], input.as_bytes());
    let report = json(&run);
    let tl302: Vec<&serde_json::Value> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "TL302")
        .collect();
    assert_eq!(tl302.len(), 300);
    let message = tl302[0]["message"].as_str().expect("a message");
    assert!(message.contains("AAAA…"), "{}", &message[..message.len().min(300)]);
    assert!(message.len() < 1000, "{} bytes", message.len());
    // The input once, plus a bounded amount per finding (TL302 and TL210
    // on each of the 301 manual items).
    assert!(run.stdout.len() < 4 << 20, "{} bytes of output", run.stdout.len());
}

#[test]
fn suppressions_find_their_targets_among_many() {
    // Many suppressions that silence nothing in a row, then one that does
    // (on an entry inside a requirement that has its own), then a detached one.
    let mut input = String::new();
    for _ in 0..2_000 {
        input.push_str("# trustlint: allow(TL002) \"nothing to silence\"\n\n");
    }
    let valid = valid_with_id("S-1");
    let with_typo = valid.replace(
        "  risk: high",
        "  # trustlint: allow(TL003) \"spelt as in the minutes\"\n  risk: hgh",
    );
    input.push_str(&with_typo.replace(
        "requirement \"",
        "# trustlint: allow(TL101) \"outer\"\n# a plain comment\nrequirement \"",
    ));
    input.push_str("# trustlint: allow(TL004) \"nothing follows\"\n");
    let run = trustlint_stdin(&["check", "--format", "json", "-"], input.as_bytes());
    let report = json(&run);
    let codes = |key: &str| -> Vec<String> {
        report[key]
            .as_array()
            .expect("a list")
            .iter()
            .map(|d| d["code"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(codes("suppressed"), ["TL003"]);
    let diagnostics = codes("diagnostics");
    // Each of the 2,000 names TL002 for the requirement after them, which has
    // none; the requirement's TL101 finding does not exist either; the last
    // stands before nothing.
    assert_eq!(
        diagnostics.iter().filter(|c| *c == "TL009").count(),
        2_002,
        "{diagnostics:?}"
    );
    assert_eq!(diagnostics.len(), 2_002, "{diagnostics:?}");
}
