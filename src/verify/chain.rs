//! Certificate path validation from the signer to a trust anchor.
//!
//! Small and auditable, after rustls-webpki's structure (which cannot be used: AgID CA1
//! carries rfc822Name name constraints webpki does not support, docs/crypto-notes.md §5). Every
//! candidate path is tried (AgID CA1 exists as a 2018 and a 2021 certificate with one key),
//! every link's signature is checked over the raw tbsCertificate with the issuer's key (a
//! certificate with an anchor's *name* but another key is not trusted), and validity is
//! judged at the reference time without requiring an issuer's validity to cover the leaf's
//! (the AgID CA1 cross-certificate was re-issued after its leaves, docs/pec-spec.md §4.1).
#![deny(clippy::indexing_slicing)]

use jiff::Timestamp;

use super::cache::Caches;
use super::cert::{Cert, CertSummary, rfc3339};
use super::crypto::{SigFailure, sig_alg_from_identifier};
use super::revocation::{Moment, Revocation, RevocationPolicy};
use super::trust::{Anchor, TrustStore};
use crate::catalogue::Lang;
use crate::finding::{CaProblem, Finding, Integrity, LinkFailure};
use crate::problem::Problem;

/// Longest path tried, in certificates (PEC paths have 2-3; webpki allows 6 intermediates).
pub const MAX_PATH_LEN: usize = 8;
/// Most signature checks per validation (webpki's budget is 100; PEC needs 2-4).
pub const MAX_SIGNATURE_CHECKS: usize = 64;

/// The outcome of path validation.
#[derive(Debug, Clone, Default)]
pub struct PathResult {
    /// Whether a valid path to an anchor was found.
    pub trusted: bool,
    /// Subjects, leaf first, ending with the anchor.
    pub chain: Vec<String>,
    /// The same certificates in full, leaf first.
    pub certificates: Vec<std::sync::Arc<CertSummary>>,
    /// Where the anchor came from.
    pub anchor_source: Option<String>,
    /// What the anchor's trusted-list service may anchor; `None` for an anchor given
    /// directly (or no path).
    pub anchor_service: Option<super::trust::Purpose>,
    /// Where the signer stands in the register the path's authority publishes (its name
    /// constraints); null when no path was found.
    pub accreditation: super::names::Accreditation,
    /// What the CRLs say of each certificate of `chain` at the reference time (the anchor's
    /// and every one's when revocation is not checked: not-checked).
    pub revocation: Vec<super::revocation::Revocation>,
    /// Problems (empty when trusted).
    pub problems: Vec<Problem>,
    /// Subjects of the path's certificates whose issuer signed them with SHA-1 (the
    /// anchor's own self-signature protects nothing and is not counted).
    pub sha1_links: Vec<String>,
}

/// A failed candidate path, ranked: a later variant explains more.
#[derive(Debug, Clone)]
enum Failure {
    NoIssuer(Finding),
    Budget,
    LinkSignature(Finding),
    CaConstraints(Finding),
    Validity(Finding),
    Names(Finding),
    Extension(Finding),
}

impl Failure {
    /// Which failure explains more (the later variant), then the English words: the same
    /// order the failures always had.
    fn weight(&self) -> (u8, String) {
        match self {
            Failure::NoIssuer(f) => (0, f.text(Lang::En)),
            Failure::Budget => (1, String::new()),
            Failure::LinkSignature(f) => (2, f.text(Lang::En)),
            Failure::CaConstraints(f) => (3, f.text(Lang::En)),
            Failure::Validity(f) => (4, f.text(Lang::En)),
            Failure::Names(f) => (5, f.text(Lang::En)),
            Failure::Extension(f) => (6, f.text(Lang::En)),
        }
    }
}

struct Search<'a> {
    pool: &'a [&'a Cert],
    caches: &'a Caches,
    at: Timestamp,
    checks: usize,
    best: Option<Failure>,
}

