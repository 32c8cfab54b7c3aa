//! Certificate revocation lists (RFC 5280 §5): read from DER or PEM, given as files or
//! folders (`--crl`) or downloaded from a certificate's CRL Distribution Points
//! (`--fetch-crl`). Reading keeps what judging needs: the issuer, the signed bytes, the
//! dates, the entries by serial, the scope, and what makes a CRL unusable to peckit.

use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::sync::Arc;

use der::Decode;
use der::asn1::GeneralizedTime;
use jiff::Timestamp;
use sha2::{Digest, Sha256};
use x509_cert::crl::CertificateList;
use x509_cert::ext::pkix::name::DistributionPointName;
use x509_cert::ext::pkix::{CrlReason, IssuingDistributionPoint};

use crate::finding::{CrlProblem, CrlScope, RevocationReason};
use crate::read::der::{Reader, tag};

const CRL_NUMBER: &str = "2.5.29.20";
const AUTHORITY_KEY_IDENTIFIER: &str = "2.5.29.35";
const ISSUER_ALT_NAME: &str = "2.5.29.18";
const FRESHEST_CRL: &str = "2.5.29.46";
const AUTHORITY_INFO_ACCESS: &str = "1.3.6.1.5.5.7.1.1";
const DELTA_CRL_INDICATOR: &str = "2.5.29.27";
const ISSUING_DISTRIBUTION_POINT: &str = "2.5.29.28";
const EXPIRED_CERTS_ON_CRL: &str = "2.5.29.60";
const REASON_CODE: &str = "2.5.29.21";
const HOLD_INSTRUCTION: &str = "2.5.29.23";
const INVALIDITY_DATE: &str = "2.5.29.24";
const CERTIFICATE_ISSUER: &str = "2.5.29.29";

/// Why a CRL file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CrlError {
    /// The file or folder could not be read.
    #[error("{path}: {error}")]
    Io {
        /// The path.
        path: String,
        /// The system's error.
        error: std::io::Error,
    },
    /// The bytes are not a CRL.
    #[error("{0}: {why}", why = crate::catalogue::failures::not_a_crl(crate::catalogue::Lang::En, .1))]
    Bad(String, String),
    /// A file holds no CRL (DER, or PEM `X509 CRL` blocks).
    #[error("{0}: {why}", why = crate::catalogue::failures::no_crl(crate::catalogue::Lang::En))]
    NoCrlIn(String),
    /// A folder held no CRL.
    #[error("{0}: {why}", why = crate::catalogue::failures::no_crl_in_folder(crate::catalogue::Lang::En))]
    NoCrl(String),
}

/// One listed certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// revocationDate.
    pub revoked_at: Timestamp,
    /// The reasonCode entry extension.
    pub reason: Option<RevocationReason>,
    /// The invalidityDate entry extension: the key known or suspected compromised from then.
    pub invalid_from: Option<Timestamp>,
}

/// Which certificates a CRL covers (its issuingDistributionPoint).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// onlyContainsUserCerts.
    pub only_user: bool,
    /// onlyContainsCACerts.
    pub only_ca: bool,
    /// Whether it names a distribution point: then it is one partition, and covers only
    /// certificates that name that point.
    pub partition: bool,
    /// The names of that point (each GeneralName of its fullName, DER-encoded).
    pub points: Vec<Vec<u8>>,
}

/// A CRL as read.
#[derive(Debug, Clone)]
pub struct Crl {
    /// Where it came from: a path or a URL.
    pub source: String,
    /// The issuer Name as encoded.
    pub issuer_raw: Vec<u8>,
    /// The issuer, RFC 4514.
    pub issuer: String,
    /// The signed `tbsCertList`.
    pub tbs: Vec<u8>,
    /// The signature algorithm (raw AlgorithmIdentifier).
    pub signature_algorithm: Vec<u8>,
    /// The signature value.
    pub signature: Vec<u8>,
    /// thisUpdate.
    pub this_update: Timestamp,
    /// nextUpdate.
    pub next_update: Option<Timestamp>,
    /// Listed certificates by serial (leading zero octets trimmed), every entry of a serial
    /// listed more than once (a later keyCompromise must not hide behind an earlier
    /// superseded). A removeFromCRL entry is kept out: see `taken_back`.
    pub entries: HashMap<Vec<u8>, Vec<Entry>>,
    /// Serials a removeFromCRL entry names. Only a delta CRL may take an entry back (RFC 5280
    /// §5.3.1): in a complete one it says nothing certain of that serial, and the CRL cannot
    /// vouch for it either way; its other entries still count.
    pub taken_back: std::collections::HashSet<Vec<u8>>,
    /// Its issuingDistributionPoint scope.
    pub scope: Scope,
    /// ExpiredCertsOnCRL: certificates that expired at or after this instant stay listed.
    pub expired_certs_on_crl: Option<Timestamp>,
    /// What makes it unusable whatever the certificate (delta, indirect, unknown critical
    /// extension, partitioned by reason).
    pub unusable: Option<CrlProblem>,
}

