//! XML through quick-xml's pull reader: the events error bodies need, nesting counted to
//! [`MAX_DEPTH`], references limited to the predefined entities and character references,
//! and the document's declared encoding decoded.

use std::borrow::Cow;

use quick_xml::encoding::{DecodingReader, DetectedEncoding};
use quick_xml::errors::{Error, IllFormedError, SyntaxError};
// The five entities of XML itself, named here rather than through
// `resolve_predefined_entity`, which reads the whole HTML5 set when any crate in a build
// turns on quick-xml's `escape-html` feature.
use quick_xml::escape::{EscapeError, resolve_xml_entity, unescape_with};
use quick_xml::events::attributes::{AttrError, Attributes};
use quick_xml::events::{BytesCData, BytesDecl, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use quick_xml::{Reader, XmlVersion};

use super::MAX_DEPTH;
use super::html;
use super::input::Input;
use crate::{Format, ParseError};

/// A start tag, with its attributes read on demand.
#[derive(Debug)]
pub(crate) struct Tag<'a> {
    /// The tag between `<` and `>` (or `/>`): the name, then the attributes.
    start: BytesStart<'a>,
    /// The body, when the tag was read from it as it is (UTF-8): attribute values can then
    /// borrow from it.
    body: Option<&'a [u8]>,
    /// `<name/>`: the element has no content and no end tag.
    pub(crate) empty: bool,
    /// Where the tag is, for error offsets.
    at: usize,
}

impl<'a> Tag<'a> {
    pub(crate) fn name(&self) -> &str {
        self.start
            .get(..self.start.name().0.len())
            .unwrap_or_default()
    }

