//! Process-wide caches for work that repeats across a batch: parsed certificates, parsed
//! public keys and verified certificate links. A folder of receipts from one provider carries
//! the same two or three certificates thousands of times; re-checking their links costs two
//! RSA operations per file (crypto-notes §5: "path results can be cached").
//!
//! Certificates and keys are found by their length and last 32 bytes (a certificate ends with
//! its issuer's signature, so these differ between certificates) and then compared in full,
//! so a different certificate can never hit another's entry: a clash is only a miss. Links
//! are keyed by the SHA-256 fingerprints of both certificates. Each cache is bounded: past
//! [`MAX_ENTRIES`] it is emptied, which keeps memory flat on hostile input with endless
//! distinct certificates.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use super::cert::Cert;
use super::crypto::PublicKey;

/// Entries kept per cache before it is emptied.
pub const MAX_ENTRIES: usize = 4096;

type TailKey = (usize, [u8; 32]);

fn tail_key(der: &[u8]) -> TailKey {
    let mut tail = [0u8; 32];
    let start = der.len().saturating_sub(32);
    let bytes = der.get(start..).unwrap_or_default();
    for (slot, &b) in tail.iter_mut().zip(bytes) {
        *slot = b;
    }
    (der.len(), tail)
}

/// Inserts, first emptying a map that has reached [`MAX_ENTRIES`].
fn insert_bounded<K: std::hash::Hash + Eq, V>(map: &mut HashMap<K, V>, key: K, value: V) {
    if map.len() >= MAX_ENTRIES {
        map.clear();
    }
    map.insert(key, value);
}

/// A bounded map from exact DER bytes to a shared value.
struct DerMap<V> {
    entries: HashMap<TailKey, (Box<[u8]>, Arc<V>)>,
}

impl<V> DerMap<V> {
    fn get(&self, der: &[u8]) -> Option<Arc<V>> {
        match self.entries.get(&tail_key(der)) {
            Some((stored, value)) if **stored == *der => Some(Arc::clone(value)),
            _ => None,
        }
    }

    fn insert(&mut self, der: &[u8], value: Arc<V>) {
        insert_bounded(&mut self.entries, tail_key(der), (der.into(), value));
    }
}

impl<V> Default for DerMap<V> {
    fn default() -> Self {
        DerMap { entries: HashMap::new() }
    }
}

fn certs() -> &'static Mutex<DerMap<Cert>> {
    static C: OnceLock<Mutex<DerMap<Cert>>> = OnceLock::new();
    C.get_or_init(Default::default)
}

fn keys() -> &'static Mutex<DerMap<PublicKey>> {
    static C: OnceLock<Mutex<DerMap<PublicKey>>> = OnceLock::new();
    C.get_or_init(Default::default)
}

type LinkKey = ([u8; 32], [u8; 32]);

fn links() -> &'static Mutex<HashMap<LinkKey, bool>> {
    static C: OnceLock<Mutex<HashMap<LinkKey, bool>>> = OnceLock::new();
    C.get_or_init(Default::default)
}

/// A parsed certificate, from the cache when the same DER was seen before.
pub fn cert(der: &[u8]) -> Option<Arc<Cert>> {
    if let Some(c) = certs().lock().ok().and_then(|m| m.get(der)) {
        return Some(c);
    }
    let parsed = Arc::new(Cert::from_der(der).ok()?);
    if let Ok(mut m) = certs().lock() {
        m.insert(der, Arc::clone(&parsed));
    }
    Some(parsed)
}

/// A parsed public key for a SubjectPublicKeyInfo, cached.
pub fn key(spki: &[u8]) -> Result<Arc<PublicKey>, super::crypto::SigFailure> {
    if let Some(key) = keys().lock().ok().and_then(|m| m.get(spki)) {
        return Ok(key);
    }
    let parsed = Arc::new(PublicKey::from_spki(spki)?);
    if let Ok(mut m) = keys().lock() {
        m.insert(spki, Arc::clone(&parsed));
    }
    Ok(parsed)
}

/// The remembered outcome of "issuer's key verifies child's signature", if known.
pub fn link(child: &Cert, issuer: &Cert) -> Option<bool> {
    links().lock().ok().and_then(|m| m.get(&(child.fingerprint, issuer.fingerprint)).copied())
}

/// Remembers a link's outcome.
pub fn remember_link(child: &Cert, issuer: &Cert, ok: bool) {
    if let Ok(mut m) = links().lock() {
        insert_bounded(&mut m, (child.fingerprint, issuer.fingerprint), ok);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_clash_on_the_tail_is_a_miss_not_a_hit() {
        let mut map = DerMap::default();
        let a = b"certificate A ....... the same last thirty-two bytes".to_vec();
        let mut b = a.clone();
        b[12] = b'B';
        assert_eq!(tail_key(&a), tail_key(&b));
        map.insert(&a, Arc::new(1));
        assert_eq!(map.get(&a).as_deref(), Some(&1));
        assert!(map.get(&b).is_none());
        assert!(map.get(b"short").is_none());
    }
}
