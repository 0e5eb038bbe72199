// src/lib.rs
errors_core::include_catalog!("shop"); // defines `mod shop` with `shop::ErrorCode`

use errors_core::ApiError;

#[derive(Debug, ApiError)]
#[api_error(catalog = crate::shop::ErrorCode)]
pub enum ShopError {
    /// Sends the spec's message, its `{sku}` filled from the field of that name.
    #[api_error(code = OutOfStock)]
    OutOfStock { sku: String },
}
