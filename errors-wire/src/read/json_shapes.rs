//! The JSON error shapes: Ampache `{"error": {..}}`, Last.fm `{"error": N, "message": ..}`
//! (GNU FM also `{"error": {"#text": .., "code": ".."}}`), `{"subsonic-response": {..}}`
//! (Madsonic 6: `madsonic-response`) and RFC 9457 problem details.
//!
//! A body is classified by the members it has, read to its end, not by the first one: a
//! problem details body stays one whatever extension members it carries.

use std::borrow::Cow;

use serde_core::de::MapAccess;

use super::input::Input;
use super::json::{self, Ctx, Object, Scalar, Value, next_key};
use super::{invalid_code, parse_digits};
use crate::{ErrorBody, Family, Format, ParseError, Shape};

/// The members an error body of some family can start with. A success response of Ampache
/// or Last.fm starts with another, so the first member settles it without reading further.
const ERROR_MEMBERS: [&str; 11] = [
    "error",
    "message",
    "links",
    "subsonic-response",
    "madsonic-response",
    "type",
    "title",
    "status",
    "detail",
    "instance",
    "code",
];

/// Reads a JSON body. Without `every_member`, a first member outside [`ERROR_MEMBERS`]
/// makes it a success response.
pub(crate) fn parse(input: Input<'_>, every_member: bool) -> Result<ErrorBody<'_>, ParseError> {
    let first = input.bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'[') {
        return Err(ParseError::UnexpectedRoot {
            format: Format::Json,
            found: "array".into(),
        });
    }
    match json::read(input, Top { every_member })? {
        Value::Object(body) => body,
        Value::Scalar(_) => Err(ParseError::UnexpectedRoot {
            format: Format::Json,
            found: "a value other than an object".into(),
        }),
    }
}

type Outcome<'a> = Result<ErrorBody<'a>, ParseError>;

struct Top {
    every_member: bool,
}

/// What the top-level object held.
#[derive(Debug, Default)]
struct TopLevel<'a> {
    subsonic: Option<Outcome<'a>>,
    error: Option<Value<'a, Outcome<'a>>>,
    message: Option<Cow<'a, str>>,
    type_uri: Option<Cow<'a, str>>,
    title: Option<Cow<'a, str>>,
    status: Option<u16>,
    detail: Option<Cow<'a, str>>,
    instance: Option<Cow<'a, str>>,
    code: Option<Scalar<'a>>,
}

impl<'de> Object<'de> for Top {
    type Output = Outcome<'de>;

    fn read<A: MapAccess<'de>>(self, mut map: A, ctx: Ctx<'_>) -> Result<Outcome<'de>, A::Error> {
        let mut top = TopLevel::default();
        let mut first = true;
        while let Some(key) = next_key(&mut map)? {
            if first && !self.every_member && !ERROR_MEMBERS.contains(&&*key) {
                return Err(ctx.stop(ParseError::NotAnError { family: None }));
            }
            // Only a first member settles a success at once: further on, it may be an
            // extension member of problem details.
            let settles = first && !self.every_member;
            first = false;
            match &*key {
                "subsonic-response" | "madsonic-response" => {
                    if let Value::Object(body) = ctx.value(&mut map, Subsonic { settles })? {
                        top.subsonic = Some(body);
                    }
                }
                "error" => top.error = Some(ctx.value(&mut map, ErrorObject)?),
                "message" => top.message = ctx.scalar(&mut map)?.into_str(),
                "type" => top.type_uri = ctx.scalar(&mut map)?.into_str(),
                "title" => top.title = ctx.scalar(&mut map)?.into_str(),
                "status" => {
                    top.status = match ctx.scalar(&mut map)? {
                        Scalar::Unsigned(n) => u16::try_from(n).ok(),
                        _ => None,
                    }
                }
                "detail" => top.detail = ctx.scalar(&mut map)?.into_str(),
                "instance" => top.instance = ctx.scalar(&mut map)?.into_str(),
                "code" => top.code = Some(ctx.scalar(&mut map)?),
                _ => ctx.skip(&mut map)?,
            }
        }
        Ok(top.decide(self.every_member))
    }
}

