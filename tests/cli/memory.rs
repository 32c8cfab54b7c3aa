//! Memory bounds of issue #13, measured as the peak resident memory the binary reports of
//! itself (`PECKIT_REPORT_PEAK_RSS`), with inputs small enough for CI. `benches/bench.sh`
//! runs the same shapes at full size.

use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

use crate::common::*;

const MIB: u64 = 1024 * 1024;

/// Runs peckit with the given arguments; returns (exit code, peak RSS in bytes, stdout).
fn peak(args: &[&str], path: &Path) -> (i32, u64, String) {
    let (code, out, err) = run(peckit().env("PECKIT_REPORT_PEAK_RSS", "1").args(args).arg(path));
    let kib: u64 = err
        .lines()
        .find_map(|l| l.strip_prefix("peckit: peak-rss-kib "))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no peak reported:\n{err}"));
    (code, kib * 1024, out)
}

/// A PEC-looking message nested `levels` deep (garbage signatures), the innermost holding
/// `body` bytes of 8-bit text: each level's original is the next level, unencoded.
fn nested_message(levels: usize, body: usize) -> Vec<u8> {
    let mut inner = b"From: a@example.com\nSubject: x\n\n".to_vec();
    inner.extend(std::iter::repeat_n(b'a', body));
    inner.push(b'\n');
    for level in 0..levels {
        let mut m = format!(
            "X-Trasporto: posta-certificata\nSubject: POSTA CERTIFICATA: {level}\n\
             MIME-Version: 1.0\nContent-Type: multipart/signed; \
             protocol=\"application/pkcs7-signature\"; boundary=\"s{level}\"\n\n--s{level}\n\
             Content-Type: multipart/mixed; boundary=\"m{level}\"\n\n--m{level}\n\
             Content-Type: message/rfc822; name=\"postacert.eml\"\n\
             Content-Transfer-Encoding: 8bit\n\n"
        )
        .into_bytes();
        m.extend(inner);
        m.extend(
            format!(
                "\n--m{level}--\n\n--s{level}\nContent-Type: application/pkcs7-signature\n\
                 Content-Transfer-Encoding: base64\n\nAAAA\n--s{level}--\n"
            )
            .as_bytes(),
        );
        inner = m;
    }
    inner
}

#[test]
fn nested_originals_share_one_budget() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested.eml");
    let msg = nested_message(9, 20 * 1024 * 1024);
    let size = u64::try_from(msg.len()).unwrap();
    std::fs::write(&path, msg).unwrap();
    for args in [&["verify", "--format", "json"][..], &["inspect", "--format", "json"]] {
        let (code, rss, out) = peak(args, &path);
        assert!(code <= 2, "{args:?}: exit {code}");
        assert!(
            rss <= 3 * size + 64 * MIB,
            "{args:?}: peak {} MiB for a {} MiB input",
            rss / MIB,
            size / MIB
        );
        if args[0] == "verify" {
            assert!(out.contains("limit-exceeded"), "the skipped levels are reported:\n{out}");
        }
    }
}

#[test]
fn an_oversized_mbox_message_is_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.mbox");
    let mut f = std::fs::File::create(&path).unwrap();
    f.write_all(b"From a@b Mon Jan  1 00:00:00 2024\nSubject: huge\n\n").unwrap();
    // 1.5 GB of nothing (a sparse hole, no line breaks), then one ordinary message.
    f.seek(SeekFrom::Start(1536 * MIB)).unwrap();
    f.write_all(b"\n\nFrom c@d Mon Jan  1 00:00:00 2024\n").unwrap();
    f.write_all(&std::fs::read(samples().join("accettazione.eml")).unwrap()).unwrap();
    drop(f);
    let root = test_root();
    let args =
        ["verify", "--format", "json", "--max-size", "10000000", "--trust", root.to_str().unwrap()];
    let (code, rss, out) = peak(&args, &path);
    let doc = json(&out);
    let rows = doc["artefacts"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{out}");
    assert_eq!(rows[0]["problems"][0]["code"], "limit-exceeded", "{out}");
    assert_eq!(rows[1]["verdict"], "valid", "{out}");
    assert_eq!(code, 2);
    assert!(rss <= 64 * MIB, "peak {} MiB", rss / MIB);
}

