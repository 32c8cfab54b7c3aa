//! What a verified artefact proves in law, in one sentence (DPR 68/2005, art. 3: a message is
//! sent when the sender's provider accepts it, delivered when it is placed in the recipient's
//! box), for `verify --explain`.

use super::Lang;

/// What a verified artefact of `kind` (kebab-case) proves, with its certified time and, for
/// the receipts of one recipient, that recipient; `None` for kinds that prove no step.
pub fn what_it_proves(
    lang: Lang,
    kind: &str,
    at: &str,
    recipient: Option<&str>,
    sender: Option<&str>,
) -> Option<String> {
    let to = recipient.unwrap_or("—");
    let from = sender.unwrap_or("—");
    Some(match (lang, kind) {
        (Lang::En, "accettazione") => format!(
            "the message was SENT: the sender's provider accepted it at {at} (DPR 68/2005, artt. 3 e 6)"
        ),
        (Lang::It, "accettazione") => format!(
            "il messaggio è stato SPEDITO: il gestore del mittente lo ha accettato il {at} (DPR \
             68/2005, artt. 3 e 6)"
        ),
        (Lang::En, "avvenuta-consegna") => format!(
            "the message was DELIVERED to the recipient {to}: placed in the recipient's box at {at}, read or \
             not (DPR 68/2005, artt. 3 e 6)"
        ),
        (Lang::It, "avvenuta-consegna") => format!(
            "il messaggio è stato CONSEGNATO al destinatario {to}: reso disponibile nella sua casella il {at}, \
             anche se non letto (DPR 68/2005, artt. 3 e 6)"
        ),
        (Lang::En, "posta-certificata") => format!(
            "the transport envelope the sender's provider sent to the recipients with the message \
             of {from}, accepted at {at} as the envelope states (the acceptance receipt is what \
             proves the sending); it does not prove delivery"
        ),
        (Lang::It, "posta-certificata") => format!(
            "la busta di trasporto che il gestore del mittente ha inviato ai destinatari con il \
             messaggio di {from}, accettato il {at} secondo la busta (la spedizione si prova con la \
             ricevuta di accettazione); non ne prova la consegna"
        ),
        (Lang::En, "non-accettazione") => {
            format!("the message was NOT sent: the sender's provider refused it at {at}")
        }
        (Lang::It, "non-accettazione") => {
            format!(
                "il messaggio NON è stato spedito: il gestore del mittente lo ha rifiutato il {at}"
            )
        }
        (Lang::En, "presa-in-carico") => format!(
            "the recipient's provider took the message in charge at {at}; this does not prove \
             delivery"
        ),
        (Lang::It, "presa-in-carico") => format!(
            "il gestore del destinatario ha preso in carico il messaggio il {at}; questo non ne \
             prova la consegna"
        ),
        (Lang::En, "errore-consegna") => {
            format!("the message was NOT delivered to the recipient {to}: notice of {at}")
        }
        (Lang::It, "errore-consegna") => {
            format!("il messaggio NON è stato consegnato al destinatario {to}: avviso del {at}")
        }
        (Lang::En, "preavviso-errore-consegna") => format!(
            "no delivery receipt for the recipient {to} came within 12 hours, warning of {at}; a \
             warning, not the notice of non-delivery"
        ),
        (Lang::It, "preavviso-errore-consegna") => format!(
            "il gestore del mittente non ha ricevuto entro 12 ore la ricevuta di consegna per il \
             destinatario {to}, preavviso del {at}; è un preavviso, non l'avviso di mancata consegna"
        ),
        (Lang::En, "rilevazione-virus") => {
            format!("the recipient's provider detected a virus in the message at {at}")
        }
        (Lang::It, "rilevazione-virus") => {
            format!("il gestore del destinatario ha rilevato un virus nel messaggio il {at}")
        }
        _ => return None,
    })
}

/// What the law makes of a REM evidence, by its service and its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemService {
    /// A trusted list's qualified service, its event time backed by a trusted time-stamp.
    QualifiedTimeBacked,
    /// A trusted list's qualified service, its event time not backed by one.
    QualifiedTimeUnbacked,
    /// A service no trusted list shows to be qualified.
    NotShownQualified,
}