impl<'a> TopLevel<'a> {
    /// Problem details first: their extension members may be named like another family's.
    /// Read as problem details (`problem_expected`, [`crate::problem::parse`]), a body with
    /// a `code` and no standard member is one too, whatever extensions it has: our own
    /// renderer writes `{"code":5,"error":..}` for an error with nothing else.
    fn decide(self, problem_expected: bool) -> Outcome<'a> {
        if self.is_problem() || (problem_expected && self.code.is_some()) {
            return self.problem();
        }
        if let Some(subsonic) = self.subsonic {
            return subsonic;
        }
        match self.error {
            Some(Value::Object(error)) => error,
            Some(Value::Scalar(error)) => lastfm(error, self.message, self.code),
            // What is left with a code is problem details with no standard member.
            None if self.code.is_some() => self.problem(),
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

    fn problem(self) -> Outcome<'a> {
        let code = self.code.ok_or(ParseError::MissingField {
            family: Family::Problem,
            field: "code",
        })?;
        Ok(ErrorBody {
            format: Format::Json,
            code: code_of(&code)?,
            message: self.detail.unwrap_or(Cow::Borrowed("")),
            shape: Shape::Problem {
                type_uri: self.type_uri,
                title: self.title,
                status: self.status,
                instance: self.instance,
            },
        })
    }
}

