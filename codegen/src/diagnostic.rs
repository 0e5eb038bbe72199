//! Problems found in a spec, located by file, line and column, and printed like a compiler's.

use std::fmt;
use std::sync::Arc;

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
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
        }
    }

    fn line(&self, line: u32) -> Option<&str> {
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        self.text.lines().nth(index)
    }
}

/// One problem in a spec, with optional secondary positions ("first defined here").
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub source: Source,
    pub pos: Pos,
    pub message: String,
    pub notes: Vec<(Pos, String)>,
}

impl Diagnostic {
    pub fn new(source: &Source, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            source: source.clone(),
            pos,
            message: message.into(),
            notes: Vec::new(),
        }
    }

    #[must_use]
    pub fn with_note(mut self, pos: Pos, note: impl Into<String>) -> Self {
        self.notes.push((pos, note.into()));
        self
    }

    /// `file:line:column: message`, the form editors and CI logs link to.
    pub fn headline(&self) -> String {
        format!(
            "{}:{}:{}: {}",
            self.source.name, self.pos.line, self.pos.column, self.message
        )
    }

    fn write_excerpt(&self, f: &mut fmt::Formatter<'_>, pos: Pos, label: &str) -> fmt::Result {
        let Some(text) = self.source.line(pos.line) else {
            return Ok(());
        };
        let gutter = pos.line.to_string().len();
        let pad = " ".repeat(gutter);
        writeln!(f, "{pad} |")?;
        writeln!(f, "{} | {}", pos.line, text)?;
        let indent: String = text
            .chars()
            .take(pos.column.saturating_sub(1) as usize)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let carets = "^".repeat(pos.len.max(1) as usize);
        if label.is_empty() {
            writeln!(f, "{pad} | {indent}{carets}")
        } else {
            writeln!(f, "{pad} | {indent}{carets} {label}")
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.headline())?;
        self.write_excerpt(f, self.pos, "")?;
        for (pos, note) in &self.notes {
            writeln!(
                f,
                "{}:{}:{}: note: {}",
                self.source.name, pos.line, pos.column, note
            )?;
            self.write_excerpt(f, *pos, "")?;
        }
        Ok(())
    }
}

/// Every problem found in one or more specs, in file order.
#[derive(Clone, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    pub fn len(&self) -> usize {
        self.diagnostics.len()
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
        let count = self.diagnostics.len();
        write!(
            f,
            "{count} problem{} found",
            if count == 1 { "" } else { "s" }
        )
    }
}

// A build script that returns this error shows its Debug form: make that the readable one.
impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Report {}
