//! Where bytes come from: files, folders (walked recursively) and standard input.
//!
//! Inputs are listed first (cheap, sorted for stable output) and read one at a time later, so
//! a batch never holds more than the files being worked on. Nothing here interprets mail
//! beyond sniffing the first bytes of files found in folders.

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
}

impl Source {
    /// How the input is named in reports.
    pub fn display_name(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Stdin => "-".into(),
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
            Source::File(path) => {
                let meta = fs::metadata(path)?;
                if meta.is_dir() {
                    return Err(crate::Error::Io(std::io::Error::other("is a directory")));
                }
                if meta.len() > max_bytes {
                    return Err(too_big());
                }
                let mut buf = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
                fs::File::open(path)?.take(max_bytes.saturating_add(1)).read_to_end(&mut buf)?;
                if u64::try_from(buf.len()).unwrap_or(u64::MAX) > max_bytes {
                    return Err(too_big());
                }
                Ok(buf)
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

/// Expands command-line paths: files as given, folders walked recursively for mail files,
/// `-` for standard input. Errors are returned beside the sources so a batch goes on.
pub fn expand(paths: &[PathBuf]) -> (Vec<Source>, Vec<ListError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut sources, &mut errors),
            Ok(_) => sources.push(Source::File(path.clone())),
            Err(error) => errors.push(ListError { path: path.clone(), error }),
        }
    }
    (sources, errors)
}

fn walk(dir: &Path, sources: &mut Vec<Source>, errors: &mut Vec<ListError>) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(error) => {
            errors.push(ListError { path: dir.to_path_buf(), error });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        // symlink_metadata: never follow links out of the tree (or into loops).
        let Ok(meta) = fs::symlink_metadata(&path) else { continue };
        if meta.is_dir() {
            walk(&path, sources, errors);
        } else if meta.is_file() && is_mail_file(&path) {
            sources.push(Source::File(path));
        }
    }
}

/// `.eml` by extension, or a file whose first bytes look like a mail header.
pub fn is_mail_file(path: &Path) -> bool {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("eml")) {
        return true;
    }
    let mut head = [0u8; 512];
    let Ok(mut f) = fs::File::open(path) else { return false };
    let Ok(n) = f.read(&mut head) else { return false };
    let head = head.get(..n).unwrap_or_default();
    looks_like_header_start(head)
}

/// A first line of the form `Field-Name: value` with a known mail field name.
fn looks_like_header_start(head: &[u8]) -> bool {
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
            .iter()
            .map(|s| match s {
                Source::File(p) => p.file_name().unwrap().to_string_lossy().into_owned(),
                Source::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(names, ["a.eml", "b.txt"]);
    }

    #[test]
    fn missing_paths_are_errors_beside_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.eml"), b"x").unwrap();
        let (sources, errors) =
            expand(&[dir.path().join("missing.eml"), dir.path().join("a.eml"), "-".into()]);
        assert_eq!(sources.len(), 2);
        assert_eq!(errors.len(), 1);
        assert_eq!(sources[1], Source::Stdin);
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
