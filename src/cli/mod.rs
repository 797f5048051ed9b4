//! The command line: arguments (clap) → library calls → output and exit
//! status. Nothing here decides what a diagnostic says; each command is a
//! module of its own.

mod audit;
mod baseline;
mod burden;
mod check;
mod environment;
mod explain;
mod init;
mod inputs;
mod pool;
mod report;
mod rules;
mod ruleset;
mod usage;

use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use environment::{lang_from_env, stdout_open, use_color};
use inputs::{Read, RegisterArg};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use trustlint::check::{Checked, Options};
use trustlint::diagnostics::{lints, messages as m, Diagnostic, Lang, Level, Registry};
use trustlint::engine::ruleset as rulesets;
use trustlint::engine::Ruleset;
use trustlint::model::Date;
use trustlint::render::{self, escape_controls, Style};
use trustlint::settings::config::{self, Config};
use trustlint::settings::Levels;
use trustlint::source::atomic;
use trustlint::source::input::{self, IoReason};
use trustlint::source::{FileId, SourceFile, SourceMap};

/// `--today DATE`: the day date rules and checks count from, for
/// reproducible runs. Every command that judges dates (`check`, `audit`)
/// flattens this one option into its arguments.
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct TodayArg {
    /// The day to judge dates by (review dates, sunsets), as YYYY-MM-DD [default: today's date]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<trustlint::model::Date>,
}

/// Exit statuses: 0 when nothing is an error, 1 when something is, 2 when
/// the command could not do its work.
const EXIT_CLEAN: u8 = 0;
const EXIT_ERRORS: u8 = 1;
const EXIT_FAILURE: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "trustlint",
    version,
    about = "Lint proposed control and documentation requirements against the Kodeks for tillid (på dansk: --lang da)",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,

    /// Language of messages [default: from trustlint.toml, else the locale (LC_ALL, LC_MESSAGES, LANG), else the language of the files' keywords, else `en`]
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,

    /// When to colour the output; `auto` colours a terminal unless `NO_COLOR` is set, `CLICOLOR=0` or `TERM=dumb`, and colours anything when `CLICOLOR_FORCE` is set
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,

    /// Print diagnostics only, without the summary lines
    #[arg(short, long, global = true)]
    quiet: bool,

    /// The ruleset: a TOML file, or the name of the built-in `kodeks-for-tillid` [default: from trustlint.toml]
    #[arg(long, global = true, value_name = "NAME|PATH")]
    ruleset: Option<String>,

    /// The configuration file [default: the nearest trustlint.toml in this folder or above]
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,

    /// The largest file read (a `.krav` file, standard input, a ruleset or config): bytes, or with K, M or G
    #[arg(long, global = true, value_name = "SIZE", default_value = "256M", value_parser = parse_size)]
    max_file_size: u64,

    /// Walk folders whole: without it, what `.gitignore` and `.ignore` files ignore and hidden files and folders are left out
    #[arg(long, global = true)]
    no_ignore: bool,
}

