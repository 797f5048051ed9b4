//! `# trustlint: allow(CODE, …) "reason"` on the line before a requirement
//! or an entry silences those codes there. The reason is mandatory (TL008
//! otherwise, and the suppression does not take effect); a suppression
//! that silences nothing is TL009.

use crate::diagnostics::{lints, messages as m, Arg, Diagnostic, Lang, Registry};
use crate::source::{FileId, SourceFile, Span};
use crate::syntax::{Document, Item};
use std::collections::HashMap;
use std::ops::Range;

/// One `# trustlint:` comment.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Directive {
    pub file: FileId,
    /// The whole comment.
    pub span: Span,
    /// Each code as written, with its span.
    pub codes: Vec<(String, Span)>,
    pub reason: Option<String>,
    /// What it applies to: the requirement or entry on the next line.
    pub target: Option<Span>,
    /// The comment could not be read as `allow(…) "…"`.
    pub malformed: bool,
}

/// A diagnostic that a suppression silenced, and why.
#[derive(Debug, Clone)]
pub struct Suppressed {
    pub diagnostic: Diagnostic,
    pub reason: String,
}

/// Finds the directives in the part `within` of a file, parsed as
/// `document`, and what each applies to.
pub fn directives(file: FileId, source: &SourceFile, document: &Document<'_>, within: Range<usize>) -> Vec<Directive> {
    let text = &source.text;
    if !text[within.clone()].contains("trustlint:") {
        return Vec::new();
    }
    let targets = item_spans(document);
    let mut found = Vec::new();
    // Directives whose target is not known yet: it is the first item after
    // them, if nothing but blank and comment lines comes between. Resolved
    // at the next line with code on it, so each line is read once, however
    // many comment lines come in a row.
    let mut pending = Vec::new();
    let first_line = source.line_index(within.start);
    let last_line = source.line_index(within.end);
    for line in first_line..=last_line {
        let Some(range) = source.line_range(line) else {
            continue;
        };
        let line_text = &text[range.clone()];
        let trimmed = line_text.trim_start();
        let start = range.start + (line_text.len() - trimmed.len());
        let Some(after_hash) = trimmed.strip_prefix('#') else {
            if !trimmed.trim_end().is_empty() {
                resolve(&mut found, &mut pending, &targets, start);
            }
            continue;
        };
        let Some(body) = after_hash.trim_start().strip_prefix("trustlint:") else {
            continue;
        };
        if !within.contains(&start) || inside(&document.multiline_strings, start) {
            continue;
        }
        let body_start = range.end - body.len();
        let mut directive = parse_body(file, body, body_start);
        directive.span = Span::new(start, range.end);
        pending.push((found.len(), range.end));
        found.push(directive);
    }
    found
}

/// Gives each pending directive its target: the first item after it, if
/// that item starts at `code`, the first character after the directive
/// that is not blank or in a comment.
fn resolve(found: &mut [Directive], pending: &mut Vec<(usize, usize)>, targets: &[Span], code: usize) {
    for (index, end) in pending.drain(..) {
        let next = targets.partition_point(|span| span.start < end);
        found[index].target = targets.get(next).filter(|target| target.start <= code).copied();
    }
}

/// Whether `offset` lies in one of `spans` (sorted, not overlapping).
fn inside(spans: &[Span], offset: usize) -> bool {
    let after = spans.partition_point(|span| span.start <= offset);
    after > 0 && spans[after - 1].contains(offset)
}

/// Parses `allow(A, B) "reason"` (the part after `trustlint:`).
fn parse_body(file: FileId, body: &str, offset: usize) -> Directive {
    let mut directive = Directive {
        file,
        span: Span::default(),
        codes: Vec::new(),
        reason: None,
        target: None,
        malformed: true,
    };
    let trimmed = body.trim_start();
    let mut at = offset + (body.len() - trimmed.len());
    let Some(rest) = trimmed.strip_prefix("allow(") else {
        return directive;
    };
    at += "allow(".len();
    let Some(close) = rest.find(')') else {
        return directive;
    };
    let mut code_at = at;
    for part in rest[..close].split(',') {
        let code = part.trim();
        let lead = part.len() - part.trim_start().len();
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return directive;
        }
        directive
            .codes
            .push((code.to_owned(), Span::new(code_at + lead, code_at + lead + code.len())));
        code_at += part.len() + 1;
    }
    let after = rest[close + 1..].trim();
    directive.malformed = false;
    if after.is_empty() {
        return directive;
    }
    match after.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        Some(reason) if !reason.trim().is_empty() => directive.reason = Some(reason.trim().to_owned()),
        Some(_) => {}
        None => directive.malformed = true,
    }
    directive
}

