//! `trustlint check`: exit statuses, input forms, folder walks, the summary,
//! and the bundled examples.

use crate::common::{self, json, scratch, trustlint, trustlint_stdin, VALID};
use crate::snapshot;
use serde_json::Value;

#[test]
fn exit_status_is_0_when_nothing_is_an_error() {
    let run = trustlint(&["check", VALID]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    // Warnings and notes alone do not fail the check.
    let run = trustlint(&["check", "tests/ui/TL009/unused.krav"]);
    assert_eq!(run.status, 0);
    assert!(run.stdout.contains("warning[TL009]"));
}

#[test]
fn exit_status_is_1_on_errors() {
    let run = trustlint(&["check", "tests/ui/TL002/typo.krav"]);
    assert_eq!(run.status, 1);
    assert!(run.stdout.contains("error[TL002]"));
}

#[test]
fn exit_status_is_2_with_one_line_when_the_command_cannot_work() {
    for args in [
        vec!["check", "no/such/file.krav"],
        vec!["check", "--format", "xml", VALID],
        vec!["check", "--no-such-flag"],
        vec!["frobnicate"],
    ] {
        let run = trustlint(&args);
        assert_eq!(run.status, 2, "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}");
        common::no_panic(&run);
        assert!(run.stderr.starts_with("error:"), "{args:?}: {}", run.stderr);
    }
    let run = trustlint(&["check", "no/such/file.krav"]);
    assert_eq!(run.stderr, "error: no such file or directory: no/such/file.krav\n");
}

#[test]
fn a_folder_without_krav_files_is_exit_2() {
    let dir = scratch("empty-folder");
    let run = trustlint(&["check", dir.to_str().expect("utf-8 path")]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("no .krav files found"), "{}", run.stderr);
}

#[test]
fn standard_input() {
    let text = std::fs::read(VALID).expect("fixture");
    let run = trustlint_stdin(&["check", "-"], &text);
    assert_eq!(run.status, 0, "{}", run.stdout);
    let broken = String::from_utf8(text)
        .expect("utf-8")
        .replace("risk: high", "risk: hgh");
    let run = trustlint_stdin(&["check", "--format", "short", "-"], broken.as_bytes());
    assert_eq!(run.status, 1);
    assert!(
        run.stdout
            .starts_with("<stdin>:6:9: error[TL003]: unknown risk level `hgh`"),
        "{}",
        run.stdout
    );
}

#[test]
fn empty_or_closed_standard_input_is_an_empty_file() {
    let run = trustlint_stdin(&["check", "-"], b"");
    assert_eq!(run.status, 0);
    assert!(run.stdout.contains("warning[TL011]"), "{}", run.stdout);
    // `trustlint()` runs with stdin closed (null).
    let run = trustlint(&["check", "-"]);
    assert_eq!(run.status, 0);
    assert!(run.stdout.contains("TL011"));
}

#[test]
fn quiet_leaves_out_the_summary() {
    let run = trustlint(&["check", "--quiet", VALID]);
    assert_eq!(run.stdout, "");
    let run = trustlint(&["check", VALID]);
    assert_eq!(
        run.stdout,
        "burden: 208 hours a year (0.1 FTE, DKK 83,200), 208 of them taken from work with citizens\n\
         checked 1 file (1 requirement): no problems found\n"
    );
}

#[test]
fn folders_are_walked_recursively_in_order_and_links_to_folders_are_not_followed() {
    let dir = scratch("walk");
    let valid = std::fs::read_to_string(VALID).expect("fixture");
    std::fs::create_dir_all(dir.join("b/x.krav")).expect("a folder named like a file");
    std::fs::write(dir.join("b/x.krav/inner.krav"), valid.replace("SUF-2026-01", "B-1")).expect("write");
    std::fs::write(dir.join("a.krav"), valid.replace("SUF-2026-01", "A-1")).expect("write");
    std::fs::write(dir.join("notes.txt"), "not checked").expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&dir, dir.join("b/loop")).expect("symlink loop");
    let run = trustlint(&["check", "--format", "json", dir.to_str().expect("utf-8")]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    let output = json(&run);
    assert_eq!(output["summary"]["files"], 2);
    assert_eq!(output["summary"]["requirements"], 2);
}

#[test]
fn an_unreadable_file_does_not_stop_the_others() {
    let run = trustlint(&[
        "check",
        "--format",
        "short",
        "-q",
        "tests/ui/TL010/unreadable-among-readable",
    ]);
    assert_eq!(run.status, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert!(lines[0].contains("dangling.krav:1:1: error[TL010]"));
    assert!(lines[1].contains("readable.krav:6:9: error[TL003]"));
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let run = |args: &[&str], threads: &str| {
        let output = common::command(args)
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .expect("runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let scratch = common::scratch("threads");
    let empty = scratch.join("empty.baseline");
    std::fs::write(&empty, "{\"version\": 1, \"entries\": []}").expect("written");
    let empty = empty.to_string_lossy().into_owned();
    // One requirement with 1,500 data items asked of the staff: 1,500
    // findings and 1,500 silenced ones, a part too large to be held
    // rendered while it waits, so it is rendered in slices when its turn
    // comes.
    let valid = std::fs::read_to_string("tests/ui/valid/falls-register.krav").expect("fixture");
    let items: Vec<String> = (0..1_500).map(|i| format!("\"d{i}\" manual about_staff")).collect();
    let large = valid
        .replace("\"falls\" existing automatic", &items.join(", "))
        .replace(
            "requirement \"",
            "# trustlint: allow(TL210) \"the staff are asked once, on purpose\"\nrequirement \"",
        );
    let large_file = scratch.join("large-part.krav");
    std::fs::write(&large_file, large).expect("written");
    let large_file = large_file.to_string_lossy().into_owned();
    let formats: [&[&str]; 8] = [
        &["--format", "json"],
        &["--format", "json", "--pretty"],
        &["--format", "jsonl"],
        &["--format", "human"],
        &["--format", "pretty"],
        &["--format", "short"],
        &["--format", "sarif"],
        &["--format", "github"],
    ];
    for format in formats {
        let args: Vec<&str> = ["check"]
            .iter()
            .chain(format)
            .chain(&["tests/ui", &large_file, "examples"])
            .copied()
            .collect();
        let runs: Vec<String> = ["1", "4"].iter().map(|threads| run(&args, threads)).collect();
        assert!(runs[0].len() > 1000, "{format:?}");
        assert_eq!(runs[0], runs[1], "{format:?} differs between 1 and 4 threads");
        // An empty baseline takes the path that holds the whole check and
        // renders it at once: the streamed output is the same.
        let mut whole = args.clone();
        whole.extend(["--baseline", &empty]);
        assert_eq!(run(&whole, "2"), runs[0], "{format:?} streamed differs from whole");
    }
}

/// The abolished requirements of the sources are flagged for the reasons
/// the sources give; the kept ones pass.
#[test]
fn abolished_examples_are_flagged_for_the_sources_reasons() {
    let expectations: [(&str, &[&str]); 6] = [
        // Supervision is now planned individually (method, not goal), and one case made a rule for all.
        (
            "examples/abolished/daily-face-to-face.krav",
            &[
                "TL101", "TL103", "TL203", "TL204", "TL106", "TL107", "TL108", "TL209", "TL210",
            ],
        ),
        // Staff and their leader decide which questions are relevant: a prescribed method.
        (
            "examples/abolished/sundhedsfaglige-fokusomraader.da.krav",
            &["TL103", "TL204", "TL106", "TL108"],
        ),
        // A yearly update replaced by an update at significant change.
        (
            "examples/abolished/aarlig-baggrundsbeskrivelse.da.krav",
            &["TL203", "TL207", "TL104", "TL110", "TL108"],
        ),
        // No registration of arrival and departure times.
        (
            "examples/abolished/clocking-in-and-out.krav",
            &["TL209", "TL204", "TL210"],
        ),
        // The how of medicine documentation left to the local leaders: a
        // warning, since the documentation itself stays.
        ("examples/abolished/central-medicindokumentation.da.krav", &["TL106"]),
        // One library out of twenty: no new rules for all twenty; deviation reporting instead.
        ("examples/abolished/bibliotek-overforbrug.da.krav", &["TL101", "TL208"]),
    ];
    for (file, codes) in expectations {
        let run = trustlint(&["check", "--format", "json", file]);
        let errors = codes.iter().any(|c| *c != "TL106");
        assert_eq!(run.status, if errors { 1 } else { 0 }, "{file} is flagged");
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
    // Danish and English files together, answered in English as asked.
    let run = trustlint(&["check", "--lang", "en", "examples"]);
    assert_eq!(run.status, 1);
    snapshot!("examples", "check --lang en examples", &run);
}

/// The suppressions' own findings take the user's levels like every other
/// code (they used to keep their defaults whatever -A or -D said).
#[test]
fn levels_reach_the_suppressions_own_findings() {
    let allowed = trustlint(&["check", "-A", "TL009", "tests/ui/TL009/unused.krav"]);
    assert_eq!(allowed.status, 0);
    assert!(!allowed.stdout.contains("TL009"), "{}", allowed.stdout);
    let denied = trustlint(&["check", "-D", "unused-suppression", "tests/ui/TL009/unused.krav"]);
    assert_eq!(denied.status, 1);
    assert!(denied.stdout.contains("error[TL009]"), "{}", denied.stdout);
    let grouped = trustlint(&["check", "-D", "warnings", "tests/ui/TL009/unused.krav"]);
    assert!(grouped.stdout.contains("error[TL009]"), "{}", grouped.stdout);
}

/// TL104 counts a review date from the day of the check, which `--today`
/// fixes so that a run can be repeated; the date must exist.
#[test]
fn a_review_date_is_counted_from_today() {
    let text = std::fs::read_to_string("tests/ui/valid/falls-register.krav")
        .expect("the fixture")
        .replace("review: after 2 years", "review: 2031-06-30");
    assert!(text.contains("2031-06-30"), "the fixture has a review to replace");
    let path = scratch("today").join("review-date.krav");
    std::fs::write(&path, text).expect("write");
    let file = path.to_str().expect("utf-8");
    let run = |today: &str| trustlint(&["check", "--format", "short", "-q", "--today", today, file]);
    let early = run("2026-01-01");
    assert!(early.stdout.contains("[TL104]"), "5.5 years ahead: {}", early.stdout);
    let late = run("2028-01-01");
    assert!(!late.stdout.contains("[TL104]"), "3.5 years ahead: {}", late.stdout);
    let bad = run("2026-02-30");
    assert_eq!(bad.status, 2);
    assert!(bad.stderr.contains("2026-02-30"), "{}", bad.stderr);
}

/// The home-care regime of issue 10, relabelled the way a hurried author
/// gets a clean result: a timestamp and the staff member's initials on
/// every visit (84,000 hours a year taken from citizens), its one press
/// story called a `mønster` without numbers, its purpose `sikkerhed`, a
/// one-line investigation, and `erstatter` naming an id that exists
/// nowhere. It must never pass; nor once the pattern is given numbers.
const RELABELLED_HOME_CARE: &str = r#"krav "Tidsstempel og initialer ved hvert besøg i hjemmeplejen" {
  id: SUF-2026-07
  forslagsstiller: "Sundheds- og Omsorgsudvalget"
  formål: sikkerhed "Borgerne skal være sikre på, at besøget bliver gennemført"
  risiko: middel "Et besøg kan blive glemt"
  anledning: mønster "Avisens historie om et glemt besøg"
  undersøgelse: "Drøftet i forvaltningen"
  omfang: alle 40 enheder "hjemmeplejens distrikter"
  mål: "Alle besøg gennemføres"
  data: "tidsstempel for besøget" manuel, "medarbejderens initialer" manuel om_medarbejdere
  byrde "hjemmehjælpere" {
    personer: 2000
    minutter: 2
    hyppighed: per_sag
    sager_pr_år: 1260
    borgernær: ja
  }
  måling: effekt "glemte besøg pr. måned"
  rapportering: afvigelse
  revision: efter 2 år
  erstatter: SUF-2019-03
  dispensation: ingen
}
"#;

#[test]
fn the_relabelled_home_care_regime_never_passes() {
    let codes = |text: &str| {
        let run = trustlint_stdin(
            &[
                "check",
                "--format",
                "json",
                "--stdin-filename",
                "hjemmepleje.da.krav",
                "-",
            ],
            text.as_bytes(),
        );
        common::no_panic(&run);
        let diagnostics: Vec<(String, String, u64)> = json(&run)["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap_or_default().to_owned(),
                    d["level"].as_str().unwrap_or_default().to_owned(),
                    d["span"]["line"].as_u64().unwrap_or_default(),
                )
            })
            .collect();
        (run.status, diagnostics)
    };

    // As relabelled: the pattern without numbers is an error on its line,
    // so no burden is estimated and nothing passes.
    let (status, found) = codes(RELABELLED_HOME_CARE);
    assert_eq!(status, 1, "{found:?}");
    assert!(found.contains(&("TL003".into(), "error".into(), 6)), "{found:?}");
    // The id it claims to replace is in no file checked.
    assert!(
        found.iter().any(|(code, _, line)| code == "TL007" && *line == 21),
        "{found:?}"
    );

    // Given numbers, one case is still one case made a rule for 40 units,
    // and the regime is judged on what it costs: out of proportion to its
    // risk, staff monitored, the staff never heard.
    let numbered = RELABELLED_HOME_CARE.replace(
        "\"Avisens historie om et glemt besøg\"",
        "\"Avisens historie om et glemt besøg\" 1 sager 1 enheder",
    );
    let (status, found) = codes(&numbered);
    assert_eq!(status, 1, "{found:?}");
    for code in ["TL101", "TL203", "TL209", "TL108", "TL206"] {
        assert!(found.iter().any(|(c, _, _)| c == code), "{code} in {found:?}");
    }
}

/// The codes a bundled example declares in its header: an abolished one
/// the rules that fire for the source's reasons ("Rules that fire for the
/// source's reasons:" / "Regler, der slår til af kildens grunde:"), a kept
/// one the rules it answers ("Answers:" / "Besvarer:"). The declaration
/// runs to the next blank comment line.
fn declared_codes(text: &str, openers: &[&str]) -> Vec<String> {
    let mut codes = Vec::new();
    let mut inside = false;
    for line in text.lines().take_while(|line| line.starts_with('#')) {
        let comment = line.trim_start_matches('#').trim();
        if openers.iter().any(|opener| comment.starts_with(opener)) {
            inside = true;
        } else if comment.is_empty() {
            inside = false;
        }
        if inside {
            codes.extend(
                comment
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|word| {
                        word.len() == 5 && word.starts_with("TL") && word[2..].chars().all(|c| c.is_ascii_digit())
                    })
                    .map(str::to_owned),
            );
        }
    }
    codes
}

fn example_files(folder: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .expect("the examples")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "krav"))
        .collect();
    files.sort();
    files
}

