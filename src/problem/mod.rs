//! Problems: named findings about an artefact.
//!
//! A problem is data about the artefact, part of its verdict, never an error. Each code is a
//! stable kebab-case name that appears in the JSON output and never changes with the language.
//! Adding a code is not a breaking change; renaming or removing one is.

use crate::limits::Limit;
pub use code::{ProblemCode, Severity, Verdict};

pub mod code;
use serde::{Deserialize, Serialize};

/// One finding about an artefact. Read back from JSON (`evidence` over `verify --format
/// jsonl`) it has its code, severity and English message, and no typed finding: the
/// catalogue then says the code's general text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Stable code.
    #[serde(serialize_with = "serialize_code", deserialize_with = "deserialize_code")]
    pub code: ProblemCode,
    /// Severity (normally the code's default).
    pub severity: Severity,
    /// English explanation with the specifics (values, names).
    pub message: String,
    /// For `limit-exceeded`: which limit (the command line names the flag that changes it).
    #[serde(skip)]
    pub limit: Option<Limit>,
    /// What was found, typed, so that the catalogue can say it in any language.
    #[serde(skip)]
    pub finding: Option<crate::finding::Finding>,
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
