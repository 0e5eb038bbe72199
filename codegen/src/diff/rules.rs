//! The rules `diff` applies: each with a stable id, a default severity, what it finds and
//! where its idea comes from.
//!
//! The ideas are taken from three tools that check the same promise for other kinds of
//! interface: buf's breaking-change rules for Protocol Buffers (`ENUM_VALUE_NO_DELETE`,
//! `ENUM_VALUE_SAME_NAME`, `FIELD_SAME_TYPE`, reserved numbers), cargo-semver-checks' lints
//! for Rust crates (`enum_variant_missing`, `enum_variant_added`,
//! `enum_variant_discriminant_changed`, `enum_variant_marked_deprecated`), and oasdiff's
//! checks for OpenAPI documents (`response-success-status-removed`,
//! `response-media-type-removed`, `response-property-type-changed`,
//! `api-stability-decreased`). A code is an enum value on the wire and a variant in Rust,
//! so all three apply.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

use crate::diagnostic::Severity;

macro_rules! rules {
    ($($variant:ident = $id:literal, $severity:ident, $what:literal, $idea:literal;)*) => {
        /// One kind of change between two revisions of a spec.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $(#[doc = $what] $variant,)*
        }

        impl Rule {
            /// Every rule, errors first.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The stable id, as `--allow` and `--deny` take it and the output prints it.
            pub fn id(self) -> &'static str {
                match self { $(Rule::$variant => $id,)* }
            }

            /// The severity when no `--allow`, `--warn` or `--deny` says otherwise.
            pub fn default_severity(self) -> Severity {
                match self { $(Rule::$variant => Severity::$severity,)* }
            }

            /// What the rule finds, in one sentence.
            pub fn what(self) -> &'static str {
                match self { $(Rule::$variant => $what,)* }
            }

            /// The rule of buf, cargo-semver-checks or oasdiff it follows.
            pub fn idea_from(self) -> &'static str {
                match self { $(Rule::$variant => $idea,)* }
            }
        }
    };
}

