//! Which artefacts belong to one message.

use std::collections::{BTreeSet, HashMap};

use super::model::Source;

/// An identifier as it compares: without angle brackets and surrounding blanks, lower-cased.
fn norm_id(id: &str) -> String {
    id.trim().trim_start_matches('<').trim_end_matches('>').trim().to_ascii_lowercase()
}

/// The key an identifier groups by: its normalised form, hashed.
fn group_key(namespace: &str, id: &str) -> [u8; 16] {
    use sha2::{Digest, Sha256};
    let digest = Sha256::new().chain_update(namespace).chain_update(norm_id(id)).finalize();
    let mut key = [0u8; 16];
    key.copy_from_slice(digest.get(..16).unwrap_or(&[0u8; 16]));
    key
}

/// The artefacts of each message: those that carry its identificativo, which the sender's
/// provider assigns and every receipt and notice repeats. The client's Message-ID (daticert
/// `msgid`) is the sender's to choose and may be reused, so it never joins two
/// identificativi (a receipt of one message would prove the delivery of another); it only
/// places an artefact with no identificativo, when exactly one message carries that
/// Message-ID. Returns the groups and the artefacts no message claims.
pub(super) fn group(sources: &[Source]) -> (Vec<Vec<usize>>, Vec<usize>) {
    // Keys are SHA-256 digests of the identifiers, cut to 128 bits: a few bytes a key for a
    // million artefacts, and no two identifiers found that share one.
    let mut by_identificativo: HashMap<[u8; 16], usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut without_identificativo = Vec::new();
    let mut unmatched = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        let Some(d) = s.daticert.as_deref() else {
            unmatched.push(i);
            continue;
        };
        match d.identificativo.as_deref() {
            Some(id) => {
                let next = groups.len();
                let g = *by_identificativo.entry(group_key("i:", id)).or_insert(next);
                match groups.get_mut(g) {
                    Some(members) => members.push(i),
                    None => groups.push(vec![i]),
                }
            }
            None if d.msgid.is_some() => without_identificativo.push(i),
            None => unmatched.push(i),
        }
    }
    // The message (group) of each Message-ID; None once two messages carry it.
    let mut by_msgid: HashMap<[u8; 16], Option<usize>> = HashMap::new();
    for (g, members) in groups.iter().enumerate() {
        let msgids: BTreeSet<[u8; 16]> = members
            .iter()
            .filter_map(|&i| sources.get(i)?.daticert.as_deref()?.msgid.as_deref())
            .map(|m| group_key("m:", m))
            .collect();
        for m in msgids {
            by_msgid.entry(m).and_modify(|owner| *owner = None).or_insert(Some(g));
        }
    }
    for i in without_identificativo {
        let msgid = sources.get(i).and_then(|s| s.daticert.as_deref()?.msgid.as_deref());
        let owner = msgid.and_then(|m| by_msgid.get(&group_key("m:", m)).copied().flatten());
        match owner.and_then(|g| groups.get_mut(g)) {
            Some(members) => members.push(i),
            None => unmatched.push(i),
        }
    }
    for members in &mut groups {
        members.sort_unstable();
    }
    unmatched.sort_unstable();
    (groups, unmatched)
}
