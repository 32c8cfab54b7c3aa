//! The instants a signature is judged at: the one asked for, the signingTime and the
//! certified time the signer states, now; and what follows when a certificate was not valid
//! at one of them.

use std::sync::Arc;

use jiff::Timestamp;

use super::super::cert::{self, Cert, CertSummary};
use crate::finding::Finding;
use crate::problem::Problem;
use serde::Serialize;

/// Where the instant certificates were judged at came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceTimeSource {
    /// The CMS signingTime (the usual case).
    SigningTime,
    /// No signingTime: the certified time of daticert.xml.
    Daticert,
    /// The instant the caller asked for ([`crate::verify::Verifier::with_requested_time`]).
    Requested,
    /// Neither: the current time.
    Now,
    /// Not judged (the check stopped before).
    None,
    /// The genTime of a valid time-stamp by a trusted authority (a REM evidence's).
    TimeStamp,
}

/// The instant certificates are judged at (docs/crypto-notes.md P9): the one the caller
/// asked for, else the signing time, else the certified time of daticert.xml, else now.
pub(super) fn reference_time(
    requested: Option<Timestamp>,
    signing_time: Option<Timestamp>,
    certified_time: Option<Timestamp>,
    now: Timestamp,
) -> (Timestamp, ReferenceTimeSource) {
    match (requested, signing_time, certified_time) {
        (Some(at), _, _) => (at, ReferenceTimeSource::Requested),
        (None, Some(st), _) => (st, ReferenceTimeSource::SigningTime),
        (None, None, Some(d)) => (d, ReferenceTimeSource::Daticert),
        (None, None, None) => (now, ReferenceTimeSource::Now),
    }
}

/// The earlier of two instants, either of which may be missing.
pub(super) fn earliest(a: Option<Timestamp>, b: Option<Timestamp>) -> Option<Timestamp> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The later of two instants, either of which may be missing.
pub(super) fn latest(a: Option<Timestamp>, b: Option<Timestamp>) -> Option<Timestamp> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// The certificates of a path that were not valid at `signed` (the time the signature states).
pub(super) fn not_valid_when_signed(
    certificates: &[Arc<CertSummary>],
    signed: Timestamp,
) -> Vec<Problem> {
    certificates
        .iter()
        .filter(|c| signed < c.validity.0 || signed > c.validity.1)
        .take(1)
        .map(|c| {
            Problem::of(Finding::NotValidAt {
                subject: c.subject.clone(),
                at: cert::rfc3339(signed),
                from: c.not_before.clone(),
                to: c.not_after.clone(),
            })
        })
        .collect()
}

/// Information when the signature carries no signingTime and another instant stood in.
pub(super) fn no_signing_time_problem(source: ReferenceTimeSource) -> Option<Problem> {
    let certified = match source {
        ReferenceTimeSource::Daticert => true,
        ReferenceTimeSource::Now => false,
        _ => return None,
    };
    Some(Problem::of(Finding::NoSigningTime { certified }))
}

/// Information when the signer's certificate, valid when it signed, has expired since:
/// normal for archived mail.
pub(super) fn expired_since_signing(
    signer: &Cert,
    reference: Timestamp,
    now: Timestamp,
) -> Option<Problem> {
    if signer.valid_at(reference) && !signer.valid_at(now) && now > signer.not_after {
        return Some(Problem::of(Finding::CertExpiredNow {
            not_after: cert::rfc3339(signer.not_after),
        }));
    }
    None
}
