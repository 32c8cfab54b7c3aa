//! The check of one CMS signature, one step per rule: RFC 5652 §5 and §11 for the signature
//! itself, RFC 5280 for the signer's certificate, and the PEC reading of time (the signer's
//! certificate is judged when it signed).
//!
//! The algorithm is the one that agreed with OpenSSL on every real message
//! (docs/crypto-notes.md §3): digest the signed bytes (canonicalising bare LF to CRLF only
//! when the file is stored LF-only), compare with the signed `messageDigest` (a mismatch
//! means the content was altered after signing), verify the signature over the signed
//! attributes as encoded, then validate the signer's certificate path at the signing time.
//!
//! Every failure is a problem in the [`SignatureReport`], never an `Err`: a forgery is a
//! result, not an error.

use std::sync::Arc;

use jiff::Timestamp;
use serde::{Serialize, Serializer};

use super::cert::{self, Cert, CertSummary};
use super::crypto::{DigestAlg, SigAlg, SigFailure, sig_alg_from_identifier};
use super::describe::signing_time;
use super::revocation::{Moment, Revocation};
use super::trust::Purpose;
use super::verifier::Verifier;
use crate::finding::{Finding, Integrity, Sha1Use, UsageProblem};
use crate::problem::Problem;
use crate::read::SignedForm;
use crate::read::cms::{
    self, OID_CONTENT_TYPE, OID_MESSAGE_DIGEST, OID_SIGNING_CERTIFICATE_V2, SignedData, SignerInfo,
};
use crate::read::der::{self, Tlv};
use digest::{content_matches, digest_without_attributes};
use times::{
    dated, earliest, expired_since_signing, judged_at, no_signing_time_problem,
    not_valid_when_signed, reference_time,
};

/// id-data.
const OID_DATA: &str = "1.2.840.113549.1.7.1";
/// The ESS signingCertificate attribute (RFC 2634 §5.4), SHA-1; signingCertificateV2
/// replaced it.
const OID_SIGNING_CERTIFICATE: &str = "1.2.840.113549.1.9.16.2.12";
const OID_EKU_EMAIL: &str = "1.3.6.1.5.5.7.3.4";
const OID_EKU_ANY: &str = "2.5.29.37.0";

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

pub use times::{AlsoJudgedAt, ReferenceTimeSource};

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
    /// Where that instant came from.
    pub reference_time_source: ReferenceTimeSource,
    /// The other instants the certificates had to be valid at: the certified time of
    /// daticert.xml when it differs from the signingTime, or the signature's own time when
    /// `--at` names another. Revocation is judged at the latest of them all.
    pub also_judged_at: Vec<AlsoJudgedAt>,
    /// The signer's certificate.
    pub signer: Option<std::sync::Arc<CertSummary>>,
    /// Whether the signer chains to a trusted anchor.
    pub trusted: bool,
    /// The path from the signer to the anchor: each certificate's subject and what the CRLs
    /// say of it at the reference time.
    pub chain: Vec<ChainLink>,
    /// What the CRLs say of the signer certificate at the reference time.
    pub revocation: Revocation,
    /// The certificates of that chain in full, signer first.
    pub chain_certificates: Vec<std::sync::Arc<CertSummary>>,
    /// Where the anchor came from.
    pub anchor_source: Option<String>,
    /// Where the signer stands in the register of accredited providers its authority
    /// publishes (AgID CA1's name constraints). Shown in JSON under `identity`.
    #[serde(skip)]
    pub accreditation: super::names::Accreditation,
    /// Whether LF had to be canonicalised to CRLF for the digest to match.
    pub canonicalised: bool,
    /// Problems found.
    #[serde(skip)]
    pub problems: Vec<Problem>,
}

/// One certificate of the path, as JSON's `signature.chain` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainLink {
    /// Its subject, RFC 4514.
    pub subject: String,
    /// What the CRLs say of it at the reference time (the anchor's is never checked).
    pub revocation: Revocation,
}

