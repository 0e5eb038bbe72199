//! A small pull reader for the XML that error bodies use: elements, attributes, text,
//! CDATA, comments, processing instructions and a DOCTYPE without entity declarations.

use std::borrow::Cow;

use super::MAX_DEPTH;
use super::cursor::Cursor;
use super::html;
use super::xml_values::{Attrs, Context, Joined, normalize_newlines, unescape};
use crate::{ParseError, scan};

/// A start tag; its attributes are read on demand.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tag<'a> {
    pub(crate) name: &'a str,
    attrs: &'a str,
    attrs_at: usize,
    /// `<name/>`: the element has no content and no end tag.
    pub(crate) empty: bool,
}

impl<'a> Tag<'a> {
    pub(crate) fn attrs(&self) -> Attrs<'a> {
        Attrs {
            src: self.attrs,
            pos: 0,
            base: self.attrs_at,
        }
    }
}

/// One step through an element's content.
#[derive(Debug)]
pub(crate) enum Event<'a> {
    Start(Tag<'a>),
    /// The innermost open element closed; the reader checked its name.
    End,
    /// Character data as written, entities not yet expanded.
    Text {
        raw: &'a str,
        at: usize,
    },
    /// The content of a CDATA section.
    CData(&'a str),
}

#[derive(Debug)]
pub(crate) struct XmlReader<'a> {
    c: Cursor<'a>,
    open: [&'a str; MAX_DEPTH],
    depth: usize,
}

impl<'a> XmlReader<'a> {
    pub(crate) fn new(c: Cursor<'a>) -> Self {
        Self {
            c,
            open: [""; MAX_DEPTH],
            depth: 0,
        }
    }

    /// Reads the prolog and returns the root element's start tag.
    pub(crate) fn root(&mut self) -> Result<Tag<'a>, ParseError> {
        loop {
            self.c.skip_ws();
            if self.c.at_end() {
                return Err(self.c.end());
            }
            if self.opens(b"<?xml")?
                && self
                    .c
                    .rest()
                    .get(5)
                    .is_some_and(|&b| b == b'?' || b.is_ascii_whitespace())
            {
                self.declaration()?;
            } else if self.opens(b"<?")? {
                self.skip_past(b"?>")?;
            } else if self.opens(b"<!--")? {
                self.skip_past(b"-->")?;
            } else if self.opens_ignore_case(b"<!doctype")? {
                self.doctype()?;
            } else if self.c.peek() == Some(b'<') {
                return self.start_tag();
            } else {
                return Err(self.c.malformed("text before the root element"));
            }
        }
    }

    /// The next step through the current element's content.
    pub(crate) fn next(&mut self) -> Result<Event<'a>, ParseError> {
        loop {
            let start = self.c.pos;
            match self.c.peek() {
                None => return Err(self.c.end()),
                Some(b'<') => {}
                Some(_) => {
                    let end = self
                        .c
                        .find_from(start, |w| scan::eq(w, b'<'))
                        .ok_or_else(|| self.c.end())?;
                    let raw = self.c.slice(start, end)?;
                    self.c.pos = end;
                    return Ok(Event::Text { raw, at: start });
                }
            }
            if self.opens(b"<![CDATA[")? {
                let end = self.c.find(b"]]>").ok_or_else(|| self.c.end())?;
                let raw = self.c.slice(start + 9, end)?;
                self.c.pos = end + 3;
                return Ok(Event::CData(raw));
            } else if self.opens(b"<!--")? {
                self.skip_past(b"-->")?;
            } else if self.opens(b"<?")? {
                self.skip_past(b"?>")?;
            } else if self.opens(b"</")? {
                return self.end_tag().map(|()| Event::End);
            } else if self.opens(b"<!")? {
                return Err(self.c.malformed("markup declaration inside an element"));
            } else {
                return self.start_tag().map(Event::Start);
            }
        }
    }

    /// Reads the content of the element whose start tag was just read, through its end
    /// tag: text and CDATA joined, child elements skipped. When the content has CDATA,
    /// blank text around the sections is layout and is dropped.
    pub(crate) fn text_content(&mut self) -> Result<Cow<'a, str>, ParseError> {
        let mut all = Joined::default();
        let mut solid = Joined::default();
        let mut has_cdata = false;
        loop {
            match self.next()? {
                Event::Text { raw, at } => {
                    let text = unescape(raw, at, Context::Text)?;
                    if !raw.bytes().all(|b| b.is_ascii_whitespace()) {
                        solid.push(text.clone());
                    }
                    all.push(text);
                }
                Event::CData(raw) => {
                    has_cdata = true;
                    let text = normalize_newlines(raw);
                    all.push(text.clone());
                    solid.push(text);
                }
                Event::Start(tag) if !tag.empty => self.skip_element()?,
                Event::Start(_) => {}
                Event::End => return Ok(if has_cdata { solid } else { all }.finish()),
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
    /// instructions and blanks follow it.
    pub(crate) fn finish(&mut self) -> Result<(), ParseError> {
        while self.depth > 0 {
            self.next()?;
        }
        loop {
            self.c.skip_ws();
            if self.c.at_end() {
                return Ok(());
            }
            if self.opens(b"<!--")? {
                self.skip_past(b"-->")?;
            } else if self.opens(b"<?")? {
                self.skip_past(b"?>")?;
            } else {
                return Err(self.c.malformed("content after the root element"));
            }
        }
    }

    /// Whether the input goes on with `opener`. A body that ends inside it is truncated.
    fn opens(&self, opener: &[u8]) -> Result<bool, ParseError> {
        let rest = self.c.rest();
        if rest.len() < opener.len() && opener.starts_with(rest) {
            return Err(self.c.end());
        }
        Ok(rest.starts_with(opener))
    }

    fn opens_ignore_case(&self, opener: &[u8]) -> Result<bool, ParseError> {
        let rest = self.c.rest();
        let head = rest.get(..opener.len()).unwrap_or(rest);
        match opener.get(..head.len()) {
            Some(start) if start.eq_ignore_ascii_case(head) && head.len() < opener.len() => {
                Err(self.c.end())
            }
            Some(start) => Ok(start.eq_ignore_ascii_case(head)),
            None => Ok(false),
        }
    }

    /// Moves past the next `terminator`.
    fn skip_past(&mut self, terminator: &[u8]) -> Result<(), ParseError> {
        let end = self.c.find(terminator).ok_or_else(|| self.c.end())?;
        self.c.pos = end + terminator.len();
        Ok(())
    }

    fn declaration(&mut self) -> Result<(), ParseError> {
        let start = self.c.pos + 5;
        let end = self.c.find(b"?>").ok_or_else(|| self.c.end())?;
        let pseudo = Attrs {
            src: self.c.slice(start, end)?,
            pos: 0,
            base: start,
        };
        for attr in pseudo {
            let attr = attr?;
            if attr.name == "encoding"
                && !attr.raw.eq_ignore_ascii_case("utf-8")
                && !attr.raw.eq_ignore_ascii_case("utf8")
            {
                return Err(ParseError::UnsupportedEncoding {
                    found: ParseError::quote(attr.raw),
                });
            }
        }
        self.c.pos = end + 2;
        Ok(())
    }

    fn doctype(&mut self) -> Result<(), ParseError> {
        let start = self.c.pos + 9;
        let name = self.c.bytes().get(start..).unwrap_or_default();
        let name_at = name
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(name.len());
        let name = name.get(name_at..).unwrap_or_default();
        if name
            .get(..4)
            .is_some_and(|n| n.eq_ignore_ascii_case(b"html"))
        {
            return Err(ParseError::Html {
                title: html::title(self.c.bytes()),
            });
        }
        // An internal subset may declare entities; it is skipped, and so are they.
        let gt = self.c.find(b">").ok_or_else(|| self.c.end())?;
        match self.c.find(b"[") {
            Some(open) if open < gt => {
                self.c.pos = open;
                self.skip_past(b"]")?;
                self.skip_past(b">")
            }
            _ => {
                self.c.pos = gt + 1;
                Ok(())
            }
        }
    }

    /// Reads `<name attrs>` or `<name attrs/>`; a non-empty element is now open.
    fn start_tag(&mut self) -> Result<Tag<'a>, ParseError> {
        let name_start = self.c.pos + 1;
        self.c.pos = name_start;
        let name_end = self
            .c
            .find_byte(|b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
            .ok_or_else(|| self.c.end())?;
        if name_end == name_start {
            return Err(self.c.malformed("element without a name"));
        }
        let name = self.c.slice(name_start, name_end)?;
        let bytes = self.c.bytes();
        let mut i = name_end;
        let special =
            |w| scan::eq(w, b'"') | scan::eq(w, b'\'') | scan::eq(w, b'>') | scan::eq(w, b'<');
        let gt = loop {
            i = self.c.find_from(i, special).ok_or_else(|| self.c.end())?;
            match bytes.get(i) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let close = self
                        .c
                        .find_from(i + 1, |w| scan::eq(w, quote))
                        .ok_or_else(|| self.c.end())?;
                    i = close + 1;
                }
                Some(b'<') => return Err(self.c.malformed_at(i, "'<' inside a tag")),
                _ => break i,
            }
        };
        let empty = bytes.get(gt - 1) == Some(&b'/');
        let tag = Tag {
            name,
            attrs: self.c.slice(name_end, if empty { gt - 1 } else { gt })?,
            attrs_at: name_end,
            empty,
        };
        self.c.pos = gt + 1;
        if !empty {
            let slot = self
                .open
                .get_mut(self.depth)
                .ok_or(ParseError::TooDeep { limit: MAX_DEPTH })?;
            *slot = name;
            self.depth += 1;
        }
        Ok(tag)
    }

    fn end_tag(&mut self) -> Result<(), ParseError> {
        let start = self.c.pos;
        let gt = self.c.find(b">").ok_or_else(|| self.c.end())?;
        let name = self
            .c
            .slice(start + 2, gt)?
            .trim_end_matches(|c: char| c.is_ascii_whitespace());
        let open = self
            .depth
            .checked_sub(1)
            .and_then(|top| self.open.get(top))
            .ok_or_else(|| self.c.malformed("end tag without a start tag"))?;
        if *open != name {
            return Err(self.c.malformed("end tag does not match the start tag"));
        }
        self.depth -= 1;
        self.c.pos = gt + 1;
        Ok(())
    }
}
