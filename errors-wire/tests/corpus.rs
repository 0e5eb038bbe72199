//! Every body of the conformance corpus, rendered from its inputs byte for byte, and parsed
//! back to those inputs.
//!
//! The corpus is in the repository (`tests/corpus/data/`); without it these tests fail.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use errors_wire::subsonic::{self, Options, XmlLayout};
use errors_wire::{ErrorBody, Family, Format, ParseError, Shape, ampache};

use errors_corpus::{dir as corpus, read};

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("corpus and rendered bodies are UTF-8")
}

fn format_of(name: &str) -> Format {
    match name {
        "xml" => Format::Xml,
        "json" => Format::Json,
        other => panic!("unknown format {other:?}"),
    }
}

/// One row of `ampache-server/INDEX.tsv`.
#[derive(Debug)]
struct Row {
    file: String,
    version: ampache::ApiVersion,
    format: Format,
    code: u32,
    action: String,
    error_type: String,
    message: String,
    content_type: String,
}

impl Row {
    fn error(&self) -> errors_wire::ErrorFields<'_> {
        errors_wire::ErrorFields {
            code: self.code,
            action: &self.action,
            error_type: &self.error_type,
            message: &self.message,
            ..errors_wire::ErrorFields::default()
        }
    }
}

fn ampache_rows(corpus: &Path) -> Vec<Row> {
    errors_corpus::ampache_index(corpus)
        .into_iter()
        .map(|row| Row {
            version: row
                .version
                .parse()
                .ok()
                .and_then(ampache::ApiVersion::from_major)
                .expect("a known API version"),
            format: format_of(&row.format),
            content_type: row.content_type.unwrap_or_default(),
            file: row.file,
            code: row.code,
            action: row.action,
            error_type: row.error_type,
            message: row.message,
        })
        .collect()
}

/// The reference corpus under `subsonic/` has no index: these are its inputs and options.
fn subsonic_cases() -> Vec<(&'static str, Format, u32, &'static str, Options<'static>)> {
    let standard = Options::default();
    let bare = Options {
        xml_layout: XmlLayout::Bare,
        ..Options::default()
    };
    let final_newline = Options {
        json_final_newline: true,
        ..Options::default()
    };
    let null_pointer = "NullPointerException";
    let missing_id = "Required int parameter 'id' is not present";
    let upgrade = "Incompatible Subsonic REST protocol version. Client must upgrade.";
    let password = "Wrong username or password.";
    let unauthorized = "guest is not authorized to change password for created";
    let radio = "Internet radio station not found.";
    vec![
        ("error-0.xml", Format::Xml, 0, null_pointer, standard),
        ("error-0.json", Format::Json, 0, null_pointer, standard),
        ("error-10.xml", Format::Xml, 10, missing_id, standard),
        ("error-10.json", Format::Json, 10, missing_id, standard),
        ("error-20.xml", Format::Xml, 20, upgrade, bare),
        ("error-20.json", Format::Json, 20, upgrade, final_newline),
        ("error-40.xml", Format::Xml, 40, password, standard),
        ("error-40.json", Format::Json, 40, password, standard),
        ("error-50.xml", Format::Xml, 50, unauthorized, standard),
        ("error-50.json", Format::Json, 50, unauthorized, standard),
        // The published documentation shows the code-0 body under this name.
        ("error-70.xml", Format::Xml, 0, null_pointer, standard),
        ("error-70.json", Format::Json, 70, radio, standard),
    ]
}

fn files_under(dir: &Path, prefix: &str, found: &mut BTreeSet<String>) {
    for entry in fs::read_dir(dir).expect("corpus folders are readable") {
        let entry = entry.expect("corpus entries are readable");
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.path().is_dir() {
            files_under(&entry.path(), &format!("{name}/"), found);
        } else {
            found.insert(name);
        }
    }
}

#[test]
fn ampache_renders_every_indexed_body_byte_for_byte() {
    let corpus = corpus();
    let mut body = Vec::new();
    for row in ampache_rows(&corpus) {
        let expected = read(&corpus.join("ampache-server").join(&row.file));
        body.clear();
        ampache::render(&mut body, row.version, row.format, &row.error());
        assert_eq!(text(&body), text(&expected), "{}", row.file);
        if !row.content_type.is_empty() {
            assert_eq!(
                ampache::content_type(row.format),
                row.content_type,
                "{}",
                row.file
            );
        }
    }
}

