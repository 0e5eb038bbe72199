//! Rules a well-typed spec must still follow: names that make valid, distinct Rust
//! identifiers, codes inside the declared ranges, translations that agree, statuses that
//! exist, retired codes that say why. Every problem is reported at its node.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Diagnostic, Pos, Source};
use crate::ident::{self, Case};
use crate::model::{Format, HttpStatus, Lifecycle, Message, Spec};
use crate::placeholders::{self, Placeholders};
use crate::yaml::Node;

/// Crates the generated catalogs name by path: an API id may not shadow them.
const CRATES_USED: [&str; 1] = ["errors_core"];

/// Every rule broken by `spec`, located through `tree` (the same file's located tree).
pub fn check(spec: &Spec, tree: &Node, source: &Source) -> Vec<Diagnostic> {
    let mut v = Validator {
        tree,
        source,
        out: Vec::new(),
    };
    v.api(spec);
    v.versions(spec);
    v.locales(spec);
    v.codes(spec);
    v.out
}

struct Validator<'a> {
    tree: &'a Node,
    source: &'a Source,
    out: Vec<Diagnostic>,
}

impl Validator<'_> {
    /// The position of the node at `path`, or of its nearest existing ancestor.
    fn pos(&self, path: &[&str]) -> Pos {
        (0..=path.len())
            .rev()
            .find_map(|n| self.tree.at(path[..n].iter().copied()))
            .map_or(Pos::START, |node| node.pos)
    }

    /// The position of the key (not the value) at `path`.
    fn key_pos(&self, path: &[&str]) -> Pos {
        match path.split_last() {
            Some((last, parent)) => self
                .tree
                .at(parent.iter().copied())
                .and_then(|p| p.entry(last))
                .map_or_else(|| self.pos(path), |(key, _)| key.pos),
            None => Pos::START,
        }
    }

    fn emit(&mut self, pos: Pos, message: impl Into<String>) {
        self.out.push(Diagnostic::new(self.source, pos, message));
    }

    fn api(&mut self, spec: &Spec) {
        if let Err(problem) = ident::check(&spec.id, Case::Snake) {
            let pos = self.pos(&["id"]);
            self.emit(
                pos,
                format!("`{}` cannot be the API id: {problem}", spec.id),
            );
        } else if CRATES_USED.contains(&spec.id.as_str()) {
            // The id names the module the catalog defines; one named like a crate the
            // generated code reaches shadows that crate where the catalog is included.
            let pos = self.pos(&["id"]);
            self.emit(
                pos,
                format!(
                    "`{}` cannot be the API id: it is the name of a crate the generated code uses",
                    spec.id
                ),
            );
        }
        if spec.codes.is_empty() {
            let pos = self.key_pos(&["codes"]);
            self.emit(pos, "empty spec: `codes` has no codes");
        }
        if spec.code_ranges.is_empty() {
            let pos = self.pos(&["code_ranges"]);
            self.emit(pos, "`code_ranges` must declare at least one range");
        }
        for (i, [first, last]) in spec.code_ranges.iter().enumerate() {
            if first > last {
                let index = i.to_string();
                let pos = self.pos(&["code_ranges", &index]);
                self.emit(
                    pos,
                    format!("range [{first}, {last}] is empty: {first} > {last}"),
                );
            }
        }
        let in_range = |code: u32| {
            spec.code_ranges
                .iter()
                .any(|[a, b]| (*a..=*b).contains(&code))
        };
        for code in spec.codes.keys() {
            if !in_range(*code) {
                let pos = self.key_pos(&["codes", &code.to_string()]);
                let ranges = spec
                    .code_ranges
                    .iter()
                    .map(|[a, b]| format!("{a}-{b}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                self.emit(
                    pos,
                    format!("code {code} is outside the declared code_ranges ({ranges})"),
                );
            }
        }
        for code in spec.reserved.keys() {
            let key = code.to_string();
            if spec.codes.contains_key(code) {
                let pos = self.key_pos(&["codes", &key]);
                let reserved = self.key_pos(&["reserved", &key]);
                self.out.push(
                    Diagnostic::new(
                        self.source,
                        pos,
                        format!("code {code} is reserved and cannot be assigned"),
                    )
                    .with_note(reserved, "reserved here"),
                );
            }
        }
    }

    fn versions(&mut self, spec: &Spec) {
        if spec.versions.is_empty() {
            let pos = self.pos(&["versions"]);
            self.emit(pos, "`versions` must list at least one version");
        }
        let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
        let mut names: BTreeMap<String, usize> = BTreeMap::new();
        for (i, version) in spec.versions.iter().enumerate() {
            let index = i.to_string();
            if let Some(first) = ids.insert(&version.id, i) {
                let pos = self.pos(&["versions", &index, "id"]);
                let first_pos = self.pos(&["versions", &first.to_string(), "id"]);
                self.out.push(
                    Diagnostic::new(
                        self.source,
                        pos,
                        format!("version `{}` is listed twice", version.id),
                    )
                    .with_note(first_pos, "first defined here"),
                );
            }
            let name = version.variant_name();
            if let Err(problem) = ident::check(&name, Case::Camel) {
                let pos = self.pos(&["versions", &index, "name"]);
                self.emit(pos, format!("`{name}` cannot be a version name: {problem}"));
            }
            if let Some(first) = names.insert(name.clone(), i) {
                let pos = self.pos(&["versions", &index, "name"]);
                let first_pos = self.pos(&["versions", &first.to_string()]);
                self.out.push(
                    Diagnostic::new(
                        self.source,
                        pos,
                        format!("version name `{name}` is used twice"),
                    )
                    .with_note(first_pos, "first used here"),
                );
            }
            if version.formats.is_empty() {
                let pos = self.pos(&["versions", &index, "formats"]);
                self.emit(pos, format!("version `{}` serves no format", version.id));
            }
            if let Some(at) = version.formats.iter().position(|f| *f == Format::Jsonp) {
                let pos = self.pos(&["versions", &index, "formats", &at.to_string()]);
                self.emit(
                    pos,
                    "`jsonp` is JSON wrapped in the client's callback, not a format of its own: \
                     list `json`",
                );
            }
            self.status(version.http_status, &["versions", &index, "http_status"]);
        }
    }

    fn locales(&mut self, spec: &Spec) {
        if spec.locales.is_empty() {
            let pos = self.pos(&["locales"]);
            self.emit(pos, "`locales` must list at least one locale");
        }
        for (i, locale) in spec.locales.iter().enumerate() {
            if !is_locale_tag(locale) {
                let pos = self.pos(&["locales", &i.to_string()]);
                self.emit(
                    pos,
                    format!("`{locale}` is not a locale tag like `en` or `pt-BR`"),
                );
            }
        }
        if let Some(default) = &spec.default_locale
            && !spec.locales.contains(default)
        {
            let pos = self.pos(&["default_locale"]);
            self.emit(
                pos,
                format!("default locale `{default}` is not in `locales`"),
            );
        }
    }

    fn codes(&mut self, spec: &Spec) {
        let mut names: BTreeMap<&str, u32> = BTreeMap::new();
        let versions: BTreeSet<&str> = spec.versions.iter().map(|v| v.id.as_str()).collect();
        for (code, entry) in &spec.codes {
            let key = code.to_string();
            let at = |field: &'static str| ["codes", key.as_str(), field];
            if let Err(problem) = ident::check(&entry.name, Case::Camel) {
                let pos = self.pos(&at("name"));
                self.emit(
                    pos,
                    format!("`{}` cannot be a variant name: {problem}", entry.name),
                );
            }
            if let Some(first) = names.insert(&entry.name, *code) {
                let pos = self.pos(&at("name"));
                let first_pos = self.pos(&["codes", &first.to_string(), "name"]);
                self.out.push(
                    Diagnostic::new(
                        self.source,
                        pos,
                        format!(
                            "name `{}` of code {code} is already the name of code {first}",
                            entry.name
                        ),
                    )
                    .with_note(first_pos, "first used here"),
                );
            }
            for (i, meaning) in entry.meanings.iter().enumerate() {
                if let Err(problem) = ident::check(&meaning.name, Case::Camel) {
                    let pos = self.pos(&["codes", &key, "meanings", &i.to_string(), "name"]);
                    self.emit(
                        pos,
                        format!("`{}` cannot be a meaning name: {problem}", meaning.name),
                    );
                }
            }
            self.message(spec, &entry.message, &key);
            if let Some(status) = &entry.http_status {
                match status {
                    HttpStatus::All(status) => self.status(*status, &at("http_status")),
                    HttpStatus::PerVersion(map) => {
                        for (version, status) in map {
                            let path = ["codes", key.as_str(), "http_status", version.as_str()];
                            if version != "default" && !versions.contains(version.as_str()) {
                                let pos = self.key_pos(&path);
                                let known = versions.iter().copied().collect::<Vec<_>>().join(", ");
                                self.emit(
                                    pos,
                                    format!("unknown version `{version}` (versions: {known}, or `default`)"),
                                );
                            }
                            self.status(*status, &path);
                        }
                    }
                }
            }
            if let Some(legacy) = entry.legacy {
                if !spec.codes.contains_key(&legacy) {
                    let pos = self.pos(&at("legacy"));
                    self.emit(
                        pos,
                        format!("legacy code {legacy} of code {code} is not a code of this spec"),
                    );
                } else if !spec.versions.iter().any(|v| v.legacy_codes) {
                    let pos = self.pos(&at("legacy"));
                    self.emit(
                        pos,
                        "`legacy` is set but no version has `legacy_codes: true`",
                    );
                }
            }
            if let Some(since) = &entry.since
                && !versions.contains(since.as_str())
            {
                let pos = self.pos(&at("since"));
                self.emit(pos, format!("`since` names unknown version `{since}`"));
            }
            if let Some(until) = &entry.until {
                let position = |id: &str| spec.versions.iter().position(|v| v.id == id);
                let pos = self.pos(&at("until"));
                match (position(until), entry.since.as_deref().map(position)) {
                    (None, _) => {
                        self.emit(pos, format!("`until` names unknown version `{until}`"));
                    }
                    (Some(last), Some(Some(first))) if last < first => self.emit(
                        pos,
                        format!("`until` version `{until}` comes before the `since` version"),
                    ),
                    _ => {}
                }
            }
            for (i, change) in entry.changed.iter().enumerate() {
                if !versions.contains(change.version.as_str()) {
                    let index = i.to_string();
                    let pos = self.pos(&["codes", key.as_str(), "changed", &index, "version"]);
                    let version = &change.version;
                    self.emit(pos, format!("`changed` names unknown version `{version}`"));
                }
            }
            if entry.lifecycle == Lifecycle::Retired && entry.note.trim().is_empty() {
                let pos = self.pos(&at("lifecycle"));
                self.emit(
                    pos,
                    format!("retired code {code} needs a `note` saying why it was retired"),
                );
            }
        }
    }

    fn message(&mut self, spec: &Spec, message: &Message, key: &str) {
        let path = ["codes", key, "message"];
        let default = spec.default_locale();
        let texts: Vec<(&str, &str)> = match message {
            Message::Plain(text) => vec![(default, text.as_str())],
            Message::Localized(map) => {
                if !map.contains_key(default) {
                    let pos = self.pos(&path);
                    self.emit(
                        pos,
                        format!("message has no text in the default locale `{default}`"),
                    );
                }
                // The default locale's placeholders are the reference the others must match.
                let mut texts: Vec<(&str, &str)> =
                    map.iter().map(|(l, t)| (l.as_str(), t.as_str())).collect();
                texts.sort_by_key(|(locale, _)| *locale != default);
                texts
            }
        };
        let mut reference: Option<(&str, Placeholders)> = None;
        for (locale, text) in texts {
            // Looked up only when there is something to report: finding a node walks the
            // tree, and doing it for every message made loading quadratic in the codes.
            let here = |this: &Self| {
                if matches!(message, Message::Plain(_)) {
                    this.pos(&path)
                } else {
                    this.pos(&["codes", key, "message", locale])
                }
            };
            if matches!(message, Message::Localized(_)) && !spec.locales.iter().any(|l| l == locale)
            {
                let pos = self.key_pos(&["codes", key, "message", locale]);
                let known = spec.locales.join(", ");
                self.emit(
                    pos,
                    format!("unknown locale `{locale}` (declared locales: {known})"),
                );
            }
            match placeholders::parse(text) {
                Err(problem) => {
                    let pos = here(self);
                    self.emit(pos, format!("message in `{locale}`: {problem}"));
                }
                Ok(found) => match &reference {
                    None => reference = Some((locale, found)),
                    Some((first_locale, expected)) if *expected != found => {
                        let message = format!(
                            "placeholders differ between translations: `{locale}` has {}, `{first_locale}` has {}",
                            found.describe(),
                            expected.describe()
                        );
                        let first_pos = self.pos(&["codes", key, "message", first_locale]);
                        self.out.push(
                            Diagnostic::new(self.source, here(self), message)
                                .with_note(first_pos, format!("`{first_locale}` defined here")),
                        );
                    }
                    Some(_) => {}
                },
            }
        }
    }

    fn status(&mut self, status: u16, path: &[&str]) {
        if !(100..=599).contains(&status) {
            let pos = self.pos(path);
            self.emit(pos, format!("HTTP status {status} is outside 100-599"));
        }
    }
}

/// `en`, `pt-BR`, `zh-Hant`: a language subtag and optional region or script subtags.
fn is_locale_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
