//! Ampache error bodies, API 3 to 8.
//!
//! API 3 and 4 send the legacy shape, `<error code="N">` with the message as its text;
//! API 5, 6 and 8 send the modern one, `<error errorCode="N">` with `errorAction`,
//! `errorType` and `errorMessage`. JSON is PHP's `json_encode` with `JSON_PRETTY_PRINT`,
//! codes as strings and no final newline. API 3 has no JSON: the server answers a JSON
//! request with its default version's shape, the modern one, and so does [`render`].
//!
//! The code is written as given: a 47xx code in the legacy shape is what the server sends
//! for its rewritten methods under API 3 and 4.

use crate::escape::{php_json, xml};
use crate::{ErrorBody, ErrorFields, Family, Format, ParseError, num, read};

/// An Ampache API version that has its own error shape; 7 was never used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ApiVersion {
    /// API 3: legacy shape, XML only.
    V3,
    /// API 4: legacy shape.
    V4,
    /// API 5: modern shape.
    V5,
    /// API 6: modern shape.
    V6,
    /// API 8: modern shape.
    V8,
}

impl ApiVersion {
    /// Every version, oldest first.
    pub const ALL: [ApiVersion; 5] = [Self::V3, Self::V4, Self::V5, Self::V6, Self::V8];

    /// The version with this major number, if the server has it.
    pub const fn from_major(major: u32) -> Option<Self> {
        match major {
            3 => Some(Self::V3),
            4 => Some(Self::V4),
            5 => Some(Self::V5),
            6 => Some(Self::V6),
            8 => Some(Self::V8),
            _ => None,
        }
    }

    /// The version a catalog's version id names (`"6"`); an id the server does not know (a
    /// downstream spec's future version) gets the newest shape, as the server answers
    /// unknown versions with its default one.
    pub fn from_id(id: &str) -> Self {
        id.parse()
            .ok()
            .and_then(Self::from_major)
            .unwrap_or(Self::V8)
    }

    /// The major version number.
    pub const fn major(self) -> u32 {
        match self {
            Self::V3 => 3,
            Self::V4 => 4,
            Self::V5 => 5,
            Self::V6 => 6,
            Self::V8 => 8,
        }
    }

    /// Whether a body in `format` has the legacy shape (`code` and message only).
    pub const fn is_legacy(self, format: Format) -> bool {
        matches!(
            (self, format),
            (Self::V3, Format::Xml) | (Self::V4, Format::Xml | Format::Json | Format::Jsonp)
        )
    }
}

/// The `Content-Type` the server sends with a body in `format`. Ampache's own API has no
/// JSONP: [`Format::Jsonp`] gets JSON.
pub const fn content_type(format: Format) -> &'static str {
    match format {
        Format::Xml => "text/xml; charset=UTF-8",
        Format::Json | Format::Jsonp => "application/json; charset=UTF-8",
    }
}

/// Appends the body the server sends for `error` under `version` in `format`;
/// [`Format::Jsonp`] writes JSON, as Ampache's own API has no JSONP.
///
/// Allocates nothing beyond growing `out`.
///
/// ```
/// use errors_wire::{ErrorFields, Format, ampache};
///
/// let mut body = Vec::new();
/// let error = ErrorFields { code: 4704, action: "album", error_type: "filter", message: "Not Found: 1", ..ErrorFields::default() };
/// ampache::render(&mut body, ampache::ApiVersion::V8, Format::Xml, &error);
/// assert_eq!(
///     String::from_utf8(body).expect("rendered bodies are UTF-8"),
///     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root>\n  <error errorCode=\"4704\">\n    \
///      <errorAction><![CDATA[album]]></errorAction>\n    <errorType><![CDATA[filter]]></errorType>\n    \
///      <errorMessage><![CDATA[Not Found: 1]]></errorMessage>\n  </error>\n</root>\n",
/// );
/// ```
pub fn render(out: &mut Vec<u8>, version: ApiVersion, format: Format, error: &ErrorFields<'_>) {
    match (format, version.is_legacy(format)) {
        (Format::Xml, true) => legacy_xml(out, error),
        (Format::Xml, false) => modern_xml(out, error),
        (Format::Json | Format::Jsonp, true) => legacy_json(out, error),
        (Format::Json | Format::Jsonp, false) => modern_json(out, error),
    }
}

/// Parses an Ampache error body of either shape, in XML or JSON.
///
/// A body of another family is [`ParseError::WrongFamily`]; see [`crate::parse`] for the
/// rest.
pub fn parse(body: &[u8]) -> Result<ErrorBody<'_>, ParseError> {
    read::parse_as(body, Family::Ampache)
}

const XML_HEAD: &[u8] = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root>\n";
const XML_TAIL: &[u8] = b"\n</root>\n";

fn legacy_xml(out: &mut Vec<u8>, error: &ErrorFields<'_>) {
    out.extend_from_slice(XML_HEAD);
    out.extend_from_slice(b"  <error code=\"");
    num::write_u64(out, error.code.into());
    out.extend_from_slice(b"\">");
    xml::write_cdata(out, error.message);
    out.extend_from_slice(b"</error>");
    out.extend_from_slice(XML_TAIL);
}

fn modern_xml(out: &mut Vec<u8>, error: &ErrorFields<'_>) {
    out.extend_from_slice(XML_HEAD);
    out.extend_from_slice(b"  <error errorCode=\"");
    num::write_u64(out, error.code.into());
    out.extend_from_slice(b"\">\n    <errorAction>");
    xml::write_cdata(out, error.action);
    out.extend_from_slice(b"</errorAction>\n    <errorType>");
    xml::write_cdata(out, error.error_type);
    out.extend_from_slice(b"</errorType>\n    <errorMessage>");
    xml::write_cdata(out, error.message);
    out.extend_from_slice(b"</errorMessage>\n  </error>");
    out.extend_from_slice(XML_TAIL);
}

fn legacy_json(out: &mut Vec<u8>, error: &ErrorFields<'_>) {
    out.extend_from_slice(b"{\n    \"error\": {\n        \"code\": \"");
    num::write_u64(out, error.code.into());
    out.extend_from_slice(b"\",\n        \"message\": ");
    php_json::write_string(out, error.message);
    out.extend_from_slice(b"\n    }\n}");
}

fn modern_json(out: &mut Vec<u8>, error: &ErrorFields<'_>) {
    out.extend_from_slice(b"{\n    \"error\": {\n        \"errorCode\": \"");
    num::write_u64(out, error.code.into());
    out.extend_from_slice(b"\",\n        \"errorAction\": ");
    php_json::write_string(out, error.action);
    out.extend_from_slice(b",\n        \"errorType\": ");
    php_json::write_string(out, error.error_type);
    out.extend_from_slice(b",\n        \"errorMessage\": ");
    php_json::write_string(out, error.message);
    out.extend_from_slice(b"\n    }\n}");
}
