//! Splitting a file into its top-level requirements before parsing: a
//! lexical scan that follows strings, comments and braces. Each chunk is
//! parsed on its own, so pest's token queue never holds more than one
//! requirement, the chunks of a large file are parsed in parallel, and a
//! syntax error in one requirement does not hide the others.

use std::ops::Range;

/// Calls `visit(offset, byte)` for every `{` and `}` outside strings and
/// comments, in order; stops early when `visit` returns `false`. Works on
/// bytes (every delimiter is ASCII), so no offset falls inside a character.
pub(super) fn scan_braces(text: &str, mut visit: impl FnMut(usize, u8) -> bool) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' if bytes[i..].starts_with(b"\"\"\"") => {
                i += 3;
                while i < bytes.len() && !bytes[i..].starts_with(b"\"\"\"") {
                    i += 1;
                }
                i += 3;
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            brace @ (b'{' | b'}') => {
                if !visit(i, brace) {
                    return;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
}

/// Byte ranges covering `text`: each ends just after the `}` that closes a
/// top-level block (the last one runs to the end). Unbalanced text stays
/// in one chunk, so the parser sees it whole and reports it as it would.
pub fn chunks(text: &str) -> Vec<Range<usize>> {
    let mut cuts = Vec::new();
    let mut depth = 0usize;
    scan_braces(text, |at, brace| {
        if brace == b'{' {
            depth += 1;
        } else {
            if depth == 1 {
                cuts.push(at + 1);
            }
            depth = depth.saturating_sub(1);
        }
        true
    });
    let mut ranges = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for cut in cuts {
        ranges.push(start..cut);
        start = cut;
    }
    if start < text.len() || ranges.is_empty() {
        ranges.push(start..text.len());
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::chunks;

    #[test]
    fn cuts_after_each_top_level_block() {
        let text = "# c {\nr \"a{\" {\n x: \"}\"\n b \"\"\"\n}\n\"\"\" {\n }\n}\nr \"b\" {\n}\n";
        let ranges = chunks(text);
        assert_eq!(ranges.len(), 3);
        assert!(text[ranges[0].clone()].ends_with("}\n}"));
        assert_eq!(&text[ranges[1].clone()], "\nr \"b\" {\n}");
        assert_eq!(&text[ranges[2].clone()], "\n");
    }

    #[test]
    fn unbalanced_text_stays_whole() {
        let unclosed = "r \"a\" {\n x: 1\n";
        assert_eq!(chunks(unclosed), vec![0..unclosed.len()]);
        assert_eq!(chunks(""), vec![0..0]);
        assert_eq!(chunks("}}}"), vec![0..3]);
        // Found by fuzzing: an unclosed `"""` before multi-byte letters.
        let unclosed_triple = "r \"a\" {\n x: \"\"\"æ\n}";
        assert_eq!(chunks(unclosed_triple), vec![0..unclosed_triple.len()]);
    }
}
