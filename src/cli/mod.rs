//! The command line: arguments (clap) → library calls → output and exit
//! status. Nothing here decides what a diagnostic says.

use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use trustlint::check::{self, Options};
use trustlint::diagnostics::{Counts, Lang};
use trustlint::engine::{ruleset, Ruleset};
use trustlint::input;
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

    /// Language of messages [default: from the config, else `da` when LC_ALL or LANG starts with `da`, else `en`]
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,

    /// When to colour the output (`NO_COLOR` turns `auto` off)
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,

    /// Print diagnostics only, without the summary line
    #[arg(short, long, global = true)]
    quiet: bool,

    /// The ruleset: a TOML file, or the name of the built-in `kodeks-for-tillid`
    #[arg(long, global = true, value_name = "NAME|PATH")]
    ruleset: Option<String>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check `.krav` files, directories (recursively) or `-` for standard input
    Check(CheckArgs),
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// Files, directories or `-`; the current directory when none is given
    paths: Vec<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,
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

#[derive(ValueEnum, Clone, Copy, Debug)]
enum FormatArg {
    Human,
    Short,
    Json,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        Some(LangArg::En) => Lang::En,
        Some(LangArg::Da) => Lang::Da,
        None => lang_from_env(),
    };
    match &cli.command {
        Command::Check(args) => check_command(&cli, args, lang),
    }
}

fn check_command(cli: &Cli, args: &CheckArgs, lang: Lang) -> ExitCode {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let inputs = match input::discover(&paths) {
        Ok(inputs) => inputs,
        Err(err) => return fail(&err.to_string()),
    };
    let ruleset = match load_ruleset(cli.ruleset.as_deref(), lang, cli.color) {
        Ok(ruleset) => ruleset,
        Err(code) => return code,
    };
    let mut sources = SourceMap::new();
    let load_errors = input::load(&inputs, &mut sources);
    let checked = check::check(&sources, &load_errors, &ruleset, &Options { lang });
    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Short => Format::Short,
        FormatArg::Json => Format::Json,
    };
    let style = Style {
        lang,
        color: use_color(cli.color) && format == Format::Human,
        quiet: cli.quiet,
    };
    let output = render::render(format, &checked, &sources, style);
    if let Err(err) = write_stdout(&output) {
        return fail(&format!("cannot write the output: {err}"));
    }
    if Counts::of(&checked.diagnostics).errors > 0 {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::from(EXIT_CLEAN)
    }
}

/// The built-in ruleset, or the one named on the command line. A ruleset
/// that cannot be read or has errors stops the command (exit status 2),
/// with its diagnostics on standard error.
fn load_ruleset(choice: Option<&str>, lang: Lang, color: ColorArg) -> Result<Ruleset, ExitCode> {
    let (name, text) = match choice {
        None => (ruleset::DEFAULT_NAME.to_owned(), ruleset::DEFAULT_TEXT.to_owned()),
        Some(name) if name == ruleset::DEFAULT_NAME => (name.to_owned(), ruleset::DEFAULT_TEXT.to_owned()),
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => (path.to_owned(), text),
            Err(err) => return Err(fail(&format!("cannot read the ruleset `{path}`: {err}"))),
        },
    };
    let mut sources = SourceMap::new();
    let file = sources.add(SourceFile::new(name, text));
    ruleset::load(file, &sources.get(file).text).map_err(|diagnostics| {
        let checked = check::Checked {
            diagnostics,
            files: 1,
            ..Default::default()
        };
        let style = Style {
            lang,
            color: use_color_on(color, std::io::stderr().is_terminal()),
            quiet: true,
        };
        let _ = std::io::stderr().write_all(&render::render(Format::Human, &checked, &sources, style));
        fail("the ruleset has errors; nothing was checked")
    })
}

fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        // A closed pipe (`trustlint check | head`) is the reader's choice, not a failure.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Exit status 2 with one clear line.
fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(EXIT_FAILURE)
}

fn lang_from_env() -> Lang {
    ["LC_ALL", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .map(|value| Lang::from_locale(&value))
        .unwrap_or_default()
}

fn use_color(choice: ColorArg) -> bool {
    use_color_on(choice, std::io::stdout().is_terminal())
}

fn use_color_on(choice: ColorArg, terminal: bool) -> bool {
    match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && terminal,
    }
}
