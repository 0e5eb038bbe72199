use errors_core::ApiError;

// `help_url` belongs to each variant, not to the enum; and not beside `transparent`.
#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::subsonic::ErrorCode, help_url = "https://example.org")]
pub enum BrowseError {
    #[api_error(code = NotFound)]
    Missing,
    #[api_error(transparent, help_url = "https://example.org/inner")]
    Inner(errors_core::subsonic::ErrorCode),
}

fn main() {}
