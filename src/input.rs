//! Where bytes come from: files, folders (walked recursively) and standard input.
//!
//! Inputs are listed first (cheap, sorted for stable output) and read one at a time later, so
//! a batch never holds more than the files being worked on. Nothing here interprets mail
//! beyond sniffing the first bytes of files found in folders.
#![deny(clippy::indexing_slicing)]

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One input to evaluate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file on disk.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
    /// Bytes already taken out of a container: `archive.zip!member` or `box.mbox#N`.
    Member {
        /// How the member is named in reports.
        name: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// A container member larger than the size limit: skipped while splitting, never held
    /// in memory; loading it gives [`crate::Error::LimitExceeded`].
    Oversized {
        /// How the member is named in reports.
        name: String,
        /// The limit it exceeded, in bytes.
        limit: u64,
    },
}

impl Source {
    /// How the input is named in reports.
    pub fn display_name(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Stdin => "-".into(),
            Source::Member { name, .. } | Source::Oversized { name, .. } => name.clone(),
        }
    }

    /// Takes the bytes (without copying a member's), refusing anything over `max_bytes`.
    pub fn load(self, max_bytes: u64) -> Result<Vec<u8>, crate::Error> {
        match self {
            Source::Member { bytes, .. } => {
                if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > max_bytes {
                    return Err(crate::Error::LimitExceeded {
                        what: "input size",
                        limit: max_bytes,
                        flag: "--max-size",
                    });
                }
                Ok(bytes)
            }
            other => other.read(max_bytes),
        }
    }

    /// Reads the whole input, refusing anything larger than `max_bytes`.
    pub fn read(&self, max_bytes: u64) -> Result<Vec<u8>, crate::Error> {
        let too_big = || crate::Error::LimitExceeded {
            what: "input size",
            limit: max_bytes,
            flag: "--max-size",
        };
        match self {
            Source::Oversized { limit, .. } => Err(crate::Error::LimitExceeded {
                what: "message size",
                limit: *limit,
                flag: "--max-size",
            }),
            Source::File(path) => {
                // Opened first and measured through the handle: one path lookup, not two.
                let file = fs::File::open(path)?;
                let meta = file.metadata()?;
                if meta.is_dir() {
                    return Err(crate::Error::Io(std::io::Error::other("is a directory")));
                }
                if meta.len() > max_bytes {
                    return Err(too_big());
                }
                // A regular file is read up to the length measured above, which spares the
                // system call that would only see the end (a file growing meanwhile is read
                // as it was when measured). Pipes and devices report no length: read them
                // to their end, within the limit.
                let mut buf = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
                let limit = if meta.is_file() { meta.len() } else { max_bytes.saturating_add(1) };
                file.take(limit).read_to_end(&mut buf)?;
                if u64::try_from(buf.len()).unwrap_or(u64::MAX) > max_bytes {
                    return Err(too_big());
                }
                Ok(buf)
            }
            Source::Member { bytes, .. } => {
                if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > max_bytes {
                    return Err(too_big());
                }
                Ok(bytes.clone())
            }
            Source::Stdin => {
                let mut buf = Vec::new();
                std::io::stdin().lock().take(max_bytes.saturating_add(1)).read_to_end(&mut buf)?;
                if u64::try_from(buf.len()).unwrap_or(u64::MAX) > max_bytes {
                    return Err(too_big());
                }
                Ok(buf)
            }
        }
    }
}

/// A path that could not be listed.
#[derive(Debug)]
pub struct ListError {
    /// The path.
    pub path: PathBuf,
    /// Why.
    pub error: std::io::Error,
}

/// The inputs found by [`expand`], in order. A file found in a folder is kept as the folder's
/// index and its name in one shared buffer (about 16 bytes plus the name, where a path of
/// its own costs ~100), and becomes a [`Source`] when consumed: a folder of 100,000 files
/// lists in ~2.5 MB, and memory stays flat while a batch runs (issue #6).
#[derive(Debug, Default)]
pub struct Sources {
    folders: Vec<PathBuf>,
    names: String,
    entries: Vec<Entry>,
}

#[derive(Debug)]
enum Entry {
    /// An input as given, or a file whose name is not UTF-8.
    Given(Box<Source>),
    /// `folders[folder]` joined with `names[start..end]`.
    InFolder { folder: u32, start: u32, end: u32 },
}

