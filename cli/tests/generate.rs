//! `generate` owns only its files and writes only inside `--out`: hand-written files survive,
//! stale generated ones are removed by name, no spec value leads a write outside the output
//! folder, `--check` and `--dry-run` write nothing, and printed paths are relative to where
//! the command runs.

mod common;

use std::path::{Path, PathBuf};

use common::{TempDir, files_under, run_in, stderr, stdout, workspace};

/// A folder with the given bundled specs copied into `<dir>/specs`.
fn specs_in(dir: &Path, names: &[&str]) -> PathBuf {
    let specs = dir.join("specs");
    std::fs::create_dir_all(&specs).expect("a spec folder");
    for name in names {
        std::fs::copy(workspace().join("spec").join(name), specs.join(name)).expect("copied");
    }
    specs
}

fn generate(cwd: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["generate", "--spec-dir", "specs", "--out", "gen"];
    args.extend_from_slice(extra);
    run_in(cwd, &args)
}

#[test]
fn hand_written_files_survive_every_run() {
    let dir = TempDir::new("hand-written");
    specs_in(dir.path(), &["lastfm.yaml"]);
    let architecture = dir.path().join("gen/docs/architecture.md");
    std::fs::create_dir_all(architecture.parent().expect("docs")).expect("docs");
    std::fs::write(&architecture, "# Architecture\n").expect("writable");
    let notes = dir.path().join("gen/fixtures/lastfm/notes.txt");
    std::fs::create_dir_all(notes.parent().expect("fixtures")).expect("fixtures");
    std::fs::write(&notes, "kept\n").expect("writable");
    for _ in 0..2 {
        let output = generate(dir.path(), &[]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    }
    // Even once the spec that the folders were generated from is gone.
    std::fs::remove_file(dir.path().join("specs/lastfm.yaml")).expect("removable");
    specs_in(dir.path(), &["subsonic.yaml"]);
    let output = generate(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(&architecture).ok().as_deref(),
        Some("# Architecture\n")
    );
    assert_eq!(
        std::fs::read_to_string(&notes).ok().as_deref(),
        Some("kept\n")
    );
}

#[test]
fn a_hand_written_file_where_generate_would_write_is_a_finding_and_left_alone() {
    let dir = TempDir::new("in-the-way");
    specs_in(dir.path(), &["lastfm.yaml"]);
    let page = dir.path().join("gen/docs/lastfm.md");
    let fixture = dir.path().join("gen/fixtures/lastfm/json/error-6.json");
    for file in [&page, &fixture] {
        std::fs::create_dir_all(file.parent().expect("a folder")).expect("folders");
        std::fs::write(file, "mine\n").expect("writable");
    }
    let output = generate(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(
        message.contains("left alone: gen/docs/lastfm.md carries no errors-codegen stamp"),
        "{message}"
    );
    assert!(
        message
            .contains("left alone: gen/fixtures/lastfm/json/error-6.json is not in the manifest"),
        "{message}"
    );
    for file in [&page, &fixture] {
        assert_eq!(
            std::fs::read_to_string(file).ok().as_deref(),
            Some("mine\n")
        );
    }
    // Everything else was written, and the manifest does not claim the user's files.
    assert!(dir.path().join("gen/docs/README.md").is_file());
    let manifest = std::fs::read_to_string(dir.path().join("gen/.errors-codegen-manifest"))
        .expect("a manifest");
    assert!(
        manifest.lines().any(|l| l.starts_with("listed sha256:")
            && l.ends_with(" fixtures/lastfm/json/error-8.json")),
        "{manifest}"
    );
    assert!(!manifest.contains("error-6.json"), "{manifest}");
    assert!(!manifest.contains("docs/lastfm.md"), "{manifest}");
}

#[test]
fn stale_generated_files_are_removed_and_named() {
    let dir = TempDir::new("stale");
    specs_in(dir.path(), &["lastfm.yaml", "subsonic.yaml"]);
    let output = generate(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // A page the user took over (its stamp removed) is theirs from then on.
    let subsonic_page = dir.path().join("gen/docs/subsonic.md");
    std::fs::write(&subsonic_page, "# My notes on Subsonic\n").expect("writable");
    std::fs::remove_file(dir.path().join("specs/subsonic.yaml")).expect("removable");
    let output = generate(dir.path(), &[]);
    let printed = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        printed.contains("removed gen/fixtures/subsonic/xml/error-40.xml\n"),
        "{printed}"
    );
    assert!(printed.contains("stale removed in gen"), "{printed}");
    assert!(
        !dir.path().join("gen/fixtures/subsonic").exists(),
        "emptied folders go too"
    );
    assert!(subsonic_page.is_file());
    assert!(
        stderr(&output).contains(
            "warning: kept gen/docs/subsonic.md: it is no longer generated but was changed since \
             generate wrote it"
        ),
        "{}",
        stderr(&output)
    );
    // The next run has nothing left to say about it.
    let output = generate(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(subsonic_page.is_file());
}

#[test]
fn printed_paths_are_relative_to_the_working_folder() {
    let dir = TempDir::new("relative");
    specs_in(dir.path(), &["lastfm.yaml"]);
    let output = generate(dir.path(), &[]);
    let printed = stdout(&output);
    assert!(printed.contains("wrote gen/docs/lastfm.md\n"), "{printed}");
    assert!(
        printed.contains("wrote gen/spec.schema.json\n"),
        "{printed}"
    );
    assert!(
        printed.contains("wrote gen/.errors-codegen-manifest\n"),
        "{printed}"
    );
    assert!(printed.contains("in gen\n"), "{printed}");
    // An absolute --out inside the working folder is shown from it as well.
    let out = dir.path().join("gen2");
    let output = run_in(
        dir.path(),
        &[
            "generate",
            "--spec-dir",
            "specs",
            "--out",
            &out.to_string_lossy(),
        ],
    );
    assert!(stdout(&output).contains("wrote gen2/docs/lastfm.md\n"));
}

#[test]
fn check_exits_1_on_stale_files_and_0_when_fresh() {
    let dir = TempDir::new("check");
    specs_in(dir.path(), &["lastfm.yaml"]);
    let missing = generate(dir.path(), &["--check"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stdout(&missing).contains("missing gen/docs/lastfm.md\n"));
    assert!(!dir.path().join("gen").exists(), "--check writes nothing");
    assert_eq!(generate(dir.path(), &[]).status.code(), Some(0));
    let fresh = generate(dir.path(), &["--check"]);
    assert_eq!(fresh.status.code(), Some(0), "{}", stdout(&fresh));
    assert!(stdout(&fresh).contains("up to date"));
    // A spec changed: the files it changes are stale.
    let spec = dir.path().join("specs/lastfm.yaml");
    let text = std::fs::read_to_string(&spec).expect("readable");
    std::fs::write(
        &spec,
        text.replacen("title: Last.fm API", "title: Last.fm web API", 1),
    )
    .expect("writable");
    // A generated file edited since: generate would not write over it.
    std::fs::write(
        dir.path().join("gen/fixtures/lastfm/json/error-6.json"),
        "{}",
    )
    .expect("w");
    let stale = generate(dir.path(), &["--check"]);
    assert_eq!(stale.status.code(), Some(1));
    let listed = stdout(&stale);
    assert!(listed.contains("stale gen/docs/lastfm.md\n"), "{listed}");
    assert!(
        listed.contains(
            "blocked gen/fixtures/lastfm/json/error-6.json: was changed since generate wrote it"
        ),
        "{listed}"
    );
    assert!(stderr(&stale).contains("without --check"));
    assert_eq!(
        std::fs::read(dir.path().join("gen/fixtures/lastfm/json/error-6.json")).ok(),
        Some(b"{}".to_vec())
    );
    // A spec taken away: its files are extra.
    std::fs::remove_file(dir.path().join("specs/lastfm.yaml")).expect("removable");
    specs_in(dir.path(), &["subsonic.yaml"]);
    let extra = generate(dir.path(), &["--check"]);
    assert_eq!(extra.status.code(), Some(1));
    assert!(stdout(&extra).contains("extra gen/fixtures/lastfm/xml/error-6.xml"));
}

#[test]
fn dry_run_writes_nothing_and_tells_what_it_would_do() {
    let dir = TempDir::new("dry-run");
    specs_in(dir.path(), &["lastfm.yaml"]);
    let output = generate(dir.path(), &["--dry-run"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("would write gen/docs/lastfm.md\n"));
    assert!(!dir.path().join("gen").exists());
    assert_eq!(generate(dir.path(), &[]).status.code(), Some(0));
    std::fs::remove_file(dir.path().join("specs/lastfm.yaml")).expect("removable");
    specs_in(dir.path(), &["subsonic.yaml"]);
    let before = files_under(dir.path());
    let output = generate(dir.path(), &["--dry-run"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("would remove gen/docs/lastfm.md\n"));
    assert!(stdout(&output).contains("would write gen/docs/subsonic.md\n"));
    assert_eq!(files_under(dir.path()), before);
    let both = generate(dir.path(), &["--dry-run", "--check"]);
    assert_eq!(both.status.code(), Some(2));
}

/// A spec whose version id climbs out of the fixtures folder writes nothing anywhere:
/// `check` may refuse it first, and the path guard refuses it on its own.
#[test]
fn a_version_id_with_dot_dots_writes_nothing_outside_out() {
    let dir = TempDir::new("traversal");
    let specs = dir.path().join("specs");
    std::fs::create_dir_all(&specs).expect("a spec folder");
    let case = workspace().join("tests/cases/specs/version-id-path-traversal.yaml");
    std::fs::copy(&case, specs.join("shop.yaml")).expect("copied");
    // Deep enough that the climb stays inside the temporary folder.
    std::fs::create_dir_all(dir.path().join("a/b")).expect("folders");
    let output = run_in(
        dir.path(),
        &["generate", "--spec-dir", "specs", "--out", "a/b/gen"],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        files_under(dir.path()),
        vec![PathBuf::from("specs/shop.yaml")],
        "{}",
        stderr(&output)
    );
}

/// The guard holds without `check`: a spec deserialized directly, with an unsafe id and
/// version id, gives paths that `check_paths` refuses.
#[test]
fn the_path_guard_holds_without_check() {
    let spec: errors_codegen::model::Spec = serde_json::from_value(serde_json::json!({
        "id": "/etc/shop",
        "title": "Shop API",
        "docs_url": "https://shop.example/docs",
        "family": "ampache",
        "json_code": "string",
        "code_ranges": [[1, 99]],
        "locales": ["en"],
        "versions": [{"id": "/../../../../escaped", "formats": ["xml", "json"]}],
        "codes": {"1": {
            "name": "Broken", "title": "Broken", "description": "d", "message": "m",
            "retry": "never"
        }}
    }))
    .expect("a spec");
    let specs = [(PathBuf::from("shop.yaml"), spec)];
    // (No Rust catalog: an id that is no Rust name cannot become one; `check` refuses it.)
    let artifacts = errors_codegen::artifacts::artifacts(Path::new(""), &specs);
    let refused = errors_codegen::artifacts::check_paths(&artifacts);
    for artifact in &artifacts {
        let escapes = artifact.path.is_absolute()
            || artifact
                .path
                .components()
                .any(|c| c == std::path::Component::ParentDir);
        assert_eq!(
            escapes,
            refused.iter().any(|r| r.path == artifact.path),
            "{}",
            artifact.path.display()
        );
    }
    // The page and the two fixtures of the only code.
    assert_eq!(refused.len(), 3, "{refused:?}");
}

#[test]
fn rust_outside_out_is_a_usage_error() {
    let dir = TempDir::new("rust-dir");
    specs_in(dir.path(), &["lastfm.yaml"]);
    let elsewhere = dir.path().join("catalogs");
    let elsewhere = elsewhere.to_str().expect("a UTF-8 path");
    for rust in ["../catalogs", "/tmp/catalogs", ".", elsewhere] {
        let output = generate(dir.path(), &["--rust", rust]);
        assert_eq!(output.status.code(), Some(2), "{rust}: {}", stderr(&output));
        assert!(stderr(&output).contains("--rust"), "{}", stderr(&output));
    }
    assert_eq!(
        files_under(dir.path()),
        vec![PathBuf::from("specs/lastfm.yaml")]
    );
    // An absolute path inside --out is that folder, relative to --out, as the stamp says.
    let inside = dir.path().join("gen/src/catalogs");
    let inside = inside.to_str().expect("a UTF-8 path");
    for rust in ["src/catalogs", inside] {
        let output = generate(dir.path(), &["--rust", rust]);
        assert_eq!(output.status.code(), Some(0), "{rust}: {}", stderr(&output));
    }
    let catalog = std::fs::read_to_string(dir.path().join("gen/src/catalogs/lastfm.rs"))
        .expect("the catalog");
    // The stamp names the command that regenerates a checked-in catalog.
    assert!(
        catalog.starts_with(
            "// @generated by errors-codegen from lastfm.yaml. Do not edit: change the spec \
             and run `errors-codegen generate --rust src/catalogs`.\n"
        ),
        "{}",
        catalog.lines().next().unwrap_or_default()
    );
}

/// One API, one code, one file: the summary's nouns agree with their counts.
#[test]
fn the_summary_agrees_in_number() {
    let dir = TempDir::new("summary");
    let specs = dir.path().join("specs");
    std::fs::create_dir_all(&specs).expect("a spec folder");
    std::fs::copy(
        workspace().join("examples/shop/spec/shop.yaml"),
        specs.join("shop.yaml"),
    )
    .expect("copied");
    let output = generate(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let summary = stdout(&output);
    let last = summary.lines().last().unwrap_or_default();
    assert!(last.starts_with("1 API (shop), 1 code: "), "{last}");
    assert!(
        !summary.contains("(s)") && !summary.contains("1 APIs"),
        "{summary}"
    );
    let output = generate(dir.path(), &["--dry-run"]);
    let summary = stdout(&output);
    let last = summary.lines().last().unwrap_or_default();
    assert!(last.contains(": 0 files would be written, "), "{last}");
    let output = generate(dir.path(), &["--check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("generated files in gen are up to date"));
}

/// The schema goes next to the specs only when they lie inside --out; otherwise to the
/// root of --out, never into a folder outside it.
#[test]
fn the_schema_stays_inside_out() {
    let dir = TempDir::new("schema");
    let specs = specs_in(dir.path(), &["lastfm.yaml"]);
    let output = run_in(
        dir.path(),
        &[
            "generate",
            "--spec-dir",
            &specs.to_string_lossy(),
            "--out",
            "gen",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(dir.path().join("gen/spec.schema.json").is_file());
    assert!(!specs.join("spec.schema.json").exists());
    let page = std::fs::read_to_string(dir.path().join("gen/docs/lastfm.md")).expect("page");
    assert!(page.contains("generated from `lastfm.yaml`"), "{page}");
    // Specs inside the output folder: the schema lands beside them.
    let output = run_in(dir.path(), &["generate", "--spec-dir", "specs"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(specs.join("spec.schema.json").is_file());
    let page = std::fs::read_to_string(dir.path().join("docs/lastfm.md")).expect("page");
    assert!(
        page.contains("generated from `specs/lastfm.yaml`"),
        "{page}"
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_in_out_are_never_followed() {
    let dir = TempDir::new("links");
    specs_in(dir.path(), &["lastfm.yaml"]);
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).expect("a folder");
    std::fs::create_dir_all(dir.path().join("gen")).expect("a folder");
    std::os::unix::fs::symlink(&elsewhere, dir.path().join("gen/docs")).expect("a link");
    let output = generate(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("lies under the symbolic link `docs`"),
        "{}",
        stderr(&output)
    );
    assert!(files_under(&elsewhere).is_empty());
    assert!(
        dir.path()
            .join("gen/fixtures/lastfm/json/error-6.json")
            .is_file()
    );
}

#[test]
fn an_empty_or_missing_spec_folder_is_a_usage_error() {
    let dir = TempDir::new("no-specs");
    std::fs::create_dir_all(dir.path().join("specs")).expect("a folder");
    assert_eq!(generate(dir.path(), &[]).status.code(), Some(2));
    let missing = run_in(dir.path(), &["generate", "--spec-dir", "nowhere"]);
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(files_under(dir.path()), Vec::<PathBuf>::new());
}

/// The manifest in `gen`, with `line` added.
fn add_to_manifest(dir: &Path, line: &str) {
    let path = dir.join("gen/.errors-codegen-manifest");
    let mut manifest = std::fs::read_to_string(&path).expect("a manifest");
    manifest.push_str(line);
    std::fs::write(&path, manifest).expect("writable");
}

/// A line added to the manifest by hand makes no file generate's: a user's file it names is
/// kept, with a warning, however the line is written.
#[test]
fn a_line_added_to_the_manifest_claims_no_file() {
    let dir = TempDir::new("forged-manifest");
    specs_in(dir.path(), &["lastfm.yaml"]);
    assert_eq!(generate(dir.path(), &[]).status.code(), Some(0));
    let hand = dir.path().join("gen/hand.txt");
    let notes = dir.path().join("gen/docs/notes.md");
    std::fs::write(&hand, "mine\n").expect("writable");
    // Even a stamped file: the stamp alone never lets generate remove a file.
    std::fs::write(&notes, "<!-- @generated by errors-codegen -->\nmine\n").expect("writable");
    add_to_manifest(
        dir.path(),
        &format!(
            "listed hand.txt\nstamped docs/notes.md\nlisted sha256:{} hand.txt\n",
            "0".repeat(64)
        ),
    );
    let output = generate(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let warnings = stderr(&output);
    for file in ["gen/hand.txt", "gen/docs/notes.md"] {
        assert!(
            warnings.contains(&format!(
                "warning: kept {file}: it is no longer generated but"
            )),
            "{warnings}"
        );
    }
    assert!(
        !stdout(&output).contains("\nremoved "),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        std::fs::read_to_string(&hand).ok().as_deref(),
        Some("mine\n")
    );
    assert!(notes.is_file());
    // The new manifest no longer lists them: the next run says nothing of them.
    let output = generate(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!stderr(&output).contains("hand.txt"), "{}", stderr(&output));
    assert!(hand.is_file() && notes.is_file());
}

/// A fixture generate wrote and the user edited since is kept when its spec goes away, and
/// never written over while the spec is there; the fixtures left as written are removed.
#[test]
fn an_edited_generated_file_is_never_removed_or_overwritten() {
    let dir = TempDir::new("edited-fixture");
    specs_in(dir.path(), &["lastfm.yaml", "subsonic.yaml"]);
    assert_eq!(generate(dir.path(), &[]).status.code(), Some(0));
    let edited = dir.path().join("gen/fixtures/subsonic/xml/error-40.xml");
    std::fs::write(&edited, "<my-own-notes/>\n").expect("writable");
    let page = dir.path().join("gen/docs/lastfm.md");
    let mut text = std::fs::read_to_string(&page).expect("a page");
    text.push_str("\nMy addition.\n");
    std::fs::write(&page, &text).expect("writable");

    // While the specs are there, the edited files are findings, left as they are.
    let output = generate(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    for file in [
        "gen/fixtures/subsonic/xml/error-40.xml",
        "gen/docs/lastfm.md",
    ] {
        assert!(
            stderr(&output).contains(&format!(
                "left alone: {file} was changed since generate wrote it"
            )),
            "{}",
            stderr(&output)
        );
    }
    assert_eq!(
        std::fs::read_to_string(&edited).ok().as_deref(),
        Some("<my-own-notes/>\n")
    );
    assert_eq!(
        std::fs::read_to_string(&page).ok().as_deref(),
        Some(text.as_str())
    );

    // The spec goes away: its other fixtures go, the edited one stays.
    std::fs::remove_file(dir.path().join("specs/subsonic.yaml")).expect("removable");
    let output = generate(dir.path(), &[]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "the lastfm page is still left alone"
    );
    assert!(
        stdout(&output).contains("removed gen/fixtures/subsonic/json/error-40.json\n"),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        std::fs::read_to_string(&edited).ok().as_deref(),
        Some("<my-own-notes/>\n")
    );
    assert!(
        stderr(&output).contains(
            "warning: kept gen/fixtures/subsonic/xml/error-40.xml: it is no longer generated"
        ),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(&page).ok().as_deref(),
        Some(text.as_str())
    );
}

/// A manifest written before hashes (`listed <path>`): generate cannot tell whether its
/// files were edited, so it removes none of them and writes over none, stamped or not; the
/// files it finds as it would write them are recorded with their hash from then on.
#[test]
fn files_of_a_manifest_without_hashes_are_kept() {
    let dir = TempDir::new("old-manifest");
    specs_in(dir.path(), &["lastfm.yaml", "subsonic.yaml"]);
    assert_eq!(generate(dir.path(), &[]).status.code(), Some(0));
    let path = dir.path().join("gen/.errors-codegen-manifest");
    let manifest = std::fs::read_to_string(&path).expect("a manifest");
    // The manifest as an older errors-codegen wrote it.
    let old: String = manifest
        .lines()
        .map(|line| {
            let mut words = line.splitn(3, ' ');
            match (words.next(), words.next(), words.next()) {
                (Some(mark @ ("listed" | "stamped")), Some(_hash), Some(path)) => {
                    format!("{mark} {path}\n")
                }
                _ => format!("{line}\n"),
            }
        })
        .collect();
    assert!(
        old.contains("\nlisted fixtures/subsonic/xml/error-40.xml\n"),
        "{old}"
    );
    std::fs::write(&path, &old).expect("writable");
    std::fs::remove_file(dir.path().join("specs/subsonic.yaml")).expect("removable");

    // The index of the APIs changes with the spec gone: stamped, but without a hash, it
    // is left alone.
    let output = generate(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(
            "error: left alone: gen/docs/README.md is listed in the manifest without the \
             SHA-256 of what generate wrote"
        ),
        "{}",
        stderr(&output)
    );
    assert!(
        !stdout(&output).contains("\nremoved "),
        "{}",
        stdout(&output)
    );
    assert!(
        dir.path()
            .join("gen/fixtures/subsonic/xml/error-40.xml")
            .is_file()
    );
    assert!(dir.path().join("gen/docs/subsonic.md").is_file());
    assert!(
        stderr(&output).contains(
            "warning: kept gen/fixtures/subsonic/xml/error-40.xml: it is no longer generated but \
             is listed in the manifest without the SHA-256 of what generate wrote"
        ),
        "{}",
        stderr(&output)
    );
    // lastfm's files, found as generate writes them, are listed with their hash again.
    let manifest = std::fs::read_to_string(&path).expect("a manifest");
    assert!(
        manifest
            .lines()
            .any(|l| l.starts_with("listed sha256:")
                && l.ends_with(" fixtures/lastfm/xml/error-6.xml")),
        "{manifest}"
    );
}

/// A copy of the shop example's spec in `<dir>/specs`, with `from` replaced by `to`.
fn shop_spec_in(dir: &Path, from: &str, to: &str) {
    let specs = dir.join("specs");
    std::fs::create_dir_all(&specs).expect("a spec folder");
    let text = std::fs::read_to_string(workspace().join("examples/shop/spec/shop.yaml"))
        .expect("the shop spec");
    assert!(text.contains(from), "{from}");
    std::fs::write(specs.join("shop.yaml"), text.replace(from, to)).expect("writable");
}

/// A file named as the temporary file of an earlier errors-codegen's writes
/// (`.<name>.<pid>.tmp`, the pid of the run) is the user's: generate never removes it.
#[cfg(unix)]
#[test]
fn a_file_named_like_a_temporary_file_is_never_removed() {
    let dir = TempDir::new("temporary-name");
    shop_spec_in(dir.path(), "Item A-1", "Item A-1");
    assert_eq!(generate(dir.path(), &[]).status.code(), Some(0));
    shop_spec_in(dir.path(), "Item A-1", "Item B-2");
    // The shell's pid is the one the binary runs with after `exec`.
    let output = std::process::Command::new("sh")
        .args([
            "-c",
            "echo precious > gen/docs/.shop.md.$$.tmp; \
             exec \"$0\" generate --spec-dir specs --out gen",
            env!("CARGO_BIN_EXE_errors-codegen"),
        ])
        .current_dir(dir.path())
        .output()
        .expect("sh runs");
    assert_wrote(&output, "gen/docs/shop.md");
    let kept: Vec<String> = files_under(&dir.path().join("gen/docs"))
        .into_iter()
        .filter(|path| path.to_string_lossy().ends_with(".tmp"))
        .map(|path| {
            std::fs::read_to_string(dir.path().join("gen/docs").join(path)).expect("readable")
        })
        .collect();
    assert_eq!(kept, vec!["precious\n".to_owned()]);
}

/// Without a manifest, a stamped file edited by hand is not overwritten: only a file that
/// already holds exactly what generate writes is taken back into the new manifest.
#[test]
fn an_edited_file_the_manifest_does_not_list_is_kept() {
    let dir = TempDir::new("no-manifest");
    shop_spec_in(dir.path(), "Item A-1", "Item A-1");
    assert_eq!(generate(dir.path(), &[]).status.code(), Some(0));
    let manifest = dir.path().join("gen/.errors-codegen-manifest");
    std::fs::remove_file(&manifest).expect("removable");
    let page = dir.path().join("gen/docs/shop.md");
    let mut text = std::fs::read_to_string(&page).expect("a page");
    text.push_str("edit\n");
    std::fs::write(&page, &text).expect("writable");

    let output = generate(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("error: left alone: gen/docs/shop.md ")
            && stderr(&output).contains("remove it to let generate write it again"),
        "{}",
        stderr(&output)
    );
    assert!(
        !stdout(&output).contains("wrote gen/docs/shop.md"),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        std::fs::read_to_string(&page).ok().as_deref(),
        Some(text.as_str())
    );
    // The files still as generate writes them are its own again; the edited page is not.
    let listed = std::fs::read_to_string(&manifest).expect("a new manifest");
    assert!(
        listed
            .lines()
            .any(|l| l.ends_with(" docs/README.md") && l.contains("sha256:")),
        "{listed}"
    );
    assert!(!listed.contains("docs/shop.md"), "{listed}");

    // Removed, the page is written again.
    std::fs::remove_file(&page).expect("removable");
    let output = generate(dir.path(), &[]);
    assert_wrote(&output, "gen/docs/shop.md");
}

/// Asserts that `output` is of a run that succeeded and wrote `path`.
fn assert_wrote(output: &std::process::Output, path: &str) {
    assert_eq!(output.status.code(), Some(0), "{}", stderr(output));
    assert!(
        stdout(output).contains(&format!("wrote {path}\n")),
        "{}",
        stdout(output)
    );
}

/// `generate` as [`generate`] does, with the size of any file it writes limited to `bytes`
/// (`prlimit --fsize`), so that writing a larger one fails (`EFBIG`: the signal that would
/// stop the run is ignored), whoever runs the tests.
#[cfg(target_os = "linux")]
fn generate_limited(cwd: &Path, bytes: u64) -> std::process::Output {
    std::process::Command::new("sh")
        .args([
            "-c",
            "trap '' XFSZ; exec prlimit --fsize=\"$1\" \"$0\" generate --spec-dir specs --out gen",
            env!("CARGO_BIN_EXE_errors-codegen"),
            &bytes.to_string(),
        ])
        .current_dir(cwd)
        .output()
        .expect("sh and prlimit run")
}

/// A file that could not be written keeps its entry of the last run in the manifest, which
/// is still written: the next run finds the file as generate left it, its own to write.
#[cfg(target_os = "linux")]
#[test]
fn a_file_that_could_not_be_written_keeps_its_last_hash() {
    let dir = TempDir::new("failed-write");
    let long = |words: &str| format!("The item is sold out. {}", words.repeat(300));
    let sold_out = "The item is sold out.";
    shop_spec_in(dir.path(), sold_out, &long("Try again later. "));
    assert_eq!(generate(dir.path(), &[]).status.code(), Some(0));
    let page = dir.path().join("gen/docs/shop.md");
    let manifest = dir.path().join("gen/.errors-codegen-manifest");
    let before = std::fs::read(&page).expect("a page");
    let limit = 3000;
    assert!(
        before.len() > limit && std::fs::read(&manifest).expect("a manifest").len() < limit / 2
    );

    shop_spec_in(dir.path(), sold_out, &long("Come back later. "));
    let output = generate_limited(dir.path(), limit as u64);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("error: cannot write gen/docs/shop.md: File too large"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(&page).ok(), Some(before));

    let output = generate(dir.path(), &[]);
    assert_wrote(&output, "gen/docs/shop.md");
}

/// A manifest that could not be written leaves no file written that it does not list: the
/// next run, from other specs again, finds every file still its own.
#[cfg(target_os = "linux")]
#[test]
fn a_manifest_that_could_not_be_written_disowns_no_file() {
    let dir = TempDir::new("failed-manifest");
    shop_spec_in(dir.path(), "Item A-1", "Item A-1");
    assert_eq!(generate(dir.path(), &[]).status.code(), Some(0));
    let fixture = dir.path().join("gen/fixtures/shop/json/error-1.json");
    let limit = 600;
    assert!(std::fs::read(&fixture).expect("a fixture").len() < limit);
    assert!(
        std::fs::read(dir.path().join("gen/.errors-codegen-manifest"))
            .expect("a manifest")
            .len()
            > limit
    );

    // The fixtures fit in the limit, the manifest does not.
    shop_spec_in(dir.path(), "Item A-1", "Item B-2");
    let output = generate_limited(dir.path(), limit as u64);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("error: cannot write gen/.errors-codegen-manifest"),
        "{}",
        stderr(&output)
    );

    shop_spec_in(dir.path(), "Item A-1", "Item C-3");
    let output = generate(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        std::fs::read_to_string(&fixture).is_ok_and(|body| body.contains("Item C-3")),
        "{}",
        stderr(&output)
    );
}
