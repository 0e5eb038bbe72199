//! What every generated catalog does, written once: a generated file holds its codes'
//! data and ends with one `__impl_catalog!` line, as http's `status_codes!` table drives
//! the behaviour of every `StatusCode`.

/// Inherent methods and trait impls of a generated `ErrorCode`, from its [`Catalog`]
/// impl and `$placeholders`, the `(code, placeholders, explanation)` of each code whose
/// messages have placeholders (for the derive's check of a variant's fields).
///
/// [`Catalog`]: crate::Catalog
/// [`CodeInfo`]: crate::CodeInfo
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_catalog {
    ($ty:ident, $placeholders:expr) => {
        impl $ty {
            /// The code with this variant name.
            #[must_use]
            pub fn from_name(name: &str) -> ::core::option::Option<Self> {
                <Self as $crate::Catalog>::from_name(name)
            }

            /// Everything the spec says about the code.
            #[must_use]
            pub fn info(self) -> &'static $crate::CodeInfo<Self> {
                <Self as $crate::Catalog>::info(self)
            }

            /// The variant name.
            #[must_use]
            pub fn name(self) -> &'static str {
                <Self as $crate::Catalog>::name(self)
            }

            /// Short human title.
            #[must_use]
            pub fn title(self) -> &'static str {
                <Self as $crate::Catalog>::title(self)
            }

            /// What the error means and what a client should do (Markdown).
            #[must_use]
            pub fn description(self) -> &'static str {
                <Self as $crate::Catalog>::description(self)
            }

            /// The default message, in the default locale.
            #[must_use]
            pub fn message(self) -> &'static str {
                <Self as $crate::Catalog>::message(self)
            }

            /// The default message in `locale` (`de-AT`), falling back to its language (`de`),
            /// then to the default locale.
            #[must_use]
            pub fn message_in(self, locale: &str) -> &'static str {
                <Self as $crate::Catalog>::message_in(self, locale)
            }

            /// Error types the API sends with this code (Ampache `errorType`).
            #[must_use]
            pub fn error_types(self) -> &'static [&'static str] {
                <Self as $crate::Catalog>::error_types(self)
            }

            /// The HTTP status sent with this code to a client of `version`; see
            /// [`ApiInfo::resolve`]($crate::ApiInfo::resolve) for how a version is read.
            #[must_use]
            pub fn http_status(self, version: &str) -> u16 {
                <Self as $crate::Catalog>::http_status(self, version)
            }

            /// The code that versions with legacy codes send instead.
            #[must_use]
            pub fn legacy(self) -> ::core::option::Option<Self> {
                <Self as $crate::Catalog>::legacy(self)
            }

            /// Retry advice.
            #[must_use]
            pub fn retry(self) -> $crate::Retry {
                <Self as $crate::Catalog>::retry(self)
            }

            /// Whether the code is still in use.
            #[must_use]
            pub fn lifecycle(self) -> $crate::Lifecycle {
                <Self as $crate::Catalog>::lifecycle(self)
            }

            /// The first version that has this code, when not all of them do.
            #[must_use]
            pub fn since(self) -> ::core::option::Option<&'static str> {
                <Self as $crate::Catalog>::since(self)
            }

            /// For the compile-time checks of `#[derive(ApiError)]`: empty when every
            /// placeholder of `code`'s messages names one of `fields`, else why not.
            #[doc(hidden)]
            #[must_use]
            pub const fn __missing_fields(code: u32, fields: &[&str]) -> &'static str {
                $crate::__private::missing_fields($placeholders, code, fields)
            }
        }

        /// The variant name.
        impl ::core::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.name())
            }
        }

        /// By variant name (`NotFound`) or by number (`4704`).
        impl ::core::str::FromStr for $ty {
            type Err = $crate::UnknownCode;

            // The error type by name, not as `Self::Err`: a code may be named `Err` (or
            // `Error`), and `Self::Err` would then be ambiguous.
            fn from_str(text: &str) -> ::core::result::Result<Self, $crate::UnknownCode> {
                $crate::__private::code_from_str(text)
            }
        }

        impl ::core::convert::TryFrom<u32> for $ty {
            type Error = $crate::UnknownCode;

            fn try_from(code: u32) -> ::core::result::Result<Self, $crate::UnknownCode> {
                <Self as $crate::Catalog>::from_code(code).ok_or_else(|| {
                    $crate::UnknownCode::from_number(<Self as $crate::Catalog>::API.id, code)
                })
            }
        }

        impl ::core::convert::From<$ty> for u32 {
            fn from(code: $ty) -> u32 {
                code.as_u32()
            }
        }

        /// Written the way the API carries it in JSON: a string or a number.
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                $crate::__private::serialize_code(*self, serializer)
            }
        }

        /// Read from a number or a numeric string.
        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                $crate::__private::deserialize_code(
                    deserializer,
                    <Self as $crate::Catalog>::API.id,
                    <Self as $crate::Catalog>::from_code,
                )
            }
        }

        /// The error that is nothing but its code.
        impl $crate::ApiError for $ty {
            type Catalog = $ty;

            fn code(&self) -> $ty {
                *self
            }
        }

        // axum's `IntoResponse` when errors-core has its `axum` feature, for the bundled
        // catalogs and a user's own alike: expanded in the crate that defines the catalog,
        // so the orphan rule allows it there.
        $crate::__into_response! { [] $ty, [] }
    };
}
