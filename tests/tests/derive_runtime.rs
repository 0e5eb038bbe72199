//! What `#[derive(ApiError)]` produces at run time, feature by feature.
//!
//! The lint levels make this file the check that derived code is warning-free in a strict
//! user crate: `cargo clippy --all-targets -- -D warnings` covers it.
#![deny(warnings, clippy::all, clippy::pedantic)]
#![allow(dead_code)]

use std::borrow::Cow;

use errors_core::{ApiError, Catalog, ampache, lastfm, subsonic};

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode)]
enum LibraryError {
    #[api_error(code = 4704, error_type = "song", message = "Not Found: {id}")]
    SongMissing { id: u64 },
    #[api_error(code = NotFound)]
    Gone,
    #[api_error(code = 4742, error_type = "account", message = "Require: {0}")]
    Forbidden(u8),
    #[api_error(code = BadRequest, message = "Bad Request: {{limit}} must be below {max}")]
    Limit { max: u32, given: u32 },
    #[api_error(code = 4710, message = "plain {{text}}")]
    Plain { ignored: String },
    #[api_error(transparent)]
    Db(DbError),
}

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode, code = 4702, error_type = "database", message = "database: {0}")]
struct DbError(&'static str);

#[test]
fn codes_by_number_and_by_name() {
    assert_eq!(
        LibraryError::SongMissing { id: 1 }.code(),
        ampache::ErrorCode::NotFound
    );
    assert_eq!(LibraryError::Gone.code(), ampache::ErrorCode::NotFound);
    assert_eq!(
        LibraryError::Forbidden(5).code(),
        ampache::ErrorCode::FailedAccessCheck
    );
    assert_eq!(Catalog::as_u32(LibraryError::Forbidden(5).code()), 4742);
}

#[test]
fn error_types() {
    assert_eq!(
        LibraryError::SongMissing { id: 1 }.error_type(),
        Some("song")
    );
    assert_eq!(LibraryError::Forbidden(0).error_type(), Some("account"));
    assert_eq!(LibraryError::Gone.error_type(), None);
}

#[test]
fn messages_format_named_and_positional_fields() {
    assert_eq!(
        LibraryError::SongMissing { id: 42 }.message(),
        "Not Found: 42"
    );
    assert_eq!(LibraryError::Forbidden(75).message(), "Require: 75");
    assert_eq!(
        LibraryError::Limit { max: 10, given: 11 }.message(),
        "Bad Request: {limit} must be below 10"
    );
}

#[test]
fn messages_without_placeholders_are_borrowed() {
    let plain = LibraryError::Plain {
        ignored: String::new(),
    };
    assert!(matches!(plain.message(), Cow::Borrowed("plain {text}")));
    // No message of its own: the catalog's default, also borrowed.
    let gone = LibraryError::Gone.message();
    assert!(matches!(gone, Cow::Borrowed(_)));
    assert_eq!(gone, Catalog::message(ampache::ErrorCode::NotFound));
}

#[test]
fn http_status_comes_from_the_catalog() {
    for version in ["3", "5", "6", "unknown"] {
        assert_eq!(
            LibraryError::Gone.http_status(version),
            Catalog::http_status(ampache::ErrorCode::NotFound, version)
        );
    }
}

#[test]
fn transparent_variants_forward_everything() {
    let error = LibraryError::Db(DbError("locked"));
    assert_eq!(error.code(), ampache::ErrorCode::GenericError);
    assert_eq!(error.error_type(), Some("database"));
    assert_eq!(error.message(), "database: locked");
    assert_eq!(
        error.http_status("6"),
        Catalog::http_status(ampache::ErrorCode::GenericError, "6")
    );
    // The other variants still answer for themselves in the forwarding methods.
    assert_eq!(
        LibraryError::Gone.http_status("6"),
        Catalog::http_status(ampache::ErrorCode::NotFound, "6")
    );
}

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::lastfm::ErrorCode, code = 29)]
struct Throttled;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::lastfm::ErrorCode, code = InvalidApiKey, message = "Invalid API key: {key}")]
struct BadKey {
    key: String,
}

