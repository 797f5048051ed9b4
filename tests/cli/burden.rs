//! `trustlint burden`: the Standard Cost Model estimate as a table, JSON
//! and CSV.

use crate::common::{trustlint, trustlint_stdin};
use crate::snapshot;
use serde_json::Value;

#[test]
fn burden_in_every_format() {
    // The examples mix Danish and English files; this table is the English one.
    let table = trustlint(&["burden", "--lang", "en", "examples"]);
    assert_eq!(table.status, 0);
    snapshot!("table", "burden --lang en examples", &table);
    let danish = trustlint(&["burden", "--lang", "da", "examples/abolished/daily-face-to-face.krav"]);
    snapshot!(
        "table-da",
        "burden --lang da examples/abolished/daily-face-to-face.krav",
        &danish
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

/// The totals row is found by its place: a requirement whose id is `total`
/// keeps its id in every language.
#[test]
fn a_requirement_named_total_is_not_the_total() {
    let text = std::fs::read_to_string("examples/abolished/daily-face-to-face.krav").expect("example");
    let text = text.replace("id: SOF-2014-03", "id: total");
    let run = trustlint_stdin(&["burden", "--lang", "da", "-"], text.as_bytes());
    assert_eq!(run.status, 0, "{}", run.stderr);
    let starting = |prefix: &str| run.stdout.lines().filter(|line| line.starts_with(prefix)).count();
    assert_eq!(starting("total "), 1, "the requirement's row\n{}", run.stdout);
    assert_eq!(starting("i alt "), 2, "the two sums\n{}", run.stdout);
    let english = trustlint_stdin(&["burden", "-"], text.as_bytes());
    let totals = english.stdout.lines().filter(|line| line.starts_with("total ")).count();
    assert_eq!(totals, 3, "the requirement's row and the two sums\n{}", english.stdout);
}
