//! A reader that goes away (`| head -1`, `| true`) ends no command with a panic: output
//! to a closed pipe, on standard output or standard error, is dropped, the command finishes
//! its work and exits as it would have.

use std::path::Path;
use std::process::{Command, Stdio};

/// Runs the binary in the workspace with standard output a pipe whose reader is already
/// closed, so that every write to it fails with a broken pipe.
fn run_into_closed_pipe(args: &[&str]) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let output = Command::new(env!("CARGO_BIN_EXE_errors-codegen"))
        .current_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")))
        .args(args)
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn explain_check_parse_and_render_end_quietly() {
    let body = std::env::temp_dir().join(format!("closed-pipe-{}.json", std::process::id()));
    std::fs::write(&body, br#"{"error":6,"message":"User not found"}"#).expect("writable");
    let body = body.to_string_lossy().into_owned();
    for args in [
        &["explain", "ampache", "4704"][..],
        &["check", "spec"],
        &["parse", &body],
        &[
            "render", "--api", "lastfm", "--format", "json", "--code", "6",
        ],
    ] {
        let (status, stderr) = run_into_closed_pipe(args);
        assert_eq!(status, Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn generate_finishes_its_work_when_its_output_is_gone() {
    let out = std::env::temp_dir().join(format!("closed-pipe-tree-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let out_arg = out.to_string_lossy().into_owned();
    let (status, stderr) = run_into_closed_pipe(&["generate", "--out", &out_arg]);
    assert_eq!(status, Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Every file was written although no line of the summary could be.
    assert!(out.join("docs/README.md").is_file());
    assert!(out.join("fixtures/lastfm/json/error-6.json").is_file());
    let _ = std::fs::remove_dir_all(&out);
}

/// Any other failure to write standard output is an output error, exit status 2: never a
/// silent success, and never 1, which tells findings (spec problems, not an error body,
/// generated files to regenerate).
#[test]
fn a_full_device_is_an_output_error() {
    let cases: [&[&str]; 4] = [
        &["parse", "fixtures/lastfm/json/error-10.json"],
        &["parse", "--json", "fixtures/lastfm/json/error-10.json"],
        &["check", "spec"],
        &["generate", "--check", "--out", "."],
    ];
    for args in cases {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full, on Linux");
        let output = Command::new(env!("CARGO_BIN_EXE_errors-codegen"))
            .current_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")))
            .args(args)
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot write to standard output"),
            "{args:?}: {stderr}"
        );
    }
}

/// Which of the standard streams are closed pipes.
#[derive(Debug, Clone, Copy)]
enum Closed {
    Stderr,
    Both,
}

/// Runs the binary in `cwd` with `closed` streams going to pipes whose readers are gone; a
/// panic would show as status 101, since its message cannot be read.
fn run_closed(cwd: &Path, closed: Closed, args: &[&str]) -> Option<i32> {
    let closed_pipe = || {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        writer
    };
    let mut command = Command::new(env!("CARGO_BIN_EXE_errors-codegen"));
    command
        .current_dir(cwd)
        .args(args)
        .stdin(Stdio::null())
        .stderr(closed_pipe());
    match closed {
        Closed::Stderr => command.stdout(Stdio::null()),
        Closed::Both => command.stdout(closed_pipe()),
    };
    command.status().expect("runs").code()
}

#[test]
fn a_closed_standard_error_keeps_every_status() {
    let dir = std::env::temp_dir().join(format!("closed-stderr-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a folder");
    std::fs::write(dir.join("broken.yaml"), "id: x\n").expect("writable");
    std::fs::write(dir.join("page.html"), "<html></html>").expect("writable");
    let cases: [(&[&str], i32); 6] = [
        (
            &[
                "render", "--api", "lastfm", "--format", "json", "--code", "6",
            ],
            0,
        ),
        (&["check", "broken.yaml"], 1),
        (&["parse", "page.html"], 1),
        (&["explain", "ampache", "4799"], 2),
        (&["render", "--api", "lastfm"], 2),
        (&["check", "missing.yaml"], 2),
    ];
    for closed in [Closed::Stderr, Closed::Both] {
        for (args, status) in cases {
            assert_eq!(
                run_closed(&dir, closed, args),
                Some(status),
                "{closed:?} {args:?}"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn generate_finishes_with_both_outputs_gone() {
    let dir = std::env::temp_dir().join(format!("closed-both-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("gen/docs")).expect("a folder");
    // A hand-written page where generate would write: a finding, on a closed stderr.
    std::fs::write(dir.join("gen/docs/lastfm.md"), "mine\n").expect("writable");
    let spec_dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec"));
    let spec_dir = spec_dir.to_string_lossy();
    let status = run_closed(
        &dir,
        Closed::Both,
        &["generate", "--spec-dir", &spec_dir, "--out", "gen"],
    );
    assert_eq!(status, Some(1));
    assert!(dir.join("gen/.errors-codegen-manifest").is_file());
    assert!(
        dir.join("gen/fixtures/subsonic/json/error-70.json")
            .is_file()
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("gen/docs/lastfm.md"))
            .ok()
            .as_deref(),
        Some("mine\n")
    );
    let _ = std::fs::remove_dir_all(&dir);
}
