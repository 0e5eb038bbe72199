use errors_core::ApiError;

#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode)]
pub enum LibraryError {
    #[api_error(code = NotFund)]
    SongMissing,
    // Reported once, though the name is also the code whose message the fields must fill.
    #[api_error(code = NotFund)]
    AlbumMissing { id: u64 },
}

// Likewise on a struct.
#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode, code = NotFund)]
pub struct ArtistMissing {
    pub id: u64,
}

fn main() {}
