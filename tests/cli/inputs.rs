//! What `check` reads, as a hostile repository or a careless user would
//! feed it: named pipes, devices, sockets and links to secrets in a folder,
//! endless files, one file reached several ways, `.gitignore`d and hidden
//! files, and configs that name rulesets outside their folder. Every run
//! has a watchdog: reading must never block.

use crate::common::{self, command, scratch, Run, VALID};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `command` with no standard input; fails the test if it has not
/// finished within ten seconds (a blocked read), killing it first.
fn within_ten_seconds(mut command: Command) -> Run {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if started.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("still running after 10 s: it blocked");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let run = common::finish(child.wait_with_output().expect("output"));
    common::no_panic(&run);
    run
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let mut command = command(args);
    command.current_dir(dir);
    within_ten_seconds(command)
}

fn valid(id: &str) -> String {
    std::fs::read_to_string(VALID)
        .expect("fixture")
        .replace("SUF-2026-01", id)
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success());
}

fn link(target: impl AsRef<Path>, link: &Path) {
    std::os::unix::fs::symlink(target, link).expect("symlink");
}

/// A folder of two proposals.
fn folder(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::create_dir_all(dir.join("d/sub")).expect("folders");
    std::fs::write(dir.join("d/a.krav"), valid("A-1")).expect("write");
    std::fs::write(dir.join("d/sub/b.krav"), valid("B-1")).expect("write");
    dir
}

