//! Problems found in a spec, located by file, line and column, and printed like a compiler's.

mod lines;
mod quote;

use std::fmt;
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use lines::LineIndex;
pub use quote::{escape, excerpt, quote};

/// A position in a spec file: 1-based line and column (in characters), and the length of
/// the offending token in characters (at least 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
    pub len: u32,
}

impl Pos {
    /// The start of the file, for problems that belong to no token (an empty file).
    pub const START: Pos = Pos {
        line: 1,
        column: 1,
        len: 1,
    };
}

/// The text of one spec file, shared by all its diagnostics so each can show its line.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user gave it.
    pub name: String,
    pub text: Arc<str>,
    /// Found once for all the file's diagnostics (a file may have thousands).
    lines: Arc<LineIndex>,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        let text = text.into();
        let lines = Arc::new(LineIndex::new(&text));
        Source {
            name: name.into(),
            text,
            lines,
        }
    }

    fn line(&self, line: u32) -> Option<&str> {
        self.lines.line(&self.text, line)
    }
}

/// How much a problem, or a change found by `diff`, weighs. Serialized (and shown) as
/// `error`, `warning` or `info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The spec cannot be used: it does not load, and `check` fails. For `diff`, a change
    /// that breaks clients or generated code (a code gone, renumbered or renamed), and
    /// `diff` fails.
    Error,
    /// Worth fixing, but the spec loads and generates as it is; `check` shows it and passes.
    /// For `diff`, a change that may change what a client does (another HTTP status, other
    /// retry advice).
    Warning,
    /// Worth knowing, breaks nothing: for `diff`, a code, version or locale added, a text
    /// reworded.
    Info,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem in a spec, with optional secondary positions ("first defined here").
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub source: Source,
    pub pos: Pos,
    pub severity: Severity,
    /// The id of the rule that found the problem (`diff`'s `code-removed`), if any.
    pub rule: Option<&'static str>,
    pub message: String,
    pub notes: Vec<(Pos, String)>,
}

impl Diagnostic {
    /// An error at `pos`.
    pub fn new(source: &Source, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            source: source.clone(),
            pos,
            severity: Severity::Error,
            rule: None,
            message: message.into(),
            notes: Vec::new(),
        }
    }

    /// A warning at `pos`.
    pub fn warning(source: &Source, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::new(source, pos, message)
        }
    }

    /// The same problem found by `rule` (its id), at `severity`.
    #[must_use]
    pub fn with_rule(mut self, rule: &'static str, severity: Severity) -> Self {
        self.rule = Some(rule);
        self.severity = severity;
        self
    }

    #[must_use]
    pub fn with_note(mut self, pos: Pos, note: impl Into<String>) -> Self {
        self.notes.push((pos, note.into()));
        self
    }

    /// Whether this is an error (not a warning or information).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column: message` (`file:line:column: warning: message` for a warning,
    /// `info: ` for information), the form editors and CI logs link to. Found by a rule:
    /// `file:line:column: SEVERITY rule-id: message`, whatever the severity.
    pub fn headline(&self) -> String {
        let (name, line, column) = (&self.source.name, self.pos.line, self.pos.column);
        let message = &self.message;
        match (self.rule, self.severity) {
            (Some(rule), severity) => {
                format!("{name}:{line}:{column}: {severity} {rule}: {message}")
            }
            (None, Severity::Error) => format!("{name}:{line}:{column}: {message}"),
            (None, severity) => format!("{name}:{line}:{column}: {severity}: {message}"),
        }
    }

    /// The line at `pos` with carets under the token, drawn by annotate-snippets (as rustc
    /// draws them), which places the carets by display width: wide characters (CJK, emoji)
    /// before or in the token take two columns, and a tab is shown as four spaces.
    fn write_excerpt(&self, f: &mut fmt::Formatter<'_>, pos: Pos, level: Level<'_>) -> fmt::Result {
        let Some(text) = self.source.line(pos.line) else {
            return Ok(());
        };
        let (shown, span) = window(text, byte_span(text, pos));
        let snippet = Snippet::source(shown.as_ref())
            .line_start(pos.line as usize)
            .annotation(AnnotationKind::Primary.span(span));
        // The window is already cut to size: annotate-snippets' own eliding to a terminal's
        // width would still read the whole line, and cut it again.
        let renderer = Renderer::plain().term_width(usize::MAX / 2);
        writeln!(
            f,
            "{}",
            renderer.render(&[Group::with_level(level).element(snippet)])
        )
    }
}

