//! The axum integration over real HTTP on loopback: the example OpenSubsonic server and small
//! Ampache and Last.fm routers, queried with reqwest. Bodies are compared with the checked-in
//! fixtures (themselves checked against the real servers' bytes) or with what errors-core
//! renders for the same request, and parsed back to their codes.
#![cfg(feature = "axum")]

#[path = "../examples/subsonic_server/app.rs"]
mod app;

use std::net::SocketAddr;
use std::path::Path;

use axum::Router;
use axum::routing::get;
use errors_core::axum::{ApiLayer, ApiRequest, Params};
use errors_core::{ApiError, Code, Format, Reply, RequestContext, ampache, lastfm, subsonic};
use md5::{Digest, Md5};

/// Serves `router` on 127.0.0.1, port 0, for the rest of the test.
async fn serve(router: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let address = listener.local_addr().expect("a bound address");
    tokio::spawn(async move { axum::serve(listener, router).await });
    address
}

/// Status, Content-Type and body of one exchange.
#[derive(Debug)]
struct Answer {
    status: u16,
    content_type: String,
    body: Vec<u8>,
}

async fn send(request: reqwest::RequestBuilder) -> Answer {
    send_response(request.send().await.expect("the server answers")).await
}

async fn send_response(response: reqwest::Response) -> Answer {
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = response.bytes().await.expect("a body").to_vec();
    Answer {
        status,
        content_type,
        body,
    }
}

async fn get_url(url: String) -> Answer {
    send(reqwest::Client::new().get(url)).await
}

async fn post_form(url: String, form: &str) -> Answer {
    let request = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form.to_owned());
    send(request).await
}

