//! `#[derive(ApiError)]`: attaches the codes of a spec-generated catalog to a user's own
//! error types, checking every code at compile time.
//!
//! Use it through `errors_core`, which re-exports it next to the `ApiError` trait and
//! documents it with examples; the code this macro emits names `::errors_core`.

mod ast;
mod attr;
mod expand;
mod fmt;
mod valid;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

#[proc_macro_derive(ApiError, attributes(api_error))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}
