//! The JSON error shapes: Ampache `{"error": {..}}`, Last.fm `{"error": N, "message": ..}`,
//! `{"subsonic-response": {..}}` and RFC 9457 problem details.

use std::borrow::Cow;

use super::cursor::Cursor;
use super::invalid_code;
use super::json::JsonReader;
use crate::{ErrorBody, Family, Format, ParseError, Shape};

/// The members an error body of some family can start with. A success response of Ampache
/// or Last.fm starts with another, so the first member settles it without reading further.
const ERROR_MEMBERS: [&str; 10] = [
    "error",
    "message",
    "links",
    "subsonic-response",
    "type",
    "title",
    "status",
    "detail",
    "instance",
    "code",
];

/// A code as sent: the number, or the JSON text of a value that is none.
type Code<'a> = Result<u32, &'a str>;

fn code(code: Code<'_>) -> Result<u32, ParseError> {
    code.map_err(invalid_code)
}

/// What the top-level object held, short of an error object.
#[derive(Debug, Default)]
struct TopLevel<'a> {
    lastfm_code: Option<Code<'a>>,
    message: Option<Cow<'a, str>>,
    type_uri: Option<Cow<'a, str>>,
    title: Option<Cow<'a, str>>,
    status: Option<u16>,
    detail: Option<Cow<'a, str>>,
    instance: Option<Cow<'a, str>>,
    code: Option<Code<'a>>,
}

/// Reads a JSON body. Without `every_member`, a first member outside [`ERROR_MEMBERS`]
/// makes it a success response.
pub(crate) fn parse(cursor: Cursor<'_>, every_member: bool) -> Result<ErrorBody<'_>, ParseError> {
    let mut json = JsonReader::new(cursor);
    if json.peek_value()? == b'[' {
        return Err(ParseError::UnexpectedRoot {
            format: Format::Json,
            found: "array".into(),
        });
    }
    json.begin_object()?;
    let mut top = TopLevel::default();
    let mut first = true;
    let mut members = 0;
    while let Some(key) = json.next_key(&mut first)? {
        members += 1;
        // An error object settles the body: the other members are only checked for syntax.
        let error = match &*key {
            "subsonic-response" => subsonic(&mut json)?,
            "error" if json.peek_value()? == b'{' => ampache(&mut json)?,
            other => {
                if members == 1 && !every_member && !ERROR_MEMBERS.contains(&other) {
                    return Err(ParseError::NotAnError { family: None });
                }
                top.read(other, &mut json)?;
                continue;
            }
        };
        while json.next_key(&mut first)?.is_some() {
            json.skip_value()?;
        }
        json.end_document()?;
        return Ok(error);
    }
    json.end_document()?;
    top.take_error()
}

impl<'a> TopLevel<'a> {
    /// Reads the value of the member `key`, keeping what an error body can use.
    fn read(&mut self, key: &str, json: &mut JsonReader<'a>) -> Result<(), ParseError> {
        match key {
            "error" => self.lastfm_code = Some(json.code()?),
            "message" => self.message = json.string_or_skip()?,
            "type" => self.type_uri = json.string_or_skip()?,
            "title" => self.title = json.string_or_skip()?,
            "status" => self.status = json.u16_or_skip()?,
            "detail" => self.detail = json.string_or_skip()?,
            "instance" => self.instance = json.string_or_skip()?,
            "code" => self.code = Some(json.code()?),
            _ => json.skip_value()?,
        }
        Ok(())
    }

    fn is_problem(&self) -> bool {
        self.type_uri.is_some()
            || self.title.is_some()
            || self.status.is_some()
            || self.detail.is_some()
            || self.instance.is_some()
    }

    /// Takes the values out rather than consuming `self`, which would copy it whole.
    fn take_error(&mut self) -> Result<ErrorBody<'a>, ParseError> {
        let empty = || Cow::Borrowed("");
        if let Some(lastfm_code) = self.lastfm_code.take() {
            return Ok(ErrorBody {
                format: Format::Json,
                code: code(lastfm_code)?,
                message: self.message.take().unwrap_or_else(empty),
                shape: Shape::Lastfm,
            });
        }
        if !self.is_problem() {
            return Err(ParseError::NotAnError { family: None });
        }
        let problem_code = self.code.take().ok_or(ParseError::MissingField {
            family: Family::Problem,
            field: "code",
        })?;
        Ok(ErrorBody {
            format: Format::Json,
            code: code(problem_code)?,
            message: self.detail.take().unwrap_or_else(empty),
            shape: Shape::Problem {
                type_uri: self.type_uri.take(),
                title: self.title.take(),
                status: self.status,
                instance: self.instance.take(),
            },
        })
    }
}

