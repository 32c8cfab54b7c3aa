//! X.509 certificates as the verifier needs them: raw slices for signatures and name
//! matching, decoded extensions for the checks, display strings for people.
//!
//! Names and serials are compared as encoded bytes (RFC 5280 §7.1 allows more lenient
//! matching, but PEC chains are issued by one software stack and match byte for byte);
//! signatures are checked over the raw `tbsCertificate` (docs/crypto-notes.md P5).
#![deny(clippy::indexing_slicing)]

use der::Decode;
use serde::Serialize;
use sha2::{Digest, Sha256};
use x509_cert::Certificate;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints, CertificatePolicies, CrlDistributionPoints,
    ExtendedKeyUsage, KeyUsage, SubjectAltName, SubjectKeyIdentifier,
};

use crate::read::der::{DerError, Reader, tag};

/// The PEC signing policy OID (docs/pec-spec.md §4.1).
pub const PEC_POLICY_OID: &str = "1.3.76.16.3.1.1";

/// The extensions a certificate may mark critical: those the path checks read (subject and
/// authority key identifiers, key usage, subject alternative name, basic constraints, name
/// constraints, CRL distribution points, certificate policies, extended key usage), and the
/// policy constraints, mappings and inhibitAnyPolicy a CA may mark critical (RFC 5280 requires
/// it of policyConstraints): they can only narrow which policies hold, and peckit accepts no
/// policy but the PEC one, named in the signer's own certificate, mapped by no one.
const HANDLED_EXTENSIONS: &[&str] = &[
    "2.5.29.14", // subjectKeyIdentifier
    "2.5.29.15", // keyUsage
    "2.5.29.17", // subjectAltName
    "2.5.29.19", // basicConstraints
    "2.5.29.30", // nameConstraints
    "2.5.29.31", // cRLDistributionPoints
    "2.5.29.32", // certificatePolicies
    "2.5.29.33", // policyMappings
    "2.5.29.35", // authorityKeyIdentifier
    "2.5.29.36", // policyConstraints
    "2.5.29.37", // extKeyUsage
    "2.5.29.54", // inhibitAnyPolicy
];

/// A parsed certificate.
#[derive(Debug, Clone)]
pub struct Cert {
    /// The DER encoding.
    pub der: Vec<u8>,
    /// Raw `tbsCertificate`.
    pub tbs: Vec<u8>,
    /// Serial number contents.
    pub serial: Vec<u8>,
    /// Raw issuer Name.
    pub issuer_raw: Vec<u8>,
    /// Raw subject Name.
    pub subject_raw: Vec<u8>,
    /// Raw SubjectPublicKeyInfo.
    pub spki: Vec<u8>,
    /// The outer signature algorithm (raw AlgorithmIdentifier).
    pub signature_algorithm: Vec<u8>,
    /// The signature value (BIT STRING contents without the unused-bits octet).
    pub signature: Vec<u8>,
    /// notBefore.
    pub not_before: jiff::Timestamp,
    /// notAfter.
    pub not_after: jiff::Timestamp,
    /// Subject, RFC 4514.
    pub subject: String,
    /// Issuer, RFC 4514.
    pub issuer: String,
    /// Subject O.
    pub organization: Option<String>,
    /// Subject CN.
    pub common_name: Option<String>,
    /// SAN rfc822Name entries.
    pub emails: Vec<String>,
    /// Subject key identifier.
    pub ski: Option<Vec<u8>>,
    /// Authority key identifier (keyIdentifier).
    pub aki: Option<Vec<u8>>,
    /// basicConstraints: (cA, pathLen), if present.
    pub basic_constraints: Option<(bool, Option<u8>)>,
    /// keyUsage, if present: (digitalSignature, nonRepudiation, keyCertSign).
    pub key_usage: Option<(bool, bool, bool)>,
    /// keyUsage cRLSign, if keyUsage is present.
    pub crl_sign: Option<bool>,
    /// The http(s) URLs of its CRL Distribution Points (fullName URIs).
    pub crl_urls: Vec<String>,
    /// Every full name of its CRL Distribution Points, DER-encoded (a CRL's partition must
    /// be one of them).
    pub crl_points: Vec<Vec<u8>>,
    /// extendedKeyUsage OIDs, if present.
    pub eku: Option<Vec<String>>,
    /// Certificate policy OIDs.
    pub policies: Vec<String>,
    /// SHA-256 of the DER.
    pub fingerprint: [u8; 32],
    /// Its name constraints, when it carries them (a CA).
    pub name_constraints: Option<super::names::Constraints>,
    /// The names constraints apply to (subject, mail addresses, other SAN forms).
    pub names: super::names::CertNames,
    /// The first critical extension peckit does not implement (RFC 5280 §4.2: the
    /// certificate must then be rejected), as a dotted OID.
    pub unhandled_critical: Option<String>,
    /// The report's summary, formatted once: a cached certificate signs thousands of
    /// receipts of a batch.
    summary: std::sync::OnceLock<std::sync::Arc<CertSummary>>,
}

