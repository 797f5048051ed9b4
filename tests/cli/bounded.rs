//! Output in proportion to the input, and nothing in it that a terminal,
//! a log or a spreadsheet would run: long lines cut around their labels,
//! control characters escaped in snippets, messages and file names, CSV
//! cells that cannot be formulas, table widths capped, figures exact.

use crate::common::{scratch, trustlint, trustlint_stdin, VALID};

fn valid() -> String {
    std::fs::read_to_string(VALID).expect("fixture")
}

#[test]
fn a_thousand_findings_on_an_eight_megabyte_line_print_a_bounded_snippet_each() {
    // 1,000 unknown keys' worth of `{}` after 8 MB of comment on one line:
    // each finding once printed the whole line (8 GB in all).
    let mut input = valid();
    input.push_str(&"# ".repeat(4 << 20));
    input.push('\n');
    let mut line = "x".repeat(8 << 20);
    for i in 0..1_000 {
        line.push_str(&format!(" \"{i}\" {{}}"));
    }
    input.push_str(&line);
    input.push('\n');
    for format in ["human", "pretty", "short", "json", "github", "sarif"] {
        let started = std::time::Instant::now();
        let run = trustlint_stdin(&["check", "--format", format, "-"], input.as_bytes());
        crate::common::no_panic(&run);
        assert_eq!(run.status, 1, "{format}: {}", &run.stderr);
        assert!(
            run.stdout.len() < input.len() / 4,
            "{format}: {} bytes of output for {} of input",
            run.stdout.len(),
            input.len()
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(60), "{format}");
        if format == "human" {
            assert!(
                run.stdout.contains("xxxxxxxxxx…"),
                "{}",
                &run.stdout[..2000.min(run.stdout.len())]
            );
        }
    }
}

#[test]
fn a_long_valid_line_of_data_items_is_cut_in_every_finding() {
    // 1,000 `about_staff` data items on one line: one finding each, and
    // each once printed the whole 60 KB line.
    let items: Vec<String> = (0..1_000).map(|i| format!("\"d{i}\" manual about_staff")).collect();
    let input = valid().replace("\"falls\" existing automatic", &items.join(", "));
    let run = trustlint_stdin(&["check", "-"], input.as_bytes());
    crate::common::no_panic(&run);
    // Every finding, whichever rules fire on an item (TL209, TL210, …).
    let findings = run
        .stdout
        .lines()
        .filter(|line| {
            ["error[", "warning[", "note["]
                .iter()
                .any(|level| line.starts_with(level))
        })
        .count();
    assert!(run.stdout.matches("[TL209]").count() >= 1_000);
    let per_finding = run.stdout.len() / findings;
    assert!(per_finding < 2_000, "{per_finding} bytes a finding");
    // The cut shows where: `…` on either side, the label under its item.
    assert!(
        run.stdout
            .lines()
            .any(|line| line.contains("| …") && line.contains("\"d500\" manual about_staff") && line.ends_with('…')),
        "{}",
        &run.stdout[..3000.min(run.stdout.len())]
    );
}

#[test]
fn control_characters_are_escaped_in_every_human_format() {
    let input = valid()
        .replace("# A well-formed requirement", "# \u{1b}[2J\u{1b}]0;pwned\u{7} wiped")
        .replace("risk: high", "risk: hgh\u{1b}[31m");
    for format in ["human", "pretty", "short", "github"] {
        let run = trustlint_stdin(&["check", "--format", format, "-"], input.as_bytes());
        assert!(!run.stdout.contains('\u{1b}'), "{format}: {}", run.stdout);
        assert!(!run.stdout.contains('\u{7}'), "{format}: {}", run.stdout);
        // The snippet shows the character escaped (`short` and `github`
        // have none).
        if format == "human" || format == "pretty" {
            assert!(run.stdout.contains("\\u{1b}"), "{format}: {}", run.stdout);
        }
    }
}