fn parse_size(text: &str) -> Result<u64, String> {
    input::parse_size(text).ok_or_else(|| format!("`{text}` is not a size like 256M, 64K or 1000"))
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check `.krav` files, directories (recursively) or `-` for standard input
    Check(check::Args),
    /// Explain a code: what it means, the kodeks quote, examples, how to fix it
    Explain(explain::Args),
    /// List every code with its name, level and source
    Rules(rules::Args),
    /// The burden estimate (Standard Cost Model) per requirement and group
    Burden(burden::Args),
    /// Review a register of requirements in force: dates passed, load per group, abolition candidates
    Audit(audit::Args),
    /// Write the findings of an existing register as accepted, for `check --baseline`
    Baseline(baseline::Args),
    /// Write the committee's report: one self-contained HTML file to attach to the case
    Report(report::Args),
    /// Test or validate a ruleset file
    #[command(subcommand)]
    Ruleset(ruleset::Command),
    /// Write a commented template proposal
    Init(init::Args),
    /// Print shell completions
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff)
    Man,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum LangArg {
    En,
    Da,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

/// What every command gets from the common options and the config.
struct Common {
    lang: Lang,
    /// Whether `--lang`, the config or the locale chose `lang`; when none
    /// did, the files checked choose it (see [`Common::lang_for_read`]).
    lang_chosen: bool,
    color: ColorArg,
    quiet: bool,
    /// The ruleset named on the command line or in the config.
    ruleset: Option<String>,
    config: Option<Config>,
    /// No file read is larger (`--max-file-size`).
    max_file_size: u64,
    walk: input::WalkOptions,
    /// The config file's text, for diagnostics pointing into it.
    settings: SourceMap,
    config_file: Option<FileId>,
}

impl Common {
    /// Colour for standard output.
    fn color(&self) -> bool {
        use_color(self.color, &std::io::stdout())
    }

    /// The ruleset named on the command line or in the config, or the
    /// built-in one, with the config's parameters.
    fn ruleset(&self) -> Result<Ruleset, ExitCode> {
        match self.ruleset.as_deref() {
            None => self.load_ruleset(rulesets::DEFAULT_NAME, rulesets::DEFAULT_TEXT.to_owned()),
            Some(name) if name == rulesets::DEFAULT_NAME => self.load_ruleset(name, rulesets::DEFAULT_TEXT.to_owned()),
            Some(path) => self.ruleset_file(path),
        }
    }

    fn ruleset_file(&self, path: &str) -> Result<Ruleset, ExitCode> {
        match input::read_text(Path::new(path), self.max_file_size) {
            Ok(text) => self.load_ruleset(path, text),
            Err(reason) => Err(self.fail(&m::CANNOT_READ_RULESET.fill(
                self.lang,
                &[
                    ("path", &escape_controls(path)),
                    ("reason", &reason_text(&reason, self.lang)),
                ],
            ))),
        }
    }

    /// Compiles a ruleset; on errors its diagnostics go to standard error
    /// and the command stops with exit status 2.
    fn load_ruleset(&self, name: &str, text: String) -> Result<Ruleset, ExitCode> {
        let mut sources = SourceMap::new();
        // The config first, so that its FileId holds in both maps.
        if let Some(id) = self.config_file {
            let config = self.settings.get(id);
            sources.add(SourceFile::new(config.name.clone(), config.text.clone()));
        }
        let file = sources.add(SourceFile::new(name, text));
        let failed = |diagnostics: Vec<Diagnostic>| {
            self.report_settings_errors(diagnostics, &sources);
            let message = if self.config.as_ref().is_some_and(|c| !c.params.is_empty()) {
                m::RULESET_OR_PARAMS_HAVE_ERRORS
            } else {
                m::RULESET_HAS_ERRORS
            };
            self.fail(&message.fill(self.lang, &[("name", name)]))
        };
        let mut parsed = rulesets::parse(file, &sources.get(file).text, self.lang).map_err(failed)?;
        // The config's `[params]` replace the ruleset's before its rules are
        // compiled; the config's errors come first, as its file does.
        let mut errors = match &self.config {
            Some(config) => config.apply_params(parsed.params_mut(), self.config_file.unwrap_or_default(), self.lang),
            None => Vec::new(),
        };
        match parsed.compile() {
            Ok(ruleset) if errors.is_empty() => return Ok(ruleset),
            Ok(_) => {}
            Err(diagnostics) => errors.extend(diagnostics),
        }
        Err(failed(errors))
    }

    /// Exit status 2 with one clear line.
    fn fail(&self, message: &str) -> ExitCode {
        eprint_line(&format!(
            "{}: {}",
            m::ERROR_HEADING.get(self.lang),
            escape_controls(message)
        ));
        ExitCode::from(EXIT_FAILURE)
    }

    /// A warning on standard error that does not stop the command, in
    /// `lang` (the language the files are answered in).
    fn warn(&self, lang: Lang, message: &str) {
        eprintln!("{}: {message}", m::WARNING_HEADING.get(lang));
    }

    fn write_stdout(&self, bytes: &[u8]) -> Result<(), ExitCode> {
        stdout_open().map_err(|err| self.cannot_write_output(&err))?;
        let mut stdout = std::io::stdout().lock();
        match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
            // A closed pipe (`trustlint check | head`) is the reader's choice, not a failure.
            Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            Err(err) => Err(self.cannot_write_output(&err)),
            Ok(()) => Ok(()),
        }
    }

    /// Writes an output file (`-o`, `--sarif-output`) all at once, so a reader
    /// never sees half a report. A path that is not a regular file
    /// (`/dev/stdout`, a named pipe) is written to directly: it cannot be
    /// replaced by a rename.
    fn write_file(&self, path: &Path, bytes: &[u8]) -> Result<(), ExitCode> {
        let special = std::fs::metadata(path).is_ok_and(|meta| !meta.is_file());
        let written = if special {
            std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .and_then(|mut file| std::io::Write::write_all(&mut file, bytes))
        } else {
            atomic::write_atomically(path, bytes, true)
        };
        written.map_err(|err| {
            self.fail(&m::CANNOT_WRITE_FILE.fill(
                self.lang,
                &[
                    ("path", &path.display().to_string()),
                    ("reason", &io_reason(&err, self.lang)),
                ],
            ))
        })
    }

    /// A command's whole output: to `file` (`-o`) when one is given, else
    /// to standard output.
    fn write_output(&self, file: Option<&Path>, bytes: &[u8]) -> Result<(), ExitCode> {
        match file {
            Some(path) => self.write_file(path, bytes),
            None => self.write_stdout(bytes),
        }
    }

    fn cannot_write_output(&self, err: &std::io::Error) -> ExitCode {
        self.fail(&m::CANNOT_WRITE_OUTPUT.fill(self.lang, &[("reason", &io_reason(err, self.lang))]))
    }

    /// Prints diagnostics about settings files to standard error.
    fn report_settings_errors(&self, diagnostics: Vec<Diagnostic>, sources: &SourceMap) {
        let checked = Checked {
            diagnostics,
            files: 1,
            ..Checked::default()
        };
        let style = Style {
            lang: self.lang,
            color: use_color(self.color, &std::io::stderr()),
            quiet: true,
        };
        let _ = std::io::stderr().write_all(&render::human(&checked, sources, style));
    }

    /// The language to answer the proposals of `read` in: the one chosen,
    /// else Danish when more of the files are written with Danish keywords
    /// than with English ones (the register's files do not choose it).
    fn lang_for_read(&self, read: &Read) -> Lang {
        let files = read.sources.files().get(read.register_files..).unwrap_or_default();
        self.lang_by_majority(
            files
                .iter()
                .map(|file| trustlint::model::keywords::written_in(&file.text)),
        )
    }

    /// The language chosen, else Danish when more of the proposals are
    /// written with Danish keywords than with English ones (`written`: the
    /// language each proposal is written in, where its keywords tell).
    fn lang_by_majority(&self, written: impl Iterator<Item = Option<Lang>>) -> Lang {
        if self.lang_chosen {
            return self.lang;
        }
        let (mut danish, mut english) = (0usize, 0usize);
        for lang in written {
            match lang {
                Some(Lang::Da) => danish += 1,
                Some(Lang::En) => english += 1,
                None => {}
            }
        }
        if danish > english {
            Lang::Da
        } else {
            self.lang
        }
    }
}

