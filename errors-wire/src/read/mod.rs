//! Parsing: sniff the format and family of a body and read its error. XML is read with
//! quick-xml's pull reader, JSON with serde_json; the family and shape logic sits on top.

mod html;
mod input;
mod json;
mod json_shapes;
mod jsonp;
mod utf16;
mod xml;
mod xml_shapes;

use crate::{ErrorBody, Family, Format, ParseError};
use input::Input;

/// The most bytes of a body [`parse`] reads. Error bodies are far smaller; a longer body is
/// read up to the limit, which settles a success response, and is otherwise
/// [`ParseError::TooLarge`].
pub const MAX_BODY_LEN: usize = 1 << 20;

/// The deepest nesting [`parse`] follows, counted in XML elements or JSON objects and arrays.
/// Error bodies nest three levels deep; deeper is [`ParseError::TooDeep`].
pub const MAX_DEPTH: usize = 32;

/// Parses an error body of any family, telling the family and shape from the body itself.
///
/// Tolerant of what real servers send (see `tests/dialects/` for the servers and versions):
/// any whitespace and indentation, an XML declaration in any spelling, a byte order mark,
/// CDATA or escaped text, attributes and keys in any order, extra fields, codes as numbers
/// or numeric strings, JSONP (`callback(...)`, with or without `;`), the Madsonic root
/// `madsonic-response`, GNU FM's `{"error": {"#text": .., "code": ".."}}` and
/// `<lfm status="error">`. An XML body in another encoding than UTF-8 is decoded from what
/// its declaration names (ISO-8859-1, windows-1252, ...), from a UTF-16 byte order mark,
/// or from a declaration in UTF-16 without one (XML 1.0 Appendix F); strings then come
/// back owned, and error offsets count bytes of the decoded text. JSON is UTF-8 (RFC 8259
/// section 8.1): JSON in UTF-16, with or without a mark, is
/// [`ParseError::UnsupportedEncoding`], named as such.
///
/// A member that decides the error given twice (`{"error":6,"error":7}`, a second
/// `<error>` element where the error is, a code attribute twice) is
/// [`ParseError::Ambiguous`], never settled by the first or the last; members that decide
/// nothing may repeat.
///
/// A success response is [`ParseError::NotAnError`]; an HTML page, an empty, truncated or
/// otherwise unreadable body each has its own [`ParseError`], and so has the error body of
/// a web framework that is not the API's ([`ParseError::ForeignError`]). Never panics,
/// and reads at most [`MAX_BODY_LEN`] bytes nested at most [`MAX_DEPTH`] levels deep; only
/// the predefined XML entities and character references are expanded.
///
/// A success response is told apart without reading it to its end: an XML root without an
/// error child first, `status="ok"`, or a JSON object whose first member is none that an
/// error body starts with (`error`, `message`, `links`, `subsonic-response`,
/// `madsonic-response`, `code` or a standard problem details member). Use
/// [`crate::problem::parse`] for problem details whose extension members come first. An
/// error body is classified by all its members: problem details stay problem details
/// whatever extension members (`error`, `code`) they carry.
///
/// ```
/// use errors_wire::{Family, ParseError, Shape};
///
/// let body = br#"{"error":29,"message":"Rate Limit Exceeded","links":[]}"#;
/// let error = errors_wire::parse(body)?;
/// assert_eq!((error.family(), error.code, &*error.message), (Family::Lastfm, 29, "Rate Limit Exceeded"));
/// assert_eq!(error.shape, Shape::Lastfm);
///
/// let jsonp = br#"cb({"subsonic-response":{"status":"failed","error":{"code":40,"message":"Wrong username or password"}}});"#;
/// assert_eq!(errors_wire::parse(jsonp)?.code, 40);
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
    let (window, cut) = input::window(body);
    let big_endian = window.starts_with(&[0xfe, 0xff]);
    if big_endian || window.starts_with(&[0xff, 0xfe]) {
        return utf16::parse(window, cut, true, big_endian);
    }
    if let Some(big_endian) = utf16::unmarked(window) {
        return utf16::parse(window, cut, false, big_endian);
    }
    let bom = if window.starts_with(b"\xef\xbb\xbf") {
        3
    } else {
        0
    };
    let Some(first) = window
        .iter()
        .skip(bom)
        .position(|b| !b.is_ascii_whitespace())
        .map(|at| bom + at)
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
    let every_member = family == Some(Family::Problem);
    match rest.first() {
        Some(b'<') => xml_shapes::parse(Input {
            bytes: window.get(bom..).unwrap_or_default(),
            base: bom,
            cut,
            format: Format::Xml,
        }),
        Some(b'{' | b'[') => json_shapes::parse(
            Input {
                bytes: rest,
                base: first,
                cut,
                format: Format::Json,
            },
            every_member,
        ),
        _ => jsonp::parse(rest, first, cut, every_member).unwrap_or_else(|| {
            Err(ParseError::Unrecognised {
                found: ParseError::quote(&String::from_utf8_lossy(
                    rest.get(..ParseError::QUOTE_LEN).unwrap_or(rest),
                )),
            })
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
