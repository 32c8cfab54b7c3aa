//! Digests and signature primitives: RSA PKCS#1 v1.5, RSA-PSS, ECDSA P-256/P-384.
//!
//! Every algorithm peckit does not implement is reported by name as unsupported, never as
//! valid (issue #3).
#![deny(clippy::indexing_slicing)]

use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};

use crate::read::der::{Reader, oid_string, tag};

/// A digest algorithm peckit implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DigestAlg {
    /// SHA-1 (old PEC mail).
    Sha1,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl DigestAlg {
    /// From a digest algorithm OID.
    pub fn from_oid(oid: &str) -> Option<DigestAlg> {
        match oid {
            "1.3.14.3.2.26" => Some(DigestAlg::Sha1),
            "2.16.840.1.101.3.4.2.1" => Some(DigestAlg::Sha256),
            "2.16.840.1.101.3.4.2.2" => Some(DigestAlg::Sha384),
            "2.16.840.1.101.3.4.2.3" => Some(DigestAlg::Sha512),
            _ => None,
        }
    }

    /// Stable name.
    pub fn name(self) -> &'static str {
        match self {
            DigestAlg::Sha1 => "sha1",
            DigestAlg::Sha256 => "sha256",
            DigestAlg::Sha384 => "sha384",
            DigestAlg::Sha512 => "sha512",
        }
    }

    /// The length of its digests in bytes.
    pub fn output_len(self) -> usize {
        match self {
            DigestAlg::Sha1 => 20,
            DigestAlg::Sha256 => 32,
            DigestAlg::Sha384 => 48,
            DigestAlg::Sha512 => 64,
        }
    }

    /// The PKCS#1 v1.5 scheme of this digest (its DigestInfo prefix and length), as the `rsa`
    /// crate checks it.
    pub fn pkcs1v15(self) -> rsa::Pkcs1v15Sign {
        match self {
            DigestAlg::Sha1 => rsa::Pkcs1v15Sign::new::<Sha1>(),
            DigestAlg::Sha256 => rsa::Pkcs1v15Sign::new::<Sha256>(),
            DigestAlg::Sha384 => rsa::Pkcs1v15Sign::new::<Sha384>(),
            DigestAlg::Sha512 => rsa::Pkcs1v15Sign::new::<Sha512>(),
        }
    }

    /// Digest of one buffer.
    pub fn digest(self, data: &[u8]) -> Vec<u8> {
        let mut h = Hasher::new(self);
        h.update(data);
        h.finish()
    }
}

/// SHA-256 of `bytes`, lower-case hex (file hashes in manifests and evidence).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(DigestAlg::Sha256.digest(bytes))
}

/// An incremental hasher of any supported algorithm.
pub enum Hasher {
    /// SHA-1.
    Sha1(Sha1),
    /// SHA-256.
    Sha256(Sha256),
    /// SHA-384.
    Sha384(Sha384),
    /// SHA-512.
    Sha512(Sha512),
}

impl Hasher {
    /// A fresh hasher.
    pub fn new(alg: DigestAlg) -> Hasher {
        match alg {
            DigestAlg::Sha1 => Hasher::Sha1(Sha1::new()),
            DigestAlg::Sha256 => Hasher::Sha256(Sha256::new()),
            DigestAlg::Sha384 => Hasher::Sha384(Sha384::new()),
            DigestAlg::Sha512 => Hasher::Sha512(Sha512::new()),
        }
    }

    /// Feeds bytes.
    pub fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Sha1(h) => h.update(data),
            Hasher::Sha256(h) => h.update(data),
            Hasher::Sha384(h) => h.update(data),
            Hasher::Sha512(h) => h.update(data),
        }
    }

    /// The digest.
    pub fn finish(self) -> Vec<u8> {
        match self {
            Hasher::Sha1(h) => h.finalize().to_vec(),
            Hasher::Sha256(h) => h.finalize().to_vec(),
            Hasher::Sha384(h) => h.finalize().to_vec(),
            Hasher::Sha512(h) => h.finalize().to_vec(),
        }
    }
}

