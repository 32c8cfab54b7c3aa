//! Times no signature can make true (review 12): a signed time after the moment of the check,
//! and a REM event, submission or signing time after the trusted time-stamp that proves the
//! evidence existed; and a REM event far from its evidence's signing time, as PEC's
//! `signing-time-mismatch`.

use jiff::Timestamp;

use super::crosscheck::TIME_TOLERANCE_SECONDS;
use crate::finding::{Finding, StatedTime};
use crate::problem::Problem;
use crate::read::Artefact;
use crate::verify::SignatureReport;
use crate::verify::cert::rfc3339;
use crate::verify::xades::XadesReport;

fn after(late: Timestamp, early: Timestamp) -> bool {
    late.as_second() - early.as_second() > TIME_TOLERANCE_SECONDS
}

/// Every time check of an artefact whose signature (S/MIME or XAdES) verified over unchanged
/// bytes: the times it states are then its signer's word, and must at least be possible.
pub fn check(
    artefact: &Artefact,
    signature: Option<&SignatureReport>,
    xades: Option<&XadesReport>,
    now: Timestamp,
    problems: &mut Vec<Problem>,
) {
    let intact = signature.is_some_and(|s| s.status == crate::verify::SignatureStatus::Valid);
    let mut stated = Vec::new();
    if intact {
        if let Some(t) = artefact.daticert().and_then(|d| d.data.as_ref()) {
            stated.push((StatedTime::Certified, t.utc));
        }
        if let Some(t) = signature.and_then(|s| s.signing_time) {
            stated.push((StatedTime::Signing, t));
        }
    }
    if let Some(x) = xades.filter(|x| x.status == "valid") {
        let evidence = artefact.content.as_ref().and_then(|c| c.rem.as_ref()?.as_ref().ok());
        let time = |t: Option<&str>| t.and_then(|t| t.parse::<Timestamp>().ok());
        let event = time(evidence.and_then(|e| e.event_time.as_deref()));
        let submission = time(evidence.and_then(|e| e.submission_time.as_deref()));
        // The time-stamp covers the signature value: what the evidence and its signature
        // state happened before it.
        let evidence_times: Vec<(StatedTime, Timestamp)> = [
            event.map(|t| (StatedTime::RemEvent, t)),
            submission.map(|t| (StatedTime::RemSubmission, t)),
            time(x.signing_time.as_deref()).map(|t| (StatedTime::Signing, t)),
        ]
        .into_iter()
        .flatten()
        .collect();
        rem_times_before_the_time_stamp(&evidence_times, x, problems);
        if let Some(event) = event {
            rem_event_near_its_signing_time(event, x, problems);
        }
        stated.extend(evidence_times);
    }
    signed_times_not_in_the_future(&stated, now, problems);
}

/// A signature proves who stated a time, not that the time has come: a certified time after
/// the check is a wrong clock or a forgery with the provider's key.
fn signed_times_not_in_the_future(
    stated: &[(StatedTime, Timestamp)],
    now: Timestamp,
    problems: &mut Vec<Problem>,
) {
    for &(what, time) in stated {
        if after(time, now) {
            problems.push(Problem::of(Finding::TimeInFuture {
                what,
                time: rfc3339(time),
                now: rfc3339(now),
            }));
        }
    }
}

/// A trusted time-stamp proves the evidence existed at genTime: the event and the
/// submission it certifies happened before.
fn rem_times_before_the_time_stamp(
    times: &[(StatedTime, Timestamp)],
    x: &XadesReport,
    problems: &mut Vec<Problem>,
) {
    let stamp = x.time_stamp.as_ref().filter(|t| t.holds());
    let Some(stamped) = stamp.and_then(|t| t.gen_time.as_deref()?.parse::<Timestamp>().ok()) else {
        return;
    };
    for &(what, time) in times {
        if after(time, stamped) {
            problems.push(Problem::of(Finding::RemEventAfterTimeStamp {
                what,
                event: rfc3339(time),
                stamped: rfc3339(stamped),
            }));
        }
    }
}

/// A provider signs its evidence when the event happens (AgID's kit: within minutes).
fn rem_event_near_its_signing_time(event: Timestamp, x: &XadesReport, problems: &mut Vec<Problem>) {
    let Some(signing) = x.signing_time.as_deref().and_then(|t| t.parse::<Timestamp>().ok()) else {
        return;
    };
    if after(event, signing) || after(signing, event) {
        problems.push(Problem::of(Finding::RemEventTimeMismatch {
            signing: rfc3339(signing),
            event: rfc3339(event),
        }));
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use crate::limits::Limits;
    use crate::problem::ProblemCode;
    use crate::testing::{sample, test_verifier};

    fn codes_at(file: &str, now: &str) -> Vec<ProblemCode> {
        let artefact = crate::read::read(sample(file), &Limits::default()).unwrap();
        let verifier = test_verifier().with_now(now.parse().unwrap());
        super::super::assess::assess(&artefact, &verifier).problems.iter().map(|p| p.code).collect()
    }

    #[test]
    fn a_certified_time_after_the_check_is_never_valid() {
        // The samples were signed on 2026-11-30: checked the day before, their times are
        // still to come.
        let codes = codes_at("accettazione.eml", "2026-11-29T00:00:00Z");
        assert_eq!(
            codes.iter().filter(|c| **c == ProblemCode::TimeInFuture).count(),
            2,
            "{codes:?}"
        );
        let codes = codes_at("rem/evidenza-accettazione.xml", "2026-11-29T00:00:00Z");
        assert!(codes.contains(&ProblemCode::TimeInFuture), "{codes:?}");
        // Checked later, nothing is said.
        let codes = codes_at("accettazione.eml", "2030-01-01T00:00:00Z");
        assert!(!codes.contains(&ProblemCode::TimeInFuture), "{codes:?}");
    }

    #[test]
    fn a_rem_event_after_its_time_stamp_or_far_from_its_signature_is_said() {
        let codes = codes_at("forged/rem-evento-dopo-marca.xml", "2030-01-01T00:00:00Z");
        assert_eq!(codes.first(), Some(&ProblemCode::RemEventAfterTimeStamp), "{codes:?}");
        let codes = codes_at("forged/rem-evento-lontano.xml", "2030-01-01T00:00:00Z");
        assert_eq!(codes, [ProblemCode::RemEventTimeMismatch]);
        let codes = codes_at("rem/evidenza-accettazione.xml", "2030-01-01T00:00:00Z");
        assert!(codes.is_empty(), "{codes:?}");
    }
}
