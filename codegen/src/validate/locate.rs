//! Finding the node a rule is about, by its path of keys and indices, in constant time per
//! step for the two maps that grow with a spec (`codes` and `reserved`, keyed by number):
//! a linear search there, once per problem, made reporting quadratic in the codes.

use std::collections::HashMap;

use crate::diagnostic::Pos;
use crate::yaml::{Node, Value};

/// The top-level maps keyed by number, indexed.
const NUMBERED: [&str; 2] = ["codes", "reserved"];

/// A located tree with its numbered maps indexed.
pub(super) struct Locator<'t> {
    root: &'t Node,
    /// For each of [`NUMBERED`], the position in its map of the entry of each number.
    numbered: [HashMap<u32, usize>; 2],
}

impl<'t> Locator<'t> {
    /// Indexes `root`, in time linear in its numbered maps.
    pub(super) fn new(root: &'t Node) -> Self {
        let index = |name: &str| {
            let mut by_number = HashMap::new();
            if let Some(Node {
                value: Value::Map(entries),
                ..
            }) = root.get(name)
            {
                for (at, (key, _)) in entries.iter().enumerate() {
                    let number = key.key_text().and_then(|k| k.parse::<u32>().ok());
                    if let Some(number) = number {
                        by_number.entry(number).or_insert(at);
                    }
                }
            }
            by_number
        };
        Locator {
            root,
            numbered: NUMBERED.map(index),
        }
    }

    /// The key and value at `path`, the last step a map key.
    fn entry(&self, path: &[&str]) -> Option<(&'t Node, &'t Node)> {
        let (last, parent) = path.split_last()?;
        if let [top] = parent
            && let Some(table) = NUMBERED.iter().position(|name| name == top)
        {
            let at = *self.numbered[table].get(&last.parse::<u32>().ok()?)?;
            return match &self.root.get(top)?.value {
                Value::Map(entries) => entries.get(at).map(|(k, v)| (k, v)),
                _ => None,
            };
        }
        self.node(parent)?.entry(last)
    }

    /// The node at `path`.
    fn node(&self, path: &[&str]) -> Option<&'t Node> {
        match path {
            [] => Some(self.root),
            [top, number, rest @ ..] if NUMBERED.contains(top) => {
                let (_, value) = self.entry(&[top, number])?;
                value.at(rest.iter().copied())
            }
            _ => self.root.at(path.iter().copied()),
        }
    }

    /// The position of the node at `path`, or of its nearest existing ancestor.
    pub(super) fn pos(&self, path: &[&str]) -> Pos {
        (0..=path.len())
            .rev()
            .find_map(|n| self.node(&path[..n]))
            .map_or(Pos::START, |node| node.pos)
    }

    /// The position of the key (not the value) at `path`.
    pub(super) fn key_pos(&self, path: &[&str]) -> Pos {
        self.entry(path)
            .map_or_else(|| self.pos(path), |(key, _)| key.pos)
    }
}
