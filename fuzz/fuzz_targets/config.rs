//! Any text as a trustlint.toml: TL013 diagnostics with spans inside the
//! file, or a config, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trustlint::settings::config;
use trustlint::source::FileId;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match config::load(FileId(0), text, std::path::Path::new("."), trustlint::diagnostics::Lang::En) {
        Err(diagnostics) => {
            for d in diagnostics {
                assert!(d.primary.span.end <= text.len(), "{d:?}");
            }
        }
        Ok(config) => {
            let _ = config.selects(std::path::Path::new("a/b.krav"));
        }
    }
});
