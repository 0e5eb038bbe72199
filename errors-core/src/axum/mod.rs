//! axum integration (feature `axum`): errors answered in each client's format, version and
//! locale without handlers matching on formats.
//!
//! - [`ApiRequest`]: an extractor that never rejects, reading what each API family reads
//!   (Subsonic `f`, `v`, `c`, `callback`; Ampache `version`, `format` and the
//!   `json.server.php`/`xml.server.php` path; Last.fm `format` and `callback`;
//!   `Accept-Language`), from the query and from form POST bodies.
//! - [`ApiLayer`]: renders every error a handler returned with `?` for its request.
//! - [`ForRequest::for_request`]: the same, by hand, where a handler holds the request.
//! - [`Params`]: the handler's own parameters, rejected in the API's envelope (Subsonic 10,
//!   Ampache 4710, Last.fm 6).
//!
//! With the feature on, `#[derive(ApiError)]` also implements axum's `IntoResponse` for
//! the type, as does every catalog's `ErrorCode`: the bundled ones and a user's own,
//! included with [`include_catalog!`](crate::include_catalog), alike.

mod layer;
mod params;
mod render;
mod request;
mod scope;

pub use layer::{ApiLayer, ApiService};
pub use params::{Params, ParamsRejection};
pub use render::{ForRequest, RequestBound};
pub use request::ApiRequest;

#[doc(hidden)]
pub use render::defer;
