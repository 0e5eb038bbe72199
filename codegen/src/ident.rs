//! Whether a spec's names can become Rust identifiers.

/// The case a name must be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `ampache`, `my_api`: module names.
    Snake,
    /// `NotFound`, `V1_16_1`: variant names.
    Camel,
}

// Strict and reserved keywords of every edition (the Rust Reference, "Keywords"). The weak
// keywords `macro_rules`, `raw`, `safe` and `union` are keywords only in one place of the
// grammar and name modules and files like any identifier (`std::os::raw`): they are not here.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "try",
    "type", "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield",
];

/// Ok when `name` is a usable identifier in `case`, else why not.
pub fn check(name: &str, case: Case) -> Result<(), String> {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return Err("it is empty".into());
    };
    if !(first.is_ascii_alphabetic() || first == '_')
        || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        return Err("it is not a Rust identifier (ASCII letters, digits and `_`, not starting with a digit)".into());
    }
    if name == "_" {
        return Err("`_` is not an identifier".into());
    }
    if KEYWORDS.contains(&name) {
        return Err("it is a Rust keyword".into());
    }
    match case {
        Case::Snake if name.bytes().any(|b| b.is_ascii_uppercase()) => {
            Err("it must be snake_case".into())
        }
        Case::Camel if !first.is_ascii_uppercase() => {
            Err("it must start with an uppercase letter (UpperCamelCase)".into())
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_identifiers_and_rejects_keywords_and_junk() {
        assert!(check("NotFound", Case::Camel).is_ok());
        assert!(check("V1_16_1", Case::Camel).is_ok());
        assert!(check("ampache", Case::Snake).is_ok());
        assert!(check("Self", Case::Camel).unwrap_err().contains("keyword"));
        assert!(check("type", Case::Snake).unwrap_err().contains("keyword"));
        for strict in ["gen", "try", "dyn", "async", "abstract", "self", "crate"] {
            assert!(check(strict, Case::Snake).is_err(), "{strict}");
        }
        for weak in ["union", "raw", "safe", "macro_rules"] {
            assert_eq!(check(weak, Case::Snake), Ok(()), "{weak}");
        }
        assert!(
            check("notFound", Case::Camel)
                .unwrap_err()
                .contains("uppercase")
        );
        assert!(
            check("Not-Found", Case::Camel)
                .unwrap_err()
                .contains("identifier")
        );
        assert!(check("4Oh4", Case::Camel).is_err());
        assert!(check("", Case::Camel).is_err());
        assert!(
            check("Ampache", Case::Snake)
                .unwrap_err()
                .contains("snake_case")
        );
    }
}
