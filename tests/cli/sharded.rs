//! Evidence over a sharded archive: `verify --format jsonl` per shard, the outputs merged by
//! concatenation, `evidence` over the merged records, with no second pass over the mail
//! (issue #17, README "Beyond one machine").

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::*;

/// The sample inputs evidence reads, in the order the walk visits them: the files and
/// folders directly under samples/, sorted.
fn sample_entries() -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(samples())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "eml"))
        .collect();
    entries.sort();
    entries
}

/// `verify --format jsonl` over each shard, run from `cwd`, concatenated into `merged`.
fn verify_shards(shards: &[&[PathBuf]], cwd: &Path, merged: &Path) {
    let mut all = Vec::new();
    for shard in shards {
        let out = peckit()
            .current_dir(cwd)
            .args(["verify", "--format", "jsonl", "--ordered", "--trust"])
            .arg(test_root())
            .args(*shard)
            .output()
            .unwrap();
        // 2 for the samples' unreadable files (empty, not mail): they are records too.
        assert!(out.status.code().unwrap() <= 2, "{}", String::from_utf8_lossy(&out.stderr));
        all.extend_from_slice(&out.stdout);
    }
    std::fs::write(merged, all).unwrap();
}

/// The evidence JSON without what differs by construction: when it was generated, and the
/// marks of recorded verdicts.
fn without_run_marks(mut doc: Value) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.remove("recorded_in");
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let generated = doc["generated"].as_object_mut().unwrap();
    for key in ["utc", "rome", "recorded_by"] {
        generated.remove(key);
    }
    strip(&mut doc);
    doc
}

fn evidence_json(args: &[&std::ffi::OsStr], originals: &Path) -> (i32, Value) {
    let (code, out, err) = run(peckit()
        .args(["evidence", "--format", "json", "--trust"])
        .arg(test_root())
        .arg("--originals")
        .arg(originals)
        .args(args));
    assert!(!out.is_empty(), "{err}");
    (code, json(&out))
}

#[test]
fn evidence_from_merged_jsonl_equals_evidence_from_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let originals = dir.path().join("originali");
    std::fs::create_dir(&originals).unwrap();
    std::fs::copy(samples().join("inputs/atto.pdf"), originals.join("atto.pdf")).unwrap();
    let entries = sample_entries();
    let (first, second) = entries.split_at(entries.len() / 2);
    let merged = dir.path().join("merged.jsonl");
    verify_shards(&[first, second], &root(), &merged);

    let (from_files_code, from_files) = evidence_json(&[samples().as_os_str()], &originals);
    let (from_records_code, from_records) = evidence_json(&[merged.as_os_str()], &originals);
    assert_eq!(from_records_code, from_files_code);
    assert!(from_files["messages"].as_array().unwrap().len() >= 3);
    // Recorded verdicts are marked: the versions in `generated`, the record on every file.
    let versions = from_records["generated"]["recorded_by"].as_array().unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0], from_files["generated"]["peckit"]);
    assert_eq!(from_files["generated"]["recorded_by"], serde_json::json!([]));
    let sources = from_records["messages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["sources"].as_array().unwrap())
        .chain(from_records["unmatched"].as_array().unwrap());
    for s in sources {
        let at = s["recorded_in"].as_str().unwrap_or_else(|| panic!("{s}"));
        assert!(at.starts_with(&format!("{}:", merged.display())), "{at}");
    }
    assert_eq!(without_run_marks(from_records), without_run_marks(from_files));
}

#[test]
fn recorded_verdicts_are_said_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let merged = dir.path().join("thread.jsonl");
    verify_shards(&[&[samples().join("thread")]], &root(), &merged);
    let at = format!("{}:1", merged.display());
    for (lang, format, says) in [
        ("it", "markdown", vec!["ESITI NON RIVERIFICATI", "registrato in", "non riverificato"]),
        ("it", "html", vec!["ESITI NON RIVERIFICATI", "registrato in", "Esiti registrati da"]),
        ("it", "table", vec!["ESITI NON RIVERIFICATI", "non riverificato"]),
        ("en", "markdown", vec!["VERDICTS NOT RE-VERIFIED", "recorded in", "not re-verified"]),
        ("en", "csv", vec!["recorded in", "not re-verified"]),
    ] {
        let (code, out, err) = run(peckit()
            .env("COLUMNS", "400")
            .args(["--lang", lang, "evidence", "--format", format])
            .arg(&merged));
        assert_eq!(code, 1, "{format}: {err}"); // the thread holds a tampered receipt
        for phrase in says {
            assert!(out.contains(phrase), "{lang} {format} lacks {phrase:?}:\n{out}");
        }
        assert!(out.contains(&at) || format == "csv", "{format} does not name {at}");
        if lang == "it" {
            // Every word of the Italian page is Italian: no English marker leaks in.
            assert!(!out.contains("recorded") && !out.contains("line "), "{format}:\n{out}");
        }
    }
    let (_, quiet, _) = run(peckit().args(["evidence", "-q"]).arg(&merged));
    assert!(quiet.contains("VERDICTS NOT RE-VERIFIED (peckit "), "{quiet}");
    // In CSV every row names the records its facts come from, pending and external
    // recipients too; from the files, none does.
    let (_, csv, _) = run(peckit().args(["evidence", "--format", "csv"]).arg(&merged));
    let (_, from_files, _) = run(peckit()
        .args(["evidence", "--format", "csv", "--trust"])
        .arg(test_root())
        .arg(samples().join("thread")));
    let recorded_in = |row: &str| row.rsplit(',').next().unwrap_or_default().to_string();
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), from_files.lines().count() - 1, "{csv}");
    for row in rows {
        assert!(recorded_in(row).starts_with(&*merged.display().to_string()), "{row}");
    }
    assert!(from_files.lines().skip(1).all(|row| recorded_in(row).is_empty()), "{from_files}");
}

