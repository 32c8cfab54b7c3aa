//! Text for a terminal, safe by construction.
//!
//! Subjects, addresses, file names, certificate names and problem messages can carry
//! characters chosen by a stranger: escape sequences that retitle or clear a terminal, bidi
//! controls that reorder what is shown, line separators that fake a row (issue #13). Human
//! output reaches stdout and stderr only as a [`Line`]: its segments are plain strings and
//! [`Line::render`] escapes every hidden character (see [`crate::text::is_hidden`]) in them,
//! then adds the colours of its [`Style`]s. The writers of the binary accept nothing else,
//! so printing unescaped text does not compile.

use std::borrow::Cow;
use std::fmt::Write as _;

/// How a segment is shown when colours are on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// No colour.
    Plain,
    /// Bold.
    Bold,
    /// Green: valid.
    Good,
    /// Red and bold: invalid, failed.
    Bad,
    /// Yellow: warnings, errors reading an input.
    Warn,
}

impl Style {
    fn ansi(self) -> Option<&'static str> {
        match self {
            Style::Plain => None,
            Style::Bold => Some("1"),
            Style::Good => Some("32"),
            Style::Bad => Some("1;31"),
            Style::Warn => Some("33"),
        }
    }
}

/// One line of human output, as styled segments of untrusted text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    segments: Vec<(Style, String)>,
}

impl Line {
    /// An empty line.
    pub fn new() -> Line {
        Line::default()
    }

    /// A line of one plain segment.
    pub fn plain(text: impl Into<String>) -> Line {
        Line::new().push(Style::Plain, text)
    }

    /// A line of one styled segment.
    pub fn styled(style: Style, text: impl Into<String>) -> Line {
        Line::new().push(style, text)
    }

    /// Appends a segment.
    pub fn push(mut self, style: Style, text: impl Into<String>) -> Line {
        self.segments.push((style, text.into()));
        self
    }

    /// Appends the segments of another line.
    pub fn append(mut self, other: Line) -> Line {
        self.segments.extend(other.segments);
        self
    }

    /// Appends a plain segment.
    pub fn text(self, text: impl Into<String>) -> Line {
        self.push(Style::Plain, text)
    }

    /// The text as shown: hidden characters escaped (`\u{1b}`), a tab as a space, a line
    /// break as `\n`; colours only when `color`.
    pub fn render(&self, color: bool) -> String {
        let mut out = String::new();
        for (style, text) in &self.segments {
            let ansi = style.ansi().filter(|_| color);
            if let Some(code) = ansi {
                let _ = write!(out, "\x1b[{code}m");
            }
            escape_into(&mut out, text);
            if ansi.is_some() {
                out.push_str("\x1b[0m");
            }
        }
        out
    }
}

/// Escapes `text` onto `out` as [`Line::render`] does: a tab as a space, a line break as
/// `\n`, any other hidden character as documents show it.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\t' => out.push(' '),
            '\n' => out.push_str("\\n"),
            c => crate::text::push_shown(out, c),
        }
    }
}

/// Output meant for a program (JSON, CSV, a document, a message's bytes) on its way to a
/// terminal: every hidden character but line breaks, tabs and the CR of a CRLF becomes
/// `\uXXXX` (UTF-16 units, as JSON writes them, so a JSON document stays valid and means the
/// same), and bytes that are not UTF-8 become U+FFFD. Anything else goes out unchanged.
pub fn for_terminal(bytes: &[u8]) -> Cow<'_, [u8]> {
    // Whether the character at `i` of `text` goes out as it is.
    let kept = |text: &str, i: usize, c: char| {
        c == '\n'
            || c == '\t'
            || (c == '\r' && text.as_bytes().get(i + 1) == Some(&b'\n'))
            || !crate::text::is_hidden(c)
    };
    if let Ok(text) = std::str::from_utf8(bytes)
        && text.char_indices().all(|(i, c)| kept(text, i, c))
    {
        return Cow::Borrowed(bytes);
    }
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::with_capacity(text.len() + 16);
    for (i, c) in text.char_indices() {
        if kept(&text, i, c) {
            out.push(c);
        } else {
            for unit in c.encode_utf16(&mut [0; 2]) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        }
    }
    Cow::Owned(out.into_bytes())
}

