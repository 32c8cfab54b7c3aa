//! Errors: peckit could not evaluate an input at all.
//!
//! A forged or damaged artefact is *not* an error: it is an artefact with problems
//! (see [`crate::problem`]). An error means there was nothing to evaluate: not mail, empty,
//! a resource limit exceeded, an unreadable file.

use serde::{Deserialize, Serialize};

use thiserror::Error;

use crate::limits::Limit;

/// What the bytes are instead of mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "kebab-case")]
pub enum NotMail {
    /// Mostly non-text bytes.
    #[error("binary data, no header block")]
    Binary,
    /// Text, but the first line is not `Name: value`.
    #[error("the first line is not a header field")]
    NoHeaderField,
    /// JSON (records of `peckit verify --format jsonl`, a JSON report) given as mail.
    #[error(
        "it is JSON (evidence reads the records of peckit verify --format jsonl from a file \
         named .jsonl or .ndjson, from another file that holds only them, or from -)"
    )]
    Json,
    /// An mbox or a zip archive deeper than the two levels of containers that are opened.
    #[error(
        "it is an mbox or a zip archive inside a container inside another: peckit opens two \
         levels; extract it and give it on its own"
    )]
    Container,
}

/// Why a mailbox could not be read (IMAP), as data: its words are in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "kebab-case")]
pub enum MailboxFailure {
    /// The URL is not `imaps://USER@HOST[:PORT]/MAILBOX`.
    #[error("not an IMAP URL ({0})")]
    Url(String),
    /// `USER:PASSWORD@` in the URL: refused, and the URL is not repeated.
    #[error(
        "a password in the URL is refused: give it in PECKIT_IMAP_PASSWORD, ~/.netrc or at the prompt"
    )]
    PasswordInUrl,
    /// Plain `imap://` without `--imap-insecure`.
    #[error("plain imap:// sends the password in clear: use imaps://, or --imap-insecure")]
    Insecure,
    /// The server could not be reached.
    #[error("cannot connect to {0}")]
    Connect(String),
    /// The server's certificate is not trusted (checked before any login).
    #[error("the server's certificate is not trusted ({0}); --imap-ca adds a CA")]
    Certificate(String),
    /// No password in PECKIT_IMAP_PASSWORD, ~/.netrc or from a terminal.
    #[error("no password: set PECKIT_IMAP_PASSWORD, add it to ~/.netrc, or run on a terminal")]
    NoPassword,
    /// The server refused the login.
    #[error("login refused by the server")]
    LoginRefused,
    /// The mailbox does not exist or cannot be opened.
    #[error("mailbox {0} cannot be opened")]
    NoMailbox(String),
    /// The server answered with an error, or the connection was lost.
    #[error("IMAP error: {0}")]
    Protocol(String),
}

/// Why an input could not be evaluated.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    /// The input has no bytes.
    #[error("empty input")]
    Empty,
    /// The input does not start with an RFC 5322 header block.
    #[error("not an e-mail message: {0}")]
    NotMail(NotMail),
    /// A resource limit was exceeded.
    #[error("{limit} exceeds the limit of {value}")]
    LimitExceeded {
        /// Which limit.
        limit: Limit,
        /// The limit in force.
        value: u64,
    },
    /// I/O failure reading an input.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A mailbox could not be read.
    #[error("{0}")]
    Mailbox(MailboxFailure),
}

/// Why a line of a JSONL file could not be taken as a record of `peckit verify`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecordFailure {
    /// Not JSON, or not the shape `verify --format jsonl` writes.
    NotARecord(LineFault),
    /// A file whose first line is not a record (mail, a JSON document): not read further.
    NotRecords(LineFault),
    /// An artefact record without the facts evidence needs (`evidence`): written by an
    /// earlier peckit.
    NoFacts,
    /// Longer than the input size limit.
    TooLong,
    /// A `valid` record that lists an error (the problem's code): `verify` never writes one.
    ValidWithError(String),
    /// An `error` record with the facts of a file that was read: `verify` never writes one.
    ErrorWithFacts,
    /// A record whose producing peckit is not written as peckit writes it ("X.Y.Z (commit
    /// HEX)"): the page prints it as provenance, and an edited record would choose its words
    /// (review 15).
    NotAVersion,
    /// A record whose verdict disagrees with the verdict this run gave the same file.
    DisagreesWithThisRun {
        /// The recorded verdict (`valid`, `invalid`, `error`).
        says: &'static str,
        /// This run's verdict.
        now: &'static str,
        /// The first 16 hex digits of the file's SHA-256.
        sha256: String,
    },
    /// A record that states other facts (kind, daticert, times, provider, attachments) than
    /// this run, or another record, found in the same file.
    OtherFacts {
        /// The first 16 hex digits of the file's SHA-256.
        sha256: String,
        /// The record (`FILE:LINE`) it disagrees with; `None`: the file verified in this run.
        other: Option<String>,
    },
    /// Records of one file that disagree.
    RecordsDisagree {
        /// The first 16 hex digits of the file's SHA-256.
        sha256: String,
        /// Each verdict (`valid`, `invalid`, `error`) with its `FILE:LINE`.
        verdicts: Vec<(&'static str, String)>,
    },
}

