//! Rules a well-typed spec must still follow: names that make valid, distinct Rust
//! identifiers that hide nothing of the generated code, ids that are plain file names, codes
//! inside the declared ranges, lists without repeats, translations that agree and are all
//! there, statuses that exist, retired codes that say why. Every problem is reported at its
//! node; a missing translation is a warning, every other problem an error.

mod locate;
mod names;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::diagnostic::{Diagnostic, Pos, Source, excerpt, quote};
use crate::ident::{self, Case};
use crate::model::{Family, Format, HttpStatus, Lifecycle, Message, Spec};
use crate::placeholders::{self, Placeholders};
use crate::yaml::Node;
use locate::Locator;

/// Crates the generated catalogs name by path: an API id may not shadow them.
const CRATES_USED: [&str; 1] = ["errors_core"];

/// What the structural check could not read, so that the rules neither report it again nor
/// report as missing what is only unread.
#[derive(Debug, Default)]
pub struct Unread {
    /// Top-level keys whose value is missing or lost part of itself (see
    /// `structure::Checked::incomplete`): rules that need all of it are skipped.
    pub incomplete: BTreeSet<String>,
    /// Every number under `codes` in the file, including the codes that could not be read.
    pub codes: HashSet<u32>,
}

/// Every rule broken by `spec`, located through `tree` (the located tree `spec` was read from).
pub fn check(spec: &Spec, tree: &Node, source: &Source, unread: &Unread) -> Vec<Diagnostic> {
    let mut v = Validator {
        at: Locator::new(tree),
        source,
        unread,
        out: Vec::new(),
    };
    v.api(spec);
    v.versions(spec);
    v.locales(spec);
    v.codes(spec);
    v.out
}

struct Validator<'a> {
    at: Locator<'a>,
    source: &'a Source,
    unread: &'a Unread,
    out: Vec<Diagnostic>,
}

/// Each item of `items` that repeats an earlier one, with the index of its first occurrence.
fn repeats<'i, T: Eq + std::hash::Hash + ?Sized>(
    items: impl IntoIterator<Item = &'i T>,
) -> Vec<(usize, usize, &'i T)> {
    let mut first: HashMap<&T, usize> = HashMap::new();
    let mut out = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        match first.get(item) {
            Some(&at) => out.push((index, at, item)),
            None => {
                first.insert(item, index);
            }
        }
    }
    out
}

