//! ETSI EN 319 522 evidence: what a REM provider states about an event of a registered
//! message (REM is the European registered e-mail that PEC moves to; AgID REM-Policy-IT 1.2).
//!
//! The evidence is an XML document in the namespace `http://uri.etsi.org/19522/v1#`. Inside a
//! REM message it is a part of the S/MIME-signed content, like daticert.xml in a PEC: the
//! provider's signature covers it. Elements are matched by namespace and local name as the
//! kit writes them (the ETSI elements in the evidence namespace, some children in none);
//! the enveloped `ds:Signature` is skipped here. roxmltree refuses DTDs, so no entity can
//! expand.
#![deny(clippy::indexing_slicing)]

use roxmltree::{Document, Node};
use serde::{Deserialize, Serialize};

/// The namespace of ETSI EN 319 522 evidence.
pub const NAMESPACE: &str = crate::finding::ETSI_ERDS_NAMESPACE;

/// What an evidence states, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RemEvidence {
    /// The ETSI event, the last segment of `ERDSEventId` (`SubmissionAcceptance`,
    /// `ContentConsignment`, `RelayFailure`, …).
    pub event: Option<String>,
    /// `ERDSEventId` as written.
    pub event_uri: Option<String>,
    /// The reason code (`RA01`, `RD01`, …): the first `Details` of the `EventReason`.
    pub reason: Option<String>,
    /// The reason's `Code` URI.
    pub reason_uri: Option<String>,
    /// The reason's text (its second `Details`).
    pub reason_text: Option<String>,
    /// `EvidenceIdentifier`.
    pub evidence_id: Option<String>,
    /// `EventTime`, RFC 3339 as written.
    pub event_time: Option<String>,
    /// `SubmissionTime`, RFC 3339 as written.
    pub submission_time: Option<String>,
    /// The issuing provider's legal name (`EvidenceIssuerDetails`).
    pub issuer: Option<String>,
    /// `EvidenceIssuerPolicyID/PolicyID`.
    pub policies: Vec<String>,
    /// `SenderDetails`.
    pub sender: Option<RemParty>,
    /// `RecipientDetails`, in order.
    pub recipients: Vec<RemParty>,
    /// `EvidenceRefersToRecipient`: which recipient (from 1) a per-recipient evidence is about.
    pub refers_to_recipient: Option<usize>,
    /// `MessageIdentifier`: the provider's identifier of the message.
    pub message_id: Option<String>,
    /// `UserContentInfo/AppLayerIdentifier`: the client's Message-ID.
    pub app_message_id: Option<String>,
    /// The digest of the original message (`PartsInfo/PartInfo`).
    pub original_digest: Option<RemDigest>,
    /// The original's subject (`ext:GeneralEvidenceInfo/ext:Subject`, AgID extension).
    pub subject: Option<String>,
}

/// A sender or recipient as an evidence names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RemParty {
    /// The `mailto` identifier.
    pub address: Option<String>,
    /// eIDAS identity attributes (`saml:Attribute` FriendlyName and value).
    pub identity: Vec<RemAttribute>,
    /// The eIDAS level of assurance of the identification (`…/LoA/substantial`, `…/high`).
    pub assurance_level: Option<String>,
}

/// One eIDAS identity attribute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemAttribute {
    /// FriendlyName (`LegalName`, `PersonIdentifier`, …).
    pub name: String,
    /// Its value.
    pub value: String,
}

/// A digest as an evidence states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemDigest {
    /// The algorithm URI (`http://www.w3.org/2001/04/xmlenc#sha256`).
    pub algorithm: String,
    /// The value, base64 as written.
    pub value: String,
}

pub use crate::finding::XmlFault;

/// Text that is not UTF-8, as an [`XmlFault`].
pub fn not_utf8(e: std::str::Utf8Error) -> XmlFault {
    XmlFault::NotUtf8 { at: e.valid_up_to(), detail: e.to_string() }
}

