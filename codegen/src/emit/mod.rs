//! Everything generated from a valid spec.

pub mod phf;
pub mod rust;
