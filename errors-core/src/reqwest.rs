//! The `reqwest` feature: a [`reqwest::Response`] read into the typed reply of a catalog.

use std::future::Future;
use std::time::SystemTime;

use reqwest::header::{CONTENT_TYPE, RETRY_AFTER};

use crate::{Catalog, ClientError, retry_after};

/// Reads a [`reqwest::Response`] as a client of an API: the body of a success, or the
/// API's error with its typed code and retry advice.
///
/// ```no_run
/// use errors_core::{lastfm::ErrorCode, ClientError, ResponseExt};
///
/// async fn artist_info(client: &reqwest::Client, url: &str) -> Result<Vec<u8>, ClientError<ErrorCode>> {
///     let response = client.get(url).send().await.map_err(errors_core::request_error)?;
///     response.reply::<ErrorCode>().await
/// }
/// ```
pub trait ResponseExt: Sized {
    /// The body of a success, or why the response is not one.
    ///
    /// Reads the HTTP status, Content-Type, Retry-After (delta-seconds or HTTP-date, as
    /// [`retry_after`] reads it, counted from when the headers came) and the body, and
    /// classifies them as [`Reply::from_http`](crate::Reply::from_http) does: an error body
    /// of the API is [`ClientError::Api`] whatever the status (Last.fm's 200 with code 16),
    /// any other response but a 2xx success is [`ClientError::Transport`] (a 503 HTML page,
    /// a 429 with an empty body), each with the retry advice of
    /// [`ClientError::retry`]. The body of a response with an error status is read up to
    /// [`errors_wire::MAX_BODY_LEN`] bytes, enough to tell what it is; a 2xx body is read
    /// whole, since it may be the success the caller wants.
    ///
    /// # Errors
    /// [`ClientError::Api`] and [`ClientError::Transport`] as above; [`ClientError::Request`]
    /// when reading the body fails (transient when reqwest says it timed out or the
    /// connection broke).
    fn reply<C: Catalog>(self) -> impl Future<Output = Result<Vec<u8>, ClientError<C>>> + Send;

    /// As [`reply`](ResponseExt::reply), with the API's message in the user's `locale` (a
    /// BCP 47 tag such as `de-AT`): the spec's translation of the code's message, falling
    /// back `de-AT`, `de`, then the spec's default locale ([`ClientError::with_locale`]);
    /// the server's own message stays in the error's `body.message`.
    ///
    /// ```no_run
    /// use errors_core::{ampache::ErrorCode, ClientError, ResponseExt};
    ///
    /// async fn song(client: &reqwest::Client, url: &str) -> Result<Vec<u8>, ClientError<ErrorCode>> {
    ///     let response = client.get(url).send().await.map_err(errors_core::request_error)?;
    ///     // A 4704 reads "Ampache API error 4704 (NotFound): Nicht gefunden (HTTP 404)".
    ///     response.reply_in::<ErrorCode>("de-AT").await
    /// }
    /// ```
    ///
    /// # Errors
    /// As [`reply`](ResponseExt::reply).
    fn reply_in<C: Catalog>(
        self,
        locale: &str,
    ) -> impl Future<Output = Result<Vec<u8>, ClientError<C>>> + Send;
}

impl ResponseExt for reqwest::Response {
    async fn reply<C: Catalog>(mut self) -> Result<Vec<u8>, ClientError<C>> {
        let http_status = self.status().as_u16();
        let headers = self.headers();
        let content_type = headers
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        let retry_after = headers
            .get(RETRY_AFTER)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| retry_after(value, SystemTime::now()));
        let bounded = !(200..300).contains(&http_status);
        let mut body = Vec::new();
        // One byte past the limit tells errors-wire that the body went on.
        while let Some(chunk) = self.chunk().await.map_err(request_error)? {
            if bounded && body.len() + chunk.len() > errors_wire::MAX_BODY_LEN {
                let room = errors_wire::MAX_BODY_LEN + 1 - body.len();
                body.extend_from_slice(&chunk[..room.min(chunk.len())]);
                break;
            }
            body.extend_from_slice(&chunk);
        }
        ClientError::<C>::from_parts(http_status, content_type.as_deref(), retry_after, &body)?;
        Ok(body)
    }

    async fn reply_in<C: Catalog>(self, locale: &str) -> Result<Vec<u8>, ClientError<C>> {
        self.reply::<C>()
            .await
            .map_err(|error| error.with_locale(locale))
    }
}

/// A [`reqwest::Error`] as [`ClientError::Request`]: transient when it is a timeout or a
/// failure to connect, or happened while reading the body of a request that was sent.
///
/// ```no_run
/// # async fn call(client: reqwest::Client) -> Result<(), errors_core::ClientError<errors_core::lastfm::ErrorCode>> {
/// let response = client.get("http://127.0.0.1:1/").send().await.map_err(errors_core::request_error)?;
/// # Ok(()) }
/// ```
#[must_use]
pub fn request_error<C: Catalog>(error: reqwest::Error) -> ClientError<C> {
    let transient = error.is_timeout() || error.is_connect() || error.is_body();
    ClientError::request(error, transient)
}
