//! What revocation checks find: the words of RFC 5280 §5 as data.

use serde::{Deserialize, Serialize};
/// Why a certificate was revoked, as RFC 5280 §5.3.1 names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RevocationReason {
    /// unspecified (0).
    Unspecified,
    /// keyCompromise (1).
    KeyCompromise,
    /// cACompromise (2).
    CaCompromise,
    /// affiliationChanged (3).
    AffiliationChanged,
    /// superseded (4).
    Superseded,
    /// cessationOfOperation (5).
    CessationOfOperation,
    /// certificateHold (6): suspended while listed.
    CertificateHold,
    /// removeFromCRL (8), delta CRLs only.
    RemoveFromCrl,
    /// privilegeWithdrawn (9).
    PrivilegeWithdrawn,
    /// aACompromise (10).
    AaCompromise,
}

impl RevocationReason {
    /// Every reason.
    pub const ALL: [RevocationReason; 10] = [
        RevocationReason::Unspecified,
        RevocationReason::KeyCompromise,
        RevocationReason::CaCompromise,
        RevocationReason::AffiliationChanged,
        RevocationReason::Superseded,
        RevocationReason::CessationOfOperation,
        RevocationReason::CertificateHold,
        RevocationReason::RemoveFromCrl,
        RevocationReason::PrivilegeWithdrawn,
        RevocationReason::AaCompromise,
    ];

    /// The name RFC 5280 gives it (`keyCompromise`, …): what JSON carries.
    pub fn name(self) -> &'static str {
        match self {
            RevocationReason::Unspecified => "unspecified",
            RevocationReason::KeyCompromise => "keyCompromise",
            RevocationReason::CaCompromise => "cACompromise",
            RevocationReason::AffiliationChanged => "affiliationChanged",
            RevocationReason::Superseded => "superseded",
            RevocationReason::CessationOfOperation => "cessationOfOperation",
            RevocationReason::CertificateHold => "certificateHold",
            RevocationReason::RemoveFromCrl => "removeFromCRL",
            RevocationReason::PrivilegeWithdrawn => "privilegeWithdrawn",
            RevocationReason::AaCompromise => "aACompromise",
        }
    }

    /// Whether the key itself is (suspected) compromised.
    pub fn is_compromise(self) -> bool {
        matches!(
            self,
            RevocationReason::KeyCompromise
                | RevocationReason::CaCompromise
                | RevocationReason::AaCompromise
        )
    }
}

/// The instant a revocation finding speaks of, as its words must name it: the signing time
/// (the signature's own signingTime or certified time), the instant asked with `--at`, a
/// trusted time-stamp's genTime, or the moment of the check when the signature states none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum JudgedAt {
    /// The time the signature states.
    #[default]
    SigningTime,
    /// The certified time of daticert.xml, when it is later than the signingTime.
    CertifiedTime,
    /// The instant asked with `--at`.
    Requested,
    /// A trusted time-stamp's genTime.
    TimeStamp,
    /// The moment of the check.
    Now,
}

/// Why the CRLs at hand do not say whether a certificate was good at the reference time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RevocationGap {
    /// No usable CRL of its issuer was given or fetched.
    NoCrl,
    /// The newest usable CRL was issued before the reference time.
    IssuedBefore {
        /// That CRL's thisUpdate.
        this_update: String,
    },
    /// Only a CRL issued before the reference time lists it on hold (certificateHold): the
    /// hold may have been lifted since.
    HeldBefore {
        /// The start of the hold.
        since: String,
        /// That CRL's thisUpdate.
        this_update: String,
        /// That CRL.
        source: String,
    },
    /// A complete CRL names it with removeFromCRL, which only a delta CRL may carry: it says
    /// nothing certain of it.
    TakenBack {
        /// That CRL.
        source: String,
    },
    /// The usable CRLs were issued after the certificate expired and do not keep expired
    /// certificates (no ExpiredCertsOnCRL reaching back to it).
    IssuedAfterExpiry {
        /// The certificate's notAfter.
        not_after: String,
    },
}

/// Which certificates a CRL's issuingDistributionPoint leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CrlScope {
    /// onlyContainsUserCerts, for a CA certificate.
    UserCertificatesOnly,
    /// onlyContainsCACerts, for an end-entity certificate.
    CaCertificatesOnly,
    /// A partition whose distribution point is not one the certificate names.
    OtherDistributionPoint,
    /// onlySomeReasons: a partition by reason, which peckit does not combine.
    SomeReasonsOnly,
    /// onlyContainsAttributeCerts.
    AttributeCertificatesOnly,
}

/// Why a CRL could not be downloaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FetchProblem {
    /// No answer within the time allowed.
    Timeout(u64),
    /// The server answered with this HTTP status.
    Status(u16),
    /// Larger than peckit downloads.
    TooLarge(u64),
    /// The network failed (the system's words).
    Network(String),
}

/// Why a CRL was not used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CrlProblem {
    /// It is not a CRL peckit can read (the reader's words).
    Unreadable(String),
    /// It holds no CRL at all.
    NoCrl,
    /// An entry's invalidity date cannot be read: when the key was compromised is unknown.
    InvalidityDateUnreadable,
    /// It could not be downloaded.
    Fetch(FetchProblem),
    /// Fetched from a certificate's distribution point, but issued by another CA.
    OtherIssuer(String),
    /// Its signature does not verify with the key of the certificate's issuer.
    BadSignature,
    /// Its issuer's keyUsage does not allow signing CRLs (no cRLSign).
    IssuerMayNotSign,
    /// A delta CRL: peckit reads complete CRLs only.
    Delta,
    /// An indirect CRL (another issuer's certificates): not supported.
    Indirect,
    /// Its issuingDistributionPoint scope does not cover the certificate.
    OutOfScope(CrlScope),
    /// A critical extension peckit does not know (its OID).
    UnknownCritical(String),
}
