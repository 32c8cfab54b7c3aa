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

pub mod address;
pub mod cms;
pub mod daticert;
pub mod decode;
pub mod der;
pub mod kind;
pub mod mime;

use std::ops::Range;

use serde::Serialize;

use daticert::DatiCert;
use crate::error::Error;
use crate::limits::Limits;
use crate::problem::{Problem, ProblemCode};
pub use kind::Kind;
use mime::{Entity, Headers};

/// The ETSI EN 319 522-3 evidence namespace (REM/ERDS), pec-spec §1.3.
pub const ETSI_ERDS_NAMESPACE: &str = "http://uri.etsi.org/19522/v1#";

/// The unsigned top-level headers peckit uses: claims to cross-check, never facts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Claims {
    /// `X-Ricevuta` (receipt type marker).
    pub x_ricevuta: Option<String>,
    /// `X-Trasporto` (envelope marker: `posta-certificata` or `errore`).
    pub x_trasporto: Option<String>,
    /// `X-TipoRicevuta` (any case).
    pub x_tipo_ricevuta: Option<String>,
    /// `X-Riferimento-Message-ID`: the client's original Message-ID.
    pub x_riferimento_message_id: Option<String>,
    /// `X-VerificaSicurezza`.
    pub x_verifica_sicurezza: Option<String>,
    /// `Message-ID`.
    pub message_id: Option<String>,
    /// `Subject`, RFC 2047-decoded.
    pub subject: Option<String>,
    /// `From`.
    pub from: Option<String>,
    /// `To`.
    pub to: Option<String>,
    /// `Cc`.
    pub cc: Option<String>,
    /// `Date`, as written.
    pub date: Option<String>,
}

impl Claims {
    fn from_headers(h: &Headers) -> Claims {
        let owned = |name: &str| h.get(name).map(str::to_string);
        Claims {
            x_ricevuta: owned("x-ricevuta"),
            x_trasporto: owned("x-trasporto"),
            x_tipo_ricevuta: owned("x-tiporicevuta"),
            x_riferimento_message_id: owned("x-riferimento-message-id"),
            x_verifica_sicurezza: owned("x-verificasicurezza"),
            message_id: owned("message-id"),
            subject: h.get("subject").map(decode::header_text),
            from: h.get("from").map(decode::header_text),
            to: h.get("to").map(decode::header_text),
            cc: h.get("cc").map(decode::header_text),
            date: owned("date"),
        }
    }

    /// The kind claimed by the X-Trasporto / X-Ricevuta markers.
    pub fn marker_kind(&self) -> Option<Kind> {
        Kind::from_markers(self.x_trasporto.as_deref(), self.x_ricevuta.as_deref())
    }

    /// The kind claimed by the Subject prefix.
    pub fn subject_kind(&self) -> Option<Kind> {
        self.subject.as_deref().and_then(Kind::from_subject)
    }

    /// The `Date` header as an instant, if it parses (RFC 5322).
    pub fn date_instant(&self) -> Option<jiff::Timestamp> {
        let date = self.date.as_deref()?;
        // RFC 2822 dates may carry a trailing "(CET)" comment, which jiff rejects.
        let cleaned = match date.find('(') {
            Some(i) => date.get(..i).unwrap_or(date).trim(),
            None => date.trim(),
        };
        jiff::fmt::rfc2822::parse(cleaned).ok().map(|z| z.timestamp())
    }
}

/// How the signature is attached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignedForm {
    /// `multipart/signed` (RFC 1847): the content is the first body part.
    Detached,
    /// `application/pkcs7-mime; smime-type=signed-data`: the content is inside the CMS.
    Opaque,
}

/// The signed entity of an artefact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedEntity {
    /// Detached or opaque.
    pub form: SignedForm,
    /// Detached: the exact range of the signed content in the input.
    pub content_range: Option<Range<usize>>,
    /// Opaque: the encapsulated content.
    pub opaque_content: Option<Vec<u8>>,
    /// The CMS blob (DER or BER); empty when it could not be read.
    pub cms: Vec<u8>,
    /// Why the signature could not be read (missing part, bad base64), if so.
    pub defect: Option<String>,
    /// The MIME path of the signed entity ("1" when it is the whole message).
    pub mime_path: String,
}