/// Digest of `data` with every bare LF turned into CRLF (RFC 5751 §3.1.1 canonical form),
/// computed in one pass without copying the whole content: the converted text goes through
/// a small buffer, so the hasher sees a few large updates instead of two per line.
pub fn digest_canonical(alg: DigestAlg, data: &[u8]) -> Vec<u8> {
    let mut h = Hasher::new(alg);
    let mut buf = [0u8; 4096];
    let mut filled = 0;
    let mut feed = |h: &mut Hasher, bytes: &[u8]| {
        if filled + bytes.len() > buf.len() {
            h.update(buf.get(..filled).unwrap_or_default());
            filled = 0;
        }
        match buf.get_mut(filled..filled + bytes.len()) {
            Some(slot) => {
                slot.copy_from_slice(bytes);
                filled += bytes.len();
            }
            None => h.update(bytes), // longer than the buffer: straight through
        }
    };
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', data) {
        let preceded_by_cr = nl > 0 && data.get(nl - 1) == Some(&b'\r');
        if !preceded_by_cr {
            feed(&mut h, data.get(start..nl).unwrap_or_default());
            feed(&mut h, b"\r\n");
            start = nl + 1;
        }
    }
    feed(&mut h, data.get(start..).unwrap_or_default());
    h.update(buf.get(..filled).unwrap_or_default());
    h.finish()
}

/// A signature algorithm, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigAlg {
    /// RSA PKCS#1 v1.5 with the given digest.
    RsaPkcs1(DigestAlg),
    /// RSASSA-PSS with digest and salt length.
    RsaPss(DigestAlg, usize),
    /// ECDSA (curve from the key) with the given digest.
    Ecdsa(DigestAlg),
}

impl SigAlg {
    /// Stable name.
    pub fn name(&self) -> String {
        match self {
            SigAlg::RsaPkcs1(d) => format!("rsa-pkcs1v15-{}", d.name()),
            SigAlg::RsaPss(d, _) => format!("rsa-pss-{}", d.name()),
            SigAlg::Ecdsa(d) => format!("ecdsa-{}", d.name()),
        }
    }

    /// The digest the signature covers.
    pub fn digest(&self) -> DigestAlg {
        match self {
            SigAlg::RsaPkcs1(d) | SigAlg::RsaPss(d, _) | SigAlg::Ecdsa(d) => *d,
        }
    }
}

/// Resolves an AlgorithmIdentifier (raw SEQUENCE). `digest_hint` is the SignerInfo digest,
/// used when the algorithm is plain `rsaEncryption` / `id-ecPublicKey`.
pub fn sig_alg_from_identifier(
    raw: &[u8],
    digest_hint: Option<DigestAlg>,
) -> Result<SigAlg, String> {
    let seq =
        Reader::new(raw).expect(tag::SEQUENCE, "AlgorithmIdentifier").map_err(|e| e.to_string())?;
    let mut r = seq.children();
    let oid_tlv = r.expect(tag::OID, "algorithm OID").map_err(|e| e.to_string())?;
    let oid = oid_string(oid_tlv.value);
    let params = if r.is_empty() { None } else { r.read().ok() };
    let hint = || digest_hint.ok_or_else(|| format!("{oid} without a digest"));
    Ok(match oid.as_ref() {
        "1.2.840.113549.1.1.1" => SigAlg::RsaPkcs1(hint()?),
        "1.2.840.113549.1.1.5" => SigAlg::RsaPkcs1(DigestAlg::Sha1),
        "1.2.840.113549.1.1.11" => SigAlg::RsaPkcs1(DigestAlg::Sha256),
        "1.2.840.113549.1.1.12" => SigAlg::RsaPkcs1(DigestAlg::Sha384),
        "1.2.840.113549.1.1.13" => SigAlg::RsaPkcs1(DigestAlg::Sha512),
        "1.2.840.10045.4.1" => SigAlg::Ecdsa(DigestAlg::Sha1),
        "1.2.840.10045.4.3.2" => SigAlg::Ecdsa(DigestAlg::Sha256),
        "1.2.840.10045.4.3.3" => SigAlg::Ecdsa(DigestAlg::Sha384),
        "1.2.840.10045.4.3.4" => SigAlg::Ecdsa(DigestAlg::Sha512),
        "1.2.840.10045.2.1" => SigAlg::Ecdsa(hint()?),
        "1.2.840.113549.1.1.10" => {
            let (d, salt) = pss_params(params.map(|p| p.raw))?;
            SigAlg::RsaPss(d, salt)
        }
        other => return Err(format!("signature algorithm {other}")),
    })
}