/// Why a certificate could not be read.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum CertError {
    /// The DER structure around the signed part is broken.
    #[error("bad certificate: {0}")]
    Structure(#[from] DerError),
    /// A validity time cannot be read.
    #[error("bad certificate: unreadable {0}")]
    Validity(&'static str),
    /// X.509 decoding failed.
    #[error("bad certificate: {0}")]
    X509(der::Error),
    /// An extension cannot be decoded.
    #[error("bad certificate: extension: {0}")]
    Extension(der::Error),
}

fn dir_string(name: &x509_cert::name::Name, oid: const_oid::ObjectIdentifier) -> Option<String> {
    name.iter()
        .find(|atv| atv.oid == oid)
        .and_then(|atv| x509_cert::ext::pkix::name::DirectoryString::try_from(&atv.value).ok())
        .map(|d| d.value().into_owned())
}

/// The subject's emailAddress attribute (PKCS #9, an IA5String), when present.
fn subject_email(name: &x509_cert::name::Name) -> Option<String> {
    const EMAIL_ADDRESS: const_oid::ObjectIdentifier =
        const_oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.1");
    name.iter()
        .find(|atv| atv.oid == EMAIL_ADDRESS)
        .and_then(|atv| atv.value.decode_as::<der::asn1::Ia5String>().ok())
        .map(|s| s.to_string())
}

/// The http(s) URLs among distribution point full names.
pub fn distribution_urls(
    points: &[x509_cert::ext::pkix::crl::dp::DistributionPoint],
) -> Vec<String> {
    points
        .iter()
        .filter_map(|dp| match &dp.distribution_point {
            Some(x509_cert::ext::pkix::name::DistributionPointName::FullName(names)) => Some(names),
            _ => None,
        })
        .flatten()
        .filter_map(|name| match name {
            GeneralName::UniformResourceIdentifier(uri) => Some(uri.as_str().to_string()),
            _ => None,
        })
        .filter(|u| {
            let lower = u.to_ascii_lowercase();
            lower.starts_with("http://") || lower.starts_with("https://")
        })
        .collect()
}

impl Cert {
    /// Parses a DER certificate.
    pub fn from_der(der: &[u8]) -> Result<Cert, CertError> {
        let outer = Reader::new(der).expect(tag::SEQUENCE, "certificate is not a SEQUENCE")?;
        let mut parts = outer.children();
        let tbs = parts.expect(tag::SEQUENCE, "tbsCertificate")?;
        let sig_alg = parts.expect(tag::SEQUENCE, "signatureAlgorithm")?;
        let sig = parts.expect(tag::BIT_STRING, "signatureValue")?;
        let mut t = tbs.children();
        t.optional(tag::CONTEXT_0)?;
        let serial = t.expect(tag::INTEGER, "serialNumber")?;
        t.expect(tag::SEQUENCE, "signature")?;
        let issuer = t.expect(tag::SEQUENCE, "issuer")?;
        t.expect(tag::SEQUENCE, "validity")?;
        let subject = t.expect(tag::SEQUENCE, "subject")?;
        let spki = t.expect(tag::SEQUENCE, "subjectPublicKeyInfo")?;

        // x509-cert interprets every field; the reader above only slices out the bytes that
        // signatures cover and identifiers compare (x509-cert's types do not keep them as
        // encoded).
        let parsed = Certificate::from_der(der).map_err(CertError::X509)?;
        let tbs_c = parsed.tbs_certificate();
        let instant = |time: x509_cert::time::Time, which: &'static str| {
            i64::try_from(time.to_unix_duration().as_secs())
                .ok()
                .and_then(|s| jiff::Timestamp::from_second(s).ok())
                .ok_or(CertError::Validity(which))
        };
        let not_before = instant(tbs_c.validity().not_before, "notBefore")?;
        let not_after = instant(tbs_c.validity().not_after, "notAfter")?;
        let ext_err = CertError::Extension;
        let san = tbs_c.get_extension::<SubjectAltName>().map_err(ext_err)?.map(|(_, s)| s.0);
        let mut emails: Vec<String> = san
            .iter()
            .flatten()
            .filter_map(|g| match g {
                GeneralName::Rfc822Name(m) => Some(m.to_string()),
                _ => None,
            })
            .collect();
        // RFC 8550 §3: an address only in the subject's emailAddress counts as well.
        if emails.is_empty() {
            emails.extend(subject_email(tbs_c.subject()));
        }
        let names = super::names::cert_names(tbs_c.subject(), san.as_deref().unwrap_or_default());
        let name_constraints = tbs_c
            .get_extension::<x509_cert::ext::pkix::NameConstraints>()
            .map_err(ext_err)?
            .map(|(_, nc)| super::names::Constraints {
                permitted: nc
                    .permitted_subtrees
                    .as_ref()
                    .map(super::names::subtrees)
                    .unwrap_or_default(),
                excluded: nc
                    .excluded_subtrees
                    .as_ref()
                    .map(super::names::subtrees)
                    .unwrap_or_default(),
            });
        let basic_constraints = tbs_c
            .get_extension::<BasicConstraints>()
            .map_err(ext_err)?
            .map(|(_, b)| (b.ca, b.path_len_constraint));
        let key_usage = tbs_c.get_extension::<KeyUsage>().map_err(ext_err)?.map(|(_, k)| {
            (k.digital_signature(), k.non_repudiation(), k.key_cert_sign(), k.crl_sign())
        });
        let crl_sign = key_usage.map(|k| k.3);
        let key_usage = key_usage.map(|(ds, nr, kcs, _)| (ds, nr, kcs));
        let points = tbs_c.get_extension::<CrlDistributionPoints>().map_err(ext_err)?;
        let crl_urls =
            points.as_ref().map(|(_, dps)| distribution_urls(&dps.0)).unwrap_or_default();
        let crl_points = points
            .iter()
            .flat_map(|(_, dps)| dps.0.iter())
            .filter_map(|dp| dp.distribution_point.as_ref())
            .flat_map(super::crl::point_names)
            .collect();
        let eku = tbs_c
            .get_extension::<ExtendedKeyUsage>()
            .map_err(ext_err)?
            .map(|(_, e)| e.0.iter().map(ToString::to_string).collect());
        let policies = tbs_c
            .get_extension::<CertificatePolicies>()
            .map_err(ext_err)?
            .map(|(_, p)| p.0.iter().map(|pi| pi.policy_identifier.to_string()).collect())
            .unwrap_or_default();
        let ski = tbs_c
            .get_extension::<SubjectKeyIdentifier>()
            .map_err(ext_err)?
            .map(|(_, s)| s.0.as_bytes().to_vec());
        let aki = tbs_c
            .get_extension::<AuthorityKeyIdentifier>()
            .map_err(ext_err)?
            .and_then(|(_, a)| a.key_identifier.map(|k| k.as_bytes().to_vec()));
        let unhandled_critical = tbs_c
            .extensions()
            .into_iter()
            .flatten()
            .find(|e| e.critical && !HANDLED_EXTENSIONS.contains(&e.extn_id.to_string().as_str()))
            .map(|e| e.extn_id.to_string());
        let subject_name = tbs_c.subject();
        let fingerprint: [u8; 32] = Sha256::digest(der).into();
        Ok(Cert {
            der: der.to_vec(),
            tbs: tbs.raw.to_vec(),
            serial: serial.value.to_vec(),
            issuer_raw: issuer.raw.to_vec(),
            subject_raw: subject.raw.to_vec(),
            spki: spki.raw.to_vec(),
            signature_algorithm: sig_alg.raw.to_vec(),
            signature: sig.value.get(1..).unwrap_or_default().to_vec(),
            not_before,
            not_after,
            subject: subject_name.to_string(),
            issuer: tbs_c.issuer().to_string(),
            organization: dir_string(subject_name, const_oid::db::rfc4519::O),
            common_name: dir_string(subject_name, const_oid::db::rfc4519::CN),
            emails,
            name_constraints,
            names,
            ski,
            aki,
            basic_constraints,
            key_usage,
            crl_sign,
            crl_urls,
            crl_points,
            eku,
            policies,
            fingerprint,
            unhandled_critical,
            summary: std::sync::OnceLock::new(),
        })
    }

    /// Serial number as upper-case hex without leading zero octets.
    pub fn serial_hex(&self) -> String {
        let trimmed: &[u8] = match self.serial.iter().position(|&b| b != 0) {
            Some(i) => self.serial.get(i..).unwrap_or_default(),
            None => &[0],
        };
        hex::encode_upper(trimmed)
    }

    /// Whether this certificate's subject is `other`'s issuer.
    pub fn issued(&self, other: &Cert) -> bool {
        if self.subject_raw != other.issuer_raw {
            return false;
        }
        match (&other.aki, &self.ski) {
            (Some(aki), Some(ski)) => aki == ski,
            _ => true,
        }
    }

    /// Whether the certificate is valid at `t` (RFC 5280 §4.1.2.5).
    pub fn valid_at(&self, t: jiff::Timestamp) -> bool {
        self.not_before <= t && t <= self.not_after
    }

    /// Whether it carries the PEC signing policy.
    pub fn has_pec_policy(&self) -> bool {
        self.policies.iter().any(|p| p == PEC_POLICY_OID)
    }

    /// The certificate as PEM.
    pub fn to_pem(&self) -> String {
        use base64::Engine;
        let b64 = base64::engine::general_purpose::STANDARD.encode(&self.der);
        let mut out = String::from("-----BEGIN CERTIFICATE-----\n");
        for chunk in b64.as_bytes().chunks(64) {
            out.push_str(&String::from_utf8_lossy(chunk));
            out.push('\n');
        }
        out.push_str("-----END CERTIFICATE-----\n");
        out
    }

    /// SHA-256 of the DER, hex.
    pub fn sha256_hex(&self) -> String {
        hex::encode(self.fingerprint)
    }

    /// The summary used in reports.
    pub fn summary(&self) -> CertSummary {
        self.shared_summary().as_ref().clone()
    }

    /// The summary, shared: a batch reports the same certificates thousands of times.
    pub fn shared_summary(&self) -> std::sync::Arc<CertSummary> {
        std::sync::Arc::clone(self.summary.get_or_init(|| std::sync::Arc::new(self.describe())))
    }

    fn describe(&self) -> CertSummary {
        CertSummary {
            subject: self.subject.clone(),
            issuer: self.issuer.clone(),
            serial: self.serial_hex(),
            not_before: rfc3339(self.not_before),
            not_after: rfc3339(self.not_after),
            email: self.emails.first().cloned(),
            organization: self.organization.clone(),
            common_name: self.common_name.clone(),
            policies: self.policies.clone(),
            pec_policy: self.has_pec_policy(),
            sha256: self.sha256_hex(),
            validity: (self.not_before, self.not_after),
        }
    }
}

