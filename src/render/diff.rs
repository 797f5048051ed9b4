//! `check --diff`: what `--fix` would change, as a unified diff (`diff -u`,
//! `patch -p0` applies it). Fixes never add or remove a line (see
//! [`crate::check::fix::apply`]), so line `i` of the fixed text is line `i`
//! of the old one and the diff is found line by line, in linear time.

use std::fmt::Write;

/// Lines of context around each change, as `diff -u`.
const CONTEXT: usize = 3;

/// The diff of one file; empty when nothing changed.
pub fn unified(name: &str, old: &str, new: &str) -> String {
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    let mut out = String::new();
    if old_lines.len() != new_lines.len() {
        // Not the output of a fix; shown whole rather than wrongly.
        let _ = writeln!(out, "--- {name}\n+++ {name}");
        hunk(
            &mut out,
            &old_lines,
            &new_lines,
            (0, old_lines.len()),
            (0, new_lines.len()),
        );
        return out;
    }
    let changed: Vec<usize> = (0..old_lines.len()).filter(|&i| old_lines[i] != new_lines[i]).collect();
    if changed.is_empty() {
        return out;
    }
    let _ = writeln!(out, "--- {name}\n+++ {name}");
    // Changes closer than twice the context share a hunk.
    let mut groups: Vec<(usize, usize)> = Vec::new();
    for &i in &changed {
        match groups.last_mut() {
            Some((_, last)) if i <= *last + 2 * CONTEXT + 1 => *last = i,
            _ => groups.push((i, i)),
        }
    }
    for (first, last) in groups {
        let start = first.saturating_sub(CONTEXT);
        let end = (last + CONTEXT + 1).min(old_lines.len());
        hunk(&mut out, &old_lines, &new_lines, (start, end), (start, end));
    }
    out
}

/// One hunk over `old[a.0..a.1]` and `new[b.0..b.1]`, whose lines pair up
/// when the ranges are the same length.
fn hunk(out: &mut String, old: &[&str], new: &[&str], a: (usize, usize), b: (usize, usize)) {
    let range = |(start, end): (usize, usize)| {
        let len = end - start;
        // `diff -u` numbers an empty range by the line before it.
        let first = if len == 0 { start } else { start + 1 };
        if len == 1 {
            format!("{first}")
        } else {
            format!("{first},{len}")
        }
    };
    let _ = writeln!(out, "@@ -{} +{} @@", range(a), range(b));
    let paired = a.1 - a.0 == b.1 - b.0;
    let mut line = |mark: char, text: &str| {
        out.push(mark);
        out.push_str(text);
        if !text.ends_with('\n') {
            out.push_str("\n\\ No newline at end of file\n");
        }
    };
    if paired {
        let mut i = a.0;
        while i < a.1 {
            if old[i] == new[i] {
                line(' ', old[i]);
                i += 1;
                continue;
            }
            // A run of changed lines: the old ones, then the new ones.
            let run_end = (i..a.1).find(|&j| old[j] == new[j]).unwrap_or(a.1);
            for text in &old[i..run_end] {
                line('-', text);
            }
            for text in &new[i..run_end] {
                line('+', text);
            }
            i = run_end;
        }
    } else {
        for text in &old[a.0..a.1] {
            line('-', text);
        }
        for text in &new[b.0..b.1] {
            line('+', text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::unified;

    #[test]
    fn a_changed_line_with_its_context() {
        let old = "1\n2\n3\n4\nformaal: x\n6\n7\n8\n9\n10\n11\n12\nmaaling: y\n";
        let new = old.replace("formaal", "formål").replace("maaling", "måling");
        let diff = unified("a.krav", old, &new);
        assert_eq!(
            diff,
            "--- a.krav\n+++ a.krav\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-formaal: x\n+formål: x\n 6\n 7\n 8\n\
             @@ -10,4 +10,4 @@\n 10\n 11\n 12\n-maaling: y\n+måling: y\n"
        );
        assert_eq!(unified("a.krav", old, old), "");
    }

    #[test]
    fn a_last_line_without_a_line_break() {
        let diff = unified("a.krav", "x: 2,5", "x: 2.5");
        assert_eq!(
            diff,
            "--- a.krav\n+++ a.krav\n@@ -1 +1 @@\n-x: 2,5\n\\ No newline at end of file\n+x: 2.5\n\\ No newline at end of file\n"
        );
    }
}
