//! The part of a body a reader sees, and how reaching its end is reported.

use super::MAX_BODY_LEN;
use crate::{Format, ParseError};

/// A slice of the body handed to one reader.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Input<'a> {
    /// The bytes to read.
    pub(crate) bytes: &'a [u8],
    /// The offset of `bytes` in the body as given, for error offsets.
    pub(crate) base: usize,
    /// The body went on past [`MAX_BODY_LEN`]: reaching the end of `bytes` means "too
    /// large", not "truncated".
    pub(crate) cut: bool,
    pub(crate) format: Format,
}

impl Input<'_> {
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

    /// The error for a syntax error at `offset` (into `bytes`).
    pub(crate) fn malformed(&self, offset: usize, reason: &'static str) -> ParseError {
        ParseError::Malformed {
            format: self.format,
            offset: self.base + offset,
            reason,
        }
    }

    /// The error for bytes that are not UTF-8, if the input has any at or before `offset`;
    /// `None` when the first `offset` bytes and the character there are valid. Only the
    /// error path calls this, so reading never validates a whole body up front.
    pub(crate) fn not_utf8_by(&self, offset: usize) -> Option<ParseError> {
        let upto = self
            .bytes
            .get(..offset.saturating_add(4).min(self.bytes.len()))?;
        match std::str::from_utf8(upto) {
            Err(e) if e.valid_up_to() <= offset && e.error_len().is_some() => {
                Some(ParseError::NotUtf8 {
                    offset: self.base + e.valid_up_to(),
                })
            }
            _ => None,
        }
    }
}

/// The part of `body` that is read: at most [`MAX_BODY_LEN`] bytes, and whether the body
/// was longer. A cut inside a UTF-8 sequence drops the incomplete character, so the cut is
/// reported as the limit and never as invalid UTF-8.
pub(crate) fn window(body: &[u8]) -> (&[u8], bool) {
    let Some(window) = body
        .get(..MAX_BODY_LEN)
        .filter(|_| body.len() > MAX_BODY_LEN)
    else {
        return (body, false);
    };
    // A UTF-8 sequence is at most four bytes: look for its lead byte among the last three.
    let tail = window.len().saturating_sub(3);
    let lead = (tail..window.len())
        .rev()
        .find(|&i| window.get(i).is_some_and(|b| b & 0xc0 != 0x80));
    let complete = |at: usize| {
        let needed = match window.get(at) {
            Some(b) if *b >= 0xf0 => 4,
            Some(b) if *b >= 0xe0 => 3,
            Some(b) if *b >= 0xc0 => 2,
            _ => 1,
        };
        window.len() - at >= needed
    };
    match lead {
        Some(at) if !complete(at) => (window.get(..at).unwrap_or(window), true),
        _ => (window, true),
    }
}
