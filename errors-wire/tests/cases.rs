//! The bodies of `tests/cases/bodies/` (the workspace's cases of faults seen in real use
//! or found by fuzzing), each parsed to the right value `tests/cases/expected.tsv` gives;
//! then, for each kind of fault, more bodies of the same kind.

use std::fs;
use std::path::{Path, PathBuf};

use errors_wire::{Family, Outcome, ParseError, Shape, classify, parse};

fn cases() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases")
}

fn case(file: &str) -> Vec<u8> {
    fs::read(cases().join("bodies").join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// `(file, family, code, message)` of every row of `expected.tsv`; messages are JSON-escaped
/// there.
fn expected() -> Vec<(String, Family, u32, String)> {
    let table = fs::read_to_string(cases().join("expected.tsv")).expect("expected.tsv");
    table
        .lines()
        .skip(1)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            let [file, family, code, message] = cells[..] else {
                panic!("four columns: {line}");
            };
            let message: String = serde_json::from_str(&format!("\"{message}\""))
                .unwrap_or_else(|e| panic!("{line}: {e}"));
            (
                file.trim_start_matches("bodies/").to_owned(),
                family.parse().expect("a family"),
                code.parse().expect("a code"),
                message,
            )
        })
        .collect()
}

#[test]
fn every_case_gives_its_right_value() {
    let rows = expected();
    assert_eq!(rows.len(), 10);
    for (file, family, code, message) in rows {
        let body = case(&file);
        let parsed = parse(&body).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(
            (parsed.family(), parsed.code, &*parsed.message),
            (family, code, message.as_str()),
            "{file}"
        );
    }
}

// --- Libre.fm / GNU FM: its XML error turned into JSON ----------------------------------

