//! Finding and reading the files a command judges: paths expanded through
//! the config's globs, the register's files before the proposals, and where
//! `--fix` may write each.

use super::{display_path, Common};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use trustlint::diagnostics::messages as m;
use trustlint::source::input::{self, LoadError};
use trustlint::source::SourceMap;

/// `--register DIR`, shared by the commands that judge proposals.
#[derive(clap::Args, Debug, Default)]
pub(super) struct RegisterArg {
    /// The register of requirements in force (the kodeks' positive list) to judge the proposals with [default: `register` in trustlint.toml]
    #[arg(long, value_name = "DIR")]
    pub(super) register: Option<PathBuf>,
}

/// The files read for a command: the register's first, then the proposals'.
pub(super) struct Read {
    pub(super) sources: SourceMap,
    pub(super) load_errors: Vec<Option<LoadError>>,
    /// How many of the first files are the register's.
    pub(super) register_files: usize,
    /// The path `--fix` may write each file to (none for standard input
    /// and the register's files).
    pub(super) paths: Vec<Option<PathBuf>>,
}

impl Common {
    /// The files to check, found but not read: paths expanded (through the
    /// config's globs). A missing path or no `.krav` file at all stops the
    /// command.
    ///
    /// `stdin_name` is the name `-` is shown and matched by (`--stdin-filename`):
    /// when the config's include/exclude leave that name out, standard input
    /// is not checked, as a file of that name would not be in a folder walk.
    pub(super) fn discover_inputs(
        &self,
        paths: &[PathBuf],
        stdin_name: Option<&str>,
    ) -> Result<Vec<input::Input>, ExitCode> {
        let select = |path: &Path| self.config.as_ref().is_none_or(|c| c.selects(path));
        let mut paths = if paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            paths.to_vec()
        };
        if stdin_name.is_some_and(|name| !select(Path::new(name))) {
            let given = paths.len();
            paths.retain(|path| path.as_os_str() != "-");
            if paths.is_empty() && given > 0 {
                return Ok(Vec::new());
            }
        }
        input::discover(&paths, &select, self.walk).map_err(|err| self.fail(&err.message(self.lang)))
    }

    /// The register named on the command line, else in the config.
    pub(super) fn register(&self, arg: &RegisterArg) -> Option<PathBuf> {
        arg.register
            .clone()
            .or_else(|| self.config.as_ref().and_then(|c| c.register.clone()))
    }

    /// The register's files (when there is one) and the proposals, read,
    /// with the path `--fix` may write each to (none for standard input). A
    /// proposal that is also a file of the register (`--register
    /// examples/register examples/`) is read once, as part of the register.
    pub(super) fn read_with_register(
        &self,
        paths: &[PathBuf],
        stdin_name: Option<&str>,
        register: Option<&Path>,
    ) -> Result<Read, ExitCode> {
        let (inputs, register_files) = self.discover_with_register(paths, stdin_name, register)?;
        // `--fix` leaves the register's files alone: they are in force.
        let fixable = vec![None; register_files]
            .into_iter()
            .chain(inputs[register_files..].iter().map(fixable_path))
            .collect();
        let mut sources = SourceMap::new();
        let load_errors = input::load(
            &inputs,
            stdin_name.unwrap_or(input::STDIN_NAME),
            self.max_file_size,
            &mut sources,
        );
        Ok(Read {
            sources,
            load_errors,
            register_files,
            paths: fixable,
        })
    }

    /// The inputs of [`Common::read_with_register`], found but not read:
    /// the register's first, and how many they are.
    pub(super) fn discover_with_register(
        &self,
        paths: &[PathBuf],
        stdin_name: Option<&str>,
        register: Option<&Path>,
    ) -> Result<(Vec<input::Input>, usize), ExitCode> {
        let Some(register) = register else {
            return Ok((self.discover_inputs(paths, stdin_name)?, 0));
        };
        if !register.is_dir() {
            return Err(self.fail(&m::REGISTER_NOT_A_FOLDER.fill(self.lang, &[("path", &display_path(register))])));
        }
        let select = |path: &Path| self.config.as_ref().is_none_or(|c| c.selects(path));
        let in_force = input::discover(&[register.to_path_buf()], &select, self.walk)
            .map_err(|err| self.fail(&err.message(self.lang)))?;
        let canonical = |input: &input::Input| match input {
            input::Input::File(path) | input::Input::Link { target: path, .. } => std::fs::canonicalize(path).ok(),
            input::Input::Stdin | input::Input::Unreadable(..) => None,
        };
        let known: std::collections::HashSet<PathBuf> = in_force.iter().filter_map(canonical).collect();
        let paths = if paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            paths.to_vec()
        };
        let mut proposals =
            input::discover(&paths, &select, self.walk).map_err(|err| self.fail(&err.message(self.lang)))?;
        proposals.retain(|input| canonical(input).is_none_or(|path| !known.contains(&path)));
        if proposals.is_empty() {
            return Err(self.fail(m::ONLY_THE_REGISTER.get(self.lang)));
        }
        let register_files = in_force.len();
        let mut inputs = in_force;
        inputs.extend(proposals);
        Ok((inputs, register_files))
    }
}

/// Where `--fix` writes an input: a file where it is, a link where it
/// points (so it stays a link); nowhere for standard input.
pub(super) fn fixable_path(input: &input::Input) -> Option<PathBuf> {
    match input {
        input::Input::File(path) | input::Input::Link { target: path, .. } => Some(path.clone()),
        input::Input::Stdin | input::Input::Unreadable(..) => None,
    }
}
