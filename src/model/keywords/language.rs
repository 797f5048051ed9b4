//! Keywords in the language of a file: the help a rule gives spelt as the
//! file is written, and the language a file is written in.

use super::{every_table, Keyword, Opener};
use crate::diagnostics::Lang;

/// `text` with the keywords in its code (between backticks) spelt in
/// `lang`, the language of the file a rule's help is about: a Danish file
/// is never told to write `purpose: safety`, an English one never
/// `formål: sikkerhed`. Quoted text in the code, words that are no keyword
/// (`ID`, numbers) and words two tables spell differently in `lang` are
/// left as written.
pub fn keywords_in(text: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
    if !text.contains('`') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    for (i, part) in text.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        if i % 2 == 0 {
            out.push_str(part);
        } else {
            code_keywords_in(part, lang, &mut out);
        }
    }
    out.into()
}

/// One code span of [`keywords_in`], word by word, outside quotes.
fn code_keywords_in(code: &str, lang: Lang, out: &mut String) {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut quoted = false;
    let mut rest = code;
    while let Some(c) = rest.chars().next() {
        if !quoted && is_word(c) {
            let end = rest.find(|c: char| !is_word(c)).unwrap_or(rest.len());
            let word = &rest[..end];
            out.push_str(keyword_in(word, lang).unwrap_or(word));
            rest = &rest[end..];
        } else {
            quoted ^= c == '"';
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
}

/// `word`, a keyword as spelt in either language, spelt in `lang`; none
/// when it is no keyword or its tables disagree.
fn keyword_in(word: &str, lang: Lang) -> Option<&'static str> {
    let mut found = None;
    for spelling in every_table().into_iter().flatten() {
        if spelling.en == word || spelling.da == word {
            let spelt = spelling.in_lang(lang);
            if found.is_some_and(|f| f != spelt) {
                return None;
            }
            found = Some(spelt);
        }
    }
    found
}

/// The language a file's keywords are written in, from the opener of its
/// first requirement (`krav` or `requirement`): what answers a file in its
/// own language when neither `--lang`, the config nor the locale decides.
pub fn written_in(text: &str) -> Option<Lang> {
    let line = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with('#'))?;
    let word: String = line.chars().take_while(|c| c.is_alphabetic()).collect();
    let word = word.to_lowercase();
    [Lang::Da, Lang::En]
        .into_iter()
        .find(|lang| Opener::Requirement.name(*lang) == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_written_in_the_language_of_its_opener() {
        assert_eq!(written_in("# kommentar\n\nKrav \"x\" {}"), Some(Lang::Da));
        assert_eq!(written_in("requirement \"x\" {}"), Some(Lang::En));
        assert_eq!(written_in("kravet \"x\" {}"), None);
        assert_eq!(written_in(""), None);
    }

    #[test]
    fn help_names_the_keywords_of_the_files_language() {
        let help = "add `measure: effect \"the effect\"` or `review: after 2 years`, not `ID, …`";
        assert_eq!(
            keywords_in(help, Lang::Da),
            "add `måling: effekt \"the effect\"` or `revision: efter 2 år`, not `ID, …`"
        );
        let hjælp = "tilføj `formål: lovkrav` med `hjemmel`, eller marker dem `eksisterende automatisk`";
        assert_eq!(
            keywords_in(hjælp, Lang::En),
            "tilføj `purpose: legal` med `legal_basis`, eller marker dem `existing automatic`"
        );
        // Prose outside backticks, and quoted text inside, stay as written.
        assert_eq!(keywords_in("risk is `\"risk\"`", Lang::Da), "risk is `\"risk\"`");
        assert_eq!(keywords_in("an odd ` count", Lang::Da), "an odd ` count");
    }
}
