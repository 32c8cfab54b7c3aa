//! Reports: serialisable models and the renderers that format them.
//!
//! [`model`] is the contract (JSON keys, codes); renderers only format a model into a writer.
pub mod csv;
pub mod document;
pub mod envelope;
pub mod evidence;
mod evidence_csv;
pub mod explain;
pub mod html;
pub mod json;
pub mod judged;
/// The catalogue, where the renderers and the binary have always found it.
pub use crate::catalogue as i18n;
pub mod markdown;
pub mod model;
pub mod rem;
pub mod stream;
pub mod term;
