//! The XML error shapes: Ampache `<root>`, Last.fm `<lfm>`, Subsonic `<subsonic-response>`
//! (Madsonic 6: `<madsonic-response>`), RFC 9457 problem details `<problem>`.

use std::borrow::Cow;

use super::code_from_text;
use super::html;
use super::input::Input;
use super::xml::{Node, Tag, XmlReader};
use crate::{ErrorBody, Family, Format, ParseError, Shape};

pub(crate) fn parse(input: Input<'_>) -> Result<ErrorBody<'_>, ParseError> {
    let mut reader = XmlReader::new(input);
    let root = reader.root()?;
    match root.name() {
        "root" => ampache(&mut reader, &root),
        "lfm" => lastfm(&mut reader, &root),
        "subsonic-response" | "madsonic-response" => subsonic(&mut reader, &root),
        name if local_name(name) == "problem" => problem(&mut reader, &root),
        name if name.eq_ignore_ascii_case("html") => Err(ParseError::Html {
            title: html::title(input.bytes),
        }),
        name => Err(ParseError::UnexpectedRoot {
            format: Format::Xml,
            found: ParseError::quote(name),
        }),
    }
}

/// The first child element of `<root>` tells an error from a success response.
fn ampache<'a>(reader: &mut XmlReader<'a>, root: &Tag<'a>) -> Result<ErrorBody<'a>, ParseError> {
    let not_an_error = Err(ParseError::NotAnError {
        family: Some(Family::Ampache),
    });
    if root.empty {
        return not_an_error;
    }
    let error = loop {
        match reader.next()? {
            Node::Start(tag) if tag.name() == "error" => break tag,
            Node::Start(_) | Node::End => return not_an_error,
            Node::Text(_) | Node::Reference(_) | Node::CData(_) => {}
        }
    };
    let (mut code, mut legacy_code) = (None, None);
    error.attributes(&["errorCode", "code"], |name, value| match name {
        "errorCode" => code = Some(value),
        "code" => legacy_code = Some(value),
        _ => {}
    })?;
    let body = match (code, legacy_code) {
        (Some(code), _) => modern(reader, &error, &code)?,
        (None, Some(code)) => ErrorBody {
            format: Format::Xml,
            code: code_from_text(&code)?,
            message: content(reader, &error)?,
            shape: Shape::AmpacheLegacy,
        },
        (None, None) => return Err(missing(Family::Ampache, "errorCode")),
    };
    reader.finish(Some("error"))?;
    Ok(body)
}

/// API 5 and later: the code in `errorCode`, the rest in child elements.
fn modern<'a>(
    reader: &mut XmlReader<'a>,
    error: &Tag<'a>,
    code: &str,
) -> Result<ErrorBody<'a>, ParseError> {
    let code = code_from_text(code)?;
    let (mut action, mut error_type, mut message) = (None, None, None);
    if !error.empty {
        loop {
            let (name, slot, tag) = match reader.next()? {
                Node::Start(tag) => match tag.name() {
                    "errorAction" => ("errorAction", &mut action, tag),
                    "errorType" => ("errorType", &mut error_type, tag),
                    "errorMessage" => ("errorMessage", &mut message, tag),
                    _ if tag.empty => continue,
                    _ => {
                        reader.skip_element()?;
                        continue;
                    }
                },
                Node::End => break,
                Node::Text(_) | Node::Reference(_) | Node::CData(_) => continue,
            };
            field(reader, slot, name, &tag)?;
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

/// `<lfm status="failed">`, or `status="error"` as GNU FM (Libre.fm) also writes.
fn lastfm<'a>(reader: &mut XmlReader<'a>, root: &Tag<'a>) -> Result<ErrorBody<'a>, ParseError> {
    let mut status = None;
    root.attributes(&["status"], |name, value| {
        if name == "status" {
            status = Some(value);
        }
    })?;
    let Some(error) = error_child(reader, root, status.as_deref(), Family::Lastfm)? else {
        return Err(ParseError::NotAnError {
            family: Some(Family::Lastfm),
        });
    };
    let mut code = None;
    error.attributes(&["code"], |name, value| {
        if name == "code" {
            code = Some(value);
        }
    })?;
    let code = code.ok_or_else(|| missing(Family::Lastfm, "code"))?;
    let body = ErrorBody {
        format: Format::Xml,
        code: code_from_text(&code)?,
        message: content(reader, &error)?,
        shape: Shape::Lastfm,
    };
    reader.finish(Some("error"))?;
    Ok(body)
}

fn subsonic<'a>(reader: &mut XmlReader<'a>, root: &Tag<'a>) -> Result<ErrorBody<'a>, ParseError> {
    let mut status = None;
    let (mut version, mut server_type, mut server_version, mut open_subsonic) =
        (None, None, None, false);
    const ROOT_KEPT: [&str; 5] = ["status", "version", "type", "serverVersion", "openSubsonic"];
    root.attributes(&ROOT_KEPT, |name, value| match name {
        "status" => status = Some(value),
        "version" => version = Some(value),
        "type" => server_type = Some(value),
        "serverVersion" => server_version = Some(value),
        // Ampache writes "1", the others "true".
        "openSubsonic" => open_subsonic = matches!(&*value, "true" | "1"),
        _ => {}
    })?;
    let Some(error) = error_child(reader, root, status.as_deref(), Family::Subsonic)? else {
        return Err(ParseError::NotAnError {
            family: Some(Family::Subsonic),
        });
    };
    let (mut code, mut message, mut help_url) = (None, None, None);
    error.attributes(&["code", "message", "helpUrl"], |name, value| match name {
        "code" => code = Some(value),
        "message" => message = Some(value),
        "helpUrl" => help_url = Some(value),
        _ => {}
    })?;
    let code = code.ok_or_else(|| missing(Family::Subsonic, "code"))?;
    if !error.empty {
        reader.skip_element()?;
    }
    reader.finish(Some("error"))?;
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

/// The name after a namespace prefix: `problem` for `p:problem`.
fn local_name(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, local)| local)
}

/// RFC 9457 Appendix B: `<problem xmlns="urn:ietf:rfc:7807">` with a child element per
/// member, the code in the `code` extension element. Other extension elements are skipped.
fn problem<'a>(reader: &mut XmlReader<'a>, root: &Tag<'a>) -> Result<ErrorBody<'a>, ParseError> {
    let (mut type_uri, mut title, mut status, mut detail, mut instance, mut code) =
        (None, None, None, None, None, None);
    if !root.empty {
        loop {
            let (name, slot, tag) = match reader.next()? {
                Node::Start(tag) => match local_name(tag.name()) {
                    "type" => ("type", &mut type_uri, tag),
                    "title" => ("title", &mut title, tag),
                    "status" => ("status", &mut status, tag),
                    "detail" => ("detail", &mut detail, tag),
                    "instance" => ("instance", &mut instance, tag),
                    "code" => ("code", &mut code, tag),
                    _ if tag.empty => continue,
                    _ => {
                        reader.skip_element()?;
                        continue;
                    }
                },
                Node::End => break,
                Node::Text(_) | Node::Reference(_) | Node::CData(_) => continue,
            };
            field(reader, slot, name, &tag)?;
        }
    }
    reader.finish(None)?;
    let code = code.ok_or_else(|| missing(Family::Problem, "code"))?;
    // A status that is no HTTP status is left out, as the JSON reader does.
    let status = status
        .as_deref()
        .and_then(|text| super::parse_digits(text.trim_ascii()))
        .and_then(|n| u16::try_from(n).ok());
    Ok(ErrorBody {
        format: Format::Xml,
        code: code_from_text(&code)?,
        message: detail.unwrap_or(Cow::Borrowed("")),
        shape: Shape::Problem {
            type_uri,
            title,
            status,
            instance,
        },
    })
}

/// Reads the text of a child element that holds one field of the error into `slot`; the
/// same field twice is [`ParseError::Ambiguous`]. An empty-element tag is empty text, as
/// XML makes `<x/>` and `<x></x>` the same.
fn field<'a>(
    reader: &mut XmlReader<'a>,
    slot: &mut Option<Cow<'a, str>>,
    name: &'static str,
    tag: &Tag<'a>,
) -> Result<(), ParseError> {
    if slot.is_some() {
        return Err(ParseError::Ambiguous {
            format: Format::Xml,
            member: name,
        });
    }
    *slot = Some(content(reader, tag)?);
    Ok(())
}

/// The text of an element whose start tag was just read.
fn content<'a>(reader: &mut XmlReader<'a>, element: &Tag<'a>) -> Result<Cow<'a, str>, ParseError> {
    if element.empty {
        Ok(Cow::Borrowed(""))
    } else {
        reader.text_content(element)
    }
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
    let failed = matches!(status, Some("failed" | "error"));
    if root.empty {
        return if failed {
            Err(missing(family, "error"))
        } else {
            Ok(None)
        };
    }
    loop {
        match reader.next()? {
            Node::Start(tag) if tag.name() == "error" => return Ok(Some(tag)),
            Node::Start(tag) if !tag.empty => reader.skip_element()?,
            Node::Start(_) | Node::Text(_) | Node::Reference(_) | Node::CData(_) => {}
            Node::End if failed => return Err(missing(family, "error")),
            Node::End => return Ok(None),
        }
    }
}

fn missing(family: Family, field: &'static str) -> ParseError {
    ParseError::MissingField { family, field }
}
