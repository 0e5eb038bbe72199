//! `errors-codegen parse` on the bytes real servers send and on bodies that are not errors:
//! the API, code, name, message and retry advice it reports, and its exit statuses.

mod common;

use std::path::PathBuf;

use common::{run, stderr, workspace};
use errors_codegen::model::Spec;
use errors_corpus::dir as corpus;
use serde_json::{Value, json};

/// `parse --json` on a file; the one JSON object it prints, after checking that it is
/// exactly one object on one line with the five keys.
fn parse_json(args: &[&str], stdin: Option<&[u8]>) -> Value {
    let mut all = vec!["parse", "--json"];
    all.extend_from_slice(args);
    let output = run(&all, stdin);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}",
        stderr(&output)
    );
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert!(text.ends_with("}\n"), "{text:?}");
    assert_eq!(text.lines().count(), 1, "one line: {text:?}");
    let value: Value = serde_json::from_str(&text).expect("JSON output");
    let keys: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 5, "{text}");
    for key in ["api", "code", "name", "message", "retry"] {
        assert!(keys.contains(&key), "{key} in {text}");
    }
    value
}

/// What `parse` should say about `code` of `spec`: its name and retry keyword.
fn facts(spec: &Spec, code: u32) -> (Value, Value) {
    let code = spec
        .codes
        .get(&code)
        .unwrap_or_else(|| panic!("{} documents code {code}", spec.id));
    (json!(code.name), json!(code.retry.as_str()))
}

fn spec(id: &str) -> Spec {
    errors_codegen::load(&workspace().join(format!("spec/{id}.yaml"))).expect("shipped spec")
}

/// A file with `bytes` in it, in a directory of this test run, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str, bytes: &[u8]) -> Self {
        let dir =
            std::env::temp_dir().join(format!("errors-codegen-cli-parse-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch dir");
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("scratch file");
        Scratch(path)
    }

    fn arg(&self) -> &str {
        self.0.to_str().expect("UTF-8 path")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
        // Only the last test to finish finds the directory empty.
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir(dir);
        }
    }
}

#[test]
fn every_ampache_corpus_body() {
    let corpus = corpus();
    let ampache = spec("ampache");
    let server = corpus.join("ampache-server");
    for row in errors_corpus::ampache_index(&corpus) {
        let (file, code, message) = (&row.file, row.code, &row.message);
        let path = server.join(file);
        let value = parse_json(&[path.to_str().expect("UTF-8 path")], None);
        let (name, retry) = facts(&ampache, code);
        assert_eq!(
            value,
            json!({"api": "ampache", "code": code, "name": name, "message": message, "retry": retry}),
            "{file}"
        );
    }

    // Spot checks that do not go through the spec loader.
    let modern = parse_json(
        &[server
            .join("api8/json/error-4704.json")
            .to_str()
            .expect("UTF-8 path")],
        None,
    );
    assert_eq!(
        modern,
        json!({"api": "ampache", "code": 4704, "name": "NotFound", "message": "Not Found: 1", "retry": "never"})
    );
    let legacy = parse_json(
        &[server
            .join("api3/xml/error-404.xml")
            .to_str()
            .expect("UTF-8 path")],
        None,
    );
    assert_eq!(legacy["name"], "LegacyNotFound");
}

#[test]
fn every_subsonic_corpus_body() {
    let corpus = corpus();
    let json = |code: u32, name: &str, message: &str, retry: &str| json!({"api": "subsonic", "code": code, "name": name, "message": message, "retry": retry});
    let null_pointer = json(0, "Generic", "NullPointerException", "later");
    let missing = json(
        10,
        "MissingParameter",
        "Required int parameter 'id' is not present",
        "never",
    );
    let upgrade = json(
        20,
        "ClientMustUpgrade",
        "Incompatible Subsonic REST protocol version. Client must upgrade.",
        "never",
    );
    let password = json(
        40,
        "WrongCredentials",
        "Wrong username or password.",
        "never",
    );
    let unauthorized = json(
        50,
        "NotAuthorized",
        "guest is not authorized to change password for created",
        "never",
    );
    let radio = json(70, "NotFound", "Internet radio station not found.", "never");
    let cases = [
        ("error-0.xml", &null_pointer),
        ("error-0.json", &null_pointer),
        ("error-10.xml", &missing),
        ("error-10.json", &missing),
        ("error-20.xml", &upgrade),
        ("error-20.json", &upgrade),
        ("error-40.xml", &password),
        ("error-40.json", &password),
        ("error-50.xml", &unauthorized),
        ("error-50.json", &unauthorized),
        // The published documentation shows the code-0 body under this name.
        ("error-70.xml", &null_pointer),
        ("error-70.json", &radio),
    ];
    for (file, expected) in cases {
        let path = corpus.join("subsonic").join(file);
        let value = parse_json(&[path.to_str().expect("UTF-8 path")], None);
        assert_eq!(&value, expected, "{file}");
    }
}

