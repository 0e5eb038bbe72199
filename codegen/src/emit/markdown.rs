//! Markdown documentation of a spec: docs/<api>.md, and the docs/README.md index.
//!
//! Every example body comes from [`bodies`], so a doc example is the very fixture a client
//! tests against and the very body the server crate renders.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use pulldown_cmark::HeadingLevel;

use crate::emit::bodies::{self, Sample};
use crate::emit::commonmark::{
    code_span, contained, heading_text, inline, longest_run, table_cell, url,
};
use crate::emit::facts;
use crate::model::{Code, Format, Lifecycle, Message, Spec};
use crate::resolved::{Resolved, ResolvedCode};

/// The folder the docs live in, relative to the workspace root.
pub const DIR: &str = "docs";

/// The command that regenerates everything, named in every stamp: the installed command,
/// since a user's own docs are generated outside this workspace.
pub const REGENERATE: &str = "errors-codegen generate";

/// The file name of one spec's page.
pub fn file_name(spec: &Spec) -> String {
    format!("{}.md", spec.id)
}

/// One spec's page. `source` is the spec's path as the stamp names it.
pub(crate) fn page(resolved: &Resolved<'_>, source: &Path) -> String {
    let spec = resolved.spec;
    let mut out = String::new();
    stamp(&mut out, &source.display().to_string());
    let _ = writeln!(out, "# {} errors\n", heading_text(&spec.title));
    let _ = writeln!(
        out,
        "Every error code of the {} ({} codes), generated from {}. The API's own \
         documentation: {}.\n",
        inline(&spec.title),
        spec.codes.len(),
        code_span(&source.display().to_string()),
        url(&spec.docs_url)
    );
    for warning in &spec.warnings {
        out.push_str("> [!WARNING]\n");
        for line in contained(warning.trim_end(), HeadingLevel::H3).lines() {
            out.push_str(if line.is_empty() { ">" } else { "> " });
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
    }
    if !spec.rules.trim().is_empty() {
        let rules = contained(spec.rules.trim_end(), HeadingLevel::H3);
        let _ = writeln!(out, "## Rules\n\n{}\n", rules.trim_end());
    }
    versions(&mut out, resolved);
    table(&mut out, resolved);
    reserved(&mut out, spec);
    for code in &resolved.codes {
        if !out.ends_with("\n\n") {
            out.push('\n');
        }
        let _ = writeln!(out, "<a id=\"{}\"></a>", code.number);
        section(&mut out, resolved, code);
    }
    out
}

/// One code's section: what `explain` prints, and what the page holds for the code under
/// its anchor.
pub fn code_section(spec: &Spec, number: u32, code: &Code) -> String {
    let mut out = String::new();
    let resolved = Resolved::new(spec);
    match resolved.code(number) {
        Some(resolved_code) if resolved_code.code == code => {
            section(&mut out, &resolved, resolved_code);
        }
        // A code that is not the spec's own: resolve it alone, as the spec's would be.
        _ => {
            let mut alone = spec.clone();
            alone.codes.insert(number, code.clone());
            let resolved = Resolved::new(&alone);
            if let Some(resolved_code) = resolved.code(number) {
                section(&mut out, &resolved, resolved_code);
            }
        }
    }
    out
}

fn section(out: &mut String, resolved: &Resolved<'_>, resolved_code: &ResolvedCode<'_>) {
    let (number, code) = (resolved_code.number, resolved_code.code);
    let _ = writeln!(
        out,
        "## {number} {}: {}\n",
        code.name,
        heading_text(&code.title)
    );
    match code.lifecycle {
        Lifecycle::Active => {}
        Lifecycle::Deprecated => out.push_str("**Deprecated**: still sent, on its way out.\n\n"),
        Lifecycle::Retired => out.push_str(
            "**Retired**: no longer sent. Kept so old bodies still parse and the number is \
             never reused.\n\n",
        ),
    }
    let description = contained(code.description.trim_end(), HeadingLevel::H4);
    let _ = writeln!(out, "{}\n", description.trim_end());
    facts_list(out, resolved, resolved_code);
    for meaning in &code.meanings {
        let _ = writeln!(
            out,
            "\n### Also: {} ({})\n\n{}",
            inline(&meaning.title),
            meaning.name,
            contained(meaning.description.trim_end(), HeadingLevel::H4).trim_end()
        );
    }
    if !code.note.trim().is_empty() {
        // Contained as placed: after the label, a fence opener is no longer one.
        let note = contained(&format!("**Note.** {}", code.note.trim()), HeadingLevel::H4);
        let _ = writeln!(out, "\n{}", note.trim_end());
    }
    examples(out, resolved, resolved_code);
}

/// The docs/README.md index of every spec.
pub(crate) fn index(specs: &[Resolved<'_>]) -> String {
    let mut out = String::new();
    stamp(&mut out, "spec/");
    out.push_str("# Error codes\n\n");
    out.push_str(
        "One page per API, generated from its spec. Every code has example bodies in every \
         shape the API sends; the same bodies are in `fixtures/`, one file per code and shape \
         (`error-<code>.<ext>`), for client test suites.\n\n",
    );
    out.push_str("| API | Codes | Versions | Formats | Page |\n|---|---|---|---|---|\n");
    for resolved in specs {
        let spec = resolved.spec;
        let versions: Vec<&str> = spec.versions.iter().map(|v| v.id.as_str()).collect();
        let formats: Vec<&str> = resolved.formats.iter().copied().map(format_label).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | [{}]({}) |",
            table_cell(&spec.title),
            spec.codes.len(),
            table_cell(&versions.join(", ")),
            formats.join(", "),
            file_name(spec),
            file_name(spec)
        );
    }
    out
}

fn stamp(out: &mut String, source: &str) {
    let _ = writeln!(
        out,
        "<!-- @generated by errors-codegen from {source}. Do not edit: change the spec and run \
         `{REGENERATE}`. -->\n"
    );
}

fn versions(out: &mut String, resolved: &Resolved<'_>) {
    let spec = resolved.spec;
    out.push_str("## Versions\n\n");
    out.push_str(
        "| Version | Formats | HTTP status of errors | Legacy codes |\n|---|---|---|---|\n",
    );
    let statuses = version_statuses(resolved);
    for (version, statuses) in spec.versions.iter().zip(statuses) {
        let formats: Vec<&str> = version.formats.iter().map(|&f| format_label(f)).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            table_cell(&version.id),
            formats.join(", "),
            statuses,
            if version.legacy_codes { "yes" } else { "no" }
        );
    }
    out.push('\n');
    for version in spec.versions.iter().filter(|v| !v.notes.trim().is_empty()) {
        let _ = writeln!(
            out,
            "### Version {}\n\n{}\n",
            heading_text(&version.id),
            contained(version.notes.trim_end(), HeadingLevel::H4).trim_end()
        );
    }
}

