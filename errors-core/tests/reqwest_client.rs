//! The `reqwest` feature and the `lastfm-client` example against a stub Last.fm server on
//! 127.0.0.1: a TCP listener that answers each connection with the next of a list of raw
//! HTTP/1.1 responses, as Last.fm and the proxies in front of it send them.

#![cfg(feature = "reqwest")]

use std::error::Error;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use backon::ExponentialBuilder;
use errors_core::{ClientError, Code, ResponseExt, Retry, lastfm::ErrorCode, request_error};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

#[allow(dead_code, unreachable_pub)]
#[path = "../examples/lastfm-client.rs"]
mod lastfm_client;

/// Last.fm's own bodies (JSON, as `format=json` gets them).
const TEMPORARY: &str = r#"{"error":16,"message":"There was a temporary error processing your request. Please try again"}"#;
const RATE_LIMIT: &str = r#"{"error":29,"message":"Rate Limit Exceeded - Your IP has made too many requests in a short period"}"#;
const INVALID_PARAMS: &str =
    r#"{"error":6,"message":"The artist you supplied could not be found"}"#;
const INVALID_KEY: &str =
    r#"{"error":10,"message":"Invalid API key - You must be granted a valid key by last.fm"}"#;
const SUCCESS: &str = r#"{"artist":{"name":"Cher","mbid":"bfcc6d75-a6a5-4bc6-8282-47aec8531818"}}"#;
/// What nginx sends for a 503 of its own.
const NGINX_503: &str = "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

/// A raw response: status line, Content-Type (none when empty), extra header lines, body.
fn response(status: &str, content_type: &str, headers: &[&str], body: &str) -> String {
    let mut out = format!("HTTP/1.1 {status}\r\n");
    if !content_type.is_empty() {
        out.push_str(&format!("Content-Type: {content_type}\r\n"));
    }
    for header in headers {
        out.push_str(header);
        out.push_str("\r\n");
    }
    out.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    ));
    out
}

fn json(status: &str, body: &str) -> String {
    response(status, "application/json; charset=utf-8", &[], body)
}

/// A stub server answering the n-th connection with `script[n]`; its base URL and the
/// request lines it received.
async fn stub(script: Vec<String>) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind 127.0.0.1:0");
    let address = listener.local_addr().expect("local address");
    let requests = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&requests);
    tokio::spawn(async move {
        for answer in script {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let mut head = Vec::new();
            let mut buffer = [0u8; 1024];
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                match socket.read(&mut buffer).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => head.extend_from_slice(&buffer[..n]),
                }
            }
            let head = String::from_utf8_lossy(&head);
            let line = head.lines().next().unwrap_or_default().to_owned();
            seen.lock().expect("lock").push(line);
            let _ = socket.write_all(answer.as_bytes()).await;
            let _ = socket.shutdown().await;
        }
    });
    (format!("http://{address}/2.0/"), requests)
}

async fn one(answer: String) -> Result<Vec<u8>, ClientError<ErrorCode>> {
    let (url, _) = stub(vec![answer]).await;
    let response = reqwest::get(&url).await.map_err(request_error)?;
    response.reply::<ErrorCode>().await
}

#[tokio::test]
async fn a_200_with_code_16_is_a_transient_api_error() {
    let error = one(json("200 OK", TEMPORARY)).await.unwrap_err();
    assert_eq!(
        error.code(),
        Some(Code::Known(ErrorCode::TemporarilyUnavailable))
    );
    assert_eq!(error.http_status(), Some(200));
    assert_eq!(error.retry(), Some(Retry::Later));
    assert!(error.is_transient());
    assert_eq!(error.retry_after(), None);
    assert!(
        error
            .api_error()
            .is_some_and(|e| e.message().starts_with("There was a temporary"))
    );
}

#[tokio::test]
async fn code_29_is_backoff_and_code_6_is_never() {
    let error = one(json("200 OK", RATE_LIMIT)).await.unwrap_err();
    assert_eq!(
        error.code(),
        Some(Code::Known(ErrorCode::RateLimitExceeded))
    );
    assert_eq!(error.retry(), Some(Retry::Backoff));
    let error = one(json("200 OK", INVALID_PARAMS)).await.unwrap_err();
    assert_eq!(error.code(), Some(Code::Known(ErrorCode::InvalidParams)));
    assert_eq!(error.retry(), Some(Retry::Never));
    assert!(!error.is_transient());
}

#[tokio::test]
async fn a_429_with_an_empty_body_keeps_retry_after_in_seconds() {
    let answer = response("429 Too Many Requests", "", &["Retry-After: 7"], "");
    let error = one(answer).await.unwrap_err();
    assert!(matches!(error, ClientError::Transport { .. }));
    assert_eq!(error.http_status(), Some(429));
    assert_eq!(error.retry(), Some(Retry::Backoff));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(7)));
}

