//! TL014: values left as placeholders (`…`, `TODO…`, the template's
//! texts). Each is labelled with what its key asks, and dropped from the
//! requirement, so a placeholder never answers a rule: `investigation:
//! "…"` reads as no investigation.

use super::Builder;
use crate::diagnostics::{lints, messages as m, Arg, Text};
use crate::model::placeholder::is_placeholder;
use crate::model::{Dispensation, Key, KeyTable, Keyword, Requirement, Spanned};
use crate::source::Span;

/// A placeholder found, and what the author still has to say there.
struct Found {
    span: Span,
    /// The key as written (`None` for the title and a burden block's label).
    key: Option<Key>,
    asks: &'static Text,
}

impl Builder<'_> {
    pub(super) fn placeholders(&mut self, r: &mut Requirement) {
        let mut found = Vec::new();
        let mut look = |text: &Spanned<String>, key: Option<Key>, asks: &'static Text| {
            let hit = is_placeholder(&text.value);
            if hit {
                found.push(Found {
                    span: text.span,
                    key,
                    asks,
                });
            }
            hit
        };
        look(&r.title, None, &m::ASKS_TITLE);
        if let Some(id) = &r.id {
            look(id, Some(Key::Id), Key::Id.facts().asks);
        }
        // Optional texts: a placeholder is as good as not written.
        for (key, field) in [
            (Key::Owner, &mut r.owner),
            (Key::LegalBasis, &mut r.legal_basis),
            (Key::Investigation, &mut r.investigation),
            (Key::Goal, &mut r.goal),
            (Key::Method, &mut r.method),
            (Key::Heard, &mut r.heard),
        ] {
            if field
                .as_ref()
                .is_some_and(|text| look(text, Some(key), key.facts().asks))
            {
                *field = None;
            }
        }
        // Descriptions after a word (`risk: high "…"`): the word stands, the text goes.
        let mut described = |key: Key, description: &mut Option<Spanned<String>>| {
            if description
                .as_ref()
                .is_some_and(|text| look(text, Some(key), key.facts().asks))
            {
                *description = None;
            }
        };
        for purpose in &mut r.purposes {
            described(Key::Purpose, &mut purpose.description);
        }
        if let Some(risk) = &mut r.risk {
            described(Key::Risk, &mut risk.description);
        }
        if let Some(trigger) = &mut r.trigger {
            described(Key::Trigger, &mut trigger.description);
        }
        if let Some(scope) = &mut r.scope {
            described(Key::Scope, &mut scope.description);
        }
        if let Some(decided_by) = &mut r.decided_by {
            described(Key::DecidedBy, &mut decided_by.description);
        }
        if let Some(applies_to) = &mut r.applies_to {
            described(Key::AppliesTo, &mut applies_to.description);
        }
        for measure in &mut r.measures {
            described(Key::Measure, &mut measure.description);
        }
        for item in &r.data {
            look(&item.name, Some(Key::Data), Key::Data.facts().asks);
        }
        // An empty label is already TL003.
        for burden in &r.burdens {
            if !burden.label.value.is_empty() {
                look(&burden.label, Some(Key::Burden), &m::ASKS_BURDEN_LABEL);
            }
        }
        r.replaces
            .retain(|id| !look(id, Some(Key::Replaces), Key::Replaces.facts().asks));
        if let Some(dispensation) = &r.dispensation {
            if let Dispensation::Text(text) = &dispensation.value {
                if look(
                    &Spanned::new(text.clone(), dispensation.span),
                    Some(Key::Dispensation),
                    Key::Dispensation.facts().asks,
                ) {
                    r.dispensation = None;
                }
            }
        }
        self.report_placeholders(found);
    }

    /// One TL014 for the requirement, with a label at each placeholder.
    fn report_placeholders(&mut self, mut found: Vec<Found>) {
        if found.is_empty() {
            return;
        }
        found.sort_by_key(|f| f.span.start);
        let label = |f: &Found| {
            let asks = f.asks.get(self.lang);
            match f.key {
                Some(key) => m::PLACEHOLDER_KEY_LABEL.with(
                    self.lang,
                    &[
                        ("key", Arg::from(key.name(self.keyword_lang))),
                        ("asks", Arg::from(asks)),
                    ],
                ),
                None => m::PLACEHOLDER_LABEL.with(self.lang, &[("asks", Arg::from(asks))]),
            }
        };
        let mut diagnostic = lints::PLACEHOLDER
            .at(
                self.file,
                found[0].span,
                m::PLACEHOLDER.with(self.lang, &[("n", Arg::from(found.len()))]),
            )
            .with_label(label(&found[0]))
            .with_help(m::PLACEHOLDER_HELP.get(self.lang));
        for f in &found[1..] {
            diagnostic = diagnostic.with_secondary(self.file, f.span, label(f));
        }
        self.out.push(diagnostic);
    }
}