impl Search<'_> {
    fn fail(&mut self, f: Failure) {
        if self.best.as_ref().is_none_or(|b| f.weight() > b.weight()) {
            self.best = Some(f);
        }
    }

    /// RFC 5280 §6.1.3 (a)(1): the link's signature verifies with the issuer's public key.
    fn link_verifies(&mut self, child: &Cert, issuer: &Cert) -> bool {
        if let Some(ok) = self.caches.link(child, issuer) {
            if !ok {
                self.fail(Failure::LinkSignature(Finding::LinkFailure {
                    child: child.subject.clone(),
                    issuer: issuer.subject.clone(),
                    why: LinkFailure::DoesNotVerify,
                }));
            }
            return ok;
        }
        if self.checks >= MAX_SIGNATURE_CHECKS {
            self.fail(Failure::Budget);
            return false;
        }
        self.checks += 1;
        let ok = sig_alg_from_identifier(&child.signature_algorithm, None)
            .map_err(SigFailure::Unsupported)
            .and_then(|alg| {
                let key = self.caches.key(&issuer.spki)?;
                let hashed = alg.digest().digest(&child.tbs);
                key.verify_prehashed(&alg, &hashed, &child.signature)
            });
        self.caches.remember_link(child, issuer, ok.is_ok());
        match ok {
            Ok(()) => true,
            Err(e) => {
                let why = match e {
                    SigFailure::Invalid => LinkFailure::DoesNotVerify,
                    SigFailure::Unsupported(a) => LinkFailure::Unsupported(a),
                    SigFailure::BadKey(k) => LinkFailure::BadIssuerKey(k),
                };
                self.fail(Failure::LinkSignature(Finding::LinkFailure {
                    child: child.subject.clone(),
                    issuer: issuer.subject.clone(),
                    why,
                }));
                false
            }
        }
    }

    /// RFC 5280 §4.2.1.9 / §4.2.1.3: an issuer must be a CA allowed to sign certificates,
    /// within its path length. Anchors without basicConstraints (v1 roots) are accepted.
    fn may_issue(&mut self, issuer: &Cert, cas_below: usize, is_anchor: bool) -> bool {
        let problem = match issuer.basic_constraints {
            Some((false, _)) => Some(CaProblem::NotCa),
            None if !is_anchor => Some(CaProblem::NoBasicConstraints),
            Some((true, Some(len))) if cas_below > usize::from(len) => {
                Some(CaProblem::PathLength { allowed: len, below: cas_below })
            }
            _ => None,
        }
        .or(match issuer.key_usage {
            Some((_, _, false)) => Some(CaProblem::NoKeyCertSign),
            _ => None,
        });
        match problem {
            Some(why) => {
                self.fail(Failure::CaConstraints(Finding::NotACa {
                    issuer: issuer.subject.clone(),
                    why,
                }));
                false
            }
            None => true,
        }
    }

    /// RFC 5280 §6.1.3 (b)–(c), §6.1.4 (g), RFC 5937: the names of every certificate fall
    /// within the constraints of every CA above it, the anchor's included (AgID CA1's
    /// constraints are its register of accredited providers), whether marked critical or not.
    fn names_allowed(&mut self, path: &[&Cert]) -> bool {
        for (i, cert) in path.iter().enumerate() {
            for ca in path.iter().skip(i + 1) {
                let Some(constraints) = &ca.name_constraints else { continue };
                if let Err(violation) = super::names::check(constraints, &cert.names) {
                    self.fail(Failure::Names(Finding::NameConstraints {
                        subject: cert.subject.clone(),
                        authority: ca.subject.clone(),
                        violation,
                    }));
                    return false;
                }
            }
        }
        true
    }

    /// RFC 5280 §4.1.2.5: every certificate of the path is valid at the reference time.
    fn path_valid_at(&mut self, path: &[&Cert]) -> bool {
        for c in path {
            if !c.valid_at(self.at) {
                self.fail(Failure::Validity(Finding::NotValidAt {
                    subject: c.subject.clone(),
                    at: rfc3339(self.at),
                    from: rfc3339(c.not_before),
                    to: rfc3339(c.not_after),
                }));
                return false;
            }
        }
        true
    }

    /// RFC 5280 §4.2: a certificate with a critical extension peckit does not implement is
    /// rejected; the anchor is trusted as configured, whatever it carries.
    fn extensions_handled(&mut self, path: &[&Cert]) -> bool {
        let below_anchor = path.len().saturating_sub(1);
        for c in path.iter().take(below_anchor) {
            if let Some(oid) = &c.unhandled_critical {
                self.fail(Failure::Extension(Finding::Integrity(
                    Integrity::UnhandledCriticalExtension {
                        subject: c.subject.clone(),
                        oid: oid.clone(),
                    },
                )));
                return false;
            }
        }
        true
    }

    /// A path that reached an anchor: valid at the reference time, within every authority's
    /// names, and with no critical extension left unhandled.
    fn path_holds(&mut self, path: &[&Cert]) -> bool {
        self.path_valid_at(path) && self.names_allowed(path) && self.extensions_handled(path)
    }

    fn extend<'p>(
        &mut self,
        path: &mut Vec<&'p Cert>,
        anchors: &'p [&'p Anchor],
        pool: &'p [&'p Cert],
    ) -> Option<&'p Anchor> {
        let current = *path.last()?;
        if let Some(anchor) = anchors.iter().find(|a| a.cert.der == current.der) {
            // A pinned signer (a path of one) is judged at the reference time like any
            // other path (issue #13: pinning an expired provider certificate gave valid).
            if self.path_holds(path) {
                return Some(anchor);
            }
            return None;
        }
        if path.len() >= MAX_PATH_LEN {
            self.fail(Failure::NoIssuer(Finding::PathTooLong(MAX_PATH_LEN)));
            return None;
        }
        let cas_below = path.len().saturating_sub(1);
        let mut found_issuer = false;
        for anchor in anchors.iter().filter(|a| a.cert.issued(current)) {
            found_issuer = true;
            if self.link_verifies(current, &anchor.cert)
                && self.may_issue(&anchor.cert, cas_below, true)
            {
                path.push(&anchor.cert);
                if self.path_holds(path) {
                    return Some(anchor);
                }
                path.pop();
            }
        }
        for issuer in pool.iter().copied().filter(|c| c.issued(current)) {
            if path.iter().any(|p| p.der == issuer.der) {
                continue;
            }
            found_issuer = true;
            if self.link_verifies(current, issuer) && self.may_issue(issuer, cas_below, false) {
                path.push(issuer);
                if let Some(a) = self.extend(path, anchors, pool) {
                    return Some(a);
                }
                path.pop();
            }
        }
        if !found_issuer {
            self.fail(Failure::NoIssuer(Finding::NoIssuer {
                subject: current.subject.clone(),
                issuer: current.issuer.clone(),
            }));
        }
        None
    }
}

