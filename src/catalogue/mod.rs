//! The catalogue of human text, Italian and English, keyed by typed identifiers: labels,
//! verdicts, problem codes, notes. Every renderer takes its words from here.
//!
//! JSON keys, enum values and problem codes never change with the language; only what a
//! person reads does. The language comes from `--lang`, else LC_ALL / LC_MESSAGES / LANG
//! (Italian for `it_*`), else English.

use crate::finding::{CecPacClosure, CecPacWarning};
use crate::limits::Limit;
use crate::problem::{Problem, ProblemCode, Verdict};

/// A language for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Italiano.
    It,
    /// English.
    En,
}

impl Lang {
    /// The language from the POSIX locale variables, in their order of precedence.
    pub fn from_env_values(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Lang {
        let chosen = [lc_all, lc_messages, lang].into_iter().flatten().find(|v| !v.is_empty());
        match chosen {
            Some(v) if v.to_ascii_lowercase().starts_with("it") => Lang::It,
            _ => Lang::En,
        }
    }

    /// The language from this process's environment.
    pub fn from_env() -> Lang {
        let get = |k: &str| std::env::var(k).ok();
        Lang::from_env_values(
            get("LC_ALL").as_deref(),
            get("LC_MESSAGES").as_deref(),
            get("LANG").as_deref(),
        )
    }
}

/// Labels used by the human renderers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Label {
    Verdict,
    Kind,
    Provider,
    CertifiedTime,
    File,
    Problem,
    Field,
    Signed,
    Claimed,
    Sender,
    Recipients,
    Subject,
    Identifier,
    MessageId,
    ReceiptType,
    Error,
    ExtendedError,
    Signer,
    Issuer,
    ValidFrom,
    ValidTo,
    /// A certificate's validity, "from → to".
    Validity,
    /// A date, certified or claimed (the column says which).
    Date,
    /// No daticert.xml was found.
    NoDaticert,
    MimeTree,
    Nested,
    OutsideSignature,
    Summary,
    Anchor,
    Source,
    Fingerprint,
    Delivery,
    Coverage,
    SigningTime,
    Chain,
    Email,
}

impl Label {
    /// Every label, for the test that checks both languages.
    pub const ALL: &'static [Label] = &[
        Label::Verdict,
        Label::Kind,
        Label::Provider,
        Label::CertifiedTime,
        Label::File,
        Label::Problem,
        Label::Field,
        Label::Signed,
        Label::Claimed,
        Label::Sender,
        Label::Recipients,
        Label::Subject,
        Label::Identifier,
        Label::MessageId,
        Label::ReceiptType,
        Label::Error,
        Label::ExtendedError,
        Label::Signer,
        Label::Issuer,
        Label::ValidFrom,
        Label::ValidTo,
        Label::Validity,
        Label::Date,
        Label::NoDaticert,
        Label::MimeTree,
        Label::Nested,
        Label::OutsideSignature,
        Label::Summary,
        Label::Anchor,
        Label::Source,
        Label::Fingerprint,
        Label::Delivery,
        Label::Coverage,
        Label::SigningTime,
        Label::Chain,
        Label::Email,
    ];
}

