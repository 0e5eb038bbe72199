//! The bundled specs are compiled in: `explain`, `render` and `parse` work from a folder
//! outside the repository, `--spec-dir` adds a user's own specs, and `parse` gives a body
//! of a bundled API to that API, never to a user's spec of another family.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::{TempDir, run_in, stderr, stdout};

/// `errors-codegen explain lastfm 29 | head -1`, run from outside the repository: the
/// reader takes one line and goes away.
#[test]
fn explain_into_head_exits_0_outside_the_repository() {
    let dir = TempDir::new("head");
    let mut child = Command::new(env!("CARGO_BIN_EXE_errors-codegen"))
        .args(["explain", "lastfm", "29"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = String::new();
    let pipe = child.stdout.take().expect("a pipe");
    BufReader::new(pipe).read_line(&mut first).expect("a line");
    // The reader is gone (dropped with the BufReader): `head -1` has exited.
    let output = child.wait_with_output().expect("waits");
    assert_eq!(first, "Last.fm API error 29\n");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn explain_render_and_parse_work_outside_the_repository() {
    let dir = TempDir::new("anywhere");
    let explain = run_in(dir.path(), &["explain", "ampache", "4704"]);
    assert_eq!(explain.status.code(), Some(0), "{}", stderr(&explain));
    assert!(stdout(&explain).starts_with("Ampache API error 4704\n"));
    let render = run_in(
        dir.path(),
        &[
            "render", "--api", "lastfm", "--format", "json", "--code", "29",
        ],
    );
    assert_eq!(render.status.code(), Some(0), "{}", stderr(&render));
    let body = dir.path().join("body.json");
    std::fs::write(&body, &render.stdout).expect("writable");
    let parse = run_in(dir.path(), &["parse", "--json", "body.json"]);
    assert_eq!(parse.status.code(), Some(0), "{}", stderr(&parse));
    assert!(
        stdout(&parse).contains("\"api\":\"lastfm\",\"code\":29,\"name\":\"RateLimitExceeded\""),
        "{}",
        stdout(&parse)
    );
}

/// A user's spec with codes of its own, in the given family.
fn user_spec(family: &str, code: u32) -> String {
    let json_code = if family == "ampache" {
        "string"
    } else {
        "number"
    };
    format!(
        "id: shop\ntitle: Shop API\ndocs_url: https://shop.example/docs\nfamily: {family}\n\
         json_code: {json_code}\ncode_ranges: [[1, 9999]]\nlocales: [en]\nversions:\n  - id: \"1\"\n    \
         formats: [xml, json]\ncodes:\n  {code}:\n    name: OutOfStock\n    title: Out of stock\n    \
         description: The item is sold out.\n    message: Out of stock\n    retry: later\n"
    )
}

#[test]
fn spec_dir_adds_the_users_specs_to_the_bundled_ones() {
    let dir = TempDir::new("user-specs");
    let specs = dir.path().join("mine");
    std::fs::create_dir_all(&specs).expect("a folder");
    std::fs::write(specs.join("shop.yaml"), user_spec("lastfm", 70)).expect("writable");
    for (api, code, title) in [
        ("shop", "70", "Shop API error 70\n"),
        ("ampache", "4704", "Ampache API error 4704\n"),
    ] {
        let output = run_in(dir.path(), &["explain", api, code, "--spec-dir", "mine"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(stdout(&output).starts_with(title), "{}", stdout(&output));
    }
}

/// Parses `body` with the user's `shop` spec of `family` beside the bundled ones, and
/// returns the `api` and `name` parse reports.
fn parse_beside(family: &str, code: u32, body: &str) -> (String, String) {
    let dir = TempDir::new("attribution");
    let specs = dir.path().join("mine");
    std::fs::create_dir_all(&specs).expect("a folder");
    std::fs::write(specs.join("shop.yaml"), user_spec(family, code)).expect("writable");
    std::fs::write(dir.path().join("body"), body).expect("writable");
    let output = run_in(
        dir.path(),
        &["parse", "--json", "--spec-dir", "mine", "body"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("one JSON object");
    let field = |name: &str| report[name].as_str().unwrap_or("null").to_owned();
    (field("api"), field("name"))
}

#[test]
fn parse_gives_a_bundled_apis_body_to_that_api() {
    let lastfm = r#"{"error":29,"message":"Rate Limit Exceeded"}"#;
    let ampache = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root>\n  <error errorCode=\"4704\">\n    \
        <errorAction><![CDATA[album]]></errorAction>\n    <errorType><![CDATA[filter]]></errorType>\n    \
        <errorMessage><![CDATA[Not Found]]></errorMessage>\n  </error>\n</root>\n";
    // A user's spec of another family, even one with the same code, is never the answer.
    for family in ["ampache", "subsonic", "problem"] {
        assert_eq!(
            parse_beside(family, 29, lastfm),
            ("lastfm".to_owned(), "RateLimitExceeded".to_owned()),
            "{family}"
        );
    }
    for family in ["lastfm", "subsonic"] {
        assert_eq!(
            parse_beside(family, 4704, ampache),
            ("ampache".to_owned(), "NotFound".to_owned()),
            "{family}"
        );
    }
    // Nor is a user's spec of the same family, for a code the bundled API has.
    assert_eq!(
        parse_beside("lastfm", 29, lastfm),
        ("lastfm".to_owned(), "RateLimitExceeded".to_owned())
    );
    // A code only the user's spec has is the user's.
    assert_eq!(
        parse_beside("lastfm", 70, r#"{"error":70,"message":"Out of stock"}"#),
        ("shop".to_owned(), "OutOfStock".to_owned())
    );
}
