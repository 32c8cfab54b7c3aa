//! CMS SignedData (RFC 5652 §5) read into raw pieces.
//!
//! ```text
//! ContentInfo ::= SEQUENCE { contentType OID, content [0] EXPLICIT ANY }
//! SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo,
//!     certificates [0] IMPLICIT CertificateSet OPTIONAL, crls [1] IMPLICIT OPTIONAL,
//!     signerInfos SET OF SignerInfo }
//! SignerInfo ::= SEQUENCE { version, sid SignerIdentifier, digestAlgorithm,
//!     signedAttrs [0] IMPLICIT SignedAttributes OPTIONAL, signatureAlgorithm,
//!     signature OCTET STRING, unsignedAttrs [1] IMPLICIT OPTIONAL }
//! ```
//!
//! Nothing is re-encoded: the signed attributes are kept as the bytes that were signed.
#![deny(clippy::indexing_slicing)]

use std::borrow::Cow;

use thiserror::Error;

use super::der::oid_string;
use super::der::{DerError, Reader, Tlv, octet_string_bytes, tag};

/// id-signedData.
const OID_SIGNED_DATA: &str = "1.2.840.113549.1.7.2";
/// The contentType signed attribute (RFC 5652 §11.1).
pub const OID_CONTENT_TYPE: &str = "1.2.840.113549.1.9.3";
/// The messageDigest signed attribute (RFC 5652 §11.2).
pub const OID_MESSAGE_DIGEST: &str = "1.2.840.113549.1.9.4";
/// The signingTime signed attribute (RFC 5652 §11.3).
pub const OID_SIGNING_TIME: &str = "1.2.840.113549.1.9.5";
/// The signingCertificateV2 signed attribute (RFC 5035).
pub const OID_SIGNING_CERTIFICATE_V2: &str = "1.2.840.113549.1.9.16.2.47";

/// Why a CMS blob could not be read.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum CmsError {
    /// Broken DER/BER.
    #[error("broken CMS encoding: {0}")]
    Der(#[from] DerError),
    /// Not SignedData.
    #[error("the CMS content is {0}, not signed-data")]
    NotSignedData(String),
    /// No signer.
    #[error("the CMS signed-data has no signer")]
    NoSigner,
    /// Empty input.
    #[error("the signature is empty")]
    Empty,
}

/// How the signer is identified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignerId {
    /// issuerAndSerialNumber: raw issuer Name and serial contents.
    IssuerSerial {
        /// Raw issuer Name.
        issuer: Vec<u8>,
        /// Serial contents.
        serial: Vec<u8>,
    },
    /// subjectKeyIdentifier.
    Ski(Vec<u8>),
}

/// One signed attribute: OID and the raw values of its SET.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute<'a> {
    /// Dotted OID.
    pub oid: Cow<'static, str>,
    /// The values (TLVs).
    pub values: Vec<Tlv<'a>>,
}

/// One SignerInfo.
#[derive(Debug, Clone)]
pub struct SignerInfo<'a> {
    /// sid.
    pub sid: SignerId,
    /// digestAlgorithm OID.
    pub digest_oid: Cow<'static, str>,
    /// The `[0]` signedAttrs as encoded.
    pub signed_attrs_raw: Option<&'a [u8]>,
    /// The signed attributes, decoded.
    pub signed_attrs: Vec<Attribute<'a>>,
    /// signatureAlgorithm, the raw AlgorithmIdentifier.
    pub signature_algorithm: &'a [u8],
    /// signature value.
    pub signature: &'a [u8],
}

impl SignerInfo<'_> {
    /// The first value of a signed attribute.
    pub fn attr(&self, oid: &str) -> Option<&Tlv<'_>> {
        self.signed_attrs.iter().find(|a| a.oid == oid).and_then(|a| a.values.first())
    }

    /// RFC 5652 §11 (and RFC 5035 §5.4 for signingCertificateV2): these attributes occur
    /// once, with one value; the name of the first that does not.
    pub fn repeated_single_attribute(&self) -> Option<&'static str> {
        const SINGLE: &[(&str, &str)] = &[
            (OID_CONTENT_TYPE, "contentType"),
            (OID_MESSAGE_DIGEST, "messageDigest"),
            (OID_SIGNING_TIME, "signingTime"),
            (OID_SIGNING_CERTIFICATE_V2, "signingCertificateV2"),
        ];
        SINGLE
            .iter()
            .find(|(oid, _)| {
                let values: usize = self
                    .signed_attrs
                    .iter()
                    .filter(|a| a.oid == *oid)
                    .map(|a| a.values.len().max(1))
                    .sum();
                values > 1
            })
            .map(|(_, name)| *name)
    }

    /// The exact bytes the signature covers when signed attributes are present:
    /// the `[0] IMPLICIT` encoding with its tag turned into `SET OF` (RFC 5652 §5.4).
    pub fn signed_attrs_for_signature(&self) -> Option<Vec<u8>> {
        let raw = self.signed_attrs_raw?;
        let mut bytes = raw.to_vec();
        if let Some(first) = bytes.first_mut() {
            *first = tag::SET;
        }
        Some(bytes)
    }
}

