//! What the CLI tests share: the workspace, the conformance corpus and running the binary.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The workspace root, where `spec/` is: the binary runs there, as a user of the repository
/// would run it.
pub fn workspace() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).to_path_buf()
}

/// Runs `errors-codegen` with `args` in the workspace, feeding `stdin` when given.
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_errors-codegen"))
        .args(args)
        .current_dir(workspace())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run errors-codegen");
    if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
        // A run that fails before reading its input closes the pipe; its exit status is
        // what the test checks, not this write.
        let _ = pipe.write_all(bytes);
    }
    child.wait_with_output().expect("wait for errors-codegen")
}

/// Stderr as text, for assertions and failure messages.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
