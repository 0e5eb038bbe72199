//! RFC 9457 problem details (`application/problem+json`) for any catalog.
//!
//! The error code travels as the numeric extension member `code`. Strings are escaped as
//! RFC 8259 requires and no more; the body is compact JSON without a final newline.

use crate::escape::json;
use crate::{ErrorBody, Family, ParseError, num, read};

/// The media type of a problem details body.
pub const CONTENT_TYPE: &str = "application/problem+json";

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

/// Parses a problem details body; it must carry the numeric `code` extension member.
///
/// Unlike [`crate::parse`], which relies on the first member to tell a problem from a
/// success body, this reads every member, so extension members may come first.
pub fn parse(body: &[u8]) -> Result<ErrorBody<'_>, ParseError> {
    read::parse_as(body, Family::Problem)
}