impl Sources {
    /// How many inputs (before containers are opened).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn push(&mut self, source: Source) {
        self.entries.push(Entry::Given(Box::new(source)));
    }

    /// Adds `folder/name`, compactly when the name is UTF-8 and the buffer within u32.
    fn push_in_folder(&mut self, folder: usize, dir: &Path, name: std::ffi::OsString) {
        let start = self.names.len();
        let compact = name.to_str().and_then(|n| {
            let end = start.checked_add(n.len())?;
            Some((
                u32::try_from(folder).ok()?,
                u32::try_from(start).ok()?,
                u32::try_from(end).ok()?,
                n,
            ))
        });
        match compact {
            Some((folder, start, end, n)) => {
                self.names.push_str(n);
                self.entries.push(Entry::InFolder { folder, start, end });
            }
            None => self.push(Source::File(dir.join(name))),
        }
    }

    fn source(&self, entry: Entry) -> Source {
        match entry {
            Entry::Given(source) => *source,
            Entry::InFolder { folder, start, end } => {
                let dir = self.folders.get(folder as usize).map(PathBuf::as_path);
                let name = self.names.get(start as usize..end as usize).unwrap_or_default();
                Source::File(dir.unwrap_or(Path::new("")).join(name))
            }
        }
    }
}

impl IntoIterator for Sources {
    type Item = Source;
    type IntoIter = SourcesIter;

    fn into_iter(mut self) -> SourcesIter {
        let entries = std::mem::take(&mut self.entries).into_iter();
        SourcesIter { list: self, entries }
    }
}

/// The inputs of [`Sources`], one [`Source`] at a time.
#[derive(Debug)]
pub struct SourcesIter {
    list: Sources,
    entries: std::vec::IntoIter<Entry>,
}

impl Iterator for SourcesIter {
    type Item = Source;

    fn next(&mut self) -> Option<Source> {
        self.entries.next().map(|e| self.list.source(e))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.entries.size_hint()
    }
}

impl From<Vec<Source>> for Sources {
    fn from(sources: Vec<Source>) -> Sources {
        let mut list = Sources::default();
        for s in sources {
            list.push(s);
        }
        list
    }
}

/// How folders are searched.
#[derive(Debug, Clone)]
pub struct WalkOptions {
    /// Only files whose path matches one of these globs (`--glob`), if any.
    pub globs: Option<globset::GlobSet>,
    /// Largest member read from an archive or mailbox, in bytes.
    pub max_member_bytes: u64,
}

impl Default for WalkOptions {
    /// No globs; members up to the default input size limit.
    fn default() -> WalkOptions {
        WalkOptions {
            globs: None,
            max_member_bytes: crate::limits::Limits::default().max_input_bytes,
        }
    }
}

impl WalkOptions {
    fn wants(&self, path: &Path) -> bool {
        self.globs.as_ref().is_none_or(|g| g.is_match(path))
    }
}

/// Expands command-line paths: files as given, folders walked recursively for mail files,
/// `-` for standard input. Errors are returned beside the sources so a batch goes on.
/// Containers (zip, mbox) are returned as files; see [`stream`] to open them.
pub fn expand(paths: &[PathBuf]) -> (Sources, Vec<ListError>) {
    expand_with(paths, &WalkOptions::default())
}

/// [`expand`] with options.
pub fn expand_with(paths: &[PathBuf], opts: &WalkOptions) -> (Sources, Vec<ListError>) {
    let mut sources = Sources::default();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, opts, &mut sources, &mut errors),
            Ok(_) => sources.push(Source::File(path.clone())),
            Err(error) => errors.push(ListError { path: path.clone(), error }),
        }
    }
    (sources, errors)
}

/// Whether a folder is a Maildir (cur/ and new/).
fn is_maildir(dir: &Path) -> bool {
    dir.join("cur").is_dir() && dir.join("new").is_dir()
}

