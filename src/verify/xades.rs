//! The XAdES signature of a REM evidence (ETSI EN 319 132-1 baseline B over W3C XMLDSig),
//! verified with an allow-list: exclusive C14N, C14N 1.0 or C14N 1.1 (with or without
//! comments) for SignedInfo and every reference, an XPath Filter 2.0 `subtract` of the signature (or the enveloped-signature
//! transform) on the whole-document reference, SHA-2 digests, RSA and ECDSA with SHA-2.
//! Anything else is refused, not guessed.
//!
//! Against signature wrapping: one `ds:Signature`, a child of the evidence's root; every Id in
//! the document unique; one reference covering the root element (the evidence peckit then
//! reads), one covering this signature's own `xades:SignedProperties`, and none pointing
//! anywhere else.
#![deny(clippy::indexing_slicing)]

use std::sync::Arc;

use base64::Engine as _;
use jiff::Timestamp;
use roxmltree::{Document, Node};
use serde::Serialize;

use super::cert::{Cert, CertSummary};
use super::crypto::{DigestAlg, PublicKey, SigAlg, SigFailure};
use super::verifier::Verifier;
use crate::finding::{Finding, TransformFault, WrappingFault};
use crate::problem::Problem;
use crate::read::c14n;

const DS: &str = "http://www.w3.org/2000/09/xmldsig#";
const XADES: &str = "http://uri.etsi.org/01903/v1.3.2#";
const XADES141: &str = "http://uri.etsi.org/01903/v1.4.1#";
const EXC_C14N: &str = "http://www.w3.org/2001/10/xml-exc-c14n#";
const EXC_C14N_COMMENTS: &str = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments";
const C14N_10: &str = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
const C14N_10_COMMENTS: &str = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments";
const C14N_11: &str = "http://www.w3.org/2006/12/xml-c14n11";
const C14N_11_COMMENTS: &str = "http://www.w3.org/2006/12/xml-c14n11#WithComments";
const FILTER2: &str = "http://www.w3.org/2002/06/xmldsig-filter2";
const ENVELOPED: &str = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
const SIGNED_PROPERTIES_TYPE: &str = "http://uri.etsi.org/01903#SignedProperties";
/// References one signature may make (an evidence needs two).
const MAX_REFERENCES: usize = 8;

/// How an evidence's XAdES signature was judged.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct XadesReport {
    /// `valid` (signature, references and signing certificate check out), `invalid`, or
    /// `missing`.
    pub status: &'static str,
    /// The certificate that signed, when one was found.
    pub signer: Option<Arc<CertSummary>>,
    /// `xades:SigningTime`, RFC 3339 UTC.
    pub signing_time: Option<String>,
    /// Whether the signer's path ends at a trusted anchor.
    pub trusted: bool,
    /// Where that anchor came from.
    pub anchor_source: Option<String>,
    /// Whether that anchor is a trusted list's qualified delivery service (EDS/REM/Q or
    /// EDS/Q, granted when the evidence was signed): what eIDAS art. 43(2) asks.
    #[serde(skip)]
    pub qualified_service: bool,
    /// The path, leaf first.
    pub chain: Vec<String>,
    /// The instant the certificates were judged at, RFC 3339 UTC.
    pub reference_time: Option<String>,
    /// Where it came from: `time-stamp` (the genTime of a valid, trusted time-stamp),
    /// `signing-time` (xades:SigningTime), `requested` (`--at`) or `now`.
    pub reference_time_source: &'static str,
    /// The SignatureTimeStamp, when there is one.
    pub time_stamp: Option<super::timestamp::TimeStampReport>,
    /// The signer's entry in its authority's register (the report's `identity` says it).
    #[serde(skip)]
    pub accreditation: super::Accreditation,
}

impl XadesReport {
    /// Whether the signature checks out and chains to a trusted anchor.
    pub fn holds(&self) -> bool {
        self.status == "valid" && self.trusted
    }

