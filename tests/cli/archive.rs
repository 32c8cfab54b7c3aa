//! `peckit archive`: byte-exact copies, one per message, recorded, incremental, resumable.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::common::*;

fn archive(sources: &[PathBuf], out: &Path, extra: &[&str]) -> (i32, String, String) {
    run(peckit()
        .args(["archive", "--trust"])
        .arg(test_root())
        .args(extra)
        .args(sources)
        .arg("-o")
        .arg(out))
}

fn records(out: &Path) -> Vec<Value> {
    std::fs::read_to_string(out.join("archive.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn sha256_of(path: &Path) -> String {
    hex::encode(Sha256::digest(std::fs::read(path).unwrap()))
}

/// The .eml files of a folder (the archive's messages).
fn emls(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".eml"))
        .collect()
}

/// `n` distinct copies of a valid receipt (an unsigned header line differs), in `dir`.
fn copies(dir: &Path, n: usize) -> Vec<PathBuf> {
    let receipt = sample("accettazione.eml");
    std::fs::create_dir_all(dir).unwrap();
    (0..n)
        .map(|i| {
            let path = dir.join(format!("copia-{i:04}.eml"));
            let mut bytes = format!("X-Copia: {i}\r\n").into_bytes();
            bytes.extend_from_slice(&receipt);
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect()
}

#[test]
fn every_message_is_kept_byte_exact_once_with_its_record() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("archivio");
    let thread = samples().join("thread");
    let (code, stdout, err) = archive(std::slice::from_ref(&thread), &out, &[]);
    assert_eq!(code, 0, "{err}");
    let originals: Vec<PathBuf> = std::fs::read_dir(&thread)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    let recs = records(&out);
    assert_eq!(recs.len(), originals.len(), "{stdout}");
    assert_eq!(emls(&out).len(), originals.len());
    let by_source: BTreeMap<&str, &Value> =
        recs.iter().map(|r| (r["source"].as_str().unwrap(), r)).collect();
    for original in &originals {
        let r = by_source[original.to_str().unwrap()];
        let kept = out.join(r["file"].as_str().unwrap());
        assert_eq!(sha256_of(&kept), sha256_of(original), "{} byte-exact", original.display());
        assert_eq!(r["sha256"], sha256_of(original));
        assert_eq!(r["size"], std::fs::metadata(original).unwrap().len());
    }
    // Named so a person can find them: date, kind, recipient, identificativo.
    let accettazione = by_source[thread.join("01-accettazione.eml").to_str().unwrap()];
    let name = accettazione["file"].as_str().unwrap();
    assert!(name.ends_with(&format!(
        "_accettazione_{}.eml",
        accettazione["identificativo"].as_str().unwrap()
    )));
    assert!(name.starts_with(&accettazione["certified_time_utc"].as_str().unwrap()[..10]));
    let tampered = by_source[thread.join("07-consegna-manomessa.eml").to_str().unwrap()];
    assert_eq!(tampered["verdict"], "invalid", "kept by default, with its verdict");
    assert_eq!(tampered["identificativo"], Value::Null, "nothing certified from it");

    // The archive is a folder like any other.
    let (code, _, _) = run(peckit().args(["verify", "-q", "--trust"]).arg(test_root()).arg(&out));
    let (code_orig, _, _) =
        run(peckit().args(["verify", "-q", "--trust"]).arg(test_root()).arg(&thread));
    assert_eq!(code, code_orig);

    // Twice adds nothing; one new message adds one file.
    let (code, stdout, _) = archive(std::slice::from_ref(&thread), &out, &[]);
    assert_eq!(code, 0);
    assert!(stdout.contains(&format!("0 archived, {} already there", originals.len())), "{stdout}");
    assert_eq!(records(&out).len(), originals.len());
    let (code, stdout, _) =
        archive(&[thread.clone(), samples().join("accettazione-sha1.eml")], &out, &[]);
    assert_eq!(code, 0);
    assert!(stdout.contains("1 archived"), "{stdout}");
    assert_eq!(records(&out).len(), originals.len() + 1);
    assert_eq!(emls(&out).len(), originals.len() + 1);
}

#[test]
fn the_same_message_from_two_sources_is_stored_once_with_both_sources() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("altra-casella");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::copy(samples().join("accettazione.eml"), other.join("stessa.eml")).unwrap();
    // And inside an mbox, as a mailbox export holds it.
    let mut mbox = b"From MAILER-DAEMON Mon Nov 30 10:00:00 2026\n".to_vec();
    mbox.extend(std::fs::read(samples().join("avvenuta-consegna-sintetica.eml")).unwrap());
    mbox.push(b'\n'); // the blank line that ends an mbox message is not part of it
    std::fs::write(dir.path().join("export.mbox"), &mbox).unwrap();
    let out = dir.path().join("archivio");
    let (code, stdout, err) = archive(
        &[samples().join("accettazione.eml"), other.clone(), dir.path().join("export.mbox")],
        &out,
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("2 archived, 1 already there"), "{stdout}");
    let sources = std::fs::read_to_string(out.join("sources.jsonl")).unwrap();
    assert_eq!(sources.lines().count(), 3, "{sources}");
    assert!(sources.contains("stessa.eml"));
    let member = records(&out)
        .into_iter()
        .find(|r| r["source"].as_str().unwrap().contains("export.mbox#"))
        .expect("the mbox member");
    let kept = std::fs::read(out.join(member["file"].as_str().unwrap())).unwrap();
    let original = std::fs::read(samples().join("avvenuta-consegna-sintetica.eml")).unwrap();
    assert!(kept == original, "the member is kept byte-exact");
}

