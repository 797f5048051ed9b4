//! Writing a file all at once, so an interrupted run never leaves half a
//! file behind.

use std::io::{self, Write};
use std::path::Path;

/// Writes `contents` to `path` all at once: into a temporary file beside
/// it, synced, then moved into place, so an interrupted run leaves either
/// nothing or the whole file. Without `force` an existing file is never
/// replaced (checked by the final link itself, not only beforehand).
pub fn write_atomically(path: &Path, contents: &[u8], force: bool) -> io::Result<()> {
    if !force && path.exists() {
        return Err(io::Error::new(io::ErrorKind::AlreadyExists, "the file exists"));
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
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
        let _ = std::fs::remove_file(&temporary);
    }
    result
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
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let permissions = std::fs::metadata(path)?.permissions();
    let temporary = dir.join(format!(".{name}.{}.fix.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
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
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_meanwhile_is_left_alone() {
        let dir = std::env::temp_dir().join(format!("trustlint-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("a.krav");
        std::fs::write(&path, "new by someone else").expect("write");
        assert!(!replace_if_unchanged(&path, b"as read", b"fixed").expect("runs"));
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new by someone else");
        assert!(replace_if_unchanged(&path, b"new by someone else", b"fixed").expect("runs"));
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "fixed");
        let names: Vec<_> = std::fs::read_dir(&dir)
            .expect("dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["a.krav"], "no temporary file is left");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
