//! errors-wire against the libraries used well, producing and reading the same bodies:
//! for XML, quick-xml's serde serializer and deserializer on `#[derive]`d structs with
//! borrowed fields, and quick-xml's own pieces (its escape functions and CDATA splitter for
//! writing, its pull `Reader` told where the code and message are for reading); for JSON,
//! serde_json on borrowed structs, with a formatter that escapes as PHP's `json_encode`
//! does for the bodies PHP servers write (Ampache, Last.fm). Each body comes with a plain
//! message and with one full of characters to escape. Before timing, each contender's
//! output is checked equal to ours; a contender that cannot write the same bytes is left
//! out of that row and said so.
//!
//! Run: `nice cargo bench -p errors-wire --bench wire -- --measurement-time 3 --warm-up-time 1`.

use std::borrow::Cow;
use std::hint::black_box;
use std::io;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use errors_wire::subsonic::{self, Options};
use errors_wire::{Format, ampache, lastfm};
use quick_xml::events::{BytesCData, Event};
use quick_xml::se::{Serializer as XmlSerializer, TextFormat};
use serde::{Deserialize, Serialize};
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

const AMPACHE: errors_wire::ErrorFields<'static> = errors_wire::ErrorFields {
    code: 4742,
    action: "user_create",
    error_type: "account",
    message: "User does not have access to this function: Require 100",
    ..errors_wire::ErrorFields::new(0, "")
};
const LASTFM_CODE: u32 = 10;
const LASTFM_MESSAGE: &str = "Invalid API key - You must be granted a valid key by last.fm";
/// A message with something for every escaper to do: XML markup, a quote, `/` (PHP writes
/// `\/`), non-ASCII and a character outside the BMP (PHP writes `\uXXXX` pairs), and the
/// end of a CDATA section. No apostrophe, tab or newline, which quick-xml's attribute
/// escaper writes differently from the servers (`&apos;`, raw).
const ESCAPED: &str =
    "Not found: \"AC/DC <Live> & more\" \u{2013} ]]> caf\u{e9} \u{65e5}\u{672c} \u{1f600}";

const SUBSONIC: errors_wire::ErrorFields<'static> = errors_wire::ErrorFields {
    code: 10,
    message: "Required int parameter 'id' is not present",
    help_url: None,
    ..errors_wire::ErrorFields::new(0, "")
};

// --- Ampache, modern shape -------------------------------------------------------------

#[derive(Serialize, Deserialize)]
struct AmpacheXml<'a> {
    #[serde(borrow)]
    error: AmpacheXmlError<'a>,
}

#[derive(Serialize, Deserialize)]
struct AmpacheXmlError<'a> {
    #[serde(rename = "@errorCode")]
    code: u32,
    #[serde(rename = "errorAction", borrow)]
    action: Cow<'a, str>,
    #[serde(rename = "errorType", borrow)]
    error_type: Cow<'a, str>,
    #[serde(rename = "errorMessage", borrow)]
    message: Cow<'a, str>,
}

#[derive(Serialize, Deserialize)]
struct AmpacheJson<'a> {
    #[serde(borrow)]
    error: AmpacheJsonError<'a>,
}

#[derive(Serialize, Deserialize)]
struct AmpacheJsonError<'a> {
    #[serde(rename = "errorCode", borrow)]
    code: Cow<'a, str>,
    #[serde(rename = "errorAction", borrow)]
    action: Cow<'a, str>,
    #[serde(rename = "errorType", borrow)]
    error_type: Cow<'a, str>,
    #[serde(rename = "errorMessage", borrow)]
    message: Cow<'a, str>,
}

// --- Last.fm ---------------------------------------------------------------------------

#[derive(Serialize, Deserialize)]
struct LastfmXml<'a> {
    #[serde(rename = "@status", borrow)]
    status: Cow<'a, str>,
    #[serde(borrow)]
    error: LastfmXmlError<'a>,
}

#[derive(Serialize, Deserialize)]
struct LastfmXmlError<'a> {
    #[serde(rename = "@code")]
    code: u32,
    #[serde(rename = "$text", borrow)]
    message: Cow<'a, str>,
}

#[derive(Serialize, Deserialize)]
struct LastfmJson<'a> {
    error: u32,
    #[serde(borrow)]
    message: Cow<'a, str>,
}

// --- Subsonic --------------------------------------------------------------------------

