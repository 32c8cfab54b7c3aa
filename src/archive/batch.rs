//! Staging messages and committing them together: each staged message is written to a
//! temporary file; a commit makes them all durable with one flush of the file system, gives
//! each its name (never over another file), flushes the folder, and only then records them,
//! with one write and one flush per record file. A crash before a commit leaves temporary
//! files (removed by the next run) and nothing recorded; one between the names and the record
//! leaves named files that the next run finds by their bytes and records.

use std::io::Write;
use std::path::Path;

use jiff::Timestamp;
use serde::Serialize;

use super::{
    Added, Archive, ArchiveError, Facts, NewBytes, PARTIAL_PREFIX, Pending, RECORD, Record,
    SOURCES, append_lines, file_stem, io, rfc3339, sha256_hex,
};

impl Archive {
    /// Stages `bytes` met as `source`: new bytes are written to a temporary file, bytes kept
    /// already are only noted. Nothing is recorded, nor named, before [`Archive::commit`].
    pub fn stage(
        &mut self,
        source: &str,
        bytes: &[u8],
        facts: &Facts,
        now: Timestamp,
    ) -> Result<(), ArchiveError> {
        self.usable()?;
        let sha256 = sha256_hex(bytes);
        // "Already there" only of a copy that still holds these bytes.
        if let Some(file) = self.by_sha256.get(&sha256).cloned()
            && let Some(damage) = super::integrity::content(&self.dir, &file, &sha256)
                .map_err(io(&self.dir.join(&file)))?
        {
            self.by_sha256.remove(&sha256);
            self.damaged.push(super::Damaged {
                file,
                sha256: sha256.clone(),
                damage,
                rewritten_as: None,
            });
        }
        if self.by_sha256.contains_key(&sha256) || self.staged.contains(&sha256) {
            self.pending
                .push(Pending::Again { source: source.to_string(), sha256: sha256.clone() });
        } else {
            let base = file_stem(facts, &sha256);
            let short = sha256.get(..12).unwrap_or(&sha256);
            // The whole SHA-256 last: a copy damaged under the short name keeps its place.
            let names = [
                format!("{base}.eml"),
                format!("{base}_{short}.eml"),
                format!("{base}_{sha256}.eml"),
            ];
            // Found before anything is written, so that a full disk does not keep a message
            // already there from being recorded.
            let new_bytes = match self.holding(&names, &sha256)? {
                Some(name) => NewBytes::Found(name),
                None => NewBytes::Written { temporary: self.write_temporary(bytes)?, names },
            };
            let record = Record {
                sha256: sha256.clone(),
                size: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
                source: source.to_string(),
                file: String::new(),
                verdict: facts.verdict,
                kind: facts.kind.clone(),
                msgid: facts.msgid.clone(),
                identificativo: facts.identificativo.clone(),
                certified_time_utc: facts.certified.map(rfc3339),
                archived_at: rfc3339(now),
            };
            self.staged.insert(sha256.clone());
            self.pending.push(Pending::New { bytes: new_bytes, record: Box::new(record) });
        }
        if self.sources.insert(source.to_string()) {
            self.source_lines.push((source.to_string(), sha256));
        }
        Ok(())
    }

    /// How many messages are staged and not yet committed.
    pub fn staged(&self) -> usize {
        self.pending.len()
    }

    /// The bytes of the new messages staged and not yet committed.
    pub fn staged_bytes(&self) -> u64 {
        self.pending
            .iter()
            .filter_map(|p| match p {
                Pending::New { record, .. } => Some(record.size),
                Pending::Again { .. } => None,
            })
            .fold(0, u64::saturating_add)
    }

    fn usable(&self) -> Result<(), ArchiveError> {
        if self.broken {
            return Err(ArchiveError::Broken(self.dir.display().to_string()));
        }
        Ok(())
    }

    /// Makes every staged message durable, named and recorded; returns what became of each,
    /// with its source, in the order they were staged. After an error this handle refuses
    /// to go on ([`ArchiveError::Broken`]): open the archive again, which completes or
    /// removes what was left.
    pub fn commit(&mut self) -> Result<Vec<(String, Added)>, ArchiveError> {
        self.usable()?;
        let committed = self.commit_pending();
        self.broken = committed.is_err();
        committed
    }

