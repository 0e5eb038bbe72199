//! `errors-codegen diff`: one minimal pair of specs per rule, each change found under its
//! rule and severity at its line (of the new revision, or of the old one for a removal),
//! with the exit status; the bundled specs against themselves; `--allow`, `--warn` and
//! `--deny`; JSON output; and `--against` a git revision in a fresh repository.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

use common::{TempDir, run, run_in, stderr, stdout};

/// The spec every case edits into its old and new revision.
const BASE: &str = include_str!("diff/shop.yaml");

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    Old,
    New,
}

/// One change a case must report: its severity and rule, and where: the first line of
/// that side's text containing `line_with`, at the column where `token` starts in it.
struct Expect {
    severity: &'static str,
    rule: &'static str,
    side: Side,
    line_with: &'static str,
    token: &'static str,
}

const fn at(
    severity: &'static str,
    rule: &'static str,
    side: Side,
    line_with: &'static str,
    token: &'static str,
) -> Expect {
    Expect {
        severity,
        rule,
        side,
        line_with,
        token,
    }
}

struct Case {
    name: &'static str,
    /// Edits of BASE, in order, giving the old and the new revision.
    old: &'static [(&'static str, &'static str)],
    new: &'static [(&'static str, &'static str)],
    /// Every change reported, no more.
    expect: &'static [Expect],
    status: i32,
}

const CODE_5: &str = "  5:
    name: SlowDown
    title: Slow down
    description: Too many requests.
    message: Slow down
    retry: backoff
    lifecycle: deprecated
    since: \"2\"
";

