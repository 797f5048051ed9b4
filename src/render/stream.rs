//! Output written as a check streams: each part of the check rendered
//! (in parallel, by [`check::run`](crate::check::run)'s threads) and
//! written in input order, the closing lines and summaries at the end.
//!
//! The JSON document and the SARIF log stay valid while they stream: the
//! document around the lists is serialised by serde with the lists empty,
//! and the lists' elements are written into it, each as serde writes an
//! element there (compact, or indented to its depth); a test holds the
//! result to serde's own document byte for byte. What JSON gives after
//! its lists (`rules`, `summary`) and the suppressed findings (JSON's
//! `suppressed`, SARIF's results after the others) are held until the end:
//! the codes that occur, and the findings a person silenced. JSON's
//! `burden`, an entry for each requirement, is written aside as the parts
//! come (past a megabyte into an unnamed temporary file, see [`Spill`]) and
//! copied into the document at its end, so it costs no memory however
//! many requirements there are.

use super::json::{self, JsonBurden, JsonRule, Report, Summary};
use super::spill::Spill;
use super::{sarif, write_closing, Format, Style, Totals};
use crate::burden::Estimate;
use crate::check::suppress::Suppressed;
use crate::check::{Part, Sink};
use crate::diagnostics::{Counts, Diagnostic, Lang, Level, Registry, RuleRef};
use crate::model::Requirement;
use crate::source::SourceMap;
use codespan_reporting::term::termcolor::Buffer;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io;
use std::sync::Mutex;

/// One output of a check, written as it streams.
pub struct Stream<'r> {
    format: Format,
    style: Style,
    registry: &'r Registry,
    /// `--statistics`: only the count of each code, at the end.
    statistics: bool,
    totals: Totals,
    /// An element of the streamed list has been written.
    any: bool,
    /// The suppressed findings, rendered, for the end.
    held: Vec<u8>,
    /// The codes that occur, for JSON's `rules`.
    codes: BTreeMap<String, RuleRef>,
    /// The burden of each requirement, for JSON's `burden`, written.
    burden: Spill,
    per_code: CodeCounts,
}

/// A part of the check, rendered.
#[derive(Default)]
pub struct Rendered {
    /// The diagnostics, as the format writes them; in a list, each element
    /// after the first preceded by a comma.
    diagnostics: Vec<u8>,
    /// The suppressed ones, likewise, held until the end.
    suppressed: Vec<u8>,
}

