//! How a run is measured: wall time, CPU time (user + system, every
//! thread) and peak resident memory, and medians over interleaved runs so
//! that load from other work on the machine falls on every case alike.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One run.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sample {
    pub wall: Duration,
    pub cpu: Duration,
    /// Peak resident memory in kB (0 for a run inside this process).
    pub peak_kb: u64,
}

/// The medians of a case's runs, and the highest peak.
#[derive(Clone, Copy, Debug, Default)]
pub struct Figures {
    pub wall: Duration,
    pub cpu: Duration,
    pub peak_kb: u64,
}

impl Figures {
    pub fn wall_s(&self) -> f64 {
        self.wall.as_secs_f64()
    }

    pub fn cpu_s(&self) -> f64 {
        self.cpu.as_secs_f64()
    }

    pub fn peak_mb(&self) -> f64 {
        self.peak_kb as f64 / 1024.0
    }
}

/// Runs every case once per round, round after round, and gives each
/// case's medians: a burst of load from elsewhere then slows one run of
/// each case rather than every run of one.
pub fn interleaved(rounds: usize, cases: &mut [&mut dyn FnMut() -> Sample]) -> Vec<Figures> {
    let mut samples: Vec<Vec<Sample>> = vec![Vec::with_capacity(rounds); cases.len()];
    for _ in 0..rounds {
        for (case, out) in cases.iter_mut().zip(&mut samples) {
            out.push(case());
        }
    }
    samples.iter().map(|s| figures(s)).collect()
}

fn figures(samples: &[Sample]) -> Figures {
    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    Figures {
        wall: median(samples.iter().map(|s| s.wall).collect()),
        cpu: median(samples.iter().map(|s| s.cpu).collect()),
        peak_kb: samples.iter().map(|s| s.peak_kb).max().unwrap_or(0),
    }
}

/// Runs the binary with `args` and `path` on `threads` threads, output
/// thrown away.
pub fn binary(binary: &Path, args: &[&str], path: &Path, threads: usize) -> Sample {
    let mut command = Command::new(binary);
    command
        .args(args)
        .arg(path)
        .env("RAYON_NUM_THREADS", threads.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let (sample, code) = child(command);
    assert!(code.is_some_and(|c| c <= 1), "trustlint {args:?} {} failed: {code:?}", path.display());
    sample
}

/// Runs `command` to its end; the kernel's accounting of the child (wait4)
/// gives its CPU time and peak memory exactly, without sampling. Also
/// gives its exit status, `None` when a signal ended it.
pub fn child(mut command: Command) -> (Sample, Option<i32>) {
    let started = Instant::now();
    let child = command.spawn().expect("the binary runs");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not waited for by anyone else
    // (`child` is dropped without waiting); the pointers are to locals.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = started.elapsed();
    assert_eq!(waited, pid, "wait4 on the benchmarked binary");
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    drop(child);
    let sample = Sample {
        wall,
        cpu: cpu_of(&usage),
        peak_kb: usage.ru_maxrss as u64,
    };
    (sample, code)
}

/// Runs `f` in this process: wall time and the CPU time of every thread of
/// the process meanwhile (the benchmark does nothing else at the time).
pub fn in_process<T>(f: impl FnOnce() -> T) -> (T, Sample) {
    let cpu_before = own_cpu();
    let started = Instant::now();
    let value = f();
    let wall = started.elapsed();
    let cpu = own_cpu().saturating_sub(cpu_before);
    (value, Sample { wall, cpu, peak_kb: 0 })
}

fn own_cpu() -> Duration {
    // SAFETY: as above; getrusage fills in the struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: RUSAGE_SELF and a pointer to a local.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    cpu_of(&usage)
}

fn cpu_of(usage: &libc::rusage) -> Duration {
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    time(usage.ru_utime) + time(usage.ru_stime)
}