/// RFC 4055 §3.1 RSASSA-PSS-params: hashAlgorithm [0] (default SHA-1), saltLength [2]
/// (default 20). The mask generation function is MGF1 with the same hash (the only one
/// the rsa crate implements; others are refused).
fn pss_params(raw: Option<&[u8]>) -> Result<(DigestAlg, usize), String> {
    let mut digest = DigestAlg::Sha1;
    let mut salt = 20usize;
    let Some(raw) = raw else { return Ok((digest, salt)) };
    let seq =
        Reader::new(raw).expect(tag::SEQUENCE, "RSASSA-PSS-params").map_err(|e| e.to_string())?;
    let mut r = seq.children();
    while !r.is_empty() {
        let field = r.read().map_err(|e| e.to_string())?;
        match field.tag {
            0xA0 => {
                let alg = field
                    .children()
                    .expect(tag::SEQUENCE, "hashAlgorithm")
                    .map_err(|e| e.to_string())?;
                let oid = alg.children().expect(tag::OID, "hash OID").map_err(|e| e.to_string())?;
                let name = oid_string(oid.value);
                digest =
                    DigestAlg::from_oid(&name).ok_or_else(|| format!("RSA-PSS hash {name}"))?;
            }
            0xA2 => {
                let int = field
                    .children()
                    .expect(tag::INTEGER, "saltLength")
                    .map_err(|e| e.to_string())?;
                salt = int
                    .value
                    .iter()
                    .fold(0usize, |a, &b| a.saturating_mul(256).saturating_add(usize::from(b)));
            }
            _ => {}
        }
    }
    Ok((digest, salt))
}

/// Why a signature did not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SigFailure {
    /// An algorithm or key type peckit does not implement.
    Unsupported(String),
    /// The key could not be read.
    BadKey(String),
    /// The signature value is wrong for this key and digest.
    Invalid,
}

/// An RSA public key: the `rsa` crate's (it parses and validates the key, does PSS, and is
/// the portable PKCS#1 v1.5 check) plus AWS-LC's parsed key when the `aws-lc` feature is on.
pub struct RsaKey {
    key: rsa::PublicKey,
    #[cfg(feature = "aws-lc")]
    aws_lc: fast::AwsLcKeys,
}

impl RsaKey {
    fn new(key: rsa::PublicKey, pkcs1_der: &[u8]) -> RsaKey {
        #[cfg(feature = "aws-lc")]
        use rsa::traits::PublicKeyParts;
        #[cfg(feature = "aws-lc")]
        let aws_lc = fast::AwsLcKeys::new(pkcs1_der, key.n().bit_width() as usize);
        #[cfg(not(feature = "aws-lc"))]
        let _ = pkcs1_der;
        RsaKey {
            key,
            #[cfg(feature = "aws-lc")]
            aws_lc,
        }
    }

    /// RFC 8017 §8.2.2 RSASSA-PKCS1-v1_5-VERIFY.
    fn verify_pkcs1v15(
        &self,
        digest: DigestAlg,
        hashed: &[u8],
        signature: &[u8],
    ) -> Result<(), SigFailure> {
        #[cfg(feature = "aws-lc")]
        if let Some(verdict) = self.aws_lc.verify(digest, hashed, signature) {
            return verdict;
        }
        self.verify_pkcs1v15_portable(digest, hashed, signature)
    }

