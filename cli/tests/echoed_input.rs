//! What the user typed, as the CLI's messages quote it: control and bidirectional
//! characters escaped (an escape sequence could clear the screen or forge a line), and a
//! long argument cut to a bounded length with `…`, as the diagnostics quote spec values.

mod common;

use common::{TempDir, run, run_in, stderr};

/// The clear-screen escape sequence.
const CLEAR: &str = "\u{1b}[2J";

/// Stderr of `args`, after checking that it exits `status` and holds no escape character,
/// no right-to-left override, and no line longer than `longest`.
fn refused(output: &std::process::Output, status: i32, longest: usize) -> String {
    let text = stderr(output);
    assert_eq!(output.status.code(), Some(status), "{text}");
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text:?}"
    );
    assert!(
        text.lines().all(|line| line.chars().count() <= longest),
        "{}",
        text.chars().take(500).collect::<String>()
    );
    text
}

#[test]
fn a_code_or_api_with_an_escape_sequence_is_shown_escaped() {
    let key = format!("Not{CLEAR}Found");
    let text = refused(&run(&["explain", "ampache", &key], None), 2, 200);
    assert!(
        text.contains("Not\\u{1b}[2JFound is not a code of ampache"),
        "{text}"
    );
    let api = "amp\u{202e}ache";
    let text = refused(&run(&["explain", api, "4704"], None), 2, 200);
    assert!(text.contains("no API `amp\\u{202e}ache`"), "{text}");
}

#[test]
fn file_names_with_an_escape_sequence_are_shown_escaped() {
    let dir = TempDir::new("echoed-name");
    let name = format!("a{CLEAR}b.yaml");
    let text = refused(&run_in(dir.path(), &["check", &name]), 2, 200);
    assert!(text.contains("cannot read a\\u{1b}[2Jb.yaml"), "{text}");
    let folder = format!("specs{CLEAR}");
    let text = refused(
        &run_in(
            dir.path(),
            &["generate", "--spec-dir", &folder, "--out", "gen"],
        ),
        2,
        200,
    );
    assert!(text.contains("cannot list specs\\u{1b}[2J"), "{text}");
    // A spec with a problem, in a file of such a name: its diagnostics name it escaped.
    std::fs::write(dir.path().join(&name), "id: [\n").expect("writable");
    let text = refused(&run_in(dir.path(), &["check", &name]), 1, 200);
    assert!(text.contains("a\\u{1b}[2Jb.yaml:"), "{text}");
}

#[test]
fn a_long_argument_is_cut_wherever_it_is_quoted() {
    let long = "x".repeat(60_000);
    let field = format!("{CLEAR}{long}");
    let cases: [&[&str]; 5] = [
        &["explain", "ampache", &long],
        &["explain", &long, "1"],
        &[
            "render", "--api", "lastfm", "--format", "json", "--code", "1", "--field", &field,
        ],
        &[
            "render", "--api", "lastfm", "--format", &field, "--code", "1",
        ],
        &["explain", "ampache", "4704", &field],
    ];
    for args in cases {
        let text = refused(&run(args, None), 2, 200);
        assert!(text.contains("xxx…"), "{args:?}: {text}");
    }
}
