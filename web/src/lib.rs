//! The browser's entry point: the library's own check, explain, `init`
//! template and committee report, called from JavaScript through wasm-bindgen. Nothing here
//! judges or words anything; it only hands the library's results to the
//! page. No threads (rayon runs on the calling thread where the platform has
//! none), no files, no clock, no process id: wasm32-unknown-unknown has none
//! of them.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use trustlint::burden::report::{self, Report};
use trustlint::check::{self, fix, Options};
use trustlint::diagnostics::{messages as m, Counts, Edit, Lang};
use trustlint::engine::ruleset::{self as rulesets, DEFAULT_NAME, DEFAULT_TEXT};
use trustlint::engine::Ruleset;
use trustlint::model::template;
use trustlint::render::{self, burden, Format, Style};
use trustlint::ruleset_test::explain;
use trustlint::source::{FileId, SourceFile, SourceMap, Span};
use wasm_bindgen::prelude::wasm_bindgen;

thread_local! {
    /// The built-in ruleset, compiled at the first call and kept for the
    /// page's life (a page has one thread).
    static RULESET: Result<Ruleset, String> = compile_ruleset();
}

fn compile_ruleset() -> Result<Ruleset, String> {
    rulesets::load(FileId(0), DEFAULT_TEXT).map_err(|errors| {
        let messages: Vec<String> = errors.iter().map(|d| d.message.to_string()).collect();
        format!(
            "the built-in ruleset `{DEFAULT_NAME}` has errors: {}",
            messages.join("; ")
        )
    })
}

fn with_ruleset<T>(f: impl FnOnce(&Ruleset) -> T) -> Result<T, String> {
    RULESET.with(|ruleset| ruleset.as_ref().map(f).map_err(Clone::clone))
}

/// `da` or `en`; anything else is Danish, the page's default.
fn lang_of(lang: &str) -> Lang {
    if lang.eq_ignore_ascii_case("en") {
        Lang::En
    } else {
        Lang::Da
    }
}

/// What the page gets from [`check`].
#[derive(Serialize)]
struct Checked<'a> {
    /// The document `trustlint check --format json` writes (diagnostics with
    /// byte spans, lines and columns, labels, help, source; the burden
    /// estimate per requirement), so that the page and the command line
    /// cannot disagree.
    report: serde_json::Value,
    /// "2 fejl og 1 advarsel", as the command line's summary line says it.
    summary: String,
    /// The burden figures per requirement, per group and in total.
    burden: Report,
    /// The same figures as the table `trustlint burden` prints.
    burden_table: String,
    /// For each code that occurs: its summary and, for the ruleset's rules,
    /// the kodeks quote and where it stands.
    rules: BTreeMap<&'a str, RuleFacts<'a>>,
}

#[derive(Serialize)]
struct RuleFacts<'a> {
    name: &'a str,
    summary: &'a str,
    source: std::borrow::Cow<'a, str>,
    /// The words of the sources a ruleset rule rests on, each with its own
    /// document and section.
    quotes: Vec<QuoteFacts<'a>>,
    /// The note that carries the quote among the diagnostic's notes, so the
    /// page can show the quote apart instead of twice.
    quote_note: Option<String>,
}

#[derive(Serialize)]
struct QuoteFacts<'a> {
    source: &'a str,
    text: &'a str,
}

/// Checks `source` as one file named as `init` names it, in `lang`, and
/// returns the result as JSON ([`Checked`]), or `{"error": "…"}` when the
/// built-in ruleset cannot be compiled.
#[wasm_bindgen]
pub fn check(source: &str, lang: &str) -> String {
    let lang = lang_of(lang);
    let result = with_ruleset(|ruleset| check_with(ruleset, source, lang)).and_then(|checked| checked);
    result.unwrap_or_else(|error| serde_json::json!({ "error": error }).to_string())
}

