//! `trustlint.toml`: found by walking up from the current directory (or
//! given with `--config`). It sets the ruleset, the message language, which
//! files a folder walk checks (`include`/`exclude` globs, relative to the
//! config's folder), rule levels (`[rules]`, by code or name) and ruleset
//! parameters (`[params]`). An unknown key or a bad value is a TL013
//! diagnostic with its span in the TOML.

use super::Levels;
use crate::diagnostics::{lints, messages as m, Diagnostic, Lang, Level, Registry};
use crate::engine::params::{ParamValue, Params};
use crate::source::{FileId, Span};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

pub const FILE_NAME: &str = "trustlint.toml";

/// A loaded configuration.
#[derive(Debug, Default)]
pub struct Config {
    /// The folder the config file is in; relative paths start here.
    pub dir: PathBuf,
    /// A ruleset name, or a path resolved against `dir`.
    pub ruleset: Option<String>,
    pub lang: Option<Lang>,
    /// The register of requirements in force, resolved against `dir`.
    pub register: Option<PathBuf>,
    pub include: Option<GlobSet>,
    pub exclude: Option<GlobSet>,
    /// `[rules]`: a code or name, the level, and where it was written.
    pub rules: Vec<(String, Level, Span)>,
    /// `[params]`: a parameter path (`a` or `a.b`), its value, its span.
    pub params: Vec<(String, ParamValue, Span)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    ruleset: Option<Spanned<String>>,
    lang: Option<Spanned<String>>,
    register: Option<String>,
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    params: BTreeMap<String, Spanned<toml::Value>>,
}

/// What config discovery found: the nearest `trustlint.toml` that is safe
/// to use, and those passed over on the way because they are not.
#[derive(Debug, Default)]
pub struct Discovered {
    pub path: Option<PathBuf>,
    pub skipped: Vec<PathBuf>,
}

/// The nearest `trustlint.toml` in `start` or a folder above it. As git's
/// `safe.directory`, a file that belongs to neither the user nor root, in a
/// folder anyone may write to or that belongs to someone else, is passed
/// over: it could name the ruleset that runs in the user's CI.
pub fn discover(start: &Path) -> Discovered {
    let mut found = Discovered::default();
    for dir in start.ancestors() {
        let path = dir.join(FILE_NAME);
        if !path.is_file() {
            continue;
        }
        if trusted(&path, dir) {
            found.path = Some(path);
            break;
        }
        found.skipped.push(path);
    }
    found
}

#[cfg(unix)]
fn trusted(path: &Path, dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let user = unsafe { libc::geteuid() };
    let ours = |uid: u32| uid == user || uid == 0;
    let (Ok(file), Ok(folder)) = (std::fs::metadata(path), std::fs::metadata(dir)) else {
        return false;
    };
    ours(file.uid()) || (folder.mode() & 0o002 == 0 && ours(folder.uid()))
}

#[cfg(not(unix))]
fn trusted(_path: &Path, _dir: &Path) -> bool {
    true
}

/// Whether `path` (relative to `dir`, or absolute) lies in `dir` or below,
/// both as written and, where it exists, once links are resolved.
fn inside(path: &Path, dir: &Path) -> bool {
    let absolute = |p: &Path| normalise(&std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()));
    if !absolute(path).starts_with(absolute(dir)) {
        return false;
    }
    match (std::fs::canonicalize(path), std::fs::canonicalize(dir)) {
        (Ok(path), Ok(dir)) => path.starts_with(dir),
        _ => true,
    }
}

