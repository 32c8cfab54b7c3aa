//! Verification of the provider's S/MIME signature: CMS, certificates, trust.
//!
//! A [`Verifier`] holds the trust anchors, the reference-time policy, the limits and the
//! caches; [`Verifier::verify_signature`] checks one signature, step by step
//! (signature.rs), and validates the signer's certificate path (chain.rs) against the
//! anchors (trust.rs).

pub(crate) mod cache;
pub(crate) mod cert;
pub(crate) mod chain;
pub(crate) mod crl;
pub(crate) mod crypto;
pub(crate) mod describe;
#[cfg(feature = "fetch")]
pub(crate) mod fetch;
pub(crate) mod names;
pub(crate) mod revocation;
pub(crate) mod signature;
pub mod timestamp;
pub(crate) mod trust;
pub mod trusted_list;
pub(crate) mod verifier;
pub mod xades;

pub use crate::read::cms::CmsError;
pub use cert::{Cert, CertError, CertSummary};
pub use crl::{CrlError, CrlSet};
pub use describe::{SignerInfoSummary, certificates_pem, describe_signer};
#[cfg(feature = "fetch")]
pub use fetch::HttpCrlFetcher;
pub use names::{Accreditation, NoRegistration, Registration};
pub use revocation::{CrlFetcher, Revocation, RevocationPolicy, RevocationStatus};
pub use signature::{AlsoJudgedAt, ReferenceTimeSource, SignatureReport, SignatureStatus};
pub use trust::{Anchor, AnchorView, Purpose, TrustStore, TrustStoreError};
pub use verifier::Verifier;