impl Validator<'_> {
    fn pos(&self, path: &[&str]) -> Pos {
        self.at.pos(path)
    }

    fn key_pos(&self, path: &[&str]) -> Pos {
        self.at.key_pos(path)
    }

    /// Whether the top-level value `key` was read whole.
    fn complete(&self, key: &str) -> bool {
        !self.unread.incomplete.contains(key)
    }

    fn emit(&mut self, pos: Pos, message: impl Into<String>) {
        self.out.push(Diagnostic::new(self.source, pos, message));
    }

    /// An error at `pos` with a note at the first occurrence of what it repeats.
    fn repeated(&mut self, pos: Pos, message: String, first: Pos, note: &str) {
        self.out
            .push(Diagnostic::new(self.source, pos, message).with_note(first, note));
    }

    fn api(&mut self, spec: &Spec) {
        if self.complete("id") {
            self.id(&spec.id);
        }
        if spec.codes.is_empty() && self.complete("codes") {
            let pos = self.key_pos(&["codes"]);
            self.emit(pos, "empty spec: `codes` has no codes");
        }
        if self.complete("code_ranges") {
            self.ranges(spec);
        }
        if self.complete("family") && self.complete("json_code") {
            self.json_code(spec);
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

    /// `json_code` must be how the family's bodies carry the code: the renderers write it
    /// the family's way whatever the spec says, while the catalog's serde follows
    /// `json_code`, so any other value would have the two disagree.
    fn json_code(&mut self, spec: &Spec) {
        let wire = spec.family.json_code();
        if spec.json_code == wire {
            return;
        }
        let pos = self.pos(&["json_code"]);
        let bodies = match spec.family {
            Family::Problem => "problem details bodies".to_owned(),
            family => format!("{family} bodies"),
        };
        self.emit(
            pos,
            format!(
                "`json_code: {}` does not match the wire: {bodies} carry the code as a JSON {} \
                 (family `{}`); write `json_code: {}`",
                spec.json_code.as_str(),
                wire.as_str(),
                spec.family.as_str(),
                wire.as_str()
            ),
        );
    }

    fn id(&mut self, id: &str) {
        let pos = self.pos(&["id"]);
        let problem = match ident::check(id, Case::Snake) {
            Err(problem) => Some(problem),
            // The id names the module the catalog defines; one named like a crate the
            // generated code reaches shadows that crate where the catalog is included.
            Ok(()) if CRATES_USED.contains(&id) => {
                Some("it is the name of a crate the generated code uses".to_owned())
            }
            // It also names files: `docs/<id>.md`, `fixtures/<id>/`, `<id>.rs`.
            Ok(()) => names::file_name_problem(id).map(|problem| {
                format!("it names files (`<id>.rs`, `docs/<id>.md`), and {problem}")
            }),
        };
        if let Some(problem) = problem {
            self.emit(
                pos,
                format!("{} cannot be the API id: {problem}", quote(id)),
            );
        }
    }

    fn ranges(&mut self, spec: &Spec) {
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
        let mut ranges = None;
        for code in spec.codes.keys() {
            if !in_range(*code) {
                let pos = self.key_pos(&["codes", &code.to_string()]);
                let ranges = ranges.get_or_insert_with(|| {
                    spec.code_ranges
                        .iter()
                        .map(|[a, b]| format!("{a}-{b}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                });
                self.emit(
                    pos,
                    format!(
                        "code {code} is outside the declared code_ranges ({})",
                        excerpt(ranges)
                    ),
                );
            }
        }
    }

    fn versions(&mut self, spec: &Spec) {
        if spec.versions.is_empty() && self.complete("versions") {
            let pos = self.pos(&["versions"]);
            self.emit(pos, "`versions` must list at least one version");
        }
        let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
        // The ids in lower case: two that differ only in case name one folder on Windows.
        let mut folded: BTreeMap<String, usize> = BTreeMap::new();
        let mut names: BTreeMap<String, usize> = BTreeMap::new();
        for (i, version) in spec.versions.iter().enumerate() {
            let index = i.to_string();
            if let Some(problem) = names::file_name_problem(&version.id) {
                let pos = self.pos(&["versions", &index, "id"]);
                self.emit(
                    pos,
                    format!(
                        "{} cannot be a version id: it names folders \
                         (`fixtures/<api>/api<version>/`), and {problem}",
                        quote(&version.id)
                    ),
                );
            }
            if let Some(first) = ids.insert(&version.id, i) {
                let pos = self.pos(&["versions", &index, "id"]);
                let first_pos = self.pos(&["versions", &first.to_string(), "id"]);
                let message = format!("version {} is listed twice", quote(&version.id));
                self.repeated(pos, message, first_pos, "first defined here");
            } else if let Some(first) = folded.insert(version.id.to_lowercase(), i) {
                // `api1.0b` and `api1.0B` are one folder where the file system ignores case.
                let pos = self.pos(&["versions", &index, "id"]);
                let first_pos = self.pos(&["versions", &first.to_string(), "id"]);
                let message = format!(
                    "version {} differs from version {} only in case: both name the folder \
                     `fixtures/<api>/api<version>/`, which is one folder on a file system that \
                     ignores case (Windows, macOS)",
                    quote(&version.id),
                    quote(&spec.versions[first].id)
                );
                self.repeated(pos, message, first_pos, "the other version");
            }
            let name = version.variant_name();
            // A name derived from the id is reported at the id.
            let named_by = if version.name.is_some() { "name" } else { "id" };
            if let Err(problem) = ident::check(&name, Case::Camel) {
                let pos = self.pos(&["versions", &index, named_by]);
                self.emit(
                    pos,
                    format!("{} cannot be a version name: {problem}", quote(&name)),
                );
            }
            if let Some(first) = names.insert(name.clone(), i) {
                let pos = self.pos(&["versions", &index, named_by]);
                let first_named_by = match spec.versions[first].name {
                    Some(_) => "name",
                    None => "id",
                };
                let first_pos = self.pos(&["versions", &first.to_string(), first_named_by]);
                let message = format!("version name {} is used twice", quote(&name));
                self.repeated(pos, message, first_pos, "first used here");
            }
            if version.formats.is_empty() {
                let pos = self.pos(&["versions", &index, "formats"]);
                self.emit(
                    pos,
                    format!("version {} serves no format", quote(&version.id)),
                );
            }
            for (at, first, format) in repeats(&version.formats) {
                let path = ["versions", index.as_str(), "formats"];
                let pos = self.pos(&[&path[..], &[at.to_string().as_str()]].concat());
                let first_pos = self.pos(&[&path[..], &[first.to_string().as_str()]].concat());
                let message = format!(
                    "format `{}` is listed twice for version {}",
                    format.as_str(),
                    quote(&version.id)
                );
                self.repeated(pos, message, first_pos, "first listed here");
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
        if spec.locales.is_empty() && self.complete("locales") {
            let pos = self.pos(&["locales"]);
            self.emit(pos, "`locales` must list at least one locale");
        }
        for (i, locale) in spec.locales.iter().enumerate() {
            if !is_locale_tag(locale) {
                let pos = self.pos(&["locales", &i.to_string()]);
                self.emit(
                    pos,
                    format!("{} is not a locale tag like `en` or `pt-BR`", quote(locale)),
                );
            }
        }
        for (at, first, locale) in repeats(spec.locales.iter().map(String::as_str)) {
            let pos = self.pos(&["locales", &at.to_string()]);
            let first_pos = self.pos(&["locales", &first.to_string()]);
            let message = format!("locale {} is listed twice in `locales`", quote(locale));
            self.repeated(pos, message, first_pos, "first listed here");
        }
        if let Some(default) = &spec.default_locale
            && !spec.locales.contains(default)
            && self.complete("locales")
            && self.complete("default_locale")
        {
            let pos = self.pos(&["default_locale"]);
            self.emit(
                pos,
                format!("default locale {} is not in `locales`", quote(default)),
            );
        }
        if let Some(default) = &spec.default_version
            && !spec.versions.iter().any(|v| &v.id == default)
        {
            let pos = self.pos(&["default_version"]);
            self.emit(
                pos,
                format!("default version `{default}` is not the id of one of `versions`"),
            );
        }
    }

    fn codes(&mut self, spec: &Spec) {
        let mut names: BTreeMap<&str, u32> = BTreeMap::new();
        let versions: BTreeSet<&str> = spec.versions.iter().map(|v| v.id.as_str()).collect();
        let versions_known = self.complete("versions");
        for (code, entry) in &spec.codes {
            let key = code.to_string();
            let at = |field: &'static str| ["codes", key.as_str(), field];
            let problem = ident::check(&entry.name, Case::Camel)
                .err()
                .or_else(|| names::taken(&entry.name).map(str::to_owned));
            if let Some(problem) = problem {
                let pos = self.pos(&at("name"));
                self.emit(
                    pos,
                    format!("{} cannot be a variant name: {problem}", quote(&entry.name)),
                );
            }
            if let Some(first) = names.insert(&entry.name, *code) {
                let pos = self.pos(&at("name"));
                let first_pos = self.pos(&["codes", &first.to_string(), "name"]);
                let message = format!(
                    "name {} of code {code} is already the name of code {first}",
                    quote(&entry.name)
                );
                self.repeated(pos, message, first_pos, "first used here");
            }
            self.lists(*code, entry);
            self.message(spec, &entry.message, &key);
            if let Some(status) = &entry.http_status {
                match status {
                    HttpStatus::All(status) => self.status(*status, &at("http_status")),
                    HttpStatus::PerVersion(map) => {
                        for (version, status) in map {
                            let path = ["codes", key.as_str(), "http_status", version.as_str()];
                            if version != "default"
                                && versions_known
                                && !versions.contains(version.as_str())
                            {
                                let pos = self.key_pos(&path);
                                let known = versions.iter().copied().collect::<Vec<_>>().join(", ");
                                self.emit(
                                    pos,
                                    format!(
                                        "unknown version {} (versions: {}, or `default`)",
                                        quote(version),
                                        excerpt(&known)
                                    ),
                                );
                            }
                            self.status(*status, &path);
                        }
                    }
                }
            }
            if let Some(legacy) = entry.legacy {
                let pos = self.pos(&at("legacy"));
                if legacy == *code {
                    self.emit(
                        pos,
                        format!("code {code} names itself as its legacy equivalent"),
                    );
                } else if !spec.codes.contains_key(&legacy) && !self.unread.codes.contains(&legacy)
                {
                    self.emit(
                        pos,
                        format!("legacy code {legacy} of code {code} is not a code of this spec"),
                    );
                } else if versions_known && !spec.versions.iter().any(|v| v.legacy_codes) {
                    self.emit(
                        pos,
                        "`legacy` is set but no version has `legacy_codes: true`",
                    );
                }
            }
            if let Some(since) = &entry.since
                && versions_known
                && !versions.contains(since.as_str())
            {
                let pos = self.pos(&at("since"));
                self.emit(
                    pos,
                    format!("`since` names unknown version {}", quote(since)),
                );
            }
            if let Some(until) = &entry.until
                && versions_known
            {
                let position = |id: &str| spec.versions.iter().position(|v| v.id == id);
                let pos = self.pos(&at("until"));
                match (position(until), entry.since.as_deref().map(position)) {
                    (None, _) => {
                        self.emit(
                            pos,
                            format!("`until` names unknown version {}", quote(until)),
                        );
                    }
                    (Some(last), Some(Some(first))) if last < first => self.emit(
                        pos,
                        format!(
                            "`until` version {} comes before the `since` version",
                            quote(until)
                        ),
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

    /// A code's lists hold each item once: its error types, and its meanings by name.
    fn lists(&mut self, code: u32, entry: &crate::model::Code) {
        let key = code.to_string();
        for (i, meaning) in entry.meanings.iter().enumerate() {
            if let Err(problem) = ident::check(&meaning.name, Case::Camel) {
                let pos = self.pos(&["codes", &key, "meanings", &i.to_string(), "name"]);
                self.emit(
                    pos,
                    format!(
                        "{} cannot be a meaning name: {problem}",
                        quote(&meaning.name)
                    ),
                );
            }
        }
        let meanings = entry.meanings.iter().map(|m| m.name.as_str());
        for (at, first, name) in repeats(meanings) {
            let pos = self.pos(&["codes", &key, "meanings", &at.to_string(), "name"]);
            let first_pos = self.pos(&["codes", &key, "meanings", &first.to_string(), "name"]);
            let message = format!("meaning {} is listed twice for code {code}", quote(name));
            self.repeated(pos, message, first_pos, "first listed here");
        }
        let error_types = entry.error_types.iter().map(String::as_str);
        for (at, first, error_type) in repeats(error_types) {
            let pos = self.pos(&["codes", &key, "error_types", &at.to_string()]);
            let first_pos = self.pos(&["codes", &key, "error_types", &first.to_string()]);
            let message = format!(
                "error type {} is listed twice for code {code}",
                quote(error_type)
            );
            self.repeated(pos, message, first_pos, "first listed here");
        }
    }

    fn message(&mut self, spec: &Spec, message: &Message, key: &str) {
        let path = ["codes", key, "message"];
        let default = spec.default_locale();
        let locales_known = self.complete("locales") && self.complete("default_locale");
        let texts: Vec<(&str, &str)> = match message {
            Message::Plain(text) => vec![(default, text.as_str())],
            Message::Localized(map) => {
                if !map.contains_key(default) && locales_known {
                    let pos = self.pos(&path);
                    self.emit(
                        pos,
                        format!(
                            "message has no text in the default locale {}",
                            quote(default)
                        ),
                    );
                }
                // The default locale's placeholders are the reference the others must match.
                let mut texts: Vec<(&str, &str)> =
                    map.iter().map(|(l, t)| (l.as_str(), t.as_str())).collect();
                texts.sort_by_key(|(locale, _)| *locale != default);
                texts
            }
        };
        if locales_known {
            self.translations(spec, message, &path);
        }
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
            if matches!(message, Message::Localized(_))
                && locales_known
                && !spec.locales.iter().any(|l| l == locale)
            {
                let pos = self.key_pos(&["codes", key, "message", locale]);
                let known = spec.locales.join(", ");
                self.emit(
                    pos,
                    format!(
                        "unknown locale {} (declared locales: {})",
                        quote(locale),
                        excerpt(&known)
                    ),
                );
            }
            match placeholders::parse(text) {
                Err(problem) => {
                    let pos = here(self);
                    self.emit(pos, format!("message in {}: {problem}", quote(locale)));
                }
                Ok(found) => match &reference {
                    None => reference = Some((locale, found)),
                    Some((first_locale, expected)) if *expected != found => {
                        let message = format!(
                            "placeholders differ between translations: {} has {}, {} has {}",
                            quote(locale),
                            found.describe(),
                            quote(first_locale),
                            expected.describe()
                        );
                        let first_pos = self.pos(&["codes", key, "message", first_locale]);
                        self.out.push(
                            Diagnostic::new(self.source, here(self), message).with_note(
                                first_pos,
                                format!("{} defined here", quote(first_locale)),
                            ),
                        );
                    }
                    Some(_) => {}
                },
            }
        }
    }

    /// A warning for a message without a text in every locale `locales` declares: clients
    /// asking for one of those get the default locale's text.
    fn translations(&mut self, spec: &Spec, message: &Message, path: &[&str]) {
        let default = spec.default_locale();
        let mut seen = HashSet::new();
        let missing: Vec<&str> = spec
            .locales
            .iter()
            .map(String::as_str)
            .filter(|locale| *locale != default && message.get(locale, default).is_none())
            .filter(|locale| seen.insert(*locale))
            .collect();
        if missing.is_empty() {
            return;
        }
        const SHOWN: usize = 4;
        let mut listed: Vec<String> = missing.iter().take(SHOWN).map(|l| quote(l)).collect();
        if missing.len() > SHOWN {
            listed.push(format!("{} more", missing.len() - SHOWN));
        }
        let pos = self.pos(path);
        self.out.push(Diagnostic::warning(
            self.source,
            pos,
            format!(
                "message has no translation into {}, declared in `locales`: clients asking \
                 for {} get the {} text",
                listed.join(", "),
                if missing.len() == 1 { "it" } else { "them" },
                quote(default)
            ),
        ));
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
