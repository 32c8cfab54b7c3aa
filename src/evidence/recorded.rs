//! Evidence from records: the JSONL that `verify --format jsonl` writes, read back so that the
//! evidence of a sharded archive needs no second pass over the mail (issue #17). A record is
//! unsigned: what it says was true of the file when that peckit verified it. Each source
//! read from one keeps the record it came from (`FILE:LINE`), and the evidence names the
//! peckit versions whose verdicts it repeats.

use std::io::BufRead;
use std::ops::ControlFlow;

use serde::Deserialize;

use super::model::{Facts, Source, SourceFile};
use crate::certify::assess::Verdict;
use crate::error::{ReadFailure, RecordFailure};
use crate::problem::Problem;
use crate::read::Kind;
use crate::read::daticert::DatiCert;

/// One JSONL line as `verify` writes it.
#[derive(Deserialize)]
#[serde(tag = "type", content = "data", rename_all = "lowercase")]
enum Line {
    Artefact(Box<Record>),
    Summary(SummaryRecord),
}

/// What evidence reads of a run's summary: whether the run was cut short.
#[derive(Deserialize)]
struct SummaryRecord {
    #[serde(default)]
    interrupted: bool,
}

/// What evidence reads of an artefact record; the rest (signature, claims, nested
/// artefacts) is skipped.
#[derive(Deserialize)]
struct Record {
    path: String,
    kind: String,
    receipt_type: Option<String>,
    verdict: Verdict,
    problems: Vec<Problem>,
    certified: Option<DatiCert>,
    rem: Option<crate::read::rem::RemEvidence>,
    evidence: Option<Facts>,
}

/// What one line of records gives.
#[derive(Debug)]
pub enum Recorded {
    /// An artefact's facts.
    Source(Box<Source>),
    /// An input the recording peckit could not read, listed as it recorded it.
    Unreadable(SourceFile),
    /// A line that is not a usable record (`FILE:LINE`, why).
    Failure(String, ReadFailure),
    /// The summary of a run stopped before it read every input (`FILE:LINE`): what it did
    /// not read is missing from the records.
    Interrupted(String),
}

/// An error reading the records themselves (the file, not one line).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct RecordError(#[from] pub std::io::Error);

/// Reads the artefact records of one JSONL file in order, handing what each line gives to
/// `each` until it answers `Break`; of a summary line, only an interrupted run is told. A
/// line longer than `max_line` bytes is refused without being held.
pub fn read_records(
    reader: impl BufRead,
    label: &str,
    max_line: u64,
    mut each: impl FnMut(Recorded) -> ControlFlow<()>,
) -> Result<(), RecordError> {
    let mut reader = reader;
    let mut line = Vec::new();
    let mut number = 0usize;
    // Until a line reads as a record, the file may be something else altogether (mail, a
    // JSON document): then one failure names it, not one per line.
    let mut seen_record = false;
    loop {
        line.clear();
        number += 1;
        let read = std::io::Read::take(&mut reader, max_line.saturating_add(1))
            .read_until(b'\n', &mut line)?;
        if read == 0 {
            return Ok(());
        }
        let at = format!("{label}:{number}");
        if u64::try_from(line.len()).unwrap_or(u64::MAX) > max_line {
            skip_rest_of_line(&mut reader)?;
            if each(Recorded::Failure(at, ReadFailure::Record(RecordFailure::TooLong))).is_break() {
                return Ok(());
            }
            continue;
        }
        // A byte-order mark (an editor's, or one that `cat` carried into the middle of a
        // merged file) is not part of the record.
        let text = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&line);
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let parsed = serde_json::from_slice::<Line>(text);
        let flow = match parsed {
            Ok(Line::Summary(summary)) if summary.interrupted => each(Recorded::Interrupted(at)),
            Ok(Line::Summary(_)) => ControlFlow::Continue(()),
            Ok(Line::Artefact(record)) => each(record.into_recorded(at)),
            Err(e) if !seen_record => {
                let failure = RecordFailure::NotRecords(parser_words(&e));
                let _ = each(Recorded::Failure(at, ReadFailure::Record(failure)));
                return Ok(());
            }
            Err(e) => each(Recorded::Failure(
                at,
                ReadFailure::Record(RecordFailure::NotARecord(parser_words(&e))),
            )),
        };
        seen_record = true;
        if flow.is_break() {
            return Ok(());
        }
    }
}

/// Why a line is not a record, in words for people: the parser's, without its position
/// (the line is named already) or its type names.
fn parser_words(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let text = e.to_string();
    let text = text.split(" at line ").next().unwrap_or(&text);
    match e.classify() {
        Category::Syntax | Category::Eof => format!("not JSON ({text})"),
        Category::Data if text.contains("enum Line") || text.contains("variant") => {
            "JSON, but not a line of peckit verify --format jsonl (type \"artefact\" or \
             \"summary\", with its data)"
                .into()
        }
        _ => text.to_string(),
    }
}

