//! Reading records back: lines, summaries, versions, facts.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
use super::*;

fn read(text: &str, max_line: u64) -> (Vec<Source>, Vec<(String, ReadFailure)>) {
    let (mut sources, mut failures) = (Vec::new(), Vec::new());
    read_records(text.as_bytes(), "a.jsonl", max_line, |r| {
        match r {
            Recorded::Source(s) => sources.push(*s),
            Recorded::Failure(at, f) => failures.push((at, f)),
            Recorded::Unreadable(f) => panic!("{f:?}"),
            Recorded::Interrupted(at) => failures.push((at, ReadFailure::Empty)),
        }
        ControlFlow::Continue(())
    })
    .unwrap();
    (sources, failures)
}

#[test]
fn a_recorded_finding_is_kept_only_when_it_says_what_the_message_says() {
    use crate::finding::Finding;
    let no_issuer = Finding::NoIssuer { subject: "CN=a".into(), issuer: "CN=b".into() };
    let as_written = Problem::of(no_issuer.clone());
    let mut kept = as_written.clone();
    keep_finding_if_it_agrees(&mut kept);
    assert_eq!(kept, as_written);
    // The message edited, the finding swapped for another of the code or of another
    // code, or nested where verify nests none: the specifics go, the record stays.
    let timestamp = |inner| Finding::TimeStampUntrusted(Some(Box::new(inner)));
    for (finding, message) in [
        (no_issuer.clone(), "no trusted authority issued \"CN=c\" (issuer \"CN=b\")".into()),
        (Finding::NoTrustAnchors, as_written.message.clone()),
        (Finding::ContentAltered, as_written.message.clone()),
        (timestamp(Finding::ContentAltered), Problem::of(timestamp(no_issuer.clone())).message),
    ] {
        let mut problem = Problem { finding: Some(finding), message, ..as_written.clone() };
        keep_finding_if_it_agrees(&mut problem);
        assert_eq!(problem.finding, None, "{problem:?}");
        assert_eq!(problem.code, as_written.code);
    }
}

#[test]
fn bad_lines_are_named_and_the_rest_is_read() {
    let text = "{\"type\":\"summary\",\"data\":{}}\nnot json\n\n{\"type\":\"artefact\",\"data\":{\"path\":\"x.eml\",\"kind\":\"accettazione\",\"receipt_type\":null,\"verdict\":\"valid\",\"problems\":[],\"certified\":null}}\n{\"type\":\"summary\",\"data\":{}}\n";
    let (sources, failures) = read(text, 1 << 20);
    assert!(sources.is_empty());
    assert_eq!(failures.len(), 2, "{failures:?}");
    assert_eq!(failures[0].0, "a.jsonl:2");
    assert_eq!(failures[0].1, ReadFailure::Record(RecordFailure::NotARecord(LineFault::NotJson)));
    assert_eq!(failures[1], ("a.jsonl:4".into(), ReadFailure::Record(RecordFailure::NoFacts)));
}

#[test]
fn a_file_that_does_not_start_with_a_record_is_named_once() {
    // Mail, a JSON document: one failure for the file, at its first line.
    for text in
        ["Return-Path: <a@b>\nFrom: a@b\n\nbody\n", "{\n  \"schema_version\": 1,\n  \"x\": []\n}\n"]
    {
        let (sources, failures) = read(text, 1 << 20);
        assert!(sources.is_empty());
        assert_eq!(failures.len(), 1, "{failures:?}");
        assert_eq!(failures[0].0, "a.jsonl:1");
        assert!(matches!(failures[0].1, ReadFailure::Record(RecordFailure::NotRecords(_))));
    }
}

#[test]
fn a_broken_first_record_is_one_bad_line() {
    let summary = "{\"type\":\"summary\",\"data\":{}}";
    let text = format!("{{\"data\":{{\"path\":\"x.e\n{summary}\n");
    let (_, failures) = read(&text, 1 << 20);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(matches!(failures[0].1, ReadFailure::Record(RecordFailure::NotARecord(_))));
}

#[test]
fn a_byte_order_mark_before_a_record_is_not_part_of_it() {
    // Two shards merged with `cat`, the second saved with a byte-order mark.
    let summary = "{\"type\":\"summary\",\"data\":{\"interrupted\":true}}";
    let text = format!("{summary}\n\u{feff}{summary}\n");
    let (_, failures) = read(&text, 1 << 20);
    let lines: Vec<&str> = failures.iter().map(|(at, _)| at.as_str()).collect();
    assert_eq!(lines, ["a.jsonl:1", "a.jsonl:2"], "both read as summaries: {failures:?}");
}

