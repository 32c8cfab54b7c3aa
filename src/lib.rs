//! peckit: read, verify and explain Italian certified e-mail (PEC) artefacts.
//!
//! The pipeline follows the data:
//!
//! 1. [`read`] takes the raw bytes of an `.eml`, finds the signed entity (exact byte range),
//!    the CMS signature, the daticert.xml, the notice text and the original message, and
//!    classifies the artefact. Nothing is re-encoded.
//! 2. [`verify`] checks the CMS signature over the signed bytes, builds the certificate path to
//!    a trust anchor and judges validity at signing time.
//! 3. [`certify`] parses daticert.xml and cross-checks the signed data against the unsigned
//!    headers (which are only claims).
//! 4. [`report`] turns all of it into serialisable models; renderers live in the binary.
//!
//! The library never prints and never panics on input: problems with an artefact are data
//! ([`problem::Problem`]), errors ([`Error`]) mean the input could not be evaluated at all.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod certify;
pub mod error;
pub mod evidence;
pub mod extract;
pub mod fuzzing;
pub mod input;
pub mod limits;
pub mod problem;
pub mod read;
pub mod report;
pub mod text;
pub mod verify;

pub use error::Error;