/// `{"error": N, "message": ..}`. An `error` holding words instead of a code, with no
/// message beside it, is a web framework's error body: ListenBrainz's Flask handlers
/// (`{"code": 404, "error": ".."}`), maloja's router (`{"error": "Invalid API"}`).
fn lastfm<'a>(
    error: Scalar<'a>,
    message: Option<Cow<'a, str>>,
    status: Option<Scalar<'a>>,
) -> Outcome<'a> {
    match (code_of(&error), error, &message) {
        (Ok(code), _, _) => Ok(ErrorBody {
            format: Format::Json,
            code,
            message: message.unwrap_or(Cow::Borrowed("")),
            shape: Shape::Lastfm,
        }),
        (Err(_), Scalar::Str(words), None) => Err(ParseError::ForeignError {
            code: status.as_ref().and_then(|code| code_of(code).ok()),
            message: ParseError::quote(&words),
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
struct ErrorObject;

impl<'de> Object<'de> for ErrorObject {
    type Output = Outcome<'de>;

    fn read<A: MapAccess<'de>>(self, mut map: A, ctx: Ctx<'_>) -> Result<Outcome<'de>, A::Error> {
        let (mut modern_code, mut legacy_code) = (None, None);
        let (mut action, mut error_type, mut message, mut legacy_message, mut text) =
            (None, None, None, None, None);
        while let Some(key) = next_key(&mut map)? {
            match &*key {
                "errorCode" => modern_code = Some(ctx.scalar(&mut map)?),
                "code" => legacy_code = Some(ctx.scalar(&mut map)?),
                "errorAction" => action = ctx.scalar(&mut map)?.into_str(),
                "errorType" => error_type = ctx.scalar(&mut map)?.into_str(),
                "errorMessage" => message = ctx.scalar(&mut map)?.into_str(),
                "message" => legacy_message = ctx.scalar(&mut map)?.into_str(),
                "#text" => text = ctx.scalar(&mut map)?.into_str(),
                _ => ctx.skip(&mut map)?,
            }
        }
        let empty = || Cow::Borrowed("");
        let body = |code: &Scalar<'de>, message: Option<Cow<'de, str>>, shape| {
            Ok(ErrorBody {
                format: Format::Json,
                code: code_of(code)?,
                message: message.unwrap_or_else(empty),
                shape,
            })
        };
        Ok(match (modern_code, legacy_code, text) {
            (Some(code), _, _) => body(
                &code,
                message,
                Shape::AmpacheModern {
                    action: action.unwrap_or_else(empty),
                    error_type: error_type.unwrap_or_else(empty),
                },
            ),
            (None, Some(code), Some(text)) => body(&code, Some(text), Shape::Lastfm),
            (None, Some(code), None) => body(&code, legacy_message, Shape::AmpacheLegacy),
            (None, None, Some(_)) => Err(ParseError::MissingField {
                family: Family::Lastfm,
                field: "code",
            }),
            (None, None, None) => Err(ParseError::MissingField {
                family: Family::Ampache,
                field: "errorCode",
            }),
        })
    }
}

/// The object of `{"subsonic-response": {..}}`; with `settles`, `status: "ok"` ends the
/// reading of the body at once, as a success.
struct Subsonic {
    settles: bool,
}

/// A Subsonic `error` object: code, message and OpenSubsonic's `helpUrl`.
type SubsonicError<'a> = (u32, Option<Cow<'a, str>>, Option<Cow<'a, str>>);

impl<'de> Object<'de> for Subsonic {
    type Output = Outcome<'de>;

    fn read<A: MapAccess<'de>>(self, mut map: A, ctx: Ctx<'_>) -> Result<Outcome<'de>, A::Error> {
        let mut status = None;
        let (mut version, mut server_type, mut server_version, mut open_subsonic) =
            (None, None, None, false);
        let mut error = None;
        while let Some(key) = next_key(&mut map)? {
            match &*key {
                "status" => {
                    status = ctx.scalar(&mut map)?.into_str();
                    if status.as_deref() == Some("ok") {
                        let success = ParseError::NotAnError {
                            family: Some(Family::Subsonic),
                        };
                        if self.settles {
                            return Err(ctx.stop(success));
                        }
                        while next_key(&mut map)?.is_some() {
                            ctx.skip(&mut map)?;
                        }
                        return Ok(Err(success));
                    }
                }
                "version" => version = ctx.scalar(&mut map)?.into_str(),
                "type" => server_type = ctx.scalar(&mut map)?.into_str(),
                "serverVersion" => server_version = ctx.scalar(&mut map)?.into_str(),
                "openSubsonic" => open_subsonic = ctx.scalar(&mut map)? == Scalar::Bool(true),
                "error" => {
                    if let Value::Object(found) = ctx.value(&mut map, SubsonicErrorObject)? {
                        error = Some(found);
                    }
                }
                _ => ctx.skip(&mut map)?,
            }
        }
        let Some(error) = error else {
            return Ok(Err(match status.as_deref() {
                Some("failed") => ParseError::MissingField {
                    family: Family::Subsonic,
                    field: "error",
                },
                _ => ParseError::NotAnError {
                    family: Some(Family::Subsonic),
                },
            }));
        };
        Ok(error.map(|(code, message, help_url)| ErrorBody {
            format: Format::Json,
            code,
            message: message.unwrap_or(Cow::Borrowed("")),
            shape: Shape::Subsonic {
                version,
                server_type,
                server_version,
                open_subsonic,
                help_url,
            },
        }))
    }
}

struct SubsonicErrorObject;

impl<'de> Object<'de> for SubsonicErrorObject {
    type Output = Result<SubsonicError<'de>, ParseError>;

    fn read<A: MapAccess<'de>>(self, mut map: A, ctx: Ctx<'_>) -> Result<Self::Output, A::Error> {
        let (mut code, mut message, mut help_url) = (None, None, None);
        while let Some(key) = next_key(&mut map)? {
            match &*key {
                "code" => code = Some(ctx.scalar(&mut map)?),
                "message" => message = ctx.scalar(&mut map)?.into_str(),
                "helpUrl" => help_url = ctx.scalar(&mut map)?.into_str(),
                _ => ctx.skip(&mut map)?,
            }
        }
        Ok(match code {
            Some(code) => code_of(&code).map(|code| (code, message, help_url)),
            None => Err(ParseError::MissingField {
                family: Family::Subsonic,
                field: "code",
            }),
        })
    }
}
