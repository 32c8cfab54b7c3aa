//! The texts of revocation findings (`revoked`, `revoked-after-signing`,
//! `revocation-unknown`, `crl-unusable`), in Italian and English.

use super::Lang;
use crate::finding::{Finding, JudgedAt, RevocationReason as R};

/// The instant a revocation finding speaks of, as a phrase that follows "at or before" /
/// "after" ("the signing time", "the instant asked with --at", …).
fn instant(lang: Lang, at: JudgedAt) -> &'static str {
    match (lang, at) {
        (Lang::En, JudgedAt::SigningTime) => "the signing time",
        (Lang::En, JudgedAt::CertifiedTime) => "the certified time (daticert.xml)",
        (Lang::En, JudgedAt::Requested) => "the instant asked with --at",
        (Lang::En, JudgedAt::TimeStamp) => "the time-stamp's time",
        (Lang::En, JudgedAt::Now) => "the time of this check",
        (Lang::It, JudgedAt::SigningTime) => "la data della firma",
        (Lang::It, JudgedAt::CertifiedTime) => "la data certificata (daticert.xml)",
        (Lang::It, JudgedAt::Requested) => "l'istante richiesto con --at",
        (Lang::It, JudgedAt::TimeStamp) => "l'ora della marca temporale",
        (Lang::It, JudgedAt::Now) => "l'ora di questa verifica",
    }
}

/// The same instant after "alla" / "at".
fn at_instant(lang: Lang, at: JudgedAt) -> String {
    match lang {
        Lang::En => format!("at {}", instant(lang, at)),
        Lang::It => match at {
            JudgedAt::SigningTime => "alla data della firma".into(),
            JudgedAt::CertifiedTime => "alla data certificata (daticert.xml)".into(),
            JudgedAt::Requested => "all'istante richiesto con --at".into(),
            JudgedAt::TimeStamp => "all'ora della marca temporale".into(),
            JudgedAt::Now => "all'ora di questa verifica".into(),
        },
    }
}

