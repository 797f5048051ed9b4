//! trustlint's benchmark. Generates a corpus (100,000 requirements in 1,000
//! files, English and Danish, a realistic mix of findings), then reports:
//! end-to-end throughput of `trustlint check --format json` (MB/s and
//! requirements/s), the share of time in parse, model, rules and
//! rendering, peak memory, the latency of one small file including process
//! start, and how time scales from 10,000 to 100,000 requirements.
//!
//!   cargo build --release && cargo run --release --manifest-path bench/Cargo.toml

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use trustlint::burden;
use trustlint::check::{self, Options};
use trustlint::diagnostics::Lang;
use trustlint::engine::{self, ruleset, Judged};
use trustlint::model;
use trustlint::render::{self, Format, Style};
use trustlint::source::{FileId, SourceFile, SourceMap};
use trustlint::syntax;

const FILES: usize = 1_000;
const PER_FILE: usize = 100;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the repository").to_path_buf();
    let binary = root.join("target/release/trustlint");
    if !binary.is_file() {
        eprintln!("build the binary first: cargo build --release (in {})", root.display());
        std::process::exit(2);
    }
    let corpus = root.join("target/bench-corpus");
    let (bytes, requirements) = generate(&corpus.join("full"), FILES, false);
    let (_, small_requirements) = generate(&corpus.join("tenth"), FILES / 10, false);
    println!("corpus: {requirements} requirements in {FILES} files, {:.1} MB (and a tenth: {small_requirements} in {} files)", mb(bytes), FILES / 10);
    println!("machine: {} threads available\n", std::thread::available_parallelism().map_or(1, |n| n.get()));

    // End to end, through the binary: files to JSON findings.
    let full = median(5, || run(&binary, &["check", "--format", "json"], &corpus.join("full")).0);
    let tenth = median(5, || run(&binary, &["check", "--format", "json"], &corpus.join("tenth")).0);
    println!("end to end (check --format json, median of 5):");
    println!("  {:>8.3} s   {:>6.1} MB/s   {:>9.0} requirements/s", secs(full), mb(bytes) / secs(full), requirements as f64 / secs(full));
    println!(
        "  scaling: 10x the input ({small_requirements} -> {requirements} requirements) takes {:.2}x the time ({:.3} s -> {:.3} s)",
        secs(full) / secs(tenth),
        secs(tenth),
        secs(full)
    );

    let (_, peak_kb) = run(&binary, &["check", "--format", "json"], &corpus.join("full"));
    let largest = largest_file(&corpus.join("full"));
    println!(
        "  peak memory: {:.0} MB (largest file {:.2} MB; target: 2 x largest + 100 MB = {:.0} MB)",
        peak_kb as f64 / 1024.0,
        mb(largest),
        2.0 * mb(largest) + 100.0
    );

    let single = corpus.join("small.krav");
    std::fs::copy(root.join("examples/kept/individual-supervision-agreements.krav"), &single).expect("a small file");
    let latency = median(21, || run(&binary, &["check", "--format", "json"], &single).0);
    println!("  one small file ({:.1} KB) including process start: {:.2} ms (median of 21)\n", std::fs::metadata(&single).map_or(0, |m| m.len()) as f64 / 1024.0, latency.as_secs_f64() * 1000.0);

    let single_thread = median(3, || {
        let started = Instant::now();
        let status = Command::new(&binary)
            .args(["check", "--format", "json"])
            .arg(corpus.join("full"))
            .env("RAYON_NUM_THREADS", "1")
            .stdout(Stdio::null())
            .status()
            .expect("runs");
        assert!(status.code().is_some_and(|c| c <= 1));
        started.elapsed()
    });
    println!("  one thread: {:.3} s ({:.1} MB/s)\n", secs(single_thread), mb(bytes) / secs(single_thread));

    // Every requirement with a language error (an unknown risk level): the
    // check stage must learn which requirements rules may judge without
    // searching every diagnostic for each one (that search was quadratic:
    // 28 s for 80,000 such requirements).
    let (invalid_bytes, invalid_requirements) = generate(&corpus.join("invalid"), FILES, true);
    let invalid = median(3, || run(&binary, &["check", "--format", "json"], &corpus.join("invalid")).0);
    println!("every requirement invalid ({invalid_requirements} requirements, {:.1} MB, median of 3):", mb(invalid_bytes));
    println!("  {:>8.3} s   {:>9.0} requirements/s ({:.2}x the time of the realistic corpus)\n", secs(invalid), invalid_requirements as f64 / secs(invalid), secs(invalid) / secs(full));

    phases(&corpus.join("full"));
    regorus_comparison(&corpus, single_thread);
}