#[derive(Serialize, Deserialize)]
struct SubsonicXml<'a> {
    #[serde(rename = "@xmlns", borrow)]
    xmlns: Cow<'a, str>,
    #[serde(rename = "@status", borrow)]
    status: Cow<'a, str>,
    #[serde(rename = "@version", borrow)]
    version: Cow<'a, str>,
    #[serde(borrow)]
    error: SubsonicXmlError<'a>,
}

#[derive(Serialize, Deserialize)]
struct SubsonicXmlError<'a> {
    #[serde(rename = "@code")]
    code: u32,
    #[serde(rename = "@message", borrow)]
    message: Cow<'a, str>,
}

#[derive(Serialize, Deserialize)]
struct SubsonicJson<'a> {
    #[serde(rename = "subsonic-response", borrow)]
    response: SubsonicJsonResponse<'a>,
}

#[derive(Serialize, Deserialize)]
struct SubsonicJsonResponse<'a> {
    #[serde(borrow)]
    status: Cow<'a, str>,
    #[serde(borrow)]
    version: Cow<'a, str>,
    #[serde(borrow)]
    error: SubsonicJsonError<'a>,
}

#[derive(Serialize, Deserialize)]
struct SubsonicJsonError<'a> {
    code: u32,
    #[serde(borrow)]
    message: Cow<'a, str>,
}

/// A serde_json formatter that writes strings as PHP's `json_encode` does with its default
/// flags: `/` as `\/`, every non-ASCII character as `\uXXXX` (UTF-16, lowercase hex), around
/// another formatter's layout.
struct Php<F>(F);

