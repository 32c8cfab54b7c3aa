//! Completions, man pages, help and version.

use crate::common::*;

#[test]
fn committed_completions_and_man_pages_are_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(peckit().args(["generate", "--out-dir"]).arg(dir.path()));
    assert_eq!(code, 0, "{err}");
    let mut compared = 0;
    for sub in ["completions", "man"] {
        for entry in std::fs::read_dir(dir.path().join(sub)).unwrap() {
            let entry = entry.unwrap();
            let committed = root().join(sub).join(entry.file_name());
            let fresh = std::fs::read(entry.path()).unwrap();
            let old = std::fs::read(&committed).unwrap_or_default();
            assert!(
                fresh == old,
                "{} is stale: run `cargo run -- generate --out-dir .` and commit",
                committed.display()
            );
            compared += 1;
        }
    }
    assert!(compared >= 8, "only {compared} generated files compared");
}

/// Every man page, as `man` lays it out on an 80-column terminal, fits in 80 columns (the
/// examples' comments included). Skips where `man` is not installed.
#[test]
fn man_pages_fit_80_columns() {
    if std::process::Command::new("man").arg("--version").output().is_err() {
        eprintln!("SKIP: man not installed");
        return;
    }
    let mut read = 0;
    for entry in std::fs::read_dir(root().join("man")).unwrap() {
        let page = entry.unwrap().path();
        let out = std::process::Command::new("man")
            .env("MANWIDTH", "80")
            .arg("-l")
            .arg(&page)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        if text.trim().is_empty() {
            continue;
        }
        read += 1;
        for line in text.lines() {
            // Bold and underline come as overstrikes (`c BACKSPACE c`): one column each.
            let mut shown = String::new();
            for c in line.chars() {
                if c == '\u{8}' {
                    shown.pop();
                } else {
                    shown.push(c);
                }
            }
            assert!(shown.chars().count() <= 80, "{}: {shown:?}", page.display());
        }
    }
    if read == 0 {
        eprintln!("SKIP: man printed nothing here");
    }
}

#[test]
fn every_subcommand_help_ends_with_examples() {
    for sub in ["verify", "inspect", "extract", "evidence", "trust", ""] {
        let args: Vec<&str> = [sub, "--help"].into_iter().filter(|a| !a.is_empty()).collect();
        let (code, out, _) = run(peckit().args(args));
        assert_eq!(code, 0);
        let examples =
            out.split("Examples:").nth(1).unwrap_or_else(|| panic!("{sub}: no examples"));
        assert!(examples.matches("peckit ").count() >= 2, "{sub}: fewer than two examples");
    }
}

#[test]
fn every_page_a_man_page_names_exists() {
    let pages: Vec<String> = std::fs::read_dir(root().join("man"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    let mut named = 0;
    for page in &pages {
        let text = std::fs::read_to_string(root().join("man").join(page)).unwrap();
        for reference in text.split_whitespace().filter(|w| w.ends_with("(1)")) {
            let name = reference.trim_end_matches("(1)").replace("\\-", "-");
            named += 1;
            assert!(
                pages.contains(&format!("{name}.1")),
                "{page} names {name}(1), which is missing"
            );
        }
    }
    assert!(named >= 6, "only {named} references found");
}

#[test]
fn version_shows_the_commit() {
    let (code, out, _) = run(peckit().arg("--version"));
    assert_eq!(code, 0);
    assert!(out.starts_with("peckit "), "{out}");
    assert!(out.contains("(commit "), "{out}");
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = run(peckit().args(["verify", "--no-such-flag", "x"]));
    assert_eq!(code, 2, "{err}");
    let (code, _, _) = run(&mut peckit());
    assert_eq!(code, 2);
}
