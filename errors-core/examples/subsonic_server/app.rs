//! The routes of the example OpenSubsonic server: `ping`, `getMusicFolders` and `getSong`
//! under `/rest/NAME` and `/rest/NAME.view`, GET or POST form, for user `demo` with
//! password `demo`. Shared by the example's `main` and its loopback tests.

use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get};
use errors_core::ApiError;
use errors_core::axum::{ApiLayer, ApiRequest, Params};
use errors_core::subsonic::ErrorCode;
use md5::{Digest, Md5};
use serde::Deserialize;

/// The server's name and version in OpenSubsonic bodies.
pub const SERVER_TYPE: &str = "errors-core-example";
/// See [`SERVER_TYPE`].
pub const SERVER_VERSION: &str = "0.1.0";
/// The protocol version the server speaks.
const PROTOCOL: &str = "1.16.1";

const USER: &str = "demo";
const PASSWORD: &str = "demo";

/// The songs the server has, as `(id, title)`.
const SONGS: &[(&str, &str)] = &[("1", "Intro"), ("2", "Outro")];

/// Everything a handler can fail with; returned with `?`, rendered by [`ApiLayer`].
#[derive(Debug, ApiError)]
#[api_error(catalog = errors_core::subsonic::ErrorCode)]
pub enum ServerError {
    /// A parameter the method needs is absent.
    #[api_error(code = MissingParameter, message = "Required parameter is missing: {0}")]
    Missing(&'static str),
    /// Unknown user, wrong password or token.
    #[api_error(code = WrongCredentials)]
    WrongCredentials,
    /// No song with the id.
    #[api_error(code = NotFound, message = "Song not found: {0}")]
    SongNotFound(String),
}

/// The router, with the error layer for the Subsonic catalog.
pub fn router() -> Router {
    Router::new()
        .merge(method("ping", get(ping).post(ping)))
        .merge(method(
            "getMusicFolders",
            get(music_folders).post(music_folders),
        ))
        .merge(method("getSong", get(song).post(song)))
        .layer(ApiLayer::<ErrorCode>::new().open_subsonic(SERVER_TYPE, SERVER_VERSION))
}

/// `/rest/NAME` and `/rest/NAME.view`.
fn method(name: &str, route: MethodRouter) -> Router {
    Router::new()
        .route(&format!("/rest/{name}"), route.clone())
        .route(&format!("/rest/{name}.view"), route)
}

/// The credentials of a request: `u` with `p` (plain or `enc:` hex) or `t` and `s`.
fn authenticate(request: &ApiRequest<ErrorCode>) -> Result<(), ServerError> {
    let user = request.param("u").ok_or(ServerError::Missing("u"))?;
    let valid = match (request.param("p"), request.param("t"), request.param("s")) {
        (Some(password), _, _) => decode_password(&password).as_deref() == Some(PASSWORD),
        (None, Some(token), Some(salt)) => {
            // The Subsonic API: t = hex(md5(password + s)).
            let expected = Md5::digest(format!("{PASSWORD}{salt}").as_bytes());
            hex::decode(token.as_bytes()).is_ok_and(|token| token.as_slice() == expected.as_slice())
        }
        (None, Some(_), None) => return Err(ServerError::Missing("s")),
        (None, None, _) => return Err(ServerError::Missing("p")),
    };
    if user == USER && valid {
        Ok(())
    } else {
        Err(ServerError::WrongCredentials)
    }
}

/// A `p` value: clear text, or `enc:` and the password's bytes in hex.
fn decode_password(password: &str) -> Option<String> {
    match password.strip_prefix("enc:") {
        Some(encoded) => String::from_utf8(hex::decode(encoded).ok()?).ok(),
        None => Some(password.to_owned()),
    }
}

async fn ping(request: ApiRequest<ErrorCode>) -> Result<Response, ServerError> {
    authenticate(&request)?;
    Ok(ok(&request, "", ""))
}

async fn music_folders(request: ApiRequest<ErrorCode>) -> Result<Response, ServerError> {
    authenticate(&request)?;
    Ok(ok(
        &request,
        r#"<musicFolders><musicFolder id="1" name="Music"/></musicFolders>"#,
        r#","musicFolders":{"musicFolder":[{"id":1,"name":"Music"}]}"#,
    ))
}

/// `getSong`'s own parameter; a request without it is rejected with code 10 by [`Params`].
#[derive(Debug, Deserialize)]
struct SongParams {
    id: String,
}

async fn song(
    Params(params, request): Params<SongParams, ErrorCode>,
) -> Result<Response, ServerError> {
    authenticate(&request)?;
    let (id, title) = SONGS
        .iter()
        .find(|(id, _)| *id == params.id)
        .ok_or(ServerError::SongNotFound(params.id))?;
    // Ids and titles are plain ASCII words: no escaping needed.
    Ok(ok(
        &request,
        &format!(r#"<song id="{id}" title="{title}" isDir="false"/>"#),
        &format!(r#","song":{{"id":"{id}","title":"{title}","isDir":false}}"#),
    ))
}

/// A successful response holding `xml` or `json` (each a fragment of the envelope).
fn ok(request: &ApiRequest<ErrorCode>, xml: &str, json: &str) -> Response {
    use errors_core::Format;
    let head = format!(
        r#""status":"ok","version":"{PROTOCOL}","type":"{SERVER_TYPE}","serverVersion":"{SERVER_VERSION}","openSubsonic":true"#
    );
    let json_body = format!(r#"{{"subsonic-response":{{{head}{json}}}}}"#);
    match (request.format(), request.callback()) {
        (Format::Jsonp, Some(callback)) => (
            [("content-type", "application/javascript")],
            format!("{callback}({json_body});"),
        )
            .into_response(),
        (Format::Json | Format::Jsonp, _) => {
            ([("content-type", "application/json")], json_body).into_response()
        }
        (Format::Xml, _) => (
            [("content-type", "text/xml; charset=UTF-8")],
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><subsonic-response xmlns="http://subsonic.org/restapi" status="ok" version="{PROTOCOL}" type="{SERVER_TYPE}" serverVersion="{SERVER_VERSION}" openSubsonic="true">{xml}</subsonic-response>"#
            ),
        )
            .into_response(),
    }
}