/// The text of a revocation finding; other findings are said in findings.rs.
pub(super) fn text(lang: Lang, finding: &Finding) -> String {
    use Finding as F;
    match lang {
        Lang::En => match finding {
            F::Revoked { subject, revoked_at, invalid_from, reason, source, at } => {
                let why = reason.map(|r| format!(" ({})", r.name())).unwrap_or_default();
                let revoked = match reason {
                    Some(crate::finding::RevocationReason::CertificateHold) => "put on hold",
                    _ => "revoked",
                };
                let when = instant(Lang::En, *at);
                match invalid_from {
                    Some(from) => format!(
                        "\"{subject}\"'s key was compromised from {from}, at or before {when}; it \
                             was {revoked} on {revoked_at}{why} (CRL {source})"
                    ),
                    None => format!(
                        "\"{subject}\" was {revoked} on {revoked_at}{why}, at or before {when} \
                             (CRL {source})"
                    ),
                }
            }
            F::RevokedCompromised { subject, revoked_at, reason, source, .. } => format!(
                "\"{subject}\" was {} on {revoked_at} {}: the signing time is stated only \
                     by the signer, and no trusted time-stamp proves the signature was made before \
                     the revocation; whoever held a compromised key could have made it later, so \
                     it cannot be accepted (CRL {source})",
                match reason {
                    Some(R::CertificateHold) => "put on hold",
                    _ => "revoked",
                },
                match reason {
                    Some(R::CertificateHold) => {
                        "(certificateHold), which cannot exclude a compromise".to_string()
                    }
                    Some(r) if r.is_compromise() => format!("for a compromise ({})", r.name()),
                    Some(r) => format!(
                        "for an unspecified reason ({}), which cannot exclude a compromise",
                        r.name()
                    ),
                    None => "without a reason, which cannot exclude a compromise".into(),
                },
            ),
            F::RevokedAfterSigning { subject, revoked_at, reason, source, at } => format!(
                "\"{subject}\" was revoked on {revoked_at}{}, after {}: a signature made by then \
                     was made while the certificate was valid (CRL {source})",
                reason.map(|r| format!(" ({})", r.name())).unwrap_or_default(),
                instant(Lang::En, *at),
            ),
            F::RevocationUnknown { subject, gap, at } => format!(
                "whether \"{subject}\" was revoked {} is unknown: {}",
                at_instant(Lang::En, *at),
                revocation_gap(Lang::En, gap, *at)
            ),
            F::CrlUnusable { source, why } => {
                format!("the CRL {source} was ignored: {}", crl_problem(Lang::En, why))
            }
            _ => String::new(),
        },
        Lang::It => match finding {
            F::Revoked { subject, revoked_at, invalid_from, reason, source, at } => {
                let why = reason.map(|r| format!(" ({})", reason_it(r))).unwrap_or_default();
                let verb = revoked_or_suspended_it(*reason);
                let when = instant(Lang::It, *at);
                match invalid_from {
                    Some(from) => format!(
                        "la chiave di \"{subject}\" risulta compromessa dal {from}, non dopo \
                             {when}; il certificato è stato {verb} il {revoked_at}{why} (CRL \
                             {source})"
                    ),
                    None => format!(
                        "\"{subject}\" è stato {verb} il {revoked_at}{why}, non dopo {when} (CRL \
                             {source})"
                    ),
                }
            }
            F::RevokedCompromised { subject, revoked_at, reason, source, .. } => format!(
                "\"{subject}\" è stato {} il {revoked_at} {}: la data della firma è \
                     dichiarata solo dal firmatario e nessuna marca temporale fidata prova che la \
                     firma sia anteriore alla revoca; chi possedeva una chiave compromessa \
                     potrebbe averla apposta dopo, quindi non può essere accettata (CRL {source})",
                revoked_or_suspended_it(*reason),
                match reason.map(|r| (r, r.name())) {
                    Some((R::CertificateHold, n)) => {
                        format!("({n}), il che non esclude una compromissione")
                    }
                    Some((R::CaCompromise, n)) => format!("per compromissione della CA ({n})"),
                    Some((R::AaCompromise, n)) => {
                        format!("per compromissione dell'autorità di attributo ({n})")
                    }
                    Some((R::KeyCompromise, n)) => {
                        format!("per compromissione della chiave ({n})")
                    }
                    Some((_, n)) => format!(
                        "per motivo non specificato ({n}), che non esclude una compromissione"
                    ),
                    None =>
                        "senza indicarne il motivo, il che non esclude una compromissione".into(),
                },
            ),
            F::RevokedAfterSigning { subject, revoked_at, reason, source, at } => format!(
                "\"{subject}\" è stato {} il {revoked_at}{}, dopo {}: una firma apposta fino ad \
                     allora lo è stata mentre il certificato era valido (CRL {source})",
                revoked_or_suspended_it(*reason),
                reason.map(|r| format!(" ({})", reason_it(r))).unwrap_or_default(),
                instant(Lang::It, *at),
            ),
            F::RevocationUnknown { subject, gap, at } => format!(
                "non è noto se \"{subject}\" fosse revocato {}: {}",
                at_instant(Lang::It, *at),
                revocation_gap(Lang::It, gap, *at)
            ),
            F::CrlUnusable { source, why } => {
                format!("la CRL {source} è stata ignorata: {}", crl_problem(Lang::It, why))
            }
            _ => String::new(),
        },
    }
}