#[test]
fn pipes_devices_and_sockets_in_a_folder_are_tl010_and_never_opened() {
    let dir = folder("special-files");
    mkfifo(&dir.join("d/x.krav"));
    let _socket = std::os::unix::net::UnixListener::bind(dir.join("d/s.krav")).expect("socket");
    let run = run_in(&dir, &["check", "--format", "short", "-q", "d"]);
    assert_eq!(
        run.stdout,
        "d/s.krav:1:1: error[TL010]: cannot read `d/s.krav`: it is a socket, not a regular file\n\
         d/x.krav:1:1: error[TL010]: cannot read `d/x.krav`: it is a named pipe, not a regular file\n"
    );
    assert_eq!(run.status, 1);
    // Named on the command line, a pipe and a device are refused alike; the
    // human format says why only regular files are read.
    let run = run_in(&dir, &["check", "d/x.krav", "/dev/zero", "d/a.krav"]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(run
        .stdout
        .contains("error[TL010]: cannot read `d/x.krav`: it is a named pipe"));
    assert!(run
        .stdout
        .contains("error[TL010]: cannot read `/dev/zero`: it is a device, not a regular file"));
    assert!(
        run.stdout.contains("= help: only regular files are read"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("(1 requirement checked)"), "{}", run.stdout);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn links_are_followed_only_to_files_inside_the_folder() {
    let dir = folder("links");
    std::fs::write(dir.join("secret.krav"), "TOKEN=hunter2\n").expect("write");
    link("/proc/self/environ", &dir.join("d/environ.krav"));
    link("../secret.krav", &dir.join("d/outside.krav"));
    link("/dev/stdin", &dir.join("d/stdin.krav"));
    link("sub/b.krav", &dir.join("d/inside.krav"));
    let mut command = command(&["check", "--format", "short", "-q", "d"]);
    command.current_dir(&dir).env("CI_SECRET", "hunter2");
    let run = within_ten_seconds(command);
    assert!(!run.stdout.contains("hunter2"), "a secret leaked: {}", run.stdout);
    let outside = "it is a symbolic link to a file outside the folder checked, and such links are not followed";
    assert_eq!(
        run.stdout,
        format!(
            "d/environ.krav:1:1: error[TL010]: cannot read `d/environ.krav`: {outside}\n\
             d/outside.krav:1:1: error[TL010]: cannot read `d/outside.krav`: {outside}\n\
             d/stdin.krav:1:1: error[TL010]: cannot read `d/stdin.krav`: {outside}\n"
        )
    );
    // The link inside the folder is read, under its own name, and only
    // once with the file it leads to (no TL006 against itself).
    let run = run_in(&dir, &["check", "--format", "json", "d"]);
    let report = common::json(&run);
    assert_eq!(report["summary"]["requirements"], 2, "{}", run.stdout);
    let run = run_in(&dir, &["check", "-q", "--format", "short", "d/inside.krav", "d"]);
    assert!(!run.stdout.contains("TL006"), "{}", run.stdout);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_file_reached_twice_is_checked_once_and_stdin_read_once() {
    let dir = folder("twice");
    for args in [
        vec!["check", "d/a.krav", "d/a.krav"],
        vec!["check", "d", "d/a.krav"],
        vec!["check", "d/a.krav", "./d/../d/a.krav", "d"],
    ] {
        let run = run_in(&dir, &args);
        assert_eq!(run.status, 0, "{args:?}: {}", run.stdout);
        assert!(!run.stdout.contains("TL006"), "{args:?}: {}", run.stdout);
    }
    let run = run_in(&dir, &["check", "d"]);
    assert!(run
        .stdout
        .ends_with("checked 2 files (2 requirements): no problems found\n"));
    // `- -`: standard input is read once, as one file.
    let run = common::trustlint_stdin(&["check", "-", "-"], valid("S-1").as_bytes());
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert!(
        run.stdout
            .ends_with("checked 1 file (1 requirement): no problems found\n"),
        "{}",
        run.stdout
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_walk_leaves_out_gitignored_and_hidden_files_unless_told() {
    let dir = folder("gitignore");
    std::fs::create_dir_all(dir.join("d/build")).expect("folder");
    std::fs::create_dir_all(dir.join("d/.cache")).expect("folder");
    std::fs::write(dir.join("d/build/gen.krav"), "not a proposal").expect("write");
    std::fs::write(dir.join("d/old.draft.krav"), "not a proposal").expect("write");
    std::fs::write(dir.join("d/.cache/c.krav"), "not a proposal").expect("write");
    std::fs::write(dir.join("d/.gitignore"), "build/\n*.draft.krav\n").expect("write");
    // ripgrep's `.ignore` files count too, outside git as well.
    std::fs::write(dir.join("d/skip.krav"), "not a proposal").expect("write");
    std::fs::write(dir.join("d/.ignore"), "skip.krav\n").expect("write");
    let run = run_in(&dir, &["check", "d"]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert!(run
        .stdout
        .ends_with("checked 2 files (2 requirements): no problems found\n"));
    // A file named on the command line is checked whatever .gitignore says.
    let run = run_in(&dir, &["check", "-q", "--format", "short", "d/build/gen.krav"]);
    assert_eq!(
        run.stdout, "d/build/gen.krav:1:5: error[TL001]: expected a quoted title after `not`\n",
        "{}",
        run.stdout
    );
    // --no-ignore walks everything, in sorted order, the same every time.
    let short = |run: &Run| -> Vec<String> {
        run.stdout
            .lines()
            .map(|line| line.split(':').next().unwrap_or_default().to_owned())
            .collect()
    };
    let run = run_in(&dir, &["--no-ignore", "check", "-q", "--format", "short", "d"]);
    assert_eq!(
        short(&run),
        ["d/.cache/c.krav", "d/build/gen.krav", "d/old.draft.krav", "d/skip.krav"],
        "{}",
        run.stdout
    );
    assert_eq!(
        run_in(&dir, &["check", "--no-ignore", "-q", "--format", "short", "d"]).stdout,
        run.stdout
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn no_file_is_read_past_the_size_limit() {
    let dir = folder("size-limit");
    let run = run_in(
        &dir,
        &["check", "-q", "--format", "short", "--max-file-size", "500", "d"],
    );
    assert_eq!(
        run.stdout,
        "d/a.krav:1:1: error[TL010]: cannot read `d/a.krav`: it is larger than the size limit, `--max-file-size 500`\n\
         d/sub/b.krav:1:1: error[TL010]: cannot read `d/sub/b.krav`: it is larger than the size limit, `--max-file-size 500`\n"
    );
    let run = run_in(&dir, &["check", "--max-file-size", "lots", "d"]);
    assert_eq!(run.status, 2);
    // Standard input without end stops at the limit.
    let mut command = command(&["check", "-q", "--format", "short", "--max-file-size", "1M", "-"]);
    let zero = std::fs::File::open("/dev/zero").expect("/dev/zero");
    command
        .current_dir(&dir)
        .stdin(zero)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let run = common::finish(command.output().expect("runs"));
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(
        run.stdout,
        "<stdin>:1:1: error[TL010]: cannot read `<stdin>`: it is larger than the size limit, `--max-file-size 1M`\n"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn rulesets_and_configs_are_regular_files_of_bounded_size() {
    let dir = folder("settings-files");
    mkfifo(&dir.join("fifo.toml"));
    let built_in = concat!(env!("CARGO_MANIFEST_DIR"), "/rulesets/kodeks-for-tillid.toml");
    for (args, says) in [
        (
            vec!["check", "--ruleset", "/dev/zero", "d"],
            "cannot read the ruleset `/dev/zero`: it is a device, not a regular file",
        ),
        (
            vec!["check", "--ruleset", "fifo.toml", "d"],
            "cannot read the ruleset `fifo.toml`: it is a named pipe, not a regular file",
        ),
        (
            vec!["check", "--config", "/dev/urandom", "d"],
            "cannot read the config `/dev/urandom`: it is a device, not a regular file",
        ),
        (
            vec!["check", "--config", "fifo.toml", "d"],
            "cannot read the config `fifo.toml`: it is a named pipe, not a regular file",
        ),
        (
            vec!["ruleset", "check", "/dev/zero"],
            "cannot read the ruleset `/dev/zero`: it is a device",
        ),
        (
            vec!["check", "--max-file-size", "100", "--ruleset", built_in, "d"],
            "it is larger than the size limit, `--max-file-size 100`",
        ),
    ] {
        let mut command = command(&args);
        command.current_dir(&dir);
        let run = within_ten_seconds(command);
        assert_eq!(run.status, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
    }
    // A config whose ruleset is a named pipe in its own folder.
    std::fs::write(dir.join("trustlint.toml"), "ruleset = \"fifo.toml\"\n").expect("write");
    let run = run_in(&dir, &["check", "d"]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("it is a named pipe"), "{}", run.stderr);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_config_names_rulesets_only_inside_its_own_folder() {
    let dir = folder("config-ruleset");
    std::fs::create_dir_all(dir.join("rules")).expect("folder");
    let rules = std::fs::read_to_string("rulesets/kodeks-for-tillid.toml").expect("ruleset");
    std::fs::write(dir.join("rules/ours"), &rules).expect("write");
    std::fs::write(dir.join("empty.toml"), "").expect("write");
    std::fs::write(dir.join("outside.toml"), &rules).expect("write");
    for (ruleset, shown) in [
        ("/proc/self/environ", "/proc/self/environ"),
        ("../outside.toml", "../outside.toml"),
        ("link.toml", "link.toml"),
    ] {
        std::fs::create_dir_all(dir.join("d/conf")).expect("folder");
        let _ = std::fs::remove_file(dir.join("d/conf/link.toml"));
        link("../../outside.toml", &dir.join("d/conf/link.toml"));
        std::fs::write(dir.join("d/conf/trustlint.toml"), format!("ruleset = \"{ruleset}\"\n")).expect("write");
        let mut command = command(&["check", "."]);
        command.current_dir(dir.join("d/conf")).env("CI_SECRET", "hunter2");
        let run = within_ten_seconds(command);
        assert_eq!(run.status, 2, "{ruleset}: {}", run.stderr);
        assert!(!run.stderr.contains("hunter2") && !run.stdout.contains("hunter2"));
        assert!(
            run.stderr.contains(&format!(
                "error[TL013]: the ruleset `{shown}` is outside this config's folder"
            )),
            "{ruleset}: {}",
            run.stderr
        );
    }
    // The same file given on the command line is the user's own choice.
    let run = run_in(
        &dir.join("d/conf"),
        &[
            "--config",
            "../../empty.toml",
            "check",
            "--ruleset",
            "../../outside.toml",
            "../a.krav",
        ],
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    // A path without `.toml` is a file in the config's folder, found from a
    // subfolder too; a built-in name is the built-in ruleset.
    std::fs::write(dir.join("trustlint.toml"), "ruleset = \"rules/ours\"\n").expect("write");
    let run = run_in(&dir.join("d/sub"), &["check", "b.krav"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    std::fs::write(dir.join("rules/ours"), "not = [toml").expect("write");
    let run = run_in(&dir.join("d/sub"), &["check", "b.krav"]);
    assert_eq!(run.status, 2, "the config's ruleset was not read: {}", run.stderr);
    assert!(run.stderr.contains("rules/ours"), "{}", run.stderr);
    std::fs::write(dir.join("trustlint.toml"), "ruleset = \"kodeks-for-tillid\"\n").expect("write");
    let run = run_in(&dir.join("d/sub"), &["check", "b.krav"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn discovery_passes_over_a_config_someone_else_left_in_a_shared_folder() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder("unsafe-config");
    // The attacker's config would turn the run Danish and break it.
    std::fs::write(dir.join("trustlint.toml"), "lang = \"da\"\nruleset = \"evil.toml\"\n").expect("write");
    if std::os::unix::fs::chown(dir.join("trustlint.toml"), Some(65534), Some(65534)).is_err() {
        eprintln!("not root: cannot give the config to another user; skipped");
        return;
    }
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o1777)).expect("chmod");
    let run = run_in(&dir.join("d"), &["check", "a.krav"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "warning: skipped `../trustlint.toml`: it belongs to another user and its folder may be written by others"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("no problems found"), "{}", run.stdout);
    // In a folder only its owner writes, another user's config is used.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let run = run_in(&dir.join("d"), &["check", "a.krav"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    let _ = std::fs::remove_dir_all(dir);
}