impl SignedEntity {
    /// The signed content bytes, exactly as carried.
    pub fn content<'a>(&'a self, raw: &'a [u8]) -> &'a [u8] {
        match (&self.opaque_content, &self.content_range) {
            (Some(c), _) => c,
            (None, Some(r)) => raw.get(r.clone()).unwrap_or_default(),
            (None, None) => &[],
        }
    }

    /// Whether the signed entity is the message itself rather than wrapped in unsigned MIME.
    pub fn is_top_level(&self) -> bool {
        self.mime_path == "1"
    }
}

/// A leaf part of interest found in the signed content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartInfo {
    /// MIME path inside the signed content ("1.2").
    pub path: String,
    /// Content type.
    pub content_type: String,
    /// Decoded file name, if any.
    pub name: Option<String>,
    /// Decoded size in bytes (for notice parts: the encoded body size).
    pub size: usize,
    /// The entity's byte range in the buffer it was read from.
    #[serde(skip)]
    pub range: Range<usize>,
}

/// What the signed entity contains.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SignedContent {
    /// The provider's notice: its text/plain and text/html parts, decoded on demand with
    /// [`Artefact::notice`] (verification never needs them).
    pub notice: Vec<PartInfo>,
    /// daticert.xml as carried (decoded from its transfer encoding).
    pub daticert_raw: Option<Vec<u8>>,
    /// Where daticert.xml sits.
    pub daticert_part: Option<PartInfo>,
    /// daticert.xml, parsed.
    pub daticert: Option<DatiCert>,
    /// Why daticert.xml could not be parsed at all, if so.
    pub daticert_error: Option<String>,
    /// The original message (postacert.eml), exact bytes after transfer decoding; `None`
    /// when it is itself a PEC artefact, read as the first nested artefact, which owns its
    /// bytes (see [`Artefact::original`]).
    pub original: Option<Vec<u8>>,
    /// Whether the original was moved into the first nested artefact.
    pub original_is_nested: bool,
    /// Where the original sits.
    pub original_part: Option<PartInfo>,
    /// Whether an ETSI ERDS evidence XML is present (REM).
    pub etsi_evidence: bool,
    /// Other leaf parts.
    pub other_parts: Vec<PartInfo>,
}

/// One node of the MIME tree, for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MimeNode {
    /// Dotted path ("1", "1.1", "1.1.2").
    pub path: String,
    /// Content type.
    pub content_type: String,
    /// Body size in bytes, as carried (before transfer decoding).
    pub size: usize,
    /// Decoded file name, if any.
    pub name: Option<String>,
    /// Whether this node lies inside the signed content.
    pub signed: bool,
    /// Children.
    pub children: Vec<MimeNode>,
}

/// One PEC artefact, read but not verified.
#[derive(Debug, Clone)]
pub struct Artefact {
    /// The input bytes.
    pub raw: Vec<u8>,
    /// Unsigned header claims.
    pub claims: Claims,
    /// The signed entity, if any.
    pub signed: Option<SignedEntity>,
    /// What the signed entity contains.
    pub content: Option<SignedContent>,
    /// Kind: from the signed daticert first, then the claims.
    pub kind: Kind,
    /// The MIME structure of the whole input, as read (ranges index `raw`).
    pub root: Entity,
    /// daticert.xml or postacert.eml found outside the signed content (ignored for every
    /// reported field): the MIME paths and what was there.
    pub outside_signature: Vec<String>,
    /// daticert.xml found outside the signature and parsed, only to classify unsigned
    /// look-alikes; never reported as certified data.
    pub unsigned_daticert: Option<DatiCert>,
    /// Structural problems found while reading (malformed, limit exceeded).
    pub problems: Vec<Problem>,
    /// Nested artefacts (the original when it is itself a PEC, forwarded PECs).
    pub nested: Vec<Artefact>,
}

impl Artefact {
    /// The MIME tree of the whole input, described for output (built on demand: only
    /// `inspect` shows it, and a batch of `verify` would build it for nothing).
    pub fn tree(&self) -> MimeNode {
        let signed_range = self.signed.as_ref().and_then(|s| s.content_range.as_ref());
        mime_tree(&self.raw, &self.root, "1", signed_range)
    }