fn revocation_gap(lang: Lang, gap: &crate::finding::RevocationGap, at: JudgedAt) -> String {
    use crate::finding::RevocationGap as G;
    match (lang, gap) {
        (Lang::En, G::NoCrl) => "no usable CRL of its issuer was given or fetched".into(),
        (Lang::It, G::NoCrl) => {
            "nessuna CRL utilizzabile del suo emittente è stata fornita o scaricata".into()
        }
        (Lang::En, G::IssuedBefore { this_update }) => format!(
            "the newest usable CRL was issued on {this_update}, before {}",
            instant(Lang::En, at)
        ),
        (Lang::It, G::IssuedBefore { this_update }) => format!(
            "la CRL utilizzabile più recente è stata emessa il {this_update}, {}",
            match at {
                JudgedAt::SigningTime => "prima della data della firma",
                JudgedAt::CertifiedTime => "prima della data certificata (daticert.xml)",
                JudgedAt::Requested => "prima dell'istante richiesto con --at",
                JudgedAt::TimeStamp => "prima dell'ora della marca temporale",
                JudgedAt::Now => "prima dell'ora di questa verifica",
            }
        ),
        (Lang::En, G::HeldBefore { since, this_update, source }) => format!(
            "the CRL {source}, issued on {this_update}, lists it on hold (suspended) since \
             {since}; a hold may be lifted, and no CRL issued after {} says whether it still was",
            instant(Lang::En, at)
        ),
        (Lang::It, G::HeldBefore { since, this_update, source }) => format!(
            "la CRL {source}, emessa il {this_update}, lo elenca come sospeso dal {since}; una \
             sospensione può essere tolta, e nessuna CRL emessa dopo {} dice se lo fosse ancora",
            instant(Lang::It, at)
        ),
        (Lang::En, G::TakenBack { source }) => format!(
            "the complete CRL {source} names it with removeFromCRL, which only a delta CRL may \
             carry (RFC 5280 §5.3.1): it says nothing certain of it"
        ),
        (Lang::It, G::TakenBack { source }) => format!(
            "la CRL completa {source} lo elenca con removeFromCRL, che solo una CRL delta può \
             contenere (RFC 5280 §5.3.1): non ne dice nulla di certo"
        ),
        (Lang::En, G::IssuedAfterExpiry { not_after }) => format!(
            "the CRLs were issued after it expired on {not_after} and do not say they keep \
             certificates that expired then (ExpiredCertsOnCRL absent or later)"
        ),
        (Lang::It, G::IssuedAfterExpiry { not_after }) => format!(
            "le CRL sono state emesse dopo la sua scadenza del {not_after} e non dichiarano di \
             riportare i certificati scaduti a quella data (ExpiredCertsOnCRL assente o \
             successivo)"
        ),
    }
}

fn crl_problem(lang: Lang, why: &crate::finding::CrlProblem) -> String {
    use crate::finding::CrlProblem as P;
    match (lang, why) {
        (Lang::En, P::Unreadable(e)) => format!("it is not a readable CRL ({e})"),
        (Lang::It, P::Unreadable(e)) => format!("non è una CRL leggibile ({e})"),
        (Lang::En, P::NoCrl) => "it holds no CRL (DER, or PEM X509 CRL)".into(),
        (Lang::It, P::NoCrl) => "non contiene alcuna CRL (DER, o PEM X509 CRL)".into(),
        (Lang::En, P::InvalidityDateUnreadable) => {
            "an entry's invalidity date cannot be read, so when a key was compromised is unknown"
                .into()
        }
        (Lang::It, P::InvalidityDateUnreadable) => "la data di invalidità di una voce non è \
                                                    leggibile: non si sa da quando una chiave \
                                                    era compromessa"
            .into(),
        (Lang::En, P::Fetch(e)) => {
            format!("it could not be downloaded ({})", fetch_problem(Lang::En, e))
        }
        (Lang::It, P::Fetch(e)) => {
            format!("non è stato possibile scaricarla ({})", fetch_problem(Lang::It, e))
        }
        (Lang::En, P::OtherIssuer(issuer)) => {
            format!("it was issued by \"{issuer}\", not by the certificate's issuer")
        }
        (Lang::It, P::OtherIssuer(issuer)) => {
            format!("è stata emessa da \"{issuer}\", non dall'emittente del certificato")
        }
        (Lang::En, P::BadSignature) => {
            "its signature does not verify with the key of the certificate's issuer".into()
        }
        (Lang::It, P::BadSignature) => {
            "la sua firma non si verifica con la chiave dell'emittente del certificato".into()
        }
        (Lang::En, P::IssuerMayNotSign) => {
            "its issuer's key usage does not allow signing CRLs (no cRLSign)".into()
        }
        (Lang::It, P::IssuerMayNotSign) => {
            "l'uso della chiave del suo emittente non consente di firmare CRL (manca cRLSign)"
                .into()
        }
        (Lang::En, P::Delta) => "it is a delta CRL; peckit reads complete CRLs only".into(),
        (Lang::It, P::Delta) => "è una CRL delta; peckit legge solo CRL complete".into(),
        (Lang::En, P::Indirect) => "it is an indirect CRL, which peckit does not support".into(),
        (Lang::It, P::Indirect) => "è una CRL indiretta, che peckit non gestisce".into(),
        (Lang::En, P::OutOfScope(scope)) => format!(
            "its issuing distribution point does not cover the certificate ({})",
            crl_scope(Lang::En, *scope)
        ),
        (Lang::It, P::OutOfScope(scope)) => format!(
            "il suo punto di distribuzione non copre il certificato ({})",
            crl_scope(Lang::It, *scope)
        ),
        (Lang::En, P::UnknownCritical(oid)) => {
            format!("it has a critical extension peckit does not know ({oid})")
        }
        (Lang::It, P::UnknownCritical(oid)) => {
            format!("ha un'estensione critica che peckit non conosce ({oid})")
        }
    }
}

