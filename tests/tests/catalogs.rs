//! The generated catalogs agree with their specs, code by code, and lookups behave at the
//! edges: unknown numbers and names, serde in the API's own JSON style, 10,000 codes.

use std::collections::BTreeSet;
use std::path::Path;

use errors_codegen::model::{Lifecycle as SpecLifecycle, Retry as SpecRetry, Spec};
use errors_core::{Catalog, Lifecycle, Retry};

fn spec(name: &str) -> Spec {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("spec")
        .join(name);
    errors_codegen::load(&path).unwrap_or_else(|report| panic!("{report}"))
}

fn retry(r: SpecRetry) -> Retry {
    match r {
        SpecRetry::Never => Retry::Never,
        SpecRetry::Later => Retry::Later,
        SpecRetry::Backoff => Retry::Backoff,
        SpecRetry::Poll => Retry::Poll,
        SpecRetry::Reauthenticate => Retry::Reauthenticate,
        SpecRetry::Fatal => Retry::Fatal,
    }
}

fn lifecycle(l: SpecLifecycle) -> Lifecycle {
    match l {
        SpecLifecycle::Active => Lifecycle::Active,
        SpecLifecycle::Deprecated => Lifecycle::Deprecated,
        SpecLifecycle::Retired => Lifecycle::Retired,
    }
}

/// Every fact of every code in `spec` is what `C` reports, and nothing else is a code.
fn agrees_with_spec<C: Catalog + std::str::FromStr>(spec: &Spec) {
    assert_eq!(C::API.id, spec.id);
    assert_eq!(C::ALL.len(), spec.codes.len(), "one variant per code");
    let numbers: Vec<u32> = C::ALL.iter().map(|c| c.as_u32()).collect();
    let expected: Vec<u32> = spec.codes.keys().copied().collect();
    assert_eq!(numbers, expected, "ALL is in numeric order");
    for (number, code) in &spec.codes {
        let found = C::from_code(*number).unwrap_or_else(|| panic!("{} {number} missing", spec.id));
        assert_eq!(found.as_u32(), *number);
        assert_eq!(found.name(), code.name);
        assert_eq!(C::from_name(&code.name), Some(found));
        assert_eq!(code.name.parse::<C>().ok(), Some(found), "FromStr by name");
        assert_eq!(
            number.to_string().parse::<C>().ok(),
            Some(found),
            "FromStr by number"
        );
        assert_eq!(found.to_string(), code.name, "Display is the name");
        assert_eq!(found.title(), code.title);
        assert_eq!(found.description(), code.description.trim_end());
        let default = spec.default_locale();
        assert_eq!(Some(found.message()), code.message.get(default, default));
        assert_eq!(
            found.error_types(),
            code.error_types
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
        );
        assert_eq!(found.retry(), retry(code.retry));
        assert_eq!(found.lifecycle(), lifecycle(code.lifecycle));
        assert_eq!(found.legacy().map(|l| l.as_u32()), code.legacy);
        for version in &spec.versions {
            assert_eq!(
                found.http_status(&version.id),
                code.http_status_in(version),
                "{} {number} v{}",
                spec.id,
                version.id
            );
        }
    }
    let known: BTreeSet<u32> = spec.codes.keys().copied().collect();
    for number in (0..20_000).chain([u32::MAX, u32::MAX - 1, 1 << 31]) {
        if !known.contains(&number) {
            assert_eq!(
                C::from_code(number),
                None,
                "{} has no code {number}",
                spec.id
            );
        }
    }
    assert!(C::from_name("NoSuchName").is_none());
    assert!("NoSuchName".parse::<C>().is_err());
    assert!("99999".parse::<C>().is_err());
}

#[test]
fn ampache_catalog_matches_its_spec() {
    agrees_with_spec::<errors_core::ampache::ErrorCode>(&spec("ampache.yaml"));
}

#[test]
fn lastfm_catalog_matches_its_spec() {
    agrees_with_spec::<errors_core::lastfm::ErrorCode>(&spec("lastfm.yaml"));
}

#[test]
fn subsonic_catalog_matches_its_spec() {
    agrees_with_spec::<errors_core::subsonic::ErrorCode>(&spec("subsonic.yaml"));
}

