//! Sentences with data in them (names, counts, flags), in Italian and English.

use super::Lang;

/// "hint: a limit stopped part of the work; FLAG changes it".
pub fn limit_hint(lang: Lang, flag: &str) -> String {
    match lang {
        Lang::En => format!("hint: a limit stopped part of the work; {flag} changes it"),
        Lang::It => {
            format!(
                "suggerimento: un limite ha interrotto parte dell'analisi; per modificarlo usare \
                 {flag}"
            )
        }
    }
}

/// The warning printed when an artefact that failed verification is extracted anyway, or
/// (`refused`) is not extracted because of `--require-valid`.
pub fn unverified_extraction(lang: Lang, name: &str, first_code: &str, refused: bool) -> String {
    match (lang, refused) {
        (Lang::En, false) => format!(
            "warning: {name} FAILED verification ({first_code}): what is extracted is not certified"
        ),
        (Lang::En, true) => format!(
            "{name} FAILED verification ({first_code}): nothing extracted (--require-valid)"
        ),
        (Lang::It, false) => format!(
            "attenzione: {name} NON ha superato la verifica ({first_code}): quanto estratto non è \
             certificato"
        ),
        (Lang::It, true) => format!(
            "{name} NON ha superato la verifica ({first_code}): nulla è stato estratto \
             (--require-valid)"
        ),
    }
}

/// The warning printed when an anomaly envelope is extracted: valid, but what it carries was
/// not certified by anyone (review 16: it came out as if it were a certified original).
pub fn anomaly_extraction(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!(
            "note: {name} is an anomaly envelope: the message extracted (postacert.eml) is NOT a \
             certified message; the provider signed only the envelope around it"
        ),
        Lang::It => format!(
            "attenzione: {name} è una busta di anomalia: il messaggio estratto (postacert.eml) NON \
             è un messaggio certificato; il gestore ha firmato solo la busta che lo contiene"
        ),
    }
}

/// `extract --only WHAT` of an artefact that holds nothing of that kind.
pub fn nothing_to_extract(lang: Lang, only: &str) -> String {
    match lang {
        Lang::En => format!("--only {only}: this artefact holds nothing of that kind"),
        Lang::It => format!("--only {only}: questo elemento non contiene nulla di questo tipo"),
    }
}