/// The bytes of `line` that `pos` covers (its column and length count characters), kept
/// inside the line: a position past its end marks the end.
fn byte_span(line: &str, pos: Pos) -> std::ops::Range<usize> {
    let offset = |chars: usize| {
        line.char_indices()
            .nth(chars)
            .map_or(line.len(), |(i, _)| i)
    };
    let start = offset(pos.column.saturating_sub(1) as usize);
    let len = pos.len.max(1) as usize;
    let end = line[start..]
        .char_indices()
        .nth(len)
        .map_or(line.len(), |(i, _)| start + i);
    start..end
}

/// A line of at most this many bytes is shown whole.
const WHOLE_LINE: usize = 300;
/// How many characters of a longer line an excerpt shows before the token, of the token,
/// and after it: such a line (a whole spec written on one line) is cut around the token,
/// with `…` where it was cut.
const SHOWN_BEFORE: usize = 100;
const SHOWN_OF_TOKEN: usize = 100;
const SHOWN_AFTER: usize = 100;

/// The part of `line` an excerpt shows around the bytes `span`, and where `span` (cut to
/// [`SHOWN_OF_TOKEN`] characters) lies in it. Reads only the characters it shows, so
/// thousands of problems on one long line cost no more than their excerpts.
fn window(
    line: &str,
    span: std::ops::Range<usize>,
) -> (std::borrow::Cow<'_, str>, std::ops::Range<usize>) {
    if line.len() <= WHOLE_LINE {
        return (std::borrow::Cow::Borrowed(line), span);
    }
    let from = line[..span.start]
        .char_indices()
        .rev()
        .nth(SHOWN_BEFORE - 1)
        .map_or(0, |(i, _)| i);
    let token_end = line[span.start..span.end]
        .char_indices()
        .nth(SHOWN_OF_TOKEN)
        .map_or(span.end, |(i, _)| span.start + i);
    let to = line[token_end..]
        .char_indices()
        .nth(SHOWN_AFTER)
        .map_or(line.len(), |(i, _)| token_end + i);
    if from == 0 && to == line.len() && token_end == span.end {
        return (std::borrow::Cow::Borrowed(line), span);
    }
    const CUT: &str = "…";
    let mut shown = String::with_capacity(to - from + 2 * CUT.len());
    if from > 0 {
        shown.push_str(CUT);
    }
    let start = shown.len() + (span.start - from);
    shown.push_str(&line[from..to]);
    if to < line.len() {
        shown.push_str(CUT);
    }
    (
        std::borrow::Cow::Owned(shown),
        start..start + (token_end - span.start),
    )
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.headline())?;
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        self.write_excerpt(f, self.pos, level)?;
        for (pos, note) in &self.notes {
            writeln!(
                f,
                "{}:{}:{}: note: {}",
                self.source.name, pos.line, pos.column, note
            )?;
            self.write_excerpt(f, *pos, Level::NOTE)?;
        }
        Ok(())
    }
}

