//! YAML read into a tree that remembers where every node came from.
//!
//! The tree keeps duplicate keys (so each can be reported with the first one) and the
//! source text of every plain scalar, and it is what structural checks and diagnostics point
//! into, and what the model is read from. serde-saphyr does the parsing; this module only
//! records what it saw.

use std::borrow::Cow;
use std::fmt;

use granit_parser::{ErrorKind, Event, Parser};
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{
    Budget, DuplicateKeyPolicy, ExternalMessageSource, Location, NonFiniteFloatPolicy, Options,
    Spanned,
};

use crate::diagnostic::{Pos, excerpt};

/// A YAML node and its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
    /// A number or boolean as written (`1.10`, `yes`, `0x10`): YAML reads it as a number or a
    /// boolean, but where the format expects a string, the string is the text as written.
    pub plain: Option<Box<str>>,
}

/// What a node holds. Scalars keep the text they were written as, because YAML's plain
/// scalars are read as strings where the format expects one (`name: Y` is the string "Y").
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// How the value is named in messages ("a string", "a map").
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "nothing (null)",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a map",
        }
    }
}

impl Node {
    /// The node's text as a map key or string: scalars only.
    pub fn as_key(&self) -> Option<String> {
        self.key_text().map(Cow::into_owned)
    }

    /// [`Node::as_key`], borrowed when the node is a string (most keys are) or a plain
    /// scalar whose text was kept.
    pub fn key_text(&self) -> Option<Cow<'_, str>> {
        if let (Some(plain), Value::Int(_) | Value::Float(_) | Value::Bool(_)) =
            (&self.plain, &self.value)
        {
            return Some(Cow::Borrowed(plain));
        }
        match &self.value {
            Value::Str(s) => Some(Cow::Borrowed(s)),
            Value::Int(i) => Some(Cow::Owned(i.to_string())),
            Value::Bool(b) => Some(Cow::Owned(b.to_string())),
            Value::Float(x) => Some(Cow::Owned(x.to_string())),
            Value::Null | Value::Seq(_) | Value::Map(_) => None,
        }
    }

    /// The value under `key` in a map node (the first, if the key is duplicated).
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, v)| v)
    }

    /// The key node and value under `key` in a map node.
    pub fn entry(&self, key: &str) -> Option<(&Node, &Node)> {
        match &self.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.key_text().as_deref() == Some(key))
                .map(|(k, v)| (k, v)),
            _ => None,
        }
    }

    /// The node at a path of map keys and list indices.
    pub fn at<'a>(&self, path: impl IntoIterator<Item = &'a str>) -> Option<&Node> {
        let mut node = self;
        for step in path {
            node = match &node.value {
                Value::Seq(items) => items.get(step.parse::<usize>().ok()?)?,
                _ => node.get(step)?,
            };
        }
        Some(node)
    }
}

/// Why a text could not be read as YAML (a syntax error, or a reader limit), located.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub pos: Pos,
    /// The whole message: "YAML syntax error: ..." or what limit was reached.
    pub message: String,
}

/// Parse YAML text into a located tree. An empty document is `Value::Null`.
///
/// # Errors
/// A syntax error, or a document beyond the reader's limits (see [`budget`]), located.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let mut options = Options::default();
    // Duplicates reach the tree so that every one is reported, with the first one.
    options.duplicate_keys = DuplicateKeyPolicy::PassThrough;
    // `.inf`, `.nan` and `1e400` are YAML numbers: the schema reports one where it does not
    // fit, with the rest of the file's problems, instead of the whole file failing to read.
    options.non_finite_float_policy = NonFiniteFloatPolicy::PassThrough;
    options.budget = Some(budget(text.len()));
    options.alias_limits.max_total_replayed_events = repeats(text.len());
    match serde_saphyr::from_str_with_options::<Spanned<Raw>>(text, options) {
        Ok(spanned) => Ok(spanned.value.into_node(spanned.referenced, text)),
        Err(error) => Err(refusal(&error, text)),
    }
}

/// How many nodes aliases (`*name`) may add to a text of `len` bytes, and anchors (`&name`)
/// copy: one per byte of the text, so at most as many as it can hold itself, at least
/// 10,000 and at most serde-saphyr's own limit of 1,000,000. Reading a text then takes time
/// and memory linear in its size, aliases or not: a 2 KB spec of nested aliases is refused
/// after 10,000 nodes, in milliseconds, not after a million. No spec needs an alias.
fn repeats(len: usize) -> usize {
    len.clamp(10_000, 1_000_000)
}

