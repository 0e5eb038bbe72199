//! RFC 9457 problem details for any catalog, in JSON (`application/problem+json`) and in
//! the XML format of RFC 9457 Appendix B (`application/problem+xml`).
//!
//! The error code travels as the numeric extension member `code`. JSON strings are escaped
//! as RFC 8259 requires and no more; the body is compact JSON without a final newline. The
//! XML body is a `<problem>` element in the namespace `urn:ietf:rfc:7807` with one child
//! element per member, in the same order, compact and without an XML declaration, as
//! Spring Framework writes it (6.0.5 and later, `ProblemDetailJacksonXmlMixin` with
//! jackson-dataformat-xml).

use crate::escape::{json, xml};
use crate::{ErrorBody, Family, Format, ParseError, num, read};

/// The media type of a problem details body in JSON.
pub const CONTENT_TYPE: &str = "application/problem+json";

/// The media type of a problem details body in XML (RFC 9457 Appendix B).
pub const XML_CONTENT_TYPE: &str = "application/problem+xml";

/// The namespace of the XML format's elements (RFC 9457 Appendix B keeps RFC 7807's).
pub const XML_NAMESPACE: &str = "urn:ietf:rfc:7807";

/// The media type of a problem details body in `format`.
pub const fn content_type(format: Format) -> &'static str {
    match format {
        Format::Xml => XML_CONTENT_TYPE,
        // Problem details have no JSONP: a JSONP request is answered in plain JSON.
        Format::Json | Format::Jsonp => CONTENT_TYPE,
    }
}

/// The standard members, in the order they are written. An extension member with one of
/// these names is not written, nor one whose name an earlier extension member has, so the
/// body never holds a name twice (RFC 8259 leaves what a reader makes of that open).
const STANDARD_MEMBERS: [&str; 6] = ["type", "title", "status", "detail", "instance", "code"];

/// A problem details object, as plain values. Absent members are not written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Problem<'a> {
    /// `type`: a URI reference that identifies the problem type (`about:blank` when absent).
    pub type_uri: Option<&'a str>,
    /// `title`: a short summary of the problem type.
    pub title: Option<&'a str>,
    /// `status`: the HTTP status code.
    pub status: Option<u16>,
    /// `detail`: an explanation of this occurrence; parsing returns it as the message.
    pub detail: Option<&'a str>,
    /// `instance`: a URI reference that identifies this occurrence.
    pub instance: Option<&'a str>,
    /// `code`: the API's error code.
    pub code: Option<u32>,
    /// Further extension members, written after the standard ones in this order; one named
    /// like a standard member or like an earlier extension member is left out.
    pub extensions: &'a [(&'a str, Value<'a>)],
}

/// The value of an extension member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Value<'a> {
    /// A JSON string.
    Str(&'a str),
    /// A JSON integer.
    Int(i64),
    /// A JSON boolean.
    Bool(bool),
}

/// Appends `problem` as a compact `application/problem+json` body.
///
/// Allocates nothing beyond growing `out`.
///
/// ```
/// use errors_wire::problem::{self, Problem};
///
/// let mut body = Vec::new();
/// let not_found = Problem { title: Some("Not Found"), status: Some(404), code: Some(4704), ..Problem::default() };
/// problem::render(&mut body, &not_found);
/// assert_eq!(body, br#"{"title":"Not Found","status":404,"code":4704}"#);
/// ```
pub fn render(out: &mut Vec<u8>, problem: &Problem<'_>) {
    let mut object = Object { out, empty: true };
    object.string("type", problem.type_uri);
    object.string("title", problem.title);
    if let Some(status) = problem.status {
        num::write_u64(object.member("status"), status.into());
    }
    object.string("detail", problem.detail);
    object.string("instance", problem.instance);
    if let Some(code) = problem.code {
        num::write_u64(object.member("code"), code.into());
    }
    for (at, (name, value)) in problem.extensions.iter().enumerate() {
        let earlier = problem.extensions.get(..at).unwrap_or_default();
        if STANDARD_MEMBERS.contains(name) || earlier.iter().any(|(seen, _)| seen == name) {
            continue;
        }
        let out = object.member(name);
        match value {
            Value::Str(text) => json::write_string(out, text),
            Value::Int(n) => num::write_i64(out, *n),
            Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        }
    }
    if object.empty {
        object.out.push(b'{');
    }
    object.out.push(b'}');
}

