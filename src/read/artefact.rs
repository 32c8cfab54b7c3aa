//! What reading finds in one artefact: the claims, the signed entity, the signed content,
//! the MIME tree, and the artefact that holds them.

use std::ops::Range;

use serde::Serialize;

use super::address::sole_address;
use super::daticert::{DatiCert, DaticertError};
use super::decode;
use super::kind::Kind;
use super::mime::{Entity, Headers};
use crate::finding::{Outside, SignatureDefect};
use crate::problem::Problem;

/// The namespace of ETSI EN 319 522 evidence (REM).
pub use super::rem::NAMESPACE as ETSI_ERDS_NAMESPACE;

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
    /// `From`, RFC 2047-decoded (for people).
    pub from: Option<String>,
    /// The one address of `From`, read from the header as written (never from the decoded
    /// text, whose display name can imitate an address); `None` unless there is exactly one.
    #[serde(skip)]
    pub from_address: Option<String>,
    /// `To`.
    pub to: Option<String>,
    /// `Cc`.
    pub cc: Option<String>,
    /// `Date`, as written.
    pub date: Option<String>,
    /// The `REM-*` headers of a REM message (ETSI EN 319 532-3); null when there is none.
    pub rem: Option<RemClaims>,
}

/// What a REM message's own headers say (unsigned: cross-checked with the signed evidence).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RemClaims {
    /// `REM-MessageType`, its last segment: `dispatch` or `receipt`.
    pub message_type: Option<String>,
    /// `REM-EventIdentifier` as written.
    pub event_uri: Option<String>,
    /// `REM-ReasonIdentifier` as written.
    pub reason_uri: Option<String>,
    /// `REM-Evidence-ID` as written.
    pub evidence_id: Option<String>,
    /// `REM-DigestAlgorithm` as written.
    pub digest_algorithm: Option<String>,
    /// `REM-DigestValue` as written: the digest of the original message.
    pub digest_value: Option<String>,
    /// `REM-UAMessageIdentifier`: the client's Message-ID.
    pub ua_message_id: Option<String>,
    /// `REM-ApplicablePolicy`, every one.
    pub policies: Vec<String>,
}

impl RemClaims {
    fn from_headers(h: &Headers) -> Option<RemClaims> {
        // One pass over the names first: PEC messages carry none of these eight fields.
        let has_rem_field =
            h.iter().any(|(name, _)| name.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("rem-")));
        if !has_rem_field {
            return None;
        }
        let owned = |name: &str| h.get(name).map(|v| v.trim().to_string());
        let claims = RemClaims {
            message_type: owned("rem-messagetype")
                .map(|t| t.rsplit(['/', '#']).next().unwrap_or(&t).to_string()),
            event_uri: owned("rem-eventidentifier"),
            reason_uri: owned("rem-reasonidentifier"),
            evidence_id: owned("rem-evidence-id"),
            digest_algorithm: owned("rem-digestalgorithm"),
            digest_value: owned("rem-digestvalue"),
            ua_message_id: owned("rem-uamessageidentifier"),
            policies: h.get_all("rem-applicablepolicy").map(|p| p.trim().to_string()).collect(),
        };
        (claims != RemClaims::default()).then_some(claims)
    }
}

impl Claims {
    pub(super) fn from_headers(h: &Headers) -> Claims {
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
            from_address: h.get("from").and_then(sole_address),
            to: h.get("to").map(decode::header_text),
            cc: h.get("cc").map(decode::header_text),
            date: owned("date"),
            rem: RemClaims::from_headers(h),
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
    pub defect: Option<SignatureDefect>,
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
    pub daticert_error: Option<DaticertError>,
    /// How many more parts than one hold a daticert root (a provider signs one daticert.xml).
    pub more_daticerts: usize,
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
    /// That evidence, read (the first one), or why it could not be.
    pub rem: Option<Result<super::rem::RemEvidence, super::rem::XmlFault>>,
    /// That evidence's bytes inside a message (its XAdES signature covers them); a
    /// standalone evidence's are the artefact's own ([`Artefact::evidence_bytes`]).
    pub rem_raw: Option<Vec<u8>>,
    /// Where that evidence part is.
    pub rem_part: Option<PartInfo>,
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
    pub outside_signature: Vec<Outside>,
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

    /// Whether this is an ETSI evidence file on its own, not a message.
    pub fn is_standalone_evidence(&self) -> bool {
        self.signed.is_none() && self.content.as_ref().is_some_and(|c| c.etsi_evidence)
    }

    /// The ETSI evidence's bytes: the part of a REM message, or a standalone file whole.
    pub fn evidence_bytes(&self) -> Option<&[u8]> {
        match self.content.as_ref()?.rem_raw.as_deref() {
            Some(part) => Some(part),
            None => self.is_standalone_evidence().then_some(self.raw.as_slice()),
        }
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

fn mime_tree(raw: &[u8], entity: &Entity, path: &str, signed: Option<&Range<usize>>) -> MimeNode {
    let inside = signed.is_some_and(|r| r.start <= entity.range.start && entity.range.end <= r.end);
    MimeNode {
        path: path.to_string(),
        content_type: entity.content_type.mime.to_string(),
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
