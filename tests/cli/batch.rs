//! Batches: mailbox exports, Maildir, zip, lists of paths, parallel streaming, bad files.

use std::io::Write;

use crate::common::*;

/// mboxrd quoting: every line matching ^>*From gains one '>'.
fn to_mbox(messages: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for m in messages {
        out.extend_from_slice(
            b"From posta-certificata@pec.alfa.example Tue Nov 24 10:00:00 2026\n",
        );
        let text = String::from_utf8_lossy(m).replace("\r\n", "\n");
        for line in text.split_inclusive('\n') {
            if line.trim_start_matches('>').starts_with("From ") {
                out.push(b'>');
            }
            out.extend_from_slice(line.as_bytes());
        }
        if !out.ends_with(b"\n") {
            out.push(b'\n');
        }
        out.push(b'\n');
    }
    out
}

#[test]
fn mbox_unquoting_restores_the_signed_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let with_from = sample("accettazione-riga-from.eml");
    assert!(
        String::from_utf8_lossy(&with_from).contains("\nFrom here on"),
        "the sample has a From line"
    );
    let mbox = dir.path().join("export.mbox");
    std::fs::write(
        &mbox,
        to_mbox(&[sample("accettazione.eml"), with_from, sample("posta-certificata.eml")]),
    )
    .unwrap();
    assert!(String::from_utf8_lossy(&std::fs::read(&mbox).unwrap()).contains("\n>From here on"));
    let (code, out, err) =
        run(peckit().args(["verify", "--format", "json", "--trust"]).arg(test_root()).arg(&mbox));
    assert_eq!(code, 0, "{out}\n{err}");
    let doc = json(&out);
    let paths: Vec<&str> =
        doc["artefacts"].as_array().unwrap().iter().map(|a| a["path"].as_str().unwrap()).collect();
    assert_eq!(paths.len(), 3);
    assert!(paths[1].ends_with("export.mbox#2"), "{paths:?}");
    assert!(doc["artefacts"].as_array().unwrap().iter().all(|a| a["verdict"] == "valid"));
}

#[test]
fn maildir_and_zip_exports_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("Maildir");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(md.join(sub)).unwrap();
    }
    std::fs::write(md.join("cur/1700000000.1:2,S"), sample("accettazione.eml")).unwrap();
    std::fs::write(md.join("new/1700000001.2"), sample("avvenuta-consegna-completa.eml")).unwrap();
    // A Maildir++ folder inside the Maildir is a Maildir of its own, read too; tmp/ is not.
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(md.join(".Ricevute").join(sub)).unwrap();
    }
    std::fs::write(md.join(".Ricevute/cur/1700000002.3:2,S"), sample("non-accettazione.eml"))
        .unwrap();
    std::fs::write(md.join("tmp/1700000003.4"), b"Subject: not yet delivered\n\nx").unwrap();
    // One whose new/ is gone: its tmp/ is still not read.
    for sub in ["cur", "tmp"] {
        std::fs::create_dir_all(md.join(".Bozze").join(sub)).unwrap();
    }
    std::fs::write(md.join(".Bozze/tmp/1700000004.eml"), sample("accettazione.eml")).unwrap();
    let zip_path = dir.path().join("webmail.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let o: zip::write::SimpleFileOptions = Default::default();
    z.start_file("Posta in arrivo/ricevuta.eml", o).unwrap();
    z.write_all(&sample("presa-in-carico.eml")).unwrap();
    z.start_file("Posta in arrivo/leggimi.txt", o).unwrap();
    z.write_all(b"not mail").unwrap();
    z.finish().unwrap();
    let (code, out, err) = run(peckit()
        .args(["verify", "--format", "json", "--trust"])
        .arg(test_root())
        .arg(&md)
        .arg(&zip_path));
    assert_eq!(code, 0, "{out}\n{err}");
    let doc = json(&out);
    let arts = doc["artefacts"].as_array().unwrap();
    assert_eq!(arts.len(), 4, "{out}");
    assert!(arts.iter().any(|a| {
        a["path"].as_str().unwrap().ends_with("webmail.zip!Posta in arrivo/ricevuta.eml")
    }));
    assert!(arts.iter().any(|a| a["path"].as_str().unwrap().contains(".Ricevute")), "{out}");
    assert!(arts.iter().all(|a| a["verdict"] == "valid"));
}

