//! Reading the atoms of one term left to right.

use crate::model::{Keyword, Spanned};
use crate::source::Span;
use crate::syntax::{Atom, AtomKind, Term};

/// The atoms of one term, read left to right.
pub(super) struct Cursor<'t, 'a> {
    pub(super) atoms: &'t [Atom<'a>],
    pub(super) pos: usize,
    /// Where "nothing" is: just after the term.
    pub(super) end: Span,
}

impl<'t, 'a> Cursor<'t, 'a> {
    pub(super) fn new(term: &'t Term<'a>) -> Self {
        Cursor {
            atoms: &term.atoms,
            pos: 0,
            end: Span::new(term.span.end, term.span.end),
        }
    }

    pub(super) fn peek(&self) -> Option<&'t Atom<'a>> {
        self.atoms.get(self.pos)
    }

    pub(super) fn bump(&mut self) -> Option<&'t Atom<'a>> {
        let atom = self.atoms.get(self.pos);
        self.pos += 1;
        atom
    }

    pub(super) fn peek_span(&self) -> Span {
        self.peek().map(|a| a.span).unwrap_or(self.end)
    }

    /// Consumes a word if it is `K` and satisfies `accept`.
    pub(super) fn eat<K: Keyword>(&mut self, accept: impl Fn(K) -> bool) -> Option<Spanned<K>> {
        match self.peek() {
            Some(Atom {
                kind: AtomKind::Word(word),
                span,
            }) => match K::lookup(word) {
                Some(value) if accept(value) => {
                    self.pos += 1;
                    Some(Spanned::new(value, *span))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Up to `max` words from here on, as written, with their spans.
    pub(super) fn words_ahead(&self, max: usize) -> Vec<(&'a str, Span)> {
        self.atoms[self.pos.min(self.atoms.len())..]
            .iter()
            .take(max)
            .map_while(|atom| match atom.kind {
                AtomKind::Word(word) => Some((word, atom.span)),
                _ => None,
            })
            .collect()
    }

    pub(super) fn eat_string(&mut self) -> Option<Spanned<String>> {
        match self.peek() {
            Some(Atom {
                kind: AtomKind::Str(text),
                span,
            }) => {
                self.pos += 1;
                Some(Spanned::new(text.to_string(), *span))
            }
            _ => None,
        }
    }

    pub(super) fn at_number(&self) -> bool {
        matches!(
            self.peek(),
            Some(Atom {
                kind: AtomKind::Number(_),
                ..
            })
        )
    }
}
