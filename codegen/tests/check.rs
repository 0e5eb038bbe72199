//! Checking specs: every problem of a file at once, structural and semantic; the stated
//! limits; values quoted within a line; names and ids the generated code or the file system
//! cannot take; repeats in lists; a missing translation as a warning.

use errors_codegen::{MAX_CODES, MAX_SPEC_BYTES, Report, Severity, check_str, load_str};

/// A small valid spec with locales `en` and `fr`, every message translated.
const SHOP: &str = r#"id: shop
title: Shop
docs_url: https://shop.example/docs
family: ampache
json_code: string
code_ranges: [[1, 99]]
locales: [en, fr]
versions:
  - id: "1"
    formats: [xml, json]
    legacy_codes: true
  - id: "2.0"
    formats: [json]
codes:
  1:
    name: OutOfStock
    title: Out of stock
    description: Sold out.
    message: {en: "Item {sku} is out of stock", fr: "Article {sku} épuisé"}
    error_types: [item, stock]
    retry: later
  2:
    name: Expired
    title: Expired
    description: The session expired.
    message: {en: Expired, fr: Expiré}
    retry: reauthenticate
    meanings:
      - name: TokenExpired
        title: Token expired
        description: The token, not the session.
"#;

fn report(text: &str) -> Report {
    match load_str("shop.yaml", text) {
        Ok(_) => panic!("expected problems in:\n{text}"),
        Err(report) => report,
    }
}

/// `line:column: message` of every diagnostic, errors and warnings.
fn headlines(report: &Report) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .map(|d| d.headline().trim_start_matches("shop.yaml:").to_owned())
        .collect()
}

/// The 1-based line and column of byte `at` of `text`.
fn position_at(text: &str, at: usize) -> String {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..at].chars().count() + 1;
    format!("{line}:{column}")
}

