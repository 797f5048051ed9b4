//! The JSON Schemas editors use for `trustlint.toml` and rulesets
//! (`schemas/`, named by `.taplo.toml` and `#:schema` comments): every
//! config and ruleset the repository ships validates and loads, and what
//! the binary refuses, the schema refuses too. (That the schemas name
//! exactly the keys the loaders read is a unit test beside each loader.)

use crate::common::{schema, scratch, trustlint};
use serde_json::Value;
use std::path::Path;

fn schema_file(name: &str) -> Value {
    let text = std::fs::read_to_string(Path::new("schemas").join(name)).expect("the schema file");
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// A TOML document as the JSON an editor validates.
fn as_json(toml_text: &str) -> Value {
    let value: toml::Value = toml::from_str(toml_text).expect("TOML");
    serde_json::to_value(value).expect("JSON")
}

/// Every keyword a schema uses is one the test validator applies or an
/// annotation, so no constraint the editors enforce goes untested.
fn keywords_known(value: &Value, path: &str, out: &mut Vec<String>) {
    let Value::Object(object) = value else { return };
    for (key, inner) in object {
        if !schema::KEYWORDS.contains(&key.as_str()) {
            out.push(format!("{path}: `{key}`"));
        }
        match key.as_str() {
            // Names of properties and definitions, not keywords.
            "properties" | "definitions" | "$defs" => {
                for (name, child) in inner.as_object().into_iter().flatten() {
                    keywords_known(child, &format!("{path}/{key}/{name}"), out);
                }
            }
            "examples" | "enum" => {}
            _ => keywords_known(inner, &format!("{path}/{key}"), out),
        }
    }
}

#[test]
fn the_schemas_use_only_keywords_the_tests_apply() {
    let mut unknown = Vec::new();
    for name in ["trustlint.schema.json", "ruleset.schema.json"] {
        let schema = schema_file(name);
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#", "{name}");
        keywords_known(&schema, name, &mut unknown);
    }
    assert!(unknown.is_empty(), "keywords the tests do not apply: {unknown:?}");
}

/// The rulesets shipped and tested: each validates, and `ruleset check`
/// accepts it.
#[test]
fn every_ruleset_in_the_repository_validates_and_loads() {
    let schema = schema_file("ruleset.schema.json");
    let mut files: Vec<_> = std::fs::read_dir("rulesets")
        .expect("rulesets/")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert!(files.len() >= 2, "{files:?}");
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read");
        let errors = schema::validate(&schema, &as_json(&text));
        assert!(errors.is_empty(), "{}: {errors:?}", file.display());
        assert!(
            text.starts_with("#:schema ../schemas/ruleset.schema.json\n"),
            "{}",
            file.display()
        );
        let run = trustlint(&["ruleset", "check", file.to_str().expect("utf-8")]);
        assert_eq!(run.status, 0, "{}: {}", file.display(), run.stderr);
    }
}

