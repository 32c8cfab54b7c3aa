//! Writing extracted files: inside one folder, never over an existing file unless asked,
//! never a half-written file under the final name.
//!
//! Every name written is a single component produced by [`crate::names::sanitize`], joined to
//! the output folder, so nothing can escape it. Data goes to a temporary file in the same
//! folder and is renamed into place once it is on disk: a crash leaves at most stray
//! temporary files. A batched folder ([`OutputDir::create_batched`]) makes all its files
//! durable at [`OutputDir::commit`] with one flush of the file system where that is known to
//! work (see [`crate::durable`]) instead of one per file: seven files an envelope cost seven
//! flushes, most of extracting a folder's time.
#![deny(clippy::indexing_slicing)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use thiserror::Error;

/// Why a file could not be written.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum WriteError {
    /// The target exists and overwriting was not requested.
    #[error("{0} already exists")]
    Exists(PathBuf),
    /// A name that is not a single safe component reached the writer.
    #[error("refusing unsafe file name {0:?}")]
    UnsafeName(String),
    /// A folder on the way is a symbolic link or not a folder.
    #[error("{0} is not a plain folder")]
    NotAFolder(PathBuf),
    /// Any I/O failure, with the path.
    #[error("{path}: {source}")]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The failure.
        source: std::io::Error,
    },
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError::Io { path: path.to_path_buf(), source }
}

/// A folder that extraction writes into.
#[derive(Debug, Clone)]
pub struct OutputDir {
    root: PathBuf,
    force: bool,
    /// Files written but not yet on disk and in place, shared with the subfolders (which
    /// have the same `force`); `None`
    /// when each file is flushed and renamed as it is written.
    batch: Option<Arc<Mutex<Vec<Pending>>>>,
}

/// A file written under a temporary name, waiting for [`OutputDir::commit`].
#[derive(Debug)]
struct Pending {
    temporary: tempfile::TempPath,
    target: PathBuf,
}

fn check_component(name: &str) -> Result<(), WriteError> {
    let bad = name.is_empty()
        || name == "."
        || name == ".."
        || name.contains(['/', '\\', '\0'])
        || Path::new(name).components().count() != 1;
    if bad { Err(WriteError::UnsafeName(name.to_string())) } else { Ok(()) }
}

impl OutputDir {
    /// Creates (if needed) and opens the folder. An existing symlink is refused.
    pub fn create(root: &Path, force: bool) -> Result<OutputDir, WriteError> {
        match fs::symlink_metadata(root) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => return Err(WriteError::NotAFolder(root.to_path_buf())),
            Err(_) => fs::create_dir_all(root).map_err(io_err(root))?,
        }
        Ok(OutputDir { root: root.to_path_buf(), force, batch: None })
    }

    /// Like [`OutputDir::create`], but the files written here and in its subfolders reach
    /// their names only at [`OutputDir::commit`], after one flush of the file system makes
    /// them all durable. Dropped without a commit, it leaves none of them behind.
    pub fn create_batched(root: &Path, force: bool) -> Result<OutputDir, WriteError> {
        let dir = OutputDir::create(root, force)?;
        Ok(OutputDir { batch: Some(Arc::default()), ..dir })
    }

    /// Makes every file written so far durable and moves each to its name; returns the
    /// names. A name taken meanwhile is refused as when writing (unless forced).
    pub fn commit(&self) -> Result<Vec<PathBuf>, WriteError> {
        commit_together(&[self]).pop().unwrap_or_else(|| Ok(Vec::new()))
    }

    fn take_pending(&self) -> Vec<Pending> {
        match &self.batch {
            Some(batch) => std::mem::take(&mut *batch.lock().unwrap_or_else(|e| e.into_inner())),
            None => Vec::new(),
        }
    }

    /// Moves the files, already on disk, to their names: all or nothing.
    fn place(&self, pending: Vec<Pending>) -> Result<Vec<PathBuf>, WriteError> {
        let mut placed = Vec::with_capacity(pending.len());
        for p in pending {
            match put_in_place(p.temporary, p.target, self.force) {
                Ok(target) => placed.push(target),
                Err(e) => {
                    // All or nothing: the files this commit put in place go again (under
                    // --force they may have replaced a file they cannot give back, and stay).
                    if !self.force {
                        for target in placed {
                            let _ = fs::remove_file(target);
                        }
                    }
                    return Err(e);
                }
            }
        }
        Ok(placed)
    }

    /// The folder's path.
    pub fn path(&self) -> &Path {
        &self.root
    }

    /// A subfolder named by one safe component.
    pub fn subdir(&self, name: &str) -> Result<OutputDir, WriteError> {
        check_component(name)?;
        let dir = OutputDir::create(&self.root.join(name), self.force)?;
        Ok(OutputDir { batch: self.batch.clone(), ..dir })
    }

    /// Whether a file of that name exists already (so callers can refuse before writing).
    pub fn exists(&self, name: &str) -> bool {
        fs::symlink_metadata(self.root.join(name)).is_ok()
    }

    /// Writes `bytes` as `name` atomically; refuses to replace an existing file unless the
    /// folder was opened with `force`.
    pub fn write(&self, name: &str, bytes: &[u8]) -> Result<PathBuf, WriteError> {
        check_component(name)?;
        let target = self.root.join(name);
        if !self.force && fs::symlink_metadata(&target).is_ok() {
            return Err(WriteError::Exists(target));
        }
        let mut builder = tempfile::Builder::new();
        builder.prefix(crate::names::WORKING_FILE_PREFIX).suffix(".tmp");
        // A temporary file is private (0600); the file it becomes is an ordinary one: what the
        // user's umask gives a new file (0666 less the umask, applied by the system).
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let mut tmp = builder.tempfile_in(&self.root).map_err(io_err(&self.root))?;
        tmp.write_all(bytes).map_err(io_err(&target))?;
        match &self.batch {
            Some(batch) => {
                let pending = Pending { temporary: tmp.into_temp_path(), target: target.clone() };
                batch.lock().unwrap_or_else(|e| e.into_inner()).push(pending);
                Ok(target)
            }
            None => {
                tmp.as_file().sync_all().map_err(io_err(&target))?;
                put_in_place(tmp.into_temp_path(), target, self.force)
            }
        }
    }
}

