//! CLI integration tests: one binary, a module per subcommand.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod shell;
