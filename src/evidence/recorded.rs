//! Evidence from records: the JSONL that `verify --format jsonl` writes, read back so that the
//! evidence of a sharded archive needs no second pass over the mail (issue #17). A record is
//! unsigned: what it says was true of the file when that peckit verified it. Each source
//! read from one keeps the record it came from (`FILE:LINE`), and the evidence names the
//! peckit versions whose verdicts it repeats.

use std::io::BufRead;

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
    Summary(serde::de::IgnoredAny),
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
}

/// An error reading the records themselves (the file, not one line).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct RecordError(#[from] pub std::io::Error);

/// Reads the artefact records of one JSONL file in order, handing what each line gives to
/// `each`; summary lines are skipped. A line longer than `max_line` bytes is refused without
/// being held.
pub fn read_records(
    reader: impl BufRead,
    label: &str,
    max_line: u64,
    mut each: impl FnMut(Recorded),
) -> Result<(), RecordError> {
    let mut reader = reader;
    let mut line = Vec::new();
    let mut number = 0usize;
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
            each(Recorded::Failure(at, ReadFailure::Record(RecordFailure::TooLong)));
            continue;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Line>(&line) {
            Ok(Line::Summary(_)) => {}
            Ok(Line::Artefact(record)) => each(record.into_recorded(at)),
            Err(e) => each(Recorded::Failure(
                at,
                ReadFailure::Record(RecordFailure::NotARecord(e.to_string())),
            )),
        }
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

/// The kind verify gives an input it could not read.
const UNREADABLE: &str = "unreadable";

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn read(text: &str, max_line: u64) -> (Vec<Source>, Vec<(String, ReadFailure)>) {
        let (mut sources, mut failures) = (Vec::new(), Vec::new());
        read_records(text.as_bytes(), "a.jsonl", max_line, |r| match r {
            Recorded::Source(s) => sources.push(*s),
            Recorded::Failure(at, f) => failures.push((at, f)),
            Recorded::Unreadable(f) => panic!("{f:?}"),
        })
        .unwrap();
        (sources, failures)
    }

    #[test]
    fn bad_lines_are_named_and_the_rest_is_read() {
        let text = "not json\n{\"type\":\"summary\",\"data\":{}}\n\n{\"type\":\"artefact\",\"data\":{\"path\":\"x.eml\",\"kind\":\"accettazione\",\"receipt_type\":null,\"verdict\":\"valid\",\"problems\":[],\"certified\":null}}\n";
        let (sources, failures) = read(text, 1 << 20);
        assert!(sources.is_empty());
        assert_eq!(failures.len(), 2, "{failures:?}");
        assert_eq!(failures[0].0, "a.jsonl:1");
        assert!(matches!(failures[0].1, ReadFailure::Record(RecordFailure::NotARecord(_))));
        assert_eq!(failures[1], ("a.jsonl:4".into(), ReadFailure::Record(RecordFailure::NoFacts)));
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
