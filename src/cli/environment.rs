//! What the process was started with and not told by its arguments:
//! whether standard output was open, the locale's language, and whether
//! a stream takes colour.

use super::ColorArg;
use trustlint::diagnostics::Lang;

/// Whether standard output was open when the process started. Rust's
/// runtime opens `/dev/null` in place of a closed one (`>&-`) before
/// `main`, so `init -` would exit 0 having written nothing; a constructor
/// that runs before the runtime looks first.
pub(super) fn stdout_open() -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    if STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed) {
        return Err(std::io::Error::from_raw_os_error(libc::EBADF));
    }
    Ok(())
}

#[cfg(target_os = "linux")]
static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static LOOK_AT_STDOUT: extern "C" fn() = {
    extern "C" fn look() {
        // SAFETY: F_GETFD only asks about the descriptor; it changes nothing.
        let closed = unsafe { libc::fcntl(1, libc::F_GETFD) } == -1;
        STDOUT_CLOSED.store(closed, std::sync::atomic::Ordering::Relaxed);
    }
    look
};

/// The language of the locale, as POSIX reads it: the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set and not empty decides. The `C` and
/// `POSIX` locales name no language, so they leave the choice to the files.
pub(super) fn lang_from_env() -> Option<Lang> {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())?;
    let name = value.split(['.', '@']).next().unwrap_or_default();
    if name == "C" || name == "POSIX" {
        return None;
    }
    Some(Lang::from_locale(&value))
}

/// Whether to colour `stream`: `--color always/never` decide; `auto`
/// follows the conventions of <https://no-color.org> and
/// <https://bixense.com/clicolors/> as anstream reads them (`NO_COLOR`, then
/// `CLICOLOR_FORCE`, `CLICOLOR=0`, a terminal whose `TERM` is not `dumb`).
pub(super) fn use_color(choice: ColorArg, stream: &impl anstream::stream::RawStream) -> bool {
    match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => anstream::AutoStream::choice(stream) != anstream::ColorChoice::Never,
    }
}