    fn commit_pending(&mut self) -> Result<Vec<(String, Added)>, ArchiveError> {
        let pending = std::mem::take(&mut self.pending);
        self.staged.clear();
        let new: Vec<&Path> = pending
            .iter()
            .filter_map(|p| match p {
                Pending::New { bytes: NewBytes::Written { temporary, .. }, .. } => {
                    Some(temporary.as_ref())
                }
                Pending::New { bytes: NewBytes::Found(_), .. } | Pending::Again { .. } => None,
            })
            .collect();
        if !new.is_empty() {
            crate::durable::flush_files(&self.dir, &new).map_err(io(&self.dir))?;
        }
        let mut done = Vec::with_capacity(pending.len());
        for p in pending {
            match p {
                Pending::New { bytes, mut record } => {
                    record.file = match bytes {
                        NewBytes::Written { temporary, names } => {
                            self.place(temporary, names, &record.sha256)?
                        }
                        NewBytes::Found(name) => name,
                    };
                    self.by_sha256.insert(record.sha256.clone(), record.file.clone());
                    for d in self.damaged.iter_mut().filter(|d| d.sha256 == record.sha256) {
                        d.rewritten_as.get_or_insert_with(|| record.file.clone());
                    }
                    done.push((record.source.clone(), Added::Archived(*record)));
                }
                Pending::Again { source, sha256 } => {
                    let file = self.by_sha256.get(&sha256).cloned().unwrap_or_default();
                    done.push((source, Added::AlreadyThere(file)));
                }
            }
        }
        let records: Vec<&Record> = done
            .iter()
            .filter_map(|(_, added)| match added {
                Added::Archived(record) => Some(record),
                Added::AlreadyThere(_) => None,
            })
            .collect();
        if !records.is_empty() {
            crate::durable::flush_folder(&self.dir).map_err(io(&self.dir))?;
        }
        append_lines(&mut self.record, records, &self.dir.join(RECORD))?;
        #[derive(Serialize)]
        struct Line<'a> {
            source: &'a str,
            sha256: &'a str,
        }
        let lines = std::mem::take(&mut self.source_lines);
        let lines = lines.iter().map(|(source, sha256)| Line { source, sha256 });
        append_lines(&mut self.source_log, lines, &self.dir.join(SOURCES))?;
        Ok(done)
    }

    /// Writes `bytes` to a new temporary file of the archive folder (not flushed).
    fn write_temporary(&self, bytes: &[u8]) -> Result<tempfile::TempPath, ArchiveError> {
        let mut builder = tempfile::Builder::new();
        builder.prefix(PARTIAL_PREFIX);
        // The kept file is an ordinary one: 0666 less the umask, as extract writes.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let mut tmp = builder.tempfile_in(&self.dir).map_err(io(&self.dir))?;
        tmp.write_all(bytes).map_err(io(tmp.path()))?;
        Ok(tmp.into_temp_path())
    }

    /// The first of `names` whose file holds the bytes of this SHA-256, if any (a name is
    /// only ever taken when those before it are).
    fn holding(&self, names: &[String; 3], sha256: &str) -> Result<Option<String>, ArchiveError> {
        for name in names {
            match self.holds(name, sha256)? {
                Some(true) => return Ok(Some(name.clone())),
                Some(false) => continue,
                None => return Ok(None),
            }
        }
        Ok(None)
    }

    /// Whether the file `name` holds the bytes of this SHA-256; `None` when there is none.
    fn holds(&self, name: &str, sha256: &str) -> Result<Option<bool>, ArchiveError> {
        match super::integrity::content(&self.dir, name, sha256)
            .map_err(io(&self.dir.join(name)))?
        {
            None => Ok(Some(true)),
            Some(super::Damage::Altered) => Ok(Some(false)),
            Some(super::Damage::Missing) => Ok(None),
        }
    }

    /// Gives a durable temporary file the first of `names` that is free, never replacing a
    /// file; a file of that name holding the same bytes (left by a run stopped before
    /// recording it, or the same message staged twice) is taken as is.
    fn place(
        &self,
        mut temporary: tempfile::TempPath,
        names: [String; 3],
        sha256: &str,
    ) -> Result<String, ArchiveError> {
        for name in &names {
            let path = self.dir.join(name);
            match temporary.persist_noclobber(&path) {
                Ok(()) => return Ok(name.clone()),
                Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                    temporary = e.path;
                    if self.holds(name, sha256)? == Some(true) {
                        return Ok(name.clone());
                    }
                }
                Err(e) => return Err(io(&path)(e.error)),
            }
        }
        let [readable, ..] = &names;
        Err(ArchiveError::Io {
            path: self.dir.join(readable).display().to_string(),
            error: std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                "taken by other files with other content",
            ),
        })
    }
}
