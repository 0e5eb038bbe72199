//! A valid spec resolved once for the emitters: per code, the versions that send it with
//! its HTTP status in each, its default message, its legacy target and the codes it is sent
//! instead of.
//!
//! Every fact follows the rules in `emit::facts`; it is computed here once per spec, in time
//! linear in the codes, so that emitters read it instead of deriving it again for each code
//! (which, for the codes a legacy code stands in for, meant a scan of every code per code).

use std::collections::HashMap;

use crate::emit::facts;
use crate::model::{Code, Format, Spec, Version};

/// A spec and the facts every emitter needs about it and its codes.
#[derive(Debug, Clone)]
pub(crate) struct Resolved<'s> {
    pub spec: &'s Spec,
    /// Every format any version serves, XML first.
    pub formats: Vec<Format>,
    /// The ids of the versions that send legacy codes, oldest first.
    pub legacy_versions: Vec<&'s str>,
    /// Every code, in ascending order of number.
    pub codes: Vec<ResolvedCode<'s>>,
}

/// One code and what follows from the spec about it.
#[derive(Debug, Clone)]
pub(crate) struct ResolvedCode<'s> {
    pub number: u32,
    pub code: &'s Code,
    /// The message in the spec's default locale.
    pub default_message: &'s str,
    /// The code that versions with `legacy_codes` send instead of this one.
    pub legacy: Option<u32>,
    /// The codes that name this one as their legacy equivalent, ascending. A code with any
    /// is a legacy code: only the versions with `legacy_codes` send it.
    pub sent_instead_of: Vec<u32>,
    /// The versions that send the code, oldest first, with its HTTP status in each.
    pub sending: Vec<Sending<'s>>,
}

/// A version that sends a code, and the code's HTTP status in it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sending<'s> {
    /// The version's position in the spec's `versions`.
    pub index: usize,
    pub version: &'s Version,
    pub http_status: u16,
}

impl<'s> Resolved<'s> {
    /// Resolves every code of `spec`, which must have passed validation.
    pub fn new(spec: &'s Spec) -> Self {
        let mut sent_instead_of: HashMap<u32, Vec<u32>> = HashMap::new();
        for (&number, code) in &spec.codes {
            if let Some(legacy) = code.legacy {
                sent_instead_of.entry(legacy).or_default().push(number);
            }
        }
        let codes = spec
            .codes
            .iter()
            .map(|(&number, code)| {
                let sent_instead_of = sent_instead_of.remove(&number).unwrap_or_default();
                let is_legacy = !sent_instead_of.is_empty();
                let sending = facts::sending_versions(spec, code, is_legacy)
                    .map(|(index, version)| Sending {
                        index,
                        version,
                        http_status: code.http_status_in(version),
                    })
                    .collect();
                ResolvedCode {
                    number,
                    code,
                    default_message: facts::default_message(spec, code),
                    legacy: code.legacy,
                    sent_instead_of,
                    sending,
                }
            })
            .collect();
        Resolved {
            spec,
            formats: facts::formats(spec),
            legacy_versions: spec
                .versions
                .iter()
                .filter(|v| v.legacy_codes)
                .map(|v| v.id.as_str())
                .collect(),
            codes,
        }
    }

    /// The code numbered `number`.
    pub fn code(&self, number: u32) -> Option<&ResolvedCode<'s>> {
        self.codes
            .binary_search_by_key(&number, |code| code.number)
            .ok()
            .map(|index| &self.codes[index])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> Spec {
        let text = r#"
id: shop
title: Shop
docs_url: https://x
family: ampache
json_code: string
code_ranges: [[1, 99]]
locales: [en]
versions:
  - id: "3"
    formats: [xml]
    legacy_codes: true
    http_status: 200
  - id: "4"
    formats: [xml, json]
    legacy_codes: true
  - id: "5"
    formats: [json]
codes:
  1:
    name: Old
    title: t
    description: d
    message: old
    retry: never
  2:
    name: New
    title: t
    description: d
    message: new
    retry: never
    legacy: 1
    http_status: {"4": 404, default: 400}
  3:
    name: Newer
    title: t
    description: d
    message: {en: newer}
    retry: never
    legacy: 1
    since: "4"
  5:
    name: Gone
    title: t
    description: d
    message: gone
    retry: never
    until: "4"
    lifecycle: retired
    note: n
"#;
        crate::load_str("shop.yaml", text).unwrap_or_else(|report| panic!("{report}"))
    }

    /// The resolved facts are those `facts` derives for one code at a time.
    #[test]
    fn agrees_with_the_facts_of_each_code() {
        let spec = spec();
        let resolved = Resolved::new(&spec);
        assert_eq!(resolved.codes.len(), spec.codes.len());
        assert_eq!(resolved.legacy_versions, ["3", "4"]);
        assert_eq!(resolved.formats, facts::formats(&spec));
        for (&number, code) in &spec.codes {
            let r = resolved.code(number).expect("every code is resolved");
            assert_eq!((r.number, r.code), (number, code));
            assert_eq!(
                !r.sent_instead_of.is_empty(),
                facts::is_legacy_code(&spec, number)
            );
            assert_eq!(r.legacy, code.legacy);
            assert_eq!(r.default_message, facts::default_message(&spec, code));
            let versions: Vec<&Version> = r.sending.iter().map(|s| s.version).collect();
            assert_eq!(versions, facts::versions_sending(&spec, number, code));
            for sending in &r.sending {
                assert_eq!(sending.version, &spec.versions[sending.index]);
                assert_eq!(
                    sending.http_status,
                    facts::http_status(&spec, number, sending.version)
                );
            }
        }
        let old = resolved.code(1).expect("code 1");
        assert_eq!(old.sent_instead_of, [2, 3]);
        let ids: Vec<&str> = old.sending.iter().map(|s| s.version.id.as_str()).collect();
        assert_eq!(ids, ["3", "4"]);
        let new = resolved.code(2).expect("code 2");
        let statuses: Vec<u16> = new.sending.iter().map(|s| s.http_status).collect();
        assert_eq!(statuses, [400, 404, 400]);
        assert_eq!(resolved.code(3).map(|c| c.sending.len()), Some(2));
        assert!(resolved.code(4).is_none());
        // `until`: sent up to that version, not after.
        let gone = resolved.code(5).expect("code 5");
        let ids: Vec<&str> = gone.sending.iter().map(|s| s.version.id.as_str()).collect();
        assert_eq!(ids, ["3", "4"]);
    }

    /// `until` names a version of the spec, no earlier than `since`.
    #[test]
    fn until_is_checked() {
        let text = |since: &str, until: &str| {
            format!(
                "id: shop\ntitle: Shop\ndocs_url: https://x\nfamily: lastfm\njson_code: number\n\
                 code_ranges: [[1, 99]]\nlocales: [en]\nversions:\n  - id: \"1\"\n    formats: [xml]\n\
                 \x20 - id: \"2\"\n    formats: [json]\ncodes:\n  1:\n    name: A\n    title: t\n\
                 \x20   description: d\n    message: m\n    retry: never\n    since: \"{since}\"\n\
                 \x20   until: \"{until}\"\n"
            )
        };
        assert!(crate::load_str("shop.yaml", &text("1", "2")).is_ok());
        for (since, until, says) in [
            ("1", "3", "unknown version `3`"),
            ("2", "1", "comes before"),
        ] {
            let report = crate::load_str("shop.yaml", &text(since, until))
                .err()
                .map(|report| report.to_string())
                .unwrap_or_default();
            assert!(report.contains(says), "{since}..{until}: {report}");
        }
    }
}