    /// The signed content bytes, if there is a signed entity.
    pub fn signed_content(&self) -> Option<&[u8]> {
        self.signed.as_ref().map(|s| s.content(&self.raw))
    }

    /// The original message (postacert.eml) of the signed content, exact bytes after transfer
    /// decoding, wherever it is kept.
    pub fn original(&self) -> Option<&[u8]> {
        let content = self.content.as_ref()?;
        match &content.original {
            Some(original) => Some(original),
            None if content.original_is_nested => self.nested.first().map(|a| a.raw.as_slice()),
            None => None,
        }
    }

    /// The parsed signed daticert, if any.
    pub fn daticert(&self) -> Option<&DatiCert> {
        self.content.as_ref().and_then(|c| c.daticert.as_ref())
    }

    /// The provider's notice as text (`text/plain`), or HTML when there is no plain part,
    /// decoded from its charset. Only signed content is read.
    pub fn notice(&self) -> Option<String> {
        let content = self.content.as_ref()?;
        let signed = self.signed_content()?;
        let part = content
            .notice
            .iter()
            .find(|p| p.content_type == "text/plain")
            .or_else(|| content.notice.first())?;
        let raw = signed.get(part.range.clone())?;
        Some(match decode::decode_leaf(raw) {
            decode::Decoded::Text(t) => t,
            decode::Decoded::Bytes(b) => String::from_utf8_lossy(&b).into_owned(),
        })
    }

    /// The avvenuta-consegna receipt type (completa, breve, sintetica) from the signed daticert.
    pub fn receipt_type(&self) -> Option<&str> {
        if self.kind != Kind::AvvenutaConsegna {
            return None;
        }
        self.daticert().and_then(|d| d.ricevuta.as_deref())
    }
}

/// Reads one artefact from its bytes.
pub fn read(raw: Vec<u8>, limits: &Limits) -> Result<Artefact, Error> {
    if let Some(refused) = refusal(&raw, limits) {
        return Err(refused);
    }
    let mut budget = CopyBudget { remaining: raw.len().saturating_mul(2) };
    Ok(read_at_depth(raw, limits, 0, &mut budget))
}

