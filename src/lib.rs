//! peckit: read, verify and explain Italian certified e-mail (PEC) artefacts.
//!
//! The layers follow the data, and each only uses the ones below it
//! (docs/ARCHITECTURE.md; a test holds the rule):
//!
//! 1. [`read`](mod@read) (formats) takes the raw bytes of an `.eml`, finds the signed entity (exact
//!    byte range), the CMS signature, daticert.xml, the notice text and the original
//!    message, and classifies the artefact. Nothing is re-encoded. [`input`] lists and opens
//!    files, folders, Maildirs, mboxes and zip archives beside it.
//! 2. [`verify`] checks the CMS signature over the signed bytes, builds the certificate path
//!    to a trust anchor and judges validity at signing time, through a [`Verifier`] the
//!    caller owns.
//! 3. [`certify`] cross-checks the signed data against the unsigned headers (which are only
//!    claims) and gives the verdict ([`assess`]).
//! 4. [`evidence`] groups verified artefacts by message; [`extract`] takes one apart.
//! 5. [`report`] turns all of it into documents and renders them.
//!
//! The library never prints and never panics on input: problems with an artefact are data
//! ([`Problem`]), errors ([`Error`]) mean the input could not be evaluated at all.
//!
//! ```
//! use peckit::{TrustStore, Verdict, Verifier};
//!
//! let dir = env!("CARGO_MANIFEST_DIR");
//! let mut trust = TrustStore::embedded();
//! trust.add_path(format!("{dir}/samples/pki/trust-root.pem").as_ref())?;
//! let verifier = Verifier::new(trust);
//!
//! let bytes = std::fs::read(format!("{dir}/samples/accettazione.eml"))?;
//! let artefact = peckit::read(bytes, verifier.limits())?;
//! let assessment = peckit::assess(&artefact, &verifier);
//! assert_eq!(assessment.verdict, Verdict::Valid);
//! assert_eq!(artefact.kind, peckit::Kind::Accettazione);
//! let certified = artefact.daticert().expect("a signed daticert.xml");
//! println!("accepted at {:?} from {:?}", certified.data, certified.mittente);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(clippy::print_stdout, clippy::print_stderr)]
#![deny(missing_docs)]

pub mod archive;
pub mod catalogue;
pub mod certify;
pub(crate) mod durable;
pub mod error;
pub mod evidence;
pub mod extract;
pub mod finding;
#[doc(hidden)]
pub mod fuzzing;
pub mod input;
pub(crate) mod italy;
pub mod limits;
#[cfg(feature = "imap")]
pub mod mailbox;
pub(crate) mod names;
pub mod problem;
pub mod read;
pub mod report;
#[cfg(test)]
mod testing;
pub(crate) mod text;
pub mod verify;

pub use certify::assess::{Assessment, Verdict, assess};
pub use error::Error;
pub use limits::{Limit, Limits};
pub use problem::{Problem, ProblemCode, Severity};
pub use read::{Artefact, Kind, read};
pub use verify::{SignatureReport, TrustStore, Verifier};

/// Not API: what the benchmarks and tests measure or check inside the crate. It may change
/// in any release.
#[doc(hidden)]
pub mod internals {
    pub use crate::read::decode::base64_lenient;
    pub use crate::read::mime::parse_entity;
    pub use crate::text::is_hidden;
    pub use crate::verify::cert::Cert;
    pub use crate::verify::crypto::{DigestAlg, PublicKey, SigAlg, digest_canonical};
}