#[derive(Debug, ApiError)]
#[api_error(transparent)]
struct Wrapped(BadKey);

#[test]
fn structs() {
    assert_eq!(Throttled.code(), lastfm::ErrorCode::RateLimitExceeded);
    assert_eq!(
        Throttled.message(),
        Catalog::message(lastfm::ErrorCode::RateLimitExceeded)
    );
    assert_eq!(Throttled.error_type(), None);

    let bad = BadKey { key: "abc".into() };
    assert_eq!(bad.code(), lastfm::ErrorCode::InvalidApiKey);
    assert_eq!(bad.message(), "Invalid API key: abc");

    // A transparent struct without a catalog takes its field's.
    let wrapped: Wrapped = Wrapped(bad);
    let code: lastfm::ErrorCode = wrapped.code();
    assert_eq!(code, lastfm::ErrorCode::InvalidApiKey);
    assert_eq!(wrapped.message(), "Invalid API key: abc");
}

#[derive(Debug, ApiError)]
// Subsonic bodies carry no error type: an `error_type` key here is a compile error
// (tests/ui/key-the-family-lacks.rs in errors-core).
#[api_error(catalog = errors_core::subsonic::ErrorCode)]
enum AuthError {
    #[api_error(code = 40)]
    WrongCredentials,
    #[api_error(code = NotAuthorized)]
    NoRole,
    #[api_error(code = 10, message = "Required parameter is missing: {name}")]
    Missing { name: &'static str },
}

#[test]
fn subsonic_codes_and_no_error_type() {
    assert_eq!(
        AuthError::WrongCredentials.code(),
        subsonic::ErrorCode::WrongCredentials
    );
    assert_eq!(AuthError::WrongCredentials.error_type(), None);
    assert_eq!(AuthError::NoRole.code(), subsonic::ErrorCode::NotAuthorized);
    let missing = AuthError::Missing { name: "u" };
    assert_eq!(missing.code(), subsonic::ErrorCode::MissingParameter);
    assert_eq!(missing.message(), "Required parameter is missing: u");
}

/// With thiserror on the same type: each derive reads its own attributes.
#[derive(Debug, thiserror::Error, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode)]
enum ServiceError {
    #[error("song {id} is not in the library")]
    #[api_error(code = 4704, error_type = "song", message = "Not Found: {id}")]
    NotFound { id: u64 },
    #[error(transparent)]
    #[api_error(transparent)]
    Db(#[from] DbError),
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "database error: {}", self.0)
    }
}

impl std::error::Error for DbError {}

#[test]
fn alongside_thiserror() {
    let error = ServiceError::NotFound { id: 7 };
    assert_eq!(error.to_string(), "song 7 is not in the library");
    assert_eq!(error.message(), "Not Found: 7");
    assert_eq!(error.code(), ampache::ErrorCode::NotFound);

    let error: ServiceError = DbError("down").into();
    assert_eq!(error.to_string(), "database error: down");
    assert_eq!(error.message(), "database: down");
    assert_eq!(error.code(), ampache::ErrorCode::GenericError);
}

/// Generic types get the bounds their placeholders and transparent fields need.
#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode)]
enum Generic<T, E> {
    #[api_error(code = NotFound, message = "no such {0}, hex {1:#x}")]
    Item(T, u32),
    #[api_error(transparent)]
    Inner(E),
}

#[test]
fn generic_types() {
    let item: Generic<&str, DbError> = Generic::Item("album", 255);
    assert_eq!(item.message(), "no such album, hex 0xff");
    let inner: Generic<&str, DbError> = Generic::Inner(DbError("x"));
    assert_eq!(inner.code(), ampache::ErrorCode::GenericError);
}

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode)]
enum Never {}

#[test]
fn catalog_codes_are_api_errors() {
    fn report<E: ApiError>(error: &E) -> String {
        format!("{} {}", Catalog::as_u32(error.code()), error.message())
    }
    let code = subsonic::ErrorCode::NotFound;
    assert_eq!(report(&code), format!("70 {}", Catalog::message(code)));
    // And so are references and boxes of any ApiError.
    assert_eq!(report(&&Throttled), report(&Box::new(Throttled)));
}