    /// Calls `each` with the name and value of every attribute, in order; values have
    /// their references expanded and blanks normalised as XML 1.0 prescribes, and borrow
    /// from the body when the tag does and they needed no change. An attribute given twice
    /// breaks XML's well-formedness; when it is one of `kept`, the attributes that decide
    /// the error, that is [`ParseError::Ambiguous`].
    pub(crate) fn attributes(
        &self,
        kept: &[&'static str],
        mut each: impl FnMut(&str, Cow<'a, str>),
    ) -> Result<(), ParseError> {
        let name_len = self.start.name().0.len();
        // Found again in the body only here, for the few tags whose attributes are read.
        match self.body.and_then(|body| reborrow(body, &self.start)) {
            Some(text) => read_attributes(text, name_len, self.at, kept, each),
            None => read_attributes(&self.start, name_len, self.at, kept, |name, value| {
                each(name, Cow::Owned(value.into_owned()));
            }),
        }
    }
}

fn read_attributes<'t>(
    text: &'t str,
    name_len: usize,
    at: usize,
    kept: &[&'static str],
    mut each: impl FnMut(&str, Cow<'t, str>),
) -> Result<(), ParseError> {
    let malformed = |offset: usize, reason| ParseError::Malformed {
        format: Format::Xml,
        offset: at + offset,
        reason,
    };
    for attr in Attributes::new(text, name_len) {
        let attr = attr.map_err(|e| match e {
            AttrError::Duplicated(offset, _) => {
                let name = text
                    .get(offset..)
                    .unwrap_or_default()
                    .split(|c: char| c == '=' || c.is_ascii_whitespace())
                    .next()
                    .unwrap_or_default();
                match kept.iter().find(|kept| **kept == name) {
                    Some(member) => ParseError::Ambiguous {
                        format: Format::Xml,
                        member,
                    },
                    None => malformed(offset, attr_reason(&e)),
                }
            }
            _ => malformed(attr_offset(&e), attr_reason(&e)),
        })?;
        // A value not kept is only checked: without a reference it cannot be wrong.
        if !kept.contains(&attr.key.0) && !attr.value.contains('&') {
            continue;
        }
        let value = attr
            .normalized_value_with(XmlVersion::Implicit1_0, 1, resolve_xml_entity)
            .map_err(|_| malformed(0, "unknown entity or invalid character reference"))?;
        each(attr.key.0, value);
    }
    Ok(())
}

/// One step through an element's content; comments and processing instructions are
/// passed over.
#[derive(Debug)]
pub(crate) enum Node<'a> {
    Start(Tag<'a>),
    /// The innermost open element closed; quick-xml checked its name.
    End,
    /// Character data; [`BytesText::xml10_content`] normalises its line ends, for the
    /// readers that keep it.
    Text(BytesText<'a>),
    /// The replacement text of a reference (`&amp;`, `&#233;`).
    Reference(Cow<'static, str>),
    /// A CDATA section; [`BytesCData::xml10_content`] is its content, line ends
    /// normalised.
    CData(BytesCData<'a>),
}

/// Where events come from: the body itself when it is UTF-8, events borrow from it; a
/// decoder to UTF-8 for any other encoding, events are copied out of a buffer.
enum Source<'a> {
    Utf8(Reader<&'a [u8]>),
    Decoded {
        reader: Box<Reader<DecodingReader<&'a [u8]>>>,
        buf: Vec<u8>,
    },
}

impl std::fmt::Debug for Source<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Source::Utf8(_) => "Utf8",
            Source::Decoded { .. } => "Decoded",
        })
    }
}

impl<'a> Source<'a> {
    fn utf8(bytes: &'a [u8]) -> Self {
        let mut reader = Reader::from_reader(bytes);
        configure(&mut reader);
        Source::Utf8(reader)
    }

    /// Reads through `decoder`, which turns the body into UTF-8.
    fn decoded(decoder: DecodingReader<&'a [u8]>) -> Self {
        let mut reader = Reader::from_reader(decoder);
        configure(&mut reader);
        Source::Decoded {
            reader: Box::new(reader),
            buf: Vec::new(),
        }
    }

    #[inline]
    fn event(&mut self) -> Result<Event<'a>, Error> {
        match self {
            Source::Utf8(reader) => reader.read_event(),
            Source::Decoded { reader, buf } => {
                buf.clear();
                reader.read_event_into(buf).map(Event::into_owned)
            }
        }
    }

    /// Whether quick-xml drops blanks at the ends of text, and text that is only blanks.
    #[inline]
    fn trim_text(&mut self, trim: bool) {
        match self {
            Source::Utf8(reader) => reader.config_mut().trim_text(trim),
            Source::Decoded { reader, .. } => reader.config_mut().trim_text(trim),
        };
    }

    fn error_position(&self) -> u64 {
        match self {
            Source::Utf8(reader) => reader.error_position(),
            Source::Decoded { reader, .. } => reader.error_position(),
        }
    }

    fn buffer_position(&self) -> u64 {
        match self {
            Source::Utf8(reader) => reader.buffer_position(),
            Source::Decoded { reader, .. } => reader.buffer_position(),
        }
    }
}

fn configure<R>(reader: &mut Reader<R>) {
    let config = reader.config_mut();
    config.check_end_names = true;
    config.allow_unmatched_ends = false;
    config.allow_dangling_amp = false;
    config.expand_empty_elements = false;
    // Between elements blanks are layout: quick-xml drops them, so that they cost no event.
    // [`XmlReader::text_content`] turns this off for the text it keeps.
    config.trim_text(true);
}

#[derive(Debug)]
pub(crate) struct XmlReader<'a> {
    source: Source<'a>,
    input: Input<'a>,
    /// Where in `input` the source starts: after a declaration read apart, else 0.
    skip: usize,
    depth: usize,
}

/// The longest declaration read apart from the body (see [`XmlReader::declaration_apart`]).
const DECLARATION_MAX: usize = 256;

impl<'a> XmlReader<'a> {
    /// A reader of `input`; UTF-16 (a byte order mark, or a declaration in UTF-16) selects
    /// the decoder at once, an XML declaration naming another encoding than UTF-8 selects
    /// it in [`Self::root`].
    pub(crate) fn new(input: Input<'a>) -> Self {
        let utf16 = matches!(
            quick_xml::encoding::detect_encoding(input.bytes),
            Some(
                DetectedEncoding::Utf16BeBom
                    | DetectedEncoding::Utf16LeBom
                    | DetectedEncoding::Utf16BeLike
                    | DetectedEncoding::Utf16LeLike
            )
        );
        let source = if utf16 {
            // The decoder finds the encoding from the mark or the declaration.
            Source::decoded(DecodingReader::new(input.bytes))
        } else {
            Source::utf8(input.bytes)
        };
        Self {
            source,
            input,
            skip: 0,
            depth: 0,
        }
    }