/// The text of a label.
pub fn label(lang: Lang, l: Label) -> &'static str {
    use Label::*;
    match (lang, l) {
        (Lang::En, Verdict) => "Verdict",
        (Lang::It, Verdict) => "Esito",
        (Lang::En, Kind) => "Kind",
        (Lang::It, Kind) => "Tipo",
        (Lang::En, Provider) => "Provider",
        (Lang::It, Provider) => "Gestore",
        (Lang::En, CertifiedTime) => "Certified time",
        (Lang::It, CertifiedTime) => "Data certificata",
        (Lang::En, File) => "File",
        (Lang::It, File) => "File",
        (Lang::En, Problem) => "Problem",
        (Lang::It, Problem) => "Problema",
        (Lang::En, Field) => "Field",
        (Lang::It, Field) => "Campo",
        (Lang::En, Signed) => "Signed (daticert.xml)",
        (Lang::It, Signed) => "Firmato (daticert.xml)",
        (Lang::En, Claimed) => "Claimed (unsigned headers)",
        (Lang::It, Claimed) => "Dichiarato (intestazioni non firmate)",
        (Lang::En, Sender) => "Sender",
        (Lang::It, Sender) => "Mittente",
        (Lang::En, Recipients) => "Recipients",
        (Lang::It, Recipients) => "Destinatari",
        (Lang::En, Subject) => "Subject",
        (Lang::It, Subject) => "Oggetto",
        (Lang::En, Identifier) => "Identifier",
        (Lang::It, Identifier) => "Identificativo",
        (Lang::En, MessageId) => "Original Message-ID",
        (Lang::It, MessageId) => "Message-ID originale",
        (Lang::En, ReceiptType) => "Receipt type",
        (Lang::It, ReceiptType) => "Tipo di ricevuta",
        (Lang::En, Error) => "Error",
        (Lang::It, Error) => "Errore",
        (Lang::En, ExtendedError) => "Error detail",
        (Lang::It, ExtendedError) => "Errore esteso",
        (Lang::En, Signer) => "Signer",
        (Lang::It, Signer) => "Firmatario",
        (Lang::En, Issuer) => "Issuer",
        (Lang::It, Issuer) => "Emittente",
        (Lang::En, ValidFrom) => "Valid from",
        (Lang::It, ValidFrom) => "Valido dal",
        (Lang::En, ValidTo) => "Valid to",
        (Lang::It, ValidTo) => "Valido fino al",
        (Lang::En, Validity) => "Validity",
        (Lang::It, Validity) => "Validità",
        (Lang::En, Date) => "Date",
        (Lang::It, Date) => "Data",
        (Lang::En, NoDaticert) => "No signed daticert.xml: no certified data here",
        (Lang::It, NoDaticert) => "Nessun daticert.xml firmato: qui non ci sono dati certificati",
        (Lang::En, MimeTree) => "MIME structure",
        (Lang::It, MimeTree) => "Struttura MIME",
        (Lang::En, Nested) => "Nested artefact",
        (Lang::It, Nested) => "Messaggio annidato",
        (Lang::En, OutsideSignature) => "Outside the signature (ignored)",
        (Lang::It, OutsideSignature) => "Fuori dalla firma (ignorato)",
        (Lang::En, Summary) => "Summary",
        (Lang::It, Summary) => "Riepilogo",
        (Lang::En, Anchor) => "Trusted authority",
        (Lang::It, Anchor) => "Autorità fidata",
        (Lang::En, Source) => "Source",
        (Lang::It, Source) => "Origine",
        (Lang::En, Fingerprint) => "SHA-256",
        (Lang::It, Fingerprint) => "SHA-256",
        (Lang::En, Delivery) => "Delivered to",
        (Lang::It, Delivery) => "Consegnato a",
        (Lang::En, Coverage) => "Covers",
        (Lang::It, Coverage) => "Riguarda",
        (Lang::En, SigningTime) => "Signing time",
        (Lang::It, SigningTime) => "Ora della firma",
        (Lang::En, Chain) => "Chain",
        (Lang::It, Chain) => "Catena",
        (Lang::En, Email) => "E-mail",
        (Lang::It, Email) => "E-mail",
    }
}

/// A kind as people read it. The PEC kinds keep their names (Italian in both languages, as
/// daticert.xml writes them); the names peckit gives to what is not a PEC artefact are said
/// in words. JSON and CSV keep the stable names.
pub fn kind_text(lang: Lang, kind: &str) -> &str {
    match (lang, kind) {
        (Lang::En, "unreadable") => "unreadable",
        (Lang::It, "unreadable") => "illeggibile",
        (Lang::En, "not-pec") => "not PEC",
        (Lang::It, "not-pec") => "non PEC",
        (Lang::En, "unknown") => "unknown kind",
        (Lang::It, "unknown") => "tipo sconosciuto",
        (_, "rem") => "REM",
        (_, other) => other,
    }
}

