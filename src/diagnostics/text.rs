//! Texts in both languages, with `{name}` placeholders.

use serde::Serialize;

/// The language of messages (not of keywords: a file may mix those).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Da,
}

impl Lang {
    pub fn parse(word: &str) -> Option<Lang> {
        match word {
            "en" => Some(Lang::En),
            "da" => Some(Lang::Da),
            _ => None,
        }
    }

    /// The language a `LANG`-style locale asks for: Danish for `da…`.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.starts_with("da") {
            Lang::Da
        } else {
            Lang::En
        }
    }
}

/// One message in English and Danish.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub da: &'static str,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Da => self.da,
        }
    }

    /// The text in `lang` with each `{name}` replaced by its value.
    pub fn fill(&self, lang: Lang, args: &[(&str, &str)]) -> String {
        fill(self.get(lang), args)
    }
}

/// A number as the language writes it: whole numbers with thousands
/// separators (27,375 / 27.375), others with one decimal (14.2 / 14,2).
pub fn format_number(value: f64, lang: Lang) -> String {
    let (thousands, decimal) = match lang {
        Lang::En => (',', '.'),
        Lang::Da => ('.', ','),
    };
    let rounded = (value * 10.0).round() / 10.0;
    let negative = rounded < 0.0;
    let tenths = (rounded.abs() * 10.0).round() as u64;
    let (whole, fraction) = (tenths / 10, tenths % 10);
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + 6);
    if negative && tenths > 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(thousands);
        }
        out.push(c);
    }
    if fraction > 0 {
        out.push(decimal);
        out.push(char::from(b'0' + fraction as u8));
    }
    out
}

/// "a, b and c" / "a, b og c".
pub fn join_and(items: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::En => "and",
        Lang::Da => "og",
    };
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
    }
}

/// Replaces `{name}` placeholders (a name is letters, digits and `_`); an
/// unknown name is left as written, so a typo in a template shows in the
/// output instead of vanishing, and other braces (`` `{` ``) stay as they are.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let value = (name_len > 0 && after[name_len..].starts_with('}'))
            .then(|| args.iter().find(|(key, _)| *key == &after[..name_len]))
            .flatten();
        match value {
            Some((_, value)) => {
                out.push_str(value);
                rest = &after[name_len + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_each_language() {
        assert_eq!(format_number(27_375.0, Lang::En), "27,375");
        assert_eq!(format_number(27_375.0, Lang::Da), "27.375");
        assert_eq!(format_number(14.228, Lang::En), "14.2");
        assert_eq!(format_number(14.228, Lang::Da), "14,2");
        assert_eq!(format_number(10_950_000.0, Lang::Da), "10.950.000");
        assert_eq!(format_number(0.04, Lang::En), "0");
        assert_eq!(format_number(-2.5, Lang::En), "-2.5");
        assert_eq!(format_number(999.96, Lang::En), "1,000");
    }

    #[test]
    fn fill_replaces_known_names_and_keeps_unknown_ones() {
        assert_eq!(
            fill("`{key}` in {where} {oops", &[("key", "formål"), ("where", "x")]),
            "`formål` in x {oops"
        );
        assert_eq!(fill("`{` on line {line}", &[("line", "3")]), "`{` on line 3");
        assert_eq!(fill("{missing}", &[]), "{missing}");
    }
}
