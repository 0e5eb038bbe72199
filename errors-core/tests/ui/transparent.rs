use errors_core::ApiError;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode, code = 4702)]
pub struct DbError;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode)]
pub enum LibraryError {
    #[api_error(transparent)]
    Nothing,
    #[api_error(transparent)]
    Two(DbError, DbError),
    #[api_error(transparent, code = 4704, message = "ignored")]
    Overridden(DbError),
}

#[derive(Debug, ApiError)]
#[api_error(transparent)]
pub struct Empty {}

fn main() {}
