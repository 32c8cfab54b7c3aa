//! Folders walked for mail files, Maildirs, and lists of paths.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::sniff::{container_kind, is_mail_file};
use super::source::{ListError, Source, Sources};

/// How folders are searched.
#[derive(Debug, Clone)]
pub struct WalkOptions {
    /// Only files whose name, or whole path, matches one of these globs (`--glob`), if any.
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
    /// A pattern without `/` (`aruba*`) is meant for the file name, one with `/` for the path
    /// (`**/2024/*.eml`): either match counts.
    fn wants(&self, path: &Path) -> bool {
        self.globs.as_ref().is_none_or(|g| {
            g.is_match(path) || path.file_name().is_some_and(|name| g.is_match(name))
        })
    }
}

/// Expands command-line paths: files as given, folders walked recursively for mail files,
/// `-` for standard input. Errors are returned beside the sources so a batch goes on.
/// Containers (zip, mbox) are returned as files; see [`stream`](super::stream) to open them.
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
            // A path that cannot be reached stays in its place among the inputs: reading it
            // says why, in input order (`--ordered`, JSONL matched to inputs by position).
            _ => sources.push(Source::File(path.clone())),
        }
    }
    (sources, errors)
}

/// Whether a folder is a Maildir (cur/ and new/).
fn is_maildir(dir: &Path) -> bool {
    dir.join("cur").is_dir() && dir.join("new").is_dir()
}

fn walk(dir: &Path, opts: &WalkOptions, sources: &mut Sources, errors: &mut Vec<ListError>) {
    let maildir = is_maildir(dir);
    if maildir {
        // Maildir: every file of cur/ and new/ is one message, whatever its name.
        for sub in ["cur", "new"] {
            let Ok(entries) = fs::read_dir(dir.join(sub)) else { continue };
            let mut paths: Vec<PathBuf> =
                entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for p in paths {
                let working = p.file_name().is_some_and(crate::names::is_working_file);
                let Ok(own) = fs::symlink_metadata(&p) else { continue };
                if working || !opts.wants(&p) {
                    continue;
                }
                if own.is_file() {
                    sources.push(Source::File(p));
                } else if own.file_type().is_symlink() {
                    // Every file of a Maildir is a message, whatever its name.
                    follow_link(p, true, sources, errors, |sources, p| {
                        sources.push(Source::File(p))
                    });
                }
            }
        }
        // The rest of a Maildir root is walked as any folder (review 15: a Maildir++
        // `.Ricevute` or `.Sent` folder, another Maildir, was left out without a word); tmp/
        // holds messages still being delivered.
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
        if crate::names::is_working_file(&name) {
            continue; // a temporary file of extract or archive, or archive's lock
        }
        // A Maildir's cur/ and new/ were read above; the tmp/ beside a cur/ (a Maildir, or
        // one that lost its new/: review 17) holds messages still being delivered.
        let tmp_beside_cur =
            name == "tmp" && (maildir || (file_type.is_dir() && dir.join("cur").is_dir()));
        if (maildir && (name == "cur" || name == "new")) || tmp_beside_cur {
            continue;
        }
        let path = dir.join(&name);
        let mail = |path: &Path| is_mail_file(path) || container_kind(path).is_some();
        if file_type.is_dir() {
            walk(&path, opts, sources, errors);
        } else if file_type.is_file() && opts.wants(&path) && mail(&path) {
            sources.push_in_folder(folder, dir, name);
        } else if file_type.is_symlink() && opts.wants(&path) {
            let mail = mail(&path);
            follow_link(path, mail, sources, errors, |sources, _| {
                sources.push_in_folder(folder, dir, name)
            });
        }
    }
}

/// A symbolic link met in a walk (review 12: links were left out without a word): one to a
/// regular file is read like the file when it is `mail` (`push`); a broken one named like
/// mail is listed, so that reading it says why; one to a folder is not followed (a loop
/// would never end), nor one to a pipe or a device (reading would wait for ever), and each
/// is said.
fn follow_link(
    path: PathBuf,
    mail: bool,
    sources: &mut Sources,
    errors: &mut Vec<ListError>,
    push: impl FnOnce(&mut Sources, PathBuf),
) {
    match fs::metadata(&path) {
        Ok(target) if target.is_file() => {
            if mail {
                push(sources, path);
            }
        }
        Ok(target) => {
            let unfollowed = crate::error::UnfollowedLink { to_folder: target.is_dir() };
            errors.push(ListError { path, error: std::io::Error::other(unfollowed) });
        }
        Err(_) if mail => push(sources, path),
        Err(_) => {}
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

/// The files of a folder with one of these extensions (any case), sorted by name: a folder
/// of certificates or CRLs given with --trust or --crl.
pub fn files_with_extensions(
    dir: &Path,
    extensions: &[&str],
) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension().is_some_and(|e| {
                    extensions.contains(&e.to_string_lossy().to_ascii_lowercase().as_str())
                })
        })
        .collect();
    files.sort();
    Ok(files)
}
