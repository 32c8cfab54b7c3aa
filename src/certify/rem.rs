//! REM rules (ETSI EN 319 532-3, AgID REM-Policy-IT): a REM message's unsigned `REM-*`
//! headers against the evidence its provider signed, and the original it carries against
//! the digest the evidence states.

use base64::Engine as _;

use crate::finding::Finding;
use crate::problem::Problem;
use crate::read::rem::{RemDigest, RemEvidence};
use crate::read::{Artefact, RemClaims};

/// Every REM check of a REM message.
pub fn check(artefact: &Artefact, problems: &mut Vec<Problem>) {
    let Some(read) = artefact.content.as_ref().and_then(|c| c.rem.as_ref()) else { return };
    let evidence = match read {
        Ok(evidence) => evidence,
        Err(e) => {
            problems.push(Problem::of(Finding::RemEvidenceMalformed(e.clone())));
            return;
        }
    };
    if let Some(claims) = artefact.claims.rem.as_ref() {
        check_headers(claims, evidence, problems);
        check_message_type(claims, evidence, problems);
        check_subject(artefact.claims.subject.as_deref(), evidence, problems);
    }
    if let (Some(stated), Some(original)) = (evidence.original_digest.as_ref(), artefact.original())
    {
        check_original_digest(stated, original, problems);
    }
}

/// EN 319 532-4: the provider that signs the message signs its evidence; a XAdES signer of
/// another organisation than the S/MIME signer's is another provider's evidence.
pub fn check_same_provider(
    smime: Option<&crate::verify::SignatureReport>,
    xades: &crate::verify::xades::XadesReport,
    problems: &mut Vec<Problem>,
) {
    let organisation =
        |c: &crate::verify::cert::CertSummary| c.provider().unwrap_or_default().to_string();
    let smime = smime.and_then(|s| s.signer.as_ref()).map(|c| organisation(c));
    let evidence = xades.signer.as_ref().map(|c| organisation(c));
    if let (Some(smime), Some(evidence)) = (smime, evidence)
        && smime != evidence
    {
        problems.push(Problem::of(Finding::XadesSignerDiffers { smime, evidence }));
    }
}

/// The provider of an evidence is the organisation of the certificate that signed it; the
/// issuer it names (EvidenceIssuerDetails) is free text, a claim, and one that names another
/// is said (review 12: it was shown as the provider).
pub fn check_issuer(
    artefact: &Artefact,
    xades: &crate::verify::xades::XadesReport,
    problems: &mut Vec<Problem>,
) {
    let evidence = artefact.content.as_ref().and_then(|c| c.rem.as_ref()?.as_ref().ok());
    let stated = evidence.and_then(|e| e.issuer.as_deref());
    let Some(cert) = xades.signer.as_ref() else { return };
    let names = [cert.organization.as_deref(), cert.common_name.as_deref()];
    // The provider as the tables show it.
    let Some(signer) = cert.provider() else { return };
    if let Some(stated) = stated {
        let words = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
        if !names.into_iter().flatten().any(|n| words(n) == words(stated)) {
            problems.push(Problem::of(Finding::RemIssuerMismatch {
                stated: stated.to_string(),
                signer: signer.to_string(),
            }));
        }
    }
}

/// EN 319 532-3 §6: the `REM-*` headers repeat the evidence; a header that says otherwise
/// was changed, or lies.
fn check_headers(claims: &RemClaims, evidence: &RemEvidence, problems: &mut Vec<Problem>) {
    let strip = |id: &str| id.trim().trim_start_matches('<').trim_end_matches('>').to_string();
    let pairs = [
        ("REM-EventIdentifier", claims.event_uri.clone(), evidence.event_uri.clone()),
        ("REM-ReasonIdentifier", claims.reason_uri.clone(), evidence.reason_uri.clone()),
        (
            "REM-Evidence-ID",
            claims.evidence_id.as_deref().map(strip),
            evidence.evidence_id.as_deref().map(strip),
        ),
        (
            "REM-DigestValue",
            claims.digest_value.clone(),
            evidence.original_digest.as_ref().map(|d| d.value.clone()),
        ),
        (
            "REM-UAMessageIdentifier",
            claims.ua_message_id.as_deref().map(strip),
            evidence.app_message_id.as_deref().map(strip),
        ),
    ];
    for (header, stated, certified) in pairs {
        if let (Some(stated), Some(certified)) = (stated, certified)
            && stated.trim() != certified.trim()
        {
            problems.push(Problem::of(Finding::RemHeaderMismatch {
                header: header.into(),
                stated,
                certified,
            }));
        }
    }
}