#[test]
fn paths_that_collide_across_shards_stay_apart() {
    // Two shards, each verified from its own root, both holding `posta/r.eml`: one the
    // acceptance, one the delivery receipt of the same message.
    let dir = tempfile::tempdir().unwrap();
    for (shard, sample_name) in [("a", "accettazione.eml"), ("b", "avvenuta-consegna-completa.eml")]
    {
        let inbox = dir.path().join(shard).join("posta");
        std::fs::create_dir_all(&inbox).unwrap();
        std::fs::write(inbox.join("r.eml"), sample(sample_name)).unwrap();
    }
    let merged = dir.path().join("merged.jsonl");
    let mut all = Vec::new();
    for shard in ["a", "b"] {
        let a = dir.path().join("a.jsonl");
        verify_shards(&[&[PathBuf::from("posta")]], &dir.path().join(shard), &a);
        all.extend(std::fs::read(&a).unwrap());
    }
    std::fs::write(&merged, all).unwrap();
    let (code, out, err) = run(peckit()
        .args(["evidence", "--format", "json", "merged.jsonl"])
        .current_dir(dir.path()));
    assert_eq!(code, 0, "{err}");
    let doc = json(&out);
    let message = &doc["messages"][0];
    let sources = message["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 2, "{message}");
    assert!(sources.iter().all(|s| s["path"] == "posta/r.eml"));
    assert_ne!(sources[0]["sha256"], sources[1]["sha256"]);
    assert_eq!(sources[0]["recorded_in"], "merged.jsonl:1");
    // Line 2 is the first shard's summary.
    assert_eq!(sources[1]["recorded_in"], "merged.jsonl:3");
    assert_eq!(message["sent"]["recorded_in"], "merged.jsonl:1");
    assert_eq!(message["recipients"][0]["fate"], "delivered");
    assert_eq!(message["recipients"][0]["delivery"]["recorded_in"], "merged.jsonl:3");
}

#[test]
fn bad_records_are_named_and_the_rest_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.jsonl");
    verify_shards(&[&[samples().join("accettazione.eml")]], &root(), &good);
    let good_line = std::fs::read_to_string(&good).unwrap();
    let artefact_line = good_line.lines().next().unwrap();
    // An artefact record from before the facts were written, and a line that is not JSON.
    let mut old: Value = serde_json::from_str(artefact_line).unwrap();
    old["data"].as_object_mut().unwrap().remove("evidence");
    let records = dir.path().join("records.jsonl");
    std::fs::write(&records, format!("{old}\nnot json at all\n{good_line}")).unwrap();
    for (lang, says) in [
        ("en", ["verify the file again", "not a record of peckit verify"]),
        ("it", ["verificare di nuovo il file", "non è un record di peckit verify"]),
    ] {
        let (code, out, err) = run(peckit()
            .args(["--lang", lang, "evidence", "--format", "markdown"])
            .arg(&records)
            .current_dir(dir.path()));
        assert_eq!(code, 2, "an unreadable input is an error: {err}");
        for phrase in says {
            assert!(out.contains(phrase), "{lang}: {phrase:?} missing:\n{out}");
            assert!(err.contains(phrase), "{lang}: {phrase:?} not on stderr:\n{err}");
        }
        assert!(out.contains("records.jsonl:1") && out.contains("records.jsonl:2"), "{out}");
        // The good record still proves the message was sent.
        assert!(out.contains("records.jsonl:3"), "{out}");
    }
    let (_, out, _) = run(peckit().args(["evidence", "--format", "json"]).arg(&records));
    let doc = json(&out);
    assert!(doc["messages"][0]["sent"]["path"].as_str().unwrap().ends_with("accettazione.eml"));
    assert_eq!(doc["unmatched"].as_array().unwrap().len(), 2);
}
