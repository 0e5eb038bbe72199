//! A spec of the problem details family (RFC 9457): its fixtures and doc examples are the
//! bytes `render` sends, in JSON and in the XML format of RFC 9457 Appendix B, and `parse`
//! attributes them to the spec.

mod common;

use std::path::Path;

use common::{TempDir, files_under, run_in, stderr, stdout};

/// A problem details API whose two versions send different statuses, in JSON and XML.
const SPEC: &str = r#"id: orders
title: Orders API
docs_url: https://orders.example/problems
family: problem
json_code: number
code_ranges: [[1, 99]]
locales: [en]
versions:
  - id: "1"
    formats: [json, xml]
    http_status: 400
  - id: "2"
    formats: [json, xml]
    http_status: 422
codes:
  1:
    name: OutOfStock
    title: Out of stock
    description: The item is sold out.
    message: "Item {sku} is out of stock"
    retry: later
    http_status: {"2": 409}
    example: {message: "Item A-1 is out of stock & gone"}
  2:
    name: BadQuantity
    title: Bad quantity
    description: The quantity is not a positive number.
    message: "The quantity must be positive"
    retry: never
"#;

fn generated() -> TempDir {
    let dir = TempDir::new("problem-family");
    std::fs::create_dir_all(dir.path().join("spec")).expect("a spec folder");
    std::fs::write(dir.path().join("spec/orders.yaml"), SPEC).expect("written");
    let output = run_in(dir.path(), &["generate"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    dir
}

/// `render` for the fixture at `fixtures/orders/api<version>/<format>/error-<code>.<format>`.
fn render_for(dir: &Path, fixture: &Path) -> (Vec<u8>, String) {
    let parts: Vec<String> = fixture
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    let [_, _, version, format, file] = parts.as_slice() else {
        panic!("unexpected fixture path {}", fixture.display());
    };
    let version = version.strip_prefix("api").expect("a version folder");
    let code = file
        .strip_prefix("error-")
        .and_then(|rest| rest.split_once('.'))
        .map(|(code, _)| code)
        .expect("error-<code>.<ext>");
    let message = if code == "1" {
        "--message=Item A-1 is out of stock & gone"
    } else {
        "--message=The quantity must be positive"
    };
    let output = run_in(
        dir,
        &[
            "render",
            "--spec-dir",
            "spec",
            "--api",
            "orders",
            "--version",
            version,
            "--format",
            format,
            "--code",
            code,
            message,
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    (output.stdout.clone(), stderr(&output))
}

#[test]
fn fixtures_are_the_rendered_bytes_and_parse_back_to_the_spec() {
    let dir = generated();
    let fixtures: Vec<_> = files_under(dir.path())
        .into_iter()
        .filter(|path| path.starts_with("fixtures"))
        .collect();
    // Two codes, two versions, two formats.
    assert_eq!(fixtures.len(), 8, "{fixtures:?}");
    for fixture in &fixtures {
        let bytes = std::fs::read(dir.path().join(fixture)).expect("a fixture");
        let (rendered, headers) = render_for(dir.path(), fixture);
        assert!(
            bytes == rendered,
            "{}: the fixture is not what render sends\n--- fixture\n{}\n--- render\n{}",
            fixture.display(),
            String::from_utf8_lossy(&bytes),
            String::from_utf8_lossy(&rendered)
        );
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            text.contains("https://orders.example/problems"),
            "{}: the type",
            fixture.display()
        );
        let xml = fixture.extension().is_some_and(|e| e == "xml");
        if xml {
            assert!(
                text.starts_with("<problem xmlns=\"urn:ietf:rfc:7807\"><type>"),
                "{text}"
            );
            assert!(headers.contains("content-type: application/problem+xml"));
        } else {
            assert!(text.starts_with("{\"type\":"), "{text}");
            assert!(headers.contains("content-type: application/problem+json"));
        }
        let parsed = run_in(
            dir.path(),
            &[
                "parse",
                "--spec-dir",
                "spec",
                "--json",
                &fixture.to_string_lossy(),
            ],
        );
        assert_eq!(parsed.status.code(), Some(0), "{}", stderr(&parsed));
        let report = stdout(&parsed);
        assert!(
            report.contains("\"name\":\"OutOfStock\"")
                || report.contains("\"name\":\"BadQuantity\""),
            "{}: not attributed to the spec: {report}",
            fixture.display()
        );
    }
    // The status of each version is in its body: 400 and 409 for code 1.
    let v1 = std::fs::read_to_string(dir.path().join("fixtures/orders/api1/json/error-1.json"))
        .expect("a fixture");
    let v2 = std::fs::read_to_string(dir.path().join("fixtures/orders/api2/json/error-1.json"))
        .expect("a fixture");
    assert_eq!(
        v1,
        r#"{"type":"https://orders.example/problems","title":"Out of stock","status":400,"detail":"Item A-1 is out of stock & gone","code":1}"#
    );
    assert!(v2.contains(r#""status":409"#), "{v2}");
    let xml = std::fs::read_to_string(dir.path().join("fixtures/orders/api1/xml/error-1.xml"))
        .expect("a fixture");
    assert_eq!(
        xml,
        "<problem xmlns=\"urn:ietf:rfc:7807\"><type>https://orders.example/problems</type>\
         <title>Out of stock</title><status>400</status>\
         <detail>Item A-1 is out of stock &amp; gone</detail><code>1</code></problem>"
    );
}

#[test]
fn the_docs_show_the_rendered_bytes_under_their_format() {
    let dir = generated();
    let page = std::fs::read_to_string(dir.path().join("docs/orders.md")).expect("the page");
    let xml = std::fs::read_to_string(dir.path().join("fixtures/orders/api1/xml/error-2.xml"))
        .expect("a fixture");
    let json = std::fs::read_to_string(dir.path().join("fixtures/orders/api1/json/error-2.json"))
        .expect("a fixture");
    assert!(
        page.contains(&format!("XML, version 1:\n\n```xml\n{xml}\n```")),
        "{page}"
    );
    assert!(
        page.contains(&format!("JSON, version 1:\n\n```json\n{json}\n```")),
        "{page}"
    );
}