    fn missing() -> XadesReport {
        XadesReport {
            status: "missing",
            signer: None,
            signing_time: None,
            trusted: false,
            anchor_source: None,
            qualified_service: false,
            chain: Vec::new(),
            reference_time: None,
            reference_time_source: "now",
            time_stamp: None,
            accreditation: super::Accreditation::default(),
        }
    }
}

/// Verifies the XAdES signature enveloped in an evidence document.
pub fn verify(xml: &[u8], verifier: &Verifier) -> (XadesReport, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut report = XadesReport::missing();
    let parsed = std::str::from_utf8(xml)
        .map_err(crate::read::rem::not_utf8)
        .and_then(crate::read::rem::parse_document);
    let doc = match parsed {
        Ok(doc) => doc,
        Err(fault) => {
            // Nothing signed can be read from it: never valid.
            report.status = "invalid";
            problems.push(Problem::of(Finding::RemEvidenceMalformed(fault)));
            return (report, problems);
        }
    };
    match check(&doc, verifier, &mut report) {
        Ok(path_problems) => problems.extend(path_problems),
        Err(finding) => {
            // "missing" only when there is no signature: one that is there and fails is
            // invalid (review 16: a changed signature value read as "missing").
            if !matches!(finding, Finding::XadesMissing) {
                report.status = "invalid";
            }
            problems.push(Problem::of(finding));
        }
    }
    if report.status == "valid" && !report.trusted {
        report.status = "invalid";
    }
    (report, problems)
}

fn is(node: Node<'_, '_>, namespace: &str, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node.tag_name().namespace() == Some(namespace)
}

fn child<'a, 'i>(node: Node<'a, 'i>, namespace: &str, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| is(*n, namespace, name))
}

fn text(node: Node<'_, '_>) -> String {
    crate::read::rem::element_text(node)
}

fn base64_of(node: Node<'_, '_>) -> Option<Vec<u8>> {
    let cleaned: String = text(node).chars().filter(|c| !c.is_whitespace()).collect();
    base64::engine::general_purpose::STANDARD.decode(cleaned).ok()
}

fn refused(what: TransformFault) -> Finding {
    Finding::XadesTransformRefused(what)
}

fn wrapping(why: WrappingFault) -> Finding {
    Finding::XadesWrapping(why)
}

/// Every element's Id, once each (duplicates let a reference point at a decoy).
fn unique_ids<'a, 'i>(
    doc: &'a Document<'i>,
) -> Result<std::collections::HashMap<&'a str, Node<'a, 'i>>, Finding> {
    let mut ids = std::collections::HashMap::new();
    for node in doc.descendants().filter(Node::is_element) {
        for a in node.attributes().filter(|a| matches!(a.name(), "Id" | "ID" | "id")) {
            if ids.insert(a.value(), node).is_some() {
                return Err(wrapping(WrappingFault::DuplicateId(a.value().to_string())));
            }
        }
    }
    Ok(ids)
}

/// The checks in order; the problems of the signer's path when the signature itself holds.
/// What the XMLDSig core established: the signature element, the certificate that signed
/// (bound by SigningCertificateV2), every certificate it carries, and its SigningTime.
pub(crate) struct Signed<'a, 'i> {
    signature: Node<'a, 'i>,
    pub(crate) signer: Cert,
    certificates: Vec<Cert>,
    pub(crate) signing_time: Option<Timestamp>,
}

