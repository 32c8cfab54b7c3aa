//! What the REM checks find, as data: why an evidence could not be read, why its XAdES
//! signature does not sign what peckit reads, why a time-stamp does not hold. The words are
//! in the catalogue, in both languages.

/// Why an XML document peckit reads (an ETSI evidence, a trusted list) was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XmlFault {
    /// Not UTF-8.
    NotUtf8,
    /// A document type declaration: none of these formats has one, and it opens entity
    /// expansion.
    Dtd,
    /// Elements nested deeper than this limit.
    TooDeep(usize),
    /// More namespaces in scope at one element than this limit.
    TooManyNamespaces(usize),
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeStampFault {
    /// Not a CMS SignedData (the reader's words).
    NotSignedData(String),
    /// Its content is not a TSTInfo.
    NotTstInfo,
    /// The TSTInfo cannot be read.
    MalformedTstInfo,
    /// A digest algorithm peckit does not implement (its OID).
    UnsupportedDigest(String),
    /// Its imprint is not the digest of the signature value it time-stamps.
    ImprintMismatch,
    /// No SignerInfo, or the authority's certificate is not in the token.
    SignerMissing,
    /// Its signer is not a time-stamping authority (no timeStamping key usage).
    NotTimeStampingAuthority(String),
    /// No signed attributes, or no messageDigest among them.
    AttributesMissing,
    /// The TSTInfo does not match its messageDigest: altered.
    Altered,
    /// The signature algorithm is not one peckit implements (its words).
    UnsupportedAlgorithm(String),
    /// The authority's signature does not verify.
    BadSignature,
}
