//! The cache of per-file results (`.trustlint_cache/`): the output is the
//! same byte for byte with it on or off, cold or warm, in every format and
//! on any number of threads; an entry that is corrupt or made from
//! anything else is not used but made again; a changed file, ruleset,
//! level, language or day is judged again.

use crate::common::{command, finish, scratch, Run};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::SystemTime;

const FORMATS: &[&str] = &["human", "pretty", "short", "json", "jsonl", "sarif", "github"];

/// A project to check: the examples, files that set off the checks across
/// files (an id used twice, a replaced id nobody has, a suppression of
/// one), and a config file.
fn project(name: &str) -> PathBuf {
    let dir = scratch(name);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (from, to) in [
        ("examples/abolished", "proposals/abolished"),
        ("examples/kept", "proposals/kept"),
        ("examples/register", "register"),
        ("tests/ui/TL006/two-files", "proposals/twice"),
    ] {
        copy_folder(&root.join(from), &dir.join(to));
    }
    for file in ["tests/ui/TL007/unknown-replaced.krav", "tests/ui/TL009/unused.krav"] {
        let from = root.join(file);
        let name = from.file_name().expect("a file name");
        std::fs::copy(&from, dir.join("proposals").join(name)).expect("a fixture");
    }
    // The first file's id again, its TL006 silenced (a check across files).
    let first = std::fs::read_to_string(dir.join("proposals/twice/first.krav")).expect("the fixture");
    let silenced = first.replacen(
        "requirement ",
        "# trustlint: allow(TL006) \"the same requirement, proposed twice\"\nrequirement ",
        1,
    );
    std::fs::write(dir.join("proposals/twice/third.krav"), silenced).expect("a fixture");
    std::fs::write(dir.join("trustlint.toml"), "lang = \"en\"\n").expect("a config");
    dir
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for entry in std::fs::read_dir(from).expect("the folder") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "krav") {
            std::fs::copy(&path, to.join(path.file_name().expect("a name"))).expect("a copy");
        }
    }
}

/// `trustlint ARGS` run in `dir`, on `threads` threads.
fn run_in(dir: &Path, threads: usize, args: &[&str]) -> Run {
    let output = command(args)
        .current_dir(dir)
        .env("RAYON_NUM_THREADS", threads.to_string())
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs");
    finish(output)
}

/// Every entry of the cache folder `root`, with its bytes.
fn entries(root: &Path) -> Vec<(PathBuf, Vec<u8>, SystemTime)> {
    let mut found = Vec::new();
    for version in std::fs::read_dir(root).expect("the cache folder") {
        let version = version.expect("an entry").path();
        if !version.is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(&version).expect("a version's folder") {
            let path = entry.expect("an entry").path();
            let bytes = std::fs::read(&path).expect("an entry's bytes");
            let modified = std::fs::metadata(&path).and_then(|m| m.modified()).expect("a time");
            found.push((path, bytes, modified));
        }
    }
    found.sort();
    found
}

fn same(what: &str, expected: &Run, actual: &Run) {
    assert_eq!(expected.status, actual.status, "{what}: exit status; {}", actual.stderr);
    assert!(
        expected.stdout == actual.stdout,
        "{what}: the output differs\n--- expected\n{}\n--- actual\n{}",
        expected.stdout,
        actual.stdout
    );
    assert_eq!(expected.stderr, actual.stderr, "{what}: standard error");
}

