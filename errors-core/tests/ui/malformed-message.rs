use errors_core::ApiError;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode)]
pub enum LibraryError {
    #[api_error(code = 4704, message = "Not Found: {id")]
    Unclosed { id: u64 },
    #[api_error(code = 4704, message = "Not Found: {}")]
    Empty(u64),
    #[api_error(code = 4704, message = "[{0:>1$}]")]
    WidthFromField(f32, usize),
}

fn main() {}