/// The object of `{"error": {..}}`: modern when it has `errorCode`, else legacy.
fn ampache<'a>(json: &mut JsonReader<'a>) -> Result<ErrorBody<'a>, ParseError> {
    json.begin_object()?;
    let (mut modern_code, mut legacy_code) = (None, None);
    let (mut action, mut error_type, mut message, mut legacy_message) = (None, None, None, None);
    let mut first = true;
    while let Some(key) = json.next_key(&mut first)? {
        match &*key {
            "errorCode" => modern_code = Some(json.code()?),
            "code" => legacy_code = Some(json.code()?),
            "errorAction" => action = json.string_or_skip()?,
            "errorType" => error_type = json.string_or_skip()?,
            "errorMessage" => message = json.string_or_skip()?,
            "message" => legacy_message = json.string_or_skip()?,
            _ => json.skip_value()?,
        }
    }
    let empty = || Cow::Borrowed("");
    match (modern_code, legacy_code) {
        (Some(modern_code), _) => Ok(ErrorBody {
            format: Format::Json,
            code: code(modern_code)?,
            message: message.unwrap_or_else(empty),
            shape: Shape::AmpacheModern {
                action: action.unwrap_or_else(empty),
                error_type: error_type.unwrap_or_else(empty),
            },
        }),
        (None, Some(legacy_code)) => Ok(ErrorBody {
            format: Format::Json,
            code: code(legacy_code)?,
            message: legacy_message.unwrap_or_else(empty),
            shape: Shape::AmpacheLegacy,
        }),
        (None, None) => Err(ParseError::MissingField {
            family: Family::Ampache,
            field: "errorCode",
        }),
    }
}

/// The object of `{"subsonic-response": {..}}`; `status: "ok"` settles a success at once.
fn subsonic<'a>(json: &mut JsonReader<'a>) -> Result<ErrorBody<'a>, ParseError> {
    json.begin_object()?;
    let mut status = None;
    let (mut version, mut server_type, mut server_version, mut open_subsonic) =
        (None, None, None, false);
    let mut error = None;
    let mut first = true;
    while let Some(key) = json.next_key(&mut first)? {
        match &*key {
            "status" => {
                status = json.string_or_skip()?;
                if status.as_deref() == Some("ok") {
                    return Err(ParseError::NotAnError {
                        family: Some(Family::Subsonic),
                    });
                }
            }
            "version" => version = json.string_or_skip()?,
            "type" => server_type = json.string_or_skip()?,
            "serverVersion" => server_version = json.string_or_skip()?,
            "openSubsonic" => open_subsonic = json.bool_or_skip()? == Some(true),
            "error" => error = Some(subsonic_error(json)?),
            _ => json.skip_value()?,
        }
    }
    let Some((code, message, help_url)) = error else {
        return Err(match status.as_deref() {
            Some("failed") => ParseError::MissingField {
                family: Family::Subsonic,
                field: "error",
            },
            _ => ParseError::NotAnError {
                family: Some(Family::Subsonic),
            },
        });
    };
    Ok(ErrorBody {
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
    })
}

type SubsonicError<'a> = (u32, Option<Cow<'a, str>>, Option<Cow<'a, str>>);

fn subsonic_error<'a>(json: &mut JsonReader<'a>) -> Result<SubsonicError<'a>, ParseError> {
    json.begin_object()?;
    let (mut error_code, mut message, mut help_url) = (None, None, None);
    let mut first = true;
    while let Some(key) = json.next_key(&mut first)? {
        match &*key {
            "code" => error_code = Some(json.code()?),
            "message" => message = json.string_or_skip()?,
            "helpUrl" => help_url = json.string_or_skip()?,
            _ => json.skip_value()?,
        }
    }
    let error_code = error_code.ok_or(ParseError::MissingField {
        family: Family::Subsonic,
        field: "code",
    })?;
    Ok((code(error_code)?, message, help_url))
}
