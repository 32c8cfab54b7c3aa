//! Helpers for the library's unit tests: the bundled samples and the test PKI.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use crate::verify::cert::Cert;
use crate::verify::trust::TrustStore;
use crate::verify::verifier::Verifier;

/// A file of samples/.
pub fn sample_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples").join(name)
}

/// The bytes of a file of samples/.
pub fn sample(name: &str) -> Vec<u8> {
    std::fs::read(sample_path(name)).unwrap()
}

/// DER of the first PEM block of a file of samples/pki/.
pub fn pki_der(name: &str) -> Vec<u8> {
    use base64::Engine;
    let pem = std::fs::read_to_string(sample_path("pki").join(name)).unwrap();
    let body: String = pem.lines().skip(1).take_while(|l| !l.starts_with("-----")).collect();
    base64::engine::general_purpose::STANDARD.decode(body).unwrap()
}

/// A certificate of samples/pki/.
pub fn pki_cert(name: &str) -> Cert {
    Cert::from_der(&pki_der(name)).unwrap()
}

/// The embedded anchors plus the samples' test root.
pub fn test_trust() -> TrustStore {
    let mut trust = TrustStore::embedded();
    trust.add_path(&sample_path("pki/trust-root.pem")).unwrap();
    trust
}

/// A verifier that trusts the samples' test root.
pub fn test_verifier() -> Verifier {
    Verifier::new(test_trust())
}
