//! Checks a spec's tree against the format's JSON Schema, reports every mismatch, and leaves
//! the tree in a shape the model can be read from.
//!
//! Deserializing with serde stops at the first problem; this pass reports them all (unknown
//! keys, missing keys, wrong types, values outside a fixed set or range, duplicate keys),
//! each at its node. It also prunes each part it reports (an unknown key, a value of the
//! wrong type or out of range, a map without a required key, the repeats of a duplicated
//! key), so that the rest of the file can still be read and checked by the rules: one run
//! reports every problem. And it writes a number or boolean where the format expects a
//! string as the string it was written as, as serde-saphyr reads it (`id: 1.10` is "1.10").
//!
//! Only the part of JSON Schema that the schema derived from the model uses is understood,
//! which a test keeps honest by checking the shipped specs and mutated ones.

use std::collections::BTreeSet;
use std::collections::hash_map::{Entry, HashMap};

use serde_json::Value as Json;

use crate::diagnostic::{Diagnostic, Pos, Source, excerpt, quote};
use crate::suggest::nearest;
use crate::yaml::{Node, Value};

/// What the structural check found, and the tree it leaves.
#[derive(Debug)]
pub struct Checked {
    /// The tree, pruned of every part a problem was reported at and normalised (see the
    /// module's documentation), with a placeholder for each missing or pruned top-level key
    /// the format requires; `None` when the file is not a map at all.
    pub tree: Option<Node>,
    /// Every structural problem.
    pub problems: Vec<Diagnostic>,
    /// The top-level keys whose value is missing, was pruned, or lost one of its entries or
    /// items: rules that need all of such a value (every version id, every locale) are
    /// skipped, so that they do not report what is only missing.
    pub incomplete: BTreeSet<String>,
}

/// Every structural problem in `root`, checked against `schema`, and the tree pruned of them.
pub fn check(mut root: Node, schema: &Json, source: &Source) -> Checked {
    let mut checker = Checker {
        root: schema,
        source,
        out: Vec::new(),
        incomplete: BTreeSet::new(),
    };
    checker.duplicates(&mut root);
    if matches!(root.value, Value::Null) {
        checker.emit(
            Pos::START,
            "empty spec: expected a map with id, title, docs_url, family, json_code, \
             code_ranges, locales, versions and codes",
        );
        return checker.done(None);
    }
    checker.node(&mut root, schema, &mut Vec::new());
    if !matches!(root.value, Value::Map(_)) {
        return checker.done(None);
    }
    checker.fill_required(&mut root, schema);
    checker.done(Some(root))
}

struct Checker<'a> {
    root: &'a Json,
    source: &'a Source,
    out: Vec<Diagnostic>,
    incomplete: BTreeSet<String>,
}

impl<'a> Checker<'a> {
    fn emit(&mut self, pos: Pos, message: impl Into<String>) {
        self.out.push(Diagnostic::new(self.source, pos, message));
    }

    fn done(self, tree: Option<Node>) -> Checked {
        Checked {
            tree,
            problems: self.out,
            incomplete: self.incomplete,
        }
    }

