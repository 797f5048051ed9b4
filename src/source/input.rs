//! Finding and reading the files to check: paths, directories (every
//! `.krav` file below them) and `-` for standard input. A file that cannot
//! be read, or is not UTF-8, is still added, so that it is reported (TL010)
//! while the others are checked.
//!
//! Reading is bounded: only regular files are opened (a named pipe or a
//! device would block or never end), never more than a size limit is read,
//! a folder walk follows a symbolic link only to a file inside the folder,
//! and a file reached twice is read once.

use crate::diagnostics::{messages as m, Lang};
use crate::source::{FileId, SourceFile, SourceMap};
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The default limit on the size of one file: far above any real proposal
/// (a few kilobytes), low enough that `/dev/zero` or a runaway file cannot
/// take the machine's memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 256 << 20;

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
    /// A symbolic link found in a folder walk, shown by its own name and
    /// read from its target (resolved, inside the folder).
    Link {
        name: PathBuf,
        target: PathBuf,
    },
    /// Something found that is reported rather than read.
    Unreadable(PathBuf, IoReason),
}

/// How folders are walked.
#[derive(Clone, Copy, Debug)]
pub struct WalkOptions {
    /// Leave out what `.gitignore` (and `.ignore`, git's exclude files)
    /// ignore, and hidden files and folders, as ripgrep and ruff do.
    pub ignore: bool,
}

impl Default for WalkOptions {
    fn default() -> Self {
        WalkOptions { ignore: true }
    }
}

/// Expands paths into the files to check, in a stable order: explicit files
/// as given, directories walked in sorted order. Symbolic links to
/// directories are not followed, so a link loop cannot trap the walk; a
/// link to a file is followed only when the file is inside the folder
/// walked. A file reached twice (named twice, inside a folder also named,
/// through a link) and `-` given twice are kept once, at their first place.
///
/// `select` decides which files found in a folder are checked (the
/// config's include/exclude); files named on the command line always are.
pub fn discover(
    paths: &[PathBuf],
    select: &dyn Fn(&Path) -> bool,
    options: WalkOptions,
) -> Result<Vec<Input>, InputError> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, select, options, &mut inputs);
        } else if path.symlink_metadata().is_ok() {
            inputs.push(Input::File(path.clone()));
        } else {
            return Err(InputError::Missing(path.clone()));
        }
    }
    if inputs.is_empty() {
        return Err(InputError::NothingFound(paths.to_vec()));
    }
    Ok(once_each(inputs))
}

/// The inputs without repeats: the same file (by device and inode where
/// there are such, else by resolved path) or standard input twice.
fn once_each(inputs: Vec<Input>) -> Vec<Input> {
    let mut seen = HashSet::new();
    inputs
        .into_iter()
        .filter(|input| {
            let key = match input {
                Input::Stdin => Identity::Stdin,
                Input::File(path) => identity(path),
                Input::Link { target, .. } => identity(target),
                Input::Unreadable(path, _) => Identity::Path(path.clone()),
            };
            seen.insert(key)
        })
        .collect()
}

#[derive(PartialEq, Eq, Hash)]
enum Identity {
    Stdin,
    #[cfg_attr(not(unix), allow(dead_code))]
    Inode(u64, u64),
    Path(PathBuf),
}

fn identity(path: &Path) -> Identity {
    #[cfg(unix)]
    if let Ok(meta) = std::fs::metadata(path) {
        use std::os::unix::fs::MetadataExt;
        return Identity::Inode(meta.dev(), meta.ino());
    }
    Identity::Path(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
}

fn walk(dir: &Path, select: &dyn Fn(&Path) -> bool, options: WalkOptions, inputs: &mut Vec<Input>) {
    let root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut builder = ignore::WalkBuilder::new(dir);
    builder
        .standard_filters(options.ignore)
        // A `.gitignore` says what is not the project's, in a git
        // repository or not.
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b));
    for entry in builder.build() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                // An unreadable folder is reported like an unreadable file.
                if let (Some(path), Some(io)) = (error_path(&err), err.io_error()) {
                    inputs.push(Input::Unreadable(path.to_path_buf(), IoReason::of(io)));
                }
                continue;
            }
        };
        let path = entry.path();
        let Some(kind) = entry.file_type() else { continue };
        if entry.depth() == 0 || kind.is_dir() || path.extension().is_none_or(|ext| ext != "krav") || !select(path) {
            continue;
        }
        if !kind.is_symlink() {
            inputs.push(Input::File(path.to_path_buf()));
            continue;
        }
        match std::fs::canonicalize(path) {
            // A dangling link is reported; a link to a folder is not walked.
            Err(err) => inputs.push(Input::Unreadable(path.to_path_buf(), IoReason::of(&err))),
            Ok(target) if target.is_dir() => {}
            Ok(target) if target.starts_with(&root) => inputs.push(Input::Link {
                name: path.to_path_buf(),
                target,
            }),
            Ok(_) => inputs.push(Input::Unreadable(path.to_path_buf(), IoReason::OutsideFolder)),
        }
    }
}

