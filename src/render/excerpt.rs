//! The part of a file a diagnostic shows: only the lines the snippet
//! renders, each cut around its labels (as rustc cuts a long line) and with
//! control characters escaped. A diagnostic on a line of megabytes then
//! prints a few hundred characters, and a comment holding `ESC [ 2 J`
//! cannot clear the reader's terminal.

use super::escape_controls;
use crate::source::{FileId, SourceFile, SourceMap, Span};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// A line longer than this (in characters) is cut around its labels.
pub(super) const LINE_LIMIT: usize = 200;
/// Characters kept before the first label point of a cut line.
const BEFORE: usize = 40;

/// What codespan renders of a multi-line label besides its first and last
/// line (its default `start_context_lines` and `end_context_lines`).
const START_CONTEXT: usize = 3;
const END_CONTEXT: usize = 1;

/// One file's excerpt for one diagnostic.
pub(super) struct Excerpt {
    pub(super) name: String,
    pub(super) text: String,
    /// Original line index → the line's range in `text`.
    lines: BTreeMap<usize, Range<usize>>,
    /// The same, in order of `text` (which is the lines' order), to find
    /// the line of an offset by binary search.
    in_order: Vec<(Range<usize>, usize)>,
    /// Per line: (original offset, offset in `text`), sorted, for the
    /// points the labels touch.
    points: BTreeMap<usize, Vec<(usize, usize)>>,
    /// Offset in `text` → the original column (1-based), for each point.
    columns: BTreeMap<usize, usize>,
}

impl Excerpt {
    /// The excerpt of `file` for labels at `spans` (already clamped into it).
    pub(super) fn new(file: &SourceFile, spans: &[Span]) -> Excerpt {
        // The lines codespan will render, then the single lines between two
        // of them, which it renders rather than a break.
        let mut shown = BTreeSet::new();
        for span in spans {
            let (first, last) = (file.line_index(span.start), file.line_index(span.end));
            shown.insert(first);
            shown.insert(last);
            shown.extend((first + 1..last).take(START_CONTEXT));
            shown.extend(last.saturating_sub(END_CONTEXT).max(first)..last);
        }
        let gaps: Vec<usize> = shown
            .iter()
            .filter(|&&line| !shown.contains(&(line + 1)) && shown.contains(&(line + 2)))
            .map(|line| line + 1)
            .collect();
        shown.extend(gaps);

        // Each label's points by line, found once: a diagnostic with a
        // label on each of n lines costs n, not n².
        let mut points_by_line: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for span in spans {
            for offset in [span.start, span.end] {
                points_by_line.entry(file.line_index(offset)).or_default().push(offset);
            }
        }

        let mut excerpt = Excerpt {
            name: escape_controls(&file.name).into_owned(),
            text: String::new(),
            lines: BTreeMap::new(),
            in_order: Vec::new(),
            points: BTreeMap::new(),
            columns: BTreeMap::new(),
        };
        for line in shown {
            let Some(range) = file.line_range(line) else { continue };
            let mut points = points_by_line.remove(&line).unwrap_or_default();
            // Not inside the line's end (between a CR and its LF).
            points.retain(|&offset| offset <= range.end);
            points.sort_unstable();
            points.dedup();
            excerpt.add_line(file, line, range, &points);
        }
        excerpt
    }

    fn add_line(&mut self, file: &SourceFile, line: usize, range: Range<usize>, points: &[usize]) {
        let text = &file.text[range.clone()];
        let window = window(text, range.start, points);
        let start = self.text.len();
        if window.start > range.start {
            self.text.push('…');
        }
        let mut mapped = Vec::new();
        let mut next = points.iter().copied().peekable();
        for (i, c) in file.text[window.clone()].char_indices() {
            let offset = window.start + i;
            while next.peek().is_some_and(|&p| p <= offset) {
                next.next();
                mapped.push((offset, self.text.len()));
            }
            if c == '\t' {
                self.text.push(c);
            } else {
                let mut buffer = [0; 4];
                self.text.push_str(&escape_controls(c.encode_utf8(&mut buffer)));
            }
        }
        // Points at or past the window's end fall on its end.
        mapped.push((window.end, self.text.len()));
        if window.end < range.end {
            self.text.push('…');
        }
        let end = self.text.len();
        self.text.push('\n');
        for &(original, ours) in &mapped {
            self.columns.insert(ours, file.line_col(original).column);
        }
        self.lines.insert(line, start..end);
        self.in_order.push((start..end, line));
        self.points.insert(line, mapped);
    }

    /// Where an original offset (a label's start or end) is in `text`.
    pub(super) fn offset(&self, file: &SourceFile, original: usize) -> usize {
        let line = file.line_index(original);
        let Some(points) = self.points.get(&line) else { return 0 };
        match points.binary_search_by_key(&original, |&(o, _)| o) {
            Ok(i) => points[i].1,
            // Before the window: its start; after: its end.
            Err(0) => self.lines.get(&line).map_or(0, |r| r.start),
            Err(i) => points[i - 1].1,
        }
    }

    pub(super) fn line_index(&self, offset: usize) -> usize {
        let next = self.in_order.partition_point(|(range, _)| range.end < offset);
        self.in_order
            .get(next)
            .filter(|(range, _)| range.start <= offset)
            .map_or(0, |&(_, line)| line)
    }

    /// An original line's range in `text`; a line not in the excerpt is
    /// never rendered, and gets an empty range.
    pub(super) fn line_range(&self, line: usize) -> Range<usize> {
        self.lines.get(&line).cloned().unwrap_or(0..0)
    }

    /// The original column of a point of the excerpt.
    pub(super) fn column(&self, offset: usize) -> Option<usize> {
        self.columns.get(&offset).copied()
    }
}

/// The byte range of a line (starting at `start` in the file) that is
/// shown: all of it when short, else from a little before its first point
/// for [`LINE_LIMIT`] characters.
fn window(text: &str, start: usize, points: &[usize]) -> Range<usize> {
    let end = start + text.len();
    if text.len() <= LINE_LIMIT || text.chars().nth(LINE_LIMIT).is_none() {
        return start..end;
    }
    let first = points.first().copied().unwrap_or(start).clamp(start, end) - start;
    let before: Vec<usize> = text[..first]
        .char_indices()
        .rev()
        .take(BEFORE)
        .map(|(i, _)| i)
        .collect();
    let from = before.last().copied().unwrap_or(first);
    let to = text[from..]
        .char_indices()
        .nth(LINE_LIMIT)
        .map_or(text.len(), |(i, _)| from + i);
    start + from..start + to
}

/// The excerpts of every file a diagnostic's labels point into.
pub(super) struct Excerpts(pub(super) BTreeMap<FileId, Excerpt>);

impl Excerpts {
    pub(super) fn new(sources: &SourceMap, labels: &[(FileId, Span)]) -> Excerpts {
        let mut by_file: BTreeMap<FileId, Vec<Span>> = BTreeMap::new();
        for &(file, span) in labels {
            by_file.entry(file).or_default().push(span);
        }
        Excerpts(
            by_file
                .into_iter()
                .map(|(file, spans)| (file, Excerpt::new(sources.get(file), &spans)))
                .collect(),
        )
    }
}