    /// A checker for trying one alternative of a schema on a copy of a node.
    fn trial(&self) -> Checker<'a> {
        Checker {
            root: self.root,
            source: self.source,
            out: Vec::new(),
            incomplete: BTreeSet::new(),
        }
    }

    /// Records that the map or list at `path` lost `what` (a key, or an item's index).
    fn lost(&mut self, path: &[String], what: &str) {
        match path.first() {
            None => self.incomplete.insert(what.to_owned()),
            Some(top) if path.len() == 1 => self.incomplete.insert(top.clone()),
            Some(_) => false,
        };
    }

    /// Every duplicated key anywhere in the file, pointing at the first one as well; every
    /// repeat is then removed, so the first one is what the model holds and the rules see.
    fn duplicates(&mut self, node: &mut Node) {
        match &mut node.value {
            Value::Map(entries) => {
                // Keys seen so far with their first position: a spec of 10,000 codes is one map.
                let mut seen: HashMap<String, Pos> = HashMap::with_capacity(entries.len());
                let mut repeats = Vec::new();
                for (index, (key, _)) in entries.iter().enumerate() {
                    // A number is the same key however it is written (`4704`, `0x1260`).
                    let text = match &key.value {
                        Value::Int(number) => number.to_string(),
                        _ => match key.key_text() {
                            Some(text) => text.into_owned(),
                            None => continue,
                        },
                    };
                    match seen.entry(text) {
                        Entry::Occupied(first) => {
                            let text = first.key();
                            let what = if text.bytes().all(|b| b.is_ascii_digit()) {
                                format!(
                                    "duplicate key {} (a code or number may appear once)",
                                    quote(text)
                                )
                            } else {
                                format!("duplicate key {}", quote(text))
                            };
                            self.out.push(
                                Diagnostic::new(self.source, key.pos, what)
                                    .with_note(*first.get(), "first defined here"),
                            );
                            repeats.push(index);
                        }
                        Entry::Vacant(slot) => {
                            slot.insert(key.pos);
                        }
                    }
                }
                let mut index = 0;
                entries.retain(|_| {
                    index += 1;
                    repeats.binary_search(&(index - 1)).is_err()
                });
                for (_, value) in entries.iter_mut() {
                    self.duplicates(value);
                }
            }
            Value::Seq(items) => items.iter_mut().for_each(|item| self.duplicates(item)),
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

    /// Checks `node` against `schema`, pruning what does not fit inside it; false when the
    /// node itself does not fit and must go.
    fn node(&mut self, node: &mut Node, schema: &'a Json, path: &mut Vec<String>) -> bool {
        let schema = self.resolve(schema);
        let mut fits = true;
        if let Some(all) = schema.get("allOf").and_then(Json::as_array) {
            for part in all {
                fits &= self.node(node, part, path);
            }
        }
        if let Some(alternatives) = schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .and_then(Json::as_array)
        {
            fits &= self.alternatives(node, alternatives, path);
        }
        if let Some(types) = schema.get("type") {
            if !type_matches(types, node) {
                let message = format!(
                    "expected {} at `{}`, found {}",
                    describe_types(types),
                    dotted(path),
                    node.value.kind()
                );
                self.emit(node.pos, message);
                return false;
            }
            as_string_if_expected(node, types);
        }
        if let Some(constant) = schema.get("const").and_then(Json::as_str)
            && node.key_text().as_deref() != Some(constant)
        {
            let message = format!("expected `{constant}` at `{}`", dotted(path));
            self.emit(node.pos, message);
            fits = false;
        }
        if let Some(allowed) = schema.get("enum").and_then(Json::as_array) {
            let allowed: Vec<&str> = allowed.iter().filter_map(Json::as_str).collect();
            fits &= self.one_of_words(node, &allowed, path);
        }
        fits &= self.range(node, schema, path);
        let pos = node.pos;
        match &mut node.value {
            Value::Map(entries) => fits &= self.map(pos, entries, schema, path),
            Value::Seq(items) => fits &= self.seq(pos, items, schema, path),
            _ => {}
        }
        fits
    }

    /// `anyOf` / `oneOf`: fine if one alternative fits, and the node is then as that one
    /// leaves it. Otherwise report the problems of the alternative of the same kind (a map for
    /// a map), or say which kinds were expected.
    fn alternatives(
        &mut self,
        node: &mut Node,
        alternatives: &'a [Json],
        path: &mut Vec<String>,
    ) -> bool {
        let words: Option<Vec<&str>> = alternatives
            .iter()
            .map(|alt| self.resolve(alt).get("const").and_then(Json::as_str))
            .collect();
        if let Some(words) = words {
            return self.one_of_words(node, &words, path);
        }
        let mut same_kind = None;
        for alternative in alternatives {
            let mut trial = self.trial();
            let mut copy = node.clone();
            let fits = trial.node(&mut copy, alternative, path);
            if trial.out.is_empty() {
                *node = copy;
                self.incomplete.extend(trial.incomplete);
                return true;
            }
            if same_kind.is_none() && self.kind_fits(alternative, node) {
                same_kind = Some((trial, copy, fits));
            }
        }
        match same_kind {
            Some((trial, copy, fits)) => {
                self.out.extend(trial.out);
                self.incomplete.extend(trial.incomplete);
                *node = copy;
                fits
            }
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
                false
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

    fn one_of_words(&mut self, node: &Node, words: &[&str], path: &[String]) -> bool {
        let found = node.as_key().unwrap_or_default();
        if words.contains(&found.as_str()) {
            return true;
        }
        let listed = words
            .iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut message = format!(
            "{} is not allowed at `{}`: expected one of {listed}",
            quote(&found),
            dotted(path)
        );
        if let Some(near) = nearest(&found, words.iter().copied()) {
            message.push_str(&format!(" (did you mean `{near}`?)"));
        }
        self.emit(node.pos, message);
        false
    }

    fn range(&mut self, node: &Node, schema: &Json, path: &[String]) -> bool {
        // An integer beyond what YAML reads as one (it reads it as a float) is beyond every
        // range a spec has.
        if let Some(written) = integer_beyond(node) {
            let message = format!(
                "{} is out of range at `{}`: expected {}",
                excerpt(written),
                dotted(path),
                describe_range(schema)
            );
            self.emit(node.pos, message);
            return false;
        }
        let Value::Int(value) = node.value else {
            return true;
        };
        let (min, max) = bounds(schema);
        if value < min || value > max {
            // As written (`0x10`, `+7`), not as read.
            let written = node
                .plain
                .as_deref()
                .map_or_else(|| value.to_string(), excerpt);
            let message = format!(
                "{written} is out of range at `{}`: expected {min} to {max}",
                dotted(path)
            );
            self.emit(node.pos, message);
            return false;
        }
        true
    }

    /// The entries of a map: each checked, and removed when it does not fit; false when a
    /// key the schema requires is missing or was removed.
    fn map(
        &mut self,
        pos: Pos,
        entries: &mut Vec<(Node, Node)>,
        schema: &'a Json,
        path: &mut Vec<String>,
    ) -> bool {
        let keys = Keys {
            properties: schema.get("properties").and_then(Json::as_object),
            patterns: schema.get("patternProperties").and_then(Json::as_object),
            additional: schema.get("additionalProperties"),
        };
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Json::as_array)
            .map(|names| names.iter().filter_map(Json::as_str).collect())
            .unwrap_or_default();
        let missing: Vec<String> = required
            .iter()
            .filter(|name| {
                !entries
                    .iter()
                    .any(|(k, _)| k.key_text().as_deref() == Some(name))
            })
            .map(|name| format!("`{name}`"))
            .collect();
        let mut lost_required = false;
        // Number keys written differently (`4704`, `"04704"`) are the same code.
        let mut numbers: HashMap<u32, Pos> = HashMap::new();
        entries.retain_mut(|(key, value)| {
            let mut keep = self.entry(key, value, &keys, path);
            if keep
                && keys.patterns.is_some()
                && let Value::Str(name) = &key.value
                && let Ok(number) = name.parse::<u32>()
            {
                match numbers.entry(number) {
                    Entry::Occupied(first) => {
                        let message = format!(
                            "duplicate key {} (the number {number} may appear once)",
                            quote(name)
                        );
                        self.out.push(
                            Diagnostic::new(self.source, key.pos, message)
                                .with_note(*first.get(), "first defined here"),
                        );
                        keep = false;
                    }
                    Entry::Vacant(slot) => {
                        slot.insert(key.pos);
                    }
                }
            }
            if !keep {
                let name = key.as_key().unwrap_or_default();
                lost_required |= required.contains(&name.as_str());
                self.lost(path, &name);
            }
            keep
        });
        if !missing.is_empty() {
            let keys = if missing.len() == 1 { "key" } else { "keys" };
            let place = if path.is_empty() {
                String::new()
            } else {
                format!(" in `{}`", dotted(path))
            };
            let message = format!("missing required {keys} {}{place}", missing.join(", "));
            self.emit(pos, message);
            if path.is_empty() {
                self.incomplete
                    .extend(missing.iter().map(|name| name.trim_matches('`').to_owned()));
            }
            return false;
        }
        !lost_required
    }

    /// One entry of a map: false when it must go. Its key becomes a string, as keys are.
    fn entry(
        &mut self,
        key: &mut Node,
        value: &mut Node,
        keys: &Keys<'a>,
        path: &mut Vec<String>,
    ) -> bool {
        let Keys {
            properties,
            patterns,
            additional,
        } = *keys;
        let Some(name) = key.key_text().map(std::borrow::Cow::into_owned) else {
            let message = format!("expected a plain key at `{}`", dotted(path));
            self.emit(key.pos, message);
            return false;
        };
        key.value = Value::Str(name.clone());
        key.plain = None;
        if let Some(property) = properties.and_then(|p| p.get(&name)) {
            return self.child(value, property, path, name);
        }
        if let Some((pattern, property)) = patterns.and_then(|p| p.iter().next()) {
            return match pattern_problem(pattern, &name) {
                None => self.child(value, property, path, name),
                Some(expected) => {
                    let message = format!(
                        "{} is not a valid key at `{}`: expected {expected}",
                        quote(&name),
                        dotted(path),
                    );
                    self.emit(key.pos, message);
                    false
                }
            };
        }
        match additional {
            Some(Json::Bool(false)) => {
                self.unknown_key(key, &name, properties, path);
                false
            }
            Some(extra @ Json::Object(_)) => self.child(value, extra, path, name),
            _ => true,
        }
    }

    /// Checks the value under `name`, with `name` on the path.
    fn child(
        &mut self,
        value: &mut Node,
        schema: &'a Json,
        path: &mut Vec<String>,
        name: String,
    ) -> bool {
        path.push(name);
        let fits = self.node(value, schema, path);
        path.pop();
        fits
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
        let mut message = format!("unknown key {} {place}", quote(name));
        match nearest(name, known.iter().copied()) {
            Some(near) => message.push_str(&format!(" (did you mean `{near}`?)")),
            None if !known.is_empty() => {
                message.push_str(&format!("; expected one of: {}", known.join(", ")));
            }
            None => {}
        }
        self.emit(key.pos, message);
    }

    /// The items of a list: each checked, and removed when it does not fit; false when the
    /// list has a fixed length it does not have (then no item can go either).
    fn seq(
        &mut self,
        pos: Pos,
        items: &mut Vec<Node>,
        schema: &'a Json,
        path: &mut Vec<String>,
    ) -> bool {
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
            self.emit(pos, message);
            return false;
        }
        let Some(item_schema) = schema.get("items") else {
            return true;
        };
        let mut index = 0;
        let mut lost = false;
        items.retain_mut(|item| {
            let keep = self.child(item, item_schema, path, index.to_string());
            if !keep {
                self.lost(path, &index.to_string());
                lost = true;
            }
            index += 1;
            keep
        });
        // A list of a fixed length (a `[first, last]` range) without one of its items is
        // not that list any more.
        !(lost && (min.is_some() || max.is_some()))
    }

    /// Puts a placeholder under every top-level key the schema requires that the map lacks
    /// (each was reported and is marked incomplete), so that the rest can still be read.
    fn fill_required(&mut self, root: &mut Node, schema: &'a Json) {
        let schema = self.resolve(schema);
        let pos = root.pos;
        let Value::Map(entries) = &mut root.value else {
            return;
        };
        let required = schema.get("required").and_then(Json::as_array);
        for name in required.into_iter().flatten().filter_map(Json::as_str) {
            if entries
                .iter()
                .any(|(k, _)| k.key_text().as_deref() == Some(name))
            {
                continue;
            }
            let property = schema.get("properties").and_then(|p| p.get(name));
            if let Some(value) = property.and_then(|p| self.placeholder(p)) {
                self.incomplete.insert(name.to_owned());
                let node = |value| Node {
                    value,
                    pos,
                    plain: None,
                };
                entries.push((node(Value::Str(name.to_owned())), node(value)));
            }
        }
    }

    /// The simplest value of a schema's first type: `""` or its first word, `[]`, `{}`, 0.
    fn placeholder(&self, schema: &'a Json) -> Option<Value> {
        let schema = self.resolve(schema);
        let first = match schema.get("type")? {
            Json::String(t) => t.as_str(),
            Json::Array(ts) => ts.iter().filter_map(Json::as_str).find(|t| *t != "null")?,
            _ => return None,
        };
        Some(match first {
            "string" => {
                let word = schema
                    .get("enum")
                    .and_then(Json::as_array)
                    .and_then(|words| words.first())
                    .and_then(Json::as_str)
                    .unwrap_or_default();
                Value::Str(word.to_owned())
            }
            "array" => Value::Seq(Vec::new()),
            "object" => Value::Map(Vec::new()),
            "integer" | "number" => Value::Int(0),
            "boolean" => Value::Bool(false),
            _ => return None,
        })
    }
}

/// What a map's schema says about its keys.
#[derive(Clone, Copy)]
struct Keys<'a> {
    /// The keys it names, with their schemas.
    properties: Option<&'a serde_json::Map<String, Json>>,
    /// Keys of a pattern (a number), with the schema of their values.
    patterns: Option<&'a serde_json::Map<String, Json>>,
    /// Any other key: refused (`false`) or with the schema of its value.
    additional: Option<&'a Json>,
}

