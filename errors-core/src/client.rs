//! Client side: why a call to an API failed, owned and an [`std::error::Error`], with the
//! retry advice a retry loop needs (the spec's advice, the HTTP status, Retry-After).

use std::error::Error;
use std::fmt;
use std::time::{Duration, SystemTime};

use errors_wire::TransportFailure;

use crate::{Catalog, Code, Received, Reply, Retry};

/// Why a call to an API did not succeed, as a client sees it: the API's own error, a
/// response that is not the API's, or no response at all.
///
/// Owned (`'static`), `Send` and `Sync`, with `Display` and [`std::error::Error`], so `?`
/// takes it into `Box<dyn Error>`, `anyhow::Error` or a `thiserror` `#[from]` variant.
/// [`ClientError::is_transient`] and [`ClientError::retry_after`] are what a retry loop
/// asks; with backon:
///
/// ```
/// use std::time::Duration;
///
/// use backon::{ExponentialBuilder, Retryable};
/// use errors_core::{lastfm::ErrorCode, ClientError, Reply};
///
/// async fn call() -> Result<Vec<u8>, ClientError<ErrorCode>> {
///     // With the `reqwest` feature: `response.reply::<ErrorCode>().await`.
///     let body = br#"{"error":29,"message":"Rate Limit Exceeded"}"#;
///     let headers = [("retry-after", "0")];
///     ClientError::from_response(429, Some("application/json"), &headers, body)
/// }
///
/// # tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap().block_on(async {
/// let result = call
///     .retry(ExponentialBuilder::default().with_max_times(2))
///     // Retry what the spec says to retry (29 is "backoff"), stop on the rest.
///     .when(|error| error.is_transient())
///     // Wait as long as the server asked, else as long as the backoff says.
///     .adjust(|error, backoff| backoff.map(|delay| error.retry_after().unwrap_or(delay)))
///     .await;
/// let error = result.unwrap_err();
/// assert_eq!(error.retry_after(), Some(Duration::ZERO));
/// # });
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum ClientError<C> {
    /// The API answered with one of its error bodies.
    Api {
        /// The error, its code typed against catalog `C` (boxed: a whole parsed body is
        /// large, and `Result`s carry this error by value).
        error: Box<Received<'static, C>>,
        /// The HTTP status it came with (Last.fm and Ampache up to API 6 send most errors
        /// with 200).
        http_status: u16,
        /// The response's Retry-After, as a delay from when the response came.
        retry_after: Option<Duration>,
    },
    /// A response that is not the API's: a proxy's HTML page, an empty or truncated body, a
    /// success body with an error status.
    Transport {
        /// What the body was, with the HTTP status.
        failure: TransportFailure,
        /// The response's Retry-After, as a delay from when the response came.
        retry_after: Option<Duration>,
    },
    /// No response could be read: connecting, sending or reading the body failed.
    Request {
        /// The HTTP client's error (`reqwest::Error` with the `reqwest` feature).
        source: Box<dyn Error + Send + Sync>,
        /// Whether sending again may succeed: a timeout or a refused connection, not a
        /// malformed URL.
        transient: bool,
    },
}

