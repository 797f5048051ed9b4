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
                ("besluttes_af: TODO", "besluttes_af: lokalt"),
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
                ("decided_by: TODO", "decided_by: local"),
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
        assert_eq!(unfilled.stdout.matches("[TL003]").count(), 11, "{}", unfilled.stdout);
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

/// Runs `script` under `sh` in `dir` with `$TRUSTLINT` set to the binary:
/// for redirections a `Command` cannot make (`>&-`, `2>/dev/full`).
fn sh(dir: &std::path::Path, script: &str) -> crate::common::Run {
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("TRUSTLINT", env!("CARGO_BIN_EXE_trustlint"))
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .expect("sh runs");
    crate::common::finish(output)
}

fn hidden_files(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect()
}

#[test]
fn init_deletes_no_file_it_did_not_create_and_fits_long_names() {
    let dir = crate::common::scratch("init-temp");
    // The old temporary name, `.NAME.PID.tmp`, taken by someone else: `exec`
    // gives trustlint the shell's process id.
    let run = sh(&dir, "echo theirs > .x.krav.$$.tmp; exec \"$TRUSTLINT\" init x.krav");
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(dir.join("x.krav").is_file());
    let theirs: Vec<String> = hidden_files(&dir);
    assert_eq!(theirs.len(), 1, "{theirs:?}");
    assert_eq!(
        std::fs::read_to_string(dir.join(&theirs[0])).expect("theirs"),
        "theirs\n"
    );
    // 245 bytes of name: the temporary name must still fit in 255.
    let long = format!("{}.krav", "å".repeat(120));
    let run = sh(&dir, &format!("exec \"$TRUSTLINT\" init {long}"));
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(dir.join(&long).is_file());
    let run = sh(&dir, &format!("exec \"$TRUSTLINT\" init --force {long}"));
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(hidden_files(&dir).len(), 1, "only theirs is left");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn init_killed_at_any_moment_leaves_no_temporary_file() {
    let dir = crate::common::scratch("init-kill");
    for i in 0..30u64 {
        let mut child = crate::common::command(&["init", &format!("p{i}.krav")])
            .current_dir(&dir)
            .spawn()
            .expect("runs");
        std::thread::sleep(std::time::Duration::from_micros(i * 150));
        let _ = child.kill();
        let _ = child.wait();
    }
    assert_eq!(hidden_files(&dir), Vec::<String>::new());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn closed_or_full_output_is_exit_2_never_a_panic() {
    let dir = crate::common::scratch("init-streams");
    for (script, status) in [
        // Standard output closed: nothing was written, so it is a failure.
        ("exec \"$TRUSTLINT\" init - >&-", 2),
        ("exec \"$TRUSTLINT\" check x.krav >&-", 2),
        ("exec \"$TRUSTLINT\" --help > /dev/full", 2),
        ("exec \"$TRUSTLINT\" --version > /dev/full", 2),
        ("exec \"$TRUSTLINT\" rules > /dev/full", 2),
        // Standard error unwritable: the exit status still tells.
        ("exec \"$TRUSTLINT\" check no-such.krav 2>/dev/full", 2),
        ("exec \"$TRUSTLINT\" check --no-such-flag 2>/dev/full", 2),
        ("exec \"$TRUSTLINT\" check no-such.krav 2>&-", 2),
        ("exec \"$TRUSTLINT\" init y.krav 2>/dev/full", 0),
        // A reader that stops early is its own choice.
        ("\"$TRUSTLINT\" --help | head -c 1 >/dev/null; exit 0", 0),
    ] {
        std::fs::write(dir.join("x.krav"), "").expect("write");
        let run = sh(&dir, script);
        assert_eq!(run.status, status, "{script}: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{script}: {}", run.stderr);
    }
    assert!(dir.join("y.krav").is_file());
    let run = sh(&dir, "exec \"$TRUSTLINT\" --help > /dev/full");
    assert_eq!(run.stderr, "error: cannot write the output: no space left on device\n");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn twenty_thousand_threads_under_a_memory_cap_run_on_the_processors() {
    let dir = crate::common::scratch("threads");
    let valid =
        std::fs::read_to_string(format!("{}/{}", env!("CARGO_MANIFEST_DIR"), crate::common::VALID)).expect("fixture");
    std::fs::write(dir.join("a.krav"), &valid).expect("write");
    // 20,000 threads do not fit in 150 MB of address space; the pool is
    // never larger than the machine, so the check runs.
    let run = sh(
        &dir,
        "ulimit -v 150000; RAYON_NUM_THREADS=20000 exec \"$TRUSTLINT\" check a.krav",
    );
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .ends_with("checked 1 file (1 requirement): no problems found\n"),
        "{}",
        run.stdout
    );
    let _ = std::fs::remove_dir_all(dir);
}
