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

/// The records of samples/thread in `dir/thread.jsonl`: the path and the text.
fn thread_records(dir: &Path) -> (PathBuf, String) {
    let records = dir.join("thread.jsonl");
    verify_shards(&[&[samples().join("thread")]], &root(), &records);
    let text = std::fs::read_to_string(&records).unwrap();
    (records, text)
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

/// Evidence as JSON; the test CA is trusted when mail is read (records take no options).
fn evidence_json(args: &[&std::ffi::OsStr], originals: &Path) -> (i32, Value) {
    let records = args.iter().all(|a| a.to_string_lossy().ends_with(".jsonl"));
    let mut cmd = peckit();
    cmd.args(["evidence", "--format", "json"]);
    if !records {
        cmd.arg("--trust").arg(test_root());
    }
    let (code, out, err) = run(cmd.arg("--originals").arg(originals).args(args));
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

/// An Italian page without the marks of recorded verdicts: the heading that says so, the
/// line naming the recording versions, each "registrato in FILE:LINE, non riverificato",
/// the time the page was made, and blank lines.
fn without_italian_record_marks(page: &str) -> String {
    let mut out = String::new();
    for line in page.lines() {
        if ["Generato il", "Esiti registrati da", "ESITI NON RIVERIFICATI", "**Gli esiti dei file"]
            .iter()
            .any(|mark| line.contains(mark))
        {
            continue;
        }
        let mut line = line.to_string();
        while let Some(start) = line
            .find(" — registrato in ")
            .or_else(|| line.find(" (registrato in "))
            .or_else(|| line.find("; registrato in "))
        {
            let end = line[start..].find(", non riverificato").unwrap() + start;
            let end = end + ", non riverificato".len();
            let end = if line[start..].starts_with(" (") { end + 1 } else { end };
            line.replace_range(start..end, "");
        }
        // The heading's paragraph leaves its blank lines behind.
        if !line.trim().is_empty() {
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

#[test]
fn the_italian_page_from_records_says_what_the_page_from_the_files_says() {
    // Records carry each problem's typed finding beside its English message, so the Italian
    // page names the same specifics (an authority, a date) as the page from the mail.
    let dir = tempfile::tempdir().unwrap();
    let entries = sample_entries();
    let (first, second) = entries.split_at(entries.len() / 2);
    let merged = dir.path().join("merged.jsonl");
    verify_shards(&[first, second], &root(), &merged);
    let page = |inputs: &[&std::ffi::OsStr]| {
        let (_, out, err) =
            run(peckit().args(["--lang", "it", "evidence", "--format", "markdown"]).args(inputs));
        assert!(!out.is_empty(), "{err}");
        out
    };
    let trust = test_root();
    let from_files = page(&["--trust".as_ref(), trust.as_os_str(), samples().as_os_str()]);
    let from_records = page(&[merged.as_os_str()]);
    // The samples hold problems whose Italian words carry specifics: both pages have them.
    for specific in [
        "nessuna autorità fidata ha emesso \"CN=Posta Certificata",
        "il certificato \"CN=peckit Test Root CA",
        "content-altered: il contenuto coperto dalla firma",
    ] {
        assert!(from_records.contains(specific), "{specific:?} missing:\n{from_records}");
    }
    let (files, records) =
        (without_italian_record_marks(&from_files), without_italian_record_marks(&from_records));
    assert_eq!(files.lines().count(), records.lines().count());
    for (f, r) in files.lines().zip(records.lines()) {
        assert_eq!(f, r);
    }
}

#[test]
fn the_order_of_the_inputs_or_of_the_shards_changes_nothing() {
    // Copies of one proof, a REM message beside its evidence: which file is named is chosen
    // by what they certify and their paths, never by the order they came in.
    let dir = tempfile::tempdir().unwrap();
    let originals = dir.path().join("originali");
    std::fs::create_dir(&originals).unwrap();
    let entries = sample_entries();
    fn args(paths: &[PathBuf]) -> Vec<&std::ffi::OsStr> {
        paths.iter().map(|p| p.as_os_str()).collect()
    }
    // Every file on its own, the unreadable ones too, forwards and backwards.
    let mut files: Vec<PathBuf> = entries.iter().filter(|p| p.is_file()).cloned().collect();
    files.extend(
        ["forged/empty.eml", "forged/random.eml", "rem/dispatch.eml"].map(|f| samples().join(f)),
    );
    files.push(samples().join("rem/evidenza-senza-marca.xml"));
    let reversed: Vec<PathBuf> = files.iter().rev().cloned().collect();
    let (_, forward) = evidence_json(&args(&files), &originals);
    let (_, backward) = evidence_json(&args(&reversed), &originals);
    assert!(forward["unmatched"].as_array().unwrap().len() >= 2, "{forward}");
    assert_eq!(without_run_marks(backward), without_run_marks(forward));
    let (_, forward) = evidence_json(&args(&entries), &originals);

    let (first, second) = entries.split_at(entries.len() / 2);
    let (ab, ba) = (dir.path().join("ab.jsonl"), dir.path().join("ba.jsonl"));
    verify_shards(&[first, second], &root(), &ab);
    verify_shards(&[second, first], &root(), &ba);
    let (_, from_ab) = evidence_json(&[ab.as_os_str()], &originals);
    let (_, from_ba) = evidence_json(&[ba.as_os_str()], &originals);
    assert_eq!(without_run_marks(from_ba), without_run_marks(from_ab.clone()));
    assert_eq!(without_run_marks(from_ab), without_run_marks(forward));

    // One records file named twice (shards that overlap): every file ties on what it
    // certifies, its path and SHA-256; the record named is the first by name and line.
    let copy = dir.path().join("copia.jsonl");
    std::fs::copy(&ab, &copy).unwrap();
    let same = |doc: Value| {
        let mut doc = doc;
        let generated = doc["generated"].as_object_mut().unwrap();
        generated.remove("utc");
        generated.remove("rome");
        doc
    };
    let (_, twice) = evidence_json(&[ab.as_os_str(), copy.as_os_str()], &originals);
    let (_, twice_backward) = evidence_json(&[copy.as_os_str(), ab.as_os_str()], &originals);
    assert!(twice.to_string().contains("ab.jsonl:1\""), "{twice}");
    assert_eq!(same(twice_backward), same(twice));

    // Messages known by their identificativo alone (no acceptance, no Message-ID) in the
    // order of their files, not of the records.
    let receipt = std::fs::read_to_string(&ab).unwrap();
    let receipt: Value = receipt
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|r| r["data"]["kind"] == "avvenuta-consegna")
        .unwrap();
    let lines: Vec<String> = ["a", "b"]
        .iter()
        .map(|t| {
            let mut r = receipt.clone();
            r["data"]["path"] = format!("{t}.eml").into();
            r["data"]["certified"]["msgid"] = Value::Null;
            r["data"]["certified"]["identificativo"] = format!("id-{t}@x").into();
            r["data"]["evidence"]["sha256"] = t.repeat(64).into();
            r.to_string()
        })
        .collect();
    let summary = r#"{"data":{"total":2,"valid":2,"invalid":0,"error":0,"interrupted":false},"type":"summary"}"#;
    let (one, other) = (dir.path().join("ab-id.jsonl"), dir.path().join("ba-id.jsonl"));
    std::fs::write(&one, format!("{}\n{}\n{summary}\n", lines[0], lines[1])).unwrap();
    std::fs::write(&other, format!("{}\n{}\n{summary}\n", lines[1], lines[0])).unwrap();
    let (_, one) = evidence_json(&[one.as_os_str()], &originals);
    let (_, other) = evidence_json(&[other.as_os_str()], &originals);
    assert_eq!(one["messages"][0]["identificativo"], "id-a@x", "{one}");
    assert_eq!(without_run_marks(other), without_run_marks(one));
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
    // Every table of the page tells the two apart: each row of the path names its record.
    let (_, page, _) = run(peckit()
        .args(["evidence", "--format", "markdown", "merged.jsonl"])
        .current_dir(dir.path()));
    let rows: Vec<&str> = page.lines().filter(|l| l.starts_with("| `posta/r.eml`")).collect();
    assert!(rows.len() >= 6, "files, hashes and signers, twice each:\n{page}");
    for row in rows {
        assert!(row.contains("merged.jsonl:1") || row.contains("merged.jsonl:3"), "{row}");
    }
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

/// A record's verdict is never judged again: options that would change a verdict are
/// refused when only records are given, and said to reach only the mail given beside them.
#[test]
fn verification_options_are_refused_for_records_alone_and_kept_to_the_mail_beside_them() {
    let dir = tempfile::tempdir().unwrap();
    let merged = dir.path().join("a.jsonl");
    verify_shards(&[&[samples().join("accettazione.eml")]], &root(), &merged);
    let crl = samples().join("crl/revocata.crl");
    let crl = crl.to_str().unwrap();
    let root_pem = test_root();
    let root_pem = root_pem.to_str().unwrap();
    for (option, args) in [
        ("--crl", vec!["--crl", crl]),
        ("--at", vec!["--at", "2040-01-01T00:00:00Z"]),
        ("--no-default-trust", vec!["--no-default-trust"]),
        ("--trust", vec!["--trust", root_pem]),
    ] {
        let (code, out, err) = run(peckit().arg("evidence").args(&args).arg(&merged));
        assert_eq!(code, 2, "{option}: {err}");
        assert!(out.is_empty(), "{option}: nothing is written:\n{out}");
        assert!(err.contains(option) && err.contains("not verified again"), "{option}: {err}");
    }
    // Beside mail, the options apply to the mail, with a warning saying so (what becomes of
    // a record the mail contradicts: see the next test).
    let (code, _, err) = run(peckit()
        .args(["evidence", "-q", "--crl", crl, "--trust", root_pem])
        .arg(&merged)
        .arg(samples().join("presa-in-carico.eml")));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("warning: --trust, --crl: these options apply to the mail"), "{err}");
}

/// A shard whose run was cut short says so in its summary; evidence built from it says it is
/// incomplete, names the summary, and exits 2, as for an input it could not read.
#[test]
fn records_of_an_interrupted_run_make_the_evidence_incomplete() {
    let dir = tempfile::tempdir().unwrap();
    let (whole, text) = thread_records(dir.path());
    let cut = dir.path().join("cut.jsonl");
    let summary = r#"{"data":{"total":2,"valid":2,"invalid":0,"error":0,"interrupted":true},"type":"summary"}"#;
    let first_two: Vec<&str> = text.lines().take(2).collect();
    std::fs::write(&cut, format!("{}\n{summary}\n", first_two.join("\n"))).unwrap();
    let at = format!("{}:3", cut.display());
    let (code, out, err) = run(peckit().args(["evidence", "--format", "json"]).arg(&cut));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(&at) && err.contains("interrupted"), "{err}");
    assert_eq!(json(&out)["generated"]["interrupted_records"], serde_json::json!([at]));
    for (lang, format, says) in [
        ("en", "markdown", "INCOMPLETE SUMMARY"),
        ("it", "html", "RIEPILOGO INCOMPLETO"),
        ("en", "table", "INCOMPLETE SUMMARY"),
    ] {
        let (code, page, _) =
            run(peckit().args(["--lang", lang, "evidence", "--format", format]).arg(&cut));
        assert_eq!(code, 2);
        assert!(page.contains(says) && page.contains(&at), "{format}:\n{page}");
    }
    let (_, quiet, _) = run(peckit().args(["evidence", "-q"]).arg(&cut));
    assert!(quiet.contains(&format!("INCOMPLETE SUMMARY ({at})")), "{quiet}");
    // CSV says it in a row of its own, before any message.
    let (_, csv, _) = run(peckit().args(["evidence", "--format", "csv"]).arg(&cut));
    let first_row = csv.lines().nth(1).unwrap_or_default();
    assert!(first_row.contains("INCOMPLETE SUMMARY") && first_row.contains(&at), "{csv}");
    assert!(first_row.contains(",incomplete,"), "{csv}");
    // The whole shard is not incomplete.
    let (_, out, _) = run(peckit().args(["evidence", "--format", "json"]).arg(&whole));
    assert_eq!(json(&out)["generated"]["interrupted_records"], serde_json::json!([]));
}

/// A record that contradicts itself (never written by verify) is named and not used.
#[test]
fn a_record_that_contradicts_itself_is_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let whole = dir.path().join("a.jsonl");
    verify_shards(&[&[samples().join("accettazione.eml")]], &root(), &whole);
    let text = std::fs::read_to_string(&whole).unwrap();
    let record: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    let mut with_error = record.clone();
    with_error["data"]["problems"] = serde_json::json!([
        {"code": "content-altered", "severity": "error", "message": "x"}
    ]);
    let mut error_with_facts = record.clone();
    error_with_facts["data"]["verdict"] = "error".into();
    for (bad, says) in [
        (with_error, "says valid and lists the error content-altered"),
        (error_with_facts, "says error and holds the facts"),
    ] {
        let file = dir.path().join("bad.jsonl");
        std::fs::write(&file, format!("{bad}\n")).unwrap();
        let (code, out, err) = run(peckit().args(["evidence", "--format", "json"]).arg(&file));
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(&format!("{}:1", file.display())) && err.contains(says), "{err}");
        let doc = json(&out);
        assert_eq!(doc["messages"], serde_json::json!([]), "not used:\n{out}");
    }
}

/// SIGTERM while records are read stops the reading: exit 130, the evidence whole and said
/// to be interrupted (a named pipe delivers the records, the signal comes between two).
#[test]
fn a_signal_while_records_are_read_stops_the_run_cleanly() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().unwrap();
    let (_, text) = thread_records(dir.path());
    let fifo = dir.path().join("slow.jsonl");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("peckit"))
        .env("LANG", "C")
        .args(["evidence", "--format", "json"])
        .arg(&fifo)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
    let mut lines = text.lines();
    writeln!(pipe, "{}", lines.next().unwrap()).unwrap();
    pipe.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let _ = std::process::Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    std::thread::sleep(std::time::Duration::from_millis(300));
    for line in lines {
        // The reader may have gone: a closed pipe ends the writing.
        if writeln!(pipe, "{line}").is_err() {
            break;
        }
    }
    drop(pipe);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", String::from_utf8_lossy(&out.stderr));
    let doc = json(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(doc["generated"]["interrupted"], true);
}

