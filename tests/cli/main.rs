//! CLI integration tests: one binary, a module per subcommand.

mod common;
mod shell;
