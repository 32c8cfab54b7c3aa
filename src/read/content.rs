//! What the signed content holds (notice, daticert.xml, original, ETSI evidence), what sits
//! outside the signature, and the artefact's kind.

use std::ops::Range;

use super::artefact::{Claims, ETSI_ERDS_NAMESPACE, PartInfo, SignedContent, SignedEntity};
use super::daticert::{self, DatiCert};
use super::decode;
use super::kind::Kind;
use super::mime::{self, Entity};
use crate::finding::{Finding, Outside};
use crate::limits::Limits;
use crate::problem::Problem;

/// What is recorded of a part of the signed content, which starts at `offset` in `buf`: its
/// range relative to the content, as `Artefact::signed_content` gives it.
fn part_info(buf: &[u8], offset: usize, entity: &Entity, path: &str, size: usize) -> PartInfo {
    PartInfo {
        path: path.to_string(),
        content_type: entity.content_type.mime.to_string(),
        name: decode::entity_file_name(entity, buf),
        size,
        range: entity.range.start.saturating_sub(offset)..entity.range.end.saturating_sub(offset),
    }
}

fn is_xml(entity: &Entity) -> bool {
    let m = entity.content_type.mime.as_ref();
    m == "application/xml" || m == "text/xml" || m.ends_with("+xml")
}

pub(super) fn is_message(entity: &Entity) -> bool {
    matches!(entity.content_type.mime.as_ref(), "message/rfc822" | "message/global")
}

/// Whether the part's file name, decoded as a mail program shows it (RFC 2231 `filename*=`,
/// encoded words), is `expected`: a second daticert.xml must not hide behind an encoding.
fn name_is(entity: &Entity, buf: &[u8], expected: &str) -> bool {
    let is = |n: &str| n.trim().eq_ignore_ascii_case(expected);
    if entity.raw_file_name().is_some_and(is) {
        return true;
    }
    // Decoding (and its allocation) only for a name that is encoded: most parts have none.
    decode::file_name_is_encoded(entity)
        && decode::entity_file_name(entity, buf).is_some_and(|n| is(&n))
}

/// Reads what a signed content held apart from the message holds (opaque signed-data).
pub(super) fn read_signed_content(
    bytes: &[u8],
    limits: &Limits,
    problems: &mut Vec<Problem>,
) -> SignedContent {
    match mime::parse_entity(bytes, 0..bytes.len(), limits) {
        Ok(root) => signed_content_of(bytes, &root, 0, limits),
        Err(limit) => {
            problems.push(limit_problem(&limit));
            SignedContent::default()
        }
    }
}

/// Reads what the signed content holds: notice, daticert, original, ETSI evidence. `root`
/// is the content's entity in `buf`, which starts at `offset`; the ranges recorded in the
/// result are relative to the content.
pub(super) fn signed_content_of(
    buf: &[u8],
    root: &Entity,
    offset: usize,
    limits: &Limits,
) -> SignedContent {
    let mut content = SignedContent::default();
    let mut daticert_like = 0usize;
    let info =
        |entity: &Entity, path: &str, size: usize| part_info(buf, offset, entity, path, size);
    for (entity, path) in root.leaves() {
        let is_attachment = entity.is_attachment();
        if is_message(entity) {
            let decoded = decode::decode_entity(entity, buf).into_bytes();
            if content.original.is_none() {
                content.original_part = Some(info(entity, &path, decoded.len()));
                content.original = Some(decoded);
            } else {
                content.other_parts.push(info(entity, &path, decoded.len()));
            }
            continue;
        }
        let mime = entity.content_type.mime.as_ref();
        let candidate_xml = is_xml(entity) || name_is(entity, buf, "daticert.xml");
        if candidate_xml || (mime == "application/octet-stream" && !is_attachment) {
            let decoded = decode::decode_entity(entity, buf).into_bytes();
            let looks_like_daticert = daticert::looks_like_daticert(&decoded);
            // Every part is searched whole for the count, whichever comes first: another
            // reader may take one whose root comes late, behind a comment.
            if memchr::memmem::find(&decoded, b"<postacert").is_some() {
                daticert_like += 1;
            }
            if content.daticert_raw.is_none() && looks_like_daticert {
                content.daticert_part = Some(info(entity, &path, decoded.len()));
                match daticert::parse(&decoded, limits) {
                    Ok(d) => content.daticert = Some(d),
                    Err(e) => content.daticert_error = Some(e),
                }
                content.daticert_raw = Some(decoded);
                continue;
            }
            content.other_parts.push(info(entity, &path, decoded.len()));
            if memchr::memmem::find(&decoded, ETSI_ERDS_NAMESPACE.as_bytes()).is_some() {
                content.etsi_evidence = true;
                if content.rem.is_none() {
                    content.rem = Some(super::rem::parse(&decoded));
                    content.rem_part = Some(info(entity, &path, decoded.len()));
                    content.rem_raw = Some(decoded);
                }
            }
            continue;
        }
        if !is_attachment
            && (mime == "text/plain" || mime == "text/html")
            && !content.notice.iter().any(|p| p.content_type == mime)
        {
            // The notice is the provider's text, never a named file.
            content
                .notice
                .push(PartInfo { name: None, ..info(entity, &path, entity.body().len()) });
            continue;
        }
        let size = entity.body().len();
        content.other_parts.push(info(entity, &path, size));
    }
    content.more_daticerts = daticert_like.saturating_sub(1);
    content
}

