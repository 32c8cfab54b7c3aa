//! Embeds the git commit in `peckit --version` (a warning, not a failure, without git).
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=.git/HEAD");
    println!("cargo:rerun-if-changed=.git/refs");
    let commit = Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string());
    match commit {
        Some(c) if !c.is_empty() => println!("cargo:rustc-env=PECKIT_GIT_COMMIT={c}"),
        _ => {
            println!("cargo:warning=git commit unknown: --version will not show it");
            println!("cargo:rustc-env=PECKIT_GIT_COMMIT=unknown");
        }
    }
}
