//! The command line: arguments (clap) → library calls → output and exit
//! status. Nothing here decides what a diagnostic says; each command is a
//! module of its own.

mod burden;
mod check;
mod explain;
mod rules;
mod ruleset;

use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use trustlint::check::Checked;
use trustlint::diagnostics::Lang;
use trustlint::engine::{ruleset as rulesets, Ruleset};
use trustlint::input::{self, LoadError};
use trustlint::render::{self, Format, Style};
use trustlint::source::{SourceFile, SourceMap};

/// Exit statuses, as CLI.md sets them.
const EXIT_CLEAN: u8 = 0;
const EXIT_ERRORS: u8 = 1;
const EXIT_FAILURE: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "trustlint",
    version,
    about = "Lint proposed control and documentation requirements against the Kodeks for tillid",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,

    /// Language of messages [default: `da` when LC_ALL or LANG starts with `da`, else `en`]
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,

    /// When to colour the output (`NO_COLOR` turns `auto` off)
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,

    /// Print diagnostics only, without the summary lines
    #[arg(short, long, global = true)]
    quiet: bool,

    /// The ruleset: a TOML file, or the name of the built-in `kodeks-for-tillid`
    #[arg(long, global = true, value_name = "NAME|PATH")]
    ruleset: Option<String>,
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
    /// Test or validate a ruleset file
    #[command(subcommand)]
    Ruleset(ruleset::Command),
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

/// What every command gets from the common options.
struct Common {
    lang: Lang,
    color: ColorArg,
    quiet: bool,
    ruleset: Option<String>,
}

impl Common {
    /// Colour for standard output.
    fn color(&self) -> bool {
        use_color(self.color, std::io::stdout().is_terminal())
    }

    /// The ruleset named on the command line, or the built-in one.
    fn ruleset(&self) -> Result<Ruleset, ExitCode> {
        match self.ruleset.as_deref() {
            None => load_ruleset(rulesets::DEFAULT_NAME, rulesets::DEFAULT_TEXT.to_owned(), self),
            Some(name) if name == rulesets::DEFAULT_NAME => load_ruleset(name, rulesets::DEFAULT_TEXT.to_owned(), self),
            Some(path) => self.ruleset_file(path),
        }
    }

    fn ruleset_file(&self, path: &str) -> Result<Ruleset, ExitCode> {
        match std::fs::read_to_string(path) {
            Ok(text) => load_ruleset(path, text, self),
            Err(err) => Err(fail(&format!("cannot read the ruleset `{path}`: {}", io_reason(&err)))),
        }
    }
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let common = Common {
        lang: match cli.lang {
            Some(LangArg::En) => Lang::En,
            Some(LangArg::Da) => Lang::Da,
            None => lang_from_env(),
        },
        color: cli.color,
        quiet: cli.quiet,
        ruleset: cli.ruleset,
    };
    match cli.command {
        Command::Check(args) => check::run(&common, &args),
        Command::Explain(args) => explain::run(&common, &args),
        Command::Rules(args) => rules::run(&common, &args),
        Command::Burden(args) => burden::run(&common, &args),
        Command::Ruleset(command) => ruleset::run(&common, &command),
    }
}

/// Compiles a ruleset; on errors its diagnostics go to standard error and
/// the command stops with exit status 2.
fn load_ruleset(name: &str, text: String, common: &Common) -> Result<Ruleset, ExitCode> {
    let mut sources = SourceMap::new();
    let file = sources.add(SourceFile::new(name, text));
    rulesets::load(file, &sources.get(file).text).map_err(|diagnostics| {
        let checked = Checked {
            diagnostics,
            files: 1,
            ..Checked::default()
        };
        let style = Style {
            lang: common.lang,
            color: use_color(common.color, std::io::stderr().is_terminal()),
            quiet: true,
        };
        let _ = std::io::stderr().write_all(&render::render(Format::Human, &checked, &sources, style));
        fail(&format!("the ruleset `{name}` has errors; nothing was checked"))
    })
}

/// The files to check: paths expanded and read. A missing path or no
/// `.krav` file at all stops the command.
fn read_inputs(paths: &[PathBuf]) -> Result<(SourceMap, Vec<Option<LoadError>>), ExitCode> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    let inputs = input::discover(&paths).map_err(|err| fail(&err.to_string()))?;
    let mut sources = SourceMap::new();
    let load_errors = input::load(&inputs, &mut sources);
    Ok((sources, load_errors))
}

fn write_stdout(bytes: &[u8]) -> Result<(), ExitCode> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        // A closed pipe (`trustlint check | head`) is the reader's choice, not a failure.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(err) => Err(fail(&format!("cannot write the output: {err}"))),
        Ok(()) => Ok(()),
    }
}

/// Exit status 2 with one clear line.
fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(EXIT_FAILURE)
}

fn io_reason(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(cut) => text[..cut].to_lowercase(),
        None => text,
    }
}

fn lang_from_env() -> Lang {
    ["LC_ALL", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .map(|value| Lang::from_locale(&value))
        .unwrap_or_default()
}

fn use_color(choice: ColorArg, terminal: bool) -> bool {
    match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && terminal,
    }
}
