//! UI tests in rustc's manner: every `.krav` file under `tests/ui/` (and
//! every folder there, whose files are checked together) is run through
//! the real binary, and its human output is pinned by an insta snapshot
//! stored beside it. A name ending in `.da.krav` (or a folder holding one)
//! is checked with `--lang da`.

mod common;

use std::path::{Path, PathBuf};

#[test]
fn ui() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui");
    let cases = cases(&root);
    assert!(cases.len() > 40, "fixtures missing: {}", cases.len());
    for case in cases {
        let relative = case
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .expect("inside the crate")
            .to_path_buf();
        let danish = is_danish(&case);
        let lang = if danish { "da" } else { "en" };
        let arg = relative.to_string_lossy().into_owned();
        let run = common::trustlint(&["check", "--color", "never", "--lang", lang, &arg]);
        let name = case
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("case")
            .trim_end_matches(".krav")
            .to_owned();
        let snapshot = format!(
            "$ trustlint check --lang {lang} {arg}\nexit status: {}\n\n{}",
            run.status, run.stdout
        );
        insta::with_settings!({
            snapshot_path => case.parent().expect("has a parent"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
            input_file => &case,
        }, {
            insta::assert_snapshot!(name, snapshot);
        });
        assert!(run.stderr.is_empty(), "{arg}: unexpected stderr: {}", run.stderr);
    }
}

/// Every fixture file and every case folder, sorted.
fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/ui exists")
        .map(|e| e.expect("readable entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let is_case_folder =
            path.is_dir() && path.parent() != Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui").as_path());
        if is_case_folder {
            found.push(path);
        } else if path.is_dir() {
            found.extend(cases(&path));
        } else if path.extension().is_some_and(|e| e == "krav") {
            found.push(path);
        }
    }
    found
}

fn is_danish(case: &Path) -> bool {
    let danish_name = |p: &Path| p.to_string_lossy().ends_with(".da.krav");
    if case.is_dir() {
        std::fs::read_dir(case)
            .map(|entries| entries.filter_map(Result::ok).any(|e| danish_name(&e.path())))
            .unwrap_or(false)
    } else {
        danish_name(case)
    }
}