impl SignatureReport {
    fn new() -> SignatureReport {
        SignatureReport {
            status: SignatureStatus::Valid,
            digest_algorithm: None,
            signature_algorithm: None,
            signing_time: None,
            reference_time: None,
            reference_time_source: ReferenceTimeSource::None,
            also_judged_at: Vec::new(),
            signer: None,
            trusted: false,
            chain: Vec::new(),
            revocation: Revocation::default(),
            chain_certificates: Vec::new(),
            anchor_source: None,
            accreditation: Default::default(),
            canonicalised: false,
            problems: Vec::new(),
        }
    }

    fn fail(&mut self, status: SignatureStatus, finding: Finding) {
        self.status = status;
        self.problems.push(Problem::of(finding));
    }
}

/// A step's failure that ends the check: the status it leaves and what was found.
struct Stop {
    status: SignatureStatus,
    finding: Finding,
}

impl Stop {
    fn malformed(finding: Finding) -> Stop {
        Stop { status: SignatureStatus::Malformed, finding }
    }

    fn unsupported(finding: Finding) -> Stop {
        Stop { status: SignatureStatus::UnsupportedAlgorithm, finding }
    }
}

/// What the signature value covers.
struct Covered {
    /// The digest (by the signature algorithm's hash) of what was signed.
    digest: Vec<u8>,
    /// Whether signed attributes carried a content digest that was compared.
    attributes: bool,
}

impl Verifier {
    /// The full check of one signature: `signed_content` is the detached content (ignored
    /// for an opaque signature, whose content is inside `cms_der`); `fallback_time` is the
    /// certified time to judge certificates at when the signature has no signingTime.
    /// Never panics and never fails: problems are in the report.
    pub fn verify_signature(
        &self,
        signed_content: &[u8],
        cms_der: &[u8],
        form: SignedForm,
        fallback_time: Option<Timestamp>,
    ) -> SignatureReport {
        self.verify_signature_for(signed_content, cms_der, form, fallback_time, Purpose::Pec)
    }

    /// [`Verifier::verify_signature`] for a signature of `purpose` (a REM message's S/MIME
    /// signature may chain to a trusted list's REM service; a PEC artefact's may not).
    pub fn verify_signature_for(
        &self,
        signed_content: &[u8],
        cms_der: &[u8],
        form: SignedForm,
        fallback_time: Option<Timestamp>,
        purpose: Purpose,
    ) -> SignatureReport {
        let mut report = SignatureReport::new();
        let checked =
            self.check(signed_content, cms_der, form, fallback_time, purpose, &mut report);
        if let Err(stop) = checked {
            report.fail(stop.status, stop.finding);
        }
        report
    }

