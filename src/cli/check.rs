//! `trustlint check`.

use super::{Common, RegisterArg, Rules, SubMatches, EXIT_CLEAN, EXIT_ERRORS};
use clap::ValueEnum;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use trustlint::cache::{self, Cache};
use trustlint::check::baseline::Baseline;
use trustlint::check::{self, fix, Options};
use trustlint::diagnostics::{messages as m, Counts, Level};
use trustlint::engine::Ruleset;
use trustlint::render::{self, Format, Style};
use trustlint::source::atomic;
use trustlint::source::input::LoadError;
use trustlint::source::{SourceFile, SourceMap};

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

    #[command(flatten)]
    register: RegisterArg,

    /// Report only the findings a baseline file (`trustlint baseline`) does not accept, and the entries that no longer match
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,

    /// Also report the findings in the register's own files
    #[arg(long)]
    include_register: bool,

    /// The file name standard input (`-`) is shown by and matched against the config's include/exclude
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,

    /// Apply the safe fixes to the files (each written whole, and only if unchanged since it was read), then report what is left
    #[arg(long, conflicts_with = "diff")]
    fix: bool,

    /// Show the safe fixes as a unified diff instead of applying them; exit 1 when there are any
    #[arg(long)]
    diff: bool,

    /// Neither read nor write the cache of per-file results
    #[arg(long)]
    no_cache: bool,

    /// Keep the cache in DIR (default: `.trustlint_cache` beside the config file, else in the current folder)
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    cache_dir: Option<PathBuf>,
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
    let register = common.register(&args.register);
    // The config's [rules], then -D/-W/-A in the order given.
    let Rules {
        ruleset,
        registry,
        mut levels,
    } = match common.rules(register.is_some()) {
        Ok(rules) => rules,
        Err(code) => return code,
    };
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
        if let Err(error) = levels.set(&registry, selector, level, common.lang) {
            return common.fail(&format!("{}; {}", error.message, error.help));
        }
    }
    if !args.fix && !args.diff && args.baseline.is_none() {
        return streamed(common, args, &ruleset, &registry, levels, register.as_deref());
    }
    let read = match common.read_with_register(&args.paths, args.stdin_filename.as_deref(), register.as_deref()) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let lang = common.lang_for_read(&read);
    let options = Options {
        lang,
        levels,
        register_files: read.register_files,
        include_register: args.include_register,
        today: args.today.today,
        date_checks: false,
    };
    if args.diff {
        return diff(common, &read.sources, &read.load_errors, &ruleset, &options);
    }
    let baseline = match &args.baseline {
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|err| super::io_reason(&err, common.lang))
            .and_then(|text| {
                // serde's words in English; plainly in Danish.
                Baseline::parse(&text).map_err(|reason| m::BASELINE_NOT_READ.fill(common.lang, &[("reason", &reason)]))
            }) {
            Ok(baseline) => Some((path, baseline)),
            Err(reason) => {
                let path = path.display().to_string();
                return common
                    .fail(&m::CANNOT_READ_BASELINE.fill(common.lang, &[("path", &path), ("reason", &reason)]));
            }
        },
        None => None,
    };
    let (owned, mut checked) = if args.fix {
        fix(common, read.sources, &read.load_errors, &read.paths, &ruleset, &options)
    } else {
        let checked = check::check(&read.sources, &read.load_errors, &ruleset, &options);
        (read.sources, checked)
    };
    let sources = &owned;
    if let Some((path, baseline)) = &baseline {
        let path = path.display().to_string();
        let reason = m::BASELINE_REASON.fill(lang, &[("path", &path)]);
        for stale in baseline.apply(&mut checked, sources, &reason) {
            let name = stale.requirement.or(stale.file).unwrap_or_default();
            eprintln!(
                "{}: {}",
                m::WARNING_HEADING.get(lang),
                m::BASELINE_STALE.fill(
                    lang,
                    &[
                        ("path", &path),
                        ("count", &stale.count.to_string()),
                        ("code", &stale.code),
                        ("name", &name),
                    ],
                )
            );
        }
    }
    let (format, style) = format_and_style(common, args, lang);
    if let Some(path) = &args.sarif_output {
        let sarif = render::render(Format::Sarif, &checked, sources, style, &registry);
        if let Err(code) = common.write_file(path, &sarif) {
            return code;
        }
    }
    let written = if args.statistics {
        let bytes = render::statistics(
            &checked,
            matches!(format, Format::Json | Format::JsonPretty | Format::Jsonl),
            style.lang,
        );
        common.write_output(args.output_file.as_deref(), &bytes)
    } else if let Some(path) = &args.output_file {
        common.write_file(path, &render::render(format, &checked, sources, style, &registry))
    } else {
        let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        let written = super::stdout_open()
            .and_then(|()| render::write(format, &checked, sources, style, &registry, &mut stdout))
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
    let errors = Counts::of(&checked.diagnostics).errors > 0;
    // The process ends here: freeing every requirement, finding and source
    // one by one took a tenth of a large check's time, and the system takes
    // the memory back at exit at once.
    std::mem::forget(checked);
    std::mem::forget(owned);
    if errors && !args.exit_zero {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::from(EXIT_CLEAN)
    }
}

