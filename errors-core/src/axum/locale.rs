//! `Accept-Language` negotiation (RFC 9110 section 12.5.4, with the "lookup" matching of
//! RFC 4647 section 3.4): which of a catalog's locales a client prefers.

/// The locale of `available` the client prefers by its `Accept-Language` value `header`, as
/// written in `available`; `None` when it accepts none of them (or sends `*` first), so
/// the catalog's default locale applies.
///
/// Ranges are tried by descending quality, in header order among equals; `q=0` excludes a
/// range. A range matches a locale equal to it or to one of its truncations (`de-AT` takes
/// `de`), ASCII case ignored. A malformed quality counts as 1, as most servers read it.
pub(crate) fn negotiate(header: &str, available: &[&'static str]) -> Option<&'static str> {
    let mut ranges: Vec<(&str, u16)> = header
        .split(',')
        .filter_map(|item| {
            let mut pieces = item.split(';');
            let range = pieces.next()?.trim();
            let quality = pieces
                .filter_map(|param| param.trim().strip_prefix("q="))
                .map(quality)
                .next()
                .unwrap_or(1000);
            (!range.is_empty() && quality > 0).then_some((range, quality))
        })
        .collect();
    // A stable sort keeps the header's order among ranges of equal quality.
    ranges.sort_by_key(|&(_, quality)| core::cmp::Reverse(quality));
    for (range, _) in ranges {
        if range == "*" {
            return None;
        }
        let mut candidate = range;
        loop {
            if let Some(found) = available
                .iter()
                .find(|locale| locale.eq_ignore_ascii_case(candidate))
            {
                return Some(found);
            }
            match candidate.rfind('-') {
                Some(cut) => candidate = &candidate[..cut],
                None => break,
            }
        }
    }
    None
}

/// A quality value in thousandths (`"0.5"` is 500); 1000 for anything malformed.
fn quality(text: &str) -> u16 {
    let text = text.trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = fraction
        .bytes()
        .take(3)
        .chain(core::iter::repeat(b'0'))
        .take(3);
    let valid = matches!(whole, "0" | "1")
        && fraction.len() <= 3
        && fraction.bytes().all(|b| b.is_ascii_digit());
    if !valid {
        return 1000;
    }
    let thousandths = digits.fold(0u16, |acc, b| acc * 10 + u16::from(b - b'0'));
    if whole == "1" { 1000 } else { thousandths }
}

#[cfg(test)]
mod tests {
    use super::negotiate;

    const LOCALES: &[&str] = &["en", "de", "fr"];

    #[test]
    fn preference_order_and_truncation() {
        assert_eq!(negotiate("de-AT, en;q=0.5", LOCALES), Some("de"));
        assert_eq!(negotiate("es, fr;q=0.2, en;q=0.9", LOCALES), Some("en"));
        assert_eq!(negotiate("FR-ca", LOCALES), Some("fr"));
        assert_eq!(negotiate("de;q=0, fr;q=0.1", LOCALES), Some("fr"));
        assert_eq!(negotiate("es, pt-BR", LOCALES), None);
        assert_eq!(negotiate("*, de", LOCALES), None);
        assert_eq!(negotiate("", LOCALES), None);
        assert_eq!(negotiate("de;q=bogus, fr;q=0.9", LOCALES), Some("de"));
    }
}
