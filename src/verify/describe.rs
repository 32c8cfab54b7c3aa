//! The signer and certificates of a signature as carried, without verifying anything (for
//! `inspect` and `extract`).

use jiff::Timestamp;
use serde::Serialize;

use super::cert::{self, Cert, CertSummary};
use super::crypto::DigestAlg;
use crate::read::cms::{self, CmsError, OID_SIGNING_TIME};
use crate::read::der;

/// The signer as found, without verification (for `inspect`).
#[derive(Debug, Clone, Serialize)]
pub struct SignerInfoSummary {
    /// The signer's certificate, when the signature carries it.
    pub certificate: Option<CertSummary>,
    /// Digest algorithm.
    pub digest_algorithm: String,
    /// CMS signingTime.
    pub signing_time: Option<String>,
    /// Certificates carried in the CMS.
    pub certificates: usize,
}

pub(crate) fn find_signer<'c, C: AsRef<Cert>>(
    sd: &cms::SignerInfo<'_>,
    certs: &'c [C],
) -> Option<&'c Cert> {
    certs.iter().map(AsRef::as_ref).find(|c| names_signer(sd, c))
}

/// Whether `cert` is the one the SignerInfo's sid names (RFC 5652 §5.3): its issuer and
/// serial number, or its subject key identifier.
pub(crate) fn names_signer(si: &cms::SignerInfo<'_>, cert: &Cert) -> bool {
    match &si.sid {
        cms::SignerId::IssuerSerial { issuer, serial } => {
            &cert.issuer_raw == issuer && &cert.serial == serial
        }
        cms::SignerId::Ski(ski) => cert.ski.as_ref() == Some(ski),
    }
}

/// Describes the signer without verifying anything.
pub fn describe_signer(cms_der: &[u8]) -> Result<SignerInfoSummary, CmsError> {
    let sd = cms::parse(cms_der)?;
    let certs: Vec<Cert> = sd.certificates.iter().filter_map(|d| Cert::from_der(d).ok()).collect();
    let si = sd.signer_infos.first().ok_or(CmsError::NoSigner)?;
    let signer = find_signer(si, &certs);
    let signing_time = si.attr(OID_SIGNING_TIME).and_then(der::parse_time).map(cert::rfc3339);
    let digest = DigestAlg::from_oid(&si.digest_oid)
        .map(|d| d.name().to_string())
        .unwrap_or(si.digest_oid.to_string());
    Ok(SignerInfoSummary {
        certificate: signer.map(Cert::summary),
        digest_algorithm: digest,
        signing_time,
        certificates: certs.len(),
    })
}

/// The certificates carried by the CMS as PEM, signer first ("" when unreadable).
pub fn certificates_pem(cms_der: &[u8]) -> String {
    let Ok(sd) = cms::parse(cms_der) else { return String::new() };
    let certs: Vec<Cert> = sd.certificates.iter().filter_map(|d| Cert::from_der(d).ok()).collect();
    let signer = sd.signer_infos.first().and_then(|si| find_signer(si, &certs));
    let mut out = String::new();
    if let Some(s) = signer {
        out.push_str(&s.to_pem());
    }
    for c in &certs {
        if signer.is_none_or(|s| s.der != c.der) {
            out.push_str(&c.to_pem());
        }
    }
    out
}

/// RFC 5652 §11.3: the signingTime attribute, when present and readable.
pub(crate) fn signing_time(si: &cms::SignerInfo<'_>) -> Option<Timestamp> {
    si.attr(OID_SIGNING_TIME).and_then(der::parse_time)
}
