//! `errors-codegen check` on the shipped specs and on broken ones: every problem is reported
//! at once, located, with exit status 1; clean specs exit 0.

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn spec_text(name: &str) -> String {
    std::fs::read_to_string(workspace().join("spec").join(name)).expect("shipped spec is readable")
}

/// Run `check` on `text` written to a temporary file; returns (status, stderr).
fn check_text(label: &str, text: &str) -> (i32, String) {
    let dir = std::env::temp_dir().join(format!(
        "errors-codegen-check-{}-{label}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join(format!("{label}.yaml"));
    std::fs::write(&file, text).expect("write spec");
    let output = Command::new(env!("CARGO_BIN_EXE_errors-codegen"))
        .arg("check")
        .arg(&file)
        .output()
        .expect("run errors-codegen");
    let _ = std::fs::remove_dir_all(&dir);
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The `file:line:column: message` headlines of a report's errors (not its warnings).
fn headlines(stderr: &str, label: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| {
            l.contains(&format!("{label}.yaml:"))
                && !l.contains(": note: ")
                && !l.contains(": warning: ")
        })
        .map(|l| {
            l.split_once(&format!("{label}.yaml:"))
                .map(|(_, r)| r.to_string())
                .unwrap_or_default()
        })
        .collect()
}

#[test]
fn shipped_specs_pass() {
    let output = Command::new(env!("CARGO_BIN_EXE_errors-codegen"))
        .arg("check")
        .arg(workspace().join("spec"))
        .output()
        .expect("run errors-codegen");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let files = errors_codegen::spec_files(&workspace().join("spec")).expect("spec/");
    let specs = errors_codegen::load_all(&files).unwrap_or_else(|report| panic!("{report}"));
    assert!(!specs.is_empty(), "no spec in spec/");
    let codes: usize = specs.iter().map(|(_, spec)| spec.codes.len()).sum();
    // More than one spec and code: plural nouns, no "(s)".
    assert!(specs.len() > 1 && codes > 1);
    let summary = format!("{} specs, {codes} codes: no problems", specs.len());
    assert!(
        String::from_utf8_lossy(&output.stdout).contains(&summary),
        "{summary}"
    );
}

#[test]
fn a_duplicated_entry_is_located_with_its_first_definition() {
    let text = spec_text("subsonic.yaml");
    let entry_start = text.find("\n  70:\n").expect("code 70 present");
    let entry = text[entry_start..].to_string();
    let doubled = format!("{}{}", text.trim_end(), entry);
    let (status, stderr) = check_text("dup", &doubled);
    assert_eq!(status, 1, "{stderr}");
    let lines = doubled.lines().count();
    let entry_lines = entry.trim_start_matches('\n').lines().count();
    let second = lines - entry_lines + 1;
    assert!(
        stderr.contains(&format!("dup.yaml:{second}:3: duplicate key `70`")),
        "{stderr}"
    );
    let first = text[..entry_start].lines().count() + 1;
    assert!(
        stderr.contains(&format!("dup.yaml:{first}:3: note: first defined here")),
        "{stderr}"
    );
    assert!(
        stderr.contains("  70:"),
        "shows the offending line: {stderr}"
    );
}

#[test]
fn an_unknown_key_is_located_with_a_suggestion() {
    let text = spec_text("lastfm.yaml").replacen("    retry: never\n", "    retyr: never\n", 1);
    let (status, stderr) = check_text("unknown", &text);
    assert_eq!(status, 1);
    let line = text
        .lines()
        .position(|l| l == "    retyr: never")
        .expect("mutated line")
        + 1;
    assert!(
        stderr.contains(&format!("unknown.yaml:{line}:5: unknown key `retyr`")),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `retry`?"), "{stderr}");
    assert!(
        stderr.contains("missing required key `retry`"),
        "both problems at once: {stderr}"
    );
}

#[test]
fn a_truncated_file_is_a_located_syntax_error_or_missing_keys() {
    let text = spec_text("ampache.yaml");
    // Cut inside a flow sequence: a syntax error.
    let cut = text.find("code_ranges: [[").expect("code_ranges") + 17;
    let truncated = &text[..cut];
    let (status, stderr) = check_text("truncated", truncated);
    assert_eq!(status, 1);
    assert!(
        headlines(&stderr, "truncated")
            .iter()
            .any(|h| h.contains("YAML syntax error")),
        "{stderr}"
    );
    // Cut after the header: the structure is incomplete.
    let cut = text.find("\nversions:").expect("versions");
    let (status, stderr) = check_text("short", &text[..cut]);
    assert_eq!(status, 1);
    assert!(
        stderr.contains("missing required keys `versions`, `codes`"),
        "{stderr}"
    );
}

#[test]
fn a_keyword_as_a_name_is_located() {
    let text = spec_text("ampache.yaml").replacen("name: NotFound\n", "name: Self\n", 1);
    let (status, stderr) = check_text("keyword", &text);
    assert_eq!(status, 1);
    let line = text
        .lines()
        .position(|l| l.trim() == "name: Self")
        .expect("mutated")
        + 1;
    assert!(
        stderr.contains(&format!(
            "keyword.yaml:{line}:11: `Self` cannot be a variant name: it is a Rust keyword"
        )),
        "{stderr}"
    );
}

/// An id that shadows the crate the generated code names (`errors_core::include_catalog!`
/// would define `mod errors_core`) is rejected at the id.
#[test]
fn an_id_that_shadows_errors_core_is_located() {
    let text = spec_text("lastfm.yaml").replacen("id: lastfm\n", "id: errors_core\n", 1);
    let (status, stderr) = check_text("shadow", &text);
    assert_eq!(status, 1, "{stderr}");
    let line = text
        .lines()
        .position(|l| l == "id: errors_core")
        .expect("mutated")
        + 1;
    assert!(
        stderr.contains(&format!(
            "shadow.yaml:{line}:5: `errors_core` cannot be the API id: it is the name of a crate \
             the generated code uses"
        )),
        "{stderr}"
    );
}

#[test]
fn every_semantic_problem_is_reported_in_one_run() {
    let text = r#"id: shop
title: Shop
docs_url: https://x
family: lastfm
json_code: number
code_ranges: [[1, 99]]
locales: [en, fr]
versions:
  - id: "1"
    formats: [json]
reserved:
  7: unlucky
codes:
  1:
    name: notCamel
    title: t
    description: d
    message: {en: "Item {sku}", fr: "Article {id}", de: "x"}
    retry: never
    http_status: 700
  2:
    name: Same
    title: t
    description: d
    message: m
    retry: never
    lifecycle: retired
  3:
    name: Same
    title: t
    description: d
    message: m
    retry: never
    http_status: {"9": 200}
    since: "5"
    legacy: 42
  7:
    name: Seven
    title: t
    description: d
    message: "open {brace"
    retry: never
  100:
    name: Hundred
    title: t
    description: d
    message: m
    retry: never
"#;
    let (status, stderr) = check_text("semantic", text);
    assert_eq!(status, 1);
    let found = headlines(&stderr, "semantic");
    let expect = [
        "15:11: `notCamel` cannot be a variant name",
        "18:37: placeholders differ between translations: `fr` has {id}, `en` has {sku}",
        "18:53: unknown locale `de`",
        "18:57: placeholders differ between translations: `de` has no placeholders",
        "20:18: 700 is out of range at `codes.1.http_status`: expected 100 to 599",
        "27:16: retired code 2 needs a `note`",
        "29:11: name `Same` of code 3 is already the name of code 2",
        "34:19: unknown version `9`",
        "35:12: `since` names unknown version `5`",
        "36:13: legacy code 42 of code 3 is not a code of this spec",
        "37:3: code 7 is reserved",
        "41:14: message in `en`: unclosed `{`",
        "43:3: code 100 is outside the declared code_ranges (1-99)",
    ];
    for wanted in expect {
        assert!(
            found.iter().any(|h| h.starts_with(wanted)),
            "missing `{wanted}` in:\n{stderr}"
        );
    }
    assert_eq!(
        found.len(),
        expect.len(),
        "exactly these problems:\n{stderr}"
    );
}

#[test]
fn an_empty_spec_is_an_error() {
    for (label, text) in [("empty", ""), ("comment", "# nothing here\n")] {
        let (status, stderr) = check_text(label, text);
        assert_eq!(status, 1);
        assert!(
            stderr.contains(&format!("{label}.yaml:1:1: empty spec")),
            "{stderr}"
        );
    }
    let (status, stderr) = check_text(
        "nocodes",
        "id: a\ntitle: A\ndocs_url: u\nfamily: lastfm\njson_code: number\ncode_ranges: [[1, 2]]\nlocales: [en]\nversions: [{id: \"1\", formats: [json]}]\ncodes: {}\n",
    );
    assert_eq!(status, 1);
    assert!(
        stderr.contains("nocodes.yaml:9:1: empty spec: `codes` has no codes"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let output = Command::new(env!("CARGO_BIN_EXE_errors-codegen"))
        .arg("no-such-command")
        .output()
        .expect("run errors-codegen");
    assert_eq!(output.status.code(), Some(2));
    // A spec file that does not exist is unreadable input, as in `parse`.
    let output = Command::new(env!("CARGO_BIN_EXE_errors-codegen"))
        .args(["check", "/nonexistent/shop.yaml"])
        .output()
        .expect("run errors-codegen");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot read /nonexistent/shop.yaml"),
        "{stderr}"
    );
}

/// One file named twice is checked once, not reported as clashing with itself.
#[test]
fn a_file_named_twice_is_one_spec() {
    let lastfm = workspace().join("spec/lastfm.yaml");
    let output = Command::new(env!("CARGO_BIN_EXE_errors-codegen"))
        .arg("check")
        .arg(&lastfm)
        .arg(&lastfm)
        .output()
        .expect("run errors-codegen");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}

/// A spec with warnings only passes: each warning is shown, located, and the status is 0.
#[test]
fn warnings_are_shown_and_do_not_fail_the_check() {
    let text = spec_text("lastfm.yaml").replacen("locales: [en]", "locales: [en, fr]", 1);
    assert_ne!(
        text,
        spec_text("lastfm.yaml"),
        "lastfm.yaml declares `locales: [en]`"
    );
    let dir = std::env::temp_dir().join(format!("errors-codegen-warn-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("warn.yaml");
    std::fs::write(&file, &text).expect("write spec");
    let output = Command::new(env!("CARGO_BIN_EXE_errors-codegen"))
        .arg("check")
        .arg(&file)
        .output()
        .expect("run errors-codegen");
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let codes = errors_codegen::load_str("lastfm.yaml", &spec_text("lastfm.yaml"))
        .unwrap_or_else(|report| panic!("{report}"))
        .codes;
    // The first code's message is the first `message:` of the file.
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with("message:"))
        .expect("a message")
        + 1;
    let column = text
        .lines()
        .nth(line - 1)
        .and_then(|l| l.find("message:"))
        .expect("message")
        + "message: ".len()
        + 1;
    assert!(
        stderr.contains(&format!(
            "warn.yaml:{line}:{column}: warning: message has no translation into `fr`"
        )),
        "{stderr}"
    );
    let warnings = stderr.matches(": warning: ").count();
    assert_eq!(warnings, codes.len(), "one per code: {stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(&format!(
            "1 spec, {} {}: no problems, {warnings} warnings",
            codes.len(),
            if codes.len() == 1 { "code" } else { "codes" }
        )),
        "{stdout}"
    );
}

/// A structural problem (an unknown key) does not hide the rules' problems elsewhere in the
/// file: both are reported, each at its own line.
#[test]
fn structural_and_semantic_problems_come_together() {
    let text = spec_text("lastfm.yaml")
        .replacen(
            "locales: [en]",
            "locales: [en, en]
colour: red",
            1,
        )
        .replacen("name: InvalidService\n", "name: invalid_service\n", 1);
    let (status, stderr) = check_text("both", &text);
    assert_eq!(status, 1, "{stderr}");
    let line_of = |needle: &str| {
        text.lines()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle}"))
            + 1
    };
    let found = headlines(&stderr, "both");
    for wanted in [
        format!("{}:15: locale `en` is listed twice", line_of("locales:")),
        format!("{}:1: unknown key `colour`", line_of("colour:")),
        format!(
            "{}:11: `invalid_service` cannot be a variant name",
            line_of("invalid_service")
        ),
    ] {
        assert!(
            found.iter().any(|h| h.starts_with(&wanted)),
            "missing `{wanted}` in:\n{stderr}"
        );
    }
}

/// The case of a version id that climbs out of its folder (tests/cases/specs/) is refused
/// at the id, with the reason.
#[test]
fn a_version_id_that_is_a_path_is_refused_at_the_id() {
    let file = workspace().join("tests/cases/specs/version-id-path-traversal.yaml");
    let text = std::fs::read_to_string(&file).expect("the case");
    let output = Command::new(env!("CARGO_BIN_EXE_errors-codegen"))
        .arg("check")
        .arg(&file)
        .output()
        .expect("run errors-codegen");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let line = text
        .lines()
        .position(|l| l.contains("escaped-fixtures"))
        .expect("the id")
        + 1;
    assert!(
        stderr.contains(&format!(
            "version-id-path-traversal.yaml:{line}:9: `/../../../../escaped-fixtures` cannot \
             be a version id"
        )),
        "{stderr}"
    );
}
