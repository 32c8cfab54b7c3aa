//! Revocation at the reference time: was each certificate of the path (the signer and the
//! intermediates, never the pinned anchor) revoked when the signature was made? Archived PEC
//! is judged years later, so the question is the one at the signing time, not today's.
//!
//! A CRL counts for a certificate when its issuer name is the certificate's issuer, its
//! signature verifies with that issuer's key (the next link of the validated path), the
//! issuer may sign CRLs (cRLSign when keyUsage is present), its issuingDistributionPoint
//! scope covers the certificate, and it has no unknown critical extension; otherwise it is
//! `crl-unusable` and ignored. At the reference time T:
//! - listed with revocationDate ≤ T, or an invalidityDate ≤ T → `revoked` (error); a
//!   certificateHold only while a CRL issued at or after T still lists it;
//! - listed with a later date for a compromised key (keyCompromise, cACompromise,
//!   aACompromise), or with no reason or unspecified (which cannot exclude one), when only the
//!   key's holder dates the signature → `revoked`, `revoked-key-compromise` (error): a thief
//!   can sign today and state yesterday;
//! - listed with a later date otherwise → still good at T, `revoked-after-signing` (warning);
//! - named by a removeFromCRL entry of a complete CRL → that CRL says nothing of it;
//! - not listed in a CRL with thisUpdate ≥ T that still covers the certificate (thisUpdate
//!   ≤ its notAfter, or ExpiredCertsOnCRL reaching back to it, RFC 5280 §3.3) → good;
//! - otherwise → unknown, `revocation-unknown` (information).
//!
//! T is never earlier than the time the signature states: `--at` may move it later, but a
//! revocation before the signature was made cannot be cleared by asking about an earlier
//! instant ([`Moment`]).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use jiff::Timestamp;
use serde::Serialize;

use super::cache::Caches;
use super::cert::{Cert, rfc3339};
use super::crl::{Crl, CrlSet, Entry, trimmed_serial};
use super::crypto::sig_alg_from_identifier;
use crate::finding::{CrlProblem, CrlScope, FetchProblem, Finding, JudgedAt, RevocationGap};
use crate::problem::Problem;

/// A certificate's revocation status at the reference time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum RevocationStatus {
    /// No CRL was given or fetched: nothing was asked.
    #[default]
    NotChecked,
    /// A usable CRL issued at or after the reference time does not list it, or lists it
    /// revoked later.
    Good,
    /// Revoked at or before the reference time.
    Revoked,
    /// The usable CRLs do not say.
    Unknown,
}

/// What the CRLs say of one certificate at the reference time.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Default)]
pub struct Revocation {
    /// The status.
    pub status: RevocationStatus,
    /// The CRL that decided it (path or URL).
    pub source: Option<String>,
    /// That CRL's thisUpdate, RFC 3339 UTC.
    pub this_update: Option<String>,
    /// That CRL's nextUpdate.
    pub next_update: Option<String>,
    /// The revocation date, when listed.
    pub revoked_at: Option<String>,
    /// The reason as RFC 5280 names it (`keyCompromise`, `cessationOfOperation`, …).
    pub reason: Option<&'static str>,
    /// The invalidity date, when the CRL gives one.
    pub invalid_from: Option<String>,
    /// The instant it was judged at, RFC 3339 UTC: the reference time, or the signing time
    /// when `--at` asks about an earlier instant; null when not checked.
    pub judged_at: Option<String>,
}

/// The instant revocation is judged at, which words name it, and whether someone other than
/// the key's holder vouches for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moment {
    /// T.
    pub at: Timestamp,
    /// What T is.
    pub basis: JudgedAt,
    /// Whether T is proved by someone other than the holder of the keys judged (a trusted
    /// time-stamp for a signer): only then may a key compromised after T leave the
    /// signature standing.
    pub proven: bool,
}

impl Moment {
    /// T for a signature dated `dated` (its signingTime or certified time, or a time-stamp's
    /// genTime, with what it is), judged at `at` of `basis`: `--at` may ask about a later
    /// instant, never an earlier one than the signature's own.
    pub fn new(
        at: Timestamp,
        basis: JudgedAt,
        dated: Option<(Timestamp, JudgedAt)>,
        proven: bool,
    ) -> Moment {
        match dated {
            Some((t, what)) if t > at => Moment { at: t, basis: what, proven },
            _ => Moment { at, basis, proven },
        }
    }
}

