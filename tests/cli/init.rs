//! `trustlint init`: the template in both languages, written atomically,
//! never over a file without `--force`, and passing once filled in.

use crate::common::{command, scratch, trustlint};
use crate::snapshot;
use serde_json::Value;

/// The template with its placeholders filled in as a secretary would.
fn fill(template: &str, danish: bool) -> String {
    let mut text = template.to_owned();
    let (words, texts): (&[(&str, &str)], &str) = if danish {
        (
            &[
                ("formål: TODO", "formål: læring"),
                ("risiko: TODO", "risiko: lav"),
                ("anledning: TODO \"…\"", "anledning: mønster \"…\" 12 sager 4 enheder"),
                ("gælder: TODO", "gælder: efter_vurdering"),
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
                ("trigger: TODO \"…\"", "trigger: pattern \"…\" 12 cases 4 units"),
                ("applies_to: TODO", "applies_to: by_assessment"),
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
        let dir = scratch(&format!("init-{lang}"));
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
        assert_eq!(unfilled.stdout.matches("[TL003]").count(), 10, "{}", unfilled.stdout);
        // And the texts left as `"…"`, the id and the title are placeholders (TL014).
        assert_eq!(unfilled.stdout.matches("[TL014]").count(), 1, "{}", unfilled.stdout);
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
    let dir = scratch("init-force");
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
    let dir = scratch("init-stdout");
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
fn snapshots_of_the_templates() {
    for (name, args) in [
        ("template-en", vec!["init", "-"]),
        ("template-da", vec!["init", "-", "--lang", "da"]),
    ] {
        let run = trustlint(&args);
        snapshot!(name, args.join(" "), &run);
    }
}