/// `source` as one file named as `init` names it, checked in `lang` with
/// the default levels: what [`check`] and [`report`] both show.
fn checked_source(ruleset: &Ruleset, source: &str, lang: Lang) -> (SourceMap, Options, check::Checked) {
    let mut sources = SourceMap::new();
    sources.add(SourceFile::new(m::INIT_FILE_NAME.get(lang), source.to_owned()));
    let options = Options {
        lang,
        ..Options::default()
    };
    let checked = check::check(&sources, &[None], ruleset, &options);
    (sources, options, checked)
}

fn check_with(ruleset: &Ruleset, source: &str, lang: Lang) -> Result<String, String> {
    let (sources, _, checked) = checked_source(ruleset, source, lang);
    let style = Style {
        lang,
        color: false,
        quiet: true,
    };
    let registry = ruleset.registry();
    let json = render::render(Format::Json, &checked, &sources, style, &registry);
    let report: serde_json::Value =
        serde_json::from_slice(&json).map_err(|err| format!("cannot read the JSON report: {err}"))?;
    let burden = report::report(&checked.requirements, &checked.estimates);
    let burden_table = burden::table(&burden, lang);
    let rules = checked
        .diagnostics
        .iter()
        .map(|d| {
            let entry = &*d.rule;
            let facts = RuleFacts {
                name: &entry.name,
                summary: entry.summary(lang),
                source: entry.source(lang),
                quotes: entry
                    .quotes
                    .iter()
                    .map(|q| QuoteFacts {
                        source: q.source.in_lang(lang).as_ref(),
                        text: &q.text,
                    })
                    .collect(),
                quote_note: entry.quote_note(lang),
            };
            (d.code(), facts)
        })
        .collect();
    let result = Checked {
        report,
        summary: render::counts_phrase(Counts::of(&checked.diagnostics), lang),
        burden,
        burden_table,
        rules,
    };
    serde_json::to_string(&result).map_err(|err| format!("cannot write the result: {err}"))
}

/// One edit of a diagnostic as the report's JSON carries it.
#[derive(Deserialize)]
struct JsonEdit {
    span: JsonSpan,
    replacement: String,
    safe: bool,
}

#[derive(Deserialize)]
struct JsonSpan {
    start: usize,
    end: usize,
}

/// `source` with `edits` applied: the `edits` of one diagnostic of
/// [`check`]'s report, as JSON. The library applies them, as `check --fix`
/// does (byte spans, never across a line break, overlaps left out); edits
/// that do not parse leave the text as it is.
#[wasm_bindgen]
pub fn apply_fix(source: &str, edits: &str) -> String {
    let Ok(edits) = serde_json::from_str::<Vec<JsonEdit>>(edits) else {
        return source.to_owned();
    };
    let edits: Vec<Edit> = edits
        .into_iter()
        .map(|edit| Edit {
            span: Span::new(edit.span.start, edit.span.end),
            replacement: edit.replacement,
            safe: edit.safe,
        })
        .collect();
    let (fixed, _) = fix::apply(source, &edits.iter().collect::<Vec<_>>());
    fixed
}

/// The committee's report (`trustlint report`) for `source`, checked as
/// [`check`] checks it, in `lang`: one self-contained HTML document.
#[wasm_bindgen]
pub fn report(source: &str, lang: &str) -> Result<String, String> {
    let lang = lang_of(lang);
    with_ruleset(|ruleset| {
        let (sources, options, checked) = checked_source(ruleset, source, lang);
        render::report::html(&render::report::Input {
            checked: &checked,
            sources: &sources,
            ruleset,
            levels: &options.levels,
            lang,
            with_register: false,
        })
    })
    .and_then(|html| html)
}

/// `trustlint explain CODE` in `lang`; empty for a code nobody knows.
#[wasm_bindgen]
pub fn explain(code: &str, lang: &str) -> String {
    with_ruleset(|ruleset| explain::explain(ruleset, code, lang_of(lang)).unwrap_or_default())
        .unwrap_or_else(|error| error)
}

/// The template `trustlint init` writes, in `lang`.
#[wasm_bindgen]
pub fn template(lang: &str) -> String {
    template::template(lang_of(lang))
}
