//! The checks across files: what is known only once every file has been
//! read (TL006, TL007 and the built-ins across requirements), worked out
//! at the end from the few facts kept of each part, and given to the sink
//! after every part, file by file.

use super::suppress::{Directive, Faults};
use super::{is_across, silenced, Options, Part, Sink, Summary};
use crate::diagnostics::{lints, messages as m, Diagnostic, Lang, Registry};
use crate::engine::builtins::{self, Builtin, Finding};
use crate::engine::{Rule, RuleKind, Ruleset};
use crate::source::{FileId, Files, Span};
use std::collections::{BTreeSet, HashMap, HashSet};

/// What the checks across files keep of the parts, gathered part by part.
#[derive(Default)]
pub(super) struct Across {
    /// Each requirement's id, where it is written, and whether the file is
    /// the register's.
    ids: Vec<(Box<str>, FileId, Span, bool)>,
    /// Each id a requirement `replaces`: file, span, id, the replacing
    /// requirement's id, whether it is in the register.
    replaces: Vec<(FileId, Span, String, Option<String>, bool)>,
    /// What the built-ins read of each well-formed requirement that has
    /// data or burden (numbered in the order added), their findings' texts
    /// included.
    builtins: builtins::Facts,
    /// Suppressions that name a code of the checks across files.
    directives: Vec<Directive>,
}

impl Across {
    /// Adds the facts of a part judged (or taken from the cache): `valid`
    /// says which of its requirements are well-formed, `directives` are its
    /// suppressions that name a code of these checks; the built-ins' texts
    /// are those of `ruleset` in `lang`. Added straight to the facts of
    /// the parts before, so each name and text is interned once.
    pub(super) fn add(
        &mut self,
        part: &Part,
        valid: &[bool],
        directives: Vec<Directive>,
        ruleset: &Ruleset,
        lang: Lang,
    ) {
        let (file, in_register) = (part.file, part.in_register);
        let facts = self;
        facts.directives.extend(directives);
        for ((requirement, estimate), valid) in part.requirements.iter().zip(&part.estimates).zip(valid) {
            if let Some(id) = &requirement.id {
                facts.ids.push((id.value.as_str().into(), file, id.span, in_register));
            }
            facts.replaces.extend(requirement.replaces.iter().map(|replaced| {
                (
                    file,
                    replaced.span,
                    replaced.value.clone(),
                    requirement.id().map(str::to_owned),
                    in_register,
                )
            }));
            if *valid && !(requirement.data.is_empty() && requirement.burdens.is_empty()) {
                facts.builtins.add(requirement, estimate, ruleset, lang);
            }
        }
    }

    /// The findings across files, given to `sink` file by file after every
    /// part: each file's are written, silenced, rendered and dropped
    /// before the next file's are made.
    pub(super) fn finish(
        self,
        files: &dyn Files,
        ruleset: &Ruleset,
        registry: &Registry,
        options: &Options,
        sink: &mut impl Sink,
    ) -> Summary {
        let lang = options.lang;
        let Across {
            ids,
            replaces,
            builtins,
            mut directives,
        } = self;
        let mut early = duplicate_ids(&ids, lang);
        early.extend(unknown_replaced_ids(&ids, &replaces, options, lang));
        // What the proposals replace is on its way out: it adds to no
        // group's load and collects no data the proposals could duplicate.
        let in_force: HashSet<&str> = ids.iter().filter(|i| i.3).map(|i| &*i.0).collect();
        let replaced: BTreeSet<String> = replaces
            .iter()
            .filter(|r| !r.4 && in_force.contains(r.2.as_str()))
            .map(|r| r.2.clone())
            .collect();
        drop(in_force);
        drop((ids, replaces));
        let counts = |r: usize| {
            let in_register = builtins.file(r).is_some_and(|file| options.in_register(file));
            !(in_register && builtins.id(r).is_some_and(|id| replaced.contains(id)))
        };
        let found = builtin_findings(ruleset, options, &builtins, &counts);
        // Stable sorts: the order is the input's, whatever the thread count.
        early.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        directives.sort_by_key(|d| d.file);
        let mut with: Vec<FileId> = early
            .iter()
            .map(Diagnostic::file)
            .chain(found.iter().filter_map(|(.., f)| builtins.file(f.requirement)))
            .chain(directives.iter().map(|d| d.file))
            .collect();
        with.sort();
        with.dedup();
        let mut early = early.into_iter().peekable();
        let mut found = found.iter().peekable();
        let is_across = |code: &str| is_across(ruleset, code);
        for file in with {
            let mut diagnostics: Vec<Diagnostic> = std::iter::from_fn(|| early.next_if(|d| d.file() == file)).collect();
            let mine: Vec<&Found<'_>> =
                std::iter::from_fn(|| found.next_if(|(.., f)| builtins.file(f.requirement) == Some(file))).collect();
            // What the register says is dropped unless asked for.
            if options.in_register(file) && !options.include_register {
                continue;
            }
            diagnostics.extend(
                mine.into_iter()
                    .filter_map(|(rule, builtin, finding)| builtin.write(rule, ruleset, &builtins, finding, lang)),
            );
            let first = directives.partition_point(|d| d.file < file);
            let end = directives.partition_point(|d| d.file <= file);
            let (mut diagnostics, mut suppressed) = silenced(
                diagnostics,
                &directives[first..end],
                registry,
                options,
                Faults {
                    written: false,
                    unused: &is_across,
                },
            );
            if diagnostics.is_empty() && suppressed.is_empty() {
                continue;
            }
            diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
            suppressed.sort_by(|a, b| a.diagnostic.sort_key().cmp(&b.diagnostic.sort_key()));
            let part = Part {
                file,
                in_register: options.in_register(file),
                diagnostics,
                suppressed,
                ..Part::default()
            };
            // Read again: the file and the ones its labels point into.
            let mut needed: Vec<FileId> = part
                .diagnostics
                .iter()
                .chain(part.suppressed.iter().map(|s| &s.diagnostic))
                .flat_map(|d| std::iter::once(d.file()).chain(d.secondary.iter().map(|l| l.file)))
                .collect();
            needed.sort();
            needed.dedup();
            let batch = files.again(&needed);
            let rendered = sink.render(&part, batch.sources());
            sink.take(part, rendered, batch.sources());
        }
        Summary { replaced }
    }
}