    /// The same check in safe Rust, by the `rsa` crate: RFC 8017 §8.2.2 with the whole
    /// encoded message compared (no parsing of the padding, so no leniency to exploit).
    fn verify_pkcs1v15_portable(
        &self,
        digest: DigestAlg,
        hashed: &[u8],
        signature: &[u8],
    ) -> Result<(), SigFailure> {
        self.key.verify(digest.pkcs1v15(), hashed, signature).map_err(|_| SigFailure::Invalid)
    }
}

/// RSA PKCS#1 v1.5 through AWS-LC (the same check as OpenSSL's, in its assembly): one RSA-2048
/// operation takes ~28 µs here against ~46 µs in safe Rust (issue #6).
#[cfg(feature = "aws-lc")]
mod fast {
    use std::sync::OnceLock;

    use aws_lc_rs::digest;
    use aws_lc_rs::signature::{self, ParsedPublicKey, RsaParameters};

    use super::{DigestAlg, SigFailure};

    /// AWS-LC binds a parsed key to one digest, so there is one slot per digest, filled on
    /// first use. `None` in a slot: AWS-LC refused the key for that digest (a size outside
    /// its range, an exponent it does not take): the portable check takes over.
    pub(super) struct AwsLcKeys {
        der: Vec<u8>,
        bits: usize,
        parsed: [OnceLock<Option<ParsedPublicKey>>; 4],
    }

    impl AwsLcKeys {
        pub(super) fn new(pkcs1_der: &[u8], bits: usize) -> AwsLcKeys {
            AwsLcKeys { der: pkcs1_der.to_vec(), bits, parsed: Default::default() }
        }

        /// The verdict, or `None` when AWS-LC does not take this key and digest.
        pub(super) fn verify(
            &self,
            alg: DigestAlg,
            hashed: &[u8],
            signature: &[u8],
        ) -> Option<Result<(), SigFailure>> {
            let (slot, params, digest_alg, min_bits) = match alg {
                DigestAlg::Sha1 => (
                    0,
                    &signature::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
                    &digest::SHA1_FOR_LEGACY_USE_ONLY,
                    1024,
                ),
                DigestAlg::Sha256 => (
                    1,
                    &signature::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
                    &digest::SHA256,
                    1024,
                ),
                DigestAlg::Sha384 => {
                    (2, &signature::RSA_PKCS1_2048_8192_SHA384, &digest::SHA384, 2048)
                }
                DigestAlg::Sha512 => (
                    3,
                    &signature::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY,
                    &digest::SHA512,
                    1024,
                ),
            };
            if !(min_bits..=8192).contains(&self.bits) {
                return None;
            }
            let key = self.parsed.get(slot)?.get_or_init(|| parse(params, &self.der)).as_ref()?;
            let Ok(digest) = digest::Digest::import_less_safe(hashed, digest_alg) else {
                return Some(Err(SigFailure::Invalid));
            };
            Some(key.verify_digest_sig(&digest, signature).map_err(|_| SigFailure::Invalid))
        }
    }

    fn parse(params: &'static RsaParameters, der: &[u8]) -> Option<ParsedPublicKey> {
        ParsedPublicKey::new(params, der).ok()
    }
}

/// A public key from a SubjectPublicKeyInfo.
pub enum PublicKey {
    /// RSA.
    Rsa(Box<RsaKey>),
    /// ECDSA P-256.
    P256(Box<p256::ecdsa::VerifyingKey>),
    /// ECDSA P-384.
    P384(Box<p384::ecdsa::VerifyingKey>),
}