/// For each version, the statuses errors are sent with in it: its default, or the range the
/// codes it sends use.
fn version_statuses(resolved: &Resolved<'_>) -> Vec<String> {
    let versions = &resolved.spec.versions;
    let mut statuses: Vec<BTreeSet<u16>> = vec![BTreeSet::new(); versions.len()];
    for code in &resolved.codes {
        for sending in &code.sending {
            statuses[sending.index].insert(sending.http_status);
        }
    }
    versions
        .iter()
        .zip(statuses)
        .map(|(version, statuses)| {
            let mut statuses = statuses.into_iter();
            match (statuses.next(), statuses.next()) {
                (None, _) => version.http_status.to_string(),
                (Some(only), None) => only.to_string(),
                (Some(_), Some(_)) => "per code".to_owned(),
            }
        })
        .collect()
}

fn table(out: &mut String, resolved: &Resolved<'_>) {
    out.push_str("## Codes\n\n");
    out.push_str("| Code | Name | Title | HTTP status | Retry | Lifecycle |\n");
    out.push_str("|---|---|---|---|---|---|\n");
    for resolved_code in &resolved.codes {
        let (number, code) = (resolved_code.number, resolved_code.code);
        let _ = writeln!(
            out,
            "| [{number}](#{number}) | `{}` | {} | {} | {} | {} |",
            code.name,
            table_cell(&code.title),
            table_cell(&statuses(resolved_code)),
            code.retry.as_str(),
            code.lifecycle.as_str()
        );
    }
    out.push('\n');
}

fn reserved(out: &mut String, spec: &Spec) {
    if spec.reserved.is_empty() {
        return;
    }
    out.push_str(
        "## Reserved numbers\n\nNever assigned; a body carrying one is an unknown code.\n\n",
    );
    out.push_str("| Number | Why |\n|---|---|\n");
    for (number, why) in &spec.reserved {
        let _ = writeln!(out, "| {number} | {} |", table_cell(why));
    }
    out.push('\n');
}