/// SignedData in raw pieces.
#[derive(Debug, Clone)]
pub struct SignedData<'a> {
    /// eContentType OID.
    pub econtent_type: Cow<'static, str>,
    /// eContent (opaque signatures), chunks joined.
    pub econtent: Option<Vec<u8>>,
    /// Embedded certificates, DER.
    pub certificates: Vec<&'a [u8]>,
    /// Signers.
    pub signer_infos: Vec<SignerInfo<'a>>,
    /// How many bytes lie where CMS has no place for them: after the ContentInfo (zero padding
    /// or a line end aside), after its `[0]` SignedData, after the SignedData's signerInfos.
    /// Nothing signs them; describing a signature reads past them, verifying refuses them.
    pub stray: usize,
}

/// Reads a ContentInfo holding SignedData.
pub fn parse(blob: &[u8]) -> Result<SignedData<'_>, CmsError> {
    if blob.is_empty() {
        return Err(CmsError::Empty);
    }
    let mut outer = Reader::new(blob);
    let content_info = outer.expect(tag::SEQUENCE, "ContentInfo is not a SEQUENCE")?;
    let mut ci = content_info.children();
    let ct = ci.expect(tag::OID, "contentType")?;
    let ct = oid_string(ct.value);
    if ct != OID_SIGNED_DATA {
        return Err(CmsError::NotSignedData(ct.into_owned()));
    }
    let explicit = ci.expect(tag::CONTEXT_0, "content [0]")?;
    let mut wrapper = explicit.children();
    let sd = wrapper.expect(tag::SEQUENCE, "SignedData")?;
    let mut r = sd.children();
    r.expect(tag::INTEGER, "version")?;
    r.expect(tag::SET, "digestAlgorithms")?;
    let encap = r.expect(tag::SEQUENCE, "encapContentInfo")?;
    let mut e = encap.children();
    let econtent_type = oid_string(e.expect(tag::OID, "eContentType")?.value);
    let econtent = match e.optional(tag::CONTEXT_0)? {
        Some(wrapper) => {
            let os = wrapper.children().read()?;
            Some(octet_string_bytes(&os)?)
        }
        None => None,
    };
    let mut certificates = Vec::new();
    if let Some(certs) = r.optional(tag::CONTEXT_0)? {
        let mut c = certs.children();
        while !c.is_empty() {
            let cert = c.read()?;
            if cert.tag == tag::SEQUENCE {
                certificates.push(cert.raw);
            }
        }
    }
    r.optional(tag::CONTEXT_1)?;
    let infos = r.expect(tag::SET, "signerInfos")?;
    let mut signer_infos = Vec::new();
    let mut s = infos.children();
    while !s.is_empty() {
        signer_infos.push(parse_signer_info(&s.read()?)?);
    }
    if signer_infos.is_empty() {
        return Err(CmsError::NoSigner);
    }
    // Zero padding, or the line end of a binary part, after the ContentInfo is no data.
    let after = outer.rest();
    let after = if after.iter().all(|b| matches!(b, 0 | b'\r' | b'\n')) { 0 } else { after.len() };
    let stray = after + ci.rest().len() + wrapper.rest().len() + r.rest().len();
    Ok(SignedData { econtent_type, econtent, certificates, signer_infos, stray })
}