/// The line and column at which `needle` first starts in `text`.
fn position(text: &str, needle: &str) -> String {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` in the text"));
    position_at(text, at)
}

/// Asserts that the report has exactly one headline at `needle`'s first position starting
/// with `message`.
fn assert_located(report: &Report, text: &str, needle: &str, message: &str) {
    assert_at(report, &position(text, needle), message);
}

/// Asserts that the report has exactly one headline at `line:column` starting with `message`.
fn assert_at(report: &Report, at: &str, message: &str) {
    let wanted = format!("{at}: {message}");
    let found = headlines(report);
    assert!(
        found.iter().filter(|h| h.starts_with(&wanted)).count() == 1,
        "no `{wanted}` in:\n{report}"
    );
}

#[test]
fn the_example_is_valid_without_warnings() {
    let (spec, report) = check_str("shop.yaml", SHOP);
    assert!(spec.is_some(), "{report}");
    assert!(report.is_empty(), "{report}");
}

#[test]
fn the_shipped_specs_have_no_problem_not_even_a_warning() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    let files = errors_codegen::spec_files(&dir).expect("spec/");
    let (specs, report) = errors_codegen::check_all(&files);
    assert_eq!(specs.len(), files.len(), "{report}");
    assert!(report.is_empty(), "{report}");
}

// ---- Every problem at once ----

#[test]
fn an_unknown_key_and_a_code_out_of_range_are_both_reported() {
    let text = SHOP
        .replacen("family: ampache\n", "family: ampache\ncolour: red\n", 1)
        .replacen("  2:\n", "  200:\n", 1);
    let report = report(&text);
    assert_located(
        &report,
        &text,
        "colour",
        "unknown key `colour` at the top level",
    );
    assert_located(
        &report,
        &text,
        "200:",
        "code 200 is outside the declared code_ranges (1-99)",
    );
    assert_eq!(report.len(), 2, "{report}");
}

/// A code missing a required field is reported, and the rules still run on every other
/// code, and on the rest of the file.
#[test]
fn a_missing_field_does_not_hide_the_rules() {
    let text = SHOP
        .replacen("    retry: later\n", "", 1)
        .replacen("name: Expired", "name: ALL", 1)
        .replacen("locales: [en, fr]", "locales: [en, fr, en]", 1);
    let report = report(&text);
    assert_located(
        &report,
        &text,
        "name: OutOfStock",
        "missing required key `retry` in `codes.1`",
    );
    assert_located(&report, &text, "ALL", "`ALL` cannot be a variant name");
    assert_located(&report, &text, "en]", "locale `en` is listed twice");
    assert_eq!(report.len(), 3, "{report}");
}

/// A value of the wrong type, a word not in the vocabulary and a missing top-level key are
/// reported with the rules' problems; what is only missing is not reported again.
#[test]
fn wrong_types_and_missing_keys_come_with_the_rules() {
    let text = SHOP
        .replacen("title: Shop\n", "", 1)
        .replacen("retry: later", "retry: sometimes", 1)
        .replacen("error_types: [item, stock]", "error_types: {item: 1}", 1)
        .replacen("name: Expired", "name: not_found", 1);
    let report = report(&text);
    assert_located(&report, &text, "id: shop", "missing required key `title`");
    assert_located(
        &report,
        &text,
        "sometimes",
        "`sometimes` is not allowed at `codes.1.retry`",
    );
    assert_located(
        &report,
        &text,
        "{item",
        "expected a list at `codes.1.error_types`",
    );
    assert_located(
        &report,
        &text,
        "not_found",
        "`not_found` cannot be a variant name",
    );
    assert_eq!(report.len(), 4, "{report}");
}

/// What is only missing because a part was cut or broken is not reported again by a rule:
/// no "no codes", no unknown version, no unknown legacy code.
#[test]
fn what_is_unread_is_not_reported_again() {
    let cut = &SHOP[..SHOP.find("versions:").expect("versions")];
    let found = report(cut);
    assert_eq!(
        headlines(&found),
        ["1:1: missing required keys `versions`, `codes`"],
        "{found}"
    );

    // Version 2.0 and code 1 cannot be read; code 2 names both.
    let text = SHOP
        .replacen("    formats: [json]\n", "", 1)
        .replacen("    title: Out of stock\n", "", 1)
        .replacen(
            "    retry: reauthenticate\n",
            "    retry: reauthenticate\n    since: \"2.0\"\n    legacy: 1\n",
            1,
        );
    let report = report(&text);
    assert_located(
        &report,
        &text,
        "id: \"2.0\"",
        "missing required key `formats` in `versions.1`",
    );
    assert_located(
        &report,
        &text,
        "name: OutOfStock",
        "missing required key `title` in `codes.1`",
    );
    assert_eq!(report.len(), 2, "{report}");
}

/// Problems come sorted by position, whatever pass found them.
#[test]
fn problems_come_in_file_order() {
    let text = SHOP
        .replacen("name: OutOfStock", "name: ALL", 1)
        .replacen(
            "description: Sold out.",
            "description: Sold out.\n    colour: red",
            1,
        )
        .replacen("  2:\n", "  200:\n", 1);
    let report = report(&text);
    let positions: Vec<_> = report.diagnostics.iter().map(|d| d.pos).collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted);
    assert_eq!(report.len(), 3, "{report}");
}

// ---- Linear in the problems and the codes ----

/// Ten thousand problems are all reported, each at its own code, and shown with its line.
/// (How long it takes is a benchmark's business, not a test's.)
#[test]
fn ten_thousand_problems_are_all_reported() {
    let text = errors_codegen::synthetic::spec_text("many", 10_000).replacen(
        "code_ranges: [[0, 4000000000]]",
        "code_ranges: [[1, 2]]",
        1,
    );
    let report = report(&text);
    assert_eq!(report.len(), 10_000);
    let shown = report.to_string();
    assert!(shown.ends_with("10000 problems found"));
    assert!(shown.contains("code 69996 is outside the declared code_ranges (1-2)"));
    assert!(
        shown.contains("  69996:\n"),
        "the last code's line is shown"
    );
}

/// Ten thousand structural problems (an unknown key in every code) and the semantic ones of
/// the same codes come together.
#[test]
fn ten_thousand_structural_problems_come_with_the_semantic_ones() {
    let text = errors_codegen::synthetic::spec_text("many", 10_000)
        .replace("    retry: never\n", "    retry: never\n    colour: red\n")
        .replacen(
            "code_ranges: [[0, 4000000000]]",
            "code_ranges: [[0, 99]]",
            1,
        );
    let report = report(&text);
    let unknown = report
        .diagnostics
        .iter()
        .filter(|d| d.message.starts_with("unknown key `colour`"))
        .count();
    let outside = report
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("outside the declared code_ranges"))
        .count();
    assert_eq!((unknown, outside), (10_000, 10_000 - 14));
}

/// A valid spec of 40,000 codes loads (the YAML reader's default budget of 250,000 nodes
/// refused it).
#[test]
fn a_valid_spec_of_40000_codes_loads() {
    let text = errors_codegen::synthetic::spec_text("big", 40_000);
    let spec = load_str("big.yaml", &text).unwrap_or_else(|report| panic!("{report}"));
    assert_eq!(spec.codes.len(), 40_000);
}

// ---- Stated limits ----

#[test]
fn a_spec_larger_than_16_mib_is_refused_unread() {
    let text = format!("# {}\n", "x".repeat(MAX_SPEC_BYTES));
    let report = report(&text);
    assert_eq!(report.len(), 1);
    let headline = report.diagnostics[0].headline();
    assert!(
        headline.starts_with("shop.yaml:1:1: the spec is 16.0 MiB (16777219 bytes); a spec may be at most 16 MiB (16777216 bytes)"),
        "{headline}"
    );
    let bytes = errors_codegen::load_bytes("shop.yaml", text.as_bytes());
    assert!(bytes.is_err());
}

#[test]
fn more_codes_than_the_limit_are_refused_at_codes() {
    let mut text = SHOP[..=SHOP.find("\ncodes:").expect("codes")].to_owned();
    text.push_str("codes: {");
    for code in 0..=MAX_CODES {
        text.push_str(&format!("{code}: 0, "));
    }
    text.push_str("}\n");
    let report = report(&text);
    assert_eq!(report.len(), 1, "{report}");
    assert_located(
        &report,
        &text,
        "codes: {",
        "`codes` holds 100001 codes; a spec may hold at most 100000",
    );
}

/// Aliases that repeat a part of the file past what its size can hold are refused, at the
/// alias, with the reason.
#[test]
fn an_alias_bomb_is_refused_with_the_reason() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..9 {
        let aliases = vec![format!("*a{}", level - 1); 10].join(", ");
        text.push_str(&format!("a{level}: &a{level} [{aliases}]\n"));
    }
    let report = report(&text);
    assert_eq!(report.len(), 1, "{report}");
    let message = &report.diagnostics[0].message;
    assert!(
        message.starts_with(
            "the spec is beyond what the YAML reader accepts: anchors (`&name`), nested or \
             holding aliases (`*name`), copy more of it"
        ),
        "{message}"
    );
    assert!(report.diagnostics[0].pos.line > 1);
}

// ---- Quoting ----

#[test]
fn a_long_value_is_quoted_within_a_line() {
    // (A plain key may be at most 1,024 characters long in YAML.)
    let long = "é".repeat(500);
    for text in [
        SHOP.replacen("family: ampache", &format!("family: {long}"), 1),
        SHOP.replacen("family: ampache", &format!("family: ampache\n{long}: 1"), 1),
        SHOP.replacen("name: Expired", &format!("name: {long}"), 1),
    ] {
        let report = report(&text);
        for diagnostic in &report.diagnostics {
            let headline = diagnostic.headline();
            // The value is cut to a line's share; the rest of the headline is the rule's own.
            assert!(
                headline.chars().filter(|&c| c == 'é').count() <= 60,
                "{headline}"
            );
            assert!(headline.contains("éé…`"), "{headline}");
        }
    }
}

