//! The XML error shapes: Ampache `<root>`, Last.fm `<lfm>`, `<subsonic-response>`.

use std::borrow::Cow;

use super::code_from_text;
use super::cursor::Cursor;
use super::html;
use super::xml::{Event, Tag, XmlReader};
use crate::{ErrorBody, Family, Format, ParseError, Shape};

pub(crate) fn parse(cursor: Cursor<'_>) -> Result<ErrorBody<'_>, ParseError> {
    let whole = cursor.bytes();
    let mut reader = XmlReader::new(cursor);
    let root = reader.root()?;
    match root.name {
        "root" => ampache(&mut reader, root),
        "lfm" => lastfm(&mut reader, root),
        "subsonic-response" => subsonic(&mut reader, root),
        name if name.eq_ignore_ascii_case("html") => Err(ParseError::Html {
            title: html::title(whole),
        }),
        name => Err(ParseError::UnexpectedRoot {
            format: Format::Xml,
            found: ParseError::quote(name),
        }),
    }
}

/// The first child element of `<root>` tells an error from a success response.
fn ampache<'a>(reader: &mut XmlReader<'a>, root: Tag<'a>) -> Result<ErrorBody<'a>, ParseError> {
    let not_an_error = Err(ParseError::NotAnError {
        family: Some(Family::Ampache),
    });
    if root.empty {
        return not_an_error;
    }
    let error = loop {
        match reader.next()? {
            Event::Start(tag) if tag.name == "error" => break tag,
            Event::Start(_) | Event::End => return not_an_error,
            Event::Text { .. } | Event::CData(_) => {}
        }
    };
    let mut code = None;
    let mut legacy_code = None;
    for attr in error.attrs() {
        let attr = attr?;
        match attr.name {
            "errorCode" => code = Some(attr.value()?),
            "code" => legacy_code = Some(attr.value()?),
            _ => {}
        }
    }
    let body = match (code, legacy_code) {
        (Some(code), _) => modern(reader, &error, &code)?,
        (None, Some(code)) => ErrorBody {
            format: Format::Xml,
            code: code_from_text(&code)?,
            message: if error.empty {
                Cow::Borrowed("")
            } else {
                reader.text_content()?
            },
            shape: Shape::AmpacheLegacy,
        },
        (None, None) => return Err(missing(Family::Ampache, "errorCode")),
    };
    reader.finish()?;
    Ok(body)
}

fn modern<'a>(
    reader: &mut XmlReader<'a>,
    error: &Tag<'a>,
    code: &str,
) -> Result<ErrorBody<'a>, ParseError> {
    let code = code_from_text(code)?;
    let (mut action, mut error_type, mut message) = (None, None, None);
    if !error.empty {
        loop {
            let field = match reader.next()? {
                Event::Start(tag) if tag.empty => continue,
                Event::Start(tag) => match tag.name {
                    "errorAction" => &mut action,
                    "errorType" => &mut error_type,
                    "errorMessage" => &mut message,
                    _ => {
                        reader.skip_element()?;
                        continue;
                    }
                },
                Event::End => break,
                Event::Text { .. } | Event::CData(_) => continue,
            };
            *field = Some(reader.text_content()?);
        }
    }
    let empty = || Cow::Borrowed("");
    Ok(ErrorBody {
        format: Format::Xml,
        code,
        message: message.unwrap_or_else(empty),
        shape: Shape::AmpacheModern {
            action: action.unwrap_or_else(empty),
            error_type: error_type.unwrap_or_else(empty),
        },
    })
}

fn lastfm<'a>(reader: &mut XmlReader<'a>, root: Tag<'a>) -> Result<ErrorBody<'a>, ParseError> {
    let status = status(&root)?;
    let Some(error) = error_child(reader, &root, status.as_deref(), Family::Lastfm)? else {
        return Err(ParseError::NotAnError {
            family: Some(Family::Lastfm),
        });
    };
    let mut code = None;
    for attr in error.attrs() {
        let attr = attr?;
        if attr.name == "code" {
            code = Some(attr.value()?);
        }
    }
    let code = code.ok_or_else(|| missing(Family::Lastfm, "code"))?;
    let body = ErrorBody {
        format: Format::Xml,
        code: code_from_text(&code)?,
        message: if error.empty {
            Cow::Borrowed("")
        } else {
            reader.text_content()?
        },
        shape: Shape::Lastfm,
    };
    reader.finish()?;
    Ok(body)
}

fn subsonic<'a>(reader: &mut XmlReader<'a>, root: Tag<'a>) -> Result<ErrorBody<'a>, ParseError> {
    let mut status = None;
    let (mut version, mut server_type, mut server_version, mut open_subsonic) =
        (None, None, None, false);
    for attr in root.attrs() {
        let attr = attr?;
        match attr.name {
            "status" => status = Some(attr.value()?),
            "version" => version = Some(attr.value()?),
            "type" => server_type = Some(attr.value()?),
            "serverVersion" => server_version = Some(attr.value()?),
            "openSubsonic" => open_subsonic = attr.value()? == "true",
            _ => {}
        }
    }
    let Some(error) = error_child(reader, &root, status.as_deref(), Family::Subsonic)? else {
        return Err(ParseError::NotAnError {
            family: Some(Family::Subsonic),
        });
    };
    let (mut code, mut message, mut help_url) = (None, None, None);
    for attr in error.attrs() {
        let attr = attr?;
        match attr.name {
            "code" => code = Some(attr.value()?),
            "message" => message = Some(attr.value()?),
            "helpUrl" => help_url = Some(attr.value()?),
            _ => {}
        }
    }
    let code = code.ok_or_else(|| missing(Family::Subsonic, "code"))?;
    if !error.empty {
        reader.skip_element()?;
    }
    reader.finish()?;
    Ok(ErrorBody {
        format: Format::Xml,
        code: code_from_text(&code)?,
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

fn status<'a>(root: &Tag<'a>) -> Result<Option<Cow<'a, str>>, ParseError> {
    for attr in root.attrs() {
        let attr = attr?;
        if attr.name == "status" {
            return attr.value().map(Some);
        }
    }
    Ok(None)
}

/// Finds the `<error>` child of a root with a `status` attribute. `None` when the response
/// is a success: `status="ok"`, or no error element in a root not marked as failed.
fn error_child<'a>(
    reader: &mut XmlReader<'a>,
    root: &Tag<'a>,
    status: Option<&str>,
    family: Family,
) -> Result<Option<Tag<'a>>, ParseError> {
    if status == Some("ok") {
        return Ok(None);
    }
    let failed = status == Some("failed");
    if root.empty {
        return if failed {
            Err(missing(family, "error"))
        } else {
            Ok(None)
        };
    }
    loop {
        match reader.next()? {
            Event::Start(tag) if tag.name == "error" => return Ok(Some(tag)),
            Event::Start(tag) if !tag.empty => reader.skip_element()?,
            Event::Start(_) | Event::Text { .. } | Event::CData(_) => {}
            Event::End if failed => return Err(missing(family, "error")),
            Event::End => return Ok(None),
        }
    }
}

fn missing(family: Family, field: &'static str) -> ParseError {
    ParseError::MissingField { family, field }
}
