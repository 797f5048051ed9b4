//! `trustlint check`.

use super::{Common, SubMatches, EXIT_CLEAN, EXIT_ERRORS};
use clap::ValueEnum;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use trustlint::check::{self, Options};
use trustlint::diagnostics::{messages as m, Counts, Level};
use trustlint::render::{self, Format, Style};
use trustlint::settings::Levels;
use trustlint::source::atomic;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, directories or `-`; the current directory when none is given
    paths: Vec<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,

    #[command(flatten)]
    today: super::TodayArg,

    /// Make a code, rule name or `warnings` an error
    #[arg(short = 'D', long = "deny", value_name = "CODE")]
    deny: Vec<String>,

    /// Make a code, rule name or `warnings` a warning
    #[arg(short = 'W', long = "warn", value_name = "CODE")]
    warn: Vec<String>,

    /// Switch off a code, rule name or `warnings`
    #[arg(short = 'A', long = "allow", value_name = "CODE")]
    allow: Vec<String>,

    /// Indent the JSON (`--format json`) for people to read; it is compact otherwise
    #[arg(long)]
    pretty: bool,

    /// Count the diagnostics per code instead of listing them
    #[arg(long)]
    statistics: bool,

    /// Write the output to FILE (all at once) instead of standard output
    #[arg(short = 'o', long, value_name = "FILE")]
    output_file: Option<PathBuf>,

    /// Also write a SARIF log to FILE, so one run gives both the chosen format and SARIF
    #[arg(long, value_name = "FILE")]
    sarif_output: Option<PathBuf>,

    /// Exit with status 0 even when errors are found (2 still means the check could not run)
    #[arg(long)]
    exit_zero: bool,

    /// The file name standard input (`-`) is shown by and matched against the config's include/exclude
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum FormatArg {
    Human,
    Pretty,
    Short,
    Json,
    /// One diagnostic a line, as JSON
    Jsonl,
    Sarif,
    Github,
}

pub fn run(common: &Common, args: &Args, matches: &SubMatches) -> ExitCode {
    if args.pretty && args.format != FormatArg::Json {
        return common.fail(m::PRETTY_NEEDS_JSON.get(common.lang));
    }
    let ruleset = match common.ruleset() {
        Ok(ruleset) => ruleset,
        Err(code) => return code,
    };
    let registry = ruleset.registry();
    // The config's [rules] first, then -D/-W/-A in the order given.
    let mut levels = Levels::new(&registry);
    if let (Some(config), Some(file)) = (&common.config, common.config_file) {
        let errors = config.apply_rules(file, &registry, &mut levels);
        if !errors.is_empty() {
            common.report_settings_errors(errors, &common.settings);
            return common.fail(&m::CONFIG_HAS_ERRORS.fill(common.lang, &[("path", &common.settings.get(file).name)]));
        }
    }
    let mut flags: Vec<(usize, &String, Level)> = Vec::new();
    for (id, values, level) in [
        ("deny", &args.deny, Level::Error),
        ("warn", &args.warn, Level::Warning),
        ("allow", &args.allow, Level::Allow),
    ] {
        let indices = matches.indices_of(id).into_iter().flatten();
        flags.extend(indices.zip(values).map(|(i, v)| (i, v, level)));
    }
    flags.sort_by_key(|(index, ..)| *index);
    for (_, selector, level) in flags {
        if let Err(error) = levels.set(&registry, selector, level) {
            return common.fail(&format!("{}; {}", error.message, error.help));
        }
    }
    let (sources, load_errors) = match common.read_inputs(&args.paths, args.stdin_filename.as_deref()) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let lang = common.lang_for(&sources);
    let options = Options {
        lang,
        levels,
        today: args.today.today,
    };
    let checked = check::check(&sources, &load_errors, &ruleset, &options);
    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Pretty => Format::Pretty,
        FormatArg::Short => Format::Short,
        FormatArg::Json if args.pretty => Format::JsonPretty,
        FormatArg::Json => Format::Json,
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
    };
    let style = Style {
        lang,
        // A file gets no colour codes; standard output only on a terminal.
        color: args.output_file.is_none() && common.color() && matches!(format, Format::Human | Format::Pretty),
        quiet: common.quiet,
    };
    if let Some(path) = &args.sarif_output {
        let sarif = render::render(Format::Sarif, &checked, &sources, style, &registry);
        if let Err(code) = write_file(common, path, &sarif) {
            return code;
        }
    }
    let written = if args.statistics {
        let bytes = render::statistics(
            &checked,
            matches!(format, Format::Json | Format::JsonPretty | Format::Jsonl),
        );
        match &args.output_file {
            Some(path) => write_file(common, path, &bytes),
            None => common.write_stdout(&bytes),
        }
    } else if let Some(path) = &args.output_file {
        write_file(
            common,
            path,
            &render::render(format, &checked, &sources, style, &registry),
        )
    } else {
        let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        let written = super::stdout_open()
            .and_then(|()| render::write(format, &checked, &sources, style, &registry, &mut stdout))
            .and_then(|()| std::io::Write::flush(&mut stdout));
        match written {
            // A closed pipe (`trustlint check | head`) is the reader's choice, not a failure.
            Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => Err(common.cannot_write_output(&err)),
            _ => Ok(()),
        }
    };
    if let Err(code) = written {
        return code;
    }
    if Counts::of(&checked.diagnostics).errors > 0 && !args.exit_zero {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::from(EXIT_CLEAN)
    }
}

/// Writes an output file (`-o`, `--sarif-output`) all at once, so a reader
/// never sees half a report. A path that is not a regular file
/// (`/dev/stdout`, a named pipe) is written to directly: it cannot be
/// replaced by a rename.
fn write_file(common: &Common, path: &Path, bytes: &[u8]) -> Result<(), ExitCode> {
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
        common.fail(&m::CANNOT_WRITE_FILE.fill(
            common.lang,
            &[
                ("path", &path.display().to_string()),
                ("reason", &super::io_reason(&err, common.lang)),
            ],
        ))
    })
}
