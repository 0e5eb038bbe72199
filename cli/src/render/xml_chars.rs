//! The characters XML 1.0 cannot carry (section 2.2, `Char`): C0 controls other than tab,
//! LF and CR, and the noncharacters U+FFFE and U+FFFF. errors-wire drops them from an XML
//! body, as the Ampache server strips them; `render` refuses a value holding one instead of
//! sending something other than what was asked for.

use crate::Failure;

/// Whether XML 1.0 forbids `c` in a document.
fn forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// A usage error naming the first character of `value` that XML 1.0 forbids, with its
/// position (1-based, in characters), and the flag `value` was given with.
pub fn refuse_forbidden(flag: &str, value: &str) -> Result<(), Failure> {
    match value.chars().enumerate().find(|(_, c)| forbidden(*c)) {
        None => Ok(()),
        Some((index, c)) => Err(Failure::Usage(format!(
            "error: {flag}: character {} is U+{:04X}, which XML 1.0 cannot carry (an XML body \
             would silently lose it): leave it out, or render JSON, which escapes it",
            index + 1,
            u32::from(c)
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::forbidden;

    #[test]
    fn forbidden_is_xml_1_0_char_complement() {
        // XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
        let allowed = |c: char| matches!(u32::from(c), 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..);
        for c in '\0'..='\u{10ffff}' {
            assert_eq!(forbidden(c), !allowed(c), "U+{:04X}", u32::from(c));
        }
    }
}
