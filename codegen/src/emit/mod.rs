//! Everything generated from a valid spec.

pub mod bodies;
mod commonmark;
pub mod facts;
pub mod fixtures;
pub mod markdown;
pub mod rust;
mod rustdoc;