#[test]
fn ampache_index_lists_every_file() {
    let corpus = corpus();
    let mut on_disk = BTreeSet::new();
    files_under(&corpus.join("ampache-server"), "", &mut on_disk);
    on_disk.remove("INDEX.tsv");
    let indexed: BTreeSet<String> = ampache_rows(&corpus)
        .into_iter()
        .map(|row| row.file)
        .collect();
    assert_eq!(on_disk, indexed);
}

#[test]
fn ampache_bodies_parse_back_to_their_inputs() {
    let corpus = corpus();
    for row in ampache_rows(&corpus) {
        let bytes = read(&corpus.join("ampache-server").join(&row.file));
        for parsed in [errors_wire::parse(&bytes), ampache::parse(&bytes)] {
            let parsed = parsed.unwrap_or_else(|e| panic!("{}: {e}", row.file));
            assert_eq!(parsed.format, row.format, "{}", row.file);
            assert_eq!(parsed.code, row.code, "{}", row.file);
            assert_eq!(parsed.message, row.message, "{}", row.file);
            let expected_shape = if row.version.is_legacy(row.format) {
                Shape::AmpacheLegacy
            } else {
                Shape::AmpacheModern {
                    action: row.action.as_str().into(),
                    error_type: row.error_type.as_str().into(),
                }
            };
            assert_eq!(parsed.shape, expected_shape, "{}", row.file);
        }
        assert_eq!(
            errors_wire::lastfm::parse(&bytes),
            Err(ParseError::WrongFamily {
                expected: Family::Lastfm,
                found: Family::Ampache
            }),
            "{}",
            row.file
        );
    }
}

#[test]
fn subsonic_renders_every_body_byte_for_byte() {
    let corpus = corpus();
    let cases = subsonic_cases();
    let mut on_disk = BTreeSet::new();
    files_under(&corpus.join("subsonic"), "", &mut on_disk);
    let listed: BTreeSet<String> = cases.iter().map(|case| case.0.to_string()).collect();
    assert_eq!(on_disk, listed, "the input table must cover the folder");

    let mut body = Vec::new();
    for (file, format, code, message, options) in cases {
        let expected = read(&corpus.join("subsonic").join(file));
        body.clear();
        let error = errors_wire::ErrorFields {
            code,
            message,
            help_url: None,
            ..errors_wire::ErrorFields::default()
        };
        subsonic::render(&mut body, format, &error, &options);
        assert_eq!(text(&body), text(&expected), "{file}");
    }
}

#[test]
fn subsonic_bodies_parse_back_to_their_inputs() {
    let corpus = corpus();
    for (file, format, code, message, _) in subsonic_cases() {
        let bytes = read(&corpus.join("subsonic").join(file));
        for parsed in [errors_wire::parse(&bytes), subsonic::parse(&bytes)] {
            let parsed: ErrorBody<'_> = parsed.unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(
                (parsed.format, parsed.code, &*parsed.message),
                (format, code, message),
                "{file}"
            );
            assert_eq!(
                parsed.shape,
                Shape::Subsonic {
                    version: Some("1.16.1".into()),
                    server_type: None,
                    server_version: None,
                    open_subsonic: false,
                    help_url: None,
                },
                "{file}"
            );
        }
    }
}

/// Every proper prefix of a corpus body is truncated, not malformed, and never an error
/// body; only blanks may be missing from a complete one.
#[test]
fn every_prefix_of_a_corpus_body_is_truncated() {
    let corpus = corpus();
    let mut files = BTreeSet::new();
    files_under(&corpus, "", &mut files);
    let bodies = files
        .iter()
        .filter(|f| f.ends_with(".xml") || f.ends_with(".json"));
    let mut checked = 0;
    for file in bodies {
        let bytes = read(&corpus.join(file));
        let complete = errors_wire::parse(&bytes).expect("corpus bodies parse");
        for len in 0..bytes.len() {
            let prefix = &bytes[..len];
            let result = errors_wire::parse(prefix);
            if bytes[len..].iter().all(u8::is_ascii_whitespace) {
                assert_eq!(result.as_ref(), Ok(&complete), "{file} cut at {len}");
            } else if prefix.iter().all(u8::is_ascii_whitespace) {
                assert_eq!(result, Err(ParseError::Empty), "{file} cut at {len}");
            } else {
                assert!(
                    matches!(result, Err(ParseError::Truncated { .. })),
                    "{file} cut at {len}: {result:?}"
                );
            }
        }
        checked += 1;
    }
    assert_eq!(
        checked,
        ampache_rows(&corpus).len() + subsonic_cases().len(),
        "every corpus body"
    );
}
