//! The register's date checks, against the day the user gives (`--today`):
//! a review date that has passed (TL401) and a sunset that has (TL402).
//! Only a written date counts: `review: after 2 years` names no day.

use crate::diagnostics::{lints, messages as m, Arg, Diagnostic, Lang};
use crate::model::{Date, Requirement, Review};

/// TL401 and TL402 for each requirement, with its index; a requirement
/// past its sunset is not also told to be reviewed.
pub fn check(requirements: &[Requirement], usable: &[bool], today: Date, lang: Lang) -> Vec<(usize, Diagnostic)> {
    let mut out = Vec::new();
    for (index, requirement) in requirements.iter().enumerate() {
        if !usable.get(index).copied().unwrap_or(false) {
            continue;
        }
        let ago = |date: Date| Arg::Int(today.days() - date.days());
        if let Some(sunset) = requirement.sunset.as_ref().filter(|s| s.value < today) {
            let date = sunset.value.to_string();
            let diagnostic = lints::SUNSET_PASSED
                .at(
                    requirement.file,
                    sunset.span,
                    m::SUNSET_PASSED.with(
                        lang,
                        &[
                            ("id", Arg::from(requirement.name())),
                            ("date", Arg::from(&date)),
                            ("days", ago(sunset.value)),
                        ],
                    ),
                )
                .with_label(m::SUNSET_PASSED_LABEL.get(lang))
                .with_help(m::SUNSET_PASSED_HELP.get(lang))
                .with_requirement(requirement.id());
            out.push((index, diagnostic));
            continue;
        }
        let Some(review) = &requirement.review else { continue };
        let Review::Date(due) = review.value else { continue };
        if due >= today {
            continue;
        }
        let date = due.to_string();
        let diagnostic = lints::REVIEW_OVERDUE
            .at(
                requirement.file,
                review.span,
                m::REVIEW_OVERDUE.with(
                    lang,
                    &[
                        ("id", Arg::from(requirement.name())),
                        ("date", Arg::from(&date)),
                        ("days", ago(due)),
                    ],
                ),
            )
            .with_label(m::REVIEW_OVERDUE_LABEL.get(lang))
            .with_help(m::REVIEW_OVERDUE_HELP.get(lang))
            .with_requirement(requirement.id());
        out.push((index, diagnostic));
    }
    out
}
