//! Resource limits: a budget for hostile input.
//!
//! Every number says where it comes from. Exceeding one is [`crate::error::Error::LimitExceeded`]
//! when nothing can be evaluated, or the `limit-exceeded` problem when part of an artefact
//! was skipped.

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
