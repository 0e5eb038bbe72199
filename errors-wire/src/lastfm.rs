//! Last.fm error bodies.
//!
//! XML: `<lfm status="failed">` holding `<error code="N">` with the message as escaped
//! text. JSON: compact `{"error":N,"message":"..."}`, escaped as PHP's `json_encode`
//! escapes it (`/` as `\/`, non-ASCII as `\uXXXX`).
//!
//! Last.fm's HTTP status says little: code 16 comes with 503 and most errors with 200, so
//! clients read the body whatever the status (see [`crate::classify`]).

use crate::escape::{php_json, xml};
use crate::{ErrorBody, Family, Format, ParseError, num, read};

/// The `Content-Type` Last.fm sends with a body in `format`.
pub const fn content_type(format: Format) -> &'static str {
    match format {
        Format::Xml => "text/xml; charset=utf-8",
        Format::Json => "application/json",
        Format::Jsonp => crate::jsonp::CONTENT_TYPE,
    }
}

/// Appends the Last.fm error body for `code` and `message` in `format`. For
/// [`Format::Jsonp`] this is the JSON inside the call; [`crate::render`] writes the call.
///
/// Allocates nothing beyond growing `out`.
///
/// ```
/// use errors_wire::{Format, lastfm};
///
/// let mut body = Vec::new();
/// lastfm::render(&mut body, Format::Json, 6, "User not found");
/// assert_eq!(body, br#"{"error":6,"message":"User not found"}"#);
/// ```
pub fn render(out: &mut Vec<u8>, format: Format, code: u32, message: &str) {
    match format {
        Format::Xml => {
            out.extend_from_slice(
                b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lfm status=\"failed\">\n  <error code=\"",
            );
            num::write_u64(out, code.into());
            out.extend_from_slice(b"\">");
            xml::write_text(out, message);
            out.extend_from_slice(b"</error>\n</lfm>\n");
        }
        Format::Json | Format::Jsonp => {
            out.extend_from_slice(b"{\"error\":");
            num::write_u64(out, code.into());
            out.extend_from_slice(b",\"message\":");
            php_json::write_string(out, message);
            out.push(b'}');
        }
    }
}

/// Parses a Last.fm error body, XML or JSON.
///
/// A body of another family is [`ParseError::WrongFamily`]; see [`crate::parse`] for the
/// rest.
pub fn parse(body: &[u8]) -> Result<ErrorBody<'_>, ParseError> {
    read::parse_as(body, Family::Lastfm)
}
