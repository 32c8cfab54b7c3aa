//! Which certificate is the signer's. The certificates carried beside a signature are not
//! signed: anyone may add one that names the signer (same issuer and serial, or same key
//! identifier). The signer's is the one whose key verifies the signature and, when several
//! share that key (a renewed certificate beside the old one), the one that chains.

use super::super::cert::Cert;
use super::super::chain::PathResult;
use super::super::describe::names_signer;
use crate::read::cms::SignerInfo;

/// The certificates the sid names: those carried in the signature, then the configured
/// anchors (a pinned signer). Two copies of one certificate count once.
pub(super) fn candidates<'c>(
    si: &SignerInfo<'_>,
    carried: &[&'c Cert],
    anchors: &[&'c Cert],
) -> Vec<&'c Cert> {
    let mut named: Vec<&Cert> = Vec::new();
    for cert in carried.iter().chain(anchors).copied().filter(|c| names_signer(si, c)) {
        if !named.iter().any(|n| n.der == cert.der) {
            named.push(cert);
        }
    }
    named
}

/// The signer chosen among the candidates, with the path already built for it when choosing
/// needed one.
pub(super) struct Choice<'c> {
    /// The signer's certificate, when any candidate names it.
    pub signer: Option<&'c Cert>,
    /// Candidates with another key than the signer's, or its key under another name: added by
    /// someone else (a renewed certificate keeps the name and the key).
    pub decoys: usize,
    /// The signer's path, when it was built to choose.
    pub path: Option<PathResult>,
}

/// Chooses among `named`: the first whose key `verifies` the signature, the first of those
/// whose path (`path_of`) is trusted when several share that key; the first named when no key
/// verifies (the signature is then bad, whoever signed).
pub(super) fn choose<'c>(
    named: &[&'c Cert],
    verifies: impl Fn(&Cert) -> bool,
    path_of: impl Fn(&Cert) -> PathResult,
) -> Choice<'c> {
    let first = Choice { signer: named.first().copied(), decoys: 0, path: None };
    if named.len() < 2 {
        return first;
    }
    let verifying: Vec<&Cert> = named.iter().copied().filter(|c| verifies(c)).collect();
    let Some(&key_holder) = verifying.first() else { return first };
    let mut choice = Choice { signer: Some(key_holder), decoys: 0, path: None };
    if verifying.len() > 1 {
        for cert in verifying {
            let path = path_of(cert);
            if path.trusted {
                choice = Choice { signer: Some(cert), decoys: 0, path: Some(path) };
                break;
            }
        }
    }
    let signer = choice.signer.unwrap_or(key_holder);
    choice.decoys = named
        .iter()
        .filter(|c| c.der != signer.der)
        .filter(|c| c.spki != signer.spki || c.subject_raw != signer.subject_raw)
        .count();
    choice
}
