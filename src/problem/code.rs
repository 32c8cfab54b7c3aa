//! The problem codes, their severities and ranks, and the verdict scale: the stable names
//! JSON and CSV carry.

use serde::{Deserialize, Serialize};

/// How much a problem weighs in the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Context worth showing; never changes the verdict.
    Info,
    /// Suspicious or inconsistent, but the artefact stays valid.
    Warning,
    /// The artefact is invalid.
    Error,
}

/// The verdict on one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Authentic and consistent.
    Valid,
    /// At least one problem of severity error.
    Invalid,
    /// The input could not be evaluated (unreadable, not mail).
    Error,
}

impl Verdict {
    /// Stable name.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Valid => "valid",
            Verdict::Invalid => "invalid",
            Verdict::Error => "error",
        }
    }
}

macro_rules! problem_codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $severity:ident, $rank:literal; )*) => {
        /// Every check peckit makes has a code here.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum ProblemCode {
            $( $(#[$doc])* $variant, )*
        }

        impl ProblemCode {
            /// All codes, in table order.
            pub const ALL: &'static [ProblemCode] = &[$(ProblemCode::$variant),*];

            /// The stable kebab-case name used in JSON and CSV.
            pub fn code(self) -> &'static str {
                match self { $(ProblemCode::$variant => $code,)* }
            }

            /// The default severity of this problem.
            pub fn severity(self) -> Severity {
                match self { $(ProblemCode::$variant => Severity::$severity,)* }
            }

            /// Lower rank = shown first: the most specific explanation of a failure.
            pub fn rank(self) -> u8 {
                match self { $(ProblemCode::$variant => $rank,)* }
            }

            /// Looks a code up by its stable name.
            pub fn from_code(code: &str) -> Option<ProblemCode> {
                match code { $($code => Some(ProblemCode::$variant),)* _ => None }
            }
        }
    };
}

