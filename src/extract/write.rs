//! Writing extracted files: inside one folder, never over an existing file unless asked,
//! never a half-written file under the final name.
//!
//! Every name written is a single component produced by [`crate::names::sanitize`], joined to
//! the output folder, so nothing can escape it. Data goes to a temporary file in the same
//! folder and is renamed into place: a crash leaves at most a stray temporary file.
#![deny(clippy::indexing_slicing)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

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
        Ok(OutputDir { root: root.to_path_buf(), force })
    }

    /// The folder's path.
    pub fn path(&self) -> &Path {
        &self.root
    }

    /// A subfolder named by one safe component.
    pub fn subdir(&self, name: &str) -> Result<OutputDir, WriteError> {
        check_component(name)?;
        OutputDir::create(&self.root.join(name), self.force)
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
        builder.prefix(".peckit-").suffix(".tmp");
        // A temporary file is private (0600); the file it becomes is an ordinary one: what the
        // user's umask gives a new file (0666 less the umask, applied by the system).
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let mut tmp = builder.tempfile_in(&self.root).map_err(io_err(&self.root))?;
        tmp.write_all(bytes).map_err(io_err(&target))?;
        tmp.as_file().sync_all().map_err(io_err(&target))?;
        if self.force {
            tmp.persist(&target)
                .map_err(|e| WriteError::Io { path: target.clone(), source: e.error })?;
        } else {
            tmp.persist_noclobber(&target).map_err(|e| {
                if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                    WriteError::Exists(target.clone())
                } else {
                    WriteError::Io { path: target.clone(), source: e.error }
                }
            })?;
        }
        Ok(target)
    }
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
}
