//! Reading PEC artefacts from raw bytes.
//!
//! [`read`] takes the bytes of one `.eml` and returns an [`Artefact`]: the unsigned header
//! claims, the signed entity (its exact byte range, never re-serialised, and the CMS blob),
//! what the signed entity contains (notice text, daticert.xml, the original message), the
//! kind, the MIME tree, anything PEC-like found *outside* the signature, and nested artefacts
//! (an anomaly around an envelope, a forwarded PEC).
//!
//! Reading never verifies: that is [`crate::verify`]. It returns `Err` only when there is no
//! mail to look at (empty, not a header block, over a limit); damage is recorded as problems.
#![deny(clippy::indexing_slicing)]

pub(crate) mod address;
mod artefact;
pub mod c14n;
pub(crate) mod cms;
mod content;
pub mod daticert;
pub(crate) mod decode;
pub(crate) mod der;
pub(crate) mod hashfile;
mod kind;
pub(crate) mod mime;
pub mod rem;
mod signed;

use crate::error::{Error, NotMail, ReadFailure};
use crate::finding::{Finding, Unread};
use crate::limits::{Limit, Limits};
use crate::problem::Problem;
pub use artefact::{
    Artefact, Claims, ETSI_ERDS_NAMESPACE, MimeNode, PartInfo, RemClaims, SignedContent,
    SignedEntity, SignedForm,
};
use content::{
    classify, collect_outside, is_message, limit_problem, read_signed_content, signed_content_of,
};
pub use kind::Kind;
pub use mime::{ContentType, Entity, Headers};
use signed::{check_structural_headers, find_signed_entity, is_signed_type};

/// Reads one artefact from its bytes.
pub fn read(raw: Vec<u8>, limits: &Limits) -> Result<Artefact, Error> {
    if let Some(refused) = refusal(&raw, limits) {
        return Err(refused);
    }
    if rem::looks_like_evidence(&raw) {
        return Ok(standalone_evidence(raw));
    }
    let mut budget = CopyBudget { remaining: raw.len().saturating_mul(2) };
    Ok(read_at_depth(raw, limits, 0, &mut budget))
}

/// An ETSI EN 319 522 evidence file on its own (`peckit verify evidence.xml`): no S/MIME
/// around it, only its own XAdES signature vouches for it.
fn standalone_evidence(raw: Vec<u8>) -> Artefact {
    let content = SignedContent {
        etsi_evidence: true,
        rem: Some(rem::parse(&raw)),
        ..SignedContent::default()
    };
    Artefact {
        root: Entity::new(0..raw.len(), 0, Headers::default()),
        raw,
        claims: Claims::default(),
        signed: None,
        content: Some(content),
        kind: Kind::RemEvidence,
        outside_signature: Vec::new(),
        unsigned_daticert: None,
        problems: Vec::new(),
        nested: Vec::new(),
    }
}

/// Why these bytes cannot be read as an artefact at all, if so: empty, over the size limit,
/// or not mail.
fn refusal(raw: &[u8], limits: &Limits) -> Option<Error> {
    if raw.is_empty() {
        return Some(Error::Empty);
    }
    if u64::try_from(raw.len()).unwrap_or(u64::MAX) > limits.max_input_bytes {
        return Some(Error::LimitExceeded {
            limit: Limit::InputSize,
            value: limits.max_input_bytes,
        });
    }
    // A header field's name may start with `{`; no mail's does, and JSON always does.
    if starts_like_json(raw) {
        return Some(Error::NotMail(NotMail::Json));
    }
    if !mime::looks_like_mail(raw) && !rem::looks_like_evidence(raw) {
        return Some(Error::NotMail(describe_non_mail(raw)));
    }
    None
}

/// Whether the first byte after a byte-order mark and white space opens a JSON object or
/// array.
pub fn starts_like_json(raw: &[u8]) -> bool {
    let text = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
    matches!(text.iter().find(|b| !b.is_ascii_whitespace()), Some(b'{' | b'['))
}