fn error_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => error_path(err),
        ignore::Error::Partial(errs) => errs.first().and_then(error_path),
        _ => None,
    }
}

/// The name standard input is shown by when `--stdin-filename` gives none.
pub const STDIN_NAME: &str = "<stdin>";

/// Reads every input into the source map (in parallel, keeping their
/// order), returning each file's load error. Standard input is named
/// `stdin_name`; no file is read past `limit` bytes.
pub fn load(inputs: &[Input], stdin_name: &str, limit: u64, sources: &mut SourceMap) -> Vec<Option<LoadError>> {
    use rayon::prelude::*;
    let read: Vec<(SourceFile, Option<LoadError>)> = inputs
        .par_iter()
        .map(|input| read_input(input, stdin_name, limit))
        .collect();
    read.into_iter()
        .map(|(file, error)| {
            sources.add(file);
            error
        })
        .collect()
}

/// One input read as a file to check, with why it could not be, if so.
pub fn read_input(input: &Input, stdin_name: &str, limit: u64) -> (SourceFile, Option<LoadError>) {
    let (name, bytes) = match input {
        Input::Stdin => (stdin_name.to_owned(), read_limited(std::io::stdin().lock(), limit, 0)),
        Input::File(path) => (path.display().to_string(), read_file(path, limit)),
        Input::Link { name, target } => (name.display().to_string(), read_file(target, limit)),
        Input::Unreadable(path, reason) => (path.display().to_string(), Err(reason.clone())),
    };
    from_read(name, bytes)
}

/// The inputs read as a check streams through them: a window at a time,
/// and again at the end for the findings across files, which point into
/// files read long before. Standard input can be read once, so it is kept;
/// a file is read again only if its content is what was checked (a hash
/// of it is kept), else it is shown empty rather than with lines it did
/// not have when checked.
pub struct Lazy<'a> {
    inputs: &'a [Input],
    stdin_name: &'a str,
    limit: u64,
    stdin: std::sync::Mutex<Option<(String, Option<LoadError>)>>,
    hashes: std::sync::Mutex<Vec<Option<u64>>>,
}

impl<'a> Lazy<'a> {
    pub fn new(inputs: &'a [Input], stdin_name: &'a str, limit: u64) -> Self {
        Lazy {
            inputs,
            stdin_name,
            limit,
            stdin: std::sync::Mutex::new(None),
            hashes: std::sync::Mutex::new(vec![None; inputs.len()]),
        }
    }