/// The kodeks rules TL101-TL209 in Rego (src/kodeks.rego), run by regorus
/// over the same requirements as JSON. Two ratios: rule evaluation alone
/// (requirements already in memory on both sides, one thread each), and
/// end to end (files to findings, one thread each: trustlint's `.krav`
/// files through the binary, regorus's JSON files parsed and evaluated).
fn regorus_comparison(corpus: &Path, trustlint_end_to_end: Duration) {
    let mut sources = SourceMap::new();
    for path in files(&corpus.join("full")) {
        let text = std::fs::read_to_string(&path).expect("corpus file");
        sources.add(SourceFile::new(path.display().to_string(), text));
    }
    let ruleset = ruleset::load(FileId(0), ruleset::DEFAULT_TEXT).expect("the default ruleset");
    let checked = check::check(&sources, &vec![None; sources.len()], &ruleset, &Options::default());
    let judged: Vec<Judged<'_>> = checked
        .requirements
        .iter()
        .zip(&checked.estimates)
        .map(|(requirement, estimate)| Judged { requirement, estimate })
        .collect();
    let inputs: Vec<serde_json::Value> = judged.iter().map(|j| to_json(j, &ruleset)).collect();

    // The JSON corpus for the end-to-end run: the same files, as JSON arrays.
    let json_dir = corpus.join("json");
    let _ = std::fs::remove_dir_all(&json_dir);
    std::fs::create_dir_all(&json_dir).expect("json corpus folder");
    for (i, chunk) in inputs.chunks(PER_FILE).enumerate() {
        let text = serde_json::to_string(chunk).expect("serialises");
        std::fs::write(json_dir.join(format!("p{i:04}.json")), text).expect("json file");
    }

    let per_requirement = ["TL101", "TL102", "TL103", "TL104", "TL105", "TL201", "TL202", "TL203", "TL204", "TL205", "TL206", "TL207", "TL208", "TL209"];
    let policy = include_str!("kodeks.rego");
    let mut engine = regorus::Engine::new();
    engine.add_policy("kodeks.rego".to_owned(), policy.to_owned()).expect("the policy compiles");

    // Rule evaluation alone, one thread each.
    let rego_inputs: Vec<regorus::Value> = inputs
        .iter()
        .map(|v| regorus::Value::from_json_str(&v.to_string()).expect("JSON"))
        .collect();
    let started = Instant::now();
    let mut rego_findings = Vec::with_capacity(rego_inputs.len());
    for input in &rego_inputs {
        engine.set_input(input.clone());
        let result = engine.eval_rule("data.kodeks.findings".to_owned()).expect("evaluates");
        let codes: std::collections::BTreeSet<String> = result.as_set().map(|set| set.iter().filter_map(|v| v.as_string().ok().map(|s| s.to_string())).collect()).unwrap_or_default();
        rego_findings.push(codes);
    }
    let rego_rules = started.elapsed();

    let started = Instant::now();
    let ours = single_threaded(|| engine::evaluate(&ruleset, &judged, Lang::En, &|_| false));
    let our_rules = started.elapsed();

    // Both engines must find the same codes for the same requirements.
    let mut our_findings = vec![std::collections::BTreeSet::new(); judged.len()];
    let by_id: std::collections::HashMap<&str, usize> = judged.iter().enumerate().filter_map(|(i, j)| j.requirement.id().map(|id| (id, i))).collect();
    for d in ours.iter().filter(|d| per_requirement.contains(&d.code())) {
        if let Some(&i) = d.requirement.as_deref().and_then(|id| by_id.get(id)) {
            our_findings[i].insert(d.code().to_owned());
        }
    }
    let disagreements = our_findings.iter().zip(&rego_findings).filter(|(a, b)| a != b).count();
    if let Some(i) = (0..judged.len()).find(|&i| our_findings[i] != rego_findings[i]) {
        println!("  first disagreement, {}: trustlint {:?}, regorus {:?}", judged[i].requirement.name(), our_findings[i], rego_findings[i]);
    }

    // End to end for regorus: read and parse the JSON files, evaluate each requirement.
    let started = Instant::now();
    let mut count = 0usize;
    for path in files(&json_dir) {
        let text = std::fs::read_to_string(&path).expect("json file");
        let value = regorus::Value::from_json_str(&text).expect("JSON");
        for input in value.as_array().expect("an array").iter() {
            engine.set_input(input.clone());
            let result = engine.eval_rule("data.kodeks.findings".to_owned()).expect("evaluates");
            count += result.as_set().map_or(0, |s| s.len());
        }
    }
    let rego_end_to_end = started.elapsed();

    println!("against regorus (the same 14 per-requirement rules in Rego; one thread each):");
    println!("  rule evaluation alone: trustlint {:.3} s, regorus {:.3} s: trustlint is {:.1}x faster", secs(our_rules), secs(rego_rules), secs(rego_rules) / secs(our_rules));
    println!(
        "  end to end (files to findings): trustlint {:.3} s (.krav, parse, model, all rules, JSON out), regorus {:.3} s (JSON parse and rules only, {count} findings): trustlint is {:.2}x faster",
        secs(trustlint_end_to_end),
        secs(rego_end_to_end),
        secs(rego_end_to_end) / secs(trustlint_end_to_end)
    );
    println!("  requirements on which the two disagree about TL101-TL209: {disagreements} of {}", judged.len());
}