/// A recorded verdict that another verdict of the same bytes contradicts is never used as
/// proof: the file verified in this run keeps its own verdict, and records of one file that
/// disagree (a shard verified without `--trust`) are all set aside, named, exit 2.
#[test]
fn records_contradicted_by_another_verdict_of_the_same_file_are_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.jsonl");
    verify_shards(&[&[samples().join("accettazione.eml")]], &root(), &good);
    let untrusted = dir.path().join("untrusted.jsonl");
    let out = peckit()
        .args(["verify", "--format", "jsonl"])
        .arg(samples().join("accettazione.eml"))
        .output()
        .unwrap();
    std::fs::write(&untrusted, &out.stdout).unwrap();
    // Records only: valid on one machine, invalid (untrusted) on the other.
    let (code, out, err) = run(peckit()
        .args(["--lang", "it", "evidence", "--format", "json"])
        .arg(&untrusted)
        .arg(&good));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("non concordano") && err.contains(&format!("{}:1", good.display())),
        "{err}"
    );
    let doc = json(&out);
    assert_eq!(doc["messages"], serde_json::json!([]), "{out}");
    assert_eq!(doc["unmatched"].as_array().unwrap().len(), 2, "{out}");
    // A record beside the file it describes, this run saying otherwise: the file's verdict
    // stands (revoked by the CRL), the record is set aside.
    let (code, out, err) = run(peckit()
        .args(["evidence", "--format", "json", "--trust"])
        .arg(test_root())
        .arg("--crl")
        .arg(samples().join("crl/revocata.crl"))
        .arg(&good)
        .arg(samples().join("accettazione.eml")));
    assert!(code >= 1, "{err}");
    assert!(err.contains("the record says VALID") && err.contains("is INVALID"), "{err}");
    let doc = json(&out);
    // Nothing proves the message: the file belongs to no message, invalid.
    assert_eq!(doc["messages"], serde_json::json!([]), "{out}");
    let unmatched = doc["unmatched"].as_array().unwrap();
    let file = samples().join("accettazione.eml").display().to_string();
    let listed: Vec<_> = unmatched.iter().filter(|u| u["path"] == file.as_str()).collect();
    assert_eq!(listed.len(), 1, "{out}");
    assert_eq!(listed[0]["verdict"], "invalid");
}