/// A value with a line break or a terminal escape cannot forge an output line.
#[test]
fn control_characters_in_a_value_are_escaped() {
    let text = SHOP.replacen("name: Expired", "name: \"Bad\\n\\e[31mName\"", 1);
    let report = report(&text);
    assert_eq!(report.len(), 1, "{report}");
    assert!(
        report.diagnostics[0]
            .message
            .starts_with("`Bad\\n\\u{1b}[31mName` cannot be a variant name"),
        "{report}"
    );
}

/// A code key too large for a code is reported once, located once.
#[test]
fn a_code_key_out_of_range_is_located_once() {
    let text = SHOP.replacen("  2:\n", "  99999999999:\n", 1);
    let report = report(&text);
    assert_eq!(report.len(), 1, "{report}");
    assert_located(
        &report,
        &text,
        "99999999999",
        "`99999999999` is not a valid key at `codes`: expected a number from 0 to 4294967295",
    );
    assert!(!report.diagnostics[0].message.contains("line"));
}

// ---- Names and ids ----

/// The case the issue brought: a version id that climbs out of the output folder.
#[test]
fn a_version_id_that_is_a_path_is_rejected() {
    let text = SHOP.replacen(
        "  - id: \"1\"\n",
        "  - id: \"/../../../../escaped-fixtures\"\n",
        1,
    );
    let report = report(&text);
    assert_located(
        &report,
        &text,
        "\"/../",
        "`/../../../../escaped-fixtures` cannot be a version id: it names folders \
         (`fixtures/<api>/api<version>/`), and it must start with an ASCII letter or digit",
    );
}

#[test]
fn version_ids_must_be_plain_file_names() {
    for (id, why) in [
        ("\"\"", "it is empty"),
        ("\".\"", "it must start with an ASCII letter or digit"),
        ("\"..\"", "it must start with an ASCII letter or digit"),
        ("\"/etc\"", "it must start with an ASCII letter or digit"),
        ("\"1/2\"", "it may hold only ASCII letters, digits"),
        ("'a\\b'", "it may hold only ASCII letters, digits"),
        ("\"a\\tb\"", "it may hold only ASCII letters, digits"),
        ("\"1..2\"", "it holds `..`"),
    ] {
        let text = SHOP.replacen("  - id: \"2.0\"\n", &format!("  - id: {id}\n"), 1);
        let report = report(&text);
        let at = position(&text, &format!("id: {id}"));
        let (line, column) = at.split_once(':').expect("line:column");
        let column: usize = column.parse().expect("column");
        let wanted = format!("{line}:{}: ", column + 4);
        let found = headlines(&report);
        assert!(
            found
                .iter()
                .any(|h| h.starts_with(&wanted) && h.contains(why)),
            "{id}: `{wanted}...{why}` in:\n{report}"
        );
    }
    for id in [
        "\"3\"",
        "\"6\"",
        "\"1.16.1\"",
        "\"2.0\"",
        "opensubsonic",
        "v2-beta_1",
    ] {
        let text = SHOP.replacen("  - id: \"2.0\"\n", &format!("  - id: {id}\n"), 1);
        let (spec, report) = check_str("shop.yaml", &text);
        assert!(spec.is_some(), "{id}: {report}");
    }
}

