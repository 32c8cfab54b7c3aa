//! Files holding several messages: zip archives and mboxes, read member by member.

use std::fs;
use std::io::Read;
use std::path::PathBuf;

use super::sniff::{Container, looks_like_header_start};
use super::source::{ListError, Source};

pub(super) fn zip_members(
    path: PathBuf,
    max_member_bytes: u64,
) -> Box<dyn Iterator<Item = Result<Source, ListError>> + Send> {
    match fs::File::open(&path) {
        Ok(f) => zip_members_of(path, f, max_member_bytes),
        Err(error) => Box::new(std::iter::once(Err(ListError { path, error }))),
    }
}

fn zip_members_of<R: Read + std::io::Seek + Send + 'static>(
    path: PathBuf,
    reader: R,
    max_member_bytes: u64,
) -> Box<dyn Iterator<Item = Result<Source, ListError>> + Send> {
    let mut reader = reader;
    let directory = central_directory(&mut reader);
    let _ = reader.seek(std::io::SeekFrom::Start(0));
    let archive = zip::ZipArchive::new(reader).map_err(|e| ListError {
        path: path.clone(),
        error: std::io::Error::other(crate::error::UnreadableZip(e.to_string())),
    });
    let mut archive = match archive {
        Ok(a) => a,
        Err(e) => return Box::new(std::iter::once(Err(e))),
    };
    let count = archive.len();
    // The zip crate keeps one member of each name (the last): the others are named, as
    // members that could not be read, rather than left out without a word (review 15).
    let Shadowed { names, lost } = shadowed_members(directory, count);
    let zip_path = path.clone();
    let unread = |path: PathBuf, times: u64, named: bool| {
        let shadowed = crate::error::ShadowedZipMembers { times, named };
        Err(ListError { path, error: std::io::Error::other(shadowed) })
    };
    let mut shadowed: Vec<Result<Source, ListError>> = names
        .into_iter()
        .map(|(member, times)| {
            let path = PathBuf::from(format!("{}!{member}", zip_path.display()));
            unread(path, u64::try_from(times).unwrap_or(u64::MAX), true)
        })
        .collect();
    if lost > 0 {
        shadowed.push(unread(zip_path, lost, false));
    }
    Box::new(shadowed.into_iter().chain((0..count).filter_map(move |i| {
        let mut entry = match archive.by_index(i) {
            Ok(e) => e,
            Err(e) => {
                return Some(Err(ListError {
                    path: path.clone(),
                    error: std::io::Error::other(format!("zip member {i}: {e}")),
                }));
            }
        };
        if entry.is_dir() {
            return None;
        }
        let member = entry.name().to_string();
        let name = format!("{}!{member}", path.display());
        let is_eml = member.to_ascii_lowercase().ends_with(".eml");
        // Bounded read: a zip bomb stops at the limit instead of filling memory.
        let mut bytes = Vec::new();
        let limit = max_member_bytes.max(1);
        if let Err(error) = (&mut entry).take(limit.saturating_add(1)).read_to_end(&mut bytes) {
            return Some(Err(ListError { path: PathBuf::from(name), error }));
        }
        if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
            return Some(Ok(Source::Oversized { name, limit }));
        }
        // Files that are neither mail nor a container of mail (an index page, a picture) are
        // left out, as in a folder; an mbox or a zip inside is split when it is loaded.
        if !is_eml && !looks_like_header_start(&bytes) && Container::from_head(&bytes).is_none() {
            return None;
        }
        Some(Ok(Source::Member { name, bytes }))
    })))
}

/// What a zip's end records say of its central directory: how many entries it lists, and
/// its bytes.
struct Directory {
    entries: u64,
    bytes: Vec<u8>,
}

/// The largest central directory read to name shadowed members (some 100 bytes an entry).
const MAX_DIRECTORY_BYTES: u64 = 256 * 1024 * 1024;

/// A little-endian field of `bytes` at `at`, `n` bytes long.
fn field(bytes: &[u8], at: usize, n: usize) -> Option<u64> {
    let b = bytes.get(at..at.checked_add(n)?)?;
    Some(b.iter().rev().fold(0u64, |v, &x| (v << 8) | u64::from(x)))
}

