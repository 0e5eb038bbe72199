//! `{name}` placeholders in messages: `{{` and `}}` are literal braces.

use std::collections::BTreeSet;

/// The set of placeholder names in a message.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Placeholders(pub BTreeSet<String>);

impl Placeholders {
    /// `{id}, {name}` or `no placeholders`.
    pub fn describe(&self) -> String {
        if self.0.is_empty() {
            "no placeholders".into()
        } else {
            self.0
                .iter()
                .map(|p| format!("{{{p}}}"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    }
}

/// The placeholders of `text`, or why it is malformed.
pub fn parse(text: &str) -> Result<Placeholders, String> {
    let mut found = BTreeSet::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '{' if chars.peek().map(|(_, c)| *c) == Some('{') => {
                chars.next();
            }
            '}' if chars.peek().map(|(_, c)| *c) == Some('}') => {
                chars.next();
            }
            '{' => {
                let mut name = String::new();
                loop {
                    match chars.next() {
                        Some((_, '}')) => break,
                        Some((_, c)) if c.is_ascii_alphanumeric() || c == '_' => name.push(c),
                        Some((_, c)) => {
                            return Err(format!(
                                "unexpected `{c}` in placeholder starting at byte {at}"
                            ));
                        }
                        None => {
                            return Err(format!(
                                "unclosed `{{` at byte {at} (write `{{{{` for a literal brace)"
                            ));
                        }
                    }
                }
                if name.is_empty() {
                    return Err(format!("empty placeholder `{{}}` at byte {at}: name it"));
                }
                found.insert(name);
            }
            '}' => {
                return Err(format!(
                    "unmatched `}}` at byte {at} (write `}}}}` for a literal brace)"
                ));
            }
            _ => {}
        }
    }
    Ok(Placeholders(found))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_names_and_escapes() {
        let p = parse("Not Found: {id} in {{braces}} {0}").expect("well-formed");
        assert_eq!(p.describe(), "{0}, {id}");
        assert!(parse("plain").expect("plain").0.is_empty());
        assert!(parse("open {id").unwrap_err().contains("unclosed"));
        assert!(parse("close }").unwrap_err().contains("unmatched"));
        assert!(parse("{}").unwrap_err().contains("empty"));
        assert!(parse("{a b}").unwrap_err().contains("unexpected"));
    }
}
