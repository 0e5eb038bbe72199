// Derived code compiles warning-free under strict lints and without the prelude, with the
// catalog named by a relative path.
#![deny(warnings, unused_qualifications, unused_results, rust_2018_idioms)]
#![forbid(unsafe_code)]
#![no_implicit_prelude]

use ::errors_core::ApiError;
use ::errors_core::ampache as amp;

#[derive(::std::fmt::Debug, ApiError)]
#[api_error(catalog = amp::ErrorCode, error_type = "song")]
pub enum LibraryError<T: ::std::fmt::Display> {
    #[api_error(code = 4704, message = "Not Found: {id}")]
    SongMissing { id: T },
    #[api_error(code = NotFound)]
    Gone,
    #[api_error(code = GenericError, retry_after = 10)]
    Busy,
    #[api_error(transparent)]
    Db(DbError),
}

#[derive(::std::fmt::Debug, ApiError)]
#[api_error(catalog = amp::ErrorCode, code = 4702, message = "{0}: {{locked}}", retry_after = 5)]
pub struct DbError(u8);

fn main() {
    let error: LibraryError<u64> = LibraryError::SongMissing { id: 3 };
    ::std::assert_eq!(error.message(), "Not Found: 3");
    ::std::assert_eq!(LibraryError::<u8>::Db(DbError(1)).message(), "1: {locked}");
    let busy = ::core::option::Option::Some(::core::time::Duration::from_secs(10));
    ::std::assert_eq!(LibraryError::<u8>::Busy.retry_after(), busy);
    let locked = ::core::option::Option::Some(::core::time::Duration::from_secs(5));
    ::std::assert_eq!(LibraryError::<u8>::Db(DbError(1)).retry_after(), locked);
    ::std::assert_eq!(LibraryError::<u8>::Gone.retry_after(), ::core::option::Option::None);
}
