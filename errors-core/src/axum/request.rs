//! [`ApiRequest`]: what a client asked for, read from its request the way each API family
//! reads it, never rejected.

use core::convert::Infallible;
use core::fmt;
use core::marker::PhantomData;
use std::borrow::Cow;
use std::sync::Arc;

use axum_core::extract::FromRequestParts;
use http::request::Parts;
use http::{HeaderMap, Uri, header};

use crate::locale;
use crate::wire::jsonp::Callback;
use crate::{Catalog, Family, Format, RequestContext};

/// What a client asked for, read from its request by the rules of catalog `C`'s API
/// family, with every missing or bad parameter falling back to the API's default:
///
/// | family | format | version | other |
/// |---|---|---|---|
/// | Subsonic | `f`: `xml` (default), `json`, `jsonp` | `v` | `c` (client), `callback`; the method from the path (`/rest/ping.view`) |
/// | Ampache | the path (`/server/json.server.php`, `/server/xml.server.php`), else `format`: `xml` (default), `json` | `version` | `action` |
/// | Last.fm | `format`: `xml` (default), `json`; `json` with `callback` is JSONP | none | `method` |
///
/// Parameters come from the query string and, when [`ApiLayer`](super::ApiLayer) runs, from an
/// `application/x-www-form-urlencoded` POST body (OpenSubsonic's `formPost`), query first.
/// The locale is negotiated from `Accept-Language` among the catalog's locales.
///
/// As an extractor it never rejects. Under [`ApiLayer`](super::ApiLayer) it is the layer's
/// reading (form body included), shared; without it, it reads the query, path and headers.
///
/// ```
/// use errors_core::{axum::ApiRequest, subsonic::ErrorCode, Format};
///
/// let request = http::Request::get("/rest/getSong.view?u=demo&v=1.16.1&c=app&f=jsonp&callback=cb&id=7")
///     .header("accept-language", "de-AT, en;q=0.5")
///     .body(())
///     .unwrap();
/// let request = ApiRequest::<ErrorCode>::from_parts(&request.into_parts().0, None);
/// assert_eq!(request.format(), Format::Jsonp);
/// assert_eq!(request.callback(), Some("cb"));
/// assert_eq!(request.client_version(), "1.16.1");
/// assert_eq!(request.client(), Some("app"));
/// assert_eq!(request.action(), "getSong");
/// assert_eq!(request.param("id").as_deref(), Some("7"));
/// assert_eq!(request.locale(), Some("en")); // the Subsonic catalog speaks English only
/// ```
pub struct ApiRequest<C> {
    read: Arc<Read>,
    catalog: PhantomData<fn() -> C>,
}

/// The facts read from one request.
#[derive(Debug, Clone)]
struct Read {
    format: Format,
    callback: Option<String>,
    version: String,
    client: Option<String>,
    action: String,
    locale: Option<&'static str>,
    /// The query and the form body as sent, joined by `&`: what [`Params`](super::Params)
    /// deserializes.
    encoded: Vec<u8>,
    open_subsonic: Option<(&'static str, &'static str)>,
}

impl<C: Catalog> ApiRequest<C> {
    /// Reads a request from its head and, for a form POST, its body (`form`: the
    /// `application/x-www-form-urlencoded` bytes). Never fails: percent-decoding replaces
    /// invalid UTF-8 with U+FFFD, and a missing or unknown value means the default.
    #[must_use]
    pub fn from_parts(parts: &Parts, form: Option<&[u8]>) -> Self {
        let mut encoded = parts.uri.query().unwrap_or_default().as_bytes().to_vec();
        if let Some(form) = form.filter(|form| !form.is_empty()) {
            if !encoded.is_empty() {
                encoded.push(b'&');
            }
            encoded.extend_from_slice(form);
        }
        Self::read(&parts.uri, &parts.headers, encoded)
    }

