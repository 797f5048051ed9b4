//! Adversarial scaling: every input shape that once made trustlint
//! quadratic, exponential or unbounded in time, output or memory, run
//! through the release binary at a size n and at 10n. The target is that
//! 10x the input costs at most 11x the time; the output and peak memory
//! are shown beside it, so a shape that grows them faster than its input
//! shows too.
//!
//!   cargo build --release && nice cargo run --release --manifest-path bench/Cargo.toml -- adversarial
//!
//! Each case runs in its own folder under target/bench-adversarial, its
//! output written to a file there; figures are medians of interleaved
//! runs, and the ratio is taken on CPU time (user + system), which load
//! from other work on the machine moves less than wall time.

use crate::measure::{self, Figures, Sample};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const ROUNDS: usize = 3;

/// A small complete requirement that no check finds anything in; `ID` is
/// replaced by its id.
const TINY: &str = "requirement \"t\" {\nid: ID\npurpose: safety\nrisk: low\nscope: 1 units\nburden \"ID\" {\npeople: 1\nminutes: 1\nfrequency: yearly\n}\nmeasure: effect\nreview: after 1 years\n}\n";

/// A full requirement (tests/ui/valid/falls-register.krav).
const VALID: &str = include_str!("../../tests/ui/valid/falls-register.krav");

/// The head of a ruleset: its name, an example base and the document
/// its rules quote.
const RULESET_HEAD: &str = r#"[ruleset]
name = "adversarial"
title = "Adversarial"
version = "0.1.0"
source = "the benchmark"

[examples]
en = '''
requirement "Base" {
  id: B-1
  purpose: safety "s"
  risk: low "r"
  scope: 1 units "u"
  burden "staff" {
    people: 1
    minutes: 1
    frequency: yearly
  }
}
'''

[documents]
test = { en = "A test document", da = "Et testdokument" }
"#;

/// A rule of the generated rulesets, firing when the scope has more than
/// five units; `CODE`, `WHEN` and `MESSAGE` are filled in.
const RULE: &str = r#"
[[rule]]
code = "CODE"
name = "rule-CODE"
level = "warning"
quote = [{ document = "test", section = "1", text = "a quote" }]
when = "WHEN"
label = { key = "scope", en = "here", da = "her" }
summary = { en = "s", da = "s" }
message = { en = "MESSAGE", da = "m" }
help = { en = "h", da = "h" }
explanation = { en = "e", da = "e" }
example = [{ fires = true, with = "scope: 9 units" }, { fires = false }]
"#;

fn rule(code: &str, when: &str, message: &str) -> String {
    RULE.replace("rule-CODE", &format!("rule-{}", code.to_lowercase()))
        .replace("CODE", code)
        .replace("WHEN", when)
        .replace("MESSAGE", message)
}

fn tiny(id: &str) -> String {
    TINY.replace("ID", id)
}

/// A requirement with nothing in it: one TL004 each.
const EMPTY: &str = "requirement \"a\" {}\n";

/// The files of a case, by name.
type Files = Vec<(&'static str, String)>;

/// A case of one proposal, `p.krav`.
fn krav(text: String) -> Files {
    vec![("p.krav", text)]
}

/// The full requirement with `items` for its one data item.
fn with_data(items: &[String], separator: &str) -> String {
    VALID.replace("\"falls\" existing automatic", &items.join(separator))
}

/// The full requirement with n placeholder data items, `separator` between
/// them: one TL014 finding with a label each.
fn placeholders(n: usize, separator: &str) -> Files {
    krav(with_data(&vec!["\"TODO\" existing automatic".to_owned(); n], separator))
}

/// An input shape: how its files grow with `n`, and the command run on them.
struct Shape {
    what: &'static str,
    /// The size the shape is run at, then ten times that.
    n: usize,
    args: &'static [&'static str],
    /// The exit status the run must end with: 1 with errors, 0 with
    /// warnings only, 2 for a ruleset refused when it loads. Another status means the case
    /// measured something else (a failure to start, a panic's 101).
    status: i32,
    files: fn(usize) -> Files,
}

