//! Builds [`Requirement`]s from the syntax tree, reporting unknown keys
//! (TL002), invalid values (TL003), missing keys (TL004) and duplicate keys
//! (TL005). Each field is read by a small function over the atoms of its
//! value; every error names the exact span and says what was expected.

use super::keywords::{Marker, Opener, Unit, YesNo};
use super::*;
use crate::diagnostics::{join_and, lints, messages as m, Diagnostic, Lang, Text};
use crate::syntax::{Atom, AtomKind, Block, Document, Entry, Item, Term, Word};

/// Builds every requirement of a parsed file. Diagnostics go to `out`,
/// each tagged with the id of its requirement.
pub fn build(file: FileId, document: &Document<'_>, lang: Lang, out: &mut Vec<Diagnostic>) -> Vec<Requirement> {
    let mut builder = Builder {
        file,
        lang,
        keyword_lang: Lang::En,
        misspelt: Vec::new(),
        out,
    };
    document
        .requirements
        .iter()
        .map(|block| {
            let first = builder.out.len();
            let requirement = builder.requirement(block);
            for diagnostic in &mut builder.out[first..] {
                diagnostic.requirement = requirement.id().map(str::to_owned);
            }
            requirement
        })
        .collect()
}

struct Builder<'o> {
    file: FileId,
    /// The language of messages.
    lang: Lang,
    /// The language of the current requirement's keywords, for naming keys.
    keyword_lang: Lang,
    /// Keys suggested for misspelt keys of the current block: already
    /// reported as TL002, so not reported missing as well.
    misspelt: Vec<&'static str>,
    out: &'o mut Vec<Diagnostic>,
}

/// The atoms of one term, read left to right.
struct Cursor<'t, 'a> {
    atoms: &'t [Atom<'a>],
    pos: usize,
    /// Where "nothing" is: just after the term.
    end: Span,
}

impl<'t, 'a> Cursor<'t, 'a> {
    fn new(term: &'t Term<'a>) -> Self {
        Cursor {
            atoms: &term.atoms,
            pos: 0,
            end: Span::new(term.span.end, term.span.end),
        }
    }

    fn peek(&self) -> Option<&'t Atom<'a>> {
        self.atoms.get(self.pos)
    }

    fn bump(&mut self) -> Option<&'t Atom<'a>> {
        let atom = self.atoms.get(self.pos);
        self.pos += 1;
        atom
    }

    fn peek_span(&self) -> Span {
        self.peek().map(|a| a.span).unwrap_or(self.end)
    }

    /// Consumes a word if it is `K` and satisfies `accept`.
    fn eat<K: Keyword>(&mut self, accept: impl Fn(K) -> bool) -> Option<Spanned<K>> {
        match self.peek() {
            Some(Atom {
                kind: AtomKind::Word(word),
                span,
            }) => match K::lookup(word) {
                Some(value) if accept(value) => {
                    self.pos += 1;
                    Some(Spanned::new(value, *span))
                }
                _ => None,
            },
            _ => None,
        }
    }

    fn eat_string(&mut self) -> Option<Spanned<String>> {
        match self.peek() {
            Some(Atom {
                kind: AtomKind::Str(text),
                span,
            }) => {
                self.pos += 1;
                Some(Spanned::new(text.to_string(), *span))
            }
            _ => None,
        }
    }

    fn at_number(&self) -> bool {
        matches!(
            self.peek(),
            Some(Atom {
                kind: AtomKind::Number(_),
                ..
            })
        )
    }
}

