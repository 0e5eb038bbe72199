//! [`Params`]: the handler's own parameters, from the query and a form body, whose
//! rejection is an error in the API's envelope.

use core::fmt;
use std::borrow::Cow;

use axum_core::body::Body;
use axum_core::extract::{FromRequest, Request};
use axum_core::response::{IntoResponse, Response as AxumResponse};
use http::{HeaderMap, Method, header};
use http_body_util::{BodyExt, Limited};
use serde::de::DeserializeOwned;

use super::ApiRequest;
use crate::{ApiError, Catalog, Family};

/// The most a form body may hold, as axum's own default body limit (2 MB).
pub(crate) const FORM_LIMIT: usize = 2_000_000;

/// A handler's own parameters `T`, deserialized (as axum's `Query` and `Form` do, with
/// serde_urlencoded) from the query string followed by an `application/x-www-form-urlencoded`
/// POST body, with the [`ApiRequest`] they came with.
///
/// It takes the body, so it is a handler's last extractor; under
/// [`ApiLayer`](super::ApiLayer), which reads the form body before the handler runs, the
/// body stays for the handler too.
///
/// When `T` cannot be read from them, the request is rejected with the API's own code for
/// a missing or invalid parameter, in the client's format and version: Subsonic 10,
/// Ampache 4710, Last.fm 6 (see [`ParamsRejection`]).
///
/// ```
/// use errors_core::axum::Params;
/// use errors_core::subsonic::ErrorCode;
///
/// #[derive(serde::Deserialize)]
/// struct GetSong {
///     id: String,
/// }
///
/// async fn get_song(Params(query, request): Params<GetSong, ErrorCode>) -> String {
///     format!("song {} as {}", query.id, request.format())
/// }
/// # let _ = get_song;
/// ```
#[derive(Debug, Clone)]
pub struct Params<T, C>(pub T, pub ApiRequest<C>);

impl<T, C, S> FromRequest<S> for Params<T, C>
where
    T: DeserializeOwned,
    C: Catalog,
    S: Send + Sync,
{
    type Rejection = ParamsRejection<C>;

    async fn from_request(request: Request, _state: &S) -> Result<Self, Self::Rejection> {
        let (parts, body) = request.into_parts();
        let api_request = match parts.extensions.get::<ApiRequest<C>>() {
            Some(read) => read.clone(),
            None if is_form_post(&parts.method, &parts.headers) => {
                // An unreadable body (too large, cut off) contributes no parameter; the
                // handler's own parameters then report what is missing.
                let form = read_form(body).await;
                ApiRequest::from_parts(&parts, form.as_deref())
            }
            None => ApiRequest::from_parts(&parts, None),
        };
        match serde_urlencoded::from_bytes::<T>(api_request.encoded()) {
            Ok(value) => Ok(Params(value, api_request)),
            Err(error) => Err(ParamsRejection {
                detail: error.to_string(),
                request: api_request,
            }),
        }
    }
}

/// A form body, or `None` when it is larger than [`FORM_LIMIT`] or cannot be read.
pub(crate) async fn read_form(body: Body) -> Option<bytes::Bytes> {
    let collected = Limited::new(body, FORM_LIMIT).collect().await.ok()?;
    Some(collected.to_bytes())
}

/// Whether a request carries an `application/x-www-form-urlencoded` POST body.
pub(crate) fn is_form_post(method: &Method, headers: &HeaderMap) -> bool {
    method == Method::POST
        && headers
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(';').next())
            .is_some_and(|mime| {
                mime.trim()
                    .eq_ignore_ascii_case("application/x-www-form-urlencoded")
            })
}

/// The parameters of a request did not fit what the handler reads. As a response: the
/// catalog's code for a missing or invalid parameter (Subsonic 10 `RequiredParameterMissing`,
/// Ampache 4710 `BadRequest`, Last.fm 6 `InvalidParameters`) in the client's format and
/// version, its message the spec's followed by what was wrong in parentheses; for a
/// catalog without such a code, `400 Bad Request` with that text.
#[derive(Debug, Clone)]
pub struct ParamsRejection<C> {
    detail: String,
    request: ApiRequest<C>,
}

impl<C: Catalog> ParamsRejection<C> {
    /// What was wrong, as serde_urlencoded says it (`missing field `id``).
    #[must_use]
    pub fn detail(&self) -> &str {
        &self.detail
    }

    /// The catalog's code for a missing or invalid parameter, if it has one.
    #[must_use]
    pub fn code(&self) -> Option<C> {
        invalid_parameter_code::<C>()
    }
}

/// The number each family's servers send for a missing or invalid parameter.
fn invalid_parameter_code<C: Catalog>() -> Option<C> {
    let number = match C::API.family {
        Family::Subsonic => 10,
        Family::Ampache => 4710,
        Family::Lastfm => 6,
        Family::Problem => return None,
    };
    C::from_code(number)
}

impl<C: Catalog> fmt::Display for ParamsRejection<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid request parameters: {}", self.detail)
    }
}

impl<C: Catalog> std::error::Error for ParamsRejection<C> {}

impl<C: Catalog> IntoResponse for ParamsRejection<C> {
    fn into_response(self) -> AxumResponse {
        match self.code() {
            Some(code) => {
                let error = InvalidParameter {
                    code,
                    detail: &self.detail,
                };
                error.render(&self.request.context()).into()
            }
            None => (http::StatusCode::BAD_REQUEST, self.to_string()).into_response(),
        }
    }
}

/// The error a [`ParamsRejection`] is sent as.
struct InvalidParameter<'a, C> {
    code: C,
    detail: &'a str,
}

impl<C: Catalog> ApiError for InvalidParameter<'_, C> {
    type Catalog = C;

    fn code(&self) -> C {
        self.code
    }

    fn message(&self) -> Cow<'_, str> {
        Cow::Owned(format!("{} ({})", self.code.message(), self.detail))
    }
}