/// What a verified REM evidence proves (ETSI EN 319 522), by the PEC step its event
/// corresponds to, with the event's time and whether its service is a qualified one granted
/// in a trusted list (eIDAS art. 43: only then does the law presume integrity, sending,
/// receipt and times); `None` for events that prove no step.
pub fn rem_proves(lang: Lang, equivalent: &str, at: &str, service: RemService) -> Option<String> {
    let step = match (lang, equivalent) {
        (Lang::En, "accettazione") => {
            format!("the message was SENT: the sender's service accepted it at {at}")
        }
        (Lang::It, "accettazione") => {
            format!(
                "il messaggio è stato SPEDITO: il servizio del mittente lo ha accettato il {at}"
            )
        }
        (Lang::En, "avvenuta-consegna") => {
            format!(
                "the message was DELIVERED: made available to the recipient at {at}, read or not"
            )
        }
        (Lang::It, "avvenuta-consegna") => format!(
            "il messaggio è stato CONSEGNATO: reso disponibile al destinatario il {at}, anche se \
             non letto"
        ),
        (Lang::En, "non-accettazione") => {
            format!("the message was NOT sent: the sender's service refused it at {at}")
        }
        (Lang::It, "non-accettazione") => {
            format!(
                "il messaggio NON è stato spedito: il servizio del mittente lo ha rifiutato il {at}"
            )
        }
        (Lang::En, "errore-consegna") => {
            format!("the message was NOT delivered: its failure was stated at {at}")
        }
        (Lang::It, "errore-consegna") => {
            format!("il messaggio NON è stato consegnato: la mancata consegna è attestata il {at}")
        }
        _ => return None,
    };
    let law = match (lang, service) {
        (Lang::En, RemService::QualifiedTimeBacked) => {
            "(evidence of a qualified service granted in a trusted list: eIDAS art. 43(2) presumes \
             the integrity of the data, its sending by the sender and receipt by the recipient, \
             and the accuracy of the times stated)"
        }
        (Lang::It, RemService::QualifiedTimeBacked) => {
            "(evidenza di un servizio qualificato, concesso in una lista di fiducia: l'art. 43, \
             par. 2, eIDAS presume l'integrità dei dati, il loro invio da parte del mittente e la \
             ricezione da parte del destinatario, e l'esattezza delle ore indicate)"
        }
        (Lang::En, RemService::QualifiedTimeUnbacked) => {
            "(evidence of a qualified service granted in a trusted list: eIDAS art. 43(2) \
             presumes the integrity of the data, its sending and its receipt; the accuracy of the \
             time stated is presumed only where a qualified time-stamp backs it, and none does \
             here)"
        }
        (Lang::It, RemService::QualifiedTimeUnbacked) => {
            "(evidenza di un servizio qualificato, concesso in una lista di fiducia: l'art. 43, \
             par. 2, eIDAS presume l'integrità dei dati, il loro invio e la loro ricezione; \
             l'esattezza dell'ora indicata si presume solo dove una marca temporale qualificata \
             la sostiene, e qui nessuna la sostiene)"
        }
        (Lang::En, RemService::NotShownQualified) => {
            "(evidence of a service not shown to be qualified: admissible as evidence, eIDAS art. \
             43(1), without the presumptions of a qualified one)"
        }
        (Lang::It, RemService::NotShownQualified) => {
            "(evidenza di un servizio non dimostrato qualificato: ammissibile come prova, art. 43, \
             par. 1, eIDAS, senza le presunzioni di un servizio qualificato)"
        }
    };
    Some(format!("{step} {law}"))
}

/// After a REM event time that no trusted time-stamp backs (none, or one that disagrees).
pub fn stated_by_signer_alone(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "(as its signer alone states: no trusted time-stamp confirms it)",
        Lang::It => {
            "(come dichiara il solo firmatario: nessuna marca temporale fidata la conferma)"
        }
    }
}

/// The label of that sentence.
pub fn proves_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "What it proves",
        Lang::It => "Cosa prova",
    }
}

/// Said of an artefact whose data is not certified.
pub fn proves_nothing(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "nothing, as what it states is not certified",
        Lang::It => "nulla, perché ciò che dichiara non è certificato",
    }
}

/// Said of an invalid artefact whose signed part is intact (markers changed around it, parts
/// added beside it): the file proves nothing, and what its signed part says is reported as
/// such (review 16: "NON VALIDO" beside "the message was SENT").
pub fn invalid_file_signed_part_says(lang: Lang, says: &str) -> String {
    match lang {
        Lang::En => {
            format!("nothing, as the file is invalid; its signed part, intact, says: {says}")
        }
        Lang::It => format!(
            "nulla, perché il file non è valido; la sua parte firmata, integra, dice: {says}"
        ),
    }
}