    fn read(uri: &Uri, headers: &HeaderMap, encoded: Vec<u8>) -> Self {
        // One pass over the parameters, keeping the first value of each name that matters;
        // values borrow from `encoded` unless percent-escaped. Only the pairs whose name
        // matters are decoded: a request carries credentials, ids and the like besides.
        let mut wanted: [Option<Cow<'_, str>>; WANTED.len()] = Default::default();
        for pair in encoded.split(|&byte| byte == b'&') {
            let (name, value) = match pair.iter().position(|&byte| byte == b'=') {
                Some(at) => (&pair[..at], &pair[at + 1..]),
                None => (pair, &[][..]),
            };
            let escaped = |bytes: &[u8]| bytes.iter().any(|&byte| byte == b'%' || byte == b'+');
            // Without `%` and `+` decoding is the identity: the names the families read are
            // compared as they are, and a plain UTF-8 value is its own text.
            let (name, value) = if escaped(name) {
                match form_urlencoded::parse(pair).next() {
                    Some(decoded) => decoded,
                    None => continue,
                }
            } else if WANTED.iter().any(|wanted| wanted.as_bytes() == name) {
                match std::str::from_utf8(value) {
                    Ok(text) if !escaped(value) => {
                        (String::from_utf8_lossy(name), Cow::Borrowed(text))
                    }
                    _ => match form_urlencoded::parse(pair).next() {
                        Some(decoded) => decoded,
                        None => continue,
                    },
                }
            } else {
                continue;
            };
            if let Some(at) = WANTED.iter().position(|wanted| *wanted == name)
                && wanted[at].is_none()
            {
                wanted[at] = Some(value);
            }
        }
        let find = |name: &str| {
            let at = WANTED.iter().position(|wanted| *wanted == name)?;
            wanted[at].as_deref()
        };
        let path = uri.path();
        let last_segment = path.rsplit('/').next().unwrap_or_default();
        // JSONP needs a callback that is a JavaScript identifier path; a request without
        // one is answered with plain JSON.
        let jsonp = |format: Format| match (format, find("callback")) {
            (Format::Json, Some(callback)) if Callback::new(callback).is_ok() => {
                (Format::Jsonp, Some(callback.to_owned()))
            }
            _ => (format, None),
        };
        let (format, callback, version, client, action) = match C::API.family {
            Family::Subsonic => {
                let (format, callback) = match find("f") {
                    Some("json") => (Format::Json, None),
                    Some("jsonp") => jsonp(Format::Json),
                    _ => (Format::Xml, None),
                };
                let action = last_segment.strip_suffix(".view").unwrap_or(last_segment);
                (format, callback, find("v"), find("c"), action)
            }
            Family::Ampache => {
                let format = match last_segment {
                    "json.server.php" => Format::Json,
                    "xml.server.php" => Format::Xml,
                    _ => format_param(find("format")),
                };
                let action = find("action").unwrap_or_default();
                (format, None, find("version"), None, action)
            }
            Family::Lastfm => {
                let (format, callback) = jsonp(format_param(find("format")));
                let action = find("method").unwrap_or_default();
                (format, callback, None, None, action)
            }
            Family::Problem => (Format::Json, None, None, None, ""),
        };
        let locale = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| locale::negotiate(value, C::API.locales));
        let read = Read {
            format,
            callback,
            version: version.unwrap_or_default().to_owned(),
            client: client.map(str::to_owned),
            action: action.to_owned(),
            locale,
            open_subsonic: None,
            encoded,
        };
        ApiRequest {
            read: Arc::new(read),
            catalog: PhantomData,
        }
    }

    /// Marks the request as one to an OpenSubsonic server (`type` and `serverVersion` in
    /// Subsonic bodies); [`ApiLayer::open_subsonic`](super::ApiLayer::open_subsonic) does it for
    /// every request.
    #[must_use]
    pub fn with_open_subsonic(
        self,
        server_type: &'static str,
        server_version: &'static str,
    ) -> Self {
        let mut request = self;
        Arc::make_mut(&mut request.read).open_subsonic = Some((server_type, server_version));
        request
    }

    /// The body format the client gets: [`Format::Jsonp`] only with a valid
    /// [`callback`](Self::callback).
    #[must_use]
    pub fn format(&self) -> Format {
        self.read.format
    }

    /// The JSONP callback, when the client asked for JSONP with a valid one (a JavaScript
    /// identifier path such as `cb` or `window.app.cb`).
    #[must_use]
    pub fn callback(&self) -> Option<&str> {
        self.read.callback.as_deref()
    }

    /// The API version as the client sent it (Subsonic `v`, Ampache `version`); empty when
    /// it sent none. Rendering resolves it against the catalog, falling back to its
    /// [`default_version`](crate::ApiInfo::default_version).
    #[must_use]
    pub fn client_version(&self) -> &str {
        &self.read.version
    }

    /// The client's name (Subsonic `c`).
    #[must_use]
    pub fn client(&self) -> Option<&str> {
        self.read.client.as_deref()
    }

    /// The method called: Ampache `action`, Last.fm `method`, or the Subsonic method named
    /// by the path (`ping` for `/rest/ping.view`); empty when unknown.
    #[must_use]
    pub fn action(&self) -> &str {
        &self.read.action
    }

    /// The catalog locale the client prefers by `Accept-Language` (a tag of
    /// [`ApiInfo::locales`](crate::ApiInfo::locales)); `None` for the catalog's default.
    #[must_use]
    pub fn locale(&self) -> Option<&'static str> {
        self.read.locale
    }

    /// Every parameter, query first, then the form body, as `(name, value)` pairs,
    /// percent-decoded (invalid UTF-8 as U+FFFD), decoded as they are iterated.
    pub fn params(&self) -> impl Iterator<Item = (Cow<'_, str>, Cow<'_, str>)> {
        form_urlencoded::parse(&self.read.encoded)
    }

    /// The first value of parameter `name`.
    #[must_use]
    pub fn param(&self, name: &str) -> Option<Cow<'_, str>> {
        self.params()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
    }
}

