//! Every body of `tests/dialects/`: real servers' error bodies (and look-alikes that are
//! not API error bodies), each parsed to the family, code and message `INDEX.tsv` gives.
//! `tests/dialects/README.md` says where each comes from.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use errors_wire::{Family, Format, ParseError, ampache, lastfm, subsonic};

fn dialects() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dialects")
}

/// One row of `INDEX.tsv`.
#[derive(Debug)]
struct Row {
    file: String,
    family: Option<Family>,
    code: Option<u32>,
    message: String,
    http_status: Option<u16>,
    content_type: String,
}

fn rows() -> Vec<Row> {
    let index = fs::read_to_string(dialects().join("INDEX.tsv")).expect("INDEX.tsv is readable");
    let mut lines = index.lines();
    assert_eq!(
        lines
            .next()
            .map(|header| header.split('\t').take(6).collect::<Vec<_>>()),
        Some(vec![
            "file",
            "family",
            "code",
            "message",
            "http_status",
            "content_type"
        ])
    );
    lines
        .filter(|line| !line.is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 9, "nine columns: {line}");
            Row {
                file: cells[0].to_owned(),
                family: match cells[1] {
                    "none" => None,
                    family => Some(family.parse().expect("a family")),
                },
                code: cells[2].parse().ok(),
                message: cells[3].to_owned(),
                http_status: cells[4].parse().ok(),
                content_type: cells[5].to_owned(),
            }
        })
        .collect()
}

fn body(row: &Row) -> Vec<u8> {
    fs::read(dialects().join(&row.file)).unwrap_or_else(|e| panic!("{}: {e}", row.file))
}

#[test]
fn the_index_lists_every_body() {
    let mut on_disk = BTreeSet::new();
    for dir in fs::read_dir(dialects()).expect("the dialects folder is readable") {
        let dir = dir.expect("an entry").path();
        if dir.is_dir() {
            for file in fs::read_dir(&dir).expect("a server folder is readable") {
                let path = file.expect("an entry").path();
                let relative = path.strip_prefix(dialects()).expect("under the folder");
                on_disk.insert(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let indexed: BTreeSet<String> = rows().into_iter().map(|row| row.file).collect();
    assert_eq!(on_disk, indexed);
    assert!(indexed.len() >= 83, "{} bodies", indexed.len());
}

#[test]
fn every_error_body_parses_to_its_code_and_message() {
    let mut checked = 0;
    for row in rows() {
        let (Some(family), Some(code)) = (row.family, row.code) else {
            continue;
        };
        let bytes = body(&row);
        let parsed = errors_wire::parse(&bytes).unwrap_or_else(|e| panic!("{}: {e}", row.file));
        assert_eq!(
            (parsed.family(), parsed.code, &*parsed.message),
            (family, code, row.message.as_str()),
            "{}",
            row.file
        );
        let format = if row.file.ends_with(".xml") {
            Format::Xml
        } else if row.file.ends_with(".jsonp") {
            Format::Jsonp
        } else {
            Format::Json
        };
        assert_eq!(parsed.format, format, "{}", row.file);
        // The family's own parser agrees.
        let own = match family {
            Family::Ampache => ampache::parse(&bytes),
            Family::Lastfm => lastfm::parse(&bytes),
            Family::Subsonic => subsonic::parse(&bytes),
            Family::Problem => errors_wire::problem::parse(&bytes),
        };
        assert_eq!(own.as_ref(), Ok(&parsed), "{}", row.file);
        // And so does a client, whatever status the server sends with it.
        let status = row.http_status.unwrap_or(200);
        assert_eq!(
            errors_wire::classify(status, Some(&row.content_type), &bytes),
            errors_wire::Outcome::ApiError(parsed.clone()),
            "{}",
            row.file
        );
        checked += 1;
    }
    assert!(checked >= 74, "{checked} error bodies");
}

/// A body that only looks like an error body is reported as what it is, never as an API
/// error and never as a success.
#[test]
fn look_alikes_say_what_they_are() {
    let mut checked = 0;
    for row in rows().into_iter().filter(|row| row.family.is_none()) {
        let bytes = body(&row);
        let result = errors_wire::parse(&bytes);
        if row.file.ends_with(".json") {
            assert!(
                matches!(result, Err(ParseError::ForeignError { .. })),
                "{}: {result:?}",
                row.file
            );
        } else {
            assert!(
                matches!(result, Err(ParseError::Unrecognised { .. })),
                "{}: {result:?}",
                row.file
            );
        }
        let status = row.http_status.unwrap_or(200);
        assert!(
            matches!(
                errors_wire::classify(status, Some(&row.content_type), &bytes),
                errors_wire::Outcome::Transport(_)
            ),
            "{}",
            row.file
        );
        checked += 1;
    }
    assert_eq!(checked, 6);
}

#[test]
fn framework_errors_keep_their_words_and_status() {
    let row = rows()
        .into_iter()
        .find(|row| row.file == "listenbrainz/flask-404.json")
        .expect("the ListenBrainz 404 body");
    let Err(ParseError::ForeignError { code, message }) = errors_wire::parse(&body(&row)) else {
        panic!("a framework's error body");
    };
    assert_eq!(code, Some(404));
    assert!(
        message.starts_with("The requested URL was not found"),
        "{message}"
    );
    let maloja = br#"{"error": "Invalid API"}"#;
    assert_eq!(
        errors_wire::parse(maloja),
        Err(ParseError::ForeignError {
            code: None,
            message: "Invalid API".into()
        })
    );
}

/// Every proper prefix of a dialect body is truncated, never an error body; for JSONP,
/// a prefix that ends before the `(` is not yet recognisable.
#[test]
fn every_prefix_of_a_dialect_body_is_truncated() {
    for row in rows().into_iter().filter(|row| row.family.is_some()) {
        let bytes = body(&row);
        let complete = errors_wire::parse(&bytes).expect("dialect bodies parse");
        let jsonp = row.file.ends_with(".jsonp");
        let call = bytes.iter().position(|&b| b == b'(');
        for len in 0..bytes.len() {
            let prefix = &bytes[..len];
            let result = errors_wire::parse(prefix);
            let optional = |b: &u8| b.is_ascii_whitespace() || (jsonp && *b == b';');
            if bytes[len..].iter().all(optional) {
                assert_eq!(result.as_ref(), Ok(&complete), "{} cut at {len}", row.file);
            } else if prefix.iter().all(u8::is_ascii_whitespace) {
                assert_eq!(result, Err(ParseError::Empty), "{} cut at {len}", row.file);
            } else if jsonp && call.is_some_and(|at| len <= at) {
                assert!(
                    matches!(result, Err(ParseError::Unrecognised { .. })),
                    "{} cut at {len}: {result:?}",
                    row.file
                );
            } else {
                assert!(
                    matches!(result, Err(ParseError::Truncated { .. })),
                    "{} cut at {len}: {result:?}",
                    row.file
                );
            }
        }
    }
}
