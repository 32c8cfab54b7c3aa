//! What a check found, as typed data: the problem code it stands for and its specifics
//! (addresses, times, names). The words, in Italian and English, are in the catalogue
//! (`catalogue/findings.rs`); a [`crate::problem::Problem`] keeps the finding beside its
//! stable English message, so every renderer can say it in the reader's language.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

mod details;
mod integrity;
mod outside;
mod rem;
mod revocation;
pub use details::{
    CaProblem, CecPacClosure, CecPacWarning, LinkFailure, NameViolation, Sha1Use, SignatureDefect,
    StatedTime, Unread, UsageProblem,
};
pub use integrity::Integrity;
pub use outside::Outside;
pub use rem::{ETSI_ERDS_NAMESPACE, TimeStampFault, TransformFault, WrappingFault, XmlFault};
pub use revocation::{
    CrlProblem, CrlScope, FetchProblem, JudgedAt, RevocationGap, RevocationReason,
};

use crate::error::ReadFailure;
use crate::limits::Limit;
use crate::problem::code::ProblemCode;

/// What a check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "kebab-case")]
pub enum Finding {
    /// The input could not be read at all (`unreadable`, or `limit-exceeded` for a size).
    Unreadable(ReadFailure),
    /// MIME nesting past the limit.
    MimeTooDeep(usize),
    /// More MIME parts than the limit.
    TooManyParts(usize),
    /// A header block past the limit.
    HeaderTooLong(usize),
    /// Nested artefacts past the limit.
    NestingTooDeep(usize),
    /// A part left unread by the memory budget.
    OverBudget(Unread),
    /// The original message inside could not be read.
    OriginalUnreadable(ReadFailure),
    /// A structural header, or a parameter of one, repeated on one entity.
    DuplicatedHeader {
        /// Its name.
        header: Cow<'static, str>,
        /// The parameter repeated (`boundary`), when it is one of the header's parameters.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        parameter: Option<String>,
        /// How often it occurs.
        count: usize,
        /// Where the entity starts.
        offset: usize,
    },
    /// The signature could not be read.
    SignatureDefect(SignatureDefect),
    /// The CMS blob cannot be read (the CMS reader's words).
    CmsUnreadable(String),
    /// The signed-data has no signer.
    NoSigner,
    /// A digest algorithm peckit does not implement.
    DigestUnsupported(String),
    /// A signature algorithm or key type peckit does not implement (its words).
    AlgorithmUnsupported(String),
    /// The signed contentType attribute is not id-data (or missing).
    ContentTypeNotData(Option<String>),
    /// The encapsulated content type is not id-data.
    EncapsulatedNotData(String),
    /// No messageDigest attribute.
    MessageDigestMissing,
    /// The messageDigest is not as long as the digest algorithm's output: the signature
    /// states one algorithm and carries another's digest.
    MessageDigestLength {
        /// The stated digest algorithm.
        algorithm: String,
        /// The messageDigest's length in bytes.
        length: usize,
    },
    /// The signed bytes do not match the signed digest.
    ContentAltered,
    /// Something repeated or added beside what was signed.
    Integrity(Integrity),
    /// The signer's certificate is nowhere.
    SignerCertMissing,
    /// The signer's key cannot be read (its words).
    SignerKeyUnreadable(String),
    /// The signature value does not verify.
    BadSignature {
        /// Whether signed attributes told content and signature apart.
        attributes: bool,
    },
    /// LF-only content matched in CRLF form.
    CanonicalisedLineEnds,
    /// No signingTime: another instant stood in.
    NoSigningTime {
        /// The certified time (true) or now (false).
        certified: bool,
    },
    /// The signer may not sign mail.
    SignerUsage(UsageProblem),
    /// SHA-1 protects these.
    WeakDigest(Vec<Sha1Use>),
    /// The signer certificate expired after signing.
    CertExpiredNow {
        /// notAfter, RFC 3339.
        not_after: String,
    },
    /// No trusted authority issued this certificate.
    NoIssuer {
        /// Its subject.
        subject: String,
        /// Its issuer.
        issuer: String,
    },
    /// The trust store is empty.
    NoTrustAnchors,
    /// The path ends at a trusted list's service that was not granted when it had to be: at
    /// the instant judged, or now when that instant is only the signer's word.
    ServiceNotGranted {
        /// The certificate whose path ends there.
        subject: String,
        /// The service, as the trust store names it (list, name, provider, periods).
        service: String,
        /// The instant judged at (RFC 3339).
        at: String,
        /// Granted at that instant, but not now, and the instant is only stated.
        only_then: bool,
    },
    /// No path within the length limit.
    PathTooLong(usize),
    /// A link of the path fails.
    LinkFailure {
        /// The certificate signed.
        child: String,
        /// Its issuer.
        issuer: String,
        /// Why.
        why: LinkFailure,
    },
    /// An issuer may not issue certificates.
    NotACa {
        /// The issuer.
        issuer: String,
        /// Why.
        why: CaProblem,
    },
    /// A certificate's names fall outside what an authority above it allows.
    NameConstraints {
        /// The certificate's subject.
        subject: String,
        /// The authority whose constraints it breaks.
        authority: String,
        /// What is outside.
        violation: NameViolation,
    },
    /// A certificate of the path was revoked at the reference time (or its key compromised
    /// from an invalidity date at or before it).
    Revoked {
        /// Its subject.
        subject: String,
        /// The revocation date.
        revoked_at: String,
        /// The invalidity date, when it is what put the revocation at or before the reference
        /// time.
        invalid_from: Option<String>,
        /// The reason, when the CRL says.
        reason: Option<RevocationReason>,
        /// Where the CRL came from.
        source: String,
        /// Which instant the revocation is at or before.
        #[serde(default)]
        at: JudgedAt,
    },
    /// A certificate of the path was revoked after the reference time.
    RevokedAfterSigning {
        /// Its subject.
        subject: String,
        /// The revocation date.
        revoked_at: String,
        /// The reason, when the CRL says.
        reason: Option<RevocationReason>,
        /// Where the CRL came from.
        source: String,
        /// Which instant the revocation is after.
        #[serde(default)]
        at: JudgedAt,
    },
    /// A certificate of the path was revoked after the reference time because its key (or
    /// its CA's) was compromised, or for no stated reason (which cannot exclude that), and
    /// nothing but the key's holder dates the signature: who held the stolen key could have
    /// signed later and stated an earlier time.
    RevokedCompromised {
        /// Its subject.
        subject: String,
        /// The revocation date.
        revoked_at: String,
        /// keyCompromise, cACompromise or aACompromise; unspecified or none, which cannot
        /// exclude one.
        reason: Option<RevocationReason>,
        /// Where the CRL came from.
        source: String,
        /// Which instant the signature states (before the revocation).
        at: JudgedAt,
    },
    /// The CRLs at hand do not say whether a certificate was good at the reference time.
    RevocationUnknown {
        /// Its subject.
        subject: String,
        /// Why.
        gap: RevocationGap,
        /// Which instant is in question.
        #[serde(default)]
        at: JudgedAt,
    },
    /// A CRL was given or fetched but cannot be used.
    CrlUnusable {
        /// Where it came from.
        source: String,
        /// Why.
        why: CrlProblem,
    },
    /// A certificate of the path was not valid at the reference time.
    NotValidAt {
        /// Its subject.
        subject: String,
        /// The reference time.
        at: String,
        /// notBefore.
        from: String,
        /// notAfter.
        to: String,
    },
    /// Too many signature checks while building a path.
    PathBudget(usize),
    /// daticert.xml cannot be used (the XML reader's words).
    DaticertUnusable(String),
    /// Something PEC-like outside the signature.
    OutsideSignature(Outside),
    /// The signed entity verified and chained, but the file around it was changed (wrapped
    /// by mailing-list software, parts added): what it certifies stands; the file does not.
    IntactInsideAltered {
        /// The signed entity's MIME path.
        mime_path: String,
        /// Who signed it (certificate organisation, else common name).
        signer: String,
        /// When, RFC 3339 UTC, when the signature says.
        signed_at: Option<String>,
    },
    /// The signed entity is a part, not the message.
    WrappedSignedEntity {
        /// Its MIME path.
        mime_path: String,
    },
    /// An anomaly envelope.
    AnomalyNotCertified,
    /// REM/ERDS evidence.
    RemEvidence,
    /// A REM message's evidence XML cannot be read.
    RemEvidenceMalformed(XmlFault),
    /// A `REM-*` header says other than the signed evidence.
    RemHeaderMismatch {
        /// The header.
        header: Cow<'static, str>,
        /// What it says.
        stated: String,
        /// What the evidence says.
        certified: String,
    },
    /// A signed time lies after the moment of the check: no signature makes it true.
    TimeInFuture {
        /// Which time.
        what: StatedTime,
        /// It, RFC 3339 UTC.
        time: String,
        /// The moment of the check.
        now: String,
    },
    /// A REM evidence's event is dated after the trusted time-stamp that proves the evidence
    /// existed.
    RemEventAfterTimeStamp {
        /// Which time (EventTime or SubmissionTime).
        #[serde(default)]
        what: StatedTime,
        /// It.
        event: String,
        /// The time-stamp's genTime.
        stamped: String,
    },
    /// Elements inside an evidence's XAdES signature that no reference signs (other than its
    /// SignedInfo, SignatureValue, KeyInfo and qualifying properties): their names.
    XadesUnsignedContent(String),
    /// The issuer a REM evidence names is not the organisation of the certificate that
    /// signed it.
    RemIssuerMismatch {
        /// The name the evidence states (EvidenceIssuerDetails).
        stated: String,
        /// The signing certificate's organisation.
        signer: String,
    },
    /// A REM message's Subject is not "REM <event>: <the subject the evidence states>".
    RemSubjectMismatch {
        /// The Subject.
        stated: String,
        /// What the evidence makes of it.
        certified: String,
    },
    /// A REM evidence's EventTime and its XAdES signing time are far apart.
    RemEventTimeMismatch {
        /// The XAdES SigningTime.
        signing: String,
        /// EventTime.
        event: String,
    },
    /// The evidence carries no XAdES signature.
    XadesMissing,
    /// The signature does not sign the evidence peckit reads (wrapping, duplicate Ids,
    /// detached or relocated content): what was found.
    XadesWrapping(WrappingFault),
    /// A canonicalisation, transform or algorithm outside the allow-list.
    XadesTransformRefused(TransformFault),
    /// A reference's digest does not match what it selects (its URI).
    XadesReferenceAltered(String),
    /// The SignatureValue does not verify over SignedInfo: `None` when the value is wrong,
    /// else why the key or algorithm cannot be used.
    XadesBadSignature(Option<String>),
    /// SigningCertificateV2 is missing or names no certificate the signature carries.
    XadesSigningCertificate,
    /// The CMS signingCertificateV2 attribute names another certificate than the one that
    /// verified (or cannot be read).
    SigningCertificateMismatch,
    /// The evidence carries no time-stamp.
    TimeStampMissing,
    /// A time-stamp token that does not hold (what is wrong).
    TimeStampInvalid(TimeStampFault),
    /// A valid time-stamp whose authority does not chain to a trusted anchor: the first
    /// thing its path checks found, when there is one.
    TimeStampUntrusted(Option<Box<Finding>>),
    /// The evidence's XAdES signer is another organisation than the message's S/MIME signer.
    XadesSignerDiffers {
        /// The S/MIME signer's organisation.
        smime: String,
        /// The XAdES signer's organisation.
        evidence: String,
    },
    /// The attached original does not match the evidence's digest of it.
    RemOriginalDigestMismatch {
        /// The digest the evidence states (base64).
        stated: String,
        /// The digest of the original carried (base64).
        actual: String,
    },
    /// No daticert.xml in the signed entity.
    MissingDaticert,
    /// daticert.xml is not well-formed (the XML parser's words).
    DaticertNotWellFormed(String),
    /// daticert.xml repeats elements the DTD allows once.
    DaticertAmbiguous(Vec<String>),
    /// daticert.xml lacks required elements.
    DaticertIncomplete(Vec<Cow<'static, str>>),
    /// A daticert field cannot be read.
    DaticertFieldInvalid {
        /// The element.
        field: String,
        /// Why (the reader's words).
        message: String,
        /// What the element holds, as written (`zona="+9959" giorno="31/02/2026" ora="…"`).
        #[serde(default)]
        written: String,
    },
    /// An unsigned marker contradicts the signed tipo.
    HeaderMismatch {
        /// The header.
        header: Cow<'static, str>,
        /// Its value.
        value: String,
        /// The signed tipo.
        tipo: String,
    },
    /// The Subject prefix names another kind.
    SubjectMismatch {
        /// The kind the Subject claims.
        claimed: String,
        /// The signed kind.
        signed: String,
    },
    /// Text was put before the Subject's PEC prefix after the provider wrote it.
    SubjectTagged {
        /// The Subject as it reads now.
        subject: String,
    },
    /// The Subject's text after its PEC prefix is not the signed oggetto.
    SubjectText {
        /// The Subject as it reads now.
        subject: String,
        /// The signed oggetto.
        oggetto: String,
    },
    /// X-Riferimento-Message-ID differs from the signed msgid.
    MsgidMismatch {
        /// The header's value.
        claimed: String,
        /// The signed value.
        signed: String,
    },
    /// The envelope Message-ID differs from the signed identificativo.
    IdentificativoMismatch {
        /// The header's value.
        claimed: String,
        /// The signed value.
        signed: String,
    },
    /// The Date header is far from the certified time.
    DateMismatch {
        /// The Date, RFC 3339.
        date: String,
        /// The certified time, RFC 3339.
        certified: String,
    },
    /// The signing time is far from the certified time.
    SigningTimeMismatch {
        /// The signing time, RFC 3339.
        signing: String,
        /// The certified time, RFC 3339.
        certified: String,
    },
    /// The signer certificate names no e-mail address: nothing ties From to it.
    SignerWithoutAddress,
    /// The signer certificate's address is not the From address.
    SignerAddressMismatch {
        /// The certificate's address.
        email: String,
        /// From's one address, if it has exactly one.
        from: Option<String>,
        /// From as written, when it is not one address.
        raw_from: String,
    },
    /// A CEC-PAC address after its service closed.
    CecPac(CecPacWarning),
    /// A preavviso with a permanent error.
    PermanentErrorInPreavviso(String),
    /// A PEC look-alike without a signature.
    Unsigned,
    /// No PEC markers, no signature, no daticert.
    NotPec,
    /// Signed, but without PEC markers or daticert.
    SignedNotPec,
}

impl Finding {
    /// The problem code this finding stands for.
    pub fn code(&self) -> ProblemCode {
        use Finding as F;
        use ProblemCode as C;
        match self {
            F::Unreadable(ReadFailure::TooLarge { .. }) => C::LimitExceeded,
            F::Unreadable(_) => C::Unreadable,
            F::MimeTooDeep(_)
            | F::TooManyParts(_)
            | F::HeaderTooLong(_)
            | F::NestingTooDeep(_)
            | F::OverBudget(_)
            | F::PathBudget(_) => C::LimitExceeded,
            F::OriginalUnreadable(_)
            | F::DuplicatedHeader { .. }
            | F::SignatureDefect(_)
            | F::CmsUnreadable(_)
            | F::NoSigner
            | F::ContentTypeNotData(_)
            | F::EncapsulatedNotData(_)
            | F::MessageDigestMissing
            | F::MessageDigestLength { .. }
            | F::SignerKeyUnreadable(_) => C::Malformed,
            F::DigestUnsupported(_) | F::AlgorithmUnsupported(_) => C::UnsupportedAlgorithm,
            F::ContentAltered => C::ContentAltered,
            F::Integrity(i) => i.code(),
            F::SignerCertMissing => C::SignerCertMissing,
            F::BadSignature { .. } => C::BadSignature,
            F::CanonicalisedLineEnds => C::CanonicalisedLineEnds,
            F::NoSigningTime { .. } => C::NoSigningTime,
            F::SignerUsage(_) => C::CertUsage,
            F::WeakDigest(_) => C::WeakDigest,
            F::CertExpiredNow { .. } => C::CertExpiredNow,
            F::NoIssuer { .. }
            | F::NoTrustAnchors
            | F::ServiceNotGranted { .. }
            | F::PathTooLong(_)
            | F::LinkFailure { .. }
            | F::NotACa { .. } => C::Untrusted,
            F::NotValidAt { .. } => C::CertNotValidAtSigningTime,
            F::NameConstraints { .. } => C::NameConstraints,
            F::Revoked { .. } => C::Revoked,
            F::RevokedAfterSigning { .. } => C::RevokedAfterSigning,
            F::RevokedCompromised { .. } => C::RevokedCompromised,
            F::RevocationUnknown { .. } => C::RevocationUnknown,
            F::CrlUnusable { .. } => C::CrlUnusable,
            F::DaticertUnusable(_) | F::DaticertNotWellFormed(_) | F::DaticertAmbiguous(_) => {
                C::DaticertMalformed
            }
            F::OutsideSignature(_)
            | F::WrappedSignedEntity { .. }
            | F::IntactInsideAltered { .. } => C::UnsignedContentOutsideSignature,
            F::AnomalyNotCertified => C::AnomalyNotCertified,
            F::RemEvidence => C::RemEvidence,
            F::RemEvidenceMalformed(_) => C::RemEvidenceMalformed,
            F::RemHeaderMismatch { .. } => C::RemHeaderMismatch,
            F::RemOriginalDigestMismatch { .. } => C::RemOriginalDigestMismatch,
            F::XadesMissing => C::XadesMissing,
            F::TimeInFuture { .. } => C::TimeInFuture,
            F::RemEventAfterTimeStamp { .. } => C::RemEventAfterTimeStamp,
            F::RemEventTimeMismatch { .. } => C::RemEventTimeMismatch,
            F::RemSubjectMismatch { .. } => C::RemSubjectMismatch,
            F::RemIssuerMismatch { .. } => C::RemIssuerMismatch,
            F::XadesUnsignedContent(_) => C::XadesUnsignedContent,
            F::XadesWrapping(_) => C::XadesWrapping,
            F::XadesTransformRefused(_) => C::XadesTransformRefused,
            F::XadesReferenceAltered(_) => C::XadesReferenceAltered,
            F::XadesBadSignature(_) => C::XadesBadSignature,
            F::XadesSigningCertificate => C::XadesSigningCertificate,
            F::XadesSignerDiffers { .. } => C::XadesSignerDiffers,
            F::TimeStampInvalid(_) => C::TimestampInvalid,
            F::TimeStampMissing => C::TimestampMissing,
            F::SigningCertificateMismatch => C::SigningCertificateMismatch,
            F::TimeStampUntrusted(_) => C::TimestampUntrusted,
            F::MissingDaticert => C::MissingDaticert,
            F::DaticertIncomplete(_) => C::DaticertIncomplete,
            // The certified time is what a receipt proves, and what the signer's certificate is
            // judged at: unreadable, it is as missing as an absent element (review 20).
            F::DaticertFieldInvalid { field, .. } if field == "data" => C::DaticertIncomplete,
            F::DaticertFieldInvalid { .. } => C::DaticertFieldInvalid,
            F::HeaderMismatch { .. } => C::HeaderMismatch,
            F::SubjectMismatch { .. } | F::SubjectTagged { .. } | F::SubjectText { .. } => {
                C::SubjectMismatch
            }
            F::MsgidMismatch { .. } => C::MsgidMismatch,
            F::IdentificativoMismatch { .. } => C::IdentificativoMismatch,
            F::DateMismatch { .. } => C::DateMismatch,
            F::SigningTimeMismatch { .. } => C::SigningTimeMismatch,
            F::SignerAddressMismatch { .. } | F::SignerWithoutAddress => C::SignerAddressMismatch,
            F::CecPac(_) => C::CecPacAddress,
            F::PermanentErrorInPreavviso(_) => C::PermanentErrorInPreavviso,
            F::Unsigned => C::Unsigned,
            F::NotPec | F::SignedNotPec => C::NotPec,
        }
    }

    /// The limit it ran into, for `limit-exceeded` findings.
    pub fn limit(&self) -> Option<Limit> {
        match self {
            Finding::Unreadable(ReadFailure::TooLarge { limit, .. }) => Some(*limit),
            Finding::MimeTooDeep(_) => Some(Limit::MimeDepth),
            Finding::TooManyParts(_) => Some(Limit::MimeParts),
            Finding::HeaderTooLong(_) => Some(Limit::HeaderSize),
            Finding::NestingTooDeep(_) => Some(Limit::Nesting),
            Finding::OverBudget(_) => Some(Limit::CopyBudget),
            Finding::PathBudget(_) => Some(Limit::PathSignatureChecks),
            _ => None,
        }
    }
}
