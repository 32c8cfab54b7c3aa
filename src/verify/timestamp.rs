//! RFC 3161 time-stamp tokens: the XAdES SignatureTimeStamp of a REM evidence. A token is a
//! CMS SignedData whose content is a TSTInfo; it proves that the data it imprints existed at
//! its genTime, when the time-stamping authority's signature verifies and its certificate
//! chains to a trusted anchor at that time. Then genTime, not the signer's own claim, is the
//! instant the evidence's certificates are judged at: an archived evidence stays valid after
//! its certificates expire.
#![deny(clippy::indexing_slicing)]

use std::sync::Arc;

use jiff::Timestamp;
use serde::Serialize;

use super::cert::{Cert, CertSummary};
use super::crypto::{DigestAlg, SigFailure, sig_alg_from_identifier};
use super::describe::find_signer;
use super::verifier::Verifier;
use crate::finding::{Finding, TimeStampFault};
use crate::problem::Problem;
use crate::read::cms;
use crate::read::cms::{OID_CONTENT_TYPE, OID_MESSAGE_DIGEST};
use crate::read::der::{self, Reader, tag};

const OID_TST_INFO: &str = "1.2.840.113549.1.9.16.1.4";

/// id-kp-timeStamping.
const OID_EKU_TIME_STAMPING: &str = "1.3.6.1.5.5.7.3.8";

/// How a time-stamp token was judged.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TimeStampReport {
    /// `valid` (imprint and TSA signature check out), or `invalid`.
    pub status: &'static str,
    /// genTime, RFC 3339 UTC.
    pub gen_time: Option<String>,
    /// The time-stamping authority's certificate.
    pub tsa: Option<Arc<CertSummary>>,
    /// Whether its path ends at a trusted anchor at genTime.
    pub trusted: bool,
    /// Where that anchor came from.
    pub anchor_source: Option<String>,
}

impl TimeStampReport {
    /// Whether the time-stamp checks out and its authority chains to a trusted anchor: only
    /// then does its genTime prove anything.
    pub fn holds(&self) -> bool {
        self.status == "valid" && self.trusted
    }
}

/// Verifies `token` over `imprinted` (the bytes whose digest it must carry). Returns the
/// report, the genTime when the token is valid and trusted, and what was found.
pub fn verify(
    token: &[u8],
    imprinted: &[u8],
    verifier: &Verifier,
) -> (TimeStampReport, Option<Timestamp>, Vec<Problem>) {
    let mut report = TimeStampReport {
        status: "invalid",
        gen_time: None,
        tsa: None,
        trusted: false,
        anchor_source: None,
    };
    match check(token, imprinted, verifier, &mut report) {
        Ok((gen_time, mut path_problems)) => {
            report.status = "valid";
            // A revoked authority vouches for nothing; what the CRLs could not say of it is
            // passed on.
            let revoked = path_problems.iter().position(|p| {
                matches!(
                    p.finding,
                    Some(Finding::Revoked { .. } | Finding::RevokedCompromised { .. })
                )
            });
            if let Some(i) = revoked {
                report.trusted = false;
                let why = path_problems.swap_remove(i).finding.map(Box::new);
                (report, None, vec![Problem::of(Finding::TimeStampUntrusted(why))])
            } else if report.trusted {
                let passed_on = path_problems
                    .into_iter()
                    .filter(|p| {
                        matches!(
                            p.finding,
                            Some(
                                Finding::RevocationUnknown { .. }
                                    | Finding::RevokedAfterSigning { .. }
                                    | Finding::CrlUnusable { .. }
                            )
                        )
                    })
                    .collect();
                (report, Some(gen_time), passed_on)
            } else {
                // Its genTime proves nothing: the certificates are judged at the signer's
                // own signing time instead, and the reason is said.
                let why = path_problems.into_iter().find_map(|p| p.finding).map(Box::new);
                (report, None, vec![Problem::of(Finding::TimeStampUntrusted(why))])
            }
        }
        Err(fault) => (report, None, vec![Problem::of(Finding::TimeStampInvalid(fault))]),
    }
}