#[test]
fn exports_saved_as_eml_are_still_split() {
    // .eml files are not opened just to sniff them; the bytes read for verifying tell an
    // mbox or a zip apart, in a folder walk and given by name alike, for every command.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a-mailbox.eml"),
        to_mbox(&[sample("accettazione.eml"), sample("posta-certificata.eml")]),
    )
    .unwrap();
    let zip_path = dir.path().join("b-webmail.eml");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    z.start_file("ricevuta.eml", zip::write::SimpleFileOptions::default()).unwrap();
    z.write_all(&sample("presa-in-carico.eml")).unwrap();
    z.finish().unwrap();
    for jobs in ["1", "2"] {
        let (code, out, err) = run(peckit()
            .args(["verify", "--format", "json", "--ordered", "-j", jobs, "--trust"])
            .arg(test_root())
            .arg(dir.path()));
        assert_eq!(code, 0, "{out}\n{err}");
        let doc = json(&out);
        let paths: Vec<&str> = doc["artefacts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["path"].as_str().unwrap())
            .collect();
        assert_eq!(paths.len(), 3, "{paths:?}");
        assert!(paths[0].ends_with("a-mailbox.eml#1"), "{paths:?}");
        assert!(paths[1].ends_with("a-mailbox.eml#2"), "{paths:?}");
        assert!(paths[2].ends_with("b-webmail.eml!ricevuta.eml"), "{paths:?}");
    }
    let (code, out, err) =
        run(peckit().args(["inspect", "--format", "json"]).arg(dir.path().join("a-mailbox.eml")));
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(out.contains("a-mailbox.eml#2"), "{out}");
}

#[test]
fn files_from_reads_a_list() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list.txt");
    std::fs::write(
        &list,
        format!(
            "{}\n\n{}\n",
            samples().join("accettazione.eml").display(),
            samples().join("errore-consegna.eml").display()
        ),
    )
    .unwrap();
    let (code, out, _) = run(peckit()
        .args(["verify", "--format", "jsonl", "--trust"])
        .arg(test_root())
        .arg("--files-from")
        .arg(&list));
    assert_eq!(code, 0);
    assert_eq!(out.lines().filter(|l| l.contains("\"type\":\"artefact\"")).count(), 2);
    let (code, out, _) = run(peckit()
        .args(["verify", "--format", "jsonl", "--trust"])
        .arg(test_root())
        .args(["--files-from", "-"])
        .write_stdin(format!("{}\n", samples().join("accettazione.eml").display())));
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 2);
}

#[test]
fn parallel_jsonl_has_exactly_one_line_per_artefact_and_ordered_keeps_order() {
    let expected = read_tsv(&samples().join("expected.tsv")).len();
    for extra in [vec!["-j", "2"], vec!["-j", "2", "--ordered"]] {
        let (_, out, _) = run(peckit()
            .args(["verify", "--format", "jsonl", "--trust"])
            .arg(test_root())
            .args(&extra)
            .arg(samples()));
        let lines: Vec<serde_json::Value> = out.lines().map(json).collect();
        let artefacts: Vec<&serde_json::Value> =
            lines.iter().filter(|l| l["type"] == "artefact").collect();
        assert_eq!(artefacts.len(), expected, "{extra:?}");
        let mut paths: Vec<&str> =
            artefacts.iter().map(|a| a["data"]["path"].as_str().unwrap()).collect();
        let unique: std::collections::BTreeSet<&str> = paths.iter().copied().collect();
        assert_eq!(unique.len(), paths.len(), "no duplicates");
        if extra.contains(&"--ordered") {
            let sorted = {
                let (_, out, _) = run(peckit()
                    .args(["verify", "--format", "json", "--trust"])
                    .arg(test_root())
                    .arg(samples()));
                artefact_paths(&json(&out))
            };
            assert_eq!(paths, sorted.iter().map(String::as_str).collect::<Vec<_>>());
        }
        paths.clear();
        assert_eq!(lines.last().unwrap()["type"], "summary");
    }
}

