//! One body for any family: which shape a client gets is decided here, once, for the
//! servers, the fixtures and the command line alike.

use crate::jsonp::{self, Callback};
use crate::{Family, Format, ampache, lastfm, problem, subsonic, version};

/// The values an error body is rendered from. A shape that does not carry a field ignores
/// it, so one value serves every family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ErrorFields<'a> {
    /// The code, written as given.
    pub code: u32,
    /// The message: Ampache `errorMessage` (or the legacy element's text), Last.fm and
    /// Subsonic `message`, problem details `detail`.
    pub message: &'a str,
    /// Ampache `errorAction`: the method that failed. Only the modern shape carries it.
    pub action: &'a str,
    /// Ampache `errorType`: what was missing or which access level was required. Only the
    /// modern shape carries it.
    pub error_type: &'a str,
    /// OpenSubsonic `helpUrl`: a link that explains the error.
    pub help_url: Option<&'a str>,
    /// Problem details `title`: a short summary of the problem type.
    pub title: Option<&'a str>,
    /// Problem details `type`: a URI reference that identifies the problem type.
    pub type_uri: Option<&'a str>,
    /// Problem details `status`: the HTTP status code the body is sent with.
    pub status: Option<u16>,
}

impl<'a> ErrorFields<'a> {
    /// An error with `code` and `message` and no other field.
    pub const fn new(code: u32, message: &'a str) -> Self {
        ErrorFields {
            code,
            message,
            action: "",
            error_type: "",
            help_url: None,
            title: None,
            type_uri: None,
            status: None,
        }
    }
}

/// Whom a body is for: the family the API speaks, the format and version the client asked
/// for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Target<'a> {
    /// The API family.
    pub family: Family,
    /// The body format. Problem details in XML are RFC 9457 Appendix B's
    /// `application/problem+xml`.
    pub format: Format,
    /// The version as the client sent it. Ampache: an API version (`"6"`) or a full one
    /// (`"6.0.0"`, `"350001"`), whose major number picks the shape, the newest for a version
    /// the server does not have. Subsonic: the protocol version written into the body
    /// ([`subsonic::DEFAULT_VERSION`] when it is not one). Last.fm and problem details: unused.
    pub version: &'a str,
    /// Subsonic only: answer as an OpenSubsonic server.
    pub open_subsonic: Option<subsonic::OpenSubsonic<'a>>,
    /// The callback a [`Format::Jsonp`] body calls. Subsonic and Last.fm bodies are wrapped
    /// in it; without one, or for a family without JSONP (Ampache's own API, problem
    /// details), the body is plain JSON with JSON's `Content-Type`, as navidrome and
    /// supysonic answer a JSONP request whose callback is missing or refused.
    pub callback: Option<Callback<'a>>,
}

impl<'a> Target<'a> {
    /// A client of `family` asking for `format` in `version`, of a plain (not OpenSubsonic)
    /// server.
    pub const fn new(family: Family, format: Format, version: &'a str) -> Self {
        Target {
            family,
            format,
            version,
            open_subsonic: None,
            callback: None,
        }
    }

    /// A client of `family` asking for JSONP calling `callback`, in `version`.
    pub const fn jsonp(family: Family, version: &'a str, callback: Callback<'a>) -> Self {
        Target {
            callback: Some(callback),
            ..Target::new(family, Format::Jsonp, version)
        }
    }

    /// The format the body is written in: [`Format::Jsonp`] only when it gets its call.
    pub const fn body_format(&self) -> Format {
        match (self.format, self.callback, self.family) {
            (Format::Jsonp, Some(_), Family::Lastfm | Family::Subsonic) => Format::Jsonp,
            (Format::Jsonp, _, _) => Format::Json,
            (format, _, _) => format,
        }
    }

    /// The `Content-Type` a body for this target is sent with.
    pub const fn content_type(&self) -> &'static str {
        let format = self.body_format();
        match self.family {
            Family::Ampache => ampache::content_type(format),
            Family::Lastfm => lastfm::content_type(format),
            Family::Subsonic => subsonic::content_type(format),
            Family::Problem => problem::content_type(format),
        }
    }
}

/// Appends the body `target` gets for `fields`, byte for byte as the family's reference
/// server writes it, and returns its `Content-Type`.
///
/// ```
/// use errors_wire::{ErrorFields, Family, Format, Target};
///
/// let mut body = Vec::new();
/// let fields = ErrorFields { code: 6, message: "User not found", ..ErrorFields::default() };
/// let content_type = errors_wire::render(&mut body, &Target::new(Family::Lastfm, Format::Json, "2.0"), &fields);
/// assert_eq!(body, br#"{"error":6,"message":"User not found"}"#);
/// assert_eq!(content_type, "application/json");
/// ```
///
/// JSONP, for a Subsonic or Last.fm client that sent a callback:
///
/// ```
/// use errors_wire::jsonp::Callback;
/// use errors_wire::{ErrorFields, Family, Target};
///
/// let callback = Callback::new("app.onError")?;
/// let mut body = Vec::new();
/// let fields = ErrorFields::new(6, "User not found");
/// let content_type = errors_wire::render(&mut body, &Target::jsonp(Family::Lastfm, "2.0", callback), &fields);
/// assert_eq!(body, br#"app.onError({"error":6,"message":"User not found"});"#);
/// assert_eq!(content_type, "application/javascript");
/// # Ok::<(), errors_wire::jsonp::InvalidCallback>(())
/// ```
pub fn render(out: &mut Vec<u8>, target: &Target<'_>, fields: &ErrorFields<'_>) -> &'static str {
    let callback = match target.body_format() {
        Format::Jsonp => target.callback,
        Format::Xml | Format::Json => None,
    };
    if let Some(callback) = callback {
        jsonp::open(out, callback);
    }
    match target.family {
        Family::Ampache => {
            let api = ampache::ApiVersion::from_id(version::major(target.version));
            ampache::render(out, api, target.format, fields);
        }
        Family::Lastfm => lastfm::render(out, target.format, fields.code, fields.message),
        Family::Subsonic => {
            let protocol = subsonic::protocol_version(target.version);
            let options = subsonic::Options {
                open_subsonic: target.open_subsonic,
                ..subsonic::Options::for_code(fields.code, protocol)
            };
            subsonic::render(out, target.format, fields, &options);
        }
        Family::Problem => {
            let details = problem::Problem {
                type_uri: fields.type_uri,
                title: fields.title,
                status: fields.status,
                detail: Some(fields.message),
                code: Some(fields.code),
                ..problem::Problem::default()
            };
            match target.body_format() {
                Format::Xml => problem::render_xml(out, &details),
                Format::Json | Format::Jsonp => problem::render(out, &details),
            }
        }
    }
    if callback.is_some() {
        jsonp::close(out);
    }
    target.content_type()
}
