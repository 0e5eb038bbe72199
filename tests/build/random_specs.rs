//! A property test at build time: random specs, written as YAML and run through `check`.
//! Every one it accepts is generated into this crate, which must then compile under
//! `#![deny(warnings)]` with passing doctests. One crate holds the whole batch, so the
//! property costs one compilation, not one per spec.
//!
//! The values are drawn by proptest from a fixed seed, so every build draws the same specs;
//! `ERRORS_RANDOM_SPECS_SEED=<u64>` draws others and `ERRORS_RANDOM_SPECS=<count>` draws more
//! (README.md, "Longer runs"). Each spec is also written to
//! `<OUT_DIR>/random_specs/random_<n>.yaml`, so a failure can be replayed with
//! `errors-codegen check` and `generate`.

use std::fmt::Write as _;
use std::path::Path;

use proptest::prelude::*;
use proptest::strategy::ValueTree as _;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

use crate::Outcome;

/// Names another seed.
pub const SEED_VAR: &str = "ERRORS_RANDOM_SPECS_SEED";
/// Names another number of specs.
pub const COUNT_VAR: &str = "ERRORS_RANDOM_SPECS";
const DEFAULT_SEED: u64 = 0x5eed_c0de;
const DEFAULT_COUNT: usize = 40;

/// Draws the specs, checks each, and writes the catalog of each accepted one as
/// `<out>/random_specs/random_<n>.rs`.
pub fn generate(out_dir: &Path) -> Result<Vec<Outcome>, Box<dyn std::error::Error>> {
    let seed = match std::env::var(SEED_VAR) {
        Ok(text) => text.parse()?,
        Err(_) => DEFAULT_SEED,
    };
    let count = match std::env::var(COUNT_VAR) {
        Ok(text) => text.parse()?,
        Err(_) => DEFAULT_COUNT,
    };
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let dir = out_dir.join("random_specs");
    let mut outcomes = Vec::new();
    for index in 0..count {
        let module = format!("random_{index}");
        let spec = spec()
            .new_tree(&mut runner)
            .map_err(|reason| format!("cannot draw a spec: {reason}"))?
            .current();
        let yaml = spec.yaml(&module);
        let yaml_path = dir.join(format!("{module}.yaml"));
        errors_codegen::write_if_changed(&yaml_path, yaml.as_bytes())?;
        let name = format!("{module}.yaml");
        let checked = errors_codegen::load_str(&yaml_path.display().to_string(), &yaml);
        let catalog = dir.join(format!("{module}.rs"));
        let outcome = Outcome::of(name, module, checked, &catalog)?;
        outcomes.push(outcome);
    }
    Ok(outcomes)
}

/// A drawn spec, before it becomes YAML.
#[derive(Debug, Clone)]
struct RandomSpec {
    title: String,
    docs_url: String,
    family: &'static str,
    json_code: &'static str,
    locales: Vec<&'static str>,
    versions: Vec<&'static str>,
    rules: String,
    warnings: Vec<String>,
    codes: Vec<RandomCode>,
}

#[derive(Debug, Clone)]
struct RandomCode {
    number: u32,
    name: String,
    title: String,
    description: String,
    /// The message's text pieces, joined by the placeholders.
    message: Vec<String>,
    placeholders: Vec<&'static str>,
    /// How many of the spec's locales the message is translated into (at least one).
    translated: usize,
    retry: &'static str,
    lifecycle: &'static str,
    note: String,
    error_types: Vec<&'static str>,
    example: Option<String>,
}

/// Pieces that have broken generated code, docs or bodies somewhere: Markdown and rustdoc
/// syntax, Rust tokens, format-string braces, line ends, bidirectional and other controls.
const NASTY: &[&str] = &[
    "```",
    "```rust\nassert!(false);\n```\n",
    "\n\n    panic!();\n\n",
    "~~~\nx\n~~~",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "\t",
    "\u{0}",
    "\u{7}",
    "\u{1b}[31m",
    "\u{7f}",
    "\u{85}",
    "\u{a0}",
    "\u{200b}",
    "\u{202e}",
    "\u{2066}",
    "\u{2028}",
    "\u{feff}",
    "|",
    "||",
    "{{",
    "}}",
    "#",
    "# Heading\n",
    "<b>",
    "</b>",
    "<!--",
    "-->",
    "*/",
    "/*",
    "//",
    "///",
    "\"",
    "\\",
    "'",
    "`",
    "``",
    "[link](x)",
    "[^1]",
    "&amp;",
    "&",
    "<",
    ">",
    "<https://x>",
    "*",
    "**",
    "_",
    ":",
    "- ",
    "1. ",
    "> ",
    "---",
    "===",
    "$",
    "%",
    "r#\"",
    "\"#",
    "#[doc = \"\"]",
    "#![deny(x)]",
    "é",
    "日本語",
    "🦀",
    "ﷺ",
    "\u{301}",
    "e\u{301}",
    " ",
    "  ",
    "\\u{41}",
    "{}",
    "{0}",
];

