//! `trustlint audit` (the register reviewed as a whole, on a given day)
//! and baselines (`trustlint baseline`, `check --baseline`).

use crate::common::{json, scratch, trustlint};
use crate::snapshot;

const REGISTER: &str = "examples/register";

#[test]
fn audit_lists_dates_passed_loads_and_ranked_candidates() {
    let run = trustlint(&["audit", "--lang", "en", "--today", "2026-12-05", REGISTER]);
    // A sunset has passed: the register is wrong, exit 1.
    assert_eq!(run.status, 1, "{}", run.stderr);
    snapshot!("table", "audit --lang en --today 2026-12-05 examples/register", &run);
    let danish = trustlint(&["audit", "--lang", "da", "--today", "2026-12-05", REGISTER]);
    snapshot!(
        "table-da",
        "audit --lang da --today 2026-12-05 examples/register",
        &danish
    );
    let csv = trustlint(&["audit", "--format", "csv", "--today", "2026-12-05", REGISTER]);
    snapshot!("csv", "audit --format csv --today 2026-12-05 examples/register", &csv);

    let report = json(&trustlint(&[
        "audit",
        "--format",
        "json",
        "--today",
        "2026-12-05",
        REGISTER,
    ]));
    let dates: Vec<(&str, &str, i64)> = report["dates"]
        .as_array()
        .expect("dates")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default(),
                d["requirement"].as_str().unwrap_or_default(),
                d["days_overdue"].as_i64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        dates,
        [
            ("TL402", "REG-SOF-FRICENTER", 3626),
            ("TL401", "REG-SOF-HANDLEPLAN", 917),
            ("TL401", "REG-SOF-VAGTLOG", 324)
        ]
    );
    let ranked: Vec<&str> = report["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .map(|c| c["requirement"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(ranked, ["REG-SOF-VAGTLOG", "REG-SOF-HANDLEPLAN", "REG-SOF-FRICENTER"]);
    assert_eq!(report["candidates"][0]["hours_per_year"], 33_000.0);
}

