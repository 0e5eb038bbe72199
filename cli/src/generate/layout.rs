//! Where `generate` writes: the output folder, the schema's folder in it, and the Rust
//! catalogs' folder, each checked to stay inside the output folder.

use std::path::{Component, Path, PathBuf};

use crate::Failure;
use crate::paths::quoted;

/// The places of one `generate` run.
#[derive(Debug)]
pub struct Layout {
    /// The output folder, as given (relative to the working folder, or absolute).
    pub out: PathBuf,
    /// The spec folder relative to `out` when it lies inside it (the schema goes next to the
    /// specs there), else the empty path (the schema goes to the root of `out`).
    pub spec_dir: PathBuf,
    /// The Rust catalogs' folder, relative to `out`.
    pub rust: Option<PathBuf>,
}

impl Layout {
    /// Checks the folders of a run. `--out` must be a folder if it exists; `--rust` must stay
    /// inside it (relative to it, without `..`, or an absolute path inside it): either
    /// mistake is a usage error.
    pub fn new(out: &Path, spec_dir: &Path, rust: Option<&Path>) -> Result<Self, Failure> {
        if out.exists() && !out.is_dir() {
            return Err(Failure::Usage(format!(
                "error: --out {} is not a folder",
                quoted(out)
            )));
        }
        let rust = match rust {
            Some(rust) if rust.is_absolute() => Some(
                resolved(rust)
                    .zip(resolved(out))
                    .and_then(|(rust, out)| rust.strip_prefix(out).ok().map(Path::to_path_buf))
                    .ok_or_else(|| {
                        Failure::Usage(format!(
                            "error: --rust must name a folder inside --out: {} is not inside {}",
                            quoted(rust),
                            quoted(out)
                        ))
                    })?,
            ),
            other => other.map(Path::to_path_buf),
        };
        if let Some(rust) = &rust {
            errors_codegen::artifacts::check_path(rust).map_err(|problem| {
                Failure::Usage(format!(
                    "error: --rust must name a folder inside --out: {problem}"
                ))
            })?;
        }
        Ok(Layout {
            out: out.to_path_buf(),
            spec_dir: inside(spec_dir, out).unwrap_or_default(),
            rust,
        })
    }
}

/// `dir` relative to `folder` when it lies inside it, both resolved on disk (so that a
/// symbolic link cannot make a folder outside look inside).
fn inside(dir: &Path, folder: &Path) -> Option<PathBuf> {
    let dir = std::fs::canonicalize(dir).ok()?;
    let folder = resolved(folder)?;
    dir.strip_prefix(folder).ok().map(Path::to_path_buf)
}

/// `path` made absolute with every existing part resolved on disk, for a folder that may
/// not exist yet: its nearest existing ancestor resolved, then the rest, which must be plain
/// names.
fn resolved(path: &Path) -> Option<PathBuf> {
    for ancestor in path.ancestors() {
        let existing = if ancestor.as_os_str().is_empty() {
            Path::new(".")
        } else {
            ancestor
        };
        if let Ok(real) = std::fs::canonicalize(existing) {
            let rest = path.strip_prefix(ancestor).ok()?;
            return rest
                .components()
                .all(|c| matches!(c, Component::Normal(_)))
                .then(|| real.join(rest));
        }
    }
    None
}