    /// Reads the prolog and returns the root element's start tag.
    pub(crate) fn root(&mut self) -> Result<Tag<'a>, ParseError> {
        let mut first = !self.declaration_apart()?;
        loop {
            let event = self.event()?;
            match event {
                Event::Decl(decl) if first => self.declared(&decl)?,
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
                Event::DocType(doctype) => {
                    let name = doctype.split_ascii_whitespace().next().unwrap_or_default();
                    if name.eq_ignore_ascii_case("html") {
                        return Err(ParseError::Html {
                            title: html::title(self.input.bytes),
                        });
                    }
                    // An internal subset may declare entities; they are never expanded.
                }
                Event::Text(text) if text.bytes().all(|b| b.is_ascii_whitespace()) => {}
                Event::Start(start) => return self.opened(start, false),
                Event::Empty(start) => return self.opened(start, true),
                Event::Eof => return Err(self.input.end()),
                _ => return Err(self.malformed("text before the root element")),
            }
            first = false;
        }
    }

    /// The next step through the content of the open element.
    pub(crate) fn next(&mut self) -> Result<Node<'a>, ParseError> {
        loop {
            let node = match self.event()? {
                Event::Start(start) => Node::Start(self.opened(start, false)?),
                Event::Empty(start) => Node::Start(self.opened(start, true)?),
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    Node::End
                }
                Event::Text(text) => Node::Text(text),
                Event::CData(cdata) => Node::CData(cdata),
                Event::GeneralRef(reference) => {
                    Node::Reference(match reference.resolve_char_ref() {
                        Ok(Some(c)) => Cow::Owned(c.to_string()),
                        // Only the five predefined entities: a DTD's are never expanded.
                        Ok(None) => resolve_xml_entity(&reference)
                            .map(Cow::Borrowed)
                            .ok_or_else(|| self.malformed("unknown entity"))?,
                        Err(_) => return Err(self.malformed("invalid character reference")),
                    })
                }
                Event::Comment(_) | Event::PI(_) | Event::Decl(_) => continue,
                Event::DocType(_) => {
                    return Err(self.malformed("document type declaration inside an element"));
                }
                Event::Eof => return Err(self.input.end()),
            };
            return Ok(node);
        }
    }

    /// Reads the content of the element whose start tag was just read, through its end
    /// tag: text, references and CDATA joined, child elements skipped. When the content has
    /// CDATA, blank text around the sections is layout and is dropped.
    pub(crate) fn text_content(&mut self, element: &Tag<'a>) -> Result<Cow<'a, str>, ParseError> {
        if let Some(text) = self.plain_text(element) {
            return text;
        }
        self.source.trim_text(false);
        let text = self.untrimmed_text_content();
        self.source.trim_text(true);
        text
    }

    /// The content of an element that is text only, as most messages are: the first
    /// markup after the start tag is an end tag. quick-xml then reads it through the end
    /// tag in one call, and the references are expanded in one pass over it (the predefined
    /// entities and character references only, as in [`Self::next`]) instead of piece by
    /// piece. `None`, with nothing read, for any other content, or a body read through a
    /// decoder.
    fn plain_text(&mut self, element: &Tag<'a>) -> Option<Result<Cow<'a, str>, ParseError>> {
        let Source::Utf8(reader) = &mut self.source else {
            return None;
        };
        let rest = self
            .input
            .bytes
            .get(self.skip + usize::try_from(reader.buffer_position()).ok()?..)?;
        let markup = rest.iter().position(|&b| b == b'<')?;
        if rest.get(markup + 1) != Some(&b'/') {
            return None;
        }
        let read = reader.read_text(QName(element.name()));
        Some(match read {
            Ok(text) => {
                self.depth = self.depth.saturating_sub(1);
                // Line ends first, as XML 1.0 section 2.11 has it, so that `&#13;` stays.
                let unescaped = match text.xml10_content() {
                    Cow::Borrowed(text) => unescape_with(text, resolve_xml_entity),
                    Cow::Owned(text) => unescape_with(&text, resolve_xml_entity)
                        .map(|text| Cow::Owned(text.into_owned())),
                };
                unescaped.map_err(|e| {
                    self.malformed(match e {
                        EscapeError::UnrecognizedEntity(..) => "unknown entity",
                        _ => "invalid character reference",
                    })
                })
            }
            Err(error) => Err(self.error(error)),
        })
    }

    fn untrimmed_text_content(&mut self) -> Result<Cow<'a, str>, ParseError> {
        let mut all = Joined::default();
        // `all` without its blank runs; apart from `all` only once a blank run shows.
        let mut solid: Option<Joined<'a>> = None;
        // The text between two pieces of markup, which references split into pieces.
        let mut run = Joined::default();
        let mut run_blank = true;
        let mut has_cdata = false;
        loop {
            let (cdata, end) = match self.next()? {
                Node::Text(text) => {
                    let text = text.xml10_content();
                    run_blank &= text.bytes().all(|b| b.is_ascii_whitespace());
                    run.push(text);
                    continue;
                }
                Node::Reference(text) => {
                    run_blank = false;
                    run.push(text);
                    continue;
                }
                Node::CData(cdata) => (Some(cdata.xml10_content()), false),
                Node::Start(tag) => {
                    if !tag.empty {
                        self.skip_element()?;
                    }
                    (None, false)
                }
                Node::End => (None, true),
            };
            let text = std::mem::take(&mut run).finish();
            match &mut solid {
                None if run_blank && !text.is_empty() => solid = Some(all.clone()),
                Some(solid) if !run_blank => solid.push(text.clone()),
                _ => {}
            }
            all.push(text);
            run_blank = true;
            if let Some(cdata) = cdata {
                has_cdata = true;
                if let Some(solid) = &mut solid {
                    solid.push(cdata.clone());
                }
                all.push(cdata);
            }
            if end {
                return Ok(match solid {
                    Some(solid) if has_cdata => solid,
                    _ => all,
                }
                .finish());
            }
        }
    }

    /// Skips the content of the element whose start tag was just read, through its end tag.
    pub(crate) fn skip_element(&mut self) -> Result<(), ParseError> {
        let outer = self.depth.saturating_sub(1);
        while self.depth > outer {
            self.next()?;
        }
        Ok(())
    }

    /// Skips the rest of the root element and checks that only comments, processing
    /// instructions and blanks follow it. Called with the root's child that holds the error
    /// just read: a second child of the same name makes the body
    /// [`ParseError::Ambiguous`].
    pub(crate) fn finish(&mut self, child: Option<&'static str>) -> Result<(), ParseError> {
        if let Some(child) = child {
            while self.depth == 1 {
                match self.next()? {
                    Node::Start(tag) if tag.name() == child => {
                        return Err(ParseError::Ambiguous {
                            format: Format::Xml,
                            member: child,
                        });
                    }
                    Node::Start(tag) if !tag.empty => self.skip_element()?,
                    _ => {}
                }
            }
        }
        while self.depth > 0 {
            self.next()?;
        }
        loop {
            match self.event()? {
                Event::Eof => return Ok(()),
                Event::Comment(_) | Event::PI(_) => {}
                Event::Text(text) if text.bytes().all(|b| b.is_ascii_whitespace()) => {}
                _ => return Err(self.malformed("content after the root element")),
            }
        }
    }

    /// The start tag of an element just opened; a non-empty one counts as a level.
    fn opened(&mut self, start: BytesStart<'a>, empty: bool) -> Result<Tag<'a>, ParseError> {
        if !empty {
            if self.depth >= MAX_DEPTH {
                return Err(ParseError::TooDeep { limit: MAX_DEPTH });
            }
            self.depth += 1;
        }
        let body = match self.source {
            Source::Utf8(_) => Some(self.input.bytes),
            Source::Decoded { .. } => None,
        };
        Ok(Tag {
            body,
            empty,
            // Back from the end of the tag over `<`, the tag and `>` or `/>`.
            at: self.input.base
                + self
                    .position()
                    .saturating_sub(start.len() + 2 + usize::from(empty)),
            start,
        })
    }

    /// Reads the declaration at the start of a UTF-8 body apart, with a reader over its own
    /// text, and starts the body's reader after it: a reader over a `&str` takes the text
    /// for UTF-8, where one over bytes (`Reader::from_reader`) looks the declared encoding
    /// up again for every body. `false`, with nothing read, when the body does not start
    /// with a declaration that reads whole; the body's reader then reads what is there.
    fn declaration_apart(&mut self) -> Result<bool, ParseError> {
        let bytes = self.input.bytes;
        if !matches!(self.source, Source::Utf8(_)) || !bytes.starts_with(b"<?xml") {
            return Ok(false);
        }
        // A declaration holds no `?>`: it ends at the first.
        let head = bytes.get(..DECLARATION_MAX).unwrap_or(bytes);
        let Some(end) = head.windows(2).position(|w| w == b"?>").map(|at| at + 2) else {
            return Ok(false);
        };
        let Some(text) = bytes.get(..end).and_then(|d| std::str::from_utf8(d).ok()) else {
            return Ok(false);
        };
        let mut reader = Reader::from_str(text);
        let Ok(Event::Decl(decl)) = reader.read_event() else {
            return Ok(false);
        };
        self.declared(&decl)?;
        // Still UTF-8, or decoding from the start of the body.
        if let Source::Utf8(_) = self.source {
            self.source = Source::utf8(bytes.get(end..).unwrap_or_default());
            self.skip = end;
        }
        Ok(true)
    }

    /// Acts on the encoding the XML declaration names: UTF-8 goes on as it is; another
    /// encoding that keeps ASCII in place restarts the reading with a decoder.
    fn declared(&mut self, decl: &BytesDecl<'_>) -> Result<(), ParseError> {
        let Source::Utf8(_) = self.source else {
            // Already decoding, from a byte order mark: the mark wins over the declaration.
            return Ok(());
        };
        // The spelling nearly every body has, told without reading the attributes.
        if decl.ends_with(" encoding=\"UTF-8\"") {
            return Ok(());
        }
        let label = match decl.encoding() {
            None => return Ok(()),
            Some(Ok(label)) => label,
            Some(Err(_)) => return Err(self.malformed("invalid XML declaration")),
        };
        // Nearly every body says UTF-8: settled without looking the label up.
        if label.eq_ignore_ascii_case("UTF-8") || label.eq_ignore_ascii_case("utf8") {
            return Ok(());
        }
        let unsupported = || ParseError::UnsupportedEncoding {
            found: ParseError::quote(&label),
        };
        let encoding = decl.encoder().ok_or_else(unsupported)?;
        match encoding.name() {
            // A body whose declaration reads as ASCII is not UTF-16, whatever it says.
            "UTF-8" | "UTF-16LE" | "UTF-16BE" => Ok(()),
            _ if !encoding.is_ascii_compatible() => Err(unsupported()),
            _ => {
                let mut decoder = DecodingReader::new(self.input.bytes);
                // Before the first read, while the decoder still holds its prefix.
                decoder.set_encoding(encoding);
                self.source = Source::decoded(decoder);
                // The declaration again, read through the decoder this time.
                match self.event()? {
                    Event::Decl(_) => Ok(()),
                    _ => Err(self.malformed("invalid XML declaration")),
                }
            }
        }
    }

    #[inline]
    fn event(&mut self) -> Result<Event<'a>, ParseError> {
        self.source.event().map_err(|e| self.error(e))
    }

    /// Where the reader is: just past the last event read.
    fn position(&self) -> usize {
        usize::try_from(self.source.buffer_position())
            .unwrap_or(usize::MAX)
            .saturating_add(self.skip)
    }

    #[cold]
    fn malformed(&self, reason: &'static str) -> ParseError {
        self.input.malformed(self.position(), reason)
    }

    /// What a quick-xml error means for the body: at the end of the input, a document cut
    /// short; elsewhere, what is wrong there.
    #[cold]
    #[inline(never)]
    fn error(&self, error: Error) -> ParseError {
        let at = usize::try_from(self.source.error_position())
            .unwrap_or(usize::MAX)
            .saturating_add(self.skip);
        let reason = match error {
            Error::Syntax(SyntaxError::InvalidBangMarkup) if self.cut_in_markup(at) => {
                return self.input.end();
            }
            Error::Syntax(SyntaxError::InvalidBangMarkup) => "unknown markup after '<!'",
            Error::Syntax(_)
            | Error::IllFormed(
                IllFormedError::MissingEndTag(_) | IllFormedError::UnclosedReference,
            ) => {
                return self.input.end();
            }
            Error::IllFormed(IllFormedError::MismatchedEndTag { .. }) => {
                "end tag does not match the start tag"
            }
            Error::IllFormed(IllFormedError::UnmatchedEndTag(_)) => "end tag without a start tag",
            Error::IllFormed(IllFormedError::MissingDoctypeName) => {
                "document type declaration without a name"
            }
            Error::IllFormed(_) => "invalid XML declaration",
            Error::Encoding(_) if self.input.cut => return self.input.end(),
            Error::Encoding(_) => {
                match (&self.source, self.input.not_utf8_by(self.input.bytes.len())) {
                    (Source::Utf8(_), Some(not_utf8)) => return not_utf8,
                    _ => "bytes invalid in the declared encoding",
                }
            }
            Error::InvalidAttr(e) => attr_reason(&e),
            Error::Escape(_) => "unknown entity or invalid character reference",
            Error::Io(_) | Error::Namespace(_) => "unreadable",
        };
        self.input.malformed(at, reason)
    }

    /// Whether the input ends inside the opener of a comment, CDATA section or DOCTYPE
    /// (which quick-xml reports as unknown markup). Through a decoder, offsets count decoded
    /// bytes, so the opener is looked for at the end of the body instead.
    fn cut_in_markup(&self, at: usize) -> bool {
        let bytes = self.input.bytes;
        let at = match self.source {
            Source::Utf8(_) => at,
            Source::Decoded { .. } => bytes
                .windows(2)
                .rposition(|w| w == b"<!")
                .unwrap_or(bytes.len()),
        };
        let rest = bytes.get(at..).unwrap_or_default();
        let prefix_of = |opener: &[u8]| {
            rest.len() < opener.len()
                && opener
                    .get(..rest.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(rest))
        };
        prefix_of(b"<!--") || prefix_of(b"<![CDATA[") || prefix_of(b"<!DOCTYPE")
    }
}

