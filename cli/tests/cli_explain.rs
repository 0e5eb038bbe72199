//! `explain`: every code of every shipped spec has a page; a wrong API or code is a usage
//! error that lists what exists.

mod common;

use common::{run, stderr};

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn every_code_of_every_spec_explains_itself() {
    let files = errors_codegen::spec_files(&common::workspace().join("spec")).expect("spec/");
    let specs = errors_codegen::load_all(&files).unwrap_or_else(|report| panic!("{report}"));
    assert!(!specs.is_empty(), "no spec in spec/");
    for (_, spec) in &specs {
        for (number, code) in &spec.codes {
            let output = run(&["explain", &spec.id, &number.to_string()], None);
            assert!(
                output.status.success(),
                "{} {number}: {}",
                spec.id,
                stderr(&output)
            );
            let page = stdout(&output);
            assert!(
                page.starts_with(&format!("{} error {number}\n", spec.title)),
                "{page}"
            );
            assert!(page.contains(&format!("## {number} {}: {}", code.name, code.title)));
            assert!(page.contains("### Examples"), "{} {number}", spec.id);
            // Not on a terminal: no colour, and no HTML anchor meant for the docs page.
            assert!(!page.contains('\x1b') && !page.contains("<a id="), "{page}");
        }
    }
}

#[test]
fn codes_are_found_by_name_too() {
    let by_name = run(&["explain", "ampache", "NotFound"], None);
    let by_number = run(&["explain", "ampache", "4704"], None);
    assert!(by_name.status.success());
    assert_eq!(by_name.stdout, by_number.stdout);
    let page = stdout(&by_number);
    assert!(
        page.contains("- **Legacy equivalent:** [404](#404), sent instead by versions 3 and 4")
    );
    assert!(page.contains("<error errorCode=\"4704\">"), "{page}");
}

#[test]
fn unknown_apis_and_codes_are_usage_errors_that_list_what_exists() {
    let output = run(&["explain", "spotify", "1"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("the APIs are: ampache, lastfm, subsonic"));

    let output = run(&["explain", "ampache", "4799"], None);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("4799 is not a code of ampache"),
        "{message}"
    );
    assert!(message.contains("4742  FailedAccessCheck"), "{message}");
    assert!(output.stdout.is_empty());

    let output = run(&["explain", "lastfm", "19"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("it is reserved"));
}

#[test]
fn help_and_bad_usage() {
    let help = run(&["explain", "--help"], None);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("Usage:"));
    let missing = run(&["explain", "ampache"], None);
    assert_eq!(missing.status.code(), Some(2));
}

/// A user's spec in `./spec` is not read unless `--spec-dir` says so; naming its API tells
/// how to read it.
#[test]
fn a_local_spec_folder_gets_a_hint() {
    let dir = common::TempDir::new("explain-local");
    let spec = dir.path().join("spec");
    std::fs::create_dir_all(&spec).expect("a spec folder");
    std::fs::copy(
        common::workspace().join("examples/shop/spec/shop.yaml"),
        spec.join("shop.yaml"),
    )
    .expect("copied");
    let output = common::run_in(dir.path(), &["explain", "shop", "1"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("./spec holds it: add `--spec-dir spec`"),
        "{}",
        stderr(&output)
    );
    let output = common::run_in(dir.path(), &["explain", "shop", "1", "--spec-dir", "spec"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("Shop API error 1\n"));
    // An API that no folder holds still lists the APIs.
    let output = common::run_in(dir.path(), &["explain", "spotify", "1"]);
    assert!(stderr(&output).contains("the APIs are: ampache, lastfm, subsonic"));
}

/// A near miss of a name gets the name, not the whole list.
#[test]
fn typos_get_a_did_you_mean() {
    let output = run(&["explain", "lastfm", "RateLimitExceded"], None);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("did you mean `RateLimitExceeded`?"),
        "{message}"
    );
    assert!(!message.contains("the codes of"), "{message}");
    let output = run(&["explain", "lastfn", "29"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("did you mean `lastfm`?"),
        "{}",
        stderr(&output)
    );
    let output = run(
        &[
            "render",
            "--api",
            "lastfm",
            "--format",
            "json",
            "--code",
            "RateLimitExceded",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("did you mean `RateLimitExceeded`?"),
        "{}",
        stderr(&output)
    );
}
