//! Rule levels set by the user, resolved once into a code → level table:
//! the config's `[rules]` first, then the command line's `-D`/`-W`/`-A` in
//! the order given, each later one winning (as rustc's lint flags do). A
//! selector is a code, a rule name, or `warnings`: every code that is a
//! warning at that point. Fixed codes keep their level.

use crate::diagnostics::{messages as m, Entry, Lang, Level, Registry};
use std::collections::HashMap;

/// The level of each code for one run. Empty (the default), every code
/// keeps its default level.
#[derive(Clone, Debug, Default)]
pub struct Levels {
    table: HashMap<String, Level>,
}

/// A selector that names nothing, or a fixed code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectorError {
    pub message: String,
    pub help: String,
}

impl Levels {
    /// Every code of `registry` at its default level.
    pub fn new(registry: &Registry) -> Levels {
        let table = registry
            .entries()
            .iter()
            .filter(|entry| !entry.fixed)
            .map(|entry| (entry.code.to_string(), entry.level))
            .collect();
        Levels { table }
    }

    /// Sets what `selector` names to `level`, after what is already set.
    /// What goes wrong is said in `lang`.
    pub fn set(&mut self, registry: &Registry, selector: &str, level: Level, lang: Lang) -> Result<(), SelectorError> {
        if selector == "warnings" {
            for set in self.table.values_mut().filter(|set| **set == Level::Warning) {
                *set = level;
            }
            return Ok(());
        }
        match registry.find(selector) {
            Some(entry) if entry.fixed => Err(SelectorError {
                message: m::LEVEL_FIXED.fill(lang, &[("code", &entry.code)]),
                help: m::LEVEL_FIXED_HELP.get(lang).to_owned(),
            }),
            Some(entry) => {
                self.table.insert(entry.code.to_string(), level);
                Ok(())
            }
            None => Err(SelectorError {
                message: m::NOT_A_SELECTOR.fill(lang, &[("selector", selector)]),
                help: registry
                    .did_you_mean(selector, &["warnings"], lang)
                    .unwrap_or_else(|| m::SELECTOR_HELP.get(lang).to_owned()),
            }),
        }
    }

    /// The level of `entry`'s diagnostics in this run.
    pub fn of(&self, entry: &Entry) -> Level {
        self.table.get(entry.code.as_ref()).copied().unwrap_or(entry.level)
    }

    /// Whether the user switched the code off.
    pub fn is_allowed(&self, code: &str) -> bool {
        self.table.get(code) == Some(&Level::Allow)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::lints;

    /// The registry of the built-in ruleset.
    fn registry() -> Registry {
        let ruleset = crate::engine::ruleset::load(Default::default(), crate::engine::ruleset::DEFAULT_TEXT);
        ruleset.map(|r| r.registry()).unwrap_or_default()
    }

    fn level(levels: &Levels, registry: &Registry, code: &str) -> Option<Level> {
        registry.find(code).map(|entry| levels.of(entry))
    }

    #[test]
    fn later_directives_win_and_warnings_is_a_group() {
        let registry = registry();
        let mut levels = Levels::new(&registry);
        assert_eq!(levels.set(&registry, "warnings", Level::Error, Lang::En), Ok(()));
        assert_eq!(levels.set(&registry, "TL105", Level::Allow, Lang::En), Ok(()));
        assert_eq!(level(&levels, &registry, "TL105"), Some(Level::Allow));
        assert!(levels.is_allowed("TL105"));
        assert_eq!(level(&levels, &registry, "TL104"), Some(Level::Error));
        assert_eq!(
            level(&levels, &registry, "TL009"),
            Some(Level::Error),
            "language checks too"
        );
        assert_eq!(level(&levels, &registry, "TL202"), Some(Level::Note));

        let mut levels = Levels::new(&registry);
        assert_eq!(
            levels.set(&registry, "nothing-replaced", Level::Allow, Lang::En),
            Ok(())
        );
        assert_eq!(levels.set(&registry, "warnings", Level::Error, Lang::En), Ok(()));
        assert_eq!(
            level(&levels, &registry, "TL105"),
            Some(Level::Allow),
            "allowed before the group"
        );
        assert_eq!(
            levels.set(&registry, "tl105", Level::Note, Lang::En),
            Ok(()),
            "codes in any case"
        );
        assert_eq!(level(&levels, &registry, "TL105"), Some(Level::Note));
    }

    #[test]
    fn fixed_codes_keep_their_level() {
        let registry = registry();
        let mut levels = Levels::new(&registry);
        let error = levels.set(&registry, "tl001", Level::Allow, Lang::En).unwrap_err();
        assert_eq!(error.message, "the level of `TL001` cannot be changed");
        assert!(levels
            .set(&registry, "invalid-config", Level::Warning, Lang::En)
            .is_err());
        assert_eq!(levels.set(&registry, "warnings", Level::Allow, Lang::En), Ok(()));
        assert_eq!(levels.of(&lints::SYNTAX_ERROR), Level::Error);
        assert_eq!(levels.of(&lints::INVALID_CONFIG), Level::Error);
    }

    #[test]
    fn unknown_selectors_get_a_suggestion() {
        let registry = registry();
        let mut levels = Levels::new(&registry);
        let error = levels
            .set(&registry, "nothing-replace", Level::Allow, Lang::En)
            .unwrap_err();
        assert_eq!(error.message, "`nothing-replace` is not a code or rule name");
        assert_eq!(error.help, "did you mean `nothing-replaced`?");
        let error = levels.set(&registry, "warning", Level::Allow, Lang::En).unwrap_err();
        assert_eq!(error.help, "did you mean `warnings`?");
        let error = levels.set(&registry, "zzzzzzzz", Level::Allow, Lang::En).unwrap_err();
        assert!(error.help.starts_with("`trustlint rules` lists"));
    }

    #[test]
    fn without_directives_every_code_keeps_its_default() {
        let registry = registry();
        for levels in [Levels::default(), Levels::new(&registry)] {
            for entry in registry.entries() {
                assert_eq!(levels.of(entry), entry.level, "{}", entry.code);
                assert!(!levels.is_allowed(&entry.code));
            }
        }
    }
}