/// Every abolished example is flagged for the reasons its source gives
/// (each rule it declares fires on it); every kept one passes with no
/// error or warning, and names the rules it answers. Between them, each
/// rule of version 2 has an abolished case and a kept one.
#[test]
fn the_examples_are_flagged_for_the_sources_reasons_and_the_kept_ones_pass() {
    let fired = |path: &std::path::Path| -> Vec<String> {
        let run = trustlint(&["check", "--format", "json", path.to_str().expect("utf-8")]);
        json(&run)["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| d["code"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let mut flagged = Vec::new();
    for path in example_files("examples/abolished") {
        let text = std::fs::read_to_string(&path).expect("readable");
        let declared = declared_codes(
            &text,
            &[
                "Rules that fire for the source's reasons:",
                "Regler, der slår til af kildens grunde:",
            ],
        );
        assert!(!declared.is_empty(), "{}: no rules declared", path.display());
        let found = fired(&path);
        for code in &declared {
            assert!(
                found.contains(code),
                "{}: {code} does not fire: {found:?}",
                path.display()
            );
        }
        flagged.extend(declared);
    }
    let mut answered = Vec::new();
    for path in example_files("examples/kept") {
        let text = std::fs::read_to_string(&path).expect("readable");
        let declared = declared_codes(&text, &["Answers:", "Besvarer:"]);
        assert!(!declared.is_empty(), "{}: no rules declared", path.display());
        let run = trustlint(&["check", "--format", "json", path.to_str().expect("utf-8")]);
        assert_eq!(run.status, 0, "{}", path.display());
        let summary = &json(&run)["summary"];
        assert_eq!(
            (summary["errors"].as_u64(), summary["warnings"].as_u64()),
            (Some(0), Some(0)),
            "{}",
            path.display()
        );
        answered.extend(declared);
    }
    let kept = trustlint(&["check", "examples/kept"]);
    assert_eq!(kept.status, 0, "{}", kept.stdout);
    for code in ["TL106", "TL107", "TL108", "TL110", "TL210", "TL208", "TL209"] {
        assert!(
            flagged.iter().any(|c| c == code),
            "no abolished example is flagged for {code}"
        );
        assert!(answered.iter().any(|c| c == code), "no kept example answers {code}");
    }
}