/// The format asked for, and how to render it.
fn format_and_style(common: &Common, args: &Args, lang: trustlint::diagnostics::Lang) -> (Format, Style) {
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
    (format, style)
}

/// Where a streamed output goes: standard output as it is written, or a
/// buffer written to its file all at once at the end (`-o`,
/// `--sarif-output`), so a reader never sees half a report.
enum Out {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    File(PathBuf, Vec<u8>),
}

impl std::io::Write for Out {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        match self {
            Out::Stdout(out) => out.write(bytes),
            Out::File(_, buffer) => buffer.write(bytes),
        }
    }

    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match self {
            Out::Stdout(out) => out.write_all(bytes),
            Out::File(_, buffer) => buffer.write_all(bytes),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Out::Stdout(out) => out.flush(),
            Out::File(..) => Ok(()),
        }
    }
}

/// `check` streamed (without `--fix`, `--diff` or `--baseline`, which need
/// the whole check): files read, judged and their findings written a
/// window at a time, in input order; the findings across files at the end.
fn streamed(
    common: &Common,
    args: &Args,
    ruleset: &Ruleset,
    registry: &trustlint::diagnostics::Registry,
    levels: trustlint::settings::Levels,
    register: Option<&Path>,
) -> ExitCode {
    use rayon::prelude::*;
    use trustlint::source::input;
    let stdin_name = args.stdin_filename.as_deref();
    let (inputs, register_files) = match common.discover_with_register(&args.paths, stdin_name, register) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let files = input::Lazy::new(&inputs, stdin_name.unwrap_or(input::STDIN_NAME), common.max_file_size);
    // The proposals choose the language unless it is chosen: each one's
    // beginning is read and the language it is written in told at once,
    // so no beginning is kept, however many files there are.
    let written: Vec<Option<trustlint::diagnostics::Lang>> = if common.lang_chosen {
        Vec::new()
    } else {
        (register_files..inputs.len())
            .into_par_iter()
            .map(|i| trustlint::model::keywords::written_in(&files.beginning(i)))
            .collect()
    };
    let lang = common.lang_by_majority(written.into_iter());
    let options = Options {
        lang,
        levels,
        register_files,
        include_register: args.include_register,
        today: args.today.today,
        date_checks: false,
    };
    let (format, style) = format_and_style(common, args, lang);
    if let (None, Err(err)) = (&args.output_file, super::stdout_open()) {
        return common.cannot_write_output(&err);
    }
    let main = match &args.output_file {
        Some(path) => Out::File(path.clone(), Vec::new()),
        None => Out::Stdout(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout())),
    };
    let mut outputs = vec![(
        render::Stream::new(format, style, registry, args.statistics),
        std::sync::Mutex::new(main),
    )];
    if let Some(path) = &args.sarif_output {
        outputs.push((
            render::Stream::new(Format::Sarif, style, registry, false),
            std::sync::Mutex::new(Out::File(path.clone(), Vec::new())),
        ));
    }
    let mut sink = render::Outputs { outputs, error: None };
    let cache = open_cache(common, args, lang);
    sink.begin();
    let _ = check::run_cached(&files, ruleset, &options, cache.as_ref(), &mut sink);
    let errors = sink.outputs[0].0.totals().counts.errors > 0;
    let written = sink.end(inputs.len() - register_files);
    match written {
        // A closed pipe (`trustlint check | head`) is the reader's choice, not a failure.
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => return common.cannot_write_output(&err),
        _ => {}
    }
    // The SARIF file first, as before: the main output's file last.
    for (_, out) in sink.outputs.into_iter().rev() {
        if let Out::File(path, bytes) = out.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner) {
            if let Err(code) = common.write_file(&path, &bytes) {
                return code;
            }
        }
    }
    if errors && !args.exit_zero {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::from(EXIT_CLEAN)
    }
}