#[test]
fn an_api_id_longer_than_a_file_name_may_be_is_rejected() {
    let long = "a".repeat(65);
    let text = SHOP.replacen("id: shop", &format!("id: {long}"), 1);
    let report = report(&text);
    assert_located(
        &report,
        &text,
        &long,
        &format!("`{}…` cannot be the API id: it names files", &long[..59]),
    );
}

/// `ALL` would hide the catalog's list of codes, `ErrorCode::ALL`: it is refused with the
/// reason. Every other name the generated code or errors-core uses builds, and is a variant
/// name like any other.
#[test]
fn a_name_that_hides_the_list_of_codes_is_rejected_with_the_reason() {
    let text = SHOP.replacen("name: Expired", "name: ALL", 1);
    let report = report(&text);
    assert_located(
        &report,
        &text,
        "ALL\n",
        "`ALL` cannot be a variant name: it is the name of the catalog's list of codes, \
         `ErrorCode::ALL`, which a variant of that name would hide",
    );
    for name in [
        "Error",
        "Err",
        "Ok",
        "Some",
        "None",
        "Option",
        "Result",
        "API",
        "CODES",
        "NEAREST",
        "KnownCodes",
        "VARIANTS",
        "ErrorCode",
        "Catalog",
        "Display",
        "FromStr",
        "TryFrom",
        "Default",
        "BY_NAME",
        "Not_Found",
        "V1_16_1",
        "All",
    ] {
        let text = SHOP.replacen("name: Expired", &format!("name: {name}"), 1);
        let (spec, report) = check_str("shop.yaml", &text);
        assert!(spec.is_some(), "{name}: {report}");
    }
}

// ---- Repeats in lists, and a code that is its own legacy ----

#[test]
fn a_locale_listed_twice_is_an_error() {
    let text = SHOP.replacen("locales: [en, fr]", "locales: [en, fr, fr]", 1);
    let report = report(&text);
    assert_located(
        &report,
        &text,
        "fr]",
        "locale `fr` is listed twice in `locales`",
    );
    assert_eq!(report.diagnostics[0].notes.len(), 1, "{report}");
}

#[test]
fn a_format_listed_twice_is_an_error() {
    let text = SHOP.replacen("formats: [json]", "formats: [json, xml, json]", 1);
    let report = report(&text);
    let second = text.rfind("json]").expect("the second json");
    assert_at(
        &report,
        &position_at(&text, second),
        "format `json` is listed twice for version `2.0`",
    );
}

#[test]
fn a_meaning_listed_twice_is_an_error() {
    let meaning = "      - name: TokenExpired\n        title: Token expired\n        \
                   description: The token, not the session.\n";
    let text = format!("{SHOP}{meaning}");
    let report = report(&text);
    let second = text.rfind("TokenExpired").expect("the second meaning");
    assert_at(
        &report,
        &position_at(&text, second),
        "meaning `TokenExpired` is listed twice for code 2",
    );
}

#[test]
fn an_error_type_listed_twice_is_an_error() {
    let text = SHOP.replacen("[item, stock]", "[item, stock, item]", 1);
    let report = report(&text);
    assert_located(
        &report,
        &text,
        "item]",
        "error type `item` is listed twice for code 1",
    );
}

#[test]
fn a_code_that_is_its_own_legacy_is_an_error() {
    let text = SHOP.replacen("    retry: later\n", "    retry: later\n    legacy: 1\n", 1);
    let report = report(&text);
    assert_located(
        &report,
        &text,
        "1\n  2:",
        "code 1 names itself as its legacy equivalent",
    );
}

// ---- A missing translation is a warning ----

#[test]
fn a_missing_translation_is_a_warning_not_an_error() {
    let text = SHOP.replacen("message: {en: Expired, fr: Expiré}", "message: Expired", 1);
    let (spec, report) = check_str("shop.yaml", &text);
    assert!(spec.is_some(), "a warning does not stop the spec: {report}");
    assert!(load_str("shop.yaml", &text).is_ok());
    assert!(!report.has_errors());
    assert_eq!((report.error_count(), report.warning_count()), (0, 1));
    let warning = &report.diagnostics[0];
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(
        warning.headline(),
        format!(
            "shop.yaml:{}: warning: message has no translation into `fr`, declared in \
             `locales`: clients asking for it get the `en` text",
            position(&text, "Expired\n    retry")
        )
    );
    let shown = report.to_string();
    assert!(shown.contains("warning"), "{shown}");
    assert!(shown.ends_with("1 warning found"), "{shown}");
}

/// Errors and warnings come in one report; the errors make it fail.
#[test]
fn warnings_come_with_errors() {
    let text = SHOP
        .replacen(
            "message: {en: Expired, fr: Expiré}",
            "message: {en: Expired}",
            1,
        )
        .replacen("name: OutOfStock", "name: ALL", 1);
    let report = report(&text);
    assert_eq!((report.error_count(), report.warning_count()), (1, 1));
    assert!(report.to_string().ends_with("1 error and 1 warning found"));
}

