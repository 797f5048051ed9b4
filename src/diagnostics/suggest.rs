//! "Did you mean …?" over keywords, codes and names: edit distance, plus the
//! ASCII spellings people type on a keyboard without æ, ø and å
//! (`formaal` → `formål`, `maling` → `måling`).

/// The candidate closest to `input`, if it is close enough to be a likely typo.
pub fn suggest<'c>(input: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    suggest_preferring(input, candidates.into_iter().map(|c| (c, false))).map(|s| s.word)
}

/// A suggested word, and whether it is the one clear candidate (no other
/// word is as close), which makes replacing the input by it a safe fix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Suggestion<'c> {
    pub word: &'c str,
    pub clear: bool,
}

/// As [`suggest`], over candidates marked as preferred (the spellings of
/// the file's own language): of two equally close candidates the preferred
/// one wins, and a preferred candidate the input begins (`presse` for
/// `pressesag`) counts as one edit away, however long the rest.
pub fn suggest_preferring<'c>(
    input: &str,
    candidates: impl IntoIterator<Item = (&'c str, bool)>,
) -> Option<Suggestion<'c>> {
    // No keyword, code or name is this long: two 30,000-character names
    // would otherwise fill a table of 900 million cells.
    const LONGEST: usize = 64;
    let original = input;
    let input_chars = input.chars().count();
    if input_chars > LONGEST {
        return None;
    }
    let input = input.to_lowercase();
    // One edit for short words, about one in three for longer ones.
    let limit = input_chars.div_ceil(3).max(1);
    let double = fold(&input, Fold::Double);
    let single = fold(&input, Fold::Single);
    let mut best: Option<((usize, bool), &'c str)> = None;
    let mut clear = true;
    for (candidate, preferred) in candidates {
        if candidate == original || candidate.chars().nth(LONGEST).is_some() {
            continue;
        }
        let lowered = candidate.to_lowercase();
        let transliterated = fold(&lowered, Fold::Double) == double || fold(&lowered, Fold::Single) == single;
        let distance = if transliterated {
            0
        } else if preferred && input_chars >= 4 && lowered.starts_with(&input) {
            1
        } else {
            distance(&input, &lowered).min(distance(&double, &fold(&lowered, Fold::Double)))
        };
        if distance > limit {
            continue;
        }
        let score = (distance, !preferred);
        match best {
            Some((best_score, word)) if best_score == score => clear &= word == candidate,
            Some((best_score, _)) if best_score < score => {}
            _ => {
                best = Some((score, candidate));
                clear = true;
            }
        }
    }
    best.map(|(_, word)| Suggestion { word, clear })
}

#[derive(Clone, Copy)]
enum Fold {
    /// å → aa, æ → ae, ø → oe (the Danish convention).
    Double,
    /// å → a, æ → a, ø → o (the letters simply left out).
    Single,
}

fn fold(word: &str, how: Fold) -> String {
    let mut out = String::with_capacity(word.len() + 4);
    for c in word.chars() {
        match (c, how) {
            ('å', Fold::Double) => out.push_str("aa"),
            ('æ', Fold::Double) => out.push_str("ae"),
            ('ø', Fold::Double) => out.push_str("oe"),
            ('å' | 'æ', Fold::Single) => out.push('a'),
            ('ø', Fold::Single) => out.push('o'),
            (c, _) => out.push(c),
        }
    }
    out
}

/// Edit distance in characters, counting a swap of two neighbours as one
/// edit (`hihg` → `high`), the commonest typo. Inputs are single words, so
/// the quadratic table is small.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut table = vec![0usize; (a.len() + 1) * width];
    for (i, row) in table.chunks_mut(width).enumerate() {
        row[0] = i;
    }
    for (j, cell) in table.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (table[(i - 1) * width + j] + 1)
                .min(table[i * width + j - 1] + 1)
                .min(table[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(table[(i - 2) * width + j - 2] + 1);
            }
            table[i * width + j] = best;
        }
    }
    table[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: &[&str] = &["purpose", "formål", "measure", "måling", "risk", "risiko", "review"];

    #[test]
    fn typos_in_either_language() {
        assert_eq!(suggest("purpse", KEYS.iter().copied()), Some("purpose"));
        assert_eq!(suggest("rsiiko", KEYS.iter().copied()), Some("risiko"));
        assert_eq!(suggest("TL1O1", ["TL101", "TL102x"]), Some("TL101"));
        assert_eq!(suggest("reveiw", KEYS.iter().copied()), Some("review"));
        assert_eq!(suggest("rsik", KEYS.iter().copied()), Some("risk"));
    }

    #[test]
    fn ascii_transliterations() {
        assert_eq!(suggest("formaal", KEYS.iter().copied()), Some("formål"));
        assert_eq!(suggest("maaling", KEYS.iter().copied()), Some("måling"));
        assert_eq!(suggest("maling", KEYS.iter().copied()), Some("måling"));
        assert_eq!(suggest("Formål", KEYS.iter().copied()), Some("formål"));
        assert_eq!(
            suggest("formål", KEYS.iter().copied()),
            None,
            "the word itself is no suggestion"
        );
    }

    #[test]
    fn the_files_language_is_preferred_and_ties_are_not_clear() {
        let triggers = [
            ("press", false),
            ("pressesag", true),
            ("pattern", false),
            ("mønster", true),
        ];
        let found = suggest_preferring("presse", triggers);
        assert_eq!(
            found,
            Some(Suggestion {
                word: "pressesag",
                clear: true
            })
        );
        // Without the preference the shorter English word is closer.
        assert_eq!(suggest("presse", ["press", "pressesag"]), Some("press"));
        let units = [("unit", false), ("units", false)];
        assert_eq!(
            suggest_preferring("unis", units),
            Some(Suggestion {
                word: "unit",
                clear: false
            })
        );
        assert_eq!(
            suggest_preferring("formaal", [("formål", true), ("form", false)]),
            Some(Suggestion {
                word: "formål",
                clear: true
            })
        );
    }

    #[test]
    fn nothing_close_enough() {
        assert_eq!(suggest("colour", KEYS.iter().copied()), None);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("hihg", "high"), 1);
    }
}
