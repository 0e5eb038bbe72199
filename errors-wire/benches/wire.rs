//! errors-wire against serde-based contenders producing and reading the same bodies:
//! quick-xml's serde serializer and deserializer for XML, serde_json for JSON, on
//! `#[derive]`d structs. Each contender's output is checked equal to ours before timing.
//!
//! Run: `cargo bench -p errors-wire`.

use std::borrow::Cow;
use std::hint::black_box;
use std::io;
use std::time::Duration;

use criterion::{
    BenchmarkGroup, Criterion, criterion_group, criterion_main, measurement::WallTime,
};
use errors_wire::subsonic::{self, Options};
use errors_wire::{Format, ampache, lastfm};
use quick_xml::se::{Serializer as XmlSerializer, TextFormat};
use serde::{Deserialize, Serialize};
use serde_json::ser::{Formatter, PrettyFormatter};

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

fn serde_json_pretty<T: Serialize>(
    out: &mut Vec<u8>,
    value: &T,
    indent: &'static [u8],
    spaced: bool,
) {
    let pretty = PrettyFormatter::with_indent(indent);
    if spaced {
        let mut serializer = serde_json::Serializer::with_formatter(&mut *out, SpacedColon(pretty));
        value
            .serialize(&mut serializer)
            .expect("serde_json serialises the body");
    } else {
        let mut serializer = serde_json::Serializer::with_formatter(&mut *out, pretty);
        value
            .serialize(&mut serializer)
            .expect("serde_json serialises the body");
    }
}

fn ampache_xml_value() -> AmpacheXml<'static> {
    AmpacheXml {
        error: AmpacheXmlError {
            code: AMPACHE.code,
            action: AMPACHE.action.into(),
            error_type: AMPACHE.error_type.into(),
            message: AMPACHE.message.into(),
        },
    }
}

fn ampache_json_value() -> AmpacheJson<'static> {
    AmpacheJson {
        error: AmpacheJsonError {
            code: AMPACHE.code.to_string().into(),
            action: AMPACHE.action.into(),
            error_type: AMPACHE.error_type.into(),
            message: AMPACHE.message.into(),
        },
    }
}

fn subsonic_xml_value() -> SubsonicXml<'static> {
    SubsonicXml {
        xmlns: "http://subsonic.org/restapi".into(),
        status: "failed".into(),
        version: subsonic::DEFAULT_VERSION.into(),
        error: SubsonicXmlError {
            code: SUBSONIC.code,
            message: SUBSONIC.message.into(),
        },
    }
}

fn subsonic_json_value() -> SubsonicJson<'static> {
    SubsonicJson {
        response: SubsonicJsonResponse {
            status: "failed".into(),
            version: subsonic::DEFAULT_VERSION.into(),
            error: SubsonicJsonError {
                code: SUBSONIC.code,
                message: SUBSONIC.message.into(),
            },
        },
    }
}

fn lastfm_xml_value() -> LastfmXml<'static> {
    LastfmXml {
        status: "failed".into(),
        error: LastfmXmlError {
            code: LASTFM_CODE,
            message: LASTFM_MESSAGE.into(),
        },
    }
}

fn lastfm_json_value() -> LastfmJson<'static> {
    LastfmJson {
        error: LASTFM_CODE,
        message: LASTFM_MESSAGE.into(),
    }
}

// --- benchmarks ------------------------------------------------------------------------

fn configured<'c>(c: &'c mut Criterion, name: &str) -> BenchmarkGroup<'c, WallTime> {
    let mut group = c.benchmark_group(name);
    group.measurement_time(Duration::from_secs(2));
    group.warm_up_time(Duration::from_millis(500));
    group
}

/// Times our renderer against a serde contender, after checking they write the same bytes.
/// The contender writes into whichever of the two buffers its API takes.
fn render_pair(
    c: &mut Criterion,
    body: &str,
    ours: impl Fn(&mut Vec<u8>),
    contender_name: &str,
    contender: impl Fn(&mut Vec<u8>, &mut String),
) {
    let mut mine = Vec::with_capacity(1024);
    let (mut bytes, mut text) = (Vec::with_capacity(1024), String::with_capacity(1024));
    ours(&mut mine);
    contender(&mut bytes, &mut text);
    assert_eq!(
        String::from_utf8_lossy(&mine),
        String::from_utf8_lossy(&bytes) + text.as_str(),
        "{body}: the contenders must produce the same body"
    );
    let mut group = configured(c, format!("render/{body}").as_str());
    group.bench_function("errors-wire", |b| {
        b.iter(|| {
            mine.clear();
            ours(black_box(&mut mine));
            black_box(mine.len())
        });
    });
    group.bench_function(contender_name, |b| {
        b.iter(|| {
            bytes.clear();
            text.clear();
            contender(black_box(&mut bytes), black_box(&mut text));
            black_box(bytes.len() + text.len())
        });
    });
    group.finish();
}

