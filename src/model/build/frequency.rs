//! Frequencies (`weekly`, `2 per_year`), and the ways people write a
//! number of times a year in prose (`2 gange om året`), read as meant with
//! a safe fix.

use super::cursor::Cursor;
use super::values::{describe, MAX_PER_YEAR, MAX_WORDS_IN_KEYWORD};
use super::Builder;
use crate::diagnostics::{messages as m, Arg};
use crate::model::keywords::{KeyTable, Unit, PER_YEAR_PROSE};
use crate::model::{Frequency, FrequencyWord, Keyword, Spanned};
use crate::source::Span;

impl Builder<'_> {
    pub(super) fn frequency(&mut self, key: impl KeyTable, c: &mut Cursor<'_, '_>) -> Option<Spanned<Frequency>> {
        if c.at_number() {
            let n = self.bounded(key, c, MAX_PER_YEAR)?;
            if let Some(per_year) = c.eat::<Unit>(|u| u == Unit::PerYear) {
                return Some(Spanned::new(Frequency::PerYear(n.value), n.span.to(per_year.span)));
            }
            let per_year = Unit::PerYear.name(self.keyword_lang);
            if let Some(prose) = self.prose_per_year(c, per_year) {
                return Some(Spanned::new(Frequency::PerYear(n.value), n.span.to(prose)));
            }
            let found = describe(c.peek(), self.lang);
            let span = c.peek_span();
            self.push(
                self.invalid(
                    span,
                    m::EXPECTED_UNIT.with(
                        self.lang,
                        &[
                            ("units", Arg::from(&format!("`{per_year}`"))),
                            ("found", Arg::from(&found)),
                        ],
                    ),
                )
                .with_label(m::EXPECTED_LABEL.get(self.lang))
                .with_help(self.accepted("frequencies", frequencies)),
            );
            return None;
        }
        let word = self.keyword::<FrequencyWord>(key, c, &m::WHAT_FREQUENCY);
        if word.is_none() {
            // Name the `N per_year` form too, which the word table cannot.
            let accepted = self.accepted("frequencies", frequencies);
            if let Some(last) = self.out.last_mut() {
                match last.notes.last_mut() {
                    Some(note) => *note = accepted,
                    None => last.help = Some(accepted),
                }
            }
        }
        word.map(|w| Spanned::new(Frequency::Named(w.value), w.span))
    }

    /// `2 gange om året` for `2 om_året`: the ways a number of times a
    /// year is written in prose ([`PER_YEAR_PROSE`]) get TL003 with the
    /// keyword as a safe fix, and the frequency is read as meant.
    fn prose_per_year(&mut self, c: &mut Cursor<'_, '_>, per_year: &str) -> Option<Span> {
        let words = c.words_ahead(MAX_WORDS_IN_KEYWORD);
        let n = (1..=words.len()).rev().find(|&n| {
            let written = words[..n]
                .iter()
                .map(|(w, _)| w.to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            PER_YEAR_PROSE.contains(&written.as_str())
        })?;
        let span = words[0].1.to(words[n - 1].1);
        let written = words[..n].iter().map(|(w, _)| *w).collect::<Vec<_>>().join(" ");
        self.push(
            self.invalid(
                span,
                m::PROSE_FREQUENCY.with(
                    self.lang,
                    &[("written", Arg::from(&written)), ("per_year", Arg::from(per_year))],
                ),
            )
            .with_label(m::PROSE_FREQUENCY_LABEL.get(self.lang))
            .with_help(m::PROSE_FREQUENCY_HELP.with(self.lang, &[("per_year", Arg::from(per_year))]))
            .with_edit(span, per_year, true),
        );
        c.pos += n;
        Some(span)
    }
}

fn frequencies() -> String {
    let per_year = Unit::PerYear.spelling();
    format!("{}, `N {}`/`N {}`", FrequencyWord::accepted(), per_year.en, per_year.da)
}