fn walk(dir: &Path, opts: &WalkOptions, sources: &mut Sources, errors: &mut Vec<ListError>) {
    if is_maildir(dir) {
        // Maildir: every file of cur/ and new/ is one message, whatever its name.
        for sub in ["cur", "new"] {
            let Ok(entries) = fs::read_dir(dir.join(sub)) else { continue };
            let mut paths: Vec<PathBuf> =
                entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for p in paths {
                if fs::symlink_metadata(&p).is_ok_and(|m| m.is_file()) && opts.wants(&p) {
                    sources.push(Source::File(p));
                }
            }
        }
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(error) => {
            errors.push(ListError { path: dir.to_path_buf(), error });
            return;
        }
    };
    // The entry's own type (from the directory listing, no extra system call, and never
    // following links out of the tree or into loops). Names, not paths, are kept and sorted:
    // within one folder that is the same order, for less memory and cheaper comparisons.
    let mut names: Vec<(std::ffi::OsString, fs::FileType)> = entries
        .filter_map(|e| e.ok().and_then(|e| e.file_type().ok().map(|t| (e.file_name(), t))))
        .collect();
    names.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let folder = sources.folders.len();
    sources.folders.push(dir.to_path_buf());
    for (name, file_type) in names {
        let path = dir.join(&name);
        if file_type.is_dir() {
            walk(&path, opts, sources, errors);
        } else if file_type.is_file()
            && opts.wants(&path)
            && (is_mail_file(&path) || container_kind(&path).is_some())
        {
            sources.push_in_folder(folder, dir, name);
        }
    }
}

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
    let mut head = [0u8; 5];
    let n = fs::File::open(path).and_then(|mut f| f.read(&mut head)).unwrap_or(0);
    let head = head.get(..n).unwrap_or_default();
    match (ext.as_str(), Container::from_head(head)) {
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

/// Streams every message of the inputs: plain files as they are, containers opened and
/// read member by member (so memory holds one member at a time, not the archive).
pub fn stream(
    sources: impl Into<Sources>,
    opts: WalkOptions,
) -> impl Iterator<Item = Result<Source, ListError>> + Send {
    sources.into().into_iter().flat_map(
        move |source| -> Box<dyn Iterator<Item = Result<Source, ListError>> + Send> {
            match &source {
                // An .eml is not opened here just to sniff it: `load_messages` recognises a
                // container from the bytes it reads anyway (one open per file).
                Source::File(path) if has_eml_extension(path) => {
                    Box::new(std::iter::once(Ok(source)))
                }
                Source::File(path) => match container_kind(path) {
                    Some(Container::Zip) => zip_members(path.clone(), opts.max_member_bytes),
                    Some(Container::Mbox) => mbox_messages(path.clone(), opts.max_member_bytes),
                    None => Box::new(std::iter::once(Ok(source))),
                },
                _ => Box::new(std::iter::once(Ok(source))),
            }
        },
    )
}

fn zip_members(
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
    let archive = zip::ZipArchive::new(reader).map_err(|e| ListError {
        path: path.clone(),
        error: std::io::Error::other(format!("not a readable zip archive: {e}")),
    });
    let mut archive = match archive {
        Ok(a) => a,
        Err(e) => return Box::new(std::iter::once(Err(e))),
    };
    let count = archive.len();
    Box::new((0..count).filter_map(move |i| {
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
        if !is_eml && !looks_like_header_start(&bytes) {
            return None;
        }
        Some(Ok(Source::Member { name, bytes }))
    }))
}

/// Reads an mbox message by message. `From ` lines separate messages; inside a message,
/// `>From `, `>>From `, ... lose one `>` (mboxrd, which also undoes mboxo's quoting of
/// `From `), restoring the bytes the provider signed. The file is read in pieces of at most
/// [`MBOX_PIECE`] bytes, and a message larger than `max_bytes` is skipped to the next
/// separator without being kept (issue #13: a 1.5 GB message was read whole first): it
/// becomes [`Source::Oversized`].
fn mbox_messages(
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
            let at_boundary = message.size == 0 || message.ends_with_blank_line();
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

fn has_eml_extension(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("eml"))
}

/// Loads the messages of one source, each with its display name: one message for a mail
/// file, every member when a plain file turns out to hold an mbox or a zip archive (an
/// export saved as `.eml`), read from the bytes already loaded.
pub fn load_messages(
    source: Source,
    max_bytes: u64,
) -> Vec<(String, Result<Vec<u8>, crate::Error>)> {
    let name = source.display_name();
    let Source::File(path) = &source else {
        return vec![(name, source.load(max_bytes))];
    };
    let bytes = match source.read(max_bytes) {
        Ok(b) => b,
        Err(e) => return vec![(name, Err(e))],
    };
    let Some(container) = Container::from_head(&bytes) else {
        return vec![(name, Ok(bytes))];
    };
    let members = container_members(container, path.clone(), bytes, max_bytes);
    members
        .map(|m| match m {
            Ok(member) => (member.display_name(), member.load(max_bytes)),
            Err(e) => (e.path.display().to_string(), Err(crate::Error::Io(e.error))),
        })
        .collect()
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

/// Reads paths from a file, or `-` for standard input: one per line, blank lines skipped.
pub fn paths_from(list: &Path) -> std::io::Result<Vec<PathBuf>> {
    let text = if list.as_os_str() == "-" {
        let mut s = String::new();
        std::io::stdin().lock().read_to_string(&mut s)?;
        s
    } else {
        fs::read_to_string(list)?
    };
    Ok(text
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .map(PathBuf::from)
        .collect())
}

/// `.eml` by extension, or a file whose first bytes look like a mail header.
pub fn is_mail_file(path: &Path) -> bool {
    if has_eml_extension(path) {
        return true;
    }
    let mut head = [0u8; 512];
    let Ok(mut f) = fs::File::open(path) else { return false };
    let Ok(n) = f.read(&mut head) else { return false };
    let head = head.get(..n).unwrap_or_default();
    looks_like_header_start(head)
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

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_for_mail_only() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("a.eml"), b"x").unwrap();
        fs::write(dir.path().join("sub/b.txt"), b"Received: from x\nSubject: y\n\nz").unwrap();
        fs::write(dir.path().join("sub/c.pdf"), b"%PDF-1.4").unwrap();
        let (sources, errors) = expand(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty());
        let names: Vec<String> = sources
            .into_iter()
            .map(|s| match s {
                Source::File(p) => p.file_name().unwrap().to_string_lossy().into_owned(),
                other => other.display_name(),
            })
            .collect();
        assert_eq!(names, ["a.eml", "b.txt"]);
    }

    /// The compact list gives back every path as the walk found it, in order, including a
    /// name that is not UTF-8 (kept as a path of its own) and files of nested folders.
    #[cfg(unix)]
    #[test]
    fn compact_sources_give_back_the_walked_paths_in_order() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        let odd = std::ffi::OsStr::from_bytes(b"c\xff.eml");
        for name in [std::ffi::OsStr::new("b.eml"), std::ffi::OsStr::new("a.eml"), odd] {
            fs::write(dir.path().join(name), b"x").unwrap();
        }
        fs::write(dir.path().join("sub/d.eml"), b"x").unwrap();
        fs::write(dir.path().join("z.eml"), b"x").unwrap();
        let (sources, errors) = expand(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty());
        assert_eq!(sources.len(), 5);
        let got: Vec<Source> = sources.into_iter().collect();
        let expected: Vec<Source> = [
            dir.path().join("a.eml"),
            dir.path().join("b.eml"),
            dir.path().join(odd),
            dir.path().join("sub/d.eml"),
            dir.path().join("z.eml"),
        ]
        .into_iter()
        .map(Source::File)
        .collect();
        assert_eq!(got, expected);
        assert!(got.iter().all(|s| matches!(s, Source::File(p) if p.is_file())));
    }

    #[test]
    fn missing_paths_are_errors_beside_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.eml"), b"x").unwrap();
        let (sources, errors) =
            expand(&[dir.path().join("missing.eml"), dir.path().join("a.eml"), "-".into()]);
        assert_eq!(sources.len(), 2);
        assert_eq!(errors.len(), 1);
        assert_eq!(sources.into_iter().nth(1), Some(Source::Stdin));
    }

    #[test]
    fn mbox_messages_are_split_and_from_lines_unquoted() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("box.mbox");
        let mbox = b"From a@b Mon Jan  1 00:00:00 2024\nSubject: one\n\n>From here\n>>From there\n\nFrom c@d Mon Jan  1 00:00:00 2024\nSubject: two\n\nbody\n";
        fs::write(&p, mbox).unwrap();
        let items: Vec<Source> = stream(vec![Source::File(p.clone())], WalkOptions::default())
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(items.len(), 2);
        let Source::Member { name, bytes } = &items[0] else { panic!() };
        assert!(name.ends_with("box.mbox#1"));
        assert_eq!(bytes.as_slice(), b"Subject: one\n\nFrom here\n>From there\n");
        let Source::Member { name, bytes } = &items[1] else { panic!() };
        assert!(name.ends_with("box.mbox#2"));
        assert_eq!(bytes.as_slice(), b"Subject: two\n\nbody\n");
    }

    #[test]
    fn zip_members_are_named_archive_bang_member() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("export.zip");
        let mut z = zip::ZipWriter::new(fs::File::create(&p).unwrap());
        let o: zip::write::SimpleFileOptions = Default::default();
        z.start_file("a/one.eml", o).unwrap();
        z.write_all(b"Subject: x\n\nhi\n").unwrap();
        z.start_file("notes.pdf", o).unwrap();
        z.write_all(b"%PDF").unwrap();
        z.finish().unwrap();
        let items: Vec<Source> =
            stream(vec![Source::File(p)], WalkOptions { globs: None, max_member_bytes: 1000 })
                .map(|r| r.unwrap())
                .collect();
        assert_eq!(items.len(), 1);
        assert!(items[0].display_name().ends_with("export.zip!a/one.eml"));
    }

    #[test]
    fn maildir_cur_and_new_are_read() {
        let dir = tempfile::tempdir().unwrap();
        for sub in ["cur", "new", "tmp"] {
            fs::create_dir(dir.path().join(sub)).unwrap();
        }
        fs::write(dir.path().join("cur/1:2,S"), b"Subject: a\n\nx").unwrap();
        fs::write(dir.path().join("new/2"), b"Subject: b\n\ny").unwrap();
        fs::write(dir.path().join("tmp/3"), b"Subject: c\n\nz").unwrap();
        let (sources, _) = expand(&[dir.path().to_path_buf()]);
        assert_eq!(sources.len(), 2);
    }

    #[test]
    fn oversized_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.eml");
        fs::write(&p, vec![b'a'; 100]).unwrap();
        assert!(matches!(
            Source::File(p).read(10),
            Err(crate::Error::LimitExceeded { what: "input size", .. })
        ));
    }
}
