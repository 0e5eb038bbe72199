//! This crate is the README's downstream example: the README shows its files, and these
//! tests keep the two the same and check what the example promises.

use errors_core::{ApiError, Format, RequestContext};
use errors_example_shop::ShopError;
use errors_example_shop::shop::ErrorCode;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

/// The README's fenced code blocks: (info string, text).
fn readme_blocks() -> Vec<(String, String)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md");
    let readme = std::fs::read_to_string(path).expect("README.md is readable");
    let mut blocks = Vec::new();
    let mut open: Option<(String, String)> = None;
    for event in Parser::new(&readme) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                open = Some((info.to_string(), String::new()));
            }
            Event::Text(text) => {
                if let Some((_, body)) = open.as_mut() {
                    body.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(open.take()),
            _ => {}
        }
    }
    blocks
}

/// The one README block whose first line is `first_line`.
fn block_starting(first_line: &str) -> String {
    let found: Vec<_> = readme_blocks()
        .into_iter()
        .filter(|(_, body)| body.lines().next() == Some(first_line))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "README.md has one block starting {first_line:?}"
    );
    found.into_iter().map(|(_, body)| body).collect()
}

fn file(relative: &str) -> String {
    let path = format!("{}/{relative}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_readme_shows_this_crates_files() {
    let spec = readme_blocks()
        .into_iter()
        .filter(|(info, _)| info == "yaml")
        .map(|(_, body)| body)
        .find(|body| body.contains("id: shop"))
        .expect("README.md shows the shop spec");
    assert_eq!(spec, file("spec/shop.yaml"));
    assert_eq!(block_starting("// build.rs"), file("build.rs"));
    assert_eq!(block_starting("// src/lib.rs"), file("src/lib.rs"));
}

#[test]
fn the_spec_becomes_a_catalog_and_the_derive_fills_its_message() {
    let code = ErrorCode::from_code(1).expect("code 1 is in the spec");
    assert_eq!(code, ErrorCode::OutOfStock);
    assert_eq!(code.message_in("fr"), "L'article {sku} est épuisé");
    assert_eq!(code.http_status("2"), 409);

    let error = ShopError::OutOfStock {
        sku: "A-1".to_owned(),
    };
    assert_eq!(error.message(), "Item A-1 is out of stock");
    let response = error.render(&RequestContext::new("1", Format::Json));
    assert_eq!(response.status, 200);
    assert_eq!(
        response.body,
        br#"{"error":1,"message":"Item A-1 is out of stock"}"#
    );
    let response = error.render(&RequestContext::new("2", Format::Json));
    assert_eq!(response.status, 409);
}
