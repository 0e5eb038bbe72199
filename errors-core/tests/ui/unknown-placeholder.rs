use errors_core::ApiError;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode)]
pub enum LibraryError {
    #[api_error(code = 4704, message = "Not Found: {idd}")]
    SongMissing { id: u64 },
    #[api_error(code = 4742, message = "Require: {1}")]
    Forbidden(u8),
    #[api_error(code = 4710, message = "Bad Request: {limit}")]
    BadRequest,
}

fn main() {}