/// A catalog generated by this crate's build.rs, as in any downstream crate.
#[derive(Debug, ApiError)]
#[api_error(catalog = errors_tests::shop::ErrorCode)]
enum Checkout {
    #[api_error(code = 1, message = "Item {sku} is out of stock")]
    OutOfStock { sku: String },
    #[api_error(code = PaymentDeclined)]
    Declined,
}

#[test]
fn downstream_catalog() {
    let error = Checkout::OutOfStock { sku: "A-1".into() };
    assert_eq!(error.code(), errors_tests::shop::ErrorCode::OutOfStock);
    assert_eq!(error.message(), "Item A-1 is out of stock");
    // A Last.fm-shaped catalog: no error type on the wire, none on the error.
    assert_eq!(error.error_type(), None);
    assert_eq!(Checkout::Declined.http_status("1"), 402);
    assert_eq!(
        Checkout::Declined.message(),
        Catalog::message(errors_tests::shop::ErrorCode::PaymentDeclined)
    );
}

/// A variant without a `message` sends the spec's, its `{sku}` filled from the field of that
/// name, whatever the field's `Display` type; other fields are ignored.
#[derive(Debug, ApiError)]
#[api_error(catalog = errors_tests::shop::ErrorCode)]
enum SpecMessages {
    #[api_error(code = OutOfStock)]
    Sold {
        sku: &'static str,
        warehouse: Vec<u8>,
    },
    #[api_error(code = 1)]
    SoldOut { count: u32, sku: u64 },
    #[api_error(code = PaymentDeclined)]
    Declined { attempt: Opaque },
}

#[derive(Debug)]
struct Opaque;

/// The same for a struct, and a field whose type has no `Display` (left as written).
#[derive(Debug, ApiError)]
#[api_error(catalog = errors_tests::shop::ErrorCode, code = OutOfStock)]
struct NotShown {
    sku: Opaque,
}

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_tests::shop::ErrorCode, code = OutOfStock)]
struct Shown {
    sku: String,
}

#[test]
fn the_spec_message_is_filled_from_fields() {
    let sold = SpecMessages::Sold {
        sku: "A-1",
        warehouse: vec![1],
    };
    assert_eq!(sold.message(), "Item A-1 is out of stock");
    assert_eq!(
        SpecMessages::SoldOut { count: 2, sku: 7 }.message(),
        "Item 7 is out of stock"
    );
    let declined = SpecMessages::Declined { attempt: Opaque };
    assert_eq!(declined.message(), "Payment declined");
    assert!(matches!(declined.message(), std::borrow::Cow::Borrowed(_)));
    assert_eq!(
        Shown { sku: "B-2".into() }.message(),
        "Item B-2 is out of stock"
    );
    assert_eq!(
        NotShown { sku: Opaque }.message(),
        "Item {sku} is out of stock"
    );
    // The rendered body carries the filled message.
    let response = sold.render(&errors_core::RequestContext::new(
        "1",
        errors_core::Format::Json,
    ));
    assert!(
        String::from_utf8_lossy(&response.body).contains("Item A-1 is out of stock"),
        "{response:?}"
    );
}

#[derive(Debug, ApiError)]
#[api_error(transparent)]
struct ShownWrapped(Shown);
#[derive(Debug, ApiError)]
#[api_error(catalog = errors_tests::shop::ErrorCode)]
enum Outer {
    #[api_error(transparent)]
    Inner(Shown),
}

/// A hand-written impl that keeps the spec's message is translated; its own is not.
struct Bare;
impl ApiError for Bare {
    type Catalog = errors_tests::shop::ErrorCode;
    fn code(&self) -> Self::Catalog {
        errors_tests::shop::ErrorCode::PaymentDeclined
    }
}
struct Custom;
impl ApiError for Custom {
    type Catalog = errors_tests::shop::ErrorCode;
    fn code(&self) -> Self::Catalog {
        errors_tests::shop::ErrorCode::PaymentDeclined
    }
    fn message(&self) -> std::borrow::Cow<'_, str> {
        "Card expired".into()
    }
}

