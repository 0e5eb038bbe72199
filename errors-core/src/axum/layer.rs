//! [`ApiLayer`]: reads every request as an [`ApiRequest`] before the handler runs, and
//! renders any error a handler returned with `?` for that request.

use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use axum_core::body::Body;
use axum_core::extract::Request;
use axum_core::response::Response as AxumResponse;
use tower_layer::Layer;
use tower_service::Service;

use super::ApiRequest;
use super::params::{is_form_post, read_form};
use super::render::Deferred;
use super::scope::answering;
use crate::Catalog;

/// A tower [`Layer`] for the routes of one API (catalog `C`): each request is read as an
/// [`ApiRequest<C>`] (form POST bodies included; the body is buffered, up to 2 MB, and
/// handed on unchanged), which handlers extract for free; and an error a handler returned
/// with `?` (any `#[derive(ApiError)]` type, or a catalog's `ErrorCode`) is rendered in
/// that request's format, version, locale and JSONP callback, so handlers never match on
/// formats. A status or headers a handler returns beside the error
/// (`Err((AppendHeaders([(RETRY_AFTER, "5")]), error))`) apply on top of the rendered
/// error, as axum applies them to any response.
///
/// ```
/// use axum::{Router, routing::get};
/// use errors_core::axum::ApiLayer;
/// use errors_core::subsonic::ErrorCode;
///
/// async fn ping() -> Result<&'static str, ErrorCode> {
///     Err(ErrorCode::WrongCredentials)
/// }
///
/// let app: Router = Router::new()
///     .route("/rest/ping", get(ping))
///     .layer(ApiLayer::<ErrorCode>::new().open_subsonic("example", "0.1.0"));
/// ```
pub struct ApiLayer<C> {
    open_subsonic: Option<(&'static str, &'static str)>,
    catalog: PhantomData<fn() -> C>,
}

impl<C: Catalog> ApiLayer<C> {
    /// A layer for the API of catalog `C`.
    #[must_use]
    pub const fn new() -> Self {
        ApiLayer {
            open_subsonic: None,
            catalog: PhantomData,
        }
    }

    /// Answer as an OpenSubsonic server named `server_type` in version `server_version`
    /// (`type`, `serverVersion` and `openSubsonic: true` in Subsonic error bodies).
    #[must_use]
    pub const fn open_subsonic(
        mut self,
        server_type: &'static str,
        server_version: &'static str,
    ) -> Self {
        self.open_subsonic = Some((server_type, server_version));
        self
    }
}

impl<C: Catalog> Default for ApiLayer<C> {
    fn default() -> Self {
        Self::new()
    }
}

impl<C> Clone for ApiLayer<C> {
    fn clone(&self) -> Self {
        ApiLayer {
            open_subsonic: self.open_subsonic,
            catalog: PhantomData,
        }
    }
}

impl<C> fmt::Debug for ApiLayer<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiLayer")
            .field("open_subsonic", &self.open_subsonic)
            .finish()
    }
}

impl<C: Catalog, S> Layer<S> for ApiLayer<C> {
    type Service = ApiService<S, C>;

    fn layer(&self, inner: S) -> Self::Service {
        ApiService {
            inner,
            layer: self.clone(),
        }
    }
}

/// The service [`ApiLayer`] wraps around a router or handler.
pub struct ApiService<S, C> {
    inner: S,
    layer: ApiLayer<C>,
}

impl<S: Clone, C> Clone for ApiService<S, C> {
    fn clone(&self) -> Self {
        ApiService {
            inner: self.inner.clone(),
            layer: self.layer.clone(),
        }
    }
}

impl<S, C> fmt::Debug for ApiService<S, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiService")
            .field("layer", &self.layer)
            .finish_non_exhaustive()
    }
}

impl<S, C> Service<Request> for ApiService<S, C>
where
    S: Service<Request, Response = AxumResponse> + Clone + Send + 'static,
    S::Future: Send + 'static,
    C: Catalog,
{
    type Response = AxumResponse;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<AxumResponse, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        // The clone that was polled ready serves this request (tower's usual swap).
        let clone = self.inner.clone();
        let mut inner = core::mem::replace(&mut self.inner, clone);
        let open_subsonic = self.layer.open_subsonic;
        Box::pin(async move {
            let (mut parts, body) = request.into_parts();
            let (api_request, body) = if is_form_post(&parts.method, &parts.headers) {
                // An unreadable body (too large, cut off) leaves the query alone to decide.
                match read_form(body).await {
                    Some(form) => (
                        ApiRequest::<C>::from_parts(&parts, Some(&form)),
                        Body::from(form),
                    ),
                    None => (ApiRequest::<C>::from_parts(&parts, None), Body::empty()),
                }
            } else {
                (ApiRequest::<C>::from_parts(&parts, None), body)
            };
            let api_request = match open_subsonic {
                Some((server_type, server_version)) => {
                    api_request.with_open_subsonic(server_type, server_version)
                }
                None => api_request,
            };
            parts.extensions.insert(api_request.clone());
            let call = inner.call(Request::from_parts(parts, body));
            // Errors the handler returns are rendered for this request as they become
            // responses; only one made where the layer does not reach is deferred to here.
            let mut response = answering(api_request.erased(), call).await?;
            // Taken out: an outer layer must not render the same error again.
            Ok(match response.extensions_mut().remove::<Deferred>() {
                Some(deferred) => deferred.respond(&api_request.context(), response),
                None => response,
            })
        })
    }
}
