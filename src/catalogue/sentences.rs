//! Sentences with data in them (names, counts, flags), in Italian and English.

use super::Lang;

/// "hint: a limit stopped part of the work; FLAG changes it".
pub fn limit_hint(lang: Lang, flag: &str) -> String {
    match lang {
        Lang::En => format!("hint: a limit stopped part of the work; {flag} changes it"),
        Lang::It => {
            format!("suggerimento: un limite ha interrotto parte del lavoro; lo cambia {flag}")
        }
    }
}

/// The warning printed when an artefact that failed verification is extracted anyway.
pub fn unverified_extraction(lang: Lang, name: &str, first_code: &str) -> String {
    match lang {
        Lang::En => format!(
            "warning: {name} FAILED verification ({first_code}): what is extracted is not certified"
        ),
        Lang::It => format!(
            "attenzione: {name} NON ha superato la verifica ({first_code}): quanto estratto non è \
             certificato"
        ),
    }
}

/// The warning printed when the file around an intact signed entity was altered.
pub fn rewrapped_extraction(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!(
            "warning: {name} was altered around its signed entity, which is intact and authentic: \
             what is extracted comes from the signed entity and is certified; the rest of the file \
             is not"
        ),
        Lang::It => format!(
            "attenzione: {name} è stato alterato intorno alla parte firmata, che è integra e \
             autentica: quanto estratto proviene dalla parte firmata ed è certificato; il resto \
             del file non lo è"
        ),
    }
}

/// The one-line summary of `evidence --quiet`.
pub fn evidence_summary(
    lang: Lang,
    messages: usize,
    delivered: usize,
    recipients: usize,
    unmatched: usize,
) -> String {
    use super::{Noun, count};
    match lang {
        Lang::It => format!(
            "{}: consegna attestata per {delivered} destinatari su {recipients}; {unmatched} file \
             non attribuiti",
            count(lang, messages, Noun::Message)
        ),
        Lang::En => format!(
            "{}: delivery attested for {delivered} of {recipients} recipients; {} belonging to no \
             message",
            count(lang, messages, Noun::Message),
            count(lang, unmatched, Noun::File)
        ),
    }
}

/// "Provider accredited with AUTHORITY: NAME; mail domains: …": the signer's entry in the
/// register its authority signed as name constraints.
pub fn accreditation(
    lang: Lang,
    authority: &str,
    registered_as: Option<&str>,
    mail_domains: &[String],
) -> String {
    let name = registered_as.unwrap_or("—");
    let domains = if mail_domains.is_empty() { "—".to_string() } else { mail_domains.join(", ") };
    match lang {
        Lang::En => {
            format!("Provider accredited with {authority}: {name}; mail domains: {domains}")
        }
        Lang::It => {
            format!("Gestore accreditato presso {authority}: {name}; domini di posta: {domains}")
        }
    }
}

/// The short form for a table cell: "accredited: AUTHORITY".
pub fn accredited_short(lang: Lang, authority: &str) -> String {
    match lang {
        Lang::En => format!("accredited: {authority}"),
        Lang::It => format!("accreditato: {authority}"),
    }
}