#[test]
fn require_valid_skips_and_says_so_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("archivio");
    let (code, stdout, err) = archive(
        &[samples().join("accettazione.eml"), samples().join("forged/bad-signature.eml")],
        &out,
        &["--require-valid"],
    );
    assert_eq!(code, 1, "{stdout}");
    assert!(err.contains("bad-signature.eml") && err.contains("skipped"), "{err}");
    assert!(stdout.contains("1 archived, 0 already there, 1 skipped, 0 unreadable"), "{stdout}");
    assert_eq!(records(&out).len(), 1);
    // Without the flag, an invalid message is evidence too: kept, exit 0.
    let (code, _, _) = archive(&[samples().join("forged/bad-signature.eml")], &out, &[]);
    assert_eq!(code, 0);
    assert_eq!(records(&out)[1]["verdict"], "invalid");
    // An input that cannot be read is counted on the summary line too, not only on stderr.
    let (code, stdout, _) = archive(&[samples().join("forged/empty.eml")], &out, &[]);
    assert_eq!(code, 2);
    assert!(stdout.contains("0 archived, 0 already there, 0 skipped, 1 unreadable"), "{stdout}");
}

#[test]
fn an_unreadable_source_is_exit_2_and_the_rest_is_archived() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("archivio");
    let (code, _, err) = archive(
        &[dir.path().join("manca.eml"), samples().join("accettazione.eml")],
        &out,
        &["--lang", "it"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("manca.eml"), "{err}");
    assert_eq!(records(&out).len(), 1);
}

#[test]
fn a_file_of_the_same_name_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("archivio");
    archive(&[samples().join("accettazione.eml")], &out, &[]);
    let name = records(&out)[0]["file"].as_str().unwrap().to_string();
    // Start again in a fresh archive where that name holds something else.
    let fresh = dir.path().join("altro");
    std::fs::create_dir_all(&fresh).unwrap();
    std::fs::write(fresh.join(&name), b"someone else's file").unwrap();
    let (code, _, _) = archive(&[samples().join("accettazione.eml")], &fresh, &[]);
    assert_eq!(code, 0);
    assert_eq!(std::fs::read(fresh.join(&name)).unwrap(), b"someone else's file");
    let kept = records(&fresh)[0]["file"].as_str().unwrap().to_string();
    assert_ne!(kept, name);
    assert_eq!(sha256_of(&fresh.join(kept)), sha256_of(&samples().join("accettazione.eml")));
}

