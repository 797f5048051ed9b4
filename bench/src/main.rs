//! trustlint's benchmark. Generates a corpus (100,000 requirements in 1,000
//! files, English and Danish, a realistic mix of findings; a tenth of it;
//! the same with every requirement invalid; the whole corpus as one file)
//! and prints every figure of the performance targets from one command:
//! end-to-end throughput of `trustlint check --format json`, peak memory,
//! scaling from a tenth to the whole, the latency of one small file
//! including process start, where one thread's time goes, and trustlint
//! against regorus on equal terms (src/rego.rs).
//!
//!   cargo build --release && cargo run --release --manifest-path bench/Cargo.toml
//!
//! With the argument `adversarial` it runs the adversarial scaling instead
//! (src/adversarial.rs): each hostile input shape at n and 10n; with
//! `cache`, only the cache's figure (cold against warm on the corpus).
//!
//! `RAYON_NUM_THREADS` sets the threads of every run, the binary's and the
//! library's, trustlint's and regorus'; the default is every core. Each
//! figure is the median of interleaved runs (each round runs every case
//! once), with CPU time (user + system, all threads) beside wall time:
//! on a machine shared with other work, CPU time moves less.

mod adversarial;
mod corpus;
mod measure;
mod rego;

use measure::{Figures, Sample};
use std::path::Path;
use trustlint::burden;
use trustlint::check::{self, Options};
use trustlint::diagnostics::Lang;
use trustlint::engine::{self, ruleset, Judged};
use trustlint::model;
use trustlint::render::{self, Format, Style};
use trustlint::source::{FileId, SourceFile, SourceMap};
use trustlint::syntax;

