//! Replays the fuzzers' seed corpus and every crash they found (`fuzz/corpus/<target>/`,
//! `fuzz/artifacts/<target>/`) through the checks the fuzz targets make, so that what the
//! fuzzers found stays fixed in every `cargo test`, on stable. See README's "Fuzzing".

#[allow(dead_code, unreachable_pub)]
#[path = "../../fuzz/src/lib.rs"]
mod checks;

use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// The inputs kept for `target`, seeds and crashes alike.
fn inputs(target: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for kind in ["corpus", "artifacts"] {
        let Ok(entries) = fs::read_dir(fuzz_dir().join(kind).join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("a readable directory entry").path();
            if path.is_file() {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Runs `check` on every input of `target`; fails naming each input that panicked.
fn replay(target: &str, check: fn(&[u8])) {
    let files = inputs(target);
    assert!(
        files.len() >= 10,
        "fuzz/corpus/{target} has {} inputs; run fuzz/seed.sh",
        files.len()
    );
    let failed: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let data = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            panic::catch_unwind(AssertUnwindSafe(|| check(&data)))
                .err()
                .map(|_| path.display().to_string())
        })
        .collect();
    assert!(
        failed.is_empty(),
        "{target}: these inputs fail: {failed:#?}"
    );
}

#[test]
fn parse_corpus_replays() {
    replay("parse", checks::parse);
}

#[test]
fn classify_corpus_replays() {
    replay("classify", checks::classify);
}

#[test]
fn round_trip_corpus_replays() {
    replay("round_trip", checks::round_trip);
}
