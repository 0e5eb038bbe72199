//! JSON through serde_json, driven by visitors: objects are walked member by member, the
//! wanted values kept (borrowed from the body when they have no escapes), everything else
//! skipped with its nesting counted to [`MAX_DEPTH`], and reading stops as soon as the
//! body is settled.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use serde_core::de::{
    self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde_json::error::Category;

use super::MAX_DEPTH;
use super::input::Input;
use crate::ParseError;

/// What one parse shares: why reading stopped before the end, when a visitor stopped it.
#[derive(Default)]
pub(crate) struct Stop(Cell<Option<ParseError>>);

impl fmt::Debug for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Stop")
    }
}

/// The nesting level of the value being read, and where to leave a reason to stop.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ctx<'s> {
    depth: usize,
    stop: &'s Stop,
}

impl<'s> Ctx<'s> {
    /// Ends reading with `error` as the outcome.
    pub(crate) fn stop<E: de::Error>(self, error: ParseError) -> E {
        self.stop.0.set(Some(error));
        E::custom("stopped")
    }

    /// The context inside an object or array at this level.
    fn deeper<E: de::Error>(self) -> Result<Self, E> {
        if self.depth >= MAX_DEPTH {
            return Err(self.stop(ParseError::TooDeep { limit: MAX_DEPTH }));
        }
        Ok(Ctx {
            depth: self.depth + 1,
            ..self
        })
    }

    /// Reads the value of the member whose key was just read, keeping it if it is a scalar
    /// and handing an object to `object`.
    ///
    /// What is read goes into `slot`, here and in the other readers of a value: written in
    /// place, it is not moved back through serde's layers.
    pub(crate) fn value<'de, A: MapAccess<'de>, O: Object<'de>>(
        self,
        map: &mut A,
        object: &mut O,
        slot: &mut Option<Value<'de>>,
    ) -> Result<(), A::Error> {
        map.next_value_seed(ValueSeed {
            ctx: self,
            object,
            slot,
        })
    }

    /// Reads a member's value as a scalar; an object or array is skipped and read as
    /// [`Scalar::Container`].
    pub(crate) fn scalar<'de, A: MapAccess<'de>>(
        self,
        map: &mut A,
        slot: &mut Option<Scalar<'de>>,
    ) -> Result<(), A::Error> {
        map.next_value_seed(ValueSeed {
            ctx: self,
            object: &mut Skip,
            slot,
        })
    }

    /// Reads a member's value that is kept only when it is a string: anything else is
    /// skipped and read as `None`.
    #[inline]
    pub(crate) fn string<'de, A: MapAccess<'de>>(
        self,
        map: &mut A,
        slot: &mut Option<Cow<'de, str>>,
    ) -> Result<(), A::Error> {
        map.next_value_seed(StringSeed(self, slot))
    }

    /// Skips a member's value.
    pub(crate) fn skip<'de, A: MapAccess<'de>>(self, map: &mut A) -> Result<(), A::Error> {
        map.next_value_seed(SkipSeed(self))
    }
}

/// The members of one object that a reader keeps, by bit, and which of them came twice.
/// A member that decides the error is ambiguous when given twice (which one did the server
/// mean?); serde_json and most readers would silently keep the last. Only the members a
/// decision uses are checked, so unknown members may repeat.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Seen {
    once: u16,
    twice: u16,
}

impl Seen {
    /// Notes member `bit` (one of the reader's own bit constants).
    #[inline]
    pub(crate) fn mark(&mut self, bit: u16) {
        self.twice |= self.once & bit;
        self.once |= bit;
    }

    /// Whether member `bit` was given.
    pub(crate) fn has(self, bit: u16) -> bool {
        self.once & bit != 0
    }

    /// [`ParseError::Ambiguous`] for the first member among `used` given twice; `names`
    /// names the members by bit position.
    pub(crate) fn check(self, used: u16, names: &[&'static str]) -> Result<(), ParseError> {
        match self.twice & used {
            0 => Ok(()),
            twice => Err(ParseError::Ambiguous {
                format: crate::Format::Json,
                member: names
                    .get(twice.trailing_zeros() as usize)
                    .copied()
                    .unwrap_or("?"),
            }),
        }
    }
}

/// The key of an object's next member, told by `of` (a reader's own small enum of the
/// members it keeps) while serde_json still holds the text: no string is handed back.
pub(crate) fn next_key<'de, A: MapAccess<'de>, K, F: Fn(&str) -> K>(
    map: &mut A,
    of: F,
) -> Result<Option<K>, A::Error> {
    map.next_key_seed(Key(of))
}

/// Reads the members of an object: the shape logic of one kind of object. What it finds
/// it keeps in itself (or in what it borrows), so that nothing large is handed back
/// through serde's layers.
pub(crate) trait Object<'de> {
    fn read<A: MapAccess<'de>>(&mut self, map: A, ctx: Ctx<'_>) -> Result<(), A::Error>;
}