/// Whether these bytes are an ETSI evidence document: XML (a REM message's own headers name
/// the namespace too) that names the evidence namespace in its first bytes.
pub fn looks_like_evidence(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    let start = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    start.trim_ascii_start().starts_with(b"<")
        && memchr::memmem::find(head, NAMESPACE.as_bytes()).is_some()
        && memchr::memmem::find(head, b"Evidence").is_some()
}

/// Reads an evidence document.
pub fn parse(bytes: &[u8]) -> Result<RemEvidence, XmlFault> {
    let text = std::str::from_utf8(bytes).map_err(not_utf8)?;
    let doc = parse_document(text)?;
    let root = doc.root_element();
    if !is(root, "Evidence") {
        return Err(XmlFault::NotEvidence);
    }
    let mut out = RemEvidence::default();
    for child in root.children().filter(Node::is_element) {
        match child.tag_name().name() {
            "EvidenceIdentifier" => out.evidence_id = text_of(child),
            "ERDSEventId" => {
                out.event_uri = text_of(child);
                out.event = out.event_uri.as_deref().map(last_segment);
            }
            "EventReasons" => {
                if let Some(reason) = elements(child, "EventReason").next() {
                    out.reason_uri = elements(reason, "Code").next().and_then(text_of);
                    let mut details = elements(reason, "Details").filter_map(text_of);
                    out.reason = details.next();
                    out.reason_text = details.next();
                }
            }
            "EventTime" => out.event_time = text_of(child),
            "SubmissionTime" => out.submission_time = text_of(child),
            "EvidenceIssuerPolicyID" => {
                out.policies = elements(child, "PolicyID").filter_map(text_of).collect();
            }
            "EvidenceIssuerDetails" => {
                out.issuer = party(child)
                    .identity
                    .into_iter()
                    .find(|a| a.name == "LegalName" || a.name == "LegalPersonName")
                    .map(|a| a.value);
            }
            "SenderDetails" => out.sender = Some(party(child)),
            "RecipientDetails" => out.recipients.push(party(child)),
            "EvidenceRefersToRecipient" => {
                out.refers_to_recipient = text_of(child).and_then(|t| t.parse().ok());
            }
            "MessageIdentifier" => out.message_id = text_of(child),
            "UserContentInfo" => {
                out.app_message_id = elements(child, "AppLayerIdentifier").next().and_then(text_of);
                out.original_digest = child
                    .descendants()
                    .find(|n| n.is_element() && n.tag_name().name() == "PartInfo")
                    .and_then(digest_of);
            }
            "Extensions" => {
                out.subject = child
                    .descendants()
                    .find(|n| n.is_element() && n.tag_name().name() == "Subject")
                    .and_then(text_of);
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Whether `node` is the ETSI element `name`.
fn is(node: Node<'_, '_>, name: &str) -> bool {
    node.tag_name().name() == name && node.tag_name().namespace() == Some(NAMESPACE)
}

/// The child elements of `node` named `name` (in any namespace: the kit writes some in none).
fn elements<'a, 'input: 'a>(
    node: Node<'a, 'input>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'input>> + 'a {
    node.children().filter(move |n| n.is_element() && n.tag_name().name() == name)
}

/// An element's text, trimmed; `None` when empty.
fn text_of(node: Node<'_, '_>) -> Option<String> {
    let text = element_text(node);
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The text an element holds, from its text children only: a comment or processing
/// instruction inside it is not text, and no signature covers a comment (canonicalisation
/// drops them), so reading one would report unsigned words as signed.
pub(crate) fn element_text(node: Node<'_, '_>) -> String {
    node.children().filter(Node::is_text).filter_map(|n| n.text()).collect()
}

/// How deep the evidence formats nest: far less than this.
const MAX_DEPTH: usize = 64;
/// The namespaces in scope at one element: real evidence and trusted lists use a handful.
const MAX_NAMESPACES: usize = 64;

/// Parses an XML document peckit reads (an evidence, a trusted list), refusing what no such
/// document needs and what would make the canonicaliser slow or deep: a DTD (roxmltree
/// refuses it), nesting deeper than 64 elements, more than 64 namespaces in scope.
pub fn parse_document(text: &str) -> Result<Document<'_>, XmlFault> {
    use roxmltree::Error as E;
    let doc = Document::parse(text).map_err(|e| match e {
        E::DtdDetected => XmlFault::Dtd,
        // These carry no position (the parser gives 1:1): saying one would mislead.
        E::UnexpectedEndOfStream | E::UnclosedRootNode | E::NoRootNode => {
            XmlFault::Incomplete(e.to_string())
        }
        E::NodesLimitReached | E::AttributesLimitReached | E::NamespacesLimitReached => {
            XmlFault::TooLarge(e.to_string())
        }
        other => {
            let at = other.pos();
            XmlFault::Syntax { line: at.row, column: at.col, detail: other.to_string() }
        }
    })?;
    for node in doc.descendants().filter(Node::is_element) {
        if node.first_element_child().is_none()
            && node.ancestors().take(MAX_DEPTH + 2).count() > MAX_DEPTH + 1
        {
            return Err(XmlFault::TooDeep(MAX_DEPTH));
        }
        if node.namespaces().len() > MAX_NAMESPACES {
            return Err(XmlFault::TooManyNamespaces(MAX_NAMESPACES));
        }
    }
    Ok(doc)
}

/// `http://uri.etsi.org/19522/Event/ContentConsignment` → `ContentConsignment`.
fn last_segment(uri: &str) -> String {
    uri.rsplit(['/', '#']).next().unwrap_or(uri).to_string()
}

/// A sender's or recipient's details.
fn party(node: Node<'_, '_>) -> RemParty {
    let identity = node
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == "Attribute")
        .filter_map(|a| {
            let name = a.attribute("FriendlyName")?.to_string();
            let value = elements(a, "AttributeValue").next().and_then(text_of)?;
            Some(RemAttribute { name, value })
        })
        .collect();
    RemParty {
        address: elements(node, "Identifier")
            .find(|i| i.attribute("IdentifierSchemeName") == Some("mailto"))
            .and_then(text_of),
        identity,
        assurance_level: node
            .descendants()
            .find(|n| n.is_element() && n.tag_name().name() == "AssuranceLevel")
            .and_then(text_of),
    }
}

fn digest_of(part: Node<'_, '_>) -> Option<RemDigest> {
    let method = elements(part, "DigestMethod").next()?;
    Some(RemDigest {
        algorithm: method.attribute("Algorithm")?.to_string(),
        value: elements(part, "DigestValue").next().and_then(text_of)?,
    })
}

/// The PEC artefact an ETSI event corresponds to (AgID REM-Policy-IT maps PEC's receipts onto
/// the EN 319 522 events), or `None` when PEC has none.
pub fn pec_equivalent(event: &str) -> Option<&'static str> {
    Some(match event {
        "SubmissionAcceptance" => "accettazione",
        "SubmissionRejection" => "non-accettazione",
        "RelayAcceptance" => "presa-in-carico",
        "ContentConsignment" => "avvenuta-consegna",
        "ContentConsignmentFailure" | "RelayFailure" | "RelayRejection" => "errore-consegna",
        "ReceivedFromNonERDS" => "anomalia",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const EVIDENCE: &str = r#"<?xml version="1.0"?><tns:Evidence xmlns:tns="http://uri.etsi.org/19522/v1#" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
<tns:EvidenceIdentifier>E1@p</tns:EvidenceIdentifier>
<tns:ERDSEventId>http://uri.etsi.org/19522/Event/ContentConsignment</tns:ERDSEventId>
<tns:EventReasons><tns:EventReason><Code>http://uri.etsi.org/19522/EventReason/MessageConsignedToRecipient</Code><Details>RD01</Details><Details>consigned</Details></tns:EventReason></tns:EventReasons>
<EventTime>2022-08-03T14:22:14Z</EventTime>
<tns:EvidenceIssuerDetails><tns:Identity><saml:Attribute FriendlyName="LegalName"><saml:AttributeValue>R-REMS-2</saml:AttributeValue></saml:Attribute></tns:Identity></tns:EvidenceIssuerDetails>
<tns:SenderDetails><Identifier IdentifierSchemeName="mailto">s@a.it</Identifier><AssuranceLevelsDetails><GlobalAssuranceLevel><AssuranceLevel>http://eidas.europa.eu/LoA/substantial</AssuranceLevel></GlobalAssuranceLevel></AssuranceLevelsDetails></tns:SenderDetails>
<tns:RecipientDetails><Identifier IdentifierSchemeName="mailto">c@b.it</Identifier></tns:RecipientDetails>
<tns:RecipientDetails><Identifier IdentifierSchemeName="mailto">d@b.it</Identifier></tns:RecipientDetails>
<tns:SubmissionTime>2022-08-03T14:22:11Z</tns:SubmissionTime>
<EvidenceRefersToRecipient>2</EvidenceRefersToRecipient>
<tns:MessageIdentifier>M1@p</tns:MessageIdentifier>
<tns:UserContentInfo><AppLayerIdentifier>&lt;c@client&gt;</AppLayerIdentifier><tns:PartsInfo><tns:PartInfo><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>AAAA</ds:DigestValue></tns:PartInfo></tns:PartsInfo></tns:UserContentInfo>
<ds:Signature><ds:SignedInfo/></ds:Signature></tns:Evidence>"#;

    #[test]
    fn every_field_is_read_as_written() {
        let e = parse(EVIDENCE.as_bytes()).unwrap();
        assert_eq!(e.event.as_deref(), Some("ContentConsignment"));
        assert_eq!(e.reason.as_deref(), Some("RD01"));
        assert_eq!(e.reason_text.as_deref(), Some("consigned"));
        assert_eq!(e.evidence_id.as_deref(), Some("E1@p"));
        assert_eq!(e.event_time.as_deref(), Some("2022-08-03T14:22:14Z"));
        assert_eq!(e.submission_time.as_deref(), Some("2022-08-03T14:22:11Z"));
        assert_eq!(e.issuer.as_deref(), Some("R-REMS-2"));
        let sender = e.sender.unwrap();
        assert_eq!(sender.address.as_deref(), Some("s@a.it"));
        assert!(sender.assurance_level.unwrap().ends_with("/substantial"));
        assert_eq!(e.recipients.len(), 2);
        assert_eq!(e.refers_to_recipient, Some(2));
        assert_eq!(e.message_id.as_deref(), Some("M1@p"));
        assert_eq!(e.app_message_id.as_deref(), Some("<c@client>"));
        assert_eq!(e.original_digest.unwrap().value, "AAAA");
        assert_eq!(pec_equivalent("ContentConsignment"), Some("avvenuta-consegna"));
    }

    #[test]
    fn a_rem_message_is_not_taken_for_an_evidence_file() {
        let message = b"REM-MessageType: http://uri.etsi.org/19522/v1#/ERDMessageType/receipt\r\nREM-Evidence-ID: <x>\r\n\r\n";
        assert!(!looks_like_evidence(message));
        assert!(looks_like_evidence(EVIDENCE.as_bytes()));
    }

    #[test]
    fn a_dtd_or_another_root_is_refused() {
        let dtd = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>";
        assert_eq!(parse(dtd.as_bytes()).err(), Some(XmlFault::Dtd));
        let other = "<Evidence xmlns=\"urn:other\"/>";
        assert_eq!(parse(other.as_bytes()).err(), Some(XmlFault::NotEvidence));
        // A truncated document has no position to give (the parser says 1:1).
        let cut = &EVIDENCE[..EVIDENCE.len() / 2];
        assert!(matches!(parse(cut.as_bytes()), Err(XmlFault::Incomplete(_))));
        assert!(matches!(
            parse(b"<Evidence>\xff</Evidence>"),
            Err(XmlFault::NotUtf8 { at: 10, .. })
        ));
        let broken = "<Evidence xmlns=\"urn:other\">\n  <a></b></Evidence>";
        assert!(
            matches!(parse(broken.as_bytes()), Err(XmlFault::Syntax { line: 2, .. })),
            "{:?}",
            parse(broken.as_bytes())
        );
    }
}