/// The cache of per-file results, unless `--no-cache`: in `--cache-dir`,
/// else beside the config file (the project's root), else in the current
/// folder, as ruff's. A cache that cannot be opened is warned about and
/// the check runs without it.
fn open_cache(common: &Common, args: &Args, lang: trustlint::diagnostics::Lang) -> Option<Cache> {
    if args.no_cache {
        return None;
    }
    let root = match (&args.cache_dir, &common.config) {
        (Some(dir), _) => dir.clone(),
        (None, Some(config)) => config.dir.join(cache::FOLDER),
        (None, None) => PathBuf::from(cache::FOLDER),
    };
    match Cache::open(&root) {
        Ok(cache) => Some(cache),
        Err(err) => {
            if !common.quiet {
                let reason = super::io_reason(&err, lang);
                let path = root.display().to_string();
                common.warn(
                    lang,
                    &m::CANNOT_OPEN_CACHE.fill(lang, &[("path", &path), ("reason", &reason)]),
                );
            }
            None
        }
    }
}

/// `--diff`: the safe fixes as a unified diff on standard output; exit 1
/// when there are any, as `diff` does.
fn diff(
    common: &Common,
    sources: &SourceMap,
    load_errors: &[Option<LoadError>],
    ruleset: &Ruleset,
    options: &Options,
) -> ExitCode {
    let fixed = fix::fix(sources, load_errors, ruleset, options);
    let mut out = String::new();
    for (id, file) in sources.iter() {
        out.push_str(&render::diff::unified(
            &file.name,
            &file.text,
            &fixed.sources.get(id).text,
        ));
    }
    if let Err(code) = common.write_stdout(out.as_bytes()) {
        return code;
    }
    ExitCode::from(if out.is_empty() { EXIT_CLEAN } else { EXIT_ERRORS })
}

/// `--fix`: the safe fixes written into the files they belong to; returns
/// the text each file now holds and the check of it. Standard input, and
/// a file that changed while it was checked, keep their text.
fn fix(
    common: &Common,
    sources: SourceMap,
    load_errors: &[Option<LoadError>],
    paths: &[Option<PathBuf>],
    ruleset: &Ruleset,
    options: &Options,
) -> (SourceMap, check::Checked) {
    let fixed = fix::fix(&sources, load_errors, ruleset, options);
    let (mut fixes, mut files) = (0, 0);
    let mut kept_old = false;
    let mut now = SourceMap::new();
    for (id, file) in sources.iter() {
        let new = &fixed.sources.get(id).text;
        let path = paths.get(id.0).and_then(Option::as_ref);
        let written = match path {
            Some(path) if *new != file.text => {
                match atomic::replace_if_unchanged(path, file.text.as_bytes(), new.as_bytes()) {
                    Ok(true) => true,
                    Ok(false) => {
                        common.warn(
                            options.lang,
                            &m::CHANGED_MEANWHILE.fill(options.lang, &[("path", &file.name)]),
                        );
                        false
                    }
                    Err(err) => {
                        let reason = super::io_reason(&err, options.lang);
                        common.warn(
                            options.lang,
                            &m::CANNOT_WRITE_FILE.fill(options.lang, &[("path", &file.name), ("reason", &reason)]),
                        );
                        false
                    }
                }
            }
            _ => false,
        };
        if written {
            fixes += fixed.applied[id.0];
            files += 1;
        }
        kept_old |= !written && *new != file.text;
        let text = if written { new.clone() } else { file.text.clone() };
        now.add(SourceFile::new(file.name.clone(), text));
    }
    if fixes > 0 && !common.quiet {
        let files = m::COUNT_FILES.fill(options.lang, &[("n", &files.to_string())]);
        eprintln!(
            "{}",
            m::FIXED.fill(options.lang, &[("n", &fixes.to_string()), ("files", &files)])
        );
    }
    // What is left is the check of the text now on disk (the fixed
    // check holds only when every fix was written).
    let checked = if kept_old {
        check::check(&now, load_errors, ruleset, options)
    } else {
        fixed.checked
    };
    (now, checked)
}
