//! The JSON error shapes: Ampache `{"error": {..}}`, Last.fm `{"error": N, "message": ..}`
//! (GNU FM also `{"error": {"#text": .., "code": ".."}}`), `{"subsonic-response": {..}}`
//! (Madsonic 6: `madsonic-response`) and RFC 9457 problem details.
//!
//! A body is classified by the members it has, read to its end, not by the first one: a
//! problem details body stays one whatever extension members it carries.

use std::borrow::Cow;

use serde_core::de::{IgnoredAny, MapAccess};

use super::input::Input;
use super::json::{self, Ctx, Object, Scalar, Seen, Value, next_key};
use super::{invalid_code, parse_digits};
use crate::{ErrorBody, Family, Format, ParseError, Shape};

/// Reads a JSON body. Without `every_member`, a first member that no error body starts with
/// (one that [`Top`] does not read: `error`, `message`, `links`, `subsonic-response`,
/// `madsonic-response` and the members of problem details are those) makes it a success
/// response: a success response of Ampache or Last.fm starts with another, so the first
/// member settles it without reading further.
pub(crate) fn parse(input: Input<'_>, every_member: bool) -> Result<ErrorBody<'_>, ParseError> {
    let first = input.bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'[') {
        return Err(ParseError::UnexpectedRoot {
            format: Format::Json,
            found: "array".into(),
        });
    }
    // Every member is kept here, in place, and the body is built from them once at the
    // end: nothing larger than a scalar travels back through the readers.
    let mut top = Top {
        every_member,
        members: TopLevel::default(),
    };
    match json::read(input, &mut top)? {
        true => top.members.decide(every_member),
        false => Err(ParseError::UnexpectedRoot {
            format: Format::Json,
            found: "a value other than an object".into(),
        }),
    }
}

type Outcome<'a> = Result<ErrorBody<'a>, ParseError>;

/// The reader of the top-level object.
struct Top<'a> {
    every_member: bool,
    members: TopLevel<'a>,
}

/// The top-level members kept, by bit of [`Seen`]; `TOP_NAMES` in the same order.
mod top {
    pub(super) const SUBSONIC: u16 = 1;
    pub(super) const MADSONIC: u16 = 1 << 1;
    pub(super) const ERROR: u16 = 1 << 2;
    pub(super) const MESSAGE: u16 = 1 << 3;
    pub(super) const TYPE: u16 = 1 << 4;
    pub(super) const TITLE: u16 = 1 << 5;
    pub(super) const STATUS: u16 = 1 << 6;
    pub(super) const DETAIL: u16 = 1 << 7;
    pub(super) const INSTANCE: u16 = 1 << 8;
    pub(super) const CODE: u16 = 1 << 9;
    pub(super) const PROBLEM: u16 = TYPE | TITLE | STATUS | DETAIL | INSTANCE | CODE;
    /// Last.fm's `links`, which decides nothing.
    pub(super) const LINKS: u16 = 1 << 10;

    /// The bit of a key; 0 for a member not kept.
    #[inline]
    pub(super) fn of(key: &str) -> u16 {
        match key {
            "subsonic-response" => SUBSONIC,
            "madsonic-response" => MADSONIC,
            "error" => ERROR,
            "message" => MESSAGE,
            "type" => TYPE,
            "title" => TITLE,
            "status" => STATUS,
            "detail" => DETAIL,
            "instance" => INSTANCE,
            "code" => CODE,
            "links" => LINKS,
            _ => 0,
        }
    }
}
const TOP_NAMES: [&str; 10] = [
    "subsonic-response",
    "madsonic-response",
    "error",
    "message",
    "type",
    "title",
    "status",
    "detail",
    "instance",
    "code",
];

/// What the top-level object held.
#[derive(Debug, Default)]
struct TopLevel<'a> {
    seen: Seen,
    /// A `subsonic-response` (or `madsonic-response`) that was an object; the last one's
    /// members are in `subsonic_members`, which is set up only for a body that has one.
    subsonic: bool,
    subsonic_members: Option<SubsonicMembers<'a>>,
    /// The last `error` member: an object, read into `error_object` (set up only for a
    /// body that has one), or a scalar.
    error: Option<Value<'a>>,
    error_object: Option<ErrorMembers<'a>>,
    message: Option<Cow<'a, str>>,
    type_uri: Option<Cow<'a, str>>,
    title: Option<Cow<'a, str>>,
    status: Option<u16>,
    detail: Option<Cow<'a, str>>,
    instance: Option<Cow<'a, str>>,
    code: Option<Scalar<'a>>,
}