const CASES: &[Case] = &[
    Case {
        name: "no change",
        old: &[],
        new: &[],
        expect: &[],
        status: 0,
    },
    Case {
        name: "a code removed",
        old: &[],
        new: &[(CODE_5, "")],
        expect: &[at("error", "code-removed", Side::Old, "  5:", "5")],
        status: 1,
    },
    Case {
        name: "a name moved to another number",
        old: &[],
        new: &[("  5:\n    name: SlowDown", "  7:\n    name: SlowDown")],
        expect: &[at("error", "code-renumbered", Side::New, "  7:", "7")],
        status: 1,
    },
    Case {
        name: "a number given to another name",
        old: &[],
        new: &[
            ("  5:\n    name: SlowDown", "  7:\n    name: SlowDown"),
            (
                "codes:\n",
                "codes:\n  5:\n    name: Busy\n    title: Busy\n    description: Busy.\n    \
                 message: Busy\n    retry: later\n    since: \"2\"\n",
            ),
        ],
        expect: &[
            at("error", "code-renumbered", Side::New, "  7:", "7"),
            at("error", "code-renumbered", Side::New, "name: Busy", "Busy"),
        ],
        status: 1,
    },
    Case {
        name: "a variant renamed",
        old: &[],
        new: &[("name: Closed", "name: Shut")],
        expect: &[at(
            "error",
            "variant-renamed",
            Side::New,
            "name: Shut",
            "Shut",
        )],
        status: 1,
    },
    Case {
        name: "placeholders changed in every locale",
        old: &[],
        new: &[
            ("Item {sku} is", "Item {id} is"),
            ("L'article {sku}", "L'article {id}"),
        ],
        expect: &[
            at(
                "error",
                "placeholders-changed",
                Side::New,
                "Item {id}",
                "\"Item",
            ),
            at(
                "error",
                "placeholders-changed",
                Side::New,
                "L'article {id}",
                "\"L'",
            ),
        ],
        status: 1,
    },
    Case {
        // `check` holds json_code to the family's, so it changes with the family.
        name: "the JSON code type changed",
        old: &[],
        new: &[
            ("family: lastfm", "family: ampache"),
            ("json_code: number", "json_code: string"),
        ],
        expect: &[
            at("error", "family-changed", Side::New, "family:", "ampache"),
            at(
                "error",
                "json-code-type-changed",
                Side::New,
                "json_code",
                "string",
            ),
        ],
        status: 1,
    },
    Case {
        name: "the wire family changed",
        old: &[],
        new: &[("family: lastfm", "family: problem")],
        expect: &[at(
            "error",
            "family-changed",
            Side::New,
            "family:",
            "problem",
        )],
        status: 1,
    },
    Case {
        name: "a version removed",
        old: &[],
        new: &[
            (
                "  - id: \"2\"\n    formats: [json]\n    http_status: 400\n",
                "",
            ),
            ("    http_status: {\"2\": 409}\n", ""),
            ("    since: \"2\"\n", ""),
        ],
        expect: &[at(
            "error",
            "version-removed",
            Side::Old,
            "- id: \"2\"",
            "\"2\"",
        )],
        status: 1,
    },
    Case {
        name: "a format of a version removed",
        old: &[],
        new: &[("formats: [xml, json]", "formats: [json]")],
        expect: &[at(
            "error",
            "format-removed",
            Side::New,
            "formats:",
            "formats",
        )],
        status: 1,
    },
    Case {
        name: "a retired code brought back under another meaning",
        old: &[],
        new: &[
            ("name: OldCart", "name: NewCart"),
            ("    lifecycle: retired\n", ""),
        ],
        expect: &[at(
            "error",
            "retired-code-reused",
            Side::New,
            "name: NewCart",
            "NewCart",
        )],
        status: 1,
    },
    Case {
        name: "a reserved number used",
        old: &[],
        new: &[
            ("reserved:\n  9: Sent once by mistake; never a code.\n", ""),
            (
                "codes:\n",
                "codes:\n  9:\n    name: Mistake\n    title: Mistake\n    description: A \
                 mistake.\n    message: Mistake\n    retry: never\n    since: \"2\"\n",
            ),
        ],
        expect: &[at("error", "retired-code-reused", Side::New, "  9:", "9")],
        status: 1,
    },
    Case {
        name: "a code's HTTP status changed",
        old: &[],
        new: &[("{\"2\": 409}", "{\"2\": 410}")],
        expect: &[at(
            "warning",
            "http-status-changed",
            Side::New,
            "{\"2\": 410}",
            "http_status",
        )],
        status: 0,
    },
    Case {
        name: "a version's HTTP status changed",
        old: &[],
        new: &[("http_status: 400", "http_status: 401")],
        expect: &[at(
            "warning",
            "http-status-changed",
            Side::New,
            "http_status: 401",
            "401",
        )],
        status: 0,
    },
    Case {
        name: "retry advice changed",
        old: &[],
        new: &[(
            "    retry: backoff\n    since: \"1\"",
            "    retry: never\n    since: \"1\"",
        )],
        expect: &[at(
            "warning",
            "retry-changed",
            Side::New,
            "retry: never",
            "never",
        )],
        status: 0,
    },
    Case {
        name: "the legacy equivalent changed",
        old: &[],
        new: &[("legacy: 2", "legacy: 1")],
        expect: &[at("warning", "legacy-changed", Side::New, "legacy: 1", "1")],
        status: 0,
    },
    Case {
        name: "the lifecycle moved backwards",
        old: &[],
        new: &[("lifecycle: deprecated", "lifecycle: active")],
        expect: &[at(
            "warning",
            "lifecycle-backwards",
            Side::New,
            "lifecycle: active",
            "active",
        )],
        status: 0,
    },
    Case {
        name: "a code deprecated",
        old: &[],
        new: &[(
            "    retry: backoff\n    since: \"1\"\n",
            "    retry: backoff\n    since: \"1\"\n    lifecycle: deprecated\n",
        )],
        expect: &[at(
            "info",
            "code-deprecated",
            Side::New,
            "lifecycle: deprecated",
            "deprecated",
        )],
        status: 0,
    },
    Case {
        name: "a code added, with since",
        old: &[],
        new: &[(
            "codes:\n",
            "codes:\n  6:\n    name: Full\n    title: Full\n    description: Full.\n    \
             message: Full\n    retry: later\n    since: \"2\"\n",
        )],
        expect: &[at("info", "code-added", Side::New, "  6:", "6")],
        status: 0,
    },
    Case {
        name: "a code added, without since",
        old: &[],
        new: &[(
            "codes:\n",
            "codes:\n  6:\n    name: Full\n    title: Full\n    description: Full.\n    \
             message: Full\n    retry: later\n",
        )],
        expect: &[
            at("info", "code-added", Side::New, "  6:", "6"),
            at("info", "since-missing", Side::New, "  6:", "6"),
        ],
        status: 0,
    },
    Case {
        name: "a version added",
        old: &[],
        new: &[(
            "    http_status: 400\n",
            "    http_status: 400\n  - id: \"3\"\n    formats: [json]\n",
        )],
        expect: &[at(
            "info",
            "version-added",
            Side::New,
            "- id: \"3\"",
            "\"3\"",
        )],
        status: 0,
    },
    Case {
        name: "a format added",
        old: &[],
        new: &[("formats: [json]", "formats: [json, xml]")],
        expect: &[at(
            "info",
            "format-added",
            Side::New,
            "formats: [json, xml]",
            "formats",
        )],
        status: 0,
    },
    Case {
        name: "a locale added",
        old: &[],
        new: &[("locales: [en, fr]", "locales: [en, fr, de]")],
        expect: &[at("info", "locale-added", Side::New, "locales:", "de")],
        status: 0,
    },
    Case {
        name: "a locale removed",
        old: &[],
        new: &[
            ("locales: [en, fr]", "locales: [en]"),
            ("      fr: \"L'article {sku} est épuisé\"\n", ""),
            ("      fr: La boutique est fermée\n", ""),
        ],
        expect: &[at("warning", "locale-removed", Side::Old, "locales:", "fr")],
        status: 0,
    },
    Case {
        name: "a title reworded",
        old: &[],
        new: &[("title: Shop closed", "title: Shop shut")],
        expect: &[at(
            "info",
            "text-changed",
            Side::New,
            "title: Shop shut",
            "Shop shut",
        )],
        status: 0,
    },
    Case {
        name: "a message reworded",
        old: &[],
        new: &[("en: The shop is closed", "en: The shop is shut")],
        expect: &[at(
            "info",
            "text-changed",
            Side::New,
            "en: The shop is shut",
            "The shop",
        )],
        status: 0,
    },
    Case {
        name: "an API id changed",
        old: &[],
        new: &[("id: shop", "id: store")],
        expect: &[
            at("error", "api-removed", Side::Old, "id: shop", "shop"),
            at("info", "api-added", Side::New, "id: store", "store"),
        ],
        status: 1,
    },
];