/// Appends `problem` as a compact `application/problem+xml` body (RFC 9457 Appendix B):
/// `<problem xmlns="urn:ietf:rfc:7807">` with a child element per member present, in the
/// order [`render`] writes them. An extension member whose name is not an XML name is not
/// written.
///
/// ```
/// use errors_wire::problem::{self, Problem};
///
/// let mut body = Vec::new();
/// let not_found = Problem { title: Some("Not Found"), status: Some(404), code: Some(4704), ..Problem::default() };
/// problem::render_xml(&mut body, &not_found);
/// assert_eq!(
///     body,
///     br#"<problem xmlns="urn:ietf:rfc:7807"><title>Not Found</title><status>404</status><code>4704</code></problem>"#
/// );
/// ```
pub fn render_xml(out: &mut Vec<u8>, problem: &Problem<'_>) {
    out.extend_from_slice(b"<problem xmlns=\"");
    out.extend_from_slice(XML_NAMESPACE.as_bytes());
    out.extend_from_slice(b"\">");
    let text = |out: &mut Vec<u8>, name: &str, value: Option<&str>| {
        if let Some(value) = value {
            element(out, name, |out| xml::write_text(out, value));
        }
    };
    text(out, "type", problem.type_uri);
    text(out, "title", problem.title);
    if let Some(status) = problem.status {
        element(out, "status", |out| num::write_u64(out, status.into()));
    }
    text(out, "detail", problem.detail);
    text(out, "instance", problem.instance);
    if let Some(code) = problem.code {
        element(out, "code", |out| num::write_u64(out, code.into()));
    }
    for (at, (name, value)) in problem.extensions.iter().enumerate() {
        let earlier = problem.extensions.get(..at).unwrap_or_default();
        if STANDARD_MEMBERS.contains(name)
            || earlier.iter().any(|(seen, _)| seen == name)
            || !is_xml_name(name)
        {
            continue;
        }
        element(out, name, |out| match value {
            Value::Str(text) => xml::write_text(out, text),
            Value::Int(n) => num::write_i64(out, *n),
            Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        });
    }
    out.extend_from_slice(b"</problem>");
}

/// `<name>content</name>`.
fn element(out: &mut Vec<u8>, name: &str, content: impl FnOnce(&mut Vec<u8>)) {
    out.push(b'<');
    out.extend_from_slice(name.as_bytes());
    out.push(b'>');
    content(out);
    out.extend_from_slice(b"</");
    out.extend_from_slice(name.as_bytes());
    out.push(b'>');
}

/// Whether `name` can be an element name as written: ASCII letters, digits, `_`, `-` and
/// `.`, starting with a letter or `_` (a narrower set than XML allows, and enough for
/// member names).
fn is_xml_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        && !name.get(..3).is_some_and(|x| x.eq_ignore_ascii_case("xml"))
}

/// A JSON object being written member by member.
struct Object<'o> {
    out: &'o mut Vec<u8>,
    empty: bool,
}

impl Object<'_> {
    /// Writes the separator and `"name":`, and hands back the buffer for the value.
    fn member(&mut self, name: &str) -> &mut Vec<u8> {
        self.out.push(if self.empty { b'{' } else { b',' });
        self.empty = false;
        json::write_string(self.out, name);
        self.out.push(b':');
        self.out
    }

    fn string(&mut self, name: &str, value: Option<&str>) {
        if let Some(value) = value {
            json::write_string(self.member(name), value);
        }
    }
}

/// Parses a problem details body, JSON or XML; it must carry the numeric `code` extension
/// member.
///
/// Unlike [`crate::parse`], which relies on the first member to tell a problem from a
/// success body, this reads every member, so extension members may come first.
pub fn parse(body: &[u8]) -> Result<ErrorBody<'_>, ParseError> {
    read::parse_as(body, Family::Problem)
}
