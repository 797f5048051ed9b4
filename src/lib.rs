//! trustlint: a linter for proposed control and documentation requirements,
//! after Copenhagen's Kodeks for tillid (2013).
//!
//! The pipeline, one module a stage, data flowing one way:
//! source text ([`source`], [`input`]) → syntax tree ([`syntax`], pest) →
//! typed requirements ([`model`]) → checks across files and suppressions
//! ([`check`], [`suppress`]) → one [`diagnostics::Diagnostic`] type →
//! renderers ([`render`]). The command line (`src/cli`) is a thin layer on
//! top; an editor integration can call [`check::check`] directly.

pub mod burden;
pub mod check;
pub mod config;
pub mod diagnostics;
pub mod engine;
pub mod init;
pub mod input;
pub mod levels;
pub mod model;
pub mod render;
pub mod ruleset_tests;
pub mod source;
pub mod suppress;
pub mod syntax;