/// A revocation as JSON writes it, read back (`verify --format jsonl` read by `evidence`).
#[derive(serde::Deserialize)]
struct Written {
    status: RevocationStatus,
    source: Option<String>,
    this_update: Option<String>,
    next_update: Option<String>,
    revoked_at: Option<String>,
    reason: Option<String>,
    invalid_from: Option<String>,
    #[serde(default)]
    judged_at: Option<String>,
}

// By hand: a derive would ask the input to outlive `'static` for the `&'static str`.
impl<'de> serde::Deserialize<'de> for Revocation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Revocation, D::Error> {
        use serde::de::Error;
        let w = Written::deserialize(d)?;
        let reason = match w.reason {
            None => None,
            Some(name) => Some(
                crate::finding::RevocationReason::ALL
                    .iter()
                    .map(|r| r.name())
                    .find(|n| *n == name)
                    .ok_or_else(|| {
                        D::Error::custom(format!("unknown revocation reason {name:?}"))
                    })?,
            ),
        };
        Ok(Revocation {
            status: w.status,
            source: w.source,
            this_update: w.this_update,
            next_update: w.next_update,
            revoked_at: w.revoked_at,
            reason,
            invalid_from: w.invalid_from,
            judged_at: w.judged_at,
        })
    }
}

/// A CRL as a fetcher gives it.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// Its bytes (DER or PEM).
    pub bytes: Vec<u8>,
    /// Whether they come from a cache rather than the server just now.
    pub cached: bool,
}

/// Downloads the CRL at a URL (`--fetch-crl`).
pub trait CrlFetcher: Send + Sync + std::fmt::Debug {
    /// The CRL at `url`: a cached copy while it is current, unless `fresh` asks the server.
    fn fetch(&self, url: &str, fresh: bool) -> Result<Fetched, FetchProblem>;

    /// Keeps a downloaded CRL whose signature verified, for later runs (a forged one is
    /// never kept).
    fn keep(&self, _url: &str, _bytes: &[u8]) {}
}

/// One URL's CRL as fetched this run.
#[derive(Debug, Clone)]
struct Download {
    crl: Arc<Crl>,
    /// The bytes, until they are kept (downloads only).
    bytes: Option<Arc<Vec<u8>>>,
    /// From the cache: a fresh download is asked when it does not reach the reference time.
    cached: bool,
}

/// How revocation is checked: the CRLs given and, when asked, a fetcher; downloads and CRL
/// signature checks are remembered for the whole run.
#[derive(Debug, Default)]
pub struct RevocationPolicy {
    crls: CrlSet,
    fetcher: Option<Box<dyn CrlFetcher>>,
    fetched: Mutex<HashMap<String, Result<Download, CrlProblem>>>,
    signatures: Mutex<HashMap<(usize, [u8; 32]), bool>>,
}

impl RevocationPolicy {
    /// Checks against these CRLs and, with a fetcher, those the certificates name.
    pub fn new(crls: CrlSet, fetcher: Option<Box<dyn CrlFetcher>>) -> RevocationPolicy {
        RevocationPolicy { crls, fetcher, ..RevocationPolicy::default() }
    }

    /// Whether any revocation check is asked for.
    pub fn is_active(&self) -> bool {
        !self.crls.is_empty() || self.fetcher.is_some()
    }

    /// The CRLs given, and the URLs asked so far (for the evidence page; those that could not
    /// be used are reported as `crl-unusable` on the files they concerned).
    pub fn consulted(&self) -> Vec<String> {
        let mut out: Vec<String> = self.crls.iter().map(|c| c.source.clone()).collect();
        if let Ok(fetched) = self.fetched.lock() {
            let mut urls: Vec<&String> = fetched.keys().collect();
            urls.sort();
            out.extend(urls.into_iter().cloned());
        }
        out
    }