/// Reads a config's text (in `file`), with relative paths against `dir`.
/// What is wrong is said in `lang` (the language of `--lang` or the
/// locale: the config's own `lang` is not known yet).
pub fn load(file: FileId, text: &str, dir: &Path, lang: Lang) -> Result<Config, Vec<Diagnostic>> {
    let error = |span: std::ops::Range<usize>, message: String, help: &str| {
        lints::INVALID_CONFIG
            .at(file, Span::new(span.start, span.end), message)
            .with_help(help.to_owned())
    };
    let parsed: File = toml::from_str(text).map_err(|err| vec![not_read(&err, lang, &error)])?;
    let mut errors = Vec::new();
    let mut config = Config {
        dir: dir.to_path_buf(),
        ..Config::default()
    };
    if let Some(ruleset) = parsed.ruleset {
        // A built-in name, else a file in the config's own folder tree: a
        // repository's config must not make CI read `/proc/self/environ`
        // (a path on the command line is the user's own choice).
        let value = ruleset.get_ref();
        if crate::engine::ruleset::is_built_in(value) {
            config.ruleset = Some(value.clone());
        } else if inside(&dir.join(value), dir) {
            config.ruleset = Some(dir.join(value).to_string_lossy().into_owned());
        } else {
            errors.push(error(
                ruleset.span(),
                m::RULESET_OUTSIDE_CONFIG.fill(lang, &[("path", value)]),
                m::RULESET_OUTSIDE_CONFIG_HELP.get(lang),
            ));
        }
    }
    config.register = parsed.register.map(|register| dir.join(register));
    if let Some(chosen) = parsed.lang {
        match Lang::parse(chosen.get_ref()) {
            Some(l) => config.lang = Some(l),
            None => errors.push(error(
                chosen.span(),
                m::UNKNOWN_LANGUAGE.fill(lang, &[("lang", chosen.get_ref())]),
                m::LANG_HELP.get(lang),
            )),
        }
    }
    for (globs, slot) in [
        (&parsed.include, &mut config.include),
        (&parsed.exclude, &mut config.exclude),
    ] {
        let Some(globs) = globs else { continue };
        let mut builder = GlobSetBuilder::new();
        for glob in globs {
            match Glob::new(glob.get_ref()) {
                Ok(g) => {
                    builder.add(g);
                }
                Err(err) => errors.push(error(
                    glob.span(),
                    m::NOT_A_GLOB.fill(lang, &[("reason", &err.kind().to_string())]),
                    m::GLOB_HELP.get(lang),
                )),
            }
        }
        match builder.build() {
            Ok(set) => *slot = Some(set),
            Err(err) => errors.push(error(
                0..0,
                m::GLOBS_DO_NOT_BUILD.fill(lang, &[("reason", &err.to_string())]),
                m::GLOBS_HELP.get(lang),
            )),
        }
    }
    for (selector, level) in &parsed.rules {
        match Level::parse(level.get_ref()) {
            Some(l) => config.rules.push((
                selector.get_ref().clone(),
                l,
                Span::new(selector.span().start, selector.span().end),
            )),
            None => errors.push(error(
                level.span(),
                m::UNKNOWN_LEVEL.fill(lang, &[("level", level.get_ref())]),
                m::LEVELS_HELP.get(lang),
            )),
        }
    }
    for (name, value) in &parsed.params {
        flatten(
            name,
            value.get_ref(),
            Span::new(value.span().start, value.span().end),
            &mut config.params,
            lang,
            &mut |message| errors.push(error(value.span(), message, m::PARAMS_HELP.get(lang))),
        );
    }
    if errors.is_empty() {
        Ok(config)
    } else {
        Err(errors)
    }
}

/// What TOML or serde refused, said in `lang`: an unknown key by name, with
/// the key it was likely meant to be (serde names the keys it reads); any
/// other error in English as the parser words it, or in plain Danish.
fn not_read(
    err: &toml::de::Error,
    lang: Lang,
    error: &dyn Fn(std::ops::Range<usize>, String, &str) -> Diagnostic,
) -> Diagnostic {
    let span = err.span().unwrap_or(0..0);
    if let Some((key, candidates)) = crate::source::unknown_toml_key(err) {
        let help = crate::model::suggest(key, candidates).map_or_else(
            || m::CONFIG_KEYS_HELP.get(lang).to_owned(),
            |s| m::DID_YOU_MEAN.fill(lang, &[("suggestion", s)]),
        );
        return error(span, m::UNKNOWN_KEY.fill(lang, &[("key", key)]), &help);
    }
    let message = match lang {
        Lang::En => err.message().trim().to_owned(),
        Lang::Da => m::CONFIG_NOT_READ.get(lang).to_owned(),
    };
    error(span, message, m::CONFIG_KEYS_HELP.get(lang))
}

/// `a = { b = 1 }` → `a.b = 1`, so a table entry can be overridden alone.
fn flatten(
    path: &str,
    value: &toml::Value,
    span: Span,
    out: &mut Vec<(String, ParamValue, Span)>,
    lang: Lang,
    error: &mut dyn FnMut(String),
) {
    match value {
        toml::Value::Table(table) => {
            for (key, inner) in table {
                flatten(&format!("{path}.{key}"), inner, span, out, lang, error);
            }
        }
        other => match ParamValue::from_toml(other, lang) {
            Ok(v) => out.push((path.to_owned(), v, span)),
            Err(message) => error(message),
        },
    }
}

