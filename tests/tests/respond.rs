//! Rendering typed errors for clients: the real servers' bytes, statuses and content types,
//! legacy codes for old Ampache clients, and errors derived on users' own types.

use errors_core::{
    AmpacheError, ApiError, Format, LastfmError, RequestContext, SubsonicError, ampache, lastfm,
    subsonic,
};
use errors_corpus as corpus;

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("rendered bodies are UTF-8")
}

#[test]
fn every_ampache_corpus_body_from_typed_errors() {
    let dir = corpus::dir();
    for row in corpus::ampache_index(&dir) {
        let code = ampache::ErrorCode::from_code(row.code)
            .unwrap_or_else(|| panic!("{}: code {} is in the catalog", row.file, row.code));
        let error = AmpacheError::new(code)
            .with_error_type(row.error_type.as_str())
            .with_message(row.message.as_str());
        // The corpus holds what rewritten methods send under API 3 and 4: codes as given.
        let format = if row.format == "xml" {
            Format::Xml
        } else {
            Format::Json
        };
        let client = RequestContext::new(&row.version, format)
            .action(&row.action)
            .codes_as_given();
        let response = error.render(&client);
        let expected = corpus::read(&dir.join("ampache-server").join(&row.file));
        assert_eq!(text(&response.body), text(&expected), "{}", row.file);
        let format = row.format.as_str();
        assert_eq!(
            response.content_type,
            format!(
                "{}; charset=UTF-8",
                if format == "xml" {
                    "text/xml"
                } else {
                    "application/json"
                }
            ),
            "{}",
            row.file
        );
        let expected_status = row.status().expect("API 8 rows give a status");
        assert_eq!(response.status, expected_status, "{}", row.file);
    }
}

#[test]
fn old_ampache_clients_get_legacy_codes_by_default() {
    let legacy = [
        (4700, 501),
        (4701, 401),
        (4702, 405),
        (4703, 400),
        (4704, 404),
        (4705, 405),
        (4710, 400),
        (4742, 403),
    ];
    for (modern, old) in legacy {
        let code = ampache::ErrorCode::from_code(modern).expect("a catalog code");
        for (version, format) in [("3", Format::Xml), ("4", Format::Xml), ("4", Format::Json)] {
            let response = code.render(&RequestContext::new(version, format).action("album"));
            let parsed = errors_core::wire::parse(&response.body).expect("a well-formed body");
            assert_eq!(parsed.code, old, "{modern} under API {version}");
            assert_eq!(parsed.shape, errors_core::wire::Shape::AmpacheLegacy);
            let legacy_code = ampache::ErrorCode::from_code(old).expect("legacy codes are codes");
            // The default message goes with the legacy code, as the server's handler sends it.
            assert_eq!(
                parsed.message,
                legacy_code.message(),
                "{modern} under {version}"
            );
            assert_eq!(response.status, 200);
        }
    }
    // 4706 has no legacy equivalent: old clients get it as it is.
    let deprecated = ampache::ErrorCode::Deprecated.render(&RequestContext::new("4", Format::Xml));
    assert!(text(&deprecated.body).contains("<error code=\"4706\">"));
    // A message of the error's own survives the translation of its code.
    let custom = AmpacheError::new(ampache::ErrorCode::NotFound).with_message("Not Found: 7");
    let body = custom
        .render(&RequestContext::new("400004", Format::Json))
        .body;
    assert_eq!(
        text(&body),
        "{\n    \"error\": {\n        \"code\": \"404\",\n        \"message\": \"Not Found: 7\"\n    }\n}"
    );
}