const FILES: usize = 1_000;
/// Rounds of the interleaved runs through the binary and of the regorus
/// comparison.
const ROUNDS: usize = 5;
const REGORUS_ROUNDS: usize = 3;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the repository").to_path_buf();
    let binary = root.join("target/release/trustlint");
    if !binary.is_file() {
        eprintln!("build the binary first: cargo build --release (in {})", root.display());
        std::process::exit(2);
    }
    let threads = std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    match std::env::args().nth(1).as_deref() {
        Some("adversarial") => std::process::exit(adversarial::run(&root, threads)),
        Some(adversarial::MEASURE) => {
            let worst = adversarial::measure(&root, &binary, threads);
            std::process::exit(i32::from(worst > 11.0));
        }
        _ => {}
    }
    if std::env::args().nth(1).as_deref() == Some("cache") {
        let full = root.join("target/bench-corpus/full");
        let (bytes, requirements) = corpus::generate(&full, FILES, false);
        println!("corpus: {requirements} requirements in {FILES} files, {:.1} MB; threads: {threads}", mb(bytes));
        print_cache_figures(&binary, &full, threads);
        return;
    }
    rayon::ThreadPoolBuilder::new().num_threads(threads).build_global().expect("the thread pool");
    let one_thread = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a thread pool");

    let dir = root.join("target/bench-corpus");
    let (full, tenth, invalid, invalid_tenth) = (dir.join("full"), dir.join("tenth"), dir.join("invalid"), dir.join("invalid-tenth"));
    let one_file = dir.join("one-file/all.krav");
    let (bytes, requirements) = corpus::generate(&full, FILES, false);
    let (tenth_bytes, tenth_requirements) = corpus::generate(&tenth, FILES / 10, false);
    let (invalid_bytes, _) = corpus::generate(&invalid, FILES, true);
    corpus::generate(&invalid_tenth, FILES / 10, true);
    corpus::concatenate(&full, &one_file);
    println!(
        "corpus: {requirements} requirements in {FILES} files, {:.1} MB; a tenth: {tenth_requirements} in {} files, {:.1} MB",
        mb(bytes),
        FILES / 10,
        mb(tenth_bytes)
    );
    println!("threads: {threads} (RAYON_NUM_THREADS, else every core); figures are medians of interleaved runs, wall and CPU time\n");

    // Through the binary, every case once a round.
    let json = ["check", "--format", "json", "--no-cache"];
    let binary = binary.as_path();
    let run = |path, threads| runner(binary, &json, path, threads);
    let (mut a, mut b, mut c, mut d, mut e, mut f) = (run(&full, threads), run(&full, 1), run(&tenth, threads), run(&invalid, threads), run(&invalid_tenth, threads), run(&one_file, threads));
    let figures = measure::interleaved(ROUNDS, &mut [&mut a, &mut b, &mut c, &mut d, &mut e, &mut f]);
    let [whole, whole_one, part, inv, inv_part, single_file] = figures[..] else { unreachable!() };
    let rate = mb(bytes) / whole.wall_s();
    println!("end to end, `check --format json` on the corpus ({ROUNDS} rounds):");
    println!(
        "  {threads} thread(s): {}  {rate:.1} MB/s  {:.0} requirements/s; {:.1} MB per CPU-second",
        show(&whole),
        requirements as f64 / whole.wall_s(),
        mb(bytes) / whole.cpu_s()
    );
    println!("  1 thread:     {}  {:.1} MB/s; {:.1} MB per CPU-second", show(&whole_one), mb(bytes) / whole_one.wall_s(), mb(bytes) / whole_one.cpu_s());
    println!("  a tenth:      {}", show(&part));
    let scaling = whole.wall_s() / part.wall_s();
    let scaling_cpu = whole.cpu_s() / part.cpu_s();
    let invalid_scaling = inv.wall_s() / inv_part.wall_s();
    println!("  scaling, realistic corpus: 10x the input takes {scaling:.2}x the time ({scaling_cpu:.2}x the CPU time)");
    println!(
        "  scaling, every requirement invalid ({:.1} MB): {invalid_scaling:.2}x the time ({:.2}x the CPU time); whole: {}",
        mb(invalid_bytes),
        inv.cpu_s() / inv_part.cpu_s(),
        show(&inv)
    );
    println!("  peak memory: {:.0} MB for the corpus, {:.0} MB for a tenth", whole.peak_mb(), part.peak_mb());
    let single_limit = 2.0 * mb(bytes) + 20.0;
    println!(
        "  the corpus as one file ({:.1} MB): {}; peak {:.0} MB (target: twice its size + 20 MB = {single_limit:.0} MB)\n",
        mb(bytes),
        show(&single_file),
        single_file.peak_mb()
    );

    let small = dir.join("small.krav");
    std::fs::copy(root.join("examples/kept/individual-supervision-agreements.krav"), &small).expect("a small file");
    let mut s = || measure::binary(binary, &json, &small, threads);
    let [latency] = measure::interleaved(21, &mut [&mut s])[..] else { unreachable!() };
    println!(
        "one small file ({:.1} KB) including process start: {:.2} ms wall, {:.2} ms CPU (median of 21)\n",
        std::fs::metadata(&small).map_or(0, |m| m.len()) as f64 / 1024.0,
        latency.wall_s() * 1000.0,
        latency.cpu_s() * 1000.0
    );

    let (cold, warm) = print_cache_figures(binary, &full, threads);

    one_thread.install(|| phases(&full));

    let ruleset = ruleset::load(FileId(0), ruleset::DEFAULT_TEXT).expect("the default ruleset");
    let engine = rego::policy();
    let loaded = rego::load(&full, &ruleset);
    let judged: Vec<Judged<'_>> = loaded
        .requirements
        .iter()
        .zip(&loaded.estimates)
        .map(|(requirement, estimate)| Judged { requirement, estimate })
        .collect();

    // The same output on both sides, or the comparison means nothing.
    let ours = rego::trustlint_rules(&ruleset, &judged);
    let theirs = rego::regorus_rules(&engine, &loaded.inputs);
    let e2e_ours = rego::trustlint_end_to_end(&full, &ruleset);
    let e2e_theirs = rego::regorus_end_to_end(&full, &ruleset, &engine);
    report_difference("rules alone", &ours, &theirs);
    report_difference("end to end", &e2e_ours, &e2e_theirs);
    report_difference("rules alone and end to end (trustlint)", &ours, &e2e_ours);

    let sample = |f: &dyn Fn() -> usize| measure::in_process(f).1;
    let on_one = |f: &(dyn Fn() -> usize + Sync)| one_thread.install(|| sample(f));
    let mut cases: [&mut dyn FnMut() -> Sample; 7] = [
        &mut || sample(&|| rego::trustlint_rules(&ruleset, &judged).len()),
        &mut || sample(&|| rego::regorus_rules(&engine, &loaded.inputs).len()),
        &mut || on_one(&|| rego::trustlint_rules(&ruleset, &judged).len()),
        &mut || on_one(&|| rego::regorus_rules(&engine, &loaded.inputs).len()),
        &mut || sample(&|| rego::trustlint_findings(&ruleset, &judged).len()),
        &mut || sample(&|| rego::trustlint_end_to_end(&full, &ruleset).len()),
        &mut || sample(&|| rego::regorus_end_to_end(&full, &ruleset, &engine).len()),
    ];
    let figures = measure::interleaved(REGORUS_ROUNDS, &mut cases);
    let [rules, rego_rules, rules_one, rego_rules_one, findings, e2e, rego_e2e] = figures[..] else { unreachable!() };
    let lines = ours.lines().count();
    println!("against regorus: the same 14 rules, input and output ({lines} `ID CODE` lines, identical), {REGORUS_ROUNDS} rounds:");
    println!("  rules alone, {threads} thread(s): trustlint {}, regorus {}: {:.1}x faster ({:.1}x in CPU time)", show(&rules), show(&rego_rules), rego_rules.wall_s() / rules.wall_s(), rego_rules.cpu_s() / rules.cpu_s());
    println!("  rules alone, 1 thread:     trustlint {}, regorus {}: {:.1}x faster ({:.1}x in CPU time)", show(&rules_one), show(&rego_rules_one), rego_rules_one.wall_s() / rules_one.wall_s(), rego_rules_one.cpu_s() / rules_one.cpu_s());
    println!("  rules alone with full diagnostics (trustlint, {threads} thread(s)): {}: still {:.1}x faster than regorus' codes", show(&findings), rego_rules.wall_s() / findings.wall_s());
    println!("  end to end from the .krav files, {threads} thread(s): trustlint {}, regorus {}: {:.2}x faster ({:.2}x in CPU time)\n", show(&e2e), show(&rego_e2e), rego_e2e.wall_s() / e2e.wall_s(), rego_e2e.cpu_s() / e2e.cpu_s());

    println!("targets:");
    let verdict = |met: bool| if met { "met" } else { "missed" };
    println!("  end to end >= 40 MB/s: {rate:.1} MB/s ({:.1} MB per CPU-second), {}", mb(bytes) / whole.cpu_s(), verdict(rate >= 40.0));
    println!("  peak <= 100 MB for any number of files: {:.0} MB for {FILES} files, {}", whole.peak_mb(), verdict(whole.peak_mb() <= 100.0));
    println!("  one file's peak <= twice its size + 20 MB: {:.0} MB of {single_limit:.0}, {}", single_file.peak_mb(), verdict(single_file.peak_mb() <= single_limit));
    let worst = scaling.max(invalid_scaling);
    println!("  10x the input <= 11x the time, every shape: at worst {worst:.2}x, {}", verdict(worst <= 11.0));
    let rules_ratio = rego_rules.wall_s() / rules.wall_s();
    println!("  rules alone >= 20x regorus: {rules_ratio:.1}x, {}", verdict(rules_ratio >= 20.0));
    let e2e_ratio = rego_e2e.wall_s() / e2e.wall_s();
    println!("  end to end >= 2x regorus: {e2e_ratio:.2}x, {}", verdict(e2e_ratio >= 2.0));
    let warm_ratio = cold.wall_s() / warm.wall_s();
    println!("  warm cache >= 10x faster than cold: {warm_ratio:.1}x ({:.1}x in CPU time), {}", cold.cpu_s() / warm.cpu_s(), verdict(warm_ratio >= 10.0));
    println!("  one small file incl. process start <= 5 ms: {:.2} ms, {}", latency.wall_s() * 1000.0, verdict(latency.wall_s() <= 0.005));
}

