//! Attachments of an original, and the files a lawyer kept checked against a ricevuta
//! breve's stated digests.

use std::collections::BTreeSet;

use super::model::{OriginalCheck, StatedDigests};
use crate::limits::Limits;
use crate::read::hashfile::{attachment_name_for_hash, stated_digests};
use crate::read::{decode, mime};

/// The named (attached) leaf parts of a message, decoded.
pub fn attachment_list(message: &[u8], limits: &Limits) -> Vec<(String, Vec<u8>)> {
    let Ok(root) = mime::parse_entity(message, 0..message.len(), limits) else { return Vec::new() };
    let mut out = Vec::new();
    for (e, _) in root.leaves() {
        let Some(name) = decode::entity_file_name(e, message) else {
            continue;
        };
        out.push((name, decode::decode_entity(e, message).into_bytes()));
    }
    out
}

/// The digests a breve receipt states, per attachment (its `.hash` files), first mention
/// of each attachment only.
pub fn stated_digests_of(attachments: &[(String, Vec<u8>)]) -> Vec<StatedDigests> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for (name, bytes) in attachments {
        let digests = stated_digests(bytes);
        if digests.is_empty() {
            continue;
        }
        let attachment = attachment_name_for_hash(name);
        if seen.insert(attachment.clone()) {
            out.push(StatedDigests { attachment, digests });
        }
    }
    out
}

/// A kept file's digests, each algorithm a receipt may state, read in pieces: a folder may
/// hold large files, and none is held whole (review 17).
struct FileDigests {
    hex: [(&'static str, String); 4],
}

impl FileDigests {
    fn of(path: &std::path::Path) -> std::io::Result<FileDigests> {
        use sha1::Sha1;
        use sha2::{Digest, Sha256, Sha384, Sha512};
        use std::io::Read;
        let mut file = std::fs::File::open(path)?;
        let (mut h1, mut h256, mut h384, mut h512) =
            (Sha1::new(), Sha256::new(), Sha384::new(), Sha512::new());
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = file.read(&mut buf)?;
            let Some(piece) = buf.get(..n).filter(|p| !p.is_empty()) else { break };
            h1.update(piece);
            h256.update(piece);
            h384.update(piece);
            h512.update(piece);
        }
        Ok(FileDigests {
            hex: [
                ("sha1", hex::encode(h1.finalize())),
                ("sha256", hex::encode(h256.finalize())),
                ("sha384", hex::encode(h384.finalize())),
                ("sha512", hex::encode(h512.finalize())),
            ],
        })
    }

    /// Whether every stated digest agrees (one that matches a SHA-1 and not the stated
    /// SHA-256 is not the original: review 17); the strongest algorithm stated, when so.
    fn matches(&self, stated: &[crate::read::hashfile::StatedDigest]) -> Option<&'static str> {
        let agrees = |d: &crate::read::hashfile::StatedDigest| {
            self.hex.iter().any(|(algorithm, hex)| *algorithm == d.algorithm && *hex == d.hex)
        };
        if stated.is_empty() || !stated.iter().all(agrees) {
            return None;
        }
        let rank = |a: &str| self.hex.iter().position(|(x, _)| *x == a).unwrap_or(0);
        stated.iter().map(|d| d.algorithm).max_by_key(|a| rank(a))
    }
}

/// Files of the folder a lawyer kept looked at for an original not found under its name:
/// enough for any folder of one notification's documents.
const MAX_KEPT_FILES: usize = 10_000;

/// Checks the files a lawyer kept against the digests a breve receipt states: a file matches
/// when every digest stated for it agrees. An original not found under its name is looked for
/// by its digests among the folder's files (a Mac writes "città" in another Unicode form, a
/// browser saves "atto (1).pdf"; review 15): found, it matches, and the file column names
/// where.
pub fn check_originals(
    stated: &[StatedDigests],
    originals: &std::path::Path,
) -> Vec<OriginalCheck> {
    let mut out = Vec::new();
    // Each file of the folder hashed once, when first needed.
    let mut others: Option<Vec<(std::path::PathBuf, Option<FileDigests>)>> = None;
    for StatedDigests { attachment, digests } in stated {
        let attachment = attachment.clone();
        let safe = crate::names::sanitize(&attachment, "");
        let path = originals.join(&safe);
        if let Ok(kept) = FileDigests::of(&path) {
            let matched = kept.matches(digests);
            out.push(OriginalCheck {
                attachment,
                status: if matched.is_some() { "matching" } else { "differing" },
                algorithm: matched,
                file: Some(path.display().to_string()),
            });
            continue;
        }
        let files = others.get_or_insert_with(|| {
            let mut files: Vec<_> = std::fs::read_dir(originals)
                .map(|entries| {
                    entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.is_file())
                        .take(MAX_KEPT_FILES)
                        .collect()
                })
                .unwrap_or_default();
            files.sort();
            files.into_iter().map(|p| (p, None)).collect()
        });
        let found = files.iter_mut().find_map(|(p, known)| {
            if known.is_none() {
                *known = FileDigests::of(p).ok();
            }
            known.as_ref()?.matches(digests).map(|algorithm| (p.clone(), algorithm))
        });
        out.push(match found {
            Some((p, algorithm)) => OriginalCheck {
                attachment,
                status: "matching",
                algorithm: Some(algorithm),
                file: Some(p.display().to_string()),
            },
            None => OriginalCheck { attachment, status: "missing", algorithm: None, file: None },
        });
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::read::hashfile::StatedDigest;

    /// A file matches only when every digest stated for it agrees: one that matches the
    /// SHA-1 and not the SHA-256 (what a SHA-1 collision looks like) is not the original.
    #[test]
    fn every_stated_digest_must_agree() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("atto.pdf");
        std::fs::write(&path, b"the original").unwrap();
        let kept = FileDigests::of(&path).unwrap();
        let digest = |algorithm: &'static str| {
            let hex = kept.hex.iter().find(|(a, _)| *a == algorithm).unwrap().1.clone();
            StatedDigest { algorithm, hex }
        };
        let wrong = StatedDigest { algorithm: "sha256", hex: "00".repeat(32) };
        assert_eq!(kept.matches(&[digest("sha1")]), Some("sha1"));
        assert_eq!(kept.matches(&[digest("sha1"), digest("sha256")]), Some("sha256"));
        assert_eq!(kept.matches(&[digest("sha1"), wrong]), None);
        assert_eq!(kept.matches(&[]), None);
    }
}
