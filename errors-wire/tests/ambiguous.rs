//! A body that gives a member deciding the error twice is refused as ambiguous, in JSON and
//! in XML, whichever family; members that decide nothing may repeat. The bodies are the
//! servers' own layouts (Last.fm, GNU FM, Ampache 4 and 6, Subsonic, RFC 9457) with one
//! member doubled.

use errors_wire::{Format, ParseError, parse};

fn ambiguous(format: Format, member: &'static str) -> Result<(u32, String), ParseError> {
    Err(ParseError::Ambiguous { format, member })
}

fn read(body: &str) -> Result<(u32, String), ParseError> {
    parse(body.as_bytes()).map(|error| (error.code, error.message.into_owned()))
}

fn problem(body: &str) -> Result<(u32, String), ParseError> {
    errors_wire::problem::parse(body.as_bytes()).map(|e| (e.code, e.message.into_owned()))
}

#[test]
fn json_members_that_decide_the_error_may_not_come_twice() {
    let json = Format::Json;
    let cases: [(&str, &str); 16] = [
        // Last.fm: the code, or the message, twice; last-wins would answer 7.
        (r#"{"error":6,"message":"x","error":7}"#, "error"),
        (
            r#"{"error":6,"message":"User not found","message":"Invalid session key"}"#,
            "message",
        ),
        // Ampache 6, 4; GNU FM's XML made JSON.
        (
            r#"{"error":{"errorCode":"4704","errorAction":"user","errorType":"username","errorMessage":"Not found","errorCode":"4701"}}"#,
            "errorCode",
        ),
        (
            r#"{"error":{"errorCode":"4704","errorAction":"user","errorType":"username","errorMessage":"Not found","errorMessage":"Missing"}}"#,
            "errorMessage",
        ),
        (
            r#"{"error":{"code":"401","message":"a","code":"400"}}"#,
            "code",
        ),
        (
            r#"{"error":{"code":"401","message":"a","message":"b"}}"#,
            "message",
        ),
        (
            r##"{"error":{"#text":"Invalid API key","code":"10","code":"9"}}"##,
            "code",
        ),
        // A whole error object twice.
        (
            r#"{"error":{"errorCode":"4704","errorMessage":"a"},"error":{"errorCode":"4701","errorMessage":"b"}}"#,
            "error",
        ),
        // Subsonic: the response, its error, the error's code or message.
        (
            r#"{"subsonic-response":{"status":"failed","version":"1.16.1","error":{"code":40,"message":"Wrong username or password"}},"subsonic-response":{"status":"failed","version":"1.16.1","error":{"code":70,"message":"Not found"}}}"#,
            "subsonic-response",
        ),
        (
            r#"{"subsonic-response":{"status":"failed","version":"1.16.1","error":{"code":40,"message":"a"},"error":{"code":70,"message":"b"}}}"#,
            "error",
        ),
        (
            r#"{"subsonic-response":{"status":"failed","version":"1.16.1","error":{"code":40,"code":70,"message":"a"}}}"#,
            "code",
        ),
        (
            r#"{"subsonic-response":{"status":"failed","version":"1.16.1","error":{"code":40,"message":"a","message":"b"}}}"#,
            "message",
        ),
        // A status that says "failed" and then "ok" settles nothing.
        (
            r#"{"subsonic-response":{"status":"failed","status":"ok","error":{"code":40}}}"#,
            "status",
        ),
        (
            r#"{"subsonic-response":{"status":"failed","version":"1.16.1","version":"1.15.0","error":{"code":20}}}"#,
            "version",
        ),
        // Problem details: the code, or the detail that is the message.
        (
            r#"{"type":"about:blank","title":"Forbidden","code":5,"code":6}"#,
            "code",
        ),
        (
            r#"{"type":"about:blank","detail":"a","code":5,"detail":"b"}"#,
            "detail",
        ),
    ];
    for (body, member) in cases {
        assert_eq!(read(body), ambiguous(json, member), "{body}");
    }
    // In JSONP too, and through `problem::parse`.
    assert_eq!(
        read(r#"cb({"error":6,"message":"x","error":7});"#),
        ambiguous(json, "error")
    );
    assert_eq!(problem(r#"{"code":5,"code":6}"#), ambiguous(json, "code"));
}

#[test]
fn json_members_that_decide_nothing_may_come_twice() {
    let cases: [(&str, u32, &str); 5] = [
        // Last.fm's `links`, an unknown member.
        (r#"{"error":6,"message":"x","links":[],"links":[]}"#, 6, "x"),
        (r#"{"error":6,"message":"x","extra":1,"extra":2}"#, 6, "x"),
        // Ampache's `errorDetails`; a legacy `code` beside the modern `errorCode`.
        (
            r#"{"error":{"errorCode":"4704","errorMessage":"a","errorDetails":1,"errorDetails":2,"code":"1","code":"2"}}"#,
            4704,
            "a",
        ),
        // Problem details: an extension member named like another family's.
        (
            r#"{"type":"about:blank","code":5,"error":1,"error":2,"message":"a","message":"b"}"#,
            5,
            "",
        ),
        // Subsonic: a member of the response that is not read.
        (
            r#"{"subsonic-response":{"status":"failed","x":1,"x":2,"error":{"code":40,"message":"a","y":1,"y":2}}}"#,
            40,
            "a",
        ),
    ];
    for (body, code, message) in cases {
        assert_eq!(read(body), Ok((code, message.to_string())), "{body}");
    }
}

#[test]
fn xml_errors_and_their_fields_may_not_come_twice() {
    let xml = Format::Xml;
    let cases: [(&str, &str); 9] = [
        // A second `<error>` where the error is, in each family.
        (
            r#"<lfm status="failed"><error code="6">x</error><error code="7">y</error></lfm>"#,
            "error",
        ),
        (
            r#"<subsonic-response xmlns="http://subsonic.org/restapi" status="failed" version="1.16.1"><error code="40" message="a"/><error code="70" message="b"/></subsonic-response>"#,
            "error",
        ),
        (
            r#"<root><error errorCode="4704"><errorMessage>a</errorMessage></error><error errorCode="4701"><errorMessage>b</errorMessage></error></root>"#,
            "error",
        ),
        (
            r#"<root><error code="401">a</error><error code="400">b</error></root>"#,
            "error",
        ),
        // A code attribute twice (which XML does not allow at all).
        (
            r#"<lfm status="failed"><error code="6" code="7">x</error></lfm>"#,
            "code",
        ),
        (
            r#"<subsonic-response status="failed" version="1.16.1"><error code="40" message="a" message="b"/></subsonic-response>"#,
            "message",
        ),
        (
            r#"<root><error errorCode="4704" errorCode="4701"/></root>"#,
            "errorCode",
        ),
        // Ampache 6's message element twice.
        (
            r#"<root><error errorCode="4704"><errorMessage>a</errorMessage><errorMessage>b</errorMessage></error></root>"#,
            "errorMessage",
        ),
        (
            r#"<problem xmlns="urn:ietf:rfc:7807"><code>5</code><code>6</code></problem>"#,
            "code",
        ),
    ];
    for (body, member) in cases {
        assert_eq!(read(body), ambiguous(xml, member), "{body}");
    }
}

#[test]
fn xml_elements_that_decide_nothing_may_come_twice() {
    // Two unknown children beside the error, before and after it.
    let body = r#"<lfm status="failed"><links/><links/><error code="6">x</error><extra/><extra>1</extra></lfm>"#;
    assert_eq!(read(body), Ok((6, "x".into())));
    let body = r#"<root><error errorCode="4704"><errorDetails/><errorDetails>1</errorDetails><errorMessage>a</errorMessage></error></root>"#;
    assert_eq!(read(body), Ok((4704, "a".into())));
    // An unknown attribute twice still breaks XML's well-formedness, as every reader says.
    let body = r#"<lfm status="failed"><error code="6" x="1" x="2">x</error></lfm>"#;
    assert!(matches!(
        parse(body.as_bytes()),
        Err(ParseError::Malformed {
            reason: "attribute given twice",
            ..
        })
    ));
}

#[test]
fn the_error_names_the_member() {
    let error = parse(br#"{"error":6,"message":"x","error":7}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the JSON body is ambiguous: it gives `error` twice, and either could be the error"
    );
}
