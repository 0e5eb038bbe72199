// A variant that sends its code's spec message must have a field for each placeholder of
// it (`Item {sku} is out of stock`), or a message of its own.
include!("catalogs/shop.rs");

use errors_core::ApiError;

#[derive(Debug, ApiError)]
#[api_error(catalog = shop::ErrorCode)]
enum Checkout {
    #[api_error(code = OutOfStock)]
    Missing,
    #[api_error(code = 1)]
    Wrong { id: u32 },
    #[api_error(code = 1)]
    Right { sku: String },
    #[api_error(code = 1, message = "Sold out")]
    Own,
}

#[derive(Debug, ApiError)]
#[api_error(catalog = shop::ErrorCode, code = OutOfStock)]
struct Sold(String);

fn main() {}
