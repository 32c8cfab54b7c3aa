//! Terminal hygiene: colour policy and escaping of attacker-controlled strings.

use std::io::IsTerminal;

use crate::cli::ColorChoice;

/// Whether to colour output on stdout.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// Escapes control, bidi-override and zero-width characters so a subject or file name from
/// a stranger cannot move the cursor, recolour the terminal or reorder what is shown.
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let dangerous = c.is_control() && c != '\n' && c != '\t'
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}'..='\u{200F}' | '\u{FEFF}' | '\u{E0000}'..='\u{E007F}');
        if dangerous {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// Like [`sanitize`], on one line (newlines escaped too), for table cells.
pub fn sanitize_line(s: &str) -> String {
    sanitize(s).replace('\n', "\\n").replace('\t', " ")
}

/// ANSI colours, applied only when enabled.
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    /// Whether colours are on.
    pub enabled: bool,
}

impl Paint {
    fn wrap(self, code: &str, s: &str) -> String {
        if self.enabled { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    }
    /// Red, bold.
    pub fn bad(self, s: &str) -> String {
        self.wrap("1;31", s)
    }
    /// Yellow.
    pub fn warn(self, s: &str) -> String {
        self.wrap("33", s)
    }
    /// Bold.
    pub fn bold(self, s: &str) -> String {
        self.wrap("1", s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_controls_and_bidi() {
        assert_eq!(sanitize("a\x1b[31mb"), "a\\u{1b}[31mb");
        assert_eq!(sanitize("x\u{202E}y"), "x\\u{202e}y");
        assert_eq!(sanitize("città\n"), "città\n");
        assert_eq!(sanitize_line("a\nb"), "a\\nb");
    }
}