/// Renames a temporary file, already on disk, to its name.
fn put_in_place(
    temporary: tempfile::TempPath,
    target: PathBuf,
    force: bool,
) -> Result<PathBuf, WriteError> {
    let renamed =
        if force { temporary.persist(&target) } else { temporary.persist_noclobber(&target) };
    match renamed {
        Ok(()) => Ok(target),
        Err(e) if !force && e.error.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(WriteError::Exists(target))
        }
        Err(e) => Err(WriteError::Io { path: target, source: e.error }),
    }
}

/// Commits several batched folders together (each as [`OutputDir::commit`] does): their
/// files are made durable with one flush per file system for all of them, then each folder's
/// files are moved to their names, all or nothing per folder, and the names flushed too. One
/// result per folder, in order; a failed flush fails every folder (before the renames, their
/// files stay under temporary names and go when the folders are dropped).
pub fn commit_together(dirs: &[&OutputDir]) -> Vec<Result<Vec<PathBuf>, WriteError>> {
    let pending: Vec<Vec<Pending>> = dirs.iter().map(|d| d.take_pending()).collect();
    let files: Vec<Vec<&Path>> =
        pending.iter().map(|p| p.iter().map(|f| f.temporary.as_ref()).collect()).collect();
    let groups: Vec<(&Path, &[&Path])> = dirs
        .iter()
        .zip(&files)
        .filter(|(_, files)| !files.is_empty())
        .map(|(dir, files)| (dir.root.as_path(), files.as_slice()))
        .collect();
    if let Err(e) = crate::durable::flush_groups(&groups) {
        return every_one_failed(dirs, &e);
    }
    drop(files);
    let placed: Vec<Result<Vec<PathBuf>, WriteError>> =
        dirs.iter().zip(pending).map(|(dir, pending)| dir.place(pending)).collect();
    // The names too are made durable before anyone is told of them: one more flush of the file
    // system (of each folder named, where a flush of the whole is not known to work).
    let mut folders: Vec<&Path> =
        placed.iter().flatten().flatten().filter_map(|target| target.parent()).collect();
    folders.sort_unstable();
    folders.dedup();
    let groups: Vec<(&Path, &[&Path])> =
        folders.iter().map(|f| (*f, std::slice::from_ref(f))).collect();
    if let Err(e) = crate::durable::flush_groups(&groups) {
        return every_one_failed(dirs, &e);
    }
    placed
}

