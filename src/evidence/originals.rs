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

/// The algorithm of the first stated digest `bytes` match.
fn matching_digest(
    digests: &[crate::read::hashfile::StatedDigest],
    bytes: &[u8],
) -> Option<&'static str> {
    use sha1::Sha1;
    use sha2::{Digest, Sha256, Sha384, Sha512};
    digests.iter().find_map(|d| {
        let actual = match d.algorithm {
            "sha1" => hex::encode(Sha1::digest(bytes)),
            "sha256" => hex::encode(Sha256::digest(bytes)),
            "sha384" => hex::encode(Sha384::digest(bytes)),
            _ => hex::encode(Sha512::digest(bytes)),
        };
        (actual == d.hex).then_some(d.algorithm)
    })
}

/// Files of the folder a lawyer kept looked at for an original not found under its name:
/// enough for any folder of one notification's documents.
const MAX_KEPT_FILES: usize = 10_000;

/// Checks the files a lawyer kept against the digests a breve receipt states. An original not
/// found under its name is looked for by its digest among the folder's files (a Mac writes
/// "città" in another Unicode form, a browser saves "atto (1).pdf"; review 15): found, it
/// matches, and the file column names where.
pub fn check_originals(
    stated: &[StatedDigests],
    originals: &std::path::Path,
) -> Vec<OriginalCheck> {
    let mut out = Vec::new();
    let mut others: Option<Vec<std::path::PathBuf>> = None;
    for StatedDigests { attachment, digests } in stated {
        let attachment = attachment.clone();
        let safe = crate::names::sanitize(&attachment, "");
        let path = originals.join(&safe);
        let Ok(kept) = std::fs::read(&path) else {
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
                files
            });
            let found = files.iter().find_map(|p| {
                let bytes = std::fs::read(p).ok()?;
                matching_digest(digests, &bytes).map(|algorithm| (p, algorithm))
            });
            out.push(match found {
                Some((p, algorithm)) => OriginalCheck {
                    attachment,
                    status: "matching",
                    algorithm: Some(algorithm),
                    file: Some(p.display().to_string()),
                },
                None => {
                    OriginalCheck { attachment, status: "missing", algorithm: None, file: None }
                }
            });
            continue;
        };
        let matched = matching_digest(digests, &kept);
        out.push(OriginalCheck {
            attachment,
            status: if matched.is_some() { "matching" } else { "differing" },
            algorithm: matched,
            file: Some(path.display().to_string()),
        });
    }
    out
}