#[test]
fn csv_quotes_commas_quotes_and_line_breaks() {
    let (_, out, _) = run(peckit()
        .args(["verify", "--format", "csv", "--trust"])
        .arg(test_root())
        .arg(samples().join("accettazione-oggetto-csv.eml")));
    assert!(out.contains("\"Fattura 12, \"\"saldo\"\" finale\nseconda riga\""), "{out}");
    // A CSV reader sees exactly one record with all columns.
    let records = parse_csv(&out);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0].len(), records[1].len());
    assert_eq!(records[1][9], "Fattura 12, \"saldo\" finale\nseconda riga");
}

/// A small RFC 4180 reader for the test.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = vec![];
    let mut record = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    records
}

#[test]
fn a_bad_file_in_the_middle_does_not_stop_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.eml"), sample("accettazione.eml")).unwrap();
    std::fs::write(dir.path().join("b.eml"), b"\x00\x01\x02 garbage").unwrap();
    std::fs::write(dir.path().join("c.eml"), sample("errore-consegna.eml")).unwrap();
    let (code, out, err) = run(peckit()
        .args(["verify", "--format", "csv", "-j", "2", "--trust"])
        .arg(test_root())
        .arg(dir.path()));
    assert_eq!(code, 2);
    assert!(err.contains("b.eml"), "{err}");
    assert_eq!(out.lines().count(), 4, "{out}");
    assert_eq!(out.lines().filter(|l| l.contains(",valid,")).count(), 2);
}

/// Ctrl-C, and SIGTERM as a batch scheduler sends at its time limit, stop the run cleanly:
/// exit 130, every line written whole, the summary saying it was interrupted.
#[cfg(unix)]
#[test]
fn ctrl_c_and_sigterm_stop_cleanly_with_valid_jsonl_so_far() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = sample("accettazione.eml");
    for i in 0..3000 {
        std::fs::write(dir.path().join(format!("r{i:04}.eml")), &bytes).unwrap();
    }
    let bin = assert_cmd::cargo::cargo_bin("peckit");
    for signal in ["-INT", "-TERM"] {
        let child = std::process::Command::new(&bin)
            .args(["verify", "--format", "jsonl", "-j", "1", "--trust"])
            .arg(test_root())
            .arg(dir.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(400));
        let _ = std::process::Command::new("kill").args([signal, &child.id().to_string()]).status();
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let lines: Vec<&str> = stdout.lines().collect();
        if out.status.code() == Some(0) {
            eprintln!("SKIP: the batch finished before the signal {signal}");
            continue;
        }
        assert_eq!(
            out.status.code(),
            Some(130),
            "{signal}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(lines.len() < 3001, "stopped early");
        for l in &lines {
            json(l);
        }
        let summary = json(lines.last().unwrap());
        assert_eq!(summary["type"], "summary");
        assert_eq!(summary["data"]["interrupted"], true, "{summary}");
        assert_eq!(summary["data"]["total"], lines.len() - 1, "the counts cover what was written");
    }
}

