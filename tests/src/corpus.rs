//! The conformance corpus: real server bodies and the inputs they were rendered from.
//!
//! Found at `$ERRORS_CORPUS`, else at `../shared/corpus` beside the workspace. Without it,
//! tests that need it are skipped, except under `CI=true`, where they fail.

use std::path::{Path, PathBuf};

use errors_core::Format;

/// The corpus directory, or `None` (after saying so) when it is absent outside CI.
///
/// # Panics
/// When the corpus is absent and `CI=true`.
#[must_use]
pub fn dir() -> Option<PathBuf> {
    let dir = std::env::var_os("ERRORS_CORPUS").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus")),
        PathBuf::from,
    );
    if dir.is_dir() {
        return Some(dir);
    }
    assert_ne!(
        std::env::var("CI").as_deref(),
        Ok("true"),
        "the corpus is required under CI=true and is missing at {}",
        dir.display()
    );
    eprintln!(
        "skipped: no corpus at {} (set ERRORS_CORPUS)",
        dir.display()
    );
    None
}

/// The bytes of a corpus file.
///
/// # Panics
/// When the file cannot be read.
#[must_use]
pub fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// One row of `ampache-server/INDEX.tsv`: a file and the inputs the server rendered it from.
#[derive(Debug, Clone)]
pub struct AmpacheRow {
    /// The file, relative to `ampache-server/`.
    pub file: String,
    /// The API version, `"3"` to `"8"`.
    pub version: String,
    /// The body format.
    pub format: Format,
    /// `errorCode` or `code`.
    pub code: u32,
    /// `errorAction`.
    pub action: String,
    /// `errorType`.
    pub error_type: String,
    /// The message.
    pub message: String,
    /// The HTTP status under API 8, when the row gives one.
    pub status_api8: Option<u16>,
}

/// Every row of `ampache-server/INDEX.tsv`.
///
/// # Panics
/// On a malformed index.
#[must_use]
pub fn ampache_index(corpus: &Path) -> Vec<AmpacheRow> {
    let index = read(&corpus.join("ampache-server/INDEX.tsv"));
    let index = String::from_utf8(index).expect("INDEX.tsv is UTF-8");
    index
        .lines()
        .skip(1)
        .filter(|line| !line.is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert!(cells.len() >= 8, "short INDEX.tsv row: {line:?}");
            AmpacheRow {
                file: cells[0].to_owned(),
                version: cells[1].to_owned(),
                format: match cells[2] {
                    "xml" => Format::Xml,
                    "json" => Format::Json,
                    other => panic!("unknown format {other:?}"),
                },
                code: cells[3].parse().expect("numeric code"),
                action: cells[4].to_owned(),
                error_type: cells[5].to_owned(),
                message: cells[6].to_owned(),
                status_api8: cells[7].parse().ok(),
            }
        })
        .collect()
}
