use errors_core::ApiError;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode)]
pub enum LibraryError {
    #[api_error(code = 4704)]
    SongMissing,
    #[api_error(code = 4799, message = "no such code")]
    Typo,
    // Every unknown number is reported, each at its own literal, in one build.
    #[api_error(code = 4711)]
    OffByOne,
    #[api_error(code = 4799)]
    SameTypo,
}

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::lastfm::ErrorCode, code = 30)]
pub struct Throttled;

fn main() {}