    /// The beginning of input `index` (at most 64 KiB), enough to tell
    /// which language it is written in without reading it whole.
    pub fn beginning(&self, index: usize) -> String {
        const BEGINNING: u64 = 64 << 10;
        let path = match &self.inputs[index] {
            Input::Stdin => {
                let (file, _) = self.read(index, false);
                let mut end = file.text.len().min(BEGINNING as usize);
                while !file.text.is_char_boundary(end) {
                    end -= 1;
                }
                return file.text[..end].to_owned();
            }
            Input::File(path) | Input::Link { target: path, .. } => path,
            Input::Unreadable(..) => return String::new(),
        };
        // Only a regular file is opened (see `read_file`).
        let mut bytes = Vec::new();
        if std::fs::metadata(path).is_ok_and(|meta| meta.is_file()) {
            if let Ok(file) = std::fs::File::open(path) {
                let _ = file.take(BEGINNING).read_to_end(&mut bytes);
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    }

    fn read(&self, index: usize, again: bool) -> (SourceFile, Option<LoadError>) {
        let input = &self.inputs[index];
        if *input == Input::Stdin {
            let mut kept = self.stdin.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            if let Some((text, error)) = kept.as_ref() {
                return (SourceFile::new(self.stdin_name, text.clone()), error.clone());
            }
            let (file, error) = read_input(input, self.stdin_name, self.limit);
            *kept = Some((file.text.clone(), error.clone()));
            return (file, error);
        }
        let (file, error) = read_input(input, self.stdin_name, self.limit);
        let hash = super::content_hash(file.text.as_bytes());
        let mut hashes = self.hashes.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        match (again, hashes[index]) {
            (true, Some(first)) if first != hash => (SourceFile::new(file.name, String::new()), error),
            _ => {
                hashes[index] = Some(hash);
                (file, error)
            }
        }
    }
}

impl super::Files for Lazy<'_> {
    fn len(&self) -> usize {
        self.inputs.len()
    }

    fn batch(&self, ids: &[FileId]) -> super::Batch<'_> {
        self.batch_of(ids, false)
    }

    fn again(&self, ids: &[FileId]) -> super::Batch<'_> {
        self.batch_of(ids, true)
    }
}

impl Lazy<'_> {
    fn batch_of(&self, ids: &[FileId], again: bool) -> super::Batch<'_> {
        use rayon::prelude::*;
        let read: Vec<(SourceFile, Option<LoadError>)> = ids
            .par_iter()
            .filter(|id| id.0 < self.inputs.len())
            .map(|id| self.read(id.0, again))
            .collect();
        let mut sources = SourceMap::new();
        let mut errors = Vec::with_capacity(read.len());
        for (id, (file, error)) in ids.iter().filter(|id| id.0 < self.inputs.len()).zip(read) {
            sources.insert(*id, file);
            errors.push(error);
        }
        super::Batch::Read(sources, errors)
    }
}

/// Reads a regular file of at most `limit` bytes. Anything else (a named
/// pipe, a device, a socket, a folder) is refused without being opened
/// for reading, so it can neither block nor pour out bytes without end.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, IoReason> {
    let meta = std::fs::metadata(path).map_err(|err| IoReason::of(&err))?;
    regular(&meta, limit)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Should the path have become a pipe since, opening does not wait.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|err| IoReason::of(&err))?;
    let meta = file.metadata().map_err(|err| IoReason::of(&err))?;
    regular(&meta, limit)?;
    // Sized to the file: grown by doubling, a large file's buffer would
    // be copied on the way and twice its size at the end.
    read_limited(file, limit, meta.len())
}

/// [`read_file`] as text, for rulesets and configs.
pub fn read_text(path: &Path, limit: u64) -> Result<String, IoReason> {
    String::from_utf8(read_file(path, limit)?).map_err(|_| IoReason::NotUtf8)
}

fn regular(meta: &std::fs::Metadata, limit: u64) -> Result<(), IoReason> {
    if !meta.is_file() {
        return Err(IoReason::NotRegular(FileKind::of(&meta.file_type())));
    }
    if meta.len() > limit {
        return Err(IoReason::TooLarge { limit });
    }
    Ok(())
}

/// At most `limit` bytes from `reader`; more is an error, not a cut.
fn read_limited(reader: impl Read, limit: u64, expected: u64) -> Result<Vec<u8>, IoReason> {
    let mut bytes = Vec::with_capacity(usize::try_from(expected.min(limit)).unwrap_or(0));
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|err| IoReason::of(&err))?;
    if bytes.len() as u64 > limit {
        return Err(IoReason::TooLarge { limit });
    }
    Ok(bytes)
}

/// A source file from what reading gave, with the reason it is unusable.
pub fn from_bytes(name: String, bytes: std::io::Result<Vec<u8>>) -> (SourceFile, Option<LoadError>) {
    from_read(name, bytes.map_err(|err| IoReason::of(&err)))
}