const NAMES: &[&str] = &[
    "Error",
    "Err",
    "Ok",
    "Some",
    "None",
    "Self_",
    "ALL",
    "BY_NAME",
    "CODES",
    "NEAREST",
    "KnownCodes",
    "API",
    "Result",
    "Option",
    "String",
    "Vec",
    "Box",
    "Catalog",
    "ApiError",
    "CodeInfo",
    "ErrorCode",
    "UnknownCode",
    "Info",
    "Name",
    "Code",
    "Title",
    "Message",
    "Display",
    "FromStr",
    "From",
    "TryFrom",
    "Into",
    "Default",
    "Debug",
    "Clone",
    "Copy",
    "Hash",
    "Eq",
    "PartialEq",
    "Ord",
    "Serialize",
    "Deserialize",
    "Send",
    "Sync",
    "Sized",
    "Fn",
    "Type",
    "Crate",
    "Super",
    "Dyn",
    "Try",
    "Union",
    "Static",
    "Drop",
    "Iterator",
    "Retry",
    "Lifecycle",
    "Format",
    "Family",
    "Unknown",
    "Known",
    "Cow",
    "Formatter",
    "Serializer",
    "Deserializer",
    "S",
    "D",
    "T",
    "E",
];

const PLACEHOLDERS: &[&str] = &["sku", "id", "name", "user", "count", "self_", "type_", "x"];
const LOCALES: &[&str] = &[
    "en", "fr", "de", "de-AT", "es", "pt-BR", "zh-Hant", "sr-Latn",
];
const VERSIONS: &[&str] = &["1", "2", "3", "1.16.1", "2.0", "6", "8", "v2"];
const RETRY: &[&str] = &[
    "never",
    "later",
    "backoff",
    "poll",
    "reauthenticate",
    "fatal",
];
const LIFECYCLE: &[&str] = &["active", "active", "active", "deprecated", "retired"];
const ERROR_TYPES: &[&str] = &["item", "song", "account", "filter", "a|b", "`x`"];
const URLS: &[&str] = &[
    "https://shop.example/docs",
    "https://shop.example/a b",
    "https://shop.example/<x>",
    "https://shop.example/`x`",
    "https://shop.example/x)y",
    "not a url",
];

/// Text of up to `max` pieces: plain words, nasty pieces and any character.
fn text(max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[A-Za-z ]{1,8}",
        3 => prop::sample::select(NASTY).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..max).prop_map(|pieces| pieces.concat())
}

/// Text for a message, where `{` and `}` only come doubled (a single one is a placeholder,
/// or malformed).
fn message_text() -> impl Strategy<Value = String> {
    text(6).prop_map(|text| {
        text.replace("{{", "\u{0}")
            .replace("}}", "\u{1}")
            .replace(['{', '}'], "")
            .replace('\u{0}', "{{")
            .replace('\u{1}', "}}")
    })
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => prop::sample::select(NAMES).prop_map(String::from),
        2 => "[A-Z][A-Za-z0-9]{0,10}",
    ]
}

fn code() -> impl Strategy<Value = RandomCode> {
    (
        (1u32..100_000, name(), text(5), text(14)),
        (
            prop::collection::vec(message_text(), 1..4),
            prop::sample::subsequence(PLACEHOLDERS, 0..3),
            1usize..9,
        ),
        (
            prop::sample::select(RETRY),
            prop::sample::select(LIFECYCLE),
            text(6),
            prop::sample::subsequence(ERROR_TYPES, 0..3),
            prop::option::of(text(5)),
        ),
    )
        .prop_map(
            |(
                (number, name, title, description),
                (mut message, mut placeholders, translated),
                (retry, lifecycle, note, error_types, example),
            )| {
                // One more text piece than placeholders: they sit between the pieces.
                placeholders.truncate(message.len().saturating_sub(1));
                message.truncate(placeholders.len() + 1);
                RandomCode {
                    number,
                    name,
                    title,
                    description,
                    message,
                    placeholders,
                    translated,
                    retry,
                    lifecycle,
                    note,
                    error_types,
                    example,
                }
            },
        )
}

