//! The registry's house rules, checked on the checked-in tree the way rustc's tidy checks
//! its error codes: every code documented and with a fixture in every shape, retired codes
//! kept. (Unique names, unassigned reserved numbers and retired codes' notes are rules of
//! the spec loader: a spec that breaks them does not load.)

use std::path::{Path, PathBuf};

use errors_codegen::model::{Family, Lifecycle, Spec};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn specs() -> Vec<Spec> {
    let files = errors_codegen::spec_files(&root().join("spec")).expect("spec/");
    assert!(!files.is_empty(), "no spec in spec/");
    errors_codegen::load_all(&files)
        .unwrap_or_else(|report| panic!("{report}"))
        .into_iter()
        .map(|(_, spec)| spec)
        .collect()
}

fn read(relative: &str) -> String {
    std::fs::read_to_string(root().join(relative))
        .unwrap_or_else(|error| panic!("{relative}: {error}"))
}

#[test]
fn every_code_is_documented_in_the_table_and_in_a_section() {
    for spec in specs() {
        let page = read(&format!("docs/{}.md", spec.id));
        for (number, code) in &spec.codes {
            assert!(
                page.contains(&format!("| [{number}](#{number}) | `{}` |", code.name)),
                "{}: {number} missing from the table",
                spec.id
            );
            let heading = format!("<a id=\"{number}\"></a>\n## {number} {}: ", code.name);
            let at = page
                .find(&heading)
                .unwrap_or_else(|| panic!("{}: no section for {number}", spec.id));
            let section = &page[at..];
            let section = &section[..section[1..].find("<a id=").map_or(section.len(), |e| e + 1)];
            assert!(section.contains("### Examples"), "{}: {number}", spec.id);
            match code.lifecycle {
                Lifecycle::Retired => assert!(section.contains("**Retired**"), "{number}"),
                Lifecycle::Deprecated => assert!(section.contains("**Deprecated**"), "{number}"),
                Lifecycle::Active => assert!(!section.contains("**Retired**"), "{number}"),
            }
        }
        let index = read("docs/README.md");
        assert!(index.contains(&format!("[{0}.md]({0}.md)", spec.id)));
    }
}

/// The shapes a code is sent in, spelled out from the API's rules rather than taken from
/// the generator: Ampache's legacy codes only in the versions that send legacy codes, every
/// other code in every version from its `since` to its `until`, each version in its own
/// formats; the other families once per format.
fn expected_fixtures(spec: &Spec, number: u32) -> Vec<String> {
    let is_legacy = spec.codes.values().any(|code| code.legacy == Some(number));
    let code = &spec.codes[&number];
    let position = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| spec.versions.iter().position(|v| &v.id == id))
    };
    let first = position(&code.since).unwrap_or(0);
    let last = position(&code.until).unwrap_or(spec.versions.len());
    let mut paths = Vec::new();
    for (at, version) in spec.versions.iter().enumerate() {
        if spec.family == Family::Ampache && is_legacy && !version.legacy_codes {
            continue;
        }
        if at < first || at > last {
            continue;
        }
        for format in &version.formats {
            let ext = format.as_str();
            paths.push(if spec.family == Family::Ampache {
                format!(
                    "fixtures/{}/api{}/{ext}/error-{number}.{ext}",
                    spec.id, version.id
                )
            } else {
                format!("fixtures/{}/{ext}/error-{number}.{ext}", spec.id)
            });
        }
    }
    paths.sort();
    paths.dedup();
    paths
}

#[test]
fn every_code_has_a_fixture_in_every_shape_and_it_parses_back() {
    for spec in specs() {
        for (&number, code) in &spec.codes {
            let paths = expected_fixtures(&spec, number);
            assert!(!paths.is_empty(), "{}: {number} has no shape", spec.id);
            for path in paths {
                let body = std::fs::read(root().join(&path))
                    .unwrap_or_else(|error| panic!("{path}: {error}"));
                let parsed = errors_wire::parse(&body)
                    .unwrap_or_else(|error| panic!("{path} does not parse: {error}"));
                assert_eq!(parsed.code, number, "{path}");
                let example = code.example.as_ref().and_then(|e| e.message.as_deref());
                if let Some(message) = example {
                    assert_eq!(parsed.message, message, "{path}");
                }
            }
        }
    }
}

#[test]
fn retired_codes_stay() {
    // Last.fm's radio era (12, 18, 20 to 25) is the registry's history: it must not vanish.
    let lastfm = specs()
        .into_iter()
        .find(|s| s.id == "lastfm")
        .expect("lastfm spec");
    for number in [12, 18, 20, 21, 22, 23, 24, 25] {
        assert_eq!(
            lastfm.codes[&number].lifecycle,
            Lifecycle::Retired,
            "{number}"
        );
    }
}

#[test]
fn the_lastfm_page_warns_that_errors_come_with_200() {
    let page = read("docs/lastfm.md");
    let warning = page.find("> [!WARNING]").expect("a warning");
    assert!(page[warning..].contains("HTTP 200"));
    assert!(warning < page.find("## Codes").expect("a table"));
}

/// Every case input under tests/cases/ has its row in the README's tables, which say what
/// kind of fault it stands for and what its right value is.
#[test]
fn every_case_has_a_row_in_its_readme() {
    let readme = read("tests/cases/README.md");
    let mut missing = Vec::new();
    for folder in ["bodies", "specs"] {
        let dir = root().join("tests/cases").join(folder);
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let name = entry.expect("a directory entry").file_name();
            let file = format!("{folder}/{}", name.to_string_lossy());
            if !readme.contains(&format!("\n| {file} |")) {
                missing.push(file);
            }
        }
    }
    assert!(
        missing.is_empty(),
        "tests/cases/README.md has no row for: {missing:?}"
    );
}
