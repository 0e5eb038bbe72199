//! Where each line of a text starts, found once: showing the line of any of thousands of
//! diagnostics is then a lookup, not a scan of the text from its top.

/// The byte offset at which each line of a text starts.
#[derive(Debug, Clone, Default)]
pub(super) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// The index of `text`, in one pass over its bytes.
    pub(super) fn new(text: &str) -> Self {
        let breaks = text
            .bytes()
            .enumerate()
            .filter(|(_, b)| *b == b'\n')
            .map(|(at, _)| at + 1);
        LineIndex {
            starts: std::iter::once(0).chain(breaks).collect(),
        }
    }

    /// Line `line` (1-based) of `text`, the text this index was made from, without its line
    /// break: the line `text.lines().nth(line - 1)` gives (`\n` or `\r\n` ends a line, and a
    /// final line break starts no line).
    pub(super) fn line<'t>(&self, text: &'t str, line: u32) -> Option<&'t str> {
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        let start = *self.starts.get(index)?;
        if start >= text.len() {
            return None;
        }
        let end = self
            .starts
            .get(index + 1)
            .map_or(text.len(), |next| next - 1);
        let line = text.get(start..end)?;
        Some(if end < text.len() {
            line.strip_suffix('\r').unwrap_or(line)
        } else {
            line
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index gives every line `str::lines` gives, and no other.
    #[test]
    fn agrees_with_str_lines() {
        let texts = [
            "",
            "a",
            "a\n",
            "a\n\n",
            "\n",
            "a\r\nb\r\n",
            "a\rb\nc",
            "one\ntwo\nthree",
            "é\n見\n🎉\r\n",
            "tail\r",
        ];
        for text in texts {
            let index = LineIndex::new(text);
            let expected: Vec<&str> = text.lines().collect();
            let found: Vec<&str> = (1..).map_while(|n| index.line(text, n)).collect();
            assert_eq!(found, expected, "{text:?}");
            assert_eq!(index.line(text, 0), None);
        }
    }
}
