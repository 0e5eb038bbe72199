use errors_core::ApiError;

// Last.fm bodies carry neither an error type (Ampache's) nor a help URL (OpenSubsonic's):
// the first key of each kind is an error, once for the whole type.
#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::lastfm::ErrorCode)]
pub enum ScrobbleError {
    #[api_error(code = 29, error_type = "rate")]
    Throttled,
    #[api_error(code = 6, help_url = "https://example.org/6")]
    Missing,
    #[api_error(code = 10, error_type = "key")]
    BadKey,
}

// An Ampache catalog carries error types but no help URL.
#[derive(Debug, ApiError)]
#[api_error(
    catalog = errors_core::ampache::ErrorCode,
    code = 4704,
    error_type = "song",
    help_url = "https://example.org/4704"
)]
pub struct SongMissing;

fn main() {}
