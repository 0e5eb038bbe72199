//! Generating catalogs from a build script, into OUT_DIR.
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), errors_codegen::Error> {
//!     errors_codegen::Build::new().spec("spec/shop.yaml").generate()?;
//!     Ok(())
//! }
//! ```
//! and in the crate: `errors_core::include_catalog!("shop");` (the spec's `id`).

use std::path::{Path, PathBuf};

use crate::Error;
use crate::emit;
use crate::write::write_if_changed;

/// Which specs to generate, and where.
#[derive(Debug, Clone, Default)]
pub struct Build {
    specs: Vec<PathBuf>,
    dirs: Vec<PathBuf>,
    out_dir: Option<PathBuf>,
    cargo: bool,
}

impl Build {
    /// A build that prints `cargo:` directives, for use in build.rs.
    pub fn new() -> Self {
        Build {
            cargo: true,
            ..Build::default()
        }
    }

    /// Add one spec file.
    #[must_use]
    pub fn spec(mut self, path: impl AsRef<Path>) -> Self {
        self.specs.push(path.as_ref().to_path_buf());
        self
    }

    /// Add every `*.yaml` spec in a directory (watched, so a new spec triggers a rebuild).
    #[must_use]
    pub fn spec_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.dirs.push(dir.as_ref().to_path_buf());
        self
    }

    /// Write into `dir` instead of `$OUT_DIR`.
    #[must_use]
    pub fn out_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.out_dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Do not print `cargo:` directives (outside a build script).
    #[must_use]
    pub fn quiet(mut self) -> Self {
        self.cargo = false;
        self
    }

    /// Load and validate every spec, then write `<id>.rs` for each. Files whose content is
    /// unchanged are left alone. Returns the paths of the generated files. A spec's warnings
    /// (a message missing a declared translation) do not stop it; in a build script each is
    /// printed as a `cargo:warning`.
    ///
    /// # Errors
    /// [`Error::Spec`] with every problem of the specs, [`Error::Io`] for a spec or folder
    /// that cannot be read or a file that cannot be written, [`Error::MissingOutDir`] outside
    /// a build script without [`Build::out_dir`].
    pub fn generate(self) -> Result<Vec<PathBuf>, Error> {
        let mut files = self.specs.clone();
        for dir in &self.dirs {
            if self.cargo {
                println!("cargo:rerun-if-changed={}", dir.display());
            }
            files.extend(crate::spec_files(dir).map_err(|source| Error::Io {
                path: dir.clone(),
                source,
            })?);
        }
        if self.cargo {
            for file in &files {
                println!("cargo:rerun-if-changed={}", file.display());
            }
        }
        let (specs, report) = crate::check_all(&files);
        if report.has_errors() {
            return Err(report.into());
        }
        // Warnings do not stop the build; cargo shows them. A line break (in a file name)
        // would start a directive of its own.
        if self.cargo {
            for warning in &report.diagnostics {
                let line = warning.headline().replace(['\n', '\r'], " ");
                println!("cargo:warning={line}");
            }
        }
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(Error::MissingOutDir)?,
        };
        let mut written = Vec::new();
        for (path, spec) in specs {
            // The stamp names the file only, so output does not depend on where the tree lives.
            let origin = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let code = emit::rust::render(&spec, &origin);
            let target = out_dir.join(format!("{}.rs", spec.id));
            write_if_changed(&target, code.as_bytes()).map_err(|source| Error::Io {
                path: target.clone(),
                source,
            })?;
            written.push(target);
        }
        Ok(written)
    }
}