/// The zip's central directory, found from its end record (the one whose comment length
/// reaches the end of the file, so that a comment holding the signature does not mislead)
/// and, for zip64, the zip64 end record before it. The directory is the `size` bytes just
/// before those records: data prepended to the zip (a self-extractor) does not move it.
fn central_directory<R: Read + std::io::Seek>(reader: &mut R) -> Option<Directory> {
    use std::io::SeekFrom;
    let len = reader.seek(SeekFrom::End(0)).ok()?;
    // The end record (22 bytes), its comment (up to 65,535), the zip64 locator (20) and
    // the zip64 end record (56).
    let tail_len = len.min(22 + 65_535 + 20 + 56);
    let tail_start = len - tail_len;
    reader.seek(SeekFrom::Start(tail_start)).ok()?;
    let mut tail = Vec::new();
    reader.by_ref().take(tail_len).read_to_end(&mut tail).ok()?;
    let end = memchr::memmem::rfind_iter(&tail, b"PK\x05\x06").find(|&at| {
        field(&tail, at + 20, 2).is_some_and(|comment| at as u64 + 22 + comment == tail_len)
    })?;
    let (mut entries, mut size) = (field(&tail, end + 10, 2)?, field(&tail, end + 12, 4)?);
    let mut records_start = end;
    if entries == 0xFFFF || size == 0xFFFF_FFFF || field(&tail, end + 16, 4)? == 0xFFFF_FFFF {
        // Zip64: the locator just before, and the zip64 end record (56 bytes) before it.
        let record = end.checked_sub(20 + 56)?;
        if tail.get(end - 20..end - 16)? != b"PK\x06\x07"
            || tail.get(record..record + 4)? != b"PK\x06\x06"
        {
            return None;
        }
        (entries, size) = (field(&tail, record + 32, 8)?, field(&tail, record + 40, 8)?);
        records_start = record;
    }
    let directory_end = tail_start + records_start as u64;
    if size > MAX_DIRECTORY_BYTES || size > directory_end {
        return None;
    }
    reader.seek(SeekFrom::Start(directory_end - size)).ok()?;
    let mut bytes = Vec::new();
    reader.by_ref().take(size).read_to_end(&mut bytes).ok()?;
    Some(Directory { entries, bytes })
}

/// What a zip's directory lists that the zip crate, which keeps one member of each name (the
/// last), will not hand over: the names listed more than once, with how many times, or,
/// when the names cannot tell (the crate compares them decoded), how many are lost. Empty
/// when nothing is (the count agrees) or the directory cannot be read.
fn shadowed_members(directory: Option<Directory>, readable: usize) -> Shadowed {
    let Some(Directory { entries, bytes }) = directory else { return Shadowed::default() };
    let lost = entries.saturating_sub(u64::try_from(readable).unwrap_or(u64::MAX));
    if lost == 0 {
        return Shadowed::default();
    }
    let mut counts: std::collections::BTreeMap<&[u8], usize> = std::collections::BTreeMap::new();
    let mut at = 0usize;
    while bytes.get(at..at + 4) == Some(b"PK\x01\x02") {
        let len = |i: usize| field(&bytes, at + i, 2).and_then(|v| usize::try_from(v).ok());
        let (Some(name_len), Some(extra_len), Some(comment_len)) = (len(28), len(30), len(32))
        else {
            break;
        };
        let Some(name) = bytes.get(at + 46..at + 46 + name_len) else { break };
        *counts.entry(name).or_default() += 1;
        at += 46 + name_len + extra_len + comment_len;
    }
    let names: Vec<(String, usize)> = counts
        .into_iter()
        .filter(|(name, times)| *times > 1 && !name.ends_with(b"/"))
        .map(|(name, times)| (String::from_utf8_lossy(name).into_owned(), times))
        .collect();
    Shadowed { lost: if names.is_empty() { lost } else { 0 }, names }
}

/// Members of a zip the zip crate does not hand over (see [`shadowed_members`]).
#[derive(Default)]
struct Shadowed {
    /// Names listed more than once, and how many times.
    names: Vec<(String, usize)>,
    /// Members lost under names that differ only once decoded.
    lost: u64,
}

/// Reads an mbox message by message. `From ` lines separate messages; inside a message,
/// `>From `, `>>From `, ... lose one `>` (mboxrd, which also undoes mboxo's quoting of
/// `From `), restoring the bytes the provider signed. The file is read in pieces of at most
/// [`MBOX_PIECE`] bytes, and a message larger than `max_bytes` is skipped to the next
/// separator without being kept (issue #13: a 1.5 GB message was read whole first): it
/// becomes [`Source::Oversized`].
pub(super) fn mbox_messages(
    path: PathBuf,
    max_bytes: u64,
) -> Box<dyn Iterator<Item = Result<Source, ListError>> + Send> {
    match fs::File::open(&path) {
        Ok(f) => mbox_messages_of(path, std::io::BufReader::new(f), max_bytes),
        Err(error) => Box::new(std::iter::once(Err(ListError { path, error }))),
    }
}

/// The longest piece of a line read at once from an mbox.
const MBOX_PIECE: usize = 64 * 1024;

/// Reads up to the next line feed (included) or [`MBOX_PIECE`] bytes, whichever comes first.
fn next_piece<R: std::io::BufRead>(reader: &mut R, piece: &mut Vec<u8>) -> std::io::Result<usize> {
    piece.clear();
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(piece.len());
        }
        let room = buf.get(..buf.len().min(MBOX_PIECE - piece.len())).unwrap_or_default();
        let take = memchr::memchr(b'\n', room).map_or(room.len(), |i| i + 1);
        piece.extend_from_slice(room.get(..take).unwrap_or_default());
        reader.consume(take);
        if piece.ends_with(b"\n") || piece.len() >= MBOX_PIECE {
            return Ok(piece.len());
        }
    }
}

/// One mbox message being collected: its bytes (dropped once it is too big), its size and
/// its last four bytes (to see a blank line before a separator even when not kept).
struct MboxMessage {
    bytes: Vec<u8>,
    size: u64,
    max_bytes: u64,
    tail: [u8; 4],
}

