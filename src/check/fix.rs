//! `check --fix` and `--diff`: the safe edits of the diagnostics applied to
//! their files' text, round after round (a fixed key may reveal a value to
//! fix), in memory; the command line writes the result.

use super::{check, Checked, Options};
use crate::diagnostics::Edit;
use crate::engine::Ruleset;
use crate::source::input::LoadError;
use crate::source::{FileId, SourceFile, SourceMap};

/// At most this many rounds of checking and fixing: each round fixes what
/// the last revealed, and a fix never undoes another, so two or three do.
const ROUNDS: usize = 10;

/// What fixing gave.
#[derive(Debug)]
pub struct Fixed {
    /// Every file, fixed where it could be (same order and ids as the input).
    pub sources: SourceMap,
    /// How many edits each file got.
    pub applied: Vec<usize>,
    /// The check of the fixed text: what is left to do by hand.
    pub checked: Checked,
}

/// Checks `sources` and applies the safe edits of what is found until none
/// is left. A file that could not be read whole (`load_errors`) is left as
/// it is: its text is not what is on disk.
pub fn fix(sources: &SourceMap, load_errors: &[Option<LoadError>], ruleset: &Ruleset, options: &Options) -> Fixed {
    let mut current = SourceMap::new();
    for file in sources.files() {
        current.add(SourceFile::new(file.name.clone(), file.text.clone()));
    }
    let mut applied = vec![0; sources.len()];
    let mut round = 0;
    loop {
        let checked = check(&current, load_errors, ruleset, options);
        round += 1;
        let mut edits: Vec<Vec<&Edit>> = vec![Vec::new(); current.len()];
        for diagnostic in &checked.diagnostics {
            let file = diagnostic.file().0;
            if load_errors.get(file).is_some_and(Option::is_some) {
                continue;
            }
            edits[file].extend(diagnostic.edits.iter().filter(|e| e.safe));
        }
        if round > ROUNDS || edits.iter().all(Vec::is_empty) {
            return Fixed {
                sources: current,
                applied,
                checked,
            };
        }
        let mut next = SourceMap::new();
        for (id, file) in current.iter() {
            let FileId(i) = id;
            let (text, n) = apply(&file.text, &edits[i]);
            applied[i] += n;
            next.add(SourceFile::new(file.name.clone(), text));
        }
        drop(checked);
        current = next;
    }
}

/// `text` with `edits` applied, and how many were. In order of position;
/// an edit that overlaps one before it waits for the next round, and one
/// that would add or remove a line break is never applied, so every line
/// of the result is the line of the same number before (which the diff
/// relies on).
pub fn apply(text: &str, edits: &[&Edit]) -> (String, usize) {
    let mut edits: Vec<&Edit> = edits
        .iter()
        .copied()
        .filter(|e| {
            e.span.start <= e.span.end
                && e.span.end <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end)
                && !text[e.span.range()].contains('\n')
                && !e.replacement.contains('\n')
        })
        .collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    edits.dedup();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut n = 0;
    for edit in edits {
        if edit.span.start < at {
            continue;
        }
        out.push_str(&text[at..edit.span.start]);
        out.push_str(&edit.replacement);
        at = edit.span.end;
        n += 1;
    }
    out.push_str(&text[at..]);
    (out, n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    fn edit(start: usize, end: usize, replacement: &str) -> Edit {
        Edit {
            span: Span::new(start, end),
            replacement: replacement.to_owned(),
            safe: true,
        }
    }

    #[test]
    fn edits_apply_in_order_and_overlaps_wait() {
        let text = "formaal: 2,5\nx";
        let a = edit(0, 7, "formål");
        let b = edit(9, 12, "2.5");
        let overlapping = edit(5, 10, "?");
        let (fixed, n) = apply(text, &[&b, &overlapping, &a, &a]);
        assert_eq!((fixed.as_str(), n), ("formål: 2.5\nx", 2));
    }

    #[test]
    fn no_edit_adds_or_removes_a_line_or_leaves_the_text() {
        let text = "ab\ncd";
        let joins = edit(1, 4, "x");
        let breaks = edit(0, 1, "a\n");
        let outside = edit(4, 9, "x");
        let inside_a_char = edit(0, 1, "x");
        assert_eq!(apply(text, &[&joins, &breaks, &outside]), (text.to_owned(), 0));
        assert_eq!(apply("å", &[&inside_a_char]), ("å".to_owned(), 0));
    }
}
