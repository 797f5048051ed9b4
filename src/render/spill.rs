//! What a streamed check sets aside until its end (JSON's `burden` list):
//! in memory up to a megabyte, then in a file that has no name.

use std::io::{self, Seek, Write};

/// Bytes set aside until the end of a check: in memory up to a megabyte,
/// then in an unnamed temporary file (deleted by the system when closed,
/// whatever happens), so what is set aside costs no memory. Where no such
/// file can be made, memory it is.
#[derive(Default)]
pub(super) struct Spill {
    memory: Vec<u8>,
    file: Option<io::BufWriter<std::fs::File>>,
    /// Something has been written.
    pub(super) any: bool,
    /// A write to the file failed: the bytes are lost, and said so at the end.
    failed: bool,
}

impl Spill {
    const MEMORY: usize = 1 << 20;

    pub(super) fn write(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        self.any = true;
        if self.file.is_none() && self.memory.len() + bytes.len() > Self::MEMORY {
            self.file = unnamed_file().map(io::BufWriter::new);
            if let Some(file) = &mut self.file {
                self.failed |= file.write_all(&std::mem::take(&mut self.memory)).is_err();
            }
        }
        match &mut self.file {
            Some(file) => self.failed |= file.write_all(bytes).is_err(),
            None => self.memory.extend_from_slice(bytes),
        }
    }

    /// Writes everything set aside to `out`.
    pub(super) fn copy_to(&mut self, out: &mut dyn io::Write) -> io::Result<()> {
        match self.file.take() {
            None => out.write_all(&self.memory),
            Some(file) => {
                let mut file = file.into_inner().map_err(|e| e.into_error())?;
                if self.failed {
                    return Err(io::Error::other("could not write a temporary file"));
                }
                file.rewind()?;
                io::copy(&mut file, out).map(|_| ())
            }
        }
    }
}

/// A file in the temporary folder that has no name (`O_TMPFILE`), so
/// nothing is left behind whatever ends the process.
#[cfg(target_os = "linux")]
fn unnamed_file() -> Option<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .mode(0o600)
        .custom_flags(libc::O_TMPFILE)
        .open(std::env::temp_dir())
        .ok()
}

#[cfg(not(target_os = "linux"))]
fn unnamed_file() -> Option<std::fs::File> {
    None
}
