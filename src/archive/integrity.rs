//! What the archive finds wrong with its own copies: a kept file gone, or no longer the bytes
//! recorded (review 12: a rerun said "already there" of a deleted or replaced copy). Every
//! copy's presence and size are checked when the archive is opened, and a copy's SHA-256
//! when its message is met again; a damaged copy is forgotten, so the message is written
//! again (and a mailbox message fetched again) when a run meets it.

use std::fs;
use std::path::Path;

use crate::verify::crypto::sha256_hex;

/// What is wrong with a kept copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// The file is gone (or is not a plain file).
    Missing,
    /// The file does not hold the bytes recorded.
    Altered,
}

/// A kept copy found damaged, and what this run did about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged {
    /// The file the record names.
    pub file: String,
    /// The SHA-256 recorded for it.
    pub sha256: String,
    /// What is wrong.
    pub damage: Damage,
    /// The file its message was written to again, when this run met the message.
    pub rewritten_as: Option<String>,
}

/// Whether a record's file name stays inside the archive folder: one plain name, never a
/// path (a `:` is a drive or a stream on Windows), never a hidden or working file.
pub(super) fn is_plain_name(name: &str) -> bool {
    !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '\\', '\0', ':'])
}

/// Whether `file` is still a plain file of the recorded size (`None` when none is recorded).
pub(super) fn presence(dir: &Path, file: &str, size: Option<u64>) -> Option<Damage> {
    match fs::symlink_metadata(dir.join(file)) {
        Ok(m) if m.is_file() && size.is_none_or(|s| s == m.len()) => None,
        Ok(m) if m.is_file() => Some(Damage::Altered),
        Ok(_) | Err(_) => Some(Damage::Missing),
    }
}

/// Whether `file` holds the bytes of `sha256` (hex).
pub(super) fn content(dir: &Path, file: &str, sha256: &str) -> std::io::Result<Option<Damage>> {
    let path = dir.join(file);
    if fs::symlink_metadata(&path).map(|m| !m.is_file()).unwrap_or(true) {
        return Ok(Some(Damage::Missing));
    }
    match fs::read(&path) {
        Ok(bytes) if sha256_hex(&bytes) == sha256 => Ok(None),
        Ok(_) => Ok(Some(Damage::Altered)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Some(Damage::Missing)),
        Err(e) => Err(e),
    }
}
