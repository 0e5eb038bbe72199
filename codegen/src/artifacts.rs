//! Everything `generate` writes, as (path, bytes) pairs computed from the specs.
//!
//! Keeping generation pure (no I/O) lets the CLI write only what changed and lets a test
//! compare the checked-in tree with what generation would produce.

use std::path::{Path, PathBuf};

use crate::emit::{fixtures, markdown};
use crate::model::Spec;
use crate::resolved::Resolved;
use crate::schema;

/// One generated file, its path relative to the workspace root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Artifact {
    pub path: PathBuf,
    pub content: Vec<u8>,
}

/// The folders that hold nothing but generated files: a file in them that generation does
/// not produce is stale (left over from a removed code) and `generate` removes it.
pub const GENERATED_DIRS: [&str; 2] = [markdown::DIR, fixtures::DIR];

/// Every file generated from `specs` (loaded from `spec_dir`, relative to the root): the
/// schema, one page per spec and the index, and every fixture.
pub fn artifacts(spec_dir: &Path, specs: &[(PathBuf, Spec)]) -> Vec<Artifact> {
    let mut out = vec![Artifact {
        path: spec_dir.join(schema::FILE_NAME),
        content: schema::schema_text().into_bytes(),
    }];
    // Each spec is resolved once; the pages, the index and the fixtures read the result.
    let resolved: Vec<Resolved<'_>> = specs.iter().map(|(_, spec)| Resolved::new(spec)).collect();
    let docs = Path::new(markdown::DIR);
    for ((path, spec), resolved) in specs.iter().zip(&resolved) {
        // The stamp names the spec as the command line does, whatever path it was loaded by.
        let source = spec_dir.join(path.file_name().unwrap_or(path.as_os_str()));
        out.push(Artifact {
            path: docs.join(markdown::file_name(spec)),
            content: markdown::page(resolved, &source).into_bytes(),
        });
    }
    out.push(Artifact {
        path: docs.join("README.md"),
        content: markdown::index(&resolved).into_bytes(),
    });
    for resolved in &resolved {
        out.extend(
            fixtures::fixtures(resolved)
                .into_iter()
                .map(|(path, content)| Artifact { path, content }),
        );
    }
    out
}

/// Files under the generated folders of `root` that `artifacts` does not produce, sorted.
pub fn strays(root: &Path, artifacts: &[Artifact]) -> std::io::Result<Vec<PathBuf>> {
    let expected: std::collections::BTreeSet<&Path> =
        artifacts.iter().map(|a| a.path.as_path()).collect();
    let mut found = Vec::new();
    for dir in GENERATED_DIRS {
        walk(root, Path::new(dir), &mut found)?;
    }
    found.retain(|path| !expected.contains(path.as_path()));
    found.sort();
    Ok(found)
}

/// Collects the files under `root/relative`, as paths relative to `root`.
fn walk(root: &Path, relative: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let entries = match std::fs::read_dir(root.join(relative)) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(error),
    };
    for entry in entries {
        let entry = entry?;
        let path = relative.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            walk(root, &path, found)?;
        } else {
            found.push(path);
        }
    }
    Ok(())
}

/// The Rust catalog of each spec, as `dir/<id>.rs`: what a build script writes into
/// `OUT_DIR`, for catalogs that are checked in instead (errors-core's bundled ones).
pub fn rust_catalogs(dir: &Path, specs: &[(PathBuf, Spec)]) -> Vec<Artifact> {
    specs
        .iter()
        .map(|(path, spec)| {
            let origin = path.file_name().unwrap_or(path.as_os_str());
            Artifact {
                path: dir.join(format!("{}.rs", spec.id)),
                content: crate::emit::rust::render(spec, &origin.to_string_lossy()).into_bytes(),
            }
        })
        .collect()
}
