//! A usage error (an unknown option, a value that is not one) in Danish.
//! clap words its errors in English only; under `--lang da` or a Danish
//! locale the error is said again from what clap found.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use trustlint::diagnostics::{messages as m, Lang};

/// The language a usage error is said in: `--lang` as written on the
/// command line (clap could not read it), else the locale.
pub(super) fn lang() -> Lang {
    let args: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let written = args
        .iter()
        .enumerate()
        .find_map(|(i, arg)| match arg.strip_prefix("--lang") {
            Some("") => args.get(i + 1).map(String::as_str),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        });
    written
        .and_then(Lang::parse)
        .or_else(super::lang_from_env)
        .unwrap_or_default()
}

/// What clap refused, in Danish: the error, a help line when there is one,
/// and where the options are listed. `None` for what is not a usage error.
pub(super) fn danish(err: &clap::Error) -> Option<String> {
    let lang = Lang::Da;
    let text = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let list = |kind| match err.get(kind) {
        Some(ContextValue::Strings(items)) => Some(items.clone()),
        Some(ContextValue::String(item)) => Some(vec![item.clone()]),
        _ => None,
    };
    // `--format <FORMAT>` is `--format` to the reader.
    let arg = text(ContextKind::InvalidArg).map(|a| a.split(" <").next().unwrap_or(a).to_owned());
    let arg = arg.as_deref().unwrap_or_default();
    let did_you_mean = |suggestions: Option<Vec<String>>| {
        suggestions
            .and_then(|s| s.into_iter().next())
            .map(|s| m::DID_YOU_MEAN.fill(lang, &[("suggestion", &s)]))
    };
    let (message, help) = match err.kind() {
        ErrorKind::UnknownArgument => (
            m::USAGE_UNKNOWN_OPTION.fill(lang, &[("arg", arg)]),
            did_you_mean(list(ContextKind::SuggestedArg)),
        ),
        ErrorKind::InvalidSubcommand => (
            m::USAGE_UNKNOWN_COMMAND.fill(
                lang,
                &[("command", text(ContextKind::InvalidSubcommand).unwrap_or_default())],
            ),
            did_you_mean(list(ContextKind::SuggestedSubcommand)),
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            let help = match arg {
                "--today" => Some(m::DATE_HELP.get(lang).to_owned()),
                "--max-file-size" => Some(m::SIZE_HELP.get(lang).to_owned()),
                _ => did_you_mean(list(ContextKind::SuggestedValue)).or_else(|| {
                    list(ContextKind::ValidValue).map(|valid| m::ACCEPTED.fill(lang, &[("list", &valid.join(", "))]))
                }),
            };
            (
                m::USAGE_INVALID_VALUE.fill(lang, &[("value", value), ("arg", arg)]),
                help,
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let missing: Vec<String> = list(ContextKind::InvalidArg)
                .unwrap_or_default()
                .iter()
                .map(|a| format!("`{a}`"))
                .collect();
            (m::USAGE_MISSING.fill(lang, &[("args", &missing.join(", "))]), None)
        }
        ErrorKind::ArgumentConflict => {
            let other = list(ContextKind::PriorArg).unwrap_or_default().join(", ");
            (m::USAGE_CONFLICT.fill(lang, &[("arg", arg), ("other", &other)]), None)
        }
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            return None
        }
        _ => (m::USAGE_NOT_READ.get(lang).to_owned(), None),
    };
    let mut out = format!("{}: {message}\n", m::ERROR_HEADING.get(lang));
    if let Some(help) = help {
        out.push_str(&format!("\n  {}: {help}\n", m::HELP_HEADING.get(lang)));
    }
    let command = format!("trustlint {}", subcommand().unwrap_or_default());
    out.push_str(&format!(
        "\n{}\n",
        m::USAGE_SEE_HELP.fill(lang, &[("command", command.trim_end())])
    ));
    Some(out)
}

/// The subcommand named on the command line, if one is.
fn subcommand() -> Option<String> {
    use clap::CommandFactory;
    let cli = super::Cli::command();
    std::env::args().skip(1).find(|arg| cli.find_subcommand(arg).is_some())
}