impl Builder<'_> {
    fn requirement(&mut self, block: &Block<'_>) -> Requirement {
        self.keyword_lang = if block.key.text.to_lowercase() == Opener::Requirement.name(Lang::Da) {
            Lang::Da
        } else {
            Lang::En
        };
        if Opener::lookup(block.key.text).is_none() {
            self.unknown_keyword::<Opener>(&block.key, &m::UNKNOWN_OPENER, &m::UNKNOWN_OPENER_LABEL, None);
        }
        let mut requirement = Requirement {
            file: self.file,
            span: block.span,
            title: Spanned::new(block.label.text.to_string(), block.label.span),
            keyword_lang: self.keyword_lang,
            id: None,
            owner: None,
            purposes: Vec::new(),
            legal_basis: None,
            risk: None,
            trigger: None,
            investigation: None,
            scope: None,
            goal: None,
            method: None,
            data: Vec::new(),
            burdens: Vec::new(),
            measures: Vec::new(),
            reporting: None,
            review: None,
            sunset: None,
            replaces: Vec::new(),
            dispensation: None,
            entries: Vec::new(),
        };
        let mut seen: Vec<(Key, Span)> = Vec::new();
        self.misspelt.clear();
        for item in &block.items {
            match item {
                Item::Entry(entry) => {
                    let Some(key) =
                        self.key::<Key, BurdenKey>(&entry.key, &m::UNKNOWN_KEY_LABEL, &m::KEY_BELONGS_IN_BURDEN)
                    else {
                        continue;
                    };
                    if key == Key::Burden {
                        let name = key.name(self.keyword_lang);
                        self.push(
                            self.invalid(entry.key.span, m::BURDEN_NOT_BLOCK.fill(self.lang, &[("key", name)]))
                                .with_help(m::BURDEN_NOT_BLOCK_HELP.fill(self.lang, &[("key", name)])),
                        );
                        requirement.entries.push(EntrySpan {
                            key,
                            key_span: entry.key.span,
                            value_span: entry.value_span,
                        });
                        continue;
                    }
                    if self.duplicate(&mut seen, key, entry.key) {
                        continue;
                    }
                    requirement.entries.push(EntrySpan {
                        key,
                        key_span: entry.key.span,
                        value_span: entry.value_span,
                    });
                    self.entry(&mut requirement, key, entry);
                }
                Item::Block(sub) => {
                    let Some(key) =
                        self.key::<Key, BurdenKey>(&sub.key, &m::UNKNOWN_KEY_LABEL, &m::KEY_BELONGS_IN_BURDEN)
                    else {
                        continue;
                    };
                    requirement.entries.push(EntrySpan {
                        key,
                        key_span: sub.key.span,
                        value_span: sub.label.span,
                    });
                    if key == Key::Burden {
                        let burden = self.burden(sub, &requirement.burdens);
                        requirement.burdens.push(burden);
                    } else {
                        let name = key.name(self.keyword_lang);
                        self.push(
                            self.invalid(sub.key.span, m::BLOCK_NOT_VALUE.fill(self.lang, &[("key", name)]))
                                .with_help(m::BLOCK_NOT_VALUE_HELP.fill(self.lang, &[("key", name)])),
                        );
                    }
                }
            }
        }
        let missing: Vec<(Key, &Text)> = [
            (Key::Id, &m::WHY_ID),
            (Key::Purpose, &m::WHY_PURPOSE),
            (Key::Risk, &m::WHY_RISK),
            (Key::Scope, &m::WHY_SCOPE),
            (Key::Burden, &m::WHY_BURDEN),
        ]
        .into_iter()
        .filter(|(key, _)| requirement.entry_span(*key).is_none() && !self.was_misspelt(*key))
        .collect();
        if !missing.is_empty() {
            let names: Vec<String> = missing
                .iter()
                .map(|(key, _)| format!("`{}`", key.name(self.keyword_lang)))
                .collect();
            let keys = join_and(&names, self.lang);
            let mut diagnostic = lints::MISSING_KEY
                .at(
                    self.file,
                    block.label.span,
                    m::MISSING_KEY.fill(self.lang, &[("keys", &keys), ("name", requirement.name())]),
                )
                .with_label(m::MISSING_KEY_LABEL.fill(self.lang, &[("keys", &keys)]))
                .with_help(m::MISSING_KEY_HELP.get(self.lang));
            for ((_, why), name) in missing.iter().zip(&names) {
                diagnostic = diagnostic.with_note(format!("{name}: {}", why.get(self.lang)));
            }
            self.out.push(diagnostic);
        }
        requirement
    }

    fn entry(&mut self, r: &mut Requirement, key: Key, entry: &Entry<'_>) {
        match key {
            Key::Id => {
                r.id = self.single(key, entry).and_then(|mut c| {
                    let id = match c.bump() {
                        Some(Atom {
                            kind: AtomKind::Word(w),
                            span,
                        }) => Some(Spanned::new((*w).to_owned(), *span)),
                        Some(Atom {
                            kind: AtomKind::Str(s),
                            span,
                        }) => Some(Spanned::new(s.to_string(), *span)),
                        other => {
                            let span = other.map(|a| a.span).unwrap_or(c.end);
                            self.expected(key, span, other, &m::WHAT_ID);
                            None
                        }
                    };
                    self.end(key, &mut c);
                    id
                })
            }
            Key::Owner => r.owner = self.text(key, entry),
            Key::LegalBasis => r.legal_basis = self.text(key, entry),
            Key::Investigation => r.investigation = self.text(key, entry),
            Key::Goal => r.goal = self.text(key, entry),
            Key::Method => r.method = self.text(key, entry),
            Key::Purpose => {
                r.purposes = self.list(entry, |b, c, span| {
                    let kind = b.keyword::<PurposeKind>(key, c, &m::WHAT_PURPOSE_KIND)?;
                    let description = c.eat_string();
                    b.end(key, c);
                    Some(Purpose {
                        kind,
                        description,
                        span,
                    })
                })
            }
            Key::Risk => {
                r.risk = self.single(key, entry).and_then(|mut c| {
                    let level = self.keyword::<RiskLevel>(key, &mut c, &m::WHAT_RISK_LEVEL)?;
                    let reason = c.eat_string();
                    self.end(key, &mut c);
                    Some(Risk {
                        level,
                        reason,
                        span: entry.value_span,
                    })
                })
            }
            Key::Trigger => {
                r.trigger = self.single(key, entry).and_then(|mut c| {
                    let kind = self.keyword::<TriggerKind>(key, &mut c, &m::WHAT_TRIGGER_KIND)?;
                    let description = c.eat_string();
                    let mut trigger = Trigger {
                        kind,
                        description,
                        cases: None,
                        units: None,
                        span: entry.value_span,
                    };
                    while c.at_number() {
                        let count = self.whole(key, &mut c)?;
                        match self.unit(key, &mut c, &[Unit::Cases, Unit::Units])? {
                            Unit::Cases => trigger.cases = Some(count),
                            _ => trigger.units = Some(count),
                        }
                    }
                    self.end(key, &mut c);
                    Some(trigger)
                })
            }
            Key::Scope => {
                r.scope = self.single(key, entry).and_then(|mut c| {
                    let all = c.eat::<Marker>(|m| m == Marker::All).map(|all| all.span);
                    if !c.at_number() {
                        let found = c.peek();
                        self.expected(key, c.peek_span(), found, &m::WHAT_UNIT_COUNT);
                        return None;
                    }
                    let units = self.whole(key, &mut c)?;
                    self.unit(key, &mut c, &[Unit::Units])?;
                    let count_span = all.unwrap_or(units.span).to(c.atoms[c.pos - 1].span);
                    let description = c.eat_string();
                    self.end(key, &mut c);
                    Some(Scope {
                        all,
                        count_span,
                        units,
                        description,
                        span: entry.value_span,
                    })
                })
            }
            Key::Data => {
                r.data = self.list(entry, |b, c, span| {
                    let Some(name) = c.eat_string() else {
                        let found = c.peek();
                        b.expected(key, c.peek_span(), found, &m::WHAT_DATA_ITEM);
                        return None;
                    };
                    let mut modes = Vec::new();
                    while c.peek().is_some() {
                        modes.push(b.keyword::<DataMode>(key, c, &m::WHAT_DATA_MODE)?);
                    }
                    Some(DataItem { name, modes, span })
                })
            }
            Key::Measure => {
                r.measures = self.list(entry, |b, c, span| {
                    let kind = b.keyword::<MeasureKind>(key, c, &m::WHAT_MEASURE_KIND)?;
                    let description = c.eat_string();
                    b.end(key, c);
                    Some(Measure {
                        kind,
                        description,
                        span,
                    })
                })
            }
            Key::Reporting => {
                r.reporting = self.single(key, entry).and_then(|mut c| {
                    let marker = self.marker(
                        key,
                        &mut c,
                        &[Marker::Periodic, Marker::Deviation, Marker::None],
                        &m::WHAT_REPORTING,
                    )?;
                    let reporting = match marker {
                        Marker::Periodic => Reporting::Periodic(self.frequency(key, &mut c)?.value),
                        Marker::Deviation => Reporting::Deviation,
                        _ => Reporting::None,
                    };
                    self.end(key, &mut c);
                    Some(Spanned::new(reporting, entry.value_span))
                })
            }
            Key::Review => {
                r.review = self.single(key, entry).and_then(|mut c| {
                    let review = match c.peek() {
                        Some(Atom {
                            kind: AtomKind::Date(_),
                            ..
                        }) => Review::Date(self.date(key, &mut c)?.value),
                        _ => match self.marker(key, &mut c, &[Marker::After, Marker::None], &m::WHAT_REVIEW)? {
                            Marker::After => {
                                let years = self.number(key, &mut c)?;
                                self.unit(key, &mut c, &[Unit::Years])?;
                                Review::AfterYears(years.value)
                            }
                            _ => Review::None,
                        },
                    };
                    self.end(key, &mut c);
                    Some(Spanned::new(review, entry.value_span))
                })
            }
            Key::Sunset => {
                r.sunset = self.single(key, entry).and_then(|mut c| {
                    let date = self.date(key, &mut c)?;
                    self.end(key, &mut c);
                    Some(date)
                })
            }
            Key::Replaces => {
                r.replaces = self.list(entry, |b, c, _| {
                    let id = match c.bump() {
                        Some(Atom {
                            kind: AtomKind::Word(w),
                            span,
                        }) => Spanned::new((*w).to_owned(), *span),
                        Some(Atom {
                            kind: AtomKind::Str(s),
                            span,
                        }) => Spanned::new(s.to_string(), *span),
                        other => {
                            let span = other.map(|a| a.span).unwrap_or(c.end);
                            b.expected(key, span, other, &m::WHAT_ID);
                            return None;
                        }
                    };
                    b.end(key, c);
                    Some(id)
                })
            }
            Key::Dispensation => {
                r.dispensation = self.single(key, entry).and_then(|mut c| {
                    let value = match c.eat_string() {
                        Some(text) => Dispensation::Text(text.value),
                        None => {
                            self.marker(key, &mut c, &[Marker::None], &m::WHAT_DISPENSATION)?;
                            Dispensation::None
                        }
                    };
                    self.end(key, &mut c);
                    Some(Spanned::new(value, entry.value_span))
                })
            }
            // Reported by the caller: `burden` is a block.
            Key::Burden => {}
        }
    }

    fn burden(&mut self, block: &Block<'_>, earlier: &[Burden]) -> Burden {
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
                    m::DUPLICATE_BURDEN.fill(self.lang, &[("label", &label.value)]),
                )
                .with_label(m::DUPLICATE_KEY_LABEL.get(self.lang))
                .with_secondary(self.file, first.label.span, m::DUPLICATE_KEY_FIRST.get(self.lang))
                .with_help(m::DUPLICATE_BURDEN_HELP.get(self.lang));
            self.out.push(diagnostic);
        }
        let mut burden = Burden {
            label,
            span: block.span,
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
                    burden.people = self.number(key, &mut c);
                    burden.people.is_some()
                }
                BurdenKey::Minutes => {
                    burden.minutes = self.number(key, &mut c);
                    burden.minutes.is_some()
                }
                BurdenKey::CasesPerYear => {
                    burden.cases_per_year = self.number(key, &mut c);
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
        let missing: Vec<String> = [BurdenKey::People, BurdenKey::Minutes, BurdenKey::Frequency]
            .into_iter()
            .filter(|key| !present(*key) && !self.was_misspelt(*key))
            .map(|key| format!("`{}`", key.name(self.keyword_lang)))
            .collect();
        if !missing.is_empty() {
            let keys = join_and(&missing, self.lang);
            let diagnostic = lints::MISSING_KEY
                .at(
                    self.file,
                    block.label.span,
                    m::MISSING_BURDEN_KEY.fill(self.lang, &[("keys", &keys), ("label", &burden.label.value)]),
                )
                .with_label(m::MISSING_KEY_LABEL.fill(self.lang, &[("keys", &keys)]))
                .with_help(m::MISSING_BURDEN_KEY_HELP.fill(self.lang, &[("keys", &keys)]));
            self.out.push(diagnostic);
        }
        if let Some(frequency) = &burden.frequency {
            if frequency.value == Frequency::Named(FrequencyWord::PerCase) && !present(BurdenKey::CasesPerYear) {
                let name = BurdenKey::CasesPerYear.name(self.keyword_lang);
                let per_case = FrequencyWord::PerCase.name(self.keyword_lang);
                let diagnostic = lints::MISSING_KEY
                    .at(
                        self.file,
                        frequency.span,
                        m::MISSING_CASES_PER_YEAR.fill(self.lang, &[("key", name), ("frequency", per_case)]),
                    )
                    .with_label(m::MISSING_CASES_PER_YEAR_LABEL.get(self.lang))
                    .with_help(m::MISSING_BURDEN_KEY_HELP.fill(self.lang, &[("keys", &format!("`{name}`"))]));
                self.out.push(diagnostic);
            }
        }
        self.misspelt = outer_misspelt;
        burden
    }

    // ---- keys ----

    /// Looks a key up in `K`; an unknown key is TL002, with a hint when it
    /// is a key of the other level (`O`).
    fn key<K: Keyword, O: Keyword>(&mut self, word: &Word<'_>, label: &Text, belongs_elsewhere: &Text) -> Option<K> {
        if let Some(key) = K::lookup(word.text) {
            return Some(key);
        }
        let elsewhere = O::lookup(word.text).map(|_| {
            belongs_elsewhere.fill(
                self.lang,
                &[("key", word.text), ("burden", Key::Burden.name(self.keyword_lang))],
            )
        });
        self.unknown_keyword::<K>(word, &m::UNKNOWN_KEY, label, elsewhere);
        None
    }

    fn was_misspelt(&self, key: impl Keyword) -> bool {
        key.spelling().all().any(|s| self.misspelt.contains(&s))
    }

    fn unknown_keyword<K: Keyword>(&mut self, word: &Word<'_>, message: &Text, label: &Text, help: Option<String>) {
        let suggestion = suggest(word.text, K::all_spellings());
        self.misspelt.extend(suggestion);
        let help = help.unwrap_or_else(|| match suggestion {
            Some(s) => m::DID_YOU_MEAN.fill(self.lang, &[("suggestion", s)]),
            None => m::ACCEPTED.fill(self.lang, &[("list", &K::accepted())]),
        });
        let diagnostic = lints::UNKNOWN_KEY
            .at(self.file, word.span, message.fill(self.lang, &[("key", word.text)]))
            .with_label(label.get(self.lang))
            .with_help(help);
        self.out.push(diagnostic);
    }

    /// TL005 for a second occurrence; records the first.
    fn duplicate<K: Keyword>(&mut self, seen: &mut Vec<(K, Span)>, key: K, word: Word<'_>) -> bool {
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            let diagnostic = lints::DUPLICATE_KEY
                .at(
                    self.file,
                    word.span,
                    m::DUPLICATE_KEY.fill(self.lang, &[("key", word.text)]),
                )
                .with_label(m::DUPLICATE_KEY_LABEL.get(self.lang))
                .with_secondary(self.file, *first, m::DUPLICATE_KEY_FIRST.get(self.lang))
                .with_help(m::DUPLICATE_KEY_HELP.get(self.lang));
            self.out.push(diagnostic);
            return true;
        }
        seen.push((key, word.span));
        false
    }

    // ---- values ----

    /// The one term of a single-valued key. `2,5` gets "did you mean 2.5?".
    fn single<'t, 'a, K: Keyword>(&mut self, key: K, entry: &'t Entry<'a>) -> Option<Cursor<'t, 'a>> {
        let (first, rest) = entry.terms.split_first()?;
        let Some(second) = rest.first() else {
            return Some(Cursor::new(first));
        };
        let name = key.name(self.keyword_lang);
        if let (
            Some(Atom {
                kind: AtomKind::Number(whole),
                span: a,
            }),
            Some(Atom {
                kind: AtomKind::Number(fraction),
                span: b,
            }),
        ) = (first.atoms.last(), second.atoms.first())
        {
            if b.start == a.end + 1 {
                let written = format!("{whole},{fraction}");
                let meant = format!("{whole}.{fraction}");
                self.push(
                    self.invalid(a.to(*b), m::DECIMAL_COMMA.fill(self.lang, &[("text", &written)]))
                        .with_label(m::DECIMAL_COMMA_LABEL.get(self.lang))
                        .with_help(m::DECIMAL_COMMA_HELP.fill(self.lang, &[("number", &meant)])),
                );
                return None;
            }
        }
        let extra = second.span.to(rest.last().map(|t| t.span).unwrap_or(second.span));
        self.push(
            self.invalid(extra, m::NOT_A_LIST.fill(self.lang, &[("key", name)]))
                .with_label(m::NOT_A_LIST_LABEL.get(self.lang))
                .with_help(m::NOT_A_LIST_HELP.fill(self.lang, &[("key", name)])),
        );
        None
    }

    /// Each term of a list-valued key, read by `item`; bad items are left out.
    fn list<'t, 'a, T>(
        &mut self,
        entry: &'t Entry<'a>,
        mut item: impl FnMut(&mut Self, &mut Cursor<'t, 'a>, Span) -> Option<T>,
    ) -> Vec<T> {
        entry
            .terms
            .iter()
            .filter_map(|term| item(self, &mut Cursor::new(term), term.span))
            .collect()
    }

    /// A quoted text as the whole value.
    fn text(&mut self, key: Key, entry: &Entry<'_>) -> Option<Spanned<String>> {
        let mut c = self.single(key, entry)?;
        let Some(text) = c.eat_string() else {
            let found = c.peek();
            let span = found.map(|a| a.span).unwrap_or(entry.value_span);
            self.expected(key, span, found, &m::WHAT_TEXT);
            return None;
        };
        self.end(key, &mut c);
        Some(text)
    }

    /// A required enumerated word of `K`.
    fn keyword<K: Keyword>(&mut self, key: impl Keyword, c: &mut Cursor<'_, '_>, what: &Text) -> Option<Spanned<K>> {
        if let Some(word) = c.eat::<K>(|_| true) {
            return Some(word);
        }
        match c.peek() {
            Some(Atom {
                kind: AtomKind::Word(word),
                span,
            }) => {
                let suggestion = suggest(word, K::all_spellings());
                let what = what.get(self.lang);
                let diagnostic = self
                    .invalid(
                        *span,
                        m::UNKNOWN_WORD.fill(self.lang, &[("what", what), ("word", word)]),
                    )
                    .with_label(m::UNKNOWN_WORD_LABEL.fill(self.lang, &[("what", what)]));
                let accepted = m::ACCEPTED.fill(self.lang, &[("list", &K::accepted())]);
                let diagnostic = match suggestion {
                    Some(s) => diagnostic
                        .with_help(m::DID_YOU_MEAN.fill(self.lang, &[("suggestion", s)]))
                        .with_note(accepted),
                    None => diagnostic.with_help(accepted),
                };
                self.push(diagnostic);
            }
            found => {
                let span = c.peek_span();
                self.expected(key, span, found, what);
                if let Some(last) = self.out.last_mut() {
                    last.notes
                        .push(m::ACCEPTED.fill(self.lang, &[("list", &K::accepted())]));
                }
            }
        }
        None
    }

    /// One of the `allowed` markers (`none`, `after`, …); anything else is
    /// TL003 with the key's shape as help, since these values mix words with
    /// dates, texts and frequencies that no word list can show.
    fn marker(&mut self, key: Key, c: &mut Cursor<'_, '_>, allowed: &[Marker], what: &Text) -> Option<Marker> {
        if let Some(marker) = c.eat::<Marker>(|m| allowed.contains(&m)) {
            return Some(marker.value);
        }
        let name = key.name(self.keyword_lang);
        let help = shape(key).fill(self.lang, &[("key", name)]);
        match c.peek() {
            Some(Atom {
                kind: AtomKind::Word(word),
                span,
            }) => {
                let candidates = allowed.iter().flat_map(|m| m.spelling().all());
                let what = what.get(self.lang);
                let diagnostic = self
                    .invalid(
                        *span,
                        m::UNKNOWN_WORD.fill(self.lang, &[("what", what), ("word", word)]),
                    )
                    .with_label(m::UNKNOWN_WORD_LABEL.fill(self.lang, &[("what", what)]));
                let diagnostic = match suggest(word, candidates) {
                    Some(s) => diagnostic
                        .with_help(m::DID_YOU_MEAN.fill(self.lang, &[("suggestion", s)]))
                        .with_note(help),
                    None => diagnostic.with_help(help),
                };
                self.push(diagnostic);
            }
            found => self.expected(key, c.peek_span(), found, what),
        }
        None
    }

    fn number(&mut self, key: impl Keyword, c: &mut Cursor<'_, '_>) -> Option<Spanned<f64>> {
        match c.peek() {
            Some(Atom {
                kind: AtomKind::Number(text),
                span,
            }) => {
                c.pos += 1;
                match text.parse::<f64>() {
                    Ok(value) if value.is_finite() => Some(Spanned::new(value, *span)),
                    _ => {
                        self.push(self.invalid(*span, m::NUMBER_TOO_LARGE.fill(self.lang, &[("number", text)])));
                        None
                    }
                }
            }
            found => {
                let span = c.peek_span();
                self.expected(key, span, found, &m::WHAT_NUMBER);
                None
            }
        }
    }

    fn whole(&mut self, key: impl Keyword, c: &mut Cursor<'_, '_>) -> Option<Spanned<u64>> {
        let text = match c.peek() {
            Some(Atom {
                kind: AtomKind::Number(text),
                ..
            }) => *text,
            _ => return self.number(key, c).map(|n| Spanned::new(n.value as u64, n.span)),
        };
        let number = self.number(key, c)?;
        if text.contains('.') {
            self.push(
                self.invalid(number.span, m::NOT_WHOLE.fill(self.lang, &[("number", text)]))
                    .with_help(m::NOT_WHOLE_HELP.get(self.lang)),
            );
            return None;
        }
        match text.parse::<u64>() {
            Ok(value) => Some(Spanned::new(value, number.span)),
            Err(_) => {
                self.push(self.invalid(number.span, m::NUMBER_TOO_LARGE.fill(self.lang, &[("number", text)])));
                None
            }
        }
    }

    /// The unit word after a number, one of `allowed`.
    fn unit(&mut self, key: Key, c: &mut Cursor<'_, '_>, allowed: &[Unit]) -> Option<Unit> {
        if let Some(unit) = c.eat::<Unit>(|u| allowed.contains(&u)) {
            return Some(unit.value);
        }
        let names: Vec<String> = allowed
            .iter()
            .map(|u| format!("`{}`", u.name(self.keyword_lang)))
            .collect();
        let span = c.peek_span();
        let found = describe(c.peek(), self.lang);
        let name = key.name(self.keyword_lang);
        self.push(
            self.invalid(
                span,
                m::EXPECTED_UNIT.fill(self.lang, &[("units", &names.join(" / ")), ("found", &found)]),
            )
            .with_label(m::EXPECTED_LABEL.get(self.lang))
            .with_help(shape(key).fill(self.lang, &[("key", name)])),
        );
        None
    }

    fn frequency(&mut self, key: impl Keyword, c: &mut Cursor<'_, '_>) -> Option<Spanned<Frequency>> {
        if c.at_number() {
            let n = self.number(key, c)?;
            if let Some(per_year) = c.eat::<Unit>(|u| u == Unit::PerYear) {
                return Some(Spanned::new(Frequency::PerYear(n.value), n.span.to(per_year.span)));
            }
            let per_year = Unit::PerYear.name(self.keyword_lang);
            let found = describe(c.peek(), self.lang);
            let span = c.peek_span();
            self.push(
                self.invalid(
                    span,
                    m::EXPECTED_UNIT.fill(self.lang, &[("units", &format!("`{per_year}`")), ("found", &found)]),
                )
                .with_label(m::EXPECTED_LABEL.get(self.lang))
                .with_help(m::ACCEPTED.fill(self.lang, &[("list", &frequencies())])),
            );
            return None;
        }
        let word = self.keyword::<FrequencyWord>(key, c, &m::WHAT_FREQUENCY);
        if word.is_none() {
            // Name the `N per_year` form too, which the word table cannot.
            if let Some(last) = self.out.last_mut() {
                let accepted = m::ACCEPTED.fill(self.lang, &[("list", &frequencies())]);
                match last.notes.last_mut() {
                    Some(note) => *note = accepted,
                    None => last.help = Some(accepted),
                }
            }
        }
        word.map(|w| Spanned::new(Frequency::Named(w.value), w.span))
    }

    fn date(&mut self, key: Key, c: &mut Cursor<'_, '_>) -> Option<Spanned<Date>> {
        match c.peek() {
            Some(Atom {
                kind: AtomKind::Date(text),
                span,
            }) => {
                c.pos += 1;
                match Date::parse(text) {
                    Ok(date) => Some(Spanned::new(date, *span)),
                    Err(err) => {
                        let message = match err {
                            date::DateError::Month => {
                                m::BAD_MONTH.fill(self.lang, &[("date", text), ("month", &text[5..7])])
                            }
                            date::DateError::Day { days_in_month } => m::BAD_DAY.fill(
                                self.lang,
                                &[
                                    ("date", text),
                                    ("month", &text[5..7]),
                                    ("year", &text[..4]),
                                    ("days", &days_in_month.to_string()),
                                ],
                            ),
                        };
                        self.push(
                            self.invalid(*span, message)
                                .with_label(m::BAD_DATE_LABEL.get(self.lang))
                                .with_help(m::DATE_HELP.get(self.lang).to_owned()),
                        );
                        None
                    }
                }
            }
            found => {
                let span = c.peek_span();
                self.expected(key, span, found, &m::WHAT_DATE);
                None
            }
        }
    }

    /// Anything left in a term after its value is complete.
    fn end(&mut self, key: impl Keyword, c: &mut Cursor<'_, '_>) {
        let Some(first) = c.peek() else { return };
        let last = c.atoms.last().map(|a| a.span).unwrap_or(first.span);
        let name = key.name(self.keyword_lang);
        let found = describe(Some(first), self.lang);
        self.push(
            self.invalid(
                first.span.to(last),
                m::UNEXPECTED_AFTER_VALUE.fill(self.lang, &[("found", &found), ("key", name)]),
            )
            .with_label(m::UNEXPECTED_LABEL.get(self.lang))
            .with_help(key_shape(key).fill(self.lang, &[("key", name)])),
        );
        c.pos = c.atoms.len();
    }

    /// TL003 "expected {what}, found {found}".
    fn expected(&mut self, key: impl Keyword, span: Span, found: Option<&Atom<'_>>, what: &Text) {
        let name = key.name(self.keyword_lang);
        let found = describe(found, self.lang);
        self.push(
            self.invalid(
                span,
                m::EXPECTED_VALUE.fill(self.lang, &[("what", what.get(self.lang)), ("found", &found)]),
            )
            .with_label(m::EXPECTED_LABEL.get(self.lang))
            .with_help(key_shape(key).fill(self.lang, &[("key", name)])),
        );
    }

    /// A TL003 at `span`, to be given labels and help and then pushed.
    fn invalid(&self, span: Span, message: String) -> Diagnostic {
        lints::INVALID_VALUE.at(self.file, span, message)
    }

    fn push(&mut self, diagnostic: Diagnostic) {
        self.out.push(diagnostic);
    }
}

