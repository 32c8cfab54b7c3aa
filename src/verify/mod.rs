//! verify stage (see crate docs).
