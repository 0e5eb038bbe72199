//! A reader that goes away (`| head -1`, `| true`) ends no command with a panic: output
//! to a closed pipe is dropped, the command finishes its work and exits as it would have.

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

/// Any other failure to write is a finding, never a silent success.
#[test]
fn a_full_device_is_a_finding() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full, on Linux");
    let output = Command::new(env!("CARGO_BIN_EXE_errors-codegen"))
        .current_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")))
        .args(["parse", "fixtures/lastfm/json/error-10.json"])
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("cannot write to standard output"),
        "{stderr}"
    );
}
