//! The conformance corpus: real server bodies and the inputs they were rendered from, for
//! the test suites of every crate.
//!
//! Found at `$ERRORS_CORPUS`, else at `../shared/corpus` beside the workspace. Without it,
//! tests that need it are skipped, except under `CI=true`, where a silent skip would hide
//! that nothing was compared, so they fail.

use std::path::{Path, PathBuf};

/// The corpus directory, or `None` (after saying so) when it is absent outside CI.
///
/// # Panics
/// When the corpus is absent and `CI=true`.
#[must_use]
pub fn dir() -> Option<PathBuf> {
    let dir = std::env::var_os("ERRORS_CORPUS").map_or_else(
        || {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/corpus"
            ))
        },
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
/// On a malformed index.
#[must_use]
pub fn ampache_index(corpus: &Path) -> Vec<AmpacheRow> {
    let index = read(&corpus.join("ampache-server/INDEX.tsv"));
    let index = String::from_utf8(index).expect("INDEX.tsv is UTF-8");
    let mut lines = index.lines();
    assert_eq!(lines.next(), Some(COLUMNS), "INDEX.tsv columns changed");
    lines
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
        .collect()
}
