//! Spec text as rustdoc: the doc comments of a generated catalog hold titles, messages and
//! Markdown descriptions from the spec, and must neither break compilation nor add doctests
//! to every crate that includes the catalog.
//!
//! - [`inline`] and [`code_span`]: one-line text (titles, messages, URLs) stays on its line,
//!   so it can never start a heading, a fence or an indented code block.
//! - [`Doc::Prose`]: Markdown blocks (descriptions, notes) are hidden from doctest
//!   collection; [`no_doctests`] also shows their top-level code blocks as `text` and closes
//!   a fence the text leaves open, so rendered docs read as the spec meant.
//! - [`doc_text`] and [`doc_lines`]: the doc comment itself, where characters rustc refuses
//!   in source (see [`needs_escape`]) are escaped.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::commonmark::longest_run;
pub(crate) use super::commonmark::{code_span, inline};

/// Whether `c` cannot stand as itself in Rust source: a control character other than tab
/// (rustc refuses a lone CR in a doc comment) or a bidirectional control (rustc denies
/// those in comments and literals, as they can make code read other than it compiles).
pub(crate) fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `markdown` with every code block (fenced with backticks or tildes, or indented) written
/// as a fenced `text` block: rustdoc runs any other code block of a doc comment as a
/// doctest, in every crate that includes the catalog. A fence the text leaves open is
/// closed at its end, so it cannot take in the generated lines that follow. Line ends are
/// written as LF: Markdown also ends a line at a lone CR, which a doc comment cannot hold.
pub(crate) fn no_doctests(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};

    let markdown = &markdown.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(markdown.len());
    let mut copied = 0;
    let mut block: Option<(usize, String)> = None;
    // How many containers (quotes, lists, ...) are open: a code block inside one keeps its
    // place, since rewriting it would have to repeat the container's markers.
    let mut depth = 0usize;
    for (event, range) in Parser::new(markdown).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) if depth == 0 => {
                // An indented block's range starts after its indent: take the whole line.
                let line_start = markdown[..range.start].rfind('\n').map_or(0, |at| at + 1);
                let start = if markdown[line_start..range.start].trim().is_empty() {
                    line_start
                } else {
                    range.start
                };
                block = Some((start, String::new()));
            }
            Event::Text(text) => {
                if let Some((_, content)) = &mut block {
                    content.push_str(&text);
                }
            }
            Event::Start(
                Tag::BlockQuote(_) | Tag::List(_) | Tag::Item | Tag::FootnoteDefinition(_),
            ) => {
                depth += 1;
            }
            Event::End(
                TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item | TagEnd::FootnoteDefinition,
            ) => {
                depth = depth.saturating_sub(1);
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((start, content)) = block.take() {
                    out.push_str(&markdown[copied..start]);
                    // A fence longer than any run of backticks inside, so none closes it.
                    let fence = "`".repeat(longest_run(&content, '`').max(2) + 1);
                    out.push_str(&format!("{fence}text\n{content}"));
                    if !content.ends_with('\n') {
                        out.push('\n');
                    }
                    out.push_str(&fence);
                    if markdown[..range.end].ends_with('\n') {
                        out.push('\n');
                    }
                    copied = range.end;
                }
            }
            _ => {}
        }
    }
    out.push_str(&markdown[copied..]);
    // What is still open (an HTML block) is closed or shown as text, as in the docs pages.
    super::commonmark::contained(&out, pulldown_cmark::HeadingLevel::H1)
}