/// serde-saphyr's limits for a text of `len` bytes. Its fixed node and event counts (250,000
/// and 1,000,000) refuse a valid spec of some 20,000 codes; here they grow with the text. A
/// node takes at least two bytes (`[a,a]`) and an event at least one, so a text holds at
/// most `len / 2` nodes and `len` events of its own, and scalars of at most `len` bytes:
/// what aliases add beyond that, and what anchors copy, is bounded by [`repeats`]. The
/// reader's other limits (nesting depth, number of aliases and anchors) stay as they are.
fn budget(len: usize) -> Budget {
    let repeats = repeats(len);
    let mut budget = Budget::default();
    budget.max_nodes = len / 2 + 1024 + repeats;
    budget.max_events = len + 1024 + repeats;
    budget.max_recorded_anchor_events = repeats;
    budget.max_total_scalar_bytes = budget.max_total_scalar_bytes.min(2 * len + 65_536);
    budget
}

/// A parse error as the spec's problem, with its position: for an alias, where it is used.
fn refusal(error: &serde_saphyr::Error, text: &str) -> SyntaxError {
    let location = error.location();
    let pos = location.map_or(Pos::START, |l| pos_of(l, text));
    // The alias the error is at, as written (`*a4`), when it is at one.
    let alias = location
        .and_then(|l| source_text(l, text))
        .filter(|written| written.starts_with('*'));
    let repeated = || beyond(&repeated(alias.as_deref()));
    let message = match cause(error) {
        serde_saphyr::Error::Budget { breach, .. } => match breach {
            // Within a text's own size (see `budget`), only aliases and anchors reach these.
            BudgetBreach::Nodes { .. }
            | BudgetBreach::Events { .. }
            | BudgetBreach::ScalarBytes { .. } => repeated(),
            BudgetBreach::RecordedAnchorEvents { .. }
            | BudgetBreach::RecordedAnchorBytes { .. } => beyond(&copied(alias.as_deref())),
            other => beyond(&limit(other)),
        },
        serde_saphyr::Error::AliasReplayLimitExceeded { .. }
        | serde_saphyr::Error::AliasReplayCounterOverflow { .. }
        | serde_saphyr::Error::AliasExpansionLimitExceeded { .. } => repeated(),
        serde_saphyr::Error::AliasReplayStackDepthExceeded { depth, .. } => beyond(&format!(
            "aliases (`*name`) repeat anchors that hold aliases, {depth} levels deep"
        )),
        serde_saphyr::Error::MultipleDocuments { .. } => {
            return match second_document(text) {
                Some((pos, Marker::Start)) => SyntaxError {
                    pos,
                    message: "a spec is one YAML document, and this `---` starts a second one: \
                              remove it and what follows, or move that to a spec file of its own"
                        .to_owned(),
                },
                Some((pos, Marker::End)) => SyntaxError {
                    pos,
                    message: "a spec is one YAML document, and this `...` ends it before more \
                              YAML: remove the `...` line, or move what follows it to a spec \
                              file of its own"
                        .to_owned(),
                },
                None => SyntaxError {
                    pos,
                    message: "a spec is one YAML document, and a second one starts here".to_owned(),
                },
            };
        }
        serde_saphyr::Error::ExternalMessage { source, .. } => {
            let message = format!("YAML syntax error: {}", first_line(&error.to_string()));
            if let ExternalMessageSource::Parser(scan) = source.as_ref() {
                let at = scan.marker().byte_offset();
                let tab = match scan.kind() {
                    ErrorKind::TabInBlockIndentation | ErrorKind::TabNotAllowed => {
                        at.and_then(|at| tab_before(pos, at, text))
                    }
                    ErrorKind::TabInPlainScalar => at.and_then(|at| tab_after(pos, at, text)),
                    _ => None,
                };
                if let Some(pos) = tab {
                    return SyntaxError {
                        pos,
                        message: "YAML syntax error: a tab in indentation; YAML indents with \
                                  spaces only"
                            .to_owned(),
                    };
                }
            }
            message
        }
        _ => format!("YAML syntax error: {}", first_line(&error.to_string())),
    };
    SyntaxError { pos, message }
}