/// `path` with `.` dropped and each `..` taking away the name before it,
/// without asking the file system (a symlinked folder is the folder as
/// named, as the walk, which does not follow them, sees it).
fn normalise(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                // `/..` is `/`; a relative path keeps a leading `..`.
                if !normal.pop() && !normal.has_root() {
                    normal.push("..");
                }
            }
            other => normal.push(other),
        }
    }
    normal
}

impl Config {
    /// Whether a file found by walking a folder is checked.
    ///
    /// The globs match the path relative to the config's folder with `.` and
    /// `..` resolved lexically, so `check ..` from a subfolder still leaves
    /// out `drafts/`, and `check ./drafts/..` does not leave out everything.
    pub fn selects(&self, path: &Path) -> bool {
        let absolute = normalise(&std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()));
        let dir = normalise(&std::path::absolute(&self.dir).unwrap_or_else(|_| self.dir.clone()));
        let Ok(relative) = absolute.strip_prefix(&dir) else {
            return true;
        };
        let included = self.include.as_ref().is_none_or(|set| set.is_match(relative));
        let excluded = self.exclude.as_ref().is_some_and(|set| set.is_match(relative));
        included && !excluded
    }

    /// Sets the `[params]` values in a ruleset's parameters; TL013 in the
    /// config's `file` for each one the ruleset does not have or whose value
    /// is of another kind.
    pub fn apply_params(&self, params: &mut Params, file: FileId, lang: Lang) -> Vec<Diagnostic> {
        let mut errors = Vec::new();
        for (path, value, span) in &self.params {
            let name = path.split('.').next().unwrap_or_default();
            if params.names().any(|n| n == name) {
                // The parameter exists: the message says what is wrong with the value.
                if let Err(message) = params.set(path, value.clone(), lang) {
                    errors.push(lints::INVALID_CONFIG.at(file, *span, message));
                }
                continue;
            }
            let help = crate::model::suggest(path, params.names()).map_or_else(
                || m::PARAMS_LIST.fill(lang, &[("names", &params.names().collect::<Vec<_>>().join(", "))]),
                |s| m::DID_YOU_MEAN.fill(lang, &[("suggestion", s)]),
            );
            let message = m::UNKNOWN_PARAM.fill(lang, &[("name", name)]);
            errors.push(lints::INVALID_CONFIG.at(file, *span, message).with_help(help));
        }
        errors
    }

    /// Sets the levels of `[rules]` (a TOML table: in key order); TL013 for every
    /// entry that names no code or rule, or a fixed code.
    pub fn apply_rules(&self, file: FileId, registry: &Registry, levels: &mut Levels, lang: Lang) -> Vec<Diagnostic> {
        self.rules
            .iter()
            .filter_map(|(selector, level, span)| {
                levels.set(registry, selector, *level, lang).err().map(|error| {
                    lints::INVALID_CONFIG
                        .at(file, *span, error.message)
                        .with_help(error.help)
                })
            })
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use serde_json::Value;

    /// The keys the loader reads in the table of `document` that holds
    /// `zz_unknown`, as serde names them when it refuses that key.
    pub(crate) fn keys_read<T: serde::de::DeserializeOwned>(document: &str) -> Vec<String> {
        let Err(error) = toml::from_str::<T>(document) else {
            panic!("`zz_unknown` was accepted in:\n{document}");
        };
        let message = error.message();
        let (_, expected) = message
            .split_once("expected")
            .unwrap_or_else(|| panic!("not an unknown key: {message}"));
        let mut keys: Vec<String> = expected.split('`').skip(1).step_by(2).map(str::to_owned).collect();
        keys.sort();
        keys
    }

    /// The property names of the schema's object at `pointer` (a JSON
    /// pointer into the schema file), following a `$ref`.
    pub(crate) fn schema_keys(schema: &str, pointer: &str) -> Vec<String> {
        let schema: Value = serde_json::from_str(schema).expect("the schema is JSON");
        let mut object = schema.pointer(pointer).expect("the pointer names a schema");
        if let Some(reference) = object.get("$ref").and_then(Value::as_str) {
            object = schema.pointer(&reference[1..]).expect("the $ref names a schema");
        }
        assert_eq!(object["additionalProperties"], false, "{pointer} refuses unknown keys");
        let mut keys: Vec<String> = object["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .cloned()
            .collect();
        keys.sort();
        keys
    }

    #[test]
    fn the_schema_names_every_key_the_loader_reads_and_no_other() {
        let schema = include_str!("../../schemas/trustlint.schema.json");
        assert_eq!(
            schema_keys(schema, ""),
            keys_read::<super::File>("zz_unknown = 1"),
            "schemas/trustlint.schema.json and the config loader disagree"
        );
    }
}
