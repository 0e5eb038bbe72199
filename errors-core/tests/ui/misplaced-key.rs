use errors_core::ApiError;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode, code = 4704, message = "Not Found", transparent)]
pub enum LibraryError {
    #[api_error(catalog = errors_core::lastfm::ErrorCode, code = 4704)]
    SongMissing {
        #[api_error(code = 4705)]
        id: u64,
    },
}

fn main() {}
