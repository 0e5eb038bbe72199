//! Locales at run time: which of a catalog's locales a request or a user asked for, with the
//! fallback `de-AT` -> `de` -> the spec's default.
//!
//! A locale is a BCP 47 language tag as a string (`de`, `de-AT`, `pt-BR`), compared without
//! regard to case, `_` taken for `-` (`de_AT`, as POSIX locales write it). The catalogs'
//! `message_in` and [`ApiError::message_in`](crate::ApiError::message_in) take one.

/// The one of `available` that serves `tag`, by RFC 4647's Lookup (section 3.4): `tag`
/// itself, then `tag` with its last subtag cut off, and so on (`zh-Hant-TW`, `zh-Hant`,
/// `zh`); `None` when none of them is available. A single-letter subtag (`x` of a private
/// use `-x-...`) is cut along with the subtag after it, as the RFC says.
///
/// ```
/// use errors_core::locale::lookup;
///
/// let available = ["en", "de", "fr", "pt-BR"];
/// assert_eq!(lookup("de-AT", &available), Some("de"));
/// assert_eq!(lookup("pt_br", &available), Some("pt-BR"));
/// assert_eq!(lookup("pt-PT", &available), None);
/// ```
#[must_use]
pub fn lookup<'a>(tag: &str, available: &[&'a str]) -> Option<&'a str> {
    lookup_by(tag, available, |locale| locale).copied()
}

/// [`lookup`] in any list whose items have a tag.
pub(crate) fn lookup_by<'a, T>(
    tag: &str,
    items: &'a [T],
    tag_of: impl Fn(&T) -> &str,
) -> Option<&'a T> {
    let mut tag = tag.trim();
    while !tag.is_empty() {
        if let Some(found) = items.iter().find(|item| same_tag(tag_of(item), tag)) {
            return Some(found);
        }
        let Some(cut) = tag.rfind(['-', '_']) else {
            break;
        };
        tag = &tag[..cut];
        // A singleton never ends a lookup range.
        if let Some(cut) = tag.rfind(['-', '_']).filter(|cut| tag.len() - cut == 2) {
            tag = &tag[..cut];
        }
    }
    None
}

/// The one of `available` that best serves an Accept-Language header value (RFC 9110
/// section 12.5.4): the language ranges by descending weight (`q`, 1 when absent; equal
/// weights in the order written), each looked up as [`lookup`] does; ranges with `q=0`
/// and `*` pick nothing. `None` when no range matches: use the spec's default locale.
/// Malformed ranges and weights are skipped, never an error.
///
/// ```
/// use errors_core::locale::negotiate;
///
/// let available = ["en", "de", "fr", "es"];
/// assert_eq!(negotiate("de-AT,de;q=0.9,en;q=0.8", &available), Some("de"));
/// assert_eq!(negotiate("it, fr;q=0.5, en;q=0.7", &available), Some("en"));
/// assert_eq!(negotiate("ja", &available), None);
/// ```
#[must_use]
pub fn negotiate<'a>(accept_language: &str, available: &[&'a str]) -> Option<&'a str> {
    let mut ranges: Vec<(u16, &str)> = accept_language
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let range = parts.next()?.trim();
            let weight = parts.find_map(|param| {
                let (name, value) = param.split_once('=')?;
                name.trim()
                    .eq_ignore_ascii_case("q")
                    .then(|| weight(value.trim()))
            });
            // A weight that does not parse makes the whole range unusable.
            let weight = weight.unwrap_or(Some(1000))?;
            (weight > 0 && is_range(range)).then_some((weight, range))
        })
        .collect();
    // Stable: equal weights keep the order the client wrote them in.
    ranges.sort_by_key(|(weight, _)| std::cmp::Reverse(*weight));
    ranges
        .into_iter()
        .filter(|(_, range)| *range != "*")
        .find_map(|(_, range)| lookup(range, available))
}

/// A `qvalue` (RFC 9110 section 12.4.2: `0`, `1`, `0.5`, at most three decimals) in
/// thousandths.
fn weight(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = fraction.bytes().chain(std::iter::repeat(b'0')).take(3);
    let fraction = thousandths.fold(0u16, |n, digit| n * 10 + u16::from(digit - b'0'));
    match whole {
        "0" => Some(fraction),
        "1" if fraction == 0 => Some(1000),
        _ => None,
    }
}

/// A language range: `*`, or subtags of 1 to 8 letters and digits joined by `-`.
fn is_range(range: &str) -> bool {
    range == "*"
        || range.split(['-', '_']).all(|part| {
            (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Whether two tags are the same, ignoring case and taking `_` for `-`.
fn same_tag(a: &str, b: &str) -> bool {
    let normal = |byte: u8| {
        if byte == b'_' {
            b'-'
        } else {
            byte.to_ascii_lowercase()
        }
    };
    a.len() == b.len() && a.bytes().map(normal).eq(b.bytes().map(normal))
}

#[cfg(test)]
mod tests {
    use super::*;

    const AVAILABLE: &[&str] = &["en", "de", "fr", "es", "zh-Hant"];

    #[test]
    fn lookup_cuts_subtags_from_the_end() {
        assert_eq!(lookup("de", AVAILABLE), Some("de"));
        assert_eq!(lookup("DE-at", AVAILABLE), Some("de"));
        assert_eq!(lookup("zh-Hant-TW", AVAILABLE), Some("zh-Hant"));
        assert_eq!(lookup("zh-Hans", AVAILABLE), None);
        assert_eq!(lookup("de-x-private", AVAILABLE), Some("de"));
        assert_eq!(lookup("d", AVAILABLE), None);
        assert_eq!(lookup("", AVAILABLE), None);
        assert_eq!(lookup("-", AVAILABLE), None);
    }

    #[test]
    fn negotiate_weighs_and_skips_what_it_cannot_use() {
        assert_eq!(negotiate("fr;q=0.1, es;q=0.9", AVAILABLE), Some("es"));
        assert_eq!(negotiate("fr;q=0.5, es;q=0.5", AVAILABLE), Some("fr"));
        assert_eq!(negotiate("de;q=0, fr", AVAILABLE), Some("fr"));
        assert_eq!(negotiate("de;q=0", AVAILABLE), None);
        assert_eq!(negotiate("*", AVAILABLE), None);
        assert_eq!(negotiate("*;q=1, es;q=0.1", AVAILABLE), Some("es"));
        assert_eq!(negotiate("de;q=2, fr;q=0.3", AVAILABLE), Some("fr"));
        assert_eq!(negotiate("de;q=0.1234, es;q=1.000", AVAILABLE), Some("es"));
        assert_eq!(negotiate("d e, fr", AVAILABLE), Some("fr"));
        assert_eq!(negotiate("", AVAILABLE), None);
        assert_eq!(negotiate(",,;;q=,", AVAILABLE), None);
        assert_eq!(negotiate(" de-CH ; q=0.8 ;foo=bar", AVAILABLE), Some("de"));
    }

    #[test]
    fn weights_are_thousandths() {
        assert_eq!(weight("1"), Some(1000));
        assert_eq!(weight("1.000"), Some(1000));
        assert_eq!(weight("0.5"), Some(500));
        assert_eq!(weight("0.05"), Some(50));
        assert_eq!(weight("0."), Some(0));
        for bad in ["1.5", "2", "0.1234", "-0", "", ".5", "0.a"] {
            assert_eq!(weight(bad), None, "{bad:?}");
        }
    }
}
