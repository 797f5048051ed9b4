//! The generated corpus: deterministic, both languages, the mix of
//! problems real proposals have.

use std::path::{Path, PathBuf};

/// Requirements in each generated file.
pub const PER_FILE: usize = 100;

/// The files of a folder, sorted.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).expect("corpus").map(|e| e.expect("entry").path()).collect();
    files.sort();
    files
}

/// Every file of `dir` one after the other in one file `into` (ids stay
/// unique): the same input as one file.
pub fn concatenate(dir: &Path, into: &Path) -> u64 {
    let _ = std::fs::remove_dir_all(into.parent().expect("a folder"));
    std::fs::create_dir_all(into.parent().expect("a folder")).expect("corpus folder");
    let mut text = Vec::new();
    for path in files(dir) {
        text.extend(std::fs::read(path).expect("corpus file"));
    }
    std::fs::write(into, &text).expect("corpus file");
    text.len() as u64
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
pub fn generate(dir: &Path, files: usize, invalid: bool) -> (u64, usize) {
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
