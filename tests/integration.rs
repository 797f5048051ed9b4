//! Pre-submission use: every output format, configuration, levels from the
//! command line, `init`, completions and the man page, through the binary.

mod common;

use common::{command, trustlint};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const CORPUS: &[&str] = &["tests/ui", "examples"];

/// (file, line, column, code) of every diagnostic, counted.
type Found = BTreeMap<(String, u64, u64, String), usize>;

fn add(found: &mut Found, file: &str, line: u64, column: u64, code: &str) {
    *found
        .entry((file.to_owned(), line, column, code.to_owned()))
        .or_default() += 1;
}

fn run_format(format: &str) -> String {
    let mut args = vec!["check", "--color", "never", "--format", format];
    args.extend_from_slice(CORPUS);
    let run = trustlint(&args);
    assert_eq!(run.status, 1, "{format}: {}", run.stderr);
    run.stdout
}

fn from_json() -> Found {
    let json: Value = serde_json::from_str(&run_format("json")).expect("JSON");
    let mut found = Found::new();
    for d in json["diagnostics"].as_array().expect("list") {
        let span = &d["span"];
        add(
            &mut found,
            d["file"].as_str().unwrap_or(""),
            span["line"].as_u64().unwrap_or(0),
            span["column"].as_u64().unwrap_or(0),
            d["code"].as_str().unwrap_or(""),
        );
    }
    found
}

fn from_short() -> Found {
    let mut found = Found::new();
    for line in run_format("short").lines().filter(|l| l.contains("]: ")) {
        let (location, rest) = line.split_once(": ").expect("path:line:col: …");
        let mut parts = location.rsplitn(3, ':');
        let column = parts.next().and_then(|c| c.parse().ok()).expect("column");
        let row = parts.next().and_then(|l| l.parse().ok()).expect("line");
        let file = parts.next().expect("file");
        let code = rest.split('[').nth(1).and_then(|c| c.split(']').next()).expect("code");
        add(&mut found, file, row, column, code);
    }
    found
}

fn from_human() -> Found {
    let output = run_format("human");
    let lines: Vec<&str> = output.lines().collect();
    let mut found = Found::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(code) = ["error[", "warning[", "note["]
            .iter()
            .find_map(|p| line.strip_prefix(p))
            .and_then(|r| r.split(']').next())
        else {
            continue;
        };
        let location = lines[i + 1].trim_start().strip_prefix("--> ").expect("a location line");
        let mut parts = location.rsplitn(3, ':');
        let column = parts.next().and_then(|c| c.parse().ok()).expect("column");
        let row = parts.next().and_then(|l| l.parse().ok()).expect("line");
        add(&mut found, parts.next().expect("file"), row, column, code);
    }
    found
}

fn from_github() -> Found {
    let mut found = Found::new();
    for line in run_format("github").lines() {
        let properties = line.split_once(' ').expect("::level properties::message").1;
        let properties = properties.split("::").next().expect("properties");
        let mut map = BTreeMap::new();
        for pair in properties.split(',') {
            let (key, value) = pair.split_once('=').expect("key=value");
            map.insert(key, value);
        }
        let code = map["title"].split(' ').next().expect("code");
        add(
            &mut found,
            map["file"],
            map["line"].parse().expect("line"),
            map["col"].parse().expect("col"),
            code,
        );
    }
    found
}

fn sarif() -> Value {
    serde_json::from_str(&run_format("sarif")).expect("SARIF is JSON")
}

fn from_sarif() -> Found {
    let mut found = Found::new();
    for result in sarif()["runs"][0]["results"].as_array().expect("results") {
        if result.get("suppressions").is_some() {
            continue;
        }
        let location = &result["locations"][0]["physicalLocation"];
        add(
            &mut found,
            location["artifactLocation"]["uri"].as_str().unwrap_or(""),
            location["region"]["startLine"].as_u64().unwrap_or(0),
            location["region"]["startColumn"].as_u64().unwrap_or(0),
            result["ruleId"].as_str().unwrap_or(""),
        );
    }
    found
}

