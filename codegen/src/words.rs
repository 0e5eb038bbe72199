//! The spec format's vocabulary (family, format, JSON code type, retry advice, lifecycle)
//! is errors-wire's own types, which carry no serde: they are read, written and described
//! in the JSON Schema here, by the words their `as_str` gives.

use std::str::FromStr;

use errors_wire::{Family, Format, JsonCode, Lifecycle, Retry, UnknownWord};
use schemars::{Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serializer, de};

/// A vocabulary type of errors-wire.
pub trait Word: Copy + FromStr<Err = UnknownWord> + 'static {
    /// Every value.
    fn all() -> &'static [Self];
    /// The word for the value.
    fn word(self) -> &'static str;
}

macro_rules! word {
    ($($ty:ty),*) => {$(
        impl Word for $ty {
            fn all() -> &'static [Self] {
                <$ty>::ALL
            }
            fn word(self) -> &'static str {
                self.as_str()
            }
        }
    )*};
}

word!(Family, Format, JsonCode, Lifecycle, Retry);

/// `#[serde(with = "crate::words::one")]`: a single word.
pub mod one {
    use super::*;

    pub fn serialize<W: Word, S: Serializer>(value: &W, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(value.word())
    }

    pub fn deserialize<'de, W: Word, D: Deserializer<'de>>(deserializer: D) -> Result<W, D::Error> {
        let word = String::deserialize(deserializer)?;
        // The vocabulary's own error already holds the `'static` word list serde wants.
        word.parse()
            .map_err(|e: UnknownWord| de::Error::unknown_variant(&word, e.expected))
    }
}

/// `#[serde(with = "crate::words::many")]`: a list of words.
pub mod many {
    use super::*;

    pub fn serialize<W: Word, S: Serializer>(
        values: &[W],
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(values.iter().map(|v| v.word()))
    }

    pub fn deserialize<'de, W: Word, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<W>, D::Error> {
        let words = Vec::<String>::deserialize(deserializer)?;
        words
            .iter()
            .map(|word| {
                word.parse()
                    .map_err(|e: UnknownWord| de::Error::custom(format_args!("`{word}`: {e}")))
            })
            .collect()
    }
}

/// The JSON Schema of a word: a string, one of the type's words.
pub fn schema<W: Word>(_: &mut SchemaGenerator) -> Schema {
    let words: Vec<&str> = W::all().iter().map(|w| w.word()).collect();
    json_schema!({ "type": "string", "enum": words })
}

/// The JSON Schema of a list of words.
pub fn schema_list<W: Word>(generator: &mut SchemaGenerator) -> Schema {
    let item = schema::<W>(generator);
    json_schema!({ "type": "array", "items": item })
}