impl PublicKey {
    /// Parses a raw SubjectPublicKeyInfo.
    pub fn from_spki(spki: &[u8]) -> Result<PublicKey, SigFailure> {
        let bad = |e: String| SigFailure::BadKey(e);
        let seq = Reader::new(spki)
            .expect(tag::SEQUENCE, "SubjectPublicKeyInfo")
            .map_err(|e| bad(e.to_string()))?;
        let mut r = seq.children();
        let alg = r.expect(tag::SEQUENCE, "algorithm").map_err(|e| bad(e.to_string()))?;
        let key = r.expect(tag::BIT_STRING, "subjectPublicKey").map_err(|e| bad(e.to_string()))?;
        let key_bytes = key.value.get(1..).unwrap_or_default();
        let mut a = alg.children();
        let oid =
            oid_string(a.expect(tag::OID, "key algorithm").map_err(|e| bad(e.to_string()))?.value);
        match oid.as_ref() {
            "1.2.840.113549.1.1.1" | "1.2.840.113549.1.1.10" => {
                use rsa::pkcs1::DecodeRsaPublicKey;
                rsa::PublicKey::from_pkcs1_der(key_bytes)
                    .map(|k| PublicKey::Rsa(Box::new(RsaKey::new(k, key_bytes))))
                    .map_err(|e| bad(format!("RSA key: {e}")))
            }
            "1.2.840.10045.2.1" => {
                let curve = a.read().map(|t| oid_string(t.value)).unwrap_or_default();
                match curve.as_ref() {
                    "1.2.840.10045.3.1.7" => p256::ecdsa::VerifyingKey::from_sec1_bytes(key_bytes)
                        .map(|k| PublicKey::P256(Box::new(k)))
                        .map_err(|e| bad(format!("P-256 key: {e}"))),
                    "1.3.132.0.34" => p384::ecdsa::VerifyingKey::from_sec1_bytes(key_bytes)
                        .map(|k| PublicKey::P384(Box::new(k)))
                        .map_err(|e| bad(format!("P-384 key: {e}"))),
                    other => Err(SigFailure::Unsupported(format!("elliptic curve {other}"))),
                }
            }
            other => Err(SigFailure::Unsupported(format!("public key algorithm {other}"))),
        }
    }

