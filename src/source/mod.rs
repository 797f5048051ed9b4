//! Source files as the checker sees them: a display name, the text, and a
//! small table of what comes before each block of the text, so that byte
//! offsets turn into line and column without rescanning the file (pest's
//! own `line_col` rescans from the start on every call).

pub mod atomic;
pub mod input;

use std::fmt;
use std::ops::Range;

/// The key a TOML file's reader (serde) refused as unknown, with the keys
/// it reads in that place: `unknown field `wen`, expected one of `code`, …`.
pub fn unknown_toml_key(err: &toml::de::Error) -> Option<(&str, Vec<&str>)> {
    let rest = err.message().trim().strip_prefix("unknown field `")?;
    let key = rest.split('`').next().unwrap_or_default();
    let keys = rest.split_once("expected").map_or("", |(_, keys)| keys);
    Some((key, keys.split('`').skip(1).step_by(2).collect()))
}

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end.max(self.start + 1)
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<pest::Span<'_>> for Span {
    fn from(span: pest::Span<'_>) -> Self {
        Span::new(span.start(), span.end())
    }
}

/// Index of a file in a [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize, serde::Deserialize)]
pub struct FileId(pub usize);

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// One file given to the checker.
#[derive(Debug)]
pub struct SourceFile {
    /// The name shown in diagnostics (the path as the user gave it, or `<stdin>`).
    pub name: String,
    /// The text; empty when the file could not be read.
    pub text: String,
    /// What comes before each block of [`BLOCK`] bytes (and before the end
    /// of the text, after the last block), so that a line or a column is
    /// found by counting within one block: a diagnostic on a line of
    /// megabytes costs the same as one on a short line, and the table is a
    /// small part of the text (a table of every line's start was half the
    /// size of a typical file).
    blocks: Vec<Before>,
}

/// The line ends and characters before a block of the text.
#[derive(Clone, Copy, Debug)]
struct Before {
    line_ends: usize,
    chars: usize,
}

/// The characters of UTF-8 `bytes`: the bytes that are not continuation bytes.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

fn count_line_ends(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// The block size of [`SourceFile`]'s table.
const BLOCK: usize = 256;

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let mut blocks = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut before = Before { line_ends: 0, chars: 0 };
        for block in text.as_bytes().chunks(BLOCK) {
            blocks.push(before);
            before.line_ends += count_line_ends(block);
            before.chars += count_chars(block);
        }
        if text.len() % BLOCK == 0 {
            blocks.push(before);
        }
        SourceFile {
            name: name.into(),
            text,
            blocks,
        }
    }

    /// The block an offset inside the text (or at its end) is in.
    fn block_of(&self, offset: usize) -> (usize, Before) {
        let block = (offset / BLOCK).min(self.blocks.len().saturating_sub(1));
        let before = self
            .blocks
            .get(block)
            .copied()
            .unwrap_or(Before { line_ends: 0, chars: 0 });
        (block * BLOCK, before)
    }

    /// 0-based line index of a byte offset.
    pub fn line_index(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let (from, before) = self.block_of(offset);
        before.line_ends + count_line_ends(&self.text.as_bytes()[from..offset])
    }

    /// Where a 0-based line starts; none past the last line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        if line == 0 {
            return Some(0);
        }
        // The block holding the line's preceding line end: the last one
        // with fewer line ends before it.
        let block = self.blocks.partition_point(|b| b.line_ends < line).checked_sub(1)?;
        let from = block * BLOCK;
        let nth = line - self.blocks[block].line_ends - 1;
        let end = self.text.as_bytes()[from..]
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'\n')
            .nth(nth)?
            .0;
        Some(from + end + 1)
    }

    /// The byte range of a 0-based line, without its line end.
    pub fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let start = self.line_start(line)?;
        let end = self.line_start(line + 1).unwrap_or(self.text.len());
        let content = &self.text[start..end];
        let trimmed = content.trim_end_matches(['\n', '\r']);
        Some(start..start + trimmed.len())
    }

    /// Line and column (in characters) of a byte offset, 1-based.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = self.clamp_offset(offset);
        let (from, before) = self.block_of(offset);
        let in_block = &self.text.as_bytes()[from..offset];
        let line = before.line_ends + count_line_ends(in_block);
        // The line starts in the offset's block, mostly; else the table finds it.
        let start = match in_block.iter().rposition(|&b| b == b'\n') {
            Some(end) => from + end + 1,
            None => self.line_start(line).unwrap_or(0),
        };
        // A line is short but for hostile input: counting its characters
        // is cheaper than two lookups in the table, which bound a long one.
        let column = if offset - start <= BLOCK {
            count_chars(&self.text.as_bytes()[start..offset])
        } else {
            self.chars_before(offset) - self.chars_before(start)
        } + 1;
        LineCol { line: line + 1, column }
    }

    /// The number of characters before a byte offset on a character boundary.
    fn chars_before(&self, offset: usize) -> usize {
        let (from, before) = self.block_of(offset);
        before.chars + count_chars(&self.text.as_bytes()[from..offset])
    }

    /// The nearest character boundary at or before `offset`, inside the file.
    pub fn clamp_offset(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// A span moved inside the file and onto character boundaries, so that
    /// every renderer can trust it.
    pub fn clamp(&self, span: Span) -> Span {
        let start = self.clamp_offset(span.start);
        let end = self.clamp_offset(span.end.max(start));
        Span::new(start, end)
    }
}

