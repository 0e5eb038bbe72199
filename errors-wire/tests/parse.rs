//! The parser on bodies as real servers and networks deliver them: tolerant of layout,
//! strict about what is not an error body, and bounded on hostile input.

use std::borrow::Cow;

use errors_wire::{ErrorBody, Family, Format, MAX_BODY_LEN, MAX_DEPTH, ParseError, Shape, parse};

fn error(body: &[u8]) -> ErrorBody<'_> {
    parse(body).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(body)))
}

fn modern<'a>(action: &'a str, error_type: &'a str) -> Shape<'a> {
    Shape::AmpacheModern {
        action: action.into(),
        error_type: error_type.into(),
    }
}

#[test]
fn ampache_xml_in_any_layout() {
    let bodies: [&[u8]; 5] = [
        // No declaration, no blanks, attributes in single quotes, children in another order.
        b"<root><error errorCode='4704'><errorMessage><![CDATA[Not Found: 1]]></errorMessage><errorType>filter</errorType><errorAction><![CDATA[album]]></errorAction></error></root>",
        // A byte order mark, a declaration in lower case and without a space before `?>`.
        b"\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"utf-8\"?><root>\r\n\t<error errorCode=\"4704\" extra=\"x\">\r\n\t\t<errorAction>album</errorAction>\r\n\t\t<errorType><![CDATA[filter]]></errorType>\r\n\t\t<errorMessage><![CDATA[Not Found: 1]]></errorMessage>\r\n\t</error>\r\n</root>\r\n",
        // A space before `?>`, a comment, an unknown child, text split between CDATA and escapes.
        b"<?xml version='1.0' encoding='UTF-8' ?>\n<!-- generated -->\n<root>\n <error errorCode=\" 4704 \">\n  <debug><trace a=\"1\">x</trace></debug>\n  <errorAction>album</errorAction>\n  <errorType>fil<![CDATA[ter]]></errorType>\n  <errorMessage>Not Found&#58; <![CDATA[1]]></errorMessage>\n </error>\n</root>",
        // The real server's tab-indented template, which it sends when libxml fails.
        b"<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<root>\n\t<error errorCode=\"4704\">\n\t\t<errorAction><![CDATA[album]]></errorAction>\n\t\t<errorType><![CDATA[filter]]></errorType>\n\t\t<errorMessage><![CDATA[Not Found: 1]]></errorMessage>\n\t</error>\n</root>",
        // A processing instruction and a DOCTYPE without an internal subset.
        b"<?xml version=\"1.0\"?><?php-info x?><!DOCTYPE root><root><error errorCode=\"4704\"><errorAction>album</errorAction><errorType>filter</errorType><errorMessage>Not Found: 1</errorMessage></error></root><!-- end -->",
    ];
    for body in bodies {
        let parsed = error(body);
        assert_eq!(
            (parsed.format, parsed.code, &*parsed.message),
            (Format::Xml, 4704, "Not Found: 1")
        );
        assert_eq!(
            parsed.shape,
            modern("album", "filter"),
            "{}",
            String::from_utf8_lossy(body)
        );
    }
}

