//! trustlint against regorus (Rego, as a team might write the kodeks
//! rules instead), on equal terms: the same 14 per-requirement rules
//! (`kodeks.rego`; trustlint's corpus rules TL301 and TL302 switched off),
//! the same input, the same output, the same threads.
//!
//! The output on both sides is text, a line `ID CODE` for each code that
//! fires on a requirement, and both must give exactly the same text.
//!
//! - *Rules alone*: both start from the requirements in memory — trustlint
//!   from its typed requirements and estimates, regorus from the same
//!   requirements as regorus values (made from the JSON `to_json` writes).
//!   trustlint evaluates its compiled conditions, regorus its policy.
//! - *End to end*: both start from the `.krav` files. regorus' side reads
//!   and parses them with trustlint's parser and model (there is no other),
//!   converts each requirement to JSON and hands the text to regorus;
//!   trustlint's side runs the whole check (language checks, suppressions,
//!   and full diagnostics, of which only the codes are written).
//!
//! Both sides run on the rayon pool they are given (regorus with an engine
//! per worker thread), so `RAYON_NUM_THREADS` sets both.

use crate::corpus::files;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;
use trustlint::burden::{self, Estimate};
use trustlint::check::{self, Options};
use trustlint::diagnostics::{Diagnostic, Lang, Level};
use trustlint::engine::expr;
use trustlint::engine::fields::Context;
use trustlint::engine::{Judged, Rule, RuleKind, Ruleset};
use trustlint::model::{self, Requirement};
use trustlint::settings::Levels;
use trustlint::source::{FileId, SourceFile, SourceMap};
use trustlint::syntax;

/// The codes kodeks.rego implements.
pub const PER_REQUIREMENT: [&str; 14] = [
    "TL101", "TL102", "TL103", "TL104", "TL105", "TL201", "TL202", "TL203", "TL204", "TL205", "TL206", "TL207", "TL208", "TL209",
];

/// The policy, compiled once; each worker thread evaluates with a clone.
pub fn policy() -> regorus::Engine {
    let mut engine = regorus::Engine::new();
    engine
        .add_policy("kodeks.rego".to_owned(), include_str!("kodeks.rego").to_owned())
        .expect("the policy compiles");
    engine
}

/// The requirements of a folder, read, parsed and estimated (valid ones:
/// the generated corpus has no language errors), and each as regorus'
/// input.
pub struct Loaded {
    pub requirements: Vec<Requirement>,
    pub estimates: Vec<Estimate>,
    pub inputs: Vec<(String, regorus::Value)>,
}

pub fn load(dir: &Path, ruleset: &Ruleset) -> Loaded {
    let mut requirements = Vec::new();
    for (i, path) in files(dir).iter().enumerate() {
        let text = std::fs::read_to_string(path).expect("corpus file");
        requirements.extend(build(FileId(i), &text));
    }
    let estimates: Vec<Estimate> = requirements.iter().map(|r| burden::estimate(r, &ruleset.cost)).collect();
    let inputs = requirements
        .iter()
        .zip(&estimates)
        .map(|(requirement, estimate)| {
            let json = to_json(&Judged { requirement, estimate }, ruleset).to_string();
            (id_of(requirement), regorus::Value::from_json_str(&json).expect("JSON"))
        })
        .collect();
    Loaded {
        requirements,
        estimates,
        inputs,
    }
}

fn build(file: FileId, text: &str) -> Vec<Requirement> {
    let mut out = Vec::new();
    let mut diagnostics = Vec::new();
    for range in syntax::chunks(text) {
        // The corpus parses, so no message counts lines (0 before the chunk).
        let (document, _) = syntax::parse_range(file, text, range, 0, Lang::En);
        let document = document.expect("the corpus parses");
        out.extend(model::build(file, &document, Lang::En, &mut diagnostics).into_iter().map(|b| b.requirement));
    }
    out
}

fn id_of(requirement: &Requirement) -> String {
    requirement.id().unwrap_or_default().to_owned()
}

/// The output both sides write: `ID CODE` for each code, in code order.
fn lines(out: &mut String, id: &str, codes: impl IntoIterator<Item = impl AsRef<str>>) {
    for code in codes {
        let _ = writeln!(out, "{id} {}", code.as_ref());
    }
}

