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
        certificate: Arc::new(SignerCertificate {
            subject: cert.subject.clone(),
            issuer: cert.issuer.clone(),
            serial: cert.serial.clone(),
            sha256: cert.sha256.clone(),
            anchor: sig.anchor_source.clone(),
            accreditation: sig.accreditation.clone(),
        }),
        reference_time_utc: sig
            .reference_time
            .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()),
        reference_time_source: sig.reference_time_source,
        revocation: Arc::new(sig.revocation.clone()),
    })
}

/// A standalone REM evidence's signer: the certificate its XAdES signature named.
fn xades(assessment: &Assessment) -> Option<SignerRecord> {
    use crate::verify::{NoRegistration, ReferenceTimeSource as Source};
    let x = assessment.xades.as_ref()?;
    let cert = x.signer.as_ref()?;
    Some(SignerRecord {
        certificate: Arc::new(SignerCertificate {
            subject: cert.subject.clone(),
            issuer: cert.issuer.clone(),
            serial: cert.serial.clone(),
            sha256: cert.sha256.clone(),
            anchor: x.anchor_source.clone(),
            accreditation: crate::verify::Accreditation {
                accreditation: None,
                accreditation_reason: Some(if x.trusted {
                    NoRegistration::NoRegister
                } else {
                    NoRegistration::Untrusted
                }),
            },
        }),
        reference_time_utc: x.reference_time.clone(),
        reference_time_source: match x.reference_time_source {
            "time-stamp" => Source::TimeStamp,
            "signing-time" => Source::SigningTime,
            "requested" => Source::Requested,
            _ => Source::Now,
        },
        revocation: Arc::new(crate::verify::Revocation::default()),
    })
}
