//! What a file is, from its name and first bytes: mail, a zip archive, an mbox.

use std::fs;
use std::io::Read;
use std::path::Path;

/// A file holding several messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Container {
    /// A zip archive (webmail export).
    Zip,
    /// An mbox (mboxo or mboxrd).
    Mbox,
}

/// Recognises a container by extension or first bytes.
pub fn container_kind(path: &Path) -> Option<Container> {
    let ext =
        path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let head = head_of_regular_file(path, 5);
    match (ext.as_str(), Container::from_head(&head)) {
        ("zip", _) | (_, Some(Container::Zip)) => Some(Container::Zip),
        ("mbox" | "mbx", _) => Some(Container::Mbox),
        (_, by_content) => by_content,
    }
}

impl Container {
    /// Recognises a container by its first bytes.
    pub fn from_head(head: &[u8]) -> Option<Container> {
        if head.starts_with(b"PK\x03\x04") {
            Some(Container::Zip)
        } else if head.starts_with(b"From ") {
            Some(Container::Mbox)
        } else {
            None
        }
    }
}

pub(super) fn has_eml_extension(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("eml"))
}

/// `.eml` by extension, or a file whose first bytes look like a mail header or an ETSI
/// EN 319 522 evidence (REM).
pub fn is_mail_file(path: &Path) -> bool {
    if has_eml_extension(path) {
        return true;
    }
    let head = head_of_regular_file(path, 1024);
    looks_like_header_start(&head) || looks_like_evidence_start(&head)
}

/// The first `n` bytes of a regular file; nothing for anything else. The bytes read from a
/// pipe or a device (`<(zcat box.mbox.gz)`, a FIFO) are gone from it: its content is
/// recognised once it is read whole (`load_messages`), never by a look ahead.
fn head_of_regular_file(path: &Path, n: u64) -> Vec<u8> {
    let mut head = Vec::new();
    if fs::metadata(path).is_ok_and(|m| m.is_file()) {
        let _ = fs::File::open(path).and_then(|f| f.take(n).read_to_end(&mut head));
    }
    head
}

/// An XML document that names the ETSI EN 319 522 evidence namespace in its first bytes (the
/// reader, `read::rem`, decides what it is; input does not use read).
fn looks_like_evidence_start(head: &[u8]) -> bool {
    let start = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    start.trim_ascii_start().starts_with(b"<")
        && memchr::memmem::find(head, b"http://uri.etsi.org/19522/v1#").is_some()
}

/// A first line of the form `Field-Name: value` with a known mail field name.
pub fn looks_like_header_start(head: &[u8]) -> bool {
    const FIELDS: &[&str] = &[
        "return-path",
        "received",
        "from",
        "to",
        "subject",
        "date",
        "message-id",
        "mime-version",
        "delivered-to",
        "x-",
        "content-type",
        "reply-to",
    ];
    let line_end = memchr::memchr(b'\n', head).unwrap_or(head.len());
    let line = head.get(..line_end).unwrap_or_default();
    let Some(colon) = memchr::memchr(b':', line) else { return false };
    let name = String::from_utf8_lossy(line.get(..colon).unwrap_or_default()).to_ascii_lowercase();
    FIELDS.iter().any(|f| if f.ends_with('-') { name.starts_with(f) } else { name == *f })
}
