//! Server side: turning an [`ApiError`] into the HTTP status, Content-Type and body a client
//! of a given API version and format expects. The bytes come from `errors_wire`; this module
//! only decides which code, message and shape the client gets.

use std::borrow::Cow;

use errors_wire::{ErrorFields, Target, subsonic};

use crate::{ApiError, Catalog, Family, Format};

/// What the client of a request asked for, as a server sees it: the API version it speaks
/// and the body format, plus the few request facts a body shape carries.
///
/// ```
/// use errors_core::{RequestContext, Format};
///
/// // An Ampache client that called `album` with `version=350001` (API 3.5) and XML.
/// let request = RequestContext::new("350001", Format::Xml).action("album");
/// assert_eq!(request.format(), Format::Xml);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestContext<'a> {
    version: &'a str,
    format: Format,
    action: &'a str,
    legacy_codes: bool,
    open_subsonic: Option<subsonic::OpenSubsonic<'a>>,
}

impl<'a> RequestContext<'a> {
    /// A client of API `version` asking for `format`.
    ///
    /// `version` is what the client sends: an id from the catalog's versions (`"3"` to
    /// `"8"` for Ampache, `"2.0"` for Last.fm, the protocol version such as `"1.16.1"` for
    /// Subsonic), or for Ampache a full version (`"6.0.0"`, `"5.5.6"`, `"350001"`) whose
    /// major number picks the API. A version the catalog does not know is treated as its
    /// newest.
    #[must_use]
    pub const fn new(version: &'a str, format: Format) -> Self {
        RequestContext {
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

/// Renders `error` for `request`; see [`ApiError::render`].
pub(crate) fn render<E: ApiError + ?Sized>(error: &E, request: &RequestContext<'_>) -> Response {
    render_as(error, request, <E::Catalog as Catalog>::API.family)
}

/// Renders `error` as RFC 9457 problem details; see [`ApiError::render_problem`].
pub(crate) fn render_problem<E: ApiError + ?Sized>(error: &E, version: &str) -> Response {
    // Problem details carry the code as given: legacy equivalents belong to Ampache's shape.
    let request = RequestContext::new(version, Format::Json).codes_as_given();
    render_as(error, &request, Family::Problem)
}

/// Renders `error` for `request` in the shape of `family`: the one path every response
/// takes, whatever envelope it is sent in.
fn render_as<E: ApiError + ?Sized>(
    error: &E,
    request: &RequestContext<'_>,
    family: Family,
) -> Response {
    let api = <E::Catalog as Catalog>::API;
    let version = api.resolve(request.version);
    let code = error.code();
    let message = error.message();
    // Versions with legacy codes (Ampache API 3 and 4) send each code's legacy equivalent.
    let (code, message) = match code.legacy() {
        Some(legacy) if version.legacy_codes && request.legacy_codes => {
            (legacy, legacy_message(code, legacy, message))
        }
        _ => (code, message),
    };
    let status = error.http_status(version.id);
    let fields = ErrorFields {
        code: code.as_u32(),
        message: &message,
        action: request.action,
        error_type: error
            .error_type()
            .or_else(|| code.error_types().first().copied())
            .unwrap_or_default(),
        help_url: error.help_url(),
        title: Some(code.title()),
        type_uri: (!api.docs_url.is_empty()).then_some(api.docs_url),
        status: Some(status),
    };
    let target = Target {
        open_subsonic: request.open_subsonic,
        ..Target::new(family, request.format, request.version)
    };
    let mut body = Vec::with_capacity(256 + message.len());
    let content_type = errors_wire::render(&mut body, &target, &fields);
    Response {
        status,
        content_type,
        body,
    }
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