/// A dispatch carries the SubmissionAcceptance evidence (AgID's kit; its receipts may carry
/// one too, so only this direction is a contradiction): an unsigned `REM-MessageType:
/// dispatch` over another event relabels a receipt.
fn check_message_type(claims: &RemClaims, evidence: &RemEvidence, problems: &mut Vec<Problem>) {
    let (Some(stated), Some(event)) = (claims.message_type.as_deref(), evidence.event.as_deref())
    else {
        return;
    };
    if stated == "dispatch" && event != "SubmissionAcceptance" {
        problems.push(Problem::of(Finding::RemHeaderMismatch {
            header: "REM-MessageType".into(),
            stated: stated.to_string(),
            certified: event.to_string(),
        }));
    }
}

/// EN 319 532-4: a REM message's Subject is "REM <event>: <the original's subject>" ("REM
/// Dispatch: …" for the SubmissionAcceptance a dispatch carries, as AgID's kit writes it),
/// which the evidence states; a Subject that says another event or another text is not what
/// the provider certified: a warning, as PEC's `subject-mismatch` (gateways tag subjects).
fn check_subject(subject: Option<&str>, evidence: &RemEvidence, problems: &mut Vec<Problem>) {
    let (Some(subject), Some(event), Some(text)) =
        (subject, evidence.event.as_deref(), evidence.subject.as_deref())
    else {
        return;
    };
    // Raw 8-bit bytes that are not UTF-8: what a mail program shows cannot be known.
    if subject.contains('\u{FFFD}') {
        return;
    }
    let certified = format!("REM {event}: {text}");
    let said = subject.trim_start().strip_prefix("REM ").and_then(|s| s.split_once(':'));
    let agrees = said.is_some_and(|(word, said)| {
        let dispatch_word = word.trim() == "Dispatch" && event == "SubmissionAcceptance";
        (word.trim() == event || dispatch_word)
            && said.split_whitespace().eq(text.split_whitespace())
    });
    if !agrees {
        problems.push(Problem::of(Finding::RemSubjectMismatch {
            stated: subject.to_string(),
            certified,
        }));
    }
}