/// A record that says the same verdict but states other facts than the same bytes do (a
/// recipient and a time edited in the JSONL) proves nothing: beside the file, the file's own
/// facts stand; among records alone, every record of that file goes. An honest record beside
/// its file is kept.
#[test]
fn records_that_certify_other_facts_than_the_same_file_are_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let file = samples().join("thread/03-consegna-beta.eml");
    let honest = dir.path().join("honest.jsonl");
    verify_shards(&[std::slice::from_ref(&file)], &root(), &honest);
    let text = std::fs::read_to_string(&honest).unwrap();
    let mut record: serde_json::Value =
        serde_json::from_str(text.lines().find(|l| l.contains("\"artefact\"")).unwrap()).unwrap();
    let consegna = record["data"]["certified"]["consegna"].as_str().unwrap().to_string();
    record["data"]["certified"]["consegna"] = "luca.verdi@pec.alfa.example".into();
    let edited = dir.path().join("edited.jsonl");
    let edited_text = text
        .lines()
        .map(|l| if l.contains("\"artefact\"") { record.to_string() } else { l.to_string() })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&edited, format!("{edited_text}\n")).unwrap();
    let evidence = |inputs: &[&Path]| {
        let (code, out, err) = run(peckit()
            .args(["--lang", "it", "evidence", "--format", "json", "--trust"])
            .arg(test_root())
            .args(inputs));
        (code, json(&out), err)
    };
    let delivered_to = |doc: &serde_json::Value| -> Vec<String> {
        doc["messages"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|m| m["recipients"].as_array().unwrap().clone())
            .filter(|r| !r["delivery"].is_null())
            .map(|r| r["address"].as_str().unwrap().to_string())
            .collect()
    };
    // Beside the file: the edited record is set aside and named; the file's facts stand.
    let (code, doc, err) = evidence(&[&file, &edited]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("il record riporta dati diversi da quelli che questa esecuzione ha trovato")
            && err.contains(&format!("{}:", edited.display())),
        "{err}"
    );
    assert_eq!(delivered_to(&doc), std::slice::from_ref(&consegna), "{doc:#}");
    // The honest record beside the file: nothing set aside.
    let (_, doc, err) = evidence(&[&file, &honest]);
    assert!(!err.contains("non è usato"), "{err}");
    assert_eq!(delivered_to(&doc), [consegna], "{doc:#}");
    // Records alone that disagree on the facts: none is used.
    let (code, out, err) = run(peckit()
        .args(["--lang", "it", "evidence", "--format", "json"])
        .arg(&honest)
        .arg(&edited));
    let doc = json(&out);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("nessun record di questo file è usato"), "{err}");
    assert!(delivered_to(&doc).is_empty(), "{doc:#}");
}

