//! What a client makes of a response: the body is read whatever the status.

use errors_wire::{Family, Outcome, ParseError, TransportFailure, classify};

fn api_error(outcome: Outcome<'_>) -> (Family, u32) {
    match outcome {
        Outcome::ApiError(error) => (error.family(), error.code),
        other => panic!("expected an API error, got {other:?}"),
    }
}

fn transport(outcome: Outcome<'_>) -> TransportFailure {
    match outcome {
        Outcome::Transport(failure) => failure,
        other => panic!("expected a transport failure, got {other:?}"),
    }
}

#[test]
fn api_errors_whatever_the_status() {
    let busy = br#"{"error":16,"message":"There was a temporary error processing your request. Please try again"}"#;
    assert_eq!(
        api_error(classify(503, Some("application/json"), busy)),
        (Family::Lastfm, 16)
    );
    let not_found = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lfm status=\"failed\">\n  <error code=\"6\">User not found</error>\n</lfm>\n";
    assert_eq!(
        api_error(classify(200, Some("text/xml"), not_found)),
        (Family::Lastfm, 6)
    );
    let rate_limited = br#"{"subsonic-response":{"status":"failed","version":"1.16.1","type":"navidrome","serverVersion":"0.53.3","openSubsonic":true,"error":{"code":0,"message":"too many requests"}}}"#;
    assert_eq!(
        api_error(classify(429, Some("application/json"), rate_limited)),
        (Family::Subsonic, 0)
    );
    let ampache = b"<root><error errorCode=\"4701\"><errorMessage><![CDATA[Session Expired]]></errorMessage></error></root>";
    assert_eq!(
        api_error(classify(401, Some("text/xml; charset=UTF-8"), ampache)),
        (Family::Ampache, 4701)
    );
}

#[test]
fn problem_details_by_content_type() {
    let body =
        br#"{"traceId":"00-abc","type":"about:blank","title":"Gone","status":410,"code":4706}"#;
    assert_eq!(
        api_error(classify(
            410,
            Some("Application/Problem+JSON; charset=utf-8"),
            body
        )),
        (Family::Problem, 4706)
    );
    assert_eq!(
        transport(classify(410, Some("application/json"), body)).body,
        ParseError::NotAnError { family: None }
    );
}

#[test]
fn success_responses() {
    let ok = br#"{"subsonic-response":{"status":"ok","version":"1.16.1"}}"#;
    assert_eq!(
        classify(200, Some("application/json"), ok),
        Outcome::Success
    );
    assert_eq!(classify(204, None, b""), Outcome::Success);
    assert_eq!(
        classify(200, None, b"<lfm status=\"ok\"><track/></lfm>"),
        Outcome::Success
    );
    // A 2xx body that is no API's envelope carries no error: an empty body, what Subsonic's
    // `stream` and `getCoverArt` send, plain text, a JSON array, an XML feed.
    assert_eq!(classify(200, None, b""), Outcome::Success);
    assert_eq!(
        classify(200, Some("image/png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        Outcome::Success
    );
    assert_eq!(
        classify(200, Some("audio/mpeg"), b"ID3\x04\0\0\0\0\0\x23TSSE"),
        Outcome::Success
    );
    assert_eq!(
        classify(200, Some("text/plain"), b"bought"),
        Outcome::Success
    );
    assert_eq!(
        classify(200, Some("application/json"), b"[1,2]"),
        Outcome::Success
    );
    assert_eq!(
        classify(
            200,
            Some("application/rss+xml"),
            b"<rss version=\"2.0\"><channel/></rss>"
        ),
        Outcome::Success
    );
    // The same bodies with an error status are no success.
    assert!(matches!(
        transport(classify(502, Some("text/plain"), b"bought")).body,
        ParseError::Unrecognised { .. }
    ));
    assert!(matches!(
        transport(classify(500, Some("application/json"), b"[1,2]")).body,
        ParseError::UnexpectedRoot { .. }
    ));
}

#[test]
fn transport_failures_say_why() {
    let gateway = b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>nginx</body>\r\n</html>\r\n";
    let failure = transport(classify(502, Some("text/html"), gateway));
    assert_eq!(failure.http_status, 502);
    assert_eq!(
        failure.body,
        ParseError::Html {
            title: Some("502 Bad Gateway".into())
        }
    );
    assert_eq!(
        failure.to_string(),
        "HTTP 502: the body is an HTML page: \"502 Bad Gateway\""
    );

    let portal = b"<!DOCTYPE html><html><head><title>Sign in to Wi-Fi</title>";
    assert!(matches!(
        transport(classify(200, Some("text/html"), portal)).body,
        ParseError::Html { .. }
    ));
    assert_eq!(transport(classify(500, None, b"")).body, ParseError::Empty);
    assert!(matches!(
        transport(classify(200, None, br#"{"error":6,"message":"cut"#)).body,
        ParseError::Truncated { .. }
    ));
    // A success body with an error status is not a success.
    let ok = br#"{"subsonic-response":{"status":"ok","version":"1.16.1"}}"#;
    assert_eq!(
        transport(classify(500, None, ok)).body,
        ParseError::NotAnError {
            family: Some(Family::Subsonic)
        }
    );
}
