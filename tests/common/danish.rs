//! What Danish output must not hold: the English words and phrases a
//! Danish committee secretary would trip over, and the stiff Danish that a
//! review replaced. The UI harness greps every fixture's output in every
//! format with it, the `cli` tests every other command's.

use serde_json::Value;

/// English a Danish reader would trip over: severity words and the phrases
/// that leaked before. Rule names (`(syntax-error)`) are identifiers, and
/// GitHub's `::error` commands are the protocol, so those are left out.
pub const ENGLISH: &[&str] = &[
    "error",
    "warning",
    "note:",
    "help:",
    "advice",
    "did you mean",
    "expected",
    "found",
    "principle",
    "introduction",
    "hours a year",
    "checked",
    "requirement",
    "unknown",
    "not a ",
    " key",
    "suppression",
    "list of",
    "can be fixed",
    "of them",
    "fixed ",
    "write ",
    "missing",
    "accepted",
    "cannot",
    "no such",
    "exists",
    "passed",
    "failed",
];

/// Danish that a review replaced with plainer words.
pub const STIFF: &[&str] = &[
    "(er)",
    "forventede",
    "ventet her",
    "undertrykkelse",
    // "nøglen" also means the solution ("teknologien er nøglen").
    "ukendt nøgle",
    "en nøgle",
    "nøgler",
    "liste af to tal",
    "rejst af",
    "drop det",
    "budget af",
    "selv om de allerede",
    "escape-sekvens",
];

/// The first English word or stiff phrase in what a reader reads of `line`.
pub fn english_in(line: &str, arg: &str) -> Option<&'static str> {
    let text = readable_text(line, arg);
    ENGLISH.iter().chain(STIFF).find(|w| text.contains(*w)).copied()
}

/// The texts people read in a JSON document (or JSON lines, or SARIF), one
/// a line: messages, labels, notes, help, summaries and explanations.
pub fn json_texts(output: &str) -> String {
    fn walk(value: &Value, key: &str, out: &mut String) {
        const READ: &[&str] = &[
            "message",
            "help",
            "notes",
            "summary",
            "quote_note",
            "reason",
            "text",
            "justification",
        ];
        match value {
            Value::String(text) if READ.contains(&key) => {
                out.push_str(text);
                out.push('\n');
            }
            Value::Array(items) => items.iter().for_each(|item| walk(item, key, out)),
            // What a fix inserts is the file's own words, not a text to read.
            Value::Object(_) if key == "insertedContent" => {}
            Value::Object(fields) => fields.iter().for_each(|(k, v)| walk(v, k, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    match serde_json::from_str::<Value>(output) {
        Ok(value) => walk(&value, "", &mut out),
        // JSON lines.
        Err(_) => {
            for value in output.lines().filter_map(|l| serde_json::from_str::<Value>(l).ok()) {
                walk(&value, "", &mut out);
            }
        }
    }
    out
}

/// What a reader reads of a line, lowercased: without the file names and
/// source lines of the fixture (the text the author wrote), keywords in
/// backticks, rule names in parentheses and GitHub's command words.
pub fn readable_text(line: &str, arg: &str) -> String {
    let numbered = line.trim_start().split_once([' ', '|', '│']);
    if numbered.is_some_and(|(number, rest)| {
        number.chars().all(|c| c.is_ascii_digit()) && !number.is_empty() && rest.trim_start().starts_with(['|', '│'])
    }) || line.trim_start().chars().next().is_some_and(|c| c.is_ascii_digit()) && line.contains(['|', '│'])
    {
        return String::new();
    }
    let mut text = String::new();
    for (i, part) in line.to_lowercase().split('`').enumerate() {
        if i % 2 == 0 {
            text.push_str(part);
        }
    }
    for command in ["::error ", "::warning ", "::notice "] {
        if let Some(rest) = text.strip_prefix(command) {
            text = rest.to_owned();
        }
    }
    while let (Some(open), Some(close)) = (text.find(" ("), text.find(')')) {
        if close < open
            || !text[open + 2..close]
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-')
        {
            break;
        }
        text.replace_range(open..=close, "");
    }
    text.replace(&arg.to_lowercase(), "")
}