impl<'de> Object<'de> for Top<'de> {
    fn read<A: MapAccess<'de>>(&mut self, mut map: A, ctx: Ctx<'_>) -> Result<(), A::Error> {
        let top = &mut self.members;
        let mut first = true;
        while let Some(key) = next_key(&mut map, top::of)? {
            // Only a first member settles a success at once: further on, it may be an
            // extension member of problem details.
            let settles = first && !self.every_member;
            first = false;
            top.seen.mark(key);
            let slot = match key {
                top::ERROR => {
                    let members = top.error_object.get_or_insert_with(Default::default);
                    ctx.value(&mut map, &mut ErrorObject(members), &mut top.error)?;
                    continue;
                }
                top::MESSAGE => &mut top.message,
                top::SUBSONIC | top::MADSONIC => {
                    // Afresh for each object: a status read in one is no status of another.
                    let members = top.subsonic_members.insert(SubsonicMembers::default());
                    let mut subsonic = Subsonic { settles, members };
                    let mut value = None;
                    ctx.value(&mut map, &mut subsonic, &mut value)?;
                    top.subsonic |= matches!(value, Some(Value::Object));
                    continue;
                }
                top::CODE => {
                    ctx.scalar(&mut map, &mut top.code)?;
                    continue;
                }
                top::STATUS => {
                    let mut status = None;
                    ctx.scalar(&mut map, &mut status)?;
                    top.status = match status {
                        Some(Scalar::Unsigned(n)) => u16::try_from(n).ok(),
                        _ => None,
                    };
                    continue;
                }
                top::TYPE => &mut top.type_uri,
                top::TITLE => &mut top.title,
                top::DETAIL => &mut top.detail,
                top::INSTANCE => &mut top.instance,
                // Last.fm's; an error body may start with it.
                top::LINKS => {
                    ctx.skip(&mut map)?;
                    continue;
                }
                // No error body starts with any other member.
                _ if settles => return Err(ctx.stop(ParseError::NotAnError { family: None })),
                _ => {
                    ctx.skip(&mut map)?;
                    continue;
                }
            };
            ctx.string(&mut map, slot)?;
        }
        Ok(())
    }
}

impl<'a> TopLevel<'a> {
    /// Problem details first: their extension members may be named like another family's.
    /// Read as problem details (`problem_expected`, [`crate::problem::parse`]), a body with
    /// a `code` and no standard member is one too, whatever extensions it has: our own
    /// renderer writes `{"code":5,"error":..}` for an error with nothing else.
    ///
    /// Takes what it needs out of the members, which stay where they are. A member the
    /// decision uses that came twice makes the body ambiguous.
    fn decide(&mut self, problem_expected: bool) -> Outcome<'a> {
        let used = |bits| self.seen.check(bits, &TOP_NAMES);
        if self.is_problem() || (problem_expected && self.code.is_some()) {
            used(top::PROBLEM)?;
            return self.problem();
        }
        if self.subsonic {
            used(top::SUBSONIC | top::MADSONIC)?;
            if self.seen.has(top::SUBSONIC) && self.seen.has(top::MADSONIC) {
                return Err(ParseError::Ambiguous {
                    format: Format::Json,
                    member: "madsonic-response",
                });
            }
            // Set up when the object was read.
            let not_an_error = ParseError::NotAnError {
                family: Some(Family::Subsonic),
            };
            return self
                .subsonic_members
                .as_mut()
                .map_or(Err(not_an_error), SubsonicMembers::decide);
        }
        match &self.error {
            Some(Value::Object) => {
                used(top::ERROR)?;
                // Set up when the object was read.
                self.error_object.as_mut().map_or(
                    Err(missing(Family::Ampache, "errorCode")),
                    ErrorMembers::decide,
                )
            }
            Some(Value::Scalar(error)) => {
                used(top::ERROR | top::MESSAGE)?;
                lastfm(error, &mut self.message, self.code.as_ref())
            }
            // What is left with a code is problem details with no standard member.
            None if self.code.is_some() => {
                used(top::PROBLEM)?;
                self.problem()
            }
            None => Err(ParseError::NotAnError { family: None }),
        }
    }

    fn is_problem(&self) -> bool {
        self.type_uri.is_some()
            || self.title.is_some()
            || self.status.is_some()
            || self.detail.is_some()
            || self.instance.is_some()
    }

    fn problem(&mut self) -> Outcome<'a> {
        let code = self.code.take().ok_or(ParseError::MissingField {
            family: Family::Problem,
            field: "code",
        })?;
        Ok(ErrorBody {
            format: Format::Json,
            code: code_of(&code)?,
            message: self.detail.take().unwrap_or(Cow::Borrowed("")),
            shape: Shape::Problem {
                type_uri: self.type_uri.take(),
                title: self.title.take(),
                status: self.status,
                instance: self.instance.take(),
            },
        })
    }
}

