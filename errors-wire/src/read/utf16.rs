//! XML in UTF-16, told by its byte order mark or, without one, by its declaration.
//!
//! JSON in UTF-16 is refused, with or without a mark: RFC 8259 section 8.1 makes JSON
//! exchanged between systems UTF-8, no server of these APIs sends anything else, and
//! reading it would take a second, copying path through the JSON reader for bodies no
//! server writes. Said as what it is, the error tells a client where to look.

use super::MAX_BODY_LEN;
use super::input::Input;
use super::xml_shapes;
use crate::{ErrorBody, Format, ParseError};

/// Whether a body without a byte order mark is UTF-16, and if so whether big-endian: its
/// first character is ASCII, so one of its first two bytes is NUL, which no UTF-8 body of
/// any format this crate reads has there (the pattern of RFC 4627 section 3 and XML 1.0
/// Appendix F).
pub(crate) fn unmarked(window: &[u8]) -> Option<bool> {
    match window {
        [0, b, ..] if *b != 0 && b.is_ascii() => Some(true),
        [b, 0, ..] if *b != 0 && b.is_ascii() => Some(false),
        _ => None,
    }
}

/// A body in UTF-16: one that starts with a byte order mark (`marked`), or one that
/// [`unmarked`] tells. XML is read through a decoder when the encoding shows: from the
/// mark, or from the declaration XML 1.0 Appendix F reads without one (`<?` in UTF-16;
/// quick-xml's decoder finds it the same way). Anything else is refused as what it is.
pub(crate) fn parse(
    window: &[u8],
    cut: bool,
    marked: bool,
    big_endian: bool,
) -> Result<ErrorBody<'_>, ParseError> {
    let first_unit = window
        .get(if marked { 2 } else { 0 }..)
        .unwrap_or_default()
        .chunks_exact(2)
        .map(|unit| {
            let pair = [
                unit.first().copied().unwrap_or(0),
                unit.get(1).copied().unwrap_or(0),
            ];
            if big_endian {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        })
        .find(|&unit| !matches!(unit, 0x20 | 0x09 | 0x0a | 0x0d));
    let declared = window.starts_with(&[0, b'<', 0, b'?']) || window.starts_with(b"<\0?\0");
    match first_unit {
        Some(0x3c) if marked || declared => {
            // A body cut short may end in half a code unit or half a surrogate pair; read
            // without it, it is truncated rather than malformed.
            let mut end = window.len() - (window.len() % 2);
            let last = window.get(end.saturating_sub(2)..end).unwrap_or_default();
            let high_byte = if big_endian {
                last.first()
            } else {
                last.get(1)
            };
            if high_byte.is_some_and(|b| (0xd8..0xdc).contains(b)) {
                end -= 2;
            }
            xml_shapes::parse(Input {
                bytes: window.get(..end).unwrap_or(window),
                base: 0,
                cut,
                format: Format::Xml,
            })
        }
        None if cut => Err(ParseError::TooLarge {
            limit: MAX_BODY_LEN,
        }),
        None => Err(ParseError::Empty),
        Some(_) => Err(ParseError::UnsupportedEncoding {
            found: match (marked, big_endian) {
                (true, _) => "UTF-16",
                (false, true) => "UTF-16BE without a byte order mark",
                (false, false) => "UTF-16LE without a byte order mark",
            }
            .into(),
        }),
    }
}