/// EN 319 522-2 (UserContentInfo): the evidence binds the original by its digest; the
/// original carried must be those bytes.
fn check_original_digest(stated: &RemDigest, original: &[u8], problems: &mut Vec<Problem>) {
    use sha2::{Digest, Sha256, Sha384, Sha512};
    let digest = match stated.algorithm.rsplit('#').next() {
        Some("sha256") => Sha256::digest(original).to_vec(),
        Some("sha384") => Sha384::digest(original).to_vec(),
        Some("sha512") => Sha512::digest(original).to_vec(),
        _ => return,
    };
    let actual = base64::engine::general_purpose::STANDARD.encode(digest);
    if actual != stated.value.trim() {
        problems.push(Problem::of(Finding::RemOriginalDigestMismatch {
            stated: stated.value.clone(),
            actual,
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha256_of(bytes: &[u8]) -> RemDigest {
        use sha2::{Digest, Sha256};
        RemDigest {
            algorithm: "http://www.w3.org/2001/04/xmlenc#sha256".into(),
            value: base64::engine::general_purpose::STANDARD.encode(Sha256::digest(bytes)),
        }
    }

    #[test]
    fn an_original_is_held_to_the_digest_its_evidence_states() {
        let stated = sha256_of(b"the original\r\n");
        let mut problems = Vec::new();
        check_original_digest(&stated, b"the original\r\n", &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        check_original_digest(&stated, b"the original\n", &mut problems);
        assert!(
            matches!(problems.as_slice(), [p] if matches!(p.finding, Some(Finding::RemOriginalDigestMismatch { .. }))),
            "{problems:?}"
        );
    }

    #[test]
    fn a_header_is_held_to_the_evidence_and_an_absent_one_is_not_a_contradiction() {
        let evidence = RemEvidence {
            evidence_id: Some("E1@p".into()),
            event_uri: Some("http://uri.etsi.org/19522/Event/ContentConsignment".into()),
            ..RemEvidence::default()
        };
        let mut claims = RemClaims { evidence_id: Some("<E1@p>".into()), ..RemClaims::default() };
        let mut problems = Vec::new();
        check_headers(&claims, &evidence, &mut problems);
        assert!(problems.is_empty(), "angle brackets are not a difference: {problems:?}");
        claims.evidence_id = Some("<E2@p>".into());
        check_headers(&claims, &evidence, &mut problems);
        assert!(
            matches!(problems.as_slice(), [p] if matches!(&p.finding, Some(Finding::RemHeaderMismatch { header, .. }) if header == "REM-Evidence-ID")),
            "{problems:?}"
        );
    }

    /// Review 12: the client's Message-ID and the Subject are held to the evidence too; a
    /// Subject that says otherwise is a warning, as PEC's (review 13: gateways tag subjects).
    #[test]
    fn the_message_id_and_the_subject_are_held_to_the_evidence() {
        let evidence = RemEvidence {
            event: Some("ContentConsignment".into()),
            app_message_id: Some("<c@client>".into()),
            subject: Some("Notifica  REM".into()),
            ..RemEvidence::default()
        };
        let codes = |problems: &[Problem]| -> Vec<&'static str> {
            problems.iter().map(|p| p.code.code()).collect()
        };
        let mut problems = Vec::new();
        let claims = RemClaims { ua_message_id: Some("c@client".into()), ..RemClaims::default() };
        check_headers(&claims, &evidence, &mut problems);
        check_subject(Some("REM ContentConsignment: Notifica REM"), &evidence, &mut problems);
        // "REM Dispatch:" is what AgID's kit writes on a dispatch's SubmissionAcceptance.
        let accepted =
            RemEvidence { event: Some("SubmissionAcceptance".into()), ..evidence.clone() };
        check_subject(Some("REM Dispatch:  Notifica REM"), &accepted, &mut problems);
        let relabelled =
            RemClaims { message_type: Some("dispatch".into()), ..RemClaims::default() };
        check_message_type(&relabelled, &accepted, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        let claims = RemClaims { ua_message_id: Some("<d@client>".into()), ..RemClaims::default() };
        check_headers(&claims, &evidence, &mut problems);
        for contradicting in [
            "REM ContentConsignment: Diffida",
            "REM RelayFailure: Notifica REM",
            "Notifica REM",
            "REM Dispatch: Notifica REM",
            "[ESTERNO] REM ContentConsignment: Notifica REM",
        ] {
            check_subject(Some(contradicting), &evidence, &mut problems);
        }
        // A receipt relabelled as a dispatch in its unsigned header (review 14).
        check_message_type(&relabelled, &evidence, &mut problems);
        assert_eq!(
            codes(&problems),
            [
                "rem-header-mismatch",
                "rem-subject-mismatch",
                "rem-subject-mismatch",
                "rem-subject-mismatch",
                "rem-subject-mismatch",
                "rem-subject-mismatch",
                "rem-header-mismatch"
            ]
        );
        let subjects = problems.iter().filter(|p| p.code.code() == "rem-subject-mismatch");
        assert!(subjects.clone().all(|p| !p.is_fatal()), "a warning, as PEC's");
    }
}
