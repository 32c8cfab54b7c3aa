//! The hash files of a breve delivery receipt (docs/pec-spec.md §2.4): the receipt carries, instead
//! of each attachment, a file stating its digest, in a format the rules do not fix.

use serde::Serialize;

use super::decode;

/// A digest stated in a hash file.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct StatedDigest {
    /// sha1, sha256, sha384 or sha512 (from the digest length).
    pub algorithm: &'static str,
    /// Lower-case hex.
    pub hex: String,
}

/// The digest algorithms a stated digest can be.
const ALGORITHMS: &[&str] = &["sha1", "sha256", "sha384", "sha512"];

/// A stated digest as JSON writes it, read back (`verify --format jsonl` read by `evidence`).
#[derive(serde::Deserialize)]
struct WrittenDigest {
    algorithm: String,
    hex: String,
}

// By hand: a derive would ask the input to outlive `'static` for the `&'static str`.
impl<'de> serde::Deserialize<'de> for StatedDigest {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<StatedDigest, D::Error> {
        use serde::de::Error;
        let w = WrittenDigest::deserialize(d)?;
        let algorithm =
            ALGORITHMS.iter().copied().find(|a| *a == w.algorithm).ok_or_else(|| {
                D::Error::custom(format!("unknown digest algorithm {:?}", w.algorithm))
            })?;
        Ok(StatedDigest { algorithm, hex: w.hex })
    }
}

/// The attachment a hash file stands for: its name without a hash-like suffix.
pub fn attachment_name_for_hash(name: &str) -> String {
    for suffix in [".hash", ".sha256", ".sha1", ".sha", ".txt"] {
        if name.len() > suffix.len() && name.to_ascii_lowercase().ends_with(suffix) {
            return name.get(..name.len() - suffix.len()).unwrap_or(name).to_string();
        }
    }
    name.to_string()
}

/// Digests stated in a hash file: hex runs of 40/64/96/128 digits, and base64 runs that decode
/// to 20/32/48/64 bytes (docs/pec-spec.md §2.4: the format is not specified, so both are accepted).
pub fn stated_digests(bytes: &[u8]) -> Vec<StatedDigest> {
    let text = String::from_utf8_lossy(bytes);
    let mut out: Vec<StatedDigest> = Vec::new();
    let algorithm = |len: usize| match len {
        20 => Some("sha1"),
        32 => Some("sha256"),
        48 => Some("sha384"),
        64 => Some("sha512"),
        _ => None,
    };
    for token in
        text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '+' || c == '/' || c == '='))
    {
        if token.is_empty() {
            continue;
        }
        let digest = if token.chars().all(|c| c.is_ascii_hexdigit()) && token.len() % 2 == 0 {
            hex::decode(token).ok()
        } else {
            decode::base64_lenient(token.as_bytes())
        };
        if let Some(d) = digest
            && let Some(alg) = algorithm(d.len())
        {
            let hex = hex::encode(&d);
            if !out.iter().any(|s| s.hex == hex) {
                out.push(StatedDigest { algorithm: alg, hex });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    #[test]
    fn digests_are_found_in_hex_and_base64() {
        let sha256 = hex::encode(Sha256::digest(b"abc"));
        let b64 = {
            use base64::Engine;
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"abc"))
        };
        let text = format!("SHA-256: {sha256}\nbase64: {b64}\n");
        let found = stated_digests(text.as_bytes());
        assert_eq!(found, vec![StatedDigest { algorithm: "sha256", hex: sha256 }]);
    }

    #[test]
    fn hash_file_names_lose_their_suffix() {
        assert_eq!(attachment_name_for_hash("atto.pdf.hash"), "atto.pdf");
        assert_eq!(attachment_name_for_hash("atto.pdf"), "atto.pdf");
    }
}
