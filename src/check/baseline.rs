//! Baselines: the accepted findings of an existing register, so that it
//! passes while new findings still fail (as ESLint's bulk suppressions).
//! An entry is keyed by code and requirement id, not by line, so moving
//! text does not break it; its count says how many such findings are
//! accepted. Entries that match fewer findings than they accept are stale
//! and reported, so the file can be pruned.

use super::suppress::Suppressed;
use super::Checked;
use crate::source::SourceMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version of the file's format.
pub const VERSION: u32 = 1;

#[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub code: String,
    /// The requirement's id; for a finding about a whole file (or a
    /// requirement without an id), the file instead.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub requirement: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub file: Option<String>,
    pub count: usize,
}

type Key = (String, Option<String>, Option<String>);

fn key(diagnostic: &crate::diagnostics::Diagnostic, sources: &SourceMap) -> Key {
    let file = diagnostic
        .requirement
        .is_none()
        .then(|| sources.get(diagnostic.file()).name.clone());
    (
        diagnostic.code().to_owned(),
        diagnostic.requirement.as_deref().map(str::to_owned),
        file,
    )
}

impl Baseline {
    /// Every finding of `checked`, counted by key.
    pub fn of(checked: &Checked, sources: &SourceMap) -> Baseline {
        let mut counts: BTreeMap<Key, usize> = BTreeMap::new();
        for diagnostic in &checked.diagnostics {
            *counts.entry(key(diagnostic, sources)).or_default() += 1;
        }
        Baseline {
            version: VERSION,
            entries: counts
                .into_iter()
                .map(|((code, requirement, file), count)| Entry {
                    code,
                    requirement,
                    file,
                    count,
                })
                .collect(),
        }
    }

    /// Reads a baseline file; the error says what is wrong with it.
    pub fn parse(text: &str) -> Result<Baseline, String> {
        let baseline: Baseline = serde_json::from_str(text).map_err(|err| err.to_string())?;
        if baseline.version != VERSION {
            return Err(format!("version {} is not {VERSION}", baseline.version));
        }
        Ok(baseline)
    }

    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).unwrap_or_default();
        out.push('\n');
        out
    }

    /// Moves the findings the baseline accepts from `checked.diagnostics`
    /// to `checked.suppressed` (with `reason`), at most `count` per entry in
    /// the order of the output; returns the entries that accept more than
    /// they matched, with the count still unmatched.
    pub fn apply(&self, checked: &mut Checked, sources: &SourceMap, reason: &str) -> Vec<Entry> {
        let mut left: BTreeMap<Key, usize> = self
            .entries
            .iter()
            .map(|e| ((e.code.clone(), e.requirement.clone(), e.file.clone()), e.count))
            .collect();
        let mut kept = Vec::with_capacity(checked.diagnostics.len());
        for diagnostic in std::mem::take(&mut checked.diagnostics) {
            match left.get_mut(&key(&diagnostic, sources)) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    checked.suppressed.push(Suppressed {
                        diagnostic,
                        reason: reason.to_owned(),
                    });
                }
                _ => kept.push(diagnostic),
            }
        }
        checked.diagnostics = kept;
        checked
            .suppressed
            .sort_by(|a, b| a.diagnostic.sort_key().cmp(&b.diagnostic.sort_key()));
        left.into_iter()
            .filter(|(_, count)| *count > 0)
            .map(|((code, requirement, file), count)| Entry {
                code,
                requirement,
                file,
                count,
            })
            .collect()
    }
}
