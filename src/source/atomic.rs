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