/// Text after the closing boundary of the signed entity, or of a multipart around it, is
/// outside every signature: a second message appended to a receipt would otherwise pass
/// unmentioned. So is a preamble that holds more than a sentence: providers write "This is
/// an S/MIME signed message" there, never a header block, a delimiter or a page of text.
fn note_unsigned_text(raw: &[u8], entity: &Entity, path: &str, out: &mut Vec<Outside>) {
    if let Some(epilogue) = &entity.epilogue {
        let text = raw.get(epilogue.clone()).unwrap_or_default();
        let bytes = text.trim_ascii().len();
        if bytes > 0 {
            out.push(Outside::Epilogue { mime_path: path.to_string(), bytes });
        }
    }
    let Some(first) = entity.children.first() else { return };
    // From the body's start to the first delimiter line (the line before the first part).
    let before = raw.get(entity.body_start..first.range.start).unwrap_or_default();
    let before = before.strip_suffix(b"\n").unwrap_or(before);
    let preamble = before.get(..memchr::memrchr(b'\n', before).unwrap_or(0)).unwrap_or_default();
    let lines =
        || preamble.split(|&b| b == b'\n').map(<[u8]>::trim_ascii).filter(|l| !l.is_empty());
    let looks_like_mail = |line: &[u8]| {
        line.starts_with(b"--")
            || line.iter().position(|&b| b == b':').is_some_and(|colon| {
                colon > 0 && line.iter().take(colon).all(|&b| b.is_ascii_graphic())
            })
    };
    if lines().count() > 2 || lines().any(looks_like_mail) {
        let bytes = preamble.trim_ascii().len();
        out.push(Outside::Preamble { mime_path: path.to_string(), bytes });
    }
}

/// Walks the whole input and records daticert.xml / postacert.eml parts that are not inside
/// the signed content (quirk: a wrapper with a fake daticert placed first).
#[allow(clippy::too_many_arguments)]
pub(super) fn collect_outside(
    raw: &[u8],
    entity: &Entity,
    path: &str,
    signed_range: Option<&Range<usize>>,
    signed_path: Option<&str>,
    limits: &Limits,
    out: &mut Vec<Outside>,
    unsigned_daticert: &mut Option<DatiCert>,
) {
    if Some(path) == signed_path {
        note_unsigned_text(raw, entity, path, out);
        // The signed entity itself: its first part is the signed content, its second the
        // signature. Any further part was added beside them and nothing signs it (issue #13:
        // a fake daticert.xml as a third part). Preamble text is not a part.
        for (i, extra) in entity.children.iter().enumerate().skip(2) {
            out.push(Outside::ExtraSignedPart {
                content_type: extra.content_type.mime.to_string(),
                mime_path: format!("{path}.{}", i + 1),
            });
        }
        return;
    }
    if let Some(r) = signed_range
        && r.start <= entity.range.start
        && entity.range.end <= r.end
    {
        return;
    }
    note_unsigned_text(raw, entity, path, out);
    for (i, child) in entity.children.iter().enumerate() {
        let child_path = format!("{path}.{}", i + 1);
        collect_outside(
            raw,
            child,
            &child_path,
            signed_range,
            signed_path,
            limits,
            out,
            unsigned_daticert,
        );
    }
    if !entity.children.is_empty() || path == "1" {
        return;
    }
    if is_message(entity) && name_is(entity, raw, "postacert.eml") {
        out.push(Outside::Postacert { mime_path: path.to_string() });
        return;
    }
    if is_xml(entity) || name_is(entity, raw, "daticert.xml") {
        let decoded = decode::decode_entity(entity, raw).into_bytes();
        if daticert::looks_like_daticert(&decoded) {
            out.push(Outside::Daticert { mime_path: path.to_string() });
            if unsigned_daticert.is_none() {
                *unsigned_daticert = daticert::parse(&decoded, limits).ok();
            }
        }
    }
}

pub(super) fn limit_problem(limit: &mime::StructureLimit) -> Problem {
    Problem::of(match limit {
        mime::StructureLimit::Depth(n) => Finding::MimeTooDeep(*n),
        mime::StructureLimit::Parts(n) => Finding::TooManyParts(*n),
        mime::StructureLimit::Header(n) => Finding::HeaderTooLong(*n),
    })
}

pub(super) fn classify(
    claims: &Claims,
    signed: Option<&SignedEntity>,
    content: Option<&SignedContent>,
    unsigned_daticert: Option<&DatiCert>,
) -> Kind {
    if let Some(tipo) = content.and_then(|c| c.daticert.as_ref()).and_then(|d| d.tipo.as_deref()) {
        return Kind::from_tipo(tipo);
    }
    if content.is_some_and(|c| c.etsi_evidence) {
        return Kind::RemEvidence;
    }
    if let Some(k) = claims.marker_kind() {
        return k;
    }
    if let Some(tipo) = unsigned_daticert.and_then(|d| d.tipo.as_deref()) {
        return Kind::from_tipo(tipo);
    }
    if (signed.is_some() || unsigned_daticert.is_some())
        && let Some(k) = claims.subject_kind()
    {
        return k;
    }
    Kind::NotPec
}
