//! The conventions other linters taught users: `-o/--output-file`,
//! `--sarif-output`, `--exit-zero`, `--stdin-filename`, colour from the
//! environment, and folder walks that skip what git ignores.

use crate::common::{self, command, scratch, trustlint, trustlint_stdin, VALID};
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::Stdio;

const TYPO: &str = "tests/ui/TL002/typo.krav";

/// Runs `trustlint ARGS` in `dir` with `input` on standard input.
fn run_in(dir: &Path, args: &[&str], input: &[u8]) -> common::Run {
    let mut child = command(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("piped");
    let _ = stdin.write_all(input);
    drop(stdin);
    common::finish(child.wait_with_output().expect("the binary finishes"))
}

#[test]
fn output_file_holds_what_standard_output_would() {
    let dir = scratch("output-file");
    let out = dir.join("report.json");
    let out_arg = out.to_str().expect("utf-8 path");
    let to_stdout = trustlint(&["check", "--format", "json", TYPO]);
    for flag in ["-o", "--output-file"] {
        let run = trustlint(&["check", "--format", "json", flag, out_arg, TYPO]);
        // The exit status still says what was found; nothing on standard output.
        assert_eq!(run.status, 1, "{}", run.stderr);
        assert!(run.stdout.is_empty(), "{}", run.stdout);
        assert_eq!(std::fs::read_to_string(&out).expect("written"), to_stdout.stdout);
    }
    // An existing file is replaced whole, and no temporary file is left beside it.
    std::fs::write(&out, "x".repeat(1 << 20)).expect("write");
    let run = trustlint(&["check", "-o", out_arg, VALID]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let human = std::fs::read_to_string(&out).expect("written");
    assert_eq!(human, trustlint(&["check", VALID]).stdout);
    let names: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["report.json"]);
    // Statistics go to the file too.
    let run = trustlint(&["check", "--statistics", "-o", out_arg, TYPO]);
    assert!(run.stdout.is_empty());
    assert!(std::fs::read_to_string(&out).expect("written").contains("TL002"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn output_file_that_cannot_be_written_is_exit_2_with_one_line() {
    let run = trustlint(&["check", "-o", "no/such/folder/out.txt", VALID]);
    assert_eq!(run.status, 2);
    assert!(run.stdout.is_empty());
    assert_eq!(
        run.stderr,
        "error: cannot write `no/such/folder/out.txt`: no such file or directory\n"
    );
}

#[test]
fn output_file_may_be_a_device() {
    // `-o /dev/stdout` cannot be renamed over; it is written to directly.
    let run = trustlint(&["check", "--format", "short", "-o", "/dev/stdout", TYPO]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(run.stdout.contains("error[TL002]"), "{}", run.stdout);
}

#[test]
fn sarif_output_beside_the_human_output_in_one_run() {
    let dir = scratch("sarif-output");
    let sarif = dir.join("trustlint.sarif");
    let sarif_arg = sarif.to_str().expect("utf-8 path");
    let run = trustlint(&["check", "--format", "github", "--sarif-output", sarif_arg, TYPO]);
    assert_eq!(run.status, 1);
    assert!(run.stdout.starts_with("::error "), "{}", run.stdout);
    let log: Value = serde_json::from_str(&std::fs::read_to_string(&sarif).expect("written")).expect("JSON");
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["runs"][0]["results"][0]["ruleId"], "TL002");
    // The same log as `--format sarif` gives.
    let direct = trustlint(&["check", "--format", "sarif", TYPO]);
    assert_eq!(std::fs::read_to_string(&sarif).expect("written"), direct.stdout);
    // Both files at once.
    let out = dir.join("human.txt");
    let run = trustlint(&[
        "check",
        "-o",
        out.to_str().expect("utf-8 path"),
        "--sarif-output",
        sarif_arg,
        VALID,
    ]);
    assert_eq!(run.status, 0);
    assert!(run.stdout.is_empty());
    assert!(std::fs::read_to_string(&out).expect("written").contains("1 file"));
    let log: Value = serde_json::from_str(&std::fs::read_to_string(&sarif).expect("written")).expect("JSON");
    assert_eq!(log["runs"][0]["results"].as_array().map(Vec::len), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn exit_zero_reports_errors_but_exits_0() {
    let run = trustlint(&["check", "--exit-zero", TYPO]);
    assert_eq!(run.status, 0);
    assert!(run.stdout.contains("error[TL002]"), "{}", run.stdout);
    // A check that could not run is still exit 2.
    let run = trustlint(&["check", "--exit-zero", "no/such/file.krav"]);
    assert_eq!(run.status, 2);
}

#[test]
fn stdin_filename_names_standard_input() {
    let text = std::fs::read(TYPO).expect("fixture");
    let run = trustlint_stdin(
        &[
            "check",
            "--format",
            "short",
            "--stdin-filename",
            "udvalg/typo.krav",
            "-",
        ],
        &text,
    );
    assert_eq!(run.status, 1);
    assert!(run.stdout.starts_with("udvalg/typo.krav:"), "{}", run.stdout);
    assert!(!run.stdout.contains("<stdin>"));
    let run = trustlint_stdin(&["check", "--format", "json", "--stdin-filename", "a.krav", "-"], &text);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["diagnostics"][0]["file"], "a.krav");
}

#[test]
fn stdin_filename_is_matched_against_the_config() {
    let dir = scratch("stdin-filename-config");
    std::fs::write(dir.join("trustlint.toml"), "exclude = [\"drafts/**\"]\n").expect("write");
    let text = std::fs::read(TYPO).expect("fixture");
    // An editor sending an excluded draft gets nothing back.
    let run = run_in(
        &dir,
        &["check", "--format", "json", "--stdin-filename", "drafts/x.krav", "-"],
        &text,
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["summary"]["files"], 0);
    // Any other name is checked.
    let run = run_in(
        &dir,
        &["check", "--format", "json", "--stdin-filename", "udvalg/x.krav", "-"],
        &text,
    );
    assert_eq!(run.status, 1);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["summary"]["files"], 1);
    let _ = std::fs::remove_dir_all(&dir);
}

const ESC: char = '\u{1b}';

/// Runs `trustlint check` on a file with errors with the colour settings of
/// `env` (`NO_COLOR` and `CLICOLOR_FORCE` unset unless given), standard
/// output a pipe, and says whether the output is coloured.
fn coloured_in_a_pipe(args: &[&str], env: &[(&str, &str)]) -> bool {
    let mut command = command(&[&["check"], args, &[TYPO]].concat());
    command.env_remove("NO_COLOR").env_remove("CLICOLOR");
    command.envs(env.iter().copied());
    let run = common::finish(command.stdin(Stdio::null()).output().expect("runs"));
    assert_eq!(run.status, 1, "{}", run.stderr);
    run.stdout.contains(ESC)
}

#[test]
fn colour_follows_the_flag_then_no_color_and_clicolor_force() {
    assert!(!coloured_in_a_pipe(&[], &[]));
    assert!(coloured_in_a_pipe(&[], &[("CLICOLOR_FORCE", "1")]));
    // NO_COLOR wins over CLICOLOR_FORCE; an empty NO_COLOR is unset.
    assert!(!coloured_in_a_pipe(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    assert!(coloured_in_a_pipe(&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "")]));
    // The flag wins over the environment.
    assert!(!coloured_in_a_pipe(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    assert!(coloured_in_a_pipe(&["--color", "always"], &[("NO_COLOR", "1")]));
    // Machine formats and files are never coloured.
    assert!(!coloured_in_a_pipe(&["--format", "json"], &[("CLICOLOR_FORCE", "1")]));
    assert!(!coloured_in_a_pipe(&["--format", "short"], &[("CLICOLOR_FORCE", "1")]));
}

/// Runs `trustlint check` on a terminal (util-linux `script` gives it one)
/// with `env`, and says whether the output is coloured; None where there is
/// no `script`.
fn coloured_on_a_terminal(env: &[(&str, &str)]) -> Option<bool> {
    let binary = env!("CARGO_BIN_EXE_trustlint");
    let mut script = std::process::Command::new("script");
    script
        .args(["-qec", &format!("'{binary}' check {TYPO}"), "/dev/null"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CI")
        .env("TERM", "xterm-256color")
        .envs(env.iter().copied())
        .stdin(Stdio::null());
    let output = script.output().ok()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !stdout.contains("TL002") {
        return None;
    }
    Some(stdout.contains(ESC))
}

#[test]
fn colour_on_a_terminal_unless_term_is_dumb_or_clicolor_is_0() {
    let Some(plain_terminal) = coloured_on_a_terminal(&[]) else {
        eprintln!("no `script` to give the binary a terminal; skipped");
        return;
    };
    assert!(plain_terminal);
    assert_eq!(coloured_on_a_terminal(&[("TERM", "dumb")]), Some(false));
    assert_eq!(coloured_on_a_terminal(&[("CLICOLOR", "0")]), Some(false));
    assert_eq!(coloured_on_a_terminal(&[("NO_COLOR", "1")]), Some(false));
}

#[test]
fn include_and_exclude_match_paths_with_dots_resolved() {
    let dir = scratch("normalised-globs");
    std::fs::create_dir_all(dir.join("udvalg")).expect("folders");
    std::fs::create_dir_all(dir.join("drafts")).expect("folders");
    let text = std::fs::read(VALID).expect("fixture");
    std::fs::write(dir.join("udvalg/a.krav"), &text).expect("write");
    std::fs::write(dir.join("drafts/b.krav"), &text).expect("write");
    std::fs::write(dir.join("trustlint.toml"), "exclude = [\"drafts/**\"]\n").expect("write");
    let files = |sub: &str, path: &str| {
        let run = run_in(&dir.join(sub), &["check", "--format", "json", path], b"");
        assert_eq!(run.status, 0, "{sub} {path}: {}", run.stderr);
        let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
        json["summary"]["files"].as_u64()
    };
    // From a subfolder, `..` still leaves the drafts out.
    assert_eq!(files("udvalg", ".."), Some(1));
    assert_eq!(files("udvalg", "../udvalg/../drafts/.."), Some(1));
    // `./drafts/..` is the top folder, not the drafts.
    assert_eq!(files("", "./drafts/.."), Some(1));
    assert_eq!(files("", "."), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}
