//! Resource limits: a budget for hostile input.
//!
//! Every number says where it comes from. Exceeding one is [`crate::error::Error::LimitExceeded`]
//! when nothing can be evaluated, or the `limit-exceeded` problem when part of an artefact
//! was skipped.

use serde::{Deserialize, Serialize};

/// Budget applied while reading one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted, in bytes. PEC caps a message at 30 MB (RFC 6109 §3.1.1);
    /// 100 MB leaves room for base64 overhead and mailbox framing.
    pub max_input_bytes: u64,
    /// Deepest MIME multipart nesting. Real PEC envelopes nest 3-4 levels; 64 is generous
    /// and keeps recursion bounded.
    pub max_mime_depth: usize,
    /// Most MIME parts in one artefact.
    pub max_parts: usize,
    /// Deepest chain of nested artefacts (an anomaly around an envelope around a forward).
    pub max_nested_artefacts: usize,
    /// Largest daticert.xml, in bytes. Real ones are under 2 KB.
    pub max_daticert_bytes: usize,
    /// Longest header block of one entity, in bytes. RFC 5322 §2.1.1 caps a line at 998
    /// characters; real PEC headers (with Received chains) stay under 20 KB.
    pub max_header_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 100 * 1024 * 1024,
            max_mime_depth: 64,
            max_parts: 10_000,
            max_nested_artefacts: 8,
            max_daticert_bytes: 1024 * 1024,
            max_header_bytes: 1024 * 1024,
        }
    }
}

/// Which limit an input or part of it went over: errors and problems name the limit, and the
/// command line maps it to the flag that changes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "kebab-case")]
pub enum Limit {
    /// [`Limits::max_input_bytes`] for a whole input.
    InputSize,
    /// [`Limits::max_input_bytes`] for one message of a zip archive or an mbox.
    MessageSize,
    /// [`Limits::max_mime_depth`].
    MimeDepth,
    /// [`Limits::max_parts`].
    MimeParts,
    /// [`Limits::max_header_bytes`].
    HeaderSize,
    /// [`Limits::max_nested_artefacts`].
    Nesting,
    /// [`Limits::max_daticert_bytes`].
    DaticertSize,
    /// The memory budget for what reading copies out of one input (twice its size).
    CopyBudget,
    /// The signature checks allowed while building one certificate path.
    PathSignatureChecks,
}

impl Limit {
    /// What the limit measures, for messages ("input size").
    pub fn what(self) -> &'static str {
        match self {
            Limit::InputSize => "input size",
            Limit::MessageSize => "message size",
            Limit::MimeDepth => "MIME nesting depth",
            Limit::MimeParts => "number of MIME parts",
            Limit::HeaderSize => "header block size",
            Limit::Nesting => "nested artefact depth",
            Limit::DaticertSize => "daticert.xml size",
            Limit::CopyBudget => "memory budget of one input",
            Limit::PathSignatureChecks => "signature checks per certificate path",
        }
    }
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.what())
    }
}