const SHAPES: &[Shape] = &[
    Shape {
        what: "n times `requirement \"a\" {}`",
        n: 20_000,
        args: &["check", "--no-cache", "--format", "short", "p.krav"],
        status: 1,
        files: |n| krav(EMPTY.repeat(n)),
    },
    Shape {
        what: "n suppressions that silence nothing",
        n: 10_000,
        args: &["check", "--no-cache", "--format", "short", "p.krav"],
        status: 0,
        files: |n| krav("# trustlint: allow(TL002) \"nothing\"\n\n".repeat(n) + &tiny("T-1")),
    },
    Shape {
        what: "n requirements with one id",
        n: 5_000,
        args: &["check", "--no-cache", "--format", "short", "p.krav"],
        status: 1,
        files: |n| krav(tiny("SAME").repeat(n)),
    },
    Shape {
        what: "n requirements replacing ids that do not exist",
        n: 5_000,
        args: &["check", "--no-cache", "--format", "short", "p.krav"],
        status: 0,
        files: |n| {
            let text = (0..n)
                .map(|i| tiny(&format!("T-{i}")).replacen("purpose:", &format!("replaces: GONE-{i}\npurpose:"), 1))
                .collect();
            krav(text)
        },
    },
    Shape {
        what: "n times `{}` on one line (line and column of each finding)",
        n: 100_000,
        args: &["check", "--no-cache", "--format", "short", "p.krav"],
        status: 1,
        files: |n| krav("{}".repeat(n)),
    },
    Shape {
        what: "n findings on one line of 1,000n characters, human output",
        n: 1_000,
        args: &["check", "--no-cache", "p.krav"],
        status: 1,
        files: |n| {
            let mut line = "x".repeat(1_000 * n);
            for i in 0..n {
                line.push_str(&format!(" \"{i}\" {{}}"));
            }
            krav(format!("{VALID}{line}\n"))
        },
    },
    Shape {
        what: "n `about_staff` data items on one line, human output",
        n: 5_000,
        args: &["check", "--no-cache", "p.krav"],
        status: 0,
        files: |n| {
            let items: Vec<String> = (0..n).map(|i| format!("\"d{i}\" manual about_staff")).collect();
            krav(with_data(&items, ", "))
        },
    },
    Shape {
        what: "an id of 1,000n characters named by n TL302 findings",
        n: 1_000,
        args: &["check", "--no-cache", "--format", "json", "p.krav"],
        status: 0,
        files: |n| {
            let manual = |id: &str| VALID.replace("SUF-2026-01", id).replace("existing automatic", "manual");
            let mut text = manual(&"A".repeat(1_000 * n));
            for i in 0..n {
                text.push_str(&manual(&format!("R-{i}")));
            }
            krav(text)
        },
    },
    Shape {
        what: "n unknown keys of 1,000 characters (did you mean)",
        n: 2_000,
        args: &["check", "--no-cache", "--format", "short", "p.krav"],
        status: 1,
        files: |n| {
            let keys: String = (0..n).map(|i| format!("  {}{i}: 1\n", "k".repeat(1_000))).collect();
            krav(VALID.replace("  owner:", &format!("{keys}  owner:")))
        },
    },
    Shape {
        what: "a burden table with an id of n characters",
        n: 1_000_000,
        args: &["burden", "p.krav"],
        status: 0,
        files: |n| krav(tiny(&"A".repeat(n))),
    },
    Shape {
        what: "n nested braces",
        n: 1_000_000,
        args: &["check", "--no-cache", "--format", "short", "p.krav"],
        status: 1,
        files: |n| krav(format!("requirement \"x\" {{\n{}", "{".repeat(n))),
    },
    Shape {
        what: "n findings in pretty output",
        n: 2_000,
        args: &["check", "--no-cache", "--format", "pretty", "p.krav"],
        status: 1,
        files: |n| krav(EMPTY.repeat(n)),
    },
    Shape {
        what: "one finding with n labels (placeholder data items, a line each), pretty output",
        n: 2_000,
        args: &["check", "--no-cache", "--format", "pretty", "p.krav"],
        status: 1,
        files: |n| placeholders(n, ",\n    "),
    },
    Shape {
        what: "one finding with n labels on one line, pretty output",
        n: 2_000,
        args: &["check", "--no-cache", "--format", "pretty", "p.krav"],
        status: 1,
        files: |n| placeholders(n, ", "),
    },
    Shape {
        what: "n lines of `{}` (memory per finding)",
        n: 100_000,
        args: &["check", "--no-cache", "--format", "short", "p.krav"],
        status: 1,
        files: |n| krav("{}\n".repeat(n)),
    },
    Shape {
        what: "a ruleset of n rules (duplicate codes and names)",
        n: 500,
        args: &["ruleset", "check", "r.toml"],
        status: 0,
        files: |n| {
            let rules: String = (0..n).map(|i| rule(&format!("X{i}"), "scope.units > 5", "m")).collect();
            vec![("r.toml", format!("{RULESET_HEAD}{rules}"))]
        },
    },
    Shape {
        what: "a table of n parameters named n times by a condition",
        n: 1_000,
        args: &["ruleset", "check", "r.toml"],
        status: 0,
        files: |n| {
            let table: String = (0..n).map(|i| format!("k{i} = {i}\n")).collect();
            let when = vec!["$t[risk.level] > 1"; n].join(" or ");
            let ruleset = RULESET_HEAD.replace("[examples]", &format!("[params.t]\nlow = 1\n{table}\n[examples]"));
            vec![("r.toml", format!("{ruleset}{}", rule("X1", &format!("scope.units > 5 and not ({when})"), "m")))]
        },
    },
    Shape {
        what: "`{title}` 1,000 times in a message, a title of n characters",
        n: 10_000,
        args: &["check", "--no-cache", "--ruleset", "r.toml", "p.krav"],
        status: 0,
        files: |n| {
            let ruleset = format!("{RULESET_HEAD}{}", rule("X1", "scope.units > 5", &"{title}".repeat(1_000)));
            let krav = VALID
                .replace("Falls register in home care", &"t".repeat(n))
                .replace("scope: 3 units", "scope: 9 units");
            vec![("r.toml", ruleset), ("p.krav", krav)]
        },
    },
    Shape {
        what: "a list inside a list over n data items (refused when the ruleset loads)",
        n: 1_000,
        args: &["check", "--no-cache", "--ruleset", "r.toml", "p.krav"],
        status: 2,
        files: |n| {
            let ruleset = format!(
                "{RULESET_HEAD}{}",
                rule("X1", "any(data, any(data, any(data, any(data, any(data, false)))))", "m")
            );
            let items: Vec<String> = (0..n).map(|i| format!("\"item {i}\" manual")).collect();
            vec![("r.toml", ruleset), ("p.krav", with_data(&items, ", "))]
        },
    },
];

