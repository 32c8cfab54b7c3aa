//! Putting written files on disk before they are given their names.
//!
//! Flushing each file on its own costs a round trip to the disk per file: most of the time of
//! extracting or archiving many small ones. On the local file systems that honour it, files
//! written into one folder are made durable together by one flush of the file system that
//! holds them (`syncfs`). Elsewhere (FUSE mounts such as sshfs, network shares) `syncfs` may
//! flush nothing at all, so each file is flushed on its own, as a file system always honours.

use std::fs;
use std::path::Path;

/// Makes the data of `files`, all written inside `folder`, durable: one flush of the folder's
/// file system where that is known to flush them, else a flush of each file.
pub fn flush_files(folder: &Path, files: &[&Path]) -> std::io::Result<()> {
    flush_groups(&[(folder, files)])
}

/// Makes the data of several folders' files durable (each group: a folder and files written
/// inside it) with one flush per file system where that is known to flush them, else a
/// flush of each file: a batch of extracted messages, each in its own folder, costs one
/// round trip to the disk, not one per message.
pub fn flush_groups(groups: &[(&Path, &[&Path])]) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    let mut flushed_devices = Vec::new();
    for (folder, files) in groups {
        let handle = fs::File::open(folder)?;
        #[cfg(target_os = "linux")]
        if rustix::fs::fstatfs(&handle).is_ok_and(|s| syncfs_flushes(i128::from(s.f_type))) {
            let device = rustix::fs::fstat(&handle)
                .map(|s| s.st_dev)
                .map_err(|e| std::io::Error::from_raw_os_error(e.raw_os_error()))?;
            if !flushed_devices.contains(&device) {
                rustix::fs::syncfs(&handle)
                    .map_err(|e| std::io::Error::from_raw_os_error(e.raw_os_error()))?;
                flushed_devices.push(device);
            }
            continue;
        }
        drop(handle);
        for file in *files {
            fs::File::open(file)?.sync_all()?;
        }
    }
    Ok(())
}

/// Makes a folder's entries (the names just given to files) durable.
pub fn flush_folder(folder: &Path) -> std::io::Result<()> {
    fs::File::open(folder)?.sync_all()
}

/// Whether `syncfs` writes out every file of a file system of this type (`statfs` magic):
/// the local disk file systems, and tmpfs, which has no disk to reach.
#[cfg(any(target_os = "linux", test))]
fn syncfs_flushes(magic: i128) -> bool {
    const LOCAL: [i128; 7] = [
        0xEF53,      // ext2, ext3, ext4
        0x5846_5342, // xfs
        0x9123_683E, // btrfs
        0xF2F5_2010, // f2fs
        0x2FC1_2FC1, // zfs
        0xCA45_1A4E, // bcachefs
        0x0102_1994, // tmpfs
    ];
    LOCAL.contains(&magic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_file_systems_are_flushed_as_a_whole() {
        assert!(syncfs_flushes(0xEF53) && syncfs_flushes(0x5846_5342));
        for remote in [0x6573_5546, 0x6969, 0xFF53_4D42, 0xFE53_4D42, 0x517B] {
            // FUSE, NFS, CIFS, SMB2, SMB
            assert!(!syncfs_flushes(remote), "{remote:#x}");
        }
    }

    #[test]
    fn files_are_flushed_wherever_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a");
        fs::write(&file, b"x").unwrap();
        flush_files(dir.path(), &[&file]).unwrap();
        flush_folder(dir.path()).unwrap();
        let missing = dir.path().join("none");
        assert!(flush_files(&missing, &[&file]).is_err(), "a folder that is not there");
        let other = tempfile::tempdir().unwrap();
        let second = other.path().join("b");
        fs::write(&second, b"y").unwrap();
        flush_groups(&[(dir.path(), &[&file]), (other.path(), &[&second])]).unwrap();
        let err = flush_groups(&[(dir.path(), &[&file]), (&missing, &[&second])]);
        assert!(err.is_err(), "every group's folder is opened, not only the first");
    }
}
