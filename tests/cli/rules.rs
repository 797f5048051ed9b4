//! `trustlint rules`: every code of the language and the ruleset.

use crate::common::trustlint;
use crate::snapshot;
use serde_json::Value;

#[test]
fn rules_lists_every_code() {
    let run = trustlint(&["rules"]);
    assert_eq!(run.status, 0);
    snapshot!("table", "rules", &run);
    let json: Value = serde_json::from_str(&trustlint(&["rules", "--format", "json"]).stdout).expect("JSON");
    let list = json.as_array().expect("a list");
    // The language checks, the ruleset's rules and the register's date checks.
    assert_eq!(list.len(), 14 + 21 + 2);
    for rule in list {
        for field in ["code", "name", "level", "source", "summary"] {
            assert!(rule[field].is_string(), "{field} in {rule}");
        }
    }
    let tl101 = list.iter().find(|r| r["code"] == "TL101").expect("TL101");
    assert_eq!(tl101["name"], "single-case-generalised");
    assert_eq!(tl101["level"], "error");
}