/// How a key's value is written, for help lines.
fn shape(key: Key) -> &'static Text {
    match key {
        Key::Id => &m::SHAPE_ID,
        Key::Owner | Key::LegalBasis | Key::Investigation | Key::Goal | Key::Method => &m::SHAPE_TEXT,
        Key::Purpose => &m::SHAPE_PURPOSE,
        Key::Risk => &m::SHAPE_RISK,
        Key::Trigger => &m::SHAPE_TRIGGER,
        Key::Scope => &m::SHAPE_SCOPE,
        Key::Data => &m::SHAPE_DATA,
        Key::Burden => &m::BURDEN_NOT_BLOCK_HELP,
        Key::Measure => &m::SHAPE_MEASURE,
        Key::Reporting => &m::SHAPE_REPORTING,
        Key::Review => &m::SHAPE_REVIEW,
        Key::Sunset => &m::SHAPE_SUNSET,
        Key::Replaces => &m::SHAPE_REPLACES,
        Key::Dispensation => &m::SHAPE_DISPENSATION,
    }
}

/// The shape of any key, top-level or burden.
fn key_shape<K: Keyword>(key: K) -> &'static Text {
    let spelling = key.spelling();
    if let Some(top) = Key::lookup(spelling.en) {
        return shape(top);
    }
    match BurdenKey::lookup(spelling.en) {
        Some(BurdenKey::Frequency) => &m::SHAPE_FREQUENCY,
        Some(BurdenKey::Frontline) => &m::SHAPE_FRONTLINE,
        _ => &m::SHAPE_NUMBER,
    }
}

fn frequencies() -> String {
    let per_year = Unit::PerYear.spelling();
    format!("{}, `N {}`/`N {}`", FrequencyWord::accepted(), per_year.en, per_year.da)
}

/// What stood where something else was expected: the atom as written
/// (shortened when long), or "nothing".
fn describe(atom: Option<&Atom<'_>>, lang: Lang) -> String {
    let written = match atom.map(|a| &a.kind) {
        None => return m::FOUND_NOTHING.get(lang).to_owned(),
        Some(AtomKind::Str(text)) => format!("\"{text}\""),
        Some(AtomKind::Number(text) | AtomKind::Date(text) | AtomKind::Word(text)) => (*text).to_owned(),
    };
    let mut shown: String = written.chars().take(40).collect();
    if shown.len() < written.len() {
        shown.push('…');
    }
    format!("`{shown}`")
}
