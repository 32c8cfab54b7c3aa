//! One of each finding, for the catalogue's tests.

use crate::error::ReadFailure;
use crate::limits::Limit;

/// One of each finding. The match below has no wildcard: a new variant does not compile
/// until it is listed here, and then it is checked in both languages.
pub(super) fn every_finding() -> Vec<crate::finding::Finding> {
    use crate::finding::*;
    let s = || "x".to_string();
    let all = vec![
        Finding::Unreadable(ReadFailure::Empty),
        Finding::Unreadable(ReadFailure::TooLarge { limit: Limit::InputSize, value: 1 }),
        Finding::Unreadable(ReadFailure::UnreadableZip("invalid Zip archive".into())),
        Finding::MimeTooDeep(64),
        Finding::TooManyParts(10),
        Finding::HeaderTooLong(100),
        Finding::NestingTooDeep(8),
        Finding::OverBudget(Unread::Original),
        Finding::OverBudget(Unread::Forwarded { mime_path: "1.2".into() }),
        Finding::OriginalUnreadable(ReadFailure::Empty),
        Finding::DuplicatedHeader {
            header: "Content-Type".into(),
            parameter: None,
            count: 2,
            offset: 0,
        },
        Finding::DuplicatedHeader {
            header: "Content-Type".into(),
            parameter: Some("boundary".into()),
            count: 2,
            offset: 9,
        },
        Finding::SignatureDefect(SignatureDefect::NoEncapsulatedContent),
        Finding::SignatureDefect(SignatureDefect::OpaqueUnreadable(s())),
        Finding::SignatureDefect(SignatureDefect::SecondPartNotSignature { content_type: s() }),
        Finding::SignatureDefect(SignatureDefect::NotBase64),
        Finding::SignatureDefect(SignatureDefect::SignaturePartMissing { parts: 1 }),
        Finding::SignatureDefect(SignatureDefect::NotClosed),
        Finding::CmsUnreadable(s()),
        Finding::NoSigner,
        Finding::DigestUnsupported(s()),
        Finding::AlgorithmUnsupported(s()),
        Finding::ContentTypeNotData(None),
        Finding::EncapsulatedNotData(s()),
        Finding::MessageDigestMissing,
        Finding::MessageDigestLength { algorithm: s(), length: 32 },
        Finding::ContentAltered,
        Finding::Integrity(Integrity::RepeatedSignedAttribute(s())),
        Finding::Integrity(Integrity::ExtraSigners(2)),
        Finding::Integrity(Integrity::TrailingSignatureBytes(1)),
        Finding::Integrity(Integrity::TrailingSignatureBytes(12)),
        Finding::Integrity(Integrity::ExtraSigners(3)),
        Finding::Integrity(Integrity::DecoySignerCertificates(1)),
        Finding::Integrity(Integrity::DecoySignerCertificates(2)),
        Finding::Integrity(Integrity::UnhandledCriticalExtension { subject: s(), oid: s() }),
        Finding::Integrity(Integrity::RepeatedHeader { header: "Subject".into(), count: 2 }),
        Finding::Integrity(Integrity::RepeatedHeader { header: "X-Ricevuta".into(), count: 2 }),
        Finding::Integrity(Integrity::DaticertRepeated(2)),
        Finding::Integrity(Integrity::BareCarriageReturn { header: "Subject".into() }),
        Finding::SignerCertMissing,
        Finding::SignerKeyUnreadable(s()),
        Finding::BadSignature { attributes: true },
        Finding::BadSignature { attributes: false },
        Finding::CanonicalisedLineEnds,
        Finding::NoSigningTime { certified: true },
        Finding::NoSigningTime { certified: false },
        Finding::SignerUsage(UsageProblem::IsCa),
        Finding::SignerUsage(UsageProblem::KeyUsage),
        Finding::SignerUsage(UsageProblem::NoEmailProtection),
        Finding::SignerUsage(UsageProblem::NotPecSigner),
        Finding::WeakDigest(vec![
            Sha1Use::ContentDigest,
            Sha1Use::SignatureAlgorithm(s()),
            Sha1Use::Certificate(s()),
        ]),
        Finding::CertExpiredNow { not_after: s() },
        Finding::NoIssuer { subject: s(), issuer: s() },
        Finding::NoTrustAnchors,
        Finding::ServiceNotGranted { subject: s(), service: s(), at: s(), only_then: true },
        Finding::ServiceNotGranted { subject: s(), service: s(), at: s(), only_then: false },
        Finding::PathTooLong(8),
        Finding::LinkFailure { child: s(), issuer: s(), why: LinkFailure::DoesNotVerify },
        Finding::LinkFailure { child: s(), issuer: s(), why: LinkFailure::Unsupported(s()) },
        Finding::LinkFailure { child: s(), issuer: s(), why: LinkFailure::BadIssuerKey(s()) },
        Finding::NotACa { issuer: s(), why: CaProblem::NotCa },
        Finding::NotACa { issuer: s(), why: CaProblem::NoBasicConstraints },
        Finding::NotACa { issuer: s(), why: CaProblem::PathLength { allowed: 0, below: 1 } },
        Finding::NotACa { issuer: s(), why: CaProblem::NoKeyCertSign },
        Finding::NotValidAt { subject: s(), at: s(), from: s(), to: s() },
        Finding::NameConstraints {
            subject: s(),
            authority: s(),
            violation: NameViolation::MailNotPermitted(s()),
        },
        Finding::Revoked {
            subject: s(),
            revoked_at: s(),
            invalid_from: None,
            reason: Some(RevocationReason::Superseded),
            source: s(),
            at: JudgedAt::Requested,
        },
        Finding::Revoked {
            subject: s(),
            revoked_at: s(),
            invalid_from: Some(s()),
            reason: Some(RevocationReason::KeyCompromise),
            source: s(),
            at: JudgedAt::SigningTime,
        },
        Finding::RevokedCompromised {
            subject: s(),
            revoked_at: s(),
            reason: Some(RevocationReason::CaCompromise),
            source: s(),
            at: JudgedAt::SigningTime,
        },
        Finding::RevokedCompromised {
            subject: s(),
            revoked_at: s(),
            reason: None,
            source: s(),
            at: JudgedAt::Requested,
        },
        Finding::RevokedCompromised {
            subject: s(),
            revoked_at: s(),
            reason: Some(RevocationReason::Unspecified),
            source: s(),
            at: JudgedAt::SigningTime,
        },
        Finding::RevokedAfterSigning {
            subject: s(),
            revoked_at: s(),
            reason: Some(RevocationReason::KeyCompromise),
            source: s(),
            at: JudgedAt::TimeStamp,
        },
        Finding::RevokedAfterSigning {
            subject: s(),
            revoked_at: s(),
            reason: None,
            source: s(),
            at: JudgedAt::Now,
        },
        Finding::RevocationUnknown { subject: s(), gap: RevocationGap::NoCrl, at: JudgedAt::Now },
        Finding::RevocationUnknown {
            subject: s(),
            gap: RevocationGap::HeldBefore { since: s(), this_update: s(), source: s() },
            at: JudgedAt::SigningTime,
        },
        Finding::RevocationUnknown {
            subject: s(),
            gap: RevocationGap::TakenBack { source: s() },
            at: JudgedAt::SigningTime,
        },
        Finding::RevocationUnknown {
            subject: s(),
            gap: RevocationGap::IssuedBefore { this_update: s() },
            at: JudgedAt::Requested,
        },
        Finding::RevocationUnknown {
            subject: s(),
            gap: RevocationGap::IssuedAfterExpiry { not_after: s() },
            at: JudgedAt::SigningTime,
        },
        Finding::CrlUnusable { source: s(), why: CrlProblem::Unreadable(s()) },
        Finding::CrlUnusable { source: s(), why: CrlProblem::Fetch(FetchProblem::Timeout(1)) },
        Finding::CrlUnusable { source: s(), why: CrlProblem::Fetch(FetchProblem::Status(404)) },
        Finding::CrlUnusable { source: s(), why: CrlProblem::Fetch(FetchProblem::TooLarge(1)) },
        Finding::CrlUnusable { source: s(), why: CrlProblem::Fetch(FetchProblem::Network(s())) },
        Finding::CrlUnusable { source: s(), why: CrlProblem::NoCrl },
        Finding::CrlUnusable { source: s(), why: CrlProblem::InvalidityDateUnreadable },
        Finding::CrlUnusable { source: s(), why: CrlProblem::BadSignature },
        Finding::CrlUnusable { source: s(), why: CrlProblem::OtherIssuer(s()) },
        Finding::CrlUnusable { source: s(), why: CrlProblem::IssuerMayNotSign },
        Finding::CrlUnusable { source: s(), why: CrlProblem::Delta },
        Finding::CrlUnusable { source: s(), why: CrlProblem::Indirect },
        Finding::CrlUnusable {
            source: s(),
            why: CrlProblem::OutOfScope(CrlScope::UserCertificatesOnly),
        },
        Finding::CrlUnusable {
            source: s(),
            why: CrlProblem::OutOfScope(CrlScope::CaCertificatesOnly),
        },
        Finding::CrlUnusable {
            source: s(),
            why: CrlProblem::OutOfScope(CrlScope::OtherDistributionPoint),
        },
        Finding::CrlUnusable {
            source: s(),
            why: CrlProblem::OutOfScope(CrlScope::SomeReasonsOnly),
        },
        Finding::CrlUnusable {
            source: s(),
            why: CrlProblem::OutOfScope(CrlScope::AttributeCertificatesOnly),
        },
        Finding::CrlUnusable { source: s(), why: CrlProblem::UnknownCritical(s()) },
        Finding::PathBudget(64),
        Finding::DaticertUnusable(s()),
        Finding::OutsideSignature(Outside::Postacert { mime_path: "2".into() }),
        Finding::OutsideSignature(Outside::Daticert { mime_path: "2".into() }),
        Finding::OutsideSignature(Outside::Epilogue { mime_path: "1".into(), bytes: 20 }),
        Finding::OutsideSignature(Outside::Preamble { mime_path: "1".into(), bytes: 20 }),
        Finding::OutsideSignature(Outside::ExtraSignedPart {
            content_type: s(),
            mime_path: "1.3".into(),
        }),
        Finding::WrappedSignedEntity { mime_path: "1.2".into() },
        Finding::IntactInsideAltered { mime_path: "1.1".into(), signer: s(), signed_at: Some(s()) },
        Finding::AnomalyNotCertified,
        Finding::RemEvidence,
        Finding::RemEvidenceMalformed(XmlFault::NotUtf8 { at: 3, detail: s() }),
        Finding::RemEvidenceMalformed(XmlFault::Incomplete(s())),
        Finding::RemEvidenceMalformed(XmlFault::TooLarge(s())),
        Finding::RemEvidenceMalformed(XmlFault::Dtd),
        Finding::RemEvidenceMalformed(XmlFault::TooDeep(64)),
        Finding::RemEvidenceMalformed(XmlFault::TooManyNamespaces(64)),
        Finding::RemEvidenceMalformed(XmlFault::Syntax { line: 1, column: 2, detail: s() }),
        Finding::RemEvidenceMalformed(XmlFault::NotEvidence),
        Finding::RemHeaderMismatch {
            header: "REM-EventIdentifier".into(),
            stated: s(),
            certified: s(),
        },
        Finding::RemOriginalDigestMismatch { stated: s(), actual: s() },
        Finding::TimeInFuture { what: StatedTime::Certified, time: s(), now: s() },
        Finding::TimeInFuture { what: StatedTime::Signing, time: s(), now: s() },
        Finding::TimeInFuture { what: StatedTime::RemEvent, time: s(), now: s() },
        Finding::RemEventAfterTimeStamp { what: StatedTime::RemEvent, event: s(), stamped: s() },
        Finding::RemEventAfterTimeStamp {
            what: StatedTime::RemSubmission,
            event: s(),
            stamped: s(),
        },
        Finding::TimeInFuture { what: StatedTime::RemSubmission, time: s(), now: s() },
        Finding::RemEventTimeMismatch { signing: s(), event: s() },
        Finding::RemSubjectMismatch { stated: s(), certified: s() },
        Finding::RemIssuerMismatch { stated: s(), signer: s() },
        Finding::XadesUnsignedContent(s()),
        Finding::XadesMissing,
        Finding::XadesWrapping(WrappingFault::DuplicateId(s())),
        Finding::XadesWrapping(WrappingFault::SignatureCount(2)),
        Finding::XadesWrapping(WrappingFault::NotEnveloped),
        Finding::XadesWrapping(WrappingFault::NoSignedInfo),
        Finding::XadesWrapping(WrappingFault::TooManyReferences { found: 9, max: 8 }),
        Finding::XadesWrapping(WrappingFault::UnknownId(s())),
        Finding::XadesWrapping(WrappingFault::SignatureNotExcluded),
        Finding::XadesWrapping(WrappingFault::OtherElement(s())),
        Finding::XadesWrapping(WrappingFault::EvidenceNotCovered),
        Finding::XadesWrapping(WrappingFault::PropertiesNotCovered),
        Finding::XadesWrapping(WrappingFault::NoSignatureValue),
        Finding::XadesTransformRefused(TransformFault::NoCanonicalization),
        Finding::XadesTransformRefused(TransformFault::NoSignatureMethod),
        Finding::XadesTransformRefused(TransformFault::NoDigestMethod),
        Finding::XadesTransformRefused(TransformFault::TimeStampNoCanonicalization),
        Finding::XadesTransformRefused(TransformFault::ReferenceUri(s())),
        Finding::XadesTransformRefused(TransformFault::AfterCanonicalisation(s())),
        Finding::XadesTransformRefused(TransformFault::XPathMissing),
        Finding::XadesTransformRefused(TransformFault::XPathFilter {
            filter: s(),
            expression: s(),
        }),
        Finding::XadesTransformRefused(TransformFault::Transform(s())),
        Finding::XadesTransformRefused(TransformFault::Canonicalisation(s())),
        Finding::XadesTransformRefused(TransformFault::Digest(s())),
        Finding::XadesTransformRefused(TransformFault::SignatureMethod(s())),
        Finding::XadesReferenceAltered(s()),
        Finding::XadesBadSignature(None),
        Finding::XadesBadSignature(Some(s())),
        Finding::XadesSigningCertificate,
        Finding::XadesSignerDiffers { smime: s(), evidence: s() },
        Finding::TimeStampInvalid(TimeStampFault::NotSignedData(s())),
        Finding::TimeStampInvalid(TimeStampFault::WrongContentType(s())),
        Finding::TimeStampInvalid(TimeStampFault::NoTstInfo),
        Finding::TimeStampInvalid(TimeStampFault::MalformedTstInfo(s())),
        Finding::TimeStampInvalid(TimeStampFault::UnreadableGenTime),
        Finding::TimeStampInvalid(TimeStampFault::UnsupportedImprintDigest(s())),
        Finding::TimeStampInvalid(TimeStampFault::UnsupportedDigest(s())),
        Finding::TimeStampInvalid(TimeStampFault::ImprintMismatch),
        Finding::TimeStampInvalid(TimeStampFault::NoSignerInfo),
        Finding::TimeStampInvalid(TimeStampFault::AuthorityCertificateMissing),
        Finding::TimeStampInvalid(TimeStampFault::NotTimeStampingAuthority(s())),
        Finding::TimeStampInvalid(TimeStampFault::NoSignedAttributes),
        Finding::TimeStampInvalid(TimeStampFault::NoMessageDigest),
        Finding::TimeStampInvalid(TimeStampFault::ContentTypeAttribute),
        Finding::TimeStampInvalid(TimeStampFault::Altered),
        Finding::TimeStampInvalid(TimeStampFault::SignatureAlgorithm(s())),
        Finding::TimeStampInvalid(TimeStampFault::KeyUnusable(s())),
        Finding::TimeStampInvalid(TimeStampFault::BadSignature),
        Finding::TimeStampMissing,
        Finding::SigningCertificateMismatch,
        Finding::TimeStampUntrusted(None),
        Finding::TimeStampUntrusted(Some(Box::new(Finding::NoTrustAnchors))),
        Finding::MissingDaticert,
        Finding::DaticertNotWellFormed(s()),
        Finding::DaticertAmbiguous(vec!["dati/data".into()]),
        Finding::DaticertIncomplete(vec!["mittente".into()]),
        Finding::DaticertFieldInvalid { field: s(), message: s(), written: s() },
        Finding::DaticertFieldInvalid { field: s(), message: s(), written: String::new() },
        Finding::HeaderMismatch { header: "X-Ricevuta".into(), value: s(), tipo: s() },
        Finding::SubjectMismatch { claimed: s(), signed: s() },
        Finding::SubjectTagged { subject: s() },
        Finding::SubjectText { subject: "ACCETTAZIONE: altro".into(), oggetto: "atto".into() },
        Finding::MsgidMismatch { claimed: s(), signed: s() },
        Finding::IdentificativoMismatch { claimed: s(), signed: s() },
        Finding::DateMismatch { date: s(), certified: s() },
        Finding::SigningTimeMismatch { signing: s(), certified: s() },
        Finding::SignerAddressMismatch { email: s(), from: Some(s()), raw_from: s() },
        Finding::SignerAddressMismatch { email: s(), from: None, raw_from: s() },
        Finding::SignerWithoutAddress,
        Finding::CecPac(CecPacWarning {
            address: s(),
            day: s(),
            closure: CecPacClosure::NoReception,
        }),
        Finding::PermanentErrorInPreavviso(s()),
        Finding::Unsigned,
        Finding::NotPec,
        Finding::SignedNotPec,
    ];
    for f in &all {
        match f {
            Finding::Unreadable(_)
            | Finding::MimeTooDeep(_)
            | Finding::TooManyParts(_)
            | Finding::HeaderTooLong(_)
            | Finding::NestingTooDeep(_)
            | Finding::OverBudget(_)
            | Finding::OriginalUnreadable(_)
            | Finding::DuplicatedHeader { .. }
            | Finding::SignatureDefect(_)
            | Finding::CmsUnreadable(_)
            | Finding::NoSigner
            | Finding::DigestUnsupported(_)
            | Finding::AlgorithmUnsupported(_)
            | Finding::ContentTypeNotData(_)
            | Finding::EncapsulatedNotData(_)
            | Finding::MessageDigestMissing
            | Finding::MessageDigestLength { .. }
            | Finding::ContentAltered
            | Finding::Integrity(_)
            | Finding::SignerCertMissing
            | Finding::SignerKeyUnreadable(_)
            | Finding::BadSignature { .. }
            | Finding::CanonicalisedLineEnds
            | Finding::NoSigningTime { .. }
            | Finding::SignerUsage(_)
            | Finding::WeakDigest(_)
            | Finding::CertExpiredNow { .. }
            | Finding::NoIssuer { .. }
            | Finding::NoTrustAnchors
            | Finding::ServiceNotGranted { .. }
            | Finding::PathTooLong(_)
            | Finding::LinkFailure { .. }
            | Finding::NotACa { .. }
            | Finding::NotValidAt { .. }
            | Finding::NameConstraints { .. }
            | Finding::Revoked { .. }
            | Finding::RevokedCompromised { .. }
            | Finding::RevokedAfterSigning { .. }
            | Finding::RevocationUnknown { .. }
            | Finding::CrlUnusable { .. }
            | Finding::PathBudget(_)
            | Finding::DaticertUnusable(_)
            | Finding::OutsideSignature(_)
            | Finding::WrappedSignedEntity { .. }
            | Finding::IntactInsideAltered { .. }
            | Finding::AnomalyNotCertified
            | Finding::RemEvidence
            | Finding::RemEvidenceMalformed(_)
            | Finding::RemHeaderMismatch { .. }
            | Finding::RemOriginalDigestMismatch { .. }
            | Finding::TimeInFuture { .. }
            | Finding::RemEventAfterTimeStamp { .. }
            | Finding::RemEventTimeMismatch { .. }
            | Finding::RemSubjectMismatch { .. }
            | Finding::RemIssuerMismatch { .. }
            | Finding::XadesUnsignedContent(_)
            | Finding::XadesMissing
            | Finding::XadesWrapping(_)
            | Finding::XadesTransformRefused(_)
            | Finding::XadesReferenceAltered(_)
            | Finding::XadesBadSignature(_)
            | Finding::XadesSigningCertificate
            | Finding::XadesSignerDiffers { .. }
            | Finding::TimeStampInvalid(_)
            | Finding::TimeStampMissing
            | Finding::SigningCertificateMismatch
            | Finding::TimeStampUntrusted(_)
            | Finding::MissingDaticert
            | Finding::DaticertNotWellFormed(_)
            | Finding::DaticertAmbiguous(_)
            | Finding::DaticertIncomplete(_)
            | Finding::DaticertFieldInvalid { .. }
            | Finding::HeaderMismatch { .. }
            | Finding::SubjectMismatch { .. }
            | Finding::SubjectTagged { .. }
            | Finding::SubjectText { .. }
            | Finding::MsgidMismatch { .. }
            | Finding::IdentificativoMismatch { .. }
            | Finding::DateMismatch { .. }
            | Finding::SigningTimeMismatch { .. }
            | Finding::SignerAddressMismatch { .. }
            | Finding::SignerWithoutAddress
            | Finding::CecPac(_)
            | Finding::PermanentErrorInPreavviso(_)
            | Finding::Unsigned
            | Finding::NotPec
            | Finding::SignedNotPec => {}
        }
    }
    all
}