/// The README's `trustlint.toml`, with the ruleset and register it names,
/// validates and loads; so does every config the documentation shows.
#[test]
fn the_documented_config_validates_and_loads() {
    let schema = schema_file("trustlint.schema.json");
    let readme = std::fs::read_to_string("README.md").expect("README");
    let section = readme.split("### `trustlint.toml`").nth(1).expect("the config section");
    let config = section
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a toml block");
    let errors = schema::validate(&schema, &as_json(config));
    assert!(errors.is_empty(), "{errors:?}");

    let dir = scratch("schema-config");
    std::fs::create_dir_all(dir.join("rulesets")).expect("dir");
    std::fs::create_dir_all(dir.join("register")).expect("dir");
    std::fs::copy("rulesets/kodeks-for-tillid.toml", dir.join("rulesets/our-rules.toml")).expect("copy");
    std::fs::copy(crate::common::VALID, dir.join("forslag.krav")).expect("copy");
    std::fs::copy(
        "examples/kept/afvigelsesrapportering.da.krav",
        dir.join("register/afvigelsesrapportering.da.krav"),
    )
    .expect("copy");
    std::fs::write(dir.join("trustlint.toml"), config).expect("write");
    let run = crate::common::finish(
        crate::common::command(&["check", "--format", "json", "forslag.krav"])
            .current_dir(&dir)
            .output()
            .expect("runs"),
    );
    // Loaded: the proposal was judged (findings or none), not TL013.
    assert!(run.status <= 1, "{}{}", run.stdout, run.stderr);
    assert!(!run.stdout.contains("TL013"), "{}", run.stdout);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Each change the config loader refuses (exit status 2, TL013), the
/// schema refuses as well; the unchanged config passes both.
#[test]
fn what_the_config_loader_refuses_the_schema_refuses() {
    let schema = schema_file("trustlint.schema.json");
    let good = "lang = \"da\"\ninclude = [\"**/*.krav\"]\n\n[rules]\nTL202 = \"allow\"\n\n[params]\nreview_max_years = 3\nhours_per_person_year = { low = 6 }\n";
    let refused = [
        "zz_unknown = 1\n",
        "lang = \"fr\"\n",
        "lang = 1\n",
        "include = \"**/*.krav\"\n",
        "exclude = [1]\n",
        "register = false\n",
        "[rules]\nTL202 = \"fatal\"\n",
        "[rules]\nTL202 = 2\n",
        "[params]\nreview_max_years = true\n",
        "[params]\nhours_per_person_year = { low = [1] }\n",
    ];
    let dir = scratch("schema-config-refused");
    std::fs::copy(crate::common::VALID, dir.join("p.krav")).expect("copy");
    let run_with = |config: &str| {
        std::fs::write(dir.join("trustlint.toml"), config).expect("write");
        crate::common::finish(
            crate::common::command(&["check", "--format", "json", "p.krav"])
                .current_dir(&dir)
                .output()
                .expect("runs"),
        )
    };
    let run = run_with(good);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(schema::validate(&schema, &as_json(good)).is_empty());
    for config in refused {
        let run = run_with(config);
        assert_eq!(run.status, 2, "the loader accepted:\n{config}\n{}", run.stdout);
        assert!(
            run.stdout.contains("TL013") || run.stderr.contains("TL013"),
            "{}{}",
            run.stdout,
            run.stderr
        );
        assert!(
            !schema::validate(&schema, &as_json(config)).is_empty(),
            "the schema accepted what the loader refuses:\n{config}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// An unknown key in every table of a ruleset, a level that does not
/// exist, a missing text, `when` beside `builtin`: `ruleset check` refuses
/// each (TL012), and so does the schema.
#[test]
fn what_the_ruleset_loader_refuses_the_schema_refuses() {
    let schema = schema_file("ruleset.schema.json");
    let good = std::fs::read_to_string("rulesets/sof-fem-principper.toml").expect("read");
    let first_rule = good.find("[[rule]]\n").expect("a rule") + "[[rule]]\n".len();
    let first_example = good.find("[[rule.example]]\n").expect("an example") + "[[rule.example]]\n".len();
    // The first line that starts with `start`, replaced by `line`.
    fn replace_line(text: &str, start: &str, line: &str) -> String {
        let at = text.find(&format!("\n{start}")).expect("the line") + 1;
        let end = at + text[at..].find('\n').expect("a line end");
        format!("{}{line}{}", &text[..at], &text[end..])
    }
    let insert = |at: usize, text: &str| format!("{}{text}{}", &good[..at], &good[at..]);
    let refused = [
        good.replacen("[ruleset]\n", "zz_unknown = 1\n[ruleset]\n", 1),
        good.replacen("[ruleset]\n", "[ruleset]\nzz_unknown = 1\n", 1),
        good.replacen("[examples]\n", "[examples]\nfr = \"\"\n", 1),
        insert(first_rule, "zz_unknown = 1\n"),
        good.replacen("\nlabel = { ", "\nlabel = { zz_unknown = \"x\", ", 1),
        good.replacen("\nhelp = { ", "\nhelp = { zz_unknown = \"x\", ", 1),
        good.replacen("\nhelp = { en = ", "\nhelp = { english = ", 1),
        insert(first_rule, "builtin = \"duplicate-data\"\n"),
        insert(first_rule, "each = \"people\"\n"),
        insert(first_example, "zz_unknown = 1\n"),
        good.replacen("\nbase = \"da\"\n", "\nbase = \"fr\"\n", 1),
        good.replacen("level = \"warning\"", "level = \"fatal\"", 1),
        good.replacen("[ruleset]\nname = ", "[ruleset]\nnamn = ", 1),
        good.replacen("\n[[rule.quote]]\n", "\n[[rule.quote]]\nzz_unknown = 1\n", 1),
        good.replacen("\n[[rule.quote]]\ndocument = ", "\n[[rule.quote]]\ndokument = ", 1),
        replace_line(&good, "section = ", "section = { en = \"1\", da = \"1\", fr = \"1\" }"),
        good.replacen(
            "\n[documents]\n",
            "\n[documents]\nzz = { en = \"x\", da = \"x\", fr = \"x\" }\n",
            1,
        ),
    ];
    let dir = scratch("schema-ruleset-refused");
    let file = dir.join("rules.toml");
    for text in &refused {
        assert_ne!(text, &good, "the change was not made");
        std::fs::write(&file, text).expect("write");
        let run = trustlint(&["ruleset", "check", file.to_str().expect("utf-8")]);
        let changed: Vec<_> = text.lines().filter(|l| !good.contains(l)).collect();
        assert_eq!(run.status, 2, "the loader accepted {changed:?}");
        assert!(
            !schema::validate(&schema, &as_json(text)).is_empty(),
            "the schema accepted what the loader refuses: {changed:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
