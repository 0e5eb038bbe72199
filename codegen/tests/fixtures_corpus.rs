//! The checked-in fixtures are the real servers' bytes: the Ampache tree is the reference
//! corpus file for file (beside the fixtures of retired codes, which the 8.x server the
//! corpus was rendered with no longer sends), and every Subsonic corpus body has its fixture.

// Only the workspace and corpus helpers are needed here, not the binary runner.
#[allow(dead_code)]
use std::path::{Path, PathBuf};

/// Every file under `dir`, relative to it, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a readable folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(root, &path, out);
            } else if let Ok(relative) = path.strip_prefix(root) {
                out.push(relative.to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

#[test]
fn ampache_fixtures_are_the_corpus_file_for_file() {
    let corpus = errors_corpus::dir();
    let indexed = errors_corpus::ampache_index(&corpus).len();
    let corpus = corpus.join("ampache-server");
    let fixtures = workspace().join("fixtures/ampache");
    let bodies: Vec<PathBuf> = files(&corpus)
        .into_iter()
        .filter(|path| path.extension().is_some_and(|e| e == "xml" || e == "json"))
        .collect();
    assert_eq!(
        bodies.len(),
        indexed,
        "one body per row of the corpus index"
    );
    // A retired code (412, sent only by 2020 development builds) has fixtures for the
    // versions that sent it, and no corpus body: the corpus server never sends it.
    let spec = errors_codegen::load(&workspace().join("spec/ampache.yaml"))
        .unwrap_or_else(|report| panic!("{report}"));
    let retired: Vec<String> = spec
        .codes
        .iter()
        .filter(|(_, code)| code.lifecycle == errors_codegen::model::Lifecycle::Retired)
        .map(|(number, _)| format!("error-{number}"))
        .collect();
    assert!(!retired.is_empty(), "the spec has retired codes");
    let (of_retired, current): (Vec<PathBuf>, Vec<PathBuf>) =
        files(&fixtures).into_iter().partition(|path| {
            path.file_stem()
                .is_some_and(|stem| retired.iter().any(|r| stem == r.as_str()))
        });
    assert!(!of_retired.is_empty(), "retired codes have fixtures");
    assert_eq!(current, bodies, "the same set of files");
    for path in &bodies {
        let expected = std::fs::read(corpus.join(path)).expect("corpus body");
        let actual = std::fs::read(fixtures.join(path)).expect("fixture");
        assert!(
            actual == expected,
            "{}:\n{}\n---- corpus ----\n{}",
            path.display(),
            String::from_utf8_lossy(&actual),
            String::from_utf8_lossy(&expected)
        );
    }
}

#[test]
fn subsonic_fixtures_hold_every_corpus_body() {
    let corpus = errors_corpus::dir();
    let fixtures = workspace().join("fixtures/subsonic");
    let bodies = files(&corpus.join("subsonic"));
    for name in bodies {
        let expected = std::fs::read(corpus.join("subsonic").join(&name)).expect("corpus body");
        let parsed = errors_wire::parse(&expected).expect("corpus bodies parse");
        let ext = name
            .extension()
            .and_then(|e| e.to_str())
            .expect("an extension");
        // By the body's own code: the published error-70.xml is a code 0 body.
        let fixture = fixtures
            .join(ext)
            .join(format!("error-{}.{ext}", parsed.code));
        let actual = std::fs::read(&fixture).expect("a fixture for the code");
        assert!(
            actual == expected,
            "{} vs {}:\n{}",
            name.display(),
            fixture.display(),
            String::from_utf8_lossy(&actual)
        );
    }
}

/// The workspace root, where `fixtures/` is.
fn workspace() -> std::path::PathBuf {
    std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).to_path_buf()
}
