//! Specs that pass `check` give catalogs that build and behave: the spec cases of
//! `cases/specs/` and the random specs of the build-time property test (build/), all compiled
//! into this crate under `#![deny(warnings)]` by its build script.

use std::collections::BTreeMap;
use std::path::Path;

use errors_core::Catalog;
use errors_tests::{VisitCatalog, cases, random_specs};

/// Every spec case is accounted for: refused by `check` at a line and column of its file,
/// or compiled into this crate.
#[test]
fn every_spec_case_is_refused_with_a_location_or_builds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases/specs");
    let files = errors_codegen::spec_files(&dir).expect("the case specs");
    assert!(files.len() >= 4, "{files:?}");
    for file in files {
        let name = file
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .expect("a file name");
        let (_, module, report) = cases::OUTCOMES
            .iter()
            .find(|(case, _, _)| *case == name)
            .unwrap_or_else(|| panic!("{name} was not run through check"));
        if module.is_empty() {
            // `<path>:<line>:<column>: ...`, naming the file.
            let located = report.lines().any(|line| {
                let mut parts = line.splitn(4, ':');
                parts.next().is_some_and(|path| path.ends_with(&name))
                    && parts
                        .next()
                        .is_some_and(|n| n.trim().parse::<u32>().is_ok())
                    && parts
                        .next()
                        .is_some_and(|n| n.trim().parse::<u32>().is_ok())
            });
            assert!(located, "{name} is refused without a location:\n{report}");
        }
    }
}

/// A spec value used as a file name (a version id with `../`) is refused by `check`.
#[test]
fn a_version_id_that_escapes_its_folder_is_refused() {
    let (_, module, report) = cases::OUTCOMES
        .iter()
        .find(|(case, _, _)| *case == "version-id-path-traversal.yaml")
        .expect("the case");
    assert!(module.is_empty(), "accepted");
    assert!(report.contains("version"), "{report}");
}

/// An API id that is a weak keyword (`union`) names the catalog's module like any other
/// identifier: the case builds under its own id, and behaves.
#[test]
fn a_weak_keyword_is_a_catalog_module_like_any_other() {
    use errors_tests::union::ErrorCode;

    assert_eq!(<ErrorCode as Catalog>::API.id, "union");
    let code = ErrorCode::from_code(1).expect("code 1");
    assert_eq!(code, ErrorCode::NotMember);
    assert_eq!(code.name(), "NotMember");
    let (_, module, report) = cases::OUTCOMES
        .iter()
        .find(|(case, _, _)| *case == "weak-keyword-id.yaml")
        .expect("the case");
    assert!(!module.is_empty(), "refused: {report}");
}

/// The cases that compile keep the spec's text exactly, and their names work as names.
#[test]
fn compiled_cases_keep_the_spec_as_written() {
    use cases::case_lone_cr_in_description as lone_cr;
    use cases::case_variant_named_error as named_error;

    let code = named_error::ErrorCode::from_code(1).expect("code 1");
    assert_eq!(code.name(), "Error");
    assert_eq!("Error".parse::<named_error::ErrorCode>(), Ok(code));
    assert_eq!(named_error::ErrorCode::try_from(1), Ok(code));
    assert_eq!(code.to_string(), "Error");

    let code = lone_cr::ErrorCode::from_code(1).expect("code 1");
    assert_eq!(code.description(), "First part.\rSecond part.");

    let code =
        cases::case_doctest_from_fenced_description::ErrorCode::from_code(1).expect("code 1");
    assert!(code.description().contains("```\n{\"error\": 1}\n```"));
}