/// ariadne computes its own header position (it places the end of a file
/// differently), so `pretty` is compared by file and code.
fn from_pretty() -> BTreeMap<(String, String), usize> {
    let output = run_format("pretty");
    let lines: Vec<&str> = output.lines().collect();
    let mut found = BTreeMap::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(code) = line.strip_prefix('[').and_then(|r| r.split(']').next()) else {
            continue;
        };
        let header = lines[i + 1].split("─[ ").nth(1).expect("a location header");
        let file = header.rsplitn(3, ':').nth(2).expect("file");
        *found.entry((file.to_owned(), code.to_owned())).or_default() += 1;
    }
    found
}

#[test]
fn every_format_carries_the_same_diagnostics() {
    let json = from_json();
    assert!(json.len() > 100, "a corpus worth comparing: {}", json.len());
    assert_eq!(from_short(), json, "short");
    assert_eq!(from_human(), json, "human");
    assert_eq!(from_github(), json, "github");
    assert_eq!(from_sarif(), json, "sarif");
    let mut by_file_and_code = BTreeMap::new();
    for ((file, _, _, code), n) in &json {
        *by_file_and_code.entry((file.clone(), code.clone())).or_default() += n;
    }
    assert_eq!(from_pretty(), by_file_and_code, "pretty");
}

#[test]
fn sarif_has_the_required_properties_and_the_json_count() {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string("tests/sarif/sarif-2.1.0-subset.schema.json").expect("schema"))
            .expect("JSON");
    let log = sarif();
    let errors = common::schema::validate(&schema, &log);
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "trustlint");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert!(rules
        .iter()
        .any(|r| r["id"] == "TL101" && r["name"] == "single-case-generalised"));
    for rule in rules {
        for field in ["shortDescription", "fullDescription", "help"] {
            assert!(
                rule[field]["text"].as_str().is_some_and(|t| !t.is_empty()),
                "{field} of {}",
                rule["id"]
            );
        }
    }
    let results = run["results"].as_array().expect("results");
    for result in results {
        let index = result["ruleIndex"].as_u64().expect("index") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"], "ruleIndex points at the rule");
    }
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(CORPUS);
    let json: Value = serde_json::from_str(&trustlint(&args).stdout).expect("JSON");
    let unsuppressed = results.iter().filter(|r| r.get("suppressions").is_none()).count();
    let suppressed = results.len() - unsuppressed;
    assert_eq!(unsuppressed, json["diagnostics"].as_array().expect("list").len());
    assert_eq!(suppressed, json["suppressed"].as_array().expect("list").len());
    assert!(suppressed > 0, "the corpus has a suppression with its justification");
    // The checker itself rejects a broken log.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = Value::String("fatal".into());
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = Value::from(0);
    assert_eq!(common::schema::validate(&schema, &broken).len(), 2);
}

#[test]
fn github_annotations_escape_and_map_levels() {
    let run = trustlint(&[
        "check",
        "--format",
        "github",
        "examples/kept/individual-supervision-agreements.krav",
        "examples/abolished/clocking-in-and-out.krav",
    ]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines
        .iter()
        .all(|l| l.starts_with("::error ") || l.starts_with("::warning ") || l.starts_with("::notice ")));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("::notice file=examples/kept/individual-supervision-agreements.krav,line=28,col=13,")));
    assert!(lines.iter().all(|l| !l["::x".len()..].contains('\n')));
    assert!(run
        .stdout
        .contains("title=TL209 (monitors-staff)::`arrival time` monitors individual employees%0Ahelp: "));
}

