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
use super::crypto::{DigestAlg, sig_alg_from_identifier};
use super::describe::find_signer;
use super::signature::{OID_CONTENT_TYPE, OID_MESSAGE_DIGEST};
use super::verifier::Verifier;
use crate::finding::Finding;
use crate::problem::Problem;
use crate::read::cms;
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
        Ok((gen_time, path_problems)) => {
            report.status = "valid";
            if report.trusted {
                (report, Some(gen_time), Vec::new())
            } else {
                // Its genTime proves nothing: the certificates are judged at the signer's
                // own signing time instead, and the reason is said.
                let why = path_problems.first().map(|p| p.message.clone()).unwrap_or_default();
                (report, None, vec![Problem::of(Finding::TimeStampUntrusted(why))])
            }
        }
        Err(why) => (report, None, vec![Problem::of(Finding::TimeStampInvalid(why))]),
    }
}

fn check(
    token: &[u8],
    imprinted: &[u8],
    verifier: &Verifier,
    report: &mut TimeStampReport,
) -> Result<(Timestamp, Vec<Problem>), String> {
    let sd = cms::parse(token).map_err(|e| format!("not a CMS SignedData: {e}"))?;
    if sd.econtent_type != OID_TST_INFO {
        return Err(format!("content type {} is not TSTInfo", sd.econtent_type));
    }
    let tst_info = sd.econtent.as_deref().ok_or("no TSTInfo in the token")?;
    let (imprint_alg, imprint, gen_time) = read_tst_info(tst_info)?;
    report.gen_time = Some(super::cert::rfc3339(gen_time));
    if imprint_alg.digest(imprinted) != imprint {
        return Err("its imprint is not the digest of the signature value it time-stamps".into());
    }
    let si = sd.signer_infos.first().ok_or("no SignerInfo")?;
    let certs: Vec<Cert> = sd.certificates.iter().filter_map(|d| Cert::from_der(d).ok()).collect();
    let tsa = find_signer(si, &certs).ok_or("the authority's certificate is not in the token")?;
    report.tsa = Some(tsa.shared_summary());
    // RFC 3161 §2.3: only a certificate meant for time-stamping vouches for a time.
    if !tsa.eku.as_ref().is_some_and(|eku| eku.iter().any(|oid| oid == OID_EKU_TIME_STAMPING)) {
        return Err(format!(
            "its signer \"{}\" is not a time-stamping authority (no timeStamping key usage)",
            tsa.subject
        ));
    }
    let digest_alg =
        DigestAlg::from_oid(&si.digest_oid).ok_or_else(|| format!("digest {}", si.digest_oid))?;
    let attributes = si.signed_attrs_for_signature().ok_or("no signed attributes")?;
    let content_type = si.attr(OID_CONTENT_TYPE).map(|t| der::oid_string(t.value));
    if content_type.as_deref() != Some(OID_TST_INFO) {
        return Err("its contentType attribute is not TSTInfo".into());
    }
    let stated = si.attr(OID_MESSAGE_DIGEST).ok_or("no messageDigest attribute")?;
    if digest_alg.digest(tst_info) != stated.value {
        return Err("the TSTInfo does not match its messageDigest: altered".into());
    }
    let sig_alg = sig_alg_from_identifier(si.signature_algorithm, Some(digest_alg))?;
    super::crypto::PublicKey::from_spki(&tsa.spki)
        .and_then(|key| {
            key.verify_prehashed(&sig_alg, &sig_alg.digest().digest(&attributes), si.signature)
        })
        .map_err(|e| format!("the authority's signature does not verify ({e:?})"))?;
    let pool: Vec<&Cert> = certs.iter().collect();
    // genTime is the authority's own word: it is what a time-stamp is for.
    let path = verifier.path(tsa, &pool, gen_time, super::trust::Purpose::TimeStamp, true);
    report.trusted = path.trusted;
    report.anchor_source = path.anchor_source;
    Ok((gen_time, path.problems))
}

/// TSTInfo (RFC 3161 §2.4.2): the message imprint's algorithm and digest, and genTime.
fn read_tst_info(der: &[u8]) -> Result<(DigestAlg, Vec<u8>, Timestamp), String> {
    let malformed = |e: der::DerError| format!("malformed TSTInfo: {e}");
    let info = Reader::new(der).expect(tag::SEQUENCE, "TSTInfo").map_err(malformed)?;
    let mut r = info.children();
    r.expect(tag::INTEGER, "version").map_err(malformed)?;
    r.expect(tag::OID, "policy").map_err(malformed)?;
    let imprint = r.expect(tag::SEQUENCE, "messageImprint").map_err(malformed)?;
    let mut i = imprint.children();
    let algorithm = i.expect(tag::SEQUENCE, "hashAlgorithm").map_err(malformed)?;
    let oid = algorithm.children().expect(tag::OID, "algorithm").map_err(malformed)?;
    let oid = der::oid_string(oid.value);
    let alg = DigestAlg::from_oid(&oid).ok_or_else(|| format!("imprint digest {oid}"))?;
    let hashed = i.expect(tag::OCTET_STRING, "hashedMessage").map_err(malformed)?;
    r.expect(tag::INTEGER, "serialNumber").map_err(malformed)?;
    let gen_time = r.read().map_err(malformed)?;
    let gen_time = der::parse_time(&gen_time).ok_or("unreadable genTime")?;
    Ok((alg, hashed.value.to_vec(), gen_time))
}