/// A daticert `errore` as people read it, its DTD value after the words (review 16: "errore:
/// no-dest" alone).
pub fn errore_text(lang: Lang, errore: &str) -> String {
    let words = match (lang, errore) {
        (Lang::En, "no-dest") => "unknown recipient",
        (Lang::It, "no-dest") => "destinatario inesistente",
        (Lang::En, "no-dominio") => "domain not served",
        (Lang::It, "no-dominio") => "dominio non servito",
        (Lang::En, "virus") => "virus detected",
        (Lang::It, "virus") => "virus rilevato",
        (Lang::En, "altro") => "other error",
        (Lang::It, "altro") => "altro errore",
        _ => return errore.to_string(),
    };
    format!("{words} ({errore})")
}

/// A kind with its receipt type or REM event, as the table, `--explain` and `inspect` show
/// it: `avvenuta-consegna (breve)`.
pub fn kind_with_detail(lang: Lang, kind: &str, detail: Option<&str>) -> String {
    match detail {
        Some(detail) => format!("{} ({detail})", kind_text(lang, kind)),
        None => kind_text(lang, kind).to_string(),
    }
}

/// A kind as the evidence records write it, its detail in parentheses
/// (`rem (ContentConsignment)`), said as [`kind_with_detail`] says it.
pub fn kind_phrase(lang: Lang, written: &str) -> String {
    match written.split_once(" (").and_then(|(kind, rest)| Some((kind, rest.strip_suffix(')')?))) {
        Some((kind, detail)) => kind_with_detail(lang, kind, Some(detail)),
        None => kind_text(lang, written).to_string(),
    }
}

/// The verdict as a person reads it.
pub fn verdict_text(lang: Lang, v: Verdict) -> &'static str {
    match (lang, v) {
        (Lang::En, Verdict::Valid) => "VALID",
        (Lang::En, Verdict::Invalid) => "INVALID",
        (Lang::En, Verdict::Error) => "ERROR",
        (Lang::It, Verdict::Valid) => "VALIDO",
        (Lang::It, Verdict::Invalid) => "NON VALIDO",
        (Lang::It, Verdict::Error) => "ERRORE",
    }
}