fn edited(edits: &[(&str, &str)]) -> String {
    let mut text = BASE.to_owned();
    for (from, to) in edits {
        assert!(text.contains(from), "the base spec has {from:?}");
        text = text.replacen(from, to, 1);
    }
    text
}

/// `(file, line, column)` of the first line of `text` containing `line_with`, at `token`.
fn locate(file: &str, text: &str, line_with: &str, token: &str) -> (String, usize, usize) {
    let (index, line) = text
        .lines()
        .enumerate()
        .find(|(_, line)| line.contains(line_with))
        .unwrap_or_else(|| panic!("{file} has a line with {line_with:?}"));
    let byte = line
        .find(token)
        .unwrap_or_else(|| panic!("{token:?} in {line:?}"));
    (file.to_owned(), index + 1, line[..byte].chars().count() + 1)
}

/// The `file:line:column: severity rule` of every change printed.
fn headlines(out: &str) -> BTreeSet<(String, usize, usize, String, String)> {
    out.lines()
        .filter_map(|line| {
            // The file may hold a colon itself (`HEAD:spec/shop.yaml`).
            let (place, rest) = line.split_once(": ")?;
            let mut parts = place.rsplitn(3, ':');
            let column = parts.next()?.parse().ok()?;
            let line_number = parts.next()?.parse().ok()?;
            let file = parts.next()?;
            let mut words = rest.split(' ');
            let severity = words.next()?;
            let rule = words.next()?.strip_suffix(':')?;
            Some((
                file.to_owned(),
                line_number,
                column,
                severity.to_owned(),
                rule.to_owned(),
            ))
        })
        .collect()
}