impl<'r> Stream<'r> {
    pub fn new(format: Format, style: Style, registry: &'r Registry, statistics: bool) -> Stream<'r> {
        Stream {
            format,
            style,
            registry,
            statistics,
            totals: Totals::default(),
            any: false,
            held: Vec::new(),
            codes: BTreeMap::new(),
            burden: Spill::default(),
            per_code: CodeCounts::default(),
        }
    }

    /// What has been counted so far.
    pub fn totals(&self) -> &Totals {
        &self.totals
    }

    /// The document's list this format streams into, if it has one: the
    /// document with it empty, where its `[` is, and the indentation of
    /// its elements (none when compact).
    fn frame(&self, report: Option<&Report<'_>>) -> Option<(Vec<u8>, usize, Option<usize>)> {
        let (document, key, pretty) = match self.format {
            Format::Json | Format::JsonPretty => {
                let empty = Report {
                    version: json::JSON_VERSION,
                    diagnostics: [],
                    suppressed: [],
                    rules: BTreeMap::new(),
                    summary: Summary {
                        files: 0,
                        requirements: 0,
                        counts: Counts::default(),
                        suppressed: 0,
                    },
                    burden: [],
                };
                let report = report.unwrap_or(&empty);
                let pretty = self.format == Format::JsonPretty;
                let document = if pretty {
                    serde_json::to_vec_pretty(report)
                } else {
                    serde_json::to_vec(report)
                };
                (document.unwrap_or_default(), "\"diagnostics\"", pretty)
            }
            Format::Sarif => (sarif::skeleton(self.registry, self.style.lang), "\"results\"", true),
            _ => return None,
        };
        let at = find(&document, key.as_bytes())?;
        let open = at + find(&document[at..], b"[")?;
        let indent = pretty.then(|| {
            let line = document[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            at - line + 2
        });
        Some((document, open, indent))
    }

    /// Writes what comes before the first part.
    pub fn begin(&mut self, out: &mut dyn io::Write) -> io::Result<()> {
        if self.statistics {
            return Ok(());
        }
        if let Some((document, open, _)) = self.frame(None) {
            out.write_all(&document[..=open])?;
        }
        Ok(())
    }

    /// Renders one part's findings; called from many threads at once.
    pub fn render_lists(&self, diagnostics: &[Diagnostic], suppressed: &[Suppressed], sources: &SourceMap) -> Rendered {
        let mut rendered = Rendered::default();
        if self.statistics {
            return rendered;
        }
        let lang = self.style.lang;
        let indent = match self.format {
            Format::JsonPretty => Some(4),
            Format::Sarif => Some(8),
            _ => None,
        };
        let mut element = Vec::new();
        let push = |out: &mut Vec<u8>, element: &mut Vec<u8>| {
            if !out.is_empty() {
                out.push(b',');
            }
            indented(out, element, indent);
            element.clear();
        };
        let out = &mut rendered.diagnostics;
        // Writing into a Vec fails only on a value serde cannot write,
        // which these are not.
        match self.format {
            Format::Human => {
                let _ = super::human::write(diagnostics, sources, self.style, out);
            }
            Format::Pretty => {
                let _ = super::pretty::write(diagnostics, sources, self.style, out);
            }
            Format::Short => out.extend(super::short::render(diagnostics, sources, lang)),
            Format::Github => out.extend(super::github::render(diagnostics, sources, lang)),
            Format::Jsonl => {
                for d in diagnostics {
                    let _ = json::line(d, sources, lang, out);
                }
            }
            Format::Json | Format::JsonPretty => {
                let pretty = self.format == Format::JsonPretty;
                for d in diagnostics {
                    let _ = json::element(d, sources, &mut element, pretty);
                    push(out, &mut element);
                }
                for s in suppressed {
                    let _ = json::suppressed_element(s, sources, &mut element, pretty);
                    push(&mut rendered.suppressed, &mut element);
                }
            }
            Format::Sarif => {
                for d in diagnostics {
                    let _ = sarif::element(d, None, sources, self.registry, &mut element);
                    push(out, &mut element);
                }
                for s in suppressed {
                    let _ = sarif::element(&s.diagnostic, Some(&s.reason), sources, self.registry, &mut element);
                    push(&mut rendered.suppressed, &mut element);
                }
            }
        }
        rendered
    }

    /// Counts a part's findings into the totals.
    pub fn count(&mut self, diagnostics: &[Diagnostic], suppressed: &[Suppressed]) {
        let counts = Counts::of(diagnostics);
        let totals = &mut self.totals;
        totals.counts.errors += counts.errors;
        totals.counts.warnings += counts.warnings;
        totals.counts.notes += counts.notes;
        totals.suppressed += suppressed.len();
        totals.fixable += diagnostics.iter().filter(|d| d.edits.iter().any(|e| e.safe)).count();
        if self.statistics {
            self.per_code.add(diagnostics);
        }
        if matches!(self.format, Format::Json | Format::JsonPretty) {
            for d in diagnostics.iter().chain(suppressed.iter().map(|s| &s.diagnostic)) {
                if !self.codes.contains_key(d.code()) {
                    self.codes.insert(d.code().to_owned(), d.rule.clone());
                }
            }
        }
    }

    /// Counts the proposals' requirements and their burden into the totals.
    pub fn add_requirements(&mut self, requirements: &[Requirement], estimates: &[Estimate]) {
        let totals = &mut self.totals;
        totals.requirements += requirements.len();
        for estimate in estimates.iter().filter(|e| e.complete) {
            totals.estimated += 1;
            totals.hours_per_year += estimate.hours_per_year;
            totals.fte += estimate.fte;
            totals.cost_dkk += estimate.cost_dkk;
            totals.frontline_hours_per_year += estimate.frontline_hours_per_year;
        }
        if matches!(self.format, Format::Json | Format::JsonPretty) && !self.statistics {
            let pretty = self.format == Format::JsonPretty;
            let mut element = Vec::new();
            let mut written = Vec::new();
            for burden in requirements
                .iter()
                .zip(estimates)
                .filter_map(|(r, e)| JsonBurden::of(r, e))
            {
                let serialised = if pretty {
                    serde_json::to_writer_pretty(&mut element, &burden)
                } else {
                    serde_json::to_writer(&mut element, &burden)
                };
                if serialised.is_ok() {
                    if self.burden.any || !written.is_empty() {
                        written.push(b',');
                    }
                    indented(&mut written, &element, pretty.then_some(4));
                }
                element.clear();
            }
            self.burden.write(&written);
        }
    }

    /// Writes a rendered part after the ones before it.
    pub fn write_part(&mut self, rendered: Rendered, out: &mut dyn io::Write) -> io::Result<()> {
        if !rendered.suppressed.is_empty() {
            if !self.held.is_empty() {
                self.held.push(b',');
            }
            self.held.extend(rendered.suppressed);
        }
        if rendered.diagnostics.is_empty() {
            return Ok(());
        }
        let list = matches!(self.format, Format::Json | Format::JsonPretty | Format::Sarif);
        if list && self.any {
            out.write_all(b",")?;
        }
        self.any = true;
        out.write_all(&rendered.diagnostics)
    }

    /// Renders a large part a few slices at a time (in parallel) and writes
    /// each slice before the next are rendered: the same bytes as the part
    /// rendered whole, since every format renders finding by finding and
    /// [`Stream::write_part`] puts a list's comma between slices.
    fn write_in_slices(&mut self, part: &Part, sources: &SourceMap, out: &mut dyn io::Write) -> io::Result<()> {
        let at_once = SLICE_FINDINGS * 2 * rayon::current_num_threads();
        for group in part.diagnostics.chunks(at_once) {
            let rendered: Vec<Rendered> = group
                .par_chunks(SLICE_FINDINGS)
                .map(|slice| self.render_lists(slice, &[], sources))
                .collect();
            for rendered in rendered {
                self.write_part(rendered, out)?;
            }
        }
        for group in part.suppressed.chunks(at_once) {
            let rendered: Vec<Rendered> = group
                .par_chunks(SLICE_FINDINGS)
                .map(|slice| self.render_lists(&[], slice, sources))
                .collect();
            for rendered in rendered {
                self.write_part(rendered, out)?;
            }
        }
        Ok(())
    }

    /// Writes what comes after the last part; `files` is how many files
    /// the proposals were.
    pub fn end(&mut self, files: usize, out: &mut dyn io::Write) -> io::Result<()> {
        self.totals.files = files;
        if self.statistics {
            return out.write_all(&self.per_code.render(
                matches!(self.format, Format::Json | Format::JsonPretty | Format::Jsonl),
                self.style.lang,
            ));
        }
        let lang = self.style.lang;
        match self.format {
            Format::Human | Format::Pretty => {
                if !self.style.quiet {
                    let mut buffer = if self.style.color {
                        Buffer::ansi()
                    } else {
                        Buffer::no_color()
                    };
                    write_closing(&mut buffer, &self.totals, lang);
                    out.write_all(buffer.as_slice())?;
                }
                Ok(())
            }
            Format::Short => {
                if !self.style.quiet && self.totals.counts != Counts::default() {
                    writeln!(out, "{}", super::counts_phrase(self.totals.counts, lang))?;
                }
                Ok(())
            }
            Format::Github | Format::Jsonl => Ok(()),
            Format::Sarif => {
                let Some((document, open, indent)) = self.frame(None) else {
                    return Ok(());
                };
                let held = std::mem::take(&mut self.held);
                self.write_part(
                    Rendered {
                        diagnostics: held,
                        suppressed: Vec::new(),
                    },
                    out,
                )?;
                self.close(&document, open, indent, out)
            }
            Format::Json | Format::JsonPretty => {
                let rules = self
                    .codes
                    .iter()
                    .map(|(code, rule)| (code.as_str(), JsonRule::of(rule, lang)))
                    .collect();
                let report = Report {
                    version: json::JSON_VERSION,
                    diagnostics: [],
                    suppressed: [],
                    rules,
                    summary: Summary {
                        files,
                        requirements: self.totals.requirements,
                        counts: self.totals.counts,
                        suppressed: self.totals.suppressed,
                    },
                    burden: [],
                };
                let Some((document, open, indent)) = self.frame(Some(&report)) else {
                    return Ok(());
                };
                // The rest of the document, with the suppressed findings
                // written into its `suppressed`.
                let mut rest = Vec::new();
                self.close(&document, open, indent, &mut rest)?;
                let key = find(&rest, b"\"suppressed\"").unwrap_or(0);
                let at = key + find(&rest[key..], b"[").unwrap_or(0);
                out.write_all(&rest[..=at])?;
                if !self.held.is_empty() {
                    out.write_all(&self.held)?;
                    if let Some(indent) = indent {
                        write!(out, "\n{}", " ".repeat(indent - 2))?;
                    }
                }
                // The burden list is the document's last: its `[` is the
                // last one.
                let rest = &rest[at + 1..];
                let at = rest.iter().rposition(|&b| b == b'[').unwrap_or(0);
                out.write_all(&rest[..=at])?;
                if self.burden.any {
                    self.burden.copy_to(out)?;
                    if let Some(indent) = indent {
                        write!(out, "\n{}", " ".repeat(indent - 2))?;
                    }
                }
                out.write_all(&rest[at + 1..])
            }
        }
    }

    /// Closes the streamed list (the indentation serde gives its `]`) and
    /// writes the rest of `document` after it, with a final line end.
    fn close(&self, document: &[u8], open: usize, indent: Option<usize>, out: &mut dyn io::Write) -> io::Result<()> {
        if let (true, Some(indent)) = (self.any, indent) {
            write!(out, "\n{}", " ".repeat(indent - 2))?;
        }
        // `document` has `[]` where the list is.
        out.write_all(&document[open + 1..])?;
        out.write_all(b"\n")
    }
}

/// `element` appended to `out`, on lines of its own indented by `indent`
/// when pretty. JSON strings hold no raw line breaks, so every line break
/// is serde's.
fn indented(out: &mut Vec<u8>, element: &[u8], indent: Option<usize>) {
    let Some(indent) = indent else {
        out.extend_from_slice(element);
        return;
    };
    let pad = " ".repeat(indent);
    out.push(b'\n');
    out.extend_from_slice(pad.as_bytes());
    for &byte in element {
        out.push(byte);
        if byte == b'\n' {
            out.extend_from_slice(pad.as_bytes());
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The diagnostics of each code, for `--statistics`.
#[derive(Default)]
pub(super) struct CodeCounts {
    counts: Vec<(usize, String, String, Level)>,
}

impl CodeCounts {
    pub(super) fn add(&mut self, diagnostics: &[Diagnostic]) {
        for d in diagnostics {
            match self.counts.iter_mut().find(|(_, code, ..)| code == d.code()) {
                Some(entry) => entry.0 += 1,
                None => self.counts.push((1, d.code().to_owned(), d.name().to_owned(), d.level)),
            }
        }
    }

    /// Most first, as ruff prints them; JSON when `json` is set.
    /// JSON when `json` is set (its levels as data: `"warning"`), else a
    /// line a code with the level in `lang`.
    pub(super) fn render(&self, json: bool, lang: Lang) -> Vec<u8> {
        let mut counts: Vec<&(usize, String, String, Level)> = self.counts.iter().collect();
        counts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        if json {
            let list: Vec<serde_json::Value> = counts
                .iter()
                .map(|(count, code, name, level)| serde_json::json!({"code": code, "name": name, "level": level, "count": count}))
                .collect();
            let mut out = serde_json::to_vec_pretty(&list).unwrap_or_default();
            out.push(b'\n');
            return out;
        }
        let width = counts.iter().map(|c| c.0.to_string().len()).max().unwrap_or(1);
        let mut out = String::new();
        for (count, code, name, level) in counts {
            out.push_str(&format!("{count:>width$}  {code:<6} {name} ({})\n", level.word(lang)));
        }
        out.into_bytes()
    }
}

/// The outputs of one `check`, each with where it goes: the sink the
/// check streams into.
pub struct Outputs<'r, W> {
    pub outputs: Vec<(Stream<'r>, Mutex<W>)>,
    /// The first write that failed; nothing is written after it.
    pub error: Option<io::Error>,
}

impl<W: io::Write + Send> Outputs<'_, W> {
    /// Writes every output's beginning.
    pub fn begin(&mut self) {
        for (stream, out) in &mut self.outputs {
            if self.error.is_none() {
                let out = out.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner);
                self.error = stream.begin(out).err();
            }
        }
    }

    /// Writes every output's end; returns the first error.
    pub fn end(&mut self, files: usize) -> io::Result<()> {
        for (stream, out) in &mut self.outputs {
            if self.error.is_none() {
                let out = out.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner);
                self.error = stream.end(files, out).and_then(|()| out.flush()).err();
            }
        }
        self.error.take().map_or(Ok(()), Err)
    }
}

/// A part with more findings than this is not rendered whole while it
/// waits its turn: one requirement can have a finding for each item of a
/// long list, and its output (a snippet each) would be held at once. It is
/// rendered when taken, a few slices at a time in parallel, each written
/// before the next are rendered.
const HELD_FINDINGS: usize = 1024;

/// Findings rendered together when a large part is taken.
const SLICE_FINDINGS: usize = 256;

impl<W: io::Write + Send> Sink for Outputs<'_, W> {
    /// Each output's rendering of the part; none for a large part, which
    /// is rendered when taken.
    type Rendered = Option<Vec<Rendered>>;

    fn render(&self, part: &Part, sources: &SourceMap) -> Option<Vec<Rendered>> {
        if part.diagnostics.len() + part.suppressed.len() > HELD_FINDINGS {
            return None;
        }
        let rendered = self
            .outputs
            .iter()
            .map(|(stream, _)| stream.render_lists(&part.diagnostics, &part.suppressed, sources))
            .collect();
        Some(rendered)
    }

    fn take(&mut self, part: Part, rendered: Option<Vec<Rendered>>, sources: &SourceMap) {
        let mut rendered = rendered.map(Vec::into_iter);
        for (stream, out) in &mut self.outputs {
            stream.count(&part.diagnostics, &part.suppressed);
            if !part.in_register {
                stream.add_requirements(&part.requirements, &part.estimates);
            }
            if self.error.is_some() {
                continue;
            }
            let out = out.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner);
            self.error = match rendered.as_mut().and_then(Iterator::next) {
                Some(rendered) => stream.write_part(rendered, out),
                None => stream.write_in_slices(&part, sources, out),
            }
            .err();
        }
    }
}
