//! `trustlint check`.

use super::{Common, SubMatches, EXIT_CLEAN, EXIT_ERRORS};
use clap::ValueEnum;
use std::path::PathBuf;
use std::process::ExitCode;
use trustlint::check::{self, Options};
use trustlint::diagnostics::{messages as m, Counts, Level};
use trustlint::render::{self, Format, Style};
use trustlint::settings::Levels;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, directories or `-`; the current directory when none is given
    paths: Vec<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    format: FormatArg,

    /// Make a code, rule name or `warnings` an error
    #[arg(short = 'D', long = "deny", value_name = "CODE")]
    deny: Vec<String>,

    /// Make a code, rule name or `warnings` a warning
    #[arg(short = 'W', long = "warn", value_name = "CODE")]
    warn: Vec<String>,

    /// Switch off a code, rule name or `warnings`
    #[arg(short = 'A', long = "allow", value_name = "CODE")]
    allow: Vec<String>,

    /// Count the diagnostics per code instead of listing them
    #[arg(long)]
    statistics: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum FormatArg {
    Human,
    Pretty,
    Short,
    Json,
    Sarif,
    Github,
}

pub fn run(common: &Common, args: &Args, matches: &SubMatches) -> ExitCode {
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
    let (sources, load_errors) = match common.read_inputs(&args.paths) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let options = Options {
        lang: common.lang,
        levels,
    };
    let checked = check::check(&sources, &load_errors, &ruleset, &options);
    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Pretty => Format::Pretty,
        FormatArg::Short => Format::Short,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
    };
    let style = Style {
        lang: common.lang,
        color: common.color() && matches!(format, Format::Human | Format::Pretty),
        quiet: common.quiet,
    };
    if args.statistics {
        if let Err(code) = common.write_stdout(&render::statistics(&checked, format == Format::Json)) {
            return code;
        }
    } else {
        let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        let written = render::write(format, &checked, &sources, style, &registry, &mut stdout)
            .and_then(|()| std::io::Write::flush(&mut stdout));
        match written {
            // A closed pipe (`trustlint check | head`) is the reader's choice, not a failure.
            Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => return common.cannot_write_output(&err),
            _ => {}
        }
    }
    if Counts::of(&checked.diagnostics).errors > 0 {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::from(EXIT_CLEAN)
    }
}
