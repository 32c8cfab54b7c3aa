//! Reports: serialisable models and the renderers that format them.
//!
//! [`model`] is the contract (JSON keys, codes); renderers only format a model into a writer.
pub mod csv;
pub mod evidence;
pub mod i18n;
pub mod model;
pub mod stream;
pub mod term;