/// A second signal ends the run at once, as the signal would have; so does a first one still
/// unanswered after the grace period (here: standard input that never ends). SIGHUP is left
/// alone, so `nohup` keeps a run going.
#[cfg(unix)]
#[test]
fn a_second_signal_or_a_stuck_input_ends_the_run_and_nohup_is_respected() {
    use std::os::unix::process::ExitStatusExt;
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let bytes = sample("accettazione.eml");
    for i in 0..3000 {
        std::fs::write(dir.path().join(format!("r{i:04}.eml")), &bytes).unwrap();
    }
    let bin = assert_cmd::cargo::cargo_bin("peckit");
    let kill = |signal: &str, child: &std::process::Child| {
        let _ = std::process::Command::new("kill").args([signal, &child.id().to_string()]).status();
    };
    // Standard input held open and never written: the first SIGTERM cannot be answered.
    let mut stuck = std::process::Command::new(&bin)
        .args(["verify", "--format", "jsonl", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let held_open = stuck.stdin.take(); // `wait` would close it
    std::thread::sleep(Duration::from_millis(400));
    kill("-TERM", &stuck);
    let status = wait_at_most(&mut stuck, Duration::from_secs(30));
    drop(held_open);
    let status = status.expect("a stuck run outlived its grace period");
    assert_eq!(status.signal(), Some(15), "{status:?}");
    // Two Ctrl-C in a row: the second does not wait for a clean stop, nor for the grace
    // period (an input held open again, so that no run can finish before the signals: a
    // batch of files ended first on a fast machine).
    let mut child = std::process::Command::new(&bin)
        .args(["verify", "--format", "jsonl", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let held_open = child.stdin.take();
    std::thread::sleep(Duration::from_millis(400));
    kill("-INT", &child);
    // Two signals of one kind sent back to back may arrive as one (they do not queue): the
    // second follows once the first has had time to be seen.
    std::thread::sleep(Duration::from_millis(500));
    let sent = Instant::now();
    kill("-INT", &child);
    let status = wait_at_most(&mut child, Duration::from_secs(30));
    drop(held_open);
    let status = status.expect("two Ctrl-C did not end a stuck run");
    assert_eq!(status.signal(), Some(2), "{status:?}");
    assert!(sent.elapsed() < Duration::from_secs(5), "the second signal waited for the grace");
    // Under nohup, a hang-up changes nothing.
    if std::process::Command::new("nohup").arg("true").status().is_err() {
        eprintln!("SKIP: nohup is not available");
        return;
    }
    let child = std::process::Command::new("nohup")
        .arg(&bin)
        .args(["verify", "-q", "-j", "1", "--trust"])
        .arg(test_root())
        .arg(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    kill("-HUP", &child);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{:?}", out.status);
    assert!(String::from_utf8_lossy(&out.stdout).contains("3000"), "every file read");
}

/// After Ctrl-C, what is printed says it is incomplete: the evidence page first of all, and
/// verify's table in its summary line.
#[cfg(unix)]
#[test]
fn ctrl_c_leaves_printed_summaries_marked_incomplete() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = sample("accettazione.eml");
    for i in 0..3000 {
        let mut copy = format!("X-Copia: {i}\r\n").into_bytes();
        copy.extend_from_slice(&bytes);
        std::fs::write(dir.path().join(format!("r{i:04}.eml")), copy).unwrap();
    }
    let bin = assert_cmd::cargo::cargo_bin("peckit");
    for (args, says) in [
        (vec!["--lang", "it", "evidence", "--format", "markdown"], "RIEPILOGO INCOMPLETO"),
        (vec!["--lang", "it", "verify", "-j", "1"], "interrotto: l'elenco è incompleto"),
    ] {
        let child = std::process::Command::new(&bin)
            .args(&args)
            .arg("--trust")
            .arg(test_root())
            .arg(dir.path())
            .env("NO_COLOR", "1")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(400));
        let _ = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status();
        let out = child.wait_with_output().unwrap();
        if out.status.code() != Some(130) {
            eprintln!("SKIP: {args:?} finished before the signal");
            continue;
        }
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(says), "{args:?}: {}", &stdout[..stdout.len().min(2000)]);
        if args.contains(&"evidence") {
            let first = stdout.find(says).unwrap();
            assert!(first < 200, "the warning comes first: {first}");
        }
    }
}

/// A row is on standard output while a later input is still being waited for: rows are
/// flushed when the batch would wait (not after each one), and on one job never held behind
/// a slow input. The slow input is a named pipe, written only once the first row was read.
/// (On several jobs inputs travel a chunk at a time, so a row can wait for a slow input of
/// its own chunk: README, "Speed".)
#[cfg(unix)]
#[test]
fn rows_reach_the_reader_while_a_slow_input_is_waited_for() {
    use std::time::Duration;
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("a.eml");
    std::fs::write(&first, sample("accettazione.eml")).unwrap();
    let fifo = dir.path().join("z.eml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIP: mkfifo is not available");
        return;
    }
    for (jobs, format) in [("1", "table"), ("1", "jsonl")] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("peckit"))
            .args(["verify", "--color", "never", "-j", jobs, "--format", format, "--trust"])
            .arg(test_root())
            .arg(&first)
            .arg(&fifo)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (rx, reader) = lines_as_they_come(stdout);
        let seen_first = (|| loop {
            match rx.recv_timeout(Duration::from_secs(20)) {
                Ok(line) if line.contains("a.eml") => return true,
                Ok(_) => continue,
                Err(_) => return false,
            }
        })();
        // Whatever happened, let the run finish: the pipe's writer opens and closes it.
        std::fs::write(&fifo, sample("accettazione.eml")).unwrap();
        let status = child.wait().unwrap();
        reader.join().unwrap();
        assert!(seen_first, "-j {jobs} {format}: a.eml's row waited for the slow input");
        assert_eq!(status.code(), Some(0), "-j {jobs} {format}");
    }
}

