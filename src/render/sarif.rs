//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. Written
//! with a few serde structs of our own (serde-sarif is pre-1.0 and generates
//! code at build time). GitHub wants a stable `ruleId`, a repository-relative
//! `artifactLocation.uri` and `region.startLine`; columns are Unicode code
//! points, as trustlint counts them.

use crate::diagnostics::{messages as m, Diagnostic, Label, Lang, Level, Registry};
use crate::source::SourceMap;
use serde::Serialize;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    rules: Vec<SarifRule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRule<'a> {
    id: &'a str,
    name: &'a str,
    short_description: Text,
    full_description: Text,
    help: Text,
    default_configuration: Configuration,
    properties: RuleProperties<'a>,
}

#[derive(Serialize)]
struct RuleProperties<'a> {
    source: std::borrow::Cow<'a, str>,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression<'a>>,
    /// The diagnostic's edits, one fix each (SARIF §3.55).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Fix<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fix<'a> {
    description: Text,
    artifact_changes: Vec<ArtifactChange<'a>>,
    properties: FixProperties,
}

/// Whether `trustlint check --fix` applies the fix by itself.
#[derive(Serialize)]
struct FixProperties {
    safe: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: Content<'a>,
}

#[derive(Serialize)]
struct Content<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct Suppression<'a> {
    kind: &'static str,
    justification: &'a str,
}

fn level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Note => "note",
        Level::Allow => "none",
    }
}

/// The log with no results; the results are written into it as they
/// stream (see [`super::stream`]).
pub(super) fn skeleton(registry: &Registry, lang: Lang) -> Vec<u8> {
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "trustlint",
                    version: env!("CARGO_PKG_VERSION"),
                    rules: registry
                        .entries()
                        .iter()
                        .map(|r| SarifRule {
                            id: &r.code,
                            name: &r.name,
                            short_description: Text {
                                text: r.summary(lang).to_owned(),
                            },
                            full_description: Text {
                                text: r.explanation(lang).to_owned(),
                            },
                            help: Text {
                                text: m::SARIF_RULE_HELP.fill(
                                    lang,
                                    &[
                                        ("summary", r.summary(lang)),
                                        ("source", &r.source(lang)),
                                        ("code", &r.code),
                                    ],
                                ),
                            },
                            default_configuration: Configuration { level: level(r.level) },
                            properties: RuleProperties { source: r.source(lang) },
                        })
                        .collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results: Vec::new(),
        }],
    };
    serde_json::to_vec_pretty(&log).unwrap_or_default()
}

/// One result (a diagnostic, or a suppressed one with its reason), pretty.
pub(super) fn element(
    d: &Diagnostic,
    suppression: Option<&str>,
    sources: &SourceMap,
    registry: &Registry,
    out: &mut Vec<u8>,
) -> serde_json::Result<()> {
    let index = registry.position(d.code()).unwrap_or(0);
    serde_json::to_writer_pretty(out, &result(sources, d, index, suppression))
}

fn result<'a>(
    sources: &SourceMap,
    d: &'a Diagnostic,
    rule_index: usize,
    suppression: Option<&'a str>,
) -> SarifResult<'a> {
    SarifResult {
        rule_id: d.code(),
        rule_index,
        level: level(d.level),
        message: Text {
            text: d.message.to_string(),
        },
        locations: vec![location(sources, &d.primary, false)],
        related_locations: d.secondary.iter().map(|l| location(sources, l, true)).collect(),
        suppressions: suppression
            .map(|justification| Suppression {
                kind: "inSource",
                justification,
            })
            .into_iter()
            .collect(),
        fixes: d
            .edits
            .iter()
            .map(|edit| {
                let file = sources.get(d.file());
                let span = file.clamp(edit.span);
                let (start, end) = (file.line_col(span.start), file.line_col(span.end));
                Fix {
                    description: Text {
                        text: d.help.as_ref().map(|h| h.text().into_owned()).unwrap_or_default(),
                    },
                    artifact_changes: vec![ArtifactChange {
                        artifact_location: ArtifactLocation { uri: uri(&file.name) },
                        replacements: vec![Replacement {
                            deleted_region: Region {
                                start_line: start.line,
                                start_column: start.column,
                                end_line: end.line,
                                end_column: end.column,
                            },
                            inserted_content: Content {
                                text: &edit.replacement,
                            },
                        }],
                    }],
                    properties: FixProperties { safe: edit.safe },
                }
            })
            .collect(),
    }
}

fn location(sources: &SourceMap, label: &Label, with_message: bool) -> Location {
    let file = sources.get(label.file);
    let span = file.clamp(label.span);
    let start = file.line_col(span.start);
    let end = file.line_col(span.end);
    Location {
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation { uri: uri(&file.name) },
            region: Region {
                start_line: start.line,
                start_column: start.column,
                end_line: end.line,
                end_column: end.column,
            },
        },
        message: (with_message && !label.message.is_empty()).then(|| Text {
            text: label.message.to_string(),
        }),
    }
}

/// A relative URI reference for a path: `/` separators, and every byte
/// outside the unreserved set percent-encoded (spaces, æ, ø, å).
fn uri(path: &str) -> String {
    let path = path.strip_prefix("./").unwrap_or(path).replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(char::from(byte)),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris_are_relative_and_encoded() {
        assert_eq!(
            super::uri("./forslag/Daglig kontakt på bosted.krav"),
            "forslag/Daglig%20kontakt%20p%C3%A5%20bosted.krav"
        );
        assert_eq!(super::uri("a\\b.krav"), "a/b.krav");
    }
}
