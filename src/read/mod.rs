//! read stage (see crate docs).
