use errors_core::ApiError;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode)]
pub enum LibraryError {
    #[api_error(code = 4704, error_type = "song", code = 4705)]
    SongMissing,
    #[api_error(code = 4704, message = "a")]
    #[api_error(message = "b")]
    Gone,
}

fn main() {}
