use super::*;
use crate::finding::RevocationReason;
use crate::testing::pki_cert;

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// T as a signature states it, vouched for by nobody else.
fn stated(s: &str) -> Moment {
    Moment { at: at(s), basis: JudgedAt::SigningTime, proven: false }
}

fn crl(this_update: &str, listed: &[(&Cert, &str, Option<&str>)]) -> Arc<Crl> {
    crl_for(this_update, RevocationReason::Superseded, listed)
}

fn crl_for(
    this_update: &str,
    reason: RevocationReason,
    listed: &[(&Cert, &str, Option<&str>)],
) -> Arc<Crl> {
    Arc::new(Crl {
        source: format!("crl@{this_update}"),
        issuer_raw: Vec::new(),
        issuer: String::new(),
        tbs: Vec::new(),
        signature_algorithm: Vec::new(),
        signature: Vec::new(),
        this_update: at(this_update),
        next_update: None,
        entries: listed
            .iter()
            .map(|(c, when, invalid)| {
                (
                    trimmed_serial(&c.serial),
                    Entry {
                        revoked_at: at(when),
                        reason: Some(reason),
                        invalid_from: invalid.map(at),
                    },
                )
            })
            .collect(),
        scope: Default::default(),
        expired_certs_on_crl: None,
        unusable: None,
    })
}

#[test]
fn the_question_is_the_signing_time() {
    let alfa = pki_cert("alfa.pem");
    let t = stated("2030-06-01T00:00:00Z");
    let revoked = [crl("2031-01-01T00:00:00Z", &[(&alfa, "2030-05-01T00:00:00Z", None)])];
    let (r, f) = status_at(&alfa, &revoked, t);
    assert_eq!(r.status, RevocationStatus::Revoked);
    assert!(matches!(f, Some(Finding::Revoked { invalid_from: None, .. })));

    let later = [crl("2031-01-01T00:00:00Z", &[(&alfa, "2030-07-01T00:00:00Z", None)])];
    let (r, f) = status_at(&alfa, &later, t);
    assert_eq!(r.status, RevocationStatus::Good);
    assert_eq!(r.revoked_at.as_deref(), Some("2030-07-01T00:00:00Z"));
    assert!(matches!(f, Some(Finding::RevokedAfterSigning { .. })));

    // An invalidity date at or before T makes a later revocation count.
    let compromised = [crl_for(
        "2031-01-01T00:00:00Z",
        RevocationReason::KeyCompromise,
        &[(&alfa, "2030-07-01T00:00:00Z", Some("2030-05-15T00:00:00Z"))],
    )];
    let (r, f) = status_at(&alfa, &compromised, t);
    assert_eq!(r.status, RevocationStatus::Revoked);
    assert!(matches!(f, Some(Finding::Revoked { invalid_from: Some(_), .. })));
}

#[test]
fn a_compromised_key_revoked_later_stands_only_with_a_proven_time() {
    let alfa = pki_cert("alfa.pem");
    let list = [crl_for(
        "2031-01-01T00:00:00Z",
        RevocationReason::KeyCompromise,
        &[(&alfa, "2030-07-01T00:00:00Z", None)],
    )];
    let (r, f) = status_at(&alfa, &list, stated("2030-06-01T00:00:00Z"));
    assert_eq!(r.status, RevocationStatus::Revoked);
    assert!(matches!(f, Some(Finding::RevokedCompromised { .. })), "{f:?}");
    let stamped =
        Moment { proven: true, basis: JudgedAt::TimeStamp, ..stated("2030-06-01T00:00:00Z") };
    let (r, f) = status_at(&alfa, &list, stamped);
    assert_eq!(r.status, RevocationStatus::Good);
    assert!(matches!(f, Some(Finding::RevokedAfterSigning { .. })), "{f:?}");
}

#[test]
fn a_hold_counts_only_while_a_crl_issued_after_t_lists_it() {
    let alfa = pki_cert("alfa.pem");
    let t = stated("2030-06-01T00:00:00Z");
    let old = crl_for(
        "2030-05-15T00:00:00Z",
        RevocationReason::CertificateHold,
        &[(&alfa, "2030-05-01T00:00:00Z", None)],
    );
    let (r, _) = status_at(&alfa, &[Arc::clone(&old)], t);
    assert_eq!(r.status, RevocationStatus::Unknown, "the hold may have been released");
    let released = crl("2030-06-02T00:00:00Z", &[]);
    let (r, f) = status_at(&alfa, &[Arc::clone(&old), released], t);
    assert_eq!((r.status, f), (RevocationStatus::Good, None));
    let still = crl_for(
        "2030-06-02T00:00:00Z",
        RevocationReason::CertificateHold,
        &[(&alfa, "2030-05-01T00:00:00Z", None)],
    );
    let (r, _) = status_at(&alfa, &[old, still], t);
    assert_eq!(r.status, RevocationStatus::Revoked);
}

#[test]
fn asking_about_an_earlier_instant_never_clears_a_revocation_before_the_signing() {
    let signed = at("2030-06-01T00:00:00Z");
    let dated = Some((signed, JudgedAt::SigningTime));
    let early = Moment::new(at("2030-01-01T00:00:00Z"), JudgedAt::Requested, dated, false);
    assert_eq!((early.at, early.basis), (signed, JudgedAt::SigningTime));
    let late = Moment::new(at("2031-01-01T00:00:00Z"), JudgedAt::Requested, dated, false);
    assert_eq!(late.basis, JudgedAt::Requested);
}

#[test]
fn good_needs_a_crl_issued_after_the_signing_and_before_expiry() {
    let alfa = pki_cert("alfa.pem"); // valid 2020–2040
    let t = stated("2030-06-01T00:00:00Z");
    let (r, f) = status_at(&alfa, &[crl("2030-06-02T00:00:00Z", &[])], t);
    assert_eq!((r.status, f), (RevocationStatus::Good, None));

    let (r, f) = status_at(&alfa, &[crl("2030-05-31T00:00:00Z", &[])], t);
    assert_eq!(r.status, RevocationStatus::Unknown);
    assert!(matches!(
        f,
        Some(Finding::RevocationUnknown { gap: RevocationGap::IssuedBefore { .. }, .. })
    ));

    // Issued after the certificate expired: it may have been dropped from the list.
    let after_expiry = crl("2041-01-01T00:00:00Z", &[]);
    let (r, f) = status_at(&alfa, &[Arc::clone(&after_expiry)], t);
    assert_eq!(r.status, RevocationStatus::Unknown);
    assert!(matches!(
        f,
        Some(Finding::RevocationUnknown { gap: RevocationGap::IssuedAfterExpiry { .. }, .. })
    ));
    // … unless it keeps expired certificates back to before the expiry.
    let mut keeps = (*after_expiry).clone();
    keeps.expired_certs_on_crl = Some(at("2035-01-01T00:00:00Z"));
    let (r, _) = status_at(&alfa, &[Arc::new(keeps)], t);
    assert_eq!(r.status, RevocationStatus::Good);

    let (r, f) = status_at(&alfa, &[], t);
    assert_eq!(r.status, RevocationStatus::Unknown);
    assert!(matches!(f, Some(Finding::RevocationUnknown { gap: RevocationGap::NoCrl, .. })));
}

#[test]
fn nothing_is_checked_without_crls() {
    let policy = RevocationPolicy::default();
    assert!(!policy.is_active());
    assert_eq!(Revocation::default().status, RevocationStatus::NotChecked);
}
