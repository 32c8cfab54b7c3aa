//! Process-wide caches for work that repeats across a batch: parsed certificates, parsed
//! public keys and verified certificate links. A folder of receipts from one provider carries
//! the same two or three certificates thousands of times; re-checking their links costs two
//! RSA operations per file (crypto-notes §5: "path results can be cached").
//!
//! Entries are keyed by the SHA-256 of the exact DER, so a different certificate can never
//! hit another's entry. Each cache is bounded: past [`MAX_ENTRIES`] it is emptied, which keeps
//! memory flat on hostile input with endless distinct certificates.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use sha2::{Digest, Sha256};

use super::cert::Cert;
use super::crypto::PublicKey;

/// Entries kept per cache before it is emptied.
pub const MAX_ENTRIES: usize = 4096;

type Key = [u8; 32];

fn digest(bytes: &[u8]) -> Key {
    Sha256::digest(bytes).into()
}

fn insert<V>(map: &mut HashMap<Key, V>, k: Key, v: V) {
    if map.len() >= MAX_ENTRIES {
        map.clear();
    }
    map.insert(k, v);
}

fn certs() -> &'static Mutex<HashMap<Key, Arc<Cert>>> {
    static C: OnceLock<Mutex<HashMap<Key, Arc<Cert>>>> = OnceLock::new();
    C.get_or_init(Default::default)
}

fn keys() -> &'static Mutex<HashMap<Key, Arc<PublicKey>>> {
    static C: OnceLock<Mutex<HashMap<Key, Arc<PublicKey>>>> = OnceLock::new();
    C.get_or_init(Default::default)
}

fn links() -> &'static Mutex<HashMap<Key, bool>> {
    static C: OnceLock<Mutex<HashMap<Key, bool>>> = OnceLock::new();
    C.get_or_init(Default::default)
}

/// A parsed certificate, from the cache when the same DER was seen before.
pub fn cert(der: &[u8]) -> Option<Arc<Cert>> {
    let k = digest(der);
    if let Some(c) = certs().lock().ok().and_then(|m| m.get(&k).cloned()) {
        return Some(c);
    }
    let parsed = Arc::new(Cert::from_der(der).ok()?);
    if let Ok(mut m) = certs().lock() {
        insert(&mut m, k, Arc::clone(&parsed));
    }
    Some(parsed)
}

/// A parsed public key for a SubjectPublicKeyInfo, cached.
pub fn key(spki: &[u8]) -> Result<Arc<PublicKey>, super::crypto::SigFailure> {
    let k = digest(spki);
    if let Some(key) = keys().lock().ok().and_then(|m| m.get(&k).cloned()) {
        return Ok(key);
    }
    let parsed = Arc::new(PublicKey::from_spki(spki)?);
    if let Ok(mut m) = keys().lock() {
        insert(&mut m, k, Arc::clone(&parsed));
    }
    Ok(parsed)
}

/// The remembered outcome of "issuer's key verifies child's signature", if known.
pub fn link(child: &Cert, issuer: &Cert) -> Option<bool> {
    let k = link_key(child, issuer);
    links().lock().ok().and_then(|m| m.get(&k).copied())
}

/// Remembers a link's outcome.
pub fn remember_link(child: &Cert, issuer: &Cert, ok: bool) {
    let k = link_key(child, issuer);
    if let Ok(mut m) = links().lock() {
        insert(&mut m, k, ok);
    }
}

fn link_key(child: &Cert, issuer: &Cert) -> Key {
    let mut h = Sha256::new();
    h.update(child.der.as_slice());
    h.update([0u8]);
    h.update(issuer.spki.as_slice());
    h.finalize().into()
}
