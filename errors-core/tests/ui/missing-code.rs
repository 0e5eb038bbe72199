use errors_core::ApiError;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode)]
pub enum LibraryError {
    #[api_error(code = 4704)]
    SongMissing,
    #[api_error(message = "gone")]
    Gone,
    Forgotten,
}

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::lastfm::ErrorCode)]
pub struct Throttled;

fn main() {}
