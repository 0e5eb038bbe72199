use errors_core::ApiError;

#[derive(Debug, ApiError)]
pub enum LibraryError {
    #[api_error(code = 4704)]
    SongMissing,
}

#[derive(Debug, ApiError)]
#[api_error(code = 29)]
pub struct Throttled;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache, code = 4704)]
pub struct ModuleNotEnum;

// The type is still an ApiError: no second error here.
fn code(error: &LibraryError) -> u16 {
    error.http_status("6")
}

fn main() {
    let _ = code;
}
