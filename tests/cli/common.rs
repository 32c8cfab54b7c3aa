//! Test harness: run peckit with a fixed language and no colour; parse JSON output.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// samples/ in the repository.
pub fn samples() -> PathBuf {
    root().join("samples")
}

/// The test trust anchor made by samples/make-samples.sh.
pub fn test_root() -> PathBuf {
    samples().join("pki/trust-root.pem")
}

/// ../shared/corpus, if present.
pub fn corpus() -> Option<PathBuf> {
    let p = root().join("../shared/corpus");
    if p.join("INDEX.tsv").exists() {
        Some(p)
    } else {
        eprintln!("SKIP: {} is absent; real-provider tests not run", p.display());
        None
    }
}

/// ../shared/rem-kit (AgID's REM-Policy-IT example kit), if present.
pub fn rem_kit() -> Option<PathBuf> {
    let p = root().join("../shared/rem-kit");
    if p.join("NOTICE.md").exists() {
        Some(p)
    } else {
        eprintln!("SKIP: {} is absent; REM kit tests not run", p.display());
        None
    }
}

/// A peckit command with English output, no colour and a clean locale.
pub fn peckit() -> Command {
    let mut cmd = Command::cargo_bin("peckit").expect("binary");
    cmd.env_remove("LC_ALL").env_remove("LC_MESSAGES").env("LANG", "C").env("NO_COLOR", "1");
    cmd
}

/// Runs and returns (exit code, stdout, stderr).
pub fn run(cmd: &mut Command) -> (i32, String, String) {
    let Output { status, stdout, stderr } = cmd.output().expect("run peckit");
    (
        status.code().expect("exit code"),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

/// The records `verify --format jsonl` writes of `input`, the test CA trusted.
pub fn records_of(input: &Path) -> String {
    run(peckit().args(["verify", "--format", "jsonl", "--trust"]).arg(test_root()).arg(input)).1
}

/// The `path` of every artefact of a `verify --format json` document, in order.
pub fn artefact_paths(doc: &serde_json::Value) -> Vec<String> {
    doc["artefacts"]
        .as_array()
        .unwrap_or_else(|| panic!("no artefacts: {doc}"))
        .iter()
        .map(|a| a["path"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Parses stdout as JSON.
pub fn json(stdout: &str) -> serde_json::Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{stdout}"))
}

/// Reads a tab-separated file with a header row into maps.
pub fn read_tsv(path: &Path) -> Vec<std::collections::BTreeMap<String, String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            header
                .iter()
                .enumerate()
                .map(|(i, h)| (h.to_string(), unescape(cells.get(i).unwrap_or(&""))))
                .collect()
        })
        .collect()
}

/// Undoes the \\, \n and \t escapes of the generated TSV files.
fn unescape(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The bytes of a file in samples/.
pub fn sample(name: &str) -> Vec<u8> {
    std::fs::read(samples().join(name)).unwrap_or_else(|e| panic!("samples/{name}: {e}"))
}

/// `haystack` with the first occurrence of `from` replaced by `to` (which must occur).
pub fn replace_once(haystack: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let at = haystack.windows(from.len()).position(|w| w == from).expect("pattern present");
    let mut out = haystack[..at].to_vec();
    out.extend_from_slice(to);
    out.extend_from_slice(&haystack[at + from.len()..]);
    out
}

/// The problem codes of one artefact of the JSON output, in order.
pub fn codes(a: &serde_json::Value) -> Vec<String> {
    a["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap().to_string())
        .collect()
}

/// A valid sample re-wrapped the way mailing-list software does it: a new header block with a
/// tagged subject, the signed message as the first part of a multipart/mixed, and a text
/// footer as the second. The signed entity's bytes are untouched.
pub fn list_wrapped(sample_name: &str) -> Vec<u8> {
    let original = std::fs::read(samples().join(sample_name)).unwrap();
    let end = original.windows(2).position(|w| w == b"\n\n").unwrap();
    let (head, body) = (&original[..end + 1], &original[end + 2..]);
    let head = String::from_utf8_lossy(head);
    let field = |name: &str| {
        head.lines()
            .find(|l| {
                l.to_ascii_lowercase().starts_with(&format!("{}:", name.to_ascii_lowercase()))
            })
            .map(|l| l.split_once(':').unwrap().1.trim().to_string())
            .unwrap()
    };
    let mut out = format!(
        "From: lista-pratiche@lists.example\nTo: iscritti@lists.example\n\
         Subject: [lista] [SPAM] {}\nDate: {}\nMessage-ID: <relay.1@lists.example>\n\
         MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"LISTWRAP\"\n\n\
         --LISTWRAP\nContent-Type: {}\n\n",
        field("Subject"),
        field("Date"),
        field("Content-Type")
    )
    .into_bytes();
    out.extend_from_slice(body);
    out.extend_from_slice(
        b"\n--LISTWRAP\nContent-Type: text/plain; charset=utf-8\n\n-- \nLista pratiche: per \
          cancellarsi scrivere a lista-pratiche-leave@lists.example\n--LISTWRAP--\n",
    );
    out
}

/// The lines a child writes to its standard output, as they come, read on a thread (joined
/// by the returned handle once the child has closed it).
pub fn lines_as_they_come(
    stdout: std::process::ChildStdout,
) -> (std::sync::mpsc::Receiver<String>, std::thread::JoinHandle<()>) {
    use std::io::BufRead;
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let _ = tx.send(line);
        }
    });
    (rx, reader)
}

/// Waits for `child` to end, at most `limit`: its status, or `None` after killing it.
pub fn wait_at_most(
    child: &mut std::process::Child,
    limit: std::time::Duration,
) -> Option<std::process::ExitStatus> {
    let started = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait for peckit") {
            return Some(status);
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