#[test]
fn ampache_versions_pick_shape_and_status() {
    for code in ampache::ErrorCode::ALL
        .iter()
        .filter(|c| c.code().as_u32() >= 4700)
    {
        let number = code.as_u32();
        for version in ["5", "6", "6.0.0", "5.5.6"] {
            let response = code.render(&RequestContext::new(version, Format::Xml));
            assert_eq!(response.status, 200, "{code:?} under {version}");
            assert!(text(&response.body).contains(&format!("errorCode=\"{number}\"")));
        }
        let api8 = code.render(&RequestContext::new("8.0.0", Format::Json));
        assert_eq!(api8.status, code.http_status("8"), "{code:?}");
        assert_ne!(
            api8.status, 200,
            "every 47xx code has its own status in API 8"
        );
        // API 3 has no JSON: the server answers with the modern shape of its default version.
        let api3_json = code.render(&RequestContext::new("3", Format::Json).codes_as_given());
        assert!(text(&api3_json.body).contains(&format!("\"errorCode\": \"{number}\"")));
    }
    // Without a type of its own, the error sends the spec's first error type for the code.
    let body = ampache::ErrorCode::AccessDenied
        .render(&RequestContext::new("6", Format::Xml))
        .body;
    let first = ampache::ErrorCode::AccessDenied.error_types()[0];
    assert!(text(&body).contains(&format!("<errorType><![CDATA[{first}]]></errorType>")));
}

#[test]
fn every_subsonic_corpus_body_from_typed_errors() {
    let dir = corpus::dir();
    for entry in std::fs::read_dir(dir.join("subsonic")).expect("subsonic corpus") {
        let path = entry.expect("a directory entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("UTF-8 name");
        let format = if name.ends_with(".xml") {
            Format::Xml
        } else {
            Format::Json
        };
        let expected = corpus::read(&path);
        let parsed = errors_core::wire::parse(&expected).expect("corpus bodies parse");
        // The body's own code, not the file's name: the published error-70.xml is a code 0
        // body.
        let code = subsonic::ErrorCode::from_code(parsed.code).expect("a catalog code");
        let error = SubsonicError::new(code).with_message(parsed.message.to_string());
        let response = error.render(&RequestContext::new("1.16.1", format));
        assert_eq!(text(&response.body), text(&expected), "{name}");
        assert_eq!(response.status, 200);
    }
}

#[test]
fn lastfm_bodies_and_statuses() {
    let error = LastfmError::new(lastfm::ErrorCode::InvalidParams).with_message("User not found");
    let json = error.render(&RequestContext::new("2.0", Format::Json));
    assert_eq!(json.body, br#"{"error":6,"message":"User not found"}"#);
    assert_eq!(json.status, 400);
    let xml = error.render(&RequestContext::new("2.0", Format::Xml));
    assert_eq!(
        text(&xml.body),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lfm status=\"failed\">\n  \
         <error code=\"6\">User not found</error>\n</lfm>\n"
    );
    for code in lastfm::ErrorCode::ALL {
        let response = code.render(&RequestContext::new("2.0", Format::Json));
        let parsed = errors_core::wire::parse(&response.body).expect("well-formed");
        assert_eq!(
            (parsed.code, &*parsed.message),
            (code.as_u32(), &*code.message())
        );
        assert_eq!(response.status, code.http_status("2.0"));
    }
}

#[test]
fn open_subsonic_fields_and_help_url() {
    let error = SubsonicError::new(subsonic::ErrorCode::NotFound)
        .with_message("Album not found.")
        .with_help_url("https://example.org/70");
    let client = RequestContext::new("1.16.1", Format::Xml).open_subsonic("example", "2.1");
    let body = error.render(&client).body;
    let parsed = errors_core::wire::parse(&body).expect("well-formed");
    let errors_core::wire::Shape::Subsonic {
        server_type,
        server_version,
        open_subsonic,
        help_url,
        version,
    } = parsed.shape
    else {
        panic!("a Subsonic body");
    };
    assert_eq!(server_type.as_deref(), Some("example"));
    assert_eq!(server_version.as_deref(), Some("2.1"));
    assert!(open_subsonic);
    assert_eq!(help_url.as_deref(), Some("https://example.org/70"));
    // The catalog's `opensubsonic` version is no protocol version: the default is announced.
    assert_eq!(version.as_deref(), Some("1.16.1"));
    let body = error
        .render(&RequestContext::new("opensubsonic", Format::Json))
        .body;
    assert!(text(&body).contains("\"version\" : \"1.16.1\""));
}

#[test]
fn problem_details_for_any_catalog() {
    let response = ampache::ErrorCode::NotFound.render_problem("8");
    assert_eq!(response.status, 404);
    assert_eq!(response.content_type, "application/problem+json");
    let parsed = errors_core::wire::problem::parse(&response.body).expect("well-formed");
    assert_eq!(parsed.code, 4704);
    assert_eq!(parsed.message, ampache::ErrorCode::NotFound.message());
    let shop = errors_tests::shop::ErrorCode::ALL[0].render_problem("2");
    let parsed = errors_core::wire::problem::parse(&shop.body).expect("well-formed");
    assert_eq!(parsed.code, errors_tests::shop::ErrorCode::ALL[0].as_u32());
}

// The example of the derive, and one per bundled catalog: each renders the real bytes.

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode, code = 4702, message = "Generic error")]
pub struct DbError;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode)]
pub enum LibraryError {
    #[api_error(code = 4704, error_type = "filter", message = "Not Found: {id}")]
    SongMissing { id: u64 },
    #[api_error(code = NotFound)]
    Gone,
    #[api_error(code = 4742, error_type = "account", message = "Require: {0}")]
    Forbidden(u8),
    #[api_error(transparent)]
    Db(DbError),
}

