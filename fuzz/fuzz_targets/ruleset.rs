//! Any text as a ruleset file: TL012 diagnostics with spans inside the
//! file, or a ruleset, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trustlint::engine::ruleset;
use trustlint::source::FileId;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(diagnostics) = ruleset::load(FileId(0), text) {
        for d in diagnostics {
            assert!(d.primary.span.end <= text.len(), "{d:?}");
            assert!(text.is_char_boundary(d.primary.span.start) && text.is_char_boundary(d.primary.span.end), "{d:?}");
        }
    }
});
