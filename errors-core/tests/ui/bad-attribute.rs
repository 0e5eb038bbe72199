// Attributes the derive cannot read: unknown keys, no keys, values of the wrong kind.
use errors_core::ApiError;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode, status = 404)]
pub enum LibraryError {
    #[api_error(cod = 4704, errortype = "song", message = "Not Found")]
    SongMissing,
    #[api_error]
    Gone,
    #[api_error(code = "4704")]
    Quoted,
    #[api_error(code = 4294967296)]
    TooLarge,
    #[api_error(code = 4704, message = Missing)]
    Unquoted,
    #[api_error(code = 4704u8)]
    Suffixed,
}

fn main() {}