#[test]
fn statistics_count_per_code() {
    let run = trustlint(&["check", "--statistics", "examples/abolished/clocking-in-and-out.krav"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stdout.starts_with("2  TL209  monitors-staff (warning)\n"),
        "{}",
        run.stdout
    );
    let json: Value = serde_json::from_str(
        &trustlint(&[
            "check",
            "--statistics",
            "--format",
            "json",
            "examples/abolished/clocking-in-and-out.krav",
        ])
        .stdout,
    )
    .expect("JSON");
    assert_eq!(json[0]["code"], "TL209");
    assert_eq!(json[0]["count"], 2);
}

/// A folder of proposals with its own config, as a committee's shared drive has.
struct Folder(PathBuf);

impl Folder {
    fn new(name: &str, config: &str) -> Folder {
        let dir = std::env::temp_dir().join(format!("trustlint-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("udvalg/2026")).expect("folders");
        std::fs::create_dir_all(dir.join("drafts")).expect("folders");
        let proposal = std::fs::read_to_string("examples/abolished/daily-face-to-face.krav").expect("example");
        std::fs::write(dir.join("udvalg/2026/daily.krav"), &proposal).expect("write");
        std::fs::write(
            dir.join("drafts/draft.krav"),
            proposal.replace("SOF-2014-03", "DRAFT-1"),
        )
        .expect("write");
        std::fs::write(dir.join("trustlint.toml"), config).expect("write");
        Folder(dir)
    }

    fn run(&self, subfolder: &str, args: &[&str]) -> common::Run {
        let output = command(args)
            .current_dir(self.0.join(subfolder))
            .output()
            .expect("runs");
        common::Run {
            status: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_folder_config_sets_danish_and_turns_a_rule_off_from_any_subfolder() {
    let folder = Folder::new(
        "danish",
        "lang = \"da\"\nexclude = [\"drafts/**\"]\n\n[rules]\nsingle-case-generalised = \"allow\"\n",
    );
    for sub in ["", "udvalg", "udvalg/2026"] {
        let run = folder.run(sub, &["check", "--format", "short", "-q"]);
        assert!(!run.stdout.contains("TL101"), "{sub}: TL101 is off:\n{}", run.stdout);
        assert!(
            run.stdout
                .contains("kravet foreskriver en metode, men sætter intet mål"),
            "{sub}: Danish:\n{}",
            run.stdout
        );
    }
    // The exclude glob keeps the drafts out of a folder walk from the top.
    let top = folder.run("", &["check", "--format", "json"]);
    let json: Value = serde_json::from_str(&top.stdout).expect("JSON");
    assert_eq!(json["summary"]["files"], 1);
    // A file named on the command line is checked even when excluded.
    let named = folder.run("", &["check", "--format", "json", "drafts/draft.krav"]);
    let json: Value = serde_json::from_str(&named.stdout).expect("JSON");
    assert_eq!(json["summary"]["files"], 1);
    assert_eq!(json["diagnostics"][0]["file"], "drafts/draft.krav");
}

#[test]
fn levels_follow_config_then_command_line_in_order() {
    let folder = Folder::new("levels", "[rules]\nTL105 = \"allow\"\nmonitors-staff = \"error\"\n");
    let codes = |args: &[&str]| -> BTreeMap<String, String> {
        let mut all = vec!["check", "--format", "json", "udvalg"];
        all.extend_from_slice(args);
        let json: Value = serde_json::from_str(&folder.run("", &all).stdout).expect("JSON");
        json["diagnostics"]
            .as_array()
            .expect("list")
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap_or("").to_owned(),
                    d["level"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect()
    };
    let config_only = codes(&[]);
    assert!(!config_only.contains_key("TL105"), "allowed by the config");
    assert_eq!(config_only["TL209"], "error", "raised by name in the config");
    let flags = codes(&["-W", "TL105", "-A", "monitors-staff"]);
    assert_eq!(flags["TL105"], "warning", "the command line wins over the config");
    assert!(!flags.contains_key("TL209"));
    let denied = codes(&["-D", "warnings", "-W", "TL104"]);
    assert_eq!(denied["TL201"], "error", "-D warnings makes warnings errors");
    assert_eq!(denied["TL104"], "warning", "a later -W wins");
    let order = codes(&["-W", "TL104", "-D", "warnings"]);
    assert_eq!(order["TL104"], "error", "the order on the command line counts");
    assert_eq!(order["TL202"], "note", "notes stay notes");
    let allowed = codes(&["-A", "warnings"]);
    assert!(allowed.values().all(|level| level != "warning"));
    // The exit status follows the levels.
    let status = folder
        .run(
            "",
            &[
                "check", "-q", "udvalg", "-A", "TL101", "-A", "TL203", "-A", "TL204", "-A", "TL209",
            ],
        )
        .status;
    assert_eq!(status, 0, "no error left");
}

#[test]
fn bad_config_and_level_flags_are_exit_2_with_spans() {
    let folder = Folder::new("bad", "lang = \"dk\"\ncolour = \"always\"\n");
    let run = folder.run("udvalg", &["check", "--color", "never"]);
    assert_eq!(run.status, 2);
    assert!(run.stdout.is_empty());
    insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!("config-unknown-key", run.stderr);
    });
    let folder = Folder::new(
        "bad-values",
        "lang = \"dk\"\n[rules]\nTL105 = \"off-ish\"\nTL001 = \"allow\"\n[params]\nreview_max_years = \"four\"\n",
    );
    let run = folder.run("", &["check", "--color", "never"]);
    assert_eq!(run.status, 2);
    insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!("config-bad-values", run.stderr);
    });
    let folder = Folder::new(
        "bad-params",
        "[params]\nreview_max_years = \"four\"\nhours_per_person_year = { extreme = 1 }\n",
    );
    let run = folder.run("", &["check", "--color", "never"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("error[TL013]: `review_max_years` must be a number, not a word"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("parameter `hours_per_person_year` has no `extreme`"),
        "{}",
        run.stderr
    );

    let run = trustlint(&["check", "-D", "TL1O4", "examples"]);
    assert_eq!(run.status, 2);
    assert_eq!(
        run.stderr,
        "error: `TL1O4` is not a code or rule name; did you mean `TL104`?\n"
    );
    let run = trustlint(&["check", "-A", "TL001", "examples"]);
    assert_eq!(run.status, 2);
    let run = trustlint(&["--config", "no/such/trustlint.toml", "check", "examples"]);
    assert_eq!(run.status, 2);
    assert_eq!(
        run.stderr,
        "error: cannot read the config `no/such/trustlint.toml`: no such file or directory\n"
    );
}

#[test]
fn params_from_the_config_change_the_rules() {
    let folder = Folder::new("params", "[params]\nhours_per_person_year = { medium = 40 }\n");
    let run = folder.run("", &["check", "--format", "short", "udvalg"]);
    assert!(
        !run.stdout.contains("TL203"),
        "30.4 hours are within a budget of 40:\n{}",
        run.stdout
    );
    let run = trustlint(&[
        "check",
        "--format",
        "short",
        "examples/abolished/daily-face-to-face.krav",
    ]);
    assert!(run.stdout.contains("TL203"));
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("trustlint-init-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The template with its placeholders filled in as a secretary would.
fn fill(template: &str, danish: bool) -> String {
    let mut text = template.to_owned();
    let (words, texts): (&[(&str, &str)], &str) = if danish {
        (
            &[
                ("formål: TODO", "formål: læring"),
                ("risiko: TODO", "risiko: lav"),
                ("anledning: TODO", "anledning: mønster"),
                ("omfang: TODO", "omfang: 4"),
                ("data: \"…\" TODO", "data: \"hændelser\" eksisterende automatisk"),
                ("personer: TODO", "personer: 10"),
                ("minutter: TODO", "minutter: 15"),
                ("hyppighed: TODO", "hyppighed: kvartalsvis"),
                ("borgernær: TODO", "borgernær: nej"),
                ("TODO-ID", "UDV-2026-01"),
                ("TODO: en kort titel", "Læring af utilsigtede hændelser"),
            ],
            "Hændelser drøftes i teamet",
        )
    } else {
        (
            &[
                ("purpose: TODO", "purpose: learning"),
                ("risk: TODO", "risk: low"),
                ("trigger: TODO", "trigger: pattern"),
                ("scope: TODO", "scope: 4"),
                ("data: \"…\" TODO", "data: \"incidents\" existing automatic"),
                ("people: TODO", "people: 10"),
                ("minutes: TODO", "minutes: 15"),
                ("frequency: TODO", "frequency: quarterly"),
                ("frontline: TODO", "frontline: no"),
                ("TODO-ID", "COM-2026-01"),
                ("TODO: a short title", "Learning from incidents"),
            ],
            "Incidents are discussed in the team",
        )
    };
    for (placeholder, value) in words {
        assert!(text.contains(placeholder), "the template has `{placeholder}`");
        text = text.replace(placeholder, value);
    }
    text = text.replace("\"…\"", &format!("\"{texts}\""));
    let entries: Vec<&str> = text.lines().filter(|l| !l.trim_start().starts_with('#')).collect();
    assert!(
        entries.iter().all(|l| !l.contains("TODO") && !l.contains('…')),
        "every placeholder filled:\n{text}"
    );
    text
}

#[test]
fn init_writes_a_template_that_passes_once_filled_in() {
    for (lang, file, danish) in [("en", "proposal.krav", false), ("da", "forslag.krav", true)] {
        let dir = scratch(lang);
        let output = command(&["init", "--lang", lang])
            .current_dir(&dir)
            .output()
            .expect("runs");
        assert!(output.status.success());
        let template = std::fs::read_to_string(dir.join(file)).expect("written");
        let leftovers: Vec<_> = std::fs::read_dir(&dir)
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left: {leftovers:?}");
        // Unfilled, check points at each keyword placeholder and says what it accepts.
        let unfilled = trustlint(&[
            "check",
            "--format",
            "short",
            "-q",
            dir.join(file).to_str().expect("utf-8"),
        ]);
        assert_eq!(unfilled.status, 1);
        assert_eq!(
            unfilled.stdout.matches("error[TL003]").count(),
            9,
            "{}",
            unfilled.stdout
        );
        // Filled, it passes with notes at most.
        let filled = dir.join(format!("filled-{file}"));
        std::fs::write(&filled, fill(&template, danish)).expect("write");
        let run = trustlint(&["check", "--format", "json", filled.to_str().expect("utf-8")]);
        let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
        assert_eq!(run.status, 0, "{}", run.stdout);
        assert_eq!(json["summary"]["errors"], 0);
        assert_eq!(json["summary"]["warnings"], 0, "{:#}", json["diagnostics"]);
        if danish {
            assert!(template.contains("krav \"") && template.contains("  formål:"));
        } else {
            assert!(template.contains("requirement \"") && template.contains("  purpose:"));
        }
    }
}

#[test]
fn init_never_overwrites_without_force() {
    let dir = scratch("force");
    let path = dir.join("mine.krav");
    std::fs::write(&path, "precious work\n").expect("write");
    let arg = path.to_str().expect("utf-8");
    let run = trustlint(&["init", arg]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("exists; use --force to replace it"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), "precious work\n");
    let run = trustlint(&["init", "--force", arg]);
    assert_eq!(run.status, 0);
    assert!(std::fs::read_to_string(&path)
        .expect("replaced")
        .starts_with("# A proposed"));
    let into_missing_folder = dir.join("no/such/folder/x.krav");
    let run = trustlint(&["init", into_missing_folder.to_str().expect("utf-8")]);
    assert_eq!(run.status, 2);
    assert!(!into_missing_folder.exists());
}

#[test]
fn init_to_standard_output_is_the_same_template() {
    let run = trustlint(&["init", "-", "--lang", "da"]);
    assert_eq!(run.status, 0);
    assert!(run.stdout.starts_with("# Et forslag"));
    let dir = scratch("stdout");
    assert!(command(&["init", "--lang", "da"])
        .current_dir(&dir)
        .status()
        .expect("runs")
        .success());
    assert_eq!(
        std::fs::read_to_string(dir.join("forslag.krav")).expect("written"),
        run.stdout
    );
}

#[test]
fn completions_and_man_page() {
    for (shell, marker) in [
        ("bash", "_trustlint()"),
        ("zsh", "#compdef trustlint"),
        ("fish", "complete -c trustlint"),
    ] {
        let run = trustlint(&["completions", shell]);
        assert_eq!(run.status, 0);
        assert!(run.stdout.contains(marker), "{shell}");
        assert!(run.stdout.contains("statistics"), "{shell} completes check's options");
    }
    let man = trustlint(&["man"]);
    assert_eq!(man.status, 0);
    assert!(man.stdout.contains(".TH trustlint"));
    assert!(man.stdout.contains("Kodeks for tillid"));
}

#[test]
fn pre_commit_hook_definition_points_at_the_binary() {
    let hooks = std::fs::read_to_string(".pre-commit-hooks.yaml").expect("the hook file");
    assert!(hooks.contains("id: trustlint"));
    assert!(hooks.contains("entry: trustlint check"));
    assert!(hooks.contains("files: \\.krav$"));
    assert!(
        Path::new("docs/ci.md").is_file(),
        "the documented GitHub Actions workflow"
    );
}

#[test]
fn snapshots_of_the_new_outputs() {
    let file = "examples/abolished/clocking-in-and-out.krav";
    for (name, args) in [
        (
            "check-pretty",
            vec!["check", "--format", "pretty", "--color", "never", file],
        ),
        ("check-github", vec!["check", "--format", "github", file]),
        ("check-statistics", vec!["check", "--statistics", "examples"]),
        ("init-en", vec!["init", "-"]),
        ("init-da", vec!["init", "-", "--lang", "da"]),
    ] {
        let run = trustlint(&args);
        insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(name, format!("$ trustlint {}\nexit status: {}\n\n{}", args.join(" "), run.status, run.stdout));
        });
    }
}
