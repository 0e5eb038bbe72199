//! Spec text placed in generated Markdown, both the docs pages (docs/<api>.md) and rustdoc.
//! Each piece of spec text keeps to the place the generator gives it:
//!
//! - [`inline`], [`code_span`], [`table_cell`], [`heading_text`], [`url`]: one-line text
//!   (titles, messages, names, links) stays on its line, in its span, cell or heading.
//! - [`contained`]: a Markdown block (a description, a note) holds no heading above the
//!   level it is placed at, and leaves nothing open (a fence, an HTML block) that would take
//!   in the generated lines after it.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// Whether `c` ends a line for some reader of the text: Markdown (LF, CR), Unicode (NEL,
/// line and paragraph separators), or a terminal (form feed, vertical tab).
fn breaks_line(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// `text` on one line: each run of whitespace or line breaks becomes one space, and the ends
/// are trimmed. A title or message placed within a generated line cannot then start a
/// Markdown block of its own.
pub(crate) fn inline(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || breaks_line(c))
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` as a Markdown code span, shown exactly: on one line (see [`inline`]), delimited
/// by more backticks than the longest run inside, padded with a space where it starts or
/// ends with a backtick (CommonMark strips one space on each side).
pub(crate) fn code_span(text: &str) -> String {
    let text = inline(text);
    let fence = "`".repeat(longest_run(&text, '`') + 1);
    if text.is_empty() {
        // A space alone is kept as the span's content: an empty span cannot be written.
        "` `".to_owned()
    } else if text.starts_with('`') || text.ends_with('`') {
        format!("{fence} {text} {fence}")
    } else {
        format!("{fence}{text}{fence}")
    }
}

/// `text` as the content of a GFM table cell: on one line, and each `|` escaped, since the
/// table splits its rows at a `|` before any other Markdown is read (even inside a code
/// span).
pub(crate) fn table_cell(text: &str) -> String {
    inline(text).replace('|', "\\|")
}

/// `text` as the end of an ATX heading: on one line, and a closing run of `#`, which
/// CommonMark would take for the heading's optional closing sequence, escaped.
pub(crate) fn heading_text(text: &str) -> String {
    let text = inline(text);
    let kept = text.trim_end_matches('#');
    if kept.len() == text.len() {
        text
    } else {
        format!("{kept}\\{}", &text[kept.len()..])
    }
}

/// A URL as an autolink (`<https://...>`) when it can be one, else as a code span: a space,
/// `<` or `>` would end the autolink early and leave the rest as Markdown.
pub(crate) fn url(text: &str) -> String {
    let autolink = text.contains("://")
        && !text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '`'));
    if autolink {
        format!("<{text}>")
    } else {
        code_span(text)
    }
}

/// The longest run of `mark` in `text`.
pub(crate) fn longest_run(text: &str, mark: char) -> usize {
    text.split(|c| c != mark).map(str::len).max().unwrap_or(0)
}

/// Marks the end of a block in [`is_contained`]'s probe.
const SENTINEL: &str = "errors-codegen-end-of-block";

/// `markdown` made safe to place in a page whose own headings go down to `below - 1`:
/// line ends written as LF (Markdown also ends a line at a lone CR); each heading shifted
/// down so that the highest is `below` (a description's `# Usage` does not become a
/// section of the page); and a fence or HTML block the text leaves open closed at its end
/// (by the first closer that leaves nothing open). Text that still would take in what
/// follows is shown as a `text` code block.
pub(crate) fn contained(markdown: &str, below: HeadingLevel) -> String {
    let text = demote_headings(&markdown.replace("\r\n", "\n").replace('\r', "\n"), below);
    if is_contained(&text) {
        return text;
    }
    let fences =
        ['`', '~'].map(|mark| mark.to_string().repeat(longest_run(&text, mark).max(2) + 1));
    // The ends of CommonMark's HTML blocks that run until a closing text (kinds 1 to 5).
    let html_ends = [
        "-->",
        "?>",
        ">",
        "]]>",
        "</pre>",
        "</script>",
        "</style>",
        "</textarea>",
    ];
    for end in fences.iter().map(String::as_str).chain(html_ends) {
        let closed = format!("{}\n{end}\n", text.trim_end_matches('\n'));
        if is_contained(&closed) {
            return closed;
        }
    }
    let fence = "`".repeat(longest_run(&text, '`').max(2) + 1);
    format!("{fence}text\n{}\n{fence}\n", text.trim_end_matches('\n'))
}

