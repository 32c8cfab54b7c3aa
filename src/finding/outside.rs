//! What lies outside the signed entity, as data (its words: `catalogue/outside.rs`).

use serde::{Deserialize, Serialize};

/// Something PEC-like that lies outside the signed entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outside {
    /// A third (or later) part inside multipart/signed.
    ExtraSignedPart {
        /// Its content type.
        content_type: String,
        /// Its MIME path.
        mime_path: String,
    },
    /// A postacert.eml outside the signature.
    Postacert {
        /// Its MIME path.
        mime_path: String,
    },
    /// A daticert.xml outside the signature.
    Daticert {
        /// Its MIME path.
        mime_path: String,
    },
    /// A multipart's preamble that holds more than a sentence (a header block, a delimiter,
    /// several lines) where no signature covers it: a message put before the first part.
    Preamble {
        /// The multipart's MIME path.
        mime_path: String,
        /// How many bytes, from its first to its last that is not blank.
        bytes: usize,
    },
    /// Text after a multipart's closing boundary (its epilogue) where no signature covers
    /// it: bytes appended to the file, a whole message at times, which readers ignore.
    Epilogue {
        /// The multipart's MIME path.
        mime_path: String,
        /// How many bytes, from its first to its last that is not blank.
        bytes: usize,
    },
}