/// Bytes that reading may copy out of one input (decoded signatures and contents, the
/// originals of nested artefacts), twice the input's size: with the input itself, memory
/// stays within three times the input whatever its shape (issue #13: nine nested levels
/// of a 63 MB file, each copying the original again, took 1.1 GB). A nested artefact owns
/// its bytes (the original is moved into it, not copied) and is read only when the budget
/// holds the copy its own original will take; past that, `limit-exceeded`.
struct CopyBudget {
    remaining: usize,
}

impl CopyBudget {
    /// Takes `bytes` from the budget; false (and nothing taken) when they do not fit.
    fn take(&mut self, bytes: usize) -> bool {
        match self.remaining.checked_sub(bytes) {
            Some(rest) => {
                self.remaining = rest;
                true
            }
            None => false,
        }
    }

    /// Records bytes already copied (they count against what nested artefacts may take).
    fn spend(&mut self, bytes: usize) {
        self.remaining = self.remaining.saturating_sub(bytes);
    }
}

/// Reads bytes that [`refusal`] accepted.
fn read_at_depth(raw: Vec<u8>, limits: &Limits, depth: usize, budget: &mut CopyBudget) -> Artefact {
    let mut problems = Vec::new();
    let root = match mime::parse_entity(&raw, 0..raw.len(), limits) {
        Ok(root) => root,
        Err(limit) => {
            problems.push(limit_problem(&limit));
            // Fall back to the top-level header block only, within the header budget.
            let cap = raw.len().min(limits.max_header_bytes);
            let (headers, body_start) = mime::parse_header_block(&raw, 0, cap);
            Entity::new(0..raw.len(), body_start, headers)
        }
    };
    let claims = Claims::from_headers(&root.headers);
    let found = find_signed_entity(&raw, &root, limits, &mut problems);
    if let Some((signed, _)) = &found {
        check_structural_headers(&root, &signed.mime_path, &mut problems);
    }
    let mut content = found.as_ref().map(|(s, entity)| match (s.form, entity.children.first()) {
        // Detached: the content is the first part, its MIME tree already read with the message.
        (SignedForm::Detached, Some(part)) => {
            signed_content_of(&raw, part, part.range.start, limits)
        }
        _ => read_signed_content(s.content(&raw), limits, &mut problems),
    });
    let signed = found.map(|(s, _)| s);
    budget.spend(
        signed.as_ref().map_or(0, |s| {
            s.cms.len().saturating_add(s.opaque_content.as_ref().map_or(0, Vec::len))
        }),
    );
    budget.spend(content.as_ref().and_then(|c| c.original.as_ref()).map_or(0, Vec::len));
    let signed_range = signed.as_ref().and_then(|s| s.content_range.clone());

    // Everything PEC-like outside the signed content is ignored and flagged.
    let mut outside_signature = Vec::new();
    let mut unsigned_daticert = None;
    collect_outside(
        &raw,
        &root,
        "1",
        signed_range.as_ref(),
        signed.as_ref().map(|s| s.mime_path.as_str()),
        limits,
        &mut outside_signature,
        &mut unsigned_daticert,
    );

    let kind = classify(&claims, signed.as_ref(), content.as_ref(), unsigned_daticert.as_ref());

    let mut nested = Vec::new();
    if depth < limits.max_nested_artefacts {
        if let Some(c) = content.as_mut()
            && let Some(original) = c.original.take()
        {
            if !looks_like_pec(&original) {
                nested.extend(forwarded_pecs(&original, limits, depth + 1, budget, &mut problems));
                c.original = Some(original);
            } else if let Some(e) = refusal(&original, limits) {
                problems.push(Problem::of(Finding::OriginalUnreadable(ReadFailure::of(&e))));
                c.original = Some(original);
            } else if !budget.take(original.len()) {
                problems.push(Problem::of(Finding::OverBudget(Unread::Original)));
                c.original = Some(original);
            } else {
                nested.push(read_at_depth(original, limits, depth + 1, budget));
                c.original_is_nested = true;
            }
        }
    } else if content.as_ref().is_some_and(|c| c.original.is_some()) {
        problems.push(Problem::of(Finding::NestingTooDeep(limits.max_nested_artefacts)));
    }

    Artefact {
        raw,
        claims,
        signed,
        content,
        kind,
        root,
        outside_signature,
        unsigned_daticert,
        problems,
        nested,
    }
}

