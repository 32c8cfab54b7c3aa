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

/// Checks the files a lawyer kept against the digests a breve receipt states.
pub fn check_originals(
    stated: &[StatedDigests],
    originals: &std::path::Path,
) -> Vec<OriginalCheck> {
    use sha1::Sha1;
    use sha2::{Digest, Sha256, Sha384, Sha512};
    let mut out = Vec::new();
    for StatedDigests { attachment, digests } in stated {
        let attachment = attachment.clone();
        let safe = crate::names::sanitize(&attachment, "");
        let path = originals.join(&safe);
        let Ok(kept) = std::fs::read(&path) else {
            out.push(OriginalCheck { attachment, status: "missing", algorithm: None, file: None });
            continue;
        };
        let matched = digests.iter().find_map(|d| {
            let actual = match d.algorithm {
                "sha1" => hex::encode(Sha1::digest(&kept)),
                "sha256" => hex::encode(Sha256::digest(&kept)),
                "sha384" => hex::encode(Sha384::digest(&kept)),
                _ => hex::encode(Sha512::digest(&kept)),
            };
            (actual == d.hex).then_some(d.algorithm)
        });
        out.push(OriginalCheck {
            attachment,
            status: if matched.is_some() { "matching" } else { "differing" },
            algorithm: matched,
            file: Some(path.display().to_string()),
        });
    }
    out
}