#[test]
fn each_rule_is_found_at_its_line_with_its_severity() {
    let dir = TempDir::new("diff-rules");
    let mut failures = Vec::new();
    for case in CASES {
        let (old, new) = (edited(case.old), edited(case.new));
        std::fs::write(dir.path().join("old.yaml"), &old).expect("write old");
        std::fs::write(dir.path().join("new.yaml"), &new).expect("write new");
        let output = run_in(dir.path(), &["diff", "old.yaml", "new.yaml"]);
        let out = stdout(&output);
        let expected: BTreeSet<_> = case
            .expect
            .iter()
            .map(|e| {
                let (file, text) = match e.side {
                    Side::Old => ("old.yaml", &old),
                    Side::New => ("new.yaml", &new),
                };
                let (file, line, column) = locate(file, text, e.line_with, e.token);
                (file, line, column, e.severity.to_owned(), e.rule.to_owned())
            })
            .collect();
        let found = headlines(&out);
        let status = output.status.code();
        if found != expected || status != Some(case.status) {
            failures.push(format!(
                "{}: expected {expected:?} and status {}, got {found:?} and {status:?}\n\
                 stdout:\n{out}\nstderr:\n{}",
                case.name,
                case.status,
                stderr(&output)
            ));
            continue;
        }
        // Each change shows its line, as `check` shows a problem's.
        for (file, line, _, _, _) in &expected {
            let text = if file == "old.yaml" { &old } else { &new };
            let shown = text.lines().nth(line - 1).unwrap_or_default();
            if !out.contains(&format!("{line} | {shown}")) {
                failures.push(format!("{}: line {line} not shown in\n{out}", case.name));
            }
        }
        let summary = if case.expect.is_empty() {
            "no changes".to_owned()
        } else {
            format!("{} change", case.expect.len())
        };
        if !out.contains(&summary) {
            failures.push(format!("{}: no summary {summary:?} in\n{out}", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Every rule of `--help` has a case above: a new rule comes with its pair of specs.
#[test]
fn every_rule_has_a_case() {
    let help = stdout(&run(&["diff", "--help"], None));
    let listed: BTreeSet<&str> = help
        .lines()
        .filter_map(|line| line.trim().split_once(": "))
        .filter(|(severity, _)| ["error", "warning", "info"].contains(severity))
        .flat_map(|(_, ids)| ids.split(", "))
        .collect();
    assert!(listed.len() >= 20, "{help}");
    let tested: BTreeSet<&str> = CASES
        .iter()
        .flat_map(|case| case.expect.iter().map(|e| e.rule))
        .collect();
    assert_eq!(listed, tested);
}

#[test]
fn the_bundled_specs_against_themselves_change_nothing() {
    let output = run(&["diff", "spec", "spec"], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "no changes\n");
    for name in ["ampache.yaml", "lastfm.yaml", "subsonic.yaml"] {
        let path = format!("spec/{name}");
        let output = run(&["diff", &path, &path, "--format", "json"], None);
        assert_eq!(output.status.code(), Some(0), "{name}: {}", stderr(&output));
        let report: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("diff --format json prints JSON");
        assert_eq!(report["changes"], serde_json::json!([]), "{name}");
        assert_eq!(report["errors"], 0);
    }
}

/// Writes the base spec as old.yaml and the edited one as new.yaml in `dir`.
fn pair(dir: &Path, new: &[(&str, &str)]) {
    std::fs::write(dir.join("old.yaml"), BASE).expect("write old");
    std::fs::write(dir.join("new.yaml"), edited(new)).expect("write new");
}

#[test]
fn allow_warn_and_deny_change_severities_and_the_status() {
    let dir = TempDir::new("diff-policy");
    pair(
        dir.path(),
        &[
            (CODE_5, ""),
            (
                "codes:\n",
                "codes:\n  6:\n    name: Full\n    title: Full\n    description: Full.\n    \
                 message: Full\n    retry: later\n    since: \"2\"\n",
            ),
        ],
    );
    let diff = |extra: &[&str]| {
        let mut args = vec!["diff", "old.yaml", "new.yaml"];
        args.extend_from_slice(extra);
        let output = run_in(dir.path(), &args);
        let rules: Vec<(String, String)> = headlines(&stdout(&output))
            .into_iter()
            .map(|(_, _, _, severity, rule)| (severity, rule))
            .collect();
        (output.status.code(), rules)
    };
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(s, r)| ((*s).to_owned(), (*r).to_owned()))
            .collect()
    };
    // Defaults: the removal fails the run.
    let (status, mut rules) = diff(&[]);
    rules.sort();
    assert_eq!(status, Some(1));
    assert_eq!(
        rules,
        pairs(&[("error", "code-removed"), ("info", "code-added")])
    );
    // Allowed: not reported at all.
    assert_eq!(
        diff(&["--allow", "code-removed"]),
        (Some(0), pairs(&[("info", "code-added")]))
    );
    // Lowered to a warning: reported, and the run passes.
    let (status, mut rules) = diff(&["--warn", "code-removed"]);
    rules.sort();
    assert_eq!(status, Some(0));
    assert_eq!(
        rules,
        pairs(&[("info", "code-added"), ("warning", "code-removed")])
    );
    // Denied: an addition fails the run too, and --deny wins over --allow.
    let (status, mut rules) = diff(&[
        "--allow",
        "code-removed",
        "--deny",
        "code-added",
        "--deny",
        "code-removed",
    ]);
    rules.sort();
    assert_eq!(status, Some(1));
    assert_eq!(
        rules,
        pairs(&[("error", "code-added"), ("error", "code-removed")])
    );
    // An unknown rule is a usage error that lists the rules.
    let output = run_in(
        dir.path(),
        &["diff", "old.yaml", "new.yaml", "--allow", "code-gone"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no rule `code-gone`; the rules are: api-removed,"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn json_output_has_every_field() {
    let dir = TempDir::new("diff-json");
    pair(dir.path(), &[("legacy: 2", "legacy: 1"), (CODE_5, "")]);
    let output = run_in(
        dir.path(),
        &["diff", "old.yaml", "new.yaml", "--format", "json"],
    );
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("the whole of stdout is JSON");
    assert_eq!(report["errors"], 1);
    assert_eq!(report["warnings"], 1);
    assert_eq!(report["infos"], 0);
    let changes = report["changes"].as_array().expect("a list of changes");
    assert_eq!(changes.len(), 2);
    let removed = changes
        .iter()
        .find(|c| c["rule"] == "code-removed")
        .expect("the removal");
    let (_, line, column) = locate("old.yaml", BASE, "  5:", "5");
    assert_eq!(removed["severity"], "error");
    assert_eq!(removed["api"], "shop");
    assert_eq!(removed["code"], 5);
    assert_eq!(removed["file"], "old.yaml");
    assert_eq!(removed["line"], line);
    assert_eq!(removed["column"], column);
    assert!(
        removed["message"]
            .as_str()
            .is_some_and(|m| m.contains("`SlowDown`")),
        "{removed}"
    );
    let legacy = changes
        .iter()
        .find(|c| c["rule"] == "legacy-changed")
        .expect("the legacy change");
    assert_eq!(legacy["severity"], "warning");
    assert_eq!(legacy["file"], "new.yaml");
    assert_eq!(legacy["code"], 3);
    // Every change has every field; `code` is null for a change of no one code.
    let output = run_in(
        dir.path(),
        &["diff", "old.yaml", "old.yaml", "--format", "json"],
    );
    assert_eq!(output.status.code(), Some(0));
    std::fs::write(
        dir.path().join("new.yaml"),
        edited(&[("formats: [json]", "formats: [json, xml]")]),
    )
    .expect("write new");
    let output = run_in(
        dir.path(),
        &["diff", "old.yaml", "new.yaml", "--format", "json"],
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let fields: Vec<&str> = report["changes"][0]
        .as_object()
        .expect("a change is an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        fields,
        [
            "api", "code", "column", "file", "line", "message", "rule", "severity"
        ]
    );
    assert_eq!(report["changes"][0]["code"], serde_json::Value::Null);
}

#[test]
fn usage_errors_exit_2() {
    let dir = TempDir::new("diff-usage");
    pair(dir.path(), &[]);
    for args in [
        &["diff", "old.yaml"][..],
        &["diff", "old.yaml", "missing.yaml"],
        &["diff", "old.yaml", "new.yaml", "--format", "xml"],
    ] {
        let output = run_in(dir.path(), args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    // An empty folder is a mistyped folder.
    std::fs::create_dir(dir.path().join("empty")).expect("a folder");
    let output = run_in(dir.path(), &["diff", "empty", "new.yaml"]);
    assert_eq!(output.status.code(), Some(2));
    // A spec with problems is a finding, reported as check reports it.
    std::fs::write(
        dir.path().join("bad.yaml"),
        BASE.replace("retry: fatal", "retry: often"),
    )
    .expect("write");
    let output = run_in(dir.path(), &["diff", "old.yaml", "bad.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("bad.yaml:"), "{}", stderr(&output));
}

/// Runs `git args` in `dir`, with no user or system configuration.
fn git(dir: &Path, args: &[&str]) -> Output {
    let output = Command::new("git")
        .args([
            "-c",
            "user.name=Spec Author",
            "-c",
            "user.email=author@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(output.status.success(), "git {args:?}: {}", stderr(&output));
    output
}

#[test]
fn against_a_git_revision() {
    let dir = TempDir::new("diff-git");
    let repo = dir.path();
    git(repo, &["init", "--quiet"]);
    std::fs::create_dir(repo.join("spec")).expect("spec folder");
    std::fs::write(repo.join("spec/shop.yaml"), BASE).expect("write spec");
    git(repo, &["add", "spec"]);
    git(repo, &["commit", "--quiet", "-m", "shop spec"]);

    // Nothing changed since HEAD.
    let output = run_in(repo, &["diff", "--against", "HEAD"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "no changes\n");

    // A code removed in the work tree is reported at its line in HEAD's file.
    std::fs::write(repo.join("spec/shop.yaml"), BASE.replace(CODE_5, "")).expect("edit");
    let (_, line, column) = locate("", BASE, "  5:", "5");
    for args in [
        &["diff", "--against", "HEAD"][..],
        &["diff", "--against", "HEAD", "spec"],
        &["diff", "--against", "HEAD", "spec/shop.yaml"],
    ] {
        let output = run_in(repo, args);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{args:?}: {}",
            stderr(&output)
        );
        let expected: BTreeSet<_> = [(
            "HEAD:spec/shop.yaml".to_owned(),
            line,
            column,
            "error".to_owned(),
            "code-removed".to_owned(),
        )]
        .into();
        assert_eq!(headlines(&stdout(&output)), expected, "{args:?}");
    }
    // From inside the spec folder, names stay relative to where the command runs.
    let output = run_in(&repo.join("spec"), &["diff", "--against", "HEAD", "."]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with(&format!(
            "HEAD:shop.yaml:{line}:{column}: error code-removed"
        )),
        "{}",
        stdout(&output)
    );

    // A spec new in the work tree: an added API.
    std::fs::write(
        repo.join("spec/more.yaml"),
        BASE.replace("id: shop", "id: more"),
    )
    .expect("write");
    let output = run_in(
        repo,
        &["diff", "--against", "HEAD", "--allow", "code-removed"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let rules: Vec<String> = headlines(&stdout(&output))
        .into_iter()
        .map(|(file, _, _, _, rule)| format!("{file} {rule}"))
        .collect();
    assert_eq!(rules, ["spec/more.yaml api-added"]);

    // An unknown revision, and a folder outside any repository, are usage errors.
    let output = run_in(repo, &["diff", "--against", "no-such-branch"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no-such-branch"),
        "{}",
        stderr(&output)
    );
    let outside = TempDir::new("diff-no-git");
    std::fs::create_dir(outside.path().join("spec")).expect("spec folder");
    std::fs::write(outside.path().join("spec/shop.yaml"), BASE).expect("write");
    let output = run_in(outside.path(), &["diff", "--against", "HEAD"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("not inside a git work tree"),
        "{}",
        stderr(&output)
    );
}

/// A code's `since` and `changed` are the spec author's record of the history `diff`
/// finds: `explain` (and the docs) show them, and `check` rejects a version that does not
/// exist.
#[test]
fn since_and_changed_are_shown_and_checked() {
    let dir = TempDir::new("diff-changed");
    let with_history = |version: &str| {
        BASE.replace(
            "    http_status: {\"2\": 409}\n    since: \"1\"\n",
            &format!(
                "    http_status: {{\"2\": 409}}\n    since: \"1\"\n    changed:\n      - \
                 version: \"{version}\"\n        note: Sent with HTTP 409 instead of 400.\n"
            ),
        )
    };
    std::fs::create_dir(dir.path().join("spec")).expect("spec folder");
    std::fs::write(dir.path().join("spec/shop.yaml"), with_history("2")).expect("write");
    let output = run_in(dir.path(), &["explain", "shop", "1", "--spec-dir", "spec"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let page = stdout(&output);
    assert!(page.contains("- **Since:** version 1\n"), "{page}");
    assert!(
        page.contains("- **Changed in version 2:** Sent with HTTP 409 instead of 400.\n"),
        "{page}"
    );

    std::fs::write(dir.path().join("spec/shop.yaml"), with_history("7")).expect("write");
    let output = run_in(dir.path(), &["check", "spec"]);
    assert_eq!(output.status.code(), Some(1));
    let text = with_history("7");
    let (_, line, column) = locate("", &text, "version: \"7\"", "\"7\"");
    assert!(
        stderr(&output).contains(&format!(
            "spec/shop.yaml:{line}:{column}: `changed` names unknown version `7`"
        )),
        "{}",
        stderr(&output)
    );
}
