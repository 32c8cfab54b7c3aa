//! Reading PEC artefacts from raw bytes (see crate docs).
pub mod mime;
