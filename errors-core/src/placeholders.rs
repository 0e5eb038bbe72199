//! `{name}` placeholders in a spec's messages, filled from the fields of a derived error.
//!
//! A spec message such as `Item {sku} is out of stock` is a template: `{sku}` names a field
//! of the error that sends it, and `{{` and `}}` are literal braces. `#[derive(ApiError)]`
//! checks at compile time that a variant sending the message has a field for each
//! placeholder ([`missing_fields`]) and fills them at run time ([`fill`]).

use std::borrow::Cow;
use std::fmt::{Display, Write as _};

/// `template` with each `{name}` replaced by the value of the field of that name in
/// `fields`, and `{{` / `}}` written as single braces. A placeholder with no value (no such
/// field, or a field without `Display`) is left as written. Borrows when there is nothing to
/// replace.
#[must_use]
pub fn fill<'t>(template: &'t str, fields: &[(&str, Option<&dyn Display>)]) -> Cow<'t, str> {
    if !template.contains(['{', '}']) {
        return Cow::Borrowed(template);
    }
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
        } else if let (true, Some(end)) = (tail.starts_with('{'), tail.find('}')) {
            let name = &tail[1..end];
            match fields.iter().find(|(field, _)| *field == name) {
                Some((_, Some(value))) => {
                    // Writing to a String cannot fail.
                    let _ = write!(out, "{value}");
                }
                _ => out.push_str(&tail[..=end]),
            }
            rest = &tail[end + 1..];
        } else {
            // A lone brace: a spec that passed `check` has none; keep it as written.
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// For the derive's compile-time check: `""` when every placeholder of `code`'s messages is
/// among `fields`, else the catalog's explanation. `table` holds `(code, placeholders,
/// explanation)` for each code whose messages have placeholders, in numeric order.
#[must_use]
pub const fn missing_fields(
    table: &'static [(u32, &'static [&'static str], &'static str)],
    code: u32,
    fields: &[&str],
) -> &'static str {
    let (mut low, mut high) = (0, table.len());
    while low < high {
        let middle = low + (high - low) / 2;
        if table[middle].0 < code {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    if low == table.len() || table[low].0 != code {
        return "";
    }
    let (_, placeholders, explanation) = table[low];
    let mut index = 0;
    while index < placeholders.len() {
        if !contains(fields, placeholders[index]) {
            return explanation;
        }
        index += 1;
    }
    ""
}

const fn contains(names: &[&str], name: &str) -> bool {
    let mut index = 0;
    while index < names.len() {
        if equal(names[index].as_bytes(), name.as_bytes()) {
            return true;
        }
        index += 1;
    }
    false
}

const fn equal(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut index = 0;
    while index < a.len() {
        if a[index] != b[index] {
            return false;
        }
        index += 1;
    }
    true
}

/// The compile-time check of one variant's fields against its code's message: fails at the
/// caller, which the derive spans at the variant.
#[track_caller]
pub const fn check_fields(missing: &'static str) {
    if !missing.is_empty() {
        panic!("{}", missing)
    }
}

/// A field's value as a placeholder's value: `Some` when its type has `Display`, `None`
/// otherwise, chosen at compile time by method resolution (the derive cannot see which
/// types display). Call as `(&Field(&value)).as_placeholder()` with [`DisplayField`] and
/// [`OtherField`] in scope.
#[derive(Debug)]
pub struct Field<'a, T: ?Sized>(pub &'a T);

/// Picked for a field whose type has `Display`.
pub trait DisplayField {
    /// The value to fill a placeholder with.
    fn as_placeholder(&self) -> Option<&dyn Display>;
}

impl<T: Display> DisplayField for Field<'_, T> {
    fn as_placeholder(&self) -> Option<&dyn Display> {
        Some(self.0)
    }
}

/// Picked, one auto-reference later, for a field whose type has no `Display`.
pub trait OtherField {
    /// No value: the placeholder stays as written.
    fn as_placeholder(&self) -> Option<&dyn Display> {
        None
    }
}

impl<T: ?Sized> OtherField for &Field<'_, T> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders_and_unescapes_braces() {
        let sku = "A-1";
        let count = 3;
        let fields: [(&str, Option<&dyn Display>); 2] =
            [("sku", Some(&sku)), ("count", Some(&count))];
        assert_eq!(fill("Item {sku} x{count}", &fields), "Item A-1 x3");
        assert_eq!(fill("{{sku}} {sku}}}", &fields), "{sku} A-1}");
        assert_eq!(fill("Item {other}", &fields), "Item {other}");
        assert_eq!(fill("Item {sku", &fields), "Item {sku");
        assert!(matches!(fill("plain", &fields), Cow::Borrowed("plain")));
        assert_eq!(fill("{sku}", &[("sku", None)]), "{sku}");
        assert_eq!(fill("é{sku}ü", &fields), "éA-1ü");
    }

    #[test]
    fn missing_fields_names_the_code_of_a_placeholder_without_a_field() {
        const TABLE: &[(u32, &[&str], &str)] = &[(1, &["sku"], "one"), (7, &["a", "b"], "seven")];
        assert_eq!(missing_fields(TABLE, 1, &["sku"]), "");
        assert_eq!(missing_fields(TABLE, 1, &["id"]), "one");
        assert_eq!(missing_fields(TABLE, 7, &["b", "a", "c"]), "");
        assert_eq!(missing_fields(TABLE, 7, &["a"]), "seven");
        assert_eq!(missing_fields(TABLE, 3, &[]), "");
        assert_eq!(missing_fields(&[], 3, &[]), "");
    }

    #[test]
    fn a_field_displays_only_when_its_type_does() {
        struct Opaque;
        let text = String::from("x");
        let opaque = Opaque;
        assert_eq!(
            Field(&text).as_placeholder().map(ToString::to_string),
            Some("x".to_owned())
        );
        assert!((&Field(&opaque)).as_placeholder().is_none());
    }
}
