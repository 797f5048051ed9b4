//! Settings: `trustlint.toml` found from any subfolder, levels from the
//! config and the command line in order, parameters, bad config, and the
//! language from the flag or the locale.

use crate::common::{self, command, scratch, trustlint};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A folder of proposals with its own config, as a committee's shared drive has.
struct Folder(PathBuf);

impl Folder {
    fn new(name: &str, config: &str) -> Folder {
        let dir = scratch(name);
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
        common::finish(
            command(args)
                .current_dir(self.0.join(subfolder))
                .output()
                .expect("runs"),
        )
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
    insta::with_settings!({ omit_expression => true }, {
        insta::assert_snapshot!("unknown-key", run.stderr);
    });
    let folder = Folder::new(
        "bad-values",
        "lang = \"dk\"\n[rules]\nTL105 = \"off-ish\"\nTL001 = \"allow\"\n[params]\nreview_max_years = \"four\"\n",
    );
    let run = folder.run("", &["check", "--color", "never"]);
    assert_eq!(run.status, 2);
    insta::with_settings!({ omit_expression => true }, {
        insta::assert_snapshot!("bad-values", run.stderr);
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

/// Whether a check's summary line is Danish (`fejl: fandt …`) rather than
/// English (`error: found …`).
fn answered_in_danish(output: &std::process::Output) -> bool {
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("\nfejl: ") != stdout.contains("\nerror: "),
        "one summary line: {stdout}"
    );
    stdout.contains("\nfejl: ")
}

#[test]
fn language_chosen_by_flag_config_locale_then_keywords() {
    let english = "tests/ui/TL002/typo.krav";
    let danish = "tests/ui/TL002/ascii-spelling.da.krav";
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut command = command(args);
        command.envs(env.iter().copied());
        answered_in_danish(&command.output().expect("runs"))
    };
    // The locale: the first of LC_ALL, LC_MESSAGES and LANG that is set and not empty.
    assert!(run(&["check", english], &[("LC_MESSAGES", "da_DK.UTF-8")]));
    assert!(run(
        &["check", english],
        &[("LC_ALL", ""), ("LC_MESSAGES", "da_DK.UTF-8"), ("LANG", "en_GB.UTF-8")]
    ));
    assert!(!run(
        &["check", english],
        &[("LC_MESSAGES", "en_GB.UTF-8"), ("LANG", "da_DK.UTF-8")]
    ));
    assert!(!run(
        &["check", english],
        &[("LC_ALL", "en_US.UTF-8"), ("LC_MESSAGES", "da_DK.UTF-8")]
    ));
    // No language chosen: the files' keywords decide, both ways.
    assert!(run(&["check", danish], &[]));
    assert!(!run(&["check", english], &[]));
    assert!(run(&["check", danish], &[("LANG", "C.UTF-8")]));
    let burden = command(&["burden", danish]).output().expect("runs");
    // The file has an error, so its burden is not estimated: said in Danish.
    assert!(String::from_utf8_lossy(&burden.stdout).contains("ikke beregnet"));
    // A locale that names a language wins over the keywords, the flag over both.
    assert!(!run(&["check", danish], &[("LANG", "en_US.UTF-8")]));
    assert!(run(&["check", "--lang", "da", english], &[("LANG", "en_US.UTF-8")]));
    assert!(!run(&["check", "--lang", "en", danish], &[("LC_ALL", "da_DK.UTF-8")]));
    // The config wins over the locale and the keywords, the flag over the config.
    let folder = Folder::new("lang-order", "lang = \"da\"\n");
    let in_folder = |args: &[&str], env: &[(&str, &str)]| {
        let mut command = command(args);
        command.current_dir(&folder.0).envs(env.iter().copied());
        command.output().expect("runs")
    };
    let summary = |output: std::process::Output| {
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .last()
            .map(str::to_owned)
    };
    let config = summary(in_folder(&["check", "udvalg"], &[("LANG", "en_US.UTF-8")]));
    assert!(
        config
            .as_deref()
            .is_some_and(|line| line.starts_with("tjekkede") || line.starts_with("fejl: fandt")),
        "{config:?}"
    );
    let flag = summary(in_folder(&["check", "--lang", "en", "udvalg"], &[]));
    assert!(
        flag.as_deref()
            .is_some_and(|line| line.starts_with("checked") || line.starts_with("error: found")),
        "{flag:?}"
    );
}

#[test]
fn language_from_flag_and_locale() {
    let file = "tests/ui/TL002/typo.krav";
    let flag = trustlint(&["check", "--lang", "da", file]);
    assert!(flag.stdout.contains("ukendt felt `purpse`"), "{}", flag.stdout);
    let locale = command(&["check", file])
        .env("LANG", "da_DK.UTF-8")
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&locale.stdout).contains("ukendt felt"));
    // The flag wins over the locale.
    let both = command(&["check", "--lang", "en", file])
        .env("LC_ALL", "da_DK.UTF-8")
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&both.stdout).contains("unknown key"));
}