/// The parser reports a tab in indentation at the character after the blanks it is
/// among: this is the first tab of those blanks, on the line of `pos`, whose byte offset is
/// `at`.
fn tab_before(pos: Pos, at: usize, text: &str) -> Option<Pos> {
    let before = text.get(..at)?;
    let run_start = before.trim_end_matches([' ', '\t']).len();
    let tab = run_start + before[run_start..].find('\t')?;
    let line_start = before[..tab].rfind('\n').map_or(0, |i| i + 1);
    Some(Pos {
        column: column(&before[line_start..tab]),
        len: 1,
        ..pos
    })
}

/// The parser reports a tab in the indentation of a plain scalar's next line at the start
/// of the scalar, `pos` at byte offset `at`: this is the first tab in the blanks that start
/// a line after it.
fn tab_after(pos: Pos, at: usize, text: &str) -> Option<Pos> {
    let after = text.get(at..)?;
    for (lines_down, line) in after.split('\n').enumerate().skip(1) {
        let blanks = line.len() - line.trim_start_matches([' ', '\t']).len();
        if let Some(tab) = line[..blanks].find('\t') {
            return Some(Pos {
                line: pos.line.saturating_add(u32::try_from(lines_down).ok()?),
                column: column(&line[..tab]),
                len: 1,
            });
        }
    }
    None
}

/// The 1-based column just after `before`, the text of a line up to a point.
fn column(before: &str) -> u32 {
    u32::try_from(before.chars().count() + 1).unwrap_or(u32::MAX)
}

/// The error itself, under the snippet and alias wrappers it may carry.
fn cause(mut error: &serde_saphyr::Error) -> &serde_saphyr::Error {
    loop {
        match error {
            serde_saphyr::Error::WithSnippet { error: inner, .. }
            | serde_saphyr::Error::AliasError { error: inner, .. } => error = inner,
            _ => return error,
        }
    }
}

/// Why a text whose aliases repeat too much of it is refused, at `alias` if known.
fn repeated(alias: Option<&str>) -> String {
    format!(
        "aliases (`*name`) repeat more of it than a spec of its size can hold{}",
        passed_at(alias)
    )
}

/// Why a text whose anchors keep too many copies of its parts is refused: anchors
/// (`&name`) inside anchors, or aliases inside anchors, each copied once more per anchor
/// around them.
fn copied(alias: Option<&str>) -> String {
    format!(
        "anchors (`&name`), nested or holding aliases (`*name`), copy more of it than a spec \
         of its size can hold{}",
        passed_at(alias)
    )
}

/// " (`*a4` is where the limit is passed)" when the error is at an alias.
fn passed_at(alias: Option<&str>) -> String {
    alias.map_or_else(String::new, |alias| {
        format!(" (`{}` is where the limit is passed)", excerpt(alias))
    })
}

fn beyond(why: &str) -> String {
    format!("the spec is beyond what the YAML reader accepts: {why}")
}

/// What a breached reader limit other than the size of the tree means for a spec.
fn limit(breach: &BudgetBreach) -> String {
    match breach {
        BudgetBreach::Depth { depth } => format!("it nests {depth} levels deep"),
        BudgetBreach::Aliases { aliases } => format!("it has {aliases} aliases (`*name`)"),
        BudgetBreach::Anchors { anchors } => format!("it has {anchors} anchors (`&name`)"),
        BudgetBreach::AliasAnchorRatio { aliases, anchors } => {
            format!("it has {aliases} aliases (`*name`) for {anchors} anchors")
        }
        BudgetBreach::MergeKeys { merge_keys } => {
            format!("it has {merge_keys} merge keys (`<<`)")
        }
        BudgetBreach::Documents { documents } => format!("it holds {documents} YAML documents"),
        // Limits of what a spec read from text does not use (includes, properties, reading
        // from a stream), or of a structure the parser itself balances.
        _ => "it reaches one of the YAML reader's limits".to_owned(),
    }
}

/// The marker a YAML document starts or ends at.
enum Marker {
    /// `---`
    Start,
    /// `...`
    End,
}

/// Where the second YAML document of `text` starts: its `---` line, or the `...` that
/// ended the first one when the second has no `---`. Read again with the parser
/// serde-saphyr reads with, only for this refusal.
fn second_document(text: &str) -> Option<(Pos, Marker)> {
    let mut documents = 0;
    let mut end = None;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.ok()?;
        match event {
            Event::DocumentEnd => end = Some(span),
            Event::DocumentStart(explicit, _) => {
                documents += 1;
                if documents == 2 {
                    return Some(if explicit {
                        (marker_at(span.start), Marker::Start)
                    } else {
                        (marker_at(end?.start), Marker::End)
                    });
                }
            }
            _ => {}
        }
    }
    None
}

