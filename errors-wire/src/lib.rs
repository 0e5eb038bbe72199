//! The wire shapes of each API family: render and parse error bodies on plain data.
//!
//! This crate is the one place that knows how an error body of Ampache, Last.fm,
//! Subsonic/OpenSubsonic or RFC 9457 `problem+json` looks on the wire. It works on plain
//! numbers and strings and knows nothing about catalogs of codes.
//!
//! - Rendering: [`render`] writes the body a client of any family gets, from one
//!   [`ErrorFields`] and a [`Target`]; [`ampache::render`], [`lastfm::render`], [`subsonic::render`] and
//!   [`problem::render`] append a body to a caller's buffer, byte for byte as the reference
//!   servers send it, and allocate nothing beyond growing that buffer.
//! - Parsing: [`parse`] sniffs the family and shape of any body; [`ampache::parse`],
//!   [`lastfm::parse`], [`subsonic::parse`] and [`problem::parse`] accept one family only.
//! - Clients: [`classify`] turns an HTTP status, content type and body into success, an API
//!   error or a transport failure.
//!
//! ```
//! use errors_wire::{ErrorFields, Family, Format, Target};
//!
//! let mut body = Vec::with_capacity(256);
//! let error = ErrorFields { code: 4704, action: "album", error_type: "filter", message: "Not Found: 1", ..ErrorFields::default() };
//! errors_wire::render(&mut body, &Target::new(Family::Ampache, Format::Json, "6"), &error);
//!
//! let parsed = errors_wire::parse(&body)?;
//! assert_eq!((parsed.code, &*parsed.message), (4704, "Not Found: 1"));
//! # Ok::<(), errors_wire::ParseError>(())
//! ```
//!
//! # Limits
//! Parsing reads at most [`MAX_BODY_LEN`] bytes of a body and follows nesting at most
//! [`MAX_DEPTH`] levels deep, so work and memory stay bounded whatever the input.

#![warn(missing_docs)]

pub mod ampache;
pub mod jsonp;
pub mod lastfm;
pub mod problem;
pub mod subsonic;
pub mod version;

mod body;
mod classify;
mod escape;
mod num;
mod parse_error;
mod read;
mod render;
mod scan;
mod vocabulary;

pub use body::{ErrorBody, Shape};
pub use classify::{Outcome, TransportFailure, classify};
pub use parse_error::ParseError;
pub use read::{MAX_BODY_LEN, MAX_DEPTH, parse};
pub use render::{ErrorFields, Target, render};
pub use vocabulary::{Family, Format, JsonCode, Lifecycle, Retry, UnknownWord};
