//! trustlint: a linter for proposed control and documentation requirements,
//! after Copenhagen's Kodeks for tillid (2013).
//!
//! The pipeline, one folder a stage, data flowing one way:
//! source text ([`source`]) → syntax tree ([`syntax`], pest) → typed
//! requirements ([`model`]) → burden estimate ([`burden`]) → rules
//! ([`engine`]) → the pipeline over files, checks across files and
//! suppressions ([`check`]) → the register reviewed as a whole
//! ([`audit`]) → one [`diagnostics::Diagnostic`] type → renderers
//! ([`render`]). [`settings`] holds what the user sets;
//! [`ruleset_test`] runs a ruleset's own examples through [`check`]. The
//! command line (`src/cli`) is a thin layer on top; an editor or the
//! browser calls [`check::check`] directly.

pub mod audit;
pub mod burden;
pub mod cache;
pub mod check;
pub mod diagnostics;
pub mod engine;
pub mod model;
pub mod render;
pub mod ruleset_test;
pub mod settings;
pub mod source;
pub mod syntax;

#[cfg(test)]
mod fuzz_dictionaries;