/// Times our parser against a serde contender on the same body, after checking both read
/// the same code and message.
fn parse_pair(
    c: &mut Criterion,
    body_name: &str,
    body: &[u8],
    contender_name: &str,
    contender: impl Fn(&[u8]) -> (u32, usize),
) {
    let ours = errors_wire::parse(body).expect("our parser reads the body");
    assert_eq!(
        contender(body),
        (ours.code, ours.message.len()),
        "{body_name}"
    );
    let mut group = configured(c, format!("parse/{body_name}").as_str());
    group.bench_function("errors-wire", |b| {
        b.iter(|| {
            // Borrowed, not moved out: a move would time the harness, not the parser.
            let parsed = errors_wire::parse(black_box(body));
            let error = parsed.as_ref().expect("parses");
            black_box((error.code, error.message.len()))
        });
    });
    group.bench_function(contender_name, |b| {
        b.iter(|| black_box(contender(black_box(body))))
    });
    group.finish();
}

fn utf8(body: &[u8]) -> &str {
    std::str::from_utf8(body).expect("bodies are UTF-8")
}

fn render(c: &mut Criterion) {
    let value = ampache_xml_value();
    render_pair(
        c,
        "ampache-xml",
        |out| ampache::render(out, ampache::ApiVersion::V6, Format::Xml, &AMPACHE),
        "quick-xml-serde",
        |_, text| quick_xml_render(text, "root", 2, &value, true),
    );
    let value = ampache_json_value();
    render_pair(
        c,
        "ampache-json",
        |out| ampache::render(out, ampache::ApiVersion::V6, Format::Json, &AMPACHE),
        "serde_json",
        |out, _| serde_json_pretty(out, &value, b"    ", false),
    );
    let value = lastfm_xml_value();
    render_pair(
        c,
        "lastfm-xml",
        |out| lastfm::render(out, Format::Xml, LASTFM_CODE, LASTFM_MESSAGE),
        "quick-xml-serde",
        |_, text| quick_xml_render(text, "lfm", 2, &value, false),
    );
    let value = lastfm_json_value();
    render_pair(
        c,
        "lastfm-json",
        |out| lastfm::render(out, Format::Json, LASTFM_CODE, LASTFM_MESSAGE),
        "serde_json",
        |out, _| serde_json::to_writer(out, &value).expect("serde_json serialises the body"),
    );
    let value = subsonic_xml_value();
    render_pair(
        c,
        "subsonic-xml",
        |out| subsonic::render(out, Format::Xml, &SUBSONIC, &Options::default()),
        "quick-xml-serde",
        |_, text| quick_xml_render(text, "subsonic-response", 3, &value, false),
    );
    let value = subsonic_json_value();
    render_pair(
        c,
        "subsonic-json",
        |out| subsonic::render(out, Format::Json, &SUBSONIC, &Options::default()),
        "serde_json",
        |out, _| serde_json_pretty(out, &value, b"   ", true),
    );
}

fn parse(c: &mut Criterion) {
    let mut body = Vec::new();
    ampache::render(&mut body, ampache::ApiVersion::V6, Format::Xml, &AMPACHE);
    parse_pair(c, "ampache-xml", &body, "quick-xml-serde", |b| {
        let v: AmpacheXml<'_> = quick_xml::de::from_str(utf8(b)).expect("quick-xml reads the body");
        (v.error.code, v.error.message.len())
    });
    body.clear();
    ampache::render(&mut body, ampache::ApiVersion::V6, Format::Json, &AMPACHE);
    parse_pair(c, "ampache-json", &body, "serde_json", |b| {
        let v: AmpacheJson<'_> = serde_json::from_slice(b).expect("serde_json reads the body");
        (
            v.error.code.parse().expect("a numeric code"),
            v.error.message.len(),
        )
    });
    body.clear();
    lastfm::render(&mut body, Format::Xml, LASTFM_CODE, LASTFM_MESSAGE);
    parse_pair(c, "lastfm-xml", &body, "quick-xml-serde", |b| {
        let v: LastfmXml<'_> = quick_xml::de::from_str(utf8(b)).expect("quick-xml reads the body");
        (v.error.code, v.error.message.len())
    });
    body.clear();
    lastfm::render(&mut body, Format::Json, LASTFM_CODE, LASTFM_MESSAGE);
    parse_pair(c, "lastfm-json", &body, "serde_json", |b| {
        let v: LastfmJson<'_> = serde_json::from_slice(b).expect("serde_json reads the body");
        (v.error, v.message.len())
    });
    body.clear();
    subsonic::render(&mut body, Format::Xml, &SUBSONIC, &Options::default());
    parse_pair(c, "subsonic-xml", &body, "quick-xml-serde", |b| {
        let v: SubsonicXml<'_> =
            quick_xml::de::from_str(utf8(b)).expect("quick-xml reads the body");
        (v.error.code, v.error.message.len())
    });
    body.clear();
    subsonic::render(&mut body, Format::Json, &SUBSONIC, &Options::default());
    parse_pair(c, "subsonic-json", &body, "serde_json", |b| {
        let v: SubsonicJson<'_> = serde_json::from_slice(b).expect("serde_json reads the body");
        (v.response.error.code, v.response.error.message.len())
    });
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
    let mut group = configured(c, "success");
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

criterion_group!(benches, render, parse, success);
criterion_main!(benches);
