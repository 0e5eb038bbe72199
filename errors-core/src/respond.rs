//! Server side: turning an [`ApiError`] into the HTTP status, Content-Type and body a client
//! of a given API version and format expects. The bytes come from `errors_wire`; this module
//! only decides which code, message and shape the client gets.

use std::borrow::Cow;

use errors_wire::{ampache, lastfm, problem, subsonic};

use crate::{ApiError, Catalog, Family, Format};

/// What a client asked for: the API version it speaks and the body format, plus the few
/// request facts a shape carries.
///
/// ```
/// use errors_core::{Client, Format};
///
/// // An Ampache client that called `album` with `version=350001` (API 3.5) and XML.
/// let client = Client::new("350001", Format::Xml).action("album");
/// assert_eq!(client.format(), Format::Xml);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Client<'a> {
    version: &'a str,
    format: Format,
    action: &'a str,
    legacy_codes: bool,
    open_subsonic: Option<subsonic::OpenSubsonic<'a>>,
}

impl<'a> Client<'a> {
    /// A client of API `version` asking for `format`.
    ///
    /// `version` is what the client sends: an id from the catalog's versions (`"3"` to
    /// `"8"` for Ampache, `"2.0"` for Last.fm, the protocol version such as `"1.16.1"` for
    /// Subsonic), or for Ampache a full version (`"6.0.0"`, `"5.5.6"`, `"350001"`) whose
    /// major number picks the API. A version the catalog does not know is treated as its
    /// newest.
    #[must_use]
    pub const fn new(version: &'a str, format: Format) -> Self {
        Client {
            version,
            format,
            action: "",
            legacy_codes: true,
            open_subsonic: None,
        }
    }

    /// The method the client called (Ampache's `errorAction`); empty unless set.
    #[must_use]
    pub const fn action(mut self, action: &'a str) -> Self {
        self.action = action;
        self
    }

    /// Send codes as given even to versions that answer with legacy codes (Ampache API 3
    /// and 4), as the server does for its rewritten methods. By default such clients get
    /// each code's legacy equivalent, the code they understand.
    #[must_use]
    pub const fn codes_as_given(mut self) -> Self {
        self.legacy_codes = false;
        self
    }

    /// Answer as an OpenSubsonic server: `type`, `serverVersion` and `openSubsonic: true`
    /// in Subsonic bodies.
    #[must_use]
    pub const fn open_subsonic(mut self, server_type: &'a str, server_version: &'a str) -> Self {
        self.open_subsonic = Some(subsonic::OpenSubsonic {
            server_type,
            server_version,
        });
        self
    }

    /// The body format.
    #[must_use]
    pub const fn format(&self) -> Format {
        self.format
    }

    /// The version as the client sent it.
    #[must_use]
    pub const fn version(&self) -> &'a str {
        self.version
    }
}

/// An error ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The HTTP status.
    pub status: u16,
    /// The `Content-Type` header.
    pub content_type: &'static str,
    /// The body, byte for byte as the API's own server sends it.
    pub body: Vec<u8>,
}

/// Renders `error` for `client`; see [`ApiError::render`].
pub(crate) fn render<E: ApiError + ?Sized>(error: &E, client: &Client<'_>) -> Response {
    let api = <E::Catalog as Catalog>::API;
    let version = catalog_version::<E::Catalog>(client.version);
    let code = error.code();
    let message = error.message();
    let mut body = Vec::with_capacity(256 + message.len());
    let format = client.format;
    let content_type = match api.family {
        Family::Ampache => {
            let legacy_version = api.version(version).is_some_and(|v| v.legacy_codes);
            let (code, message) = match code.legacy() {
                Some(legacy) if legacy_version && client.legacy_codes => {
                    (legacy, legacy_message(code, legacy, message))
                }
                _ => (code, message),
            };
            let error_type = error
                .error_type()
                .or_else(|| code.error_types().first().copied())
                .unwrap_or_default();
            let wire = ampache::Error {
                code: code.code(),
                action: client.action,
                error_type,
                message: &message,
            };
            ampache::render(
                &mut body,
                ampache::ApiVersion::from_id(version),
                format,
                &wire,
            );
            ampache::content_type(format)
        }
        Family::Lastfm => {
            lastfm::render(&mut body, format, code.code(), &message);
            lastfm::content_type(format)
        }
        Family::Subsonic => {
            let wire = subsonic::Error {
                code: code.code(),
                message: &message,
                help_url: error.help_url(),
            };
            let protocol = subsonic::protocol_version(client.version);
            let options = subsonic::Options {
                open_subsonic: client.open_subsonic,
                ..subsonic::Options::for_code(wire.code, protocol)
            };
            subsonic::render(&mut body, format, &wire, &options);
            subsonic::content_type(format)
        }
    };
    Response {
        status: error.http_status(version),
        content_type,
        body,
    }
}

/// Renders `error` as RFC 9457 problem details; see [`ApiError::render_problem`].
pub(crate) fn render_problem<E: ApiError + ?Sized>(error: &E, version: &str) -> Response {
    let api = <E::Catalog as Catalog>::API;
    let version = catalog_version::<E::Catalog>(version);
    let code = error.code();
    let message = error.message();
    let status = error.http_status(version);
    let mut body = Vec::with_capacity(128 + message.len());
    let details = problem::Problem {
        type_uri: (!api.docs_url.is_empty()).then_some(api.docs_url),
        title: Some(code.title()),
        status: Some(status),
        detail: Some(&message),
        code: Some(code.code()),
        ..problem::Problem::default()
    };
    problem::render(&mut body, &details);
    Response {
        status,
        content_type: problem::CONTENT_TYPE,
        body,
    }
}

/// The id of the catalog version a client's version string means: the id itself, or for a
/// full version its major number (`"6.0.0"` -> `"6"`, Ampache's `"350001"` -> `"3"`), or
/// the newest version.
pub(crate) fn catalog_version<C: Catalog>(requested: &str) -> &'static str {
    let api = C::API;
    if let Some(version) = api.version(requested) {
        return version.id;
    }
    let major = errors_wire::version::major(requested);
    api.version(major).map_or(api.latest().id, |v| v.id)
}

/// The message sent with a legacy code: the legacy code's own default message, unless the
/// error carries a message of its own, which says more than the generic legacy text.
fn legacy_message<'m, C: Catalog>(code: C, legacy: C, message: Cow<'m, str>) -> Cow<'m, str> {
    if message == code.message() {
        Cow::Borrowed(legacy.message())
    } else {
        message
    }
}