fn check(
    token: &[u8],
    imprinted: &[u8],
    verifier: &Verifier,
    report: &mut TimeStampReport,
) -> Result<(Timestamp, Vec<Problem>), TimeStampFault> {
    let sd = cms::parse(token).map_err(|e| TimeStampFault::NotSignedData(e.to_string()))?;
    if sd.econtent_type != OID_TST_INFO {
        return Err(TimeStampFault::WrongContentType(sd.econtent_type.to_string()));
    }
    let tst_info = sd.econtent.as_deref().ok_or(TimeStampFault::NoTstInfo)?;
    let (imprint_alg, imprint, gen_time) = read_tst_info(tst_info)?;
    report.gen_time = Some(super::cert::rfc3339(gen_time));
    if imprint_alg.digest(imprinted) != imprint {
        return Err(TimeStampFault::ImprintMismatch);
    }
    let si = sd.signer_infos.first().ok_or(TimeStampFault::NoSignerInfo)?;
    let certs: Vec<Cert> = sd.certificates.iter().filter_map(|d| Cert::from_der(d).ok()).collect();
    let tsa = find_signer(si, &certs).ok_or(TimeStampFault::AuthorityCertificateMissing)?;
    report.tsa = Some(tsa.shared_summary());
    // RFC 3161 §2.3: only a certificate meant for time-stamping vouches for a time.
    if !tsa.eku.as_ref().is_some_and(|eku| eku.iter().any(|oid| oid == OID_EKU_TIME_STAMPING)) {
        return Err(TimeStampFault::NotTimeStampingAuthority(tsa.subject.clone()));
    }
    let digest_alg = DigestAlg::from_oid(&si.digest_oid)
        .ok_or_else(|| TimeStampFault::UnsupportedDigest(si.digest_oid.to_string()))?;
    let attributes = si.signed_attrs_for_signature().ok_or(TimeStampFault::NoSignedAttributes)?;
    let content_type = si.attr(OID_CONTENT_TYPE).map(|t| der::oid_string(t.value));
    if content_type.as_deref() != Some(OID_TST_INFO) {
        return Err(TimeStampFault::ContentTypeAttribute);
    }
    let stated = si.attr(OID_MESSAGE_DIGEST).ok_or(TimeStampFault::NoMessageDigest)?;
    if digest_alg.digest(tst_info) != stated.value {
        return Err(TimeStampFault::Altered);
    }
    let sig_alg = sig_alg_from_identifier(si.signature_algorithm, Some(digest_alg))
        .map_err(TimeStampFault::SignatureAlgorithm)?;
    super::crypto::PublicKey::from_spki(&tsa.spki)
        .and_then(|key| {
            key.verify_prehashed(&sig_alg, &sig_alg.digest().digest(&attributes), si.signature)
        })
        .map_err(|e| match e {
            SigFailure::Invalid => TimeStampFault::BadSignature,
            SigFailure::Unsupported(why) | SigFailure::BadKey(why) => {
                TimeStampFault::KeyUnusable(why)
            }
        })?;
    let pool: Vec<&Cert> = certs.iter().collect();
    // genTime is the authority's own word: it is what a time-stamp is for.
    // A compromise of the authority's own key after genTime leaves genTime unproven.
    let moment = super::revocation::Moment {
        at: gen_time,
        basis: crate::finding::JudgedAt::TimeStamp,
        proven: false,
    };
    let path = verifier.path(tsa, &pool, gen_time, super::trust::Purpose::TimeStamp, true, moment);
    report.trusted = path.trusted;
    report.anchor_source = path.anchor_source;
    Ok((gen_time, path.problems))
}

/// TSTInfo (RFC 3161 §2.4.2): the message imprint's algorithm and digest, and genTime.
fn read_tst_info(der: &[u8]) -> Result<(DigestAlg, Vec<u8>, Timestamp), TimeStampFault> {
    let malformed = |e: der::DerError| TimeStampFault::MalformedTstInfo(e.to_string());
    let info = Reader::new(der).expect(tag::SEQUENCE, "TSTInfo").map_err(malformed)?;
    let mut r = info.children();
    r.expect(tag::INTEGER, "version").map_err(malformed)?;
    r.expect(tag::OID, "policy").map_err(malformed)?;
    let imprint = r.expect(tag::SEQUENCE, "messageImprint").map_err(malformed)?;
    let mut i = imprint.children();
    let algorithm = i.expect(tag::SEQUENCE, "hashAlgorithm").map_err(malformed)?;
    let oid = algorithm.children().expect(tag::OID, "algorithm").map_err(malformed)?;
    let oid = der::oid_string(oid.value);
    let alg = DigestAlg::from_oid(&oid)
        .ok_or_else(|| TimeStampFault::UnsupportedImprintDigest(oid.to_string()))?;
    let hashed = i.expect(tag::OCTET_STRING, "hashedMessage").map_err(malformed)?;
    r.expect(tag::INTEGER, "serialNumber").map_err(malformed)?;
    let gen_time = r.read().map_err(malformed)?;
    let gen_time = der::parse_time(&gen_time).ok_or(TimeStampFault::UnreadableGenTime)?;
    Ok((alg, hashed.value.to_vec(), gen_time))
}
