//! Finding the signed entity (RFC 1847 multipart/signed, RFC 8551 signed-data) and the
//! structural headers on the way to it.

use super::artefact::{SignedEntity, SignedForm};
use super::mime::{self, Entity};
use super::{cms, decode};
use crate::finding::{Finding, SignatureDefect};
use crate::limits::Limits;
use crate::problem::Problem;

/// Header fields that decide how an entity is read. RFC 2045 §3 allows each once per entity;
/// two of them make the entity ambiguous: this reader takes the first, another may take the
/// last and see a different message (issue #13).
const STRUCTURAL_HEADERS: [&str; 3] = ["Content-Type", "Content-Transfer-Encoding", "MIME-Version"];

/// The entities from the root down to the signed entity (named by its dotted MIME path),
/// then its signed content and signature parts.
fn entities_to_signed<'a>(root: &'a Entity, mime_path: &str) -> Vec<&'a Entity> {
    let mut path = vec![root];
    let mut current = root;
    for index in mime_path.split('.').skip(1) {
        let Some(child) = index
            .parse::<usize>()
            .ok()
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| current.children.get(i))
        else {
            break;
        };
        path.push(child);
        current = child;
    }
    path.extend(current.children.iter().take(2));
    path
}

/// RFC 2045 §3: Content-Type, Content-Transfer-Encoding and MIME-Version at most once on
/// every entity that leads to the signed content, and each Content-Type parameter at most
/// once (RFC 2045 §5.1: a repeated `boundary` makes another tree for readers that take the
/// first, as this one takes the last); a duplicate is `malformed`.
pub(super) fn check_structural_headers(
    root: &Entity,
    signed_path: &str,
    problems: &mut Vec<Problem>,
) {
    for entity in entities_to_signed(root, signed_path) {
        for name in STRUCTURAL_HEADERS {
            let count = entity.headers.get_all(name).count();
            if count > 1 {
                problems.push(Problem::of(Finding::DuplicatedHeader {
                    header: (*name).into(),
                    parameter: None,
                    count,
                    offset: entity.range.start,
                }));
            }
        }
        // RFC 2231 spells one parameter several ways (`boundary*=''x`, `boundary*0=…`): each
        // counts as the name it extends, or a reader of that form would see another tree.
        let names = || {
            entity
                .content_type
                .params
                .iter()
                .map(|(name, _)| rfc2231_base(name))
                .filter(|b| !b.is_empty())
        };
        let mut repeated: Vec<(&str, usize)> = Vec::new();
        if entity.content_type.params.iter().count() <= 16 {
            // The usual few: compared pairwise, nothing allocated unless one repeats.
            for (i, name) in names().enumerate() {
                let count = names().filter(|n| *n == name).count();
                if count > 1 && !names().take(i).any(|n| n == name) {
                    repeated.push((name, count));
                }
            }
        } else {
            // Sorted: a header of 100,000 parameters costs no more than reading it.
            let mut sorted: Vec<&str> = names().collect();
            sorted.sort_unstable();
            let runs = sorted.chunk_by(|a, b| a == b).filter(|run| run.len() > 1);
            repeated.extend(runs.filter_map(|run| Some((*run.first()?, run.len()))));
        }
        for (name, count) in repeated {
            problems.push(Problem::of(Finding::DuplicatedHeader {
                header: "Content-Type".into(),
                parameter: Some(name.to_string()),
                count,
                offset: entity.range.start,
            }));
        }
    }
}

/// The parameter an RFC 2231 name extends: `boundary` for `boundary*`, `boundary*0`,
/// `boundary*0*`; empty for a later continuation (`*1`, `*2*`), which belongs to its `*0`.
fn rfc2231_base(name: &str) -> &str {
    match name.split_once('*') {
        Some((base, rest)) if rest.is_empty() || rest.trim_end_matches('*') == "0" => base,
        Some((_, rest)) if rest.trim_end_matches('*').bytes().all(|b| b.is_ascii_digit()) => "",
        _ => name,
    }
}