/// `{"error": N, "message": ..}`. An `error` holding words instead of a code, with no
/// message beside it, is a web framework's error body: ListenBrainz's Flask handlers
/// (`{"code": 404, "error": ".."}`), maloja's router (`{"error": "Invalid API"}`).
/// Takes the message out of `message`; everything else is only looked at, not moved.
fn lastfm<'a>(
    error: &Scalar<'a>,
    message: &mut Option<Cow<'a, str>>,
    status: Option<&Scalar<'a>>,
) -> Outcome<'a> {
    match (code_of(error), error, &message) {
        (Ok(code), _, _) => Ok(ErrorBody {
            format: Format::Json,
            code,
            message: message.take().unwrap_or(Cow::Borrowed("")),
            shape: Shape::Lastfm,
        }),
        (Err(_), Scalar::Str(words), None) => Err(ParseError::ForeignError {
            code: status.and_then(|code| code_of(code).ok()),
            message: ParseError::quote(words),
        }),
        (Err(invalid), _, _) => Err(invalid),
    }
}

/// A code sent as a number or as a numeric string.
fn code_of(value: &Scalar<'_>) -> Result<u32, ParseError> {
    let code = match value {
        Scalar::Unsigned(n) => u32::try_from(*n).ok(),
        Scalar::Str(text) => parse_digits(text.trim_ascii()),
        _ => None,
    };
    code.ok_or_else(|| invalid_code(&value.text()))
}

/// The object of `{"error": {..}}`: Ampache's (modern with `errorCode`, else legacy with
/// `code`), or GNU FM's XML turned into JSON (`#text` and `code`).
/// Reads into the members it borrows. A second object of the same member is read into the
/// same place: it makes the body ambiguous, whatever it holds.
struct ErrorObject<'m, 'a>(&'m mut ErrorMembers<'a>);

/// The members of an `error` object kept, by bit of [`Seen`]; `ERROR_NAMES` in the same
/// order.
mod error {
    pub(super) const ERROR_CODE: u16 = 1;
    pub(super) const CODE: u16 = 1 << 1;
    pub(super) const ACTION: u16 = 1 << 2;
    pub(super) const TYPE: u16 = 1 << 3;
    pub(super) const ERROR_MESSAGE: u16 = 1 << 4;
    pub(super) const MESSAGE: u16 = 1 << 5;
    pub(super) const TEXT: u16 = 1 << 6;

    /// The bit of a key; 0 for a member not kept.
    #[inline]
    pub(super) fn of(key: &str) -> u16 {
        match key {
            "errorCode" => ERROR_CODE,
            "code" => CODE,
            "errorAction" => ACTION,
            "errorType" => TYPE,
            "errorMessage" => ERROR_MESSAGE,
            "message" => MESSAGE,
            "#text" => TEXT,
            _ => 0,
        }
    }
}
const ERROR_NAMES: [&str; 7] = [
    "errorCode",
    "code",
    "errorAction",
    "errorType",
    "errorMessage",
    "message",
    "#text",
];

#[derive(Debug, Default)]
struct ErrorMembers<'a> {
    seen: Seen,
    modern_code: Option<Scalar<'a>>,
    legacy_code: Option<Scalar<'a>>,
    action: Option<Cow<'a, str>>,
    error_type: Option<Cow<'a, str>>,
    message: Option<Cow<'a, str>>,
    legacy_message: Option<Cow<'a, str>>,
    text: Option<Cow<'a, str>>,
}

impl<'de> Object<'de> for ErrorObject<'_, 'de> {
    fn read<A: MapAccess<'de>>(&mut self, mut map: A, ctx: Ctx<'_>) -> Result<(), A::Error> {
        let error = &mut *self.0;
        while let Some(key) = next_key(&mut map, error::of)? {
            error.seen.mark(key);
            let slot = match key {
                error::ERROR_CODE => {
                    ctx.scalar(&mut map, &mut error.modern_code)?;
                    continue;
                }
                error::CODE => {
                    ctx.scalar(&mut map, &mut error.legacy_code)?;
                    continue;
                }
                error::ACTION => &mut error.action,
                error::TYPE => &mut error.error_type,
                error::ERROR_MESSAGE => &mut error.message,
                error::MESSAGE => &mut error.legacy_message,
                error::TEXT => &mut error.text,
                _ => {
                    ctx.skip(&mut map)?;
                    continue;
                }
            };
            ctx.string(&mut map, slot)?;
        }
        Ok(())
    }
}