/// The ruleset a command judges with, its registry, and the levels.
struct Rules {
    ruleset: Ruleset,
    registry: Registry,
    levels: Levels,
}

/// What a command that judges files starts from: the rules, the files
/// read, and the check's options (the language the files are answered in,
/// the levels, how many files are the register's), which the command
/// completes before [`Judging::check`].
struct Judging {
    ruleset: Ruleset,
    read: Read,
    options: Options,
}

impl Judging {
    fn check(&self) -> Checked {
        trustlint::check::check(&self.read.sources, &self.read.load_errors, &self.ruleset, &self.options)
    }
}

impl Common {
    /// The ruleset and its levels: the defaults, with TL007 an error against
    /// a register (a replaced id that is not in force is a mistake, not a
    /// file left out), then the config's `[rules]`. `check`'s flags come after.
    fn rules(&self, with_register: bool) -> Result<Rules, ExitCode> {
        let ruleset = self.ruleset()?;
        let registry = ruleset.registry();
        let mut levels = Levels::new(&registry);
        if with_register {
            let _ = levels.set(
                &registry,
                lints::UNKNOWN_REPLACED_ID.code.as_ref(),
                Level::Error,
                self.lang,
            );
        }
        if let (Some(config), Some(file)) = (&self.config, self.config_file) {
            let errors = config.apply_rules(file, &registry, &mut levels, self.lang);
            if !errors.is_empty() {
                self.report_settings_errors(errors, &self.settings);
                return Err(
                    self.fail(&m::CONFIG_HAS_ERRORS.fill(self.lang, &[("path", &self.settings.get(file).name)]))
                );
            }
        }
        Ok(Rules {
            ruleset,
            registry,
            levels,
        })
    }

