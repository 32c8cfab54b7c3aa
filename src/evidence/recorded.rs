//! Evidence from records: the JSONL that `verify --format jsonl` writes, read back so that the
//! evidence of a sharded archive needs no second pass over the mail (issue #17). A record is
//! unsigned: what it says was true of the file when that peckit verified it. Each source
//! read from one keeps the record it came from (`FILE:LINE`), and the evidence names the
//! peckit versions whose verdicts it repeats.

use std::io::BufRead;
use std::ops::ControlFlow;

use serde::Deserialize;

use super::model::{Facts, Source, SourceFile};
use crate::catalogue::Lang;
use crate::certify::assess::Verdict;
use crate::error::{LineFault, ReadFailure, RecordFailure};
use crate::problem::Problem;
use crate::read::Kind;
use crate::read::daticert::DatiCert;

/// One JSONL line as `verify` writes it.
enum Line {
    Artefact(Box<Record>),
    Summary(SummaryRecord),
}

/// A line with its data left as text until its type is known. `verify` writes the data
/// before the type, so reading the line as a tagged enum held the whole data as a tree
/// first: a crafted 20 MB line took 850 MB.
#[derive(Deserialize)]
struct RawLine<'a> {
    #[serde(rename = "type")]
    kind: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    data: &'a serde_json::value::RawValue,
}

impl Line {
    fn parse(text: &[u8]) -> Result<Line, serde_json::Error> {
        let line: RawLine<'_> = serde_json::from_slice(text)?;
        let data = line.data.get();
        match line.kind.as_ref() {
            "artefact" => serde_json::from_str(data).map(|r| Line::Artefact(Box::new(r))),
            "summary" => serde_json::from_str(data).map(Line::Summary),
            other => Err(serde::de::Error::unknown_variant(other, &["artefact", "summary"])),
        }
    }
}

/// What evidence reads of a run's summary: whether the run was cut short, and how many
/// artefacts it recorded.
#[derive(Deserialize)]
struct SummaryRecord {
    #[serde(default)]
    interrupted: bool,
    #[serde(default)]
    total: Option<usize>,
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
    /// What an artefact whose data is not certified states (records written before this key
    /// held it under `certified`, and are read the same way).
    #[serde(default)]
    daticert_unverified: Option<DatiCert>,
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
    /// A run that stopped before it read every input: its summary saying so, or its first
    /// record when no summary follows its records (killed, out of space) (`FILE:LINE`).
    /// What it did not read is missing from the records.
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
    // The first record since the last summary, and how many came since: a run writes its
    // summary last, so records with none after them come from a run that did not finish,
    // and a summary that counts fewer records than came before it closes only its own run's
    // (shards merged with `cat`, one of them killed: review 15).
    let mut unsummarised: Option<String> = None;
    let mut since_summary = 0usize;
    loop {
        line.clear();
        number += 1;
        let read = std::io::Read::take(&mut reader, max_line.saturating_add(1))
            .read_until(b'\n', &mut line)?;
        if read == 0 {
            if let Some(first) = unsummarised {
                let _ = each(Recorded::Interrupted(first));
            }
            return Ok(());
        }
        let at = format!("{label}:{number}");
        if u64::try_from(line.len()).unwrap_or(u64::MAX) > max_line {
            // Perhaps a record (a line too long says nothing of what the file is); a line
            // that does not end within a few times the limit ends the reading (an endless
            // input: `/dev/zero`, a pipe that never sends a line break).
            seen_record = true;
            unsummarised.get_or_insert_with(|| at.clone());
            since_summary += 1;
            let ended = skip_rest_of_line(&mut reader, max_line.saturating_mul(4))?;
            let flow = each(Recorded::Failure(at, ReadFailure::Record(RecordFailure::TooLong)));
            if flow.is_break() || !ended {
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
        let parsed = Line::parse(text);
        let flow = match parsed {
            Ok(Line::Summary(summary)) => {
                let first = unsummarised.take();
                let counted = std::mem::take(&mut since_summary);
                if summary.interrupted {
                    each(Recorded::Interrupted(at))
                } else if summary.total.is_some_and(|total| total != counted) {
                    // Records of another run before this one's, or records lost: either way
                    // what a run read is not all here.
                    each(Recorded::Interrupted(first.unwrap_or(at)))
                } else {
                    ControlFlow::Continue(())
                }
            }
            Ok(Line::Artefact(record)) => {
                unsummarised.get_or_insert_with(|| at.clone());
                since_summary += 1;
                each(record.into_recorded(at))
            }
            // Mail, or a JSON document's `{` alone: not records at all. A first line that
            // opens like a record but breaks (cut short, edited) is one bad line.
            Err(e) if !seen_record && !text.trim_ascii_start().starts_with(b"{\"") => {
                let failure = RecordFailure::NotRecords(line_fault(text, &e));
                let _ = each(Recorded::Failure(at, ReadFailure::Record(failure)));
                return Ok(());
            }
            // A bad line stands where a record stood (cut short, edited): the summary counted it.
            Err(e) => {
                since_summary += 1;
                each(Recorded::Failure(
                    at,
                    ReadFailure::Record(RecordFailure::NotARecord(line_fault(text, &e))),
                ))
            }
        };
        seen_record = true;
        if flow.is_break() {
            return Ok(());
        }
    }
}

/// Why a line is not a record, as data for the catalogue's words.
fn line_fault(line: &[u8], e: &serde_json::Error) -> LineFault {
    use serde_json::error::Category;
    if matches!(line.trim_ascii(), b"{" | b"[") {
        return LineFault::JsonDocument;
    }
    let text = e.to_string();
    let text = text.split(" at line ").next().unwrap_or(&text);
    match e.classify() {
        Category::Syntax | Category::Eof => LineFault::NotJson,
        // JSON that is not an object, or an object of another type.
        Category::Data
            if !line.trim_ascii_start().starts_with(b"{")
                || text.contains("struct RawLine")
                || text.contains("variant") =>
        {
            LineFault::NotALine
        }
        _ => match text.strip_prefix("missing field `").and_then(|f| f.strip_suffix('`')) {
            Some(field) => LineFault::MissingField(field.to_string()),
            None => LineFault::Other(text.to_string()),
        },
    }
}

/// Skips to the next line, reading at most `budget` bytes: whether the line ended (or the
/// input) within them.
fn skip_rest_of_line(reader: &mut impl BufRead, budget: u64) -> std::io::Result<bool> {
    let mut skipped = 0u64;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(true);
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(true);
            }
            None => {
                let n = buf.len();
                reader.consume(n);
                skipped = skipped.saturating_add(u64::try_from(n).unwrap_or(u64::MAX));
                if skipped > budget {
                    return Ok(false);
                }
            }
        }
    }
}