    fn download(fetcher: &dyn CrlFetcher, url: &str, fresh: bool) -> Result<Download, CrlProblem> {
        let fetched = fetcher.fetch(url, fresh).map_err(CrlProblem::Fetch)?;
        let der = crate::read::decode::der_blocks(&fetched.bytes, "X509 CRL")
            .into_iter()
            .next()
            .ok_or(CrlProblem::NoCrl)?;
        let crl = Crl::from_der(&der, url).map_err(|e| CrlProblem::Unreadable(e.to_string()))?;
        Ok(Download {
            crl: Arc::new(crl),
            bytes: (!fetched.cached).then(|| Arc::new(fetched.bytes)),
            cached: fetched.cached,
        })
    }

    /// The CRL at `url`, fetched once per run; a cached copy issued before `at` is fetched
    /// again from the server, which may have a newer one that answers the question.
    fn fetch(&self, url: &str, at: Timestamp) -> Result<Download, CrlProblem> {
        let Some(fetcher) = self.fetcher.as_deref() else {
            return Err(CrlProblem::Fetch(FetchProblem::Network("not asked".into())));
        };
        // Held while downloading: each URL is fetched once per run.
        let mut fetched = self
            .fetched
            .lock()
            .map_err(|_| CrlProblem::Fetch(FetchProblem::Network("lock".into())))?;
        let entry =
            fetched.entry(url.to_string()).or_insert_with(|| Self::download(fetcher, url, false));
        if let Ok(d) = entry
            && d.cached
            && d.crl.this_update < at
        {
            *entry = Self::download(fetcher, url, true);
        }
        entry.clone()
    }

    /// Keeps a downloaded CRL that proved genuine.
    fn keep(&self, url: &str) {
        let (Some(fetcher), Ok(mut fetched)) = (self.fetcher.as_deref(), self.fetched.lock())
        else {
            return;
        };
        if let Some(Ok(d)) = fetched.get_mut(url)
            && let Some(bytes) = d.bytes.take()
        {
            fetcher.keep(url, &bytes);
        }
    }

    /// Judges every certificate of `path` but the anchor (the last) at `moment`: one
    /// [`Revocation`] per certificate of the path, the anchor's not checked.
    pub fn judge_path(
        &self,
        path: &[&Cert],
        moment: Moment,
        caches: &Caches,
    ) -> (Vec<Revocation>, Vec<Problem>) {
        let at = moment.at;
        let mut problems = Vec::new();
        let mut out = Vec::with_capacity(path.len());
        for (i, cert) in path.iter().enumerate() {
            let Some(issuer) = path.get(i + 1) else {
                out.push(Revocation::default());
                break;
            };
            let mut usable: Vec<Arc<Crl>> = Vec::new();
            // Whether a CRL may speak for this certificate; said when it may not.
            let consider = |crl: &Arc<Crl>, problems: &mut Vec<Problem>| match self
                .usable_for(crl, cert, issuer, caches)
            {
                Ok(()) => true,
                Err(why) => {
                    push_unique(problems, Finding::CrlUnusable { source: crl.source.clone(), why });
                    false
                }
            };
            for crl in self.crls.by_issuer(&cert.issuer_raw) {
                if consider(crl, &mut problems) {
                    usable.push(Arc::clone(crl));
                }
            }
            let mut genuine = Vec::new();
            if self.fetcher.is_some() {
                for url in &cert.crl_urls {
                    match self.fetch(url, at) {
                        Ok(d) => {
                            if consider(&d.crl, &mut problems) {
                                usable.push(d.crl);
                                genuine.push(url.clone());
                            }
                        }
                        Err(why) => push_unique(
                            &mut problems,
                            Finding::CrlUnusable { source: url.clone(), why },
                        ),
                    }
                }
            }
            for url in genuine {
                self.keep(&url);
            }
            let (mut revocation, finding) = status_at(cert, &usable, moment);
            revocation.judged_at = Some(rfc3339(at));
            if let Some(f) = finding {
                push_unique(&mut problems, f);
            }
            out.push(revocation);
        }
        (out, problems)
    }

