//! What puts trustlint into a user's tools: shell completions, the man
//! page and the pre-commit hook.

use crate::common::trustlint;
use std::path::Path;

#[test]
fn completions_and_man_page() {
    for (shell, marker) in [
        ("bash", "_trustlint()"),
        ("zsh", "#compdef trustlint"),
        ("fish", "complete -c trustlint"),
    ] {
        let run = trustlint(&["completions", shell]);
        assert_eq!(run.status, 0);
        assert!(run.stdout.contains(marker), "{shell}");
        assert!(run.stdout.contains("statistics"), "{shell} completes check's options");
    }
    let man = trustlint(&["man"]);
    assert_eq!(man.status, 0);
    assert!(man.stdout.contains(".TH trustlint"));
    assert!(man.stdout.contains("Kodeks for tillid"));
}

#[test]
fn pre_commit_hook_definition_points_at_the_binary() {
    let hooks = std::fs::read_to_string(".pre-commit-hooks.yaml").expect("the hook file");
    assert!(hooks.contains("id: trustlint"));
    assert!(hooks.contains("entry: trustlint check"));
    assert!(hooks.contains("files: \\.krav$"));
    assert!(
        Path::new("docs/ci.md").is_file(),
        "the documented GitHub Actions workflow"
    );
}
