//! Trust anchors: the PEC signing authorities peckit trusts, and where each came from.
//!
//! The embedded default holds the PEC signing CAs carried by real provider mail
//! (docs/pec-spec.md §4.1; ../shared/corpus/trust): DigitPA CA1 (cross-certificate under Baltimore
//! CyberTrust Root, PEC certificates until about 2017) and AgID CA1 (2018 and 2021
//! certificates under Actalis Authentication Root CA, same key). They are pinned as anchors
//! themselves rather than through their web roots: the roots also anchor unrelated TLS
//! certificates, so trusting them would accept far more than PEC signers (docs/crypto-notes.md §5).

use std::fs;
use std::path::Path;

use serde::Serialize;
use thiserror::Error;

use super::cert::{Cert, CertError, rfc3339};

/// The embedded anchors: (file, PEM).
const EMBEDDED: &[(&str, &str, &[u8])] = &[
    (
        "AgID CA1 (2018)",
        "AgID_CA1_2018_4648900B0427.pem",
        include_bytes!("anchors/AgID_CA1_2018_4648900B0427.pem"),
    ),
    (
        "AgID CA1 (2021)",
        "AgID_CA1_2021_32322AE2E31A.pem",
        include_bytes!("anchors/AgID_CA1_2021_32322AE2E31A.pem"),
    ),
    (
        "DigitPA CA1 (2011)",
        "DigitPA_CA1_2011_D75420B7E905.pem",
        include_bytes!("anchors/DigitPA_CA1_2011_D75420B7E905.pem"),
    ),
];

/// Why trust anchors could not be loaded.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum TrustStoreError {
    /// File or folder unreadable.
    #[error("{path}: {error}")]
    Io {
        /// The path.
        path: String,
        /// The failure.
        error: std::io::Error,
    },
    /// No certificate could be read.
    #[error("{0}: {why}", why = crate::catalogue::failures::no_certificate(crate::catalogue::Lang::En))]
    NoCertificate(String),
    /// A folder held no certificate file.
    #[error("{0}: {why}", why = crate::catalogue::failures::no_certificate_in_folder(crate::catalogue::Lang::En))]
    NoCertificateInFolder(String),
    /// A certificate is broken.
    #[error("{source_name}: {error}")]
    Bad {
        /// Where it came from.
        source_name: String,
        /// What is wrong.
        error: CertError,
    },
}

/// One trusted certificate.
#[derive(Debug, Clone)]
pub struct Anchor {
    /// The certificate.
    pub cert: Cert,
    /// Where it came from: "embedded: AgID CA1 (2018)", a path, or a trusted list's service.
    pub source: String,
    /// When it may anchor a path: the intervals (from, until) a trusted list says its service
    /// was granted; `None` for anchors given directly, which always may.
    pub granted: Option<Vec<(jiff::Timestamp, Option<jiff::Timestamp>)>>,
    /// What a trusted list's service may anchor; `None` for anchors given directly: any.
    pub service: Option<Purpose>,
}

/// What a path is for: the signature of a PEC artefact, of a REM message or evidence, or of
/// a time-stamp. A trusted list's REM service anchors only REM, its time-stamping service
/// only time-stamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A PEC artefact's S/MIME signature.
    Pec,
    /// A REM message's S/MIME signature or its evidence's XAdES signature.
    Rem,
    /// A time-stamp token.
    TimeStamp,
}

impl Anchor {
    /// Whether it may anchor a path for `purpose`.
    pub fn serves(&self, purpose: Purpose) -> bool {
        self.service.is_none_or(|s| s == purpose)
    }

    /// Whether it may anchor a path judged at `at`.
    pub fn usable_at(&self, at: jiff::Timestamp) -> bool {
        self.granted.as_ref().is_none_or(|intervals| {
            intervals.iter().any(|(from, until)| *from <= at && until.is_none_or(|u| at < u))
        })
    }
}

/// What `trust list` shows of an anchor.
#[derive(Debug, Clone, Serialize)]
pub struct AnchorView {
    /// Subject DN.
    pub subject: String,
    /// Issuer DN.
    pub issuer: String,
    /// Serial, hex.
    pub serial: String,
    /// notBefore.
    pub not_before: String,
    /// notAfter.
    pub not_after: String,
    /// SHA-256 of the DER, hex.
    pub sha256: String,
    /// Where it came from.
    pub source: String,
}

/// The set of trust anchors.
#[derive(Debug, Clone, Default)]
pub struct TrustStore {
    anchors: Vec<Anchor>,
}