/// Code names that the generated code, errors-core, the prelude or Rust itself use
/// (`Ok`, `None`, `Result`, `VARIANTS`, `API`, `Type`, `Self_`, ...) and names that differ
/// only by case are variants like any other: reachable by path, by number and by name.
#[test]
fn names_the_generated_code_uses_are_variants_like_any_other() {
    use cases::case_names_the_generated_code_uses::ErrorCode;

    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("cases/specs/names-the-generated-code-uses.yaml");
    let spec = errors_codegen::load(&file).expect("the case passes check");
    assert_eq!(ErrorCode::ALL.len(), spec.codes.len());
    for (number, entry) in &spec.codes {
        let code = ErrorCode::from_code(*number).expect("every code");
        assert_eq!(code.name(), entry.name);
        assert_eq!(code.to_string(), entry.name);
        assert_eq!(
            ErrorCode::from_name(&entry.name),
            Some(code),
            "{}",
            entry.name
        );
        assert_eq!(entry.name.parse::<ErrorCode>(), Ok(code));
    }
    // Each is reachable by its path, and the catalog's own items still are.
    let by_path = [
        (ErrorCode::Ok, "Ok"),
        (ErrorCode::None, "None"),
        (ErrorCode::Result, "Result"),
        (ErrorCode::VARIANTS, "VARIANTS"),
        (ErrorCode::API, "API"),
        (ErrorCode::Type, "Type"),
        (ErrorCode::NotFound, "NotFound"),
        (ErrorCode::NOT_FOUND, "NOT_FOUND"),
        (ErrorCode::Notfound, "Notfound"),
    ];
    for (code, name) in by_path {
        assert_eq!(code.name(), name);
    }
    assert_eq!(<ErrorCode as Catalog>::ALL.len(), spec.codes.len());
    assert_eq!(ErrorCode::from_code(1).map(ErrorCode::as_u32), Some(1));
}

/// The build-time property test drew specs that mostly pass `check`, or it would prove
/// little; each one refused says why, at a location.
#[test]
fn most_random_specs_reach_the_compiler() {
    let compiled = random_specs::OUTCOMES
        .iter()
        .filter(|(_, module, _)| !module.is_empty())
        .count();
    let total = random_specs::OUTCOMES.len();
    assert!(
        compiled * 10 >= total * 7,
        "only {compiled} of {total} random specs passed check"
    );
    for (name, module, report) in random_specs::OUTCOMES {
        if module.is_empty() {
            assert!(report.contains(name), "{name}: {report}");
        }
    }
}

/// Checks each catalog against the spec it was generated from.
struct AgainstSpec {
    dir: &'static str,
    checked: usize,
}

impl VisitCatalog for AgainstSpec {
    fn visit<C: Catalog>(&mut self, module: &str) {
        let path = Path::new(env!("OUT_DIR"))
            .join(self.dir)
            .join(format!("{module}.yaml"));
        let spec = errors_codegen::load(&path).expect("a spec that passed check");
        assert_eq!(C::ALL.len(), spec.codes.len(), "{module}");
        let default_locale = spec.default_locale();
        for (&code, (number, entry)) in C::ALL.iter().zip(&spec.codes) {
            assert_eq!(code.as_u32(), *number, "{module}");
            assert_eq!(C::from_code(*number), Some(code), "{module} {number}");
            assert_eq!(C::from_name(&entry.name), Some(code), "{module} {number}");
            assert_eq!(code.name(), entry.name, "{module} {number}");
            assert_eq!(code.to_string(), entry.name, "{module} {number}");
            assert_eq!(code.title(), entry.title, "{module} {number}");
            assert_eq!(
                code.description(),
                entry.description.trim_end(),
                "{module} {number}"
            );
            let translations: BTreeMap<&str, &str> = spec
                .locales
                .iter()
                .filter_map(|locale| {
                    let text = entry.message.get(locale, default_locale)?;
                    Some((locale.as_str(), text))
                })
                .collect();
            for (locale, text) in translations {
                assert_eq!(code.message_in(locale), text, "{module} {number} {locale}");
            }
            assert_eq!(code.retry(), entry.retry, "{module} {number}");
            assert_eq!(code.lifecycle(), entry.lifecycle, "{module} {number}");
        }
        self.checked += 1;
    }
}

#[test]
fn random_catalogs_say_what_their_specs_say() {
    let mut visitor = AgainstSpec {
        dir: "random_specs",
        checked: 0,
    };
    random_specs::visit(&mut visitor);
    let compiled = random_specs::OUTCOMES
        .iter()
        .filter(|(_, module, _)| !module.is_empty())
        .count();
    assert_eq!(visitor.checked, compiled);
}
