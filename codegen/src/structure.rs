//! Checks a spec's tree against the format's JSON Schema and reports every mismatch.
//!
//! Deserializing with serde stops at the first problem; this pass reports them all (unknown
//! keys, missing keys, wrong types, values outside a fixed set, duplicate keys), each at its
//! node. Only the part of JSON Schema that the schema derived from the model uses is
//! understood, which a test keeps honest by checking the shipped specs and mutated ones.

use serde_json::Value as Json;

use crate::diagnostic::{Diagnostic, Pos, Source};
use crate::suggest::nearest;
use crate::yaml::{Node, Value};

/// Every structural problem in `root`, checked against `schema`.
pub fn check(root: &Node, schema: &Json, source: &Source) -> Vec<Diagnostic> {
    let mut checker = Checker {
        root: schema,
        source,
        out: Vec::new(),
    };
    checker.duplicates(root);
    if matches!(root.value, Value::Null) {
        checker.emit(
            Pos::START,
            "empty spec: expected a map with id, title, docs_url, family, json_code, \
             code_ranges, locales, versions and codes",
        );
        return checker.out;
    }
    checker.node(root, schema, &mut Vec::new());
    checker.out
}

struct Checker<'a> {
    root: &'a Json,
    source: &'a Source,
    out: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    fn emit(&mut self, pos: Pos, message: impl Into<String>) {
        self.out.push(Diagnostic::new(self.source, pos, message));
    }

    /// Every duplicated key anywhere in the file, pointing at the first one as well.
    fn duplicates(&mut self, node: &Node) {
        match &node.value {
            Value::Map(entries) => {
                // Keys seen so far with their first node: a spec of 10,000 codes is one map.
                let mut seen = std::collections::HashMap::with_capacity(entries.len());
                for (key, value) in entries {
                    let text = key.key_text();
                    let first = text.clone().and_then(|text| match seen.entry(text) {
                        std::collections::hash_map::Entry::Occupied(first) => Some(*first.get()),
                        std::collections::hash_map::Entry::Vacant(slot) => {
                            slot.insert(key);
                            None
                        }
                    });
                    if let (Some(first), Some(text)) = (first, &text) {
                        let what = if text.bytes().all(|b| b.is_ascii_digit()) {
                            format!("duplicate key `{text}` (a code or number may appear once)")
                        } else {
                            format!("duplicate key `{text}`")
                        };
                        self.out.push(
                            Diagnostic::new(self.source, key.pos, what)
                                .with_note(first.pos, "first defined here"),
                        );
                    }
                    self.duplicates(value);
                }
            }
            Value::Seq(items) => items.iter().for_each(|item| self.duplicates(item)),
            _ => {}
        }
    }

    fn resolve(&self, schema: &'a Json) -> &'a Json {
        let mut schema = schema;
        // `$ref` chains are short; the bound only guards against a cyclic schema.
        for _ in 0..16 {
            let Some(reference) = schema.get("$ref").and_then(Json::as_str) else {
                break;
            };
            let Some(name) = reference.strip_prefix("#/definitions/") else {
                break;
            };
            match self.root.get("definitions").and_then(|d| d.get(name)) {
                Some(target) => schema = target,
                None => break,
            }
        }
        schema
    }

    fn node(&mut self, node: &Node, schema: &'a Json, path: &mut Vec<String>) {
        let schema = self.resolve(schema);
        if let Some(all) = schema.get("allOf").and_then(Json::as_array) {
            for part in all {
                self.node(node, part, path);
            }
        }
        if let Some(alternatives) = schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .and_then(Json::as_array)
        {
            self.alternatives(node, alternatives, path);
        }
        if let Some(types) = schema.get("type")
            && !type_matches(types, node)
        {
            let message = format!(
                "expected {} at `{}`, found {}",
                describe_types(types),
                dotted(path),
                node.value.kind()
            );
            self.emit(node.pos, message);
            return;
        }
        if let Some(constant) = schema.get("const").and_then(Json::as_str)
            && node.key_text().as_deref() != Some(constant)
        {
            let message = format!("expected `{constant}` at `{}`", dotted(path));
            self.emit(node.pos, message);
        }
        if let Some(allowed) = schema.get("enum").and_then(Json::as_array) {
            let allowed: Vec<&str> = allowed.iter().filter_map(Json::as_str).collect();
            self.one_of_words(node, &allowed, path);
        }
        self.range(node, schema, path);
        match &node.value {
            Value::Map(entries) => self.map(node, entries, schema, path),
            Value::Seq(items) => self.seq(node, items, schema, path),
            _ => {}
        }
    }

    /// `anyOf` / `oneOf`: fine if one alternative fits. Otherwise report the problems of the
    /// alternative of the same kind (a map for a map), or say which kinds were expected.
    fn alternatives(&mut self, node: &Node, alternatives: &'a [Json], path: &mut Vec<String>) {
        let words: Option<Vec<&str>> = alternatives
            .iter()
            .map(|alt| self.resolve(alt).get("const").and_then(Json::as_str))
            .collect();
        if let Some(words) = words {
            self.one_of_words(node, &words, path);
            return;
        }
        let mut same_kind = None;
        for alternative in alternatives {
            let mut trial = Checker {
                root: self.root,
                source: self.source,
                out: Vec::new(),
            };
            trial.node(node, alternative, path);
            if trial.out.is_empty() {
                return;
            }
            if same_kind.is_none() && self.kind_fits(alternative, node) {
                same_kind = Some(trial.out);
            }
        }
        match same_kind {
            Some(problems) => self.out.extend(problems),
            None => {
                let mut kinds = Vec::new();
                for alternative in alternatives {
                    self.kinds(alternative, &mut kinds);
                }
                let message = format!(
                    "expected {} at `{}`, found {}",
                    kinds.join(" or "),
                    dotted(path),
                    node.value.kind()
                );
                self.emit(node.pos, message);
            }
        }
    }

    /// Whether `node` is of a kind the schema (or one of its alternatives) accepts.
    fn kind_fits(&self, schema: &'a Json, node: &Node) -> bool {
        let schema = self.resolve(schema);
        if let Some(types) = schema.get("type") {
            return type_matches(types, node);
        }
        match schema.get("anyOf").or_else(|| schema.get("oneOf")) {
            Some(Json::Array(alternatives)) => {
                alternatives.iter().any(|alt| self.kind_fits(alt, node))
            }
            _ => true,
        }
    }

    /// The kinds a schema accepts, as words, for "expected a string or a map".
    fn kinds(&self, schema: &'a Json, out: &mut Vec<String>) {
        let schema = self.resolve(schema);
        if let Some(types) = schema.get("type") {
            let word = describe_types(types);
            if !word.is_empty() && !out.contains(&word) {
                out.push(word);
            }
        } else if let Some(Json::Array(alternatives)) =
            schema.get("anyOf").or_else(|| schema.get("oneOf"))
        {
            for alternative in alternatives {
                self.kinds(alternative, out);
            }
        }
    }

    fn one_of_words(&mut self, node: &Node, words: &[&str], path: &[String]) {
        let found = node.as_key().unwrap_or_default();
        if words.contains(&found.as_str()) {
            return;
        }
        let listed = words
            .iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut message = format!(
            "`{found}` is not allowed at `{}`: expected one of {listed}",
            dotted(path)
        );
        if let Some(near) = nearest(&found, words.iter().copied()) {
            message.push_str(&format!(" (did you mean `{near}`?)"));
        }
        self.emit(node.pos, message);
    }

    fn range(&mut self, node: &Node, schema: &Json, path: &[String]) {
        let Value::Int(value) = node.value else {
            return;
        };
        let (mut min, mut max) = match schema.get("format").and_then(Json::as_str) {
            Some("uint16") => (0, i128::from(u16::MAX)),
            Some("uint32") => (0, i128::from(u32::MAX)),
            _ => (i128::MIN, i128::MAX),
        };
        if let Some(m) = schema.get("minimum").and_then(Json::as_i64) {
            min = min.max(i128::from(m));
        }
        if let Some(m) = schema.get("maximum").and_then(Json::as_i64) {
            max = max.min(i128::from(m));
        }
        if value < min || value > max {
            let message = format!(
                "{value} is out of range at `{}`: expected {min} to {max}",
                dotted(path)
            );
            self.emit(node.pos, message);
        }
    }

    fn map(
        &mut self,
        node: &Node,
        entries: &[(Node, Node)],
        schema: &'a Json,
        path: &mut Vec<String>,
    ) {
        let properties = schema.get("properties").and_then(Json::as_object);
        let patterns = schema.get("patternProperties").and_then(Json::as_object);
        let additional = schema.get("additionalProperties");
        for (key, value) in entries {
            let Some(name) = key.key_text() else {
                let message = format!("expected a plain key at `{}`", dotted(path));
                self.emit(key.pos, message);
                continue;
            };
            path.push(name.to_string());
            if let Some(property) = properties.and_then(|p| p.get(name.as_ref())) {
                self.node(value, property, path);
            } else if let Some((pattern, property)) = patterns.and_then(|p| p.iter().next()) {
                if pattern_matches(pattern, &name) {
                    self.node(value, property, path);
                } else {
                    path.pop();
                    let message = format!(
                        "`{name}` is not a valid key at `{}`: expected {}",
                        dotted(path),
                        describe_pattern(pattern)
                    );
                    self.emit(key.pos, message);
                    continue;
                }
            } else {
                match additional {
                    Some(Json::Bool(false)) => {
                        path.pop();
                        self.unknown_key(key, &name, properties, path);
                        continue;
                    }
                    Some(extra @ Json::Object(_)) => self.node(value, extra, path),
                    _ => {}
                }
            }
            path.pop();
        }
        if let Some(required) = schema.get("required").and_then(Json::as_array) {
            let missing: Vec<String> = required
                .iter()
                .filter_map(Json::as_str)
                .filter(|name| node.get(name).is_none())
                .map(|name| format!("`{name}`"))
                .collect();
            if !missing.is_empty() {
                let keys = if missing.len() == 1 { "key" } else { "keys" };
                let place = if path.is_empty() {
                    String::new()
                } else {
                    format!(" in `{}`", dotted(path))
                };
                let message = format!("missing required {keys} {}{place}", missing.join(", "));
                self.emit(node.pos, message);
            }
        }
    }

    fn unknown_key(
        &mut self,
        key: &Node,
        name: &str,
        properties: Option<&serde_json::Map<String, Json>>,
        path: &[String],
    ) {
        let known: Vec<&str> = properties
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let place = if path.is_empty() {
            "at the top level".to_string()
        } else {
            format!("in `{}`", dotted(path))
        };
        let mut message = format!("unknown key `{name}` {place}");
        match nearest(name, known.iter().copied()) {
            Some(near) => message.push_str(&format!(" (did you mean `{near}`?)")),
            None if !known.is_empty() => {
                message.push_str(&format!("; expected one of: {}", known.join(", ")));
            }
            None => {}
        }
        self.emit(key.pos, message);
    }

    fn seq(&mut self, node: &Node, items: &[Node], schema: &'a Json, path: &mut Vec<String>) {
        let count = items.len() as u64;
        let min = schema.get("minItems").and_then(Json::as_u64);
        let max = schema.get("maxItems").and_then(Json::as_u64);
        if min.is_some_and(|m| count < m) || max.is_some_and(|m| count > m) {
            let wanted = match (min, max) {
                (Some(a), Some(b)) if a == b => format!("exactly {a}"),
                (Some(a), Some(b)) => format!("{a} to {b}"),
                (Some(a), None) => format!("at least {a}"),
                (None, Some(b)) => format!("at most {b}"),
                (None, None) => String::new(),
            };
            let message = format!(
                "expected {wanted} items at `{}`, found {count}",
                dotted(path)
            );
            self.emit(node.pos, message);
        }
        if let Some(item_schema) = schema.get("items") {
            for (i, item) in items.iter().enumerate() {
                path.push(i.to_string());
                self.node(item, item_schema, path);
                path.pop();
            }
        }
    }
}