/// An mbox of `n` tiny plain messages.
fn tiny_mbox(dir: &Path, n: usize) -> std::path::PathBuf {
    let path = dir.join(format!("tiny-{n}.mbox"));
    let mut text = Vec::new();
    for i in 0..n {
        text.extend(
            format!("From a@b Mon Jan  1 00:00:00 2024\nSubject: m{i}\n\nciao\n\n").as_bytes(),
        );
    }
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn memory_does_not_grow_with_the_number_of_artefacts_in_any_format() {
    let dir = tempfile::tempdir().unwrap();
    let small = tiny_mbox(dir.path(), 1_000);
    let large = tiny_mbox(dir.path(), 20_000);
    for format in ["table", "json", "jsonl", "csv"] {
        let args = ["verify", "--format", format];
        let (_, a, _) = peak(&args, &small);
        let (_, b, out) = peak(&args, &large);
        assert!(out.len() > 20_000, "{format}: output was written");
        // 19,000 more artefacts: a few KB each kept would add tens of MB.
        assert!(b <= a + 8 * MIB, "{format}: {} MiB for 1k, {} MiB for 20k", a / MIB, b / MIB);
    }
    for format in ["jsonl", "json"] {
        let args = ["inspect", "--format", format];
        let (_, a, _) = peak(&args, &small);
        let (_, b, out) = peak(&args, &large);
        assert!(out.matches("\"path\"").count() >= 20_000, "inspect {format}: every artefact");
        assert!(b <= a + 8 * MIB, "inspect {format}: {} MiB, then {} MiB", a / MIB, b / MIB);
    }
}

/// `evidence` keeps a few facts per artefact, not the artefact: 40 messages of 2 MB each
/// cost about what 40 tiny ones do (issue #17; before, every file stayed whole to the end).
#[test]
fn evidence_memory_grows_with_messages_not_with_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (tiny, big) = (dir.path().join("tiny"), dir.path().join("big"));
    std::fs::create_dir_all(&tiny).unwrap();
    std::fs::create_dir_all(&big).unwrap();
    let body = "x".repeat(76) + "\n";
    for i in 0..40 {
        let head = format!("From: a@b.example\nSubject: m{i}\nMessage-ID: <m{i}@b.example>\n\n");
        std::fs::write(tiny.join(format!("{i}.eml")), format!("{head}ciao\n")).unwrap();
        std::fs::write(big.join(format!("{i}.eml")), format!("{head}{}", body.repeat(27_000)))
            .unwrap();
    }
    for format in ["json", "csv", "table"] {
        let args = ["evidence", "--format", format];
        let (_, a, _) = peak(&args, &tiny);
        let (_, b, _) = peak(&args, &big);
        // 80 MB read: kept whole, they would add at least that.
        assert!(b <= a + 32 * MIB, "{format}: {} MiB tiny, {} MiB big", a / MIB, b / MIB);
    }
}

/// `evidence` keeps about a kilobyte per artefact, whatever its size, so that a million fit
/// in 1.5 GB (issue #17): the growth from 1,000 to 10,000 artefacts is measured in the
/// formats written as the evidence is built (the pages for people hold the report whole).
#[test]
fn evidence_keeps_at_most_1_5_kb_per_artefact() {
    let dir = tempfile::tempdir().unwrap();
    let small = tiny_mbox(dir.path(), 1_000);
    let large = tiny_mbox(dir.path(), 10_000);
    for format in ["json", "csv"] {
        let args = ["evidence", "--format", format];
        let (_, a, _) = peak(&args, &small);
        let (_, b, out) = peak(&args, &large);
        assert!(out.len() > 100_000, "{format}: output was written");
        let per_artefact = b.saturating_sub(a) / 9_000;
        assert!(per_artefact <= 1536, "{format}: {per_artefact} bytes per artefact");
    }
}

