//! The checked-in generated files are exactly what `generate` produces, and generation is
//! deterministic.

mod common;

use std::path::{Path, PathBuf};

use errors_codegen::artifacts::{self, Artifact};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn shipped_specs() -> Vec<(PathBuf, errors_codegen::model::Spec)> {
    let dir = root().join("spec");
    let files = errors_codegen::spec_files(&dir).expect("spec/ is listable");
    errors_codegen::load_all(&files).unwrap_or_else(|report| panic!("{report}"))
}

/// Everything the README's main command writes, the manifest last.
fn main_command_artifacts() -> Vec<Artifact> {
    let specs = shipped_specs();
    let mut artifacts = artifacts::artifacts(Path::new("spec"), &specs);
    artifacts.extend(artifacts::rust_catalogs(
        Path::new("errors-core/src/catalogs"),
        &specs,
    ));
    let manifest = artifacts::manifest(artifacts.iter().map(artifacts::Entry::written));
    artifacts.push(manifest);
    artifacts
}

#[test]
fn checked_in_generated_files_are_fresh() {
    let mut stale = Vec::new();
    for artifact in main_command_artifacts() {
        let on_disk = std::fs::read(root().join(&artifact.path)).unwrap_or_default();
        if on_disk != artifact.content {
            stale.push(artifact.path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files: {}\nmend with: cargo run -p errors-codegen-cli -- generate --rust errors-core/src/catalogs",
        stale.join(", ")
    );
}

/// errors-core's bundled catalogs are checked in so that its users compile no generator;
/// they are exactly what the generator makes of spec/.
#[test]
fn bundled_catalogs_are_fresh() {
    let specs = shipped_specs();
    let catalogs =
        errors_codegen::artifacts::rust_catalogs(Path::new("errors-core/src/catalogs"), &specs);
    assert_eq!(catalogs.len(), specs.len());
    for catalog in catalogs {
        let on_disk = std::fs::read(root().join(&catalog.path)).unwrap_or_default();
        assert!(
            on_disk == catalog.content,
            "stale: {}\nmend with: cargo run -p errors-codegen-cli -- generate --rust errors-core/src/catalogs",
            catalog.path.display()
        );
    }
}

/// In this repository docs/ and fixtures/ hold generated files only (elsewhere they may
/// hold the user's own too): nothing there that the manifest does not list.
#[test]
fn generated_folders_hold_nothing_else() {
    let listed: Vec<PathBuf> = main_command_artifacts()
        .into_iter()
        .map(|artifact| artifact.path)
        .collect();
    let mut strays = Vec::new();
    for dir in artifacts::GENERATED_DIRS {
        for file in common::files_under(&root().join(dir)) {
            let path = Path::new(dir).join(file);
            if !listed.contains(&path) {
                strays.push(path);
            }
        }
    }
    assert!(
        strays.is_empty(),
        "files no spec generates: {strays:?}\nmend with: cargo run -p errors-codegen-cli -- generate --rust errors-core/src/catalogs, then remove them"
    );
}

/// What CI runs: `generate --check` finds nothing to do in the repository.
#[test]
fn generate_check_passes_on_the_repository() {
    let output = common::run(
        &["generate", "--rust", "errors-core/src/catalogs", "--check"],
        None,
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        common::stdout(&output),
        common::stderr(&output)
    );
}

/// The specs compiled into the command are the repository's: cli/spec/ holds a symbolic
/// link to each (`cargo package` takes nothing from outside the package, and packs what a
/// link points at).
#[test]
fn embedded_specs_are_the_repository_specs() {
    let names: Vec<String> = errors_codegen::spec_files(&root().join("spec"))
        .expect("spec/")
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let embedded: Vec<String> = errors_codegen::spec_files(&root().join("cli/spec"))
        .expect("cli/spec/")
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert_eq!(
        names, embedded,
        "mend with: cd cli/spec && ln -s ../../spec/NAME.yaml NAME.yaml"
    );
    for name in &names {
        let original = std::fs::read(root().join("spec").join(name)).expect("readable");
        let copy = std::fs::read(root().join("cli/spec").join(name)).expect("readable");
        assert!(
            original == copy,
            "cli/spec/{name} is not spec/{name}\nmend with: cd cli/spec && ln -sf ../../spec/{name} {name}"
        );
    }
}

#[test]
fn generate_writes_a_tree_and_a_second_run_writes_nothing() {
    let out = std::env::temp_dir().join(format!("errors-codegen-tree-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let run = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_errors-codegen"))
            .current_dir(root())
            .args(["generate", "--out"])
            .arg(&out)
            .output()
            .expect("runs")
    };
    let first = run();
    assert!(first.status.success(), "{first:?}");
    let summary = String::from_utf8_lossy(&first.stdout);
    assert!(summary.contains("0 unchanged"), "{summary}");
    // A file generate did not write is not its to remove.
    let stray = out.join("fixtures/lastfm/json/error-99.json");
    std::fs::write(&stray, b"{}").expect("writable");
    let second = run();
    let summary = String::from_utf8_lossy(&second.stdout);
    assert!(second.status.success(), "{second:?}");
    assert!(summary.contains(" 0 files written"), "{summary}");
    assert!(summary.contains("0 stale removed"), "{summary}");
    assert!(stray.exists());
    // The specs lie outside the output folder: the schema goes to its root.
    for artifact in errors_codegen::artifacts::artifacts(Path::new(""), &shipped_specs()) {
        let written = std::fs::read(out.join(&artifact.path)).expect("written");
        assert!(written == artifact.content, "{}", artifact.path.display());
    }
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn every_spec_points_editors_at_the_schema() {
    for file in errors_codegen::spec_files(&root().join("spec")).expect("spec/") {
        let text = std::fs::read_to_string(&file).expect("readable");
        assert!(
            text.starts_with("# yaml-language-server: $schema=./spec.schema.json\n"),
            "{} must start with the modeline",
            file.display()
        );
    }
}

#[test]
fn generation_is_byte_for_byte_deterministic() {
    for (path, spec) in shipped_specs() {
        let first = errors_codegen::rust_source(&spec, "x.yaml");
        // A fresh load of the same file gives the same bytes too.
        let again = errors_codegen::load(&path).expect("loads twice");
        assert_eq!(first, errors_codegen::rust_source(&again, "x.yaml"));
        assert!(first.starts_with("// @generated by errors-codegen from x.yaml."));
    }
    assert_eq!(main_command_artifacts(), main_command_artifacts());
}

#[test]
fn build_rewrites_only_changed_files() {
    let out = std::env::temp_dir().join(format!("errors-codegen-build-{}", std::process::id()));
    let build = || {
        errors_codegen::Build::new()
            .quiet()
            .spec(root().join("spec/lastfm.yaml"))
            .out_dir(&out)
            .generate()
            .expect("generates")
    };
    let files = build();
    assert_eq!(files, vec![out.join("lastfm.rs")]);
    let before = std::fs::metadata(&files[0])
        .and_then(|m| m.modified())
        .expect("mtime");
    std::thread::sleep(std::time::Duration::from_millis(20));
    build();
    let after = std::fs::metadata(&files[0])
        .and_then(|m| m.modified())
        .expect("mtime");
    assert_eq!(before, after, "unchanged content is not rewritten");
    let _ = std::fs::remove_dir_all(&out);
}

/// The catalog the derive's compile-fail tests include (errors-core/tests/ui/catalogs/) is
/// the one generated from tests/spec/shop.yaml, the bundled specs having no placeholders.
/// `ERRORS_BLESS=1` rewrites it.
#[test]
fn ui_test_catalog_is_fresh() {
    let spec_path = root().join("tests/spec/shop.yaml");
    let spec = errors_codegen::load(&spec_path).unwrap_or_else(|report| panic!("{report}"));
    let expected = errors_codegen::rust_source(&spec, "shop.yaml");
    let path = root().join("errors-core/tests/ui/catalogs/shop.rs");
    if std::env::var_os("ERRORS_BLESS").is_some() {
        std::fs::write(&path, &expected).expect("writable");
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == expected,
        "{} is stale\nmend with: ERRORS_BLESS=1 cargo test -p errors-codegen-cli --test fresh",
        path.display()
    );
}
