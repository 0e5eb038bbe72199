//! Load and validate error-code specs, and generate from them.
//!
//! [`load`] reads a spec and reports every problem in it at once, located by file, line and
//! column; the generators turn a valid [`model::Spec`] into Rust, Markdown and fixtures;
//! [`diff`] finds the changes between two revisions of a spec that break clients.

pub mod artifacts;
mod build_script;
mod diagnostic;
pub mod diff;
mod error;
mod ident;
mod load;
pub mod model;
mod placeholders;
mod resolved;
mod schema;
mod structure;
mod suggest;
#[doc(hidden)]
pub mod synthetic;
mod validate;
mod words;
mod write;
mod yaml;
mod yaml_tags;

pub use build_script::Build;
pub use diagnostic::{Diagnostic, Report, Severity, escape, excerpt, quote};
pub use error::Error;
pub use load::{
    MAX_CODES, MAX_SPEC_BYTES, check_all, check_str, load, load_all, load_bytes, load_str,
    spec_files, special_file_kind,
};
pub use suggest::nearest;
pub use write::{Written, write_if_changed};

mod emit;

pub use emit::bodies::sent_fields;
pub use emit::facts;
pub use emit::markdown::code_section;
/// The formatted Rust catalog of a spec, as a build script writes it (`origin` names the
/// spec in the `@generated` stamp).
pub use emit::rust::render as rust_source;
