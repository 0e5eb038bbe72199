//! Telling success, an API error and a transport failure apart, as a client must.

use std::fmt;

use crate::{ErrorBody, ParseError, parse, problem};

/// What an HTTP response amounts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome<'a> {
    /// A 2xx response that carries no error.
    Success,
    /// The body is an API error body, whatever the HTTP status.
    ApiError(ErrorBody<'a>),
    /// Neither: the response did not come from the API as expected.
    Transport(TransportFailure),
}

/// A response that is neither a success nor an API error, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TransportFailure {
    /// The HTTP status of the response.
    pub http_status: u16,
    /// What the body was instead of an error body, e.g. [`ParseError::Html`] for a gateway's
    /// page, or [`ParseError::NotAnError`] for a success body sent with an error status.
    pub body: ParseError,
}

impl fmt::Display for TransportFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {}: {}", self.http_status, self.body)
    }
}

impl std::error::Error for TransportFailure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.body)
    }
}

/// Classifies a response for a client.
///
/// The body is read on every status: Last.fm sends code 16 with 503 and most errors with
/// 200, Navidrome sends Subsonic errors with 429. A body typed `application/problem+json`
/// or `application/problem+xml` is read as problem details.
///
/// A 2xx response is a success unless its body is an error body or is broken: a success
/// envelope, an empty body, a body that is neither XML nor JSON (a song a Subsonic
/// `stream` sends, the image of `getCoverArt`), and an XML or JSON document whose root is
/// no API's (a JSON array) all carry no error. An HTML page, a truncated, malformed,
/// ambiguous or too large body stays a transport failure on 2xx too: what the API meant
/// cannot be told. On any other status, a body that is no error body is a transport
/// failure.
///
/// ```
/// use errors_wire::{Outcome, ParseError, classify};
///
/// let gateway = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
/// let Outcome::Transport(failure) = classify(502, Some("text/html"), gateway) else { panic!() };
/// assert_eq!(failure.body, ParseError::Html { title: Some("502 Bad Gateway".into()) });
///
/// let busy = br#"{"error":16,"message":"There was a temporary error processing your request."}"#;
/// let Outcome::ApiError(error) = classify(503, Some("application/json"), busy) else { panic!() };
/// assert_eq!(error.code, 16);
///
/// let cover_art = b"\x89PNG\r\n\x1a\n";
/// assert_eq!(classify(200, Some("image/png"), cover_art), Outcome::Success);
/// assert_eq!(classify(200, Some("application/json"), b"[1,2]"), Outcome::Success);
/// ```
pub fn classify<'a>(http_status: u16, content_type: Option<&str>, body: &'a [u8]) -> Outcome<'a> {
    let parsed = if content_type.is_some_and(is_problem) {
        problem::parse(body)
    } else {
        parse(body)
    };
    let success = (200..300).contains(&http_status);
    match parsed {
        Ok(error) => Outcome::ApiError(error),
        Err(
            ParseError::NotAnError { .. }
            | ParseError::Empty
            | ParseError::Unrecognised { .. }
            | ParseError::UnexpectedRoot { .. },
        ) if success => Outcome::Success,
        Err(body) => Outcome::Transport(TransportFailure { http_status, body }),
    }
}

fn is_problem(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case(problem::CONTENT_TYPE)
        || essence.eq_ignore_ascii_case(problem::XML_CONTENT_TYPE)
}
