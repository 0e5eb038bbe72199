//! Typed error catalogs for Ampache, Last.fm and Subsonic/OpenSubsonic, generated from the
//! YAML specs in the repository's `spec/` folder, and the means to send and read their
//! errors byte for byte as the real servers do.
//!
//! # Server: send an error the way the API's clients expect it
//! Attach codes to your own error type with [`#[derive(ApiError)]`](derive@ApiError), then
//! render it for what the request asked for ([`RequestContext`]: API version and format):
//!
//! ```
//! use errors_core::{ApiError, Format, RequestContext};
//!
//! #[derive(Debug, ApiError)]
//! #[api_error(catalog = errors_core::ampache::ErrorCode)]
//! enum LibraryError {
//!     #[api_error(code = NotFound, error_type = "song", message = "Not Found: {id}")]
//!     SongMissing { id: u64 },
//! }
//!
//! let response = LibraryError::SongMissing { id: 7 }
//!     .render(&RequestContext::new("6.0.0", Format::Xml).action("song"));
//! assert_eq!(response.status, 200); // Ampache sends errors with 200 OK up to API 6
//! assert_eq!(response.content_type, "text/xml; charset=UTF-8");
//! ```
//!
//! # Client: read what a server sent
//! [`Reply::from_http`] reads the HTTP status, Content-Type and body and types the code
//! against a catalog, with the spec's retry advice:
//!
//! ```
//! use errors_core::{subsonic::ErrorCode, Code, Reply, Retry};
//!
//! let body = br#"{"subsonic-response":{"status":"failed","version":"1.16.1","error":{"code":40,"message":"Wrong username or password."}}}"#;
//! let Reply::Error(error) = Reply::<ErrorCode>::from_http(200, Some("application/json"), body) else {
//!     panic!("an error body");
//! };
//! assert_eq!(error.code, Code::Known(ErrorCode::WrongCredentials));
//! assert_eq!(error.retry(), Some(Retry::Never));
//! ```
//!
//! # Your own spec
//! Write a spec (see the repository's README), generate its catalog in your build script
//! with `errors-codegen` as a build dependency, and include it:
//!
//! ```toml
//! [dependencies]
//! errors-core = "0.1"
//! [build-dependencies]
//! errors-codegen = "0.1"
//! ```
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), errors_codegen::Error> {
//!     errors_codegen::Build::new().spec("spec/shop.yaml").generate()?;
//!     Ok(())
//! }
//! ```
//!
//! and in the crate, `errors_core::include_catalog!("shop");` defines `mod shop` with
//! `shop::ErrorCode`, which `#[api_error(catalog = crate::shop::ErrorCode)]` takes like a
//! bundled catalog.
//!
//! The bundled catalogs are checked in, generated code: this crate compiles no generator.

// Generated catalogs name this crate by its absolute path, the same way inside and outside it.
extern crate self as errors_core;

mod api_error;
mod catalog;
mod client;
mod impl_catalog;
pub mod locale;
mod placeholders;
mod receive;
#[cfg(feature = "reqwest")]
mod reqwest;
mod respond;
mod typed;

mod serde_code;

#[cfg(feature = "axum")]
pub mod axum;
#[cfg(feature = "http")]
mod http_response;

/// Support for generated and derived code; not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::api_error::__private::*;
    pub use crate::placeholders::{
        DisplayField, Field, OtherField, check_fields, fill, missing_fields,
    };
    pub use crate::serde_code::{deserialize_code, serialize_code};
    #[cfg(feature = "axum")]
    pub use axum_core::response::{IntoResponse, Response as AxumResponse};
    pub use serde;
}

/// What `#[derive(ApiError)]` adds under the `axum` feature: `IntoResponse`, deferred to
/// [`axum::ApiLayer`] (see [`axum::defer`]). Expands to nothing without the feature.
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __into_response {
    ([$($generics:tt)*] $ty:ty, [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::IntoResponse for $ty $($where)* {
            fn into_response(self) -> $crate::__private::AxumResponse {
                $crate::axum::defer(&self)
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __into_response {
    ($($input:tt)*) => {};
}
// The trait and, under the same name, its derive.
pub use api_error::ApiError;
pub use catalog::{
    ApiInfo, Catalog, CodeInfo, Family, Format, JsonCode, Lifecycle, Retry, UnknownCode,
    UnknownWord, VersionInfo,
};
pub use client::{ClientError, retry_after};
pub use receive::{Code, Received, Reply};
#[cfg(feature = "reqwest")]
pub use reqwest::{ResponseExt, request_error};
pub use respond::{RequestContext, Response};
pub use typed::{AmpacheError, LastfmError, SubsonicError};
// The wire layer, for parsed bodies and transport failures.
pub use errors_wire as wire;

// The bundled catalogs, generated from spec/*.yaml by `errors-codegen generate` and checked
// in (a test fails when they are stale), so users of this crate compile no generator.
include!("catalogs/ampache.rs");
include!("catalogs/lastfm.rs");
include!("catalogs/subsonic.rs");

/// Include a catalog generated into `OUT_DIR` by a build script with
/// `errors_codegen::Build`: `errors_core::include_catalog!("shop");` defines module `shop`.
#[macro_export]
macro_rules! include_catalog {
    ($id:literal) => {
        include!(concat!(env!("OUT_DIR"), "/", $id, ".rs"));
    };
}

// The README's examples are compiled and run as doctests, so they cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeExamples;