impl Record {
    fn into_recorded(mut self, at: String) -> Recorded {
        self.problems.iter_mut().for_each(keep_finding_if_it_agrees);
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
                // A kind peckit does not know is named by the daticert's own tipo.
                match Kind::from_name(&self.kind) {
                    Kind::Unknown(_) => Kind::Unknown(
                        self.certified
                            .as_ref()
                            .or(self.daticert_unverified.as_ref())
                            .and_then(|d| d.tipo.as_deref())
                            .unwrap_or_default()
                            .trim()
                            .to_string(),
                    ),
                    known => known,
                },
                // Grouping needs the ids of a file whose signature failed too; the verdict
                // says whether they are certified.
                self.certified
                    .as_ref()
                    .or(self.daticert_unverified.as_ref())
                    .map(|d| Box::new(d.into())),
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

/// A recorded problem keeps its typed finding (the specifics the Italian page says) only
/// when the finding says exactly what its English message says: verify writes the message
/// from the finding, so any other finding (another code's, an edited one, one nested
/// where verify nests none) would make the two languages state different things. Without
/// it the catalogue says the code's general words.
fn keep_finding_if_it_agrees(problem: &mut Problem) {
    let agrees = problem.finding.as_ref().is_some_and(|finding| {
        finding.code() == problem.code && finding.text(Lang::En) == problem.message
    });
    if !agrees {
        problem.finding = None;
        problem.limit = None;
    }
}

impl Record {
    /// What makes a record with facts contradict itself, if anything: verify writes `valid`
    /// only without an error, and `error` only for an input it could not read (no facts).
    fn contradiction(&self) -> Option<RecordFailure> {
        if self.evidence.as_ref().is_some_and(|f| !is_a_version(&f.peckit)) {
            return Some(RecordFailure::NotAVersion);
        }
        match self.verdict {
            Verdict::Valid => self
                .problems
                .iter()
                .find(|p| p.is_fatal() || p.code.severity() == crate::problem::Severity::Error)
                .map(|p| RecordFailure::ValidWithError(p.code.code().to_string())),
            Verdict::Error => Some(RecordFailure::ErrorWithFacts),
            Verdict::Invalid => None,
        }
    }
}

/// Whether `text` is a peckit version as `verify` writes it: "X.Y.Z (commit HEX)", the commit
/// "unknown" when built outside git, a pre-release suffix allowed.
fn is_a_version(text: &str) -> bool {
    let Some((version, rest)) = text.split_once(" (commit ") else { return false };
    let Some(commit) = rest.strip_suffix(')') else { return false };
    let (release, pre) = version.split_once('-').unwrap_or((version, ""));
    let numbers: Vec<&str> = release.split('.').collect();
    numbers.len() == 3
        && numbers.iter().all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        && pre.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.')
        && (commit == "unknown"
            || (7..=40).contains(&commit.len()) && commit.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Per SHA-256: the file verified in this run, if it was, and the records of it with their
/// `FILE:LINE`.
type Judged<'a> = (Option<&'a Source>, Vec<(&'a Source, &'a str)>);

/// Whether two sources of the same bytes say the same: kind, verdict, daticert, times,
/// provider, attachments (not the path, the problems' wording or the peckit that wrote them).
fn say_the_same(a: &Source, b: &Source) -> bool {
    let (x, y) = (&a.facts, &b.facts);
    a.kind == b.kind
        && a.receipt_type == b.receipt_type
        && a.rem_event == b.rem_event
        && a.daticert == b.daticert
        && x.provider == y.provider
        && x.signing_time == y.signing_time
        && x.intact_inside_altered == y.intact_inside_altered
        && x.attachments == y.attachments
        && x.stated_digests == y.stated_digests
}

/// Takes out of `sources` the records that disagree with another judgement of the same bytes
/// (the file's SHA-256) on the verdict or on what is certified: a file verified in this run
/// keeps its own and the records that disagree with it go; records that disagree among
/// themselves all go. Each is returned with its `FILE:LINE` and what disagreed, to be listed
/// as not used.
pub(super) fn take_contradicted(sources: &mut Vec<Source>) -> Vec<(String, RecordFailure)> {
    use std::collections::HashMap;
    let mut judged: HashMap<&str, Judged<'_>> = HashMap::new();
    for s in sources.iter() {
        let entry = judged.entry(s.facts.sha256.as_str()).or_default();
        match &s.recorded_in {
            None => entry.0 = entry.0.or(Some(s)),
            Some(at) => entry.1.push((s, at)),
        }
    }
    let mut reasons: HashMap<String, RecordFailure> = HashMap::new();
    for (sha, (fresh, recorded)) in &judged {
        let sha256 = sha.get(..16).unwrap_or(sha).to_string();
        match fresh {
            Some(now) => {
                for (record, at) in recorded {
                    let why = if record.verdict != now.verdict {
                        RecordFailure::DisagreesWithThisRun {
                            says: record.verdict.name(),
                            now: now.verdict.name(),
                            sha256: sha256.clone(),
                        }
                    } else if !say_the_same(record, now) {
                        RecordFailure::OtherFacts { sha256: sha256.clone(), other: None }
                    } else {
                        continue;
                    };
                    reasons.insert(at.to_string(), why);
                }
            }
            None => {
                let Some((first, _)) = recorded.first() else { continue };
                if recorded.iter().any(|(r, _)| r.verdict != first.verdict) {
                    let verdicts: Vec<(&'static str, String)> =
                        recorded.iter().map(|(r, at)| (r.verdict.name(), at.to_string())).collect();
                    let why = RecordFailure::RecordsDisagree { sha256, verdicts };
                    for (_, at) in recorded {
                        reasons.insert(at.to_string(), why.clone());
                    }
                } else if let Some((_, differing)) =
                    recorded.iter().find(|(r, _)| !say_the_same(r, first))
                {
                    // All of them go: which one is true is not known without the file.
                    for (record, at) in recorded {
                        let other = if say_the_same(record, first) {
                            differing
                        } else {
                            recorded.first().map_or("", |(_, at)| *at)
                        };
                        let why = RecordFailure::OtherFacts {
                            sha256: sha256.clone(),
                            other: Some(other.to_string()),
                        };
                        reasons.insert(at.to_string(), why);
                    }
                }
            }
        }
    }
    if reasons.is_empty() {
        return Vec::new();
    }
    // Every copy of a record goes (a file of records named twice gives each line twice);
    // each is named once.
    sources.retain(|s| !s.recorded_in.as_ref().is_some_and(|at| reasons.contains_key(at)));
    let mut taken: Vec<(String, RecordFailure)> = reasons.into_iter().collect();
    taken.sort_by(|a, b| a.0.cmp(&b.0));
    taken
}

/// The kind verify gives an input it could not read.
const UNREADABLE: &str = "unreadable";

#[cfg(test)]
mod tests;
