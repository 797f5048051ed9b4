//! Writing a file all at once, so an interrupted run never leaves half a
//! file behind, nor a temporary file of its own, and never touches a file
//! it did not create.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `contents` to `path` all at once: into a temporary file beside
/// it, synced, then moved into place, and the folder synced, so an
/// interrupted run leaves either nothing or the whole file. Without
/// `force` an existing file is never replaced (checked by the final link
/// itself, not only beforehand).
///
/// On Linux the temporary file has no name until it is linked into place
/// (`O_TMPFILE`), so even `kill -9` leaves nothing behind; elsewhere, or
/// where the file system cannot, it is a hidden file with a random name,
/// created exclusively and removed on every failure.
pub fn write_atomically(path: &Path, contents: &[u8], force: bool) -> io::Result<()> {
    if !force && path.exists() {
        return Err(io::Error::new(io::ErrorKind::AlreadyExists, "the file exists"));
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    #[cfg(target_os = "linux")]
    if let Some(written) = unnamed::write(dir, path, contents, force) {
        return written.and_then(|()| sync_folder(dir));
    }
    let (mut file, temporary) = create_temporary(dir, path)?;
    let result = (|| {
        file.write_all(contents)?;
        file.sync_all()?;
        drop(file);
        if force {
            std::fs::rename(&temporary, path)
        } else {
            // A hard link fails if the target appeared meanwhile.
            std::fs::hard_link(&temporary, path).and_then(|()| std::fs::remove_file(&temporary))
        }
    })();
    if result.is_err() {
        // Ours: created exclusively above.
        let _ = std::fs::remove_file(&temporary);
    }
    result.and_then(|()| sync_folder(dir))
}

/// A new hidden file beside `path`, with a random name no other file has
/// (it is created exclusively; on a clash another name is tried), short
/// enough for any file system whatever the length of `path`'s name.
fn create_temporary(dir: &Path, path: &Path) -> io::Result<(File, PathBuf)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // 1 + 100 + 1 + 16 + 4 bytes: far below the usual limit of 255.
    let mut cut = name.len().min(100);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut last = None;
    for _ in 0..16 {
        let temporary = dir.join(format!(".{}.{:016x}.tmp", &name[..cut], random()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(file) => return Ok((file, temporary)),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => last = Some(err),
            Err(err) => return Err(err),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

/// 64 random bits from the standard library's hash keys (seeded by the
/// operating system), mixed with the time and the process.
fn random() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    if let Ok(now) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(now.as_nanos());
    }
    hasher.finish()
}

/// Makes the new name itself durable: without it a crash right after the
/// rename can lose the file on some file systems.
fn sync_folder(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(target_os = "linux")]
mod unnamed {
    use std::ffi::CString;
    use std::io::{self, Write};
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::OpenOptionsExt;
    use std::os::unix::io::AsRawFd;
    use std::path::Path;

    /// Writes through an unnamed file (`O_TMPFILE`) linked into place;
    /// `None` when the file system or the kernel cannot make one.
    pub(super) fn write(dir: &Path, path: &Path, contents: &[u8], force: bool) -> Option<io::Result<()>> {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .mode(0o666)
            .custom_flags(libc::O_TMPFILE)
            .open(dir)
            .ok()?;
        let written = file.write_all(contents).and_then(|()| file.sync_all());
        if let Err(err) = written {
            return Some(Err(err));
        }
        let source = CString::new(format!("/proc/self/fd/{}", file.as_raw_fd())).ok()?;
        if force {
            // Linked under a random name, then renamed over the target: only
            // a kill between the two leaves that name behind.
            let (_, temporary) = match super::create_temporary(dir, path) {
                Ok(created) => created,
                Err(err) => return Some(Err(err)),
            };
            // The name is ours; the link needs it free.
            let _ = std::fs::remove_file(&temporary);
            if let Err(err) = link(&source, &temporary) {
                return if err.kind() == io::ErrorKind::NotFound {
                    None
                } else {
                    Some(Err(err))
                };
            }
            let renamed = std::fs::rename(&temporary, path);
            if renamed.is_err() {
                let _ = std::fs::remove_file(&temporary);
            }
            return Some(renamed);
        }
        match link(&source, path) {
            // No /proc: fall back to a named temporary file.
            Err(err) if err.kind() == io::ErrorKind::NotFound => None,
            linked => Some(linked),
        }
    }

    fn link(source: &CString, target: &Path) -> io::Result<()> {
        let target = CString::new(target.as_os_str().as_bytes()).map_err(io::Error::other)?;
        // SAFETY: both are valid NUL-terminated paths that outlive the call.
        let status = unsafe {
            libc::linkat(
                libc::AT_FDCWD,
                source.as_ptr(),
                libc::AT_FDCWD,
                target.as_ptr(),
                libc::AT_SYMLINK_FOLLOW,
            )
        };
        if status == 0 {
            Ok(())
        } else {
            Err(io::Error::last_os_error())
        }
    }
}

/// Replaces the file at `path` by `contents` all at once, as
/// [`write_atomically`], but only if it still holds `expected`: a file
/// changed by someone else since it was read is left alone (`Ok(false)`).
/// The comparison is made after the new text is on disk beside it, right
/// before the rename, so the window for a change to be lost is as short as
/// the file system allows. The file keeps its permissions.
pub fn replace_if_unchanged(path: &Path, expected: &[u8], contents: &[u8]) -> io::Result<bool> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let permissions = std::fs::metadata(path)?.permissions();
    let (mut file, temporary) = create_temporary(dir, path)?;
    let result = (|| {
        file.write_all(contents)?;
        file.set_permissions(permissions)?;
        file.sync_all()?;
        drop(file);
        if std::fs::read(path)? != expected {
            return Ok(false);
        }
        std::fs::rename(&temporary, path).map(|()| true)
    })();
    if !matches!(result, Ok(true)) {
        // Ours: created exclusively above.
        let _ = std::fs::remove_file(&temporary);
    }
    match result {
        Ok(true) => sync_folder(dir).map(|()| true),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("trustlint-atomic-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_replaces_only_with_force_and_leaves_nothing_else() {
        let dir = scratch("write");
        let path = dir.join("a.krav");
        write_atomically(&path, b"one", false).expect("written");
        let err = write_atomically(&path, b"two", false).expect_err("exists");
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        write_atomically(&path, b"two", true).expect("replaced");
        assert_eq!(std::fs::read(&path).expect("read"), b"two");
        assert_eq!(entries(&dir), ["a.krav"]);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_long_name_and_a_named_temporary_file_fit_and_clash_with_nothing() {
        let dir = scratch("long");
        let name = "å".repeat(120) + ".krav"; // 245 bytes
        let path = dir.join(&name);
        // Someone else's file with the old temporary name is left alone.
        let theirs = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let _ = std::fs::write(&theirs, b"theirs");
        write_atomically(&path, b"text", false).expect("written");
        let (file, temporary) = create_temporary(&dir, &path).expect("a temporary file");
        drop(file);
        assert!(temporary.file_name().expect("name").len() < 130);
        std::fs::remove_file(temporary).expect("ours");
        assert_eq!(std::fs::read(&path).expect("read"), b"text");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_file_changed_meanwhile_is_left_alone() {
        let dir = scratch("unchanged");
        let path = dir.join("a.krav");
        std::fs::write(&path, "new by someone else").expect("write");
        assert!(!replace_if_unchanged(&path, b"as read", b"fixed").expect("runs"));
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new by someone else");
        assert!(replace_if_unchanged(&path, b"new by someone else", b"fixed").expect("runs"));
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "fixed");
        assert_eq!(entries(&dir), ["a.krav"], "no temporary file is left");
        let _ = std::fs::remove_dir_all(dir);
    }
}