#[test]
fn records_with_no_summary_after_them_are_of_a_run_that_did_not_finish() {
    let record = "{\"type\":\"artefact\",\"data\":{\"path\":\"x.eml\",\"kind\":\"accettazione\",\"receipt_type\":null,\"verdict\":\"valid\",\"problems\":[],\"certified\":null}}";
    let summary = "{\"type\":\"summary\",\"data\":{}}";
    // Two shards merged, the second killed before its summary.
    let text = format!("{record}\n{summary}\n{record}\n{record}\n");
    let (_, failures) = read(&text, 1 << 20);
    let at: Vec<&str> = failures.iter().map(|(at, _)| at.as_str()).collect();
    assert_eq!(at, ["a.jsonl:1", "a.jsonl:3", "a.jsonl:4", "a.jsonl:3"], "{failures:?}");
    assert_eq!(failures.last().map(|f| &f.1), Some(&ReadFailure::Empty), "the unfinished run");
    let (_, failures) = read(&format!("{record}\n{summary}\n"), 1 << 20);
    assert_eq!(failures.len(), 1, "a whole shard: only its record's NoFacts: {failures:?}");
}

/// The producing peckit a record names is printed as the page's provenance: only a
/// version as peckit writes it is taken (review 15: an edited record chose its words).
#[test]
fn only_a_version_as_peckit_writes_it_is_a_provenance() {
    assert!(is_a_version(super::super::model::PECKIT));
    assert!(is_a_version("0.1.0 (commit 75b91e480c)"));
    assert!(is_a_version("1.2.3-rc.1 (commit unknown)"));
    for forged in [
        "0.1.0 (commit 75b91e480c)\n\n## VERDICTS RE-VERIFIED",
        "0.1.0",
        "0.1 (commit abcdef1)",
        "0.1.0 (commit xyz)",
        "0.1.0 (commit abcdef1) and more",
        "<b>0.1.0</b> (commit abcdef1)",
    ] {
        assert!(!is_a_version(forged), "{forged:?}");
    }
}

/// `cat shards/*.jsonl`, the first shard killed: the second's summary closes only the
/// records it counts, and the first run is still said not to have finished.
#[test]
fn a_summary_closes_only_the_records_it_counts() {
    let record = "{\"type\":\"artefact\",\"data\":{\"path\":\"x.eml\",\"kind\":\"accettazione\",\"receipt_type\":null,\"verdict\":\"valid\",\"problems\":[],\"certified\":null}}";
    let summary = |total: usize| format!("{{\"type\":\"summary\",\"data\":{{\"total\":{total}}}}}");
    let killed_then_whole = format!("{record}\n{record}\n{record}\n{}\n", summary(1));
    let (_, failures) = read(&killed_then_whole, 1 << 20);
    let unfinished: Vec<&str> = failures
        .iter()
        .filter(|(_, f)| *f == ReadFailure::Empty)
        .map(|(at, _)| at.as_str())
        .collect();
    assert_eq!(unfinished, ["a.jsonl:1"], "{failures:?}");
    // Two whole shards: nothing unfinished.
    let whole = format!("{record}\n{}\n{record}\n{record}\n{}\n", summary(1), summary(2));
    let (_, failures) = read(&whole, 1 << 20);
    assert!(failures.iter().all(|(_, f)| *f != ReadFailure::Empty), "{failures:?}");
}

#[test]
fn an_endless_line_ends_the_reading() {
    let endless = std::io::Read::take(std::io::repeat(b'x'), 1 << 30);
    let mut failures = Vec::new();
    read_records(std::io::BufReader::new(endless), "z.jsonl", 1000, |r| {
        if let Recorded::Failure(at, f) = r {
            failures.push((at, f));
        }
        ControlFlow::Continue(())
    })
    .unwrap();
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert_eq!(failures[0].1, ReadFailure::Record(RecordFailure::TooLong));
}

#[test]
fn an_overlong_line_is_refused_and_the_next_one_read() {
    // The line too long may be a record: the next bad line is a bad line, not a sign that
    // the file is something else; and no summary follows, so the run did not finish.
    let text = format!("{}\nnot json\n", "x".repeat(100));
    let (_, failures) = read(&text, 50);
    assert_eq!(failures.len(), 3, "{failures:?}");
    assert_eq!(failures[0], ("a.jsonl:1".into(), ReadFailure::Record(RecordFailure::TooLong)));
    assert!(
        matches!(&failures[1], (at, ReadFailure::Record(RecordFailure::NotARecord(_))) if at == "a.jsonl:2")
    );
    assert_eq!(failures[2], ("a.jsonl:1".into(), ReadFailure::Empty));
}