rules! {
    ApiRemoved = "api-removed", Error,
        "A spec (an API id) is gone: every code of it with it.",
        "buf `FILE_NO_DELETE`; cargo-semver-checks `module_missing`";
    FamilyChanged = "family-changed", Error,
        "The wire family changed: every body looks different.",
        "oasdiff `response-body-type-changed`";
    JsonCodeTypeChanged = "json-code-type-changed", Error,
        "JSON carries the code as another type (number or string).",
        "buf `FIELD_SAME_TYPE`; oasdiff `response-property-type-changed`";
    VersionRemoved = "version-removed", Error,
        "An API version is gone.",
        "oasdiff `api-path-removed-without-deprecation`";
    FormatRemoved = "format-removed", Error,
        "A version no longer serves a body format (XML, JSON).",
        "oasdiff `response-media-type-removed`";
    CodeRemoved = "code-removed", Error,
        "A code is gone instead of being retired with a note.",
        "buf `ENUM_VALUE_NO_DELETE`; cargo-semver-checks `enum_variant_missing`; rustc's error codes";
    CodeRenumbered = "code-renumbered", Error,
        "A name moved to another number, or a number was given to another name.",
        "buf `ENUM_VALUE_SAME_NAME`; cargo-semver-checks `enum_variant_discriminant_changed`; MySQL's message file";
    VariantRenamed = "variant-renamed", Error,
        "A code's Rust variant name changed.",
        "cargo-semver-checks `enum_variant_missing`";
    PlaceholdersChanged = "placeholders-changed", Error,
        "A message's placeholders changed (names or count) in a locale.",
        "MySQL's message file (the same placeholders in every version); cargo-semver-checks `function_parameter_count_changed`";
    RetiredCodeReused = "retired-code-reused", Error,
        "A retired or reserved number is used again for another meaning.",
        "buf `ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED` and `reserved`; rustc's error codes";
    LocaleRemoved = "locale-removed", Warning,
        "A locale is gone: its messages fall back to the default locale.",
        "oasdiff `response-media-type-removed`";
    HttpStatusChanged = "http-status-changed", Warning,
        "A code is sent with another HTTP status in a version both revisions have.",
        "oasdiff `response-success-status-removed`";
    RetryChanged = "retry-changed", Warning,
        "A code's retry advice changed.",
        "oasdiff's warnings: a change a client may act on, not a broken contract";
    LegacyChanged = "legacy-changed", Warning,
        "The code sent instead to old versions changed, or which versions send it.",
        "rustc's error codes and MySQL's message file (one number, one meaning)";
    LifecycleBackwards = "lifecycle-backwards", Warning,
        "A code moved back from retired or deprecated.",
        "oasdiff `api-stability-decreased`";
    ApiAdded = "api-added", Info,
        "A spec (an API id) is new.",
        "cargo-semver-checks (an addition is a minor change)";
    CodeAdded = "code-added", Info,
        "A code is new.",
        "cargo-semver-checks `enum_variant_added` (harmless for a `#[non_exhaustive]` enum)";
    CodeDeprecated = "code-deprecated", Info,
        "A code was deprecated or retired.",
        "cargo-semver-checks `enum_variant_marked_deprecated`";
    VersionAdded = "version-added", Info,
        "An API version is new.",
        "oasdiff `endpoint-added`";
    FormatAdded = "format-added", Info,
        "A version serves a new body format.",
        "oasdiff `response-media-type-added`";
    LocaleAdded = "locale-added", Info,
        "A locale is new.",
        "oasdiff (an addition is not breaking)";
    TextChanged = "text-changed", Info,
        "A title, description or message was reworded (same placeholders).",
        "oasdiff `api-description-changed`";
    SinceMissing = "since-missing", Info,
        "A new code says in no `since` which version brought it.",
        "rustc's error-code registry (every code documented)";
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// A rule id that names no rule; its message lists the ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule(pub String);

impl fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<&str> = Rule::ALL.iter().map(|rule| rule.id()).collect();
        write!(f, "no rule `{}`; the rules are: {}", self.0, ids.join(", "))
    }
}

impl std::error::Error for UnknownRule {}

impl FromStr for Rule {
    type Err = UnknownRule;

    fn from_str(id: &str) -> Result<Rule, UnknownRule> {
        Rule::ALL
            .iter()
            .copied()
            .find(|rule| rule.id() == id)
            .ok_or_else(|| UnknownRule(id.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_parse_back() {
        let mut seen = std::collections::BTreeSet::new();
        for rule in Rule::ALL {
            assert!(seen.insert(rule.id()), "{} twice", rule.id());
            assert!(
                rule.id()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                rule.id()
            );
            assert_eq!(rule.id().parse::<Rule>(), Ok(*rule));
        }
        let unknown = "code-gone".parse::<Rule>().unwrap_err().to_string();
        assert!(unknown.starts_with("no rule `code-gone`; the rules are: api-removed,"));
    }

    /// README.md's rule table is this one: every rule, its severity, what and idea, in order.
    #[test]
    fn the_readme_table_lists_every_rule() {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
            .expect("README.md is readable");
        let rows: Vec<&str> = readme
            .lines()
            .filter(|line| line.starts_with("| `") && line.matches(" | ").count() == 3)
            .filter(|line| {
                let id = line
                    .trim_start_matches("| `")
                    .split('`')
                    .next()
                    .unwrap_or("");
                id.parse::<Rule>().is_ok()
            })
            .collect();
        let expected: Vec<String> = Rule::ALL
            .iter()
            .map(|rule| {
                format!(
                    "| `{}` | {} | {} | {} |",
                    rule.id(),
                    rule.default_severity(),
                    rule.what(),
                    rule.idea_from()
                )
            })
            .collect();
        assert_eq!(rows, expected);
    }
}
