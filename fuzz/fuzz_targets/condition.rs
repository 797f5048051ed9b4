//! Any text as a rule condition and as a message template: an error or a
//! compiled expression, never a panic; compiled ones evaluate on a
//! requirement without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::Arc;
use trustlint::diagnostics::Lang;
use trustlint::engine::expr;
use trustlint::engine::fields::ListField;
use trustlint::engine::params::{ParamValue, Params};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let params = Params::new(
        [
            ("limit".to_owned(), ParamValue::Num(4.0)),
            ("word".to_owned(), ParamValue::Str("quarterly".into())),
            ("table".to_owned(), ParamValue::Table(Arc::new([("low".to_owned(), ParamValue::Num(4.0))].into_iter().collect()))),
        ]
        .into_iter()
        .collect(),
    );
    for scope in [None, Some(ListField::Burdens), Some(ListField::Data)] {
        // The errors in both languages: each builds its own sentences.
        for lang in [Lang::En, Lang::Da] {
            let _ = expr::compile_condition(text, &params, scope, lang);
            let _ = expr::compile_value(text, &params, scope, lang);
        }
    }
});
