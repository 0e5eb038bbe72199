//! Reading a code from JSON or any serde format: a number or a numeric string, as the APIs
//! send them (Ampache writes `"4704"`, Last.fm and Subsonic `6`).

use core::fmt;

use serde::de::{Deserializer, Error, Visitor};

/// Deserialize a code of catalog `api` through `from_code`; unknown numbers are an error.
pub fn deserialize_code<'de, D, T>(
    deserializer: D,
    api: &'static str,
    from_code: fn(u32) -> Option<T>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_any(CodeVisitor { api, from_code })
}

struct CodeVisitor<T> {
    api: &'static str,
    from_code: fn(u32) -> Option<T>,
}

impl<T> CodeVisitor<T> {
    fn lookup<E: Error>(&self, code: u64) -> Result<T, E> {
        u32::try_from(code)
            .ok()
            .and_then(self.from_code)
            .ok_or_else(|| E::custom(format_args!("unknown {} error code {code}", self.api)))
    }
}

impl<T> Visitor<'_> for CodeVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a {} error code as a number or a numeric string",
            self.api
        )
    }

    fn visit_u64<E: Error>(self, code: u64) -> Result<T, E> {
        self.lookup(code)
    }

    fn visit_i64<E: Error>(self, code: i64) -> Result<T, E> {
        let code = u64::try_from(code)
            .map_err(|_| E::custom(format_args!("unknown {} error code {code}", self.api)))?;
        self.lookup(code)
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<T, E> {
        let code = text
            .trim()
            .parse::<u64>()
            .map_err(|_| E::custom(format_args!("`{text}` is not a {} error code", self.api)))?;
        self.lookup(code)
    }
}

/// Writes a code the way its API carries it in JSON ([`crate::JsonCode`]).
pub fn serialize_code<C: crate::Catalog, S: serde::Serializer>(
    code: C,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match C::API.json_code {
        crate::JsonCode::String => serializer.collect_str(&code.as_u32()),
        crate::JsonCode::Number => serializer.serialize_u32(code.as_u32()),
    }
}
