//! Classifying responses against a catalog, as a client does: typed codes, retry advice,
//! unknown codes kept as sent, and transport failures told apart.

use errors_core::{Code, Reply, Retry, ampache, lastfm, subsonic};
use errors_corpus as corpus;

#[test]
fn every_ampache_corpus_body_classifies_to_its_code() {
    let dir = corpus::dir();
    for row in corpus::ampache_index(&dir) {
        let body = corpus::read(&dir.join("ampache-server").join(&row.file));
        let status = row.status().expect("API 8 rows give their status");
        let Reply::Error(error) = Reply::<ampache::ErrorCode>::from_http(status, None, &body)
        else {
            panic!("{} is an error body", row.file);
        };
        let expected = ampache::ErrorCode::from_code(row.code).expect("a catalog code");
        assert_eq!(error.code, Code::Known(expected), "{}", row.file);
        assert_eq!(error.message(), row.message, "{}", row.file);
        assert_eq!(error.retry(), Some(expected.retry()));
    }
}

#[test]
fn lastfm_errors_are_read_whatever_the_status() {
    let busy = br#"{"error":16,"message":"There was a temporary error processing your request."}"#;
    let Reply::Error(error) =
        Reply::<lastfm::ErrorCode>::from_http(503, Some("application/json"), busy)
    else {
        panic!("code 16 comes with 503");
    };
    assert_eq!(
        error.code,
        Code::Known(lastfm::ErrorCode::TemporarilyUnavailable)
    );
    assert_eq!(error.retry(), Some(Retry::Later));

    let with_200 = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lfm status=\"failed\">\n  \
        <error code=\"9\">Invalid session key - Please re-authenticate</error>\n</lfm>\n";
    let Reply::Error(error) =
        Reply::<lastfm::ErrorCode>::from_http(200, Some("text/xml"), with_200)
    else {
        panic!("errors also come with 200");
    };
    assert_eq!(
        error.code,
        Code::Known(lastfm::ErrorCode::InvalidSessionKey)
    );
    assert_eq!(error.retry(), Some(Retry::Reauthenticate));

    let success = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lfm status=\"ok\">\n</lfm>\n";
    assert_eq!(
        Reply::<lastfm::ErrorCode>::from_http(200, Some("text/xml"), success),
        Reply::Success
    );
}

#[test]
fn unknown_and_foreign_codes_stay_numbers() {
    let unknown = br#"{"error":99,"message":"Something new"}"#;
    let Reply::Error(error) = Reply::<lastfm::ErrorCode>::from_http(200, None, unknown) else {
        panic!("an error body");
    };
    assert_eq!(error.code, Code::Unknown(99));
    assert_eq!(error.code.as_u32(), 99);
    assert_eq!(error.retry(), None);
    assert_eq!(error.message(), "Something new");

    // A Subsonic 10 is not Last.fm's 10 (invalid API key), even though both catalogs have it.
    let subsonic_body = br#"{"subsonic-response":{"status":"failed","version":"1.16.1","error":{"code":10,"message":"Required parameter is missing."}}}"#;
    let Reply::Error(error) = Reply::<lastfm::ErrorCode>::from_http(200, None, subsonic_body)
    else {
        panic!("an error body");
    };
    assert_eq!(error.code, Code::Unknown(10));
    let Reply::Error(error) = Reply::<subsonic::ErrorCode>::from_http(429, None, subsonic_body)
    else {
        panic!("Navidrome sends errors with 429");
    };
    assert_eq!(
        error.code,
        Code::Known(subsonic::ErrorCode::MissingParameter)
    );
}

#[test]
fn transport_failures_say_what_they_found() {
    let page = b"<html><head><title>502 Bad Gateway</title></head></html>";
    let Reply::Transport(failure) =
        Reply::<ampache::ErrorCode>::from_http(502, Some("text/html"), page)
    else {
        panic!("a gateway page is no API error");
    };
    assert_eq!(failure.http_status, 502);
    assert!(failure.to_string().contains("502 Bad Gateway"), "{failure}");
    assert!(matches!(
        Reply::<ampache::ErrorCode>::from_http(500, None, b""),
        Reply::Transport(_)
    ));
    assert!(matches!(
        Reply::<ampache::ErrorCode>::from_http(200, None, b"<root><error errorCode=\"47"),
        Reply::Transport(_)
    ));
}

/// A downstream catalog's messages in the user's locale: the spec's translation, except a
/// message with placeholders, which only the server can fill and so stays as sent.
#[test]
fn a_downstream_catalog_translates_what_it_can() {
    use errors_tests::shop::ErrorCode;

    let declined = br#"{"error":2,"message":"Card refused by the bank"}"#;
    let Reply::Error(error) = Reply::<ErrorCode>::from_http(402, None, declined) else {
        panic!("an error body");
    };
    assert_eq!(error.message(), "Card refused by the bank");
    let error = error.with_locale("fr-BE");
    assert_eq!(error.locale(), Some("fr"));
    assert_eq!(error.message(), "Paiement refusé");
    assert_eq!(error.body.message, "Card refused by the bank");
    assert_eq!(error.with_locale("de").message(), "Payment declined");

    let sold_out = br#"{"error":1,"message":"Item A-1 is out of stock"}"#;
    let Reply::Error(error) = Reply::<ErrorCode>::from_http(200, None, sold_out) else {
        panic!("an error body");
    };
    let error = error.with_locale("fr");
    assert!(ErrorCode::OutOfStock.message_in("fr").contains("{sku}"));
    assert_eq!(error.message(), "Item A-1 is out of stock");
}