/// Splits PEM text into DER blobs; a file without PEM markers is taken as one DER blob.
fn certificates_in(bytes: &[u8]) -> Vec<Vec<u8>> {
    crate::read::decode::der_blocks(bytes, "CERTIFICATE")
}

impl TrustStore {
    /// No anchors.
    pub fn empty() -> TrustStore {
        TrustStore::default()
    }

    /// The embedded PEC signing authorities.
    pub fn embedded() -> TrustStore {
        let mut store = TrustStore::empty();
        for (label, _, pem) in EMBEDDED {
            for der in certificates_in(pem) {
                if let Ok(cert) = Cert::from_der(&der) {
                    store.anchors.push(Anchor {
                        cert,
                        source: format!("embedded: {label}"),
                        granted: None,
                        service: None,
                    });
                }
            }
        }
        store
    }

    /// Adds the certificates of a PEM (one or more) or DER blob.
    pub fn add_pem_or_der(&mut self, bytes: &[u8], source: &str) -> Result<usize, TrustStoreError> {
        let ders = certificates_in(bytes);
        if ders.is_empty() {
            return Err(TrustStoreError::NoCertificate(source.to_string()));
        }
        let mut added = 0;
        for der in ders {
            let cert = Cert::from_der(&der)
                .map_err(|error| TrustStoreError::Bad { source_name: source.to_string(), error })?;
            if !self.anchors.iter().any(|a| a.cert.der == cert.der) {
                self.anchors.push(Anchor {
                    cert,
                    source: source.to_string(),
                    granted: None,
                    service: None,
                });
                added += 1;
            }
        }
        Ok(added)
    }

    /// Adds a PEM/DER file, or every `.pem`, `.crt`, `.cer`, `.der` file of a folder.
    pub fn add_path(&mut self, path: &Path) -> Result<usize, TrustStoreError> {
        let io = |error| TrustStoreError::Io { path: path.display().to_string(), error };
        let meta = fs::metadata(path).map_err(io)?;
        if !meta.is_dir() {
            let bytes = fs::read(path).map_err(io)?;
            return self.add_pem_or_der(&bytes, &path.display().to_string());
        }
        let files =
            crate::input::files_with_extensions(path, &["pem", "crt", "cer", "der"]).map_err(io)?;
        // A folder without certificates is a mistake worth saying (a wrong path, certificates
        // under another extension): the built-in anchors would otherwise hide it. A folder
        // whose certificates are all known already adds nothing, rightly without complaint.
        if files.is_empty() {
            return Err(TrustStoreError::NoCertificateInFolder(path.display().to_string()));
        }
        let mut added = 0;
        for p in files {
            added += self.add_path(&p)?;
        }
        Ok(added)
    }

    /// Adds anchors made elsewhere (a trusted list's services).
    pub fn add_anchors(&mut self, anchors: impl IntoIterator<Item = Anchor>) {
        self.anchors.extend(anchors);
    }

    /// The anchors, for path building.
    pub fn iter(&self) -> impl Iterator<Item = &Anchor> {
        self.anchors.iter()
    }

    /// The anchors as shown by `peckit trust list`.
    pub fn anchors(&self) -> impl Iterator<Item = AnchorView> + '_ {
        self.anchors.iter().map(|a| AnchorView {
            subject: a.cert.subject.clone(),
            issuer: a.cert.issuer.clone(),
            serial: a.cert.serial_hex(),
            not_before: rfc3339(a.cert.not_before),
            not_after: rfc3339(a.cert.not_after),
            sha256: a.cert.sha256_hex(),
            source: a.source.clone(),
        })
    }

    /// Number of anchors.
    pub fn len(&self) -> usize {
        self.anchors.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.anchors.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_anchors_load() {
        let store = TrustStore::embedded();
        assert_eq!(store.len(), 3);
        let subjects: Vec<String> = store.anchors().map(|a| a.subject).collect();
        assert_eq!(subjects.iter().filter(|s| s.contains("AgID CA1")).count(), 2, "{subjects:?}");
        assert!(subjects.iter().any(|s| s.contains("DigitPA CA1")), "{subjects:?}");
    }

    #[test]
    fn pem_der_and_garbage() {
        let (_, _, pem) = EMBEDDED[0];
        let der = certificates_in(pem).remove(0);
        let mut store = TrustStore::empty();
        assert_eq!(store.add_pem_or_der(&der, "x.der").unwrap(), 1);
        assert_eq!(
            store.add_pem_or_der(pem, "x.pem").unwrap(),
            0,
            "duplicates are not added twice"
        );
        assert!(matches!(
            store.add_pem_or_der(b"hello", "y"),
            Err(TrustStoreError::NoCertificate(_))
        ));
    }
}