impl<'a> ErrorMembers<'a> {
    fn decide(&mut self) -> Outcome<'a> {
        let empty = || Cow::Borrowed("");
        let body = |code: &Scalar<'a>, message: Option<Cow<'a, str>>, shape| {
            Ok(ErrorBody {
                format: Format::Json,
                code: code_of(code)?,
                message: message.unwrap_or_else(empty),
                shape,
            })
        };
        let used = |bits| self.seen.check(bits, &ERROR_NAMES);
        match (&self.modern_code, &self.legacy_code, self.text.take()) {
            (Some(code), _, _) => {
                used(error::ERROR_CODE | error::ERROR_MESSAGE | error::ACTION | error::TYPE)?;
                body(
                    code,
                    self.message.take(),
                    Shape::AmpacheModern {
                        action: self.action.take().unwrap_or_else(empty),
                        error_type: self.error_type.take().unwrap_or_else(empty),
                    },
                )
            }
            (None, Some(code), Some(text)) => {
                used(error::CODE | error::TEXT)?;
                body(code, Some(text), Shape::Lastfm)
            }
            (None, Some(code), None) => {
                used(error::CODE | error::MESSAGE | error::TEXT)?;
                body(code, self.legacy_message.take(), Shape::AmpacheLegacy)
            }
            (None, None, Some(_)) => Err(ParseError::MissingField {
                family: Family::Lastfm,
                field: "code",
            }),
            (None, None, None) => Err(ParseError::MissingField {
                family: Family::Ampache,
                field: "errorCode",
            }),
        }
    }
}

/// The object of `{"subsonic-response": {..}}`; with `settles`, `status: "ok"` ends the
/// reading of the body at once, as a success.
/// Reads into the members it borrows, set up afresh for each object.
struct Subsonic<'m, 'a> {
    settles: bool,
    members: &'m mut SubsonicMembers<'a>,
}

/// The members of a `subsonic-response` object kept, by bit of [`Seen`]; `SUBSONIC_NAMES`
/// in the same order. Every one of them goes into the error.
mod subsonic {
    pub(super) const STATUS: u16 = 1;
    pub(super) const VERSION: u16 = 1 << 1;
    pub(super) const TYPE: u16 = 1 << 2;
    pub(super) const SERVER_VERSION: u16 = 1 << 3;
    pub(super) const OPEN_SUBSONIC: u16 = 1 << 4;
    pub(super) const ERROR: u16 = 1 << 5;
    pub(super) const ALL: u16 = (1 << 6) - 1;

    /// The bit of a key; 0 for a member not kept.
    #[inline]
    pub(super) fn of(key: &str) -> u16 {
        match key {
            "status" => STATUS,
            "version" => VERSION,
            "type" => TYPE,
            "serverVersion" => SERVER_VERSION,
            "openSubsonic" => OPEN_SUBSONIC,
            "error" => ERROR,
            _ => 0,
        }
    }
}
const SUBSONIC_NAMES: [&str; 6] = [
    "status",
    "version",
    "type",
    "serverVersion",
    "openSubsonic",
    "error",
];

#[derive(Debug, Default)]
struct SubsonicMembers<'a> {
    seen: Seen,
    status: Option<Cow<'a, str>>,
    /// `status: "ok"` was read: the rest of the object was skipped.
    ok: bool,
    version: Option<Cow<'a, str>>,
    server_type: Option<Cow<'a, str>>,
    server_version: Option<Cow<'a, str>>,
    open_subsonic: bool,
    /// An `error` member that was an object; the last one's members are in
    /// `error_members`.
    error: bool,
    error_members: SubsonicErrorMembers<'a>,
}