fn instant(t: x509_cert::time::Time) -> Option<Timestamp> {
    i64::try_from(t.to_unix_duration().as_secs()).ok().and_then(|s| Timestamp::from_second(s).ok())
}

fn generalized(bytes: &[u8]) -> Option<Timestamp> {
    let t = GeneralizedTime::from_der(bytes).ok()?;
    i64::try_from(t.to_unix_duration().as_secs()).ok().and_then(|s| Timestamp::from_second(s).ok())
}

/// An invalidity date as CAs write it: GeneralizedTime, with or without fractional seconds
/// (X.509 allows them; RFC 5280 does not), or a UTCTime; the whole seconds count.
fn lenient_time(der: &[u8]) -> Option<Timestamp> {
    let (&tag, rest) = der.split_first()?;
    let (&len, text) = rest.split_first()?;
    let text = std::str::from_utf8(text.get(..usize::from(len))?).ok()?;
    let text = text.strip_suffix('Z')?;
    let whole = text.split('.').next()?;
    let full = match (tag, whole.len()) {
        (0x18, 14) => whole.to_string(),
        (0x17, 12) => {
            let yy: u32 = whole.get(..2)?.parse().ok()?;
            format!("{}{whole}", if yy >= 50 { "19" } else { "20" })
        }
        _ => return None,
    };
    if !full.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| full.get(r).and_then(|v| v.parse::<i16>().ok());
    let dt = jiff::civil::datetime(
        n(0..4)?,
        i8::try_from(n(4..6)?).ok()?,
        i8::try_from(n(6..8)?).ok()?,
        i8::try_from(n(8..10)?).ok()?,
        i8::try_from(n(10..12)?).ok()?,
        i8::try_from(n(12..14)?).ok()?,
        0,
    );
    dt.to_zoned(jiff::tz::TimeZone::UTC).ok().map(|z| z.timestamp())
}

/// DER encodings of the full names of a distribution point name.
pub fn point_names(point: &DistributionPointName) -> Vec<Vec<u8>> {
    use der::Encode;
    match point {
        DistributionPointName::FullName(names) => {
            names.iter().filter_map(|n| n.to_der().ok()).collect()
        }
        DistributionPointName::NameRelativeToCRLIssuer(_) => Vec::new(),
    }
}

/// `der` with the version a v1 CRL leaves out (INTEGER 0) put into its tbsCertList, for a
/// reader that requires the field; signatures are still checked over the bytes as given.
fn with_version(der: &[u8]) -> Option<Vec<u8>> {
    fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        let len = content.len();
        if len < 0x80 {
            out.push(u8::try_from(len).unwrap_or(0));
        } else {
            let bytes: Vec<u8> =
                len.to_be_bytes().iter().copied().skip_while(|&b| b == 0).collect();
            out.push(0x80 | u8::try_from(bytes.len()).unwrap_or(0));
            out.extend(bytes);
        }
        out.extend_from_slice(content);
        out
    }
    let outer = Reader::new(der).expect(tag::SEQUENCE, "CRL").ok()?;
    let mut parts = outer.children();
    let tbs = parts.expect(tag::SEQUENCE, "tbsCertList").ok()?;
    let rest: Vec<u8> = {
        let mut v = Vec::new();
        while let Ok(t) = parts.read() {
            v.extend_from_slice(t.raw);
        }
        v
    };
    let mut tbs_content = vec![tag::INTEGER, 1, 0];
    tbs_content.extend_from_slice(tbs.value);
    let mut content = tlv(tag::SEQUENCE, &tbs_content);
    content.extend(rest);
    Some(tlv(tag::SEQUENCE, &content))
}

/// A serial without its leading zero octets, so a certificate's INTEGER and a CRL entry's
/// compare equal.
pub fn trimmed_serial(serial: &[u8]) -> Vec<u8> {
    let start = serial.iter().position(|&b| b != 0).unwrap_or(serial.len().saturating_sub(1));
    serial.get(start..).unwrap_or_default().to_vec()
}

