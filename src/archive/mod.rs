//! Keeping PEC: byte-exact copies of every message in a folder, one `.eml` each, named so a
//! person can find them, never overwritten, written to a temporary file, flushed to disk and
//! renamed before they are recorded. `archive.jsonl` holds one line per archived message
//! (docs/archive.schema.json); `sources.jsonl` every source a message was met in, so a rerun
//! adds only what is new (by source name, then by SHA-256) and the same message met twice is
//! stored once.

use std::collections::{HashMap, HashSet};
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::Serialize;

use crate::certify::assess::{Assessment, Verdict};
use crate::read::Artefact;

mod batch;
mod integrity;

pub use integrity::{Damage, Damaged};

/// The record of archived messages.
pub const RECORD: &str = "archive.jsonl";
/// Every source each message was met in.
pub const SOURCES: &str = "sources.jsonl";
/// Temporary files start so; those left by an interrupted run are removed by the next. Like
/// the lock's, the name starts with [`crate::names::WORKING_FILE_PREFIX`]: no walk of the
/// folder reads them as messages.
const PARTIAL_PREFIX: &str = ".peckit-partial-";
/// Held (locked) by the run writing to the archive: one at a time.
const LOCK: &str = ".peckit-lock";

/// Why the archive could not be kept.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// A file or folder of the archive could not be read or written.
    // Said once: a field named `source` would be printed again as the error's cause.
    #[error("{path}: {error}")]
    Io {
        /// The path.
        path: String,
        /// The system's error.
        error: std::io::Error,
    },
    /// An earlier commit of this handle failed: what it knows may not match the folder.
    #[error("{0}: an earlier write to the archive failed; open it again to go on")]
    Broken(String),
    /// Another run is writing to the same archive.
    #[error("{0}: another peckit archive is writing to this folder")]
    Busy(String),
    /// A record file is not text.
    #[error("{0}: not text (UTF-8): not a record file")]
    NotText(String),
    /// A line of the record is not what peckit writes.
    #[error("{path}, line {line}: not an archive record ({why})")]
    Record {
        /// The record file.
        path: String,
        /// Its line number, from 1.
        line: usize,
        /// What is wrong.
        why: RecordFault,
    },
}

/// What is wrong with a line of `archive.jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordFault {
    /// Not JSON: the reader's words, and the column.
    #[error("{message}, column {column}")]
    Json {
        /// The JSON reader's words (English).
        message: String,
        /// Where on the line.
        column: usize,
    },
    /// No `sha256` or no `file`.
    #[error("no sha256 or file")]
    Incomplete,
    /// A `file` that is not one plain name of the folder.
    #[error("{0:?} is not a file name inside the archive")]
    NotAName(String),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> ArchiveError + '_ {
    move |error| ArchiveError::Io { path: path.display().to_string(), error }
}

/// What the archive records of a message besides its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    /// The verdict of its verification.
    pub verdict: Verdict,
    /// Its kind, kebab-case.
    pub kind: String,
    /// The signed msgid, when certified.
    pub msgid: Option<String>,
    /// The signed identificativo, when certified.
    pub identificativo: Option<String>,
    /// The certified time, when the daticert is certified.
    pub certified: Option<Timestamp>,
    /// The recipient a delivery receipt or notice is about (daticert `consegna`).
    pub recipient: Option<String>,
}

impl Facts {
    /// The facts of an assessed artefact: identifiers and time only from a certified daticert.
    pub fn of(artefact: &Artefact, assessment: &Assessment) -> Facts {
        let certified = crate::certify::assess::signed_data_certified(
            assessment.signature.as_ref(),
            &assessment.problems,
        );
        let daticert = artefact.daticert().filter(|_| certified);
        Facts {
            verdict: assessment.verdict,
            kind: artefact.kind.name().to_string(),
            msgid: daticert.and_then(|d| d.msgid.clone()),
            identificativo: daticert.and_then(|d| d.identificativo.clone()),
            certified: daticert.and_then(|d| d.data.as_ref()).map(|t| t.utc),
            recipient: daticert.and_then(|d| d.consegna.clone()),
        }
    }
}

/// One line of `archive.jsonl`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Record {
    /// SHA-256 of the bytes, hex.
    pub sha256: String,
    /// Their length.
    pub size: u64,
    /// The artefact name it came from (path, `box.mbox#3`, IMAP URL with UID).
    pub source: String,
    /// Its file name in the archive.
    pub file: String,
    /// The verdict of its verification when archived.
    pub verdict: Verdict,
    /// Its kind.
    pub kind: String,
    /// The certified msgid.
    pub msgid: Option<String>,
    /// The certified identificativo.
    pub identificativo: Option<String>,
    /// The certified time, RFC 3339 UTC.
    pub certified_time_utc: Option<String>,
    /// When it was archived, RFC 3339 UTC.
    pub archived_at: String,
}

/// What adding a message did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// Written and recorded.
    Archived(Record),
    /// The same bytes were already kept, in this file.
    AlreadyThere(String),
}

