//! The check held whole: every file's results kept in memory, for the
//! commands and callers that need all of them at once.

use super::Options;
use super::{run, Checked, Part, Sink};
use crate::engine::Ruleset;
use crate::source::input::LoadError;
use crate::source::{InMemory, SourceMap};

/// Checks every file of `sources` together, all in memory. `load_errors[i]`
/// says why file `i` could not be read, if it could not.
pub fn check(sources: &SourceMap, load_errors: &[Option<LoadError>], ruleset: &Ruleset, options: &Options) -> Checked {
    let mut collected = Collect::default();
    let files = InMemory { sources, load_errors };
    let summary = run(&files, ruleset, options, &mut collected);
    let Collect { mut checked } = collected;
    checked.register.replaced = summary.replaced;
    checked.files = sources.len().saturating_sub(options.register_files);
    checked
}

/// A sink that keeps everything, for [`check`].
#[derive(Default)]
struct Collect {
    checked: Checked,
}

impl Sink for Collect {
    type Rendered = ();

    fn render(&self, _: &Part, _: &SourceMap) {}

    fn take(&mut self, part: Part, (): (), _: &SourceMap) {
        let checked = &mut self.checked;
        let (requirements, estimates) = if part.in_register {
            (&mut checked.register.requirements, &mut checked.register.estimates)
        } else {
            (&mut checked.requirements, &mut checked.estimates)
        };
        requirements.extend(part.requirements);
        estimates.extend(part.estimates);
        checked.diagnostics.extend(part.diagnostics);
        checked.suppressed.extend(part.suppressed);
    }
}
