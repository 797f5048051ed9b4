//! The value of each key of a requirement block, read into its field.

use super::cursor::Cursor;
use super::values::{MAX_CASES, MAX_REVIEW_YEARS, MAX_UNITS};
use super::Builder;
use crate::diagnostics::{messages as m, Arg, Text};
use crate::model::keywords::{Marker, Unit};
use crate::model::*;
use crate::source::Span;
use crate::syntax::{Atom, AtomKind, Entry};

impl Builder<'_> {
    pub(super) fn entry(&mut self, r: &mut Requirement, key: Key, entry: &Entry<'_>) {
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
            Key::Heard => r.heard = self.text(key, entry),
            Key::DecidedBy => {
                r.decided_by = self
                    .single(key, entry)
                    .and_then(|mut c| self.described(key, &mut c, &m::WHAT_DECIDER, entry.value_span))
            }
            Key::AppliesTo => {
                r.applies_to = self
                    .single(key, entry)
                    .and_then(|mut c| self.described(key, &mut c, &m::WHAT_APPLICATION, entry.value_span))
            }
            Key::Purpose => {
                r.purposes = self.list(entry, |b, c, span| b.described(key, c, &m::WHAT_PURPOSE_KIND, span))
            }
            Key::Risk => {
                r.risk = self
                    .single(key, entry)
                    .and_then(|mut c| self.described(key, &mut c, &m::WHAT_RISK_LEVEL, entry.value_span))
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
                    };
                    while c.at_number() {
                        let count = self.whole(key, &mut c, MAX_CASES)?;
                        match self.unit(key, &mut c, &[Unit::Cases, Unit::Units])? {
                            Unit::Cases => trigger.cases = Some(count),
                            _ => trigger.units = Some(count),
                        }
                    }
                    self.end(key, &mut c);
                    if trigger.kind.value == TriggerKind::Pattern
                        && (trigger.cases.is_none() || trigger.units.is_none())
                    {
                        self.pattern_without_evidence(&trigger);
                        return None;
                    }
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
                    let units = self.whole(key, &mut c, MAX_UNITS)?;
                    self.unit(key, &mut c, &[Unit::Units])?;
                    let count_span = all.unwrap_or(units.span).to(c.atoms[c.pos - 1].span);
                    let description = c.eat_string();
                    self.end(key, &mut c);
                    Some(Scope {
                        all,
                        count_span,
                        units,
                        description,
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
                r.measures = self.list(entry, |b, c, span| b.described(key, c, &m::WHAT_MEASURE_KIND, span))
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
                                self.at_most(key, &years, MAX_REVIEW_YEARS)?;
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

    /// TL003: a pattern is a claim about many cases; without its numbers
    /// it is unsupported.
    fn pattern_without_evidence(&mut self, trigger: &Trigger) {
        let (cases, units) = (Unit::Cases.name(self.keyword_lang), Unit::Units.name(self.keyword_lang));
        let missing: Vec<String> = [(trigger.cases.is_none(), cases), (trigger.units.is_none(), units)]
            .into_iter()
            .filter(|(missing, _)| *missing)
            .map(|(_, unit)| format!("`N {unit}`"))
            .collect();
        let missing = crate::diagnostics::join_and(&missing, self.lang);
        let pattern = TriggerKind::Pattern.name(self.keyword_lang);
        self.push(
            self.invalid(
                trigger.kind.span,
                m::PATTERN_WITHOUT_EVIDENCE.with(
                    self.lang,
                    &[("pattern", Arg::from(pattern)), ("missing", Arg::from(&missing))],
                ),
            )
            .with_label(m::PATTERN_WITHOUT_EVIDENCE_LABEL.with(self.lang, &[("missing", Arg::from(&missing))]))
            .with_help(m::PATTERN_WITHOUT_EVIDENCE_HELP.with(
                self.lang,
                &[
                    ("pattern", Arg::from(pattern)),
                    ("cases", Arg::from(cases)),
                    ("units", Arg::from(units)),
                ],
            )),
        );
    }

    /// A word of `K` and an optional description: a purpose, a risk, a measure.
    fn described<K: Keyword>(
        &mut self,
        key: Key,
        c: &mut Cursor<'_, '_>,
        what: &Text,
        span: Span,
    ) -> Option<Described<K>> {
        let kind = self.keyword::<K>(key, c, what)?;
        let description = c.eat_string();
        self.end(key, c);
        Some(Described {
            kind,
            description,
            span,
        })
    }
}