#[test]
fn gnu_fm_nested_errors_are_lastfm() {
    let body = case("librefm-nested-error.json");
    let parsed = parse(&body).expect("an error body");
    assert_eq!(parsed.shape, Shape::Lastfm);
    assert_eq!(
        errors_wire::ampache::parse(&case("librefm-nested-error.json")).map(|e| e.code),
        Err(ParseError::WrongFamily {
            expected: Family::Ampache,
            found: Family::Lastfm
        })
    );
    for (body, code, message) in [
        (
            &br##"{"error":{"code":"6","#text":"No tag with that name"}}"##[..],
            6,
            "No tag with that name",
        ),
        (
            b"{\n  \"error\" : { \"#text\" : \"caf\\u00e9\", \"code\" : 29 }\n}",
            29,
            "caf\u{e9}",
        ),
    ] {
        let parsed = parse(body).expect("an error body");
        assert_eq!(
            (parsed.family(), parsed.code, &*parsed.message),
            (Family::Lastfm, code, message)
        );
    }
    assert_eq!(
        parse(br##"{"error":{"#text":"No code"}}"##),
        Err(ParseError::MissingField {
            family: Family::Lastfm,
            field: "code"
        })
    );
    // Ampache's own legacy shape keeps its family.
    let ampache =
        parse(br#"{"error":{"code":"401","message":"Session Expired"}}"#).expect("Ampache");
    assert_eq!(ampache.shape, Shape::AmpacheLegacy);
}

// --- Madsonic: `madsonic-response` ---------------------------------------------------------

#[test]
fn madsonic_roots_are_subsonic() {
    let xml = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<madsonic-response xmlns=\"http://madsonic.org/restapi\" status=\"failed\" version=\"2.5.0\">\n  <error code=\"40\" message=\"Wrong username or password.\"/>\n</madsonic-response>\n";
    let json = case("madsonic-root.json");
    for body in [&json[..], xml] {
        let parsed = errors_wire::subsonic::parse(body).expect("a Subsonic error body");
        assert_eq!(
            (parsed.code, &*parsed.message),
            (40, "Wrong username or password.")
        );
    }
    for ok in [
        &br#"{"madsonic-response":{"status":"ok","version":"2.5.0"}}"#[..],
        b"<madsonic-response status=\"ok\" version=\"2.5.0\"/>",
    ] {
        assert_eq!(
            parse(ok),
            Err(ParseError::NotAnError {
                family: Some(Family::Subsonic)
            })
        );
    }
    assert_eq!(
        parse(br#"{"madsonic-response":{"status":"failed"}}"#),
        Err(ParseError::MissingField {
            family: Family::Subsonic,
            field: "error"
        })
    );
}

// --- JSONP ---------------------------------------------------------------------------------

#[test]
fn jsonp_in_every_padding_servers_use() {
    let json = r#"{"subsonic-response":{"status":"failed","version":"1.16.1","error":{"code":40,"message":"Wrong username or password"}}}"#;
    for wrapped in [
        format!("jsonpCallback(\n{json}\n);\n"),
        format!("cb({json})"),
        format!("cb({json});"),
        format!("  jQuery35104_1700000000000 ( {json} ) ;  "),
        format!("window.app.$handlers._cb1({json})"),
        format!("/**/cb({json});"),
        format!("/**/ typeof cb === 'function' && cb({json});"),
        format!("// JSONP\nangular.callbacks._0({json})"),
    ] {
        let parsed = parse(wrapped.as_bytes()).unwrap_or_else(|e| panic!("{wrapped}: {e}"));
        assert_eq!(
            (parsed.family(), parsed.code, &*parsed.message),
            (Family::Subsonic, 40, "Wrong username or password"),
            "{wrapped}"
        );
    }
    let lastfm = parse(br#"cb({"error":6,"message":"User not found"});"#).expect("Last.fm JSONP");
    assert_eq!((lastfm.family(), lastfm.code), (Family::Lastfm, 6));
    // A success wrapped the same way is a success.
    assert_eq!(
        parse(br#"cb({"subsonic-response":{"status":"ok","version":"1.16.1"}})"#),
        Err(ParseError::NotAnError {
            family: Some(Family::Subsonic)
        })
    );
}

#[test]
fn broken_jsonp_says_what_is_wrong() {
    let truncated: [&[u8]; 3] = [
        br#"cb({"error":6,"message":"x"}"#,
        br#"cb({"error":6,"#,
        b"cb(",
    ];
    for body in truncated {
        assert!(
            matches!(parse(body), Err(ParseError::Truncated { .. })),
            "{:?}",
            parse(body)
        );
    }
    assert!(matches!(
        parse(br#"cb({"error":6,"message":"x"}) x"#),
        Err(ParseError::Malformed { .. })
    ));
    // A call needs a JSON object or array inside to be JSONP.
    for not_a_call in [&b"BADAUTH\n"[..], b"cb", b"1cb({})", b"alert(1)//", b"f(x)"] {
        assert!(
            matches!(parse(not_a_call), Err(ParseError::Unrecognised { .. })),
            "{:?}",
            parse(not_a_call)
        );
    }
}

// --- Declared encodings ----------------------------------------------------------------------

#[test]
fn declared_encodings_are_decoded() {
    let body = case("ampache-latin1-declared.xml");
    let parsed = parse(&body).expect("an Ampache body");
    assert_eq!(
        parsed.shape,
        Shape::AmpacheModern {
            action: "handshake".into(),
            error_type: "account".into()
        }
    );
    // é in ISO-8859-1, in CDATA, text and an attribute.
    let latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n<root>\n\t<error errorCode=\"4704\">\n\t\t<errorAction><![CDATA[caf\xe9]]></errorAction>\n\t\t<errorType>\xe9t\xe9</errorType>\n\t\t<errorMessage><![CDATA[Not Found: Beyonc\xe9]]></errorMessage>\n\t</error>\n</root>\n";
    let parsed = parse(latin1).expect("a Latin-1 body");
    assert_eq!(
        (parsed.code, &*parsed.message),
        (4704, "Not Found: Beyonc\u{e9}")
    );
    assert_eq!(
        parsed.shape,
        Shape::AmpacheModern {
            action: "caf\u{e9}".into(),
            error_type: "\u{e9}t\u{e9}".into()
        }
    );
    // windows-1252: the euro sign and curly quotes live in 0x80-0x9f.
    let cp1252 = b"<?xml version='1.0' encoding='windows-1252'?><subsonic-response status=\"failed\" version=\"1.16.1\"><error code=\"70\" message=\"\x93Caf\xe9\x94 costs 5\x80\"/></subsonic-response>";
    assert_eq!(
        parse(cp1252).map(|e| e.message.into_owned()),
        Ok("\u{201c}Caf\u{e9}\u{201d} costs 5\u{20ac}".to_owned())
    );
    let latin1_lastfm = b"<?xml version=\"1.0\" encoding=\"latin1\"?><lfm status=\"failed\"><error code=\"6\">Artist \xc9dith not found</error></lfm>";
    assert_eq!(
        parse(latin1_lastfm).map(|e| e.message.into_owned()),
        Ok("Artist \u{c9}dith not found".to_owned())
    );
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xfe, 0xff]
    } else {
        vec![0xff, 0xfe]
    };
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<lfm status=\"failed\">\n  <error code=\"6\">Artist \u{c9}dith \u{1f600} not found</error>\n</lfm>\n";
    for big_endian in [false, true] {
        let body = utf16(xml, big_endian);
        let parsed = parse(&body).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (parsed.family(), parsed.code, &*parsed.message),
            (Family::Lastfm, 6, "Artist \u{c9}dith \u{1f600} not found")
        );
        // Cut anywhere, it is truncated.
        for len in 4..body.len() - 2 {
            assert!(
                matches!(parse(&body[..len]), Err(ParseError::Truncated { .. })),
                "cut at {len}: {:?}",
                parse(&body[..len])
            );
        }
    }
    let ok = utf16(
        "<subsonic-response status=\"ok\" version=\"1.16.1\"/>",
        false,
    );
    assert_eq!(
        parse(&ok),
        Err(ParseError::NotAnError {
            family: Some(Family::Subsonic)
        })
    );
}

#[test]
fn utf16_without_a_byte_order_mark() {
    // XML 1.0 Appendix F: a declaration in UTF-16 shows the encoding without a mark.
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<lfm status=\"failed\">\n  <error code=\"6\">Artist \u{c9}dith not found</error>\n</lfm>\n";
    for big_endian in [false, true] {
        let body = utf16(xml, big_endian);
        let parsed = parse(&body[2..]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (parsed.code, &*parsed.message),
            (6, "Artist \u{c9}dith not found")
        );
    }
    // Without a mark or a declaration nothing says it is UTF-16 but its NUL bytes; JSON is
    // UTF-8 (RFC 8259 section 8.1). Either is named for what it is, not "malformed".
    for (text, big_endian, found) in [
        (
            r#"{"error":6,"message":"Invalid session key"}"#,
            false,
            "UTF-16LE",
        ),
        (
            r#"{"error":6,"message":"Invalid session key"}"#,
            true,
            "UTF-16BE",
        ),
        ("\n{\"error\":6}", false, "UTF-16LE"),
        (
            r#"<lfm status="failed"><error code="6">x</error></lfm>"#,
            false,
            "UTF-16LE",
        ),
    ] {
        let body = utf16(text, big_endian);
        let error = parse(&body[2..]).unwrap_err();
        assert_eq!(
            error,
            ParseError::UnsupportedEncoding {
                found: format!("{found} without a byte order mark")
            },
            "{text}"
        );
    }
}

#[test]
fn encodings_that_cannot_be_read_are_named() {
    for (label, body) in [
        (
            "x-klingon",
            &b"<?xml version=\"1.0\" encoding=\"x-klingon\"?><lfm status=\"failed\"/>"[..],
        ),
        (
            "ISO-2022-JP",
            b"<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?><lfm/>",
        ),
    ] {
        assert_eq!(
            parse(body),
            Err(ParseError::UnsupportedEncoding {
                found: label.into()
            })
        );
    }
    // Undeclared, the body must be UTF-8; the first invalid byte is named.
    assert_eq!(
        parse(b"<lfm status=\"failed\"><error code=\"6\">caf\xe9</error></lfm>"),
        Err(ParseError::NotUtf8 { offset: 40 })
    );
}

// --- Comments ----------------------------------------------------------------------------

#[test]
fn short_comments_are_removed() {
    let case_body = case("xml-short-comment.xml");
    for (body, message) in [
        (&case_body[..], "User  not found"),
        (b"<lfm status=\"failed\"><error code=\"6\">User <!--->hidden--> not found</error></lfm>", "User  not found"),
        (b"<lfm status=\"failed\"><error code=\"6\">User <!---->not found</error></lfm>", "User not found"),
        (b"<lfm status=\"failed\"><!-->--><error code=\"6\">User not found</error></lfm>", "User not found"),
    ] {
        let parsed = parse(body).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((parsed.code, &*parsed.message), (6, message), "{}", String::from_utf8_lossy(body));
    }
    assert!(matches!(
        parse(b"<lfm status=\"failed\"><error code=\"6\">User <!-->hidden"),
        Err(ParseError::Truncated { .. })
    ));
}

// --- Problem details ---------------------------------------------------------------------

#[test]
fn problem_details_keep_their_family_whatever_their_extensions() {
    for file in [
        "problem-error-extension-number.json",
        "problem-error-extension-string.json",
    ] {
        let body = case(file);
        let parsed = parse(&body).expect("problem details");
        assert_eq!(
            (parsed.family(), parsed.code, &*parsed.message),
            (Family::Problem, 40, "Token expired"),
            "{file}"
        );
        assert_eq!(
            errors_wire::problem::parse(&case(file)).map(|e| e.code),
            Ok(40)
        );
        assert_eq!(
            errors_wire::lastfm::parse(&case(file)),
            Err(ParseError::WrongFamily {
                expected: Family::Lastfm,
                found: Family::Problem
            })
        );
    }
    for body in [
        &br#"{"title":"Unauthorized","error":{"code":"7","message":"x"},"code":40}"#[..],
        br#"{"status":401,"subsonic-response":{"status":"failed","error":{"code":70}},"code":40}"#,
        br#"{"error":7,"message":"m","detail":"Token expired","code":40}"#,
        br#"{"code":40,"instance":"/a","error":{"errorCode":"4701"}}"#,
    ] {
        let parsed = parse(body).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (parsed.family(), parsed.code),
            (Family::Problem, 40),
            "{}",
            String::from_utf8_lossy(body)
        );
    }
}

#[test]
fn problem_details_with_only_a_code() {
    let body = case("problem-code-only.json");
    let parsed = parse(&body).expect("problem details");
    assert_eq!(
        (parsed.family(), parsed.code, &*parsed.message),
        (Family::Problem, 5, "")
    );
    assert_eq!(errors_wire::problem::parse(&body).map(|e| e.code), Ok(5));
    for content_type in [
        Some("application/problem+json"),
        Some("application/json"),
        None,
    ] {
        let Outcome::ApiError(error) = classify(200, content_type, &body) else {
            panic!("{content_type:?}: an error, not a success");
        };
        assert_eq!((error.family(), error.code), (Family::Problem, 5));
    }
    // What our own renderer writes for a code alone reads back.
    let mut rendered = Vec::new();
    errors_wire::problem::render(
        &mut rendered,
        &errors_wire::problem::Problem {
            code: Some(5),
            ..Default::default()
        },
    );
    assert_eq!(rendered, body.trim_ascii_end());
}

/// The member names of a JSON object, in order and with repeats, as a reader that keeps
/// every member sees them (serde_json's `Value` would keep only the last of two).
fn member_names(body: &[u8]) -> Vec<String> {
    struct Names;
    impl<'de> serde::de::Visitor<'de> for Names {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut names = Vec::new();
            while let Some(name) = map.next_key::<String>()? {
                map.next_value::<serde::de::IgnoredAny>()?;
                names.push(name);
            }
            Ok(names)
        }
    }
    let mut reader = serde_json::Deserializer::from_slice(body);
    serde::Deserializer::deserialize_map(&mut reader, Names).expect("a JSON object")
}

#[test]
fn problem_details_never_hold_a_member_name_twice() {
    use errors_wire::problem::{self, Problem, Value};
    let extensions = [
        ("error", Value::Int(7)),
        ("code", Value::Int(99)),
        ("detail", Value::Str("a second detail")),
        ("retryAfter", Value::Int(30)),
        ("error", Value::Str("invalid_token")),
        ("retryAfter", Value::Int(60)),
        ("subsonic-response", Value::Bool(true)),
    ];
    let mut body = Vec::new();
    problem::render(
        &mut body,
        &Problem {
            title: Some("Unauthorized"),
            status: Some(401),
            detail: Some("Token expired"),
            code: Some(40),
            extensions: &extensions,
            ..Problem::default()
        },
    );
    assert_eq!(
        member_names(&body),
        [
            "title",
            "status",
            "detail",
            "code",
            "error",
            "retryAfter",
            "subsonic-response"
        ]
    );
    // The first of two extension members with one name is the one written.
    let text = String::from_utf8(body.clone()).expect("UTF-8");
    assert!(
        text.contains(r#""error":7"#) && text.contains(r#""retryAfter":30"#),
        "{text}"
    );
    // Extension members named like other families' keys leave it problem details.
    let parsed = parse(&body).expect("problem details");
    assert_eq!(
        (parsed.family(), parsed.code, &*parsed.message),
        (Family::Problem, 40, "Token expired")
    );
    // The standard members are all optional: a code alone, then with extensions only.
    for extensions in [&[][..], &extensions[..]] {
        let mut body = Vec::new();
        problem::render(
            &mut body,
            &Problem {
                code: Some(5),
                extensions,
                ..Problem::default()
            },
        );
        let names = member_names(&body);
        let unique: std::collections::BTreeSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        assert_eq!(problem::parse(&body).map(|e| e.code), Ok(5));
    }
}

// --- Control characters from the wire ------------------------------------------------------

#[test]
fn control_characters_are_kept_as_sent() {
    let body = case("terminal-control-chars.json");
    let parsed = parse(&body).expect("a Last.fm body");
    assert_eq!(parsed.code, 6);
    assert!(parsed.message.contains('\u{1b}') && parsed.message.contains('\n'));
}

// --- Problem details in XML (RFC 9457 Appendix B) -------------------------------------------

/// RFC 9457 Appendix B's example, with the `code` extension member this crate reads the
/// error code from: nested extension elements are skipped, the standard members read.
#[test]
fn problem_details_in_xml() {
    let rfc_example = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<problem xmlns=\"urn:ietf:rfc:7807\">
  <type>https://example.com/probs/out-of-credit</type>
  <title>You do not have enough credit.</title>
  <detail>Your current balance is 30, but that costs 50.</detail>
  <instance>https://example.net/account/12345/msgs/abc</instance>
  <balance>30</balance>
  <accounts>
    <i>https://example.net/account/12345</i>
    <i>https://example.net/account/67890</i>
  </accounts>
</problem>
";
    // Without the code, it is problem details this crate cannot attribute.
    assert_eq!(
        parse(rfc_example),
        Err(ParseError::MissingField {
            family: Family::Problem,
            field: "code"
        })
    );
    let text = String::from_utf8_lossy(rfc_example)
        .replace("  <balance>", "  <code>12</code>\n  <balance>");
    for parsed in [
        parse(text.as_bytes()),
        errors_wire::problem::parse(text.as_bytes()),
    ] {
        let parsed = parsed.expect("problem details");
        assert_eq!(
            (
                parsed.family(),
                parsed.format,
                parsed.code,
                &*parsed.message
            ),
            (
                Family::Problem,
                errors_wire::Format::Xml,
                12,
                "Your current balance is 30, but that costs 50."
            )
        );
        let errors_wire::Shape::Problem {
            type_uri, instance, ..
        } = &parsed.shape
        else {
            panic!("{:?}", parsed.shape);
        };
        assert_eq!(
            type_uri.as_deref(),
            Some("https://example.com/probs/out-of-credit")
        );
        assert_eq!(
            instance.as_deref(),
            Some("https://example.net/account/12345/msgs/abc")
        );
    }
    let Outcome::ApiError(error) = classify(402, Some("application/problem+xml"), text.as_bytes())
    else {
        panic!("an API error");
    };
    assert_eq!(error.code, 12);
}

/// What `render` writes for problem details in XML reads back, and is sent as
/// `application/problem+xml`.
#[test]
fn problem_details_in_xml_render_and_read_back() {
    let fields = errors_wire::ErrorFields {
        code: 4704,
        message: "Not <found> & gone",
        title: Some("Not Found"),
        type_uri: Some("https://example.com/errors"),
        status: Some(404),
        ..errors_wire::ErrorFields::default()
    };
    let mut body = Vec::new();
    let target = errors_wire::Target::new(Family::Problem, errors_wire::Format::Xml, "1");
    let content_type = errors_wire::render(&mut body, &target, &fields);
    assert_eq!(content_type, "application/problem+xml");
    assert_eq!(
        String::from_utf8_lossy(&body),
        "<problem xmlns=\"urn:ietf:rfc:7807\"><type>https://example.com/errors</type>\
         <title>Not Found</title><status>404</status><detail>Not &lt;found&gt; &amp; gone</detail>\
         <code>4704</code></problem>"
    );
    let parsed = parse(&body).expect("problem details");
    assert_eq!(
        (parsed.code, &*parsed.message),
        (4704, "Not <found> & gone")
    );
    assert!(matches!(
        parsed.shape,
        errors_wire::Shape::Problem {
            status: Some(404),
            ..
        }
    ));
}

// --- How each family carries the code in JSON -------------------------------------------------

/// `Family::json_code` is what the renderers write: the JSON type of the code member in a
/// body of each family and shape.
#[test]
fn json_code_is_what_each_family_writes() {
    use errors_wire::{ErrorFields, Format, JsonCode, Target};
    let fields = ErrorFields {
        code: 40,
        message: "m",
        ..ErrorFields::default()
    };
    let cases: [(Family, &str, &[&str]); 5] = [
        (Family::Ampache, "8", &["error", "errorCode"]),
        (Family::Ampache, "4", &["error", "code"]),
        (Family::Lastfm, "2.0", &["error"]),
        (
            Family::Subsonic,
            "1.16.1",
            &["subsonic-response", "error", "code"],
        ),
        (Family::Problem, "1", &["code"]),
    ];
    for (family, version, path) in cases {
        let mut body = Vec::new();
        errors_wire::render(
            &mut body,
            &Target::new(family, Format::Json, version),
            &fields,
        );
        let value: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
        let code = path.iter().fold(&value, |value, key| &value[key]);
        let written = match code {
            serde_json::Value::String(text) if text == "40" => JsonCode::String,
            serde_json::Value::Number(n) if n.as_u64() == Some(40) => JsonCode::Number,
            other => panic!("{family} {version}: code written as {other}"),
        };
        assert_eq!(written, family.json_code(), "{family} {version}");
    }
}