/// Names that cannot be variants are refused with the reason: Rust keywords, and names that
/// are not UpperCamelCase (the generated code's method names among them).
#[test]
fn keywords_and_method_names_are_refused_with_the_reason() {
    for (name, why) in [
        ("Self", "it is a Rust keyword"),
        ("type", "it is a Rust keyword"),
        ("match", "it is a Rust keyword"),
        ("async", "it is a Rust keyword"),
        ("code", "it must start with an uppercase letter"),
        ("name", "it must start with an uppercase letter"),
        ("message", "it must start with an uppercase letter"),
        ("from_code", "it must start with an uppercase letter"),
        ("_Hidden", "it must start with an uppercase letter"),
    ] {
        let text = SHOP.replacen("name: Expired", &format!("name: {name}"), 1);
        let report = report(&text);
        assert_located(
            &report,
            &text,
            &format!("{name}\n    title: Expired"),
            &format!("`{name}` cannot be a variant name: {why}"),
        );
    }
}

/// Two version ids that become the same variant name (`1.0` and `1-0` are both `V1_0`)
/// are refused at the second.
#[test]
fn version_ids_with_one_variant_name_are_refused() {
    let text = SHOP
        .replacen("  - id: \"2.0\"\n", "  - id: \"1.0\"\n", 1)
        .replacen("  - id: \"1\"\n", "  - id: \"1-0\"\n", 1);
    let report = report(&text);
    assert_located(
        &report,
        &text,
        "\"1.0\"",
        "version name `V1_0` is used twice",
    );
}

/// Version ids that differ only in case (`b1`, `B1`) name one fixture folder
/// (`api<version>`) where the file system ignores case: refused at the second, naming both,
/// with a note at the first.
#[test]
fn version_ids_that_differ_only_in_case_are_refused() {
    let text = SHOP
        .replacen("  - id: \"1\"\n", "  - id: \"b1\"\n", 1)
        .replacen("  - id: \"2.0\"\n", "  - id: \"B1\"\n", 1);
    let report = report(&text);
    assert_eq!(report.len(), 1, "{report}");
    assert_located(
        &report,
        &text,
        "\"B1\"",
        "version `B1` differs from version `b1` only in case: both name the folder \
         `fixtures/<api>/api<version>/`",
    );
    let (note, _) = report.diagnostics[0].notes[0];
    assert_eq!(
        format!("{}:{}", note.line, note.column),
        position(&text, "\"b1\"")
    );
}

