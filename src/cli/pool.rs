//! The thread pool a command's checks run on.

use std::process::ExitCode;

/// Runs `command` on a pool of threads, or on the calling thread alone
/// when no pool can be started.
pub(super) fn install(command: impl FnOnce() -> ExitCode + Send) -> ExitCode {
    // rayon's global pool panics when it cannot start its threads (a
    // process limit): a pool of our own falls back to the calling thread
    // alone. It is never larger than the machine: more threads than
    // processors only cost memory, and `RAYON_NUM_THREADS=20000` under a
    // memory cap would fill the address space with stacks that outlive the
    // failed start, so the fallback itself could not allocate.
    let processors = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let requested = std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|threads| threads.trim().parse::<usize>().ok())
        .filter(|&threads| threads > 0)
        .unwrap_or(processors);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(requested.min(processors))
        .build()
        .or_else(|_| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                .use_current_thread()
                .build()
        });
    match pool {
        Ok(pool) => pool.install(command),
        Err(_) => command(),
    }
}