/// A built-in's finding, with its rule.
type Found<'r> = (&'r Rule, &'static Builtin, Finding);

/// The built-ins' findings in `facts` (of the requirements `counts` lets
/// count), by requirement in input order.
fn builtin_findings<'r>(
    ruleset: &'r Ruleset,
    options: &Options,
    facts: &builtins::Facts,
    counts: &builtins::Counts<'_>,
) -> Vec<Found<'r>> {
    let mut findings = Vec::new();
    for rule in ruleset
        .rules
        .iter()
        .filter(|rule| !options.levels.is_allowed(rule.code()))
    {
        if let RuleKind::Builtin(builtin) = &rule.kind {
            findings.extend(
                builtin
                    .findings(ruleset, facts, counts)
                    .into_iter()
                    .map(|finding| (rule, *builtin, finding)),
            );
        }
    }
    // Stable: a requirement's findings stay in the order found.
    findings.sort_by_key(|(.., finding)| finding.requirement);
    findings
}

/// TL006: an id used by two requirements, reported at each later use.
fn duplicate_ids(ids: &[(Box<str>, FileId, Span, bool)], lang: Lang) -> Vec<Diagnostic> {
    let mut first: HashMap<&str, (FileId, Span)> = HashMap::new();
    let mut out = Vec::new();
    for (id, file, span, _) in ids {
        match first.get(&**id) {
            Some(&(first_file, first_span)) => out.push(
                lints::DUPLICATE_ID
                    .at(*file, *span, m::DUPLICATE_ID.fill(lang, &[("id", id)]))
                    .with_label(m::DUPLICATE_ID_LABEL.get(lang))
                    .with_secondary(first_file, first_span, m::DUPLICATE_ID_FIRST.get(lang))
                    .with_help(m::DUPLICATE_ID_HELP.get(lang))
                    .with_requirement(Some(id)),
            ),
            None => {
                first.insert(id, (*file, *span));
            }
        }
    }
    out
}

/// TL007: `replaces` names an id that no requirement checked has (with a
/// register: no requirement in force).
fn unknown_replaced_ids(
    ids: &[(Box<str>, FileId, Span, bool)],
    replaces: &[(FileId, Span, String, Option<String>, bool)],
    options: &Options,
    lang: Lang,
) -> Vec<Diagnostic> {
    let known: HashSet<&str> = ids
        .iter()
        .filter(|(.., in_register)| options.register_files == 0 || *in_register)
        .map(|(id, ..)| &**id)
        .collect();
    let (message, help) = if options.register_files > 0 {
        (m::REPLACED_ID_NOT_IN_REGISTER, m::REPLACED_ID_NOT_IN_REGISTER_HELP)
    } else {
        (m::UNKNOWN_REPLACED_ID, m::UNKNOWN_REPLACED_ID_HELP)
    };
    replaces
        .iter()
        .filter(|(_, _, id, ..)| !known.contains(id.as_str()))
        .map(|(file, span, id, by, _)| {
            lints::UNKNOWN_REPLACED_ID
                .at(*file, *span, message.fill(lang, &[("id", id)]))
                .with_label(m::UNKNOWN_REPLACED_ID_LABEL.get(lang))
                .with_help(help.get(lang))
                .with_requirement(by.as_deref())
        })
        .collect()
}
