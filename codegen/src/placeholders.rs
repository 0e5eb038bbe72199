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

/// `text` with each `{name}` replaced by its value in `values`, and `{{` / `}}` written as
/// single braces; or the names of the placeholders `values` leaves unfilled, or why `text`
/// is malformed. Names in `values` that `text` does not use are ignored here.
pub fn fill(text: &str, values: &[(&str, &str)]) -> Result<String, Unfilled> {
    let names = parse(text).map_err(Unfilled::Malformed)?.0;
    let missing: Vec<String> = names
        .into_iter()
        .filter(|name| !values.iter().any(|(given, _)| given == name))
        .collect();
    if !missing.is_empty() {
        return Err(Unfilled::Missing(missing));
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        match (
            tail.starts_with("{{") || tail.starts_with("}}"),
            tail.find('}'),
        ) {
            (true, _) => {
                out.push_str(&tail[..1]);
                rest = &tail[2..];
            }
            // `parse` accepted the text: a lone `{` opens a named placeholder.
            (false, Some(end)) if tail.starts_with('{') => {
                let name = &tail[1..end];
                if let Some((_, value)) = values.iter().find(|(given, _)| *given == name) {
                    out.push_str(value);
                }
                rest = &tail[end + 1..];
            }
            _ => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// Why [`fill`] could not fill a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unfilled {
    /// The placeholders without a value, in name order.
    Missing(Vec<String>),
    /// The text is not a well-formed template (a spec that passed `check` has none).
    Malformed(String),
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

    #[test]
    fn fills_every_placeholder_or_names_the_missing() {
        assert_eq!(
            fill("Item {sku} is out of stock {{now}}", &[("sku", "A-1")]),
            Ok("Item A-1 is out of stock {now}".to_owned())
        );
        assert_eq!(
            fill("{a} and {b} and {a}", &[("b", "2")]),
            Err(Unfilled::Missing(vec!["a".to_owned()]))
        );
        assert_eq!(fill("plain", &[]), Ok("plain".to_owned()));
        assert!(matches!(fill("open {", &[]), Err(Unfilled::Malformed(_))));
    }
}
