//! The comparison itself: two revisions of one spec, field by field, each difference
//! found under its rule and located in the file that has it.

use std::collections::BTreeMap;

use super::{Rule, SpecFile};
use crate::diagnostic::{Pos, Source};
use crate::model::{Code, HttpStatus, Lifecycle, Message, Spec, Version};
use crate::placeholders;

/// A difference, before the policy gives it a severity.
#[derive(Debug)]
pub(super) struct Found {
    pub rule: Rule,
    pub api: String,
    pub code: Option<u32>,
    pub source: Source,
    pub pos: Pos,
    pub message: String,
}

impl Found {
    /// A difference found at `path` in `file`.
    pub fn at(
        file: &SpecFile,
        path: &[&str],
        rule: Rule,
        code: Option<u32>,
        message: String,
    ) -> Found {
        Found {
            rule,
            api: file.spec.id.clone(),
            code,
            source: file.source.clone(),
            pos: file.locate(path),
            message,
        }
    }
}

/// Every difference between two revisions of the same API.
pub(super) fn specs(old: &SpecFile, new: &SpecFile, out: &mut Vec<Found>) {
    let mut pair = Pair { old, new, out };
    pair.wire();
    pair.versions();
    pair.locales();
    pair.codes();
}

struct Pair<'a> {
    old: &'a SpecFile,
    new: &'a SpecFile,
    out: &'a mut Vec<Found>,
}