/// A short explanation of a problem code.
pub fn problem_text(lang: Lang, code: ProblemCode) -> &'static str {
    use ProblemCode::*;
    match lang {
        Lang::En => match code {
            Unreadable => "not read: missing, empty, not e-mail, or left unread (see its message)",
            NotPec => "not a PEC artefact",
            Unsigned => "PEC look-alike without a signature",
            Malformed => "broken structure",
            ContentAltered => "content altered after signing (edited or re-saved)",
            BadSignature => "signature does not verify (forged or wrong key)",
            UnsupportedAlgorithm => "unsupported signature algorithm",
            SignerCertMissing => "signer certificate missing",
            Untrusted => "not signed by a trusted PEC authority",
            CertNotValidAtSigningTime => {
                "certificate not valid at an instant it is judged at (signing time, certified time or --at)"
            }
            CertUsage => "certificate not allowed to sign mail",
            NameConstraints => "outside the names the authority admits",
            Revoked => "certificate revoked or on hold at the reference time",
            RevokedCompromised => "key compromised: the signing time is unproven",
            RevokedAfterSigning => "certificate revoked after the reference time",
            CrlUnusable => "CRL not usable, ignored",
            RevocationUnknown => "revocation status at the reference time unknown",
            MissingDaticert => "no daticert.xml in the signed part",
            DaticertMalformed => {
                "daticert.xml is malformed or ambiguous (not well-formed XML, or an element or the file repeated)"
            }
            DaticertIncomplete => "daticert.xml lacks required data",
            HeaderMismatch => "unsigned header contradicts the signed data",
            UnsignedContentOutsideSignature => "unsigned content outside the signature",
            LimitExceeded => "resource limit exceeded",
            MsgidMismatch => "Message-ID reference differs from the signed one",
            IdentificativoMismatch => "envelope Message-ID differs from the signed identifier",
            SubjectMismatch => "Subject prefix differs from the signed kind",
            DateMismatch => "Date header differs from the certified time",
            SigningTimeMismatch => "signing time differs from the certified time",
            SignerAddressMismatch => "signer certificate address differs from From",
            CecPacAddress => "CEC-PAC address after the service closed",
            PermanentErrorInPreavviso => "warning with a permanent error: in practice final",
            AnomalyNotCertified => "anomaly envelope: content not certified",
            DaticertFieldInvalid => "a daticert field is invalid",
            CertExpiredNow => "certificate expired since (normal for archived mail)",
            NoSigningTime => "no signing time: judged at the certified time",
            CanonicalisedLineEnds => "LF-only file: line ends canonicalised",
            RemEvidence => "REM: evidence read and verified",
            RemEvidenceMalformed => "the REM evidence cannot be read",
            RemHeaderMismatch => "a REM header contradicts the signed evidence",
            TimeInFuture => "a signed time lies in the future",
            RemEventAfterTimeStamp => "REM event dated after its time-stamp",
            RemEventTimeMismatch => "REM event time differs from the signing time",
            RemSubjectMismatch => "REM Subject differs from the signed evidence",
            RemIssuerMismatch => "the issuer a REM evidence names is not its signer",
            XadesUnsignedContent => "unsigned content inside the evidence's signature",
            RemOriginalDigestMismatch => "the original does not match the evidence's digest",
            XadesMissing => "the REM evidence is not signed",
            XadesWrapping => "the XAdES signature does not sign the evidence read",
            XadesTransformRefused => "XAdES transform not allowed",
            XadesReferenceAltered => "the REM evidence was altered after signing",
            XadesBadSignature => "XAdES signature does not verify",
            XadesSigningCertificate => "XAdES signing certificate not bound",
            XadesSignerDiffers => "the evidence is signed by another provider",
            TimestampInvalid => "the evidence's time-stamp does not hold",
            SigningCertificateMismatch => "the signature names another signing certificate",
            TimestampUntrusted => "the time-stamping authority is not trusted",
            TimestampMissing => "the evidence has no time-stamp",
            WeakDigest => "SHA-1 digest",
        },
        Lang::It => match code {
            Unreadable => {
                "non letto: mancante, vuoto, non è posta, o lasciato da parte (vedi il suo messaggio)"
            }
            NotPec => "non è un messaggio PEC",
            Unsigned => "simile a una PEC ma senza firma",
            Malformed => "struttura danneggiata",
            ContentAltered => "contenuto alterato dopo la firma (modificato o risalvato)",
            BadSignature => "la firma non è valida (contraffatta o chiave errata)",
            UnsupportedAlgorithm => "algoritmo di firma non supportato",
            SignerCertMissing => "certificato del firmatario mancante",
            Untrusted => "non firmato da un'autorità PEC fidata",
            CertNotValidAtSigningTime => {
                "certificato non valido a un istante a cui è valutato (ora della firma, data certificata o --at)"
            }
            CertUsage => "certificato non abilitato alla firma della posta",
            NameConstraints => "fuori dai nomi ammessi dal certificato dell'autorità",
            Revoked => "certificato revocato o sospeso all'ora di riferimento",
            RevokedCompromised => "chiave compromessa: la data della firma non è provata",
            RevokedAfterSigning => "certificato revocato dopo l'ora di riferimento",
            CrlUnusable => "CRL non utilizzabile, ignorata",
            RevocationUnknown => "stato di revoca all'ora di riferimento non noto",
            MissingDaticert => "manca daticert.xml nella parte firmata",
            DaticertMalformed => {
                "daticert.xml è malformato o ambiguo (XML non ben formato, oppure un elemento o il file ripetuto)"
            }
            DaticertIncomplete => "daticert.xml incompleto",
            HeaderMismatch => "intestazione non firmata in contrasto con i dati firmati",
            UnsignedContentOutsideSignature => "contenuto non firmato fuori dalla firma",
            LimitExceeded => "limite di risorse superato",
            MsgidMismatch => "riferimento al Message-ID diverso da quello firmato",
            IdentificativoMismatch => "Message-ID della busta diverso dall'identificativo firmato",
            SubjectMismatch => "prefisso dell'oggetto diverso dal tipo firmato",
            DateMismatch => "intestazione Date diversa dalla data certificata",
            SigningTimeMismatch => "ora della firma diversa dalla data certificata",
            SignerAddressMismatch => "indirizzo del certificato diverso dal mittente (From)",
            CecPacAddress => "indirizzo CEC-PAC dopo la chiusura del servizio",
            PermanentErrorInPreavviso => "preavviso con errore permanente: di fatto definitivo",
            AnomalyNotCertified => "busta di anomalia: contenuto non certificato",
            DaticertFieldInvalid => "un campo di daticert non è valido",
            CertExpiredNow => "certificato scaduto in seguito (normale per posta archiviata)",
            NoSigningTime => "ora della firma assente: valutato alla data certificata",
            CanonicalisedLineEnds => "file con soli LF: fine riga normalizzati",
            RemEvidence => "REM: evidenza letta e controllata",
            RemEvidenceMalformed => "l'evidenza REM non è leggibile",
            RemHeaderMismatch => "un'intestazione REM contraddice l'evidenza firmata",
            TimeInFuture => "un'ora firmata è nel futuro",
            RemEventAfterTimeStamp => "evento REM datato dopo la sua marca temporale",
            RemEventTimeMismatch => "ora dell'evento REM diversa dall'ora della firma",
            RemSubjectMismatch => "oggetto REM diverso dall'evidenza firmata",
            RemIssuerMismatch => "l'emittente dichiarato dall'evidenza REM non è il firmatario",
            XadesUnsignedContent => "contenuto non firmato dentro la firma dell'evidenza",
            RemOriginalDigestMismatch => "l'originale non corrisponde all'impronta dell'evidenza",
            XadesMissing => "l'evidenza REM non è firmata",
            XadesWrapping => "la firma XAdES non firma l'evidenza letta",
            XadesTransformRefused => "trasformazione XAdES non ammessa",
            XadesReferenceAltered => "l'evidenza REM è stata alterata dopo la firma",
            XadesBadSignature => "la firma XAdES non si verifica",
            XadesSigningCertificate => "certificato di firma XAdES non vincolato",
            XadesSignerDiffers => "l'evidenza è firmata da un altro gestore",
            TimestampInvalid => "la marca temporale dell'evidenza non è valida",
            SigningCertificateMismatch => "la firma indica un altro certificato di firma",
            TimestampUntrusted => "l'autorità di marcatura temporale non è fidata",
            TimestampMissing => "l'evidenza non ha marca temporale",
            WeakDigest => "impronta SHA-1",
        },
    }
}