#[test]
fn a_file_name_cannot_forge_a_line_of_output() {
    let dir = scratch("forged-name");
    let name = "x.krav\nFAKE.krav:9:9: error[TL999]: injected\u{1b}[0m\n.krav";
    std::fs::write(dir.join(name), "requirement").expect("a file with a newline in its name");
    for format in ["short", "human", "pretty", "github"] {
        let run = trustlint(&["check", "--format", format, dir.to_str().expect("utf-8")]);
        assert!(
            !run.stdout.lines().any(|line| line.starts_with("FAKE.krav")),
            "{format}: {}",
            run.stdout
        );
        assert!(!run.stdout.contains('\u{1b}'), "{format}");
        let escaped = if format == "github" {
            "x.krav%0AFAKE.krav"
        } else {
            "x.krav\\u{a}FAKE.krav"
        };
        assert!(run.stdout.contains(escaped), "{format}: {}", run.stdout);
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn burden_csv_cells_cannot_run_as_formulas_and_tables_stay_narrow() {
    let dir = scratch("burden-hostile");
    let huge_id = "A".repeat(100_000);
    let input = valid().replace("home care staff", "=cmd|' /C calc'!A0")
        + &valid()
            .replace("SUF-2026-01", "R-2")
            .replace("home care staff", "@SUM(1+1)")
        + &valid()
            .replace("SUF-2026-01", &huge_id)
            .replace("home care staff", "-2+3");
    std::fs::write(dir.join("p.krav"), &input).expect("write");
    let path = dir.join("p.krav");
    let path = path.to_str().expect("utf-8");
    let run = trustlint(&["burden", "--format", "csv", path]);
    let cut = |text: &str| text.chars().take(300).collect::<String>();
    let groups: Vec<&str> = run
        .stdout
        .lines()
        .filter(|line| line.starts_with("group,"))
        .map(|line| line.split(',').nth(1).unwrap_or_default())
        .collect();
    assert_eq!(
        groups,
        ["'-2+3", "'=cmd|' /C calc'!A0", "'@SUM(1+1)"],
        "{}",
        cut(&run.stdout)
    );
    // The table pads to at most 60 characters of a name, not 100 KB.
    let run = trustlint(&["burden", path]);
    assert!(run.stdout.len() < 5_000, "{} bytes", run.stdout.len());
    assert!(
        run.stdout.contains(&format!("{}…", "A".repeat(60))),
        "{}",
        cut(&run.stdout)
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn did_you_mean_over_two_long_names_is_instant() {
    let long = "k".repeat(30_000);
    let input = valid().replace("  owner:", &format!("  {long}: 1\n  owner:"));
    let started = std::time::Instant::now();
    let run = trustlint_stdin(&["check", "--format", "short", "-"], input.as_bytes());
    assert_eq!(run.status, 1);
    assert!(
        run.stdout.contains("error[TL002]"),
        "{}",
        &run.stdout[..300.min(run.stdout.len())]
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}

/// Every number in a JSON document (nested), with where it is.
fn numbers_and_nulls(value: &serde_json::Value, at: &str, out: &mut Vec<(String, serde_json::Value)>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                numbers_and_nulls(value, &format!("{at}.{key}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, value) in items.iter().enumerate() {
                numbers_and_nulls(value, &format!("{at}[{i}]"), out);
            }
        }
        serde_json::Value::Number(_) | serde_json::Value::Null => out.push((at.to_owned(), value.clone())),
        _ => {}
    }
}

#[test]
fn figures_at_every_bound_stay_finite_and_print_exactly() {
    // A hundred groups of everyone in Denmark, each minute of the year for
    // the whole year, at the highest hourly cost a config may set: once
    // these overflowed to `null` in JSON, `inf` in CSV and "0 hours" in check.
    let blocks: String = (0..100)
        .map(|i| format!("  burden \"group {i}\" {{\n    people: 6000000\n    minutes: 525600\n    frequency: 525600 per_year\n  }}\n"))
        .collect();
    let input = valid()
        .replace(
            "  burden \"home care staff\" {\n    people: 120\n    minutes: 2\n    frequency: weekly\n    frontline: yes\n  }\n",
            &blocks,
        );
    assert!(input.contains("group 99"), "the fixture changed");
    let dir = scratch("figures-at-bounds");
    std::fs::write(dir.join("p.krav"), &input).expect("write");
    std::fs::write(dir.join("trustlint.toml"), "[params]\nhourly_cost_dkk = 1000000\n").expect("write");
    let run_here = |args: &[&str]| {
        let mut command = crate::common::command(args);
        command.current_dir(&dir);
        crate::common::finish(command.output().expect("runs"))
    };
    for args in [
        &["check", "--format", "json", "p.krav"][..],
        &["burden", "--format", "json", "p.krav"],
    ] {
        let run = run_here(args);
        assert!(run.status <= 1, "{args:?}: {}", run.stderr);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        let mut found = Vec::new();
        numbers_and_nulls(&json, "", &mut found);
        let figures: Vec<&(String, serde_json::Value)> = found
            .iter()
            .filter(|(at, _)| ["hours_per_year", "fte", "cost_dkk"].iter().any(|k| at.ends_with(k)))
            .collect();
        assert!(!figures.is_empty(), "{args:?}: {}", run.stdout);
        for (at, value) in figures {
            assert!(value.as_f64().is_some_and(f64::is_finite), "{args:?}: {at} is {value}");
        }
    }
    let total = "2,762,553,600,000,000,000";
    let table = run_here(&["burden", "p.krav"]);
    assert!(table.stdout.contains(total), "{}", table.stdout);
    let csv = run_here(&["burden", "--format", "csv", "p.krav"]);
    assert!(csv.stdout.contains("2762553600000000000"), "{}", csv.stdout);
    let check = run_here(&["check", "p.krav"]);
    for run in [&table, &csv, &check] {
        for bad in ["inf", "NaN", "∞", "1,844,674,407,370,955,161"] {
            assert!(!run.stdout.contains(bad), "{bad}: {}", run.stdout);
        }
    }
    // A cost model that could overflow is refused, in a config and in a ruleset.
    std::fs::write(dir.join("trustlint.toml"), "[params]\nhourly_cost_dkk = 1e300\n").expect("write");
    let run = run_here(&["check", "p.krav"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("error[TL013]: `hourly_cost_dkk` must be from 0 to 1000000, not 1e300"),
        "{}",
        run.stderr
    );
    std::fs::remove_file(dir.join("trustlint.toml")).expect("remove");
    let ruleset = std::fs::read_to_string("rulesets/kodeks-for-tillid.toml")
        .expect("ruleset")
        .replace("hours_per_fte = 1924", "hours_per_fte = 0.000001");
    std::fs::write(dir.join("r.toml"), ruleset).expect("write");
    let run = run_here(&["ruleset", "check", "r.toml"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("`hours_per_fte` must be from 1 to 8784, not 0.000001"),
        "{}",
        run.stderr
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn github_annotations_and_sarif_escape_as_their_formats_require() {
    let dir = scratch("format-escapes");
    let name = "a:b,50%\n\u{1b}[31m.krav";
    let krav = valid().replace("risk: high", "risk: hgh 100%\u{1b}[2J");
    std::fs::write(dir.join(name), krav).expect("a file with a hostile name");
    let path = dir.to_str().expect("utf-8");
    // GitHub's workflow commands: `%`, CR and LF in data; also `:` and `,`
    // in properties; the rest of the control characters shown escaped.
    let github = trustlint(&["check", "--format", "github", path]);
    assert_eq!(
        github.stdout.lines().count(),
        github.stdout.matches("\n::").count() + 1,
        "{}",
        github.stdout
    );
    assert!(
        github.stdout.lines().all(|line| line.starts_with("::")),
        "{}",
        github.stdout
    );
    assert!(
        github.stdout.contains("a%3Ab%2C50%25%0A\\u{1b}[31m.krav,line="),
        "{}",
        github.stdout
    );
    assert!(!github.stdout.contains('\u{1b}'));
    // SARIF: a URI reference with every reserved byte percent-encoded, so
    // `a:b` is not read as a scheme; messages are JSON strings.
    let sarif = trustlint(&["check", "--format", "sarif", path]);
    let report: serde_json::Value = serde_json::from_str(&sarif.stdout).expect("SARIF is JSON");
    let uris: Vec<&str> = report["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    assert!(!uris.is_empty());
    for uri in uris {
        assert!(uri.ends_with("/a%3Ab%2C50%25%0A%1B%5B31m.krav"), "{uri}");
        assert!(uri.bytes().all(|b| b.is_ascii_graphic()), "{uri}");
    }
    assert!(!sarif.stdout.contains('\u{1b}'), "a raw escape character in the SARIF");
    let _ = std::fs::remove_dir_all(dir);
}

/// A ruleset of one rule, firing when the scope has more than five units,
/// with `params` under `[params]`, `when` added to its condition and
/// `message` as its English message.
fn one_rule_ruleset(params: &str, when: &str, message: &str) -> String {
    let base = std::fs::read_to_string("tests/rulesets/invalid/exponential.toml").expect("a ruleset");
    let head = &base[..base.find("[[rule]]").expect("a rule")];
    let head = head.replace("[params]\nlimit = 4\n", &format!("[params]\nlimit = 4\n{params}\n"));
    format!(
        r#"{head}[[rule]]
code = "X1"
name = "one"
level = "warning"
quote = [{{ document = "test", section = "1", text = "a quote" }}]
when = "scope.units > 5 and not ({when})"
label = {{ key = "scope", en = "here", da = "her" }}
summary = {{ en = "s", da = "s" }}
message = {{ en = "{message}", da = "m" }}
help = {{ en = "h", da = "h" }}
explanation = {{ en = "e", da = "e" }}
example = [{{ fires = true, with = "scope: 9 units" }}, {{ fires = false }}]

[documents]
test = {{ en = "A test document", da = "Et testdokument" }}
"#
    )
}

#[test]
fn a_message_naming_a_long_title_a_thousand_times_stays_one_line() {
    // Once 100 MB of output for one finding.
    let dir = scratch("title-thousand-times");
    std::fs::write(
        dir.join("r.toml"),
        one_rule_ruleset("", "false", &"{title}".repeat(1_000)),
    )
    .expect("write");
    let input = valid()
        .replace("Falls register in home care", &"t".repeat(100_000))
        .replace("scope: 3 units", "scope: 9 units");
    std::fs::write(dir.join("p.krav"), input).expect("write");
    let mut command = crate::common::command(&["check", "--ruleset", "r.toml", "--format", "json", "p.krav"]);
    command.current_dir(&dir);
    let run = crate::common::finish(command.output().expect("runs"));
    assert_eq!(run.status, 0, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let message = report["diagnostics"][0]["message"].as_str().expect("the finding");
    assert_eq!(
        message.chars().count(),
        1_001,
        "cut at 1,000 characters and an ellipsis"
    );
    assert!(message.starts_with(&format!("{}…{}", "t".repeat(200), "t".repeat(200))));
    assert!(run.stdout.len() < 20_000, "{} bytes", run.stdout.len());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_parameter_table_named_thousands_of_times_is_not_copied() {
    // A table of 20,000 entries named 5,000 times: copied into every
    // reference, 100 million entries (once over 6 GB); shared, the
    // ruleset's own size. Run under a 2 GB address-space limit.
    let table: String = (0..20_000).map(|i| format!("k{i} = {i}\n")).collect();
    let when = vec!["$t[risk.level] > 1"; 5_000].join(" or ");
    let dir = scratch("shared-table");
    std::fs::write(
        dir.join("r.toml"),
        one_rule_ruleset(&format!("[params.t]\nlow = 1\n{table}"), &when, "m"),
    )
    .expect("write");
    let binary = env!("CARGO_BIN_EXE_trustlint");
    let output = std::process::Command::new("sh")
        .args(["-c", "ulimit -v 2000000 && exec \"$0\" ruleset check r.toml", binary])
        .current_dir(&dir)
        .output()
        .expect("sh runs");
    let run = crate::common::finish(output);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_finding_with_thousands_of_labels_shows_twenty_and_counts_the_rest() {
    // 5,000 placeholder data items, one finding (TL014) with a label at each
    // (the first primary, 20 more shown, 4,979 counted):
    // codespan drew every label's line through all the others, quadratic
    // in time and output.
    for separator in [", ", ",\n    "] {
        let items = vec!["\"TODO\" existing automatic"; 5_000].join(separator);
        let input = valid().replace("\"falls\" existing automatic", &items);
        for (format, lang, note) in [
            (
                "human",
                "en",
                "= note: 4979 more places are marked in the JSON and SARIF formats",
            ),
            (
                "pretty",
                "en",
                "4979 more places are marked in the JSON and SARIF formats",
            ),
            (
                "human",
                "da",
                "= bemærkning: 4979 steder mere er markeret i JSON- og SARIF-formaterne",
            ),
        ] {
            let started = std::time::Instant::now();
            let run = trustlint_stdin(&["check", "--lang", lang, "--format", format, "-"], input.as_bytes());
            crate::common::no_panic(&run);
            assert!(started.elapsed() < std::time::Duration::from_secs(10), "{format}");
            assert!(
                run.stdout.contains(note),
                "{format}: {}",
                &run.stdout[..run.stdout.len().min(3000)]
            );
            assert!(run.stdout.len() < 20_000, "{format}: {} bytes", run.stdout.len());
        }
        let run = trustlint_stdin(&["check", "--format", "json", "-"], input.as_bytes());
        let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        let tl014 = report["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .find(|d| d["code"] == "TL014")
            .expect("TL014");
        assert_eq!(
            tl014["labels"].as_array().map(Vec::len),
            Some(5_000),
            "every place in JSON"
        );
    }
}