fn check(
    doc: &Document<'_>,
    verifier: &Verifier,
    report: &mut XadesReport,
) -> Result<Vec<Problem>, Finding> {
    let Signed { signature, signer, certificates, signing_time } = verify_core(doc)?;
    let signer = &signer;
    let unsigned = unsigned_elements(signature);
    report.signer = Some(signer.shared_summary());
    report.signing_time = signing_time.map(super::cert::rfc3339);
    report.status = "valid";
    let mut problems = Vec::new();
    if !unsigned.is_empty() {
        problems.push(Problem::of(Finding::XadesUnsignedContent(unsigned.join(", "))));
    }
    let gen_time = match signature.descendants().find(|n| is(*n, XADES, "SignatureTimeStamp")) {
        Some(stamp) => {
            let (stamp_report, gen_time, found) = time_stamp(stamp, signature, verifier)?;
            report.time_stamp = Some(stamp_report);
            problems.extend(found);
            gen_time
        }
        None => {
            // XAdES B-B: nothing but the signer's own SigningTime dates it.
            problems.push(Problem::of(Finding::TimeStampMissing));
            None
        }
    };
    let (at, source) = match (verifier.requested_time(), gen_time, signing_time) {
        (Some(t), _, _) => (t, "requested"),
        (None, Some(t), _) => (t, "time-stamp"),
        (None, None, Some(t)) => (t, "signing-time"),
        (None, None, None) => (verifier.now(), "now"),
    };
    report.reference_time = Some(super::cert::rfc3339(at));
    report.reference_time_source = source;
    let pool: Vec<&Cert> = certificates.iter().collect();
    let attested = matches!(source, "time-stamp" | "requested");
    use crate::finding::JudgedAt;
    let basis = match source {
        "requested" => JudgedAt::Requested,
        "time-stamp" => JudgedAt::TimeStamp,
        "now" => JudgedAt::Now,
        _ => JudgedAt::SigningTime,
    };
    let dated = gen_time
        .map(|t| (t, JudgedAt::TimeStamp))
        .or(signing_time.map(|t| (t, JudgedAt::SigningTime)));
    // Only a trusted time-stamp proves when the evidence existed.
    let moment = super::revocation::Moment::new(at, basis, dated, gen_time.is_some());
    let path = verifier.path(signer, &pool, at, super::trust::Purpose::Rem, attested, moment);
    report.trusted = path.trusted;
    report.qualified_service = path.anchor_service == Some(super::trust::Purpose::Rem);
    report.anchor_source = path.anchor_source;
    report.chain = path.chain;
    report.accreditation = path.accreditation;
    problems.extend(path.problems);
    Ok(problems)
}

