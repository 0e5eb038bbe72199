//! Message templates: `"Not Found: {id}"`, `"Require: {0}"`, `{{` and `}}` for braces.

/// A parsed message template.
pub(crate) struct Template {
    pub pieces: Vec<Piece>,
}

pub(crate) enum Piece {
    Text(String),
    Field { name: FieldName, spec: String },
}

#[derive(Clone, PartialEq, Eq)]
pub(crate) enum FieldName {
    Named(String),
    Index(u32),
}

impl std::fmt::Display for FieldName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FieldName::Named(name) => f.write_str(name),
            FieldName::Index(index) => write!(f, "{index}"),
        }
    }
}

impl Template {
    /// The message itself when it has no placeholders, braces unescaped.
    pub(crate) fn as_plain(&self) -> Option<String> {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Field { .. } => return None,
            }
        }
        Some(out)
    }

    pub(crate) fn fields(&self) -> impl Iterator<Item = (&FieldName, &str)> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Text(_) => None,
            Piece::Field { name, spec } => Some((name, spec.as_str())),
        })
    }

    /// A `format!` string for the template with every placeholder positional, in the order
    /// of [`fields`](Self::fields).
    pub(crate) fn format_string(&self) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => {
                    for ch in text.chars() {
                        match ch {
                            '{' => out.push_str("{{"),
                            '}' => out.push_str("}}"),
                            _ => out.push(ch),
                        }
                    }
                }
                Piece::Field { spec, .. } if spec.is_empty() => out.push_str("{}"),
                Piece::Field { spec, .. } => {
                    out.push_str("{:");
                    out.push_str(spec);
                    out.push('}');
                }
            }
        }
        out
    }
}

/// Parses a template, or says what is wrong with it.
pub(crate) fn parse(template: &str) -> Result<Template, String> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = template.char_indices().peekable();
    while let Some((start, ch)) = chars.next() {
        match ch {
            '{' if chars.next_if(|&(_, c)| c == '{').is_some() => text.push('{'),
            '}' if chars.next_if(|&(_, c)| c == '}').is_some() => text.push('}'),
            '}' => {
                return Err("unmatched `}` in message; write `}}` for a literal brace".into());
            }
            '{' => {
                let rest = &template[start + 1..];
                let Some(len) = rest.find('}') else {
                    return Err("unclosed `{` in message; write `{{` for a literal brace".into());
                };
                let inner = &rest[..len];
                for _ in inner.chars() {
                    chars.next();
                }
                chars.next();
                let (name, spec) = inner.split_once(':').unwrap_or((inner, ""));
                let name = field_name(name)?;
                // `format!` would read these from other arguments, which the message's
                // placeholders are renumbered away from.
                if spec.contains('$') || spec.contains('*') {
                    return Err(format!(
                        "`{{{inner}}}` in message: a width or precision taken from a field \
                         (`1$`, `name$`, `.*`) is not supported; write it as a number, as in \
                         `{{{name}:>8}}`"
                    ));
                }
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(Piece::Field {
                    name,
                    spec: spec.to_owned(),
                });
            }
            _ => text.push(ch),
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(Template { pieces })
}

fn field_name(name: &str) -> Result<FieldName, String> {
    if name.is_empty() {
        return Err("`{}` in message: name the field to show, as in `{id}` or `{0}`".into());
    }
    if name.bytes().all(|b| b.is_ascii_digit()) {
        return name
            .parse()
            .map(FieldName::Index)
            .map_err(|_| format!("`{{{name}}}` in message: no such field"));
    }
    let bare = name.strip_prefix("r#").unwrap_or(name);
    let mut chars = bare.chars();
    let starts_well = chars.next().is_some_and(|c| c == '_' || c.is_alphabetic());
    if starts_well && chars.all(|c| c == '_' || c.is_alphanumeric()) {
        Ok(FieldName::Named(bare.to_owned()))
    } else {
        Err(format!(
            "`{{{name}}}` in message is not a field: a placeholder is a field name (`{{id}}`) or index (`{{0}}`); write `{{{{` for a literal brace"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str) -> (String, Vec<String>) {
        let parsed = parse(template).expect("valid template");
        let fields = parsed
            .fields()
            .map(|(name, spec)| format!("{name}:{spec}"))
            .collect();
        (parsed.format_string(), fields)
    }

    #[test]
    fn placeholders_become_positional() {
        assert_eq!(
            render("Not Found: {id} ({0:>4})"),
            (
                "Not Found: {} ({:>4})".into(),
                vec!["id:".into(), "0:>4".into()]
            )
        );
    }

    #[test]
    fn escaped_braces_stay_escaped() {
        let parsed = parse("a {{b}} c").expect("valid template");
        assert_eq!(parsed.as_plain().as_deref(), Some("a {b} c"));
        assert_eq!(parsed.format_string(), "a {{b}} c");
    }

    #[test]
    fn raw_identifiers_name_the_field() {
        assert_eq!(render("{r#type}").1, vec!["type:".to_owned()]);
    }

    #[test]
    fn malformed_templates_are_rejected() {
        for bad in [
            "{",
            "}",
            "{}",
            "a {b",
            "{-x}",
            "{a b}",
            "{0:>1$}",
            "{a:>width$}",
            "{a:.*}",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
