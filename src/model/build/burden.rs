//! A `burden "who" { … }` block: its label, its keys and the keys it must have.

use super::values::{MAX_CASES, MAX_MINUTES, MAX_PEOPLE};
use super::Builder;
use crate::diagnostics::{join_and, lints, messages as m, Arg};
use crate::model::keywords::{KeyTable, YesNo};
use crate::model::{Burden, BurdenKey, Frequency, Key, Keyword, Spanned};
use crate::source::Span;
use crate::syntax::{Block, Item};

impl Builder<'_> {
    pub(super) fn burden(&mut self, block: &Block<'_>, earlier: &[Burden]) -> Burden {
        let label = Spanned::new(block.label.text.trim().to_owned(), block.label.span);
        if label.value.is_empty() {
            self.push(
                self.invalid(block.label.span, m::EMPTY_BURDEN_LABEL.get(self.lang).to_owned())
                    .with_help(m::EMPTY_BURDEN_LABEL_HELP.get(self.lang)),
            );
        } else if let Some(first) = earlier
            .iter()
            .find(|b| b.label.value.to_lowercase() == label.value.to_lowercase())
        {
            let diagnostic = lints::DUPLICATE_KEY
                .at(
                    self.file,
                    label.span,
                    m::DUPLICATE_BURDEN.with(self.lang, &[("label", Arg::from(&label.value))]),
                )
                .with_label(m::DUPLICATE_KEY_LABEL.get(self.lang))
                .with_secondary(self.file, first.label.span, m::DUPLICATE_KEY_FIRST.get(self.lang))
                .with_help(m::DUPLICATE_BURDEN_HELP.get(self.lang));
            self.out.push(diagnostic);
        }
        let mut burden = Burden {
            label,
            people: None,
            minutes: None,
            frequency: None,
            frontline: None,
            cases_per_year: None,
        };
        // The burden block's misspellings are its own; the requirement's are kept for later.
        let outer_misspelt = std::mem::take(&mut self.misspelt);
        let mut seen: Vec<(BurdenKey, Span)> = Vec::new();
        for item in &block.items {
            // The grammar allows only entries in a sub-block.
            let Item::Entry(entry) = item else { continue };
            let Some(key) =
                self.key::<BurdenKey, Key>(&entry.key, &m::UNKNOWN_BURDEN_KEY_LABEL, &m::KEY_BELONGS_IN_REQUIREMENT)
            else {
                continue;
            };
            if self.duplicate(&mut seen, key, entry.key) {
                continue;
            }
            let Some(mut c) = self.single(key, entry) else {
                continue;
            };
            let read = match key {
                BurdenKey::People => {
                    burden.people = self.count(key, &mut c, MAX_PEOPLE);
                    burden.people.is_some()
                }
                BurdenKey::Minutes => {
                    burden.minutes = self.bounded(key, &mut c, MAX_MINUTES);
                    burden.minutes.is_some()
                }
                BurdenKey::CasesPerYear => {
                    burden.cases_per_year = self.count(key, &mut c, MAX_CASES);
                    burden.cases_per_year.is_some()
                }
                BurdenKey::Frequency => {
                    burden.frequency = self.frequency(key, &mut c);
                    burden.frequency.is_some()
                }
                BurdenKey::Frontline => {
                    burden.frontline = self
                        .keyword::<YesNo>(key, &mut c, &m::WHAT_YES_NO)
                        .map(|answer| Spanned::new(answer.value == YesNo::Yes, answer.span));
                    burden.frontline.is_some()
                }
            };
            if read {
                self.end(key, &mut c);
            }
        }
        let present = |key: BurdenKey| seen.iter().any(|(k, _)| *k == key);
        let missing: Vec<String> = BurdenKey::VALUES
            .iter()
            .copied()
            .filter(|key| key.facts().required && !present(*key) && !self.was_misspelt(*key))
            .map(|key| format!("`{}`", key.name(self.keyword_lang)))
            .collect();
        if !missing.is_empty() {
            let keys = join_and(&missing, self.lang);
            let diagnostic = lints::MISSING_KEY
                .at(
                    self.file,
                    block.label.span,
                    m::MISSING_BURDEN_KEY.with(
                        self.lang,
                        &[("keys", Arg::from(&keys)), ("label", Arg::from(&burden.label.value))],
                    ),
                )
                .with_label(m::MISSING_KEY_LABEL.with(self.lang, &[("keys", Arg::from(&keys))]))
                .with_help(m::MISSING_BURDEN_KEY_HELP.with(self.lang, &[("keys", Arg::from(&keys))]));
            self.out.push(diagnostic);
        }
        if let Some(frequency) = &burden.frequency {
            let counted = match frequency.value {
                Frequency::Named(word) if word.counts_cases() => Some(word),
                _ => None,
            };
            if let (Some(word), false) = (counted, present(BurdenKey::CasesPerYear)) {
                let name = BurdenKey::CasesPerYear.name(self.keyword_lang);
                let per_case = word.name(self.keyword_lang);
                let diagnostic = lints::MISSING_KEY
                    .at(
                        self.file,
                        frequency.span,
                        m::MISSING_CASES_PER_YEAR.with(
                            self.lang,
                            &[("key", Arg::from(name)), ("frequency", Arg::from(per_case))],
                        ),
                    )
                    .with_label(m::MISSING_CASES_PER_YEAR_LABEL.get(self.lang))
                    .with_help(
                        m::MISSING_BURDEN_KEY_HELP.with(self.lang, &[("keys", Arg::from(&format!("`{name}`")))]),
                    );
                self.out.push(diagnostic);
            }
        }
        self.misspelt = outer_misspelt;
        burden
    }
}