/// Records are known by their content too: on standard input and under another name; a
/// file that is not records (a JSON document, mail) named `.jsonl` is named once, and a
/// byte-order mark left in the middle of a merge costs nothing.
#[test]
fn records_are_known_by_their_content_and_other_files_are_named_once() {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("thread.jsonl");
    verify_shards(&[&[samples().join("thread")]], &root(), &records);
    let (_, expected, _) = run(peckit().args(["evidence", "-q"]).arg(&records));
    assert!(expected.contains("VERDICTS NOT RE-VERIFIED"), "{expected}");
    let renamed = dir.path().join("registro.txt");
    std::fs::copy(&records, &renamed).unwrap();
    let (_, out, err) = run(peckit().args(["evidence", "-q"]).arg(&renamed));
    assert_eq!(out, expected, "{err}");
    let (_, out, err) =
        run(peckit().args(["evidence", "-q", "-"]).write_stdin(std::fs::read(&records).unwrap()));
    assert_eq!(out, expected, "{err}");
    // Merged with `cat`, the second shard saved with a byte-order mark.
    let text = std::fs::read_to_string(&records).unwrap();
    let merged = dir.path().join("merged.jsonl");
    std::fs::write(&merged, format!("{text}\u{feff}{text}")).unwrap();
    let (code, _, err) = run(peckit().args(["evidence", "-q"]).arg(&merged));
    assert_eq!(code, 1, "only the thread's tampered receipt: {err}");
    // A JSON document, and mail, named .jsonl: one line each on stderr, exit 2.
    for (name, bytes) in [
        ("doc.jsonl", {
            let out = peckit()
                .args(["verify", "--format", "json", "--trust"])
                .arg(test_root())
                .arg(samples().join("thread"))
                .output()
                .unwrap();
            out.stdout
        }),
        ("mail.jsonl", sample("accettazione.eml")),
    ] {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let (code, _, err) = run(peckit().args(["evidence", "-q"]).arg(&file));
        assert_eq!(code, 2, "{err}");
        assert_eq!(err.lines().filter(|l| l.contains(name)).count(), 1, "{err}");
        assert!(err.contains("not records of peckit verify --format jsonl"), "{err}");
    }
}