fn fixture(path: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(path);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What the example server sends for `error` in `format`.
fn open_subsonic(error: &impl ApiError, format: Format) -> errors_core::Response {
    error.render(
        &RequestContext::new("1.16.1", format).open_subsonic(app::SERVER_TYPE, app::SERVER_VERSION),
    )
}

/// The Subsonic code of an error body.
fn subsonic_code(answer: &Answer) -> Option<u32> {
    let content_type = Some(answer.content_type.as_str());
    match Reply::<subsonic::ErrorCode>::from_http(answer.status, content_type, &answer.body) {
        Reply::Error(error) => match error.code {
            Code::Known(code) => Some(code.as_u32()),
            Code::Unknown(number) => Some(number),
        },
        _ => None,
    }
}

#[tokio::test]
async fn subsonic_errors_in_every_format_get_and_post() {
    let base = format!("http://{}", serve(app::router()).await);
    let wrong = "u=demo&p=nope&v=1.16.1&c=test";
    for path in [
        "/rest/ping",
        "/rest/ping.view",
        "/rest/getMusicFolders.view",
    ] {
        for (f, format) in [("xml", Format::Xml), ("json", Format::Json)] {
            let expected = open_subsonic(&subsonic::ErrorCode::WrongCredentials, format);
            let by_get = get_url(format!("{base}{path}?{wrong}&f={f}")).await;
            let by_post = post_form(format!("{base}{path}"), &format!("{wrong}&f={f}")).await;
            for answer in [by_get, by_post] {
                assert_eq!(answer.status, 200, "{path} {f}");
                assert_eq!(answer.content_type, expected.content_type, "{path} {f}");
                assert_eq!(answer.body, expected.body, "{path} {f}");
                assert_eq!(subsonic_code(&answer), Some(40));
            }
        }
    }
    // JSONP: the JSON body in a call of the callback; POSTed parameters decide as well.
    let json = open_subsonic(&subsonic::ErrorCode::WrongCredentials, Format::Json).body;
    let mut jsonp = b"cb.done(".to_vec();
    jsonp.extend_from_slice(&json);
    jsonp.extend_from_slice(b");");
    let by_get = get_url(format!(
        "{base}/rest/ping.view?{wrong}&f=jsonp&callback=cb.done"
    ))
    .await;
    let by_post = post_form(
        format!("{base}/rest/ping"),
        &format!("{wrong}&f=jsonp&callback=cb.done"),
    )
    .await;
    for answer in [by_get, by_post] {
        assert_eq!(answer.content_type, "application/javascript");
        assert_eq!(answer.body, jsonp);
        assert_eq!(subsonic_code(&answer), Some(40));
    }
    // A callback that is no identifier is never reflected: plain JSON instead.
    let answer = get_url(format!(
        "{base}/rest/ping?{wrong}&f=jsonp&callback=alert(1)"
    ))
    .await;
    assert_eq!(answer.body, json);
    // Query and form mix: format in the query, credentials in the body.
    let answer = post_form(format!("{base}/rest/ping?f=json"), wrong).await;
    assert_eq!(answer.body, json);
}

#[tokio::test]
async fn subsonic_authentication_forms() {
    let base = format!("http://{}", serve(app::router()).await);
    let salt = "c19b2d";
    let token = hex::encode(Md5::digest(format!("demo{salt}").as_bytes()));
    let good = [
        "u=demo&p=demo".to_owned(),
        format!("u=demo&p=enc:{}", hex::encode("demo")),
        format!("u=demo&t={token}&s={salt}"),
    ];
    for credentials in &good {
        let answer = get_url(format!(
            "{base}/rest/ping.view?{credentials}&v=1.16.1&c=t&f=json"
        ))
        .await;
        assert_eq!(answer.status, 200);
        let body = String::from_utf8_lossy(&answer.body);
        assert!(body.contains(r#""status":"ok""#), "{credentials}: {body}");
        assert_eq!(subsonic_code(&answer), None, "{credentials}");
        let answer = post_form(
            format!("{base}/rest/getMusicFolders"),
            &format!("{credentials}&f=json"),
        )
        .await;
        assert!(String::from_utf8_lossy(&answer.body).contains("musicFolders"));
    }
    let bad = [
        "u=demo&p=demo2".to_owned(),
        format!("u=demo&p=enc:{}", hex::encode("demO")),
        "u=demo&p=enc:zz".to_owned(),
        format!("u=demo&t={token}&s=other"),
        format!("u=root&t={token}&s={salt}"),
    ];
    for credentials in &bad {
        let answer = get_url(format!("{base}/rest/ping?{credentials}&f=json")).await;
        assert_eq!(subsonic_code(&answer), Some(40), "{credentials}");
    }
    // Missing credentials are a missing parameter, code 10.
    for credentials in ["p=demo", "u=demo", "u=demo&t=abc"] {
        let answer = get_url(format!("{base}/rest/ping?{credentials}")).await;
        assert_eq!(subsonic_code(&answer), Some(10), "{credentials}");
    }
}

#[tokio::test]
async fn subsonic_song_found_missing_and_unknown() {
    let base = format!("http://{}", serve(app::router()).await);
    let auth = "u=demo&p=demo&v=1.16.1&c=test";
    let answer = get_url(format!("{base}/rest/getSong.view?{auth}&id=2&f=json")).await;
    assert!(String::from_utf8_lossy(&answer.body).contains(r#""title":"Outro""#));
    let answer = post_form(format!("{base}/rest/getSong"), &format!("{auth}&id=1")).await;
    assert!(String::from_utf8_lossy(&answer.body).contains(r#"title="Intro""#));

    // Unknown song: 70, with the message of the derived error.
    for (f, format) in [("xml", Format::Xml), ("json", Format::Json)] {
        let answer = get_url(format!("{base}/rest/getSong?{auth}&id=9&f={f}")).await;
        let expected = open_subsonic(&app::ServerError::SongNotFound("9".to_owned()), format);
        assert_eq!(answer.body, expected.body);
        assert_eq!(subsonic_code(&answer), Some(70));
    }
    // No `id`: rejected by `Params` with code 10, in the client's format, GET or POST.
    let by_get = get_url(format!("{base}/rest/getSong.view?{auth}&f=json")).await;
    let by_post = post_form(
        format!("{base}/rest/getSong.view"),
        &format!("{auth}&f=json"),
    )
    .await;
    for answer in [by_get, by_post] {
        assert_eq!(answer.content_type, "application/json; charset=UTF-8");
        assert_eq!(subsonic_code(&answer), Some(10));
        let body = String::from_utf8_lossy(&answer.body);
        assert!(
            body.contains("Required parameter is missing. (missing field `id`)"),
            "{body}"
        );
    }
}

/// A plain Subsonic server (no OpenSubsonic fields) answers byte for byte as the fixtures.
#[tokio::test]
async fn plain_subsonic_matches_the_fixtures() {
    async fn ping() -> Result<&'static str, subsonic::ErrorCode> {
        Err(subsonic::ErrorCode::WrongCredentials)
    }
    let router = Router::new()
        .route("/rest/ping.view", get(ping))
        .layer(ApiLayer::<subsonic::ErrorCode>::new());
    let base = format!("http://{}", serve(router).await);
    for f in ["xml", "json"] {
        let answer = get_url(format!("{base}/rest/ping.view?v=1.13.0&f={f}")).await;
        assert_eq!(
            answer.body,
            fixture(&format!("subsonic/{f}/error-40.{f}")),
            "{f}"
        );
    }
}

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode)]
enum AmpacheError {
    #[api_error(code = 4704, error_type = "filter", message = "Not Found: {0}")]
    NotFound(u32),
}

#[derive(Debug, serde::Deserialize)]
struct AlbumParams {
    filter: u32,
}

async fn ampache_album(
    Params(params, _): Params<AlbumParams, ampache::ErrorCode>,
) -> Result<String, AmpacheError> {
    Err(AmpacheError::NotFound(params.filter))
}

async fn ampache_legacy() -> Result<String, ampache::ErrorCode> {
    Err(ampache::ErrorCode::NotFound)
}

/// Ampache: format from the path or `format`, HTTP status and shape per `version`, the
/// default version for a missing or unknown one, bad parameters as 4710.
#[tokio::test]
async fn ampache_statuses_and_shapes_per_version() {
    let router = Router::new()
        .route("/server/{endpoint}", get(ampache_album))
        .route("/legacy/{endpoint}", get(ampache_legacy))
        .layer(ApiLayer::<ampache::ErrorCode>::new());
    let base = format!("http://{}", serve(router).await);
    let cases = [
        (
            "xml.server.php?version=6.0.0&",
            200,
            "api6/xml/error-4704.xml",
        ),
        (
            "json.server.php?version=6&",
            200,
            "api6/json/error-4704.json",
        ),
        (
            "xml.server.php?version=5.5.6&",
            200,
            "api5/xml/error-4704.xml",
        ),
        (
            "json.server.php?version=8&",
            404,
            "api8/json/error-4704.json",
        ),
        (
            "server.php?format=json&version=8&",
            404,
            "api8/json/error-4704.json",
        ),
        ("server.php?version=8&", 404, "api8/xml/error-4704.xml"),
        // No version, or one the API does not have: the default, API 8.
        ("json.server.php?", 404, "api8/json/error-4704.json"),
        ("xml.server.php?version=99&", 404, "api8/xml/error-4704.xml"),
    ];
    for (query, status, file) in cases {
        let answer = get_url(format!("{base}/server/{query}action=album&filter=1")).await;
        assert_eq!(answer.status, status, "{query}");
        assert_eq!(answer.body, fixture(&format!("ampache/{file}")), "{query}");
    }
    // API 3 answers with the legacy code, 404 for 4704.
    let answer = get_url(format!(
        "{base}/legacy/xml.server.php?action=album&version=350001"
    ))
    .await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body, fixture("ampache/api3/xml/error-404.xml"));
    // A bad parameter: 4710 in the envelope, with the status API 8 gives it.
    let answer = get_url(format!(
        "{base}/server/json.server.php?action=album&filter=x"
    ))
    .await;
    assert_eq!(
        answer.status,
        ampache::ErrorCode::BadRequest.http_status("8")
    );
    let parsed = Reply::<ampache::ErrorCode>::from_http(
        answer.status,
        Some(&answer.content_type),
        &answer.body,
    );
    let Reply::Error(error) = parsed else {
        panic!("an error body: {}", String::from_utf8_lossy(&answer.body))
    };
    assert_eq!(error.code, Code::Known(ampache::ErrorCode::BadRequest));
}

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::lastfm::ErrorCode)]
enum LastfmError {
    #[api_error(code = 6, message = "User not found")]
    NoUser,
}

#[derive(Debug, serde::Deserialize)]
struct UserParams {
    #[allow(dead_code)]
    user: String,
}

async fn lastfm_user(
    Params(_, _): Params<UserParams, lastfm::ErrorCode>,
) -> Result<String, LastfmError> {
    Err(LastfmError::NoUser)
}

/// Last.fm: `format`, JSONP through `callback`, and the rejection of a missing parameter.
#[tokio::test]
async fn lastfm_formats_jsonp_and_rejections() {
    let router = Router::new()
        .route("/2.0/", get(lastfm_user))
        .layer(ApiLayer::<lastfm::ErrorCode>::new());
    let base = format!("http://{}", serve(router).await);
    let method = "method=user.getinfo&user=nobody";
    let status = lastfm::ErrorCode::InvalidParams.http_status("2.0");
    let xml = get_url(format!("{base}/2.0/?{method}")).await;
    assert_eq!(
        (xml.status, xml.body),
        (status, fixture("lastfm/xml/error-6.xml"))
    );
    let json = get_url(format!("{base}/2.0/?{method}&format=json")).await;
    assert_eq!(json.body, fixture("lastfm/json/error-6.json"));
    let jsonp = get_url(format!("{base}/2.0/?{method}&format=json&callback=show")).await;
    assert_eq!(jsonp.content_type, "application/javascript");
    assert_eq!(
        jsonp.body,
        [
            b"show(".as_slice(),
            &fixture("lastfm/json/error-6.json"),
            b");"
        ]
        .concat()
    );
    // `callback` without `format=json` is XML, as the API's default.
    let plain = get_url(format!("{base}/2.0/?{method}&callback=show")).await;
    assert_eq!(plain.body, fixture("lastfm/xml/error-6.xml"));
    // The handler's own parameter missing: code 6 again, from the rejection.
    let rejected = get_url(format!("{base}/2.0/?method=user.getinfo&format=json")).await;
    let body = String::from_utf8_lossy(&rejected.body);
    assert!(body.starts_with(r#"{"error":6,"message":"#), "{body}");
    assert!(body.contains("missing field `user`"), "{body}");
}

/// `Accept-Language` is negotiated among the catalog's locales and stored in the request.
#[tokio::test]
async fn locale_negotiation_is_stored() {
    async fn locale(request: ApiRequest<subsonic::ErrorCode>) -> String {
        format!("{:?} {}", request.locale(), request.client().unwrap_or("-"))
    }
    let router = Router::new()
        .route("/rest/locale", get(locale))
        .layer(ApiLayer::<subsonic::ErrorCode>::new());
    let base = format!("http://{}", serve(router).await);
    let client = reqwest::Client::new();
    for (header, expected) in [
        ("de-AT, en;q=0.5", r#"Some("en") app"#),
        ("fr, de", "None app"),
        ("EN-gb", r#"Some("en") app"#),
        ("en;q=0, fr", "None app"),
    ] {
        let request = client
            .get(format!("{base}/rest/locale?c=app"))
            .header("accept-language", header);
        let answer = send(request).await;
        assert_eq!(String::from_utf8_lossy(&answer.body), expected, "{header}");
    }
}

/// Without the layer, an error returned with `?` is still a full response: the catalog's
/// default version, in XML.
#[tokio::test]
async fn without_the_layer_errors_are_sent_in_the_defaults() {
    let router = Router::new().route(
        "/server/json.server.php",
        get(|| async { Err::<String, _>(AmpacheError::NotFound(1)) }),
    );
    let base = format!("http://{}", serve(router).await);
    let answer = get_url(format!("{base}/server/json.server.php?action=album")).await;
    let expected = AmpacheError::NotFound(1).render(&RequestContext::new("8", Format::Xml));
    assert_eq!(answer.status, expected.status);
    assert_eq!(answer.content_type, expected.content_type);
    assert_eq!(answer.body, expected.body);
}

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode)]
enum SongError {
    /// Sends the spec's message, in the client's locale.
    #[api_error(code = NotFound, error_type = "song")]
    Missing,
}

/// The layer renders in the locale negotiated from `Accept-Language`: the spec's
/// translation, with fallback from `de-AT` to `de`, and the default locale otherwise.
#[tokio::test]
async fn errors_are_rendered_in_the_negotiated_locale() {
    let router = Router::new()
        .route(
            "/server/json.server.php",
            get(|| async { Err::<String, _>(SongError::Missing) }),
        )
        .layer(ApiLayer::<ampache::ErrorCode>::new());
    let base = format!("http://{}", serve(router).await);
    let client = reqwest::Client::new();
    for (header, locale) in [("de-AT, en;q=0.5", "de"), ("es", "es"), ("ja", "en")] {
        let request = client
            .get(format!(
                "{base}/server/json.server.php?action=song&version=6"
            ))
            .header("accept-language", header);
        let answer = send(request).await;
        let context = RequestContext::new("6", Format::Json)
            .action("song")
            .locale(locale);
        let expected = SongError::Missing.render(&context);
        assert_eq!(answer.body, expected.body, "{header}");
        let message = ampache::ErrorCode::NotFound.message_in(locale);
        assert!(
            String::from_utf8_lossy(&answer.body).contains(message),
            "{header}: {message}"
        );
    }
    assert_ne!(
        ampache::ErrorCode::NotFound.message_in("de"),
        ampache::ErrorCode::NotFound.message_in("en")
    );
}

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::lastfm::ErrorCode)]
enum ThrottleError {
    /// Last.fm's 429 with a delay of the server's choosing.
    #[api_error(code = RateLimitExceeded, retry_after = 30)]
    Throttled,
    /// The same code without a delay: no Retry-After.
    #[api_error(code = RateLimitExceeded)]
    ThrottledQuietly,
}

/// `Retry-After` in delta-seconds from the error's `retry_after`, through the layer, read
/// back by the client side; a handler's own headers stay, and its own `Retry-After` too
/// when the error has none.
#[tokio::test]
async fn retry_after_is_sent_through_the_layer() {
    use axum::response::{AppendHeaders, IntoResponse};
    use errors_core::{ClientError, ResponseExt, Retry};
    use reqwest::header::RETRY_AFTER;

    async fn handler_status() -> impl IntoResponse {
        Err::<String, _>((
            http::StatusCode::SERVICE_UNAVAILABLE,
            ThrottleError::Throttled,
        ))
    }
    async fn handler_delay() -> impl IntoResponse {
        let headers = AppendHeaders([(RETRY_AFTER, "7"), (http::header::VARY, "Accept")]);
        Err::<String, _>((headers, ThrottleError::ThrottledQuietly))
    }
    let router = Router::new()
        .route(
            "/2.0/",
            get(|| async { Err::<String, _>(ThrottleError::Throttled) }),
        )
        .route(
            "/quiet/",
            get(|| async { Err::<String, _>(ThrottleError::ThrottledQuietly) }),
        )
        .route("/handler/", get(handler_delay))
        .route("/status/", get(handler_status))
        .layer(ApiLayer::<lastfm::ErrorCode>::new());
    let base = format!("http://{}", serve(router).await);
    let client = reqwest::Client::new();

    let response = client
        .get(format!("{base}/2.0/?method=track.scrobble&format=json"))
        .send()
        .await
        .expect("the server answers");
    assert_eq!(response.status().as_u16(), 429);
    assert_eq!(response.headers()[RETRY_AFTER], "30");
    let error = response
        .reply::<lastfm::ErrorCode>()
        .await
        .expect_err("an error");
    assert_eq!(
        error.code(),
        Some(Code::Known(lastfm::ErrorCode::RateLimitExceeded))
    );
    assert_eq!(error.retry(), Some(Retry::Backoff));
    assert_eq!(
        error.retry_after(),
        Some(std::time::Duration::from_secs(30))
    );
    assert!(matches!(
        error,
        ClientError::Api {
            http_status: 429,
            ..
        }
    ));

    let quiet = client
        .get(format!("{base}/quiet/"))
        .send()
        .await
        .expect("an answer");
    assert_eq!(quiet.status().as_u16(), 429);
    assert!(quiet.headers().get(RETRY_AFTER).is_none());

    let handler = client
        .get(format!("{base}/handler/?format=json"))
        .send()
        .await
        .expect("an answer");
    assert_eq!(handler.headers()[RETRY_AFTER], "7");
    assert_eq!(handler.headers()[http::header::VARY], "Accept");
    assert_eq!(
        handler.headers()[http::header::CONTENT_TYPE],
        lastfm::ErrorCode::RateLimitExceeded
            .render(&RequestContext::new("2.0", Format::Json))
            .content_type
    );
    let body = handler.bytes().await.expect("a body");
    assert!(body.starts_with(br#"{"error":29,"#), "{body:?}");

    // A status returned beside the error applies on top of it, as axum applies it.
    let status = client
        .get(format!("{base}/status/"))
        .send()
        .await
        .expect("an answer");
    assert_eq!(status.status().as_u16(), 503);
    assert_eq!(status.headers()[RETRY_AFTER], "30");
}

/// An error made into a response where the layer's poll does not reach (a spawned task) is
/// deferred, and the layer still renders it for the request.
#[tokio::test]
async fn an_error_answered_from_another_task_is_rendered_for_the_request() {
    use axum::response::{IntoResponse, Response};

    async fn spawned() -> Response {
        let task = tokio::spawn(async { SongError::Missing.into_response() });
        task.await
            .unwrap_or_else(|_| http::StatusCode::INTERNAL_SERVER_ERROR.into_response())
    }
    async fn spawned_with_status() -> Response {
        let task = tokio::spawn(async {
            let vary = [(http::header::VARY, "Accept-Language")];
            (
                http::StatusCode::SERVICE_UNAVAILABLE,
                vary,
                SongError::Missing,
            )
                .into_response()
        });
        task.await
            .unwrap_or_else(|_| http::StatusCode::INTERNAL_SERVER_ERROR.into_response())
    }
    let router = Router::new()
        .route("/server/json.server.php", get(spawned))
        .route("/status/json.server.php", get(spawned_with_status))
        .layer(ApiLayer::<ampache::ErrorCode>::new());
    let base = format!("http://{}", serve(router).await);
    let expected = SongError::Missing.render(
        &RequestContext::new("8", Format::Json)
            .action("song")
            .locale("fr"),
    );
    let client = reqwest::Client::new();
    for (path, status) in [("server", 404), ("status", 503)] {
        let request = client
            .get(format!(
                "{base}/{path}/json.server.php?action=song&version=8"
            ))
            .header("accept-language", "fr");
        let response = request.send().await.expect("an answer");
        // A status and headers set beside the error stay, as for an error rendered at once.
        assert_eq!(response.status().as_u16(), status, "{path}");
        let vary = response.headers().get(http::header::VARY).is_some();
        assert_eq!(vary, path == "status", "{path}");
        let answer = send_response(response).await;
        assert_eq!(answer.content_type, expected.content_type, "{path}");
        assert_eq!(answer.body, expected.body, "{path}");
    }
}