fn reason_of(code: CrlReason) -> RevocationReason {
    match code {
        CrlReason::Unspecified => RevocationReason::Unspecified,
        CrlReason::KeyCompromise => RevocationReason::KeyCompromise,
        CrlReason::CaCompromise => RevocationReason::CaCompromise,
        CrlReason::AffiliationChanged => RevocationReason::AffiliationChanged,
        CrlReason::Superseded => RevocationReason::Superseded,
        CrlReason::CessationOfOperation => RevocationReason::CessationOfOperation,
        CrlReason::CertificateHold => RevocationReason::CertificateHold,
        CrlReason::RemoveFromCRL => RevocationReason::RemoveFromCrl,
        CrlReason::PrivilegeWithdrawn => RevocationReason::PrivilegeWithdrawn,
        CrlReason::AaCompromise => RevocationReason::AaCompromise,
    }
}

impl Crl {
    /// Parses one DER CRL.
    pub fn from_der(der: &[u8], source: &str) -> Result<Crl, CrlError> {
        let bad = |what: String| CrlError::Bad(source.to_string(), what);
        let outer =
            Reader::new(der).expect(tag::SEQUENCE, "CRL").map_err(|e| bad(e.to_string()))?;
        let mut parts = outer.children();
        let tbs = parts.expect(tag::SEQUENCE, "tbsCertList").map_err(|e| bad(e.to_string()))?;
        let alg =
            parts.expect(tag::SEQUENCE, "signatureAlgorithm").map_err(|e| bad(e.to_string()))?;
        let sig =
            parts.expect(tag::BIT_STRING, "signatureValue").map_err(|e| bad(e.to_string()))?;
        let mut t = tbs.children();
        t.optional(tag::INTEGER).map_err(|e| bad(e.to_string()))?;
        t.expect(tag::SEQUENCE, "signature").map_err(|e| bad(e.to_string()))?;
        let issuer = t.expect(tag::SEQUENCE, "issuer").map_err(|e| bad(e.to_string()))?;

        let version_given = tbs.children().peek_tag() == Some(tag::INTEGER);
        let patched;
        let readable = if version_given {
            der
        } else {
            patched = with_version(der).ok_or_else(|| bad("unreadable v1 CRL".into()))?;
            &patched
        };
        let list = CertificateList::<x509_cert::certificate::Rfc5280>::from_der(readable)
            .map_err(|e| bad(e.to_string()))?;
        let tbs_list = &list.tbs_cert_list;
        let this_update =
            instant(tbs_list.this_update).ok_or_else(|| bad("unreadable thisUpdate".into()))?;
        let next_update = tbs_list.next_update.and_then(instant);
        let mut crl = Crl {
            source: source.to_string(),
            issuer_raw: issuer.raw.to_vec(),
            issuer: tbs_list.issuer.to_string(),
            tbs: tbs.raw.to_vec(),
            signature_algorithm: alg.raw.to_vec(),
            signature: sig.value.get(1..).unwrap_or_default().to_vec(),
            this_update,
            next_update,
            entries: HashMap::new(),
            taken_back: std::collections::HashSet::new(),
            scope: Scope::default(),
            expired_certs_on_crl: None,
            unusable: None,
        };
        for ext in tbs_list.crl_extensions.iter().flatten() {
            let value = ext.extn_value.as_bytes();
            match ext.extn_id.to_string().as_str() {
                CRL_NUMBER
                | AUTHORITY_KEY_IDENTIFIER
                | ISSUER_ALT_NAME
                | FRESHEST_CRL
                | AUTHORITY_INFO_ACCESS => {}
                DELTA_CRL_INDICATOR => crl.unusable = Some(CrlProblem::Delta),
                EXPIRED_CERTS_ON_CRL => crl.expired_certs_on_crl = generalized(value),
                ISSUING_DISTRIBUTION_POINT => {
                    let idp = IssuingDistributionPoint::from_der(value)
                        .map_err(|e| bad(format!("issuingDistributionPoint: {e}")))?;
                    if idp.indirect_crl {
                        crl.unusable = Some(CrlProblem::Indirect);
                    } else if idp.only_some_reasons.is_some() {
                        crl.unusable = Some(CrlProblem::OutOfScope(CrlScope::SomeReasonsOnly));
                    } else if idp.only_contains_attribute_certs {
                        crl.unusable =
                            Some(CrlProblem::OutOfScope(CrlScope::AttributeCertificatesOnly));
                    }
                    crl.scope.only_user = idp.only_contains_user_certs;
                    crl.scope.only_ca = idp.only_contains_ca_certs;
                    if let Some(point) = &idp.distribution_point {
                        crl.scope.partition = true;
                        crl.scope.points = point_names(point);
                    }
                }
                oid if ext.critical => {
                    crl.unusable = Some(CrlProblem::UnknownCritical(oid.to_string()));
                }
                _ => {}
            }
        }
        for revoked in tbs_list.revoked_certificates.iter().flatten() {
            let revoked_at = instant(revoked.revocation_date)
                .ok_or_else(|| bad("unreadable revocationDate".into()))?;
            let mut entry = Entry { revoked_at, reason: None, invalid_from: None };
            for ext in revoked.crl_entry_extensions.iter().flatten() {
                let value = ext.extn_value.as_bytes();
                match ext.extn_id.to_string().as_str() {
                    REASON_CODE => entry.reason = CrlReason::from_der(value).ok().map(reason_of),
                    INVALIDITY_DATE => match lenient_time(value) {
                        Some(t) => entry.invalid_from = Some(t),
                        // Since when the key was exposed is what the question turns on.
                        None => crl.unusable = Some(CrlProblem::InvalidityDateUnreadable),
                    },
                    HOLD_INSTRUCTION => {}
                    CERTIFICATE_ISSUER => crl.unusable = Some(CrlProblem::Indirect),
                    oid if ext.critical => {
                        crl.unusable = Some(CrlProblem::UnknownCritical(oid.to_string()));
                    }
                    _ => {}
                }
            }
            let serial = trimmed_serial(revoked.serial_number.as_bytes());
            if entry.reason == Some(RevocationReason::RemoveFromCrl) {
                crl.taken_back.insert(serial);
            } else {
                crl.entries.entry(serial).or_default().push(entry);
            }
        }
        Ok(crl)
    }
}

