//! Rendering bound to a request: [`ForRequest::for_request`] for handlers that hold an
//! [`ApiRequest`], and the deferred response an [`ApiError`] becomes when a handler returns
//! it with `?`, which [`ApiLayer`](super::ApiLayer) renders for the request.

use core::pin::Pin;
use core::task::{Context, Poll};
use std::borrow::Cow;
use std::sync::Arc;
use std::time::Duration;

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response as AxumResponse};
use http::{HeaderValue, header};
use http_body::{Body as HttpBody, Frame};

use super::ApiRequest;
use super::scope::with_answering;
use crate::{ApiError, Catalog, Format, RequestContext, Response};

/// Binds an error to the request it answers, so that it can be returned from a handler.
///
/// ```
/// use axum_core::response::IntoResponse;
/// use errors_core::axum::{ApiRequest, ForRequest};
/// use errors_core::subsonic::ErrorCode;
///
/// let request = http::Request::get("/rest/ping?f=json").body(()).unwrap();
/// let request = ApiRequest::<ErrorCode>::from_parts(&request.into_parts().0, None);
/// let response = ErrorCode::WrongCredentials.for_request(&request).into_response();
/// assert_eq!(response.headers()["content-type"], "application/json; charset=UTF-8");
/// ```
pub trait ForRequest: ApiError + Sized {
    /// The error as the response `request`'s client expects: its format (JSONP included),
    /// version and action.
    fn for_request<C: Catalog>(self, request: &ApiRequest<C>) -> RequestBound<Self, C> {
        RequestBound {
            error: self,
            request: request.clone(),
        }
    }
}

impl<E: ApiError> ForRequest for E {}

/// An error bound to a request; its [`IntoResponse`] renders it for that request.
#[derive(Debug)]
pub struct RequestBound<E, C> {
    error: E,
    request: ApiRequest<C>,
}

impl<E: ApiError, C: Catalog> IntoResponse for RequestBound<E, C> {
    fn into_response(self) -> AxumResponse {
        self.error.render(&self.request.context()).into()
    }
}

/// What an error returned with `?` leaves in its response's extensions for
/// [`ApiLayer`](super::ApiLayer): everything it renders from, owned, and the status and
/// `Content-Type` of the placeholder response it made.
#[derive(Clone)]
pub(crate) struct Deferred {
    render: Arc<dyn Render>,
    status: http::StatusCode,
    content_type: &'static str,
}

impl Deferred {
    /// `response`, the placeholder of [`defer`], with the error rendered for `context`:
    /// its body, and its status and `Content-Type` unless the handler set its own beside
    /// the error, as they apply on top of an error rendered at once. The placeholder's
    /// other headers (its `Retry-After`, any a handler added) and extensions stay.
    pub(crate) fn respond(
        &self,
        context: &RequestContext<'_>,
        response: AxumResponse,
    ) -> AxumResponse {
        let rendered = self.render.render(context);
        let (mut parts, _placeholder) = response.into_parts();
        if parts.status == self.status {
            parts.status = rendered.status_code();
        }
        if parts
            .headers
            .get(header::CONTENT_TYPE)
            .map(HeaderValue::as_bytes)
            == Some(self.content_type.as_bytes())
        {
            let content_type = HeaderValue::from_static(rendered.content_type);
            parts.headers.insert(header::CONTENT_TYPE, content_type);
        }
        // The placeholder's body had no length; a handler may have set one for it.
        parts.headers.remove(header::CONTENT_LENGTH);
        AxumResponse::from_parts(parts, Body::from(rendered.body))
    }
}

/// Renders a captured error for a request.
trait Render: Send + Sync {
    fn render(&self, context: &RequestContext<'_>) -> Response;
}

/// An error's code, message, error type, help URL and HTTP status per version, taken
/// before the error is dropped: handlers' errors need not be `Send`, `Sync` or `'static`.
struct Captured<K> {
    code: K,
    /// In the order of the catalog's locales.
    messages: Box<[Box<str>]>,
    error_type: Option<Box<str>>,
    help_url: Option<Box<str>>,
    /// In the order of the catalog's versions.
    http_status: Box<[u16]>,
    retry_after: Option<Duration>,
}

impl<K: Catalog> ApiError for Captured<K> {
    type Catalog = K;

