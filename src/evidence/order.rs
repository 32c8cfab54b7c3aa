//! The one order of evidence: messages, their files and the files of no message come out
//! the same whatever order the inputs were named in or their records merged in.

use super::model::{EvidenceReport, Source, SourceFile};

/// What orders a message, a few bytes each: when it was sent, the artefact its Message-ID
/// comes from, its first file (by [`proof_order`]), and its place among the groups.
pub(super) type MessageKey = (Option<jiff::Timestamp>, Option<u32>, Option<u32>, u32);

/// Which of two files comes first: the earlier certified time (none last), then the path,
/// then the SHA-256 (two shards' files of one path), then the record (a file verified now
/// first; records files named twice, or shards that overlap).
pub(super) fn proof_order(s: &Source) -> impl Ord + '_ {
    let at = s.daticert.as_deref().and_then(|d| d.data.as_ref()).map(|t| t.utc);
    (at.is_none(), at, s.path.as_str(), s.facts.sha256.as_str(), record_order(&s.recorded_in))
}

/// Orders records by `FILE:LINE`, the line as a number (`a.jsonl:9` before `a.jsonl:10`); no
/// record first.
fn record_order(recorded_in: &Option<String>) -> Option<(&str, u64)> {
    recorded_in.as_deref().map(|at| match at.rsplit_once(':') {
        Some((file, line)) => (file, line.parse().unwrap_or(u64::MAX)),
        None => (at, 0),
    })
}

impl EvidenceReport {
    /// Adds files that belong to no message, keeping them all in one order: by path, then
    /// SHA-256, then record, never in the order the inputs came.
    pub fn add_unmatched(&mut self, files: impl IntoIterator<Item = SourceFile>) {
        self.unmatched.extend(files);
        self.unmatched.sort_by(|a, b| {
            (&a.path, &a.sha256, record_order(&a.recorded_in)).cmp(&(
                &b.path,
                &b.sha256,
                record_order(&b.recorded_in),
            ))
        });
    }
}
