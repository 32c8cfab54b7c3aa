//! Verification of the provider's S/MIME signature: CMS, certificates, trust.
//!
//! The algorithm is the one that agreed with OpenSSL on every real message
//! (crypto-notes §3): digest the signed bytes (canonicalising bare LF to CRLF only when the
//! file is stored LF-only), compare with the signed `messageDigest` (a mismatch means the
//! content was altered after signing), verify the signature over the signed attributes as
//! encoded, then validate the signer's certificate path at the signing time.
//!
//! Every failure is a problem in the [`SignatureReport`], never an `Err`: a forgery is a
//! result, not an error.

pub mod cache;
pub mod cert;
pub mod chain;
pub mod crypto;
pub mod trust;

use jiff::Timestamp;
use serde::{Serialize, Serializer};

pub use crate::read::cms::CmsError;
pub use cert::{Cert, CertSummary};
pub use trust::{Anchor, AnchorView, TrustStore, TrustStoreError};

use crate::problem::{Problem, ProblemCode};
use crate::read::{cms, der};
use crypto::{DigestAlg, SigFailure, digest_canonical, sig_alg_from_identifier};

/// id-data.
const OID_DATA: &str = "1.2.840.113549.1.7.1";
const OID_CONTENT_TYPE: &str = "1.2.840.113549.1.9.3";
const OID_MESSAGE_DIGEST: &str = "1.2.840.113549.1.9.4";
const OID_SIGNING_TIME: &str = "1.2.840.113549.1.9.5";
const OID_EKU_EMAIL: &str = "1.3.6.1.5.5.7.3.4";
const OID_EKU_ANY: &str = "2.5.29.37.0";

/// Options resolved once by the caller.
#[derive(Debug, Clone)]
pub struct VerifyOptions {
    /// Trust anchors.
    pub trust: TrustStore,
    /// Judge validity at this instant instead of the signing time.
    pub at: Option<Timestamp>,
    /// Now, for "expired since" information.
    pub now: Timestamp,
}

/// How the signed content is carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignedForm {
    /// multipart/signed.
    Detached,
    /// application/pkcs7-mime signed-data.
    Opaque,
}

/// The outcome of the signature check itself (before trust).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignatureStatus {
    /// Digest matches and the signature verifies.
    Valid,
    /// The signed bytes changed after signing.
    ContentAltered,
    /// The signature value does not verify.
    BadSignature,
    /// An algorithm peckit does not implement.
    UnsupportedAlgorithm,
    /// The signer's certificate is not available.
    SignerCertMissing,
    /// The CMS structure is broken.
    Malformed,
}

fn ser_opt_ts<S: Serializer>(t: &Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_some(&cert::rfc3339(*t)),
        None => s.serialize_none(),
    }
}

/// Everything the signature check found.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureReport {
    /// The signature check itself.
    pub status: SignatureStatus,
    /// sha1, sha256, ...
    pub digest_algorithm: Option<String>,
    /// rsa-pkcs1v15-sha1, ...
    pub signature_algorithm: Option<String>,
    /// CMS signingTime.
    #[serde(serialize_with = "ser_opt_ts")]
    pub signing_time: Option<Timestamp>,
    /// The instant certificate validity was judged at.
    #[serde(serialize_with = "ser_opt_ts")]
    pub reference_time: Option<Timestamp>,
    /// Where that instant came from: signing-time, daticert, --at or now.
    pub reference_time_source: &'static str,
    /// The signer's certificate.
    pub signer: Option<CertSummary>,
    /// Whether the signer chains to a trusted anchor.
    pub trusted: bool,
    /// Subjects from the signer to the anchor.
    pub chain: Vec<String>,
    /// Where the anchor came from.
    pub anchor_source: Option<String>,
    /// Whether LF had to be canonicalised to CRLF for the digest to match.
    pub canonicalised: bool,
    /// Problems found.
    #[serde(skip)]
    pub problems: Vec<Problem>,
}

impl SignatureReport {
    fn failed(status: SignatureStatus, code: ProblemCode, message: String) -> SignatureReport {
        SignatureReport {
            status,
            digest_algorithm: None,
            signature_algorithm: None,
            signing_time: None,
            reference_time: None,
            reference_time_source: "none",
            signer: None,
            trusted: false,
            chain: Vec::new(),
            anchor_source: None,
            canonicalised: false,
            problems: vec![Problem::new(code, message)],
        }
    }
}

