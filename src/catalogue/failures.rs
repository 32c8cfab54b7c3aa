//! Why an input, or a file a flag names, could not be read, in Italian and English.

use super::{Lang, limit_name};
use crate::error::{NotMail, ReadFailure};
use crate::limits::Limit;

impl ReadFailure {
    /// The failure in `lang`; the English text is the library error's own.
    pub fn text(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, ReadFailure::Empty) => "empty input".into(),
            (Lang::It, ReadFailure::Empty) => "file vuoto".into(),
            (Lang::En, ReadFailure::NotMail(what)) => format!("not an e-mail message: {what}"),
            (Lang::It, ReadFailure::NotMail(NotMail::Binary)) => {
                "non è un messaggio e-mail: dati binari, nessuna intestazione".into()
            }
            (Lang::It, ReadFailure::NotMail(NotMail::NoHeaderField)) => {
                "non è un messaggio e-mail: la prima riga non è un campo di intestazione".into()
            }
            (Lang::It, ReadFailure::NotMail(NotMail::Container)) => "non è un messaggio e-mail: \
                è un mbox o un archivio zip dentro un contenitore dentro un altro: peckit ne apre \
                due livelli; estrarlo e indicarlo a parte"
                .into(),
            (Lang::It, ReadFailure::NotMail(NotMail::Json)) => "non è un messaggio e-mail: è \
                JSON (evidence legge i record di peckit verify --format jsonl da un file .jsonl \
                o .ndjson, da un altro file che contiene solo quelli, o da -)"
                .into(),
            (Lang::En, ReadFailure::TooLarge { limit, value }) => {
                format!("{limit} exceeds the limit of {value}")
            }
            (Lang::It, ReadFailure::TooLarge { limit, value }) => {
                let unit = match limit {
                    Limit::InputSize
                    | Limit::MessageSize
                    | Limit::HeaderSize
                    | Limit::DaticertSize
                    | Limit::CopyBudget => " byte",
                    _ => "",
                };
                format!("{} supera il limite di {value}{unit}", limit_name(Lang::It, *limit))
            }
            (Lang::En, ReadFailure::Missing(w) | ReadFailure::PermissionDenied(w))
            | (Lang::En, ReadFailure::IsAFolder(w) | ReadFailure::System(w)) => w.clone(),
            (Lang::It, ReadFailure::Missing(_)) => "file o cartella inesistente".into(),
            (Lang::It, ReadFailure::PermissionDenied(_)) => "permesso di lettura negato".into(),
            (Lang::It, ReadFailure::IsAFolder(_)) => "è una cartella, non un file".into(),
            (Lang::En, ReadFailure::UnfollowedLink { to_folder }) => {
                crate::error::UnfollowedLink { to_folder: *to_folder }.to_string()
            }
            (Lang::It, ReadFailure::UnfollowedLink { to_folder: true }) => {
                "è un collegamento simbolico a una cartella, non seguito (indicare la cartella \
                 stessa)"
                    .into()
            }
            (Lang::It, ReadFailure::UnfollowedLink { to_folder: false }) => {
                "è un collegamento simbolico a qualcosa che non è un file (una pipe, un \
                 dispositivo), non letto"
                    .into()
            }
            (Lang::En, ReadFailure::ShadowedZipMembers { times, named }) => {
                crate::error::ShadowedZipMembers { times: *times, named: *named }.to_string()
            }
            (Lang::It, ReadFailure::ShadowedZipMembers { times, named: true }) => format!(
                "{times} file dell'archivio zip hanno questo nome; si è potuto leggere solo \
                 l'ultimo"
            ),
            (Lang::It, ReadFailure::ShadowedZipMembers { times: 1, named: false }) => {
                "1 file dell'archivio zip ha il nome di un altro e non si è potuto leggere".into()
            }
            (Lang::It, ReadFailure::ShadowedZipMembers { times, named: false }) => format!(
                "{times} file dell'archivio zip hanno il nome di un altro e non si sono potuti \
                 leggere"
            ),
            (Lang::It, ReadFailure::System(w)) => format!("errore di lettura del sistema ({w})"),
            (Lang::En, ReadFailure::UnreadableZip(w)) => format!("not a readable zip archive: {w}"),
            (Lang::It, ReadFailure::UnreadableZip(w)) => {
                format!("non è un archivio zip leggibile ({w})")
            }
            (Lang::En, ReadFailure::Mailbox(f)) => f.to_string(),
            (Lang::It, ReadFailure::Mailbox(f)) => mailbox_failure_it(f),
            (lang, ReadFailure::Record(f)) => record_failure(lang, f),
        }
    }
}

