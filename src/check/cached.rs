//! A run's use of the cache: what besides a file's own bytes its entry's
//! key holds.

use super::Options;
use crate::cache::Cache;
use crate::diagnostics::{Level, Registry};
use crate::engine::{self, Ruleset};
use crate::model::Date;

/// The cache of a run, and what its entries are read with.
pub(super) struct Cached<'c> {
    pub(super) cache: &'c Cache,
    /// The run's part of every key.
    pub(super) context: u128,
    pub(super) registry: Registry,
    /// The day the rules count from, if they read it.
    pub(super) today: Option<Date>,
}

impl<'c> Cached<'c> {
    pub(super) fn new(cache: &'c Cache, ruleset: &Ruleset, options: &Options) -> Self {
        let registry = ruleset.registry();
        Cached {
            context: cache.context(context(ruleset, &registry, options).as_bytes()),
            cache,
            registry,
            today: options.today.filter(|_| engine::reads_today(ruleset)),
        }
    }
}

/// What besides a file's name and bytes changes its results: the
/// ruleset (its rules, parameters and cost model as compiled), the level of
/// every code, the language, whether the register's own findings are
/// shown, and the date checks with their day. (A rule that counts from
/// today changes only the findings of requirements with a review date or
/// a sunset: their entries say which day they hold for.)
fn context(ruleset: &Ruleset, registry: &Registry, options: &Options) -> String {
    let levels: Vec<(&str, Level)> = registry
        .entries()
        .iter()
        .map(|entry| (&*entry.code, options.levels.of(entry)))
        .collect();
    let today = options.today.filter(|_| options.date_checks);
    format!(
        "{ruleset:?}\n{levels:?}\n{:?}\n{}\n{}\n{today:?}",
        options.lang, options.include_register, options.date_checks
    )
}