    /// The opening every command that judges files shares: the rules (see
    /// [`Common::rules`]), then the files read, the register's first.
    fn judging(&self, paths: &[PathBuf], register: Option<&Path>) -> Result<Judging, ExitCode> {
        let Rules { ruleset, levels, .. } = self.rules(register.is_some())?;
        let read = self.read_with_register(paths, None, register)?;
        let options = Options {
            lang: self.lang_for_read(&read),
            levels,
            register_files: read.register_files,
            ..Options::default()
        };
        Ok(Judging { ruleset, read, options })
    }
}

/// A date given on the command line (`--today`), exactly `YYYY-MM-DD`.
fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse_text(text).ok_or_else(|| format!("`{text}` is not a date written YYYY-MM-DD"))
}

pub fn run() -> ExitCode {
    pool::install(run_command)
}

fn run_command() -> ExitCode {
    let parsed = Cli::command()
        .try_get_matches()
        .and_then(|matches| Ok((Cli::from_arg_matches_mut(&mut matches.clone())?, matches)));
    let (cli, mut matches) = match parsed {
        Ok(parsed) => parsed,
        Err(err) => return clap_exit(&err),
    };
    let common = match common(&cli) {
        Ok(common) => common,
        Err(code) => return code,
    };
    let sub = matches.remove_subcommand().map(|(_, m)| m).unwrap_or_default();
    match &cli.command {
        Command::Check(args) => check::run(&common, args, &sub),
        Command::Explain(args) => explain::run(&common, args),
        Command::Rules(args) => rules::run(&common, args),
        Command::Burden(args) => burden::run(&common, args),
        Command::Audit(args) => audit::run(&common, args),
        Command::Baseline(args) => baseline::run(&common, args),
        Command::Report(args) => report::run(&common, args),
        Command::Ruleset(command) => ruleset::run(&common, command),
        Command::Init(args) => init::run(&common, args),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "trustlint", &mut out);
            finish(common.write_stdout(&out))
        }
        Command::Man => {
            let mut out = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut out) {
                Ok(()) => finish(common.write_stdout(&out)),
                Err(err) => {
                    common.fail(&m::CANNOT_WRITE_MANUAL.fill(common.lang, &[("reason", &io_reason(&err, common.lang))]))
                }
            }
        }
    }
}