fn mailbox_failure_it(f: &crate::error::MailboxFailure) -> String {
    use crate::error::MailboxFailure as M;
    match f {
        M::Url(w) => format!("non è un URL IMAP ({w})"),
        M::PasswordInUrl => "la password nell'URL è rifiutata: indicarla in \
                             PECKIT_IMAP_PASSWORD, in ~/.netrc o al prompt"
            .into(),
        M::Insecure => "imap:// in chiaro invia la password senza cifratura: usare imaps://, o \
             --imap-insecure"
            .into(),
        M::Connect(w) => format!("impossibile connettersi a {w}"),
        M::Certificate(w) => {
            format!("il certificato del server non è fidato ({w}); --imap-ca aggiunge una CA")
        }
        M::NoPassword => "nessuna password: impostare PECKIT_IMAP_PASSWORD, aggiungerla a \
                          ~/.netrc, o eseguire da un terminale"
            .into(),
        M::LoginRefused => "accesso rifiutato dal server".into(),
        M::NoMailbox(m) => format!("la casella {m} non può essere aperta"),
        M::Protocol(w) => format!("errore IMAP: {w}"),
    }
}

/// Why a JSONL line is not a record `evidence` can use.
fn record_failure(lang: Lang, f: &crate::error::RecordFailure) -> String {
    use crate::error::RecordFailure as F;
    match (lang, f) {
        (Lang::En, F::NotARecord(w)) => {
            format!("not a record of peckit verify --format jsonl: {}", line_fault(lang, w))
        }
        (Lang::It, F::NotARecord(w)) => {
            format!("non è un record di peckit verify --format jsonl: {}", line_fault(lang, w))
        }
        (Lang::En, F::NotRecords(w)) => format!(
            "not records of peckit verify --format jsonl ({}): the file is not read further",
            line_fault(lang, w)
        ),
        (Lang::It, F::NotRecords(w)) => format!(
            "non sono record di peckit verify --format jsonl ({}): il file non è letto oltre",
            line_fault(lang, w)
        ),
        (Lang::En, F::NoFacts) => {
            "a record without the facts evidence needs (written by an earlier peckit): verify the file again".into()
        }
        (Lang::It, F::NoFacts) => "un record senza i dati che servono all'evidenza (scritto da una versione precedente di peckit): verificare di nuovo il file".into(),
        (Lang::En, F::TooLong) => "a line longer than the input size limit (--max-size)".into(),
        (Lang::It, F::TooLong) => "una riga più lunga del limite di dimensione (--max-size)".into(),
        (Lang::En, F::ValidWithError(code)) => format!(
            "a record that says valid and lists the error {code}, which peckit verify never \
             writes: not used"
        ),
        (Lang::It, F::ValidWithError(code)) => format!(
            "un record che dice valido ed elenca l'errore {code}, come peckit verify non ne \
             scrive mai: non usato"
        ),
        (Lang::En, F::NotAVersion) => "a record whose producing peckit is not a version as \
            peckit verify writes it (X.Y.Z (commit HEX)): not used"
            .into(),
        (Lang::It, F::NotAVersion) => "un record il cui peckit di origine non è una versione come \
            la scrive peckit verify (X.Y.Z (commit ESADECIMALE)): non usato"
            .into(),
        (Lang::En, F::ErrorWithFacts) => "a record that says error and holds the facts of a file \
            that was read, which peckit verify never writes: not used"
            .into(),
        (Lang::It, F::ErrorWithFacts) => "un record che dice errore e contiene i dati di un file \
            letto, come peckit verify non ne scrive mai: non usato"
            .into(),
        (_, F::DisagreesWithThisRun { says, now, sha256 }) => {
            let (says, now) = (verdict_word(lang, says), verdict_word(lang, now));
            match lang {
                Lang::En => format!(
                    "the record says {says}, and the same file (SHA-256 {sha256}…) verified in \
                     this run is {now}: the record is not used"
                ),
                Lang::It => format!(
                    "il record dice {says}, e lo stesso file (SHA-256 {sha256}…) verificato in \
                     questa esecuzione è {now}: il record non è usato"
                ),
            }
        }
        (Lang::En, F::OtherFacts { sha256, other: None }) => format!(
            "the record states other facts than this run found in the same file (SHA-256 \
             {sha256}…): the record is not used"
        ),
        (Lang::It, F::OtherFacts { sha256, other: None }) => format!(
            "il record riporta dati diversi da quelli che questa esecuzione ha trovato nello \
             stesso file (SHA-256 {sha256}…): il record non è usato"
        ),
        (Lang::En, F::OtherFacts { sha256, other: Some(other) }) => format!(
            "the record states other facts than {other} for the same file (SHA-256 \
             {sha256}…): no record of this file is used; verify the file again"
        ),
        (Lang::It, F::OtherFacts { sha256, other: Some(other) }) => format!(
            "il record riporta dati diversi da {other} per lo stesso file (SHA-256 {sha256}…): \
             nessun record di questo file è usato; verificare di nuovo il file"
        ),
        (_, F::RecordsDisagree { sha256, verdicts }) => {
            let list: Vec<String> = verdicts
                .iter()
                .map(|(v, at)| format!("{} in {at}", verdict_word(lang, v)))
                .collect();
            let list = list.join(", ");
            match lang {
                Lang::En => format!(
                    "the records of one file (SHA-256 {sha256}…) disagree: {list}; runs with \
                     other options (--trust, --crl, --at) judge differently: none of these \
                     records is used; verify the file again"
                ),
                Lang::It => format!(
                    "i record di uno stesso file (SHA-256 {sha256}…) non concordano: {list}; \
                     esecuzioni con altre opzioni (--trust, --crl, --at) giudicano diversamente: \
                     nessuno di questi record è usato; verificare di nuovo il file"
                ),
            }
        }
    }
}