impl<C: Catalog> ClientError<C> {
    /// The body of a success, or why the response is not one, from what a response has:
    /// the HTTP status, Content-Type, headers (`(name, value)`, names in any case; only
    /// Retry-After is read) and body. See [`Reply::from_http`] for how the body is read.
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// use errors_core::{lastfm::ErrorCode, ClientError, Retry};
    ///
    /// let page = b"<html><title>503 Service Unavailable</title></html>";
    /// let headers = [("Retry-After", "120")];
    /// let error = ClientError::<ErrorCode>::from_response(503, Some("text/html"), &headers, page)
    ///     .unwrap_err();
    /// assert!(error.is_transient());
    /// assert_eq!(error.retry(), Some(Retry::Later));
    /// assert_eq!(error.retry_after(), Some(Duration::from_secs(120)));
    /// ```
    ///
    /// # Errors
    /// [`ClientError::Api`] for an error body of the API, whatever the status;
    /// [`ClientError::Transport`] for any other response but a 2xx success.
    pub fn from_response<'h>(
        http_status: u16,
        content_type: Option<&str>,
        headers: impl IntoIterator<Item = &'h (&'h str, &'h str)>,
        body: &[u8],
    ) -> Result<Vec<u8>, Self> {
        let retry_after = headers
            .into_iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("retry-after"))
            .and_then(|(_, value)| retry_after(value, SystemTime::now()));
        Self::from_parts(http_status, content_type, retry_after, body).map(|()| body.to_vec())
    }

    /// As [`ClientError::from_response`], with Retry-After already read: `Ok(())` for a
    /// success, whose body the caller keeps.
    pub(crate) fn from_parts(
        http_status: u16,
        content_type: Option<&str>,
        retry_after: Option<Duration>,
        body: &[u8],
    ) -> Result<(), Self> {
        match Reply::<C>::from_http(http_status, content_type, body) {
            Reply::Success => Ok(()),
            Reply::Error(error) => Err(ClientError::Api {
                error: Box::new(error.into_owned()),
                http_status,
                retry_after,
            }),
            Reply::Transport(failure) => Err(ClientError::Transport {
                failure,
                retry_after,
            }),
        }
    }

    /// The error of an HTTP client that got no response; `transient` when sending again may
    /// succeed (a timeout, a refused or reset connection).
    #[must_use]
    pub fn request(source: impl Into<Box<dyn Error + Send + Sync>>, transient: bool) -> Self {
        ClientError::Request {
            source: source.into(),
            transient,
        }
    }

    /// The error with the API's message in the user's `locale` (a BCP 47 tag such as
    /// `de-AT`), as [`Received::with_locale`] says; its `Display` follows. Only an error
    /// body of the API has a message of the spec's to translate.
    ///
    /// ```
    /// use errors_core::{ampache::ErrorCode, ClientError};
    ///
    /// let body = br#"{"error":{"errorCode":"4704","errorAction":"album","errorType":"filter","errorMessage":"Not Found: 1"}}"#;
    /// let error = ClientError::<ErrorCode>::from_response(404, Some("application/json"), &[], body)
    ///     .unwrap_err()
    ///     .with_locale("fr-CA");
    /// assert_eq!(error.to_string(), "Ampache API error 4704 (NotFound): Non trouvé (HTTP 404)");
    /// ```
    #[must_use]
    pub fn with_locale(self, locale: &str) -> Self {
        match self {
            ClientError::Api {
                error,
                http_status,
                retry_after,
            } => ClientError::Api {
                error: Box::new(error.with_locale(locale)),
                http_status,
                retry_after,
            },
            other => other,
        }
    }

    /// The API's error, when the API sent one.
    #[must_use]
    pub fn api_error(&self) -> Option<&Received<'static, C>> {
        match self {
            ClientError::Api { error, .. } => Some(error.as_ref()),
            _ => None,
        }
    }

    /// The code the API sent, when it sent an error body.
    #[must_use]
    pub fn code(&self) -> Option<Code<C>> {
        self.api_error().map(|error| error.code)
    }

    /// The HTTP status of the response; `None` when there was none.
    #[must_use]
    pub fn http_status(&self) -> Option<u16> {
        match self {
            ClientError::Api { http_status, .. } => Some(*http_status),
            ClientError::Transport { failure, .. } => Some(failure.http_status),
            ClientError::Request { .. } => None,
        }
    }

    /// What to do about the error: the spec's advice for a code of the catalog; for an
    /// unknown code or a response that is not the API's, what the HTTP status says
    /// ([`Retry::Backoff`] for 429, [`Retry::Later`] for 408, 425, 502, 503 and 504, and
    /// for any status when the response has Retry-After); [`Retry::Later`] for a transient
    /// request failure; `None` when nothing tells.
    #[must_use]
    pub fn retry(&self) -> Option<Retry> {
        match self {
            ClientError::Api {
                error,
                http_status,
                retry_after,
            } => error
                .retry()
                .or_else(|| status_retry(*http_status, retry_after.is_some())),
            ClientError::Transport {
                failure,
                retry_after,
            } => status_retry(failure.http_status, retry_after.is_some()),
            ClientError::Request { transient, .. } => transient.then_some(Retry::Later),
        }
    }

    /// Whether the same request may succeed if sent again, unchanged, after a wait
    /// ([`Retry::Later`], [`Retry::Backoff`] or [`Retry::Poll`]): what a retry loop's
    /// `when` asks. Re-authenticating is not transient: the request must change.
    #[must_use]
    pub fn is_transient(&self) -> bool {
        self.retry().is_some_and(is_transient)
    }

    /// How long the server asked to wait before the next request (Retry-After, RFC 9110
    /// section 10.2.3, in either form: delta-seconds, or an HTTP-date counted from when the
    /// response was read; a date in the past is zero). `None` without a valid Retry-After.
    #[must_use]
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            ClientError::Api { retry_after, .. } | ClientError::Transport { retry_after, .. } => {
                *retry_after
            }
            ClientError::Request { .. } => None,
        }
    }
}