/// The warning printed when what failed is outside what the signature covers (an unsigned
/// header, a certificate added to the signature's set) and the signed data stays certified.
pub fn outside_signature_extraction(lang: Lang, name: &str, first_code: &str) -> String {
    match lang {
        Lang::En => format!(
            "warning: {name} FAILED verification ({first_code}): something outside what its \
             signature covers was changed or added; its signed part is intact and authentic, and \
             the content extracted from it (daticert.xml or the REM evidence, the original \
             message, its attachments) is certified; the signature files (smime.p7s, \
             signer-chain.pem) are extracted as found, with whatever was added to them"
        ),
        Lang::It => format!(
            "attenzione: {name} NON ha superato la verifica ({first_code}): qualcosa fuori da ciò \
             che la firma copre è stato modificato o aggiunto; la parte firmata è integra e \
             autentica, e il contenuto estratto da essa (daticert.xml o l'evidenza REM, il \
             messaggio originale, i suoi allegati) è certificato; i file della firma (smime.p7s, \
             signer-chain.pem) sono estratti come trovati, con quanto vi è stato aggiunto"
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

/// The warning on evidence built from `verify --format jsonl` records, naming the peckit
/// versions that wrote them.
pub fn recorded_verdicts(lang: Lang, versions: &str) -> String {
    match lang {
        Lang::En => format!(
            "The verdicts of the files marked \"recorded\" were read from JSONL records that \
             peckit {versions} wrote (verify --format jsonl): they were not verified again in \
             this run. The records are not signed: whoever can edit them can change what this \
             summary says. Verify those files to confirm it."
        ),
        Lang::It => format!(
            "Gli esiti dei file contrassegnati «registrato» sono stati letti dai record JSONL \
             scritti da peckit {versions} (verify --format jsonl): non sono stati verificati di \
             nuovo in questa esecuzione. I record non sono firmati: chi può modificarli può \
             cambiare quanto afferma questo riepilogo. Verificare quei file per averne conferma."
        ),
    }
}

/// The note on a file whose verdict comes from a JSONL record.
pub fn recorded_in(lang: Lang, at: &str) -> String {
    match lang {
        Lang::En => format!("recorded in {at}, not re-verified"),
        Lang::It => format!("registrato in {at}, non riverificato"),
    }
}

/// The warning on evidence built from the records of a run that stopped early (`at`: its
/// summary saying so, or its first record when no summary follows its records).
pub fn interrupted_records(lang: Lang, at: &str) -> String {
    match lang {
        Lang::En => format!(
            "The records at {at} come from a run that stopped before it read every file \
             (interrupted by Ctrl-C or SIGTERM, or ended without writing its summary: killed, \
             out of space): the files it did not read are not in this summary, and what it \
             says of a message may lack their receipts. Verify that part again."
        ),
        Lang::It => format!(
            "I record in {at} vengono da un'esecuzione che si è fermata prima di leggere tutti \
             i file (interrotta con Ctrl-C o SIGTERM, o terminata senza scrivere il suo \
             riepilogo: uccisa, disco pieno): quelli non letti non compaiono in questo \
             riepilogo, e quanto dice di un messaggio può mancare delle loro ricevute. \
             Verificare di nuovo quella parte."
        ),
    }
}

/// The line on standard error for the same.
pub fn unfinished_run(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "records of a run that did not finish (interrupted, or no summary after them): \
             what it did not read is missing; verify that part again"
        }
        Lang::It => {
            "record di un'esecuzione non conclusa (interrotta, o senza riepilogo dopo di \
             loro): manca quanto non ha letto; verificare di nuovo quella parte"
        }
    }
}

/// `evidence` given verification options and only records, which are never verified again.
pub fn options_without_mail(lang: Lang, options: &str) -> String {
    match lang {
        Lang::En => format!(
            "{options}: the records are not verified again, so these options would change \
             nothing in this evidence; verify the mail again with them (peckit verify --format \
             jsonl) and build the evidence from the new records, or leave them out"
        ),
        Lang::It => format!(
            "{options}: i record non vengono riverificati, quindi queste opzioni non \
             cambierebbero nulla in questa evidenza; riverificare la posta con esse (peckit \
             verify --format jsonl) e costruire l'evidenza dai nuovi record, oppure ometterle"
        ),
    }
}

/// `evidence` given verification options, mail and records: the options reach the mail only.
pub fn options_not_for_records(lang: Lang, options: &str) -> String {
    match lang {
        Lang::En => format!(
            "warning: {options}: these options apply to the mail verified in this run, not to \
             the verdicts read from records (those stay as recorded)"
        ),
        Lang::It => format!(
            "avviso: {options}: queste opzioni valgono per la posta verificata in questa \
             esecuzione, non per gli esiti letti dai record (restano quelli registrati)"
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
            "{}: consegna attestata per {delivered} {} su {recipients}; {unmatched} file non \
             {}",
            count(lang, messages, Noun::Message),
            if delivered == 1 { "destinatario" } else { "destinatari" },
            if unmatched == 1 { "attribuito" } else { "attribuiti" }
        ),
        Lang::En => format!(
            "{}: delivery attested for {delivered} of {recipients} recipients; {} belonging to no \
             message",
            count(lang, messages, Noun::Message),
            count(lang, unmatched, Noun::File)
        ),
    }
}

/// What makes an evidence run end with status 1: invalid files, kept originals that differ
/// from the certified digests or are missing.
pub fn evidence_failures(lang: Lang, invalid: usize, originals: usize) -> String {
    let (invalid_words, original_words) = match lang {
        Lang::En => (
            ("invalid file", "invalid files"),
            ("kept original differing or missing", "kept originals differing or missing"),
        ),
        Lang::It => (
            ("file non valido", "file non validi"),
            ("originale conservato diverso o mancante", "originali conservati diversi o mancanti"),
        ),
    };
    [(invalid, invalid_words), (originals, original_words)]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, (one, many))| format!("{n} {}", if n == 1 { one } else { many }))
        .collect::<Vec<_>>()
        .join(", ")
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
            format!(
                "Provider within the names {authority} admits (its name constraints): {name}; \
                 mail domains: {domains}"
            )
        }
        Lang::It => {
            format!(
                "Il gestore rientra nei nomi ammessi da {authority} (vincoli sui nomi del suo \
                 certificato): {name}; domini di posta: {domains}"
            )
        }
    }
}