/// trustlint's rules alone: each of the ruleset's per-requirement
/// conditions evaluated; a rule over a list fires once it fires on one
/// element (the output is the code, once).
pub fn trustlint_rules(ruleset: &Ruleset, judged: &[Judged<'_>]) -> String {
    let rules: Vec<&Rule> = ruleset
        .rules
        .iter()
        .filter(|r| PER_REQUIREMENT.contains(&r.code()))
        .collect();
    let parts: Vec<String> = judged
        .par_iter()
        .map(|j| {
            let cx = Context {
                requirement: j.requirement,
                estimate: j.estimate,
                cost: &ruleset.cost,
                element: None,
                vars: &[],
                // As `check` counts dates: from the system's day.
                today: trustlint::model::Date::today(),
            };
            let mut codes: Vec<&str> = rules
                .iter()
                .filter(|rule| match &rule.kind {
                    RuleKind::Condition { each: None, when } => expr::truthy(&expr::eval(when, &cx)),
                    RuleKind::Condition { each: Some(list), when } => cx
                        .elements(*list)
                        .into_iter()
                        .any(|element| expr::truthy(&expr::eval(when, &cx.with(element)))),
                    RuleKind::Builtin(_) => false,
                })
                .map(|rule| rule.code())
                .collect();
            codes.sort_unstable();
            let mut out = String::new();
            lines(&mut out, j.requirement.id().unwrap_or_default(), codes);
            out
        })
        .collect();
    parts.concat()
}

/// trustlint's rules alone with full diagnostics (messages, labels, help in
/// the chosen language): what `check` does, more than regorus is asked for.
pub fn trustlint_findings(ruleset: &Ruleset, judged: &[Judged<'_>]) -> Vec<Diagnostic> {
    trustlint::engine::evaluate(ruleset, judged, Lang::En, &|code| !PER_REQUIREMENT.contains(&code))
}

/// regorus' rules alone over the prepared inputs.
pub fn regorus_rules(engine: &regorus::Engine, inputs: &[(String, regorus::Value)]) -> String {
    let parts: Vec<String> = inputs
        .par_iter()
        .map_init(
            || engine.clone(),
            |engine, (id, input)| {
                let mut out = String::new();
                lines(&mut out, id, regorus_codes(engine, input.clone()));
                out
            },
        )
        .collect();
    parts.concat()
}

fn regorus_codes(engine: &mut regorus::Engine, input: regorus::Value) -> BTreeSet<String> {
    engine.set_input(input);
    let result = engine.eval_rule("data.kodeks.findings".to_owned()).expect("evaluates");
    result
        .as_set()
        .map(|set| set.iter().filter_map(|v| v.as_string().ok().map(|s| s.to_string())).collect())
        .unwrap_or_default()
}

/// trustlint end to end: the files read and checked as `trustlint check`
/// checks them (TL301 and TL302 off), the codes written.
pub fn trustlint_end_to_end(dir: &Path, ruleset: &Ruleset) -> String {
    let mut sources = SourceMap::new();
    for path in files(dir) {
        let text = std::fs::read_to_string(&path).expect("corpus file");
        sources.add(SourceFile::new(path.display().to_string(), text));
    }
    let registry = ruleset.registry();
    let mut levels = Levels::new(&registry);
    for code in ["TL301", "TL302"] {
        levels
            .set(&registry, code, Level::Allow, trustlint::diagnostics::Lang::En)
            .expect("a code of the ruleset");
    }
    let options = Options {
        lang: Lang::En,
        levels,
        ..Options::default()
    };
    let checked = check::check(&sources, &vec![None; sources.len()], ruleset, &options);
    // Diagnostics come sorted by file and position, so each requirement's
    // are together.
    let mut out = String::new();
    let mut current: Option<&str> = None;
    let mut codes: BTreeSet<&str> = BTreeSet::new();
    for d in checked.diagnostics.iter().filter(|d| PER_REQUIREMENT.contains(&d.code())) {
        let id = d.requirement.as_deref().unwrap_or_default();
        if current != Some(id) {
            lines(&mut out, current.unwrap_or_default(), std::mem::take(&mut codes));
            current = Some(id);
        }
        codes.insert(d.code());
    }
    lines(&mut out, current.unwrap_or_default(), codes);
    out
}

/// regorus end to end: the same files read and parsed (trustlint's parser
/// and model), each requirement converted to JSON and evaluated.
pub fn regorus_end_to_end(dir: &Path, ruleset: &Ruleset, engine: &regorus::Engine) -> String {
    let paths = files(dir);
    let parts: Vec<String> = paths
        .par_iter()
        .enumerate()
        .map_init(
            || engine.clone(),
            |engine, (i, path)| {
                let text = std::fs::read_to_string(path).expect("corpus file");
                let mut out = String::new();
                for requirement in build(FileId(i), &text) {
                    let estimate = burden::estimate(&requirement, &ruleset.cost);
                    let json = to_json(&Judged { requirement: &requirement, estimate: &estimate }, ruleset).to_string();
                    let input = regorus::Value::from_json_str(&json).expect("JSON");
                    lines(&mut out, requirement.id().unwrap_or_default(), regorus_codes(engine, input));
                }
                out
            },
        )
        .collect();
    parts.concat()
}

/// A requirement and its estimate as the Rego policy reads them.
fn to_json(judged: &Judged<'_>, ruleset: &Ruleset) -> serde_json::Value {
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