    fn check(
        &self,
        signed_content: &[u8],
        cms_der: &[u8],
        form: SignedForm,
        fallback_time: Option<Timestamp>,
        purpose: Purpose,
        report: &mut SignatureReport,
    ) -> Result<(), Stop> {
        let sd = signed_data(cms_der)?;
        let si = first_signer(&sd)?;
        if let Some(name) = si.repeated_single_attribute() {
            return Err(Stop::malformed(Finding::Integrity(Integrity::RepeatedSignedAttribute(
                name.to_string(),
            ))));
        }
        if sd.signer_infos.len() > 1 {
            report.problems.push(Problem::of(Finding::Integrity(Integrity::ExtraSigners(
                sd.signer_infos.len(),
            ))));
        }
        let carried: Vec<Arc<Cert>> =
            sd.certificates.iter().filter_map(|d| self.caches().cert(d)).collect();
        let certs: Vec<&Cert> = carried.iter().map(AsRef::as_ref).collect();
        report.signing_time = signing_time(si);
        let anchors: Vec<&Cert> = self.trust().iter().map(|a| &a.cert).collect();
        let named = signers::candidates(si, &certs, &anchors);
        report.signer = named.first().map(|c| c.shared_summary());

        let digest_alg = digest_algorithm(si)?;
        report.digest_algorithm = Some(digest_alg.name().to_string());
        let sig_alg = signature_algorithm(si, digest_alg)?;
        report.signature_algorithm = Some(sig_alg.name());

        let content = match form {
            SignedForm::Detached => signed_content,
            SignedForm::Opaque => sd.econtent.as_deref().unwrap_or(signed_content),
        };
        let covered = match si.signed_attrs_for_signature() {
            Some(attrs) => {
                content_type_is_data(si, &sd.econtent_type)?;
                let expected = message_digest(si)?;
                if expected.value.len() != digest_alg.output_len() {
                    return Err(Stop::malformed(Finding::MessageDigestLength {
                        algorithm: digest_alg.name().to_string(),
                        length: expected.value.len(),
                    }));
                }
                let (matches, canonicalised) =
                    content_matches(digest_alg, content, expected.value, form);
                if !matches {
                    report.fail(SignatureStatus::ContentAltered, Finding::ContentAltered);
                }
                report.canonicalised = canonicalised;
                Covered { digest: sig_alg.digest().digest(&attrs), attributes: true }
            }
            None => {
                let (digest, canonicalised) = digest_without_attributes(digest_alg, content, form);
                report.canonicalised = canonicalised;
                Covered { digest, attributes: false }
            }
        };

        let (reference, source) =
            reference_time(self.requested_time(), report.signing_time, fallback_time, self.now());
        // The CMS signingTime and the certified time are both the signer's own word: the
        // certificates must hold at the later of the two, or an expired key could date its
        // signature back into its validity while certifying an event of today.
        let dated = dated(report.signing_time, fallback_time);
        let moment = Moment::new(reference, judged_at(source), dated, false);
        let path_of = |c: &Cert| self.path(c, &certs, reference, purpose, false, moment);
        let choice =
            signers::choose(&named, |c| self.value_verifies(c, &sig_alg, &covered, si), path_of);
        let signer = choice.signer.ok_or(Stop {
            status: SignatureStatus::SignerCertMissing,
            finding: Finding::SignerCertMissing,
        })?;
        report.signer = Some(signer.shared_summary());
        if choice.decoys > 0 {
            report.problems.push(Problem::of(Finding::Integrity(
                Integrity::DecoySignerCertificates(choice.decoys),
            )));
        }
        self.check_signature_value(signer, &sig_alg, &covered, si.signature, report);
        if let Some(problem) = signing_certificate_problem(si, signer) {
            report.problems.push(problem);
        }
        if report.canonicalised && report.status == SignatureStatus::Valid {
            report.problems.push(Problem::of(Finding::CanonicalisedLineEnds));
        }
        if let Some(problem) = no_signing_time_problem(source) {
            report.problems.push(problem);
        }
        report.reference_time = Some(reference);
        report.reference_time_source = source;
        if let Some(why) = signer_usage_problem(signer, purpose) {
            report.problems.push(Problem::of(Finding::SignerUsage(why)));
        }
        let path = choice.path.unwrap_or_else(|| path_of(signer));
        report.trusted = path.trusted;
        report.revocation = path.revocation.first().cloned().unwrap_or_default();
        report.chain = path
            .chain
            .into_iter()
            .zip(path.revocation.into_iter().chain(std::iter::repeat_with(Revocation::default)))
            .map(|(subject, revocation)| ChainLink { subject, revocation })
            .collect();
        report.chain_certificates = path.certificates;
        // `--at` earlier than the signature's own time, or a certified time later than the
        // signingTime: a certificate must also have been valid at the latest instant the
        // signed data states (one expired in between is not cleared by an earlier instant);
        // and, unless `--at` asks about another instant, at the earliest (a certificate
        // issued after the event it certifies did not exist when the event happened).
        let earliest = earliest(report.signing_time, fallback_time)
            .filter(|t| *t < reference && source != ReferenceTimeSource::Requested);
        for instant in [Some(moment.at).filter(|t| *t > reference), earliest].into_iter().flatten()
        {
            report.problems.extend(not_valid_when_signed(&report.chain_certificates, instant));
            report.also_judged_at.push(AlsoJudgedAt::new(instant, report.signing_time));
        }
        report.accreditation = path.accreditation;
        report.anchor_source = path.anchor_source;
        report.problems.extend(path.problems);
        if let Some(problem) = weak_digest_problem(digest_alg, &sig_alg, &path.sha1_links) {
            report.problems.push(problem);
        }
        if let Some(problem) = expired_since_signing(signer, moment.at, self.now()) {
            report.problems.push(problem);
        }
        Ok(())
    }