/// Every problem found in one or more specs, errors, warnings and information, in file
/// order.
#[derive(Clone, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Whether there is no problem at all, of any severity.
    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// How many problems, of every severity.
    pub fn len(&self) -> usize {
        self.diagnostics.len()
    }

    /// Whether any problem is an error: then the specs cannot be used.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// How many problems are errors.
    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    /// How many problems are warnings.
    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }

    /// How many problems are information.
    pub fn info_count(&self) -> usize {
        self.count(Severity::Info)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    pub fn extend(&mut self, other: Report) {
        self.diagnostics.extend(other.diagnostics);
    }

    pub(crate) fn sort(&mut self) {
        self.diagnostics
            .sort_by(|a, b| (&a.source.name, a.pos).cmp(&(&b.source.name, b.pos)));
    }
}

impl From<Vec<Diagnostic>> for Report {
    fn from(diagnostics: Vec<Diagnostic>) -> Self {
        let mut report = Report { diagnostics };
        report.sort();
        report
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.diagnostics {
            writeln!(f, "{diagnostic}")?;
        }
        let counted = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        let (errors, warnings, infos) =
            (self.error_count(), self.warning_count(), self.info_count());
        if warnings + infos == 0 {
            return write!(f, "{} found", counted(errors, "problem"));
        }
        let parts: Vec<String> = [(errors, "error"), (warnings, "warning"), (infos, "info")]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, what)| counted(n, what))
            .collect();
        match parts.as_slice() {
            [all @ .., last] if !all.is_empty() => {
                write!(f, "{} and {last} found", all.join(", "))
            }
            _ => write!(f, "{} found", parts.join("")),
        }
    }
}

