//! The HTML pages' machinery, shared by the report and the audit: the
//! templates compiled in, minijinja set to escape every value, the filter
//! that sets backticked words as code, and the words every page shows.

use crate::diagnostics::{messages as m, Lang, Text};
use serde::Serialize;
use std::collections::BTreeMap;

/// The templates, data compiled in: a page (`base.html`: styles for screen
/// and A4 print, title), the pieces both documents draw (`macros.html`: a
/// chart, a table of findings) and the two documents drawn on it.
const TEMPLATES: [(&str, &str); 4] = [
    ("base.html", include_str!("../../../templates/base.html")),
    ("macros.html", include_str!("../../../templates/macros.html")),
    ("report.html", include_str!("../../../templates/report.html")),
    ("audit.html", include_str!("../../../templates/audit.html")),
];

/// `value` drawn with the template `name`. Every value is escaped,
/// whatever the template's name: a title with `<script>` is text.
pub(crate) fn render(name: &str, value: &impl Serialize) -> Result<String, String> {
    let mut env = minijinja::Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    // A tag's line leaves no blank line behind; the file ends in a newline.
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .map_err(|e| e.to_string())?;
    env.set_syntax(syntax);
    env.add_filter("code", code_spans);
    for (name, text) in TEMPLATES {
        env.add_template(name, text).map_err(|e| e.to_string())?;
    }
    env.get_template(name)
        .and_then(|template| template.render(minijinja::value::Serde(value)))
        .map_err(|e| e.to_string())
}

/// A message with its `quoted` words set as code, as the terminal shows
/// them between backticks. The text is escaped first: only the `<code>`
/// tags are markup. An unmatched backtick stays a backtick.
fn code_spans(text: &str) -> minijinja::Value {
    let parts: Vec<&str> = text.split('`').collect();
    let mut out = String::with_capacity(text.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        let escaped = minijinja::HtmlEscape(part);
        if i % 2 == 0 {
            out.push_str(&escaped.to_string());
        } else if i + 1 < parts.len() {
            out.push_str(&format!("<code>{escaped}</code>"));
        } else {
            out.push_str(&format!("`{escaped}"));
        }
    }
    minijinja::Value::from_safe_string(out)
}

/// The page's fixed words in `lang`, by the names the templates use.
pub(crate) fn words(lang: Lang, texts: &[(&'static str, Text)]) -> BTreeMap<&'static str, String> {
    texts
        .iter()
        .map(|(key, text)| (*key, text.get(lang).to_owned()))
        .collect()
}

/// `lang` as HTML names it.
pub(crate) fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Da => "da",
    }
}

/// The line under the title: which trustlint and ruleset made the page.
pub(crate) fn made_by(lang: Lang, ruleset: &str) -> String {
    m::REPORT_MADE_BY.fill(lang, &[("version", env!("CARGO_PKG_VERSION")), ("ruleset", ruleset)])
}