#[test]
fn the_facts_the_issue_fixes_hold() {
    use errors_core::ampache::ErrorCode as A;
    use errors_core::lastfm::ErrorCode as L;
    assert_eq!(A::from_code(4742), Some(A::FailedAccessCheck));
    assert_eq!(A::NotFound.http_status("8"), 404);
    assert_eq!(A::NotFound.http_status("6"), 200);
    assert_eq!(A::Deprecated.http_status("8"), 410);
    assert_eq!(
        A::AccessControlNotEnabled.legacy(),
        Some(A::LegacyNotImplemented)
    );
    assert_eq!(A::Deprecated.legacy(), None);
    assert_eq!(A::Deprecated.message(), "Deprecated");
    assert_eq!(A::NotFound.as_u32(), 4704);
    assert_eq!(L::from_code(1), None, "1 is reserved");
    assert_eq!(L::from_code(19), None, "19 is reserved");
    assert_eq!(L::RateLimitExceeded.retry(), Retry::Backoff);
    assert_eq!(L::RateLimitExceeded.http_status("2.0"), 429);
    assert_eq!(L::TokenUnauthorized.retry(), Retry::Poll);
    assert_eq!(L::InvalidSessionKey.retry(), Retry::Reauthenticate);
    assert_eq!(L::ApiKeySuspended.retry(), Retry::Fatal);
    #[allow(deprecated)]
    let retired = [L::SubscribersOnly, L::TrialExpired, L::RadioNotFound];
    for code in retired {
        assert_eq!(code.lifecycle(), Lifecycle::Retired);
    }
    assert_eq!(
        errors_core::subsonic::ErrorCode::from_code(44).and_then(|c| c.since()),
        Some("opensubsonic")
    );
}

#[test]
fn serde_writes_codes_as_the_api_does_and_reads_both_forms() {
    use errors_core::ampache::ErrorCode as A;
    use errors_core::lastfm::ErrorCode as L;
    assert_eq!(
        serde_json::to_string(&A::NotFound).ok().as_deref(),
        Some("\"4704\"")
    );
    assert_eq!(
        serde_json::to_string(&L::InvalidParams).ok().as_deref(),
        Some("6")
    );
    for text in ["\"4704\"", "4704"] {
        assert_eq!(
            serde_json::from_str::<A>(text).ok(),
            Some(A::NotFound),
            "{text}"
        );
    }
    for text in ["\"6\"", "6"] {
        assert_eq!(
            serde_json::from_str::<L>(text).ok(),
            Some(L::InvalidParams),
            "{text}"
        );
    }
    let error = serde_json::from_str::<A>("4707").expect_err("4707 is no code");
    assert!(
        error
            .to_string()
            .contains("unknown ampache error code 4707"),
        "{error}"
    );
    assert!(serde_json::from_str::<A>("\"abc\"").is_err());
    assert!(serde_json::from_str::<A>("-1").is_err());
}

#[test]
fn a_downstream_catalog_has_translations_versions_and_retired_codes() {
    use errors_tests::shop::ErrorCode as S;
    assert_eq!(S::API.locales, ["en", "fr"]);
    assert_eq!(S::OutOfStock.message(), "Item {sku} is out of stock");
    assert_eq!(S::OutOfStock.message_in("fr"), "L'article {sku} est épuisé");
    assert_eq!(
        S::SessionExpired.message_in("fr"),
        "Session expired",
        "falls back to en"
    );
    assert_eq!(S::OutOfStock.message_in("de"), "Item {sku} is out of stock");
    assert_eq!(S::OutOfStock.http_status("1"), 200);
    assert_eq!(S::OutOfStock.http_status("2"), 409);
    assert_eq!(
        S::SessionExpired.http_status("2"),
        400,
        "the version's own default"
    );
    assert_eq!(S::PaymentDeclined.http_status("1"), 402);
    assert_eq!(S::from_code(13), None, "reserved");
    #[allow(deprecated)]
    let retired = S::LegacyCoupon;
    assert_eq!(retired.lifecycle(), Lifecycle::Retired);
    assert_eq!(S::from_code(4), Some(retired), "retired codes still parse");
}

#[test]
fn ten_thousand_codes_all_resolve() {
    use errors_tests::synthetic::ErrorCode as Syn;
    assert_eq!(Syn::ALL.len(), 10_000);
    for (i, code) in Syn::ALL.iter().enumerate() {
        let number = i as u32 * 7 + 3;
        assert_eq!(code.as_u32(), number);
        assert_eq!(Syn::from_code(number), Some(*code));
        assert_eq!(Syn::from_code(number + 1), None);
        assert_eq!(code.name(), format!("E{number}"));
        assert_eq!(code.message(), format!("Error number {number}"));
    }
}

// `from_code` is a `const fn`: usable where only constants are.
const NOT_FOUND: Option<errors_core::ampache::ErrorCode> =
    errors_core::ampache::ErrorCode::from_code(4704);

#[test]
fn from_code_works_in_const_context() {
    assert_eq!(NOT_FOUND, Some(errors_core::ampache::ErrorCode::NotFound));
}
