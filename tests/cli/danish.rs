//! `--lang da` for every command, not only `check`'s formats (the UI
//! harness greps those): explanations, the code table, the burden report,
//! a ruleset's tests, `init`, `--fix` and the errors that stop a command
//! hold no English word a Danish committee secretary would trip over.

use crate::common::danish::{english_in, json_texts};
use crate::common::{scratch, trustlint, trustlint_stdin};
use serde_json::Value;

/// The rule names (`syntax-error`), longest first so that `unknown-key`
/// cannot leave half of `unknown-replaced-id`: identifiers, as in the UI
/// harness, not words to translate.
fn rule_names() -> Vec<String> {
    let rules: Value = serde_json::from_str(&trustlint(&["rules", "--format", "json"]).stdout).expect("JSON");
    let mut names: Vec<String> = rules
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|r| r["name"].as_str().map(str::to_owned))
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
}

/// The leaks in a run's standard output and error, named by `what`.
fn leaks(what: &str, run: &crate::common::Run, names: &[String], out: &mut Vec<String>) {
    for line in run.stdout.lines().chain(run.stderr.lines()) {
        let mut line = line.to_owned();
        for name in names {
            line = line.replace(name.as_str(), "");
        }
        if let Some(word) = english_in(&line, "") {
            out.push(format!("{what}: `{word}` in {line}"));
        }
    }
}

