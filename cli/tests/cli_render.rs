//! `errors-codegen render` against the bytes real servers send: every Ampache body of the
//! conformance corpus from the inputs its index lists, every Subsonic body, and Last.fm's
//! documented shape; plus defaults and usage errors.

mod common;

use std::path::Path;

use common::{run, stderr};
use errors_corpus::dir as corpus;

/// The Content-Type the Ampache server sends (and Subsonic servers copy), per the corpus
/// README; the index fills its column only for some rows.
fn ampache_content_type(format: &str) -> &'static str {
    match format {
        "xml" => "text/xml; charset=UTF-8",
        "json" => "application/json; charset=UTF-8",
        other => panic!("unknown format {other:?}"),
    }
}

/// Runs `render` and checks it succeeded with exactly these bytes and headers.
fn assert_renders(args: &[&str], body: &[u8], status: &str, content_type: &str, what: &str) {
    let output = run(args, None);
    assert_eq!(output.status.code(), Some(0), "{what}: {}", stderr(&output));
    assert!(
        output.stdout == body,
        "{what}: the body differs\n--- rendered\n{}\n--- expected\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(body)
    );
    assert_eq!(
        stderr(&output),
        format!("status: {status}\ncontent-type: {content_type}\n"),
        "{what}"
    );
}

fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() { count_files(&path) } else { 1 }
        })
        .sum()
}

#[test]
fn every_ampache_corpus_body() {
    let corpus = corpus();
    let server = corpus.join("ampache-server");
    let mut seen = 0;
    for row in errors_corpus::ampache_index(&corpus) {
        let status = row.status().map(|s| s.to_string());
        let status = status
            .as_deref()
            .unwrap_or_else(|| panic!("{}: no API 8 status", row.file));
        let content_type = row
            .content_type
            .as_deref()
            .unwrap_or_else(|| ampache_content_type(&row.format));
        let (file, version, format) = (&row.file, &row.version, &row.format);
        let code = row.code.to_string();
        let body = std::fs::read(server.join(file)).expect("corpus file");
        let (action, error_type, message) = (
            format!("--action={}", row.action),
            format!("--type={}", row.error_type),
            format!("--message={}", row.message),
        );
        let mut args = vec![
            "render",
            "--api",
            "ampache",
            "--version",
            version,
            "--format",
            format,
            "--code",
            &code,
            &message,
        ];
        // The legacy shape carries no action or type (the index still records the request's),
        // and render refuses a value it would drop.
        let major = errors_wire::version::major(version);
        let shape_format: errors_wire::Format = format.parse().expect("a format");
        if !errors_wire::ampache::ApiVersion::from_id(major).is_legacy(shape_format) {
            args.extend([action.as_str(), error_type.as_str()]);
        }
        assert_renders(&args, &body, status, content_type, file);
        seen += 1;
    }
    let bodies = count_files(&server) - 1;
    assert_eq!(seen, bodies, "every body in the corpus has an index row");
}

