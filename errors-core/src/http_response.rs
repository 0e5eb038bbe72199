//! A [`Response`] as an [`http::Response`]: the status as a real [`StatusCode`] and the
//! headers as [`HeaderValue`]s, ready for any server built on the `http` crate (axum, hyper,
//! actix through its `http` interop).

use http::{HeaderValue, StatusCode, header};

use crate::Response;

impl Response {
    /// The HTTP status as a [`StatusCode`]; a number outside 100 to 999, which no catalog
    /// declares, becomes 500 Internal Server Error.
    #[must_use]
    pub fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

/// The status, `Content-Type`, `Retry-After` (when the error has one) and body; the body's
/// type is chosen by the caller (`Vec<u8>`, `bytes::Bytes`, axum's `Body`, anything a
/// `Vec<u8>` converts into).
///
/// ```
/// use errors_core::{subsonic::ErrorCode, ApiError, Format, RequestContext};
///
/// let rendered = ErrorCode::WrongCredentials.render(&RequestContext::new("1.16.1", Format::Json));
/// let content_type = rendered.content_type;
/// let response: http::Response<Vec<u8>> = rendered.into();
/// assert_eq!(response.status(), http::StatusCode::OK); // Subsonic errors come with 200
/// assert_eq!(response.headers()[http::header::CONTENT_TYPE], content_type);
/// ```
impl<B: From<Vec<u8>>> From<Response> for http::Response<B> {
    fn from(response: Response) -> Self {
        let status = response.status_code();
        let retry_after = response.retry_after_seconds();
        let mut out = http::Response::new(B::from(response.body));
        *out.status_mut() = status;
        let headers = out.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(response.content_type),
        );
        if let Some(seconds) = retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        out
    }
}