/// The short form for a table cell: "accredited: AUTHORITY".
pub fn accredited_short(lang: Lang, authority: &str) -> String {
    match lang {
        Lang::En => format!("within {authority}'s names"),
        Lang::It => format!("nei nomi ammessi da {authority}"),
    }
}

/// A certificate's revocation status at the reference time, as a word for a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevocationWord {
    /// No CRL was given or fetched.
    NotChecked,
    /// Not revoked at the signing time.
    Good,
    /// Revoked at or before it.
    Revoked,
    /// The CRLs do not say.
    Unknown,
}

/// What the CRLs say of one certificate, as the words of a phrase take it.
#[derive(Debug, Clone, Copy)]
pub struct RevocationFacts<'a> {
    /// The status.
    pub word: RevocationWord,
    /// The CRL that decided it.
    pub source: Option<&'a str>,
    /// That CRL's thisUpdate.
    pub this_update: Option<&'a str>,
    /// The revocation date, when listed.
    pub revoked_at: Option<&'a str>,
    /// The reason as RFC 5280 names it.
    pub reason: Option<&'a str>,
    /// The invalidity date.
    pub invalid_from: Option<&'a str>,
    /// The instant it was judged at.
    pub judged_at: Option<&'a str>,
}

/// What the CRLs say of a certificate at the reference time, in one phrase.
pub fn revocation(lang: Lang, facts: RevocationFacts<'_>) -> String {
    let RevocationFacts { word, source, this_update, revoked_at, reason, invalid_from, judged_at } =
        facts;
    // Revoked later for a compromise (or no reason) while only the signer dates the
    // signature (`revoked-key-compromise`): the revocation is not at or before T.
    let unproven = word == RevocationWord::Revoked
        && revoked_at.zip(judged_at).is_some_and(|(r, t)| r > t)
        && invalid_from.zip(judged_at).is_none_or(|(i, t)| i > t);
    let phrase = match (lang, unproven) {
        (Lang::En, true) => format!(
            "REVOKED on {} ({}), after the signing time, which is only the signer's word (CRL {})",
            revoked_at.unwrap_or("—"),
            reason.unwrap_or("no reason given"),
            source.unwrap_or("—")
        ),
        (Lang::It, true) => format!(
            "REVOCATO il {} ({}), dopo la data della firma, che però è solo quella dichiarata \
             dal firmatario (CRL {})",
            revoked_at.unwrap_or("—"),
            reason
                .map(|r| super::revocation::reason_words_it(r)
                    .map_or(r.to_string(), |w| { format!("{w}, {r}") }))
                .unwrap_or_else(|| "motivo non indicato".into()),
            source.unwrap_or("—")
        ),
        (_, false) => {
            revocation_phrase(lang, word, source, this_update, revoked_at, reason, invalid_from)
        }
    };
    match (lang, judged_at) {
        (_, None) => phrase,
        (Lang::En, Some(t)) => format!("{phrase}; judged at {t}"),
        (Lang::It, Some(t)) => format!("{phrase}; valutata al {t}"),
    }
}