fn from_read(name: String, bytes: Result<Vec<u8>, IoReason>) -> (SourceFile, Option<LoadError>) {
    match bytes {
        Err(reason) => (SourceFile::new(name, String::new()), Some(LoadError::Io(reason))),
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

/// What a path is when it is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileKind {
    Directory,
    NamedPipe,
    Socket,
    Device,
    Other,
}

impl FileKind {
    fn of(kind: &std::fs::FileType) -> FileKind {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                return FileKind::NamedPipe;
            }
            if kind.is_socket() {
                return FileKind::Socket;
            }
            if kind.is_char_device() || kind.is_block_device() {
                return FileKind::Device;
            }
        }
        if kind.is_dir() {
            FileKind::Directory
        } else {
            FileKind::Other
        }
    }
}

/// Why reading or writing a file failed, kept so that it can be said in
/// either language.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum IoReason {
    Os {
        kind: std::io::ErrorKind,
        /// The operating system's own words, for the kinds the table lacks.
        os_text: String,
    },
    NotRegular(FileKind),
    TooLarge {
        limit: u64,
    },
    /// A link in a folder walk to a file outside the folder.
    OutsideFolder,
    /// A ruleset or config that is not UTF-8.
    NotUtf8,
}

impl IoReason {
    pub fn of(err: &std::io::Error) -> IoReason {
        let text = err.to_string();
        // Without Rust's "(os error 2)" suffix.
        let os_text = match text.find(" (os error") {
            Some(cut) => text[..cut].to_lowercase(),
            None => text,
        };
        IoReason::Os {
            kind: err.kind(),
            os_text,
        }
    }

    pub fn kind(&self) -> Option<std::io::ErrorKind> {
        match self {
            IoReason::Os { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        match self {
            IoReason::Os { kind, os_text } => match kind {
                std::io::ErrorKind::NotFound => m::NO_SUCH_FILE.get(lang).to_owned(),
                std::io::ErrorKind::PermissionDenied => m::PERMISSION_DENIED.get(lang).to_owned(),
                std::io::ErrorKind::IsADirectory => m::IS_A_DIRECTORY.get(lang).to_owned(),
                std::io::ErrorKind::NotADirectory => m::NOT_A_DIRECTORY.get(lang).to_owned(),
                std::io::ErrorKind::ReadOnlyFilesystem => m::READ_ONLY_FILE_SYSTEM.get(lang).to_owned(),
                _ => os_text.clone(),
            },
            IoReason::NotRegular(kind) => match kind {
                FileKind::Directory => m::IS_A_DIRECTORY,
                FileKind::NamedPipe => m::IS_A_NAMED_PIPE,
                FileKind::Socket => m::IS_A_SOCKET,
                FileKind::Device => m::IS_A_DEVICE,
                FileKind::Other => m::NOT_A_REGULAR_FILE,
            }
            .get(lang)
            .to_owned(),
            IoReason::TooLarge { limit } => m::FILE_TOO_LARGE.fill(lang, &[("limit", &format_size(*limit))]),
            IoReason::OutsideFolder => m::LINK_OUTSIDE_FOLDER.get(lang).to_owned(),
            IoReason::NotUtf8 => m::SETTINGS_NOT_UTF8.get(lang).to_owned(),
        }
    }
}

/// A size as `--max-file-size` takes it: `256M`, `64K`, `1G` (powers of
/// 1024, as ripgrep's `--max-filesize`) or a number of bytes.
pub fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let (digits, shift) = match text.as_bytes().last()? {
        b'K' | b'k' => (&text[..text.len() - 1], 10),
        b'M' | b'm' => (&text[..text.len() - 1], 20),
        b'G' | b'g' => (&text[..text.len() - 1], 30),
        _ => (text, 0),
    };
    digits.parse::<u64>().ok()?.checked_mul(1 << shift)
}

/// The inverse of [`parse_size`], in the largest unit that divides it.
pub fn format_size(size: u64) -> String {
    for (shift, unit) in [(30, "G"), (20, "M"), (10, "K")] {
        if size >= 1 << shift && size % (1 << shift) == 0 {
            return format!("{}{unit}", size >> shift);
        }
    }
    size.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_and_print_alike() {
        assert_eq!(parse_size("256M"), Some(256 << 20));
        assert_eq!(parse_size("64k"), Some(64 << 10));
        assert_eq!(parse_size("1000"), Some(1000));
        assert_eq!(parse_size("x"), None);
        assert_eq!(parse_size("99999999999G"), None);
        assert_eq!(format_size(256 << 20), "256M");
        assert_eq!(format_size(1000), "1000");
    }
}
