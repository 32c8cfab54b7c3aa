//! What the REM checks find, as data: why an evidence could not be read, why its XAdES
//! signature does not sign what peckit reads, why a time-stamp does not hold. The words are
//! in the catalogue, in both languages.

use serde::{Deserialize, Serialize};

/// The namespace of ETSI EN 319 522 evidence (REM).
pub const ETSI_ERDS_NAMESPACE: &str = "http://uri.etsi.org/19522/v1#";

/// Why an XML document peckit reads (an ETSI evidence, a trusted list) was refused. The
/// parser's own words are kept for English; Italian says what happened without them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum XmlFault {
    /// Not UTF-8 from this byte (the decoder's words).
    NotUtf8 {
        /// The first byte that is not UTF-8.
        at: usize,
        /// What the decoder says.
        detail: String,
    },
    /// A document type declaration: none of these formats has one, and it opens entity
    /// expansion.
    Dtd,
    /// Elements nested deeper than this limit.
    TooDeep(usize),
    /// More namespaces in scope at one element than this limit.
    TooManyNamespaces(usize),
    /// The document ends before its root element does, or has none (the parser's words).
    Incomplete(String),
    /// More nodes, attributes or namespaces than the parser accepts (its words).
    TooLarge(String),
    /// Not well-formed at this line and column (the parser's words, for English).
    Syntax {
        /// Line, from 1.
        line: u32,
        /// Column, from 1.
        column: u32,
        /// What the parser says.
        detail: String,
    },
    /// Well-formed, but its root is not an ETSI EN 319 522 `Evidence`.
    NotEvidence,
}

/// Why the XAdES signature does not sign the evidence peckit reads (wrapping, duplicate Ids,
/// relocated content).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WrappingFault {
    /// Two elements carry this Id, so a reference could select either.
    DuplicateId(String),
    /// This many signatures in one evidence.
    SignatureCount(usize),
    /// The signature is not a child of the evidence's root element.
    NotEnveloped,
    /// The signature has no SignedInfo.
    NoSignedInfo,
    /// More references than peckit follows.
    TooManyReferences {
        /// How many.
        found: usize,
        /// The limit.
        max: usize,
    },
    /// A reference names an Id no element has.
    UnknownId(String),
    /// The whole-document reference does not leave the signature out.
    SignatureNotExcluded,
    /// A reference selects this element, neither the evidence nor its signed properties.
    OtherElement(String),
    /// No reference covers the evidence.
    EvidenceNotCovered,
    /// No reference covers the signed properties.
    PropertiesNotCovered,
    /// The signature has no SignatureValue.
    NoSignatureValue,
}

/// Why a time-stamp token does not hold (RFC 3161).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeStampFault {
    /// Not a CMS SignedData (the reader's words).
    NotSignedData(String),
    /// Its eContentType is this OID, not id-ct-TSTInfo.
    WrongContentType(String),
    /// It carries no eContent.
    NoTstInfo,
    /// The TSTInfo cannot be read (the DER reader's words).
    MalformedTstInfo(String),
    /// Its genTime cannot be read.
    UnreadableGenTime,
    /// The imprint's digest algorithm is not one peckit implements (its OID).
    UnsupportedImprintDigest(String),
    /// The signer's digest algorithm is not one peckit implements (its OID).
    UnsupportedDigest(String),
    /// Its imprint is not the digest of the signature value it time-stamps.
    ImprintMismatch,
    /// No SignerInfo.
    NoSignerInfo,
    /// The authority's certificate is not in the token.
    AuthorityCertificateMissing,
    /// Its signer is not a time-stamping authority (no timeStamping key usage).
    NotTimeStampingAuthority(String),
    /// No signed attributes.
    NoSignedAttributes,
    /// No messageDigest among the signed attributes.
    NoMessageDigest,
    /// The signed contentType attribute is not id-ct-TSTInfo.
    ContentTypeAttribute,
    /// The TSTInfo does not match its messageDigest: altered.
    Altered,
    /// The signature algorithm cannot be read or is not one peckit implements (the reader's
    /// words).
    SignatureAlgorithm(String),
    /// The authority's key cannot be used with it (why, in the verifier's words).
    KeyUnusable(String),
    /// The authority's signature does not verify.
    BadSignature,
}

/// A canonicalisation, transform or algorithm of a XAdES signature outside the allow-list,
/// or missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TransformFault {
    /// SignedInfo has no CanonicalizationMethod.
    NoCanonicalization,
    /// SignedInfo has no SignatureMethod.
    NoSignatureMethod,
    /// A reference has no DigestMethod.
    NoDigestMethod,
    /// A time-stamp has no CanonicalizationMethod.
    TimeStampNoCanonicalization,
    /// A reference URI that is neither "" nor a same-document `#id`.
    ReferenceUri(String),
    /// A transform after the canonicalisation (its algorithm).
    AfterCanonicalisation(String),
    /// An XPath Filter 2.0 transform without its XPath.
    XPathMissing,
    /// An XPath Filter 2.0 other than subtracting the signature.
    XPathFilter {
        /// Its Filter attribute.
        filter: String,
        /// Its expression.
        expression: String,
    },
    /// A transform peckit does not apply (its algorithm).
    Transform(String),
    /// A canonicalisation peckit does not apply (its algorithm).
    Canonicalisation(String),
    /// A digest algorithm peckit does not implement (its URI).
    Digest(String),
    /// A signature algorithm peckit does not implement (its URI).
    SignatureMethod(String),
}
