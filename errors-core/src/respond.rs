//! Server side: turning an [`ApiError`] into the HTTP status, Content-Type and body a client
//! of a given API version and format expects. The bytes come from `errors_wire`; this module
//! only decides which code, message and shape the client gets.

use std::borrow::Cow;
use std::time::Duration;

use errors_wire::jsonp::Callback;
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
    callback: Option<Callback<'a>>,
    protocol_version: &'a str,
    locale: &'a str,
}

impl<'a> RequestContext<'a> {
    /// A client of API `version` asking for `format`.
    ///
    /// `version` is what the client sends: an id from the catalog's versions (`"3"` to
    /// `"8"` for Ampache, `"2.0"` for Last.fm, the protocol version such as `"1.16.1"` for
    /// Subsonic), or for Ampache a full version (`"6.0.0"`, `"5.5.6"`, `"350001"`) whose
    /// major number picks the API. A missing version, or one the catalog does not know, is
    /// answered as the catalog's [`default_version`](crate::ApiInfo::default_version). A
    /// Subsonic body never echoes it: its `version` is the server's own protocol version
    /// ([`RequestContext::protocol_version`]).
    #[must_use]
    pub const fn new(version: &'a str, format: Format) -> Self {
        RequestContext {
            version,
            format,
            action: "",
            legacy_codes: true,
            open_subsonic: None,
            callback: None,
            protocol_version: subsonic::DEFAULT_VERSION,
            locale: "",
        }
    }

    /// Subsonic: the protocol version the server speaks, written as the body's `version`;
    /// by default [`subsonic::DEFAULT_VERSION`] (`1.16.1`). It is the server's, never the
    /// client's: a client compares it with its own, and codes 20 and 30 say which side must
    /// upgrade (the reference server, Subsonic 5.0, sends its XSD's version with both).
    #[must_use]
    pub const fn protocol_version(mut self, version: &'a str) -> Self {
        self.protocol_version = version;
        self
    }

    /// The JSONP callback of a [`Format::Jsonp`] request (Subsonic `f=jsonp&callback=NAME`,
    /// Last.fm `format=json&callback=NAME`): the body becomes `NAME(...);`, sent as
    /// `application/javascript`. Check the request's text with
    /// [`Callback::new`](crate::wire::jsonp::Callback::new) first; a
    /// JSONP request without a valid callback gets plain JSON.
    #[must_use]
    pub const fn callback(mut self, callback: Callback<'a>) -> Self {
        self.callback = Some(callback);
        self
    }

    /// The locale to send messages in: a tag such as `de-AT`, matched against the catalog's
    /// locales with fallback (`de-AT`, then `de`), else the spec's default locale. Empty
    /// (the default) is the default locale. The axum extractor fills it from
    /// `Accept-Language` ([`locale::negotiate`](crate::locale::negotiate)).
    #[must_use]
    pub const fn locale(mut self, locale: &'a str) -> Self {
        self.locale = locale;
        self
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
    /// The `Retry-After` header, sent in delta-seconds (rounded up) when the error has one
    /// ([`ApiError::retry_after`]).
    pub retry_after: Option<Duration>,
}

impl Response {
    /// The `Retry-After` header value: whole delta-seconds (RFC 9110 section 10.2.3), a
    /// fraction of a second rounded up so that a client never comes back early.
    #[must_use]
    pub fn retry_after_seconds(&self) -> Option<u64> {
        self.retry_after.map(delta_seconds)
    }
}

/// A delay in whole seconds, rounded up.
pub(crate) fn delta_seconds(delay: Duration) -> u64 {
    delay
        .as_secs()
        .saturating_add(u64::from(delay.subsec_nanos() > 0))
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
    let message = if request.locale.is_empty() {
        error.message()
    } else {
        error.message_in(request.locale)
    };
    // Versions with legacy codes (Ampache API 3 and 4) send each code's legacy equivalent.
    let (code, message) = match code.legacy() {
        Some(legacy) if version.legacy_codes && request.legacy_codes => (
            legacy,
            legacy_message(code, legacy, message, request.locale),
        ),
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
    // A Subsonic body announces the server's protocol version, never the client's; a
    // version the API does not have is answered in the default version's shape, as its
    // status already is.
    let wire_version = match family {
        Family::Subsonic => request.protocol_version,
        Family::Ampache | Family::Lastfm | Family::Problem => match api.find(request.version) {
            Some(_) => request.version,
            None => version.id,
        },
    };
    let target = Target {
        open_subsonic: request.open_subsonic,
        callback: request.callback,
        ..Target::new(family, request.format, wire_version)
    };
    let mut body = Vec::with_capacity(256 + message.len());
    let content_type = errors_wire::render(&mut body, &target, &fields);
    Response {
        status,
        content_type,
        body,
        retry_after: error.retry_after(),
    }
}

/// The message sent with a legacy code: the legacy code's own default message, unless the
/// error carries a message of its own, which says more than the generic legacy text.
fn legacy_message<'m, C: Catalog>(
    code: C,
    legacy: C,
    message: Cow<'m, str>,
    locale: &str,
) -> Cow<'m, str> {
    if message == code.message_in(locale) {
        Cow::Borrowed(legacy.message_in(locale))
    } else {
        message
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{lastfm, subsonic};

    fn body(response: &Response) -> &str {
        std::str::from_utf8(&response.body).unwrap_or_default()
    }

    /// Code 30 tells an old server from a new client: the body carries the server's protocol
    /// version, whatever the client sent (Subsonic 5.0, `checkAPIVersion`).
    #[test]
    fn a_subsonic_body_announces_the_servers_protocol_version() {
        let error = subsonic::ErrorCode::ServerMustUpgrade;
        for client in ["1.99.0", "1.2.0", "opensubsonic", "<x>"] {
            let response = error.render(&RequestContext::new(client, Format::Xml));
            assert!(body(&response).contains(r#"version="1.16.1""#), "{client}");
            assert!(!body(&response).contains(client), "{client}");
            let response =
                error.render(&RequestContext::new(client, Format::Json).protocol_version("1.11.0"));
            assert!(
                body(&response).contains(r#""version" : "1.11.0""#),
                "{client}"
            );
        }
    }

    #[test]
    fn jsonp_calls_the_callback() {
        let callback = errors_wire::jsonp::Callback::new("app.onError").expect("a callback");
        let request = RequestContext::new("1.16.1", Format::Jsonp).callback(callback);
        let response = subsonic::ErrorCode::WrongCredentials.render(&request);
        assert_eq!(response.content_type, "application/javascript");
        let text = body(&response);
        assert!(
            text.starts_with("app.onError({") && text.ends_with("});"),
            "{text}"
        );
        let parsed = errors_wire::parse(&response.body).expect("JSONP reads back");
        assert_eq!((parsed.code, parsed.format), (40, Format::Jsonp));

        let request = RequestContext::new("2.0", Format::Jsonp).callback(callback);
        let response = lastfm::ErrorCode::InvalidParams.render(&request);
        assert_eq!(response.content_type, "application/javascript");
        assert!(body(&response).starts_with(r#"app.onError({"error":6,"#));
        // Without a callback there is nothing to call: plain JSON, labelled as JSON.
        let response =
            lastfm::ErrorCode::InvalidParams.render(&RequestContext::new("2.0", Format::Jsonp));
        assert_eq!(response.content_type, "application/json");
        assert!(body(&response).starts_with(r#"{"error":6,"#));
    }
}
