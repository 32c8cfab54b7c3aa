//! How a signer was judged, in words: the authority its path ended at (a trusted list's
//! service said as one), its accreditation, what the CRLs say of it, and the instants its
//! certificates were judged at. Shared by `--explain`, the evidence page and `trust list`.

use crate::catalogue::Lang;
use crate::catalogue::texts::{Text, text};
use crate::verify::ReferenceTimeSource;

/// The signer's accreditation as one sentence: its entry in the register its authority
/// signed, or that the authority publishes none; nothing when no trusted path was found.
pub fn accreditation(lang: Lang, a: &crate::verify::Accreditation) -> Option<String> {
    match (&a.accreditation, a.accreditation_reason) {
        (Some(r), _) => Some(crate::catalogue::texts::accreditation(
            lang,
            &r.authority,
            r.registered_as.as_deref(),
            &r.mail_domains,
        )),
        (None, Some(crate::verify::NoRegistration::NoRegister)) => {
            Some(text(lang, Text::NoRegister).to_string())
        }
        (None, _) => None,
    }
}

/// What the CRLs say of a certificate at the signing time, for people.
pub fn revocation_text(lang: Lang, r: &crate::verify::Revocation) -> String {
    use crate::catalogue::texts::RevocationWord as W;
    use crate::verify::RevocationStatus as S;
    let word = match r.status {
        S::NotChecked => W::NotChecked,
        S::Good => W::Good,
        S::Revoked => W::Revoked,
        S::Unknown => W::Unknown,
    };
    crate::catalogue::texts::revocation(
        lang,
        crate::catalogue::texts::RevocationFacts {
            word,
            source: r.source.as_deref(),
            this_update: r.this_update.as_deref(),
            revoked_at: r.revoked_at.as_deref(),
            reason: r.reason,
            invalid_from: r.invalid_from.as_deref(),
            judged_at: r.judged_at.as_deref(),
        },
    )
}

/// The trust anchor as people read it: a built-in one by its name, in their language.
pub fn anchor_name(lang: Lang, anchor: Option<&str>) -> String {
    match anchor {
        // JSON keeps the stable "embedded: " prefix.
        Some(src) => match src.strip_prefix("embedded: ") {
            Some(name) => format!("{}: {name}", text(lang, Text::BuiltIn)),
            None => match crate::verify::trusted_list::service_label(src) {
                // A trusted list's service: its qualified status said in words.
                Some(l) => {
                    let kind = match l.kind {
                        "EDS/REM/Q" => Text::QualifiedRemService,
                        "EDS/Q" => Text::QualifiedDeliveryService,
                        _ => Text::QualifiedTimeStampService,
                    };
                    format!(
                        "{}, {} ({}), {}: {}",
                        l.service,
                        text(lang, kind),
                        l.kind,
                        text(lang, Text::GrantedPeriods),
                        l.periods
                    )
                }
                None => src.to_string(),
            },
        },
        None => text(lang, Text::NoneFound).to_string(),
    }
}

/// The other instants the certificates were judged at, each named ("also at T, the certified
/// time"), after the reference time and its source; `None` when there is none.
pub fn also_judged(lang: Lang, also: &[crate::verify::AlsoJudgedAt]) -> Option<String> {
    let named: Vec<String> = also
        .iter()
        .map(|a| {
            let what = match a.source {
                ReferenceTimeSource::SigningTime => Text::TheSigningTime,
                _ => Text::TheCertifiedTime,
            };
            format!("{} {}, {}", text(lang, Text::AlsoAt), a.time_utc(), text(lang, what))
        })
        .collect();
    (!named.is_empty()).then(|| named.join("; "))
}

/// Where the reference time came from, as the note beside it says ("that is, the signing
/// time").
pub fn reference_source(lang: Lang, source: ReferenceTimeSource) -> String {
    text(
        lang,
        match source {
            ReferenceTimeSource::SigningTime => Text::AtSigningTime,
            ReferenceTimeSource::Daticert => Text::AtCertifiedTime,
            ReferenceTimeSource::Requested => Text::AtRequestedTime,
            ReferenceTimeSource::Now => Text::AtCurrentTime,
            ReferenceTimeSource::None => Text::NotJudged,
            ReferenceTimeSource::TimeStamp => Text::AtTimeStamp,
        },
    )
    .to_string()
}
