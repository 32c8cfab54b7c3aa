//! certify stage (see crate docs).