/// `line` with each character that cannot stand in source (see [`needs_escape`]) shown as
/// its escape (`\u{202e}`).
fn escaped(line: &str) -> String {
    line.chars()
        .map(|c| {
            if needs_escape(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A part of a generated doc comment.
pub(crate) enum Doc {
    /// A line the generator writes, with spec text only through [`inline`] and
    /// [`code_span`]: written as a `///` comment.
    Line(String),
    /// Markdown from the spec (a description, a note), after [`no_doctests`]: written as
    /// `#[cfg_attr(not(doctest), doc = "...")]`, so rustdoc never collects a doctest from
    /// it, whatever blocks, containers or open fences the Markdown holds.
    Prose(String),
}

/// The doc comment made of `parts`, at `indent`, blank lines between the parts; every
/// character that cannot stand in source is escaped (see [`escaped`]).
pub(crate) fn doc_text(out: &mut String, indent: usize, parts: &[Doc]) {
    let pad = " ".repeat(indent);
    for (index, part) in parts.iter().enumerate() {
        if index > 0 {
            out.push_str(&pad);
            out.push_str("///\n");
        }
        match part {
            Doc::Line(line) => {
                out.push_str(&pad);
                out.push_str("///");
                if !line.is_empty() {
                    out.push(' ');
                    out.push_str(&escaped(line));
                }
                out.push('\n');
            }
            Doc::Prose(markdown) => {
                for line in markdown.lines() {
                    // No leading space: next to `///` lines, rustdoc strips a `#[doc]`
                    // line's indent as the `///` lines set it, not by its own.
                    let literal = Literal::string(&escaped(line));
                    out.push_str(&format!(
                        "{pad}#[cfg_attr(not(doctest), doc = {literal})]\n"
                    ));
                }
            }
        }
    }
}

/// One `#[doc]` per line, escaped (see [`escaped`]), which prettyplease writes as `///`
/// comments.
pub(crate) fn doc_lines(text: &str) -> TokenStream {
    let lines = text.lines().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {}", escaped(line))
        };
        quote! { #[doc = #line] }
    });
    quote! { #(#lines)* }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spec text lands in doc comments; no character rustc refuses there reaches the source
    /// raw, wherever the spec holds it.
    #[test]
    fn control_and_bidi_characters_never_reach_the_source_raw() {
        let text = crate::synthetic::spec_text("x", 2)
            .replacen(
                "title: Synthetic API",
                "title: \"Synthetic\\rAPI\\u202E\"",
                1,
            )
            .replacen(
                "description: Synthetic error 3.",
                "description: \"Synthetic\\u2066 error\\r 3.\"",
                1,
            );
        let spec = crate::load_str("x.yaml", &text).expect("a valid spec");
        let source = super::super::rust::render(&spec, "x.yaml");
        for bad in ['\r', '\u{202e}', '\u{2066}'] {
            assert!(!source.contains(bad), "{bad:?} in {source}");
        }
        assert!(source.contains("Synthetic API\\u{202e}"), "{source}");
        assert!(
            source.contains("doc = \"Synthetic\\\\u{2066} error\")]\n"),
            "{source}"
        );
    }

    #[test]
    fn code_blocks_in_spec_markdown_become_text_blocks() {
        let markdown = "Fenced:\n\n```\nnot rust\n```\n\nTilde:\n\n~~~rust\nnor this\n~~~\n\n\
                        Indented:\n\n    nor that\n\nFences inside:\n\n~~~\n```\ninner\n```\n~~~\n";
        let out = no_doctests(markdown);
        assert_eq!(
            out,
            "Fenced:\n\n```text\nnot rust\n```\n\nTilde:\n\n```text\nnor this\n```\n\n\
             Indented:\n\n```text\nnor that\n```\n\nFences inside:\n\n````text\n```\ninner\n```\n````\n"
        );
    }

    #[test]
    fn an_unclosed_fence_ends_with_the_text() {
        assert_eq!(no_doctests("a\n~~~\nx"), "a\n```text\nx\n```");
    }

    #[test]
    fn inline_text_keeps_to_its_line() {
        assert_eq!(inline(" a\n~~~\r\nb\u{2028}c\u{85}d  e\t"), "a ~~~ b c d e");
        assert_eq!(code_span("x"), "`x`");
        assert_eq!(code_span("a ``b`` c"), "```a ``b`` c```");
        assert_eq!(code_span("`x"), "`` `x ``");
        assert_eq!(code_span(""), "` `");
        assert_eq!(
            code_span("{{~~~\nx\n~~~{sku}```"),
            "```` {{~~~ x ~~~{sku}``` ````"
        );
    }
}
