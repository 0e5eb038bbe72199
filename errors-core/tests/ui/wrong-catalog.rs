use errors_core::ApiError;

// A module where the catalog's `ErrorCode` type belongs: named at the path.
#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache, code = 4704)]
pub struct ModulePath;

// A type that is not a catalog: rustc names what is expected, at the path.
#[derive(Debug, ApiError)]
#[api_error(catalog = String, code = 4704)]
pub struct NotACatalog;

fn main() {}