/// A value: an object, read by the [`Object`] given for it, or anything else.
#[derive(Debug)]
pub(crate) enum Value<'de> {
    Object,
    Scalar(Scalar<'de>),
}

/// A value other than an object that a reader looked at.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Scalar<'de> {
    Str(Cow<'de, str>),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Bool(bool),
    Null,
    /// An array, or an object where none was expected; skipped.
    Container,
}

impl<'de> Scalar<'de> {
    /// The JSON text of a value that is not a code, as [`ParseError::InvalidCode`] quotes
    /// it.
    pub(crate) fn text(&self) -> String {
        match self {
            Scalar::Str(text) => text.to_string(),
            Scalar::Unsigned(n) => n.to_string(),
            Scalar::Signed(n) => n.to_string(),
            Scalar::Float(x) => {
                serde_json::Number::from_f64(*x).map_or_else(|| x.to_string(), |n| n.to_string())
            }
            Scalar::Bool(b) => b.to_string(),
            Scalar::Null => "null".into(),
            Scalar::Container => "an array or object".into(),
        }
    }
}

/// Skips objects: the [`Object`] for values only looked at as scalars.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Skip;

impl<'de> Object<'de> for Skip {
    fn read<A: MapAccess<'de>>(&mut self, mut map: A, ctx: Ctx<'_>) -> Result<(), A::Error> {
        while map.next_key::<IgnoredAny>()?.is_some() {
            ctx.skip(&mut map)?;
        }
        Ok(())
    }
}

struct Key<F>(F);

impl<'de, K, F: Fn(&str) -> K> DeserializeSeed<'de> for Key<F> {
    type Value = K;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, K, F: Fn(&str) -> K> Visitor<'de> for Key<F> {
    type Value = K;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    // Borrowed keys come here too (serde's default); an escaped key is unescaped first.
    #[inline]
    fn visit_str<E>(self, v: &str) -> Result<K, E> {
        Ok((self.0)(v))
    }
}

/// Where a value read is put: a [`Value`], or a [`Scalar`] with an object as
/// [`Scalar::Container`].
pub(crate) trait Slot<'de> {
    fn put(&mut self, value: Value<'de>);
}

impl<'de> Slot<'de> for Option<Value<'de>> {
    #[inline]
    fn put(&mut self, value: Value<'de>) {
        *self = Some(value);
    }
}

impl<'de> Slot<'de> for Option<Scalar<'de>> {
    #[inline]
    fn put(&mut self, value: Value<'de>) {
        *self = Some(match value {
            Value::Scalar(scalar) => scalar,
            Value::Object => Scalar::Container,
        });
    }
}

struct ValueSeed<'s, 'o, O, S> {
    ctx: Ctx<'s>,
    object: &'o mut O,
    slot: &'o mut S,
}

impl<'de, O: Object<'de>, S: Slot<'de>> DeserializeSeed<'de> for ValueSeed<'_, '_, O, S> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, O: Object<'de>, S: Slot<'de>> Visitor<'de> for ValueSeed<'_, '_, O, S> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<(), E> {
        self.slot.put(Value::Scalar(Scalar::Bool(v)));
        Ok(())
    }
    fn visit_i64<E>(self, v: i64) -> Result<(), E> {
        self.slot.put(Value::Scalar(Scalar::Signed(v)));
        Ok(())
    }
    fn visit_u64<E>(self, v: u64) -> Result<(), E> {
        self.slot.put(Value::Scalar(Scalar::Unsigned(v)));
        Ok(())
    }
    fn visit_f64<E>(self, v: f64) -> Result<(), E> {
        self.slot.put(Value::Scalar(Scalar::Float(v)));
        Ok(())
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<(), E> {
        self.slot.put(Value::Scalar(Scalar::Str(Cow::Borrowed(v))));
        Ok(())
    }
    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        self.slot
            .put(Value::Scalar(Scalar::Str(Cow::Owned(v.to_owned()))));
        Ok(())
    }
    fn visit_string<E>(self, v: String) -> Result<(), E> {
        self.slot.put(Value::Scalar(Scalar::Str(Cow::Owned(v))));
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        self.slot.put(Value::Scalar(Scalar::Null));
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let ctx = self.ctx.deeper()?;
        self.object.read(map, ctx)?;
        self.slot.put(Value::Object);
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        SkipSeed(self.ctx).visit_seq(seq)?;
        self.slot.put(Value::Scalar(Scalar::Container));
        Ok(())
    }
}