#[tokio::test]
async fn a_429_with_code_29_reads_retry_after_as_an_http_date() {
    let at = SystemTime::now() + Duration::from_secs(120);
    let header = format!("Retry-After: {}", httpdate::fmt_http_date(at));
    let answer = response(
        "429 Too Many Requests",
        "application/json",
        &[&header],
        RATE_LIMIT,
    );
    let error = one(answer).await.unwrap_err();
    assert_eq!(
        error.code(),
        Some(Code::Known(ErrorCode::RateLimitExceeded))
    );
    // Whole seconds on the wire, and the response took a moment.
    let wait = error.retry_after().expect("Retry-After");
    assert!(
        wait > Duration::from_secs(115) && wait <= Duration::from_secs(120),
        "{wait:?}"
    );
}

#[tokio::test]
async fn a_503_html_page_is_transient_and_says_what_it_was() {
    let answer = response(
        "503 Service Temporarily Unavailable",
        "text/html",
        &[],
        NGINX_503,
    );
    let error = one(answer).await.unwrap_err();
    let ClientError::Transport { failure, .. } = &error else {
        panic!("a transport failure: {error:?}");
    };
    assert_eq!(failure.http_status, 503);
    assert!(error.is_transient());
    assert_eq!(error.retry_after(), None);
    assert!(
        error
            .to_string()
            .contains("503 Service Temporarily Unavailable"),
        "{error}"
    );
}

#[tokio::test]
async fn a_success_gives_its_body() {
    let body = one(json("200 OK", SUCCESS)).await.expect("a success");
    assert_eq!(body, SUCCESS.as_bytes());
}

#[tokio::test]
async fn a_2xx_body_that_is_no_envelope_is_a_success_too() {
    // What a client of Subsonic's `stream` or a JSON list endpoint gets back.
    for (content_type, body) in [
        ("text/plain", "bought"),
        ("application/json", "[1,2]"),
        ("audio/mpeg", "ID3 tag and frames"),
        ("text/plain", ""),
    ] {
        let answer = response("200 OK", content_type, &[], body);
        let got = one(answer).await.expect("a success");
        assert_eq!(got, body.as_bytes(), "{content_type}");
    }
}

#[tokio::test]
async fn a_refused_connection_is_a_transient_request_error() {
    // Bound, then closed: nothing listens on the port any more.
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    drop(listener);
    let error = reqwest::get(format!("http://{address}/"))
        .await
        .map_err(request_error::<ErrorCode>)
        .unwrap_err();
    assert!(matches!(error, ClientError::Request { .. }));
    assert!(error.is_transient());
    assert_eq!(error.http_status(), None);
}

/// What an Ampache 8 server sends for an album that does not exist, byte for byte.
const AMPACHE_NOT_FOUND: &str =
    include_str!("../../tests/corpus/data/ampache-server/api8/json/error-4704.json");

/// The user's locale gives the spec's translation of the code's message, falling back
/// `de-AT` -> `de` -> the spec's default; the server's own message stays in the body.
#[tokio::test]
async fn messages_in_the_users_locale() {
    use errors_core::ampache;

    for (locale, message) in [
        ("de-AT", "Nicht gefunden"),
        ("fr", "Non trouvé"),
        ("es-MX", "No encontrado"),
        ("ja", "Not Found"),
    ] {
        let answer = response(
            "404 Not Found",
            "application/json; charset=UTF-8",
            &[],
            AMPACHE_NOT_FOUND,
        );
        let (url, _) = stub(vec![answer]).await;
        let response = reqwest::get(&url).await.expect("an answer");
        let error = response
            .reply_in::<ampache::ErrorCode>(locale)
            .await
            .expect_err("an error");
        assert_eq!(
            error.to_string(),
            format!("Ampache API error 4704 (NotFound): {message} (HTTP 404)")
        );
        let received = error.api_error().expect("the API's error");
        assert_eq!(received.message(), message);
        assert_eq!(received.body.message, "Not Found: 1");
    }
    // Without a locale, the server's message as sent.
    let answer = response("404 Not Found", "application/json", &[], AMPACHE_NOT_FOUND);
    let (url, _) = stub(vec![answer]).await;
    let response = reqwest::get(&url).await.expect("an answer");
    let error = response
        .reply::<ampache::ErrorCode>()
        .await
        .expect_err("an error");
    assert_eq!(
        error.to_string(),
        "Ampache API error 4704 (NotFound): Not Found: 1 (HTTP 404)"
    );
}

/// A backoff short enough for tests: a wait that takes a second comes from Retry-After.
fn quick(max_times: usize) -> ExponentialBuilder {
    ExponentialBuilder::default()
        .with_min_delay(Duration::from_millis(1))
        .with_max_delay(Duration::from_millis(5))
        .with_max_times(max_times)
}

async fn run(script: Vec<String>, max_times: usize) -> (lastfm_client::Outcome, Vec<String>) {
    let (url, requests) = stub(script).await;
    let client = reqwest::Client::new();
    let params = [("artist", "Cher"), ("api_key", "KEY")];
    let outcome =
        lastfm_client::call(&client, &url, "artist.getInfo", &params, quick(max_times)).await;
    let requests = requests.lock().expect("lock").clone();
    (outcome, requests)
}