fn revocation_phrase(
    lang: Lang,
    word: RevocationWord,
    source: Option<&str>,
    this_update: Option<&str>,
    revoked_at: Option<&str>,
    reason: Option<&str>,
    invalid_from: Option<&str>,
) -> String {
    let src = source.unwrap_or("—");
    let issued = this_update.unwrap_or("—");
    let suspended = reason == Some("certificateHold")
        && matches!(word, RevocationWord::Revoked | RevocationWord::Good)
        && revoked_at.is_some();
    // The RFC 5280 name stays for the expert, after its Italian words.
    let name = reason;
    let reason = reason.map(|r| match (lang, super::revocation::reason_words_it(r)) {
        (Lang::It, Some(words)) => format!("{words}, {r}"),
        _ => r.to_string(),
    });
    let why = match (lang, reason, invalid_from) {
        (Lang::En, Some(r), Some(i)) => format!(" ({r}, key compromised from {i})"),
        // The invalidity date says the compromise: the reason's own words would repeat it.
        (Lang::It, Some(_), Some(i)) => {
            format!(" ({}, chiave compromessa dal {i})", name.unwrap_or_default())
        }
        (Lang::En, None, Some(i)) => format!(" (key compromised from {i})"),
        (Lang::It, None, Some(i)) => format!(" (chiave compromessa dal {i})"),
        (_, Some(r), None) => format!(" ({r})"),
        (_, None, None) => String::new(),
    };
    let when = revoked_at.unwrap_or("—");
    // On hold since before T, with no CRL after T to say whether it still was.
    if name == Some("certificateHold") && word == RevocationWord::Unknown && revoked_at.is_some() {
        return match lang {
            Lang::En => format!(
                "unknown: ON HOLD (suspended) since {when} in the CRL {src}, issued {issued}; no \
                 later CRL says whether it still was"
            ),
            Lang::It => format!(
                "non nota: SOSPESO dal {when} secondo la CRL {src}, emessa il {issued}; nessuna \
                 CRL successiva dice se lo fosse ancora"
            ),
        };
    }
    // certificateHold suspends a certificate: it is not revoked, and may be released.
    if suspended {
        return match (lang, word) {
            (Lang::En, RevocationWord::Good) => {
                format!("not on hold then; put on hold later, on {when} (CRL {src})")
            }
            (Lang::It, RevocationWord::Good) => {
                format!("non sospeso allora; sospeso dopo, il {when} (CRL {src})")
            }
            (Lang::En, _) => format!("ON HOLD (suspended) since {when} (CRL {src})"),
            (Lang::It, _) => format!("SOSPESO dal {when} (CRL {src})"),
        };
    }
    match (lang, word, revoked_at.is_some(), source.is_some()) {
        (Lang::En, RevocationWord::NotChecked, ..) => {
            "not checked (no CRL given or fetched)".into()
        }
        (Lang::It, RevocationWord::NotChecked, ..) => {
            "non verificata (nessuna CRL fornita o scaricata)".into()
        }
        (Lang::En, RevocationWord::Good, false, _) => {
            format!("not revoked (CRL {src}, issued {issued})")
        }
        (Lang::It, RevocationWord::Good, false, _) => {
            format!("non revocato (CRL {src}, emessa il {issued})")
        }
        (Lang::En, RevocationWord::Good, true, _) => {
            format!("not revoked then; revoked later, on {when}{why} (CRL {src})")
        }
        (Lang::It, RevocationWord::Good, true, _) => {
            format!("non revocato allora; revocato dopo, il {when}{why} (CRL {src})")
        }
        (Lang::En, RevocationWord::Revoked, ..) => format!("REVOKED on {when}{why} (CRL {src})"),
        (Lang::It, RevocationWord::Revoked, ..) => format!("REVOCATO il {when}{why} (CRL {src})"),
        (Lang::En, RevocationWord::Unknown, _, true) => {
            format!("unknown: no CRL proves it (newest CRL {src}, issued {issued})")
        }
        (Lang::It, RevocationWord::Unknown, _, true) => {
            format!("non nota: nessuna CRL la attesta (CRL più recente {src}, emessa il {issued})")
        }
        (Lang::En, RevocationWord::Unknown, _, false) => "unknown: no usable CRL".into(),
        (Lang::It, RevocationWord::Unknown, _, false) => {
            "non nota: nessuna CRL utilizzabile".into()
        }
    }
}

/// Why `archive --require-valid` skipped a message.
pub fn archive_skipped(lang: Lang, code: &str) -> String {
    match lang {
        Lang::En => format!("skipped, not valid ({code}): not archived with --require-valid"),
        Lang::It => format!("saltato, non valido ({code}): non archiviato con --require-valid"),
    }
}

/// One line per message `archive` met: archived (with its verdict) or already there.
pub fn archive_line(lang: Lang, archived: bool, file: &str, source: &str, verdict: &str) -> String {
    match (lang, archived) {
        (Lang::En, true) => format!("archived       {file} ({verdict}) ← {source}"),
        (Lang::It, true) => format!("archiviato     {file} ({verdict}) ← {source}"),
        (Lang::En, false) => format!("already there  {file} ← {source}"),
        (Lang::It, false) => format!("già presente   {file} ← {source}"),
    }
}

