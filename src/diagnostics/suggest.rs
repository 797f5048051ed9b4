//! "Did you mean …?" over keywords, codes and names: edit distance, plus the
//! ASCII spellings people type on a keyboard without æ, ø and å
//! (`formaal` → `formål`, `maling` → `måling`).

/// The candidate closest to `input`, if it is close enough to be a likely typo.
pub fn suggest<'c>(input: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
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
    candidates
        .into_iter()
        .filter(|candidate| *candidate != original && candidate.chars().nth(LONGEST).is_none())
        .map(|candidate| {
            let lowered = candidate.to_lowercase();
            let transliterated = fold(&lowered, Fold::Double) == double || fold(&lowered, Fold::Single) == single;
            let distance = if transliterated {
                0
            } else {
                distance(&input, &lowered).min(distance(&double, &fold(&lowered, Fold::Double)))
            };
            (distance, candidate)
        })
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
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
    fn nothing_close_enough() {
        assert_eq!(suggest("colour", KEYS.iter().copied()), None);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("hihg", "high"), 1);
    }
}
