//! What a CMS signature's digest covers: the signed bytes as stored, or in canonical CRLF
//! form when a detached content was stored LF-only (docs/crypto-notes.md step 5).

use super::super::crypto::{DigestAlg, digest_canonical};
use crate::read::SignedForm;

/// RFC 5652 §5.4 / §11.2: the digest of the content, compared with `messageDigest`.
/// Returns (matches, canonicalised). Stored PEC files are often LF-only while the signature
/// covers the CRLF form (docs/crypto-notes.md step 5, docs/pec-spec.md Q2): such files are
/// hashed in canonical form, files with CRLF as they are, and the other form is tried as a
/// fallback.
pub(super) fn content_matches(
    alg: DigestAlg,
    content: &[u8],
    expected: &[u8],
    form: SignedForm,
) -> (bool, bool) {
    if form == SignedForm::Opaque {
        return (alg.digest(content) == expected, false);
    }
    let has_crlf = contains_crlf(content);
    let has_lf = memchr::memchr(b'\n', content).is_some();
    if has_crlf || !has_lf {
        if alg.digest(content) == expected {
            return (true, false);
        }
        if has_lf && digest_canonical(alg, content) == expected {
            return (true, true);
        }
        return (false, false);
    }
    if digest_canonical(alg, content) == expected {
        return (true, true);
    }
    (alg.digest(content) == expected, false)
}

/// RFC 5652 §5.4 without signed attributes: the signature covers the content's digest
/// itself (in canonical form when a detached content is stored LF-only).
pub(super) fn digest_without_attributes(
    alg: DigestAlg,
    content: &[u8],
    form: SignedForm,
) -> (Vec<u8>, bool) {
    let canonical = form == SignedForm::Detached
        && !contains_crlf(content)
        && memchr::memchr(b'\n', content).is_some();
    let digest = if canonical { digest_canonical(alg, content) } else { alg.digest(content) };
    (digest, canonical)
}

/// Whether a CRLF occurs anywhere: CRLF text answers at its first line, LF-only text after
/// one vectorised scan for CR.
fn contains_crlf(content: &[u8]) -> bool {
    memchr::memchr_iter(b'\r', content).any(|cr| content.get(cr + 1) == Some(&b'\n'))
}
