//! Who signed an artefact, as the evidence records it: the S/MIME signer, or for a
//! standalone REM evidence its XAdES signer.

use std::sync::Arc;

use super::model::{SignerCertificate, SignerRecord};
use crate::certify::assess::Assessment;

/// The signer's record, when a signature named one.
pub(super) fn record(assessment: &Assessment) -> Option<SignerRecord> {
    smime(assessment).or_else(|| xades(assessment))
}

fn smime(assessment: &Assessment) -> Option<SignerRecord> {
    let sig = assessment.signature.as_ref()?;
    let cert = sig.signer.as_ref()?;
    Some(SignerRecord {
        certificate: certificate(cert, sig.anchor_source.clone(), sig.accreditation.clone()),
        reference_time_utc: sig
            .reference_time
            .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()),
        reference_time_source: sig.reference_time_source,
        also_judged_at: sig.also_judged_at.clone(),
        revocation: Arc::new(sig.revocation.clone()),
    })
}

/// A standalone REM evidence's signer: the certificate its XAdES signature named.
fn xades(assessment: &Assessment) -> Option<SignerRecord> {
    use crate::verify::{NoRegistration, ReferenceTimeSource as Source};
    let x = assessment.xades.as_ref()?;
    let cert = x.signer.as_ref()?;
    let accreditation = crate::verify::Accreditation {
        accreditation: None,
        accreditation_reason: Some(if x.trusted {
            NoRegistration::NoRegister
        } else {
            NoRegistration::Untrusted
        }),
    };
    Some(SignerRecord {
        certificate: certificate(cert, x.anchor_source.clone(), accreditation),
        reference_time_utc: x.reference_time.clone(),
        reference_time_source: match x.reference_time_source {
            "time-stamp" => Source::TimeStamp,
            "signing-time" => Source::SigningTime,
            "requested" => Source::Requested,
            _ => Source::Now,
        },
        also_judged_at: Vec::new(),
        revocation: Arc::new(crate::verify::Revocation::default()),
    })
}

fn certificate(
    cert: &crate::verify::CertSummary,
    anchor: Option<String>,
    accreditation: crate::verify::Accreditation,
) -> Arc<SignerCertificate> {
    Arc::new(SignerCertificate {
        subject: cert.subject.clone(),
        issuer: cert.issuer.clone(),
        serial: cert.serial.clone(),
        sha256: cert.sha256.clone(),
        anchor,
        accreditation,
    })
}