/// A build script generates a spec with warnings only; a spec with an error stops it.
#[test]
fn a_build_goes_on_with_warnings_and_stops_at_errors() {
    let dir = std::env::temp_dir().join(format!("errors-codegen-build-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let spec = dir.join("shop.yaml");
    let warned = SHOP.replacen("message: {en: Expired, fr: Expiré}", "message: Expired", 1);
    std::fs::write(&spec, &warned).expect("write spec");
    let built = errors_codegen::Build::new()
        .quiet()
        .spec(&spec)
        .out_dir(&dir)
        .generate();
    let written = built.unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(written, [dir.join("shop.rs")]);
    let broken = warned.replacen("name: OutOfStock", "name: ALL", 1);
    std::fs::write(&spec, broken).expect("write spec");
    let refused = errors_codegen::Build::new()
        .quiet()
        .spec(&spec)
        .out_dir(&dir)
        .generate();
    let _ = std::fs::remove_dir_all(&dir);
    match refused {
        Err(errors_codegen::Error::Spec(report)) => {
            assert_eq!((report.error_count(), report.warning_count()), (1, 1));
        }
        other => panic!("expected the spec's problems, got {other:?}"),
    }
}

/// `json_code` must be how the family's bodies carry the code (Ampache a string, Last.fm,
/// Subsonic and problem details a number), located at its value with the reason.
#[test]
fn json_code_must_be_the_familys() {
    for (family, wrong, right) in [
        ("ampache", "number", "string"),
        ("lastfm", "string", "number"),
        ("subsonic", "string", "number"),
        ("problem", "string", "number"),
    ] {
        let text = SHOP
            .replacen("family: ampache", &format!("family: {family}"), 1)
            .replacen("json_code: string", &format!("json_code: {wrong}"), 1);
        let line = text
            .lines()
            .position(|l| l.starts_with("json_code:"))
            .map(|at| at + 1)
            .expect("a json_code line");
        let report = errors_codegen::load_str("shop.yaml", &text)
            .expect_err("a json_code the family does not use")
            .to_string();
        assert!(
            report.contains(&format!(
                "shop.yaml:{line}:12: `json_code: {wrong}` does not match the wire"
            )),
            "{family}: {report}"
        );
        assert!(
            report.contains(&format!("carry the code as a JSON {right}"))
                && report.contains(&format!("write `json_code: {right}`")),
            "{family}: {report}"
        );
        let fixed = text.replacen(
            &format!("json_code: {wrong}"),
            &format!("json_code: {right}"),
            1,
        );
        let fixed = errors_codegen::load_str("shop.yaml", &fixed).map(|_| ());
        assert!(
            !fixed
                .as_ref()
                .is_err_and(|r| r.to_string().contains("json_code")),
            "{family}: {fixed:?}"
        );
    }
}

/// A YAML tag changes how a value is read (`!!binary` decodes base64, `!!str` turns a
/// number into text) or asks for a type no spec has (`!custom`): each one, on a value, a
/// key or a collection, is an error at the tag, all reported at once with the other
/// problems.
#[test]
fn every_yaml_tag_is_an_error_at_the_tag() {
    let text = SHOP
        .replacen("title: Shop", "title: !custom Shop", 1)
        .replacen(
            "docs_url: https://shop.example/docs",
            "docs_url: !!binary aHR0cHM6Ly9zaG9wLmV4YW1wbGUvZG9jcw==",
            1,
        )
        .replacen("  - id: \"1\"", "  - id: !!str 1", 1)
        .replacen("locales: [en, fr]", "locales: !!seq [en, fr]", 1)
        .replacen("    name: Expired", "    !!str name: Expired", 1)
        .replacen("family: ampache", "family: ampache\nextra: 1", 1);
    let report = report(&text);
    for (needle, tag) in [
        ("!custom", "!custom"),
        ("!!binary", "!!binary"),
        ("!!str 1", "!!str"),
        ("!!seq", "!!seq"),
        ("!!str name", "!!str"),
    ] {
        assert_located(
            &report,
            &text,
            needle,
            &format!("the YAML tag `{tag}` is not allowed in a spec"),
        );
    }
    // The other problems come too.
    assert_located(&report, &text, "extra", "");
    assert!(report.has_errors());
}

/// A tag the reader cannot hold in a value (`!custom` on a map) is still reported by
/// itself, not as a syntax error.
#[test]
fn a_custom_tag_on_a_map_is_reported_as_a_tag() {
    let text = SHOP.replacen(
        "    message: {en: Expired",
        "    message: !custom {en: Expired",
        1,
    );
    let report = report(&text);
    assert_located(
        &report,
        &text,
        "!custom",
        "the YAML tag `!custom` is not allowed in a spec",
    );
    assert_eq!(report.error_count(), 1, "{report}");
}

/// A spec written on one line of a megabyte: each excerpt shows the line cut around the
/// token, with `…` where it was cut, and the carets under the token.
#[test]
fn a_huge_line_is_cut_around_the_token() {
    let code = |n: u32| {
        format!("{n}: {{name: Code{n}, title: T, description: D, message: M, retry: never}}, ")
    };
    let mut text = String::from(
        "{id: shop, title: Shop, docs_url: https://shop.example/docs, family: ampache, \
         json_code: string, code_ranges: [[1, 20000]], locales: [en], versions: [{id: \"1\", \
         formats: [xml]}], codes: {",
    );
    for n in 1..=14_000 {
        text.push_str(&code(n));
        if n == 7_000 {
            text.push_str("19999: {name: Late, colour: red, title: T, description: D, message: M, retry: never}, ");
        }
    }
    text.push_str("}}\n");
    assert!(text.len() > 1_000_000 && text.lines().count() == 1);
    let report = report(&text);
    assert_located(&report, &text, "colour", "unknown key");
    let shown = report.to_string();
    for line in shown.lines() {
        assert!(
            line.chars().count() < 400,
            "a line of {} characters",
            line.chars().count()
        );
    }
    let lines: Vec<&str> = shown.lines().collect();
    let excerpt = lines
        .iter()
        .position(|l| l.contains("colour: red"))
        .unwrap_or_else(|| panic!("no excerpt in:\n{shown}"));
    assert!(lines[excerpt].starts_with("1 | …") && lines[excerpt].ends_with('…'));
    let at = lines[excerpt].find("colour").expect("the key") - "1 | ".len();
    let carets = lines[excerpt + 1]
        .strip_prefix("  | ")
        .expect("the carets' line");
    // `…` takes one column and three bytes.
    assert_eq!(
        carets,
        format!("{}{}", " ".repeat(at - 2), "^".repeat("colour".len()))
    );
}

/// A token of a megabyte is shown by its start, cut with `…`.
#[test]
fn a_huge_token_is_cut_in_the_excerpt() {
    let long = "x".repeat(1_000_000);
    let text = SHOP.replacen("family: ampache", &format!("family: {long}"), 1);
    let shown = report(&text).to_string();
    let excerpt = shown
        .lines()
        .find(|l| l.starts_with("4 | family: xxx"))
        .unwrap_or_else(|| panic!("no excerpt in:\n{}", &shown[..2000.min(shown.len())]));
    assert_eq!(excerpt, format!("4 | family: {}…", "x".repeat(100 + 100)));
    assert!(shown.lines().all(|l| l.chars().count() < 400));
}

/// An integer of more digits than YAML reads as one is quoted as written, as out of range,
/// never as the float the reader made of it (`1e+23`, "found a number").
#[test]
fn a_huge_integer_is_quoted_as_written() {
    let huge = "100000000000000000000000";
    let text = SHOP
        .replacen(
            "code_ranges: [[1, 99]]",
            &format!("code_ranges: [[1, {huge}]]"),
            1,
        )
        .replacen(
            "    retry: later",
            &format!("    retry: later\n    legacy: -{huge}"),
            1,
        )
        .replacen(
            "  - id: \"2.0\"",
            "  - id: \"2.0\"\n    http_status: 0x1000",
            1,
        );
    let found = report(&text);
    assert_located(
        &found,
        &text,
        huge,
        &format!("{huge} is out of range at `code_ranges.0.1`: expected 0 to 4294967295"),
    );
    assert_located(
        &found,
        &text,
        &format!("-{huge}"),
        &format!("-{huge} is out of range at `codes.1.legacy`: expected 0 to 4294967295"),
    );
    assert_located(
        &found,
        &text,
        "0x1000",
        "0x1000 is out of range at `versions.1.http_status`: expected 100 to 599",
    );
    // A number of 300 digits is cut in the headline; one beyond a float's range too.
    for digits in [300, 1000] {
        let text = SHOP.replacen(
            "code_ranges: [[1, 99]]",
            &format!("code_ranges: [[1, {}]]", "9".repeat(digits)),
            1,
        );
        let cut = report(&text);
        assert_located(&cut, &text, "999", "");
        let headline = cut.diagnostics[0].headline();
        assert!(
            headline.contains(&format!("{}…", "9".repeat(59))) && headline.len() < 250,
            "{headline}"
        );
    }
}

/// YAML's non-finite numbers (`.inf`, `-.inf`, `.nan`, and `1e400`, past a float's range)
/// are numbers like any other: one where the spec wants an integer is a type error at the
/// number, and the file's other problems are still all reported.
#[test]
fn a_non_finite_number_is_a_located_type_error_among_the_others() {
    for number in [".inf", "-.inf", ".nan", "1e400"] {
        let text = SHOP
            .replacen("code_ranges: [[1, 99]]", "code_ranges: [[-5, 1.5]]", 1)
            .replacen("    retry: later", "    retry: nope", 1)
            .replacen(
                "    retry: reauthenticate",
                &format!("    retry: reauthenticate\n    http_status: {number}"),
                1,
            );
        let found = report(&text);
        assert_eq!(found.len(), 4, "{found}");
        assert_located(
            &found,
            &text,
            number,
            "expected an integer or a map at `codes.2.http_status`, found a number",
        );
        assert_located(
            &found,
            &text,
            "-5",
            "-5 is out of range at `code_ranges.0.0`: expected 0 to 4294967295",
        );
        assert_located(
            &found,
            &text,
            "1.5",
            "expected an integer at `code_ranges.0.1`, found a number",
        );
        assert_located(
            &found,
            &text,
            "nope",
            "`nope` is not allowed at `codes.1.retry`",
        );
    }
    // Where the spec wants text, the number is its text as written.
    let text = SHOP.replacen("title: Shop", "title: .inf", 1);
    let spec = load_str("shop.yaml", &text).unwrap_or_else(|report| panic!("{report}"));
    assert_eq!(spec.title, ".inf");
}

/// The reader's limits are refused in the spec's terms, at what passes them: no type name
/// or advice of the YAML library's own.
fn assert_plain(report: &Report, expected_start: &str) {
    assert_eq!(report.len(), 1, "{report}");
    let message = &report.diagnostics[0].message;
    assert!(message.starts_with(expected_start), "{message}");
    for internal in ["{", "_", "from_str", "syntax error", "Recorded", "replay"] {
        assert!(!message.contains(internal), "`{internal}` in {message}");
    }
}

/// Anchors nested in anchors copy each node once per anchor around it: past what the
/// reader keeps, the refusal says so.
#[test]
fn anchors_that_copy_too_much_are_refused_in_plain_words() {
    let depth = 60;
    let mut text = String::from("a: ");
    for level in 0..depth {
        text.push_str(&format!("&n{level} ["));
    }
    text.push_str(&vec!["x"; 20_000].join(", "));
    text.push_str(&"]".repeat(depth));
    text.push('\n');
    assert_plain(
        &report(&text),
        "the spec is beyond what the YAML reader accepts: anchors (`&name`), nested or holding \
         aliases (`*name`), copy more of it than a spec of its size can hold",
    );
}

/// An anchor replayed by aliases past the reader's limit is refused at the alias that
/// passes it, named as written.
#[test]
fn aliases_that_repeat_too_much_are_refused_at_the_alias() {
    let mut text = format!("a: &big [{}]\n", vec!["x"; 1_000].join(", "));
    // 1,002 nodes each: the tenth passes 10,000.
    text.push_str(&format!("b: [{}]\n", ["*big"; 10].join(", ")));
    let report = report(&text);
    assert_plain(
        &report,
        "the spec is beyond what the YAML reader accepts: aliases (`*name`) repeat more of it \
         than a spec of its size can hold (`*big` is where the limit is passed)",
    );
    assert_at(
        &report,
        &position_at(&text, text.rfind("*big").unwrap_or(0)),
        "the spec",
    );
}

/// What aliases may add grows with the file, from 10,000 nodes: a small file's aliases are
/// refused after 10,000 nodes (not after a million, which took seconds), a larger file's
/// after as many nodes as it has bytes.
#[test]
fn aliases_may_repeat_as_many_nodes_as_the_file_has_bytes() {
    let refused = |text: &str| {
        let (_, report) = check_str("shop.yaml", text);
        report
            .diagnostics
            .iter()
            .any(|d| d.message.contains("beyond what the YAML reader accepts"))
    };
    // `count` aliases of an anchored list of `items` items (`items + 2` nodes), after
    // `padding` bytes of comment.
    let bomb = |padding: usize, items: usize, count: usize| {
        let mut text = format!("# {}\n", "p".repeat(padding));
        text.push_str(&format!("a: &a [{}]\n", vec!["x"; items].join(", ")));
        text.push_str(&format!("b: [{}]\n", vec!["*a"; count].join(", ")));
        text
    };
    assert!(!refused(&bomb(0, 1_000, 9)));
    assert!(refused(&bomb(0, 1_000, 11)));
    // 230 KB: 200,040 nodes repeated are within, 250,050 beyond.
    assert!(!refused(&bomb(200_000, 10_000, 20)));
    assert!(refused(&bomb(200_000, 10_000, 25)));
    // Nested aliases, ten times over at each level: refused within the first thousand
    // copies of the third level, long before the fifth.
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..9 {
        let aliases = vec![format!("*a{}", level - 1); 10].join(", ");
        text.push_str(&format!("a{level}: &a{level} [{aliases}]\n"));
    }
    let report = report(&text);
    assert_eq!(report.diagnostics[0].pos.line, 4, "{report}");
}

/// Every spec of the project, and a synthetic one of 10,000 codes, is within the reader's
/// limits.
#[test]
fn every_real_spec_is_within_the_reader_limits() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut texts = Vec::new();
    let dirs = [
        "spec",
        "tests/spec",
        "tests/cases/specs",
        "examples/shop/spec",
        "cli/spec",
        "cli/tests/diff",
    ];
    for dir in dirs {
        for file in errors_codegen::spec_files(&root.join(dir)).expect("a spec folder") {
            let text = std::fs::read_to_string(&file).expect("a readable spec");
            texts.push((file.display().to_string(), text));
        }
    }
    assert!(texts.len() >= 14, "{}", texts.len());
    texts.push((
        "synthetic".to_owned(),
        errors_codegen::synthetic::spec_text("synthetic", 10_000),
    ));
    for (name, text) in &texts {
        let (_, report) = check_str(name, text);
        assert!(
            report
                .diagnostics
                .iter()
                .all(|d| !d.message.contains("YAML")),
            "{name}: {report}"
        );
    }
}

/// A second YAML document is refused at the `---` that starts it (or the `...` that ends
/// the first), in the spec's terms.
#[test]
fn a_second_document_is_refused_at_its_marker() {
    let text = format!("{SHOP}---\nid: other\n");
    let found = report(&text);
    assert_plain(
        &found,
        "a spec is one YAML document, and this `---` starts a second one",
    );
    assert_located(&found, &text, "---", "a spec is one YAML document");
    let text = format!("---\n{SHOP}...\nid: other\n");
    let found = report(&text);
    assert_plain(
        &found,
        "a spec is one YAML document, and this `...` ends it before more YAML",
    );
    assert_located(&found, &text, "...", "a spec is one YAML document");
}

/// A tab used as indentation is reported at the tab, wherever it is among the blanks, and
/// whichever line before it the parser blames.
#[test]
fn a_tab_in_indentation_is_reported_at_the_tab() {
    let cases = [
        ("    title: Expired", "\t", 1),
        ("    title: Expired", "\t ", 1),
        ("    title: Expired", "\t\t", 1),
        ("    title: Expired", "  \t", 3),
        ("  - id: \"2.0\"", "\t", 1),
        ("  - id: \"2.0\"", " \t", 2),
        ("  1:", "\t", 1),
    ];
    for (line, indent, column) in cases {
        let content = line.trim_start();
        let text = SHOP.replacen(line, &format!("{indent}{content}"), 1);
        let line = text
            .lines()
            .position(|l| l.ends_with(content))
            .map_or(0, |i| i + 1);
        let found = report(&text);
        assert_eq!(found.len(), 1, "{found}");
        assert_at(
            &found,
            &format!("{line}:{column}"),
            "YAML syntax error: a tab in indentation; YAML indents with spaces only",
        );
    }
}

/// An API id names a module (`pub mod <id>`) and files: Rust's weak keywords (`union`,
/// `raw`, `safe`, `macro_rules`) are plain identifiers there and are accepted; strict and
/// reserved keywords are not.
#[test]
fn weak_keywords_are_api_ids_and_strict_ones_are_not() {
    for id in ["union", "raw", "safe", "macro_rules"] {
        let text = SHOP.replacen("id: shop", &format!("id: {id}"), 1);
        let (spec, found) = check_str("shop.yaml", &text);
        assert!(spec.is_some(), "{id}: {found}");
    }
    for id in ["type", "gen", "try", "dyn", "abstract", "self"] {
        let text = SHOP.replacen("id: shop", &format!("id: {id}"), 1);
        assert_located(
            &report(&text),
            &text,
            id,
            &format!("`{id}` cannot be the API id: it is a Rust keyword"),
        );
    }
}