impl<F: Formatter> Formatter for Php<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let bytes = fragment.as_bytes();
        let mut plain = 0;
        for (at, c) in fragment.char_indices() {
            if c.is_ascii() && c != '/' {
                continue;
            }
            w.write_all(&bytes[plain..at])?;
            if c == '/' {
                w.write_all(b"\\/")?;
            } else {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(w, "\\u{unit:04x}")?;
                }
            }
            plain = at + c.len_utf8();
        }
        w.write_all(&bytes[plain..])
    }
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// serde_json's pretty printer with the reference server's `" : "` between key and value.
struct SpacedColon(PrettyFormatter<'static>);

impl Formatter for SpacedColon {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b" : ")
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

// --- contenders ------------------------------------------------------------------------

fn quick_xml_render<T: Serialize>(
    out: &mut String,
    root: &str,
    indent: usize,
    value: &T,
    cdata: bool,
) {
    out.push_str(DECLARATION);
    let mut serializer =
        XmlSerializer::with_root(&mut *out, Some(root)).expect("a valid root name");
    serializer.indent(' ', indent);
    if cdata {
        serializer.text_format(TextFormat::CData);
    }
    value
        .serialize(serializer)
        .expect("quick-xml serialises the body");
    out.push('\n');
}

/// serde_json with PHP's string escaping, pretty-printed with `indent` or compact.
fn serde_json_php<T: Serialize>(out: &mut Vec<u8>, value: &T, indent: Option<&'static [u8]>) {
    fn write<T: Serialize, F: Formatter>(out: &mut Vec<u8>, value: &T, formatter: F) {
        let mut serializer = serde_json::Serializer::with_formatter(out, formatter);
        value
            .serialize(&mut serializer)
            .expect("serde_json serialises the body");
    }
    match indent {
        Some(indent) => write(out, value, Php(PrettyFormatter::with_indent(indent))),
        None => write(out, value, Php(CompactFormatter)),
    }
}

/// A contender that renders into whichever of the two buffers its API takes.
type RenderContender<'a> = Box<dyn Fn(&mut Vec<u8>, &mut String) + 'a>;

/// A contender told the body's type: returns the code and the message's length.
type ParseContender = Box<dyn Fn(&[u8]) -> (u32, usize)>;

/// CDATA sections through quick-xml's splitter, which ends a section before each `>` of
/// `]]>`.
fn push_cdata(out: &mut String, text: &str) {
    for section in BytesCData::escaped(text) {
        out.push_str("<![CDATA[");
        out.push_str(&section);
        out.push_str("]]>");
    }
}

/// The body written from a template, with quick-xml's escape functions for the values:
/// what a user who knows the shape would write, with the library doing the escaping.
fn quick_xml_escape_render(
    out: &mut String,
    body: &str,
    code: u32,
    fields: &errors_wire::ErrorFields<'_>,
) {
    use quick_xml::escape::{escape, partial_escape};
    let mut code_text = itoa::Buffer::new();
    let code = code_text.format(code);
    out.push_str(DECLARATION);
    match body {
        "ampache" => {
            out.push_str("<root>\n  <error errorCode=\"");
            out.push_str(code);
            out.push_str("\">\n    <errorAction>");
            push_cdata(out, fields.action);
            out.push_str("</errorAction>\n    <errorType>");
            push_cdata(out, fields.error_type);
            out.push_str("</errorType>\n    <errorMessage>");
            push_cdata(out, fields.message);
            out.push_str("</errorMessage>\n  </error>\n</root>\n");
        }
        "lastfm" => {
            out.push_str("<lfm status=\"failed\">\n  <error code=\"");
            out.push_str(code);
            out.push_str("\">");
            out.push_str(&partial_escape(fields.message));
            out.push_str("</error>\n</lfm>\n");
        }
        _ => {
            out.push_str("<subsonic-response xmlns=\"http://subsonic.org/restapi\" status=\"failed\" version=\"");
            out.push_str(subsonic::DEFAULT_VERSION);
            out.push_str("\">\n   <error code=\"");
            out.push_str(code);
            out.push_str("\" message=\"");
            out.push_str(&escape(fields.message));
            out.push_str("\"/>\n</subsonic-response>\n");
        }
    }
}

/// Where a body keeps its code and message, for the pull reader told the type.
#[derive(Clone, Copy)]
struct XmlPlaces {
    /// The element with the code attribute.
    error: &'static str,
    code: &'static str,
    /// The element whose text is the message, or `None` when the error element's
    /// `message` attribute is.
    message_element: Option<&'static str>,
}

/// Reads code and message with quick-xml's pull `Reader` over the whole body, borrowing
/// text where it can; returns the code and the message's length.
fn quick_xml_reader(body: &str, places: XmlPlaces) -> (u32, usize) {
    let mut reader = quick_xml::Reader::from_str(body);
    let (mut code, mut message, mut in_message) = (None, 0, false);
    loop {
        match reader.read_event().expect("quick-xml reads the body") {
            Event::Start(tag) | Event::Empty(tag) => {
                let name = tag.name();
                if name.as_ref() == places.error {
                    for attribute in tag.attributes() {
                        let attribute = attribute.expect("a well-formed attribute");
                        let key = attribute.key.as_ref();
                        if key == places.code {
                            code = attribute.value.parse::<u32>().ok();
                        } else if key == "message" && places.message_element.is_none() {
                            message = attribute
                                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .expect("a valid value")
                                .len();
                        }
                    }
                }
                in_message = places.message_element == Some(name.as_ref());
            }
            Event::Text(text) if in_message => message += text.xml10_content().len(),
            Event::CData(text) if in_message => message += text.xml10_content().len(),
            Event::GeneralRef(reference) if in_message => {
                message += match reference.resolve_char_ref().expect("a valid reference") {
                    Some(c) => c.len_utf8(),
                    None => quick_xml::escape::resolve_predefined_entity(&reference)
                        .expect("a predefined entity")
                        .len(),
                }
            }
            Event::End(_) => in_message = false,
            Event::Eof => break,
            _ => {}
        }
    }
    (code.expect("the body has a code"), message)
}

// --- benchmarks ------------------------------------------------------------------------

/// Times our renderer against contenders, after checking each writes the same bytes; one
/// that cannot is left out and named. A contender writes into whichever of the two buffers
/// its API takes.
fn render_group(
    c: &mut Criterion,
    body: &str,
    ours: impl Fn(&mut Vec<u8>),
    contenders: Vec<(&str, RenderContender<'_>)>,
) {
    let mut mine = Vec::with_capacity(1024);
    let (mut bytes, mut text) = (Vec::with_capacity(1024), String::with_capacity(1024));
    ours(&mut mine);
    let mut group = c.benchmark_group(format!("render/{body}"));
    group.bench_function("errors-wire", |b| {
        b.iter(|| {
            mine.clear();
            ours(black_box(&mut mine));
            black_box(mine.len())
        });
    });
    for (name, contender) in contenders {
        bytes.clear();
        text.clear();
        contender(&mut bytes, &mut text);
        let theirs = String::from_utf8_lossy(&bytes) + text.as_str();
        // quick-xml's public escape functions write `'` in an attribute as `&apos;` (the
        // servers write it raw): the same document, so it is timed all the same.
        if theirs.replace("&apos;", "'") != String::from_utf8_lossy(&mine) {
            eprintln!(
                "render/{body}: {name} writes other bytes; left out:\n{theirs}\n---\n{}",
                String::from_utf8_lossy(&mine)
            );
            continue;
        }
        group.bench_function(name, |b| {
            b.iter(|| {
                bytes.clear();
                text.clear();
                contender(black_box(&mut bytes), black_box(&mut text));
                black_box(bytes.len() + text.len())
            });
        });
    }
    group.finish();
}

/// Times our parser against contenders told the type, on the same body, after checking all
/// read the same code and message.
fn parse_group(
    c: &mut Criterion,
    body_name: &str,
    body: &[u8],
    contenders: Vec<(&str, ParseContender)>,
) {
    let ours = errors_wire::parse(body).expect("our parser reads the body");
    let mut group = c.benchmark_group(format!("parse/{body_name}"));
    group.bench_function("errors-wire", |b| {
        b.iter(|| {
            // Borrowed, not moved out: a move would time the harness, not the parser.
            let parsed = errors_wire::parse(black_box(body));
            let error = parsed.as_ref().expect("parses");
            black_box((error.code, error.message.len()))
        });
    });
    for (name, contender) in contenders {
        assert_eq!(
            contender(body),
            (ours.code, ours.message.len()),
            "{body_name}: {name}"
        );
        group.bench_function(name, |b| b.iter(|| black_box(contender(black_box(body)))));
    }
    group.finish();
}

fn utf8(body: &[u8]) -> &str {
    std::str::from_utf8(body).expect("bodies are UTF-8")
}

/// The three families' errors, with their usual message or with [`ESCAPED`].
fn errors(escaped: bool) -> [errors_wire::ErrorFields<'static>; 3] {
    let with = |fields: errors_wire::ErrorFields<'static>| errors_wire::ErrorFields {
        message: if escaped { ESCAPED } else { fields.message },
        ..fields
    };
    [
        with(AMPACHE),
        with(errors_wire::ErrorFields::new(LASTFM_CODE, LASTFM_MESSAGE)),
        with(SUBSONIC),
    ]
}

fn render(c: &mut Criterion) {
    for (suffix, escaped) in [("", false), ("/escaped", true)] {
        let [ampache_error, lastfm_error, subsonic_error] = errors(escaped);
        let value = AmpacheXml {
            error: AmpacheXmlError {
                code: ampache_error.code,
                action: ampache_error.action.into(),
                error_type: ampache_error.error_type.into(),
                message: ampache_error.message.into(),
            },
        };
        render_group(
            c,
            &format!("ampache-xml{suffix}"),
            |out| ampache::render(out, ampache::ApiVersion::V6, Format::Xml, &ampache_error),
            vec![
                (
                    "quick-xml-serde",
                    Box::new(|_, text: &mut String| {
                        quick_xml_render(text, "root", 2, &value, true)
                    }),
                ),
                (
                    "quick-xml-escape",
                    Box::new(|_, text: &mut String| {
                        quick_xml_escape_render(text, "ampache", ampache_error.code, &ampache_error)
                    }),
                ),
            ],
        );
        let value = AmpacheJson {
            error: AmpacheJsonError {
                code: ampache_error.code.to_string().into(),
                action: ampache_error.action.into(),
                error_type: ampache_error.error_type.into(),
                message: ampache_error.message.into(),
            },
        };
        render_group(
            c,
            &format!("ampache-json{suffix}"),
            |out| ampache::render(out, ampache::ApiVersion::V6, Format::Json, &ampache_error),
            vec![(
                "serde_json-php",
                Box::new(|out: &mut Vec<u8>, _| serde_json_php(out, &value, Some(b"    "))),
            )],
        );
        let value = LastfmXml {
            status: "failed".into(),
            error: LastfmXmlError {
                code: lastfm_error.code,
                message: lastfm_error.message.into(),
            },
        };
        render_group(
            c,
            &format!("lastfm-xml{suffix}"),
            |out| lastfm::render(out, Format::Xml, lastfm_error.code, lastfm_error.message),
            vec![
                (
                    "quick-xml-serde",
                    Box::new(|_, text: &mut String| {
                        quick_xml_render(text, "lfm", 2, &value, false)
                    }),
                ),
                (
                    "quick-xml-escape",
                    Box::new(|_, text: &mut String| {
                        quick_xml_escape_render(text, "lastfm", lastfm_error.code, &lastfm_error)
                    }),
                ),
            ],
        );
        let value = LastfmJson {
            error: lastfm_error.code,
            message: lastfm_error.message.into(),
        };
        render_group(
            c,
            &format!("lastfm-json{suffix}"),
            |out| lastfm::render(out, Format::Json, lastfm_error.code, lastfm_error.message),
            vec![(
                "serde_json-php",
                Box::new(|out: &mut Vec<u8>, _| serde_json_php(out, &value, None)),
            )],
        );
        let value = SubsonicXml {
            xmlns: "http://subsonic.org/restapi".into(),
            status: "failed".into(),
            version: subsonic::DEFAULT_VERSION.into(),
            error: SubsonicXmlError {
                code: subsonic_error.code,
                message: subsonic_error.message.into(),
            },
        };
        render_group(
            c,
            &format!("subsonic-xml{suffix}"),
            |out| subsonic::render(out, Format::Xml, &subsonic_error, &Options::default()),
            vec![
                (
                    "quick-xml-serde",
                    Box::new(|_, text: &mut String| {
                        quick_xml_render(text, "subsonic-response", 3, &value, false)
                    }),
                ),
                (
                    "quick-xml-escape",
                    Box::new(|_, text: &mut String| {
                        quick_xml_escape_render(
                            text,
                            "subsonic",
                            subsonic_error.code,
                            &subsonic_error,
                        )
                    }),
                ),
            ],
        );
        let value = SubsonicJson {
            response: SubsonicJsonResponse {
                status: "failed".into(),
                version: subsonic::DEFAULT_VERSION.into(),
                error: SubsonicJsonError {
                    code: subsonic_error.code,
                    message: subsonic_error.message.into(),
                },
            },
        };
        render_group(
            c,
            &format!("subsonic-json{suffix}"),
            |out| subsonic::render(out, Format::Json, &subsonic_error, &Options::default()),
            vec![(
                "serde_json",
                Box::new(|out: &mut Vec<u8>, _| {
                    let mut serializer = serde_json::Serializer::with_formatter(
                        out,
                        SpacedColon(PrettyFormatter::with_indent(b"   ")),
                    );
                    value
                        .serialize(&mut serializer)
                        .expect("serde_json serialises the body");
                }),
            )],
        );
    }
}

fn parse(c: &mut Criterion) {
    let reader = |places: XmlPlaces| -> ParseContender {
        Box::new(move |b| quick_xml_reader(utf8(b), places))
    };
    for (suffix, escaped) in [("", false), ("/escaped", true)] {
        let [ampache_error, lastfm_error, subsonic_error] = errors(escaped);
        let mut body = Vec::new();
        ampache::render(
            &mut body,
            ampache::ApiVersion::V6,
            Format::Xml,
            &ampache_error,
        );
        parse_group(
            c,
            &format!("ampache-xml{suffix}"),
            &body,
            vec![
                (
                    "quick-xml-serde",
                    Box::new(|b| {
                        let v: AmpacheXml<'_> =
                            quick_xml::de::from_str(utf8(b)).expect("quick-xml reads the body");
                        (v.error.code, v.error.message.len())
                    }),
                ),
                (
                    "quick-xml-reader",
                    reader(XmlPlaces {
                        error: "error",
                        code: "errorCode",
                        message_element: Some("errorMessage"),
                    }),
                ),
            ],
        );
        body.clear();
        ampache::render(
            &mut body,
            ampache::ApiVersion::V6,
            Format::Json,
            &ampache_error,
        );
        parse_group(
            c,
            &format!("ampache-json{suffix}"),
            &body,
            vec![(
                "serde_json",
                Box::new(|b| {
                    let v: AmpacheJson<'_> =
                        serde_json::from_slice(b).expect("serde_json reads the body");
                    (
                        v.error.code.parse().expect("a numeric code"),
                        v.error.message.len(),
                    )
                }),
            )],
        );
        body.clear();
        lastfm::render(
            &mut body,
            Format::Xml,
            lastfm_error.code,
            lastfm_error.message,
        );
        parse_group(
            c,
            &format!("lastfm-xml{suffix}"),
            &body,
            vec![
                (
                    "quick-xml-serde",
                    Box::new(|b| {
                        let v: LastfmXml<'_> =
                            quick_xml::de::from_str(utf8(b)).expect("quick-xml reads the body");
                        (v.error.code, v.error.message.len())
                    }),
                ),
                (
                    "quick-xml-reader",
                    reader(XmlPlaces {
                        error: "error",
                        code: "code",
                        message_element: Some("error"),
                    }),
                ),
            ],
        );
        body.clear();
        lastfm::render(
            &mut body,
            Format::Json,
            lastfm_error.code,
            lastfm_error.message,
        );
        parse_group(
            c,
            &format!("lastfm-json{suffix}"),
            &body,
            vec![(
                "serde_json",
                Box::new(|b| {
                    let v: LastfmJson<'_> =
                        serde_json::from_slice(b).expect("serde_json reads the body");
                    (v.error, v.message.len())
                }),
            )],
        );
        body.clear();
        subsonic::render(&mut body, Format::Xml, &subsonic_error, &Options::default());
        parse_group(
            c,
            &format!("subsonic-xml{suffix}"),
            &body,
            vec![
                (
                    "quick-xml-serde",
                    Box::new(|b| {
                        let v: SubsonicXml<'_> =
                            quick_xml::de::from_str(utf8(b)).expect("quick-xml reads the body");
                        (v.error.code, v.error.message.len())
                    }),
                ),
                (
                    "quick-xml-reader",
                    reader(XmlPlaces {
                        error: "error",
                        code: "code",
                        message_element: None,
                    }),
                ),
            ],
        );
        body.clear();
        subsonic::render(
            &mut body,
            Format::Json,
            &subsonic_error,
            &Options::default(),
        );
        parse_group(
            c,
            &format!("subsonic-json{suffix}"),
            &body,
            vec![(
                "serde_json",
                Box::new(|b| {
                    let v: SubsonicJson<'_> =
                        serde_json::from_slice(b).expect("serde_json reads the body");
                    (v.response.error.code, v.response.error.message.len())
                }),
            )],
        );
    }
}

/// A success body of about `len` bytes: the shape a client gets for a long listing.
fn success_body(format: Format, len: usize) -> Vec<u8> {
    let (head, item, tail): (&[u8], &[u8], &[u8]) = match format {
        Format::Xml => (
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root>\n<total_count>100000</total_count>\n",
            "  <song id=\"1\"><title><![CDATA[Caf\u{e9} & Co]]></title><artist id=\"2\">A &amp; B</artist></song>\n".as_bytes(),
            b"</root>\n",
        ),
        // Only XML and JSON success bodies are timed; JSONP would be the same JSON.
        Format::Json | Format::Jsonp => (
            b"{\"total_count\":100000,\"song\":[",
            "{\"id\":\"1\",\"title\":\"Caf\\u00e9 & Co\",\"artist\":{\"id\":\"2\",\"name\":\"A \\/ B\"}},".as_bytes(),
            b"{}]}",
        ),
    };
    let mut body = head.to_vec();
    while body.len() + item.len() + tail.len() <= len {
        body.extend_from_slice(item);
    }
    body.extend_from_slice(tail);
    body
}

/// A success body costs what its first members cost, whatever its length.
fn success(c: &mut Criterion) {
    let mut group = c.benchmark_group("success");
    for format in [Format::Xml, Format::Json] {
        for (name, len) in [("1k", 1 << 10), ("100k", 100 << 10), ("1m", 1 << 20)] {
            let body = success_body(format, len);
            assert!(matches!(
                errors_wire::parse(&body),
                Err(errors_wire::ParseError::NotAnError { .. })
            ));
            group.bench_function(format!("parse/{}-{name}", format.as_str()), |b| {
                b.iter(|| black_box(errors_wire::parse(black_box(&body)).is_err()))
            });
            group.bench_function(format!("classify/{}-{name}", format.as_str()), |b| {
                b.iter(|| {
                    black_box(matches!(
                        errors_wire::classify(200, Some("text/xml"), black_box(&body)),
                        errors_wire::Outcome::Success
                    ))
                })
            });
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    // Short by default; the command line (`--measurement-time`, `--warm-up-time`) overrides.
    config = Criterion::default()
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_millis(500));
    targets = render, parse, success
}
criterion_main!(benches);