/// A requirement and its estimate as the Rego policy reads them.
fn to_json(judged: &Judged<'_>, ruleset: &trustlint::engine::Ruleset) -> serde_json::Value {
    use serde_json::json;
    use trustlint::model::{Dispensation, Keyword, Reporting, Review};
    let r = judged.requirement;
    let e = judged.estimate;
    let mut v = json!({
        "id": r.id(),
        "replaces": r.replaces.iter().map(|x| x.value.clone()).collect::<Vec<_>>(),
        "fte": e.fte,
        "frontline_fte": e.frontline_fte,
        "purposes": r.purposes.iter().map(|p| json!({"kind": p.kind.value.spelling().en})).collect::<Vec<_>>(),
        "measures": r.measures.iter().map(|m| json!({"kind": m.kind.value.spelling().en})).collect::<Vec<_>>(),
        "data": r.data.iter().map(|d| json!({"modes": d.modes.iter().map(|m| m.value.spelling().en).collect::<Vec<_>>()})).collect::<Vec<_>>(),
        "burdens": e.blocks.iter().flatten().map(|b| json!({"hours_per_person_year": b.hours_per_person_year})).collect::<Vec<_>>(),
    });
    let object = v.as_object_mut().expect("an object");
    if let Some(risk) = &r.risk {
        object.insert("risk".into(), json!({"level": risk.kind.value.spelling().en}));
    }
    if let Some(t) = &r.trigger {
        object.insert("trigger".into(), json!({"kind": t.kind.value.spelling().en, "units": t.units()}));
    }
    if let Some(scope) = &r.scope {
        object.insert("scope".into(), json!({"units": scope.units.value, "all": scope.all.is_some()}));
    }
    for (key, value) in [("investigation", &r.investigation), ("method", &r.method), ("goal", &r.goal), ("legal_basis", &r.legal_basis)] {
        if let Some(v) = value {
            object.insert(key.into(), json!(v.value));
        }
    }
    if let Some(review) = &r.review {
        object.insert(
            "review".into(),
            match review.value {
                Review::Date(d) => json!({"kind": "date", "date": d.to_string()}),
                Review::AfterYears(n) => json!({"kind": "after", "years": n}),
                Review::None => json!({"kind": "none"}),
            },
        );
    }
    if let Some(sunset) = &r.sunset {
        object.insert("sunset".into(), json!(sunset.value.to_string()));
    }
    if let Some(reporting) = &r.reporting {
        object.insert(
            "reporting".into(),
            match reporting.value {
                Reporting::Periodic(f) => json!({"kind": "periodic", "per_year": ruleset.cost.per_year(f, None)}),
                Reporting::Deviation => json!({"kind": "deviation"}),
                Reporting::None => json!({"kind": "none"}),
            },
        );
    }
    if let Some(d) = &r.dispensation {
        object.insert("dispensation".into(), match &d.value {
            Dispensation::Text(t) => json!(t),
            Dispensation::None => json!("none"),
        });
    }
    v
}