/// A message met since the last commit.
#[derive(Debug)]
enum Pending {
    /// New bytes, with their record (the file name still empty).
    New { bytes: NewBytes, record: Box<Record> },
    /// Bytes kept already, or staged earlier in this batch.
    Again { source: String, sha256: String },
}

/// Where staged new bytes are.
#[derive(Debug)]
enum NewBytes {
    /// In a temporary file, to be given the first free of `names`: the readable one, then
    /// with the start of the SHA-256, then with all of it.
    Written { temporary: tempfile::TempPath, names: [String; 3] },
    /// Already in the folder under this name (a run stopped before recording them).
    Found(String),
}

/// An archive folder, open for adding.
#[derive(Debug)]
pub struct Archive {
    dir: PathBuf,
    by_sha256: HashMap<String, String>,
    sources: HashSet<String>,
    record: File,
    source_log: File,
    /// Locked for as long as the archive is open.
    _lock: File,
    /// Messages met since the last commit, in order.
    pending: Vec<Pending>,
    /// The SHA-256 of each new message in `pending`.
    staged: HashSet<String>,
    /// Lines for `sources.jsonl` not yet written: (source, SHA-256).
    source_lines: Vec<(String, String)>,
    /// Set by a failed commit: nothing more is staged or written through this handle (a
    /// source noted without its record would never be fetched again).
    broken: bool,
    /// Kept copies found missing or altered.
    damaged: Vec<Damaged>,
}

fn rfc3339(t: Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// SHA-256 of bytes, hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    crate::verify::crypto::sha256_hex(bytes)
}

impl Archive {
    /// Opens (creating it when absent) the archive in `dir`: reads what is kept and removes
    /// temporary files an interrupted run left.
    pub fn open(dir: &Path) -> Result<Archive, ArchiveError> {
        if fs::metadata(dir).is_ok_and(|m| !m.is_dir()) {
            return Err(io(dir)(std::io::ErrorKind::NotADirectory.into()));
        }
        fs::create_dir_all(dir).map_err(io(dir))?;
        // Before anything is read or removed: another run's temporary files are not ours.
        let lock_path = dir.join(LOCK);
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io(&lock_path))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Err(ArchiveError::Busy(dir.display().to_string()));
            }
            Err(fs::TryLockError::Error(e)) => return Err(io(&lock_path)(e)),
        }
        for entry in fs::read_dir(dir).map_err(io(dir))?.flatten() {
            if entry.file_name().to_string_lossy().starts_with(PARTIAL_PREFIX) {
                let path = entry.path();
                fs::remove_file(&path).map_err(io(&path))?;
            }
        }
        let mut by_sha256 = HashMap::new();
        let mut sizes = HashMap::new();
        let mut recorded = Vec::new();
        let record_path = dir.join(RECORD);
        for (line, value) in read_lines(&record_path)? {
            let field = |k: &str| value.get(k).and_then(|v| v.as_str()).map(str::to_string);
            let bad = |why: RecordFault| ArchiveError::Record {
                path: record_path.display().to_string(),
                line,
                why,
            };
            let (Some(sha), Some(file)) = (field("sha256"), field("file")) else {
                return Err(bad(RecordFault::Incomplete));
            };
            if !integrity::is_plain_name(&file) {
                return Err(bad(RecordFault::NotAName(file)));
            }
            if let Some(source) = field("source") {
                recorded.push((source, sha.clone()));
            }
            sizes.insert(sha.clone(), value.get("size").and_then(serde_json::Value::as_u64));
            // A message written again after its copy was damaged: the last record counts.
            by_sha256.insert(sha, file);
        }
        let mut damaged = Vec::new();
        by_sha256.retain(|sha, file| {
            match integrity::presence(dir, file, sizes.get(sha).copied().flatten()) {
                None => true,
                Some(damage) => {
                    let (file, sha256) = (file.clone(), sha.clone());
                    damaged.push(Damaged { file, sha256, damage, rewritten_as: None });
                    false
                }
            }
        });
        damaged.sort_by(|a, b| a.file.cmp(&b.file));
        let lost: HashSet<&str> = damaged.iter().map(|d| d.sha256.as_str()).collect();
        let mut sources = HashSet::new();
        let source_path = dir.join(SOURCES);
        for (_, value) in read_lines(&source_path)? {
            let field = |k: &str| value.get(k).and_then(|v| v.as_str());
            // A source whose copy is damaged is met (and fetched) again.
            if let Some(source) = field("source")
                && !field("sha256").is_some_and(|sha| lost.contains(sha))
            {
                sources.insert(source.to_string());
            }
        }
        // A run stopped between writing the records and the sources leaves records whose
        // source is not in sources.jsonl: written again at the next commit.
        let mut source_lines = Vec::new();
        for (source, sha) in recorded {
            if !lost.contains(sha.as_str()) && sources.insert(source.clone()) {
                source_lines.push((source, sha));
            }
        }
        let append = |p: &Path| OpenOptions::new().create(true).append(true).open(p).map_err(io(p));
        Ok(Archive {
            dir: dir.to_path_buf(),
            by_sha256,
            sources,
            record: append(&record_path)?,
            source_log: append(&source_path)?,
            _lock: lock,
            pending: Vec::new(),
            staged: HashSet::new(),
            source_lines,
            broken: false,
            damaged,
        })
    }

    /// The kept copies found missing or altered so far, each with the file its message was
    /// written to again, if this run met it.
    pub fn damaged(&self) -> &[Damaged] {
        &self.damaged
    }

    /// Whether a message was already met under this source name (an IMAP UID with its
    /// UIDVALIDITY: no need to fetch it again).
    pub fn has_source(&self, source: &str) -> bool {
        self.sources.contains(source)
    }

    /// Every source name met so far (for skipping mailbox messages before fetching them).
    pub fn sources(&self) -> HashSet<String> {
        self.sources.clone()
    }

    /// The file keeping these bytes, if any.
    pub fn file_of(&self, sha256: &str) -> Option<&str> {
        self.by_sha256.get(sha256).map(String::as_str)
    }

    /// How many messages are kept.
    pub fn len(&self) -> usize {
        self.by_sha256.len()
    }

    /// Whether nothing is kept yet.
    pub fn is_empty(&self) -> bool {
        self.by_sha256.is_empty()
    }

    /// Keeps `bytes` met as `source` at once: [`Archive::stage`] then [`Archive::commit`]
    /// (whatever else was staged is committed too).
    pub fn add(
        &mut self,
        source: &str,
        bytes: &[u8],
        facts: &Facts,
        now: Timestamp,
    ) -> Result<Added, ArchiveError> {
        self.stage(source, bytes, facts, now)?;
        let mut committed = self.commit()?;
        match committed.pop() {
            Some((_, added)) => Ok(added),
            None => Err(ArchiveError::Io {
                path: self.dir.display().to_string(),
                error: std::io::Error::other("nothing was committed"),
            }),
        }
    }
}

