//! Assessment: the verdict on one artefact.
//!
//! Combines what [`mod@crate::read`] found, the signature check of [`crate::verify`] and
//! the cross-checks (`certify/crosscheck.rs`) into one [`Assessment`]: a verdict and the
//! problems behind it, ranked so the most specific failure comes first. A forgery is an
//! `Invalid` assessment, never an error.
#![deny(clippy::indexing_slicing)]

use crate::certify::crosscheck::{self, SignatureFacts};
use crate::finding::Finding;
pub use crate::problem::Verdict;
use crate::problem::{Problem, rank_problems};
use crate::read::{Artefact, Kind};
use crate::verify::signature::SignatureReport;
use crate::verify::verifier::Verifier;

/// The verdict on one artefact and on its nested artefacts.
#[derive(Debug, Clone)]
pub struct Assessment {
    /// Valid or invalid.
    pub verdict: Verdict,
    /// Problems, most specific first.
    pub problems: Vec<Problem>,
    /// The signature check, when there was a signature to check.
    pub signature: Option<SignatureReport>,
    /// Whether `From` names the signer certificate's address; `None` when either is
    /// missing.
    pub signer_matches_from: Option<bool>,
    /// Assessments of the nested artefacts, in the same order as [`Artefact::nested`].
    pub nested: Vec<Assessment>,
    /// A REM message's evidence signature (XAdES), when it carries an evidence.
    pub xades: Option<crate::verify::xades::XadesReport>,
}

/// Whether what the daticert says is certified: the signature verified over unchanged bytes,
/// chained to a trusted authority, and no error undermines the signer or the signed data.
/// Only errors about what lies outside the signed entity (an unsigned header that contradicts
/// it, unsigned parts around it) leave the signed data certified.
pub fn signed_data_certified(signature: Option<&SignatureReport>, problems: &[Problem]) -> bool {
    signature.is_some_and(|s| s.status == crate::verify::SignatureStatus::Valid && s.trusted)
        && errors_leave_data_certified(problems)
}

/// Whether every error found leaves the signed data certified: an unsigned header that
/// contradicts it (PEC's markers, REM's headers), or something unsigned beside it (any other
/// error undermines the signer or the signed data).
pub fn errors_leave_data_certified(problems: &[Problem]) -> bool {
    use crate::problem::ProblemCode;
    problems.iter().filter(|p| p.is_fatal()).all(|p| {
        matches!(
            p.code,
            ProblemCode::HeaderMismatch
                | ProblemCode::RemHeaderMismatch
                | ProblemCode::UnsignedContentOutsideSignature
        )
    })
}

/// Assesses an artefact and, recursively, its nested artefacts.
pub fn assess(artefact: &Artefact, verifier: &Verifier) -> Assessment {
    let mut problems = artefact.problems.clone();
    let mut signature = None;
    match &artefact.signed {
        // A standalone REM evidence: its XAdES signature, below, is what vouches for it, and
        // it must be an evidence peckit can read.
        None if artefact.is_standalone_evidence() => super::rem::check(artefact, &mut problems),
        None => {
            let pec_like = artefact.kind.is_pec() || artefact.unsigned_daticert.is_some();
            if pec_like {
                problems.push(Problem::of(Finding::Unsigned));
            } else {
                problems.push(Problem::of(Finding::NotPec));
            }
        }
        Some(signed) if signed.defect.is_some() => {
            // The defect is already a `malformed` problem from reading.
        }
        Some(signed) => {
            let fallback = artefact.daticert().and_then(|d| d.data.as_ref()).map(|d| d.utc);
            let purpose = if artefact.kind == Kind::RemEvidence {
                crate::verify::trust::Purpose::Rem
            } else {
                crate::verify::trust::Purpose::Pec
            };
            let report = verifier.verify_signature_for(
                signed.content(&artefact.raw),
                &signed.cms,
                signed.form,
                fallback,
                purpose,
            );
            problems.extend(report.problems.iter().cloned());
            signature = Some(report);
        }
    }
    let xades = artefact.evidence_bytes().map(|evidence| {
        let (report, found) = crate::verify::xades::verify(evidence, verifier);
        for p in found {
            // The reader may have said the same of a document it could not read.
            if !problems.iter().any(|q| q.code == p.code && q.message == p.message) {
                problems.push(p);
            }
        }
        super::rem::check_same_provider(signature.as_ref(), &report, &mut problems);
        super::rem::check_issuer(artefact, &report, &mut problems);
        report
    });
    if artefact.signed.is_some() && artefact.kind == Kind::NotPec {
        problems.push(Problem::of(Finding::SignedNotPec));
    }
    let facts = SignatureFacts {
        signing_time: signature.as_ref().and_then(|s| s.signing_time),
        signer_email: signature
            .as_ref()
            .and_then(|s| s.signer.as_ref())
            .and_then(|c| c.email.clone()),
        authentic_signer: signature
            .as_ref()
            .filter(|s| s.status == crate::verify::SignatureStatus::Valid && s.trusted)
            .and_then(|s| s.signer.as_ref())
            .map(|c| c.provider().unwrap_or(&c.subject).to_string()),
        content_intact: signature
            .as_ref()
            .is_some_and(|s| s.status == crate::verify::SignatureStatus::Valid),
    };
    for p in crosscheck::cross_check(artefact, &facts) {
        if !problems.iter().any(|q| q.code == p.code && q.message == p.message) {
            problems.push(p);
        }
    }
    super::times::check(
        artefact,
        signature.as_ref(),
        xades.as_ref(),
        verifier.now(),
        &mut problems,
    );
    rank_problems(&mut problems);
    let verdict =
        if problems.iter().any(Problem::is_fatal) { Verdict::Invalid } else { Verdict::Valid };
    let nested = artefact.nested.iter().map(|n| assess(n, verifier)).collect();
    let signer_matches_from =
        crosscheck::from_matches_signer(&artefact.claims, facts.signer_email.as_deref());
    Assessment { verdict, problems, signature, signer_matches_from, nested, xades }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::limits::Limits;
    use crate::problem::ProblemCode;
    use crate::testing::{sample, test_verifier};

    fn assessed(bytes: Vec<u8>) -> (Artefact, Assessment) {
        let a = crate::read::read(bytes, &Limits::default()).unwrap();
        let s = assess(&a, &test_verifier());
        (a, s)
    }

    #[test]
    fn a_genuine_receipt_is_valid_and_its_signer_matches_from() {
        let (_, s) = assessed(sample("accettazione.eml"));
        assert_eq!(s.verdict, Verdict::Valid, "{:?}", s.problems);
        assert_eq!(s.signer_matches_from, Some(true));
        assert!(s.signature.is_some());
    }

    #[test]
    fn unsigned_mail_is_never_valid_and_says_why() {
        let (_, s) = assessed(sample("non-pec.eml"));
        assert_eq!(s.verdict, Verdict::Invalid);
        assert_eq!(s.problems[0].code, ProblemCode::NotPec);
        let lookalike =
            b"From: a@b.it\r\nX-Ricevuta: accettazione\r\nSubject: ACCETTAZIONE: x\r\n\r\nbody\r\n";
        let (_, s) = assessed(lookalike.to_vec());
        assert_eq!(s.verdict, Verdict::Invalid);
        assert_eq!(s.problems[0].code, ProblemCode::Unsigned);
        assert!(s.signature.is_none());
    }

    #[test]
    fn nested_artefacts_are_assessed_in_order() {
        let (a, s) = assessed(sample("anomalia-annidata.eml"));
        assert_eq!(a.nested.len(), s.nested.len());
        assert!(!s.nested.is_empty());
    }
}
