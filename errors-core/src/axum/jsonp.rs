//! JSONP: a JSON body wrapped in a call of the client's callback, as Subsonic servers send
//! for `f=jsonp&callback=NAME` and Last.fm for `format=json&callback=NAME`.
//!
//! The shape follows Navidrome (navidrome/navidrome at 295886cb, server/subsonic/api.go,
//! `sendResponseWithStatus`): `NAME(` + the JSON body + `)`, sent as
//! `application/javascript`, for a callback that is a JavaScript identifier path
//! (`^[a-zA-Z_$][a-zA-Z0-9_$.]*$`, its `validJSIdentifier`).

/// The `Content-Type` of a JSONP body.
pub(crate) const CONTENT_TYPE: &str = "application/javascript";

/// Whether `name` may be sent back as a callback: a JavaScript identifier path, so that
/// a reflected parameter can never inject script.
pub(crate) fn valid_callback(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_' || b == b'$')
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'.'))
}

/// `json` wrapped in a call of `callback`.
pub(crate) fn wrap(callback: &str, json: &[u8]) -> Vec<u8> {
    let mut body = Vec::with_capacity(callback.len() + json.len() + 2);
    body.extend_from_slice(callback.as_bytes());
    body.push(b'(');
    body.extend_from_slice(json);
    body.push(b')');
    body
}

#[cfg(test)]
mod tests {
    use super::valid_callback;

    #[test]
    fn callbacks() {
        for good in ["cb", "jQuery123_456", "window.app.cb", "$x", "_"] {
            assert!(valid_callback(good), "{good}");
        }
        for bad in ["", "1cb", "cb()", "a-b", "alert(1);x", "x y", "é"] {
            assert!(!valid_callback(bad), "{bad}");
        }
    }
}
