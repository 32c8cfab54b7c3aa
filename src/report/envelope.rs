//! The one JSON envelope of every document peckit prints: `schema_version` (the document's
//! own, bumped only for a breaking change), `peckit_version`, then the items, then what closes
//! the document (a summary, the unmatched files). Written item by item (see
//! [`JsonDocument`]), so memory does not grow with the number of items.

use std::io::{self, Write};

use super::json::JsonDocument;

/// A kind of JSON document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Envelope {
    /// Its schema version (docs/*.schema.json).
    pub schema_version: u32,
    /// The key of its item array.
    pub items: &'static str,
}

/// `peckit verify --format json` (docs/verify.schema.json).
pub const VERIFY: Envelope = Envelope { schema_version: 2, items: "artefacts" };
/// `peckit inspect --format json`.
pub const INSPECT: Envelope = Envelope { schema_version: 2, items: "artefacts" };
/// `peckit evidence --format json` (docs/evidence.schema.json).
pub const EVIDENCE: Envelope = Envelope { schema_version: 2, items: "messages" };
/// `peckit trust list --format json` (docs/trust.schema.json).
pub const TRUST: Envelope = Envelope { schema_version: 1, items: "anchors" };

impl Envelope {
    /// Writes the head and opens the item array.
    pub fn start<W: Write>(&self, out: &mut W) -> io::Result<JsonDocument> {
        JsonDocument::start(
            out,
            &[
                ("schema_version", &self.schema_version),
                ("peckit_version", &env!("CARGO_PKG_VERSION")),
            ],
            self.items,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_document_opens_the_same_way() {
        for envelope in [VERIFY, INSPECT, EVIDENCE, TRUST] {
            let mut out = Vec::new();
            let doc = envelope.start(&mut out).unwrap();
            doc.finish(&mut out, &[]).unwrap();
            let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
            assert_eq!(value["schema_version"], envelope.schema_version);
            assert_eq!(value["peckit_version"], env!("CARGO_PKG_VERSION"));
            assert!(value[envelope.items].as_array().unwrap().is_empty());
        }
    }
}
