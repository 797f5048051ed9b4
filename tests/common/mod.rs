//! Running the real `trustlint` binary from tests.

#![allow(dead_code)] // each test crate uses its own part of this module

pub mod schema;

use std::io::Write;
use std::process::{Command, Stdio};

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

fn finish(output: std::process::Output) -> Run {
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}
