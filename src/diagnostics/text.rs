//! Texts in both languages, with `{name}` placeholders.

use serde::Serialize;
use std::borrow::Cow;

/// The language of messages (not of keywords: a file may mix those).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
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

/// Text in English and Danish: the one type for everything a user reads.
/// The message table ([`super::messages`]) holds `Text<&'static str>`; a
/// ruleset's texts are `Text<String>` and `Text<Template>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text<T = &'static str> {
    pub en: T,
    pub da: T,
}

impl<T> Text<T> {
    /// The text in `lang`.
    pub fn in_lang(&self, lang: Lang) -> &T {
        match lang {
            Lang::En => &self.en,
            Lang::Da => &self.da,
        }
    }
}

impl Text {
    /// A text of the message table in `lang`, as the `&'static str` it is.
    pub fn get(&self, lang: Lang) -> &'static str {
        self.in_lang(lang)
    }

    /// The text in `lang` with its placeholders filled in (see [`fill`]).
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
    if !value.is_finite() {
        // The model keeps figures finite; should one not be, it is not a number.
        return if value.is_nan() {
            "–".to_owned()
        } else if value > 0.0 {
            "∞".to_owned()
        } else {
            "-∞".to_owned()
        };
    }
    let rounded = (value * 10.0).round() / 10.0;
    let negative = rounded < 0.0;
    // Tenths fit a u64 below 1.8e18; past that every digit of the number
    // as it is stored (it has no tenths there).
    let (digits, fraction) = if rounded.abs() < 1e17 {
        let tenths = (rounded.abs() * 10.0).round() as u64;
        ((tenths / 10).to_string(), tenths % 10)
    } else {
        (format!("{:.0}", value.abs()), 0)
    };
    let negative = negative && (digits != "0" || fraction > 0);
    let mut out = String::with_capacity(digits.len() + 6);
    if negative {
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
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), super::messages::AND.get(lang)),
    }
}

/// Whether a number, as written, takes the singular: exactly `1`, in both
/// English and Danish ("1 case", "1 sag"; "0 cases", "1.5 hours", "2 sager").
/// The choice is made on the written number, so 0.96 shown as "1" is "1 hour".
pub fn is_singular(number: &str) -> bool {
    number.trim() == "1"
}

/// Replaces placeholders: `{name}` by its value, and `{name|one|other}`
/// by the form that agrees with the number `name` holds (`one` when it is
/// written `1`, see [`is_singular`]), so "{n} {n|case|cases}" reads
/// "1 case" and "3 cases". A name is letters, digits and `_`; a form holds
/// no `{`, `}` or `|`. An unknown name is left as written, so a typo in a
/// template shows in the output instead of vanishing, and other braces
/// (`` `{` ``) stay as they are.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    fill_with(template, |name| {
        args.iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| Cow::Borrowed(*value))
    })
}

/// [`fill`] with each placeholder's value given by `value_of` its name
/// (as a kept message gives them, with no list made).
pub(super) fn fill_with<'v>(template: &str, value_of: impl Fn(&str) -> Option<Cow<'v, str>>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name = &after[..after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len())];
        let filled = value_of(name).and_then(|value| Some((placeholder(after, name.len(), &value)?, value)));
        match filled {
            Some(((form, len), value)) => {
                let text = form.unwrap_or(&value);
                // A value from the input (a key, an id, a name) fills in at
                // most this much, so a message stays short whatever the
                // input holds: an 8 MB key once made an 8 MB message.
                const MAX_CHARS: usize = 500;
                match text.char_indices().nth(MAX_CHARS) {
                    Some((cut, _)) => {
                        out.push_str(&text[..cut]);
                        out.push('…');
                    }
                    None => out.push_str(text),
                }
                rest = &after[len..];
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

/// The placeholder `after` starts with (just after its `{`), whose name
/// takes `name_len` bytes and holds `value`: the plural form to write
/// (`None`: the value itself), and how many bytes it takes up to and with
/// its `}`.
fn placeholder<'a>(after: &'a str, name_len: usize, value: &str) -> Option<(Option<&'a str>, usize)> {
    let tail = &after[name_len..];
    if tail.starts_with('}') {
        return Some((None, name_len + 1));
    }
    let forms = tail.strip_prefix('|')?;
    let close = forms.find(['{', '}'])?;
    let (one, other) = forms[..close].split_once('|')?;
    if forms[..close].matches('|').count() != 1 || !forms[close..].starts_with('}') {
        return None;
    }
    let form = if is_singular(value) { one } else { other };
    Some((Some(form), name_len + 1 + close + 1))
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
        // Exactly, whatever the size: once a u64 cast gave 1,844,674,407,370,955,161.5.
        assert_eq!(format_number(1.9e18, Lang::En), "1,900,000,000,000,000,000");
        assert_eq!(format_number(1e20, Lang::Da), "100.000.000.000.000.000.000");
        assert_eq!(format_number(-3e18, Lang::En), "-3,000,000,000,000,000,000");
        assert_eq!(format_number(-0.01, Lang::En), "0");
        assert_eq!(format_number(f64::INFINITY, Lang::En), "∞");
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

    #[test]
    fn plural_forms_agree_with_the_number_in_both_languages() {
        let cases = Text {
            en: "{n} {n|case|cases}",
            da: "{n} {n|sag|sager}",
        };
        for (n, en, da) in [
            ("0", "0 cases", "0 sager"),
            ("1", "1 case", "1 sag"),
            ("3", "3 cases", "3 sager"),
            ("1.5", "1.5 cases", "1.5 sager"),
            ("11", "11 cases", "11 sager"),
        ] {
            assert_eq!(cases.fill(Lang::En, &[("n", n)]), en);
            assert_eq!(cases.fill(Lang::Da, &[("n", n)]), da);
        }
    }

    #[test]
    fn plural_forms_of_the_message_table() {
        use crate::diagnostics::messages as m;
        let files = |lang, n: &str| m::COUNT_FILES.fill(lang, &[("n", n)]);
        assert_eq!(files(Lang::En, "1"), "1 file");
        assert_eq!(files(Lang::En, "2"), "2 files");
        assert_eq!(files(Lang::Da, "1"), "1 fil");
        assert_eq!(files(Lang::Da, "2"), "2 filer");
    }

    #[test]
    fn malformed_plurals_stay_as_written() {
        assert_eq!(fill("{n|case}", &[("n", "1")]), "{n|case}");
        assert_eq!(fill("{n|a|b|c}", &[("n", "1")]), "{n|a|b|c}");
        assert_eq!(fill("{n|case|cases", &[("n", "1")]), "{n|case|cases");
        assert_eq!(fill("{m|case|cases}", &[("n", "1")]), "{m|case|cases}");
        assert_eq!(fill("{n|a{b|c}", &[("n", "1")]), "{n|a{b|c}");
    }
}