#[test]
fn lastfm_and_stdin() {
    let body = br#"{"error":6,"message":"User not found"}"#;
    let expected = json!({"api": "lastfm", "code": 6, "name": "InvalidParams", "message": "User not found", "retry": "never"});
    assert_eq!(parse_json(&[], Some(body)), expected);
    assert_eq!(parse_json(&["-"], Some(body)), expected);
    let xml = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lfm status=\"failed\">\n  \
                <error code=\"29\">Rate Limit Exceeded</error>\n</lfm>\n";
    let value = parse_json(&["--api", "lastfm"], Some(xml));
    assert_eq!(
        (&value["code"], &value["name"], &value["retry"]),
        (&json!(29), &json!("RateLimitExceeded"), &json!("backoff"))
    );
}

#[test]
fn unknown_codes_are_kept() {
    let body = b"{\n    \"error\": {\n        \"errorCode\": \"4799\",\n        \"errorAction\": \"album\",\n        \
                 \"errorType\": \"\",\n        \"errorMessage\": \"Brand new\"\n    }\n}";
    let file = Scratch::new("unknown-4799.json", body);
    assert_eq!(
        parse_json(&[file.arg()], None),
        json!({"api": "ampache", "code": 4799, "name": null, "message": "Brand new", "retry": null})
    );
    let output = run(&["parse"], Some(body));
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("unknown code"), "{text}");
    assert!(
        !text.contains('\x1b'),
        "no colour when stdout is not a terminal: {text:?}"
    );
}

#[test]
fn text_output() {
    let output = run(
        &["parse"],
        Some(br#"{"error":{"code":"404","message":"Library item not found"}}"#),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = String::from_utf8_lossy(&output.stdout);
    for expected in [
        "ampache",
        "404",
        "LegacyNotFound",
        "Library item not found",
        "never",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
}

/// Text from the wire never reaches the terminal raw: escape sequences, a bell and a newline
/// that would forge a `retry:` line are shown escaped, one line per field.
#[test]
fn text_output_escapes_control_characters() {
    let body = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/cases/bodies/terminal-control-chars.json"),
    )
    .expect("the case body");
    let output = run(&["parse"], Some(&body));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        !text.contains(|c: char| c.is_control() && c != '\n'),
        "{text:?}"
    );
    let labels: Vec<&str> = text
        .lines()
        .map(|line| line.split(':').next().unwrap_or_default())
        .collect();
    assert_eq!(
        labels,
        ["api", "code", "name", "message", "retry"],
        "{text}"
    );
    assert!(
        text.contains("\\u{1b}[31m") && text.contains("\\n"),
        "{text}"
    );
}

/// Ampache 412, sent by the development line between 4.2 and 4.4 (see spec/ampache.yaml),
/// is named and never retried.
#[test]
fn ampache_legacy_412_is_named() {
    let body = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/cases/bodies/ampache4-legacy-412.xml"),
    )
    .expect("the case body");
    let output = run(&["parse"], Some(&body));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = String::from_utf8_lossy(&output.stdout);
    for expected in ["ampache", "412", "LegacyFailedAccessCheck", "never ("] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
}

#[test]
fn problem_details() {
    let anonymous = br#"{"type":"https://example.com/probs/out-of-credit","title":"Out of credit","status":403,"detail":"Your balance is 30","code":4742}"#;
    assert_eq!(
        parse_json(&[], Some(anonymous)),
        json!({"api": "problem", "code": 4742, "name": null, "message": "Your balance is 30", "retry": null})
    );
    // errors-core writes the catalog's docs URL as the type: that names the code.
    let ampache = br#"{"type":"https://ampache.org/api/api-errors","title":"Not Found","status":404,"detail":"Not Found: 1","code":4704}"#;
    assert_eq!(
        parse_json(&[], Some(ampache)),
        json!({"api": "problem", "code": 4704, "name": "NotFound", "message": "Not Found: 1", "retry": "never"})
    );
    // Extension members first: only a strict read takes it as problem details.
    let extension_first = br#"{"balance":30,"title":"Out of credit","detail":"Low","code":7}"#;
    assert_eq!(
        parse_json(&["--api", "problem"], Some(extension_first))["code"],
        7
    );
}

