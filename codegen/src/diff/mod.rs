//! Changes between two revisions of the same specs, each judged by a [`Rule`]: what breaks
//! clients (a code removed or renumbered, a message's placeholders changed) is an error,
//! what may change their behaviour a warning, the rest information.
//!
//! Both revisions are loaded and checked as [`crate::load_str`] does; the located tree of
//! each file places every change at its line: in the new revision, or in the old one for
//! what the new one no longer has.

mod compare;
mod rules;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::diagnostic::{Diagnostic, Pos, Report, Severity, Source};
use crate::model::Spec;
use crate::yaml::{self, Node, Value};

pub use rules::{Rule, UnknownRule};

/// One spec file, loaded and checked, with the located tree of its text.
#[derive(Debug, Clone)]
pub struct SpecFile {
    pub spec: Spec,
    tree: Node,
    source: Source,
}

impl SpecFile {
    /// Loads and checks a spec as [`crate::load_bytes`] does; `name` is how changes name the
    /// file (`spec/shop.yaml`, or `HEAD:spec/shop.yaml` for a git revision).
    pub fn load(name: &str, bytes: &[u8]) -> Result<SpecFile, Report> {
        let Ok(text) = std::str::from_utf8(bytes) else {
            // Not UTF-8: the loader's own report says where.
            return Err(crate::load_bytes(name, bytes).err().unwrap_or_default());
        };
        let spec = crate::load_str(name, text)?;
        let source = Source::new(name, text);
        // The text loaded, so it parses; the error is kept only to never panic.
        let tree = yaml::parse(text).map_err(|error| {
            Report::from(vec![Diagnostic::new(&source, error.pos, error.message)])
        })?;
        Ok(SpecFile { spec, tree, source })
    }

    /// The name changes give the file.
    pub fn name(&self) -> &str {
        &self.source.name
    }

    /// Where the entry at `path` (map keys and list indices) is written: a scalar's value,
    /// a list's or map's key. A path that does not exist points at its nearest ancestor.
    fn locate(&self, path: &[&str]) -> Pos {
        let mut node = &self.tree;
        let mut pos = Pos::START;
        for step in path {
            let next = match &node.value {
                Value::Seq(items) => step
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| items.get(i))
                    .map(|item| (item.pos, item)),
                _ => node.entry(step).map(|(key, value)| (key.pos, value)),
            };
            let Some((key_pos, value)) = next else {
                break;
            };
            pos = match value.value {
                Value::Seq(_) | Value::Map(_) => key_pos,
                _ => value.pos,
            };
            node = value;
        }
        pos
    }
}

/// Which rules are silenced, and the severity of the others: `--allow`, `--warn` and
/// `--deny` on the command line.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    overrides: BTreeMap<Rule, Option<Severity>>,
}

impl Policy {
    /// Report no change of `rule`.
    pub fn allow(&mut self, rule: Rule) -> &mut Self {
        self.overrides.insert(rule, None);
        self
    }

    /// Report changes of `rule` as warnings.
    pub fn warn(&mut self, rule: Rule) -> &mut Self {
        self.overrides.insert(rule, Some(Severity::Warning));
        self
    }

    /// Report changes of `rule` as errors, which fail the run.
    pub fn deny(&mut self, rule: Rule) -> &mut Self {
        self.overrides.insert(rule, Some(Severity::Error));
        self
    }

    /// The severity of `rule`'s changes; `None` when they are not reported.
    pub fn severity(&self, rule: Rule) -> Option<Severity> {
        self.overrides
            .get(&rule)
            .copied()
            .unwrap_or(Some(rule.default_severity()))
    }
}

/// One change between the two revisions: the rule that found it, what it concerns, and
/// the diagnostic that locates it in the file it concerns (the new revision's, or the old
/// one's for a removal), with its severity under the [`Policy`] in force.
///
/// Printed as `check` prints a problem: `file:line:column: SEVERITY rule-id: message`, then
/// the line with carets under the token. In JSON, an object with `rule`, `severity`, `api`,
/// `code` (`null` for a change of the API or a version), `file`, `line` and `column`
/// (1-based, the column in characters) and `message` (what changed, in one sentence).
#[derive(Debug, Clone)]
pub struct Change {
    /// The rule that found it.
    pub rule: Rule,
    /// The spec's id.
    pub api: String,
    /// The code it concerns, if one.
    pub code: Option<u32>,
    /// Where, how severe, and what changed.
    pub diagnostic: Diagnostic,
}

impl Change {
    /// Its severity under the [`Policy`] in force.
    pub fn severity(&self) -> Severity {
        self.diagnostic.severity
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.diagnostic.fmt(f)
    }
}

/// The JSON form of a [`Change`].
#[derive(Serialize)]
struct ChangeJson<'a> {
    rule: Rule,
    severity: Severity,
    api: &'a str,
    code: Option<u32>,
    file: &'a str,
    line: u32,
    column: u32,
    message: &'a str,
}

impl Serialize for Change {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let diagnostic = &self.diagnostic;
        ChangeJson {
            rule: self.rule,
            severity: diagnostic.severity,
            api: &self.api,
            code: self.code,
            file: &diagnostic.source.name,
            line: diagnostic.pos.line,
            column: diagnostic.pos.column,
            message: &diagnostic.message,
        }
        .serialize(serializer)
    }
}

