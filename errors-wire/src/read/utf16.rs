//! XML in UTF-16, told by its byte order mark.

use super::MAX_BODY_LEN;
use super::input::Input;
use super::xml_shapes;
use crate::{ErrorBody, Format, ParseError};

/// A body that starts with a UTF-16 byte order mark: XML, read through a decoder. JSON is
/// UTF-8 (RFC 8259), so anything else is refused.
pub(crate) fn parse(window: &[u8], cut: bool) -> Result<ErrorBody<'_>, ParseError> {
    let big_endian = window.starts_with(&[0xfe, 0xff]);
    let first_unit = window
        .get(2..)
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
    match first_unit {
        Some(0x3c) => {
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
            found: "UTF-16".into(),
        }),
    }
}