impl AsRef<Cert> for Cert {
    fn as_ref(&self) -> &Cert {
        self
    }
}

/// RFC 3339 UTC with a `Z`.
pub fn rfc3339(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A certificate as reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertSummary {
    /// Subject DN.
    pub subject: String,
    /// Issuer DN.
    pub issuer: String,
    /// Serial, hex.
    pub serial: String,
    /// notBefore, RFC 3339 UTC.
    pub not_before: String,
    /// notAfter, RFC 3339 UTC.
    pub not_after: String,
    /// First SAN e-mail address.
    pub email: Option<String>,
    /// Subject O.
    pub organization: Option<String>,
    /// Subject CN.
    pub common_name: Option<String>,
    /// Policy OIDs.
    pub policies: Vec<String>,
    /// Whether the PEC policy 1.3.76.16.3.1.1 is present.
    pub pec_policy: bool,
    /// SHA-256 of the certificate, hex.
    pub sha256: String,
    /// notBefore and notAfter as instants, for the checks (the strings above are for people).
    #[serde(skip)]
    pub validity: (jiff::Timestamp, jiff::Timestamp),
}

impl CertSummary {
    /// The provider a certificate names: its organisation, else its common name.
    pub fn provider(&self) -> Option<&str> {
        self.organization.as_deref().or(self.common_name.as_deref())
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::testing::pki_der;

    #[test]
    fn a_provider_certificate_reads_completely() {
        let der = pki_der("alfa.pem");
        let c = Cert::from_der(&der).unwrap();
        assert!(c.subject.contains("Alfa"), "{}", c.subject);
        assert!(c.issuer.contains("CA1"), "{}", c.issuer);
        assert_ne!(c.basic_constraints.map(|b| b.0), Some(true), "a provider is not a CA");
        assert!(c.not_before < c.not_after);
        assert_eq!(c.der, der);
        assert!(c.tbs.len() < der.len() && der.windows(c.tbs.len()).any(|w| w == c.tbs));
        let ca = Cert::from_der(&pki_der("intermediate.pem")).unwrap();
        assert!(ca.issued(&c), "the intermediate issued alfa");
        assert!(!c.issued(&ca));
        assert_eq!(c.summary().sha256, c.sha256_hex());
    }

    #[test]
    fn damaged_certificates_are_errors_not_panics() {
        let der = pki_der("alfa.pem");
        assert!(Cert::from_der(&[]).is_err());
        assert!(Cert::from_der(&der[..der.len() / 2]).is_err());
        let mut bad = der.clone();
        bad[1] ^= 0x7f;
        assert!(Cert::from_der(&bad).is_err());
    }
}