/// The HTTP status a code is sent with, per version where it differs: `200` or
/// `3–6: 200; 8: 404`, over the versions that send the code.
fn statuses(code: &ResolvedCode<'_>) -> String {
    let mut groups: Vec<(Vec<&str>, u16)> = Vec::new();
    for sending in &code.sending {
        let (id, status) = (sending.version.id.as_str(), sending.http_status);
        match groups.last_mut() {
            Some((ids, last)) if *last == status => ids.push(id),
            _ => groups.push((vec![id], status)),
        }
    }
    match groups.as_slice() {
        [] => String::new(),
        [(_, status)] => status.to_string(),
        _ => groups
            .iter()
            .map(|(ids, status)| format!("{}: {status}", span(ids)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

fn span(ids: &[&str]) -> String {
    match ids {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [first, .., last] => format!("{first}–{last}"),
    }
}

fn facts_list(out: &mut String, resolved: &Resolved<'_>, resolved_code: &ResolvedCode<'_>) {
    let code = resolved_code.code;
    match &code.message {
        Message::Plain(text) => {
            let _ = writeln!(out, "- **Default message:** {}", code_span(text));
        }
        Message::Localized(map) => {
            out.push_str("- **Default message:**\n");
            for (locale, text) in map {
                let _ = writeln!(out, "  - {}: {}", inline(locale), code_span(text));
            }
        }
    }
    if !code.error_types.is_empty() {
        let types: Vec<String> = code.error_types.iter().map(|t| code_span(t)).collect();
        let _ = writeln!(out, "- **Error types:** {}", types.join(", "));
    }
    let _ = writeln!(out, "- **HTTP status:** {}", statuses(resolved_code));
    if let Some(legacy) = resolved_code.legacy {
        let _ = writeln!(
            out,
            "- **Legacy equivalent:** [{legacy}](#{legacy}), sent instead by {}",
            versions_label(&resolved.legacy_versions)
        );
    }
    let replaced: Vec<String> = resolved_code
        .sent_instead_of
        .iter()
        .map(|n| format!("[{n}](#{n})"))
        .collect();
    if !replaced.is_empty() {
        let _ = writeln!(out, "- **Sent instead of:** {}", replaced.join(", "));
    }
    let advice = facts::retry_advice(code.retry);
    let mut chars = advice.chars();
    let advice: String = chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    let _ = writeln!(out, "- **Retry:** `{}`. {advice}", code.retry.as_str());
    if let Some(since) = &code.since {
        let _ = writeln!(out, "- **Since:** version {}", inline(since));
    }
    if let Some(until) = &code.until {
        let _ = writeln!(out, "- **Until:** version {until}");
    }
    for change in &code.changed {
        let _ = writeln!(
            out,
            "- **Changed in version {}:** {}",
            inline(&change.version),
            inline(&change.note)
        );
    }
}

/// The example bodies, versions that send the same bytes grouped under one heading.
fn examples(out: &mut String, resolved: &Resolved<'_>, code: &ResolvedCode<'_>) {
    let samples = bodies::samples(resolved, code);
    if samples.is_empty() {
        return;
    }
    out.push_str("\n### Examples\n");
    let mut groups: Vec<(Vec<&str>, &Sample<'_>)> = Vec::new();
    for sample in &samples {
        let id = sample.version.map(|v| v.id.as_str());
        match groups
            .iter_mut()
            .find(|(_, seen)| seen.format == sample.format && seen.body == sample.body)
        {
            Some((ids, _)) => ids.extend(id),
            None => groups.push((id.into_iter().collect(), sample)),
        }
    }
    groups.sort_by_key(|(_, sample)| sample.format);
    for (ids, sample) in groups {
        let label = format_label(sample.format);
        if ids.is_empty() {
            let _ = writeln!(out, "\n{label}:\n");
        } else {
            let _ = writeln!(out, "\n{label}, {}:\n", versions_label(&ids));
        }
        let language = if sample.format == Format::Xml {
            "xml"
        } else {
            "json"
        };
        let text = String::from_utf8_lossy(&sample.body);
        // Longer than any run of backticks in the body (a message may hold some).
        let fence = "`".repeat(longest_run(&text, '`').max(2) + 1);
        let _ = writeln!(
            out,
            "{fence}{language}\n{}\n{fence}",
            text.trim_end_matches('\n')
        );
    }
}

/// `version 8`, `versions 3 and 4`, `versions 5, 6 and 8`.
fn versions_label(ids: &[&str]) -> String {
    match ids {
        [] => String::new(),
        [only] => format!("version {only}"),
        [rest @ .., last] => format!("versions {} and {last}", rest.join(", ")),
    }
}

fn format_label(format: Format) -> &'static str {
    match format {
        Format::Xml => "XML",
        Format::Json => "JSON",
        Format::Jsonp => "JSONP",
    }
}