/// Time in each stage, one thread, in the library: how `check` spends it.
fn phases(dir: &Path) {
    let mut sources = SourceMap::new();
    for path in files(dir) {
        let text = std::fs::read_to_string(&path).expect("corpus file");
        sources.add(SourceFile::new(path.display().to_string(), text));
    }
    let ruleset = ruleset::load(FileId(0), ruleset::DEFAULT_TEXT).expect("the default ruleset");
    let lang = Lang::En;

    let started = Instant::now();
    let mut documents = Vec::new();
    for (id, file) in sources.iter() {
        for range in syntax::chunks(&file.text) {
            documents.push((id, syntax::parse_range(id, &file.text, range, lang).0.expect("the corpus parses")));
        }
    }
    let parse = started.elapsed();

    let started = Instant::now();
    let mut out = Vec::new();
    let requirements: Vec<model::Requirement> = documents.iter().flat_map(|(id, document)| model::build(*id, document, lang, &mut out)).map(|built| built.requirement).collect();
    let estimates: Vec<burden::Estimate> = requirements.iter().map(|r| burden::estimate(r, &ruleset.cost)).collect();
    let build = started.elapsed();
    drop(documents);

    let judged: Vec<Judged<'_>> = requirements.iter().zip(&estimates).map(|(requirement, estimate)| Judged { requirement, estimate }).collect();
    let started = Instant::now();
    let findings = single_threaded(|| engine::evaluate(&ruleset, &judged, lang, &|_| false));
    let rules = started.elapsed();

    let checked = check::check(&sources, &vec![None; sources.len()], &ruleset, &Options::default());
    let registry = ruleset.registry();
    let started = Instant::now();
    let rendered = render::render(Format::Json, &checked, &sources, Style::default(), &registry);
    let rendering = started.elapsed();

    let total = parse + build + rules + rendering;
    println!("phases (library, one thread; {} findings, {:.1} MB of JSON):", findings.len(), mb(rendered.len() as u64));
    for (name, time) in [("parse (pest)", parse), ("model + estimate", build), ("rules", rules), ("rendering (json)", rendering)] {
        println!("  {name:<18} {:>8.3} s  {:>5.1} %", secs(time), 100.0 * secs(time) / secs(total));
    }
}

fn single_threaded<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| s.spawn(f).join().expect("the phase runs"))
}

/// Runs the binary on `path`; its wall time and peak resident memory (kB,
/// from /proc, sampled while it runs).
fn run(binary: &Path, args: &[&str], path: &Path) -> (Duration, u64) {
    let started = Instant::now();
    let mut child = Command::new(binary).args(args).arg(path).env("RAYON_NUM_THREADS", "").stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("the binary runs");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(status) = std::fs::read_to_string(&status_file) {
            if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM:")) {
                peak = line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).unwrap_or(peak).max(peak);
            }
        }
        if child.try_wait().expect("waits").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    (started.elapsed(), peak)
}

fn median(n: usize, mut f: impl FnMut() -> Duration) -> Duration {
    let mut times: Vec<Duration> = (0..n).map(|_| f()).collect();
    times.sort();
    times[n / 2]
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).expect("corpus").map(|e| e.expect("entry").path()).collect();
    files.sort();
    files
}

fn largest_file(dir: &Path) -> u64 {
    files(dir).iter().map(|p| std::fs::metadata(p).map_or(0, |m| m.len())).max().unwrap_or(0)
}

/// A small deterministic generator (xorshift), so the corpus is the same
/// on every run.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// Writes `files` files of PER_FILE requirements each; returns bytes and
/// requirements. With `invalid`, every requirement has an unknown risk level.
fn generate(dir: &Path, files: usize, invalid: bool) -> (u64, usize) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("corpus folder");
    let mut random = Random(0x2013_4B0D_E500_711D);
    let mut bytes = 0;
    for f in 0..files {
        let mut text = String::new();
        for r in 0..PER_FILE {
            let danish = (f + r) % 2 == 1;
            text.push_str(&requirement(&mut random, f * PER_FILE + r, danish, invalid));
            text.push('\n');
        }
        bytes += text.len() as u64;
        std::fs::write(dir.join(format!("p{f:04}.krav")), text).expect("corpus file");
    }
    (bytes, files * PER_FILE)
}

