//! The values of a filled-in text ([`super::message::Filled`]), packed in
//! bytes beside the template, so that a finding keeps a few bytes a value
//! instead of a value type and a heap text apiece.

use super::message::{Arg, INLINE};
use super::messages as m;
use super::text::{format_number, Lang};
use std::borrow::Cow;

/// The most characters a value from the input fills into a message-table
/// text: a message stays short whatever the input holds (an 8 MB key once
/// made an 8 MB message). [`fill`](super::text::fill) cuts at the same length.
pub(super) const MAX_TABLE_VALUE_CHARS: usize = 500;

/// Values, each with its placeholder's name, packed in bytes: the name's
/// length and the name, then a tag and the value: a whole number in 4
/// bytes (8 if it needs them), a text's length in 1 byte (5 if it is
/// longer than 254) and its bytes. Two figures take 12 bytes, where a
/// value type would take 24 bytes each and a heap text apiece.
pub(super) struct Args<'a>(pub(super) &'a [u8]);

const NUM: u8 = 0;
const NUM32: u8 = 1;
const INT: u8 = 2;
const INT32: u8 = 3;
const STR: u8 = 4;
const LONG_STR: u8 = 5;
const NULL: u8 = 6;
const TRUE: u8 = 7;
const FALSE: u8 = 8;

/// A value as kept, read back from [`Args`].
pub(super) enum Kept<'a> {
    Num(f64),
    Int(i64),
    Str(&'a str),
    Null,
    Bool(bool),
}

impl<'a> Kept<'a> {
    pub(super) fn show(self, lang: Lang) -> Cow<'a, str> {
        match self {
            Kept::Num(n) => Cow::Owned(format_number(n, lang)),
            Kept::Int(n) => Cow::Owned(n.to_string()),
            Kept::Str(text) => Cow::Borrowed(text),
            Kept::Null => Cow::Borrowed("–"),
            Kept::Bool(true) => Cow::Borrowed(m::YES.get(lang)),
            Kept::Bool(false) => Cow::Borrowed(m::NO.get(lang)),
        }
    }
}

/// Values being packed (see [`Args`]): in place while they fit, else in
/// a buffer of their own.
pub(super) enum Packed {
    Inline(u8, [u8; INLINE]),
    Heap(Vec<u8>),
}

impl Default for Packed {
    fn default() -> Self {
        Packed::Inline(0, [0; INLINE])
    }
}

impl Packed {
    pub(super) fn extend(&mut self, bytes: &[u8]) {
        match self {
            Packed::Inline(len, inline) => {
                let at = usize::from(*len);
                match inline.get_mut(at..at + bytes.len()) {
                    Some(room) => {
                        room.copy_from_slice(bytes);
                        *len += bytes.len() as u8;
                    }
                    None => {
                        let mut heap = Vec::with_capacity(at + bytes.len() + 16);
                        heap.extend_from_slice(&inline[..at]);
                        heap.extend_from_slice(bytes);
                        *self = Packed::Heap(heap);
                    }
                }
            }
            Packed::Heap(heap) => heap.extend_from_slice(bytes),
        }
    }

    /// Packs `arg` named `name`, a text cut at `max_chars` characters (and
    /// an ellipsis) as filling it in would cut it.
    pub(super) fn push(&mut self, name: &str, arg: Arg<'_>, max_chars: usize) {
        let name = &name.as_bytes()[..name.len().min(usize::from(u8::MAX))];
        self.extend(&[name.len() as u8]);
        self.extend(name);
        match arg {
            // Exactly the same bits when read back, or all 8 bytes.
            Arg::Num(n) if f64::from(n as i32).to_bits() == n.to_bits() => {
                self.extend(&[NUM32]);
                self.extend(&(n as i32).to_le_bytes());
            }
            Arg::Num(n) => {
                self.extend(&[NUM]);
                self.extend(&n.to_le_bytes());
            }
            Arg::Int(n) => match i32::try_from(n) {
                Ok(n) => {
                    self.extend(&[INT32]);
                    self.extend(&n.to_le_bytes());
                }
                Err(_) => {
                    self.extend(&[INT]);
                    self.extend(&n.to_le_bytes());
                }
            },
            Arg::Str(text) => {
                let capped = cap(text, max_chars);
                match u8::try_from(capped.len()).ok().filter(|&len| len < u8::MAX) {
                    Some(len) => self.extend(&[STR, len]),
                    None => {
                        self.extend(&[LONG_STR]);
                        self.extend(&(capped.len() as u32).to_le_bytes());
                    }
                }
                self.extend(capped.as_bytes());
            }
            Arg::Null => self.extend(&[NULL]),
            Arg::Bool(b) => self.extend(&[if b { TRUE } else { FALSE }]),
        }
    }
}

impl<'a> Args<'a> {
    /// The values with their names, in the order given; reading stops at
    /// the first value that does not read back (none does not).
    pub(super) fn iter(&self) -> impl Iterator<Item = (&'a str, Kept<'a>)> {
        let mut rest: &'a [u8] = self.0;
        std::iter::from_fn(move || {
            let (&len, after) = rest.split_first()?;
            let (name, after) = after.split_at_checked(usize::from(len))?;
            let name = std::str::from_utf8(name).ok()?;
            let (&tag, after) = after.split_first()?;
            let (kept, after) = match tag {
                NUM => {
                    let (number, after) = after.split_first_chunk::<8>()?;
                    (Kept::Num(f64::from_le_bytes(*number)), after)
                }
                INT => {
                    let (number, after) = after.split_first_chunk::<8>()?;
                    (Kept::Int(i64::from_le_bytes(*number)), after)
                }
                NUM32 => {
                    let (number, after) = after.split_first_chunk::<4>()?;
                    (Kept::Num(f64::from(i32::from_le_bytes(*number))), after)
                }
                INT32 => {
                    let (number, after) = after.split_first_chunk::<4>()?;
                    (Kept::Int(i64::from(i32::from_le_bytes(*number))), after)
                }
                STR | LONG_STR => {
                    let (len, after) = if tag == STR {
                        let (&len, after) = after.split_first()?;
                        (usize::from(len), after)
                    } else {
                        let (len, after) = after.split_first_chunk::<4>()?;
                        (u32::from_le_bytes(*len) as usize, after)
                    };
                    let (text, after) = after.split_at_checked(len)?;
                    (Kept::Str(std::str::from_utf8(text).ok()?), after)
                }
                NULL => (Kept::Null, after),
                TRUE => (Kept::Bool(true), after),
                FALSE => (Kept::Bool(false), after),
                _ => return None,
            };
            rest = after;
            Some((name, kept))
        })
    }
}

/// `text` cut after `max_chars` characters, with an ellipsis.
pub(super) fn cap(text: &str, max_chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
        None => Cow::Borrowed(text),
    }
}
