//! The cache of per-file results, as ruff's: what checking a file gave
//! (its parts, findings and the facts the checks across files need) is
//! kept in `.trustlint_cache/`, so a file whose bytes, name, ruleset,
//! levels, language and trustlint are all unchanged is read and hashed
//! only. The checks across files (TL006, TL007, the built-ins) still run
//! every time, over the facts kept.
//!
//! One entry a file: its name says which file (the file's name and whether
//! it is in the register), and its header holds the key of what it was
//! made from (a hash of the run's context and the file's bytes) and a
//! checksum. A changed file overwrites its entry, so the folder holds one
//! entry per file checked, not one per version of it. An entry that is
//! torn, truncated, foreign or made from anything else is not used, and is
//! written anew. Entries are written to a temporary file and renamed into
//! place: two runs sharing the folder never read half an entry, and the
//! last one to write wins. They are not synced to disk: a torn entry after
//! a crash fails its checksum and is made again.
//!
//! The key is XXH3's 128-bit hash: fast (the bytes of every file are hashed
//! on every run) and, for files that are not made to collide on purpose,
//! as good as unique (two of a million files share a hash with odds about
//! 10^-27). It is not a cryptographic hash: someone who can write both
//! versions of a file could craft two with the same hash; where that
//! matters, check with `--no-cache`.
//!
//! The folder is created with a `CACHEDIR.TAG` (backup tools skip it) and
//! a `.gitignore` of `*` (git ignores it), as ruff does. Within it, each
//! version of trustlint has its own folder.

pub mod record;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

/// The folder's name, beside the config file (or in the current folder).
pub const FOLDER: &str = ".trustlint_cache";

/// What marks the folder as a cache (<https://bford.info/cachedir/>).
const CACHEDIR_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This file is a cache directory tag created by trustlint.\n\
# For information about cache directory tags see https://bford.info/cachedir/\n";

/// The layout of an entry; raised when the records change shape.
const FORMAT: u32 = 1;

const MAGIC: &[u8; 8] = b"TLCACHE\0";

/// Header: magic, format, key, payload length; then the payload, then the
/// checksum of everything before it.
const HEADER: usize = 8 + 4 + 16 + 8;
const CHECKSUM: usize = 8;

/// An entry larger than this is not written (nor read): the files kept are
/// at most 8 MB and their results a few times their size; a file whose
/// findings would take more is judged every time.
const MAX_ENTRY: u64 = 256 << 20;

/// A cache folder, opened for one run.
#[derive(Debug)]
pub struct Cache {
    /// This version's folder within the cache folder.
    dir: PathBuf,
}

/// This build of trustlint, named by its source (see `build.rs`): entries
/// of another build, whose rules or messages may differ, are not used.
const PROGRAM: &str = concat!(env!("CARGO_PKG_VERSION"), " ", env!("TRUSTLINT_SOURCE_HASH"));

/// What an entry was made from: the run's context and the file's bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key(u128);

/// Where a file's entry is, and what it must have been made from.
#[derive(Clone, Debug)]
pub struct Slot {
    path: PathBuf,
    key: Key,
}

impl Cache {
    /// Opens (creating it as needed) the cache folder `root`.
    pub fn open(root: &Path) -> io::Result<Cache> {
        std::fs::create_dir_all(root)?;
        for (name, text) in [("CACHEDIR.TAG", CACHEDIR_TAG), (".gitignore", "*\n")] {
            let path = root.join(name);
            if !path.exists() {
                write_replacing(&path, text.as_bytes())?;
            }
        }
        let dir = root.join(env!("CARGO_PKG_VERSION"));
        std::fs::create_dir_all(&dir)?;
        Ok(Cache { dir })
    }

    /// The context's part of every key of a run: the program and what
    /// the check stage says changes a file's results.
    pub fn context(&self, context: &[u8]) -> u128 {
        let mut hasher = Xxh3::new();
        hasher.update(&FORMAT.to_le_bytes());
        hash_field(&mut hasher, PROGRAM.as_bytes());
        hash_field(&mut hasher, context);
        hasher.digest128()
    }

    /// The slot of the file called `name` with the bytes `bytes`, in a run
    /// of context `context` (from [`Cache::context`]).
    pub fn slot(&self, context: u128, name: &str, in_register: bool, bytes: &[u8]) -> Slot {
        let mut hasher = Xxh3::new();
        hash_field(&mut hasher, name.as_bytes());
        hasher.update(&[u8::from(in_register)]);
        let file = hasher.digest128();
        hasher.update(&context.to_le_bytes());
        hash_field(&mut hasher, bytes);
        Slot {
            path: self.dir.join(format!("{file:032x}")),
            key: Key(hasher.digest128()),
        }
    }

    /// The payload of the entry in `slot`, if there is one made from
    /// exactly its key, whole.
    pub fn read(&self, slot: &Slot) -> Option<Vec<u8>> {
        let bytes = read_bounded(&slot.path)?;
        unwrap(&bytes, slot.key).map(|payload| payload.to_vec())
    }