    /// Verifies `signature` over a message whose digest (by `alg.digest()`) is `hashed`.
    pub fn verify_prehashed(
        &self,
        alg: &SigAlg,
        hashed: &[u8],
        signature: &[u8],
    ) -> Result<(), SigFailure> {
        use signature::hazmat::PrehashVerifier;
        match (self, alg) {
            (PublicKey::Rsa(k), SigAlg::RsaPkcs1(d)) => k.verify_pkcs1v15(*d, hashed, signature),
            (PublicKey::Rsa(k), SigAlg::RsaPss(d, salt)) => {
                let k = &k.key;
                let r = match d {
                    DigestAlg::Sha1 => {
                        k.verify(rsa::pss::Pss::<Sha1>::new_with_salt(*salt), hashed, signature)
                    }
                    DigestAlg::Sha256 => {
                        k.verify(rsa::pss::Pss::<Sha256>::new_with_salt(*salt), hashed, signature)
                    }
                    DigestAlg::Sha384 => {
                        k.verify(rsa::pss::Pss::<Sha384>::new_with_salt(*salt), hashed, signature)
                    }
                    DigestAlg::Sha512 => {
                        k.verify(rsa::pss::Pss::<Sha512>::new_with_salt(*salt), hashed, signature)
                    }
                };
                r.map_err(|_| SigFailure::Invalid)
            }
            (PublicKey::P256(k), SigAlg::Ecdsa(_)) => {
                let sig =
                    p256::ecdsa::Signature::from_der(signature).map_err(|_| SigFailure::Invalid)?;
                k.verify_prehash(hashed, &sig).map_err(|_| SigFailure::Invalid)
            }
            (PublicKey::P384(k), SigAlg::Ecdsa(_)) => {
                let sig =
                    p384::ecdsa::Signature::from_der(signature).map_err(|_| SigFailure::Invalid)?;
                k.verify_prehash(hashed, &sig).map_err(|_| SigFailure::Invalid)
            }
            (_, alg) => Err(SigFailure::Unsupported(format!("{} with this key type", alg.name()))),
        }
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn canonical_digest_equals_digest_of_converted_text() {
        // Long texts too: lines of many lengths that fill the 4 KiB buffer several times, lines
        // about as long as the buffer and longer.
        let mut long = Vec::new();
        for i in 0..1200usize {
            long.extend(std::iter::repeat_n(b'a' + (i % 26) as u8, i * 7 % 140));
            long.extend_from_slice(if i % 3 == 0 { b"\r\n" } else { b"\n" });
        }
        for len in [4090, 5000, 9000] {
            long.extend(std::iter::repeat_n(b'z', len));
            long.push(b'\n');
        }
        long.extend_from_slice(b"end\n");
        for text in [&b"a\nb\r\nc\n"[..], b"\n\n", b"no newline", b"\r\n", b"", &long] {
            let mut converted = Vec::new();
            for (i, &b) in text.iter().enumerate() {
                if b == b'\n' && (i == 0 || text[i - 1] != b'\r') {
                    converted.push(b'\r');
                }
                converted.push(b);
            }
            assert_eq!(
                digest_canonical(DigestAlg::Sha256, text),
                DigestAlg::Sha256.digest(&converted)
            );
        }
    }

    /// DER of the first PEM block of a file of samples/pki.
    #[cfg(feature = "aws-lc")]
    fn sample_der(name: &str) -> Vec<u8> {
        use base64::Engine;
        let path = format!("{}/samples/pki/{name}", env!("CARGO_MANIFEST_DIR"));
        let pem = std::fs::read_to_string(path).unwrap();
        let body: String = pem.lines().skip(1).take_while(|l| !l.starts_with("-----")).collect();
        base64::engine::general_purpose::STANDARD.decode(body).unwrap()
    }

    /// The AWS-LC check and the portable one give the same verdict on good signatures by the
    /// test CA's keys, and on each of them with one bit flipped or the wrong digest.
    #[cfg(feature = "aws-lc")]
    #[test]
    fn aws_lc_and_portable_checks_agree() {
        use rsa::pkcs1::DecodeRsaPrivateKey;
        for name in ["alfa", "beta", "root", "intermediate"] {
            let pkcs8 = sample_der(&format!("{name}.key"));
            let mut fields =
                Reader::new(&pkcs8).expect(tag::SEQUENCE, "PKCS#8").unwrap().children();
            let _version = fields.read().unwrap();
            let _algorithm = fields.read().unwrap();
            let private = rsa::PrivateKey::from_pkcs1_der(
                fields.expect(tag::OCTET_STRING, "key").unwrap().value,
            )
            .unwrap();
            let cert =
                crate::verify::cert::Cert::from_der(&sample_der(&format!("{name}.pem"))).unwrap();
            let PublicKey::Rsa(key) = PublicKey::from_spki(&cert.spki).unwrap() else {
                panic!("{name} is not an RSA key")
            };
            for alg in [DigestAlg::Sha1, DigestAlg::Sha256, DigestAlg::Sha384, DigestAlg::Sha512] {
                let hashed = alg.digest(name.as_bytes());
                let signature = private.sign(alg.pkcs1v15(), &hashed).unwrap();
                let verdicts = |hashed: &[u8], signature: &[u8]| {
                    let fast = key.aws_lc.verify(alg, hashed, signature);
                    let portable = key.verify_pkcs1v15_portable(alg, hashed, signature);
                    assert!(fast.is_some(), "{name}: AWS-LC refused the key for {alg:?}");
                    assert_eq!(fast, Some(portable.clone()), "{name} {alg:?}");
                    portable
                };
                assert_eq!(verdicts(&hashed, &signature), Ok(()), "{name} {alg:?}");
                let mut wrong = hashed.clone();
                wrong[0] ^= 1;
                assert_eq!(verdicts(&wrong, &signature), Err(SigFailure::Invalid));
                for bit in [0, 7, 8 * signature.len() / 2, 8 * signature.len() - 1] {
                    let mut forged = signature.clone();
                    forged[bit / 8] ^= 1 << (bit % 8);
                    assert_eq!(verdicts(&hashed, &forged), Err(SigFailure::Invalid), "bit {bit}");
                }
                assert_eq!(verdicts(&hashed, &signature[1..]), Err(SigFailure::Invalid));
            }
        }
    }

    #[test]
    fn algorithm_oids() {
        assert_eq!(DigestAlg::from_oid("1.3.14.3.2.26"), Some(DigestAlg::Sha1));
        assert_eq!(DigestAlg::from_oid("2.16.840.1.101.3.4.2.4"), None);
    }
}