/// A case: the shape's files at one size, in their own folder.
struct Case {
    dir: PathBuf,
    output_bytes: u64,
}

impl Case {
    fn folder(root: &Path, index: usize, n: usize) -> PathBuf {
        root.join(format!("{index:02}-{n}"))
    }

    /// Writes the shape's files at size `n`.
    fn write(root: &Path, index: usize, shape: &Shape, n: usize) {
        let dir = Case::folder(root, index, n);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("the case's folder");
        for (name, text) in (shape.files)(n) {
            std::fs::write(dir.join(name), text).expect("the case's input");
        }
    }

    fn new(root: &Path, index: usize, n: usize) -> Case {
        Case {
            dir: Case::folder(root, index, n),
            output_bytes: 0,
        }
    }

    /// The size of the case's input files.
    fn input_bytes(&self) -> u64 {
        std::fs::read_dir(&self.dir)
            .expect("the case's folder")
            .filter_map(Result::ok)
            .filter(|entry| entry.file_name() != "output")
            .filter_map(|entry| entry.metadata().ok())
            .map(|m| m.len())
            .sum()
    }

    /// One run, which must end with the shape's status.
    fn run(&mut self, binary: &Path, shape: &Shape, threads: usize) -> Sample {
        let output = self.dir.join("output");
        let mut command = Command::new(binary);
        command
            .args(shape.args)
            .current_dir(&self.dir)
            .env("RAYON_NUM_THREADS", threads.to_string())
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&output).expect("the output file"))
            .stderr(Stdio::null());
        let (sample, code) = measure::child(command);
        assert_eq!(
            code,
            Some(shape.status),
            "trustlint {:?} in {}",
            shape.args,
            self.dir.display()
        );
        self.output_bytes = std::fs::metadata(&output).map_or(0, |m| m.len());
        sample
    }
}