/// A string, or `None` for a value of another kind, which is skipped.
struct StringSeed<'s, 'o, 'de>(Ctx<'s>, &'o mut Option<Cow<'de, str>>);

impl<'de> DeserializeSeed<'de> for StringSeed<'_, '_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StringSeed<'_, '_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<(), E> {
        *self.1 = Some(Cow::Borrowed(v));
        Ok(())
    }
    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        *self.1 = Some(Cow::Owned(v.to_owned()));
        Ok(())
    }
    fn visit_string<E>(self, v: String) -> Result<(), E> {
        *self.1 = Some(Cow::Owned(v));
        Ok(())
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        *self.1 = None;
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        *self.1 = None;
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        *self.1 = None;
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        *self.1 = None;
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        *self.1 = None;
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        *self.1 = None;
        SkipSeed(self.0).visit_map(map)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        *self.1 = None;
        SkipSeed(self.0).visit_seq(seq)
    }
}

/// Skips a value of any kind, counting its nesting.
#[derive(Clone, Copy)]
struct SkipSeed<'s>(Ctx<'s>);

impl<'de> DeserializeSeed<'de> for SkipSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for SkipSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let ctx = self.0.deeper()?;
        Skip.read(map, ctx)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let inner = SkipSeed(self.0.deeper()?);
        while seq.next_element_seed(inner)?.is_some() {}
        Ok(())
    }
}

/// Reads the JSON document in `input` with `root` as the reader of its top-level object.
/// Only blanks may follow the document.
/// Whether the document is an object.
pub(crate) fn read<'a, O: Object<'a>>(input: Input<'a>, root: &mut O) -> Result<bool, ParseError> {
    let stop = Stop::default();
    let ctx = Ctx {
        depth: 0,
        stop: &stop,
    };
    let mut deserializer = serde_json::Deserializer::from_slice(input.bytes);
    let mut document = None;
    let read = ValueSeed {
        ctx,
        object: root,
        slot: &mut document,
    }
    .deserialize(&mut deserializer)
    .and_then(|()| deserializer.end());
    match read {
        Ok(()) => Ok(matches!(document, Some(Value::Object))),
        Err(error) => Err(match stop.0.take() {
            Some(stopped) => stopped,
            None => json_error(&input, &error),
        }),
    }
}

/// What a serde_json error means for the body: at the end of the input, a document cut
/// short; bytes that are not UTF-8; else a syntax error at its offset.
#[cold]
#[inline(never)]
fn json_error(input: &Input<'_>, error: &serde_json::Error) -> ParseError {
    if error.classify() == Category::Eof {
        return input.end();
    }
    let offset = offset_of(input.bytes, error.line(), error.column());
    if let Some(not_utf8) = input.not_utf8_by(offset) {
        return not_utf8;
    }
    let message = error.to_string();
    let message = message.split(" at line ").next().unwrap_or_default();
    let reason = REASONS
        .iter()
        .find(|&&reason| reason == message)
        .copied()
        .unwrap_or("invalid JSON");
    input.malformed(offset, reason)
}

/// serde_json's messages, so a syntax error can name its reason as a `&'static str`.
const REASONS: [&str; 18] = [
    "expected `:`",
    "expected `,` or `]`",
    "expected `,` or `}`",
    "expected ident",
    "expected value",
    "expected `\"`",
    "invalid escape",
    "invalid number",
    "number out of range",
    "invalid unicode code point",
    "control character (\\u0000-\\u001F) found while parsing a string",
    "key must be a string",
    "lone leading surrogate in hex escape",
    "trailing comma",
    "trailing characters",
    "unexpected end of hex escape",
    "recursion limit exceeded",
    "float key must be finite (got NaN or +/-inf)",
];

/// The byte offset of serde_json's 1-based line and its column (bytes into the line).
fn offset_of(bytes: &[u8], line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(line - 2)
            .map_or(bytes.len(), |(at, _)| at + 1)
    };
    (line_start + column).saturating_sub(1).min(bytes.len())
}
