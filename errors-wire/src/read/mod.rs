//! Parsing: sniff the format and family of a body and read its error.

mod cursor;
mod html;
mod json;
mod json_shapes;
mod xml;
mod xml_shapes;
mod xml_values;

use crate::{ErrorBody, Family, Format, ParseError};
use cursor::Cursor;

/// The most bytes of a body [`parse`] reads. Error bodies are far smaller; a longer body is
/// read up to the limit, which settles a success response, and is otherwise
/// [`ParseError::TooLarge`].
pub const MAX_BODY_LEN: usize = 1 << 20;

/// The deepest nesting [`parse`] follows, counted in XML elements or JSON objects and arrays.
/// Error bodies nest three levels deep; deeper is [`ParseError::TooDeep`].
pub const MAX_DEPTH: usize = 32;

/// Parses an error body of any family, telling the family and shape from the body itself.
///
/// Tolerant of what real servers send: any whitespace and indentation, an XML declaration
/// in any spelling, a UTF-8 byte order mark, CDATA or escaped text, attributes and keys in
/// any order, extra fields, codes as numbers or numeric strings. A success response is
/// [`ParseError::NotAnError`]; an HTML page, an empty, truncated or otherwise unreadable body
/// each has its own [`ParseError`]. Never panics, and reads at most [`MAX_BODY_LEN`] bytes
/// nested at most [`MAX_DEPTH`] levels deep.
///
/// A JSON object whose first member is none that an error body starts with (`error`,
/// `message`, `links`, `subsonic-response`, or a standard problem details member) is taken as
/// a success response without reading further; use [`crate::problem::parse`] for problem
/// details whose extension members come first.
///
/// ```
/// use errors_wire::{Family, ParseError, Shape};
///
/// let body = br#"{"error":29,"message":"Rate Limit Exceeded","links":[]}"#;
/// let error = errors_wire::parse(body)?;
/// assert_eq!((error.family(), error.code, &*error.message), (Family::Lastfm, 29, "Rate Limit Exceeded"));
/// assert_eq!(error.shape, Shape::Lastfm);
///
/// let success = br#"<lfm status="ok"><session/></lfm>"#;
/// assert_eq!(errors_wire::parse(success), Err(ParseError::NotAnError { family: Some(Family::Lastfm) }));
/// # Ok::<(), ParseError>(())
/// ```
pub fn parse(body: &[u8]) -> Result<ErrorBody<'_>, ParseError> {
    parse_with(body, None)
}

/// Parses a body that must be of `family`.
pub(crate) fn parse_as(body: &[u8], family: Family) -> Result<ErrorBody<'_>, ParseError> {
    let error = parse_with(body, Some(family))?;
    match error.family() {
        found if found == family => Ok(error),
        found => Err(ParseError::WrongFamily {
            expected: family,
            found,
        }),
    }
}

#[inline]
fn parse_with(body: &[u8], family: Option<Family>) -> Result<ErrorBody<'_>, ParseError> {
    let (window, cut) = match body.get(..MAX_BODY_LEN) {
        Some(window) if body.len() > MAX_BODY_LEN => (window, true),
        _ => (body, false),
    };
    if window.starts_with(&[0xfe, 0xff]) || window.starts_with(&[0xff, 0xfe]) {
        return Err(ParseError::UnsupportedEncoding {
            found: "UTF-16".into(),
        });
    }
    let start = if window.starts_with(b"\xef\xbb\xbf") {
        3
    } else {
        0
    };
    let Some(first) = window
        .iter()
        .skip(start)
        .position(|b| !b.is_ascii_whitespace())
        .map(|at| start + at)
    else {
        return if cut {
            Err(ParseError::TooLarge {
                limit: MAX_BODY_LEN,
            })
        } else {
            Err(ParseError::Empty)
        };
    };
    let rest = window.get(first..).unwrap_or_default();
    if html::starts_like_html(rest) {
        return Err(ParseError::Html {
            title: html::title(window),
        });
    }
    let src = utf8(window, cut)?;
    match rest.first() {
        Some(b'<') => xml_shapes::parse(Cursor::new(src, first, cut, Format::Xml)),
        Some(b'{' | b'[') => json_shapes::parse(
            Cursor::new(src, first, cut, Format::Json),
            family == Some(Family::Problem),
        ),
        _ => Err(ParseError::Unrecognised {
            found: ParseError::quote(&String::from_utf8_lossy(
                rest.get(..ParseError::QUOTE_LEN).unwrap_or(rest),
            )),
        }),
    }
}

/// Validates the window as UTF-8. A window cut at [`MAX_BODY_LEN`] may end inside a
/// character; that character is dropped, and the cut reported when reading reaches it.
fn utf8(window: &[u8], cut: bool) -> Result<&str, ParseError> {
    match std::str::from_utf8(window) {
        Ok(src) => Ok(src),
        Err(e) if cut && e.error_len().is_none() => {
            let valid = window.get(..e.valid_up_to()).unwrap_or_default();
            std::str::from_utf8(valid).map_err(|e| ParseError::NotUtf8 {
                offset: e.valid_up_to(),
            })
        }
        Err(e) => Err(ParseError::NotUtf8 {
            offset: e.valid_up_to(),
        }),
    }
}

/// Reads an error code sent as text: decimal digits, possibly padded with whitespace.
pub(crate) fn code_from_text(text: &str) -> Result<u32, ParseError> {
    parse_digits(text.trim_ascii()).ok_or_else(|| invalid_code(text))
}

/// Reads a number of decimal digits only that fits a `u32`.
pub(crate) fn parse_digits(digits: &str) -> Option<u32> {
    if digits.is_empty() {
        return None;
    }
    digits.bytes().try_fold(0u32, |code, b| match b {
        b'0'..=b'9' => code.checked_mul(10)?.checked_add(u32::from(b - b'0')),
        _ => None,
    })
}

pub(crate) fn invalid_code(found: &str) -> ParseError {
    ParseError::InvalidCode {
        found: ParseError::quote(found),
    }
}