/// A value for one cell of a table drawn by a table crate, escaped as [`Line::render`]
/// escapes: before the table is laid out (so columns keep their width), and with a line break
/// written `\n`, or it would draw a row of its own. Cells that list several values join such
/// values with real line breaks.
pub fn cell(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    escape_into(&mut out, value);
    out
}

/// Each line of a multi-line block (a table drawn by a table crate) as a plain [`Line`].
pub fn lines(block: &str) -> impl Iterator<Item = Line> + '_ {
    block.lines().map(Line::plain)
}

/// `text` cut to at most `width` characters, the cut marked with `…` at the end.
pub fn fit_end(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// `text` cut to at most `width` characters in the middle (paths keep both ends).
pub fn fit_middle(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width {
        return text.to_string();
    }
    let keep = width.saturating_sub(1);
    let head = keep / 2;
    let tail = keep - head;
    let mut out: String = text.chars().take(head).collect();
    out.push('…');
    out.extend(text.chars().skip(count - tail));
    out
}

/// `text` padded with spaces to `width` characters (cut at the end when longer).
pub fn pad(text: &str, width: usize) -> String {
    let fitted = fit_end(text, width);
    let n = fitted.chars().count();
    format!("{fitted}{}", " ".repeat(width.saturating_sub(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untrusted_text_is_escaped_and_colours_added_after() {
        let line = Line::styled(Style::Bad, "a\x1b]0;pwned\x07b").text("\u{061C}x\u{202E}y\nz\tw");
        assert_eq!(line.render(false), "a\\u{1b}]0;pwned\\u{7}b\\u{61c}x\\u{202e}y\\nz w");
        let coloured = line.render(true);
        assert!(coloured.starts_with("\x1b[1;31ma\\u{1b}"), "{coloured:?}");
        assert_eq!(coloured.matches('\x1b').count(), 2, "only our own colour codes: {coloured:?}");
        assert_eq!(Line::plain("città — ok").render(false), "città — ok");
    }

    #[test]
    fn fitting_keeps_the_ends_that_matter() {
        assert_eq!(fit_end("abcdef", 4), "abc…");
        assert_eq!(fit_end("abc", 4), "abc");
        assert_eq!(fit_middle("dir/sub/file.eml", 9), "dir/….eml");
        assert_eq!(fit_middle("dir/sub/file.eml", 9).chars().count(), 9);
        assert_eq!(pad("ab", 4), "ab  ");
    }

    #[test]
    fn output_for_a_terminal_keeps_json_valid_and_shows_every_hidden_character() {
        let clean = b"a,b\r\n{\"k\": \"\xc3\xa8\"}\n\tx";
        assert!(matches!(for_terminal(clean), Cow::Borrowed(_)));
        let json = serde_json::to_string(
            &serde_json::json!({"k": "a\u{1b}]0;x\u{7}\u{202e}\u{85}\u{E0001}"}),
        )
        .unwrap();
        let shown = for_terminal(json.as_bytes()).into_owned();
        let shown = String::from_utf8(shown).unwrap();
        assert!(shown.chars().all(|c| c == '\n' || !crate::text::is_hidden(c)), "{shown}");
        let back: serde_json::Value = serde_json::from_str(&shown).unwrap();
        assert_eq!(back["k"], "a\u{1b}]0;x\u{7}\u{202e}\u{85}\u{E0001}");
        assert_eq!(&*for_terminal(b"a\x1b[8mb\rc\r\n"), b"a\\u001b[8mb\\u000dc\r\n");
        assert_eq!(&*for_terminal(b"\xff\xfe"), "\u{fffd}\u{fffd}".as_bytes());
    }
}