/// Why a line is not a record of `verify --format jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineFault {
    /// Not JSON at all.
    NotJson,
    /// The first line of a JSON document (`{` or `[` alone): JSON, not JSON Lines.
    JsonDocument,
    /// JSON, but not a line that `verify --format jsonl` writes.
    NotALine,
    /// A field every record has is missing.
    MissingField(String),
    /// Anything else, in the parser's words.
    Other(String),
}

/// Why an input could not be read at all, as data (its words are in the catalogue).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReadFailure {
    /// No bytes.
    Empty,
    /// Bytes that are not mail.
    NotMail(NotMail),
    /// Over a size limit.
    TooLarge {
        /// Which limit.
        limit: Limit,
        /// Its value.
        value: u64,
    },
    /// The file or folder does not exist.
    Missing(String),
    /// Not allowed to read it.
    PermissionDenied(String),
    /// A folder where a file was expected.
    IsAFolder(String),
    /// A symbolic link met walking a folder and not followed: to a folder, or to what is not
    /// a file.
    UnfollowedLink {
        /// Whether it leads to a folder.
        to_folder: bool,
    },
    /// Members of a zip its reader cannot hand over, listed under a name another member holds
    /// too: `times` members of that name (`named`), or `times` members whose names differ only
    /// undecoded.
    ShadowedZipMembers {
        /// How many.
        times: u64,
        /// Whether the path names the shared member name (else the zip).
        named: bool,
    },
    /// A file taken for a zip archive whose structure cannot be read (cut short, damaged, or
    /// not a zip at all), in the zip reader's words.
    UnreadableZip(String),
    /// Any other failure of the system, as the system words it.
    System(String),
    /// A mailbox could not be read.
    Mailbox(MailboxFailure),
    /// A JSONL line is not a record `evidence` can use (never in a record itself).
    #[serde(skip_deserializing)]
    Record(RecordFailure),
}

impl ReadFailure {
    /// The failure behind a library error.
    pub fn of(error: &Error) -> ReadFailure {
        match error {
            Error::Empty => ReadFailure::Empty,
            Error::NotMail(what) => ReadFailure::NotMail(*what),
            Error::LimitExceeded { limit, value } => {
                ReadFailure::TooLarge { limit: *limit, value: *value }
            }
            Error::Io(e) => ReadFailure::of_io(e),
            Error::Mailbox(f) => ReadFailure::Mailbox(f.clone()),
        }
    }

    /// The failure behind a system error.
    pub fn of_io(e: &std::io::Error) -> ReadFailure {
        if let Some(link) = e.get_ref().and_then(|inner| inner.downcast_ref::<UnfollowedLink>()) {
            return ReadFailure::UnfollowedLink { to_folder: link.to_folder };
        }
        if let Some(z) = e.get_ref().and_then(|inner| inner.downcast_ref::<UnreadableZip>()) {
            return ReadFailure::UnreadableZip(z.0.clone());
        }
        if let Some(s) = e.get_ref().and_then(|inner| inner.downcast_ref::<ShadowedZipMembers>()) {
            return ReadFailure::ShadowedZipMembers { times: s.times, named: s.named };
        }
        let words = e.to_string();
        match e.kind() {
            std::io::ErrorKind::NotFound => ReadFailure::Missing(words),
            std::io::ErrorKind::PermissionDenied => ReadFailure::PermissionDenied(words),
            std::io::ErrorKind::IsADirectory => ReadFailure::IsAFolder(words),
            _ => ReadFailure::System(words),
        }
    }
}

/// A file taken for a zip archive whose structure cannot be read, in the zip reader's
/// words. Carried inside an `std::io::Error` of the listing, said as
/// [`ReadFailure::UnreadableZip`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a readable zip archive: {0}")]
pub struct UnreadableZip(pub String);

/// Members of a zip that its reader, which keeps one member of each name, cannot hand over.
/// Carried inside an `std::io::Error` of the listing, said as
/// [`ReadFailure::ShadowedZipMembers`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", match (*named, *times) {
    (true, _) => format!("{times} members of the zip have this name; only the last one could be read"),
    (false, 1) => "1 member of the zip has the name of another one and could not be read".into(),
    (false, _) => format!("{times} members of the zip have the name of another one and could not be read"),
})]
pub struct ShadowedZipMembers {
    /// How many members.
    pub times: u64,
    /// Whether they share the name the path gives.
    pub named: bool,
}

/// A walk met a symbolic link it did not follow: to a folder (a loop would never end), or to
/// something that is not a file (a pipe, a device: reading would wait for ever). Carried
/// inside an `std::io::Error` of the listing, said as [`ReadFailure::UnfollowedLink`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", if *to_folder {
    "a symbolic link to a folder, not followed (name the folder itself)"
} else {
    "a symbolic link to something that is not a file (a pipe, a device), not read"
})]
pub struct UnfollowedLink {
    /// Whether it leads to a folder.
    pub to_folder: bool,
}