fn folder(root: &Path) -> PathBuf {
    root.join("target/bench-adversarial")
}

/// Writes every case, then measures them from a fresh process of this
/// benchmark: the kernel counts into a child's peak memory the memory of
/// the process it was forked from, which is small only before the inputs
/// are made. Returns the measuring process's exit status.
pub fn run(root: &Path, threads: usize) -> i32 {
    let dir = folder(root);
    for (index, shape) in SHAPES.iter().enumerate() {
        Case::write(&dir, index, shape, shape.n);
        Case::write(&dir, index, shape, 10 * shape.n);
    }
    let status = Command::new(std::env::current_exe().expect("the benchmark's own path"))
        .arg(MEASURE)
        .env("RAYON_NUM_THREADS", threads.to_string())
        .status()
        .expect("the benchmark runs");
    status.code().unwrap_or(2)
}

/// The argument that runs the measuring stage of [`run`].
pub const MEASURE: &str = "adversarial-measure";

/// Runs every shape at n and 10n and prints the ratios; returns the worst
/// time ratio.
pub fn measure(root: &Path, binary: &Path, threads: usize) -> f64 {
    let dir = folder(root);
    println!("adversarial shapes at n and 10n ({ROUNDS} rounds, medians; ratio of CPU time, wall time in brackets):\n");
    let mut worst: f64 = 0.0;
    for (index, shape) in SHAPES.iter().enumerate() {
        let mut small = Case::new(&dir, index, shape.n);
        let mut large = Case::new(&dir, index, 10 * shape.n);
        let figures = {
            let (small, large) = (&mut small, &mut large);
            let mut a = || small.run(binary, shape, threads);
            let mut b = || large.run(binary, shape, threads);
            measure::interleaved(ROUNDS, &mut [&mut a, &mut b])
        };
        let [at_n, at_10n]: [Figures; 2] = figures[..].try_into().expect("two cases");
        let ratio = at_10n.cpu_s() / at_n.cpu_s();
        worst = worst.max(ratio);
        println!("{} (n = {})", shape.what, shape.n);
        println!(
            "  input {} → {}; time {:.3} s → {:.3} s CPU: {ratio:.2}x ({:.2}x); output {} → {} ({:.2}x); peak memory {:.0} → {:.0} MB",
            size(small.input_bytes()),
            size(large.input_bytes()),
            at_n.cpu_s(),
            at_10n.cpu_s(),
            at_10n.wall_s() / at_n.wall_s(),
            size(small.output_bytes),
            size(large.output_bytes),
            large.output_bytes as f64 / small.output_bytes.max(1) as f64,
            at_n.peak_mb(),
            at_10n.peak_mb(),
        );
    }
    let verdict = if worst <= 11.0 { "met" } else { "missed" };
    println!("\ntarget: 10x the input costs at most 11x the time, every shape: at worst {worst:.2}x, {verdict}");
    worst
}

fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    }
}
