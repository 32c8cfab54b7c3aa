//! Problems: named findings about an artefact.
//!
//! A problem is data about the artefact, part of its verdict, never an error. Each code is a
//! stable kebab-case name that appears in the JSON output and never changes with the language.
//! Adding a code is not a breaking change; renaming or removing one is.

use crate::finding::Finding;
use crate::limits::Limit;
pub use code::{ProblemCode, Severity, Verdict};

pub mod code;
use serde::{Deserialize, Serialize};

/// One finding about an artefact. Read back from JSON (`evidence` over `verify --format
/// jsonl`) it has its code, severity, English message and the record's `finding` when this
/// peckit can read it. It is read from JSON text only (serde_json's reader): the finding
/// is kept as raw JSON until it is known to be short enough to take apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "RecordedProblem")]
pub struct Problem {
    /// Stable code.
    #[serde(serialize_with = "serialize_code")]
    pub code: ProblemCode,
    /// Severity (normally the code's default).
    pub severity: Severity,
    /// English explanation with the specifics (values, names).
    pub message: String,
    /// For `limit-exceeded`: which limit (the command line names the flag that changes it).
    #[serde(skip)]
    pub limit: Option<Limit>,
    /// What was found, typed, so that the catalogue can say it in any language. In JSON, in
    /// peckit's own shape (not a contract): it lets `evidence` over records say the
    /// specifics in Italian too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finding: Option<Finding>,
}

/// A problem as a record states it.
#[derive(Deserialize)]
struct RecordedProblem {
    #[serde(deserialize_with = "deserialize_code")]
    code: ProblemCode,
    severity: Severity,
    message: String,
    /// Kept as text first: a finding this peckit cannot read (another version's shape, one
    /// past [`MAX_RECORDED_FINDING`]) costs only its specifics, not the record.
    #[serde(default)]
    finding: Option<Box<serde_json::value::RawValue>>,
}

/// The longest finding read back from a record. Findings peckit writes are a few hundred
/// bytes (names, dates); a longer one is not worth a tree of it in memory.
pub const MAX_RECORDED_FINDING: usize = 64 * 1024;

impl From<RecordedProblem> for Problem {
    /// Whether the finding agrees with the rest of the record is judged where records are
    /// read (`evidence::recorded`), which has the words to compare.
    fn from(recorded: RecordedProblem) -> Problem {
        let finding = recorded
            .finding
            .filter(|raw| raw.get().len() <= MAX_RECORDED_FINDING)
            .and_then(|raw| serde_json::from_str::<Finding>(raw.get()).ok());
        Problem {
            code: recorded.code,
            severity: recorded.severity,
            message: recorded.message,
            limit: finding.as_ref().and_then(Finding::limit),
            finding,
        }
    }
}

fn serialize_code<S: serde::Serializer>(code: &ProblemCode, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(code.code())
}

fn deserialize_code<'de, D: serde::Deserializer<'de>>(d: D) -> Result<ProblemCode, D::Error> {
    use serde::de::Error;
    let code = String::deserialize(d)?;
    ProblemCode::from_code(&code)
        .ok_or_else(|| D::Error::custom(format!("unknown problem code {code:?}")))
}

impl Problem {
    /// A problem with the code's default severity.
    pub fn new(code: ProblemCode, message: impl Into<String>) -> Problem {
        Problem {
            code,
            severity: code.severity(),
            message: message.into(),
            limit: None,
            finding: None,
        }
    }

    /// A `limit-exceeded` problem: `limit` stopped part of the work.
    pub fn over_limit(limit: Limit, message: impl Into<String>) -> Problem {
        Problem { limit: Some(limit), ..Problem::new(ProblemCode::LimitExceeded, message) }
    }

    /// Whether this problem makes the artefact invalid.
    pub fn is_fatal(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts problems so the most specific failure comes first.
pub fn rank_problems(problems: &mut [Problem]) {
    problems.sort_by_key(|p| (std::cmp::Reverse(p.severity), p.code.rank()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_kebab_case_and_round_trip() {
        let mut seen = HashSet::new();
        for &code in ProblemCode::ALL {
            let name = code.code();
            assert!(seen.insert(name), "duplicate code {name}");
            assert!(name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{name}");
            assert_eq!(ProblemCode::from_code(name), Some(code));
        }
        let ranks: HashSet<u8> = ProblemCode::ALL.iter().map(|c| c.rank()).collect();
        assert_eq!(ranks.len(), ProblemCode::ALL.len(), "ranks must be unique");
    }

    #[test]
    fn a_recorded_finding_that_does_not_fit_costs_only_its_specifics() {
        let record = |finding: &str| {
            let line = format!(
                r#"{{"code":"untrusted","severity":"error","message":"words","finding":{finding}}}"#
            );
            serde_json::from_str::<Problem>(&line).unwrap()
        };
        // Another version's shape, not a finding at all.
        for finding in
            [r#"{"no-issuer":{"subject":"CN=a"}}"#, r#"{"a-finding-of-tomorrow":{"x":1}}"#, "[1,2]"]
        {
            let problem = record(finding);
            assert_eq!(problem.finding, None, "{finding}");
            assert_eq!((problem.code, problem.message.as_str()), (ProblemCode::Untrusted, "words"));
        }
        assert!(record(r#""no-trust-anchors""#).finding.is_some());
        // Longer than any finding peckit writes: not taken apart.
        let long =
            format!(r#"{{"no-issuer":{{"subject":"{}","issuer":"CN=b"}}}}"#, "a".repeat(70_000));
        assert!(long.len() > MAX_RECORDED_FINDING);
        assert_eq!(record(&long).finding, None);
        assert!(record(&long.replace(&"a".repeat(70_000), "CN=a")).finding.is_some());
    }

    #[test]
    fn ranking_puts_errors_first() {
        let mut problems = vec![
            Problem::new(ProblemCode::CertExpiredNow, "x"),
            Problem::new(ProblemCode::MsgidMismatch, "x"),
            Problem::new(ProblemCode::Untrusted, "x"),
            Problem::new(ProblemCode::ContentAltered, "x"),
        ];
        rank_problems(&mut problems);
        let codes: Vec<_> = problems.iter().map(|p| p.code).collect();
        assert_eq!(
            codes,
            [
                ProblemCode::ContentAltered,
                ProblemCode::Untrusted,
                ProblemCode::MsgidMismatch,
                ProblemCode::CertExpiredNow
            ]
        );
    }
}