/// One requirement: mostly reasonable, with the mix of problems proposals have.
fn requirement(random: &mut Random, n: usize, danish: bool, invalid: bool) -> String {
    let pick = |random: &mut Random, options: &[&'static str]| options[random.below(options.len() as u64) as usize];
    let en = !danish;
    let w = |e: &'static str, d: &'static str| if en { e } else { d };
    let mut lines = vec![format!("# Generated proposal {n}")];
    lines.push(format!("{} \"{} {n}\" {{", w("requirement", "krav"), w("Proposed requirement", "Foreslået krav")));
    lines.push(format!("  id: GEN-{n:06}"));
    lines.push(format!("  {}: \"{}\"", w("owner", "forslagsstiller"), pick(random, &["Socialudvalget", "Børne- og Ungdomsudvalget", "Sundheds- og Omsorgsudvalget", "Kultur- og Fritidsudvalget"])));
    let purpose = if random.chance(25) { w("control", "kontrol") } else { pick(random, if en { &["safety", "learning", "trust"] } else { &["sikkerhed", "læring", "tillid"] }) };
    lines.push(format!("  {}: {purpose} \"{}\"", w("purpose", "formål"), w("Residents are safe and seen", "Borgerne er trygge og set")));
    let risk = pick(random, if en { &["low", "medium", "high"] } else { &["lav", "middel", "høj"] });
    let risk = if invalid { w("extreme", "ekstrem") } else { risk };
    lines.push(format!("  {}: {risk} \"{}\"", w("risk", "risiko"), w("What can go wrong, and how badly", "Hvad kan gå galt, og hvor slemt")));
    let single = random.chance(20);
    if single {
        lines.push(format!("  {}: {} \"{}\"", w("trigger", "anledning"), w("single_case", "enkeltsag"), w("One case in the press", "Én sag i pressen")));
    } else if random.chance(50) {
        lines.push(format!("  {}: {} \"{}\" 12 {} 4 {}", w("trigger", "anledning"), w("pattern", "mønster"), w("Incidents in several units", "Hændelser i flere enheder"), w("cases", "sager"), w("units", "enheder")));
        lines.push(format!("  {}: \"{}\"", w("investigation", "undersøgelse"), w("Incident data from all units", "Hændelsesdata fra alle enheder")));
    }
    let units = 1 + random.below(40);
    let all = if random.chance(30) { w("all ", "alle ") } else { "" };
    lines.push(format!("  {}: {all}{units} {} \"{}\"", w("scope", "omfang"), w("units", "enheder"), w("the units concerned", "de berørte enheder")));
    if random.chance(30) {
        lines.push(format!("  {}: \"{}\"", w("method", "metode"), w("Staff fill in the form at every visit", "Medarbejderne udfylder skemaet ved hvert besøg")));
    }
    if random.chance(80) {
        lines.push(format!("  {}: \"{}\"", w("goal", "mål"), w("Fewer incidents", "Færre hændelser")));
    }
    let modes = pick(random, if en { &["existing automatic", "manual", "manual existing", "manual about_staff"] } else { &["eksisterende automatisk", "manuel", "manuel eksisterende", "manuel om_medarbejdere"] });
    // Data items and burdened groups are shared by a few neighbouring
    // proposals (the same administration), as in a real archive.
    lines.push(format!("  data: \"{} {}\" {modes}", w("time of visit", "besøgstidspunkt"), n / 3));
    for group in 0..1 + random.below(2) {
        let people = 5 + random.below(300);
        let minutes = 1 + random.below(20);
        let frequency = pick(random, if en { &["daily", "weekly", "monthly", "quarterly", "yearly"] } else { &["dagligt", "ugentligt", "månedligt", "kvartalsvis", "årligt"] });
        lines.push(format!("  {} \"{} {}-{group}\" {{", w("burden", "byrde"), w("staff group", "medarbejdergruppe"), n / 5));
        lines.push(format!("    {}: {people}", w("people", "personer")));
        lines.push(format!("    {}: {minutes}", w("minutes", "minutter")));
        lines.push(format!("    {}: {frequency}", w("frequency", "hyppighed")));
        lines.push(format!("    {}: {}", w("frontline", "borgernær"), if random.chance(60) { w("yes", "ja") } else { w("no", "nej") }));
        lines.push("  }".to_owned());
    }
    let measure = if random.chance(60) { w("effect", "effekt") } else { w("process", "proces") };
    lines.push(format!("  {}: {measure} \"{}\"", w("measure", "måling"), w("what changes for citizens", "hvad ændrer sig for borgerne")));
    lines.push(format!("  {}: {}", w("reporting", "rapportering"), pick(random, if en { &["deviation", "periodic monthly", "periodic yearly", "none"] } else { &["afvigelse", "periodisk månedligt", "periodisk årligt", "ingen"] })));
    if random.chance(75) {
        lines.push(format!("  {}: {} {} {}", w("review", "revision"), w("after", "efter"), 1 + random.below(6), w("years", "år")));
    }
    if random.chance(40) {
        lines.push(format!("  dispensation: \"{}\"", w("A unit may apply to the committee", "En enhed kan søge udvalget")));
    }
    lines.push("}".to_owned());
    lines.join("\n") + "\n"
}
