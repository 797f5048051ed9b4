//! Running the real `trustlint` binary from tests: the helpers the `cli`
//! test crate's modules and the UI harness share.

#![allow(dead_code)] // each test crate uses its own part of this module

pub mod danish;
pub mod schema;

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// A well-formed requirement that nothing fires on.
pub const VALID: &str = "tests/ui/valid/falls-register.krav";

pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_trustlint"));
    command
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("CLICOLOR_FORCE");
    command
}

/// Runs `trustlint ARGS` in the crate's folder, with no standard input.
pub fn trustlint(args: &[&str]) -> Run {
    finish(command(args).stdin(Stdio::null()).output().expect("the binary runs"))
}

/// Runs `trustlint ARGS` with `input` on standard input.
pub fn trustlint_stdin(args: &[&str], input: &[u8]) -> Run {
    let mut child = command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("piped");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        // The binary may stop reading early; a broken pipe is fine here.
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().expect("the binary finishes");
    let _ = writer.join();
    finish(output)
}

pub fn finish(output: std::process::Output) -> Run {
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Standard output parsed as JSON.
pub fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", run.stdout))
}

pub fn no_panic(run: &Run) {
    assert!(!run.stderr.contains("panicked"), "panic: {}", run.stderr);
    assert!(!run.stderr.contains("overflow"), "overflow: {}", run.stderr);
}

/// A fresh empty folder under the system's temporary folder.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("trustlint-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Pins a command's exit status and standard output as an insta snapshot
/// named `cli__MODULE__NAME` in `tests/cli/snapshots/`.
#[macro_export]
macro_rules! snapshot {
    ($name:expr, $command:expr, $run:expr) => {{
        let run: &$crate::common::Run = $run;
        insta::with_settings!({ omit_expression => true }, {
            insta::assert_snapshot!($name, format!("$ trustlint {}\nexit status: {}\n\n{}", $command, run.status, run.stdout));
        });
    }};
}