fn spec() -> impl Strategy<Value = RandomSpec> {
    (
        (
            text(6),
            prop::sample::select(URLS),
            prop::sample::select(&["ampache", "lastfm", "subsonic", "problem"][..]),
        ),
        (
            prop::sample::subsequence(LOCALES, 1..4),
            prop::sample::subsequence(VERSIONS, 1..4),
            text(12),
            prop::collection::vec(text(6), 0..3),
        ),
        prop::collection::vec(code(), 1..10),
    )
        .prop_map(
            |((title, docs_url, family), (locales, versions, rules, warnings), codes)| {
                RandomSpec {
                    title,
                    docs_url: docs_url.to_owned(),
                    family,
                    // `check` holds json_code to the family's.
                    json_code: if family == "ampache" {
                        "string"
                    } else {
                        "number"
                    },
                    locales,
                    versions,
                    rules,
                    warnings,
                    codes,
                }
            },
        )
}

impl RandomSpec {
    /// The spec as YAML, with id `id`. Codes that share a number or a name are dropped or
    /// renamed, so that most drawn specs are valid and reach the compiler.
    fn yaml(&self, id: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "id: {id}");
        let _ = writeln!(out, "title: {}", quoted(&self.title));
        let _ = writeln!(out, "docs_url: {}", quoted(&self.docs_url));
        let _ = writeln!(out, "family: {}", self.family);
        let _ = writeln!(out, "json_code: {}", self.json_code);
        out.push_str("code_ranges: [[1, 99999]]\n");
        let _ = writeln!(out, "locales: [{}]", self.locales.join(", "));
        out.push_str("versions:\n");
        for version in &self.versions {
            let _ = writeln!(out, "  - id: {}", quoted(version));
            out.push_str("    formats: [xml, json]\n");
        }
        let _ = writeln!(out, "rules: {}", quoted(&self.rules));
        if !self.warnings.is_empty() {
            out.push_str("warnings:\n");
            for warning in &self.warnings {
                let _ = writeln!(out, "  - {}", quoted(warning));
            }
        }
        out.push_str("codes:\n");
        let mut numbers = std::collections::BTreeSet::new();
        let mut names = std::collections::BTreeSet::new();
        for code in &self.codes {
            if !numbers.insert(code.number) {
                continue;
            }
            let mut name = code.name.clone();
            if !names.insert(name.clone()) {
                name = format!("{name}{}", code.number);
                names.insert(name.clone());
            }
            let _ = writeln!(out, "  {}:", code.number);
            let _ = writeln!(out, "    name: {}", quoted(&name));
            let _ = writeln!(out, "    title: {}", quoted(&code.title));
            let _ = writeln!(out, "    description: {}", quoted(&code.description));
            out.push_str("    message:\n");
            for (index, locale) in self.locales.iter().enumerate() {
                if index >= code.translated {
                    break;
                }
                let mut message = String::new();
                for (piece, text) in code.message.iter().enumerate() {
                    // Each locale its own wording, the same placeholders.
                    message.push_str(text);
                    if index > 0 {
                        let _ = write!(message, " ({locale})");
                    }
                    if let Some(placeholder) = code.placeholders.get(piece) {
                        let _ = write!(message, "{{{placeholder}}}");
                    }
                }
                let _ = writeln!(out, "      {locale}: {}", quoted(&message));
            }
            let _ = writeln!(out, "    retry: {}", code.retry);
            if code.lifecycle != "active" {
                let _ = writeln!(out, "    lifecycle: {}", code.lifecycle);
                let _ = writeln!(out, "    note: {}", quoted(&format!("Gone. {}", code.note)));
            }
            if !code.error_types.is_empty() {
                let types: Vec<String> = code.error_types.iter().map(|t| quoted(t)).collect();
                let _ = writeln!(out, "    error_types: [{}]", types.join(", "));
            }
            if let Some(example) = &code.example {
                let _ = writeln!(out, "    example: {{message: {}}}", quoted(example));
            }
        }
        out
    }
}

/// A YAML double-quoted scalar holding exactly `text`: characters YAML does not allow
/// in a stream (controls, surrogates' neighbours, U+FFFE/U+FFFF) as escapes.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // A byte order mark inside a document is read as one by some parsers.
            '\u{feff}' => out.push_str("\\uFEFF"),
            ' '..='~'
            | '\u{a0}'..='\u{d7ff}'
            | '\u{e000}'..='\u{fdcf}'
            | '\u{fdf0}'..='\u{fffd}' => {
                out.push(c);
            }
            c if u32::from(c) >= 0x1_0000 => out.push(c),
            c => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
        }
    }
    out.push('"');
    out
}
