//! The one error type of the generator library.

use std::fmt;
use std::path::PathBuf;

use crate::Report;

/// Why generation failed; each cause is kept apart so a build script or a command line can
/// tell them apart.
///
/// `Debug` prints what `Display` does: a build script's `main` that returns this error shows
/// the located problems as they are, not wrapped in the variant's name.
#[non_exhaustive]
pub enum Error {
    /// The specs have problems, every one located by file, line and column.
    Spec(Report),
    /// A file or folder could not be read, listed or written.
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// `OUT_DIR` is not set: [`Build::generate`](crate::Build::generate) runs outside a build
    /// script and was given no [`out_dir`](crate::Build::out_dir).
    MissingOutDir,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Spec(report) => report.fmt(f),
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::MissingOutDir => f.write_str(
                "OUT_DIR is not set: call from a build script, or give `Build::out_dir`",
            ),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Spec(_) | Error::MissingOutDir => None,
        }
    }
}

impl From<Report> for Error {
    fn from(report: Report) -> Self {
        Error::Spec(report)
    }
}