impl MboxMessage {
    fn new(max_bytes: u64) -> MboxMessage {
        MboxMessage { bytes: Vec::new(), size: 0, max_bytes, tail: [0; 4] }
    }

    fn oversized(&self) -> bool {
        self.size > self.max_bytes
    }

    fn push(&mut self, piece: &[u8]) {
        self.size = self.size.saturating_add(u64::try_from(piece.len()).unwrap_or(u64::MAX));
        if self.oversized() {
            self.bytes = Vec::new();
        } else {
            self.bytes.extend_from_slice(piece);
        }
        for &b in piece.iter().rev().take(4).rev() {
            self.tail.rotate_left(1);
            if let Some(last) = self.tail.last_mut() {
                *last = b;
            }
        }
    }

    fn ends_with_blank_line(&self) -> bool {
        self.tail.ends_with(b"\n\n") || self.tail == *b"\r\n\r\n"
    }

    /// The finished member: the blank line before a separator belongs to the mbox.
    fn finish(mut self, name: String) -> Source {
        if self.oversized() {
            return Source::Oversized { name, limit: self.max_bytes };
        }
        if self.bytes.ends_with(b"\r\n\r\n") {
            self.bytes.truncate(self.bytes.len() - 2);
        } else if self.bytes.ends_with(b"\n\n") {
            self.bytes.truncate(self.bytes.len() - 1);
        }
        Source::Member { name, bytes: self.bytes }
    }
}

/// Whether `line` is a whole mbox separator: `From SENDER DAY MON DD HH:MM[:SS] [ZONE] YYYY`,
/// the asctime date writers put after the envelope sender.
pub(super) fn is_separator_line(line: &[u8]) -> bool {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let Some(rest) = line.strip_prefix(b"From ") else { return false };
    let Ok(rest) = std::str::from_utf8(rest) else { return false };
    let words: Vec<&str> = rest.split_whitespace().collect();
    let digits = |w: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
    };
    let time = |w: &str| {
        let parts: Vec<&str> = w.split(':').collect();
        (2..=3).contains(&parts.len()) && parts.iter().all(|p| digits(p, 2..=2))
    };
    match words.as_slice() {
        [_sender, day, month, date, clock, tail @ ..] => {
            DAYS.contains(day)
                && MONTHS.contains(month)
                && digits(date, 1..=2)
                && time(clock)
                && tail.iter().any(|w| digits(w, 4..=4))
                && tail.len() <= 2
        }
        _ => false,
    }
}

fn mbox_messages_of<R: std::io::BufRead + Send + 'static>(
    path: PathBuf,
    mut reader: R,
    max_bytes: u64,
) -> Box<dyn Iterator<Item = Result<Source, ListError>> + Send> {
    let mut index = 0usize;
    let mut pending_separator = false;
    let mut done = false;
    let mut line_start = true;
    let mut piece = Vec::new();
    Box::new(std::iter::from_fn(move || {
        if done {
            return None;
        }
        let mut message = MboxMessage::new(max_bytes);
        loop {
            let n = match next_piece(&mut reader, &mut piece) {
                Ok(n) => n,
                Err(error) => {
                    done = true;
                    return Some(Err(ListError { path: path.clone(), error }));
                }
            };
            if n == 0 {
                done = true;
                break;
            }
            let starts_line = line_start;
            line_start = piece.ends_with(b"\n");
            // A separator follows a blank line; a writer that leaves none still writes one
            // whole `From sender date` line, which no mbox leaves unquoted in a body (review
            // 15: the messages after it vanished into the first).
            let at_boundary = message.size == 0
                || message.ends_with_blank_line()
                || (starts_line && is_separator_line(&piece));
            if starts_line && piece.starts_with(b"From ") && at_boundary {
                if pending_separator || message.size > 0 {
                    if message.size == 0 {
                        continue;
                    }
                    index += 1;
                    let name = format!("{}#{index}", path.display());
                    return Some(Ok(message.finish(name)));
                }
                pending_separator = true;
                continue;
            }
            let quoted =
                if starts_line { piece.iter().take_while(|&&b| b == b'>').count() } else { 0 };
            if quoted > 0 && piece.get(quoted..).is_some_and(|rest| rest.starts_with(b"From ")) {
                message.push(piece.get(1..).unwrap_or_default());
            } else {
                message.push(&piece);
            }
        }
        if message.size == 0 {
            return None;
        }
        index += 1;
        Some(Ok(message.finish(format!("{}#{index}", path.display()))))
    }))
}

/// The messages of a zip archive or an mbox already in memory, named after `path`; each
/// member over `max_bytes` is [`Source::Oversized`].
pub fn container_members(
    container: Container,
    path: PathBuf,
    bytes: Vec<u8>,
    max_bytes: u64,
) -> Box<dyn Iterator<Item = Result<Source, ListError>> + Send> {
    match container {
        Container::Zip => zip_members_of(path, std::io::Cursor::new(bytes), max_bytes),
        Container::Mbox => mbox_messages_of(path, std::io::Cursor::new(bytes), max_bytes),
    }
}