    /// Whether the signature value verifies with `cert`'s key.
    fn value_verifies(
        &self,
        cert: &Cert,
        sig_alg: &SigAlg,
        covered: &Covered,
        si: &SignerInfo<'_>,
    ) -> bool {
        self.caches()
            .key(&cert.spki)
            .and_then(|k| k.verify_prehashed(sig_alg, &covered.digest, si.signature))
            .is_ok()
    }

    /// RFC 5652 §5.6: the signature value verifies with the signer's public key over what it
    /// covers. A wrong value does not stop the check (the certificate is still judged).
    fn check_signature_value(
        &self,
        signer: &Cert,
        sig_alg: &SigAlg,
        covered: &Covered,
        signature: &[u8],
        report: &mut SignatureReport,
    ) {
        let verified = self
            .caches()
            .key(&signer.spki)
            .and_then(|k| k.verify_prehashed(sig_alg, &covered.digest, signature));
        match verified {
            Ok(()) => {}
            Err(SigFailure::Unsupported(what)) => report
                .fail(SignatureStatus::UnsupportedAlgorithm, Finding::AlgorithmUnsupported(what)),
            Err(SigFailure::BadKey(why)) => {
                report.fail(SignatureStatus::Malformed, Finding::SignerKeyUnreadable(why))
            }
            Err(SigFailure::Invalid) => {
                if report.status == SignatureStatus::Valid {
                    report.status = SignatureStatus::BadSignature;
                }
                report
                    .problems
                    .push(Problem::of(Finding::BadSignature { attributes: covered.attributes }));
            }
        }
    }
}

/// RFC 5652 §5.1: the blob is a SignedData, with nothing where CMS has no place for it.
fn signed_data(cms_der: &[u8]) -> Result<SignedData<'_>, Stop> {
    let sd =
        cms::parse(cms_der).map_err(|e| Stop::malformed(Finding::CmsUnreadable(e.to_string())))?;
    match sd.stray {
        0 => Ok(sd),
        n => Err(Stop::malformed(Finding::Integrity(Integrity::TrailingSignatureBytes(n)))),
    }
}

/// RFC 5652 §5.1 signerInfos: PEC providers sign once; the first signer is the provider.
fn first_signer<'a>(sd: &'a SignedData<'_>) -> Result<&'a SignerInfo<'a>, Stop> {
    sd.signer_infos.first().ok_or_else(|| Stop::malformed(Finding::NoSigner))
}

/// RFC 5652 §5.3 digestAlgorithm: one peckit implements.
fn digest_algorithm(si: &SignerInfo<'_>) -> Result<DigestAlg, Stop> {
    DigestAlg::from_oid(&si.digest_oid)
        .ok_or_else(|| Stop::unsupported(Finding::DigestUnsupported(si.digest_oid.to_string())))
}

/// CAdES (ETSI EN 319 122-1 §5.2.2, RFC 5035, RFC 2634 §5.4): the signingCertificateV2 (or
/// the older signingCertificate, SHA-1) attribute binds the signer's certificate by its
/// digest; a certificate other than the one that verified is a substituted signer. Checked
/// when present (PEC providers seldom add it; REM's CAdES-B does).
fn signing_certificate_problem(si: &SignerInfo<'_>, signer: &Cert) -> Option<Problem> {
    let (attribute, v2) = match si.attr(OID_SIGNING_CERTIFICATE_V2) {
        Some(attribute) => (attribute, true),
        None => (si.attr(OID_SIGNING_CERTIFICATE)?, false),
    };
    // ESSCertIDv2 { hashAlgorithm DEFAULT sha256, certHash, … };
    // ESSCertID { certHash (SHA-1), … }.
    let stated = (|| {
        let certs = attribute.children().expect(der::tag::SEQUENCE, "certs").ok()?;
        let first = certs.children().expect(der::tag::SEQUENCE, "ESSCertID").ok()?;
        let mut fields = first.children();
        let mut item = fields.read().ok()?;
        let mut alg = if v2 { DigestAlg::Sha256 } else { DigestAlg::Sha1 };
        if v2 && item.tag == der::tag::SEQUENCE {
            let oid = item.children().expect(der::tag::OID, "hashAlgorithm").ok()?;
            alg = DigestAlg::from_oid(&der::oid_string(oid.value))?;
            item = fields.read().ok()?;
        }
        (item.tag == der::tag::OCTET_STRING).then(|| (alg, item.value.to_vec()))
    })();
    match stated {
        Some((alg, hash)) if alg.digest(&signer.der) == hash => None,
        _ => Some(Problem::of(Finding::SigningCertificateMismatch)),
    }
}