/// The text of `start` as a slice of `bytes`, when the reader borrowed it from there: the
/// tag then outlives the event, and its attribute values can borrow from the body.
fn reborrow<'a>(bytes: &'a [u8], start: &BytesStart<'_>) -> Option<&'a str> {
    let text: &str = start;
    let at = (text.as_ptr() as usize).checked_sub(bytes.as_ptr() as usize)?;
    let slice = bytes.get(at..at.checked_add(text.len())?)?;
    // Valid: the reader checked these very bytes.
    std::str::from_utf8(slice).ok()
}

fn attr_offset(error: &AttrError) -> usize {
    match *error {
        AttrError::ExpectedEq(at)
        | AttrError::ExpectedValue(at)
        | AttrError::UnquotedValue(at)
        | AttrError::ExpectedQuote(at, _)
        | AttrError::Duplicated(at, _) => at,
    }
}

fn attr_reason(error: &AttrError) -> &'static str {
    match error {
        AttrError::ExpectedEq(_) | AttrError::ExpectedValue(_) => "attribute without a value",
        AttrError::UnquotedValue(_) | AttrError::ExpectedQuote(..) => {
            "attribute value without quotes"
        }
        AttrError::Duplicated(..) => "attribute given twice",
    }
}

/// A value built from pieces, borrowed while it is a single piece.
#[derive(Debug, Default, Clone)]
pub(super) struct Joined<'a>(Option<Cow<'a, str>>);

impl<'a> Joined<'a> {
    pub(super) fn push(&mut self, piece: Cow<'a, str>) {
        // Empty pieces (the text around a CDATA section) would make a copy for nothing.
        if piece.is_empty() {
            return;
        }
        match &mut self.0 {
            Some(Cow::Owned(joined)) => joined.push_str(&piece),
            Some(Cow::Borrowed(first)) => {
                // Room for a few more pieces, so that a text split by references is not
                // copied again for each.
                let mut joined = String::with_capacity(2 * (first.len() + piece.len()));
                joined.push_str(first);
                joined.push_str(&piece);
                self.0 = Some(Cow::Owned(joined));
            }
            None => self.0 = Some(piece),
        }
    }

    pub(super) fn finish(self) -> Cow<'a, str> {
        self.0.unwrap_or(Cow::Borrowed(""))
    }
}
