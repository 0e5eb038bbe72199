//! The conformance corpus: real server bodies and the inputs they were rendered from, for
//! the test suites of every crate.
//!
//! The corpus is part of the repository, in `data/` beside this crate's manifest (its
//! README says where the bytes come from). A test that needs it fails when it is missing
//! or empty: no test passes without its input.

use std::path::{Path, PathBuf};

/// The folders of the corpus; each must hold at least one file.
const FOLDERS: [&str; 2] = ["ampache-server", "subsonic"];

/// The corpus directory, `data/` in this crate.
///
/// # Panics
/// When the corpus, or one of its folders, is missing or empty.
#[must_use]
pub fn dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for folder in FOLDERS {
        let path = dir.join(folder);
        let entries = std::fs::read_dir(&path).unwrap_or_else(|e| {
            panic!(
                "the conformance corpus is missing: cannot list {}: {e}",
                path.display()
            )
        });
        assert!(
            entries.count() > 0,
            "the conformance corpus is empty: nothing in {}",
            path.display()
        );
    }
    dir
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmpacheRow {
    /// The file, relative to `ampache-server/`.
    pub file: String,
    /// The API version, `"3"` to `"8"`.
    pub version: String,
    /// The body format, `"xml"` or `"json"`.
    pub format: String,
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
    /// The Content-Type the server sends, when the row gives one.
    pub content_type: Option<String>,
}

impl AmpacheRow {
    /// The HTTP status the body is sent with: API 8's own status, 200 in every other
    /// version.
    #[must_use]
    pub fn status(&self) -> Option<u16> {
        if self.version == "8" {
            self.status_api8
        } else {
            Some(200)
        }
    }
}

/// The columns `INDEX.tsv` must have, in order.
const COLUMNS: &str =
    "file\tapi_version\tformat\tcode\taction\ttype\tmessage\thttp_status_api8\tcontent_type";

/// Every row of `ampache-server/INDEX.tsv`.
///
/// # Panics
/// On a malformed or empty index.
#[must_use]
pub fn ampache_index(corpus: &Path) -> Vec<AmpacheRow> {
    let index = read(&corpus.join("ampache-server/INDEX.tsv"));
    let index = String::from_utf8(index).expect("INDEX.tsv is UTF-8");
    let mut lines = index.lines();
    assert_eq!(lines.next(), Some(COLUMNS), "INDEX.tsv columns changed");
    let rows: Vec<AmpacheRow> = lines
        .filter(|line| !line.is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            let [
                file,
                version,
                format,
                code,
                action,
                error_type,
                message,
                status,
                content,
            ] = cells[..]
            else {
                panic!("INDEX.tsv row without 9 columns: {line:?}");
            };
            assert!(
                matches!(format, "xml" | "json"),
                "unknown format in {line:?}"
            );
            AmpacheRow {
                file: file.to_owned(),
                version: version.to_owned(),
                format: format.to_owned(),
                code: code.parse().expect("numeric code"),
                action: action.to_owned(),
                error_type: error_type.to_owned(),
                message: message.to_owned(),
                status_api8: status.parse().ok(),
                content_type: (!content.is_empty()).then(|| content.to_owned()),
            }
        })
        .collect();
    assert!(!rows.is_empty(), "INDEX.tsv lists no bodies");
    rows
}