/// A kept copy found missing or altered (`missing`), and the file its message was written
/// to again when the run met it.
pub fn archive_damaged(
    lang: Lang,
    file: &str,
    missing: bool,
    rewritten_as: Option<&str>,
) -> String {
    match (lang, missing, rewritten_as) {
        (Lang::En, true, Some(new)) => {
            format!("the archived copy {file} was gone: the message was written again as {new}")
        }
        (Lang::En, false, Some(new)) => format!(
            "the archived copy {file} no longer held the bytes recorded: the message was written \
             again as {new}"
        ),
        (Lang::En, true, None) => format!(
            "the archived copy {file} is gone, and no source of this run holds its message: \
             restore it from a backup or archive its source again"
        ),
        (Lang::En, false, None) => format!(
            "the archived copy {file} no longer holds the bytes recorded, and no source of this \
             run holds its message: restore it from a backup or archive its source again"
        ),
        (Lang::It, true, Some(new)) => format!(
            "la copia archiviata {file} mancava: il messaggio è stato scritto di nuovo come {new}"
        ),
        (Lang::It, false, Some(new)) => format!(
            "la copia archiviata {file} non conteneva più i byte registrati: il messaggio è stato \
             scritto di nuovo come {new}"
        ),
        (Lang::It, true, None) => format!(
            "la copia archiviata {file} manca e nessuna fonte di questa esecuzione contiene il suo \
             messaggio: va ripristinata da una copia di sicurezza o archiviata di nuovo dalla \
             sua fonte"
        ),
        (Lang::It, false, None) => format!(
            "la copia archiviata {file} non contiene più i byte registrati e nessuna fonte di \
             questa esecuzione contiene il suo messaggio: va ripristinata da una copia di \
             sicurezza o archiviata di nuovo dalla sua fonte"
        ),
    }
}

/// The last line of `archive`.
pub fn archive_summary(
    lang: Lang,
    archived: usize,
    already: usize,
    skipped: usize,
    unreadable: usize,
    dir: &str,
) -> String {
    match lang {
        Lang::En => format!(
            "{dir}: {archived} archived, {already} already there, {skipped} skipped, \
             {unreadable} unreadable"
        ),
        Lang::It => {
            // The participle agrees with the count: "1 archiviato", "2 archiviati".
            let agree = |n: usize, one: &str, many: &str| {
                format!("{n} {}", if n == 1 { one } else { many })
            };
            format!(
                "{dir}: {}, {}, {}, {}",
                agree(archived, "archiviato", "archiviati"),
                agree(already, "già presente", "già presenti"),
                agree(skipped, "saltato", "saltati"),
                agree(unreadable, "illeggibile", "illeggibili")
            )
        }
    }
}

/// Context of an error opening an archive folder.
pub fn archive_open_failed(lang: Lang, dir: &str) -> String {
    match lang {
        Lang::En => format!("opening the archive {dir}"),
        Lang::It => format!("apertura dell'archivio {dir}"),
    }
}

/// Context of an error writing a message into the archive.
pub fn archive_write_failed(lang: Lang, source: &str) -> String {
    match lang {
        Lang::En => format!("archiving {source}"),
        Lang::It => format!("archiviazione di {source}"),
    }
}

/// A `--since`/`--before` value that is not a date.
pub fn not_a_date(lang: Lang, flag: &str, value: &str) -> String {
    match lang {
        Lang::En => format!("{flag} {value:?} is not a date (YYYY-MM-DD)"),
        Lang::It => {
            format!("{flag} {} non è una data (AAAA-MM-GG)", super::quote::guillemets(value))
        }
    }
}

/// A flag's value that is not an RFC 3339 instant.
pub fn not_a_time(lang: Lang, flag: &str, value: &str) -> String {
    match lang {
        Lang::En => format!("{flag} {value:?} is not an RFC 3339 time (e.g. 2024-05-01T12:00:00Z)"),
        Lang::It => {
            format!(
                "{flag} {} non è un istante RFC 3339 (per esempio 2024-05-01T12:00:00Z)",
                super::quote::guillemets(value)
            )
        }
    }
}

/// The warning for plain `imap://` with `--imap-insecure`.
pub fn imap_insecure_warning(lang: Lang, url: &str) -> String {
    match lang {
        Lang::En => format!(
            "warning: {url}: plain imap:// sends the password unencrypted (--imap-insecure)"
        ),
        Lang::It => format!(
            "attenzione: {url}: imap:// in chiaro invia la password senza cifratura \
             (--imap-insecure)"
        ),
    }
}