fn crl_scope(lang: Lang, scope: crate::finding::CrlScope) -> &'static str {
    use crate::finding::CrlScope as S;
    match (lang, scope) {
        (Lang::En, S::UserCertificatesOnly) => "end-entity certificates only",
        (Lang::It, S::UserCertificatesOnly) => "solo certificati di utente finale",
        (Lang::En, S::CaCertificatesOnly) => "CA certificates only",
        (Lang::It, S::CaCertificatesOnly) => "solo certificati di CA",
        (Lang::En, S::OtherDistributionPoint) => {
            "a partition for a distribution point the certificate does not name"
        }
        (Lang::It, S::OtherDistributionPoint) => {
            "una partizione per un punto di distribuzione che il certificato non indica"
        }
        (Lang::En, S::SomeReasonsOnly) => "only some revocation reasons",
        (Lang::It, S::SomeReasonsOnly) => "solo alcuni motivi di revoca",
        (Lang::En, S::AttributeCertificatesOnly) => "attribute certificates only",
        (Lang::It, S::AttributeCertificatesOnly) => "solo certificati di attributo",
    }
}

fn fetch_problem(lang: Lang, e: &crate::finding::FetchProblem) -> String {
    use crate::finding::FetchProblem as F;
    match (lang, e) {
        (Lang::En, F::Timeout(s)) => format!("no answer within {s} s"),
        (Lang::It, F::Timeout(s)) => format!("nessuna risposta entro {s} s"),
        (Lang::En, F::Status(code)) => format!("HTTP {code}"),
        (Lang::It, F::Status(code)) => format!("risposta HTTP {code}"),
        (Lang::En, F::TooLarge(max)) => format!("larger than {max} bytes"),
        (Lang::It, F::TooLarge(max)) => format!("più grande di {max} byte"),
        (Lang::En, F::Network(w)) => format!("network error: {w}"),
        (Lang::It, F::Network(w)) => format!("errore di rete: {w}"),
    }
}

/// A CRL reason (RFC 5280 §5.3.1, by its name) in Italian words.
pub(super) fn reason_words_it(name: &str) -> Option<&'static str> {
    Some(match name {
        "unspecified" => "motivo non specificato",
        "keyCompromise" => "chiave compromessa",
        "cACompromise" => "CA compromessa",
        "affiliationChanged" => "affiliazione cambiata",
        "superseded" => "sostituito",
        "cessationOfOperation" => "cessazione dell'attività",
        "certificateHold" => "sospensione",
        "removeFromCRL" => "tolto dalla CRL",
        "privilegeWithdrawn" => "privilegio ritirato",
        "aACompromise" => "AA compromessa",
        _ => return None,
    })
}

/// A reason in Italian words, its RFC 5280 name after them for the expert.
fn reason_it(r: crate::finding::RevocationReason) -> String {
    match reason_words_it(r.name()) {
        Some(words) => format!("{words}, {}", r.name()),
        None => r.name().to_string(),
    }
}

/// certificateHold suspends a certificate (it may be released): it is not revoked.
fn revoked_or_suspended_it(reason: Option<crate::finding::RevocationReason>) -> &'static str {
    match reason {
        Some(crate::finding::RevocationReason::CertificateHold) => "sospeso",
        _ => "revocato",
    }
}
