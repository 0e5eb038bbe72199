//! The message `render` sends: `--message` as given, or the spec's message for the code in
//! `--locale` with its placeholders filled from `--field`.

use errors_codegen::facts::{self, Unfilled};
use errors_codegen::model::{Code, Spec};

use super::Args;
use crate::Failure;

/// The message for code `number` (`code` when the spec has it). A `--locale` the spec does
/// not have, a placeholder without a `--field`, a `--field` the message has no placeholder
/// for and a code without a spec message or `--message` are usage errors.
pub fn message(
    spec: &Spec,
    number: u32,
    code: Option<&Code>,
    args: &Args,
) -> Result<String, Failure> {
    let locale = args.locale.as_deref();
    if let Some(locale) = locale.filter(|l| !spec.locales.iter().any(|known| known == l)) {
        return Err(Failure::Usage(format!(
            "error: --locale {}: {} has messages in {}",
            errors_codegen::excerpt(locale),
            spec.id,
            spec.locales.join(", ")
        )));
    }
    if let Some(message) = &args.message {
        return match (args.fields.first(), locale) {
            (Some((name, _)), _) => Err(Failure::Usage(format!(
                "error: --field {}: --message is sent as given; fill the spec's message \
                 with --field, or write the whole message with --message",
                errors_codegen::excerpt(name)
            ))),
            (None, Some(_)) => Err(Failure::Usage(
                "error: --locale picks the spec's message; --message is sent as given".to_owned(),
            )),
            (None, None) => Ok(message.clone()),
        };
    }
    let Some(code) = code else {
        return Err(Failure::Usage(format!(
            "error: code {number} is not in the {} spec, so it has no message: give one with \
             --message",
            spec.id
        )));
    };
    let template = match locale {
        Some(locale) => facts::message_in(spec, code, locale).unwrap_or_default(),
        None => facts::default_message(spec, code),
    };
    let values: Vec<(&str, &str)> = args
        .fields
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    let used = facts::placeholders(template);
    if let Some((name, _)) = args.fields.iter().find(|(name, _)| !used.contains(name)) {
        return Err(Failure::Usage(format!(
            "error: --field {name}: the message of {} {number} has no `{{{name}}}` \
             (its message: `{template}`)",
            spec.id,
            name = errors_codegen::excerpt(name)
        )));
    }
    facts::fill(template, &values).map_err(|unfilled| match unfilled {
        Unfilled::Missing(names) => Failure::Usage(format!(
            "error: the message of {} {number} (`{template}`) needs {}: give {}, or the \
             whole message with --message",
            spec.id,
            names
                .iter()
                .map(|n| format!("`{{{n}}}`"))
                .collect::<Vec<_>>()
                .join(", "),
            names
                .iter()
                .map(|n| format!("--field {n}=VALUE"))
                .collect::<Vec<_>>()
                .join(" ")
        )),
        Unfilled::Malformed(why) => Failure::Findings(format!(
            "error: the message of {} {number} is not a well-formed template: {why}",
            spec.id
        )),
    })
}