/// `check --format json` on `corpus` with the cache: cold (the cache
/// emptied before each run, so the run fills it) and warm (the cache as
/// the run before left it, every file unchanged), printed. The output of
/// every run is the same as without the cache (`tests/cli/cache.rs`).
fn print_cache_figures(binary: &Path, corpus: &Path, threads: usize) -> (Figures, Figures) {
    let dir = corpus.parent().expect("the corpus' folder");
    let (cold_dir, warm_dir) = (dir.join("cache-cold"), dir.join("cache-warm"));
    let (cold_arg, warm_arg) = (cold_dir.to_string_lossy().into_owned(), warm_dir.to_string_lossy().into_owned());
    let cold_args = ["check", "--format", "json", "--cache-dir", &cold_arg];
    let warm_args = ["check", "--format", "json", "--cache-dir", &warm_arg];
    let _ = std::fs::remove_dir_all(&warm_dir);
    measure::binary(binary, &warm_args, corpus, threads);
    let mut cold = || {
        let _ = std::fs::remove_dir_all(&cold_dir);
        measure::binary(binary, &cold_args, corpus, threads)
    };
    let mut warm = || measure::binary(binary, &warm_args, corpus, threads);
    let [cold, warm] = measure::interleaved(ROUNDS, &mut [&mut cold, &mut warm])[..] else { unreachable!() };
    println!(
        "the cache, `check --format json` on the corpus, unchanged ({ROUNDS} rounds): cold (an empty cache, filled) {}; warm {}: {:.1}x faster ({:.1}x in CPU time)\n",
        show(&cold),
        show(&warm),
        cold.wall_s() / warm.wall_s(),
        cold.cpu_s() / warm.cpu_s()
    );
    (cold, warm)
}

