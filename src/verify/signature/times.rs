//! The instants a signature is judged at: the one asked for, the signingTime and the
//! certified time the signer states, now; and what follows when a certificate was not valid
//! at one of them.

use std::sync::Arc;

use jiff::Timestamp;

use super::super::cert::{self, Cert, CertSummary};
use crate::finding::{Finding, JudgedAt};
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

/// Another instant the certificates were judged at, beside the reference time: the certified
/// time of daticert.xml when it differs from the signingTime (both are the signer's word), or
/// the signature's own time when `--at` asks about an earlier instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct AlsoJudgedAt {
    /// The instant, written `time_utc` as RFC 3339 UTC only when a report is written (most
    /// runs of a batch write none).
    #[serde(rename = "time_utc", serialize_with = "ser_rfc3339")]
    pub at: Timestamp,
    /// What it is: `signing-time` or `daticert`.
    pub source: ReferenceTimeSource,
}

fn ser_rfc3339<S: serde::Serializer>(t: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&cert::rfc3339(*t))
}

impl AlsoJudgedAt {
    /// `at`, named by which of the signer's two times it is.
    pub(super) fn new(at: Timestamp, signing_time: Option<Timestamp>) -> AlsoJudgedAt {
        AlsoJudgedAt { at, source: stated_by(at, signing_time) }
    }

    /// The instant as reports write it, RFC 3339 UTC.
    pub fn time_utc(&self) -> String {
        cert::rfc3339(self.at)
    }
}

/// Which of the signer's times `at` is: the signingTime, else the certified time.
fn stated_by(at: Timestamp, signing_time: Option<Timestamp>) -> ReferenceTimeSource {
    if signing_time == Some(at) {
        ReferenceTimeSource::SigningTime
    } else {
        ReferenceTimeSource::Daticert
    }
}

/// The latest instant the signer states, as revocation findings name it.
pub(super) fn dated(
    signing_time: Option<Timestamp>,
    certified_time: Option<Timestamp>,
) -> Option<(Timestamp, JudgedAt)> {
    latest(signing_time, certified_time).map(|t| match stated_by(t, signing_time) {
        ReferenceTimeSource::SigningTime => (t, JudgedAt::SigningTime),
        _ => (t, JudgedAt::CertifiedTime),
    })
}

/// How revocation findings name the reference instant: the certified time stands in for
/// a missing signingTime and is named as such.
pub(super) fn judged_at(source: ReferenceTimeSource) -> JudgedAt {
    match source {
        ReferenceTimeSource::Requested => JudgedAt::Requested,
        ReferenceTimeSource::Now => JudgedAt::Now,
        ReferenceTimeSource::Daticert => JudgedAt::CertifiedTime,
        ReferenceTimeSource::TimeStamp => JudgedAt::TimeStamp,
        ReferenceTimeSource::SigningTime | ReferenceTimeSource::None => JudgedAt::SigningTime,
    }
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
fn latest(a: Option<Timestamp>, b: Option<Timestamp>) -> Option<Timestamp> {
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
