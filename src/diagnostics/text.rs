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
    fn fill_replaces_known_names_and_keeps_unknown_ones() {
        assert_eq!(
            fill(
                "`{key}` in {where} {oops",
                &[("key", "formål"), ("where", "x")]
            ),
            "`formål` in x {oops"
        );
        assert_eq!(
            fill("`{` on line {line}", &[("line", "3")]),
            "`{` on line 3"
        );
        assert_eq!(fill("{missing}", &[]), "{missing}");
    }
}