/// The three-character marker (`---`, `...`) at `mark`.
fn marker_at(mark: granit_parser::Marker) -> Pos {
    Pos {
        line: u32::try_from(mark.line().max(1)).unwrap_or(u32::MAX),
        // The parser counts columns from 0, diagnostics from 1.
        column: u32::try_from(mark.col().saturating_add(1)).unwrap_or(u32::MAX),
        len: 3,
    }
}

// serde-saphyr's messages carry their own snippet after the first line; ours shows it.
fn first_line(message: &str) -> String {
    let line = message.lines().next().unwrap_or(message);
    let line = line.strip_prefix("error: ").unwrap_or(line);
    // "line 2 column 2: illegal placement" -> the position is printed by the diagnostic.
    let line = match line.split_once(": ") {
        Some((head, rest)) if head.starts_with("line ") && head.contains(" column ") => rest,
        _ => line,
    };
    cut_quoted(line)
}

/// `message` with each value it quotes in backticks (serde-saphyr quotes the whole value,
/// a megabyte if need be) cut as the spec's own messages cut them.
fn cut_quoted(message: &str) -> String {
    message
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                excerpt(part)
            } else {
                part.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("`")
}

fn pos_of(location: Location, text: &str) -> Pos {
    let span = location.span();
    let len = span
        .byte_offset()
        .zip(span.byte_len())
        .and_then(|(start, len)| text.get(start as usize..(start + len) as usize))
        .map_or(1, |s| s.chars().count().max(1));
    Pos {
        len: u32::try_from(len).unwrap_or(1),
        ..start_of(location)
    }
}

/// The position of the first character at `location`, one character long.
fn start_of(location: Location) -> Pos {
    Pos {
        line: location.line().max(1) as u32,
        column: location.column().max(1) as u32,
        len: 1,
    }
}

// The shape serde-saphyr hands over, before positions are folded into plain `Node`s.
enum Raw {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<Raw>, Spanned<Raw>)>),
}

impl Raw {
    fn into_node(self, location: Location, text: &str) -> Node {
        let convert = |s: Spanned<Raw>| s.value.into_node(s.referenced, text);
        let value = match self {
            Raw::Null => Value::Null,
            Raw::Bool(b) => Value::Bool(b),
            Raw::Int(i) => Value::Int(i),
            Raw::Float(x) => Value::Float(x),
            Raw::Str(s) => Value::Str(s),
            Raw::Seq(items) => Value::Seq(items.into_iter().map(convert).collect()),
            Raw::Map(entries) => Value::Map(
                entries
                    .into_iter()
                    .map(|(k, v)| (convert(k), convert(v)))
                    .collect(),
            ),
        };
        // A collection's span covers all of it: point at its first character only (and
        // don't count the characters of all of it, at every level of nesting).
        let pos = match value {
            Value::Seq(_) | Value::Map(_) => start_of(location),
            _ => pos_of(location, text),
        };
        let plain = match value {
            Value::Int(_) | Value::Float(_) | Value::Bool(_) => source_text(location, text),
            _ => None,
        };
        Node { value, pos, plain }
    }
}

/// The text at `location`, when serde-saphyr gives its span.
fn source_text(location: Location, text: &str) -> Option<Box<str>> {
    let span = location.span();
    let (start, len) = span.byte_offset().zip(span.byte_len())?;
    text.get(start as usize..(start + len) as usize)
        .map(Box::from)
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Int(v.into()))
    }

    fn visit_i128<E>(self, v: i128) -> Result<Raw, E> {
        Ok(Raw::Int(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(Raw::Int(v.into()))
    }

    fn visit_u128<E>(self, v: u128) -> Result<Raw, E> {
        Ok(i128::try_from(v).map_or(Raw::Float(v as f64), Raw::Int))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Float(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::Str(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::Str(v))
    }

    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }

    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Raw, D::Error> {
        Raw::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key()? {
            let value = map.next_value()?;
            entries.push((key, value));
        }
        Ok(Raw::Map(entries))
    }
}

/// Deserializes a value from a tree that [`parse`] made, so that a spec is parsed once: the
/// tree is what the structural checks read and what the model is read from.
///
/// Scalars are read as the type the tree gave them, with two exceptions that make a tree the
/// structural check has normalised read as serde-saphyr reads the text: a number or boolean
/// read as a string is its text as written (`1.10`, `yes`), and a string of digits read as
/// an unsigned number is that number (map keys are strings: `"4704":` is code 4704).
///
/// # Errors
/// Where the tree does not fit `T`, located at the innermost node that does not.
pub(crate) fn from_tree<T: serde::de::DeserializeOwned>(node: &Node) -> Result<T, TreeError> {
    T::deserialize(TreeDeserializer(node))
}

/// Why a tree could not be read as the type asked for, and where.
#[derive(Debug)]
pub(crate) struct TreeError {
    pub message: String,
    /// The innermost node that did not fit; `None` only before it is known.
    pub pos: Option<Pos>,
}

impl TreeError {
    /// The error, placed at `pos` unless a node inside it was already blamed.
    fn at(mut self, pos: Pos) -> Self {
        self.pos.get_or_insert(pos);
        self
    }
}

impl fmt::Display for TreeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TreeError {}

impl serde::de::Error for TreeError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        TreeError {
            message: message.to_string(),
            pos: None,
        }
    }
}