fn parse_signer_info<'a>(tlv: &Tlv<'a>) -> Result<SignerInfo<'a>, CmsError> {
    let mut r = tlv.children();
    r.expect(tag::INTEGER, "SignerInfo version")?;
    let sid_tlv = r.read()?;
    let sid = match sid_tlv.tag {
        tag::SEQUENCE => {
            let mut s = sid_tlv.children();
            let issuer = s.expect(tag::SEQUENCE, "issuer")?;
            let serial = s.expect(tag::INTEGER, "serialNumber")?;
            SignerId::IssuerSerial { issuer: issuer.raw.to_vec(), serial: serial.value.to_vec() }
        }
        tag::CONTEXT_0_PRIMITIVE => SignerId::Ski(sid_tlv.value.to_vec()),
        _ => {
            return Err(
                DerError { what: "unknown SignerIdentifier", offset: sid_tlv.offset }.into()
            );
        }
    };
    let digest = r.expect(tag::SEQUENCE, "digestAlgorithm")?;
    let digest_oid = oid_string(digest.children().expect(tag::OID, "digest OID")?.value);
    let mut signed_attrs_raw = None;
    let mut signed_attrs = Vec::new();
    if let Some(attrs) = r.optional(tag::CONTEXT_0)? {
        signed_attrs_raw = Some(attrs.raw);
        let mut a = attrs.children();
        while !a.is_empty() {
            let attr = a.expect(tag::SEQUENCE, "Attribute")?;
            let mut parts = attr.children();
            let oid = oid_string(parts.expect(tag::OID, "attribute OID")?.value);
            let set = parts.expect(tag::SET, "attribute values")?;
            let mut values = Vec::new();
            let mut v = set.children();
            while !v.is_empty() {
                values.push(v.read()?);
            }
            signed_attrs.push(Attribute { oid, values });
        }
    }
    let signature_algorithm = r.expect(tag::SEQUENCE, "signatureAlgorithm")?.raw;
    let signature = r.expect(tag::OCTET_STRING, "signature")?.value;
    Ok(SignerInfo {
        sid,
        digest_oid,
        signed_attrs_raw,
        signed_attrs,
        signature_algorithm,
        signature,
    })
}
/// The eContent of an opaque signed-data (constructed BER chunks joined, docs/crypto-notes.md P4).
pub fn encapsulated_content(cms_der: &[u8]) -> Result<Option<Vec<u8>>, CmsError> {
    Ok(parse(cms_der)?.econtent)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::limits::Limits;
    use crate::testing::sample;

    fn cms_of(name: &str) -> Vec<u8> {
        crate::read::read(sample(name), &Limits::default()).unwrap().signed.unwrap().cms
    }

    #[test]
    fn a_provider_signature_reads_as_one_signer_with_its_certificates() {
        let cms = cms_of("accettazione.eml");
        let sd = parse(&cms).unwrap();
        assert_eq!(sd.econtent_type, "1.2.840.113549.1.7.1");
        assert!(sd.econtent.is_none(), "detached");
        assert_eq!(sd.signer_infos.len(), 1);
        assert!(!sd.certificates.is_empty());
        let si = &sd.signer_infos[0];
        assert!(si.signed_attrs_raw.is_some());
        assert!(si.attr("1.2.840.113549.1.9.4").is_some(), "messageDigest");
        // The signed attributes are signed as a SET: the stored [0] tag becomes 0x31.
        assert_eq!(si.signed_attrs_for_signature().unwrap()[0], 0x31);
    }

    #[test]
    fn an_opaque_signature_carries_its_content() {
        let cms = cms_of("accettazione-opaca.eml");
        let content = encapsulated_content(&cms).unwrap().unwrap();
        assert!(content.windows(11).any(|w| w == b"daticert.xm"));
    }

    #[test]
    fn bytes_where_cms_has_no_place_are_counted_and_padding_is_not() {
        let cms = cms_of("accettazione.eml");
        let stray = |blob: &[u8]| parse(blob).unwrap().stray;
        assert_eq!(stray(&cms), 0);
        for padding in [&b"\0\0"[..], b"\r\n", b"\n"] {
            assert_eq!(stray(&[&cms[..], padding].concat()), 0, "{padding:?}");
        }
        assert_eq!(stray(&[&cms[..], &[0, 0, 7]].concat()), 3);
        assert_eq!(stray(&[&cms[..], &cms[..]].concat()), cms.len());
        let si = &parse(&cms).unwrap().signer_infos[0];
        assert_eq!(si.repeated_single_attribute(), None);
    }

    #[test]
    fn damage_is_an_error() {
        let cms = cms_of("accettazione.eml");
        assert_eq!(parse(&[]).err(), Some(CmsError::Empty));
        assert!(parse(&cms[..cms.len() / 3]).is_err());
        assert!(parse(&[0x30, 0x03, 0x06, 0x01, 0x2a]).is_err(), "a bare OID is not SignedData");
    }
}
