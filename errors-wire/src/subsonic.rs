//! Subsonic and OpenSubsonic error bodies.
//!
//! The layout is that of the reference corpus (Ampache 6.1.6's Subsonic API): XML with a
//! three-space indent and `<error code="N" message=".."/>` as an empty element; JSON with a
//! three-space indent, `" : "` between key and value and the code as a number. JSON strings
//! are escaped as RFC 8259 requires and no more: non-ASCII stays raw UTF-8.

use crate::escape::{json, xml};
use crate::{ErrorBody, ErrorFields, Family, Format, ParseError, num, read};

/// The protocol version [`Options::default`] announces.
pub const DEFAULT_VERSION: &str = "1.16.1";

/// How the response around the error is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Options<'a> {
    /// The protocol version (`version`).
    pub version: &'a str,
    /// The OpenSubsonic server fields, or `None` for a plain Subsonic server.
    pub open_subsonic: Option<OpenSubsonic<'a>>,
    /// The XML layout.
    pub xml_layout: XmlLayout,
    /// Whether the JSON body ends with a newline; the reference server's bodies do not.
    pub json_final_newline: bool,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Self {
            version: DEFAULT_VERSION,
            open_subsonic: None,
            xml_layout: XmlLayout::Standard,
            json_final_newline: false,
        }
    }
}

/// The protocol version a body announces for a client's version string: the string itself
/// when it is a protocol version (`1.16.1`), else [`DEFAULT_VERSION`] (a catalog version
/// such as `opensubsonic` is not one).
pub fn protocol_version(requested: &str) -> &str {
    if requested.starts_with(|c: char| c.is_ascii_digit()) {
        requested
    } else {
        DEFAULT_VERSION
    }
}

/// The `Content-Type` of a body in `format`: Subsonic servers (the reference one is
/// Ampache's) label XML and JSON bodies as Ampache does; JSONP is `application/javascript`
/// (navidrome, gonic, Airsonic).
pub const fn content_type(format: Format) -> &'static str {
    match format {
        Format::Jsonp => crate::jsonp::CONTENT_TYPE,
        Format::Xml | Format::Json => crate::ampache::content_type(format),
    }
}

impl<'a> Options<'a> {
    /// The options the reference server writes an error of `code` with, in protocol
    /// `version`. It sends its "client must upgrade" error (code 20) from a path of its own:
    /// bare XML (no declaration, no namespace, no indent) and JSON with a final newline. Every
    /// other code has the standard layout; only code 20 is known to take that path, since the
    /// reference corpus shows it and code 30 is also sent from method handlers.
    pub fn for_code(code: u32, version: &'a str) -> Self {
        const CLIENT_MUST_UPGRADE: u32 = 20;
        let own_path = code == CLIENT_MUST_UPGRADE;
        Self {
            version,
            xml_layout: if own_path {
                XmlLayout::Bare
            } else {
                XmlLayout::Standard
            },
            json_final_newline: own_path,
            ..Self::default()
        }
    }
}

/// The fields an OpenSubsonic server adds to every response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OpenSubsonic<'a> {
    /// `type`: the server's name, e.g. `ampache` or `navidrome`.
    pub server_type: &'a str,
    /// `serverVersion`: the server's own version.
    pub server_version: &'a str,
}

/// The XML layout of the response element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum XmlLayout {
    /// An XML declaration, the `xmlns` of the Subsonic REST API and a three-space indent.
    #[default]
    Standard,
    /// No declaration, no `xmlns`, no indent: the layout of the reference server's
    /// protocol-version error.
    Bare,
}

/// Appends the Subsonic error body for `error` in `format`. For [`Format::Jsonp`] this is
/// the JSON inside the call; [`crate::render`] writes the call.
///
/// Allocates nothing beyond growing `out`.
///
/// ```
/// use errors_wire::{ErrorFields, Format, subsonic};
///
/// let mut body = Vec::new();
/// let error = ErrorFields { code: 40, message: "Wrong username or password.", ..ErrorFields::default() };
/// subsonic::render(&mut body, Format::Xml, &error, &subsonic::Options::default());
/// assert_eq!(
///     String::from_utf8(body).expect("rendered bodies are UTF-8"),
///     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<subsonic-response \
///      xmlns=\"http://subsonic.org/restapi\" status=\"failed\" version=\"1.16.1\">\n   \
///      <error code=\"40\" message=\"Wrong username or password.\"/>\n</subsonic-response>\n",
/// );
/// ```
pub fn render(out: &mut Vec<u8>, format: Format, error: &ErrorFields<'_>, options: &Options<'_>) {
    match format {
        Format::Xml => render_xml(out, error, options),
        Format::Json | Format::Jsonp => render_json(out, error, options),
    }
}

/// Parses a Subsonic error body, XML or JSON.
///
/// A body of another family is [`ParseError::WrongFamily`]; see [`crate::parse`] for the
/// rest.
pub fn parse(body: &[u8]) -> Result<ErrorBody<'_>, ParseError> {
    read::parse_as(body, Family::Subsonic)
}

fn render_xml(out: &mut Vec<u8>, error: &ErrorFields<'_>, options: &Options<'_>) {
    let indent: &[u8] = match options.xml_layout {
        XmlLayout::Standard => {
            out.extend_from_slice(
                b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<subsonic-response \
                  xmlns=\"http://subsonic.org/restapi\" status=\"failed\" version=\"",
            );
            b"   "
        }
        XmlLayout::Bare => {
            out.extend_from_slice(b"<subsonic-response status=\"failed\" version=\"");
            b""
        }
    };
    xml::write_attr(out, options.version);
    if let Some(server) = &options.open_subsonic {
        out.extend_from_slice(b"\" type=\"");
        xml::write_attr(out, server.server_type);
        out.extend_from_slice(b"\" serverVersion=\"");
        xml::write_attr(out, server.server_version);
        out.extend_from_slice(b"\" openSubsonic=\"true");
    }
    out.extend_from_slice(b"\">\n");
    out.extend_from_slice(indent);
    out.extend_from_slice(b"<error code=\"");
    num::write_u64(out, error.code.into());
    out.extend_from_slice(b"\" message=\"");
    xml::write_attr(out, error.message);
    if let Some(help_url) = error.help_url {
        out.extend_from_slice(b"\" helpUrl=\"");
        xml::write_attr(out, help_url);
    }
    out.extend_from_slice(b"\"/>\n</subsonic-response>\n");
}

fn render_json(out: &mut Vec<u8>, error: &ErrorFields<'_>, options: &Options<'_>) {
    out.extend_from_slice(
        b"{\n   \"subsonic-response\" : {\n      \"status\" : \"failed\",\n      \"version\" : ",
    );
    json::write_string(out, options.version);
    if let Some(server) = &options.open_subsonic {
        out.extend_from_slice(b",\n      \"type\" : ");
        json::write_string(out, server.server_type);
        out.extend_from_slice(b",\n      \"serverVersion\" : ");
        json::write_string(out, server.server_version);
        out.extend_from_slice(b",\n      \"openSubsonic\" : true");
    }
    out.extend_from_slice(b",\n      \"error\" : {\n         \"code\" : ");
    num::write_u64(out, error.code.into());
    out.extend_from_slice(b",\n         \"message\" : ");
    json::write_string(out, error.message);
    if let Some(help_url) = error.help_url {
        out.extend_from_slice(b",\n         \"helpUrl\" : ");
        json::write_string(out, help_url);
    }
    out.extend_from_slice(b"\n      }\n   }\n}");
    if options.json_final_newline {
        out.push(b'\n');
    }
}
