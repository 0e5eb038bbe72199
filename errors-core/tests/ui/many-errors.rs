// Every problem in one derive is reported in one build, and the type stays usable.
use errors_core::ApiError;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode)]
pub enum LibraryError {
    #[api_error(code = 4704, message = "Not Found: {idd}")]
    SongMissing { id: u64 },
    Gone,
    #[api_error(code = 4742, code = 4703)]
    Forbidden,
    #[api_error(transparent)]
    Db,
    #[api_error(code = 4799)]
    Typo,
    #[api_error(code = Missin)]
    Misspelled,
}

fn status(error: &LibraryError) -> u16 {
    error.http_status("6")
}

fn main() {
    let _ = status;
}