#[test]
fn bodies_that_are_not_errors_exit_1() {
    // An error body whose message goes on past what is read: too large, with the limit.
    let mut huge = br#"{"error":6,"message":""#.to_vec();
    huge.resize(3 * errors_wire::MAX_BODY_LEN, b'a');
    huge.extend_from_slice(b"\"}");
    let too_large = format!(
        "too large: longer than the limit of {} bytes",
        errors_wire::MAX_BODY_LEN
    );
    let utf16: Vec<u8> = r#"{"error":6,"message":"Invalid session key"}"#
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let cases: [(&str, &[u8], &str); 8] = [
        (
            "twice.json",
            br#"{"error":6,"message":"Invalid parameters","error":7}"#,
            "ambiguous: it gives `error` twice",
        ),
        ("huge.json", &huge, &too_large),
        ("utf16.json", &utf16, "UTF-16LE without a byte order mark"),
        (
            "success.xml",
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<subsonic-response \
              xmlns=\"http://subsonic.org/restapi\" status=\"ok\" version=\"1.16.1\"/>\n",
            "without an error",
        ),
        (
            "gateway.html",
            b"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body></body></html>\n",
            "HTML page",
        ),
        ("empty.json", b"", "empty"),
        (
            "truncated.xml",
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root>\n  <error errorCode=\"4704\">\n",
            "truncated",
        ),
        (
            "wrong-root.xml",
            b"<?xml version=\"1.0\"?>\n<response><error code=\"1\"/></response>\n",
            "root",
        ),
    ];
    for (name, bytes, says) in cases {
        let file = Scratch::new(name, bytes);
        for json in [false, true] {
            let mut args = vec!["parse", file.arg()];
            if json {
                args.push("--json");
            }
            let output = run(&args, None);
            assert_eq!(output.status.code(), Some(1), "{name}: {}", stderr(&output));
            if json {
                // A script reading --json always gets one object, saying what the body is.
                let text = String::from_utf8_lossy(&output.stdout);
                let value: Value = serde_json::from_str(&text)
                    .unwrap_or_else(|e| panic!("{name}: not one JSON object ({e}): {text:?}"));
                let why = value["not_an_error"].as_str().unwrap_or_default();
                assert!(why.contains(says), "{name}: {value}");
                assert_eq!(value.as_object().map(|o| o.len()), Some(1), "{value}");
            } else {
                assert!(output.stdout.is_empty(), "{name}: nothing on stdout");
            }
            assert!(
                stderr(&output).contains(says),
                "{name}: {}",
                stderr(&output)
            );
        }
    }
}

#[test]
fn api_mismatch_exits_1() {
    let subsonic = br#"{"subsonic-response":{"status":"failed","version":"1.16.1","error":{"code":40,"message":"Wrong username or password."}}}"#;
    let output = run(&["parse", "--api", "lastfm"], Some(subsonic));
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.contains("Last.fm") && text.contains("Subsonic"),
        "{text}"
    );
    assert_eq!(
        parse_json(&["--api", "subsonic"], Some(subsonic))["name"],
        "WrongCredentials"
    );
}

#[test]
fn usage_errors_exit_2() {
    let missing = workspace().join("no-such-body.xml");
    let output = run(&["parse", missing.to_str().expect("UTF-8 path")], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no-such-body.xml"),
        "{}",
        stderr(&output)
    );

    let output = run(&["parse", "--api", "nope"], Some(b"{}"));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("ampache"), "{}", stderr(&output));

    let output = run(&["parse", "--jsn"], Some(b"{}"));
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn help_exits_0() {
    let output = run(&["parse", "--help"], None);
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8_lossy(&output.stdout);
    for option in ["--api", "--json", "--spec-dir"] {
        assert!(help.contains(option), "{help}");
    }
    let top = run(&["--help"], None);
    assert_eq!(top.status.code(), Some(0));
    let top = String::from_utf8_lossy(&top.stdout);
    assert!(top.contains("render") && top.contains("parse"), "{top}");
}
