use errors_core::ApiError;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode)]
pub enum LibraryError {
    #[api_error(code = 4704)]
    SongMissing,
    #[api_error(code = 4799, message = "no such code")]
    Typo,
    // Reported once 4799 is mended: a type's numbers are checked in one constant, whose
    // evaluation stops at the first unknown one.
    #[api_error(code = 4711)]
    OffByOne,
    // A number is checked once, at its first use.
    #[api_error(code = 4799)]
    SameTypo,
}

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::lastfm::ErrorCode, code = 30)]
pub struct Throttled;

fn main() {}