impl<'de> Object<'de> for Subsonic<'_, 'de> {
    fn read<A: MapAccess<'de>>(&mut self, mut map: A, ctx: Ctx<'_>) -> Result<(), A::Error> {
        let response = &mut *self.members;
        while let Some(key) = next_key(&mut map, subsonic::of)? {
            let again = response.seen.has(key);
            response.seen.mark(key);
            let slot = match key {
                subsonic::STATUS => {
                    ctx.string(&mut map, &mut response.status)?;
                    // "ok" after another status settles nothing: the status given twice
                    // makes the response ambiguous where it decides the body.
                    if response.status.as_deref() == Some("ok") && !again {
                        if self.settles {
                            return Err(ctx.stop(ParseError::NotAnError {
                                family: Some(Family::Subsonic),
                            }));
                        }
                        while map.next_key::<IgnoredAny>()?.is_some() {
                            ctx.skip(&mut map)?;
                        }
                        response.ok = true;
                        return Ok(());
                    }
                    continue;
                }
                subsonic::VERSION => &mut response.version,
                subsonic::TYPE => &mut response.server_type,
                subsonic::SERVER_VERSION => &mut response.server_version,
                subsonic::OPEN_SUBSONIC => {
                    let mut open = None;
                    ctx.scalar(&mut map, &mut open)?;
                    response.open_subsonic = open == Some(Scalar::Bool(true));
                    continue;
                }
                subsonic::ERROR => {
                    let mut error = SubsonicErrorObject(&mut response.error_members);
                    let mut value = None;
                    ctx.value(&mut map, &mut error, &mut value)?;
                    response.error |= matches!(value, Some(Value::Object));
                    continue;
                }
                _ => {
                    ctx.skip(&mut map)?;
                    continue;
                }
            };
            ctx.string(&mut map, slot)?;
        }
        Ok(())
    }
}

impl<'a> SubsonicMembers<'a> {
    fn decide(&mut self) -> Outcome<'a> {
        let not_an_error = ParseError::NotAnError {
            family: Some(Family::Subsonic),
        };
        if self.ok {
            return Err(not_an_error);
        }
        self.seen.check(subsonic::ALL, &SUBSONIC_NAMES)?;
        let error = &mut self.error_members;
        if !self.error {
            return Err(match self.status.as_deref() {
                Some("failed") => ParseError::MissingField {
                    family: Family::Subsonic,
                    field: "error",
                },
                _ => not_an_error,
            });
        }
        error.seen.check(u16::MAX, &SUBSONIC_ERROR_NAMES)?;
        let code = error.code.as_ref().ok_or(ParseError::MissingField {
            family: Family::Subsonic,
            field: "code",
        })?;
        Ok(ErrorBody {
            format: Format::Json,
            code: code_of(code)?,
            message: error.message.take().unwrap_or(Cow::Borrowed("")),
            shape: Shape::Subsonic {
                version: self.version.take(),
                server_type: self.server_type.take(),
                server_version: self.server_version.take(),
                open_subsonic: self.open_subsonic,
                help_url: error.help_url.take(),
            },
        })
    }
}

/// A Subsonic `error` object: code, message and OpenSubsonic's `helpUrl`.
/// Reads into the members it borrows. A second object of the same member is read into the
/// same place: it makes the body ambiguous, whatever it holds.
struct SubsonicErrorObject<'m, 'a>(&'m mut SubsonicErrorMembers<'a>);

/// The members of a Subsonic `error` object, by bit of [`Seen`]: each goes into the error.
const SUBSONIC_ERROR_NAMES: [&str; 3] = ["code", "message", "helpUrl"];

#[derive(Debug, Default)]
struct SubsonicErrorMembers<'a> {
    seen: Seen,
    code: Option<Scalar<'a>>,
    message: Option<Cow<'a, str>>,
    help_url: Option<Cow<'a, str>>,
}

impl<'de> Object<'de> for SubsonicErrorObject<'_, 'de> {
    fn read<A: MapAccess<'de>>(&mut self, mut map: A, ctx: Ctx<'_>) -> Result<(), A::Error> {
        let error = &mut *self.0;
        // By bit of `Seen`, in the order of `SUBSONIC_ERROR_NAMES`.
        let of = |key: &str| match key {
            "code" => 1,
            "message" => 1 << 1,
            "helpUrl" => 1 << 2,
            _ => 0,
        };
        while let Some(key) = next_key(&mut map, of)? {
            error.seen.mark(key);
            match key {
                1 => ctx.scalar(&mut map, &mut error.code)?,
                2 => ctx.string(&mut map, &mut error.message)?,
                4 => ctx.string(&mut map, &mut error.help_url)?,
                _ => ctx.skip(&mut map)?,
            }
        }
        Ok(())
    }
}

fn missing(family: Family, field: &'static str) -> ParseError {
    ParseError::MissingField { family, field }
}