/// Why a line is not a record, in `lang`.
fn line_fault(lang: Lang, fault: &crate::error::LineFault) -> String {
    use crate::error::LineFault as L;
    match (lang, fault) {
        (Lang::En, L::NotJson) => "not JSON".into(),
        (Lang::It, L::NotJson) => "non è JSON".into(),
        (Lang::En, L::JsonDocument) => "a JSON document, not JSON Lines".into(),
        (Lang::It, L::JsonDocument) => "un documento JSON, non JSON Lines".into(),
        (Lang::En, L::NotALine) => "JSON, but not a line of peckit verify --format jsonl".into(),
        (Lang::It, L::NotALine) => "JSON, ma non una riga di peckit verify --format jsonl".into(),
        (Lang::En, L::MissingField(f)) => format!("the field {f} is missing"),
        (Lang::It, L::MissingField(f)) => format!("manca il campo {f}"),
        (Lang::En, L::Other(w)) => w.clone(),
        (Lang::It, L::Other(w)) => format!("forma non riconosciuta (dice il lettore JSON: {w})"),
    }
}

/// A verdict's stable name (`valid`, `invalid`, `error`) as a person reads it.
fn verdict_word(lang: Lang, name: &str) -> &'static str {
    use crate::problem::Verdict;
    let verdict = match name {
        "valid" => Verdict::Valid,
        "invalid" => Verdict::Invalid,
        _ => Verdict::Error,
    };
    super::verdict_text(lang, verdict)
}

/// What peckit was loading when a file named by a flag failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupStep {
    /// `--trust`.
    TrustAnchors,
    /// `--trusted-list-signer`.
    TrustedListSigner,
    /// `--trusted-list`.
    TrustedList,
    /// `--crl`.
    Crls,
}

