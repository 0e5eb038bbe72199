//! Client side: an HTTP response classified against a catalog, so that a client gets the
//! typed code and the spec's retry advice along with the message.

use errors_wire::{ErrorBody, TransportFailure};

use crate::{Catalog, Family, Retry};

/// What a response amounts to, for a client of catalog `C`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply<'a, C> {
    /// A 2xx response that carries no error.
    Success,
    /// The body is an error body of the API, whatever the HTTP status.
    Error(Received<'a, C>),
    /// Neither: the response did not come from the API as expected.
    Transport(TransportFailure),
}

/// An error body a client received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received<'a, C> {
    /// The code, typed when the catalog has it.
    pub code: Code<C>,
    /// The whole parsed body: the server's own message (`body.message`), shape and the
    /// fields only its shape carries.
    pub body: ErrorBody<'a>,
    /// The catalog locale [`Received::message`] speaks, set by [`Received::with_locale`].
    locale: Option<&'static str>,
}

/// A received code: one of the catalog's, or a number it does not have, kept as sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code<C> {
    /// A code of the catalog.
    Known(C),
    /// A number the catalog does not have, or a code from a body of another API family,
    /// which is never mapped to a code of this catalog.
    Unknown(u32),
}

impl<C: Catalog> Code<C> {
    /// The number as sent.
    #[must_use]
    pub fn as_u32(self) -> u32 {
        match self {
            Code::Known(code) => code.as_u32(),
            Code::Unknown(number) => number,
        }
    }
}

impl<C: Catalog> Received<'_, C> {
    /// The message: as the server sent it, or after [`Received::with_locale`] the spec's
    /// message for the code in that locale. A code the catalog does not have, and a spec
    /// message with `{name}` placeholders (which only the server can fill), keep the
    /// server's. The server's own stays in `body.message`.
    #[must_use]
    pub fn message(&self) -> &str {
        match (self.code, self.locale) {
            (Code::Known(code), Some(locale)) => {
                let template = code.message_in(locale);
                if template.contains(['{', '}']) {
                    &self.body.message
                } else {
                    template
                }
            }
            _ => &self.body.message,
        }
    }

    /// The error with its [`message`](Received::message) (and so its `Display`) in the
    /// user's `locale`, a BCP 47 tag such as `de-AT`: the spec's message for the code in
    /// that locale, falling back as [`locale::lookup`](crate::locale::lookup) does (`de-AT`,
    /// then `de`), else in the spec's default locale. Servers send their messages in one
    /// language, often with details (`Not Found: 1`), which the server's own message in
    /// `body.message` keeps.
    ///
    /// ```
    /// use errors_core::{ampache::ErrorCode, Code, Reply};
    ///
    /// // What an Ampache 8 server sends for an album that does not exist.
    /// let body = br#"{"error":{"errorCode":"4704","errorAction":"album","errorType":"filter","errorMessage":"Not Found: 1"}}"#;
    /// let Reply::Error(error) = Reply::<ErrorCode>::from_http(404, Some("application/json"), body) else {
    ///     panic!("an error body");
    /// };
    /// let error = error.with_locale("de-AT");
    /// assert_eq!(error.locale(), Some("de"));
    /// assert_eq!(error.message(), "Nicht gefunden");
    /// assert_eq!(error.to_string(), "Ampache API error 4704 (NotFound): Nicht gefunden");
    /// assert_eq!(error.body.message, "Not Found: 1");
    /// assert_eq!(error.with_locale("ja").message(), "Not Found"); // the spec's default locale
    /// ```
    #[must_use]
    pub fn with_locale(mut self, locale: &str) -> Self {
        let api = C::API;
        self.locale =
            Some(crate::locale::lookup(locale, api.locales).unwrap_or(api.default_locale));
        self
    }

    /// The catalog locale [`message`](Received::message) speaks, after
    /// [`with_locale`](Received::with_locale); `None` for the server's message as sent.
    #[must_use]
    pub fn locale(&self) -> Option<&'static str> {
        self.locale
    }

    /// What to do about the error, from the spec; `None` for a code the catalog does not
    /// have.
    #[must_use]
    pub fn retry(&self) -> Option<Retry> {
        match self.code {
            Code::Known(code) => Some(code.retry()),
            Code::Unknown(_) => None,
        }
    }

    /// Copies every borrowed string, detaching the error from the response body.
    #[must_use]
    pub fn into_owned(self) -> Received<'static, C> {
        Received {
            code: self.code,
            body: self.body.into_owned(),
            locale: self.locale,
        }
    }
}

impl<'a, C: Catalog> Reply<'a, C> {
    /// What a response amounts to, from its HTTP status, Content-Type and body, against
    /// catalog `C`.
    ///
    /// The body is read on every status: Last.fm sends code 16 with 503 and most errors
    /// with 200, Navidrome sends Subsonic errors with 429. A 2xx response whose body is no
    /// error body is a success (a success envelope, an empty body, a song or an image, a
    /// JSON array). An HTML page, a truncated or malformed body, or a body that is no error
    /// body with an error status is a transport failure that says what it found. The
    /// wire-level reading is [`errors_wire::classify`].
    ///
    /// ```
    /// use errors_core::{lastfm::ErrorCode, Code, Reply, Retry};
    ///
    /// let body = br#"{"error":29,"message":"Rate Limit Exceeded"}"#;
    /// let Reply::Error(error) = Reply::<ErrorCode>::from_http(200, Some("application/json"), body) else {
    ///     panic!("an error body");
    /// };
    /// assert_eq!(error.code, Code::Known(ErrorCode::RateLimitExceeded));
    /// assert_eq!(error.retry(), Some(Retry::Backoff));
    ///
    /// let page = b"<html><title>502 Bad Gateway</title></html>";
    /// let reply = Reply::<ErrorCode>::from_http(502, Some("text/html"), page);
    /// assert!(matches!(reply, Reply::Transport(_)));
    /// ```
    #[must_use]
    pub fn from_http(http_status: u16, content_type: Option<&str>, body: &'a [u8]) -> Self {
        match errors_wire::classify(http_status, content_type, body) {
            errors_wire::Outcome::Success => Reply::Success,
            errors_wire::Outcome::ApiError(body) => Reply::Error(Received::from_body(body)),
            errors_wire::Outcome::Transport(failure) => Reply::Transport(failure),
        }
    }
}

impl<'a, C: Catalog> Received<'a, C> {
    /// Types a parsed body's code against catalog `C`. A body of another family keeps its
    /// code as a number: Subsonic's 10 is not Last.fm's 10. Problem details carry any
    /// catalog's codes.
    #[must_use]
    pub fn from_body(body: ErrorBody<'a>) -> Self {
        let family = body.family();
        let ours = family == C::API.family || family == Family::Problem;
        let code = match C::from_code(body.code) {
            Some(code) if ours => Code::Known(code),
            _ => Code::Unknown(body.code),
        };
        Received {
            code,
            body,
            locale: None,
        }
    }
}
