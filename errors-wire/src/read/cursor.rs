//! A position in a UTF-8 body, shared by the XML and JSON readers.

use super::MAX_BODY_LEN;
use crate::{Format, ParseError, scan};

/// Reads forward through `src`. Offsets are byte offsets into the body as given.
#[derive(Debug)]
pub(crate) struct Cursor<'a> {
    src: &'a str,
    pub(crate) pos: usize,
    /// The body went on past [`MAX_BODY_LEN`]: reaching the end means "too large", not
    /// "truncated".
    cut: bool,
    format: Format,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(src: &'a str, pos: usize, cut: bool, format: Format) -> Self {
        Self {
            src,
            pos,
            cut,
            format,
        }
    }

    pub(crate) fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    pub(crate) fn peek(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    pub(crate) fn rest(&self) -> &'a [u8] {
        self.bytes().get(self.pos..).unwrap_or_default()
    }

    pub(crate) fn at_end(&self) -> bool {
        self.pos >= self.src.len()
    }

    pub(crate) fn skip_ws(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.pos += 1;
        }
    }

    /// The absolute offset of the next `needle` at or after the position.
    pub(crate) fn find(&self, needle: &[u8]) -> Option<usize> {
        let (&first, tail) = needle.split_first()?;
        let mut from = self.pos;
        loop {
            let at = self.find_from(from, |w| scan::eq(w, first))?;
            if self.bytes().get(at + 1..)?.starts_with(tail) {
                return Some(at);
            }
            from = at + 1;
        }
    }

    /// The absolute offset of the first byte at or after `from` that `mask` flags (see
    /// [`scan`]).
    pub(crate) fn find_from(&self, from: usize, mask: impl Fn(u64) -> u64) -> Option<usize> {
        let rest = self.bytes().get(from..)?;
        let at = from + scan::first(rest, mask);
        (at < self.src.len()).then_some(at)
    }

    /// The absolute offset of the first byte at or after the position for which `stop` holds.
    pub(crate) fn find_byte(&self, stop: impl Fn(u8) -> bool) -> Option<usize> {
        self.rest()
            .iter()
            .position(|&b| stop(b))
            .map(|at| self.pos + at)
    }

    /// The text between two offsets. Readers only cut next to ASCII delimiters, which are
    /// character boundaries; anything else reads as malformed instead of panicking.
    pub(crate) fn slice(&self, from: usize, to: usize) -> Result<&'a str, ParseError> {
        self.src
            .get(from..to)
            .ok_or_else(|| self.malformed("cut inside a character"))
    }

    /// The error for reaching the end of the input while the document is still open.
    pub(crate) fn end(&self) -> ParseError {
        if self.cut {
            ParseError::TooLarge {
                limit: MAX_BODY_LEN,
            }
        } else {
            ParseError::Truncated {
                format: self.format,
            }
        }
    }

    /// The error for a syntax error at the position; at the end of the input, the body was
    /// cut short rather than malformed.
    pub(crate) fn malformed(&self, reason: &'static str) -> ParseError {
        self.malformed_at(self.pos, reason)
    }

    pub(crate) fn malformed_at(&self, offset: usize, reason: &'static str) -> ParseError {
        if offset >= self.src.len() {
            return self.end();
        }
        ParseError::Malformed {
            format: self.format,
            offset,
            reason,
        }
    }
}