struct TreeDeserializer<'de>(&'de Node);

impl<'de> TreeDeserializer<'de> {
    /// An unsigned number, also from a string of digits (a map key).
    fn unsigned<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        let pos = self.0.pos;
        match &self.0.value {
            Value::Str(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
                match s.parse::<u64>() {
                    Ok(number) => visitor.visit_u64(number),
                    Err(_) => Err(serde::de::Error::custom(format!("{s} is too large"))),
                }
            }
            _ => self.deserialize_any(visitor),
        }
        .map_err(|e: TreeError| e.at(pos))
    }

    /// A string, also from a number or boolean, as written.
    fn string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        let pos = self.0.pos;
        match (&self.0.value, &self.0.plain) {
            (Value::Int(_) | Value::Float(_) | Value::Bool(_), Some(plain)) => {
                visitor.visit_borrowed_str(plain)
            }
            _ => self.deserialize_any(visitor),
        }
        .map_err(|e: TreeError| e.at(pos))
    }
}

impl<'de> Deserializer<'de> for TreeDeserializer<'de> {
    type Error = TreeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        let pos = self.0.pos;
        match &self.0.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Int(i) => match (u64::try_from(*i), i64::try_from(*i)) {
                (Ok(u), _) => visitor.visit_u64(u),
                (_, Ok(i)) => visitor.visit_i64(i),
                _ => visitor.visit_i128(*i),
            },
            Value::Float(x) => visitor.visit_f64(*x),
            Value::Str(s) => visitor.visit_borrowed_str(s),
            Value::Seq(items) => {
                let mut access = SeqOfNodes(items.iter());
                let value = visitor.visit_seq(&mut access)?;
                match access.0.len() {
                    0 => Ok(value),
                    left => Err(serde::de::Error::custom(format!(
                        "{left} more items than expected"
                    ))),
                }
            }
            Value::Map(entries) => visitor.visit_map(MapOfNodes {
                entries: entries.iter(),
                value: None,
            }),
        }
        .map_err(|e| e.at(pos))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self.0.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        visitor.visit_unit()
    }

    /// A unit variant, written as its name; any other form is declined.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        match &self.0.value {
            Value::Str(s) => visitor.visit_enum(BorrowedStrDeserializer::new(s)),
            _ => Err(serde::de::Error::custom("expected the name of a variant")),
        }
        .map_err(|e: TreeError| e.at(self.0.pos))
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        self.string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        self.string(visitor)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        self.unsigned(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        self.unsigned(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        self.unsigned(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        self.unsigned(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u128 f32 f64 char bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

struct SeqOfNodes<'de>(std::slice::Iter<'de, Node>);

impl<'de> SeqAccess<'de> for SeqOfNodes<'de> {
    type Error = TreeError;

    fn next_element_seed<T: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, TreeError> {
        self.0
            .next()
            .map(|item| {
                seed.deserialize(TreeDeserializer(item))
                    .map_err(|e| e.at(item.pos))
            })
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct MapOfNodes<'de> {
    entries: std::slice::Iter<'de, (Node, Node)>,
    value: Option<&'de Node>,
}

impl<'de> MapAccess<'de> for MapOfNodes<'de> {
    type Error = TreeError;

    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, TreeError> {
        match self.entries.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(TreeDeserializer(key))
                    .map(Some)
                    .map_err(|e| e.at(key.pos))
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, TreeError> {
        match self.value.take() {
            Some(value) => seed
                .deserialize(TreeDeserializer(value))
                .map_err(|e| e.at(value.pos)),
            None => Err(serde::de::Error::custom("a value without a key")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}