    /// Writes `payload` as the entry in `slot`, replacing what was there.
    /// A cache that cannot be written is no error: the check's results do
    /// not depend on it.
    pub fn write(&self, slot: &Slot, payload: &[u8]) {
        if payload.len() as u64 + (HEADER + CHECKSUM) as u64 > MAX_ENTRY {
            return;
        }
        let _ = write_replacing(&slot.path, &wrap(payload, slot.key));
    }
}

/// A field of a hash, with its length first (so "ab"+"c" is not "a"+"bc").
fn hash_field(hasher: &mut Xxh3, bytes: &[u8]) {
    hasher.update(&(bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
}

/// An entry: header, payload, checksum.
fn wrap(payload: &[u8], key: Key) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(HEADER + payload.len() + CHECKSUM);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&FORMAT.to_le_bytes());
    bytes.extend_from_slice(&key.0.to_le_bytes());
    bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    bytes.extend_from_slice(payload);
    let checksum = xxh3_64(&bytes);
    bytes.extend_from_slice(&checksum.to_le_bytes());
    bytes
}

/// The payload of an entry made from `key`; nothing if it is anything else.
fn unwrap(bytes: &[u8], key: Key) -> Option<&[u8]> {
    let (body, checksum) = bytes.split_at_checked(bytes.len().checked_sub(CHECKSUM)?)?;
    let (header, payload) = body.split_at_checked(HEADER)?;
    let ok = header[..8] == *MAGIC
        && header[8..12] == FORMAT.to_le_bytes()
        && header[12..28] == key.0.to_le_bytes()
        && header[28..36] == (payload.len() as u64).to_le_bytes()
        && checksum == xxh3_64(body).to_le_bytes();
    ok.then_some(payload)
}

/// A file's bytes, unless it is not a regular file or larger than an
/// entry can be.
fn read_bounded(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() > MAX_ENTRY {
        return None;
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // One byte more than the limit: a file that grew meanwhile is refused.
    file.take(MAX_ENTRY + 1).read_to_end(&mut bytes).ok()?;
    (bytes.len() as u64 <= MAX_ENTRY).then_some(bytes)
}

/// Writes `bytes` to `path` through a temporary file beside it, renamed
/// into place: a reader sees the old file or the new one, never a part.
fn write_replacing(path: &Path, bytes: &[u8]) -> io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    let temporary = path.with_file_name(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .and_then(|mut file| file.write_all(bytes))
        .and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_read_back_only_whole_and_for_its_key() {
        let key = Key(0x1234_5678_9abc_def0_1122_3344_5566_7788);
        let entry = wrap(b"the results", key);
        assert_eq!(unwrap(&entry, key), Some(&b"the results"[..]));
        assert_eq!(unwrap(&entry, Key(key.0 ^ 1)), None, "another key");
        for cut in 0..entry.len() {
            assert_eq!(unwrap(&entry[..cut], key), None, "truncated at {cut}");
        }
        for at in 0..entry.len() {
            let mut flipped = entry.clone();
            flipped[at] ^= 0x20;
            assert_eq!(unwrap(&flipped, key), None, "byte {at} changed");
        }
        let mut longer = entry.clone();
        longer.push(0);
        assert_eq!(unwrap(&longer, key), None, "a byte more");
    }

    #[test]
    fn the_folder_is_marked_and_entries_replace_each_other() {
        let root = std::env::temp_dir().join(format!("trustlint-cache-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let cache = Cache::open(&root).expect("the cache opens");
        assert!(std::fs::read_to_string(root.join("CACHEDIR.TAG"))
            .expect("the tag")
            .starts_with("Signature: 8a477f597d28d172789f06886806bc55"));
        assert_eq!(
            std::fs::read_to_string(root.join(".gitignore")).ok().as_deref(),
            Some("*\n")
        );
        let context = cache.context(b"ruleset");
        let old = cache.slot(context, "a.krav", false, b"old");
        let new = cache.slot(context, "a.krav", false, b"new");
        assert_eq!(old.path, new.path, "one entry per file");
        assert_ne!(old.key, new.key);
        assert_ne!(cache.slot(context, "a.krav", true, b"old").path, old.path);
        assert_ne!(
            cache.slot(cache.context(b"other"), "a.krav", false, b"old").key,
            old.key
        );
        cache.write(&old, b"old results");
        assert_eq!(cache.read(&old).as_deref(), Some(&b"old results"[..]));
        cache.write(&new, b"new results");
        assert_eq!(cache.read(&old), None);
        assert_eq!(cache.read(&new).as_deref(), Some(&b"new results"[..]));
        let left: Vec<_> = std::fs::read_dir(&cache.dir).expect("the folder").collect();
        assert_eq!(left.len(), 1, "no temporary files left: {left:?}");
        let _ = std::fs::remove_dir_all(&root);
    }
}
