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
    let entries: Vec<(&Cert, &str, Option<RevocationReason>, Option<&str>)> =
        listed.iter().map(|(c, when, invalid)| (*c, *when, Some(reason), *invalid)).collect();
    crl_of(this_update, &entries)
}

/// A CRL issued at `this_update` with these entries: (certificate, revocationDate, reason,
/// invalidityDate), a serial listed as often as given.
fn crl_of(
    this_update: &str,
    listed: &[(&Cert, &str, Option<RevocationReason>, Option<&str>)],
) -> Arc<Crl> {
    let mut entries: std::collections::HashMap<Vec<u8>, Vec<Entry>> = Default::default();
    for (c, when, reason, invalid) in listed {
        entries.entry(trimmed_serial(&c.serial)).or_default().push(Entry {
            revoked_at: at(when),
            reason: *reason,
            invalid_from: invalid.map(at),
        });
    }
    Arc::new(Crl {
        source: format!("crl@{this_update}"),
        issuer_raw: Vec::new(),
        issuer: String::new(),
        tbs: Vec::new(),
        signature_algorithm: Vec::new(),
        signature: Vec::new(),
        this_update: at(this_update),
        next_update: None,
        entries,
        taken_back: Default::default(),
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
    let (r, f) = status_at(&alfa, &[Arc::clone(&old)], t);
    assert_eq!(r.status, RevocationStatus::Unknown, "the hold may have been released");
    assert!(
        matches!(f, Some(Finding::RevocationUnknown { gap: RevocationGap::HeldBefore { .. }, .. })),
        "the hold is said: {f:?}"
    );
    // Gone from a list issued after T: it may have been lifted after T (review 14).
    let after_t = crl("2030-06-02T00:00:00Z", &[]);
    let (r, _) = status_at(&alfa, &[Arc::clone(&old), Arc::clone(&after_t)], t);
    assert_eq!(r.status, RevocationStatus::Unknown, "lifted, but when?");
    // Gone from a list issued before T: lifted by T; the list after T then says good.
    let before_t = crl("2030-05-20T00:00:00Z", &[]);
    let (r, f) = status_at(&alfa, &[Arc::clone(&old), before_t, after_t], t);
    assert_eq!((r.status, f), (RevocationStatus::Good, None));
    // Put on hold after a time only the signer states: a suspension cannot exclude a stolen
    // key (review 14).
    let later_hold = [crl_for(
        "2030-06-02T00:00:00Z",
        RevocationReason::CertificateHold,
        &[(&alfa, "2030-06-01T12:00:00Z", None)],
    )];
    let (r, f) = status_at(&alfa, &later_hold, t);
    assert_eq!(r.status, RevocationStatus::Revoked);
    assert!(matches!(f, Some(Finding::RevokedCompromised { .. })), "{f:?}");
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

/// Review 13: a superseded entry must not hide a later keyCompromise one for the same
/// serial, and a revocation without a reason (or unspecified) cannot exclude a compromise.
#[test]
fn every_entry_of_a_serial_counts_and_no_reason_is_no_proof() {
    let alfa = pki_cert("alfa.pem");
    let t = stated("2030-06-01T00:00:00Z");
    let twice = [crl_of(
        "2031-01-01T00:00:00Z",
        &[
            (&alfa, "2030-07-01T00:00:00Z", Some(RevocationReason::Superseded), None),
            (&alfa, "2030-08-01T00:00:00Z", Some(RevocationReason::KeyCompromise), None),
        ],
    )];
    let (r, f) = status_at(&alfa, &twice, t);
    assert_eq!(r.status, RevocationStatus::Revoked);
    assert!(matches!(f, Some(Finding::RevokedCompromised { .. })), "{f:?}");
    for reason in [None, Some(RevocationReason::Unspecified)] {
        let list =
            [crl_of("2031-01-01T00:00:00Z", &[(&alfa, "2030-07-01T00:00:00Z", reason, None)])];
        let (r, f) = status_at(&alfa, &list, t);
        assert_eq!(r.status, RevocationStatus::Revoked, "{reason:?}");
        assert!(matches!(f, Some(Finding::RevokedCompromised { reason: r, .. }) if r == reason));
        let stamped = Moment { proven: true, basis: JudgedAt::TimeStamp, ..t };
        let (r, f) = status_at(&alfa, &list, stamped);
        assert_eq!(r.status, RevocationStatus::Good, "{reason:?}");
        assert!(matches!(f, Some(Finding::RevokedAfterSigning { .. })));
    }
}

/// Review 13: a complete CRL's removeFromCRL entry says nothing certain of its serial, and
/// nothing of the others: a revocation it lists still counts.
#[test]
fn a_serial_taken_back_is_unknown_and_the_rest_of_the_crl_still_counts() {
    let alfa = pki_cert("alfa.pem");
    let beta = pki_cert("beta.pem");
    let t = stated("2030-06-01T00:00:00Z");
    let mut crl = (*crl_for(
        "2031-01-01T00:00:00Z",
        RevocationReason::KeyCompromise,
        &[(&alfa, "2030-05-01T00:00:00Z", None)],
    ))
    .clone();
    crl.taken_back.insert(trimmed_serial(&beta.serial));
    let crl = [Arc::new(crl)];
    assert_eq!(status_at(&alfa, &crl, t).0.status, RevocationStatus::Revoked);
    let (r, f) = status_at(&beta, &crl, t);
    assert_eq!(r.status, RevocationStatus::Unknown);
    assert!(
        matches!(f, Some(Finding::RevocationUnknown { gap: RevocationGap::TakenBack { .. }, .. })),
        "{f:?}"
    );
}