/// The signer's place in the register of the highest authority of the path that publishes
/// one (name constraints with permitted subtrees); the anchor's name when none does.
fn accreditation_of(path: &[&Cert]) -> super::names::Accreditation {
    let signer = path.first().map(|c| &c.names);
    let authority = path
        .iter()
        .skip(1)
        .rev()
        .find(|c| c.name_constraints.as_ref().is_some_and(|n| !n.permitted.is_empty()));
    let name = |c: &Cert| c.common_name.clone().unwrap_or_else(|| c.subject.clone());
    match (authority, signer) {
        (Some(ca), Some(names)) => {
            super::names::accreditation(&name(ca), ca.name_constraints.as_ref(), names)
        }
        _ => super::names::accreditation(
            &path.last().map(|c| name(c)).unwrap_or_default(),
            None,
            &super::names::CertNames::default(),
        ),
    }
}

/// The certificates of `path` signed with SHA-1 by their issuer, but for the last one (the
/// anchor, or the lone signer when no path was found, whose issuer is unknown but whose
/// signature still protects it).
fn sha1_links(path: &[&Cert]) -> Vec<String> {
    let protected = if path.len() == 1 { path } else { path.split_last().map_or(path, |(_, r)| r) };
    protected
        .iter()
        .filter(|c| {
            sig_alg_from_identifier(&c.signature_algorithm, None)
                .is_ok_and(|alg| alg.digest() == super::crypto::DigestAlg::Sha1)
        })
        .map(|c| c.subject.clone())
        .collect()
}