/// The flush failed: every folder of the group with it.
fn every_one_failed(
    dirs: &[&OutputDir],
    e: &std::io::Error,
) -> Vec<Result<Vec<PathBuf>, WriteError>> {
    dirs.iter()
        .map(|d| {
            let source = std::io::Error::new(e.kind(), e.to_string());
            Err(WriteError::Io { path: d.root.clone(), source })
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let out = OutputDir::create(dir.path(), false).unwrap();
        out.write("a.txt", b"one").unwrap();
        assert!(matches!(out.write("a.txt", b"two"), Err(WriteError::Exists(_))));
        assert_eq!(fs::read(dir.path().join("a.txt")).unwrap(), b"one");
        let forced = OutputDir::create(dir.path(), true).unwrap();
        forced.write("a.txt", b"two").unwrap();
        assert_eq!(fs::read(dir.path().join("a.txt")).unwrap(), b"two");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn unsafe_components_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let out = OutputDir::create(dir.path(), false).unwrap();
        for bad in ["../x", "a/b", "..", "", "/etc/x"] {
            assert!(matches!(out.write(bad, b"x"), Err(WriteError::UnsafeName(_))), "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn symlinked_subfolder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("sub")).unwrap();
        let out = OutputDir::create(dir.path(), false).unwrap();
        assert!(matches!(out.subdir("sub"), Err(WriteError::NotAFolder(_))));
    }

    /// Every file below the folder, temporary ones included, relative to it.
    fn listing(root: &Path) -> Vec<String> {
        let mut found = Vec::new();
        let mut stack = vec![root.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    found.push(path.strip_prefix(root).unwrap().display().to_string());
                }
            }
        }
        found.sort();
        found
    }

    #[test]
    fn a_batch_appears_whole_at_its_commit_and_not_at_all_without_one() {
        let dir = tempfile::tempdir().unwrap();
        let out = OutputDir::create_batched(&dir.path().join("a"), false).unwrap();
        out.write("one.txt", b"1").unwrap();
        out.subdir("nested").unwrap().write("two.txt", b"2").unwrap();
        let waiting = listing(dir.path());
        assert_eq!(waiting.len(), 2, "{waiting:?}");
        assert!(
            waiting.iter().all(|n| n.ends_with(".tmp")),
            "nothing under its name yet: {waiting:?}"
        );
        let names = out.commit().unwrap();
        assert_eq!(names.len(), 2);
        assert_eq!(listing(dir.path()), ["a/nested/two.txt", "a/one.txt"]);
        assert_eq!(fs::read(dir.path().join("a/nested/two.txt")).unwrap(), b"2");
        assert!(out.commit().unwrap().is_empty(), "a second commit has nothing to do");

        let abandoned = OutputDir::create_batched(&dir.path().join("b"), false).unwrap();
        abandoned.write("three.txt", b"3").unwrap();
        drop(abandoned);
        assert!(listing(&dir.path().join("b")).is_empty(), "dropped uncommitted: nothing left");
    }

    #[test]
    fn a_name_taken_before_the_commit_is_refused_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let out = OutputDir::create_batched(dir.path(), false).unwrap();
        out.write("a.txt", b"first").unwrap();
        out.write("x.txt", b"peckit").unwrap();
        fs::write(dir.path().join("x.txt"), b"someone else").unwrap();
        assert!(matches!(out.commit(), Err(WriteError::Exists(_))));
        assert_eq!(fs::read(dir.path().join("x.txt")).unwrap(), b"someone else");
        assert_eq!(listing(dir.path()), ["x.txt"], "all or nothing: a.txt went again");
        let forced = OutputDir::create_batched(dir.path(), true).unwrap();
        forced.write("x.txt", b"peckit").unwrap();
        forced.commit().unwrap();
        assert_eq!(fs::read(dir.path().join("x.txt")).unwrap(), b"peckit");
    }

    #[test]
    fn folders_committed_together_each_appear_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let first = OutputDir::create_batched(&dir.path().join("one"), false).unwrap();
        let second = OutputDir::create_batched(&dir.path().join("two"), false).unwrap();
        let third = OutputDir::create_batched(&dir.path().join("three"), false).unwrap();
        first.write("a.txt", b"1").unwrap();
        second.write("b.txt", b"2").unwrap();
        second.write("taken.txt", b"peckit").unwrap();
        third.subdir("inner").unwrap().write("c.txt", b"3").unwrap();
        fs::write(dir.path().join("two/taken.txt"), b"someone else").unwrap();
        let results = commit_together(&[&first, &second, &third]);
        assert_eq!(results.len(), 3);
        assert_eq!(results[0].as_ref().unwrap().len(), 1);
        assert!(matches!(results[1], Err(WriteError::Exists(_))), "{:?}", results[1]);
        assert_eq!(results[2].as_ref().unwrap().len(), 1);
        assert_eq!(
            listing(dir.path()),
            ["one/a.txt", "three/inner/c.txt", "two/taken.txt"],
            "the folder with a taken name left nothing of its own; the others are whole"
        );
        assert_eq!(fs::read(dir.path().join("two/taken.txt")).unwrap(), b"someone else");
        assert!(
            commit_together(&[&first, &second, &third])
                .iter()
                .all(|r| r.as_ref().is_ok_and(Vec::is_empty))
        );
    }
}