// A build script that returns this error shows its Debug form: make that the readable one.
impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Report {}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str, pos: Pos) -> String {
        Diagnostic::new(&Source::new("spec.yaml", text), pos, "problem").to_string()
    }

    #[test]
    fn headline_then_the_line_and_carets() {
        let text = "codes:\n  70:\n    name: x\n";
        let pos = Pos {
            line: 2,
            column: 3,
            len: 2,
        };
        let diagnostic = Diagnostic::new(&Source::new("spec.yaml", text), pos, "duplicate key")
            .with_note(
                Pos {
                    line: 3,
                    column: 11,
                    len: 1,
                },
                "first defined here",
            );
        assert_eq!(
            diagnostic.to_string(),
            "spec.yaml:2:3: duplicate key\n  |\n2 |   70:\n  |   ^^\n\
             spec.yaml:3:11: note: first defined here\n  |\n3 |     name: x\n  |           ^\n"
        );
    }

    /// Carets sit under the token however wide the characters before it are: a CJK
    /// character or an emoji takes two columns on a terminal, and the carets as many
    /// columns as the token.
    #[test]
    fn carets_align_under_wide_characters() {
        let line = "    message: \"見つかりません 🎉 {id}\"";
        let column = line.chars().position(|c| c == '{').expect("placeholder") + 1;
        let pos = Pos {
            line: 1,
            column: column as u32,
            len: 4,
        };
        let shown = render(line, pos);
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines[0], format!("spec.yaml:1:{column}: problem"));
        assert_eq!(lines[2], format!("1 | {line}"));
        // 14 ASCII characters, 7 CJK characters (14 columns), a space, an emoji (2 columns)
        // and a space come before `{id}`.
        let before = 14 + 7 * 2 + 1 + 2 + 1;
        assert_eq!(lines[3], format!("  | {}^^^^", " ".repeat(before)));

        // A wide token gets two carets per character.
        let line = "    title: 見つかりません";
        let pos = Pos {
            line: 1,
            column: 12,
            len: 7,
        };
        let shown = render(line, pos);
        assert_eq!(
            shown.lines().nth(3),
            Some(format!("  | {}{}", " ".repeat(11), "^".repeat(14)).as_str())
        );
    }

    #[test]
    fn a_warning_says_so_and_is_counted_apart() {
        let source = Source::new("spec.yaml", "codes:\n  70:\n    message: x\n");
        let pos = Pos {
            line: 3,
            column: 14,
            len: 1,
        };
        let warning = Diagnostic::warning(&source, pos, "no translation");
        assert_eq!(warning.severity, Severity::Warning);
        assert!(!warning.is_error());
        assert_eq!(
            warning.to_string(),
            "spec.yaml:3:14: warning: no translation\n  |\n3 |     message: x\n  |              ^\n"
        );
        let error = Diagnostic::new(&source, Pos::START, "broken");
        let both = Report::from(vec![warning.clone(), error.clone()]);
        assert_eq!(both.diagnostics[0].message, "broken", "in file order");
        assert!(both.has_errors());
        assert_eq!((both.error_count(), both.warning_count()), (1, 1));
        assert!(both.to_string().ends_with("\n1 error and 1 warning found"));
        let warnings = Report::from(vec![warning.clone(), warning]);
        assert!(!warnings.has_errors());
        assert!(warnings.to_string().ends_with("\n2 warnings found"));
        let errors = Report::from(vec![error.clone(), error]);
        assert!(errors.to_string().ends_with("\n2 problems found"));
    }

    /// A problem found by a rule is headed by its severity word and the rule's id, whatever
    /// the severity; information is counted apart from errors and warnings.
    #[test]
    fn a_rule_heads_its_problem_with_severity_and_id() {
        let source = Source::new("spec.yaml", "codes:\n  70:\n");
        let pos = Pos {
            line: 2,
            column: 3,
            len: 2,
        };
        let headline = |severity| {
            Diagnostic::new(&source, pos, "code 70 is new")
                .with_rule("code-added", severity)
                .headline()
        };
        assert_eq!(
            headline(Severity::Error),
            "spec.yaml:2:3: error code-added: code 70 is new"
        );
        assert_eq!(
            headline(Severity::Warning),
            "spec.yaml:2:3: warning code-added: code 70 is new"
        );
        assert_eq!(
            headline(Severity::Info),
            "spec.yaml:2:3: info code-added: code 70 is new"
        );
        let info = Diagnostic {
            severity: Severity::Info,
            ..Diagnostic::new(&source, pos, "new")
        };
        assert_eq!(info.headline(), "spec.yaml:2:3: info: new");
        assert!(!info.is_error());
        let warning = Diagnostic::warning(&source, pos, "old");
        let report = Report::from(vec![info.clone(), warning.clone(), info.clone()]);
        assert!(!report.has_errors());
        assert_eq!(
            (
                report.error_count(),
                report.warning_count(),
                report.info_count()
            ),
            (0, 1, 2)
        );
        assert!(
            report
                .to_string()
                .ends_with("\n1 warning and 2 infos found")
        );
        let error = Diagnostic::new(&source, pos, "broken");
        let all = Report::from(vec![error, warning, info.clone()]);
        assert!(all.has_errors());
        assert!(
            all.to_string()
                .ends_with("\n1 error, 1 warning and 1 info found")
        );
        assert!(
            Report::from(vec![info])
                .to_string()
                .ends_with("\n1 info found")
        );
        assert_eq!(Report::default().to_string(), "0 problems found");
    }

    #[test]
    fn positions_past_the_line_or_file_stay_inside() {
        let text = "id: x\n";
        let past_end = Pos {
            line: 1,
            column: 40,
            len: 3,
        };
        assert!(render(text, past_end).ends_with("1 | id: x\n  |      ^\n"));
        // No such line: the headline alone.
        let no_line = Pos {
            line: 9,
            column: 1,
            len: 1,
        };
        assert_eq!(render(text, no_line), "spec.yaml:9:1: problem\n");
        // A very long line is cut before the token, which ends it, and shown to its end.
        let long = format!("message: {}", "word ".repeat(100));
        let end = Pos {
            line: 1,
            column: long.chars().count() as u32,
            len: 1,
        };
        let tail = &long[long.len() - 101..];
        assert!(render(&long, end).contains(&format!("1 | …{tail}\n")));
        // Short lines are shown whole.
        let short = format!("message: {}", "word ".repeat(58));
        assert!(render(&short, end).contains(&format!("1 | {short}\n")));
    }
}
