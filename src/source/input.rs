//! Finding and reading the files to check: paths, directories (every
//! `.krav` file below them) and `-` for standard input. A file that cannot
//! be read, or is not UTF-8, is still added, so that it is reported (TL010)
//! while the others are checked.

use crate::diagnostics::{messages as m, Lang};
use crate::source::{SourceFile, SourceMap};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why a file's text is missing or partial.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    Io(IoReason),
    /// The bytes up to `valid_up_to` are UTF-8; the text holds the rest
    /// with replacement characters so the place can be shown.
    NotUtf8 {
        valid_up_to: usize,
    },
}

/// Something that stops the command itself (exit status 2).
#[derive(Debug)]
pub enum InputError {
    Missing(PathBuf),
    NothingFound(Vec<PathBuf>),
}

impl InputError {
    /// The one line the command stops with.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            InputError::Missing(path) => m::NO_SUCH_PATH.fill(lang, &[("path", &path.display().to_string())]),
            InputError::NothingFound(paths) => {
                let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                m::NO_KRAV_FILES.fill(lang, &[("paths", &shown.join(", "))])
            }
        }
    }
}

/// One thing to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

/// Expands paths into the files to check, in a stable order: explicit files
/// as given, directories walked in sorted order. Symbolic links to
/// directories are not followed, so a link loop cannot trap the walk.
///
/// `select` decides which files found in a folder are checked (the
/// config's include/exclude); files named on the command line always are.
pub fn discover(paths: &[PathBuf], select: &dyn Fn(&Path) -> bool) -> Result<Vec<Input>, InputError> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, select, &mut inputs);
        } else if path.exists() || path.symlink_metadata().is_ok() {
            inputs.push(Input::File(path.clone()));
        } else {
            return Err(InputError::Missing(path.clone()));
        }
    }
    if inputs.is_empty() {
        return Err(InputError::NothingFound(paths.to_vec()));
    }
    Ok(inputs)
}

fn walk(dir: &Path, select: &dyn Fn(&Path) -> bool, inputs: &mut Vec<Input>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        // An unreadable directory is reported like an unreadable file.
        inputs.push(Input::File(dir.to_path_buf()));
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, select, inputs);
        } else if path.extension().is_some_and(|ext| ext == "krav")
            && !(kind.is_symlink() && path.is_dir())
            && select(&path)
        {
            inputs.push(Input::File(path));
        }
    }
}

/// The name standard input is shown by when `--stdin-filename` gives none.
pub const STDIN_NAME: &str = "<stdin>";

/// Reads every input into the source map (in parallel, keeping their
/// order), returning each file's load error. Standard input is named
/// `stdin_name`.
pub fn load(inputs: &[Input], stdin_name: &str, sources: &mut SourceMap) -> Vec<Option<LoadError>> {
    use rayon::prelude::*;
    let read: Vec<(SourceFile, Option<LoadError>)> = inputs
        .par_iter()
        .map(|input| {
            let (name, bytes) = match input {
                Input::Stdin => {
                    let mut bytes = Vec::new();
                    let result = std::io::stdin().read_to_end(&mut bytes).map(|_| bytes);
                    (stdin_name.to_owned(), result)
                }
                Input::File(path) => (path.display().to_string(), std::fs::read(path)),
            };
            from_bytes(name, bytes)
        })
        .collect();
    read.into_iter()
        .map(|(file, error)| {
            sources.add(file);
            error
        })
        .collect()
}

/// A source file from what reading gave, with the reason it is unusable.
pub fn from_bytes(name: String, bytes: std::io::Result<Vec<u8>>) -> (SourceFile, Option<LoadError>) {
    match bytes {
        Err(err) => (
            SourceFile::new(name, String::new()),
            Some(LoadError::Io(IoReason::of(&err))),
        ),
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => (SourceFile::new(name, text), None),
            Err(err) => {
                let valid_up_to = err.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
                (SourceFile::new(name, text), Some(LoadError::NotUtf8 { valid_up_to }))
            }
        },
    }
}

/// Why reading or writing a file failed, kept so that it can be said in
/// either language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IoReason {
    kind: std::io::ErrorKind,
    /// The operating system's own words, for the kinds the table lacks.
    os_text: String,
}

impl IoReason {
    pub fn of(err: &std::io::Error) -> IoReason {
        let text = err.to_string();
        // Without Rust's "(os error 2)" suffix.
        let os_text = match text.find(" (os error") {
            Some(cut) => text[..cut].to_lowercase(),
            None => text,
        };
        IoReason {
            kind: err.kind(),
            os_text,
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        match self.kind {
            std::io::ErrorKind::NotFound => m::NO_SUCH_FILE.get(lang).to_owned(),
            std::io::ErrorKind::PermissionDenied => m::PERMISSION_DENIED.get(lang).to_owned(),
            std::io::ErrorKind::IsADirectory => m::IS_A_DIRECTORY.get(lang).to_owned(),
            _ => self.os_text.clone(),
        }
    }
}
