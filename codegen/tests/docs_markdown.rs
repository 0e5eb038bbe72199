//! Spec text in the generated Markdown pages keeps to its place: a `|` stays in its table
//! cell, a newline or a closing `#` in its heading, a heading of a description under the
//! code's section, and a fence or HTML block a description leaves open takes in nothing
//! after it. The page is read back with a CommonMark parser (GFM tables on), as GitHub and
//! docs sites read it.

use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

const SPEC: &str = r#"
id: hostile
title: "Pipes | and # hashes #"
docs_url: https://example.com/errors
family: lastfm
json_code: number
code_ranges: [[1, 99]]
locales: [en]
rules: |
  Rules
  =====

  Set-text heading above; nothing else.
versions:
  - id: "1"
    formats: [xml, json]
    notes: |
      # Notes heading

      ```
      a fence never closed
reserved:
  13: "Unlucky | and\nsplit"
codes:
  1:
    name: First
    title: "In | out ##"
    description: |
      # Usage

      Text, then an HTML block left open:

      <pre>
      never closed
    message: "Uses `ticks` and ``` fences"
    retry: never
  2:
    name: Second
    title: Second title
    description: "Line one\rline two"
    message: Plain
    retry: later
    note: "~~~\nopen tilde fence"
  3:
    name: Third
    title: Third title
    description: Plain.
    message: Plain three
    retry: never
"#;

/// The page generated for [`SPEC`].
fn page() -> String {
    let spec = errors_codegen::load_str("hostile.yaml", SPEC).unwrap_or_else(|r| panic!("{r}"));
    let artifacts = errors_codegen::artifacts::artifacts(
        Path::new(""),
        &[(PathBuf::from("hostile.yaml"), spec)],
    );
    let page = artifacts
        .iter()
        .find(|a| a.path == Path::new("docs/hostile.md"))
        .expect("a page for the spec");
    String::from_utf8(page.content.clone()).expect("UTF-8")
}

/// The page's headings: (level, text).
fn headings(page: &str) -> Vec<(HeadingLevel, String)> {
    let mut out = Vec::new();
    let mut open: Option<(HeadingLevel, String)> = None;
    for event in Parser::new_ext(page, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => open = Some((level, String::new())),
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, heading)) = open.as_mut() {
                    heading.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(_)) => out.extend(open.take()),
            _ => {}
        }
    }
    out
}

/// Each table of the page: its rows, each a list of cell texts.
fn tables(page: &str) -> Vec<Vec<Vec<String>>> {
    let mut tables = Vec::new();
    let (mut rows, mut cells, mut cell): (Vec<Vec<String>>, Vec<String>, Option<String>) =
        (Vec::new(), Vec::new(), None);
    for event in Parser::new_ext(page, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::Text(text) | Event::Code(text) => {
                if let Some(cell) = cell.as_mut() {
                    cell.push_str(&text);
                }
            }
            Event::End(TagEnd::TableCell) => cells.extend(cell.take()),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                rows.push(std::mem::take(&mut cells))
            }
            Event::End(TagEnd::Table) => tables.push(std::mem::take(&mut rows)),
            _ => {}
        }
    }
    tables
}

#[test]
fn every_section_heading_survives_the_spec_text_before_it() {
    let page = page();
    let headings = headings(&page);
    let top: Vec<&str> = headings
        .iter()
        .filter(|(level, _)| *level <= HeadingLevel::H2)
        .map(|(_, text)| text.as_str())
        .collect();
    assert_eq!(
        top,
        [
            "Pipes | and # hashes # errors",
            "Rules",
            "Versions",
            "Codes",
            "Reserved numbers",
            "1 First: In | out ##",
            "2 Second: Second title",
            "3 Third: Third title",
        ],
        "{page}"
    );
    // The spec's own headings sit under the section that holds them.
    for own in ["Usage", "Notes heading"] {
        let (level, _) = headings
            .iter()
            .find(|(_, text)| text == own)
            .unwrap_or_else(|| panic!("{own} in {page}"));
        assert!(*level >= HeadingLevel::H4, "{own} at {level:?}");
    }
    // Each code's examples still have their heading after the blocks the spec left open.
    let examples = headings
        .iter()
        .filter(|(_, text)| text == "Examples")
        .count();
    assert_eq!(examples, 3, "{page}");
}

#[test]
fn table_cells_hold_pipes_and_newlines() {
    let page = page();
    let tables = tables(&page);
    let codes = tables
        .iter()
        .find(|rows| rows[0].first().map(String::as_str) == Some("Code"))
        .expect("the codes table");
    assert_eq!(codes.len(), 4, "{codes:?}");
    assert!(codes.iter().all(|row| row.len() == 6), "{codes:?}");
    assert_eq!(codes[1][2], "In | out ##");
    let reserved = tables
        .iter()
        .find(|rows| rows[0].first().map(String::as_str) == Some("Number"))
        .expect("the reserved table");
    assert_eq!(reserved[1], ["13", "Unlucky | and split"]);
}

#[test]
fn a_message_with_backticks_is_shown_whole() {
    let page = page();
    let code_spans: Vec<String> = Parser::new(&page)
        .filter_map(|event| match event {
            Event::Code(text) => Some(text.into_string()),
            _ => None,
        })
        .collect();
    assert!(
        code_spans
            .iter()
            .any(|span| span == "Uses `ticks` and ``` fences"),
        "{code_spans:?}"
    );
}