#[tokio::test]
async fn the_example_retries_16_29_and_503_until_a_success() {
    let script = vec![
        json("200 OK", TEMPORARY),
        json("200 OK", RATE_LIMIT),
        response(
            "503 Service Temporarily Unavailable",
            "text/html",
            &[],
            NGINX_503,
        ),
        json("200 OK", SUCCESS),
    ];
    let (outcome, requests) = run(script, 5).await;
    assert_eq!(outcome.result.expect("a success"), SUCCESS.as_bytes());
    assert_eq!(outcome.attempts, 4);
    assert_eq!(requests.len(), 4);
    assert!(
        requests[0]
            .starts_with("GET /2.0/?method=artist.getInfo&format=json&artist=Cher&api_key=KEY "),
        "{}",
        requests[0]
    );
}

#[tokio::test]
async fn the_example_stops_at_once_on_codes_6_and_10() {
    for body in [INVALID_PARAMS, INVALID_KEY] {
        let script = vec![json("200 OK", body), json("200 OK", SUCCESS)];
        let (outcome, requests) = run(script, 5).await;
        let error = outcome.result.expect_err("the API's error");
        assert_eq!(error.retry(), Some(Retry::Never));
        assert_eq!(outcome.attempts, 1);
        assert_eq!(requests.len(), 1);
    }
}

#[tokio::test]
async fn the_example_gives_up_when_the_backoff_is_spent() {
    let script = vec![json("200 OK", TEMPORARY); 4];
    let (outcome, _) = run(script, 2).await;
    let error = outcome.result.expect_err("still failing");
    assert_eq!(
        error.code(),
        Some(Code::Known(ErrorCode::TemporarilyUnavailable))
    );
    assert_eq!(outcome.attempts, 3);
}

#[tokio::test]
async fn the_example_waits_as_long_as_retry_after_says() {
    let seconds = response("429 Too Many Requests", "", &["Retry-After: 1"], "");
    let start = Instant::now();
    let (outcome, _) = run(vec![seconds, json("200 OK", SUCCESS)], 3).await;
    assert!(outcome.result.is_ok());
    assert_eq!(outcome.attempts, 2);
    assert!(
        start.elapsed() >= Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );

    // An HTTP-date two seconds ahead: at least one whole second once rounded down.
    let at = SystemTime::now() + Duration::from_secs(2);
    let header = format!("Retry-After: {}", httpdate::fmt_http_date(at));
    let date = response(
        "429 Too Many Requests",
        "application/json",
        &[&header],
        RATE_LIMIT,
    );
    let start = Instant::now();
    let (outcome, _) = run(vec![date, json("200 OK", SUCCESS)], 3).await;
    assert!(outcome.result.is_ok());
    assert_eq!(outcome.attempts, 2);
    assert!(
        start.elapsed() >= Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
}

#[tokio::test]
async fn the_example_stops_when_retry_after_is_longer_than_it_waits() {
    let answer = response(
        "503 Service Unavailable",
        "text/html",
        &["Retry-After: 3600"],
        NGINX_503,
    );
    let (outcome, _) = run(vec![answer, json("200 OK", SUCCESS)], 3).await;
    let error = outcome.result.expect_err("not waited for");
    assert_eq!(error.retry_after(), Some(Duration::from_secs(3600)));
    assert_eq!(outcome.attempts, 1);
}

#[derive(Debug, thiserror::Error)]
enum AppError {
    #[error("Last.fm: {0}")]
    Lastfm(#[from] ClientError<ErrorCode>),
}

#[tokio::test]
async fn question_mark_takes_it_into_box_dyn_error_anyhow_and_thiserror() {
    async fn boxed() -> Result<Vec<u8>, Box<dyn Error + Send + Sync>> {
        Ok(one(json("200 OK", RATE_LIMIT)).await?)
    }
    async fn with_anyhow() -> anyhow::Result<Vec<u8>> {
        Ok(one(json("200 OK", RATE_LIMIT)).await?)
    }
    async fn with_thiserror() -> Result<Vec<u8>, AppError> {
        Ok(one(json("200 OK", RATE_LIMIT)).await?)
    }
    let expected = "Last.fm API error 29 (RateLimitExceeded): Rate Limit Exceeded - Your IP has made too many requests in a short period (HTTP 200)";
    let error = boxed().await.unwrap_err();
    assert_eq!(error.to_string(), expected);
    let typed = error
        .downcast_ref::<ClientError<ErrorCode>>()
        .expect("downcast");
    assert!(typed.is_transient());
    let error = with_anyhow().await.unwrap_err();
    assert_eq!(error.to_string(), expected);
    assert!(error.downcast_ref::<ClientError<ErrorCode>>().is_some());
    // The received error is the source, and an error of its own.
    let source = error.source().expect("the received error");
    assert!(
        source
            .to_string()
            .starts_with("Last.fm API error 29 (RateLimitExceeded)")
    );
    let error = with_thiserror().await.unwrap_err();
    assert_eq!(error.to_string(), format!("Last.fm: {expected}"));
    assert!(matches!(error, AppError::Lastfm(ClientError::Api { .. })));
}