#[test]
fn the_output_is_the_same_with_the_cache_on_or_off_cold_or_warm_in_every_format() {
    let dir = project("cache-formats");
    for format in FORMATS {
        for register in [
            &[][..],
            &["--register", "register"][..],
            &["--register", "register", "--include-register"][..],
        ] {
            let mut args = vec!["check", "--format", format, "proposals"];
            args.extend(register);
            let what = args.join(" ");
            let _ = std::fs::remove_dir_all(dir.join(".trustlint_cache"));
            let uncached = run_in(&dir, 2, &[&args[..], &["--no-cache"]].concat());
            assert!(!dir.join(".trustlint_cache").exists(), "--no-cache made a cache");
            assert_eq!(uncached.status, 1, "{what}: {}", uncached.stderr);
            let cold = run_in(&dir, 2, &args);
            same(&format!("{what}, cold"), &uncached, &cold);
            let written = entries(&dir.join(".trustlint_cache"));
            assert!(written.len() >= 18, "{what}: {} entries", written.len());
            let warm = run_in(&dir, 2, &args);
            same(&format!("{what}, warm"), &uncached, &warm);
            assert!(
                entries(&dir.join(".trustlint_cache")) == written,
                "{what}: a warm run rewrote entries"
            );
            for threads in [1, 4] {
                let warm = run_in(&dir, threads, &args);
                same(&format!("{what}, warm, {threads} thread(s)"), &uncached, &warm);
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_corrupt_or_foreign_entry_is_not_used_but_made_again() {
    let dir = project("cache-corrupt");
    let args = ["check", "--format", "json", "--register", "register", "proposals"];
    let uncached = run_in(&dir, 2, &[&args[..], &["--no-cache"]].concat());
    let cold = run_in(&dir, 2, &args);
    same("cold", &uncached, &cold);
    let written = entries(&dir.join(".trustlint_cache"));
    assert!(written.len() >= 6);
    // Truncated, a byte changed, emptied, garbage, and one file's entry in
    // another's place.
    type Damage<'a> = &'a dyn Fn(&[u8]) -> Vec<u8>;
    let damage: [Damage<'_>; 5] = [
        &|bytes| bytes[..bytes.len() / 2].to_vec(),
        &|bytes| {
            let mut bytes = bytes.to_vec();
            let middle = bytes.len() / 2;
            bytes[middle] ^= 1;
            bytes
        },
        &|_| Vec::new(),
        &|bytes| vec![0xff; bytes.len()],
        &|_| written[0].1.clone(),
    ];
    for (i, damage) in damage.iter().enumerate() {
        let (path, bytes, _) = &written[i + 1];
        std::fs::write(path, damage(bytes)).expect("an entry damaged");
    }
    let warm = run_in(&dir, 2, &args);
    same("damaged entries", &uncached, &warm);
    let repaired: Vec<_> = entries(&dir.join(".trustlint_cache"))
        .into_iter()
        .map(|(path, bytes, _)| (path, bytes))
        .collect();
    let original: Vec<_> = written.into_iter().map(|(path, bytes, _)| (path, bytes)).collect();
    assert!(repaired == original, "the damaged entries were not made again");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_changed_file_ruleset_level_language_or_day_is_judged_again() {
    let dir = project("cache-changes");
    let check = |extra: &[&str]| {
        let args = [
            &["check", "--format", "json", "--register", "register", "proposals"][..],
            extra,
        ]
        .concat();
        let uncached = run_in(&dir, 2, &[&args[..], &["--no-cache"]].concat());
        let cached = run_in(&dir, 2, &args);
        same(&args.join(" "), &uncached, &cached);
        // Once more, warm.
        same(&args.join(" "), &uncached, &run_in(&dir, 2, &args));
        uncached.stdout
    };
    let before = check(&[]);

    // A file changed: a finding more.
    let path = dir.join("proposals/kept/individual-supervision-agreements.krav");
    let text = std::fs::read_to_string(&path).expect("the example");
    std::fs::write(&path, text.replacen("  owner:", "  ownr:", 1)).expect("a change");
    let changed = check(&[]);
    assert_ne!(before, changed);
    assert!(changed.contains("ownr"), "the change is not judged");
    std::fs::write(&path, &text).expect("the change undone");
    assert_eq!(check(&[]), before);

    // A level, the language.
    assert_ne!(check(&["-A", "TL101"]), before);
    assert_ne!(check(&["--lang", "da"]), before);

    // The ruleset: the default one with a message changed.
    let ruleset =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rulesets/kodeks-for-tillid.toml"))
            .expect("the default ruleset");
    std::fs::write(
        dir.join("changed.toml"),
        ruleset.replace("message = { en = \"", "message = { en = \"(changed) "),
    )
    .expect("a ruleset");
    let changed = check(&["--ruleset", "changed.toml"]);
    assert!(changed.contains("(changed) "), "the changed ruleset is not used");

    // The day: a review date is near on one day and far on another.
    std::fs::copy(dir.join("register/shift-log.krav"), dir.join("proposals/dated.krav")).expect("a copy");
    let near = check(&["--today", "2025-06-01"]);
    let far = check(&["--today", "2019-06-01"]);
    assert_ne!(near, far, "the day changes nothing");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn runs_sharing_a_cache_give_the_same_output() {
    let dir = project("cache-shared");
    let args = ["check", "--format", "sarif", "--register", "register", "proposals"];
    let uncached = run_in(&dir, 2, &[&args[..], &["--no-cache"]].concat());
    for round in 0..3 {
        if round == 0 {
            let _ = std::fs::remove_dir_all(dir.join(".trustlint_cache"));
        }
        let children: Vec<_> = (0..4)
            .map(|_| {
                command(&args)
                    .current_dir(&dir)
                    .stdin(Stdio::null())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("the binary runs")
            })
            .collect();
        for child in children {
            let run = finish(child.wait_with_output().expect("the binary finishes"));
            same(&format!("round {round}"), &uncached, &run);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_cache_is_beside_the_config_file_or_where_asked_and_marked() {
    let dir = project("cache-where");
    let sub = dir.join("proposals");
    // From a subfolder: the config file's folder is the project's root.
    let run = run_in(&sub, 2, &["check", "--format", "short", "."]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    assert!(dir.join(".trustlint_cache").is_dir());
    assert!(!sub.join(".trustlint_cache").exists());
    let tag = std::fs::read_to_string(dir.join(".trustlint_cache/CACHEDIR.TAG")).expect("a CACHEDIR.TAG");
    assert!(tag.starts_with("Signature: 8a477f597d28d172789f06886806bc55"), "{tag}");
    assert_eq!(
        std::fs::read_to_string(dir.join(".trustlint_cache/.gitignore"))
            .ok()
            .as_deref(),
        Some("*\n")
    );
    // Without a config file: the current folder.
    std::fs::remove_file(dir.join("trustlint.toml")).expect("the config removed");
    let _ = run_in(&sub, 2, &["check", "--format", "short", "."]);
    assert!(sub.join(".trustlint_cache").is_dir());
    // --cache-dir.
    let elsewhere = dir.join("elsewhere/cache");
    let _ = run_in(&sub, 2, &["check", "--cache-dir", "../elsewhere/cache", "."]);
    assert!(!entries(&elsewhere).is_empty());
    // A cache that cannot be made: a warning, and the same output.
    std::fs::write(dir.join("a-file"), "").expect("a file");
    let args = ["check", "--format", "short", "--lang", "da", "."];
    let without = run_in(&sub, 2, &[&args[..], &["--cache-dir", "../a-file/cache"]].concat());
    let uncached = run_in(&sub, 2, &[&args[..], &["--no-cache"]].concat());
    assert_eq!(without.stdout, uncached.stdout);
    assert_eq!(without.status, uncached.status);
    assert_eq!(
        without.stderr,
        "advarsel: kan ikke åbne cachen `../a-file/cache`: en del af stien er ikke en mappe; tjekker uden den\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_over_8_mb_is_judged_every_time_and_not_kept() {
    let dir = scratch("cache-large");
    let valid = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(crate::common::VALID))
        .expect("a valid requirement");
    let large = format!("# {}\n{valid}", "x".repeat(8 << 20));
    std::fs::write(dir.join("large.krav"), large).expect("a large file");
    std::fs::write(dir.join("small.krav"), &valid).expect("a small file");
    let args = ["check", "--format", "json", "."];
    let uncached = run_in(&dir, 2, &[&args[..], &["--no-cache"]].concat());
    for round in ["cold", "warm"] {
        same(round, &uncached, &run_in(&dir, 2, &args));
        assert_eq!(
            entries(&dir.join(".trustlint_cache")).len(),
            1,
            "{round}: only the small file is kept"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A ruleset whose checks across files (TL301, TL302) word their texts
/// with fields of the requirement and its element besides the built-ins'
/// own values, as any rule's texts may: a keyed secondary label too.
fn ruleset_reading_fields() -> String {
    let ruleset =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rulesets/kodeks-for-tillid.toml"))
            .expect("the default ruleset");
    let replacements = [
        (
            r#"label = { en = "{hours_per_person_year} of them from this requirement", da = "{hours_per_person_year} af dem fra dette krav" }"#,
            r#"label = { en = "{hours_per_person_year} of them from `{title}` ({people} {people|person|people}, {frequency}, owner {owner}, {hours_per_year} hours in all)", da = "{hours_per_person_year} af dem fra `{title}`" }
secondary = [{ key = "risk", en = "risk {risk.level}: {risk.reason}", da = "risiko {risk.level}" }]"#,
        ),
        (
            r#"message = { en = "`{item}` is also typed in by hand for `{other}`", da = "`{item}` indtastes også i hånden til `{other}`" }"#,
            r#"message = { en = "`{item}` ({modes}) in {id} `{title}` for {scope.units} {scope.units|unit|units} is also typed in by hand for `{other}`", da = "`{item}` indtastes også i hånden til `{other}`" }"#,
        ),
        (
            r#"secondary = [{ en = "and here, for `{other}`", da = "og her, til `{other}`" }]"#,
            r#"secondary = [{ en = "and here, for `{other}` (not `{title}`)", da = "og her, til `{other}`" }]"#,
        ),
    ];
    let mut changed = ruleset;
    for (from, to) in replacements {
        assert!(changed.contains(from), "the default ruleset no longer has {from}");
        changed = changed.replacen(from, to, 1);
    }
    // A second built-in rule on burdens, after TL301: its texts read
    // other fields of the same blocks.
    changed.push_str(
        r#"
[[rule]]
code = "TL399"
name = "cumulative-minutes"
level = "note"
builtin = "cumulative-burden"
label = { en = "{minutes} minutes {frequency}, {cost_dkk} DKK a year for `{id}`", da = "{minutes} minutter" }
summary = { en = "a group's minutes", da = "en gruppes minutter" }
message = { en = "`{group}` gives {group_hours_per_person} hours per person to {requirements} requirements, {people} of them here", da = "`{group}`" }
help = { en = "count the minutes of {title}", da = "tæl minutterne" }
explanation.en = "The minutes of each block on a group that carries too much."
explanation.da = "Minutterne for hver blok på en gruppe, der bærer for meget."

[[rule.quote]]
document = "kodeks"
section = { en = "introduction", da = "indledningen" }
text = 'Sagt med andre ord: jo flere styringskrav, der stilles, jo færre ressourcer kan ledere og medarbejdere bruge på kerneydelserne til gavn for borgeren.'
"#,
    );
    for (fires, people) in [(true, 100), (false, 1)] {
        changed.push_str(&format!(
            "\n[[rule.example]]\nfires = {fires}\nkrav = '''\n{}{}'''\n",
            requirement_with("EX-A", "A", "X", people, 1),
            requirement_with("EX-B", "B", "X", people, 1)
        ));
    }
    changed
}

/// A requirement of the test below: a burden on home care staff and a
/// data item typed in by hand.
fn requirement_with(id: &str, title: &str, owner: &str, people: u32, units: u32) -> String {
    format!(
        "requirement \"{title}\" {{\n  id: {id}\n  owner: \"{owner}\"\n  purpose: safety \"Find residents at risk\"\n  \
         risk: high \"Falls lead to fractures\"\n  scope: {units} units \"the districts\"\n  \
         data: \"Time of the fall\" manual\n  burden \"Home care staff\" {{\n    people: {people}\n    \
         minutes: 40\n    frequency: weekly\n  }}\n  measure: effect \"fractures\"\n  review: after 2 years\n}}\n"
    )
}

#[test]
fn the_checks_across_files_word_their_texts_with_any_field_cold_or_warm() {
    let dir = scratch("cache-builtin-fields");
    std::fs::create_dir_all(dir.join("proposals")).expect("a folder");
    std::fs::write(dir.join("fields.toml"), ruleset_reading_fields()).expect("a ruleset");
    std::fs::write(dir.join("trustlint.toml"), "lang = \"en\"\n").expect("a config");
    let files = [
        (
            "a.krav",
            requirement_with("FALLS-1", "Weekly falls check", "Ældreudvalget", 100, 3),
        ),
        (
            "b.krav",
            requirement_with("FOOD-2", "Weekly nutrition check", "Sundhedsudvalget", 1, 1),
        ),
    ];
    for (name, text) in &files {
        std::fs::write(dir.join("proposals").join(name), text).expect("a file");
    }
    let args = ["check", "--format", "json", "--ruleset", "fields.toml", "proposals"];
    let uncached = run_in(&dir, 2, &[&args[..], &["--no-cache"]].concat());
    assert_eq!(uncached.status, 0, "warnings only: {}", uncached.stderr);
    for expected in [
        // TL301's label and keyed secondary label, for each block.
        "34.7 of them from `Weekly falls check` (100 people, weekly, owner Ældreudvalget, 3,466.7 hours in all)",
        "34.7 of them from `Weekly nutrition check` (1 person, weekly, owner Sundhedsudvalget, 34.7 hours in all)",
        "risk high: Falls lead to fractures",
        // TL302's message and secondary label, at the later requirement.
        "`Time of the fall` (manual) in FOOD-2 `Weekly nutrition check` for 1 unit is also typed in by hand for `FALLS-1`",
        "and here, for `FALLS-1` (not `Weekly nutrition check`)",
        // The second rule on burdens, at each block.
        "`Home care staff` gives 69.3 hours per person to 2 requirements, 100 of them here",
        "40 minutes weekly, 1,386,666.7 DKK a year for `FALLS-1`",
        "count the minutes of Weekly nutrition check",
    ] {
        assert!(
            uncached.stdout.contains(expected),
            "no `{expected}` in\n{}",
            uncached.stdout
        );
    }
    let cold = run_in(&dir, 2, &args);
    same("cold", &uncached, &cold);
    for threads in [1, 2, 4] {
        same(
            &format!("warm, {threads} thread(s)"),
            &uncached,
            &run_in(&dir, threads, &args),
        );
    }
    // One file changed: the other's entry is used, the changed one judged
    // again, and the texts across files are those of the files as they are.
    std::fs::write(
        dir.join("proposals/b.krav"),
        requirement_with("FOOD-2", "Daily nutrition check", "Sundhedsudvalget", 2, 4),
    )
    .expect("a change");
    let uncached = run_in(&dir, 2, &[&args[..], &["--no-cache"]].concat());
    for expected in [
        "34.7 of them from `Daily nutrition check` (2 people, weekly, owner Sundhedsudvalget, 69.3 hours in all)",
        "in FOOD-2 `Daily nutrition check` for 4 units is also typed in by hand for `FALLS-1`",
    ] {
        assert!(
            uncached.stdout.contains(expected),
            "no `{expected}` in\n{}",
            uncached.stdout
        );
    }
    same("one file changed", &uncached, &run_in(&dir, 2, &args));
    same("one file changed, warm", &uncached, &run_in(&dir, 1, &args));
    let _ = std::fs::remove_dir_all(&dir);
}