/// `archive -q SOURCE -o OUT` started in the background.
fn background_archive(source: &Path, out: &Path) -> std::process::Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("peckit"))
        .args(["archive", "-q", "--trust"])
        .arg(test_root())
        .arg(source)
        .arg("-o")
        .arg(out)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

/// Killed mid-run, then run again: every message kept exactly once, nothing half-written.
#[test]
fn an_interrupted_archive_resumes_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = copies(&dir.path().join("casella"), 400);
    let out = dir.path().join("archivio");
    let mut child = background_archive(&dir.path().join("casella"), &out);
    // Kill it once it has archived some, or when it has finished (a fast machine).
    for _ in 0..2000 {
        if records(&out).len() >= 20 || child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let _ = child.kill();
    let _ = child.wait();
    let first = records(&out).len();
    let (code, stdout, err) = archive(&[dir.path().join("casella")], &out, &["-q"]);
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains(&format!("{} archived", inputs.len() - first)), "{first}: {stdout}");
    let recs = records(&out);
    assert_eq!(recs.len(), inputs.len());
    let files: BTreeSet<String> = recs.iter().map(|r| r["file"].as_str().unwrap().into()).collect();
    assert_eq!(files, emls(&out), "every file recorded, no other file");
    for r in &recs {
        assert_eq!(sha256_of(&out.join(r["file"].as_str().unwrap())), r["sha256"]);
    }
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".peckit-partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// One run at a time writes to an archive: a second is refused (exit 2), and does not touch
/// the first one's temporary files.
#[test]
fn a_second_run_on_the_same_archive_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = copies(&dir.path().join("casella"), 300);
    let out = dir.path().join("archivio");
    let mut first = background_archive(&dir.path().join("casella"), &out);
    for _ in 0..2000 {
        if out.join(".peckit-lock").exists() && !records(&out).is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let (code, _, err) = archive(&[samples().join("accettazione.eml")], &out, &[]);
    let done = first.wait().unwrap();
    assert!(done.success());
    if code == 0 {
        eprintln!("SKIP: the first run ended before the second started");
        return;
    }
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("another peckit archive is writing"), "{err}");
    assert_eq!(records(&out).len(), inputs.len(), "the first run completed undisturbed");
}

/// Messages are kept in groups, but never wait for a slow next input: while a named pipe
/// given after them is not written yet, they are already recorded and their lines printed
/// (each line naming a file that is there with its record: a line never runs ahead of the
/// disk).
#[cfg(unix)]
#[test]
fn kept_messages_do_not_wait_for_a_slow_next_input() {
    use std::time::Duration;
    let dir = tempfile::tempdir().unwrap();
    let inputs = copies(&dir.path().join("casella"), 3);
    let fifo = dir.path().join("lenta.eml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIP: mkfifo is not available");
        return;
    }
    let out = dir.path().join("archivio");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("peckit"))
        .args(["archive", "--color", "never", "--trust"])
        .arg(test_root())
        .args(&inputs)
        .arg(&fifo)
        .arg("-o")
        .arg(&out)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (rx, reader) = lines_as_they_come(stdout);
    let mut lines = Vec::new();
    while lines.len() < inputs.len() {
        match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(line) => lines.push(line),
            Err(_) => break,
        }
    }
    // Read while the pipe is still unwritten: what the lines announce is on disk.
    let recorded = records(&out);
    let kept = emls(&out);
    std::fs::write(&fifo, sample("accettazione.eml")).unwrap();
    let status = child.wait().unwrap();
    reader.join().unwrap();
    assert_eq!(lines.len(), inputs.len(), "lines waited for the pipe: {lines:?}");
    assert_eq!(recorded.len(), inputs.len());
    for line in &lines {
        let file = line.split_whitespace().nth(1).unwrap();
        assert!(kept.contains(file), "{line} announced before it was kept");
    }
    assert_eq!(status.code(), Some(0));
}