/// A record line is read as the text it is until its type is known, and a finding longer
/// than any peckit writes is not taken apart: a crafted 10 MB line costs about its own size,
/// not a tree of it (before, a 20 MB line of numbers took 850 MB, 1.2 GB as a finding, and
/// one nested past the JSON reader's recursion limit was refused whole as "not JSON").
#[test]
fn a_crafted_record_line_costs_about_its_own_size() {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("a.jsonl");
    let text = records_of(&samples().join("accettazione.eml"));
    let (record, summary) = text.split_once('\n').unwrap();
    let numbers = vec!["0"; 5_000_000].join(",");
    let (head, rest) = record.split_once(r#""problems":[]"#).unwrap();
    let junk = format!(r#"{head}"junk":[{numbers}],"problems":[]{rest}"#);
    let finding = format!(
        r#"{head}"problems":[{{"code":"untrusted","severity":"error","message":"m","finding":[{numbers}]}}]{rest}"#
    )
    .replace(r#""verdict":"valid""#, r#""verdict":"invalid""#);
    std::fs::write(&records, format!("{record}\n{summary}")).unwrap();
    let (_, plain, _) = peak(&["evidence", "--format", "json"], &records);
    // Nested 5,000,000 deep (past any recursion limit) under an ignored key and as a
    // finding: skipped as text, without recursion, and the record still read.
    let deep = format!("{}{}", "[".repeat(5_000_000), "]".repeat(5_000_000));
    let deep_junk = junk.replace(&format!("[{numbers}]"), &deep);
    let deep_finding = finding.replace(&format!("[{numbers}]"), &deep);
    for line in [junk, finding, deep_junk, deep_finding] {
        assert!(line.len() > 10_000_000);
        std::fs::write(&records, format!("{line}\n{summary}")).unwrap();
        let (code, rss, out) = peak(&["evidence", "--format", "json"], &records);
        assert!(out.contains("accettazione.eml"), "the record is read: {code}\n{out}");
        assert!(rss <= plain + 48 * MIB, "{} MiB for a 10 MB line", rss / MIB);
    }
}

/// `extract` writes each envelope's files and keeps nothing of it, in the list for people
/// and in the JSON manifests, which are written as they come (issue #17: memory flat over a
/// folder of 10,000 envelopes; before, every manifest was kept to the end, ~2.7 KB each).
#[test]
fn extract_memory_does_not_grow_with_the_number_of_envelopes() {
    let dir = tempfile::tempdir().unwrap();
    let envelope = samples().join("posta-certificata.eml");
    let folder = |n: usize| {
        let path = dir.path().join(format!("in-{n}"));
        std::fs::create_dir_all(&path).unwrap();
        for i in 0..n {
            std::fs::hard_link(&envelope, path.join(format!("e{i:05}.eml"))).unwrap();
        }
        path
    };
    let (small, large) = (folder(150), folder(1_500));
    for format in ["table", "json"] {
        let run_on = |input: &Path| {
            let out =
                dir.path().join(format!("out-{format}-{}", input.display()).replace('/', "_"));
            let (code, out_text, err) = run(peckit()
                .env("PECKIT_REPORT_PEAK_RSS", "1")
                .args(["extract", "--format", format, "--trust"])
                .arg(test_root())
                .arg(input)
                .arg("-o")
                .arg(&out));
            assert_eq!(code, 0, "{format}: {err}");
            let kib: u64 = err
                .lines()
                .find_map(|l| l.strip_prefix("peckit: peak-rss-kib "))
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("no peak reported:\n{err}"));
            (kib * 1024, out_text, out)
        };
        let (a, _, _) = run_on(&small);
        let (b, text, written) = run_on(&large);
        if format == "json" {
            let manifests = json(&text);
            assert_eq!(manifests.as_array().map(Vec::len), Some(1_500), "every manifest printed");
        }
        let manifest = written.join("e01499").join("manifest.json");
        assert!(manifest.is_file(), "{} written", manifest.display());
        // 1,350 more envelopes: the kept manifests added 3.8 MB (table) and 10 MB (json).
        assert!(b <= a + 2 * MIB, "{format}: {} KiB for 150, {} KiB for 1,500", a >> 10, b >> 10);
    }
}