#[test]
fn ampache_legacy_and_json_in_any_layout() {
    let legacy =
        error(b"<root><error code=\"401\">\n  <![CDATA[Session Expired]]>\n</error></root>");
    assert_eq!(
        (legacy.code, &*legacy.message, legacy.shape),
        (401, "Session Expired", Shape::AmpacheLegacy)
    );

    let escaped = error(b"<root><error code=\"404\">Not &lt;found&gt; &amp; gone</error></root>");
    assert_eq!(escaped.message, "Not <found> & gone");

    let empty = error(b"<root><error code=\"405\"/></root>");
    assert_eq!((empty.code, &*empty.message), (405, ""));

    let numbers = error(br#"{"error":{"errorMessage":"Require: 100","errorType":"account","errorCode":4742,"errorAction":"user_create","trace":[1,{"a":null}]}}"#);
    assert_eq!((numbers.code, &*numbers.message), (4742, "Require: 100"));
    assert_eq!(numbers.shape, modern("user_create", "account"));

    let legacy_json = error(
        b"\xef\xbb\xbf {\"error\" : {\"message\" : \"Session Expired\", \"code\" : \"401\"}}\n",
    );
    assert_eq!(
        (legacy_json.code, &*legacy_json.message, legacy_json.shape),
        (401, "Session Expired", Shape::AmpacheLegacy)
    );
}

#[test]
fn unescaping_borrows_only_when_it_can() {
    let plain = error(br#"{"error":6,"message":"User not found"}"#);
    assert!(matches!(plain.message, Cow::Borrowed(_)));
    let escaped = error(br#"{"error":6,"message":"AC\/DC \u00e9t\u00e9 \ud83d\ude00"}"#);
    assert!(matches!(escaped.message, Cow::Owned(_)));
    assert_eq!(escaped.message, "AC/DC été 😀");
    let cdata = error(b"<root><error code=\"1\"><![CDATA[a & b]]></error></root>");
    assert!(matches!(cdata.message, Cow::Borrowed("a & b")));

    let detached = escaped.clone().into_owned();
    assert_eq!(detached, escaped);
}

#[test]
fn lastfm_in_any_layout() {
    for body in [
        &br#"{"message":"Invalid API key - You must be granted a valid key by last.fm","error":10,"links":[]}"#[..],
        br#"{"error":"10","message":"Invalid API key - You must be granted a valid key by last.fm"}"#,
        b"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<lfm status=\"failed\">\n<error code=\"10\">Invalid API key - You must be granted a valid key by last.fm</error></lfm>",
    ] {
        let parsed = error(body);
        assert_eq!(parsed.family(), Family::Lastfm);
        assert_eq!((parsed.code, &*parsed.message), (10, "Invalid API key - You must be granted a valid key by last.fm"));
    }
    let links_first =
        error(br#"{"links":[],"extra":{"a":[1,2]},"error":6,"message":"User not found"}"#);
    assert_eq!(
        (links_first.code, &*links_first.message),
        (6, "User not found")
    );
    let no_message = error(br#"{"error":8}"#);
    assert_eq!((no_message.code, &*no_message.message), (8, ""));
}

#[test]
fn subsonic_and_opensubsonic() {
    let navidrome = error(br#"{"subsonic-response":{"status":"failed","version":"1.16.1","type":"navidrome","serverVersion":"0.53.3 (13af8ed4)","openSubsonic":true,"error":{"code":40,"message":"Wrong username or password","helpUrl":"https://example.org/40"}}}"#);
    assert_eq!(
        (navidrome.code, &*navidrome.message),
        (40, "Wrong username or password")
    );
    assert_eq!(
        navidrome.shape,
        Shape::Subsonic {
            version: Some("1.16.1".into()),
            server_type: Some("navidrome".into()),
            server_version: Some("0.53.3 (13af8ed4)".into()),
            open_subsonic: true,
            help_url: Some("https://example.org/40".into()),
        }
    );
    let xml = error(b"<subsonic-response version=\"1.16.1\" status=\"failed\" xmlns=\"http://subsonic.org/restapi\" openSubsonic=\"true\" type=\"gonic\"><error message=\"not &quot;found&quot;\" code=\"70\"></error></subsonic-response>");
    assert_eq!((xml.code, &*xml.message), (70, "not \"found\""));
    assert!(matches!(
        xml.shape,
        Shape::Subsonic {
            open_subsonic: true,
            server_type: Some(Cow::Borrowed("gonic")),
            ..
        }
    ));
}

#[test]
fn unknown_codes_are_kept() {
    assert_eq!(
        error(b"<root><error errorCode=\"4799\"/></root>").code,
        4799
    );
    assert_eq!(
        error(br#"{"error":4294967295,"message":"x"}"#).code,
        u32::MAX
    );
}

#[test]
fn problem_details() {
    let body = br#"{"type":"https://example.org/errors/4704","title":"Not Found","status":404,"detail":"Not Found: 1","instance":"/album/1","code":4704}"#;
    let parsed = error(body);
    assert_eq!(
        (parsed.family(), parsed.code, &*parsed.message),
        (Family::Problem, 4704, "Not Found: 1")
    );
    assert_eq!(
        parsed.shape,
        Shape::Problem {
            type_uri: Some("https://example.org/errors/4704".into()),
            title: Some("Not Found".into()),
            status: Some(404),
            instance: Some("/album/1".into()),
        }
    );
    let extension_first = br#"{"traceId":"abc","title":"Not Found","code":"4704"}"#;
    assert_eq!(
        parse(extension_first),
        Err(ParseError::NotAnError { family: None })
    );
    assert_eq!(
        errors_wire::problem::parse(extension_first).map(|e| e.code),
        Ok(4704)
    );
    assert_eq!(
        errors_wire::problem::parse(br#"{"title":"Not Found","status":404}"#),
        Err(ParseError::MissingField {
            family: Family::Problem,
            field: "code"
        })
    );
}

#[test]
fn success_bodies_are_not_errors() {
    let cases: [(&[u8], Option<Family>); 8] = [
        (b"<?xml version=\"1.0\"?>\n<lfm status=\"ok\">\n<session><name>x</name></session></lfm>", Some(Family::Lastfm)),
        (br#"{"subsonic-response":{"status":"ok","version":"1.16.1","ping":{}}}"#, Some(Family::Subsonic)),
        (b"<subsonic-response xmlns=\"http://subsonic.org/restapi\" status=\"ok\" version=\"1.16.1\"/>", Some(Family::Subsonic)),
        (b"<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<root>\n\t<success code=\"1\"><![CDATA[pong]]></success>\n</root>", Some(Family::Ampache)),
        (b"<root/>", Some(Family::Ampache)),
        (b"<root>\n</root>", Some(Family::Ampache)),
        (br#"{"success":"pong"}"#, None),
        (br#"{"song":[{"id":"1","title":"error"}],"error":"looks like an error but comes second"}"#, None),
    ];
    for (body, family) in cases {
        assert_eq!(
            parse(body),
            Err(ParseError::NotAnError { family }),
            "{}",
            String::from_utf8_lossy(body)
        );
    }
}

#[test]
fn bodies_that_are_not_error_bodies_say_what_they_are() {
    let nginx = b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    assert_eq!(
        parse(nginx),
        Err(ParseError::Html {
            title: Some("502 Bad Gateway".into())
        })
    );
    let doctype = b"\n<!DOCTYPE html>\n<html lang=en><meta charset=utf-8><title>Error 503 (Service \xe9 Unavailable)</title>";
    assert_eq!(
        parse(doctype),
        Err(ParseError::Html {
            title: Some("Error 503 (Service \u{fffd} Unavailable)".into())
        })
    );
    let xhtml = b"<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Oops</title></head></html>";
    assert_eq!(
        parse(xhtml),
        Err(ParseError::Html {
            title: Some("Oops".into())
        })
    );

    assert_eq!(parse(b""), Err(ParseError::Empty));
    assert_eq!(parse(b" \r\n\t"), Err(ParseError::Empty));
    assert_eq!(parse(b"\xef\xbb\xbf"), Err(ParseError::Empty));
    assert_eq!(
        parse(b"Bad Gateway\n"),
        Err(ParseError::Unrecognised {
            found: "Bad Gateway\n".into()
        })
    );
    assert_eq!(
        parse(b"404 page not found"),
        Err(ParseError::Unrecognised {
            found: "404 page not found".into()
        })
    );

    assert_eq!(
        parse(b"<?xml version=\"1.0\"?><response><error code=\"1\"/></response>"),
        Err(ParseError::UnexpectedRoot {
            format: Format::Xml,
            found: "response".into()
        })
    );
    assert_eq!(
        parse(b"[1,2]"),
        Err(ParseError::UnexpectedRoot {
            format: Format::Json,
            found: "array".into()
        })
    );

    assert_eq!(
        parse(b"<?xml version=\"1.0\" encoding=\"x-klingon\"?><lfm status=\"failed\"/>"),
        Err(ParseError::UnsupportedEncoding {
            found: "x-klingon".into()
        })
    );
    assert_eq!(
        parse(b"<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?><lfm status=\"failed\"/>"),
        Err(ParseError::UnsupportedEncoding {
            found: "ISO-2022-JP".into()
        })
    );
    // JSON is UTF-8 (RFC 8259); XML in UTF-16 is read, see `encodings.rs`.
    assert_eq!(
        parse(b"\xff\xfe{\x00}\x00"),
        Err(ParseError::UnsupportedEncoding {
            found: "UTF-16".into()
        })
    );
    assert_eq!(
        parse(b"{\"error\":6,\"message\":\"caf\xe9\"}"),
        Err(ParseError::NotUtf8 { offset: 25 })
    );
}

#[test]
fn truncated_bodies() {
    for body in [
        &b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root>\n  <error code=\"401\"><![CDATA[Session Exp"[..],
        b"<root><error code=\"401\"><![CDATA[Session Expired]]></error>",
        b"<lfm status=\"failed\"><error code=\"6\">User not",
        b"<subsonic-response status=\"failed\"><error code=\"40\" message=\"Wrong",
        b"<subsonic-response status=\"failed\"><!-- cut",
        br#"{"error": {"errorCode": "4704", "errorMessage": "Not"#,
        br#"{"error":6,"message":"User not found""#,
        br#"{"error":6,"message":"\u00"#,
        br#"{"subsonic-response":{"status":"failed","error":{"code":4"#,
        br#"{"subsonic-response":{"status":"failed","nested":[[{"a":tr"#,
    ] {
        assert!(
            matches!(parse(body), Err(ParseError::Truncated { .. })),
            "{}: {:?}",
            String::from_utf8_lossy(body),
            parse(body)
        );
    }
}

#[test]
fn malformed_and_incomplete_error_bodies() {
    assert!(matches!(
        parse(b"<root><error code=\"1\">x</errors></root>"),
        Err(ParseError::Malformed {
            format: Format::Xml,
            reason: "end tag does not match the start tag",
            ..
        })
    ));
    assert!(matches!(
        parse(b"<root><error code=\"1\">a &nbsp; b</error></root>"),
        Err(ParseError::Malformed { .. })
    ));
    assert!(matches!(
        parse(br#"{"error":6,"message":"x"} trailing"#),
        Err(ParseError::Malformed {
            format: Format::Json,
            offset: 26,
            ..
        })
    ));
    assert!(matches!(
        parse(br#"{"error":6 "message":"x"}"#),
        Err(ParseError::Malformed { .. })
    ));
    assert_eq!(
        parse(b"<root><error>no code</error></root>"),
        Err(ParseError::MissingField {
            family: Family::Ampache,
            field: "errorCode"
        })
    );
    assert_eq!(
        parse(b"<lfm status=\"failed\"><status/></lfm>"),
        Err(ParseError::MissingField {
            family: Family::Lastfm,
            field: "error"
        })
    );
    assert_eq!(
        parse(br#"{"subsonic-response":{"status":"failed","version":"1.16.1"}}"#),
        Err(ParseError::MissingField {
            family: Family::Subsonic,
            field: "error"
        })
    );
    for (body, found) in [
        (&br#"{"error":"6a","message":"x"}"#[..], "6a"),
        (br#"{"error":-6,"message":"x"}"#, "-6"),
        (br#"{"error":6.0,"message":"x"}"#, "6.0"),
        (br#"{"error":4294967296,"message":"x"}"#, "4294967296"),
        (br#"{"error":null,"message":"x"}"#, "null"),
        (b"<root><error errorCode=\"\"/></root>", ""),
    ] {
        assert_eq!(
            parse(body),
            Err(ParseError::InvalidCode {
                found: found.into()
            })
        );
    }
}

#[test]
fn deep_nesting_is_refused() {
    let depth = MAX_DEPTH + 1;
    let json = format!(
        r#"{{"error":{{"errorCode":"1","x":{}{}}}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    assert_eq!(
        parse(json.as_bytes()),
        Err(ParseError::TooDeep { limit: MAX_DEPTH })
    );
    let xml = format!(
        "<subsonic-response status=\"failed\">{}{}</subsonic-response>",
        "<a>".repeat(depth),
        "</a>".repeat(depth)
    );
    assert_eq!(
        parse(xml.as_bytes()),
        Err(ParseError::TooDeep { limit: MAX_DEPTH })
    );
    let within = format!(
        r#"{{"error":6,"message":"x","links":{}{}}}"#,
        "[".repeat(MAX_DEPTH - 1),
        "]".repeat(MAX_DEPTH - 1)
    );
    assert_eq!(parse(within.as_bytes()).map(|e| e.code), Ok(6));
}

#[test]
fn huge_bodies_are_read_only_up_to_the_limit() {
    let mut huge = br#"{"error":6,"links":""#.to_vec();
    huge.resize(MAX_BODY_LEN * 2, b'a');
    huge.extend_from_slice(br#"","message":"x"}"#);
    assert_eq!(
        parse(&huge),
        Err(ParseError::TooLarge {
            limit: MAX_BODY_LEN
        })
    );

    let mut blank = b"<lfm status=\"failed\">".to_vec();
    blank.resize(MAX_BODY_LEN + 1, b' ');
    assert_eq!(
        parse(&blank),
        Err(ParseError::TooLarge {
            limit: MAX_BODY_LEN
        })
    );

    // A success response settles within the limit, however long it is.
    let mut songs =
        b"<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<root>\n<total_count>100000</total_count>"
            .to_vec();
    while songs.len() <= MAX_BODY_LEN * 3 {
        songs.extend_from_slice(
            "<song id=\"1\"><title><![CDATA[Café]]></title></song>\n".as_bytes(),
        );
    }
    assert_eq!(
        parse(&songs),
        Err(ParseError::NotAnError {
            family: Some(Family::Ampache)
        })
    );
    let mut subsonic =
        br#"{"subsonic-response":{"status":"ok","version":"1.16.1","album":[""#.to_vec();
    subsonic.resize(MAX_BODY_LEN * 2, b'x');
    assert_eq!(
        parse(&subsonic),
        Err(ParseError::NotAnError {
            family: Some(Family::Subsonic)
        })
    );

    // The message says so, with the limit; for a 50 MB body as for any.
    let mut fifty =
        br#"<?xml version="1.0" encoding="UTF-8"?><lfm status="failed"><error code="6">"#.to_vec();
    fifty.resize(50 << 20, b'a');
    let error = parse(&fifty).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "the body is too large: longer than the limit of {MAX_BODY_LEN} bytes, within which it holds no complete error body"
        )
    );

    // A cut inside a multi-byte character is the limit, not invalid UTF-8.
    let mut accents = br#"{"error":6,"message":""#.to_vec();
    while accents.len() < MAX_BODY_LEN + 8 {
        accents.extend_from_slice("é".as_bytes());
    }
    assert_eq!(
        parse(&accents),
        Err(ParseError::TooLarge {
            limit: MAX_BODY_LEN
        })
    );
}

#[test]
fn per_family_parsers_reject_other_families() {
    let lastfm = br#"{"error":6,"message":"User not found"}"#;
    assert_eq!(errors_wire::lastfm::parse(lastfm).map(|e| e.code), Ok(6));
    assert_eq!(
        errors_wire::subsonic::parse(lastfm),
        Err(ParseError::WrongFamily {
            expected: Family::Subsonic,
            found: Family::Lastfm
        })
    );
    assert_eq!(
        errors_wire::ampache::parse(lastfm),
        Err(ParseError::WrongFamily {
            expected: Family::Ampache,
            found: Family::Lastfm
        })
    );
    assert_eq!(
        errors_wire::problem::parse(b"<lfm status=\"failed\"><error code=\"6\">x</error></lfm>"),
        Err(ParseError::WrongFamily {
            expected: Family::Problem,
            found: Family::Lastfm
        })
    );
}

#[test]
fn errors_explain_themselves() {
    assert_eq!(
        ParseError::Html {
            title: Some("502 Bad Gateway".into())
        }
        .to_string(),
        "the body is an HTML page: \"502 Bad Gateway\""
    );
    assert_eq!(
        ParseError::UnexpectedRoot {
            format: Format::Xml,
            found: "response".into()
        }
        .to_string(),
        "unexpected XML root: response"
    );
    let long = format!("<{}/>", "x".repeat(500));
    let Err(ParseError::UnexpectedRoot { found, .. }) = parse(long.as_bytes()) else {
        panic!("an unknown root")
    };
    assert_eq!(found.chars().count(), ParseError::QUOTE_LEN);
}

#[test]
fn entities_of_a_dtd_are_never_expanded() {
    let laughs = b"<?xml version=\"1.0\"?>\n<!DOCTYPE lfm [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n<lfm status=\"failed\"><error code=\"6\">&lol2;</error></lfm>";
    assert!(matches!(
        parse(laughs),
        Err(ParseError::Malformed {
            format: Format::Xml,
            reason: "unknown entity",
            ..
        })
    ));
    let in_attribute = b"<!DOCTYPE x [<!ENTITY c \"40\">]><subsonic-response status=\"failed\"><error code=\"&c;\" message=\"x\"/></subsonic-response>";
    assert!(matches!(
        parse(in_attribute),
        Err(ParseError::Malformed {
            format: Format::Xml,
            ..
        })
    ));
    // The predefined entities and character references are expanded, in text and attributes.
    let expanded = error(b"<!DOCTYPE lfm><subsonic-response status=\"failed\"><error code=\"&#52;&#x30;\" message=\"&lt;&gt;&amp;&quot;&apos;&#233;\"/></subsonic-response>");
    assert_eq!((expanded.code, &*expanded.message), (40, "<>&\"'\u{e9}"));
}