/// An archive that cannot be written says the path and the system's reason once each.
#[test]
fn an_archive_error_says_its_cause_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("un-file");
    std::fs::write(&file, b"x").unwrap();
    let (code, _, err) = archive(&[samples().join("accettazione.eml")], &file.join("x"), &[]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err.matches("os error 20").count(), 1, "{err}");
}

/// Review 12: a rerun said "already there" of a copy deleted from the archive, or replaced by
/// a forgery. A damaged copy is written again when its message is met (said on stderr, exit
/// unchanged), and one no source of the run holds leaves the archive short: exit 2, named.
#[test]
fn a_lost_or_replaced_copy_is_written_again_or_reported() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("archivio");
    let sources = copies(&dir.path().join("in"), 2);
    let (code, _, err) = archive(&sources, &out, &[]);
    assert_eq!(code, 0, "{err}");
    let kept: Vec<String> = emls(&out).into_iter().collect();
    assert_eq!(kept.len(), 2);
    std::fs::remove_file(out.join(&kept[0])).unwrap();
    std::fs::write(out.join(&kept[1]), sample("forged/bad-signature.eml")).unwrap();

    // Only the first source again: the second copy stays damaged.
    let (code, stdout, err) = archive(&sources[..1], &out, &["--lang", "it"]);
    assert_eq!(code, 2, "{stdout}\n{err}");
    assert!(!stdout.contains("già presente"), "{stdout}");
    assert!(err.contains(&format!("la copia archiviata {} mancava", kept[0])), "{err}");
    assert!(err.contains(&format!("la copia archiviata {} non contiene più", kept[1])), "{err}");
    let first = records(&out).iter().rev().find(|r| r["file"] == kept[0].as_str()).cloned();
    assert_eq!(first.unwrap()["sha256"], sha256_of(&sources[0]).as_str());
    assert_eq!(std::fs::read(out.join(&kept[0])).unwrap(), std::fs::read(&sources[0]).unwrap());

    // Both sources: the replaced copy is written beside the forgery, never over it.
    let (code, stdout, err) = archive(&sources, &out, &[]);
    assert_eq!(code, 0, "{stdout}\n{err}");
    assert!(err.contains("no longer held the bytes recorded"), "{err}");
    assert_eq!(std::fs::read(out.join(&kept[1])).unwrap(), sample("forged/bad-signature.eml"));
    let rewritten = records(&out).last().unwrap()["file"].as_str().unwrap().to_string();
    assert_ne!(rewritten, kept[1]);
    assert_eq!(std::fs::read(out.join(&rewritten)).unwrap(), std::fs::read(&sources[1]).unwrap());
    let (code, _, err) = archive(&sources, &out, &[]);
    assert_eq!((code, err.as_str()), (0, ""), "repaired: nothing more to say");
}

/// Review 12: the errors that stop an archive run were in English under --lang it.
#[test]
fn an_archive_that_cannot_be_opened_says_why_in_italian() {
    let dir = tempfile::tempdir().unwrap();
    let source = [samples().join("accettazione.eml")];
    let file = dir.path().join("un-file");
    std::fs::write(&file, b"x").unwrap();
    let (code, _, err) = archive(&source, &file, &["--lang", "it"]);
    assert_eq!(code, 2);
    assert!(err.contains("non è una cartella"), "{err}");
    let damaged = dir.path().join("rovinato");
    std::fs::create_dir(&damaged).unwrap();
    std::fs::write(damaged.join("archive.jsonl"), "{\"sha256\":\"ab\",\"file\":\"a.eml\"}\n{x}\n")
        .unwrap();
    let (code, _, err) = archive(&source, &damaged, &["--lang", "it"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("riga 2: non è un record dell'archivio (JSON non valido alla colonna 2)"),
        "{err}"
    );
    assert!(!err.contains("key must be"), "the JSON reader's English words are not said: {err}");
    std::fs::write(damaged.join("archive.jsonl"), b"\xff\xfe\n").unwrap();
    let (code, _, err) = archive(&source, &damaged, &["--lang", "it"]);
    assert_eq!(code, 2);
    assert!(err.contains("non è testo (UTF-8)"), "{err}");
}
