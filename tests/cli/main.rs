//! CLI integration tests: one binary, a module per area.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod added;
mod archive;
mod attacks;
mod batch;
mod common;
mod corpus;
mod evidence;
mod extract;
mod forgery;
mod fuzz_regressions;
mod imap;
mod inputs;
mod lang;
mod layering;
mod limits;
mod memory;
mod rem;
mod revocation;
mod samples;
mod schema;
mod sharded;
mod shell;
mod tamper;