/// A flag's file that cannot be used: what was being loaded, from where, and why.
pub fn setup_failure(lang: Lang, step: SetupStep, path: &str, why: &str) -> String {
    use SetupStep as S;
    let what = match (lang, step) {
        (Lang::En, S::TrustAnchors) => "loading trust anchors from",
        (Lang::It, S::TrustAnchors) => "impossibile caricare le autorità fidate da",
        (Lang::En, S::TrustedListSigner) => "loading the trusted list signer from",
        (Lang::It, S::TrustedListSigner) => {
            "impossibile caricare il firmatario dell'elenco di fiducia da"
        }
        (Lang::En, S::TrustedList) => "reading the trusted list",
        (Lang::It, S::TrustedList) => "elenco di fiducia non utilizzabile",
        (Lang::En, S::Crls) => "loading CRLs from",
        (Lang::It, S::Crls) => "impossibile caricare le CRL da",
    };
    format!("{what} {path}: {why}")
}

/// A folder or file that holds no certificate, for `--trust` and `--trusted-list-signer`.
pub fn no_certificate(lang: Lang) -> String {
    match lang {
        Lang::En => "no certificate found (expected PEM or DER)".into(),
        Lang::It => "nessun certificato trovato (atteso PEM o DER)".into(),
    }
}

/// A folder named by `--trust` that holds no certificate file.
pub fn no_certificate_in_folder(lang: Lang) -> String {
    match lang {
        Lang::En => "no certificate file in this folder (.pem, .crt, .cer or .der; sub-folders are not searched)".into(),
        Lang::It => "nessun file di certificato nella cartella (.pem, .crt, .cer o .der; le sottocartelle non sono esaminate)".into(),
    }
}

/// A file named by `--crl` that holds no CRL.
pub fn no_crl(lang: Lang) -> String {
    match lang {
        Lang::En => "no CRL in it (DER, or PEM X509 CRL)".into(),
        Lang::It => "nessuna CRL nel file (DER, o PEM X509 CRL)".into(),
    }
}

/// A folder named by `--crl` that holds no CRL file.
pub fn no_crl_in_folder(lang: Lang) -> String {
    match lang {
        Lang::En => "no CRL found (.crl, .pem or .der)".into(),
        Lang::It => "nessuna CRL trovata (.crl, .pem o .der)".into(),
    }
}

/// A file that is not a CRL (the reader's words, which are English).
pub fn not_a_crl(lang: Lang, why: &str) -> String {
    match lang {
        Lang::En => format!("not a CRL ({why})"),
        Lang::It => format!("non è una CRL ({why})"),
    }
}

/// A certificate that cannot be read (the reader's words, which are English).
pub fn bad_certificate(lang: Lang, why: &str) -> String {
    match lang {
        Lang::En => why.to_string(),
        Lang::It => format!("certificato illeggibile ({why})"),
    }
}

/// A `--trusted-list` file that is not a trusted list: the XML fault, or (`None`) another root.
pub fn not_a_trusted_list(lang: Lang, fault: Option<&crate::finding::XmlFault>) -> String {
    let why = match (lang, fault) {
        (_, Some(fault)) => super::rem::xml_fault_text(lang, fault),
        (Lang::En, None) => "the root is not TrustServiceStatusList".into(),
        (Lang::It, None) => "la radice non è TrustServiceStatusList".into(),
    };
    match lang {
        Lang::En => format!("not an ETSI TS 119 612 trusted list ({why})"),
        Lang::It => format!("non è un elenco di fiducia ETSI TS 119 612 ({why})"),
    }
}

/// A trusted list whose signature does not hold, with what the check found.
pub fn trusted_list_signature(lang: Lang, finding: &crate::finding::Finding) -> String {
    match lang {
        Lang::En => format!("its signature does not verify: {}", finding.text(lang)),
        Lang::It => format!("la sua firma non si verifica: {}", finding.text(lang)),
    }
}

/// A trusted list signed by another certificate than `--trusted-list-signer`.
pub fn trusted_list_other_signer(lang: Lang, signer: &str) -> String {
    match lang {
        Lang::En => format!("signed by {signer}, not by the --trusted-list-signer certificate"),
        Lang::It => {
            format!("firmata da {signer}, non dal certificato di --trusted-list-signer")
        }
    }
}