problem_codes! {
    /// The input is e-mail but carries no PEC marker, signature or daticert.
    NotPec = "not-pec", Error, 10;
    /// A PEC look-alike with no S/MIME signature.
    Unsigned = "unsigned", Error, 11;
    /// The input could not be read as mail at all: missing, unreadable, empty, not e-mail.
    Unreadable = "unreadable", Error, 9;
    /// The MIME or CMS structure is broken (missing parts, bad base64, truncated DER).
    Malformed = "malformed", Error, 12;
    /// The signed bytes do not match the signed digest: edited, re-saved or reformatted.
    ContentAltered = "content-altered", Error, 20;
    /// The signature value does not verify with the signer's key: forged or wrong key.
    BadSignature = "bad-signature", Error, 21;
    /// A signature or digest algorithm peckit does not implement.
    UnsupportedAlgorithm = "unsupported-algorithm", Error, 22;
    /// The signer certificate is not among the certificates carried or configured.
    SignerCertMissing = "signer-cert-missing", Error, 23;
    /// The certificate path does not end at a trusted anchor (or a link's signature fails).
    Untrusted = "untrusted", Error, 30;
    /// A certificate of the path was not valid at the signing time.
    CertNotValidAtSigningTime = "cert-not-valid-at-signing-time", Error, 31;
    /// A certificate's subject or address falls outside the names an authority above it
    /// allows (RFC 5280 name constraints: AgID's register of accredited providers).
    NameConstraints = "name-constraints", Error, 33;
    /// A certificate of the path was revoked at the signing time (a CRL lists it with a
    /// revocation or invalidity date at or before it).
    Revoked = "revoked", Error, 34;
    /// A certificate of the path was revoked after the signing time because its key (or its
    /// CA's) was compromised, and only the key's holder dates the signature.
    RevokedCompromised = "revoked-key-compromise", Error, 37;
    /// The signer certificate is not allowed to sign mail (keyUsage, EKU, basicConstraints).
    CertUsage = "cert-usage", Error, 32;
    /// The signed artefact has no daticert.xml (and is not an anomaly envelope).
    MissingDaticert = "missing-daticert", Error, 40;
    /// daticert.xml is not well-formed XML; fields were recovered one by one.
    DaticertMalformed = "daticert-malformed", Error, 41;
    /// daticert.xml lacks required elements or has invalid values (an unreadable certified
    /// time among them).
    DaticertIncomplete = "daticert-incomplete", Error, 42;
    /// The unsigned marker header (X-Ricevuta / X-Trasporto) contradicts the signed tipo.
    HeaderMismatch = "header-mismatch", Error, 43;
    /// A daticert.xml or postacert.eml outside the signed entity; ignored.
    UnsignedContentOutsideSignature = "unsigned-content-outside-signature", Error, 44;
    /// A resource limit cut the evaluation short.
    LimitExceeded = "limit-exceeded", Error, 5;
    /// A REM message's evidence XML (ETSI EN 319 522) cannot be read.
    RemEvidenceMalformed = "rem-evidence-malformed", Error, 45;
    /// An unsigned `REM-*` header contradicts the signed evidence.
    RemHeaderMismatch = "rem-header-mismatch", Error, 46;
    /// A signed time (certified, signing, REM event) lies after the moment of the check.
    TimeInFuture = "time-in-future", Error, 38;
    /// A REM evidence's event is dated after the trusted time-stamp of the evidence.
    RemEventAfterTimeStamp = "rem-event-after-time-stamp", Error, 39;
    /// A REM evidence's EventTime is more than 5 minutes from its XAdES signing time.
    RemEventTimeMismatch = "rem-event-time-mismatch", Warning, 74;
    /// A REM message's unsigned Subject says another event or another text than its
    /// evidence (REM's `subject-mismatch`).
    RemSubjectMismatch = "rem-subject-mismatch", Warning, 75;
    /// The issuer a REM evidence names is not the organisation of its signing certificate.
    RemIssuerMismatch = "rem-issuer-mismatch", Warning, 76;
    /// Content inside an evidence's XAdES signature that no reference signs.
    XadesUnsignedContent = "xades-unsigned-content", Warning, 77;
    /// The original a REM message carries does not match the digest its evidence states.
    RemOriginalDigestMismatch = "rem-original-digest-mismatch", Error, 47;
    /// A REM evidence carries no XAdES signature.
    XadesMissing = "xades-missing", Error, 24;
    /// The XAdES signature does not sign the evidence read (wrapping, duplicate Ids,
    /// relocated or detached content).
    XadesWrapping = "xades-wrapping", Error, 25;
    /// A canonicalisation, transform or algorithm outside the allow-list.
    XadesTransformRefused = "xades-transform-refused", Error, 26;
    /// A XAdES reference's digest does not match: the evidence or its signed properties
    /// were altered.
    XadesReferenceAltered = "xades-reference-altered", Error, 27;
    /// The XAdES SignatureValue does not verify: forged or wrong key.
    XadesBadSignature = "xades-bad-signature", Error, 28;
    /// SigningCertificateV2 is missing or does not name the certificate used.
    XadesSigningCertificate = "xades-signing-certificate", Error, 29;
    /// The CMS signingCertificateV2 attribute names another certificate than the signer's.
    SigningCertificateMismatch = "signing-certificate-mismatch", Error, 36;
    /// The evidence's time-stamp does not hold: its imprint, TSTInfo or authority's signature.
    TimestampInvalid = "timestamp-invalid", Error, 35;
    /// The evidence's XAdES signer is not the provider that signed the message.
    XadesSignerDiffers = "xades-signer-differs", Error, 48;
    /// X-Riferimento-Message-ID differs from the signed msgid.
    MsgidMismatch = "msgid-mismatch", Warning, 60;
    /// The envelope Message-ID differs from the signed identificativo.
    IdentificativoMismatch = "identificativo-mismatch", Warning, 61;
    /// The Subject prefix does not match the signed kind.
    SubjectMismatch = "subject-mismatch", Warning, 62;
    /// The Date header is far from the signed daticert time.
    DateMismatch = "date-mismatch", Warning, 63;
    /// The CMS signingTime is far from the signed daticert time.
    SigningTimeMismatch = "signing-time-mismatch", Warning, 64;
    /// The signer certificate's e-mail address differs from the From address.
    SignerAddressMismatch = "signer-address-mismatch", Warning, 65;
    /// A CEC-PAC address (postacertificata.gov.it) used after the service closed.
    CecPacAddress = "cec-pac-address", Warning, 66;
    /// Preavviso with a permanent (5.x.x) error: in practice final.
    PermanentErrorInPreavviso = "permanent-error-in-preavviso", Warning, 67;
    /// The artefact is an anomaly envelope: its content is not certified.
    AnomalyNotCertified = "anomaly-not-certified", Warning, 68;
    /// A daticert field other than the certified time could not be read while the rest was
    /// (an unreadable certified time is `daticert-incomplete`).
    DaticertFieldInvalid = "daticert-field-invalid", Warning, 69;
    /// A certificate of the path was revoked after the signing time: still valid.
    RevokedAfterSigning = "revoked-after-signing", Warning, 70;
    /// The evidence's time-stamping authority is not trusted: its genTime proves nothing, the
    /// certificates are judged at the signing time instead.
    TimestampUntrusted = "timestamp-untrusted", Warning, 72;
    /// The evidence carries no time-stamp (XAdES B-B, not the B-T REM requires): it is
    /// judged at the signing time its signer states.
    TimestampMissing = "timestamp-missing", Warning, 73;
    /// A CRL given or fetched cannot be used (wrong issuer key, delta, indirect, scope,
    /// unknown critical extension, not downloadable); it was ignored.
    CrlUnusable = "crl-unusable", Warning, 71;
    /// The signer certificate has expired since signing: normal for archived mail.
    CertExpiredNow = "cert-expired-now", Info, 80;
    /// No signingTime: validity was judged at the daticert time instead.
    NoSigningTime = "no-signing-time", Info, 81;
    /// Line ends had to be canonicalised to CRLF to match the digest (LF-only file).
    CanonicalisedLineEnds = "canonicalised-line-ends", Info, 82;
    /// The CRLs at hand do not prove a certificate good at the signing time.
    RevocationUnknown = "revocation-unknown", Info, 86;
    /// REM (ETSI EN 319 532): the evidence is read and its XAdES signature and time-stamp
    /// checked.
    RemEvidence = "rem-evidence", Info, 83;
    /// SHA-1 digest: accepted for PEC, weak by today's standards.
    WeakDigest = "weak-digest", Info, 84;
}
