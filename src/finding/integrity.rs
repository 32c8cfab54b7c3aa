//! Findings about a signed artefact that carries more than its signer made: a second signer,
//! a decoy certificate, a repeated signed attribute, header or daticert.xml, a critical
//! certificate extension peckit does not implement. Each leaves a reader free to take another
//! copy than the one checked, so each is named, with the code of the rule it goes round.

use serde::{Deserialize, Serialize};

use crate::problem::code::ProblemCode;

/// Something repeated or added beside what was signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(rename_all = "kebab-case")]
pub enum Integrity {
    /// RFC 5652 §11: signingTime, messageDigest or contentType given more than once (or with
    /// more than one value): the signer's own time or digest is ambiguous.
    RepeatedSignedAttribute(String),
    /// More SignerInfos than the one a PEC provider writes.
    ExtraSigners(usize),
    /// Bytes inside or after the CMS signature where CMS has no place for them (zero padding
    /// after it aside), unsigned and unread.
    TrailingSignatureBytes(usize),
    /// Certificates carried beside the signature that name the signer (issuer and serial, or
    /// key identifier) but hold another key, or the signer's key under another name; the one
    /// whose key verifies, and that chains, was used.
    DecoySignerCertificates(usize),
    /// RFC 5280 §4.2: a certificate of the path has a critical extension peckit does not
    /// implement, so the certificate must be rejected.
    UnhandledCriticalExtension {
        /// The certificate's subject.
        subject: String,
        /// The extension's OID.
        oid: String,
    },
    /// RFC 5322 §3.6: a top-level header that occurs at most once occurs more often;
    /// a reader that takes another copy than peckit sees another claim.
    RepeatedHeader {
        /// Its name as peckit spells it.
        header: String,
        /// How often it occurs.
        count: usize,
    },
    /// More than one daticert.xml inside the signed entity.
    DaticertRepeated(usize),
    /// RFC 5322 §2.2: a top-level header holds a carriage return without its line feed; a
    /// reader that ends lines there sees one more header than peckit.
    BareCarriageReturn {
        /// The header's name.
        header: String,
    },
}

impl Integrity {
    /// The problem code: the one of the rule the repetition goes round.
    pub fn code(&self) -> ProblemCode {
        use ProblemCode as C;
        match self {
            Integrity::RepeatedSignedAttribute(_)
            | Integrity::ExtraSigners(_)
            | Integrity::TrailingSignatureBytes(_) => C::Malformed,
            Integrity::DecoySignerCertificates(_) => C::UnsignedContentOutsideSignature,
            Integrity::UnhandledCriticalExtension { .. } => C::Untrusted,
            Integrity::DaticertRepeated(_) => C::DaticertMalformed,
            Integrity::BareCarriageReturn { .. } => C::HeaderMismatch,
            Integrity::RepeatedHeader { header, .. } => repeated_header_code(header),
        }
    }
}

/// A repeated marker contradicts itself (`header-mismatch`, an error); another repeated
/// header is a warning under the code that compares that header with the signed data.
fn repeated_header_code(header: &str) -> ProblemCode {
    use ProblemCode as C;
    match header.to_ascii_lowercase().as_str() {
        "subject" => C::SubjectMismatch,
        "date" => C::DateMismatch,
        "from" => C::SignerAddressMismatch,
        "x-riferimento-message-id" => C::MsgidMismatch,
        "message-id" => C::IdentificativoMismatch,
        _ => C::HeaderMismatch,
    }
}
