//! A catalog generated from a user's own spec (`shop`, included with
//! `errors_core::include_catalog!`) is returned from axum handlers like a bundled one: its
//! `ErrorCode` is `IntoResponse`, and `ApiLayer` renders it for each request.

use axum::Router;
use axum::body::Body;
use axum::routing::get;
use errors_core::axum::ApiLayer;
use errors_core::{ApiError, Format, RequestContext};
use errors_tests::shop::ErrorCode;
use tower::ServiceExt;

async fn checkout() -> Result<String, ErrorCode> {
    Err(ErrorCode::PaymentDeclined)
}

/// Status, Content-Type and body of one request to `router`.
async fn answer(router: Router, uri: &str, accept_language: &str) -> (u16, String, Vec<u8>) {
    let request = axum::http::Request::get(uri)
        .header("accept-language", accept_language)
        .body(Body::empty())
        .expect("a request");
    let response = router.oneshot(request).await.expect("infallible");
    let status = response.status().as_u16();
    let content_type = response.headers()["content-type"]
        .to_str()
        .expect("ASCII")
        .to_owned();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("a body");
    (status, content_type, body.to_vec())
}

#[tokio::test]
async fn a_downstream_code_is_rendered_for_the_request() {
    let router = Router::new()
        .route("/checkout", get(checkout))
        .layer(ApiLayer::<ErrorCode>::new());
    for (uri, accept_language, format, locale) in [
        (
            "/checkout?format=json",
            "fr-CH, en;q=0.5",
            Format::Json,
            "fr",
        ),
        ("/checkout", "en", Format::Xml, "en"),
    ] {
        let expected =
            ErrorCode::PaymentDeclined.render(&RequestContext::new("", format).locale(locale));
        let (status, content_type, body) = answer(router.clone(), uri, accept_language).await;
        assert_eq!(status, 402, "{uri}");
        assert_eq!(content_type, expected.content_type, "{uri}");
        assert_eq!(body, expected.body, "{uri}");
        let parsed = errors_core::wire::parse(&body).expect("an error body");
        let message = ErrorCode::PaymentDeclined.message_in(locale);
        assert_eq!((parsed.code, &*parsed.message), (2, message), "{uri}");
    }
}

#[tokio::test]
async fn without_the_layer_a_downstream_code_is_a_whole_response() {
    let router = Router::new().route("/checkout", get(checkout));
    let (status, content_type, body) = answer(router, "/checkout?format=json", "fr").await;
    // The catalog's default version, in XML: the layer is what reads the request.
    let expected = ErrorCode::PaymentDeclined.render(&RequestContext::new("", Format::Xml));
    assert_eq!(
        (status, content_type.as_str(), body),
        (expected.status, expected.content_type, expected.body)
    );
}