/// The XMLDSig core over an enveloped XAdES signature: wrapping defences, the allow-listed
/// transforms, every reference's digest, the signing certificate and the SignatureValue.
/// Whether the signer is trusted is for the caller to judge.
pub(crate) fn verify_core<'a, 'i>(doc: &'a Document<'i>) -> Result<Signed<'a, 'i>, Finding> {
    let root = doc.root_element();
    let ids = unique_ids(doc)?;
    let signatures: Vec<Node<'_, '_>> =
        doc.descendants().filter(|n| is(*n, DS, "Signature")).collect();
    let signature = match signatures.as_slice() {
        [] => return Err(Finding::XadesMissing),
        [one] => *one,
        more => return Err(wrapping(WrappingFault::SignatureCount(more.len()))),
    };
    if signature.parent() != Some(root) {
        return Err(wrapping(WrappingFault::NotEnveloped));
    }
    let signed_info =
        child(signature, DS, "SignedInfo").ok_or_else(|| wrapping(WrappingFault::NoSignedInfo))?;
    let method = child(signed_info, DS, "CanonicalizationMethod")
        .ok_or_else(|| refused(TransformFault::NoCanonicalization))?;
    let info_options = c14n_options(method, false)?;
    let sig_alg = child(signed_info, DS, "SignatureMethod")
        .and_then(|m| m.attribute("Algorithm"))
        .map(signature_method)
        .ok_or_else(|| refused(TransformFault::NoSignatureMethod))??;
    let mut covers_root = false;
    let mut signed_properties = None;
    let references: Vec<Node<'_, '_>> =
        signed_info.children().filter(|n| is(*n, DS, "Reference")).collect();
    // An evidence signs itself and its properties; a list of references only costs digests.
    if references.len() > MAX_REFERENCES {
        return Err(wrapping(WrappingFault::TooManyReferences {
            found: references.len(),
            max: MAX_REFERENCES,
        }));
    }
    for reference in references {
        let uri = reference.attribute("URI").unwrap_or("#");
        let target = match uri {
            "" => None,
            u => {
                let id = u
                    .strip_prefix('#')
                    .filter(|id| !id.is_empty())
                    .ok_or_else(|| refused(TransformFault::ReferenceUri(u.to_string())))?;
                let found = ids.get(id).copied();
                Some(found.ok_or_else(|| wrapping(WrappingFault::UnknownId(id.to_string())))?)
            }
        };
        let (subtract_signature, options) = transforms(reference)?;
        if target.is_none() && !subtract_signature {
            return Err(wrapping(WrappingFault::SignatureNotExcluded));
        }
        let omit = |n: Node<'_, '_>| subtract_signature && n == signature;
        let bytes = c14n::canonicalise(target.unwrap_or(doc.root()), &omit, &options);
        let digest_alg = child(reference, DS, "DigestMethod")
            .and_then(|m| m.attribute("Algorithm"))
            .map(digest_method)
            .ok_or_else(|| refused(TransformFault::NoDigestMethod))??;
        let stated = child(reference, DS, "DigestValue").and_then(base64_of).unwrap_or_default();
        if digest_alg.digest(&bytes) != stated {
            return Err(Finding::XadesReferenceAltered(uri.to_string()));
        }
        match target {
            None => covers_root = true,
            Some(node) if node == root => covers_root = true,
            Some(node)
                if reference.attribute("Type") == Some(SIGNED_PROPERTIES_TYPE)
                    && is(node, XADES, "SignedProperties")
                    && node.ancestors().any(|a| a == signature) =>
            {
                signed_properties = Some(node);
            }
            Some(node) => {
                return Err(wrapping(WrappingFault::OtherElement(
                    node.tag_name().name().to_string(),
                )));
            }
        }
    }
    if !covers_root {
        return Err(wrapping(WrappingFault::EvidenceNotCovered));
    }
    let signed_properties =
        signed_properties.ok_or_else(|| wrapping(WrappingFault::PropertiesNotCovered))?;
    let certificates: Vec<Cert> = signature
        .descendants()
        .filter(|n| is(*n, DS, "X509Certificate"))
        .filter_map(base64_of)
        .filter_map(|der| Cert::from_der(&der).ok())
        .collect();
    let signer = signing_certificate(signed_properties, &certificates)?.clone();
    let value = child(signature, DS, "SignatureValue").and_then(base64_of).unwrap_or_default();
    let hashed =
        sig_alg.digest().digest(&c14n::canonicalise(signed_info, &|_| false, &info_options));
    PublicKey::from_spki(&signer.spki)
        .and_then(|key| key.verify_prehashed(&sig_alg, &hashed, &value))
        .map_err(|e| {
            Finding::XadesBadSignature(match e {
                SigFailure::Invalid => None,
                SigFailure::Unsupported(why) | SigFailure::BadKey(why) => Some(why),
            })
        })?;
    let signing_time = signed_properties
        .descendants()
        .find(|n| is(*n, XADES, "SigningTime"))
        .and_then(|n| text(n).trim().parse::<Timestamp>().ok());
    Ok(Signed { signature, signer, certificates, signing_time })
}

/// XAdES SignatureTimeStamp (EN 319 132-1 §5.3): an RFC 3161 token over the canonicalised
/// `ds:SignatureValue` element.
fn time_stamp(
    stamp: Node<'_, '_>,
    signature: Node<'_, '_>,
    verifier: &Verifier,
) -> Result<(super::timestamp::TimeStampReport, Option<Timestamp>, Vec<Problem>), Finding> {
    let method = child(stamp, DS, "CanonicalizationMethod")
        .ok_or_else(|| refused(TransformFault::TimeStampNoCanonicalization))?;
    let options = c14n_options(method, false)?;
    let value = child(signature, DS, "SignatureValue")
        .ok_or_else(|| wrapping(WrappingFault::NoSignatureValue))?;
    let token =
        child(stamp, XADES, "EncapsulatedTimeStamp").and_then(base64_of).unwrap_or_default();
    let imprinted = c14n::canonicalise(value, &|_| false, &options);
    Ok(super::timestamp::verify(&token, &imprinted, verifier))
}

