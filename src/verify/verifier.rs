//! The verifier a caller owns: trust anchors, the reference-time policy, resource limits and
//! the caches a batch shares.

use jiff::Timestamp;

use super::cache::Caches;
use super::revocation::RevocationPolicy;
use super::trust::TrustStore;
use crate::finding::Finding;
use crate::limits::Limits;
use crate::problem::Problem;

/// Everything a verification needs beyond the artefact itself. Create one per run and share
/// it by reference (it is `Sync`): its caches make the second receipt from a provider cheaper
/// than the first.
///
/// ```
/// use peckit::verify::{TrustStore, Verifier};
///
/// let verifier = Verifier::new(TrustStore::embedded());
/// assert!(verifier.requested_time().is_none());
/// ```
#[derive(Debug)]
pub struct Verifier {
    trust: TrustStore,
    requested_time: Option<Timestamp>,
    now: Timestamp,
    limits: Limits,
    caches: Caches,
    revocation: RevocationPolicy,
}

impl Verifier {
    /// A verifier with these anchors, default limits, judging certificates at each
    /// signature's own signing time, with the clock's current time as "now".
    pub fn new(trust: TrustStore) -> Verifier {
        Verifier {
            trust,
            requested_time: None,
            now: Timestamp::now(),
            limits: Limits::default(),
            caches: Caches::default(),
            revocation: RevocationPolicy::default(),
        }
    }

    /// Judges certificate validity at `at` instead of each signature's signing time.
    #[must_use]
    pub fn with_requested_time(mut self, at: Option<Timestamp>) -> Verifier {
        self.requested_time = at;
        self
    }

    /// Uses `now` as the current time (for "expired since" notes; tests pin it).
    #[must_use]
    pub fn with_now(mut self, now: Timestamp) -> Verifier {
        self.now = now;
        self
    }

    /// Uses these resource limits for reading.
    #[must_use]
    pub fn with_limits(mut self, limits: Limits) -> Verifier {
        self.limits = limits;
        self
    }

    /// Checks revocation at the reference time with these CRLs (and fetcher).
    #[must_use]
    pub fn with_revocation(mut self, revocation: RevocationPolicy) -> Verifier {
        self.revocation = revocation;
        self
    }

    /// How revocation is checked.
    pub fn revocation(&self) -> &RevocationPolicy {
        &self.revocation
    }

    /// The trust anchors.
    pub fn trust(&self) -> &TrustStore {
        &self.trust
    }

    /// The instant the caller asked validity to be judged at, if any.
    pub fn requested_time(&self) -> Option<Timestamp> {
        self.requested_time
    }

    /// The current time as this verifier sees it.
    pub fn now(&self) -> Timestamp {
        self.now
    }

    /// The resource limits for reading.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// A signer's path to a trusted anchor at `at`, for `purpose`, with `pool` as
    /// intermediates, judged with this verifier's anchors, caches and revocation policy. When
    /// `at` is only what the signer states (no trusted time-stamp), a trusted list's service
    /// must also be granted now: a withdrawn provider cannot date its way back into the list.
    /// Revocation is judged at `revocation_at`.
    pub(crate) fn path(
        &self,
        signer: &super::cert::Cert,
        pool: &[&super::cert::Cert],
        at: Timestamp,
        purpose: super::trust::Purpose,
        at_attested: bool,
        revocation_at: super::revocation::Moment,
    ) -> super::chain::PathResult {
        let now = self.now();
        let usable = |a: &super::trust::Anchor| {
            a.serves(purpose) && a.usable_at(at) && (at_attested || a.usable_at(now))
        };
        let validate = |usable: &dyn Fn(&super::trust::Anchor) -> bool| {
            super::chain::validate_with(
                signer,
                pool,
                self.trust(),
                at,
                self.caches(),
                self.revocation(),
                revocation_at,
                usable,
            )
        };
        let result = validate(&usable);
        if result.trusted
            || !self.trust().iter().any(|a| a.serves(purpose) && a.granted.is_some() && !usable(a))
        {
            return result;
        }
        // A path the list's dates alone refused: said as such, not as "no trusted authority
        // issued it" with a hint to trust the authority by hand (review 16).
        let undated = validate(&|a: &super::trust::Anchor| a.serves(purpose));
        match undated.anchor_source {
            Some(service) if undated.trusted => {
                let anchor = self.trust().iter().find(|a| a.source == service);
                let only_then = !at_attested && anchor.is_some_and(|a| a.usable_at(at));
                // What the path would have said besides (a revoked key) is said too.
                let mut problems = vec![Problem::of(Finding::ServiceNotGranted {
                    subject: signer.subject.clone(),
                    service,
                    at: super::cert::rfc3339(at),
                    only_then,
                })];
                problems.extend(undated.problems);
                super::chain::PathResult { problems, ..result }
            }
            _ => result,
        }
    }

    /// The caches shared by the checks of this verifier.
    pub(crate) fn caches(&self) -> &Caches {
        &self.caches
    }
}
