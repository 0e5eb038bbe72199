//! One table of exit statuses for every command: 0 ok, 1 findings, 2 usage error or
//! unreadable input. A flag the chosen body does not carry is a usage error.

mod common;

use common::{TempDir, run_in, stderr, stdout};

/// Runs each case from a folder outside the repository and checks its status.
fn assert_statuses(cases: &[(&[&str], i32)]) {
    let dir = TempDir::new("statuses");
    std::fs::create_dir_all(dir.path().join("empty")).expect("a folder");
    std::fs::write(dir.path().join("broken.yaml"), "id: x\n").expect("writable");
    std::fs::write(dir.path().join("html.txt"), "<html><body>hi</body></html>").expect("w");
    for (args, status) in cases {
        let output = run_in(dir.path(), args);
        assert_eq!(
            output.status.code(),
            Some(*status),
            "{args:?}\nstdout: {}\nstderr: {}",
            stdout(&output),
            stderr(&output)
        );
        assert!(!stderr(&output).contains("panicked"), "{args:?}");
    }
}

#[test]
fn the_table_of_exit_statuses() {
    assert_statuses(&[
        (&["--help"], 0),
        (&["--version"], 0),
        (&["frobnicate"], 2),
        (&[], 2),
        // check
        (&["check", "broken.yaml"], 1),
        (&["check", "missing.yaml"], 2),
        (&["check", "empty"], 2),
        (&["check"], 2), // no spec/ here
        // explain
        (&["explain", "ampache", "4704"], 0),
        (&["explain", "ampache", "4799"], 2),
        (&["explain", "nope", "1"], 2),
        (&["explain", "ampache", "4704", "--spec-dir", "missing"], 2),
        (&["explain", "ampache", "4704", "--spec-dir", "empty"], 2),
        // parse
        (&["parse", "missing.json"], 2),
        (&["parse", "html.txt"], 1),
        (&["parse", "--api", "nope", "html.txt"], 2),
        // generate
        (&["generate"], 2), // no spec/ here
        (&["generate", "--spec-dir", "empty"], 2),
        (&["generate", "--check", "--dry-run"], 2),
        // diff
        (&["diff", "broken.yaml", "broken.yaml"], 1),
        (&["diff", "missing.yaml", "broken.yaml"], 2),
        (&["diff", "empty", "empty"], 2),
        (&["diff", "broken.yaml"], 2),
        (&["diff", "--allow", "no-such-rule", "a", "b"], 2),
        (&["diff", "--against", "HEAD"], 2), // no spec/ here
    ]);
}

fn render<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["render"];
    args.extend_from_slice(extra);
    args
}

#[test]
fn render_refuses_what_the_body_would_drop() {
    let subsonic = ["--api", "subsonic", "--format", "xml", "--code", "40"];
    let with = |extra: &[&'static str]| {
        let mut args: Vec<&str> = subsonic.to_vec();
        args.extend_from_slice(extra);
        args
    };
    let cases: Vec<(Vec<&str>, i32)> = vec![
        (render(&with(&[])), 0),
        (render(&with(&["--version", "1.13.0"])), 0),
        (render(&with(&["--version", "opensubsonic"])), 0),
        (render(&with(&["--version", "banana"])), 2),
        (render(&with(&["--help-url", "https://x.example/help"])), 2),
        (render(&with(&["--action", "ping"])), 2),
        (render(&with(&["--server-type", "navidrome"])), 2),
        (
            render(&with(&[
                "--server-type",
                "navidrome",
                "--server-version",
                "0.53.0",
                "--help-url",
                "https://x.example/help",
            ])),
            0,
        ),
        (
            render(&[
                "--api", "lastfm", "--format", "json", "--code", "6", "--action", "x",
            ]),
            2,
        ),
        (
            render(&[
                "--api",
                "lastfm",
                "--format",
                "json",
                "--code",
                "6",
                "--version",
                "banana",
            ]),
            2,
        ),
        (
            render(&[
                "--api",
                "ampache",
                "--version",
                "4",
                "--format",
                "xml",
                "--code",
                "4704",
                "--type",
                "song",
            ]),
            2,
        ),
        // An empty value loses nothing.
        (
            render(&[
                "--api",
                "ampache",
                "--version",
                "4",
                "--format",
                "xml",
                "--code",
                "4704",
                "--type=",
            ]),
            0,
        ),
        (
            render(&[
                "--api",
                "ampache",
                "--version",
                "6",
                "--format",
                "xml",
                "--code",
                "4704",
                "--type",
                "song",
                "--action",
                "song",
            ]),
            0,
        ),
        (
            render(&[
                "--api",
                "ampache",
                "--format",
                "json",
                "--code",
                "4704",
                "--help-url",
                "x",
            ]),
            2,
        ),
        (
            render(&[
                "--api",
                "ampache",
                "--format",
                "json",
                "--code",
                "4704",
                "--server-type",
                "a",
                "--server-version",
                "1",
            ]),
            2,
        ),
    ];
    let dir = TempDir::new("render-flags");
    for (args, status) in &cases {
        let output = run_in(dir.path(), args);
        assert_eq!(
            output.status.code(),
            Some(*status),
            "{args:?}: {}",
            stderr(&output)
        );
        if *status == 2 {
            assert!(output.stdout.is_empty(), "{args:?}");
        }
    }
    let banana = run_in(dir.path(), &render(&with(&["--version", "banana"])));
    assert!(
        stderr(&banana).contains("subsonic has no API version `banana`"),
        "{}",
        stderr(&banana)
    );
    let plain = run_in(
        dir.path(),
        &render(&with(&["--help-url", "https://x.example"])),
    );
    assert!(
        stderr(&plain).contains("a plain Subsonic body has no helpUrl"),
        "{}",
        stderr(&plain)
    );
}

#[test]
fn an_open_subsonic_body_carries_its_server_and_help_url() {
    let dir = TempDir::new("open-subsonic");
    let output = run_in(
        dir.path(),
        &[
            "render",
            "--api",
            "subsonic",
            "--format",
            "json",
            "--code",
            "40",
            "--server-type",
            "navidrome",
            "--server-version",
            "0.53.0",
            "--help-url",
            "https://x.example/help",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let body = stdout(&output);
    for part in [
        "\"type\" : \"navidrome\"",
        "\"serverVersion\" : \"0.53.0\"",
        "\"openSubsonic\" : true",
        "\"helpUrl\" : \"https://x.example/help\"",
    ] {
        assert!(body.contains(part), "{part} in {body}");
    }
}

#[test]
fn the_table_is_in_help() {
    let dir = TempDir::new("help");
    let help = stdout(&run_in(dir.path(), &["--help"]));
    for row in [
        "0  ok",
        "1  findings",
        "2  usage error, unreadable input or unwritable output",
    ] {
        assert!(help.contains(row), "{help}");
    }
}