/// Every requirement, entry and sub-block start, in document order.
fn item_spans(document: &Document<'_>) -> Vec<Span> {
    let mut spans = Vec::new();
    for block in &document.requirements {
        spans.push(block.span);
        for item in &block.items {
            spans.push(item.span());
            if let Item::Block(sub) = item {
                spans.extend(sub.items.iter().map(Item::span));
            }
        }
    }
    spans
}

/// What the directives did.
#[derive(Debug, Default)]
pub struct Applied {
    /// The diagnostics no directive silenced.
    pub kept: Vec<Diagnostic>,
    pub suppressed: Vec<Suppressed>,
    /// The directives' own faults: no reason (TL008), nothing silenced (TL009).
    pub faults: Vec<Diagnostic>,
}

/// Which of the directives' own faults a call of [`apply`] reports: a
/// check applies the directives twice, to each part's findings as it is
/// judged and to the findings across files at the end.
#[derive(Clone, Copy)]
pub struct Faults<'a> {
    /// TL008: no reason, malformed, or a code nobody knows.
    pub written: bool,
    /// TL009 for the codes (as the registry spells them) this says.
    pub unused: &'a dyn Fn(&str) -> bool,
}

impl Faults<'_> {
    /// Every fault, for directives applied once to every finding.
    pub const ALL: Faults<'static> = Faults {
        written: true,
        unused: &|_| true,
    };
}

/// Silences the diagnostics that a reasoned directive covers, and reports
/// the directives without a reason (TL008) and those that silenced nothing
/// (TL009), as `faults` says. A directive names codes and rule names as
/// `registry` finds them.
pub fn apply(
    diagnostics: Vec<Diagnostic>,
    directives: &[Directive],
    registry: &Registry,
    lang: Lang,
    faults: Faults<'_>,
) -> Applied {
    let mut used: Vec<Vec<bool>> = directives.iter().map(|d| vec![false; d.codes.len()]).collect();
    let resolved: Vec<Vec<Option<&str>>> = directives
        .iter()
        .map(|d| {
            d.codes
                .iter()
                .map(|(code, _)| registry.find(code).map(|entry| entry.code.as_ref()))
                .collect()
        })
        .collect();
    let targets = Targets::of(directives);
    // The first directive (in file order) over each finding's place that
    // names its code.
    let silencing: Vec<Option<(usize, usize)>> = diagnostics
        .iter()
        .map(|diagnostic| {
            targets
                .over(diagnostic.file(), diagnostic.primary.span.start)
                .filter_map(|i| {
                    let j = resolved[i].iter().position(|code| *code == Some(diagnostic.code()))?;
                    Some((i, j))
                })
                .min()
        })
        .collect();
    // The silenced findings copied out and the others kept where they
    // are: a part's findings are never held twice.
    let mut suppressed = Vec::new();
    for (diagnostic, &(i, j)) in diagnostics
        .iter()
        .zip(&silencing)
        .filter_map(|(d, s)| Some((d, s.as_ref()?)))
    {
        used[i][j] = true;
        suppressed.push(Suppressed {
            diagnostic: diagnostic.clone(),
            reason: directives[i].reason.clone().unwrap_or_default(),
        });
    }
    let mut kept = diagnostics;
    let mut silenced = silencing.iter();
    kept.retain(|_| silenced.next().is_some_and(Option::is_none));
    let faults = directives
        .iter()
        .enumerate()
        .flat_map(|(i, directive)| report(directive, &used[i], &resolved[i], lang, faults))
        .collect();
    Applied {
        kept,
        suppressed,
        faults,
    }
}

/// The targets of the reasoned directives, per file, so each diagnostic
/// finds the directives over it without looking at the others. Targets
/// are requirements, entries and sub-blocks: two are nested or apart, so
/// the ones around a place are the last one starting before it and its
/// parents (at most three).
#[derive(Default)]
struct Targets {
    by_file: HashMap<FileId, Nested>,
}

#[derive(Default)]
struct Nested {
    /// Sorted by start, the outer of two with the same start first.
    spans: Vec<Span>,
    parents: Vec<Option<usize>>,
    /// The directives (their indices) over each span.
    directives: Vec<Vec<usize>>,
}

impl Targets {
    fn of(directives: &[Directive]) -> Targets {
        let mut grouped: HashMap<FileId, HashMap<Span, Vec<usize>>> = HashMap::new();
        for (i, directive) in directives.iter().enumerate() {
            if let (Some(_), Some(target)) = (&directive.reason, directive.target) {
                grouped
                    .entry(directive.file)
                    .or_default()
                    .entry(target)
                    .or_default()
                    .push(i);
            }
        }
        let by_file = grouped
            .into_iter()
            .map(|(file, spans)| {
                let mut spans: Vec<(Span, Vec<usize>)> = spans.into_iter().collect();
                spans.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
                let mut nested = Nested::default();
                let mut open: Vec<usize> = Vec::new();
                for (index, (span, list)) in spans.into_iter().enumerate() {
                    while let Some(&top) = open.last() {
                        if nested.spans[top].end >= span.end && nested.spans[top].start <= span.start {
                            break;
                        }
                        open.pop();
                    }
                    nested.parents.push(open.last().copied());
                    nested.spans.push(span);
                    nested.directives.push(list);
                    open.push(index);
                }
                (file, nested)
            })
            .collect();
        Targets { by_file }
    }