fn is_signature_protocol(p: &str) -> bool {
    p.eq_ignore_ascii_case("application/pkcs7-signature")
        || p.eq_ignore_ascii_case("application/x-pkcs7-signature")
}

fn is_opaque_signed(ct: &mime::ContentType) -> bool {
    (ct.mime == "application/pkcs7-mime" || ct.mime == "application/x-pkcs7-mime")
        && ct.param("smime-type").is_none_or(|t| t.eq_ignore_ascii_case("signed-data"))
}

pub(super) fn is_signed_type(ct: &mime::ContentType) -> bool {
    (ct.mime == "multipart/signed" && ct.param("protocol").is_some_and(is_signature_protocol))
        || is_opaque_signed(ct)
}

/// Finds the first signed entity, depth-first (the message itself when it is signed), and
/// the MIME entity that holds it.
pub(super) fn find_signed_entity<'a>(
    raw: &[u8],
    root: &'a Entity,
    limits: &Limits,
    problems: &mut Vec<Problem>,
) -> Option<(SignedEntity, &'a Entity)> {
    let mut stack = vec![(root, "1".to_string())];
    while let Some((entity, path)) = stack.pop() {
        if is_signed_type(&entity.content_type) {
            return Some((signed_entity_at(raw, entity, path, limits, problems), entity));
        }
        for (i, child) in entity.children.iter().enumerate().rev() {
            stack.push((child, format!("{path}.{}", i + 1)));
        }
    }
    None
}

fn signed_entity_at(
    raw: &[u8],
    entity: &Entity,
    mime_path: String,
    limits: &Limits,
    problems: &mut Vec<Problem>,
) -> SignedEntity {
    let _ = limits;
    if is_opaque_signed(&entity.content_type) {
        let body = raw.get(entity.body()).unwrap_or_default();
        let cte = entity.headers.transfer_encoding().unwrap_or_default();
        let cms = decode::remove_transfer_encoding(body, &cte);
        let (opaque_content, defect) = match cms::encapsulated_content(&cms) {
            Ok(Some(c)) => (Some(c), None),
            Ok(None) => (None, Some(SignatureDefect::NoEncapsulatedContent)),
            Err(e) => (None, Some(SignatureDefect::OpaqueUnreadable(e.to_string()))),
        };
        if let Some(d) = &defect {
            problems.push(Problem::of(Finding::SignatureDefect(d.clone())));
        }
        return SignedEntity {
            form: SignedForm::Opaque,
            content_range: None,
            opaque_content: Some(opaque_content.unwrap_or_default()),
            cms,
            defect,
            mime_path,
        };
    }
    let mut defect = None;
    let content_range = entity.children.first().map(|c| c.range.clone());
    let cms = match entity.children.get(1) {
        Some(sig) => {
            let body = raw.get(sig.body()).unwrap_or_default();
            let cte = sig.headers.transfer_encoding().unwrap_or_default();
            let is_sig = is_signature_protocol(&sig.content_type.mime);
            if !is_sig {
                defect = Some(SignatureDefect::SecondPartNotSignature {
                    content_type: sig.content_type.mime.to_string(),
                });
                Vec::new()
            } else if cte == "base64" {
                match decode::base64_lenient(body) {
                    Some(b) => b,
                    None => {
                        defect = Some(SignatureDefect::NotBase64);
                        Vec::new()
                    }
                }
            } else {
                body.to_vec()
            }
        }
        None => {
            defect = Some(SignatureDefect::SignaturePartMissing { parts: entity.children.len() });
            Vec::new()
        }
    };
    if defect.is_none() && !entity.closed {
        defect = Some(SignatureDefect::NotClosed);
    }
    if let Some(d) = &defect {
        problems.push(Problem::of(Finding::SignatureDefect(d.clone())));
    }
    SignedEntity {
        form: SignedForm::Detached,
        content_range,
        opaque_content: None,
        cms,
        defect,
        mime_path,
    }
}
