//! Any bytes as a `.krav` file, through loading, parsing, the model, the
//! default ruleset and every renderer: no panic, spans inside the file and
//! on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use trustlint::check::{self, Options};
use trustlint::diagnostics::Registry;
use trustlint::engine::{ruleset, Ruleset};
use trustlint::source::input;
use trustlint::render::{self, Format, Style};
use trustlint::source::{FileId, SourceMap};

fn ruleset() -> &'static Ruleset {
    static RULESET: OnceLock<Ruleset> = OnceLock::new();
    RULESET.get_or_init(|| ruleset::load(FileId(0), ruleset::DEFAULT_TEXT).expect("the default ruleset loads"))
}

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| ruleset().registry())
}

fuzz_target!(|data: &[u8]| {
    let mut sources = SourceMap::new();
    let (file, error) = input::from_bytes("fuzz.krav".to_owned(), Ok(data.to_vec()));
    sources.add(file);
    let checked = check::check(&sources, &[error], ruleset(), &Options::default());
    let text = &sources.get(FileId(0)).text;
    for d in &checked.diagnostics {
        for label in std::iter::once(&d.primary).chain(&d.secondary) {
            assert!(label.span.start <= label.span.end && label.span.end <= text.len(), "{d:?}");
            assert!(text.is_char_boundary(label.span.start) && text.is_char_boundary(label.span.end), "{d:?}");
        }
    }
    for format in [Format::Human, Format::Pretty, Format::Short, Format::Json, Format::Sarif, Format::Github] {
        render::render(format, &checked, &sources, Style::default(), registry());
    }
});