#[test]
fn every_command_speaks_danish() {
    let mut found = Vec::new();
    let names = rule_names();
    let codes: Value = serde_json::from_str(&trustlint(&["rules", "--format", "json"]).stdout).expect("JSON");
    let codes: Vec<String> = codes
        .as_array()
        .expect("a list of rules")
        .iter()
        .map(|r| r["code"].as_str().expect("a code").to_owned())
        .collect();
    assert!(codes.len() > 20, "{codes:?}");
    for code in &codes {
        leaks(
            &format!("explain {code}"),
            &trustlint(&["explain", "--lang", "da", code]),
            &names,
            &mut found,
        );
    }
    leaks("rules", &trustlint(&["rules", "--lang", "da"]), &names, &mut found);
    // CSV is data, with stable English column names and kinds, as JSON's keys.
    let run = trustlint(&["burden", "--lang", "da", "examples"]);
    leaks("burden", &run, &names, &mut found);
    let run = trustlint(&["ruleset", "test", "--lang", "da", "rulesets/kodeks-for-tillid.toml"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    leaks("ruleset test", &run, &names, &mut found);
    let run = trustlint(&["ruleset", "check", "--lang", "da", "rulesets/kodeks-for-tillid.toml"]);
    leaks("ruleset check", &run, &names, &mut found);
    // The errors that stop a command.
    let dir = scratch("danish-commands");
    let empty = dir.join("tom");
    std::fs::create_dir_all(&empty).expect("dir");
    let empty = empty.to_str().expect("utf-8");
    for args in [
        vec!["check", "--lang", "da", empty],
        vec!["check", "--lang", "da", "findes/ikke.krav"],
        vec!["check", "--lang", "da", "-D", "nothing-replace", "examples"],
        vec!["explain", "--lang", "da", "TL999"],
        // What clap refuses: said again in Danish.
        vec!["check", "--lang", "da", "--formt", "json", empty],
        vec!["check", "--lang=da", "--format", "xml", empty],
        vec!["--lang", "da", "chekc"],
        vec!["check", "--lang", "da", "--today", "2026-13-01", empty],
        vec!["check", "--lang", "da", "--max-file-size", "12Q", empty],
        vec!["check", "--lang", "da", "--fix", "--diff", empty],
        vec!["baseline", "--lang", "da", empty],
    ] {
        let run = trustlint(&args);
        assert_eq!(run.status, 2, "{args:?}: {}", run.stderr);
        leaks(&args.join(" "), &run, &names, &mut found);
    }
    let run = trustlint(&["check", "--lang", "da", "--formt", "json", empty]);
    assert!(
        run.stderr
            .starts_with("fejl: ukendt tilvalg `--formt`\n\n  hjælp: mente du `--format`?"),
        "{}",
        run.stderr
    );
    let run = trustlint(&["check", "--lang", "en", "--formt", "json", empty]);
    assert!(
        run.stderr.starts_with("error: unexpected argument '--formt'"),
        "{}",
        run.stderr
    );
    // A baseline that is not one; the counts per code.
    let baseline = dir.join("baseline.json");
    std::fs::write(&baseline, "{\"version\": 1}").expect("write");
    let args = [
        "check",
        "--lang",
        "da",
        "--baseline",
        baseline.to_str().expect("utf-8"),
        "examples",
    ];
    let run = trustlint(&args);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("har ikke formen af en baseline-fil"),
        "{}",
        run.stderr
    );
    leaks("check --baseline", &run, &names, &mut found);
    let run = trustlint(&["check", "--lang", "da", "--statistics", "examples"]);
    assert!(run.stdout.contains("(advarsel)"), "{}", run.stdout);
    leaks("check --statistics", &run, &names, &mut found);
    let draft = dir.join("forslag.krav");
    let draft = draft.to_str().expect("utf-8");
    for _ in 0..2 {
        leaks("init", &trustlint(&["init", "--lang", "da", draft]), &names, &mut found);
    }
    // `--fix` and what it says it did.
    std::fs::write(draft, "krav \"x\" {\n  formaal: sikkerhed \"s\"\n}\n").expect("write");
    let run = trustlint(&["check", "--lang", "da", "--fix", draft]);
    assert!(run.stderr.starts_with("rettede 1 problem i 1 fil"), "{}", run.stderr);
    leaks("check --fix", &run, &names, &mut found);
    // The JSON's texts, including a config's errors (TL013).
    std::fs::write(dir.join("trustlint.toml"), "[rules]\nnothing-replace = \"allow\"\n").expect("write");
    let config_path = dir.join("trustlint.toml");
    let config_arg = config_path.to_str().expect("utf-8");
    let run = trustlint(&["check", "--lang", "da", "--config", config_arg, draft]);
    assert_eq!(run.status, 2);
    leaks("trustlint.toml", &run, &names, &mut found);
    // What the config's reader refuses: an unknown key (with the key it
    // was meant to be), a ruleset outside its folder, a value of the wrong
    // kind, an unknown parameter.
    for config in [
        "rulez = 1\n",
        "ruleset = \"../x.toml\"\n",
        "lang = 1\n",
        "[params]\nnope = 1\n",
    ] {
        std::fs::write(&config_path, config).expect("write");
        let run = trustlint(&["check", "--lang", "da", "--config", config_arg, draft]);
        assert_eq!(run.status, 2, "{config}: {}", run.stdout);
        leaks(config, &run, &names, &mut found);
        if config.starts_with("rulez") {
            let said = format!("{}{}", run.stdout, run.stderr);
            assert!(
                said.contains("ukendt felt `rulez`") && said.contains("mente du `rules`?"),
                "{said}"
            );
        }
    }
    let run = trustlint_stdin(
        &["check", "--lang", "da", "--format", "json", "-"],
        b"krav \"x\" {\n  formaal: x\n}\n",
    );
    for line in json_texts(&run.stdout).lines() {
        if let Some(word) = english_in(line, "") {
            found.push(format!("check --format json: `{word}` in {line}"));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(found.is_empty(), "English in Danish output:\n{}", found.join("\n"));
}

#[test]
fn help_says_that_danish_exists() {
    let run = trustlint(&["--help"]);
    let first = run.stdout.lines().next().unwrap_or_default();
    assert!(first.contains("--lang da"), "{first}");
}

/// The `help` lines of a human-format run.
fn help_lines(run: &crate::common::Run) -> String {
    run.stdout
        .lines()
        .filter(|l| l.contains("= help:") || l.contains("= hjælp:"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// An English machine checking a Danish file: the messages are English,
/// but every keyword the help tells the author to write is Danish, as the
/// file is; and the other way round. `presse` is corrected to `pressesag`.
#[test]
fn help_names_keywords_in_the_files_language() {
    let danish_file = "examples/abolished/aarlig-baggrundsbeskrivelse.da.krav";
    let run = crate::common::finish(
        crate::common::command(&["check", "--color", "never", danish_file])
            .env("LANG", "en_GB.UTF-8")
            .output()
            .expect("runs"),
    );
    let help = help_lines(&run);
    assert!(help.contains("= help: add `"), "English messages: {help}");
    for written in [
        "`måling: effekt \"…\"`",
        "`formål: sikkerhed \"…\"`",
        "`dispensation: ingen`",
        "`erstatter: ID, …`",
    ] {
        assert!(help.contains(written), "{written} not in:\n{help}");
    }
    for english in [
        "`measure:",
        "`purpose:",
        "`dispensation: none`",
        "`replaces:",
        "`review:",
    ] {
        assert!(!help.contains(english), "{english} in:\n{help}");
    }

    let english_file = "examples/abolished/daily-face-to-face.krav";
    let run = trustlint(&["check", "--lang", "da", "--color", "never", english_file]);
    let help = help_lines(&run);
    assert!(help.contains("= hjælp: tilføj `"), "Danish messages: {help}");
    for written in [
        "`purpose: safety \"…\"`",
        "`investigation: \"…\"`",
        "`dispensation: none`",
        "`measure: effect \"…\"`",
    ] {
        assert!(help.contains(written), "{written} not in:\n{help}");
    }
    for danish in ["`formål:", "`undersøgelse:", "`dispensation: ingen`", "`måling:"] {
        assert!(!help.contains(danish), "{danish} in:\n{help}");
    }

    let draft = "krav \"x\" {\n  id: X-1\n  anledning: presse \"En artikel\"\n}\n";
    let run = trustlint_stdin(&["check", "--lang", "en", "--format", "json", "-"], draft.as_bytes());
    let json = crate::common::json(&run);
    let diagnostics = json["diagnostics"].as_array().expect("diagnostics");
    let edits: Vec<&str> = diagnostics
        .iter()
        .flat_map(|d| d["edits"].as_array().into_iter().flatten())
        .filter_map(|e| e["replacement"].as_str())
        .collect();
    assert!(edits.contains(&"pressesag"), "{edits:?}");
    let missing = diagnostics.iter().find(|d| d["code"] == "TL004").expect("TL004");
    assert!(
        missing["help"]
            .as_str()
            .is_some_and(|h| h.contains("`trustlint init --lang da`")),
        "{missing}"
    );
    let notes = missing["notes"].to_string();
    assert!(notes.contains("`byrde`") && !notes.contains("`burden`"), "{notes}");
}

/// A ruleset's own errors (TL012) and the config's parameters of the wrong
/// kind (TL013) are said in Danish under `--lang da`, and in English under
/// `--lang en`.
#[test]
fn ruleset_and_parameter_errors_speak_danish() {
    let mut found = Vec::new();
    let names = rule_names();
    let mut broken: Vec<_> = std::fs::read_dir("tests/rulesets/invalid")
        .expect("the broken rulesets")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    broken.sort();
    assert!(broken.len() > 5, "{broken:?}");
    for path in &broken {
        let path = path.to_str().expect("utf-8");
        let run = trustlint(&["ruleset", "check", "--lang", "da", "--color", "never", path]);
        assert_eq!(run.status, 2, "{path}: {}", run.stderr);
        assert!(run.stderr.contains("fejl[TL012]"), "{path}: {}", run.stderr);
        // The file's name is the author's, as the source lines are.
        let names: Vec<String> = names.iter().cloned().chain([path.to_owned()]).collect();
        leaks(&format!("ruleset check {path}"), &run, &names, &mut found);
    }
    let bad = "tests/rulesets/invalid/bad-params.toml";
    let run = trustlint(&[
        "--ruleset",
        bad,
        "check",
        "--lang",
        "da",
        "--color",
        "never",
        "examples",
    ]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    for said in [
        "en parameter er et tal, et ord eller en tabel af dem, ikke sand eller falsk",
        "`hourly_cost_dkk` skal være fra 0 til 1000000, ikke -5",
        "`count` tager 1 argument, ikke 2",
        "parameteren `$levels` har ingen `medium`",
    ] {
        assert!(run.stderr.contains(said), "{said} not in:\n{}", run.stderr);
    }
    leaks("check --ruleset", &run, &names, &mut found);
    let run = trustlint(&[
        "--ruleset",
        bad,
        "check",
        "--lang",
        "en",
        "--color",
        "never",
        "examples",
    ]);
    assert!(
        run.stderr
            .contains("`hourly_cost_dkk` must be from 0 to 1000000, not -5")
            && run.stderr.contains("`count` takes 1 argument, not 2"),
        "{}",
        run.stderr
    );
    let run = trustlint(&[
        "ruleset",
        "check",
        "--lang",
        "da",
        "tests/rulesets/invalid/unknown-key.toml",
    ]);
    assert!(
        run.stderr.contains("ukendt felt `wen`") && run.stderr.contains("mente du `when`?"),
        "{}",
        run.stderr
    );
    // A Danish locale chooses Danish as `--lang da` does, for a usage error too.
    for args in [
        vec!["ruleset", "check", "tests/rulesets/invalid/unknown-key.toml"],
        vec!["check", "--formt", "json"],
    ] {
        let run = crate::common::finish(
            crate::common::command(&args)
                .env("LC_ALL", "da_DK.UTF-8")
                .output()
                .expect("runs"),
        );
        assert_eq!(run.status, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("ukendt felt `wen`") || run.stderr.contains("ukendt tilvalg `--formt`"),
            "{args:?}: {}",
            run.stderr
        );
        leaks(
            &format!("LC_ALL=da_DK.UTF-8 {}", args.join(" ")),
            &run,
            &names,
            &mut found,
        );
    }

    // `[params]` in trustlint.toml whose values are of the wrong kind.
    let dir = scratch("danish-params");
    let draft = dir.join("forslag.krav");
    std::fs::write(&draft, "krav \"x\" {\n  formaal: sikkerhed \"s\"\n}\n").expect("write");
    let config = dir.join("trustlint.toml");
    for (params, said) in [
        (
            "review_max_years = \"fire\"",
            "`review_max_years` skal være et tal, ikke et ord",
        ),
        ("review_max_years = true", "ikke sand eller falsk"),
        ("review_max_years = [1, 2]", "ikke en liste"),
        (
            "review_max_years.x = 3",
            "parameteren `review_max_years` er ikke en tabel",
        ),
        (
            "hours_per_person_year = { low = \"x\" }",
            "`hours_per_person_year.low` skal være et tal, ikke et ord",
        ),
        (
            "hours_per_person_year.lav = 3",
            "parameteren `hours_per_person_year` har ingen `lav`",
        ),
        (
            "hourly_cost_dkk = -5",
            "`hourly_cost_dkk` skal være fra 0 til 1000000, ikke -5",
        ),
    ] {
        std::fs::write(&config, format!("[params]\n{params}\n")).expect("write");
        let run = trustlint(&[
            "check",
            "--lang",
            "da",
            "--color",
            "never",
            "--config",
            config.to_str().expect("utf-8"),
            draft.to_str().expect("utf-8"),
        ]);
        assert_eq!(run.status, 2, "{params}: {}", run.stdout);
        assert!(run.stderr.contains(said), "{said} not in:\n{}", run.stderr);
        leaks(params, &run, &names, &mut found);
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(found.is_empty(), "English in Danish output:\n{}", found.join("\n"));
}

/// What a reader sees of an HTML document, a line per text: the style
/// sheet and the keywords in `<code>` (the file's own words) left out,
/// the entities decoded.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    let mut skip_until: Option<&str> = None;
    while let Some(open) = rest.find('<') {
        if skip_until.is_none() {
            out.push_str(&rest[..open]);
        }
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
        let tag = &rest[open..close];
        match skip_until {
            Some(end) if tag.starts_with(end) => skip_until = None,
            Some(_) => {}
            None if tag.starts_with("<style") => skip_until = Some("</style"),
            None if tag.starts_with("<code") => skip_until = Some("</code"),
            None => out.push('\n'),
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The committee's report under `--lang da`, of proposals written in
/// Danish (an English file's own words are English) judged with the
/// register, and with a file that cannot be judged: every word it adds is
/// Danish.
#[test]
fn the_report_speaks_danish() {
    let mut found = Vec::new();
    let mut proposals: Vec<String> = ["examples/abolished", "examples/kept"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).expect("examples"))
        .filter_map(|entry| entry.ok()?.path().to_str().map(str::to_owned))
        .filter(|path| path.ends_with(".da.krav"))
        .collect();
    proposals.sort();
    assert!(proposals.len() >= 8, "{proposals:?}");
    let dir = scratch("danish-report");
    let broken = dir.join("i-stykker.da.krav");
    std::fs::write(&broken, "krav \"Halvt skrevet\" {\n  formål: sikkerhed \"s\"\n").expect("write");
    proposals.push(broken.to_str().expect("utf-8").to_owned());
    let mut args = vec!["report", "--lang", "da", "--register", "examples/register"];
    args.extend(proposals.iter().map(String::as_str));
    let run = trustlint(&args);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let text = visible_text(&run.stdout);
    assert!(text.contains("Filer, der ikke kunne vurderes"), "the unjudged file");
    assert!(text.contains("Byrde (standardomkostningsmodellen)"), "the burden");
    let mut lines = 0;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        lines += 1;
        if let Some(word) = english_in(line, "") {
            found.push(format!("report: `{word}` in {line}"));
        }
    }
    assert!(lines > 100, "{lines} lines of text");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(found.is_empty(), "English in the Danish report:\n{}", found.join("\n"));
}