/// The CRLs given with `--crl`.
#[derive(Debug, Clone, Default)]
pub struct CrlSet {
    crls: Vec<Arc<Crl>>,
}

impl CrlSet {
    /// No CRL.
    pub fn empty() -> CrlSet {
        CrlSet::default()
    }

    /// Adds the CRLs of a DER blob or PEM text (`X509 CRL` blocks).
    pub fn add_bytes(&mut self, bytes: &[u8], source: &str) -> Result<usize, CrlError> {
        let ders = crate::read::decode::der_blocks(bytes, "X509 CRL");
        if ders.is_empty() {
            return Err(CrlError::NoCrlIn(source.to_string()));
        }
        let mut seen: Vec<[u8; 32]> = self.crls.iter().map(|c| digest(&c.tbs)).collect();
        let mut added = 0;
        for der in ders {
            let crl = Crl::from_der(&der, source)?;
            if !seen.contains(&digest(&crl.tbs)) {
                seen.push(digest(&crl.tbs));
                self.crls.push(Arc::new(crl));
                added += 1;
            }
        }
        Ok(added)
    }

    /// Adds a CRL file, or every `.crl`, `.pem` and `.der` file of a folder.
    pub fn add_path(&mut self, path: &Path) -> Result<usize, CrlError> {
        let io = |error| CrlError::Io { path: path.display().to_string(), error };
        if !fs::metadata(path).map_err(io)?.is_dir() {
            let bytes = fs::read(path).map_err(io)?;
            return self.add_bytes(&bytes, &path.display().to_string());
        }
        let mut added = 0;
        for p in crate::input::files_with_extensions(path, &["crl", "pem", "der"]).map_err(io)? {
            // A folder may hold certificates beside the CRLs: files with no CRL are passed
            // over; a CRL that cannot be read is still an error.
            match self.add_path(&p) {
                Ok(n) => added += n,
                Err(CrlError::NoCrlIn(_)) => {}
                Err(e) => return Err(e),
            }
        }
        if added == 0 {
            return Err(CrlError::NoCrl(path.display().to_string()));
        }
        Ok(added)
    }

    /// The CRLs whose issuer name is `issuer_raw`.
    pub fn by_issuer<'a>(&'a self, issuer_raw: &'a [u8]) -> impl Iterator<Item = &'a Arc<Crl>> {
        self.crls.iter().filter(move |c| c.issuer_raw == issuer_raw)
    }

    /// Every CRL, in the order given.
    pub fn iter(&self) -> impl Iterator<Item = &Arc<Crl>> {
        self.crls.iter()
    }

    /// Whether no CRL was given.
    pub fn is_empty(&self) -> bool {
        self.crls.is_empty()
    }
}

fn digest(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}