/// The advice an HTTP status gives when the body gives none: RFC 9110's 408 and 503, RFC
/// 6585's 429, RFC 8470's 425, and gateways' 502 and 504; any status with Retry-After.
fn status_retry(http_status: u16, has_retry_after: bool) -> Option<Retry> {
    match http_status {
        429 => Some(Retry::Backoff),
        408 | 425 | 502 | 503 | 504 => Some(Retry::Later),
        _ if has_retry_after => Some(Retry::Later),
        _ => None,
    }
}

fn is_transient(retry: Retry) -> bool {
    matches!(retry, Retry::Later | Retry::Backoff | Retry::Poll)
}

/// A Retry-After header value (RFC 9110 section 10.2.3) as a delay from `now`:
/// delta-seconds (`120`) or an HTTP-date (`Fri, 31 Dec 1999 23:59:59 GMT`, and the two
/// obsolete date forms), a date before `now` being zero. `None` for anything else.
///
/// ```
/// use std::time::{Duration, SystemTime};
///
/// use errors_core::retry_after;
///
/// let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777); // 1994-11-06 08:49:37 UTC
/// assert_eq!(retry_after("120", now), Some(Duration::from_secs(120)));
/// assert_eq!(retry_after("Sun, 06 Nov 1994 08:50:07 GMT", now), Some(Duration::from_secs(30)));
/// assert_eq!(retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now), Some(Duration::ZERO));
/// assert_eq!(retry_after("soon", now), None);
/// ```
#[must_use]
pub fn retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // Delta-seconds too large for u64 mean "a very long time", not "invalid".
        return Some(Duration::from_secs(value.parse().unwrap_or(u64::MAX)));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

impl<C: Catalog> fmt::Display for ClientError<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientError::Api {
                error, http_status, ..
            } => write!(f, "{error} (HTTP {http_status})"),
            ClientError::Transport { failure, .. } => {
                write!(f, "{} did not answer: {failure}", C::API.title)
            }
            ClientError::Request { source, .. } => {
                write!(f, "request to {} failed: {source}", C::API.title)
            }
        }
    }
}

impl<C: Catalog> Error for ClientError<C> {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            ClientError::Api { error, .. } => Some(error.as_ref()),
            ClientError::Transport { failure, .. } => Some(failure),
            ClientError::Request { source, .. } => Some(source.as_ref()),
        }
    }
}

impl<C: Catalog> Received<'_, C> {
    /// Whether the same request may succeed if sent again after a wait: the spec's advice
    /// is [`Retry::Later`], [`Retry::Backoff`] or [`Retry::Poll`]. `false` for a code the
    /// catalog does not have.
    #[must_use]
    pub fn is_transient(&self) -> bool {
        self.retry().is_some_and(is_transient)
    }
}

/// `Ampache API error 4704 (NotFound): Not Found: 1`; `... error 4799: ...` for a code the
/// catalog does not have. The message is [`Received::message`]: in the user's locale after
/// [`Received::with_locale`].
impl<C: Catalog> fmt::Display for Received<'_, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let title = C::API.title;
        match self.code {
            Code::Known(code) => write!(
                f,
                "{title} error {} ({}): {}",
                code.as_u32(),
                code.name(),
                self.message()
            ),
            Code::Unknown(number) => write!(f, "{title} error {number}: {}", self.message()),
        }
    }
}

