use errors_core::ApiError;

#[derive(ApiError)]
#[api_error(catalog = errors_core::ampache::ErrorCode, code = 4704)]
pub union Bits {
    a: u32,
    b: f32,
}

fn main() {}