/// The signer as found, without verification (for `inspect`).
#[derive(Debug, Clone, Serialize)]
pub struct SignerInfoSummary {
    /// Subject DN.
    pub subject: String,
    /// Issuer DN.
    pub issuer: String,
    /// Serial.
    pub serial: String,
    /// notBefore.
    pub not_before: String,
    /// notAfter.
    pub not_after: String,
    /// SAN e-mail.
    pub email: Option<String>,
    /// Digest algorithm.
    pub digest_algorithm: String,
    /// CMS signingTime.
    pub signing_time: Option<String>,
    /// Policy OIDs.
    pub policies: Vec<String>,
    /// Certificates carried in the CMS.
    pub certificates: usize,
}

fn find_signer<'c, C: AsRef<Cert>>(sd: &cms::SignerInfo<'_>, certs: &'c [C]) -> Option<&'c Cert> {
    certs.iter().map(AsRef::as_ref).find(|c| match &sd.sid {
        cms::SignerId::IssuerSerial { issuer, serial } => {
            &c.issuer_raw == issuer && &c.serial == serial
        }
        cms::SignerId::Ski(ski) => c.ski.as_ref() == Some(ski),
    })
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
        .unwrap_or(si.digest_oid.clone());
    Ok(SignerInfoSummary {
        subject: signer
            .map(|c| c.subject.clone())
            .unwrap_or_else(|| "(signer certificate not carried)".into()),
        issuer: signer.map(|c| c.issuer.clone()).unwrap_or_default(),
        serial: signer.map(Cert::serial_hex).unwrap_or_default(),
        not_before: signer.map(|c| cert::rfc3339(c.not_before)).unwrap_or_default(),
        not_after: signer.map(|c| cert::rfc3339(c.not_after)).unwrap_or_default(),
        email: signer.and_then(|c| c.emails.first().cloned()),
        digest_algorithm: digest,
        signing_time,
        policies: signer.map(|c| c.policies.clone()).unwrap_or_default(),
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

/// RFC 5652 §5.4 / §11.2: the digest of the content, compared with `messageDigest`.
/// Returns (matches, canonicalised). Stored PEC files are often LF-only while the signature
/// covers the CRLF form (crypto-notes step 5, pec-spec Q2): such files are hashed in
/// canonical form, files with CRLF as they are, and the other form is tried as a fallback.
fn content_matches(
    alg: DigestAlg,
    content: &[u8],
    expected: &[u8],
    form: SignedForm,
) -> (bool, bool) {
    if form == SignedForm::Opaque {
        return (alg.digest(content) == expected, false);
    }
    let has_crlf = contains_crlf(content);
    let has_lf = memchr::memchr(b'\n', content).is_some();
    if has_crlf || !has_lf {
        if alg.digest(content) == expected {
            return (true, false);
        }
        if has_lf && digest_canonical(alg, content) == expected {
            return (true, true);
        }
        return (false, false);
    }
    if digest_canonical(alg, content) == expected {
        return (true, true);
    }
    (alg.digest(content) == expected, false)
}

/// RFC 5280 §4.2.1.3 / §4.2.1.12 / RFC 8550 §4.4: the signer may sign mail.
fn signer_usage_problem(signer: &Cert) -> Option<String> {
    if let Some((true, _)) = signer.basic_constraints {
        return Some("the signer certificate is a CA certificate".into());
    }
    if let Some((ds, nr, _)) = signer.key_usage
        && !ds
        && !nr
    {
        return Some(
            "the signer certificate's keyUsage allows neither digitalSignature nor nonRepudiation"
                .into(),
        );
    }
    if let Some(eku) = &signer.eku
        && !eku.iter().any(|o| o == OID_EKU_EMAIL || o == OID_EKU_ANY)
    {
        return Some("the signer certificate's extendedKeyUsage lacks emailProtection".into());
    }
    None
}

/// The full check of one signature. Never panics and never fails: problems are in the report.
pub fn verify_signature(
    signed_content: &[u8],
    cms_der: &[u8],
    form: SignedForm,
    fallback_time: Option<Timestamp>,
    opts: &VerifyOptions,
) -> SignatureReport {
    let sd = match cms::parse(cms_der) {
        Ok(sd) => sd,
        Err(e) => {
            return SignatureReport::failed(
                SignatureStatus::Malformed,
                ProblemCode::Malformed,
                format!("cannot read the CMS signature: {e}"),
            );
        }
    };
    let Some(si) = sd.signer_infos.first() else {
        return SignatureReport::failed(
            SignatureStatus::Malformed,
            ProblemCode::Malformed,
            "no signer".into(),
        );
    };
    let cached: Vec<std::sync::Arc<Cert>> =
        sd.certificates.iter().filter_map(|d| cache::cert(d)).collect();
    let certs: Vec<&Cert> = cached.iter().map(|c| c.as_ref()).collect();
    let mut report =
        SignatureReport::failed(SignatureStatus::Valid, ProblemCode::Malformed, String::new());
    report.problems.clear();
    report.signing_time = si.attr(OID_SIGNING_TIME).and_then(der::parse_time);

    let anchors: Vec<&Cert> = opts.trust.iter().map(|a| &a.cert).collect();
    let signer = find_signer(si, &certs).or_else(|| find_signer(si, &anchors));
    report.signer = signer.map(Cert::summary);

    let Some(digest_alg) = DigestAlg::from_oid(&si.digest_oid) else {
        report.status = SignatureStatus::UnsupportedAlgorithm;
        report.problems.push(Problem::new(
            ProblemCode::UnsupportedAlgorithm,
            format!("digest algorithm {} is not supported", si.digest_oid),
        ));
        return report;
    };
    report.digest_algorithm = Some(digest_alg.name().to_string());
    let sig_alg = match sig_alg_from_identifier(si.signature_algorithm, Some(digest_alg)) {
        Ok(a) => a,
        Err(what) => {
            report.status = SignatureStatus::UnsupportedAlgorithm;
            report.problems.push(Problem::new(
                ProblemCode::UnsupportedAlgorithm,
                format!("{what} is not supported"),
            ));
            return report;
        }
    };
    report.signature_algorithm = Some(sig_alg.name());

    let content: &[u8] = match form {
        SignedForm::Detached => signed_content,
        SignedForm::Opaque => sd.econtent.as_deref().unwrap_or(signed_content),
    };

    // What the signature covers: the signed attributes, or the content when there are none.
    let (signed_bytes_digest, digest_checked) = match si.signed_attrs_for_signature() {
        Some(attrs) => {
            let content_type = si.attr(OID_CONTENT_TYPE).map(|t| der::oid_string(t.value));
            if content_type.as_deref() != Some(OID_DATA) {
                report.status = SignatureStatus::Malformed;
                report.problems.push(Problem::new(
                    ProblemCode::Malformed,
                    format!(
                        "the signed contentType is {}, not id-data",
                        content_type.unwrap_or_else(|| "missing".into())
                    ),
                ));
                return report;
            }
            let Some(expected) =
                si.attr(OID_MESSAGE_DIGEST).filter(|t| t.tag == der::tag::OCTET_STRING)
            else {
                report.status = SignatureStatus::Malformed;
                report.problems.push(Problem::new(
                    ProblemCode::Malformed,
                    "the signed messageDigest is missing",
                ));
                return report;
            };
            let (matches, canonicalised) =
                content_matches(digest_alg, content, expected.value, form);
            if !matches {
                report.status = SignatureStatus::ContentAltered;
                report.problems.push(Problem::new(
                    ProblemCode::ContentAltered,
                    "the signed bytes do not match the signature's digest: the file was edited or \
                     re-saved after signing (even one changed space or line end breaks it)",
                ));
            }
            report.canonicalised = canonicalised;
            (sig_alg.digest().digest(&attrs), true)
        }
        None => {
            let canonical = form == SignedForm::Detached
                && !contains_crlf(content)
                && memchr::memchr(b'\n', content).is_some();
            let d = if canonical {
                digest_canonical(digest_alg, content)
            } else {
                digest_alg.digest(content)
            };
            report.canonicalised = canonical;
            (d, false)
        }
    };

    match signer {
        None => {
            report.status = SignatureStatus::SignerCertMissing;
            report.problems.push(Problem::new(
                ProblemCode::SignerCertMissing,
                "the signer's certificate is neither carried in the signature nor trusted",
            ));
            return report;
        }
        Some(signer_cert) => {
            let verified = cache::key(&signer_cert.spki)
                .and_then(|k| k.verify_prehashed(&sig_alg, &signed_bytes_digest, si.signature));
            match verified {
                Ok(()) => {}
                Err(SigFailure::Unsupported(what)) => {
                    report.status = SignatureStatus::UnsupportedAlgorithm;
                    report.problems.push(Problem::new(
                        ProblemCode::UnsupportedAlgorithm,
                        format!("{what} is not supported"),
                    ));
                }
                Err(SigFailure::BadKey(why)) => {
                    report.status = SignatureStatus::Malformed;
                    report.problems.push(Problem::new(
                        ProblemCode::Malformed,
                        format!("the signer's key cannot be read: {why}"),
                    ));
                }
                Err(SigFailure::Invalid) => {
                    if report.status == SignatureStatus::Valid {
                        report.status = SignatureStatus::BadSignature;
                    }
                    let message = if digest_checked {
                        "the signature value does not verify with the signer's key: forged, or signed by another key"
                    } else {
                        "the signature does not verify: the content was altered or the signature forged \
                         (no signed attributes, the two cannot be told apart)"
                    };
                    report.problems.push(Problem::new(ProblemCode::BadSignature, message));
                }
            }
        }
    }
    if report.canonicalised && report.status == SignatureStatus::Valid {
        report.problems.push(Problem::new(
            ProblemCode::CanonicalisedLineEnds,
            "the file is stored with LF line ends; the signature covers the CRLF form, which matched",
        ));
    }
    let mut sha1_uses = Vec::new();
    if digest_alg == DigestAlg::Sha1 {
        sha1_uses.push("the content digest".to_string());
    }
    if sig_alg.digest() == DigestAlg::Sha1 && digest_alg != DigestAlg::Sha1 {
        // Issue #13: a SHA-256 content digest under a sha1WithRSA signature is still
        // protected by SHA-1 only.
        sha1_uses.push(format!("the signature algorithm ({})", sig_alg.name()));
    }

    // Certificates: at the signing time (P9), else the daticert time, unless --at.
    let (reference, source) = match (opts.at, report.signing_time, fallback_time) {
        (Some(at), _, _) => (at, "--at"),
        (None, Some(st), _) => (st, "signing-time"),
        (None, None, Some(d)) => (d, "daticert"),
        (None, None, None) => (opts.now, "now"),
    };
    if source == "daticert" || source == "now" {
        report.problems.push(Problem::new(
            ProblemCode::NoSigningTime,
            format!(
                "no signingTime in the signature: certificates judged at the {} time",
                if source == "now" { "current" } else { "certified (daticert)" }
            ),
        ));
    }
    report.reference_time = Some(reference);
    report.reference_time_source = source;
    let Some(signer_cert) = signer else { return report };
    if let Some(why) = signer_usage_problem(signer_cert) {
        report.problems.push(Problem::new(ProblemCode::CertUsage, why));
    }
    let path = chain::validate(signer_cert, &certs, &opts.trust, reference);
    report.trusted = path.trusted;
    report.chain = path.chain;
    report.anchor_source = path.anchor_source;
    report.problems.extend(path.problems);
    sha1_uses.extend(path.sha1_links.iter().map(|s| format!("the certificate \"{s}\"")));
    if !sha1_uses.is_empty() {
        report.problems.push(Problem::new(
            ProblemCode::WeakDigest,
            format!(
                "SHA-1 protects {} (normal for older PEC mail, weak today)",
                sha1_uses.join(", ")
            ),
        ));
    }
    if signer_cert.valid_at(reference)
        && !signer_cert.valid_at(opts.now)
        && opts.now > signer_cert.not_after
    {
        report.problems.push(Problem::new(
            ProblemCode::CertExpiredNow,
            format!(
                "the signer certificate expired on {}, after signing: normal for archived mail",
                cert::rfc3339(signer_cert.not_after)
            ),
        ));
    }
    report
}

/// Whether a CRLF occurs anywhere: CRLF text answers at its first line, LF-only text after
/// one vectorised scan for CR.
fn contains_crlf(content: &[u8]) -> bool {
    memchr::memchr_iter(b'\r', content).any(|cr| content.get(cr + 1) == Some(&b'\n'))
}