/// Validates the signer's certificate at `at`, using `pool` (certificates carried by the
/// CMS) as intermediates, and, when `revocation` is active, what the CRLs say of each link;
/// only the anchors `usable` accepts may end the path (a trusted list's services: for what,
/// and when they were granted).
#[allow(clippy::too_many_arguments)]
pub fn validate_with(
    signer: &Cert,
    pool: &[&Cert],
    trust: &TrustStore,
    at: Timestamp,
    caches: &Caches,
    revocation: &RevocationPolicy,
    revocation_at: Moment,
    usable: &dyn Fn(&Anchor) -> bool,
) -> PathResult {
    let anchors: Vec<&Anchor> = trust.iter().filter(|a| usable(a)).collect();
    let mut search = Search { pool, caches, at, checks: 0, best: None };
    let mut path = vec![signer];
    let found = search.extend(&mut path, &anchors, search.pool);
    match found {
        Some(anchor) => {
            let (revocation, problems) = if revocation.is_active() {
                revocation.judge_path(&path, revocation_at, caches)
            } else {
                (vec![Revocation::default(); path.len()], Vec::new())
            };
            PathResult {
                trusted: true,
                chain: path.iter().map(|c| c.subject.clone()).collect(),
                certificates: path.iter().map(|c| c.shared_summary()).collect(),
                anchor_source: Some(anchor.source.clone()),
                anchor_service: anchor.service,
                accreditation: accreditation_of(&path),
                revocation,
                problems,
                sha1_links: sha1_links(&path),
            }
        }
        None => {
            let problem = Problem::of(
                match search.best.unwrap_or(Failure::NoIssuer(Finding::NoTrustAnchors)) {
                    Failure::Validity(f)
                    | Failure::Names(f)
                    | Failure::Extension(f)
                    | Failure::CaConstraints(f)
                    | Failure::LinkSignature(f)
                    | Failure::NoIssuer(f) => f,
                    Failure::Budget => Finding::PathBudget(MAX_SIGNATURE_CHECKS),
                },
            );
            PathResult {
                trusted: false,
                chain: vec![signer.subject.clone()],
                certificates: vec![signer.shared_summary()],
                anchor_source: None,
                anchor_service: None,
                accreditation: Default::default(),
                revocation: vec![Revocation::default()],
                problems: vec![problem],
                sha1_links: sha1_links(&[signer]),
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn validate(
        signer: &Cert,
        pool: &[&Cert],
        trust: &TrustStore,
        at: Timestamp,
        caches: &Caches,
        revocation: &RevocationPolicy,
    ) -> PathResult {
        let moment = Moment { at, basis: crate::finding::JudgedAt::SigningTime, proven: false };
        validate_with(signer, pool, trust, at, caches, revocation, moment, &|a| a.usable_at(at))
    }
    use crate::problem::ProblemCode;
    use crate::testing::{pki_cert, test_trust};

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    /// An instant inside the test PKI's validity.
    fn within(leaf: &Cert) -> Timestamp {
        leaf.not_before + jiff::SignedDuration::from_hours(24)
    }

    #[test]
    fn a_leaf_chains_through_its_intermediate_to_the_anchor() {
        let (alfa, ca) = (pki_cert("alfa.pem"), pki_cert("intermediate.pem"));
        let caches = Caches::default();
        let path = validate(
            &alfa,
            &[&alfa, &ca],
            &test_trust(),
            within(&alfa),
            &caches,
            &RevocationPolicy::default(),
        );
        assert!(path.trusted, "{:?}", path.problems);
        assert_eq!(path.chain.len(), 3, "{:?}", path.chain);
        assert!(path.problems.is_empty());
        // The second time the links come from the cache, with the same answer.
        let again = validate(
            &alfa,
            &[&alfa, &ca],
            &test_trust(),
            within(&alfa),
            &caches,
            &RevocationPolicy::default(),
        );
        assert_eq!(again.chain, path.chain);
    }

    #[test]
    fn without_the_intermediate_there_is_no_path() {
        let alfa = pki_cert("alfa.pem");
        let path = validate(
            &alfa,
            &[&alfa],
            &test_trust(),
            within(&alfa),
            &Caches::default(),
            &RevocationPolicy::default(),
        );
        assert!(!path.trusted);
        assert_eq!(path.problems[0].code, ProblemCode::Untrusted);
    }

    #[test]
    fn an_anchor_s_name_with_another_key_is_not_the_anchor() {
        let (rogue, rogue_root) = (pki_cert("rogue-alfa.pem"), pki_cert("rogue-root.pem"));
        let path = validate(
            &rogue,
            &[&rogue, &rogue_root],
            &test_trust(),
            within(&rogue),
            &Caches::default(),
            &RevocationPolicy::default(),
        );
        assert!(!path.trusted, "RFC 5280 §6.1.3 (a)(1): the link's signature must verify");
    }

    #[test]
    fn validity_is_judged_at_the_reference_time() {
        let (expired, ca) = (pki_cert("expired-alfa.pem"), pki_cert("intermediate.pem"));
        let path = validate(
            &expired,
            &[&expired, &ca],
            &test_trust(),
            at("2026-01-01T00:00:00Z"),
            &Caches::default(),
            &RevocationPolicy::default(),
        );
        assert!(!path.trusted);
        assert_eq!(path.problems[0].code, ProblemCode::CertNotValidAtSigningTime);
    }
}
