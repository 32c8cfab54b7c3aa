//! Characters that must never reach a person unescaped.
//!
//! Subjects, addresses, file names and certificate names come from strangers. A control
//! character can move the cursor or retitle a terminal; a format character (bidi overrides,
//! the Arabic letter mark, zero-width joiners, tag characters) can reorder or hide what is
//! shown; a line or paragraph separator can fake a new line. The rule is Unicode's general
//! category, not a hand-kept list (issue #13: U+061C slipped through such a list): Cc, Cf,
//! Zl and Zp are hidden characters.

use std::borrow::Cow;
use std::fmt::Write as _;

use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// Whether `c` is a control (Cc), format (Cf), line separator (Zl) or paragraph separator
/// (Zp) character: invisible, or able to change how the text around it is displayed.
pub fn is_hidden(c: char) -> bool {
    // Most text is ASCII, whose only hidden characters are its controls; the category
    // lookup is a table search (a twentieth of a run's time when every character took it).
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    matches!(
        c.general_category(),
        GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
    )
}

/// `text` with every hidden character but line breaks and tabs written as its escape
/// (`\u{202e}`), as a terminal line shows it: for documents people read (Markdown, HTML),
/// where a bidi override would reorder the words around it and a control would act on a
/// terminal that shows the file. Line breaks and tabs are left to the document's own rules.
pub fn visible(text: &str) -> Cow<'_, str> {
    let keep = |c: char| c == '\n' || c == '\t' || !is_hidden(c);
    if text.chars().all(keep) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            c => push_shown(&mut out, c),
        }
    }
    Cow::Owned(out)
}

/// Appends `c` as a person is shown it: a hidden character as its escape (`\u{202e}`).
pub fn push_shown(out: &mut String, c: char) {
    if is_hidden(c) {
        let _ = write!(out, "{}", c.escape_unicode());
    } else {
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_follow_the_general_category() {
        for c in [
            '\u{0}',
            '\u{1b}',
            '\u{7}',
            '\u{7f}',
            '\u{85}',
            '\u{9b}', // Cc (C0, DEL, C1)
            '\u{061C}',
            '\u{200B}',
            '\u{200E}',
            '\u{202E}',
            '\u{2066}',
            '\u{2069}', // Cf
            '\u{FEFF}',
            '\u{E0001}',
            '\u{E007F}',
            '\u{00AD}', // Cf
            '\u{2028}',
            '\u{2029}', // Zl, Zp
        ] {
            assert!(is_hidden(c), "{:?} must be hidden", c.escape_unicode().to_string());
        }
        for c in ['a', 'è', '€', ' ', '\u{00A0}', '中', 'ß', '@', '.', '-'] {
            assert!(!is_hidden(c), "{c:?} is ordinary text");
        }
    }

    #[test]
    fn the_ascii_shortcut_agrees_with_the_category() {
        for c in (0u8..0x80).map(char::from) {
            let by_category = matches!(
                c.general_category(),
                GeneralCategory::Control
                    | GeneralCategory::Format
                    | GeneralCategory::LineSeparator
                    | GeneralCategory::ParagraphSeparator
            );
            assert_eq!(is_hidden(c), by_category, "{c:?}");
        }
    }

    #[test]
    fn documents_show_hidden_characters_as_escapes() {
        assert!(matches!(visible("Notifica atto\tn. 42\nè"), Cow::Borrowed(_)));
        assert_eq!(visible("a\u{1b}[2Jb\u{202e}c"), "a\\u{1b}[2Jb\\u{202e}c");
    }
}