/// What a limit measures, in `lang`.
pub fn limit_name(lang: Lang, limit: Limit) -> &'static str {
    if lang == Lang::En {
        return limit.what();
    }
    match limit {
        Limit::InputSize => "la dimensione del file",
        Limit::MessageSize => "la dimensione del messaggio",
        Limit::MimeDepth => "la profondità MIME",
        Limit::MimeParts => "il numero di parti MIME",
        Limit::HeaderSize => "la dimensione delle intestazioni",
        Limit::Nesting => "la profondità dei messaggi annidati",
        Limit::DaticertSize => "la dimensione di daticert.xml",
        Limit::CopyBudget => "la memoria concessa a un file",
        Limit::PathSignatureChecks => "il numero di verifiche per catena di certificati",
    }
}

/// A line the commands print on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Diagnostic {
    /// No input held any mail.
    NoMailFound,
    /// Ctrl-C or SIGTERM.
    Interrupted,
    /// `inspect` on mail that is not PEC.
    NotPec,
    /// `extract` of an artefact without an original.
    NoOriginal,
    /// `extract` of several messages without `-o`.
    SeveralNeedOutput,
}

impl Diagnostic {
    /// The line in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, Diagnostic::NoMailFound) => "no mail found in the given paths",
            (Lang::It, Diagnostic::NoMailFound) => "nessun messaggio trovato nei percorsi indicati",
            (Lang::En, Diagnostic::Interrupted) => {
                "interrupted; the output so far is complete and valid"
            }
            (Lang::It, Diagnostic::Interrupted) => {
                "interrotto; quanto scritto finora è completo e valido"
            }
            (Lang::En, Diagnostic::NotPec) => {
                "not a PEC artefact (no PEC markers, signature or daticert.xml)"
            }
            (Lang::It, Diagnostic::NotPec) => {
                "non è un messaggio PEC (nessun marcatore PEC, firma o daticert.xml)"
            }
            (Lang::En, Diagnostic::NoOriginal) => {
                "no original message (postacert.eml) in the signed content"
            }
            (Lang::It, Diagnostic::NoOriginal) => {
                "nessun messaggio originale (postacert.eml) nel contenuto firmato"
            }
            (Lang::En, Diagnostic::SeveralNeedOutput) => {
                "a folder holds several messages: name where they go with -o DIR"
            }
            (Lang::It, Diagnostic::SeveralNeedOutput) => {
                "una cartella contiene più messaggi: indicare dove estrarli con -o CARTELLA"
            }
        }
    }
}

