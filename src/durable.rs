//! Putting written files on disk before they are given their names.
//!
//! Flushing each file on its own costs a round trip to the disk per file: most of the time of
//! extracting or archiving many small ones. Files written into one folder are made durable
//! together instead, by one flush of the file system that holds them.

use std::fs;
use std::path::Path;

/// Makes the data of `files`, all written inside `folder`, durable: one `syncfs` of the file
/// system that holds the folder where there is one, else a flush of each file.
pub fn flush_files(folder: &Path, files: &[&Path]) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let _ = files;
        let handle = fs::File::open(folder)?;
        rustix::fs::syncfs(&handle).map_err(|e| std::io::Error::from_raw_os_error(e.raw_os_error()))
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        for file in files {
            fs::File::open(file)?.sync_all()?;
        }
        Ok(())
    }
}

/// Makes a folder's entries (the names just given to files) durable.
pub fn flush_folder(folder: &Path) -> std::io::Result<()> {
    fs::File::open(folder)?.sync_all()
}
