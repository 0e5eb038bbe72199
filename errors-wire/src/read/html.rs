//! Telling an HTML page, as gateways and proxies send, from an API body.

use crate::ParseError;

/// How far into a page the `<title>` is looked for.
const TITLE_WINDOW: usize = 16 * 1024;

/// Whether `rest`, the body from its first non-blank byte, starts like an HTML page.
pub(crate) fn starts_like_html(rest: &[u8]) -> bool {
    rest.first() == Some(&b'<')
        && (starts_with_tag(rest, b"<!doctype html") || starts_with_tag(rest, b"<html"))
}

/// Whether `rest` starts with `tag`, in any case, followed by the end of the tag's name.
fn starts_with_tag(rest: &[u8], tag: &[u8]) -> bool {
    rest.get(..tag.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(tag))
        && rest
            .get(tag.len())
            .is_some_and(|&b| b == b'>' || b.is_ascii_whitespace())
}

/// The text of the page's `<title>`, blanks collapsed, if it has one near the start.
pub(crate) fn title(page: &[u8]) -> Option<String> {
    let page = page.get(..TITLE_WINDOW).unwrap_or(page);
    let open = find_ignore_case(page, b"<title")?;
    let after_open = page.get(open..)?;
    let text_start = open + after_open.iter().position(|&b| b == b'>')? + 1;
    let text = page.get(text_start..)?;
    let text = text.get(..text.iter().position(|&b| b == b'<')?)?;
    let title = String::from_utf8_lossy(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!title.is_empty()).then(|| ParseError::quote(&title))
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_title_of_a_gateway_page() {
        let page = b"<html>\r\n<head><TITLE>502  Bad\n Gateway</TITLE></head>\r\n<body>nginx</body></html>";
        assert!(starts_like_html(page));
        assert_eq!(title(page).as_deref(), Some("502 Bad Gateway"));
        assert!(starts_like_html(
            b"<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">"
        ));
        assert!(!starts_like_html(b"<htmlish/>"));
        assert_eq!(title(b"<html><title></title></html>"), None);
    }
}