/// Why these bytes cannot be read as an artefact at all, if so: empty, over the size limit,
/// or not mail.
fn refusal(raw: &[u8], limits: &Limits) -> Option<Error> {
    if raw.is_empty() {
        return Some(Error::Empty);
    }
    if u64::try_from(raw.len()).unwrap_or(u64::MAX) > limits.max_input_bytes {
        return Some(Error::LimitExceeded {
            what: "input size",
            limit: limits.max_input_bytes,
            flag: "--max-size",
        });
    }
    if !mime::looks_like_mail(raw) {
        return Some(Error::NotMail(describe_non_mail(raw)));
    }
    None
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

fn budget_problem(what: &str) -> Problem {
    Problem::new(
        ProblemCode::LimitExceeded,
        format!(
            "{what} was not read: reading it would copy more than twice the input's size \
             (nested artefacts share one memory budget)"
        ),
    )
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
                problems.push(Problem::new(
                    ProblemCode::Malformed,
                    format!("the original message inside could not be read: {e}"),
                ));
                c.original = Some(original);
            } else if !budget.take(original.len()) {
                problems.push(budget_problem("the original message inside"));
                c.original = Some(original);
            } else {
                nested.push(read_at_depth(original, limits, depth + 1, budget));
                c.original_is_nested = true;
            }
        }
    } else if content.as_ref().is_some_and(|c| c.original.is_some()) {
        problems.push(Problem::new(
            ProblemCode::LimitExceeded,
            format!(
                "nested artefacts deeper than {} were not read (set with --max-nesting)",
                limits.max_nested_artefacts
            ),
        ));
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
/// every entity that leads to the signed content; a duplicate is `malformed`.
fn check_structural_headers(root: &Entity, signed_path: &str, problems: &mut Vec<Problem>) {
    for entity in entities_to_signed(root, signed_path) {
        for name in STRUCTURAL_HEADERS {
            let count = entity.headers.get_all(name).count();
            if count > 1 {
                problems.push(Problem::new(
                    ProblemCode::Malformed,
                    format!(
                        "the {} header appears {count} times on one MIME entity (byte {}): \
                         readers disagree on which one counts",
                        name, entity.range.start
                    ),
                ));
            }
        }
    }
}

fn limit_problem(limit: &mime::StructureLimit) -> Problem {
    let message = match limit {
        mime::StructureLimit::Depth(n) => {
            format!("MIME nesting deeper than {n} levels (set with --max-depth)")
        }
        mime::StructureLimit::Parts(n) => {
            format!("more than {n} MIME parts (set with --max-parts)")
        }
        mime::StructureLimit::Header(n) => {
            format!("a header block longer than {n} bytes (set with --max-header)")
        }
    };
    Problem::new(ProblemCode::LimitExceeded, message)
}

fn describe_non_mail(raw: &[u8]) -> String {
    let head = raw.get(..raw.len().min(512)).unwrap_or_default();
    let printable = head.iter().filter(|b| b.is_ascii_graphic() || b.is_ascii_whitespace()).count();
    if printable * 10 < head.len() * 9 {
        "binary data, no header block".into()
    } else {
        "the first line is not a header field".into()
    }
}

/// Cheap test: does this message carry PEC markers or a signature at top level?
pub fn looks_like_pec(raw: &[u8]) -> bool {
    let (headers, _) = mime::parse_header_block(raw, 0, raw.len().min(256 * 1024));
    let ct = headers.content_type();
    headers.get("x-trasporto").is_some()
        || headers.get("x-ricevuta").is_some()
        || is_signed_type(&ct)
}

fn is_signature_protocol(p: &str) -> bool {
    let p = p.to_ascii_lowercase();
    p == "application/pkcs7-signature" || p == "application/x-pkcs7-signature"
}

fn is_opaque_signed(ct: &mime::ContentType) -> bool {
    (ct.mime == "application/pkcs7-mime" || ct.mime == "application/x-pkcs7-mime")
        && ct.param("smime-type").is_none_or(|t| t.eq_ignore_ascii_case("signed-data"))
}

fn is_signed_type(ct: &mime::ContentType) -> bool {
    (ct.mime == "multipart/signed" && ct.param("protocol").is_some_and(is_signature_protocol))
        || is_opaque_signed(ct)
}

/// Finds the first signed entity, depth-first (the message itself when it is signed), and
/// the MIME entity that holds it.
fn find_signed_entity<'a>(
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
            Ok(None) => (None, Some("opaque signed-data without encapsulated content".into())),
            Err(e) => (None, Some(format!("cannot read the signed-data: {e}"))),
        };
        if let Some(d) = &defect {
            problems.push(Problem::new(ProblemCode::Malformed, d.clone()));
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
                defect = Some(format!(
                    "the second part of multipart/signed is {}, not a PKCS#7 signature",
                    sig.content_type.mime
                ));
                Vec::new()
            } else if cte == "base64" {
                match decode::base64_lenient(body) {
                    Some(b) => b,
                    None => {
                        defect = Some("the smime.p7s part is not valid base64".into());
                        Vec::new()
                    }
                }
            } else {
                body.to_vec()
            }
        }
        None => {
            defect = Some(format!(
                "multipart/signed with {} part(s): the signature part is missing",
                entity.children.len()
            ));
            Vec::new()
        }
    };
    if defect.is_none() && !entity.closed {
        defect = Some("multipart/signed is not closed: the message is truncated".into());
    }
    if let Some(d) = &defect {
        problems.push(Problem::new(ProblemCode::Malformed, d.clone()));
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

/// What is recorded of a part of the signed content, which starts at `offset` in `buf`: its
/// range relative to the content, as `Artefact::signed_content` gives it.
fn part_info(buf: &[u8], offset: usize, entity: &Entity, path: &str, size: usize) -> PartInfo {
    PartInfo {
        path: path.to_string(),
        content_type: entity.content_type.mime.clone(),
        name: decode::entity_file_name(entity, buf),
        size,
        range: entity.range.start.saturating_sub(offset)..entity.range.end.saturating_sub(offset),
    }
}

fn is_xml(entity: &Entity) -> bool {
    let m = entity.content_type.mime.as_str();
    m == "application/xml" || m == "text/xml" || m.ends_with("+xml")
}

fn is_message(entity: &Entity) -> bool {
    matches!(entity.content_type.mime.as_str(), "message/rfc822" | "message/global")
}

fn name_is(entity: &Entity, expected: &str) -> bool {
    entity.raw_file_name().is_some_and(|n| n.trim().eq_ignore_ascii_case(expected))
}

/// Reads what a signed content held apart from the message holds (opaque signed-data).
fn read_signed_content(
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
fn signed_content_of(buf: &[u8], root: &Entity, offset: usize, limits: &Limits) -> SignedContent {
    let mut content = SignedContent::default();
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
        let mime = entity.content_type.mime.as_str();
        let candidate_xml = is_xml(entity) || name_is(entity, "daticert.xml");
        if candidate_xml || (mime == "application/octet-stream" && !is_attachment) {
            let decoded = decode::decode_entity(entity, buf).into_bytes();
            if content.daticert_raw.is_none() && daticert::looks_like_daticert(&decoded) {
                content.daticert_part = Some(info(entity, &path, decoded.len()));
                match daticert::parse(&decoded, limits) {
                    Ok(d) => content.daticert = Some(d),
                    Err(e) => content.daticert_error = Some(e.to_string()),
                }
                content.daticert_raw = Some(decoded);
                continue;
            }
            if memchr::memmem::find(&decoded, ETSI_ERDS_NAMESPACE.as_bytes()).is_some() {
                content.etsi_evidence = true;
            }
            content.other_parts.push(info(entity, &path, decoded.len()));
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
    content
}

/// Walks the whole input and records daticert.xml / postacert.eml parts that are not inside
/// the signed content (quirk: a wrapper with a fake daticert placed first).
#[allow(clippy::too_many_arguments)]
fn collect_outside(
    raw: &[u8],
    entity: &Entity,
    path: &str,
    signed_range: Option<&Range<usize>>,
    signed_path: Option<&str>,
    limits: &Limits,
    out: &mut Vec<String>,
    unsigned_daticert: &mut Option<DatiCert>,
) {
    if Some(path) == signed_path {
        // The signed entity itself: its first part is the signed content, its second the
        // signature. Any further part was added beside them and nothing signs it (issue #13:
        // a fake daticert.xml as a third part). Preamble and epilogue text are not parts.
        for (i, extra) in entity.children.iter().enumerate().skip(2) {
            out.push(format!(
                "an unsigned {} part (MIME part {path}.{}) added inside multipart/signed",
                extra.content_type.mime,
                i + 1
            ));
        }
        return;
    }
    if let Some(r) = signed_range
        && r.start <= entity.range.start
        && entity.range.end <= r.end
    {
        return;
    }
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
    if is_message(entity) && name_is(entity, "postacert.eml") {
        out.push(format!("postacert.eml at MIME part {path}"));
        return;
    }
    if is_xml(entity) || name_is(entity, "daticert.xml") {
        let decoded = decode::decode_entity(entity, raw).into_bytes();
        if daticert::looks_like_daticert(&decoded) {
            out.push(format!("daticert.xml at MIME part {path}"));
            if unsigned_daticert.is_none() {
                *unsigned_daticert = daticert::parse(&decoded, limits).ok();
            }
        }
    }
}

fn classify(
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

fn mime_tree(raw: &[u8], entity: &Entity, path: &str, signed: Option<&Range<usize>>) -> MimeNode {
    let inside = signed.is_some_and(|r| r.start <= entity.range.start && entity.range.end <= r.end);
    MimeNode {
        path: path.to_string(),
        content_type: entity.content_type.mime.clone(),
        size: entity.body().len(),
        name: if entity.children.is_empty() { decode::entity_file_name(entity, raw) } else { None },
        signed: inside,
        children: entity
            .children
            .iter()
            .enumerate()
            .map(|(i, c)| mime_tree(raw, c, &format!("{path}.{}", i + 1), signed))
            .collect(),
    }
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
                problems
                    .push(budget_problem(&format!("the message forwarded at MIME part {path}")));
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