#[test]
fn derived_ampache_errors_render_the_servers_bytes() {
    let dir = corpus::dir();
    let cases: [(&LibraryError, &str, &str); 3] = [
        (&LibraryError::SongMissing { id: 1 }, "album", "error-4704"),
        (&LibraryError::Forbidden(100), "user_create", "error-4742"),
        (&LibraryError::Db(DbError), "album", "error-4702"),
    ];
    for (error, action, file) in cases {
        for version in ["3", "4", "5", "6", "8"] {
            for (format, ext) in [(Format::Xml, "xml"), (Format::Json, "json")] {
                if version == "3" && format == Format::Json {
                    continue;
                }
                let client = RequestContext::new(version, format)
                    .action(action)
                    .codes_as_given();
                let response = error.render(&client);
                let path = dir.join(format!("ampache-server/api{version}/{ext}/{file}.{ext}"));
                assert_eq!(
                    text(&response.body),
                    text(&corpus::read(&path)),
                    "{}",
                    path.display()
                );
            }
        }
    }
    let gone = LibraryError::Gone.render(&RequestContext::new("8", Format::Json));
    assert_eq!(gone.status, 404);
}

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::lastfm::ErrorCode, code = 29)]
pub struct Throttled;

#[test]
fn derived_lastfm_error_renders() {
    let response = Throttled.render(&RequestContext::new("2.0", Format::Json));
    assert_eq!(response.status, 429);
    assert_eq!(
        text(&response.body),
        format!(
            r#"{{"error":29,"message":"{}"}}"#,
            lastfm::ErrorCode::RateLimitExceeded.message()
        )
    );
}

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::subsonic::ErrorCode)]
pub enum LoginError {
    #[api_error(code = WrongCredentials)]
    Wrong,
    #[api_error(code = 70, message = "{0}")]
    Missing(String),
}

#[test]
fn derived_subsonic_error_renders_the_servers_bytes() {
    let dir = corpus::dir();
    for (format, ext) in [(Format::Xml, "xml"), (Format::Json, "json")] {
        let response = LoginError::Wrong.render(&RequestContext::new("1.16.1", format));
        let expected = corpus::read(&dir.join(format!("subsonic/error-40.{ext}")));
        assert_eq!(text(&response.body), text(&expected));
        let expected = corpus::read(&dir.join(format!("subsonic/error-70.{ext}")));
        let parsed = errors_core::wire::parse(&expected).expect("parses");
        // The published error-70.xml is a code 0 body; only the JSON one is a 70.
        if parsed.code != 70 {
            continue;
        }
        let message = parsed.message.into_owned();
        let response = LoginError::Missing(message).render(&RequestContext::new("1.16.1", format));
        assert_eq!(text(&response.body), text(&expected));
    }
}

#[derive(Debug, ApiError)]
#[api_error(transparent)]
pub struct Wrapped<'a>(SubsonicError<'a>);

#[test]
fn transparent_errors_forward_the_help_url() {
    let inner =
        SubsonicError::new(subsonic::ErrorCode::Generic).with_help_url("https://h.example/0");
    assert_eq!(Wrapped(inner).help_url(), Some("https://h.example/0"));
}