    /// RFC 5280 §6.3.3: whether `crl` may speak for `cert`, issued by `issuer`.
    fn usable_for(
        &self,
        crl: &Crl,
        cert: &Cert,
        issuer: &Cert,
        caches: &Caches,
    ) -> Result<(), CrlProblem> {
        if crl.issuer_raw != cert.issuer_raw {
            return Err(CrlProblem::OtherIssuer(crl.issuer.clone()));
        }
        if let Some(why) = &crl.unusable {
            return Err(why.clone());
        }
        if issuer.crl_sign == Some(false) {
            return Err(CrlProblem::IssuerMayNotSign);
        }
        let is_ca = matches!(cert.basic_constraints, Some((true, _)));
        if crl.scope.only_user && is_ca {
            return Err(CrlProblem::OutOfScope(CrlScope::UserCertificatesOnly));
        }
        if crl.scope.only_ca && !is_ca {
            return Err(CrlProblem::OutOfScope(CrlScope::CaCertificatesOnly));
        }
        // RFC 5280 §6.3.3 (b)(2)(i): a partition covers only certificates naming its point.
        if crl.scope.partition && !crl.scope.points.iter().any(|p| cert.crl_points.contains(p)) {
            return Err(CrlProblem::OutOfScope(CrlScope::OtherDistributionPoint));
        }
        if !self.signature_verifies(crl, issuer, caches) {
            return Err(CrlProblem::BadSignature);
        }
        Ok(())
    }

    fn signature_verifies(&self, crl: &Crl, issuer: &Cert, caches: &Caches) -> bool {
        // A CRL is identified by its address: every CRL lives in the policy (given or
        // fetched) for the whole run, so no address is reused.
        let key = (crl as *const Crl as usize, issuer.fingerprint);
        if let Some(&ok) = self.signatures.lock().ok().and_then(|m| m.get(&key).copied()).as_ref() {
            return ok;
        }
        let ok = sig_alg_from_identifier(&crl.signature_algorithm, None)
            .ok()
            .and_then(|alg| {
                let public = caches.key(&issuer.spki).ok()?;
                let hashed = alg.digest().digest(&crl.tbs);
                Some(public.verify_prehashed(&alg, &hashed, &crl.signature).is_ok())
            })
            .unwrap_or(false);
        if let Ok(mut m) = self.signatures.lock() {
            m.insert(key, ok);
        }
        ok
    }
}

fn push_unique(problems: &mut Vec<Problem>, finding: Finding) {
    if !problems.iter().any(|p| p.finding.as_ref() == Some(&finding)) {
        problems.push(Problem::of(finding));
    }
}

fn listed(crl: &Crl, entry: &Entry, status: RevocationStatus) -> Revocation {
    Revocation {
        status,
        source: Some(crl.source.clone()),
        this_update: Some(rfc3339(crl.this_update)),
        next_update: crl.next_update.map(rfc3339),
        revoked_at: Some(rfc3339(entry.revoked_at)),
        reason: entry.reason.map(|r| r.name()),
        invalid_from: entry.invalid_from.map(rfc3339),
        judged_at: None,
    }
}

