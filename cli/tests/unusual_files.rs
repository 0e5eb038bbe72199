//! Files that are not what a command expects to read: a second spec with an id already
//! used is located at its `id`, and a file that is not a plain file (a FIFO, which blocks
//! whoever opens it, or `/dev/zero`, which never ends) is refused unread with exit 2.

mod common;

use std::time::{Duration, Instant};

use common::{TempDir, stderr};

/// Runs `args` in `cwd`, failing the test if the command takes longer than a few seconds
/// (a FIFO opened for reading blocks until something writes to it).
#[cfg(unix)]
fn run_quickly(cwd: &std::path::Path, args: &[&str]) -> std::process::Output {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_errors-codegen"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run errors-codegen");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`errors-codegen {}` did not finish", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_is_refused_unread() {
    let dir = TempDir::new("fifo");
    let fifo = dir.path().join("spec.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let cases: [(&[&str], &str); 6] = [
        (
            &["check", "spec.yaml"],
            "spec.yaml: it is a named pipe (FIFO), not a plain file",
        ),
        (
            &["check", "/dev/zero"],
            "/dev/zero: it is a device, not a plain file",
        ),
        (
            &["parse", "spec.yaml"],
            "spec.yaml: it is a named pipe (FIFO), not a plain file",
        ),
        (
            &["parse", "/dev/zero"],
            "/dev/zero: it is a device, not a plain file",
        ),
        (
            &["diff", "spec.yaml", "spec.yaml"],
            "spec.yaml: it is a named pipe (FIFO), not a plain file",
        ),
        (
            &["diff", "/dev/zero", "/dev/zero"],
            "/dev/zero: it is a device, not a plain file",
        ),
    ];
    for (args, message) in cases {
        let output = run_quickly(dir.path(), args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains(message),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    // In a folder of specs, the FIFO is a problem of its own, the others still checked.
    let output = run_quickly(dir.path(), &["check", "."]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output)
            .contains("cannot read the spec: it is a named pipe (FIFO), not a plain file"),
        "{}",
        stderr(&output)
    );
    // Standard input is still read with `-`.
    let output = common::run(&["parse", "-"], Some(br#"{"error":6,"message":"x"}"#));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}
