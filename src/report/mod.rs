//! Reports: serialisable models and the renderers that format them.
//!
//! [`model`] is the contract (JSON keys, codes); renderers only format a model into a writer.
pub mod csv;
pub mod document;
pub mod evidence;
pub mod html;
pub mod i18n;
pub mod markdown;
pub mod model;
pub mod stream;
pub mod term;