/// The decision at `moment` from the usable CRLs of `cert`'s issuer (module doc).
pub fn status_at(
    cert: &Cert,
    usable: &[Arc<Crl>],
    moment: Moment,
) -> (Revocation, Option<Finding>) {
    use crate::finding::RevocationReason as R;
    let at = moment.at;
    let serial = trimmed_serial(&cert.serial);
    // The earliest revocation after T; one after T that may be a compromise while only the
    // signer dates the signature; a hold that only a CRL issued before T lists.
    let mut later: Option<(&Crl, &Entry)> = None;
    let mut unprovable: Option<(&Crl, &Entry)> = None;
    let mut held_before: Option<(&Crl, &Entry)> = None;
    for crl in usable {
        for entry in crl.entries.get(&serial).into_iter().flatten() {
            let hold = entry.reason == Some(R::CertificateHold);
            // A hold may be released: a CRL issued before T says nothing of T.
            if hold && crl.this_update < at {
                if entry.revoked_at <= at && held_before.is_none() {
                    held_before = Some((crl, entry));
                }
                continue;
            }
            let by_invalidity = entry.invalid_from.filter(|&from| from <= at);
            if entry.revoked_at <= at || by_invalidity.is_some() {
                let finding = Finding::Revoked {
                    subject: cert.subject.clone(),
                    revoked_at: rfc3339(entry.revoked_at),
                    invalid_from: by_invalidity.filter(|_| entry.revoked_at > at).map(rfc3339),
                    reason: entry.reason,
                    source: crl.source.clone(),
                    at: moment.basis,
                };
                return (listed(crl, entry, RevocationStatus::Revoked), Some(finding));
            }
            // RFC 5280 §5.3.1 asks CAs to leave the reason out rather than say unspecified: a
            // revocation without one cannot exclude a compromise; nor can a suspension, which
            // is what a CA does first when a key may have been stolen.
            let may_be_compromise = entry.reason.is_none_or(|r| {
                r.is_compromise() || r == R::Unspecified || r == R::CertificateHold
            });
            if may_be_compromise && unprovable.is_none() {
                unprovable = Some((crl, entry));
            }
            if later.is_none_or(|(_, e)| entry.revoked_at < e.revoked_at) {
                later = Some((crl, entry));
            }
        }
    }
    if let Some((crl, entry)) = unprovable
        && !moment.proven
    {
        let finding = Finding::RevokedCompromised {
            subject: cert.subject.clone(),
            revoked_at: rfc3339(entry.revoked_at),
            reason: entry.reason,
            source: crl.source.clone(),
            at: moment.basis,
        };
        return (listed(crl, entry, RevocationStatus::Revoked), Some(finding));
    }
    if let Some((crl, entry)) = later {
        let finding = Finding::RevokedAfterSigning {
            subject: cert.subject.clone(),
            revoked_at: rfc3339(entry.revoked_at),
            reason: entry.reason,
            source: crl.source.clone(),
            at: moment.basis,
        };
        return (listed(crl, entry, RevocationStatus::Good), Some(finding));
    }
    // A hold seen before T and absent from every CRL issued after that one and by T may have
    // been lifted after T: absence from a later list proves nothing of T for a suspension.
    let lifted_by_t = |old: &Crl| {
        usable.iter().any(|c| {
            c.this_update > old.this_update
                && c.this_update <= at
                && !c
                    .entries
                    .get(&serial)
                    .is_some_and(|es| es.iter().any(|e| e.reason == Some(R::CertificateHold)))
        })
    };
    let held_before = held_before.filter(|(old, _)| !lifted_by_t(old));
    let covers = |crl: &Crl| {
        !crl.taken_back.contains(&serial)
            && crl.this_update >= at
            && (crl.this_update <= cert.not_after
                || crl.expired_certs_on_crl.is_some_and(|from| from <= cert.not_after))
    };
    if let Some(crl) =
        usable.iter().filter(|c| covers(c) && held_before.is_none()).min_by_key(|c| c.this_update)
    {
        return (
            Revocation {
                status: RevocationStatus::Good,
                source: Some(crl.source.clone()),
                this_update: Some(rfc3339(crl.this_update)),
                next_update: crl.next_update.map(rfc3339),
                ..Revocation::default()
            },
            None,
        );
    }
    let taken_back = usable.iter().find(|c| c.taken_back.contains(&serial));
    let gap = match (taken_back, held_before, usable.iter().max_by_key(|c| c.this_update)) {
        (Some(crl), ..) => RevocationGap::TakenBack { source: crl.source.clone() },
        (None, Some((crl, entry)), _) => RevocationGap::HeldBefore {
            since: rfc3339(entry.revoked_at),
            this_update: rfc3339(crl.this_update),
            source: crl.source.clone(),
        },
        (None, None, None) => RevocationGap::NoCrl,
        (None, None, Some(newest)) if newest.this_update < at => {
            RevocationGap::IssuedBefore { this_update: rfc3339(newest.this_update) }
        }
        (None, None, Some(_)) => {
            RevocationGap::IssuedAfterExpiry { not_after: rfc3339(cert.not_after) }
        }
    };
    let newest = usable.iter().max_by_key(|c| c.this_update);
    let revocation = match (&gap, held_before) {
        // The hold is what is known: its CRL, since when (review 16: the chain line said no
        // CRL attested anything).
        (RevocationGap::HeldBefore { .. }, Some((crl, entry))) => {
            listed(crl, entry, RevocationStatus::Unknown)
        }
        _ => Revocation {
            status: RevocationStatus::Unknown,
            source: newest.map(|c| c.source.clone()),
            this_update: newest.map(|c| rfc3339(c.this_update)),
            next_update: newest.and_then(|c| c.next_update.map(rfc3339)),
            ..Revocation::default()
        },
    };
    (
        revocation,
        Some(Finding::RevocationUnknown { subject: cert.subject.clone(), gap, at: moment.basis }),
    )
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests;
