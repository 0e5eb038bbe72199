//! Everything `generate` writes, as (path, bytes) pairs computed from the specs.
//!
//! Keeping generation pure (no I/O) lets the CLI write only what changed and lets a test
//! compare the checked-in tree with what generation would produce.

use std::path::PathBuf;

use crate::model::Spec;
use crate::schema;

/// One generated file, its path relative to the workspace root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Artifact {
    pub path: PathBuf,
    pub content: Vec<u8>,
}

/// Every file generated from `specs` (loaded from `spec_dir`, relative to the root).
pub fn artifacts(spec_dir: &std::path::Path, specs: &[(PathBuf, Spec)]) -> Vec<Artifact> {
    let _ = specs;
    vec![Artifact {
        path: spec_dir.join(schema::FILE_NAME),
        content: schema::schema_text().into_bytes(),
    }]
}