/// Whether a paragraph written after `markdown`, past a blank line, is read as a paragraph
/// of its own: nothing in `markdown` is left open to take it in.
fn is_contained(markdown: &str) -> bool {
    let probe = format!("{markdown}\n\n{SENTINEL}\n");
    let events: Vec<Event<'_>> = Parser::new(&probe).collect();
    matches!(
        events.as_slice(),
        [.., Event::Start(Tag::Paragraph), Event::Text(text), Event::End(TagEnd::Paragraph)]
            if text.as_ref() == SENTINEL
    ) && !events[..events.len() - 3]
        .iter()
        .any(|event| matches!(event, Event::Text(text) if text.contains(SENTINEL)))
}

/// `markdown` with each top-level heading moved down so the highest is at `below`; a
/// setext heading (text underlined with `===` or `---`) becomes an ATX one.
fn demote_headings(markdown: &str, below: HeadingLevel) -> String {
    let highest = Parser::new(markdown)
        .filter_map(|event| match event {
            Event::Start(Tag::Heading { level, .. }) => Some(level as usize),
            _ => None,
        })
        .min();
    let Some(highest) = highest else {
        return markdown.to_owned();
    };
    let shift = (below as usize).saturating_sub(highest);
    if shift == 0 {
        return markdown.to_owned();
    }
    let mut out = String::with_capacity(markdown.len() + 16);
    let mut copied = 0;
    let mut depth = 0usize;
    for (event, range) in Parser::new(markdown).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) if depth == 0 => {
                let hashes = "#".repeat((level as usize + shift).min(6));
                let source = &markdown[range.clone()];
                let indent = source.len() - source.trim_start_matches(' ').len();
                out.push_str(&markdown[copied..range.start]);
                if source[indent..].starts_with('#') {
                    let own =
                        source[indent..].len() - source[indent..].trim_start_matches('#').len();
                    out.push_str(&hashes);
                    out.push_str(&source[indent + own..]);
                } else {
                    // Setext: the text lines, then the underline.
                    let body = source.trim_end_matches('\n');
                    let text = body.rsplit_once('\n').map_or(body, |(text, _)| text);
                    out.push_str(&format!("{hashes} {}", inline(text)));
                    if source.ends_with('\n') {
                        out.push('\n');
                    }
                }
                copied = range.end;
            }
            Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item) => depth += 1,
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item) => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    out.push_str(&markdown[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_text_keeps_its_cell_and_heading() {
        assert_eq!(table_cell("In | out\nnext"), "In \\| out next");
        assert_eq!(heading_text("Issue #"), "Issue \\#");
        assert_eq!(heading_text("C# ##"), "C# \\##");
        assert_eq!(heading_text("Plain"), "Plain");
        assert_eq!(code_span("a `b` c"), "``a `b` c``");
        assert_eq!(code_span("`"), "`` ` ``");
    }

    #[test]
    fn headings_move_below_the_page_sections() {
        let text = contained("# Usage\n\nText.\n\n## More\n", HeadingLevel::H4);
        assert_eq!(text, "#### Usage\n\nText.\n\n##### More\n");
        let text = contained("Usage\n=====\n\nText.\n", HeadingLevel::H4);
        assert_eq!(text, "#### Usage\n\nText.\n");
        assert_eq!(contained("#### Fine\n", HeadingLevel::H4), "#### Fine\n");
        // A heading inside a list item stays in the item.
        let text = contained("- item\n\n  # inner\n", HeadingLevel::H4);
        assert!(is_contained(&text), "{text}");
    }

    #[test]
    fn nothing_open_is_left_at_the_end() {
        assert_eq!(
            contained("Text\n```json\n{}\n", HeadingLevel::H4),
            "Text\n```json\n{}\n````\n"
        );
        assert_eq!(
            contained("~~~\ncode", HeadingLevel::H4),
            "~~~\ncode\n~~~~\n"
        );
        let text = contained("Before <!-- never closed\n\nAfter\n", HeadingLevel::H4);
        assert!(is_contained(&text), "{text}");
        assert_eq!(
            contained("<pre>\nunclosed\n", HeadingLevel::H4),
            "<pre>\nunclosed\n</pre>\n"
        );
        assert_eq!(contained("<!--\nx", HeadingLevel::H4), "<!--\nx\n-->\n");
        // Open in a list item, where a closer at the margin would open a block of its own.
        let text = contained("- item\n\n  ```\n  code", HeadingLevel::H4);
        assert!(is_contained(&text), "{text}");
        assert_eq!(
            contained("Plain *text*.\n", HeadingLevel::H4),
            "Plain *text*.\n"
        );
        assert_eq!(contained("Lone\rCR", HeadingLevel::H4), "Lone\nCR");
    }
}
