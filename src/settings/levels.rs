//! Rule levels set by the user: the config's `[rules]` first, then the
//! command line's `-D`/`-W`/`-A` in the order given, each later one winning
//! (as rustc's lint flags do). A selector is a code, a rule name, or
//! `warnings`: every diagnostic that is a warning at that point.

use crate::diagnostics::Level;
use crate::engine::RuleInfo;

/// Codes whose level cannot change: they mean a file was not checked at all.
pub const FIXED: &[&str] = &["TL001", "TL010", "TL012", "TL013"];

#[derive(Clone, Debug, Default)]
pub struct Levels {
    directives: Vec<(String, Level)>,
}

impl Levels {
    /// Adds a directive after the ones already there.
    pub fn push(&mut self, selector: &str, level: Level) {
        self.directives.push((selector.to_owned(), level));
    }

    /// The level of a code (or rule name) whose default is `default`.
    pub fn resolve(&self, code: &str, name: &str, default: Level) -> Level {
        if FIXED.contains(&code) {
            return default;
        }
        self.directives.iter().fold(default, |level, (selector, set)| {
            let applies = selector.eq_ignore_ascii_case(code)
                || selector == name
                || (selector == "warnings" && level == Level::Warning);
            if applies {
                *set
            } else {
                level
            }
        })
    }
}

/// Whether a selector names something; an error message and help if not.
pub fn check_selector(selector: &str, catalogue: &[RuleInfo]) -> Result<(), (String, String)> {
    if selector == "warnings" {
        return Ok(());
    }
    if let Some(fixed) = FIXED.iter().find(|code| code.eq_ignore_ascii_case(selector)) {
        return Err((
            format!("the level of `{fixed}` cannot be changed"),
            "it means a file was not checked at all; fix the file instead".to_owned(),
        ));
    }
    if catalogue
        .iter()
        .any(|r| r.code.eq_ignore_ascii_case(selector) || r.name == selector)
    {
        return Ok(());
    }
    let names = catalogue
        .iter()
        .flat_map(|r| [r.code.as_str(), r.name.as_str()])
        .chain(["warnings"]);
    let help = match crate::model::suggest(selector, names) {
        Some(s) => format!("did you mean `{s}`?"),
        None => "`trustlint rules` lists every code and name; `warnings` selects all warnings".to_owned(),
    };
    Err((format!("`{selector}` is not a code or rule name"), help))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_directives_win_and_warnings_is_a_group() {
        let mut levels = Levels::default();
        levels.push("warnings", Level::Error);
        levels.push("TL105", Level::Allow);
        assert_eq!(
            levels.resolve("TL105", "nothing-replaced", Level::Warning),
            Level::Allow
        );
        assert_eq!(levels.resolve("TL104", "no-review", Level::Warning), Level::Error);
        assert_eq!(levels.resolve("TL202", "no-dispensation", Level::Note), Level::Note);
        let mut levels = Levels::default();
        levels.push("nothing-replaced", Level::Allow);
        levels.push("warnings", Level::Error);
        assert_eq!(
            levels.resolve("TL105", "nothing-replaced", Level::Warning),
            Level::Allow,
            "allowed before the group"
        );
        levels.push("tl001", Level::Allow);
        assert_eq!(
            levels.resolve("TL001", "syntax-error", Level::Error),
            Level::Error,
            "fixed"
        );
    }
}