fn skip_rest_of_line(reader: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

impl Record {
    fn into_recorded(self, at: String) -> Recorded {
        if self.evidence.is_some()
            && let Some(what) = self.contradiction()
        {
            return Recorded::Failure(at, ReadFailure::Record(what));
        }
        let Some(facts) = self.evidence else {
            // The one record without facts that verify writes: an input it could not read.
            if self.kind == UNREADABLE && self.verdict == Verdict::Error {
                return Recorded::Unreadable(SourceFile {
                    path: self.path,
                    sha256: None,
                    kind: self.kind,
                    verdict: self.verdict,
                    problems: self.problems,
                    used_as_proof: false,
                    signer: None,
                    recorded_in: Some(at),
                });
            }
            return Recorded::Failure(at, ReadFailure::Record(RecordFailure::NoFacts));
        };
        let (kind, daticert, rem_event) = match &self.rem {
            Some(e) => {
                let (kind, certified, event) = super::model::rem_parts(e);
                (kind, Some(Box::new(certified)), event)
            }
            None => (
                Kind::from_name(&self.kind),
                self.certified.as_ref().map(|d| Box::new(d.into())),
                None,
            ),
        };
        Recorded::Source(Box::new(Source {
            path: self.path,
            kind,
            receipt_type: self.receipt_type,
            verdict: self.verdict,
            problems: self.problems,
            daticert,
            facts: Box::new(facts),
            recorded_in: Some(at),
            rem_event,
        }))
    }
}

impl Record {
    /// What makes a record with facts contradict itself, if anything: verify writes `valid`
    /// only without an error, and `error` only for an input it could not read (no facts).
    fn contradiction(&self) -> Option<RecordFailure> {
        match self.verdict {
            Verdict::Valid => self
                .problems
                .iter()
                .find(|p| p.is_fatal())
                .map(|p| RecordFailure::ValidWithError(p.code.code().to_string())),
            Verdict::Error => Some(RecordFailure::ErrorWithFacts),
            Verdict::Invalid => None,
        }
    }
}

/// Per SHA-256: the verdict of this run, if the file was verified in it, and the verdicts
/// recorded for it with their `FILE:LINE`.
type Verdicts<'a> = (Option<Verdict>, Vec<(Verdict, &'a str)>);

/// Takes out of `sources` the records whose verdict disagrees with another verdict of the
/// same bytes (the file's SHA-256): a file verified in this run keeps its own verdict and
/// the records that disagree with it go; records that disagree among themselves all go.
/// Each is returned with its `FILE:LINE` and what disagreed, to be listed as not used.
pub(super) fn take_contradicted(sources: &mut Vec<Source>) -> Vec<(String, RecordFailure)> {
    use std::collections::HashMap;
    let mut verdicts: HashMap<&str, Verdicts<'_>> = HashMap::new();
    for s in sources.iter() {
        let entry = verdicts.entry(s.facts.sha256.as_str()).or_default();
        match &s.recorded_in {
            None => entry.0 = entry.0.or(Some(s.verdict)),
            Some(at) => entry.1.push((s.verdict, at)),
        }
    }
    let mut reasons: HashMap<String, RecordFailure> = HashMap::new();
    for (sha, (fresh, recorded)) in &verdicts {
        let sha256 = sha.get(..16).unwrap_or(sha).to_string();
        match fresh {
            Some(now) => {
                for (says, at) in recorded.iter().filter(|(v, _)| v != now) {
                    let why = RecordFailure::DisagreesWithThisRun {
                        says: says.name(),
                        now: now.name(),
                        sha256: sha256.clone(),
                    };
                    reasons.insert(at.to_string(), why);
                }
            }
            None if recorded.iter().any(|(v, _)| Some(v) != recorded.first().map(|f| &f.0)) => {
                let verdicts: Vec<(&'static str, String)> =
                    recorded.iter().map(|(v, at)| (v.name(), at.to_string())).collect();
                let why = RecordFailure::RecordsDisagree { sha256, verdicts };
                for (_, at) in recorded {
                    reasons.insert(at.to_string(), why.clone());
                }
            }
            None => {}
        }
    }
    if reasons.is_empty() {
        return Vec::new();
    }
    let mut taken = Vec::new();
    sources.retain(|s| match s.recorded_in.as_ref().and_then(|at| reasons.remove(at)) {
        Some(why) => {
            taken.push((s.recorded_in.clone().unwrap_or_default(), why));
            false
        }
        None => true,
    });
    taken
}

/// The kind verify gives an input it could not read.
const UNREADABLE: &str = "unreadable";

#[cfg(test)]
mod tests {
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
    fn bad_lines_are_named_and_the_rest_is_read() {
        let text = "{\"type\":\"summary\",\"data\":{}}\nnot json\n\n{\"type\":\"artefact\",\"data\":{\"path\":\"x.eml\",\"kind\":\"accettazione\",\"receipt_type\":null,\"verdict\":\"valid\",\"problems\":[],\"certified\":null}}\n";
        let (sources, failures) = read(text, 1 << 20);
        assert!(sources.is_empty());
        assert_eq!(failures.len(), 2, "{failures:?}");
        assert_eq!(failures[0].0, "a.jsonl:2");
        assert!(
            matches!(&failures[0].1, ReadFailure::Record(RecordFailure::NotARecord(w)) if w.starts_with("not JSON"))
        );
        assert_eq!(failures[1], ("a.jsonl:4".into(), ReadFailure::Record(RecordFailure::NoFacts)));
    }

    #[test]
    fn a_file_that_does_not_start_with_a_record_is_named_once() {
        // Mail, a JSON document: one failure for the file, at its first line.
        for text in [
            "Return-Path: <a@b>\nFrom: a@b\n\nbody\n",
            "{\n  \"schema_version\": 1,\n  \"x\": []\n}\n",
        ] {
            let (sources, failures) = read(text, 1 << 20);
            assert!(sources.is_empty());
            assert_eq!(failures.len(), 1, "{failures:?}");
            assert_eq!(failures[0].0, "a.jsonl:1");
            assert!(matches!(failures[0].1, ReadFailure::Record(RecordFailure::NotRecords(_))));
        }
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
    fn an_overlong_line_is_refused_and_the_next_one_read() {
        let text = format!("{}\nnot json\n", "x".repeat(100));
        let (_, failures) = read(&text, 50);
        assert_eq!(failures.len(), 2, "{failures:?}");
        assert_eq!(failures[0], ("a.jsonl:1".into(), ReadFailure::Record(RecordFailure::TooLong)));
        assert_eq!(failures[1].0, "a.jsonl:2");
    }
}