    /// The directives whose target holds `offset` in `file`.
    fn over(&self, file: FileId, offset: usize) -> impl Iterator<Item = usize> + '_ {
        let nested = self.by_file.get(&file);
        let mut at = nested.and_then(|n| n.spans.partition_point(|span| span.start <= offset).checked_sub(1));
        std::iter::from_fn(move || {
            let nested = nested?;
            while let Some(i) = at {
                at = nested.parents[i];
                if nested.spans[i].contains(offset) {
                    return Some(&nested.directives[i]);
                }
            }
            None
        })
        .flatten()
        .copied()
    }
}

fn report(
    directive: &Directive,
    used: &[bool],
    resolved: &[Option<&str>],
    lang: Lang,
    faults: Faults<'_>,
) -> Vec<Diagnostic> {
    let file = directive.file;
    if !faults.written && (directive.malformed || directive.reason.is_none()) {
        return Vec::new();
    }
    if directive.malformed {
        return vec![lints::SUPPRESSION_WITHOUT_REASON
            .at(file, directive.span, m::MALFORMED_SUPPRESSION.get(lang).to_owned())
            .with_label(m::MALFORMED_SUPPRESSION_LABEL.get(lang))
            .with_help(m::SUPPRESSION_HELP.get(lang))];
    }
    let mut out = Vec::new();
    for ((code, span), known) in directive.codes.iter().zip(resolved) {
        if known.is_none() && faults.written {
            out.push(
                lints::SUPPRESSION_WITHOUT_REASON
                    .at(
                        file,
                        *span,
                        m::UNKNOWN_CODE_IN_SUPPRESSION.with(lang, &[("code", Arg::from(code))]),
                    )
                    .with_label(m::UNKNOWN_CODE_LABEL.get(lang))
                    .with_help(m::UNKNOWN_CODE_HELP.get(lang)),
            );
        }
    }
    if directive.reason.is_none() {
        let codes: Vec<String> = directive.codes.iter().map(|(c, _)| format!("`{c}`")).collect();
        out.push(
            lints::SUPPRESSION_WITHOUT_REASON
                .at(
                    file,
                    directive.span,
                    m::SUPPRESSION_WITHOUT_REASON.with(lang, &[("codes", Arg::from(&codes.join(", ")))]),
                )
                .with_label(m::SUPPRESSION_WITHOUT_REASON_LABEL.get(lang))
                .with_help(m::SUPPRESSION_HELP.get(lang)),
        );
        return out;
    }
    for (((code, span), was_used), known) in directive.codes.iter().zip(used).zip(resolved) {
        if *was_used || !known.is_some_and(faults.unused) {
            continue;
        }
        let message = if directive.target.is_none() {
            m::DETACHED_SUPPRESSION.get(lang).into()
        } else {
            m::UNUSED_SUPPRESSION.with(lang, &[("code", Arg::from(code))])
        };
        out.push(
            lints::UNUSED_SUPPRESSION
                .at(file, *span, message)
                .with_label(m::UNUSED_SUPPRESSION_LABEL.get(lang))
                .with_help(m::UNUSED_SUPPRESSION_HELP.get(lang)),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_reason_and_spans() {
        let body = " allow(TL105, single-case-generalised) \"decided in committee\"";
        let d = parse_body(FileId(0), body, 100);
        assert!(!d.malformed);
        assert_eq!(d.codes[0].0, "TL105");
        assert_eq!(d.codes[0].1, Span::new(107, 112));
        assert_eq!(d.codes[1].1, Span::new(114, 114 + "single-case-generalised".len()));
        assert_eq!(d.reason.as_deref(), Some("decided in committee"));
    }

    #[test]
    fn missing_reason_and_malformed() {
        assert!(parse_body(FileId(0), " allow(TL105)", 0).reason.is_none());
        assert!(!parse_body(FileId(0), " allow(TL105)", 0).malformed);
        assert!(parse_body(FileId(0), " alow(TL105) \"x\"", 0).malformed);
        assert!(parse_body(FileId(0), " allow(TL105) reason", 0).malformed);
        assert!(parse_body(FileId(0), " allow(TL 105) \"r\"", 0).malformed);
    }
}
