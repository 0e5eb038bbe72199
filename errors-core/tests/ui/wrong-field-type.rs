// Fields whose types do not fit how the derive uses them, reported at the field or message.
use errors_core::ApiError;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::lastfm::ErrorCode, code = 29)]
pub struct Throttled;

pub struct Opaque;

#[derive(ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode)]
pub enum LibraryError {
    #[api_error(transparent)]
    Upstream(Throttled),
    #[api_error(transparent)]
    Other(Opaque),
    #[api_error(code = 4710, message = "Bad Request: {0}")]
    Shown(Opaque),
}

fn main() {}
