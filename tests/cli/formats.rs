//! `check --format …` and `--statistics`: every format carries the same
//! diagnostics; JSON and SARIF match their schemas; short, github, pretty
//! and colour as documented.

use crate::common::{self, json, trustlint};
use crate::snapshot;
use serde_json::Value;
use std::collections::BTreeMap;

const CORPUS: &[&str] = &["tests/ui", "examples"];

/// (file, line, column, code) of every diagnostic, counted.
type Found = BTreeMap<(String, u64, u64, String), usize>;

fn add(found: &mut Found, file: &str, line: u64, column: u64, code: &str) {
    *found
        .entry((file.to_owned(), line, column, code.to_owned()))
        .or_default() += 1;
}

fn run_format(format: &str) -> String {
    // English words are parsed below, whatever language most of the corpus is in.
    let mut args = vec!["check", "--color", "never", "--lang", "en", "--format", format];
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
/// differently), so `pretty` is compared by file and code. A diagnostic
/// ariadne cannot show cut and escaped is in the human form.
fn from_pretty() -> BTreeMap<(String, String), usize> {
    let output = run_format("pretty");
    let lines: Vec<&str> = output.lines().collect();
    let mut found = BTreeMap::new();
    for (i, line) in lines.iter().enumerate() {
        let human = ["error[", "warning[", "note["]
            .iter()
            .find_map(|level| line.strip_prefix(level))
            .and_then(|rest| rest.split(']').next())
            .filter(|_| lines.get(i + 1).is_some_and(|next| next.contains("--> ")));
        if let Some(code) = human {
            let at = lines[i + 1].split("--> ").nth(1).expect("a location");
            let file = at.rsplitn(3, ':').nth(2).expect("file");
            *found.entry((file.to_owned(), code.to_owned())).or_default() += 1;
            continue;
        }
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
fn json_output_matches_the_schema() {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string("docs/json-output.schema.json").expect("schema file"))
            .expect("schema is JSON");
    let run = trustlint(&["check", "--format", "json", "tests/ui"]);
    assert_eq!(run.status, 1);
    let output = json(&run);
    let errors = common::schema::validate(&schema, &output);
    assert!(errors.is_empty(), "{errors:#?}");
    // Every code of the language checks shows up in the fixtures.
    let codes: std::collections::BTreeSet<&str> = output["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    for n in 1..=11 {
        let code = format!("TL{n:03}");
        assert!(codes.contains(code.as_str()), "{code} missing from the fixtures' JSON");
    }
    // Every diagnostic has a code, a span and a help line.
    for diagnostic in output["diagnostics"].as_array().expect("array") {
        assert!(
            diagnostic["help"].as_str().is_some_and(|h| !h.is_empty()),
            "no help: {diagnostic}"
        );
        assert!(
            diagnostic["span"]["line"].as_u64().is_some_and(|l| l >= 1),
            "no span: {diagnostic}"
        );
    }
    // The summary counts what is listed.
    let count = |level: &str| {
        output["diagnostics"]
            .as_array()
            .expect("array")
            .iter()
            .filter(|d| d["level"] == level)
            .count()
    };
    assert_eq!(output["summary"]["errors"], count("error"));
    assert_eq!(output["summary"]["warnings"], count("warning"));
    assert_eq!(output["summary"]["notes"], count("note"));
    // The schema checker itself rejects what it should.
    let mut broken = output.clone();
    broken["summary"]["extra"] = Value::Bool(true);
    broken["diagnostics"][0]["span"]["line"] = Value::String("one".into());
    assert_eq!(common::schema::validate(&schema, &broken).len(), 2);
}

#[test]
fn json_gives_each_rule_once_and_jsonl_one_diagnostic_a_line() {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string("docs/json-output.schema.json").expect("schema file"))
            .expect("schema is JSON");
    let compact = trustlint(&["check", "--format", "json", "examples"]);
    let document = json(&compact);
    assert_eq!(document["version"], 4);
    // Compact: one line; --pretty: the same document, indented.
    assert_eq!(compact.stdout.trim_end().lines().count(), 1);
    let pretty = trustlint(&["check", "--format", "json", "--pretty", "examples"]);
    assert!(pretty.stdout.contains("\n  \"rules\": {"), "{}", &pretty.stdout[..200]);
    assert_eq!(json(&pretty), document);
    // Each code's facts once, in `rules`; the diagnostics refer to them.
    let diagnostics = document["diagnostics"].as_array().expect("array");
    assert!(diagnostics.len() > 10);
    for d in diagnostics {
        let rule = &document["rules"][d["code"].as_str().expect("a code")];
        assert!(rule["name"].is_string(), "no rule for {d}");
        assert!(d.get("name").is_none() && d.get("source").is_none(), "{d}");
    }
    let quoted = document["rules"]["TL101"]["quote_note"]
        .as_str()
        .expect("TL101 quotes the kodeks");
    let written = serde_json::to_string(quoted).expect("a string");
    assert_eq!(compact.stdout.matches(written.as_str()).count(), 1);
    // jsonl: the same diagnostics in the same order, each line valid alone.
    let lines = trustlint(&["check", "--format", "jsonl", "examples"]);
    assert_eq!(lines.status, compact.status);
    let mut line_schema = schema.clone();
    line_schema["$ref"] = Value::String("#/$defs/line".into());
    let parsed: Vec<Value> = lines
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    assert_eq!(parsed.len(), diagnostics.len());
    for (line, d) in parsed.iter().zip(diagnostics) {
        let errors = common::schema::validate(&line_schema, line);
        assert!(errors.is_empty(), "{errors:#?}");
        for key in ["code", "level", "message", "file", "span", "labels", "notes", "help"] {
            assert_eq!(line[key], d[key], "{key}");
        }
        assert_eq!(
            line["name"],
            document["rules"][d["code"].as_str().expect("code")]["name"]
        );
    }
    // --pretty is for the JSON document only.
    let misused = trustlint(&["check", "--format", "jsonl", "--pretty", "examples"]);
    assert_eq!(misused.status, 2);
    assert!(misused.stderr.contains("--pretty"), "{}", misused.stderr);
}

#[test]
fn json_spans_are_bytes_and_columns_are_characters() {
    let run = trustlint(&[
        "check",
        "--format",
        "json",
        "tests/ui/lexical/columns-count-characters.da.krav",
    ]);
    let output = json(&run);
    let diagnostic = &output["diagnostics"][0];
    let span = &diagnostic["span"];
    let text = std::fs::read_to_string("tests/ui/lexical/columns-count-characters.da.krav").expect("fixture");
    let start = span["start"].as_u64().expect("start") as usize;
    let end = span["end"].as_u64().expect("end") as usize;
    assert_eq!(&text[start..end], "\"Færre fald blandt hjemmeplejens borgere\"");
    assert_eq!(span["line"], 9);
    // `  mål: "Færre fald" ` is 20 characters (23 bytes) before the string.
    assert_eq!(span["column"], 21);
    assert_eq!(
        span["end_column"],
        21 + "\"Færre fald blandt hjemmeplejens borgere\"".chars().count()
    );
    assert_eq!(diagnostic["requirement"], "SUF-2026-02");
}

#[test]
fn suppressed_diagnostics_are_listed_with_their_reason() {
    let run = trustlint(&["check", "--format", "json", "tests/ui/TL009/used-is-silent.krav"]);
    let output = json(&run);
    assert_eq!(output["diagnostics"].as_array().map(Vec::len), Some(0));
    let suppressed = &output["suppressed"][0];
    assert_eq!(suppressed["code"], "TL003");
    assert_eq!(
        suppressed["reason"],
        "level agreed with the committee, spelt as in the minutes"
    );
    assert_eq!(output["summary"]["suppressed"], 1);
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
fn short_format_is_one_line_per_diagnostic() {
    let run = trustlint(&[
        "check",
        "--format",
        "short",
        "--quiet",
        "tests/ui/TL003/impossible-date.krav",
    ]);
    assert_eq!(
        run.stdout,
        "tests/ui/TL003/impossible-date.krav:19:11: error[TL003]: `2027-02-29` is not a date: month 02 of 2027 has 28 days\n\
         tests/ui/TL003/impossible-date.krav:20:11: error[TL003]: `2027-13-01` is not a date: there is no month 13\n"
    );
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
        .any(|l| l.starts_with("::notice file=examples/kept/individual-supervision-agreements.krav,line=31,col=13,")));
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

#[test]
fn colour_follows_the_flag_and_no_color() {
    let file = "tests/ui/TL002/typo.krav";
    let always = trustlint(&["check", "--color", "always", file]);
    assert!(always.stdout.contains("\u{1b}["), "no ANSI codes with --color always");
    let never = trustlint(&["check", "--color", "never", file]);
    assert!(!never.stdout.contains("\u{1b}["));
    // Not a terminal, and NO_COLOR set by the test helper: auto means none.
    let auto = trustlint(&["check", file]);
    assert!(!auto.stdout.contains("\u{1b}["));
    assert_eq!(auto.stdout, never.stdout);
}

#[test]
fn snapshots_of_pretty_github_and_statistics() {
    let file = "examples/abolished/clocking-in-and-out.krav";
    for (name, args) in [
        ("pretty", vec!["check", "--format", "pretty", "--color", "never", file]),
        ("github", vec!["check", "--format", "github", file]),
        ("statistics", vec!["check", "--statistics", "examples"]),
    ] {
        let run = trustlint(&args);
        snapshot!(name, args.join(" "), &run);
    }
}