fn describe_non_mail(raw: &[u8]) -> NotMail {
    let head = raw.get(..raw.len().min(512)).unwrap_or_default();
    let printable = head.iter().filter(|b| b.is_ascii_graphic() || b.is_ascii_whitespace()).count();
    if printable * 10 < head.len() * 9 { NotMail::Binary } else { NotMail::NoHeaderField }
}

/// Cheap test: does this message carry PEC markers or a signature at top level?
pub fn looks_like_pec(raw: &[u8]) -> bool {
    let (headers, _) = mime::parse_header_block(raw, 0, raw.len().min(256 * 1024));
    let ct = headers.content_type();
    headers.get("x-trasporto").is_some()
        || headers.get("x-ricevuta").is_some()
        || is_signed_type(&ct)
}

/// PEC messages attached to an original (a user forwarding a received PEC, quirk Q6b).
fn forwarded_pecs(
    original: &[u8],
    limits: &Limits,
    depth: usize,
    budget: &mut CopyBudget,
    problems: &mut Vec<Problem>,
) -> Vec<Artefact> {
    let Ok(root) = mime::parse_entity(original, 0..original.len(), limits) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (entity, path) in root.leaves() {
        if is_message(entity) {
            if !budget.take(entity.body().len()) {
                problems.push(Problem::of(Finding::OverBudget(Unread::Forwarded {
                    mime_path: path.to_string(),
                })));
                continue;
            }
            let decoded = decode::decode_entity(entity, original).into_bytes();
            if looks_like_pec(&decoded) && refusal(&decoded, limits).is_none() {
                out.push(read_at_depth(decoded, limits, depth, budget));
            }
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::testing::sample;

    #[test]
    fn a_receipt_is_read_with_its_exact_signed_range() {
        let raw = sample("accettazione.eml");
        let a = read(raw.clone(), &Limits::default()).unwrap();
        assert_eq!(a.kind, Kind::Accettazione);
        let signed = a.signed.as_ref().unwrap();
        assert!(signed.is_top_level());
        assert_eq!(signed.form, SignedForm::Detached);
        let range = signed.content_range.clone().unwrap();
        assert_eq!(signed.content(&a.raw), &raw[range]);
        assert!(a.daticert().is_some());
        assert!(a.problems.is_empty(), "{:?}", a.problems);
    }

    #[test]
    fn nothing_to_read_is_an_error_not_a_problem() {
        let limits = Limits::default();
        assert!(matches!(read(Vec::new(), &limits), Err(Error::Empty)));
        assert!(matches!(
            read(vec![0u8, 1, 2, 3, 0xff, 0xfe], &limits),
            Err(Error::NotMail(NotMail::Binary))
        ));
        assert!(matches!(
            read(b"just some text\n".to_vec(), &limits),
            Err(Error::NotMail(NotMail::NoHeaderField))
        ));
        // A JSONL record's first bytes pass for a header field (`{"data":`): JSON is named.
        for json in
            [&b"{\"data\":{\"path\":\"a.eml\"},\"type\":\"artefact\"}\n"[..], b"\xEF\xBB\xBF [1]"]
        {
            assert!(matches!(read(json.to_vec(), &limits), Err(Error::NotMail(NotMail::Json))));
        }
        let small = Limits { max_input_bytes: 10, ..Limits::default() };
        assert!(matches!(
            read(sample("accettazione.eml"), &small),
            Err(Error::LimitExceeded { limit: Limit::InputSize, value: 10 })
        ));
    }

    #[test]
    fn nesting_past_the_limit_is_a_named_limit_problem() {
        let no_nesting = Limits { max_nested_artefacts: 0, ..Limits::default() };
        let a = read(sample("anomalia-annidata.eml"), &no_nesting).unwrap();
        assert!(a.nested.is_empty());
        assert!(a.problems.iter().any(|p| p.limit == Some(Limit::Nesting)), "{:?}", a.problems);
        let a = read(sample("anomalia-annidata.eml"), &Limits::default()).unwrap();
        assert!(!a.nested.is_empty());
    }
}