/// Whether a node is of one of the schema's types. Plain YAML scalars count as strings,
/// because the loader reads them as strings where the format expects one.
fn type_matches(types: &Json, node: &Node) -> bool {
    let one = |t: &str| {
        matches!(
            (t, &node.value),
            (
                "string",
                Value::Str(_) | Value::Int(_) | Value::Float(_) | Value::Bool(_)
            ) | ("integer", Value::Int(_))
                | ("number", Value::Int(_) | Value::Float(_))
                | ("boolean", Value::Bool(_))
                | ("null", Value::Null)
                | ("array", Value::Seq(_))
                | ("object", Value::Map(_))
        )
    };
    match types {
        Json::String(t) => one(t),
        Json::Array(ts) => ts.iter().filter_map(Json::as_str).any(one),
        _ => true,
    }
}

fn describe_types(types: &Json) -> String {
    let one = |t: &str| match t {
        "string" => "a string",
        "integer" => "an integer",
        "number" => "a number",
        "boolean" => "true or false",
        "array" => "a list",
        "object" => "a map",
        _ => "",
    };
    match types {
        Json::String(t) => one(t).to_string(),
        Json::Array(ts) => ts
            .iter()
            .filter_map(Json::as_str)
            .filter(|t| *t != "null")
            .map(one)
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" or "),
        _ => "a value".to_string(),
    }
}

// The schema's only pattern is a number key; anything else is accepted rather than guessed.
fn pattern_matches(pattern: &str, key: &str) -> bool {
    match pattern {
        r"^\d+$" => !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit()),
        _ => true,
    }
}

fn describe_pattern(pattern: &str) -> &'static str {
    match pattern {
        r"^\d+$" => "a number (a code)",
        _ => "a key of the documented form",
    }
}

/// A path as `codes.4700.name`; the top level is `.`.
pub fn dotted(path: &[String]) -> String {
    if path.is_empty() {
        ".".to_string()
    } else {
        path.join(".")
    }
}