/// Every file of one run, addressed by [`FileId`]; or some of them (a
/// window of a streamed check), each under its id in the whole run.
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
    /// The id of each file, increasing; empty when file `i` is `FileId(i)`.
    ids: Vec<FileId>,
}

impl SourceMap {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the next file of a map that holds every file.
    pub fn add(&mut self, file: SourceFile) -> FileId {
        debug_assert!(self.ids.is_empty(), "add to a map of some files");
        self.files.push(file);
        FileId(self.files.len() - 1)
    }

    /// Adds file `id` to a map of some files; ids come in increasing order.
    pub fn insert(&mut self, id: FileId, file: SourceFile) {
        if self.ids.is_empty() && id.0 == self.files.len() {
            self.files.push(file);
            return;
        }
        if self.ids.is_empty() {
            self.ids = (0..self.files.len()).map(FileId).collect();
        }
        debug_assert!(self.ids.last().is_none_or(|last| *last < id), "ids in increasing order");
        self.ids.push(id);
        self.files.push(file);
    }

    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// Where file `id` is in [`SourceMap::files`], if the map holds it.
    pub fn position(&self, id: FileId) -> Option<usize> {
        if self.ids.is_empty() {
            (id.0 < self.files.len()).then_some(id.0)
        } else {
            self.ids.binary_search(&id).ok()
        }
    }

    /// File `id`; an empty file without a name if the map does not hold
    /// it (a renderer shows what it can rather than stop).
    pub fn get(&self, id: FileId) -> &SourceFile {
        static MISSING: std::sync::OnceLock<SourceFile> = std::sync::OnceLock::new();
        match self.position(id) {
            Some(i) => &self.files[i],
            None => MISSING.get_or_init(|| SourceFile::new("", "")),
        }
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (self.ids.get(i).copied().unwrap_or(FileId(i)), f))
    }
}

/// Where a check's files come from: all in memory, or read a window at a
/// time as the check streams through them ([`input::Lazy`]).
pub trait Files: Sync {
    /// How many files there are.
    fn len(&self) -> usize;

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The files `ids` (increasing), read, each with why it could not be.
    fn batch(&self, ids: &[FileId]) -> Batch<'_>;

    /// The files `ids` once more, for findings rendered after their files
    /// were dropped; a file whose content changed since is empty.
    fn again(&self, ids: &[FileId]) -> Batch<'_> {
        self.batch(ids)
    }
}

