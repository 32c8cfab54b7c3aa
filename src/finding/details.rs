//! The specifics some findings carry: why a signature or certificate failed, what a CEC-PAC
//! box's closure means, what was left unread.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// What closed a CEC-PAC box for a role, on a message's date (docs/pec-spec.md §5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CecPacClosure {
    /// 18 September 2015: no access at all.
    Closed,
    /// 18 July 2015: no reception.
    NoReception,
    /// 18 March 2015: no sending.
    NoSending,
}

/// A CEC-PAC address used on a date its service no longer allowed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CecPacWarning {
    /// The address.
    pub address: String,
    /// The certified date the address is judged at, `YYYY-MM-DD`, as a day in Rome.
    pub day: String,
    /// What had closed.
    pub closure: CecPacClosure,
}

/// Why the signature of a signed entity could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignatureDefect {
    /// application/pkcs7-mime without encapsulated content.
    NoEncapsulatedContent,
    /// The opaque signed-data cannot be read (the CMS reader's words).
    OpaqueUnreadable(String),
    /// multipart/signed whose second part is not a signature.
    SecondPartNotSignature {
        /// Its content type.
        content_type: String,
    },
    /// The smime.p7s part is not base64.
    NotBase64,
    /// multipart/signed without a signature part.
    SignaturePartMissing {
        /// How many parts there are.
        parts: usize,
    },
    /// multipart/signed without its closing boundary.
    NotClosed,
}

/// What part of a message a memory budget left unread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unread {
    /// The original message inside.
    Original,
    /// A message forwarded at a MIME part.
    Forwarded {
        /// Its MIME path.
        mime_path: String,
    },
}

/// Why a signer certificate may not sign mail (RFC 5280 §4.2.1.3, §4.2.1.12, RFC 8550 §4.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UsageProblem {
    /// It is a CA certificate.
    IsCa,
    /// keyUsage allows neither digitalSignature nor nonRepudiation.
    KeyUsage,
    /// extendedKeyUsage lacks emailProtection.
    NoEmailProtection,
    /// Without the PEC signing policy: not a provider's mail-signing certificate, whatever
    /// authority issued it (a `--trust` root that issues others too).
    NotPecSigner,
}

/// Where SHA-1 protects a signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sha1Use {
    /// The content digest.
    ContentDigest,
    /// The signature algorithm, by name.
    SignatureAlgorithm(String),
    /// A certificate of the path, by subject.
    Certificate(String),
}

/// Why a link of a certificate path fails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkFailure {
    /// The signature does not verify.
    DoesNotVerify,
    /// An algorithm peckit does not implement (its words).
    Unsupported(String),
    /// The issuer's key cannot be read (its words).
    BadIssuerKey(String),
}

/// Why an issuer may not issue certificates (RFC 5280 §4.2.1.9, §4.2.1.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CaProblem {
    /// basicConstraints cA is false.
    NotCa,
    /// No basicConstraints.
    NoBasicConstraints,
    /// The path length constraint is exceeded.
    PathLength {
        /// The constraint.
        allowed: u8,
        /// CA certificates below it.
        below: usize,
    },
    /// keyUsage lacks keyCertSign.
    NoKeyCertSign,
}

/// What a constraint found wrong with a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NameViolation {
    /// The subject falls in no permitted directory subtree.
    SubjectNotPermitted,
    /// The subject falls in an excluded directory subtree.
    SubjectExcluded(String),
    /// A mail address falls in no permitted rfc822 subtree.
    MailNotPermitted(String),
    /// A mail address falls in an excluded rfc822 subtree.
    MailExcluded(String),
    /// A name of a form peckit does not evaluate meets a constraint on that form.
    Unevaluated(Cow<'static, str>),
    /// A directoryName of the SAN falls outside the permitted or inside an excluded subtree.
    AltDirectoryNotPermitted(String),
}

/// A time a signed artefact states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum StatedTime {
    /// daticert.xml's certified time.
    Certified,
    /// The CMS (or XAdES) signing time.
    Signing,
    /// A REM evidence's EventTime.
    #[default]
    RemEvent,
    /// A REM evidence's SubmissionTime.
    RemSubmission,
}