/// The certificate `xades:SigningCertificateV2` (or V1) names by digest, among those the
/// signature carries: the signer is bound to the signed properties, not taken on trust.
fn signing_certificate<'c>(
    properties: Node<'_, '_>,
    certificates: &'c [Cert],
) -> Result<&'c Cert, Finding> {
    let cert = properties
        .descendants()
        .filter(|n| is(*n, XADES, "SigningCertificateV2") || is(*n, XADES, "SigningCertificate"))
        .find_map(|n| n.descendants().find(|c| is(*c, XADES, "CertDigest")))
        .ok_or(Finding::XadesSigningCertificate)?;
    let alg = child(cert, DS, "DigestMethod")
        .and_then(|m| m.attribute("Algorithm"))
        .map(digest_method)
        .ok_or(Finding::XadesSigningCertificate)??;
    let stated = child(cert, DS, "DigestValue").and_then(base64_of).unwrap_or_default();
    certificates
        .iter()
        .find(|c| alg.digest(&c.der) == stated)
        .ok_or(Finding::XadesSigningCertificate)
}

/// A reference's transforms, from the allow-list: optionally the signature left out (XPath
/// Filter 2.0 `subtract` of `/descendant::ds:Signature`, or enveloped-signature), then
/// exclusive C14N. Returns whether the signature is left out and how to canonicalise.
fn transforms(reference: Node<'_, '_>) -> Result<(bool, c14n::Options), Finding> {
    let mut subtract = false;
    let mut options = None;
    let list = child(reference, DS, "Transforms");
    for transform in list.iter().flat_map(|t| t.children()).filter(|n| is(*n, DS, "Transform")) {
        let algorithm = transform.attribute("Algorithm").unwrap_or("");
        if options.is_some() {
            return Err(refused(TransformFault::AfterCanonicalisation(algorithm.to_string())));
        }
        match algorithm {
            ENVELOPED => subtract = true,
            FILTER2 => {
                let xpath = child(transform, FILTER2, "XPath")
                    .ok_or_else(|| refused(TransformFault::XPathMissing))?;
                let expression = text(xpath);
                let ds_bound = xpath.lookup_namespace_uri(Some("ds")) == Some(DS);
                if xpath.attribute("Filter") != Some("subtract")
                    || expression.trim() != "/descendant::ds:Signature"
                    || !ds_bound
                {
                    return Err(refused(TransformFault::XPathFilter {
                        filter: xpath.attribute("Filter").unwrap_or("").to_string(),
                        expression: expression.trim().to_string(),
                    }));
                }
                subtract = true;
            }
            EXC_C14N | EXC_C14N_COMMENTS | C14N_10 | C14N_10_COMMENTS | C14N_11
            | C14N_11_COMMENTS => {
                // A same-document reference ("" or "#id") drops comments whatever the method
                // says (XMLDSig §4.3.3.3).
                options = Some(c14n_options(transform, true)?);
            }
            other => return Err(refused(TransformFault::Transform(other.to_string()))),
        }
    }
    // Without one, a node-set becomes octets by C14N 1.0 (XMLDSig §4.3.3.2).
    let options = options.unwrap_or(c14n::Options { inclusive: true, ..c14n::Options::default() });
    Ok((subtract, options))
}