/// The text of an integer written with more digits than YAML reads as an integer (serde-
/// saphyr reads it as a float, `1e23`), when `node` is one.
fn integer_beyond(node: &Node) -> Option<&str> {
    let Value::Float(_) = node.value else {
        return None;
    };
    let written = node.plain.as_deref()?;
    let digits = written.strip_prefix(['-', '+']).unwrap_or(written);
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(written)
}

/// "0 to 4294967295": the range of an integer schema.
fn describe_range(schema: &Json) -> String {
    let (min, max) = bounds(schema);
    format!("{min} to {max}")
}

/// The least and greatest values of an integer schema, by its format and bounds.
fn bounds(schema: &Json) -> (i128, i128) {
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
    (min, max)
}

/// Whether a node is of one of the schema's types. Plain YAML scalars count as strings,
/// because the loader reads them as strings where the format expects one.
fn type_matches(types: &Json, node: &Node) -> bool {
    let one = |t: &str| {
        // Too many digits for YAML's integers is still an integer, out of every range.
        (t == "integer" && integer_beyond(node).is_some())
            || matches!(
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

/// A number or boolean where the schema expects a string (and not its own kind) becomes
/// the string it was written as.
fn as_string_if_expected(node: &mut Node, types: &Json) {
    let own = match node.value {
        Value::Int(_) => ["integer", "number"].as_slice(),
        Value::Float(_) => ["number"].as_slice(),
        Value::Bool(_) => ["boolean"].as_slice(),
        _ => return,
    };
    let accepts = |t: &str| match types {
        Json::String(one) => one == t,
        Json::Array(ts) => ts.iter().any(|one| one.as_str() == Some(t)),
        _ => false,
    };
    if accepts("string")
        && !own.iter().any(|t| accepts(t))
        && let Some(text) = node.key_text().map(std::borrow::Cow::into_owned)
    {
        node.value = Value::Str(text);
        node.plain = None;
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

/// What a key must be under `pattern`, when `key` is not that: the schema's only pattern is
/// a number key (a code), read as a `u32`; any other is accepted rather than guessed.
fn pattern_problem(pattern: &str, key: &str) -> Option<String> {
    match pattern {
        r"^\d+$" if key.is_empty() || !key.bytes().all(|b| b.is_ascii_digit()) => {
            Some("a number (a code)".to_owned())
        }
        r"^\d+$" if key.parse::<u32>().is_err() => Some(format!("a number from 0 to {}", u32::MAX)),
        _ => None,
    }
}

/// A path as `codes.4700.name`; the top level is `.`. Each key is shown as a message shows
/// a value (see [`excerpt`]).
pub fn dotted(path: &[String]) -> String {
    if path.is_empty() {
        ".".to_string()
    } else {
        path.iter()
            .map(|step| excerpt(step))
            .collect::<Vec<_>>()
            .join(".")
    }
}