/// The common options, with the config's settings where the command line
/// is silent.
fn common(cli: &Cli) -> Result<Common, ExitCode> {
    // `--lang` wins over the config, the config over the locale.
    let chosen = cli.lang.map(lang_of).or_else(lang_from_env);
    let mut common = Common {
        lang: chosen.unwrap_or_default(),
        lang_chosen: chosen.is_some(),
        color: cli.color,
        quiet: cli.quiet,
        ruleset: None,
        config: None,
        max_file_size: cli.max_file_size,
        walk: input::WalkOptions { ignore: !cli.no_ignore },
        settings: SourceMap::new(),
        config_file: None,
    };
    let config_path = match &cli.config {
        Some(path) => Some(path.clone()),
        None => {
            let found = std::env::current_dir()
                .map(|dir| config::discover(&dir))
                .unwrap_or_default();
            for skipped in &found.skipped {
                let message = m::CONFIG_SKIPPED.fill(common.lang, &[("path", &display_path(skipped))]);
                eprint_line(&format!("{}: {message}", m::WARNING_HEADING.get(common.lang)));
            }
            found.path
        }
    };
    if let Some(path) = config_path {
        let text = input::read_text(&path, common.max_file_size).map_err(|reason| {
            common.fail(&m::CANNOT_READ_CONFIG.fill(
                common.lang,
                &[
                    ("path", &display_path(&path)),
                    ("reason", &reason_text(&reason, common.lang)),
                ],
            ))
        })?;
        let shown = display_path(&path);
        let file = common.settings.add(SourceFile::new(shown, text));
        common.config_file = Some(file);
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        match config::load(file, &common.settings.get(file).text, &dir, common.lang) {
            Ok(config) => {
                if let (None, Some(lang)) = (cli.lang, config.lang) {
                    common.lang = lang;
                    common.lang_chosen = true;
                }
                common.ruleset = config.ruleset.clone();
                common.config = Some(config);
            }
            Err(diagnostics) => {
                let settings = std::mem::take(&mut common.settings);
                common.report_settings_errors(diagnostics, &settings);
                return Err(common.fail(&m::CONFIG_HAS_ERRORS.fill(common.lang, &[("path", &display_path(&path))])));
            }
        }
    }
    if let Some(ruleset) = &cli.ruleset {
        common.ruleset = Some(ruleset.clone());
    }
    Ok(common)
}

/// A path as it is best shown: relative to the current folder (with `..`
/// for a config found above it), else as it is.
fn display_path(path: &Path) -> String {
    let (Ok(cwd), Ok(absolute)) = (std::env::current_dir(), std::path::absolute(path)) else {
        return path.display().to_string();
    };
    let common = cwd
        .components()
        .zip(absolute.components())
        .take_while(|(a, b)| a == b)
        .count();
    // Nothing shared but the root: `/dev/null` is clearer than `../../dev/null`.
    if common <= 1 {
        return path.display().to_string();
    }
    let mut relative = PathBuf::new();
    for _ in cwd.components().skip(common) {
        relative.push("..");
    }
    relative.extend(absolute.components().skip(common));
    relative.display().to_string()
}

/// What clap has to say (help, the version, a usage error) on the stream
/// it chooses. A usage error is exit status 2 as clap's own; help or the
/// version that cannot be written is 2 with a line that says why (a closed
/// pipe is the reader's choice, as for every output).
fn clap_exit(err: &clap::Error) -> ExitCode {
    let code = u8::try_from(err.exit_code()).unwrap_or(EXIT_FAILURE);
    if err.use_stderr() && usage::lang() == Lang::Da {
        if let Some(danish) = usage::danish(err) {
            let _ = std::io::stderr().lock().write_all(danish.as_bytes());
            return ExitCode::from(code);
        }
    }
    match err.print() {
        Err(io) if err.use_stderr() || io.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(code),
        Err(io) => {
            let lang = lang_from_env().unwrap_or_default();
            let message = m::CANNOT_WRITE_OUTPUT.fill(lang, &[("reason", &io_reason(&io, lang))]);
            eprint_line(&format!("{}: {message}", m::ERROR_HEADING.get(lang)));
            ExitCode::from(EXIT_FAILURE)
        }
        Ok(()) => ExitCode::from(code),
    }
}

/// A line on standard error. Should standard error be closed or full,
/// there is nowhere left to say so: the exit status still tells.
fn eprint_line(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

fn lang_of(lang: LangArg) -> Lang {
    match lang {
        LangArg::En => Lang::En,
        LangArg::Da => Lang::Da,
    }
}

fn finish(written: Result<(), ExitCode>) -> ExitCode {
    written.map_or_else(|code| code, |()| ExitCode::from(EXIT_CLEAN))
}

/// Why reading or writing failed, in `lang`; a path that is not there may
/// be a file or a folder.
fn io_reason(err: &std::io::Error, lang: Lang) -> String {
    reason_text(&IoReason::of(err), lang)
}

fn reason_text(reason: &IoReason, lang: Lang) -> String {
    match reason.kind() {
        Some(std::io::ErrorKind::NotFound) => m::NO_SUCH_FILE_OR_DIRECTORY.get(lang).to_owned(),
        _ => reason.text(lang),
    }
}

/// The ArgMatches of a subcommand, for options whose order matters.
type SubMatches = ArgMatches;
