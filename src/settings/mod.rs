//! What the user sets: `trustlint.toml` and the levels of codes.

pub mod config;
pub mod levels;

pub use config::Config;
pub use levels::Levels;
