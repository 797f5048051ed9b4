//! The `trustlint` binary end to end, one module per subcommand or topic,
//! as ruff's `crates/ruff/tests/cli`: every test runs the real binary.
//! Shared helpers are in `tests/common/`; snapshots are in `snapshots/`,
//! named `cli__MODULE__NAME.snap`. The UI fixtures have their own harness,
//! `tests/ui.rs`.

#[path = "../common/mod.rs"]
mod common;

mod audit;
mod bounded;
mod burden;
mod cache;
mod check;
mod config;
mod conventions;
mod danish;
mod explain;
mod fix;
mod formats;
mod hostile;
mod init;
mod inputs;
mod register;
mod report;
mod rules;
mod ruleset;
mod scaling;
mod schemas;
mod setup;
