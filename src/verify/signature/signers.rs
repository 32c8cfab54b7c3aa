//! Which certificate is the signer's. A PEC provider carries its own certificate once; a
//! second one that names the signer with another key was added by someone else.

use super::super::cert::Cert;
use super::super::describe::names_signer;
use crate::read::cms::SignerInfo;

/// The certificates the sid names: those carried in the signature, else the configured
/// anchors (a pinned signer). Two copies of one certificate count once.
pub(super) fn candidates<'c>(
    si: &SignerInfo<'_>,
    carried: &[&'c Cert],
    anchors: &[&'c Cert],
) -> Vec<&'c Cert> {
    let mut named: Vec<&Cert> = Vec::new();
    let pool = if carried.iter().any(|c| names_signer(si, c)) { carried } else { anchors };
    for cert in pool.iter().copied().filter(|c| names_signer(si, c)) {
        if !named.iter().any(|n| n.der == cert.der) {
            named.push(cert);
        }
    }
    named
}
