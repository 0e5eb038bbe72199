use errors_core::ApiError;

// `retry_after` belongs to each variant, not to the enum; and not beside `transparent`.
#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::lastfm::ErrorCode, retry_after = 30)]
pub enum ScrobbleError {
    #[api_error(code = RateLimitExceeded)]
    Throttled,
    #[api_error(transparent, retry_after = 5)]
    Inner(errors_core::lastfm::ErrorCode),
}

// A whole number of seconds: not a string, a fraction, a suffix or a negative number.
#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::lastfm::ErrorCode, code = 29, retry_after = "30")]
pub struct Quoted;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::lastfm::ErrorCode, code = 29, retry_after = 1.5)]
pub struct Fraction;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::lastfm::ErrorCode, code = 29, retry_after = 30s)]
pub struct Suffixed;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::lastfm::ErrorCode, code = 29, retry_after = -1)]
pub struct Negative;

fn main() {}
