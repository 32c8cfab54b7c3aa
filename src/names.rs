//! Safe file names from hostile mail.
//!
//! Attachment names come from strangers. A name must never leave the output folder, name a
//! Windows device, hide behind control characters, or be empty. The original (unsanitised)
//! name is kept in the manifest.
#![deny(clippy::indexing_slicing)]

use std::collections::HashSet;

/// The longest name written, in bytes (most file systems allow 255).
pub const MAX_NAME_BYTES: usize = 200;

/// How the names of peckit's own working files start: temporary files of extract and
/// archive, and archive's lock. Sanitised names never start so (they never start with a
/// dot), and folders are walked without them: a run killed midway leaves no message to read.
pub const WORKING_FILE_PREFIX: &str = ".peckit-";

/// Whether a file name is one of peckit's working files (see [`WORKING_FILE_PREFIX`]).
pub fn is_working_file(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().starts_with(WORKING_FILE_PREFIX.as_bytes())
}

/// Windows reserved device names, with any extension: CON, PRN, AUX, NUL, COM0-9, LPT0-9,
/// and COM/LPT followed by a superscript 1, 2 or 3, which Windows also maps to devices
/// (Microsoft's "Naming Files, Paths, and Namespaces"; issue #13: `COM¹.txt`).
fn is_windows_device(stem: &str) -> bool {
    let upper = stem.trim_end_matches([' ', '.']).to_uppercase();
    if matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$") {
        return true;
    }
    let Some(port) = upper.strip_prefix("COM").or_else(|| upper.strip_prefix("LPT")) else {
        return false;
    };
    let mut chars = port.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some('0'..='9' | '\u{00B9}' | '\u{00B2}' | '\u{00B3}'), None)
    )
}

/// Turns any string into one safe file name component.
///
/// Path separators, `..`, drive letters, control and bidi characters, and characters that
/// Windows refuses are replaced by `_`; leading dots, trailing dots and spaces are trimmed;
/// device names get a `_` prefix; the length is capped keeping the extension. An empty
/// result becomes `fallback`.
pub fn sanitize(name: &str, fallback: &str) -> String {
    // Only the last path component counts: "../../x" and "C:\dir\x" are both "x".
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let last = match last.split_once(':') {
        Some((drive, rest)) if drive.len() == 1 => rest,
        _ => last,
    };
    let mut clean: String = last
        .chars()
        .map(|c| {
            let bad = crate::text::is_hidden(c)
                || matches!(c, '<' | '>' | ':' | '"' | '|' | '?' | '*' | '/' | '\\');
            if bad { '_' } else { c }
        })
        .collect();
    clean = clean.trim_matches(|c: char| c == ' ' || c == '.').to_string();
    if clean.chars().all(|c| c == '_') {
        clean.clear();
    }
    if clean.is_empty() {
        return fallback.to_string();
    }
    let stem = clean.split('.').next().unwrap_or("");
    if is_windows_device(stem) {
        clean.insert(0, '_');
    }
    cap_length(&clean)
}

/// Caps a name at `MAX_NAME_BYTES`, keeping a short extension.
fn cap_length(name: &str) -> String {
    if name.len() <= MAX_NAME_BYTES {
        return name.to_string();
    }
    let (stem, ext) = match name.rfind('.') {
        Some(i) if name.len() - i <= 16 && i > 0 => {
            (name.get(..i).unwrap_or(name), name.get(i..).unwrap_or(""))
        }
        _ => (name, ""),
    };
    let budget = MAX_NAME_BYTES - ext.len();
    let mut cut = String::new();
    for c in stem.chars() {
        if cut.len() + c.len_utf8() > budget {
            break;
        }
        cut.push(c);
    }
    format!("{cut}{ext}")
}

/// Hands out unique names within one folder: `atto.pdf`, `atto (2).pdf`, ...
/// Comparison is case-insensitive, as on Windows and macOS file systems.
#[derive(Debug, Default)]
pub struct UniqueNames {
    taken: HashSet<String>,
}

impl UniqueNames {
    /// A new, empty set.
    pub fn new() -> UniqueNames {
        UniqueNames::default()
    }

    /// Reserves a name that the caller writes itself (e.g. `manifest.json`).
    pub fn reserve(&mut self, name: &str) {
        self.taken.insert(name.to_lowercase());
    }

    /// Returns `name`, or `name (N)` with the first free N. The stem is shortened so the
    /// suffix always fits under `MAX_NAME_BYTES` (fuzzing found that a name already at the
    /// cap lost its suffix to the cut and looped for ever).
    pub fn claim(&mut self, name: &str) -> String {
        self.claim_parts(name, split_extension(name))
    }

    /// As [`UniqueNames::claim`], for a folder: a dot in its name does not start an
    /// extension (`ricevuta.2026 (2)`, not `ricevuta (2).2026`).
    pub fn claim_folder(&mut self, name: &str) -> String {
        self.claim_parts(name, (name, ""))
    }

