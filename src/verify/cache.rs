//! Caches for work that repeats across a batch: parsed certificates, parsed public keys and
//! verified certificate links. A [`super::Verifier`] owns one set, shared by its threads. A
//! folder of receipts from one provider carries the same two or three certificates thousands of
//! times; re-checking their links costs two RSA operations per file (docs/crypto-notes.md §5:
//! "path results can be cached").
//!
//! Certificates and keys are found by their length and last 32 bytes (a certificate ends with
//! its issuer's signature, so these differ between certificates) and then compared in full,
//! so a different certificate can never hit another's entry: a clash is only a miss. Links
//! are keyed by the SHA-256 fingerprints of both certificates. Each cache is bounded: past
//! [`MAX_ENTRIES`] it is emptied, which keeps memory flat on hostile input with endless
//! distinct certificates.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::cert::Cert;
use super::crypto::{PublicKey, SigFailure};

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

type LinkKey = ([u8; 32], [u8; 32]);

/// The caches of one verifier.
#[derive(Default)]
pub struct Caches {
    certs: Mutex<DerMap<Cert>>,
    keys: Mutex<DerMap<PublicKey>>,
    links: Mutex<HashMap<LinkKey, bool>>,
}

impl std::fmt::Debug for Caches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Caches").finish_non_exhaustive()
    }
}

impl Caches {
    /// A parsed certificate, from the cache when the same DER was seen before.
    pub fn cert(&self, der: &[u8]) -> Option<Arc<Cert>> {
        if let Some(c) = self.certs.lock().ok().and_then(|m| m.get(der)) {
            return Some(c);
        }
        let parsed = Arc::new(Cert::from_der(der).ok()?);
        if let Ok(mut m) = self.certs.lock() {
            m.insert(der, Arc::clone(&parsed));
        }
        Some(parsed)
    }

    /// A parsed public key for a SubjectPublicKeyInfo, cached.
    pub fn key(&self, spki: &[u8]) -> Result<Arc<PublicKey>, SigFailure> {
        if let Some(key) = self.keys.lock().ok().and_then(|m| m.get(spki)) {
            return Ok(key);
        }
        let parsed = Arc::new(PublicKey::from_spki(spki)?);
        if let Ok(mut m) = self.keys.lock() {
            m.insert(spki, Arc::clone(&parsed));
        }
        Ok(parsed)
    }

    /// The remembered outcome of "issuer's key verifies child's signature", if known.
    pub fn link(&self, child: &Cert, issuer: &Cert) -> Option<bool> {
        self.links
            .lock()
            .ok()
            .and_then(|m| m.get(&(child.fingerprint, issuer.fingerprint)).copied())
    }

    /// Remembers a link's outcome.
    pub fn remember_link(&self, child: &Cert, issuer: &Cert, ok: bool) {
        if let Ok(mut m) = self.links.lock() {
            insert_bounded(&mut m, (child.fingerprint, issuer.fingerprint), ok);
        }
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