/// The parameters the families' requests are read from.
const WANTED: [&str; 8] = [
    "f", "v", "c", "callback", "format", "version", "action", "method",
];

/// `xml` unless the parameter says `json`.
fn format_param(value: Option<&str>) -> Format {
    match value {
        Some(value) if value.eq_ignore_ascii_case("json") => Format::Json,
        _ => Format::Xml,
    }
}

impl<C> ApiRequest<C> {
    /// The [`RequestContext`] errors are rendered for: the client's version, format, JSONP
    /// callback, action and locale.
    #[must_use]
    pub fn context(&self) -> RequestContext<'_> {
        let read = &*self.read;
        // (A Subsonic body reports the server's protocol version, whatever the client's.)
        let mut context = RequestContext::new(&read.version, read.format)
            .action(&read.action)
            .locale(read.locale.unwrap_or_default());
        if let Some(callback) = read.callback.as_deref().and_then(|c| Callback::new(c).ok()) {
            context = context.callback(callback);
        }
        match read.open_subsonic {
            Some((server_type, server_version)) => {
                context.open_subsonic(server_type, server_version)
            }
            None => context,
        }
    }

    /// The query and form body, joined.
    pub(super) fn encoded(&self) -> &[u8] {
        &self.read.encoded
    }

    /// The same reading, without its catalog: what [`scope`](super::scope) holds.
    pub(super) fn erased(&self) -> ApiRequest<()> {
        ApiRequest {
            read: Arc::clone(&self.read),
            catalog: PhantomData,
        }
    }
}

impl<C> Clone for ApiRequest<C> {
    fn clone(&self) -> Self {
        ApiRequest {
            read: Arc::clone(&self.read),
            catalog: PhantomData,
        }
    }
}

impl<C> fmt::Debug for ApiRequest<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiRequest")
            .field("format", &self.read.format)
            .field("callback", &self.read.callback)
            .field("version", &self.read.version)
            .field("action", &self.read.action)
            .field("locale", &self.read.locale)
            .finish_non_exhaustive()
    }
}

/// The layer's reading when [`ApiLayer`](super::ApiLayer) runs; otherwise read from the
/// request's head (the form body, if any, is not read here: extractors before the last
/// cannot take the body).
impl<C: Catalog, S: Send + Sync> FromRequestParts<S> for ApiRequest<C> {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Infallible> {
        Ok(match parts.extensions.get::<ApiRequest<C>>() {
            Some(read) => read.clone(),
            None => ApiRequest::from_parts(parts, None),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::subsonic;

    fn read(query: &str) -> ApiRequest<subsonic::ErrorCode> {
        let request = http::Request::get(format!("/rest/ping.view?{query}"))
            .body(())
            .unwrap_or_default();
        ApiRequest::from_parts(&request.into_parts().0, None)
    }

    /// Names and values are read as form_urlencoded decodes them, escaped or not: the
    /// plain ones without decoding, the rest through the library.
    #[test]
    fn escaped_and_plain_parameters_read_alike() {
        for query in [
            "v=1.16.1&c=app&f=json",
            "v=1.16.1&c=my+app&f=js%6Fn",
            "%76=1.2.0&%63=%E2%9C%93&%66=jsonp&callback=cb",
            "c=%FF%FE&v&f=jsonp&callback=a.b%2Ec",
            "c=first&c=second&&=&v=1=2",
            "c=a%2",
            "f=jsonp&callback=not+valid",
            "",
        ] {
            let request = read(query);
            let param = |name: &str| request.param(name).map(Cow::into_owned);
            assert_eq!(
                Some(request.client_version().to_owned()).filter(|v| !v.is_empty()),
                param("v").filter(|v| !v.is_empty()),
                "{query}"
            );
            assert_eq!(request.client().map(str::to_owned), param("c"), "{query}");
            let format = match param("f").as_deref() {
                Some("json") => Format::Json,
                Some("jsonp") if request.callback().is_some() => Format::Jsonp,
                Some("jsonp") => Format::Json,
                _ => Format::Xml,
            };
            assert_eq!(request.format(), format, "{query}");
            if let Some(callback) = request.callback() {
                assert_eq!(Some(callback.to_owned()), param("callback"), "{query}");
            }
        }
        let request = read("%76=1.2.0&%63=%E2%9C%93&%66=jsonp&callback=cb");
        assert_eq!(
            (request.client_version(), request.client(), request.format()),
            ("1.2.0", Some("✓"), Format::Jsonp)
        );
        assert_eq!(read("c=%FF%FE").client(), Some("\u{FFFD}\u{FFFD}"));
        assert_eq!(read("c=first&c=second").client(), Some("first"));
    }
}