    fn claim_parts(&mut self, name: &str, (stem, ext): (&str, &str)) -> String {
        if self.taken.insert(name.to_lowercase()) {
            return name.to_string();
        }
        let mut n: u64 = 2;
        loop {
            let suffix = format!(" ({n}){ext}");
            let budget = MAX_NAME_BYTES.saturating_sub(suffix.len());
            let mut cut = String::new();
            for c in stem.chars() {
                if cut.len() + c.len_utf8() > budget {
                    break;
                }
                cut.push(c);
            }
            let candidate = format!("{cut}{suffix}");
            if self.taken.insert(candidate.to_lowercase()) {
                return candidate;
            }
            n += 1;
        }
    }
}

/// Splits a short extension (at most 16 bytes, as [`cap_length`] keeps) off a name.
fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(i) if i > 0 && name.len() - i <= 16 => {
            (name.get(..i).unwrap_or(name), name.get(i..).unwrap_or(""))
        }
        _ => (name, ""),
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_stay_inside() {
        assert_eq!(sanitize("../../x", "f"), "x");
        assert_eq!(sanitize("fattura\u{061C}fdp.exe", "f"), "fattura_fdp.exe");
        assert_eq!(sanitize("a\u{2028}b", "f"), "a_b");
        assert_eq!(sanitize("/etc/passwd", "f"), "passwd");
        assert_eq!(sanitize("C:\\Windows\\x.exe", "f"), "x.exe");
        assert_eq!(sanitize("C:x", "f"), "x");
        assert_eq!(sanitize("a/b", "f"), "b");
        assert_eq!(sanitize("..", "f"), "f");
        assert_eq!(sanitize("", "allegato-1"), "allegato-1");
        assert_eq!(sanitize("  .hidden. ", "f"), "hidden");
        assert_eq!(sanitize("a\u{0}b\x1b[31m", "f"), "a_b_[31m");
        assert_eq!(sanitize("evil\u{202E}fdp.exe", "f"), "evil_fdp.exe");
    }

    #[test]
    fn a_folder_is_numbered_after_its_whole_name() {
        let mut names = UniqueNames::new();
        assert_eq!(names.claim_folder("ricevuta.2026"), "ricevuta.2026");
        assert_eq!(names.claim_folder("Ricevuta.2026"), "Ricevuta.2026 (2)");
        assert_eq!(names.claim("atto.pdf"), "atto.pdf");
        assert_eq!(names.claim("atto.pdf"), "atto (2).pdf");
    }

    #[test]
    fn windows_devices_are_renamed() {
        assert_eq!(sanitize("CON", "f"), "_CON");
        assert_eq!(sanitize("nul.txt", "f"), "_nul.txt");
        assert_eq!(sanitize("COM1.pdf", "f"), "_COM1.pdf");
        assert_eq!(sanitize("COM0.pdf", "f"), "_COM0.pdf");
        assert_eq!(sanitize("COM\u{00B9}.txt", "f"), "_COM\u{00B9}.txt");
        assert_eq!(sanitize("lpt\u{00B3}", "f"), "_lpt\u{00B3}");
        assert_eq!(sanitize("COM10.txt", "f"), "COM10.txt");
        assert_eq!(sanitize("COM\u{2074}.txt", "f"), "COM\u{2074}.txt");
        assert_eq!(sanitize("COMMA.txt", "f"), "COMMA.txt");
        assert_eq!(sanitize("console.txt", "f"), "console.txt");
    }

    #[test]
    fn long_names_keep_their_extension() {
        let long = format!("{}.pdf", "é".repeat(300));
        let s = sanitize(&long, "f");
        assert!(s.len() <= MAX_NAME_BYTES);
        assert!(s.ends_with(".pdf"));
    }

    #[test]
    fn duplicates_get_numbers() {
        let mut names = UniqueNames::new();
        names.reserve("manifest.json");
        assert_eq!(names.claim("atto.pdf"), "atto.pdf");
        assert_eq!(names.claim("Atto.pdf"), "Atto (2).pdf");
        assert_eq!(names.claim("atto.pdf"), "atto (3).pdf");
        assert_eq!(names.claim("manifest.json"), "manifest (2).json");
    }

    #[test]
    fn duplicates_at_the_length_cap_still_get_distinct_names() {
        // Regression: found by the `names` fuzz target (an endless loop).
        for name in [
            "n".repeat(MAX_NAME_BYTES),
            format!("{}.pdf", "é".repeat(98)),
            "x".repeat(MAX_NAME_BYTES - 1),
        ] {
            let safe = sanitize(&name, "f");
            let mut names = UniqueNames::new();
            let a = names.claim(&safe);
            let b = names.claim(&safe);
            let c = names.claim(&safe);
            assert!(a != b && b != c && a != c);
            assert!(b.len() <= MAX_NAME_BYTES && c.len() <= MAX_NAME_BYTES, "{}", b.len());
            assert!(b.ends_with(" (2)") || b.ends_with(" (2).pdf"), "{b}");
        }
    }

    #[test]
    fn non_ascii_names_survive() {
        assert_eq!(sanitize("atto n° 1 – città.txt", "f"), "atto n° 1 – città.txt");
    }
}