/// A pipe named as a path (`<(zcat box.mbox.gz)`, a FIFO) is never looked into before it is
/// read: its first bytes were taken by the look at its kind, which lost an mbox's `From `
/// line (one message instead of two) and the start of a message.
#[test]
fn a_pipe_given_as_a_path_is_read_whole() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("posta");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let mbox = to_mbox(&[sample("accettazione.eml"), sample("avvenuta-consegna-completa.eml")]);
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut pipe = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
            let _ = pipe.write_all(&mbox);
        })
    };
    // A look into the pipe before reading it left the reader waiting for ever (the writer
    // gone): the run is given 30 s.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("peckit"))
        .args(["verify", "--format", "json", "--trust"])
        .arg(test_root())
        .arg(&fifo)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let ended = wait_at_most(&mut child, std::time::Duration::from_secs(30));
    assert!(ended.is_some(), "peckit still reading the pipe after 30 s");
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let (out, err) =
        (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert_eq!(output.status.code(), Some(0), "{err}");
    let doc = json(&out);
    let verdicts: Vec<&str> = doc["artefacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, ["valid", "valid"], "{out}");
}

/// An mbox on standard input is split into its messages, as a file is (`-#1`, `-#2`).
#[test]
fn an_mbox_on_standard_input_is_split_into_its_messages() {
    let mbox = to_mbox(&[sample("accettazione.eml"), sample("avvenuta-consegna-completa.eml")]);
    let (code, out, err) = run(peckit()
        .args(["verify", "--format", "json", "--trust"])
        .arg(test_root())
        .arg("-")
        .write_stdin(mbox));
    assert_eq!(code, 0, "{err}");
    let doc = json(&out);
    let paths: Vec<&str> =
        doc["artefacts"].as_array().unwrap().iter().map(|a| a["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["-#1", "-#2"], "{out}");
}

/// An mbox or a zip inside a zip (a Takeout export holds an `.mbox`) is split too, from a
/// file and from standard input alike; a container one level deeper is named, not skipped.
#[test]
fn containers_inside_a_zip_are_split_and_deeper_ones_named() {
    let dir = tempfile::tempdir().unwrap();
    let mbox = to_mbox(&[sample("accettazione.eml"), sample("presa-in-carico.eml")]);
    let mut inner = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut inner);
        z.start_file("ricevuta.eml", zip::write::SimpleFileOptions::default()).unwrap();
        z.write_all(&sample("avvenuta-consegna-breve.eml")).unwrap();
        z.start_file("deep.mbox", zip::write::SimpleFileOptions::default()).unwrap();
        z.write_all(&mbox).unwrap();
        z.finish().unwrap();
    }
    let zip_path = dir.path().join("takeout.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    z.start_file("Posta/box.mbox", zip::write::SimpleFileOptions::default()).unwrap();
    z.write_all(&mbox).unwrap();
    z.start_file("inner.zip", zip::write::SimpleFileOptions::default()).unwrap();
    z.write_all(inner.get_ref()).unwrap();
    z.finish().unwrap();
    let by_file = run(peckit()
        .args(["verify", "--format", "json", "--trust"])
        .arg(test_root())
        .arg(&zip_path));
    let by_stdin = run(peckit()
        .args(["verify", "--format", "json", "--trust"])
        .arg(test_root())
        .arg("-")
        .write_stdin(std::fs::read(&zip_path).unwrap()));
    for ((code, out, err), prefix) in
        [(by_file, zip_path.display().to_string()), (by_stdin, "-".into())]
    {
        assert_eq!(code, 2, "{err}");
        let doc = json(&out);
        let listed: Vec<(String, String)> = doc["artefacts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["path"].as_str().unwrap().to_string(),
                    a["verdict"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        let expected: Vec<(String, String)> = [
            ("!Posta/box.mbox#1", "valid"),
            ("!Posta/box.mbox#2", "valid"),
            ("!inner.zip!ricevuta.eml", "valid"),
            ("!inner.zip!deep.mbox", "error"),
        ]
        .iter()
        .map(|(p, v)| (format!("{prefix}{p}"), v.to_string()))
        .collect();
        assert_eq!(listed, expected, "{out}");
        assert!(err.contains("two levels"), "{err}");
    }
}

/// What a zip inside a zip expands to is held to the size of one input (`--max-size`): a zip
/// of zips cannot fill memory; what is past it is named, exit 2.
#[test]
fn a_zip_inside_a_zip_expands_to_one_input_at_most() {
    let dir = tempfile::tempdir().unwrap();
    let receipt = sample("posta-certificata.eml");
    let mut inner = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut inner);
        for i in 0..6 {
            z.start_file(format!("r{i}.eml"), zip::write::SimpleFileOptions::default()).unwrap();
            z.write_all(&receipt).unwrap();
        }
        z.finish().unwrap();
    }
    let zip_path = dir.path().join("zip-di-zip.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    z.start_file("inner.zip", zip::write::SimpleFileOptions::default()).unwrap();
    z.write_all(inner.get_ref()).unwrap();
    z.finish().unwrap();
    // Room for two and a half receipts: three are read, the rest named as over the limit.
    let limit = (receipt.len() * 5 / 2).max(inner.get_ref().len()).to_string();
    let (code, out, err) = run(peckit()
        .args(["verify", "--format", "json", "--max-size", &limit, "--trust"])
        .arg(test_root())
        .arg(&zip_path));
    assert_eq!(code, 2, "{err}");
    let paths = artefact_paths(&json(&out));
    assert!(paths.len() < 6, "{paths:?}");
    let last = paths.last().unwrap();
    assert!(last.ends_with("zip-di-zip.zip!inner.zip"), "{paths:?}");
    assert!(err.contains("limit"), "{err}");
}

/// Webmail exports name files after the subject, and every delivery receipt of a message has
/// the same one: the zip crate reads one member of each name, so the others are named as
/// unread (exit 2), never left out without a word (review 15).
#[test]
fn zip_members_sharing_a_name_are_not_dropped_silently() {
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("export.zip");
    let mut bytes = Vec::new();
    {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        let o: zip::write::SimpleFileOptions = Default::default();
        z.start_file("CONSEGNA atto.eml", o).unwrap();
        z.write_all(&sample("avvenuta-consegna-completa.eml")).unwrap();
        z.start_file("CONSEGNA attX.eml", o).unwrap();
        z.write_all(&sample("avvenuta-consegna-breve.eml")).unwrap();
        z.finish().unwrap();
    }
    // The writer refuses a repeated name: the second is renamed in place, same length.
    let bytes: Vec<u8> = {
        let mut out = bytes.clone();
        let (from, to) = (b"CONSEGNA attX.eml", b"CONSEGNA atto.eml");
        let mut at = 0;
        while let Some(i) = out[at..].windows(from.len()).position(|w| w == from) {
            out[at + i..at + i + to.len()].copy_from_slice(to);
            at += i + to.len();
        }
        out
    };
    std::fs::write(&zip_path, &bytes).unwrap();
    let (code, out, err) = run(peckit()
        .args(["verify", "--format", "jsonl", "--trust"])
        .arg(test_root())
        .arg(&zip_path));
    assert_eq!(code, 2, "{out}\n{err}");
    assert!(err.contains("2 members of the zip have this name"), "{err}");
    let rows: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let errors = rows.iter().filter(|r| r["data"]["verdict"] == "error").count();
    assert_eq!(errors, 1, "{out}");
    // The same behind a self-extractor's stub (review 17: the directory was sought at the
    // offset the end record states, which prepended data moves).
    let sfx = dir.path().join("export.sfx.zip");
    let mut stubbed = b"#!/bin/sh\necho stub\nexit 0\n".repeat(10);
    stubbed.extend_from_slice(&bytes);
    std::fs::write(&sfx, &stubbed).unwrap();
    let (code, _, err) = run(peckit().args(["verify", "-q", "--trust"]).arg(test_root()).arg(&sfx));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("2 members of the zip have this name"), "{err}");
    let (_, _, err) =
        run(peckit().args(["--lang", "it", "verify", "-q", "--trust"]).arg(test_root()).arg(&sfx));
    assert!(err.contains("2 file dell'archivio zip hanno questo nome"), "{err}");
}