/// Some files of a check, with why each could not be read.
pub enum Batch<'a> {
    /// Every file, already in memory.
    All(&'a SourceMap, &'a [Option<input::LoadError>]),
    /// The files read for this batch; the errors in the map's order.
    Read(SourceMap, Vec<Option<input::LoadError>>),
}

impl Batch<'_> {
    pub fn sources(&self) -> &SourceMap {
        match self {
            Batch::All(sources, _) => sources,
            Batch::Read(sources, _) => sources,
        }
    }

    /// Why file `id` could not be read, if it could not.
    pub fn error(&self, id: FileId) -> Option<&input::LoadError> {
        match self {
            Batch::All(_, errors) => errors.get(id.0).and_then(Option::as_ref),
            Batch::Read(sources, errors) => sources
                .position(id)
                .and_then(|i| errors.get(i))
                .and_then(Option::as_ref),
        }
    }
}

/// Every file in memory, as [`check::check`](crate::check::check) is given them.
pub struct InMemory<'a> {
    pub sources: &'a SourceMap,
    pub load_errors: &'a [Option<input::LoadError>],
}

impl Files for InMemory<'_> {
    fn len(&self) -> usize {
        self.sources.len()
    }

    fn batch(&self, _: &[FileId]) -> Batch<'_> {
        Batch::All(self.sources, self.load_errors)
    }
}

/// A hash of a file's content, to know it again: SipHash with fixed keys,
/// the same in every run of one build.
pub fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    #[allow(deprecated)]
    let mut hasher = std::hash::SipHasher::new();
    hasher.write(bytes);
    hasher.finish()
}

impl fmt::Display for FileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let file = SourceFile::new("t", "formål: x\nmåling: y\r\n");
        assert_eq!(file.line_col(0), LineCol { line: 1, column: 1 });
        // `:` after `formål` is byte 7 but character 6.
        assert_eq!(file.line_col(7), LineCol { line: 1, column: 7 });
        let second = "formål: x\n".len();
        assert_eq!(file.line_col(second + 7), LineCol { line: 2, column: 7 });
        assert_eq!(file.line_range(1), Some(second..second + "måling: y".len()));
    }

    #[test]
    fn columns_on_long_lines_count_characters_across_blocks() {
        let line = "æx".repeat(3000);
        let file = SourceFile::new("t", format!("a\n{line}\n"));
        for chars in [0, 1, 511, 512, 700, 2047, 5999] {
            let offset = 2 + line.char_indices().nth(chars).map_or(line.len(), |(i, _)| i);
            assert_eq!(
                file.line_col(offset),
                LineCol {
                    line: 2,
                    column: chars + 1
                },
                "{chars}"
            );
        }
    }

    /// Lines and columns as a table of every line's start gives them, on
    /// texts whose lines and characters fall on and around block edges.
    #[test]
    fn lines_and_columns_agree_with_every_lines_start() {
        let texts = [
            String::new(),
            "\n".repeat(3 * BLOCK + 1),
            format!("{}\n{}\r\n\n", "x".repeat(BLOCK - 1), "æ".repeat(BLOCK)),
            (0..700).map(|i| format!("{}\n", "ø".repeat(i % 7))).collect(),
            "a\nb".repeat(BLOCK),
        ];
        for text in texts {
            let file = SourceFile::new("t", text.as_str());
            let starts: Vec<usize> = std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            for (line, &start) in starts.iter().enumerate() {
                assert_eq!(file.line_start(line), Some(start), "{line}");
            }
            assert_eq!(file.line_start(starts.len()), None);
            for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
                let line = starts.partition_point(|&s| s <= offset) - 1;
                let column = text[starts[line]..offset].chars().count() + 1;
                assert_eq!(file.line_col(offset), LineCol { line: line + 1, column }, "{offset}");
            }
        }
    }

    #[test]
    fn clamp_moves_spans_onto_char_boundaries() {
        let file = SourceFile::new("t", "å");
        assert_eq!(file.clamp(Span::new(1, 99)), Span::new(0, 2));
        assert_eq!(file.clamp(Span::new(1, 1)), Span::new(0, 0));
    }
}