#[test]
fn every_subsonic_corpus_body() {
    let corpus = corpus();
    let dir = corpus.join("subsonic");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("subsonic corpus") {
        let path = entry.expect("a directory entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("UTF-8 file name");
        let Some((_, format)) = name
            .strip_prefix("error-")
            .and_then(|rest| rest.split_once('.'))
        else {
            continue;
        };
        let body = std::fs::read(&path).expect("corpus file");
        let parsed = errors_wire::subsonic::parse(&body).expect("a Subsonic error body");
        // The code comes from the body, not the name: the published documentation shows the
        // code-0 body as error-70.xml.
        let code = parsed.code.to_string();
        let message = format!("--message={}", parsed.message);
        let args = [
            "render", "--api", "subsonic", "--format", format, "--code", &code, &message,
        ];
        assert_renders(&args, &body, "200", ampache_content_type(format), name);
        seen += 1;
    }
    assert_eq!(seen, count_files(&dir), "every file is an error body");
}

#[test]
fn lastfm_bodies() {
    assert_renders(
        &[
            "render",
            "--api",
            "lastfm",
            "--format",
            "json",
            "--code",
            "6",
            "--message=User not found",
        ],
        br#"{"error":6,"message":"User not found"}"#,
        "400",
        "application/json",
        "Last.fm JSON",
    );
    assert_renders(
        &[
            "render",
            "--api",
            "lastfm",
            "--version",
            "2.0",
            "--format",
            "xml",
            "--code",
            "6",
            "--message=User not found",
        ],
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lfm status=\"failed\">\n  \
          <error code=\"6\">User not found</error>\n</lfm>\n",
        "400",
        "text/xml; charset=utf-8",
        "Last.fm XML",
    );
    // Code 2 has no status of its own: the version's default.
    assert_renders(
        &[
            "render", "--api", "lastfm", "--format", "json", "--code", "2",
        ],
        br#"{"error":2,"message":"Invalid service - This service does not exist"}"#,
        "200",
        "application/json",
        "Last.fm default message",
    );
}

#[test]
fn defaults_come_from_the_spec() {
    // No version: the newest (API 8, with its status); no message: the spec's; no type: the
    // spec's first for the code.
    assert_renders(
        &[
            "render", "--api", "ampache", "--format", "json", "--code", "4704",
        ],
        b"{\n    \"error\": {\n        \"errorCode\": \"4704\",\n        \"errorAction\": \"\",\n        \
          \"errorType\": \"filter\",\n        \"errorMessage\": \"Not Found\"\n    }\n}",
        "404",
        "application/json; charset=UTF-8",
        "Ampache defaults",
    );
    // Full versions as clients send them name the API by their major number.
    for version in ["6.0.0", "350001"] {
        let output = run(
            &[
                "render",
                "--api",
                "ampache",
                "--version",
                version,
                "--format",
                "xml",
                "--code",
                "4704",
            ],
            None,
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let body = String::from_utf8_lossy(&output.stdout);
        let legacy = version == "350001";
        assert_eq!(
            body.contains("<error code=\"4704\">"),
            legacy,
            "{version}: {body}"
        );
    }
}

#[test]
fn api3_json_is_the_newest_versions_shape() {
    let corpus = corpus();
    let modern = std::fs::read(corpus.join("ampache-server/api8/json/error-4704.json"))
        .expect("corpus file");
    assert_renders(
        &[
            "render",
            "--api",
            "ampache",
            "--version",
            "3",
            "--format",
            "json",
            "--code",
            "4704",
            "--action=album",
            "--type=filter",
            "--message=Not Found: 1",
        ],
        &modern,
        "200",
        "application/json; charset=UTF-8",
        "API 3 JSON",
    );
}

#[test]
fn codes_the_spec_does_not_have() {
    assert_renders(
        &[
            "render",
            "--api",
            "ampache",
            "--version",
            "5",
            "--format",
            "xml",
            "--code",
            "4799",
            "--message=Brand new",
            "--action=album",
        ],
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root>\n  <error errorCode=\"4799\">\n    \
          <errorAction><![CDATA[album]]></errorAction>\n    <errorType><![CDATA[]]></errorType>\n    \
          <errorMessage><![CDATA[Brand new]]></errorMessage>\n  </error>\n</root>\n",
        "200",
        "text/xml; charset=UTF-8",
        "unknown Ampache code",
    );
    let output = run(
        &[
            "render", "--api", "ampache", "--format", "xml", "--code", "4799",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--message"), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    let unknown_api = run(
        &["render", "--api", "nope", "--format", "xml", "--code", "1"],
        None,
    );
    assert_eq!(unknown_api.status.code(), Some(2));
    let text = stderr(&unknown_api);
    for api in ["ampache", "lastfm", "subsonic"] {
        assert!(text.contains(api), "the APIs are listed: {text}");
    }
    let cases: [&[&str]; 5] = [
        // API 7 was never used.
        &[
            "render",
            "--api",
            "ampache",
            "--version",
            "7",
            "--format",
            "xml",
            "--code",
            "4704",
        ],
        &["render", "--api", "ampache", "--format", "xml"],
        &[
            "render", "--api", "ampache", "--format", "yaml", "--code", "4704",
        ],
        &[
            "render", "--api", "ampache", "--format", "xml", "--code", "-1",
        ],
        // A name must be one of the spec's.
        &[
            "render", "--api", "ampache", "--format", "xml", "--code", "NotFund",
        ],
    ];
    for args in cases {
        let output = run(args, None);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

/// `--code` takes a variant name as `explain` does; the body is the number's.
#[test]
fn a_code_by_name_renders_as_its_number() {
    let render = |code: &str| {
        run(
            &[
                "render",
                "--api",
                "ampache",
                "--version",
                "8",
                "--format",
                "json",
                "--code",
                code,
            ],
            None,
        )
    };
    let (by_name, by_number) = (render("NotFound"), render("4704"));
    assert_eq!(by_name.status.code(), Some(0), "{}", stderr(&by_name));
    assert_eq!(by_name.stdout, by_number.stdout);
    assert!(String::from_utf8_lossy(&by_name.stdout).contains("\"errorCode\": \"4704\""));
    assert!(stderr(&by_name).contains("status: 404"));
}

#[test]
fn help_exits_0() {
    let output = run(&["render", "--help"], None);
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8_lossy(&output.stdout);
    for option in ["--api", "--version", "--format", "--code", "--message"] {
        assert!(help.contains(option), "{help}");
    }
}

fn dialect(file: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../errors-wire/tests/dialects")
        .join(file);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `--format jsonp --callback NAME`: the JSON body in a call, as the reference Subsonic
/// server (5.0, protocol 1.11.0) and GNU FM write it, sent as `application/javascript`.
#[test]
fn jsonp_bodies() {
    assert_renders(
        &[
            "render",
            "--api",
            "subsonic",
            "--version",
            "1.11.0",
            "--format",
            "jsonp",
            "--callback",
            "cb",
            "--code",
            "40",
            "--message",
            "Wrong username or password.",
        ],
        &dialect("subsonic-reference/5.0-wrong-credentials.jsonp"),
        "200",
        "application/javascript",
        "Subsonic JSONP",
    );
    assert_renders(
        &[
            "render",
            "--api",
            "lastfm",
            "--format",
            "jsonp",
            "--callback",
            "cb",
            "--code",
            "6",
            "--message",
            "Invalid parameters - Your request is missing a required parameter",
        ],
        &dialect("librefm/invalid-parameters.jsonp"),
        "400",
        "application/javascript",
        "Last.fm JSONP",
    );
}

/// JSONP needs a callback, only Subsonic and Last.fm have it, a callback needs JSONP, and a
/// refused callback is never echoed.
#[test]
fn jsonp_usage_errors_exit_2() {
    let cases: [(&[&str], &str); 4] = [
        (&["--api", "subsonic", "--format", "jsonp"], "--callback"),
        (
            &["--api", "ampache", "--format", "jsonp", "--callback", "cb"],
            "no JSONP",
        ),
        (
            &["--api", "lastfm", "--format", "json", "--callback", "cb"],
            "--format jsonp",
        ),
        (
            &[
                "--api",
                "lastfm",
                "--format",
                "jsonp",
                "--callback",
                "alert(1);evil",
            ],
            "identifier path",
        ),
    ];
    for (args, says) in cases {
        let args = [&["render", "--code", "40", "--message", "m"][..], args].concat();
        let output = run(&args, None);
        let text = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {text}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(text.contains(says), "{args:?}: {text}");
        assert!(!text.contains("evil"), "the callback is echoed: {text}");
    }
}

/// `--server-type` and `--server-version` make the body OpenSubsonic's: `type`,
/// `serverVersion` and `openSubsonic`, in the order navidrome writes them, read back as such.
#[test]
fn opensubsonic_bodies() {
    for format in ["xml", "json"] {
        let output = run(
            &[
                "render",
                "--api",
                "subsonic",
                "--format",
                format,
                "--code",
                "40",
                "--server-type",
                "navidrome",
                "--server-version",
                "0.63.2 (be10f89)",
                "--help-url",
                "https://example.org/40",
            ],
            None,
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let parsed = errors_wire::parse(&output.stdout).expect("a Subsonic body");
        let errors_wire::Shape::Subsonic {
            version,
            server_type,
            server_version,
            open_subsonic,
            help_url,
            ..
        } = parsed.shape
        else {
            panic!("{format}: a Subsonic body");
        };
        assert_eq!(version.as_deref(), Some("1.16.1"), "{format}");
        assert_eq!(server_type.as_deref(), Some("navidrome"), "{format}");
        assert_eq!(
            server_version.as_deref(),
            Some("0.63.2 (be10f89)"),
            "{format}"
        );
        assert!(open_subsonic, "{format}");
        assert_eq!(
            help_url.as_deref(),
            Some("https://example.org/40"),
            "{format}"
        );
        let text = String::from_utf8_lossy(&output.stdout);
        let order: Vec<usize> = ["version", "type", "serverVersion", "openSubsonic", "error"]
            .iter()
            .map(|key| {
                text.find(key)
                    .unwrap_or_else(|| panic!("{format}: {key} in {text}"))
            })
            .collect();
        assert!(order.is_sorted(), "{format}: {text}");
    }
}

/// The README's own spec (`examples/shop`): a Last.fm-shaped API whose version 2 serves
/// JSON only, with the message `Item {sku} is out of stock` in English and French.
fn render_shop(extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "render",
        "--spec-dir",
        "examples/shop/spec",
        "--api",
        "shop",
        "--code",
        "1",
    ];
    args.extend_from_slice(extra);
    run(&args, None)
}

#[test]
fn a_format_the_version_does_not_serve_is_a_usage_error() {
    let output = render_shop(&["--version", "2", "--format", "xml", "--field", "sku=A-1"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("--format xml: shop version 2 serves only json"),
        "{}",
        stderr(&output)
    );
    assert!(output.stdout.is_empty());
    // Version 1 serves XML: Last.fm's shape.
    assert_renders(
        &[
            "render",
            "--spec-dir",
            "examples/shop/spec",
            "--api",
            "shop",
            "--code",
            "1",
            "--version",
            "1",
            "--format",
            "xml",
            "--field",
            "sku=A-1",
        ],
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lfm status=\"failed\">\n  <error code=\"1\">Item A-1 is out of stock</error>\n</lfm>\n",
        "200",
        "text/xml; charset=utf-8",
        "shop 1 XML",
    );
}

#[test]
fn placeholders_are_filled_from_fields_in_the_locale_asked_for() {
    let cases: [(&[&str], &str); 3] = [
        (&["--field", "sku=A-1"], "Item A-1 is out of stock"),
        (
            &["--field", "sku=A-1", "--locale", "en"],
            "Item A-1 is out of stock",
        ),
        (
            &["--field", "sku=A-1", "--locale", "fr"],
            "L'article A-1 est \\u00e9puis\\u00e9",
        ),
    ];
    for (extra, message) in cases {
        let mut args = vec![
            "render",
            "--spec-dir",
            "examples/shop/spec",
            "--api",
            "shop",
            "--code",
            "OutOfStock",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let body = format!("{{\"error\":1,\"message\":\"{message}\"}}");
        assert_renders(
            &args,
            body.as_bytes(),
            "409",
            "application/json",
            &format!("{extra:?}"),
        );
    }
}

#[test]
fn an_unfilled_placeholder_or_an_unknown_field_or_locale_is_a_usage_error() {
    let cases: [(&[&str], &str); 5] = [
        (&[], "needs `{sku}`: give --field sku=VALUE"),
        (
            &["--field", "colour=red"],
            "--field colour: the message of shop 1 has no `{colour}`",
        ),
        (
            &["--field", "sku=A-1", "--locale", "de"],
            "--locale de: shop has messages in en, fr",
        ),
        (&["--field", "sku"], "is not NAME=VALUE"),
        (
            &["--message", "Sold out", "--field", "sku=A-1"],
            "--field sku",
        ),
    ];
    for (extra, says) in cases {
        let mut args = vec!["--format", "json"];
        args.extend_from_slice(extra);
        let output = render_shop(&args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{extra:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains(says),
            "{extra:?}: {}",
            stderr(&output)
        );
        assert!(output.stdout.is_empty(), "{extra:?}");
    }
}

/// XML 1.0 cannot carry C0 controls (other than tab, LF, CR) nor U+FFFE and U+FFFF: an XML
/// body would lose them, so `render` refuses them by flag, character and position.
#[test]
fn characters_xml_cannot_carry_are_a_usage_error_for_xml() {
    let cases = [
        (
            vec!["--message", "ab\u{1}c"],
            "--message: character 3 is U+0001",
        ),
        (
            vec!["--message", "\u{fffe}"],
            "--message: character 1 is U+FFFE",
        ),
        (
            vec!["--message", "x\u{ffff}"],
            "--message: character 2 is U+FFFF",
        ),
        (
            vec!["--action", "a\u{1b}"],
            "--action: character 2 is U+001B",
        ),
        (vec!["--type", "\u{8}"], "--type: character 1 is U+0008"),
    ];
    for (extra, expected) in cases {
        let mut args = vec![
            "render", "--api", "ampache", "--format", "xml", "--code", "4700",
        ];
        args.extend(extra);
        let output = run(&args, None);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{expected}: {}",
            stderr(&output)
        );
        assert!(stderr(&output).contains(expected), "{}", stderr(&output));
        assert!(output.stdout.is_empty(), "{expected}: nothing is rendered");
    }
    // A --field value fills the spec's message.
    let output = render_shop(&[
        "--version",
        "1",
        "--format",
        "xml",
        "--field",
        "sku=A\u{2}1",
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("--field sku: character 2 is U+0002"),
        "{}",
        stderr(&output)
    );
    // Tab, LF and CR are XML characters: still rendered.
    let output = run(
        &[
            "render",
            "--api",
            "lastfm",
            "--format",
            "xml",
            "--code",
            "6",
            "--message",
            "a\tb\r\nc",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("a\tb&#13;\nc"),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

/// JSON escapes every control character, so a JSON body carries the message whole: a JSON
/// parser reads back exactly the characters given.
#[test]
fn json_carries_characters_xml_cannot() {
    let message = "a\u{1}b\u{1f}\u{fffe}\u{ffff}\u{8}";
    for (api, code, key) in [
        ("lastfm", "6", "/message"),
        ("ampache", "4700", "/error/errorMessage"),
    ] {
        let output = run(
            &[
                "render",
                "--api",
                api,
                "--format",
                "json",
                "--code",
                code,
                "--message",
                message,
            ],
            None,
        );
        assert_eq!(output.status.code(), Some(0), "{api}: {}", stderr(&output));
        let body: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON body");
        assert_eq!(
            body.pointer(key).and_then(serde_json::Value::as_str),
            Some(message),
            "{api}: {body}"
        );
    }
}