#[test]
fn the_day_decides_the_dates() {
    // Before any date has passed: nothing overdue, and exit 0.
    let early = trustlint(&["audit", "--format", "json", "--today", "2016-01-01", REGISTER]);
    assert_eq!(early.status, 0, "{}", early.stderr);
    assert_eq!(json(&early)["dates"], serde_json::json!([]));
    // The day after the review date, not the day itself.
    let on = json(&trustlint(&[
        "audit",
        "--format",
        "json",
        "--today",
        "2026-01-15",
        REGISTER,
    ]));
    assert!(!on["dates"].to_string().contains("REG-SOF-VAGTLOG"));
    let after = json(&trustlint(&[
        "audit",
        "--format",
        "json",
        "--today",
        "2026-01-16",
        REGISTER,
    ]));
    assert!(after["dates"].to_string().contains("REG-SOF-VAGTLOG"));
    // Without --today, the system date: the 2016 sunset has passed.
    let now = trustlint(&["audit", "--format", "json", REGISTER]);
    assert_eq!(now.status, 1);
    for bad in ["2026-13-01", "5.12.2026", "2026-02-30", ""] {
        let run = trustlint(&["audit", "--today", bad, REGISTER]);
        assert_eq!(run.status, 2, "{bad}");
        assert!(
            run.stderr.contains("is not a date written YYYY-MM-DD"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn groups_over_the_limit_are_marked() {
    let dir = scratch("audit-limit");
    std::fs::write(dir.join("trustlint.toml"), "[params]\ngroup_hours_per_person = 30\n").expect("config");
    let config = dir.join("trustlint.toml").to_string_lossy().into_owned();
    let report = json(&trustlint(&[
        "audit",
        "--config",
        &config,
        "--format",
        "json",
        "--today",
        "2026-12-05",
        REGISTER,
    ]));
    assert_eq!(report["group_limit"], 30.0);
    let over: Vec<&str> = report["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .filter(|g| g["over_limit"] == true)
        .map(|g| g["name"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(over, ["housing staff"]);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_baseline_lets_an_old_register_pass_while_new_findings_fail() {
    let dir = scratch("baseline");
    let file = dir.join("baseline.json");
    let path = file.to_string_lossy().into_owned();
    let before = trustlint(&["check", REGISTER]);
    assert_eq!(before.status, 1);
    let written = trustlint(&["baseline", REGISTER, "-o", &path]);
    assert_eq!(written.status, 0, "{}", written.stderr);
    let baseline: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("written")).expect("JSON");
    assert_eq!(baseline["version"], 1);
    assert!(baseline["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .any(|e| e["code"] == "TL203" && e["requirement"] == "REG-SOF-FRICENTER" && e["count"] == 1));
    assert!(!baseline.to_string().contains("line"), "keyed without line numbers");

    let passes = trustlint(&["check", "--format", "json", "--baseline", &path, REGISTER]);
    assert_eq!(passes.status, 0, "{}", passes.stderr);
    assert_eq!(json(&passes)["diagnostics"], serde_json::json!([]));
    assert_eq!(json(&passes)["summary"]["suppressed"], 18);
    assert_eq!(passes.stderr, "");

    // Moved text (a comment line added on top) still matches; a new
    // finding fails; an entry that no longer matches is named.
    let changed = dir.join("register");
    std::fs::create_dir(&changed).expect("folder");
    for entry in std::fs::read_dir(REGISTER).expect("register") {
        let entry = entry.expect("entry");
        let text = std::fs::read_to_string(entry.path()).expect("read");
        std::fs::write(changed.join(entry.file_name()), format!("# moved\n\n{text}")).expect("write");
    }
    let shift = changed.join("shift-log.krav");
    let text = std::fs::read_to_string(&shift).expect("read");
    std::fs::write(
        &shift,
        text.replace("frequency: workdays", "frequency: workdays\n    cases_per_year: 3")
            .replace("reporting: deviation", "reporting: periodic weekly"),
    )
    .expect("write");
    let changed = changed.to_string_lossy().into_owned();
    let moved = trustlint(&[
        "check",
        "--lang",
        "en",
        "--format",
        "short",
        "--baseline",
        &path,
        &changed,
    ]);
    assert_eq!(moved.status, 0, "{}{}", moved.stdout, moved.stderr);
    assert!(moved.stdout.contains("warning[TL208]"), "{}", moved.stdout);
    assert_eq!(moved.stdout.matches("[TL").count(), 1, "{}", moved.stdout);
    let denied = trustlint(&["check", "-D", "TL208", "--baseline", &path, &changed]);
    assert_eq!(denied.status, 1);

    let mut fewer = baseline.clone();
    if let Some(entries) = fewer["entries"].as_array_mut() {
        entries.retain(|e| e["code"] != "TL203");
        entries.push(serde_json::json!({"code": "TL101", "requirement": "REG-GONE", "count": 2}));
    }
    std::fs::write(&file, fewer.to_string()).expect("write");
    let stale = trustlint(&[
        "check",
        "--lang",
        "en",
        "--format",
        "short",
        "--baseline",
        &path,
        REGISTER,
    ]);
    assert_eq!(stale.status, 1);
    assert_eq!(stale.stdout.matches("error[TL203]").count(), 3, "{}", stale.stdout);
    assert_eq!(
        stale.stderr,
        format!("warning: the baseline `{path}` accepts 2 findings of `TL101` for `REG-GONE` that are no longer found; lower or remove the entry\n")
    );

    std::fs::write(&file, "{\"version\": 1, \"entries\": [{\"code\": 5}]}").expect("write");
    let broken = trustlint(&["check", "--baseline", &path, REGISTER]);
    assert_eq!(broken.status, 2);
    assert!(
        broken.stderr.starts_with("error: cannot read the baseline"),
        "{}",
        broken.stderr
    );
    let _ = std::fs::remove_dir_all(dir);
}