impl<C: Catalog> Error for Received<'_, C> {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lastfm::ErrorCode;

    const EPOCH: SystemTime = SystemTime::UNIX_EPOCH;

    #[test]
    fn retry_after_reads_both_forms_and_refuses_the_rest() {
        let now = EPOCH + Duration::from_secs(784_111_777);
        assert_eq!(retry_after(" 7 ", now), Some(Duration::from_secs(7)));
        assert_eq!(retry_after("0", now), Some(Duration::ZERO));
        assert_eq!(
            retry_after("99999999999999999999999", now),
            Some(Duration::from_secs(u64::MAX))
        );
        // RFC 850 and asctime forms, which RFC 9110 says a recipient must accept.
        assert_eq!(
            retry_after("Sunday, 06-Nov-94 08:49:47 GMT", now),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            retry_after("Sun Nov  6 08:49:57 1994", now),
            Some(Duration::from_secs(20))
        );
        for bad in ["", "-1", "1.5", "+3", "Sun, 06 Nov 1994", "tomorrow"] {
            assert_eq!(retry_after(bad, now), None, "{bad:?}");
        }
    }

    #[test]
    fn an_empty_429_is_backoff_and_keeps_retry_after() {
        let headers = [("RETRY-AFTER", "3")];
        let error = ClientError::<ErrorCode>::from_response(429, None, &headers, b"").unwrap_err();
        assert!(matches!(error, ClientError::Transport { .. }));
        assert_eq!(error.retry(), Some(Retry::Backoff));
        assert!(error.is_transient());
        assert_eq!(error.retry_after(), Some(Duration::from_secs(3)));
        assert_eq!(error.http_status(), Some(429));
        assert_eq!(error.code(), None);
    }

    #[test]
    fn the_spec_decides_for_known_codes_whatever_the_status() {
        let body = br#"{"error":10,"message":"Invalid API key"}"#;
        let error = ClientError::<ErrorCode>::from_response(503, None, &[], body).unwrap_err();
        assert_eq!(error.code(), Some(Code::Known(ErrorCode::InvalidApiKey)));
        assert!(!error.is_transient());
        let body =
            br#"{"error":16,"message":"There was a temporary error processing your request."}"#;
        let error = ClientError::<ErrorCode>::from_response(200, None, &[], body).unwrap_err();
        assert!(error.is_transient());
        assert_eq!(error.retry_after(), None);
        // An unknown code falls back to what the status says.
        let body = br#"{"error":99,"message":"?"}"#;
        let error = ClientError::<ErrorCode>::from_response(502, None, &[], body).unwrap_err();
        assert_eq!(error.code(), Some(Code::Unknown(99)));
        assert_eq!(error.retry(), Some(Retry::Later));
        let error = ClientError::<ErrorCode>::from_response(200, None, &[], body).unwrap_err();
        assert_eq!(error.retry(), None);
        assert!(!error.is_transient());
    }

    #[test]
    fn a_success_keeps_its_body_and_a_404_page_is_not_transient() {
        let body = br#"{"track":{"name":"x"}}"#;
        let ok = ClientError::<ErrorCode>::from_response(200, None, &[], body);
        assert_eq!(ok.ok().as_deref(), Some(&body[..]));
        let page = b"<html><title>404 Not Found</title></html>";
        let error = ClientError::<ErrorCode>::from_response(404, None, &[], page).unwrap_err();
        assert_eq!(error.retry(), None);
        assert!(!error.is_transient());
    }

    #[test]
    fn display_names_the_api_code_and_message() {
        let body = br#"{"error":29,"message":"Rate Limit Exceeded"}"#;
        let error = ClientError::<ErrorCode>::from_response(429, None, &[], body).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Last.fm API error 29 (RateLimitExceeded): Rate Limit Exceeded (HTTP 429)"
        );
        let source = error.source().map(ToString::to_string);
        assert_eq!(
            source.as_deref(),
            Some("Last.fm API error 29 (RateLimitExceeded): Rate Limit Exceeded")
        );
        let error = ClientError::<ErrorCode>::request("connection refused", true);
        assert_eq!(
            error.to_string(),
            "request to Last.fm API failed: connection refused"
        );
        assert_eq!(error.retry(), Some(Retry::Later));
    }
}