/// `2026-11-30_accettazione_opec001.20261130142054.1001.1.1.1@pec.alfa.example`: the
/// certified date in Italian time (the day the provider certified: a delivery at 00:41 on
/// 2 December is not filed under 1 December, as UTC would have it), the kind, the recipient of a delivery receipt or notice, and the
/// identificativo (else the msgid, else the start of the SHA-256), made safe as a file name.
pub fn file_stem(facts: &Facts, sha256: &str) -> String {
    let date = facts
        .certified
        .map(|t| t.to_zoned(crate::italy::rome().clone()).strftime("%Y-%m-%d").to_string())
        .unwrap_or_else(|| "senza-data".into());
    let id = facts
        .identificativo
        .clone()
        .or_else(|| facts.msgid.clone().map(|m| m.trim_matches(['<', '>']).to_string()))
        .unwrap_or_else(|| sha256.get(..16).unwrap_or(sha256).to_string())
        .replace(['/', '\\'], "_");
    let recipient = facts.recipient.as_deref().map(|r| format!("{r}_")).unwrap_or_default();
    let stem = crate::names::sanitize(
        &format!("{date}_{}_{recipient}{id}", facts.kind).replace(['/', '\\'], "_"),
        "messaggio",
    );
    // sanitize keeps an extension-like tail; the stem is capped well under the name limit.
    stem.chars().take(150).collect()
}

fn read_lines(path: &Path) -> Result<Vec<(usize, serde_json::Value)>, ArchiveError> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
            return Err(ArchiveError::NotText(path.display().to_string()));
        }
        Err(e) => return Err(io(path)(e)),
    };
    // A last line without its newline was cut by an interrupted write (power loss, a full
    // disk): not a record. The message it named is found again by its bytes; the cut line
    // goes, so the next record does not land on it.
    let complete = match text.rfind('\n') {
        Some(end) => end + 1,
        None => 0,
    };
    if complete < text.len() {
        let file = OpenOptions::new().write(true).open(path).map_err(io(path))?;
        file.set_len(u64::try_from(complete).unwrap_or(0)).map_err(io(path))?;
        file.sync_all().map_err(io(path))?;
    }
    let mut out = Vec::new();
    for (i, line) in text.get(..complete).unwrap_or("").lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value = serde_json::from_str(line).map_err(|e| ArchiveError::Record {
            path: path.display().to_string(),
            line: i + 1,
            // Its own position is in a one-line document: the column is what tells.
            why: RecordFault::Json {
                message: e.to_string().split(" at line ").next().unwrap_or_default().to_string(),
                column: e.column(),
            },
        })?;
        out.push((i + 1, value));
    }
    Ok(out)
}

/// Appends one JSON line per value, with one write and one flush.
fn append_lines<T: Serialize>(
    file: &mut File,
    values: impl IntoIterator<Item = T>,
    path: &Path,
) -> Result<(), ArchiveError> {
    let mut lines = Vec::new();
    for value in values {
        serde_json::to_writer(&mut lines, &value).map_err(|e| ArchiveError::Io {
            path: path.display().to_string(),
            error: std::io::Error::other(e),
        })?;
        lines.push(b'\n');
    }
    if lines.is_empty() {
        return Ok(());
    }
    file.write_all(&lines).map_err(io(path))?;
    file.sync_data().map_err(io(path))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