    fn code(&self) -> K {
        self.code
    }

    fn error_type(&self) -> Option<&str> {
        self.error_type.as_deref()
    }

    fn message(&self) -> Cow<'_, str> {
        self.message_in(K::API.default_locale)
    }

    fn message_in(&self, locale: &str) -> Cow<'_, str> {
        let locales = K::API.locales;
        let at = crate::locale::lookup(locale, locales)
            .and_then(|found| locales.iter().position(|l| *l == found))
            .or_else(|| locales.iter().position(|l| *l == K::API.default_locale))
            .unwrap_or(0);
        Cow::Borrowed(self.messages.get(at).map_or("", |m| &**m))
    }

    fn http_status(&self, version: &str) -> u16 {
        let at = K::API.resolve_index(version);
        self.http_status.get(at).copied().unwrap_or(500)
    }

    fn help_url(&self) -> Option<&str> {
        self.help_url.as_deref()
    }

    fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }
}

impl<K: Catalog> Render for Captured<K> {
    fn render(&self, context: &RequestContext<'_>) -> Response {
        ApiError::render(self, context)
    }
}

/// The response of an error returned from a handler (what the `IntoResponse` that
/// `#[derive(ApiError)]` writes under the `axum` feature calls). While
/// [`ApiLayer`](super::ApiLayer) polls the handler, the error rendered for the layer's
/// request; elsewhere a placeholder, which the layer replaces with the error rendered for
/// the request, and which without the layer is sent as the error in the catalog's default
/// version and XML (every family's default format), its body rendered only then.
#[doc(hidden)]
pub fn defer<E: ApiError + ?Sized>(error: &E) -> AxumResponse {
    // Under the layer's poll the request is known: render for it now.
    if let Some(rendered) = with_answering(|request| error.render(&request.context())) {
        return rendered.into();
    }
    let api = <E::Catalog as Catalog>::API;
    let captured = Captured {
        code: error.code(),
        // Every locale's, since the request's is known only when the layer renders it.
        messages: api
            .locales
            .iter()
            .map(|locale| error.message_in(locale).into())
            .collect(),
        error_type: error.error_type().map(Into::into),
        help_url: error.help_url().map(Into::into),
        http_status: api
            .versions
            .iter()
            .map(|v| error.http_status(v.id))
            .collect(),
        retry_after: error.retry_after(),
    };
    let status = http::StatusCode::from_u16(captured.http_status(api.default_version))
        .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    let retry_after = captured.retry_after.map(crate::respond::delta_seconds);
    let content_type =
        errors_wire::Target::new(api.family, Format::Xml, api.default_version).content_type();
    let deferred = Deferred {
        render: Arc::new(captured),
        status,
        content_type,
    };
    let mut response = AxumResponse::new(Body::new(Unrendered(Some(deferred.clone()))));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    // The same for every request, so set here once, where a handler can still replace it.
    if let Some(seconds) = retry_after {
        headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response.extensions_mut().insert(deferred);
    response
}

/// The body of a deferred error sent without [`ApiLayer`](super::ApiLayer): rendered when
/// first polled, so that the layer's path never renders it.
struct Unrendered(Option<Deferred>);

impl HttpBody for Unrendered {
    type Data = bytes::Bytes;
    type Error = core::convert::Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        Poll::Ready(self.0.take().map(|deferred| {
            let api_default = RequestContext::new("", Format::Xml);
            let body = deferred.render.render(&api_default).body;
            Ok(Frame::data(bytes::Bytes::from(body)))
        }))
    }

    fn is_end_stream(&self) -> bool {
        self.0.is_none()
    }
}
