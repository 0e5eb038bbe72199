use errors_core::ApiError;

#[derive(Debug, ApiError)]
#[api_error(catalog = ampache)]
pub enum LibraryError {
    #[api_error(code = NotFund)]
    SongMissing,
}

fn main() {}
