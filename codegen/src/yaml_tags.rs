//! The explicit YAML tags of a spec (`!!binary`, `!!str`, `!custom`, `!`), each located.
//!
//! A tag changes how YAML reads a value (`!!binary` decodes base64, `!!str` turns a number
//! into text) or asks for an application type no spec has; serde-saphyr applies or drops
//! them without telling its caller. A spec needs none: every value is written plainly, a
//! string quoted where YAML would read a number. So every tag is refused, the standard ones
//! too, and the refusal names the tag as written.
//!
//! The tags are read from granit-parser's events, the parser serde-saphyr itself reads
//! with, so both agree on what a tag is.

use granit_parser::{Event, Parser, Span};

use crate::diagnostic::Pos;

/// One explicit tag: where it is and how it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub pos: Pos,
    /// The tag as written, such as `!!binary` or `!custom`.
    pub text: String,
}

/// Every explicit tag in `text`, in file order, up to the first syntax error (which the
/// spec's parse reports).
pub fn tags(text: &str) -> Vec<Tag> {
    if !may_have_tags(text) {
        return Vec::new();
    }
    let mut found = Vec::new();
    for event in Parser::new_from_str(text) {
        let Ok((event, span)) = event else { break };
        let tagged = match &event {
            Event::Scalar(_, _, _, tag)
            | Event::SequenceStart(_, _, tag)
            | Event::MappingStart(_, _, tag) => tag.is_some(),
            _ => false,
        };
        if tagged {
            found.push(tag_at(&span, text));
        }
    }
    found
}

/// Whether `text` has a `!` where a tag could start (at a line's start, or after a space,
/// a tab, `[`, `{`, `,` or `:`): a spec without one is not read twice. A `!` inside a word
/// (`Not found!`, `<![CDATA[`) starts no tag.
fn may_have_tags(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.match_indices('!').any(|(at, _)| {
        at.checked_sub(1)
            .and_then(|before| bytes.get(before))
            .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'[' | b'{' | b',' | b':'))
    })
}

/// The tag of a tagged node's `span`: its own span when the parser gives it, else the
/// node's start.
fn tag_at(span: &Span, text: &str) -> Tag {
    let tag = span.tag_span();
    let start = tag.map_or_else(|| span.tag_start().unwrap_or(span.start), |t| t.start);
    let written = tag.and_then(|t| t.slice(text)).unwrap_or("!");
    let len = u32::try_from(written.chars().count().max(1)).unwrap_or(1);
    Tag {
        pos: Pos {
            line: u32::try_from(start.line().max(1)).unwrap_or(u32::MAX),
            // The parser counts columns from 0, diagnostics from 1.
            column: u32::try_from(start.col().saturating_add(1)).unwrap_or(u32::MAX),
            len,
        },
        text: written.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::tags;

    fn found(text: &str) -> Vec<(u32, u32, String)> {
        tags(text)
            .into_iter()
            .map(|t| (t.pos.line, t.pos.column, t.text))
            .collect()
    }

    #[test]
    fn every_tag_is_found_where_it_is_written() {
        let text = "a: !!binary aGk=\nb: !custom x\n!!str c: !!str 1\nd: !<tag:x> [1]\ne: \"no ! tag\"\nf: ! x\n";
        assert_eq!(
            found(text),
            vec![
                (1, 4, "!!binary".to_owned()),
                (2, 4, "!custom".to_owned()),
                (3, 1, "!!str".to_owned()),
                (3, 10, "!!str".to_owned()),
                (4, 4, "!<tag:x>".to_owned()),
                (6, 4, "!".to_owned()),
            ]
        );
        assert!(found("a: Not found!\nb: '!x'\n").is_empty());
        assert_eq!(found("!!map\na: 1\n").len(), 1);
        assert_eq!(found("a: [1,!!str 2]\nb: {\"c\":!x d}\n").len(), 2);
    }

    #[test]
    fn text_without_a_tag_start_is_not_parsed_again() {
        use super::may_have_tags;
        assert!(!may_have_tags("a: Not found!\nb: `<![CDATA[x]]>`\n"));
        assert!(may_have_tags("!!map\n"));
        assert!(may_have_tags("a: !x\n"));
        assert!(may_have_tags("a: [1,!x]\n"));
    }
}