/// Every change from the `old` specs to the `new` ones, paired by API id, under `policy`;
/// sorted by API, then file, line and column.
pub fn diff(old: &[SpecFile], new: &[SpecFile], policy: &Policy) -> Vec<Change> {
    let mut found = Vec::new();
    for before in old {
        match new.iter().find(|after| after.spec.id == before.spec.id) {
            Some(after) => compare::specs(before, after, &mut found),
            None => found.push(compare::Found::at(
                before,
                &["id"],
                Rule::ApiRemoved,
                None,
                format!(
                    "API `{}` is gone, with its {} codes",
                    before.spec.id,
                    before.spec.codes.len()
                ),
            )),
        }
    }
    for after in new {
        if !old.iter().any(|before| before.spec.id == after.spec.id) {
            found.push(compare::Found::at(
                after,
                &["id"],
                Rule::ApiAdded,
                None,
                format!("API `{}` is new", after.spec.id),
            ));
        }
    }
    let mut changes: Vec<Change> = found
        .into_iter()
        .filter_map(|found| {
            let severity = policy.severity(found.rule)?;
            Some(Change {
                rule: found.rule,
                api: found.api,
                code: found.code,
                diagnostic: Diagnostic::new(&found.source, found.pos, found.message)
                    .with_rule(found.rule.id(), severity),
            })
        })
        .collect();
    changes.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
    changes
}

/// API, file, line and column, then rule.
fn sort_key(change: &Change) -> (&str, &str, Pos, Rule) {
    let diagnostic = &change.diagnostic;
    (
        &change.api,
        &diagnostic.source.name,
        diagnostic.pos,
        change.rule,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::spec_text;

    fn file(name: &str, text: &str) -> SpecFile {
        SpecFile::load(name, text.as_bytes()).expect("the spec loads")
    }

    /// `(rule, file, line)` of every change from `old` to `new` under the default policy.
    fn changes(old: &str, new: &str) -> Vec<(Rule, String, u32)> {
        diff(
            &[file("old.yaml", old)],
            &[file("new.yaml", new)],
            &Policy::default(),
        )
        .into_iter()
        .map(|c| (c.rule, c.diagnostic.source.name, c.diagnostic.pos.line))
        .collect()
    }

    fn line_of(text: &str, needle: &str) -> u32 {
        let index = text
            .lines()
            .position(|l| l.contains(needle))
            .expect("needle");
        u32::try_from(index + 1).expect("small")
    }

    /// Two names that swap numbers are two moves, each at its new number, and nothing else.
    #[test]
    fn a_swap_is_two_moves() {
        let old = spec_text("s", 3);
        let new = old
            .replace("name: E3\n", "name: SWAP\n")
            .replace("name: E10\n", "name: E3\n")
            .replace("name: SWAP\n", "name: E10\n");
        assert_eq!(
            changes(&old, &new),
            [
                (
                    Rule::CodeRenumbered,
                    "new.yaml".into(),
                    line_of(&new, "  3:")
                ),
                (
                    Rule::CodeRenumbered,
                    "new.yaml".into(),
                    line_of(&new, "  10:")
                ),
            ]
        );
    }

    /// A retired code back in use under its own name is a lifecycle moving backwards; under
    /// another name, a reused number; removed, a removal.
    #[test]
    fn a_retired_code_stays_retired() {
        let old = spec_text("s", 2).replacen(
            "retry: never\n",
            "retry: never\n    lifecycle: retired\n    note: Gone.\n",
            1,
        );
        let active = spec_text("s", 2);
        assert_eq!(
            changes(&old, &active),
            [(
                Rule::LifecycleBackwards,
                "new.yaml".into(),
                line_of(&active, "  3:")
            )]
        );
        let renamed = active.replace("name: E3\n", "name: Other\n");
        assert_eq!(
            changes(&old, &renamed),
            [(
                Rule::RetiredCodeReused,
                "new.yaml".into(),
                line_of(&renamed, "name: Other")
            )]
        );
        let removed = old.replace(
            "  3:\n    name: E3\n    title: Error 3\n    description: Synthetic error 3.\n    \
             message: Error number 3\n    retry: never\n    lifecycle: retired\n    note: Gone.\n",
            "",
        );
        assert_ne!(removed, old);
        assert_eq!(
            changes(&old, &removed),
            [(Rule::CodeRemoved, "old.yaml".into(), line_of(&old, "  3:"))]
        );
    }

    #[test]
    fn the_policy_silences_lowers_and_raises() {
        let mut policy = Policy::default();
        assert_eq!(policy.severity(Rule::CodeAdded), Some(Severity::Info));
        policy
            .allow(Rule::CodeRemoved)
            .deny(Rule::CodeAdded)
            .warn(Rule::VariantRenamed);
        assert_eq!(policy.severity(Rule::CodeRemoved), None);
        assert_eq!(policy.severity(Rule::CodeAdded), Some(Severity::Error));
        assert_eq!(
            policy.severity(Rule::VariantRenamed),
            Some(Severity::Warning)
        );
        assert_eq!(policy.severity(Rule::TextChanged), Some(Severity::Info));
    }

    /// A change prints as `check` prints a problem, its severity and rule first.
    #[test]
    fn a_change_prints_like_a_problem() {
        let old = spec_text("s", 1);
        let new = old.replace("retry: never", "retry: later");
        let found = diff(
            &[file("old.yaml", &old)],
            &[file("new.yaml", &new)],
            &Policy::default(),
        );
        let line = line_of(&new, "retry: later");
        assert_eq!(
            found.iter().map(ToString::to_string).collect::<Vec<_>>(),
            [format!(
                "new.yaml:{line}:12: warning retry-changed: the retry advice of code 3 changed \
                 from `never` to `later`\n   |\n{line} |     retry: later\n   |            \
                 ^^^^^\n"
            )]
        );
    }
}