/// A canonicalisation's options from its method element (exclusive C14N, C14N 1.0 or 1.1,
/// with or without comments); any other method is refused.
fn c14n_options(method: Node<'_, '_>, drop_comments: bool) -> Result<c14n::Options, Finding> {
    let (with_comments, inclusive) = match method.attribute("Algorithm") {
        Some(EXC_C14N) => (false, false),
        Some(EXC_C14N_COMMENTS) => (!drop_comments, false),
        Some(C14N_10 | C14N_11) => (false, true),
        Some(C14N_10_COMMENTS | C14N_11_COMMENTS) => (!drop_comments, true),
        other => {
            return Err(refused(TransformFault::Canonicalisation(other.unwrap_or("").to_string())));
        }
    };
    let inclusive_prefixes = method
        .children()
        .find(|n| n.is_element() && n.tag_name().name() == "InclusiveNamespaces")
        .and_then(|n| n.attribute("PrefixList"))
        .map(|list| list.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default();
    Ok(c14n::Options { with_comments, inclusive_prefixes, inclusive })
}

fn digest_method(uri: &str) -> Result<DigestAlg, Finding> {
    match uri {
        "http://www.w3.org/2001/04/xmlenc#sha256" => Ok(DigestAlg::Sha256),
        "http://www.w3.org/2001/04/xmldsig-more#sha384" => Ok(DigestAlg::Sha384),
        "http://www.w3.org/2001/04/xmlenc#sha512" => Ok(DigestAlg::Sha512),
        other => Err(refused(TransformFault::Digest(other.to_string()))),
    }
}

fn signature_method(uri: &str) -> Result<SigAlg, Finding> {
    match uri {
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256" => {
            Ok(SigAlg::RsaPkcs1(DigestAlg::Sha256))
        }
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384" => {
            Ok(SigAlg::RsaPkcs1(DigestAlg::Sha384))
        }
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512" => {
            Ok(SigAlg::RsaPkcs1(DigestAlg::Sha512))
        }
        "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256" => {
            Ok(SigAlg::Ecdsa(DigestAlg::Sha256))
        }
        "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384" => {
            Ok(SigAlg::Ecdsa(DigestAlg::Sha384))
        }
        other => Err(refused(TransformFault::SignatureMethod(other.to_string()))),
    }
}

/// The elements under `node` of no namespace in `allowed`.
fn foreign_descendants(node: Node<'_, '_>, allowed: &[&str]) -> Vec<String> {
    node.descendants()
        .filter(|d| d.is_element())
        .filter(|d| !d.tag_name().namespace().is_some_and(|ns| allowed.contains(&ns)))
        .map(|d| d.tag_name().name().to_string())
        .collect()
}

/// The elements inside the signature that no reference signs, beyond what XMLDSig and XAdES
/// put there (SignedInfo, SignatureValue, KeyInfo, and in an Object the qualifying
/// properties, signed and unsigned): a fake EventTime there would be read by nobody here,
/// but by a person opening the file.
fn unsigned_elements(signature: Node<'_, '_>) -> Vec<String> {
    let mut found = Vec::new();
    for n in signature.children().filter(Node::is_element) {
        let expected = ["SignedInfo", "SignatureValue", "KeyInfo", "Object"];
        if !(n.tag_name().namespace() == Some(DS) && expected.contains(&n.tag_name().name())) {
            found.push(n.tag_name().name().to_string());
            continue;
        }
        // Inside KeyInfo only XMLDSig's own elements (certificates, names) belong.
        if is(n, DS, "KeyInfo") {
            found.extend(foreign_descendants(n, &[DS]));
            continue;
        }
        if !is(n, DS, "Object") {
            continue;
        }
        for inner in n.children().filter(Node::is_element) {
            if !is(inner, XADES, "QualifyingProperties") {
                found.push(inner.tag_name().name().to_string());
                continue;
            }
            for part in inner.children().filter(Node::is_element) {
                if is(part, XADES, "UnsignedProperties") {
                    // Time-stamps and validation data: XAdES's (1.3.2 and 1.4.1) and
                    // XMLDSig's elements only.
                    found.extend(foreign_descendants(part, &[XADES, XADES141, DS]));
                } else if !is(part, XADES, "SignedProperties") {
                    found.push(part.tag_name().name().to_string());
                }
            }
        }
        // Text beside the elements of an Object is content too.
        if n.children().any(|c| c.is_text() && !c.text().unwrap_or_default().trim().is_empty()) {
            found.push("Object (text)".into());
        }
    }
    found
}
