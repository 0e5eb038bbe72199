use errors_core::ApiError;

#[derive(Debug, ApiError)]
#[api_error(catalog = ampache)]
pub enum LibraryError {
    #[api_error(code = 4704)]
    SongMissing,
    #[api_error(message = "gone")]
    Gone,
    Forgotten,
}

#[derive(Debug, ApiError)]
#[api_error(catalog = lastfm)]
pub struct Throttled;

fn main() {}