impl CecPacWarning {
    /// The warning in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let (address, day) = (&self.address, &self.day);
        match (lang, self.closure) {
            (Lang::En, CecPacClosure::Closed) => format!(
                "{address} is a CEC-PAC address; on {day} the service was closed (no access from \
                 18 September 2015): it could neither send nor receive"
            ),
            (Lang::En, CecPacClosure::NoReception) => format!(
                "{address} is a CEC-PAC address; on {day} it could no longer receive (no \
                 reception from 18 July 2015)"
            ),
            (Lang::En, CecPacClosure::NoSending) => format!(
                "{address} is a CEC-PAC address; on {day} it could no longer send (no sending \
                 from 18 March 2015)"
            ),
            (Lang::It, CecPacClosure::Closed) => format!(
                "{address} è un indirizzo CEC-PAC; il {day} il servizio era chiuso (nessun \
                 accesso dal 18 settembre 2015): non poteva né inviare né ricevere"
            ),
            (Lang::It, CecPacClosure::NoReception) => format!(
                "{address} è un indirizzo CEC-PAC; il {day} non poteva più ricevere (nessuna \
                 ricezione dal 18 luglio 2015)"
            ),
            (Lang::It, CecPacClosure::NoSending) => format!(
                "{address} è un indirizzo CEC-PAC; il {day} non poteva più inviare (nessun invio \
                 dal 18 marzo 2015)"
            ),
        }
    }
}

/// `n` of something, with the noun agreeing in number.
pub fn count(lang: Lang, n: usize, noun: Noun) -> String {
    let (one, many) = match (lang, noun) {
        (Lang::En, Noun::Artefact) => ("artefact", "artefacts"),
        (Lang::It, Noun::Artefact) => ("elemento esaminato", "elementi esaminati"),
        (Lang::En, Noun::Valid) => ("valid", "valid"),
        (Lang::It, Noun::Valid) => ("valido", "validi"),
        (Lang::En, Noun::Invalid) => ("invalid", "invalid"),
        (Lang::It, Noun::Invalid) => ("non valido", "non validi"),
        (Lang::En, Noun::Error) => ("error", "errors"),
        (Lang::It, Noun::Error) => ("errore", "errori"),
        (Lang::En, Noun::Message) => ("message", "messages"),
        (Lang::It, Noun::Message) => ("messaggio", "messaggi"),
        (Lang::En, Noun::File) => ("file", "files"),
        (Lang::It, Noun::File) => ("file", "file"),
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Nouns counted in summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    /// An input checked: a message, or a path that could not be read ("elemento esaminato").
    Artefact,
    /// Valid ones.
    Valid,
    /// Invalid ones.
    Invalid,
    /// Errors.
    Error,
    /// Messages of the evidence summary.
    Message,
    /// Files.
    File,
}

/// "PATH already exists", in `lang`.
pub fn already_exists(lang: Lang, path: &str) -> String {
    match lang {
        Lang::En => format!("{path} already exists"),
        Lang::It => format!("{path} esiste già"),
    }
}

/// A problem for people: in English its own message; in another language what its typed
/// finding says, else the catalogue's text for its code.
pub fn problem_message(lang: Lang, problem: &Problem) -> String {
    match (lang, &problem.finding) {
        (Lang::En, _) => problem.message.clone(),
        (_, Some(finding)) => finding.text(lang),
        (_, None) => problem_text(lang, problem.code).to_string(),
    }
}

mod chain;
pub mod errors;
pub mod failures;
mod findings;
mod integrity;
pub mod notes;
mod outside;
pub mod proof;
mod quote;
pub mod rem;
mod revocation;
mod sentences;
#[cfg(test)]
mod tests;
pub mod texts;
mod times;
mod usage;