/// What the review of these rules found: a file of records named twice (its contradicted
/// records went only once), records in a file named as mail (believed, not verified), and a
/// shard killed before its summary (taken as whole).
#[test]
fn records_named_twice_named_as_mail_or_left_without_summary_prove_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (good, text) = thread_records(dir.path());
    // This run, without the test CA, finds every file untrusted: the records saying valid
    // are set aside, both copies of them.
    let (code, out, err) = run(peckit()
        .args(["evidence", "--format", "json"])
        .arg(samples().join("thread"))
        .arg(&good)
        .arg(&good));
    assert_eq!(code, 2, "{err}");
    let doc = json(&out);
    let delivered = doc["messages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["recipients"].as_array().unwrap().iter())
        .filter(|r| r["fate"] == "delivered")
        .count();
    assert_eq!(delivered, 0, "{out}");
    // A record in a file named as mail is mail that is not mail.
    let eml = dir.path().join("avvenuta-consegna.eml");
    std::fs::write(&eml, text.lines().nth(2).unwrap()).unwrap();
    let (code, _, err) = run(peckit()
        .args(["evidence", "-q", "--trust"])
        .arg(test_root())
        .arg(samples().join("thread/01-accettazione.eml"))
        .arg(&eml));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("it is JSON"), "{err}");
    // A shard whose run was killed before its summary: incomplete, from its first record.
    let killed = dir.path().join("killed.jsonl");
    let records: Vec<&str> = text.lines().filter(|l| !l.contains("\"type\":\"summary\"")).collect();
    std::fs::write(&killed, format!("{}\n", records.join("\n"))).unwrap();
    let (code, out, err) = run(peckit().args(["evidence", "--format", "json"]).arg(&killed));
    assert_eq!(code, 2, "{err}");
    let at = format!("{}:1", killed.display());
    assert_eq!(json(&out)["generated"]["interrupted_records"], serde_json::json!([at]));
    assert!(err.contains("records of a run that did not finish"), "{err}");
}