/// `codes.<number>.<field>...` as a path.
fn code_path<'p>(key: &'p str, rest: &[&'p str]) -> Vec<&'p str> {
    let mut path = vec!["codes", key];
    path.extend_from_slice(rest);
    path
}

/// How far along its life a code is: a code may only move forward.
fn stage(lifecycle: Lifecycle) -> u8 {
    match lifecycle {
        Lifecycle::Active => 0,
        Lifecycle::Deprecated => 1,
        Lifecycle::Retired => 2,
    }
}

impl Pair<'_> {
    fn in_new(&mut self, path: &[&str], rule: Rule, code: Option<u32>, message: String) {
        self.out
            .push(Found::at(self.new, path, rule, code, message));
    }

    fn in_old(&mut self, path: &[&str], rule: Rule, code: Option<u32>, message: String) {
        self.out
            .push(Found::at(self.old, path, rule, code, message));
    }

    fn wire(&mut self) {
        let (old, new) = (&self.old.spec, &self.new.spec);
        if old.family != new.family {
            self.in_new(
                &["family"],
                Rule::FamilyChanged,
                None,
                format!(
                    "the wire family changed from `{}` to `{}`",
                    old.family.as_str(),
                    new.family.as_str()
                ),
            );
        }
        if old.json_code != new.json_code {
            self.in_new(
                &["json_code"],
                Rule::JsonCodeTypeChanged,
                None,
                format!(
                    "JSON carries the code as a {} instead of a {}",
                    new.json_code.as_str(),
                    old.json_code.as_str()
                ),
            );
        }
    }

    fn versions(&mut self) {
        let (old, new) = (&self.old.spec, &self.new.spec);
        for (i, before) in old.versions.iter().enumerate() {
            let index = i.to_string();
            let Some((j, after)) = new
                .versions
                .iter()
                .enumerate()
                .find(|(_, v)| v.id == before.id)
            else {
                self.in_old(
                    &["versions", &index, "id"],
                    Rule::VersionRemoved,
                    None,
                    format!("version {} is gone", before.id),
                );
                continue;
            };
            let index = j.to_string();
            let at = |field: &'static str| ["versions", index.as_str(), field];
            for format in &before.formats {
                if !after.formats.contains(format) {
                    self.in_new(
                        &at("formats"),
                        Rule::FormatRemoved,
                        None,
                        format!("version {} no longer serves {}", after.id, format.as_str()),
                    );
                }
            }
            for format in &after.formats {
                if !before.formats.contains(format) {
                    self.in_new(
                        &at("formats"),
                        Rule::FormatAdded,
                        None,
                        format!("version {} now serves {}", after.id, format.as_str()),
                    );
                }
            }
            if before.http_status != after.http_status {
                self.in_new(
                    &at("http_status"),
                    Rule::HttpStatusChanged,
                    None,
                    format!(
                        "version {} sends its errors with HTTP {} instead of {}",
                        after.id, after.http_status, before.http_status
                    ),
                );
            }
            if before.legacy_codes != after.legacy_codes {
                let now = if after.legacy_codes {
                    "now sends"
                } else {
                    "no longer sends"
                };
                self.in_new(
                    &at("legacy_codes"),
                    Rule::LegacyChanged,
                    None,
                    format!("version {} {now} the codes' legacy equivalents", after.id),
                );
            }
        }
        for (j, after) in new.versions.iter().enumerate() {
            if !old.versions.iter().any(|v| v.id == after.id) {
                let index = j.to_string();
                self.in_new(
                    &["versions", &index, "id"],
                    Rule::VersionAdded,
                    None,
                    format!("version {} is new", after.id),
                );
            }
        }
    }

    fn locales(&mut self) {
        let (old, new) = (&self.old.spec, &self.new.spec);
        for (i, locale) in old.locales.iter().enumerate() {
            if !new.locales.contains(locale) {
                let index = i.to_string();
                self.in_old(
                    &["locales", &index],
                    Rule::LocaleRemoved,
                    None,
                    format!(
                        "locale `{locale}` is gone: its messages fall back to `{}`",
                        new.default_locale()
                    ),
                );
            }
        }
        for (j, locale) in new.locales.iter().enumerate() {
            if !old.locales.contains(locale) {
                let index = j.to_string();
                self.in_new(
                    &["locales", &index],
                    Rule::LocaleAdded,
                    None,
                    format!("locale `{locale}` is new"),
                );
            }
        }
    }

    /// Codes are matched by number; a name found under another number is a move.
    fn codes(&mut self) {
        let (old, new) = (&self.old.spec, &self.new.spec);
        let number_of = |spec: &Spec, name: &str| {
            spec.codes
                .iter()
                .find(|(_, code)| code.name == name)
                .map(|(number, _)| *number)
        };
        // Names that moved: reported once, at their new number.
        for (&before_number, code) in &old.codes {
            if let Some(after_number) = number_of(new, &code.name)
                && after_number != before_number
            {
                let key = after_number.to_string();
                self.in_new(
                    &["codes", &key],
                    Rule::CodeRenumbered,
                    Some(after_number),
                    format!(
                        "`{}` was code {before_number} and is now {after_number}: clients \
                         that match on {before_number} no longer recognise it",
                        code.name
                    ),
                );
            }
        }
        for (&number, before) in &old.codes {
            let key = number.to_string();
            let Some(after) = new.codes.get(&number) else {
                if number_of(new, &before.name).is_none() {
                    self.in_old(
                        &["codes", &key],
                        Rule::CodeRemoved,
                        Some(number),
                        format!(
                            "code {number} `{}` is gone: keep it with `lifecycle: retired` \
                             and a `note` instead",
                            before.name
                        ),
                    );
                }
                continue;
            };
            if before.name == after.name {
                self.code(number, before, after);
                continue;
            }
            if before.lifecycle == Lifecycle::Retired && after.lifecycle != Lifecycle::Retired {
                self.in_new(
                    &code_path(&key, &["name"]),
                    Rule::RetiredCodeReused,
                    Some(number),
                    format!(
                        "retired code {number} `{}` is used again as `{}`: old bodies with \
                         {number} would be read as the new meaning",
                        before.name, after.name
                    ),
                );
                continue;
            }
            let moved_in = number_of(old, &after.name).is_some();
            let moved_out = number_of(new, &before.name);
            match (moved_in, moved_out) {
                // Reported as the move of `after.name` above.
                (true, _) => {}
                (false, Some(elsewhere)) => self.in_new(
                    &code_path(&key, &["name"]),
                    Rule::CodeRenumbered,
                    Some(number),
                    format!(
                        "code {number} was `{}` (now {elsewhere}) and is now given to `{}`",
                        before.name, after.name
                    ),
                ),
                (false, None) => {
                    self.in_new(
                        &code_path(&key, &["name"]),
                        Rule::VariantRenamed,
                        Some(number),
                        format!(
                            "code {number} is renamed from `{}` to `{}`: code that names \
                             the variant no longer compiles",
                            before.name, after.name
                        ),
                    );
                    self.code(number, before, after);
                }
            }
        }
        for (&number, after) in &new.codes {
            if old.codes.contains_key(&number) || number_of(old, &after.name).is_some() {
                continue;
            }
            let key = number.to_string();
            if let Some(why) = old.reserved.get(&number) {
                self.in_new(
                    &["codes", &key],
                    Rule::RetiredCodeReused,
                    Some(number),
                    format!(
                        "code {number} `{}` uses a reserved number ({})",
                        after.name,
                        why.trim()
                    ),
                );
                continue;
            }
            self.in_new(
                &["codes", &key],
                Rule::CodeAdded,
                Some(number),
                format!("code {number} `{}` is new", after.name),
            );
            if after.since.is_none() {
                let latest = new.versions.last().map_or("", |v| v.id.as_str());
                self.in_new(
                    &["codes", &key],
                    Rule::SinceMissing,
                    Some(number),
                    format!(
                        "new code {number} `{}` has no `since`: name the version that \
                         brought it (`since: \"{latest}\"`?)",
                        after.name
                    ),
                );
            }
        }
    }

    /// The differences of one code that both revisions have under one number.
    fn code(&mut self, number: u32, before: &Code, after: &Code) {
        let key = number.to_string();
        let code = Some(number);
        self.messages(number, before, after);
        if before.title != after.title {
            self.in_new(
                &code_path(&key, &["title"]),
                Rule::TextChanged,
                code,
                format!("the title of code {number} changed"),
            );
        }
        if before.description != after.description {
            self.in_new(
                &code_path(&key, &["description"]),
                Rule::TextChanged,
                code,
                format!("the description of code {number} changed"),
            );
        }
        self.statuses(number, before, after);
        if before.retry != after.retry {
            self.in_new(
                &code_path(&key, &["retry"]),
                Rule::RetryChanged,
                code,
                format!(
                    "the retry advice of code {number} changed from `{}` to `{}`",
                    before.retry.as_str(),
                    after.retry.as_str()
                ),
            );
        }
        if before.legacy != after.legacy {
            let shown = |legacy: Option<u32>| legacy.map_or("none".to_owned(), |n| n.to_string());
            self.in_new(
                &code_path(&key, &["legacy"]),
                Rule::LegacyChanged,
                code,
                format!(
                    "the legacy equivalent of code {number} changed from {} to {}",
                    shown(before.legacy),
                    shown(after.legacy)
                ),
            );
        }
        let (was, is) = (stage(before.lifecycle), stage(after.lifecycle));
        if was != is {
            let rule = if is < was {
                Rule::LifecycleBackwards
            } else {
                Rule::CodeDeprecated
            };
            self.in_new(
                &code_path(&key, &["lifecycle"]),
                rule,
                code,
                format!(
                    "code {number} went from {} to {}",
                    before.lifecycle.as_str(),
                    after.lifecycle.as_str()
                ),
            );
        }
    }

    /// Placeholders and wording, per locale both revisions have. Locales that show the same
    /// text of the file (a plain message read in every locale) are reported once.
    fn messages(&mut self, number: u32, before: &Code, after: &Code) {
        let (old, new) = (&self.old.spec, &self.new.spec);
        let key = number.to_string();
        let mut placeholders_changed: BTreeMap<Vec<String>, (Vec<&str>, String)> = BTreeMap::new();
        let mut reworded: BTreeMap<Vec<String>, Vec<&str>> = BTreeMap::new();
        for locale in new.locales.iter().filter(|l| old.locales.contains(l)) {
            let (Some(was), Some(is)) = (
                text(old, &before.message, locale),
                text(new, &after.message, locale),
            ) else {
                continue;
            };
            if was == is {
                continue;
            }
            let path = match &after.message {
                Message::Localized(map) if map.contains_key(locale.as_str()) => {
                    vec![locale.clone()]
                }
                _ => Vec::new(),
            };
            let (Ok(was_names), Ok(is_names)) = (placeholders::parse(was), placeholders::parse(is))
            else {
                continue;
            };
            if was_names == is_names {
                reworded.entry(path).or_default().push(locale);
            } else {
                let detail = format!(
                    "{} instead of {}",
                    is_names.describe(),
                    was_names.describe()
                );
                placeholders_changed
                    .entry(path)
                    .or_insert_with(|| (Vec::new(), detail))
                    .0
                    .push(locale);
            }
        }
        for (path, (locales, detail)) in placeholders_changed {
            let mut at = code_path(&key, &["message"]);
            at.extend(path.iter().map(String::as_str));
            self.in_new(
                &at,
                Rule::PlaceholdersChanged,
                Some(number),
                format!(
                    "the message of code {number} ({}) has {detail}",
                    locales.join(", ")
                ),
            );
        }
        for (path, locales) in reworded {
            let mut at = code_path(&key, &["message"]);
            at.extend(path.iter().map(String::as_str));
            self.in_new(
                &at,
                Rule::TextChanged,
                Some(number),
                format!(
                    "the message of code {number} ({}) is reworded",
                    locales.join(", ")
                ),
            );
        }
    }

    /// HTTP statuses per version both revisions have, where the code itself names the
    /// status in either: a version's own default that changed is reported at the version.
    fn statuses(&mut self, number: u32, before: &Code, after: &Code) {
        let (old, new) = (&self.old.spec, &self.new.spec);
        let mut changed = Vec::new();
        for after_version in &new.versions {
            let Some(before_version) = old.versions.iter().find(|v| v.id == after_version.id)
            else {
                continue;
            };
            let own_before = own_status(before, before_version);
            let own_after = own_status(after, after_version);
            if own_before.is_none() && own_after.is_none() {
                continue;
            }
            let (was, is) = (
                before.http_status_in(before_version),
                after.http_status_in(after_version),
            );
            if was != is {
                changed.push(format!(
                    "{is} instead of {was} in version {}",
                    after_version.id
                ));
            }
        }
        if changed.is_empty() {
            return;
        }
        let key = number.to_string();
        self.in_new(
            &code_path(&key, &["http_status"]),
            Rule::HttpStatusChanged,
            Some(number),
            format!("code {number} is sent with HTTP {}", changed.join(", ")),
        );
    }
}

/// The message of `message` in `locale`, falling back to the default locale as a server
/// would.
fn text<'a>(spec: &Spec, message: &'a Message, locale: &str) -> Option<&'a str> {
    let default = spec.default_locale();
    message
        .get(locale, default)
        .or_else(|| message.get(default, default))
}

/// The status the code itself names for `version`, if any.
fn own_status(code: &Code, version: &Version) -> Option<u16> {
    match &code.http_status {
        None => None,
        Some(HttpStatus::All(status)) => Some(*status),
        Some(HttpStatus::PerVersion(map)) => {
            map.get(&version.id).or_else(|| map.get("default")).copied()
        }
    }
}