/// A case: the binary run with `args` on `path`.
fn runner<'a>(binary: &'a Path, args: &'a [&'a str], path: &'a Path, threads: usize) -> impl FnMut() -> Sample + 'a {
    move || measure::binary(binary, args, path, threads)
}

/// "1.234 s wall, 2.345 s CPU"
fn show(figures: &Figures) -> String {
    format!("{:.3} s wall, {:.3} s CPU", figures.wall_s(), figures.cpu_s())
}

fn report_difference(what: &str, a: &str, b: &str) {
    if a == b {
        return;
    }
    let first = a.lines().zip(b.lines()).find(|(x, y)| x != y);
    eprintln!("the outputs differ ({what}): {} and {} lines; first difference: {first:?}", a.lines().count(), b.lines().count());
    std::process::exit(1);
}

/// Where one thread's time goes, in the library (run in a one-thread pool).
fn phases(dir: &Path) {
    let mut sources = SourceMap::new();
    for path in corpus::files(dir) {
        let text = std::fs::read_to_string(&path).expect("corpus file");
        sources.add(SourceFile::new(path.display().to_string(), text));
    }
    let ruleset = ruleset::load(FileId(0), ruleset::DEFAULT_TEXT).expect("the default ruleset");
    let lang = Lang::En;

    let (documents, parse) = measure::in_process(|| {
        let mut documents = Vec::new();
        for (id, file) in sources.iter() {
            for range in syntax::chunks(&file.text) {
                documents.push((id, syntax::parse_range(id, &file.text, range.clone(), file.line_index(range.start), lang).0.expect("the corpus parses")));
            }
        }
        documents
    });
    let ((requirements, estimates), build) = measure::in_process(|| {
        let mut out = Vec::new();
        let requirements: Vec<model::Requirement> = documents.iter().flat_map(|(id, document)| model::build(*id, document, lang, &mut out)).map(|built| built.requirement).collect();
        let estimates: Vec<burden::Estimate> = requirements.iter().map(|r| burden::estimate(r, &ruleset.cost)).collect();
        (requirements, estimates)
    });
    drop(documents);
    let judged: Vec<Judged<'_>> = requirements.iter().zip(&estimates).map(|(requirement, estimate)| Judged { requirement, estimate }).collect();
    let (findings, rules) = measure::in_process(|| engine::evaluate(&ruleset, &judged, lang, &|_| false));

    let checked = check::check(&sources, &vec![None; sources.len()], &ruleset, &Options::default());
    let registry = ruleset.registry();
    let (rendered, rendering) = measure::in_process(|| render::render(Format::Json, &checked, &sources, Style::default(), &registry));

    let total = parse.cpu + build.cpu + rules.cpu + rendering.cpu;
    println!("phases (library, one thread; {} findings, {:.1} MB of JSON):", findings.len(), mb(rendered.len() as u64));
    for (name, time) in [("parse (pest)", parse), ("model + estimate", build), ("rules", rules), ("rendering (json)", rendering)] {
        println!("  {name:<18} {:>8.3} s CPU  {:>5.1} %", time.cpu.as_secs_f64(), 100.0 * time.cpu.as_secs_f64() / total.as_secs_f64());
    }
    println!();
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}
