//! One input and the sorted list of inputs.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::limits::Limit;

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
    /// A message of a mailbox that could not be read: loading it gives the failure.
    Failed {
        /// How the source is named in reports (the mailbox URL).
        name: String,
        /// Why.
        failure: crate::error::MailboxFailure,
    },
    /// A container member larger than the size limit: skipped while splitting, never held
    /// in memory; loading it gives [`crate::error::Error::LimitExceeded`].
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
            Source::Member { name, .. }
            | Source::Oversized { name, .. }
            | Source::Failed { name, .. } => name.clone(),
        }
    }

    /// Takes the bytes (without copying a member's), refusing anything over `max_bytes`.
    pub fn load(self, max_bytes: u64) -> Result<Vec<u8>, crate::error::Error> {
        match self {
            Source::Member { bytes, .. } => {
                if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > max_bytes {
                    return Err(crate::error::Error::LimitExceeded {
                        limit: Limit::InputSize,
                        value: max_bytes,
                    });
                }
                Ok(bytes)
            }
            other => other.read(max_bytes),
        }
    }

    /// Reads the whole input, refusing anything larger than `max_bytes`.
    pub fn read(&self, max_bytes: u64) -> Result<Vec<u8>, crate::error::Error> {
        let too_big =
            || crate::error::Error::LimitExceeded { limit: Limit::InputSize, value: max_bytes };
        match self {
            Source::Oversized { limit, .. } => {
                Err(crate::error::Error::LimitExceeded { limit: Limit::MessageSize, value: *limit })
            }
            Source::Failed { failure, .. } => Err(crate::error::Error::Mailbox(failure.clone())),
            Source::File(path) => {
                // Opened first and measured through the handle: one path lookup, not two.
                let file = fs::File::open(path)?;
                let meta = file.metadata()?;
                if meta.is_dir() {
                    return Err(crate::error::Error::Io(std::io::Error::other("is a directory")));
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

/// The inputs found by [`expand`](super::expand), in order. A file found in a folder is kept as the folder's
/// index and its name in one shared buffer (about 16 bytes plus the name, where a path of
/// its own costs ~100), and becomes a [`Source`] when consumed: a folder of 100,000 files
/// lists in ~2.5 MB, and memory stays flat while a batch runs (issue #6).
#[derive(Debug, Default)]
pub struct Sources {
    pub(super) folders: Vec<PathBuf>,
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

    pub(super) fn push(&mut self, source: Source) {
        self.entries.push(Entry::Given(Box::new(source)));
    }

    /// Adds `folder/name`, compactly when the name is UTF-8 and the buffer within u32.
    pub(super) fn push_in_folder(&mut self, folder: usize, dir: &Path, name: std::ffi::OsString) {
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