/// `message_in` fills the spec's message of the locale asked for (`fr-CA` falls back to
/// `fr`, an unknown locale to the default), from the same fields; a message of the error's
/// own has one language; transparent types, references and boxes forward the locale.
#[test]
fn the_spec_message_is_filled_in_every_locale() {
    let sold = SpecMessages::Sold {
        sku: "A-1",
        warehouse: vec![1],
    };
    assert_eq!(sold.message_in("fr"), "L'article A-1 est épuisé");
    assert_eq!(sold.message_in("fr-CA"), "L'article A-1 est épuisé");
    assert_eq!(sold.message_in("ja"), "Item A-1 is out of stock");
    assert_eq!(
        SpecMessages::SoldOut { count: 2, sku: 7 }.message_in("FR"),
        "L'article 7 est épuisé"
    );
    let declined = SpecMessages::Declined { attempt: Opaque };
    assert_eq!(declined.message_in("fr"), "Paiement refusé");
    assert!(matches!(
        declined.message_in("fr"),
        std::borrow::Cow::Borrowed(_)
    ));
    assert_eq!(
        Shown { sku: "B-2".into() }.message_in("fr"),
        "L'article B-2 est épuisé"
    );
    assert_eq!(
        NotShown { sku: Opaque }.message_in("fr"),
        "L'article {sku} est épuisé"
    );
    // A message of its own is sent as written, in any locale.
    let own = Checkout::OutOfStock { sku: "A-1".into() };
    assert_eq!(own.message_in("fr"), "Item A-1 is out of stock");
    assert_eq!(Checkout::Declined.message_in("fr"), "Paiement refusé");

    let wrapped = ShownWrapped(Shown { sku: "C-3".into() });
    assert_eq!(wrapped.message_in("fr"), "L'article C-3 est épuisé");
    let outer = Outer::Inner(Shown { sku: "D-4".into() });
    assert_eq!(outer.message_in("fr"), "L'article D-4 est épuisé");
    assert_eq!(
        ApiError::message_in(&&outer, "fr"),
        "L'article D-4 est épuisé"
    );
    assert_eq!(Box::new(outer).message_in("fr"), "L'article D-4 est épuisé");

    assert_eq!(Bare.message_in("fr-BE"), "Paiement refusé");
    assert_eq!(Custom.message_in("fr"), "Card expired");
}

/// `help_url` on a variant or a struct becomes the `helpUrl` of the Subsonic body; a
/// variant without one sends none.
#[test]
fn help_url_reaches_the_opensubsonic_body() {
    use errors_core::{Format, RequestContext, subsonic};

    #[derive(Debug, ApiError)]
    #[api_error(catalog = errors_core::subsonic::ErrorCode)]
    enum BrowseError {
        #[api_error(code = NotFound, help_url = "https://example.org/help/70")]
        AlbumMissing,
        #[api_error(code = 10)]
        NoId,
    }

    #[derive(Debug, ApiError)]
    #[api_error(catalog = subsonic::ErrorCode, code = 40, help_url = "https://example.org/login")]
    struct BadLogin;

    assert_eq!(
        BrowseError::AlbumMissing.help_url(),
        Some("https://example.org/help/70")
    );
    assert_eq!(BrowseError::NoId.help_url(), None);
    assert_eq!(BadLogin.help_url(), Some("https://example.org/login"));

    let request = RequestContext::new("1.16.1", Format::Json).open_subsonic("example", "1.0");
    let body = String::from_utf8(BrowseError::AlbumMissing.render(&request).body)
        .expect("rendered bodies are UTF-8");
    assert!(
        body.contains("\"helpUrl\" : \"https://example.org/help/70\""),
        "{body}"
    );
    let body = String::from_utf8(BrowseError::NoId.render(&request).body).expect("UTF-8");
    assert!(!body.contains("helpUrl"), "{body}");
}