/// RFC 5652 §5.3 signatureAlgorithm: one peckit implements, consistent with the digest.
fn signature_algorithm(si: &SignerInfo<'_>, digest: DigestAlg) -> Result<SigAlg, Stop> {
    sig_alg_from_identifier(si.signature_algorithm, Some(digest))
        .map_err(|what| Stop::unsupported(Finding::AlgorithmUnsupported(what)))
}

/// RFC 5652 §11.1: with signed attributes, the contentType attribute must be present and
/// match eContentType; RFC 8551 §3.1: for S/MIME both are id-data.
fn content_type_is_data(si: &SignerInfo<'_>, econtent_type: &str) -> Result<(), Stop> {
    let content_type = si.attr(OID_CONTENT_TYPE).map(|t| der::oid_string(t.value));
    content_types_agree(content_type.as_deref(), econtent_type)
}

/// The rule of [`content_type_is_data`] on the two OIDs.
fn content_types_agree(content_type: Option<&str>, econtent_type: &str) -> Result<(), Stop> {
    match content_type {
        Some(OID_DATA) if econtent_type == OID_DATA => Ok(()),
        Some(OID_DATA) => {
            Err(Stop::malformed(Finding::EncapsulatedNotData(econtent_type.to_string())))
        }
        other => Err(Stop::malformed(Finding::ContentTypeNotData(other.map(str::to_string)))),
    }
}

/// RFC 5652 §11.2: with signed attributes, the messageDigest attribute must be present.
fn message_digest<'a>(si: &'a SignerInfo<'a>) -> Result<&'a Tlv<'a>, Stop> {
    si.attr(OID_MESSAGE_DIGEST)
        .filter(|t| t.tag == der::tag::OCTET_STRING)
        .ok_or_else(|| Stop::malformed(Finding::MessageDigestMissing))
}

/// RFC 5280 §4.2.1.3 / §4.2.1.12 / RFC 8550 §4.4: the signer may sign mail.
fn signer_usage_problem(signer: &Cert, purpose: Purpose) -> Option<UsageProblem> {
    if let Some((true, _)) = signer.basic_constraints {
        return Some(UsageProblem::IsCa);
    }
    if let Some((ds, nr, _)) = signer.key_usage
        && !ds
        && !nr
    {
        return Some(UsageProblem::KeyUsage);
    }
    if let Some(eku) = &signer.eku
        && !eku.iter().any(|o| o == OID_EKU_EMAIL || o == OID_EKU_ANY)
    {
        return Some(UsageProblem::NoEmailProtection);
    }
    // Spec §4.1 (identity links): a PEC provider's signing certificate carries the PEC policy;
    // a personal S/MIME certificate under a broad `--trust` root does not. (REM providers are
    // qualified under their own policies.)
    if purpose == Purpose::Pec && !signer.has_pec_policy() {
        return Some(UsageProblem::NotPecSigner);
    }
    None
}

/// Information when SHA-1 protects any part: the content digest, the signature algorithm
/// (issue #13: a SHA-256 content digest under sha1WithRSA is protected by SHA-1 only), or a
/// link of the certificate path.
fn weak_digest_problem(
    digest: DigestAlg,
    sig_alg: &SigAlg,
    sha1_links: &[String],
) -> Option<Problem> {
    let mut uses = Vec::new();
    if digest == DigestAlg::Sha1 {
        uses.push(Sha1Use::ContentDigest);
    }
    if sig_alg.digest() == DigestAlg::Sha1 && digest != DigestAlg::Sha1 {
        uses.push(Sha1Use::SignatureAlgorithm(sig_alg.name()));
    }
    uses.extend(sha1_links.iter().map(|s| Sha1Use::Certificate(s.clone())));
    if uses.is_empty() {
        return None;
    }
    Some(Problem::of(Finding::WeakDigest(uses)))
}

mod digest;
mod signers;
mod times;

#[cfg(test)]
mod tests;
