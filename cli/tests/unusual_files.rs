//! Files that are not what a command expects to read: a second spec with an id already
//! used is located at its `id`, and a file that is not a plain file (a FIFO, which blocks
//! whoever opens it, or `/dev/zero`, which never ends) is refused unread with exit 2,
//! named or found in a folder of specs.

mod common;

use std::time::{Duration, Instant};

use common::{TempDir, run_in, stderr, workspace};

#[test]
fn an_id_used_twice_is_located_at_the_second_specs_id() {
    let dir = TempDir::new("same-id");
    let shipped = std::fs::read_to_string(workspace().join("spec/lastfm.yaml")).expect("spec");
    std::fs::write(dir.path().join("a.yaml"), &shipped).expect("writable");
    // The copy's `id` line is elsewhere than the original's.
    let copy = format!("# a copy\n\n{shipped}");
    std::fs::write(dir.path().join("b.yaml"), &copy).expect("writable");
    let line = copy
        .lines()
        .position(|l| l.starts_with("id: "))
        .expect("an id line")
        + 1;
    let output = run_in(dir.path(), &["check", "a.yaml", "b.yaml"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(&format!(
            "b.yaml:{line}:5: API id `lastfm` is already used by a.yaml"
        )),
        "{}",
        stderr(&output)
    );
}

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
        assert_refused(&output, args, message);
    }
    // In a folder of specs, the FIFO is a file that cannot be read, exit 2 as when named;
    // the other specs are still checked.
    std::fs::write(dir.path().join("other.yaml"), "id: [\n").expect("writable");
    for args in [
        &["check", "."][..],
        &["generate", "--spec-dir", ".", "--out", "gen"],
    ] {
        let output = run_quickly(dir.path(), args);
        assert_refused(
            &output,
            args,
            "cannot read the spec: it is a named pipe (FIFO), not a plain file",
        );
        assert!(
            stderr(&output).contains("other.yaml:"),
            "{}",
            stderr(&output)
        );
    }
    // Standard input is still read with `-`.
    let output = common::run(&["parse", "-"], Some(br#"{"error":6,"message":"x"}"#));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

/// Asserts that the run of `args` exited 2, saying `message`.
fn assert_refused(output: &std::process::Output, args: &[&str], message: &str) {
    assert_eq!(
        output.status.code(),
        Some(2),
        "{args:?}: {}",
        stderr(output)
    );
    assert!(
        stderr(output).contains(message),
        "{args:?}: {}",
        stderr(output)
    );
}
