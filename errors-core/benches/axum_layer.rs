//! An error answered through `ApiLayer` (the handler returns it with `?`) against a
//! hand-written handler that reads the same parameters and renders the same bytes itself.
//! Both are axum routers driven by tower's `oneshot`; the bench first asserts they answer
//! byte for byte alike.

use std::hint::black_box;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::Query;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use criterion::{Criterion, criterion_group, criterion_main};
use errors_core::axum::ApiLayer;
use errors_core::subsonic::ErrorCode;
use errors_core::wire::jsonp::Callback;
use errors_core::{ApiError, Format, RequestContext};
use http::Request;
use http_body_util::BodyExt;
use tower::ServiceExt;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::subsonic::ErrorCode)]
enum PingError {
    #[api_error(code = WrongCredentials)]
    WrongCredentials,
}

async fn layered() -> Result<&'static str, PingError> {
    Err(PingError::WrongCredentials)
}

/// What a user writes without the layer, done well: serde reads the two parameters that
/// matter, errors-core renders, the headers are written by hand.
#[derive(serde::Deserialize)]
struct Wanted {
    f: Option<String>,
    callback: Option<String>,
}

async fn by_hand(Query(wanted): Query<Wanted>) -> Response {
    let callback = wanted
        .callback
        .as_deref()
        .and_then(|c| Callback::new(c).ok());
    let format = match (wanted.f.as_deref(), callback) {
        (Some("jsonp"), Some(_)) => Format::Jsonp,
        (Some("json" | "jsonp"), _) => Format::Json,
        _ => Format::Xml,
    };
    let mut context = RequestContext::new("1.16.1", format);
    if let Some(callback) = callback {
        context = context.callback(callback);
    }
    let rendered = PingError::WrongCredentials.render(&context);
    let status = http::StatusCode::from_u16(rendered.status).unwrap_or_default();
    (
        status,
        [(http::header::CONTENT_TYPE, rendered.content_type)],
        rendered.body,
    )
        .into_response()
}

fn request(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap_or_default()
}

async fn answer(router: &Router, uri: &str) -> Vec<u8> {
    let response = router
        .clone()
        .oneshot(request(uri))
        .await
        .unwrap_or_default();
    let body = response.into_body().collect().await;
    body.map(|b| b.to_bytes().to_vec()).unwrap_or_default()
}

fn bench(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap_or_else(|e| panic!("a runtime: {e}"));
    let layer: Router = Router::new()
        .route("/rest/ping.view", get(layered))
        .layer(ApiLayer::<ErrorCode>::new());
    let hand: Router = Router::new().route("/rest/ping.view", get(by_hand));
    let mut group = c.benchmark_group("axum_error_response");
    for (name, uri) in [
        ("xml", "/rest/ping.view?u=demo&p=x&v=1.16.1&c=bench"),
        ("json", "/rest/ping.view?u=demo&p=x&v=1.16.1&c=bench&f=json"),
        (
            "jsonp",
            "/rest/ping.view?u=demo&p=x&v=1.16.1&c=bench&f=jsonp&callback=cb",
        ),
    ] {
        let (a, b) =
            runtime.block_on(async { (answer(&layer, uri).await, answer(&hand, uri).await) });
        assert_eq!(
            a, b,
            "{name}: the layer and the hand-written handler send the same bytes"
        );
        assert!(!a.is_empty());
        group.bench_function(format!("{name}/layer"), |bench| {
            bench.iter(|| runtime.block_on(answer(black_box(&layer), black_box(uri))));
        });
        group.bench_function(format!("{name}/by_hand"), |bench| {
            bench.iter(|| runtime.block_on(answer(black_box(&hand), black_box(uri))));
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_millis(500));
    targets = bench
}
criterion_main!(benches);
