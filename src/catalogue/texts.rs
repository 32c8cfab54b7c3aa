//! Words of the printed pages and tables, keyed by typed ids: the evidence summary and its
//! table, in Italian and English. A new id does not compile until both languages say it.

use super::Lang;

/// A word or phrase of the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// "delivered".
    Delivered,
    /// "NOT delivered".
    NotDelivered,
    /// "non-delivery warning".
    NonDeliveryWarning,
    /// "taken in charge, delivery not attested".
    TakenInChargeDeliveryNotAttested,
    /// "no receipt yet".
    NoReceiptYet,
    /// "non-PEC address: no receipt by design".
    NonPecAddressNoReceiptByDesign,
    /// "Italian time".
    ItalianTime,
    /// "signed".
    SignedAt,
    /// "provider".
    Provider,
    /// "receipt".
    Receipt,
    /// "error".
    Error,
    /// "PEC evidence summary".
    PecEvidenceSummary,
    /// "en".
    LangTag,
    /// "No PEC message found.".
    NoPecMessageFound,
    /// "Verification of the files".
    VerificationOfTheFiles,
    /// "File".
    File,
    /// "Kind".
    Kind,
    /// "Verdict".
    Verdict,
    /// "Message".
    Message,
    /// "Recipients".
    Recipients,
    /// "Recipient".
    Recipient,
    /// "Outcome".
    Outcome,
    /// "Details".
    Details,
    /// "Attachments of the original".
    AttachmentsOfTheOriginal,
    /// "Name".
    Name,
    /// "Size".
    Size,
    /// "What the times mean in law".
    WhatTheTimesMeanInLaw,
    /// "Source files".
    SourceFiles,
    /// "VALID".
    ValidUpper,
    /// "INVALID — not used as proof".
    InvalidNotUsedAsProof,
    /// "ERROR".
    ErrorUpper,
    /// "NOT ACCEPTED".
    NotAccepted,
    /// "not attested by a verified receipt".
    NotAttestedByAVerifiedReceipt,
    /// "Subject".
    Subject,
    /// "Sender".
    Sender,
    /// "Sender's provider".
    SendersProvider,
    /// "Sent (acceptance)".
    SentAcceptance,
    /// "Identifier".
    Identifier,
    /// "NOT accepted".
    NotAcceptedLower,
    /// "Sending not attested by a verified receipt".
    SendingNotAttestedByAVerifiedReceipt,
    /// "When / details".
    WhenDetails,
    /// "Original".
    Original,
    /// "Not used as proof".
    NotUsedAsProof,
    /// "Not tied to a message".
    NotTiedToAMessage,
    /// "Count".
    Count,
    /// "Problem".
    Problem,
    /// "Slowest file".
    SlowestFile,
    /// "bytes".
    Bytes,
    /// "file".
    FileLower,
    /// "Sent".
    LegendSent,
    /// "a message is sent when the sender's provider accepts it; the".
    LegendSentText,
    /// "Delivered".
    LegendDelivered,
    /// "a message is delivered when it is made available in the reci".
    LegendDeliveredText,
    /// "Times of transmission and receipt are opposable to third par".
    LegendOpposable,
    /// "hint: if you trust the issuing authority, add it with --trus".
    TrustHint,
    /// "hint: --force overwrites existing files".
    ForceHint,
    /// "signed" (a MIME part inside the signature).
    SignedPart,
    /// "files" (the progress bar).
    Files,
    /// "ETA" (the progress bar).
    TimeLeft,
}

impl Text {
    /// Every id, for the test that checks both languages.
    pub const ALL: &'static [Text] = &[
        Text::Delivered,
        Text::NotDelivered,
        Text::NonDeliveryWarning,
        Text::TakenInChargeDeliveryNotAttested,
        Text::NoReceiptYet,
        Text::NonPecAddressNoReceiptByDesign,
        Text::ItalianTime,
        Text::SignedAt,
        Text::Provider,
        Text::Receipt,
        Text::Error,
        Text::PecEvidenceSummary,
        Text::LangTag,
        Text::NoPecMessageFound,
        Text::VerificationOfTheFiles,
        Text::File,
        Text::Kind,
        Text::Verdict,
        Text::Message,
        Text::Recipients,
        Text::Recipient,
        Text::Outcome,
        Text::Details,
        Text::AttachmentsOfTheOriginal,
        Text::Name,
        Text::Size,
        Text::WhatTheTimesMeanInLaw,
        Text::SourceFiles,
        Text::ValidUpper,
        Text::InvalidNotUsedAsProof,
        Text::ErrorUpper,
        Text::NotAccepted,
        Text::NotAttestedByAVerifiedReceipt,
        Text::Subject,
        Text::Sender,
        Text::SendersProvider,
        Text::SentAcceptance,
        Text::Identifier,
        Text::NotAcceptedLower,
        Text::SendingNotAttestedByAVerifiedReceipt,
        Text::WhenDetails,
        Text::Original,
        Text::NotUsedAsProof,
        Text::NotTiedToAMessage,
        Text::Count,
        Text::Problem,
        Text::SlowestFile,
        Text::Bytes,
        Text::FileLower,
        Text::LegendSent,
        Text::LegendSentText,
        Text::LegendDelivered,
        Text::LegendDeliveredText,
        Text::LegendOpposable,
        Text::TrustHint,
        Text::ForceHint,
        Text::SignedPart,
        Text::Files,
        Text::TimeLeft,
    ];
}

/// The text of an id in `lang`.
pub fn text(lang: Lang, id: Text) -> &'static str {
    match (lang, id) {
        (Lang::En, Text::Delivered) => "delivered",
        (Lang::It, Text::Delivered) => "consegnato",
        (Lang::En, Text::NotDelivered) => "NOT delivered",
        (Lang::It, Text::NotDelivered) => "NON consegnato",
        (Lang::En, Text::NonDeliveryWarning) => "non-delivery warning",
        (Lang::It, Text::NonDeliveryWarning) => "preavviso di mancata consegna",
        (Lang::En, Text::TakenInChargeDeliveryNotAttested) => {
            "taken in charge, delivery not attested"
        }
        (Lang::It, Text::TakenInChargeDeliveryNotAttested) => {
            "preso in carico, consegna non attestata"
        }
        (Lang::En, Text::NoReceiptYet) => "no receipt yet",
        (Lang::It, Text::NoReceiptYet) => "nessuna ricevuta",
        (Lang::En, Text::NonPecAddressNoReceiptByDesign) => "non-PEC address: no receipt by design",
        (Lang::It, Text::NonPecAddressNoReceiptByDesign) => {
            "indirizzo non PEC: nessuna ricevuta prevista"
        }
        (Lang::En, Text::ItalianTime) => "Italian time",
        (Lang::It, Text::ItalianTime) => "ora italiana",
        (Lang::En, Text::SignedAt) => "signed",
        (Lang::It, Text::SignedAt) => "firma",
        (Lang::En, Text::Provider) => "provider",
        (Lang::It, Text::Provider) => "gestore",
        (Lang::En, Text::Receipt) => "receipt",
        (Lang::It, Text::Receipt) => "ricevuta",
        (Lang::En, Text::Error) => "error",
        (Lang::It, Text::Error) => "errore",
        (Lang::En, Text::PecEvidenceSummary) => "PEC evidence summary",
        (Lang::It, Text::PecEvidenceSummary) => "Riepilogo probatorio PEC",
        (Lang::En, Text::LangTag) => "en",
        (Lang::It, Text::LangTag) => "it",
        (Lang::En, Text::NoPecMessageFound) => "No PEC message found.",
        (Lang::It, Text::NoPecMessageFound) => "Nessun messaggio PEC trovato.",
        (Lang::En, Text::VerificationOfTheFiles) => "Verification of the files",
        (Lang::It, Text::VerificationOfTheFiles) => "Verifica dei file",
        (Lang::En, Text::File) => "File",
        (Lang::It, Text::File) => "File",
        (Lang::En, Text::Kind) => "Kind",
        (Lang::It, Text::Kind) => "Tipo",
        (Lang::En, Text::Verdict) => "Verdict",
        (Lang::It, Text::Verdict) => "Esito",
        (Lang::En, Text::Message) => "Message",
        (Lang::It, Text::Message) => "Messaggio",
        (Lang::En, Text::Recipients) => "Recipients",
        (Lang::It, Text::Recipients) => "Destinatari",
        (Lang::En, Text::Recipient) => "Recipient",
        (Lang::It, Text::Recipient) => "Destinatario",
        (Lang::En, Text::Outcome) => "Outcome",
        (Lang::It, Text::Outcome) => "Esito",
        (Lang::En, Text::Details) => "Details",
        (Lang::It, Text::Details) => "Dettagli",
        (Lang::En, Text::AttachmentsOfTheOriginal) => "Attachments of the original",
        (Lang::It, Text::AttachmentsOfTheOriginal) => "Allegati del messaggio originale",
        (Lang::En, Text::Name) => "Name",
        (Lang::It, Text::Name) => "Nome",
        (Lang::En, Text::Size) => "Size",
        (Lang::It, Text::Size) => "Dimensione",
        (Lang::En, Text::WhatTheTimesMeanInLaw) => "What the times mean in law",
        (Lang::It, Text::WhatTheTimesMeanInLaw) => "Valore legale degli orari",
        (Lang::En, Text::SourceFiles) => "Source files",
        (Lang::It, Text::SourceFiles) => "File di origine",
        (Lang::En, Text::ValidUpper) => "VALID",
        (Lang::It, Text::ValidUpper) => "VALIDO",
        (Lang::En, Text::InvalidNotUsedAsProof) => "INVALID — not used as proof",
        (Lang::It, Text::InvalidNotUsedAsProof) => "NON VALIDO — non usato come prova",
        (Lang::En, Text::ErrorUpper) => "ERROR",
        (Lang::It, Text::ErrorUpper) => "ERRORE",
        (Lang::En, Text::NotAccepted) => "NOT ACCEPTED",
        (Lang::It, Text::NotAccepted) => "NON ACCETTATO",
        (Lang::En, Text::NotAttestedByAVerifiedReceipt) => "not attested by a verified receipt",
        (Lang::It, Text::NotAttestedByAVerifiedReceipt) => {
            "non attestato da una ricevuta verificata"
        }
        (Lang::En, Text::Subject) => "Subject",
        (Lang::It, Text::Subject) => "Oggetto",
        (Lang::En, Text::Sender) => "Sender",
        (Lang::It, Text::Sender) => "Mittente",
        (Lang::En, Text::SendersProvider) => "Sender's provider",
        (Lang::It, Text::SendersProvider) => "Gestore del mittente",
        (Lang::En, Text::SentAcceptance) => "Sent (acceptance)",
        (Lang::It, Text::SentAcceptance) => "Spedito (accettazione)",
        (Lang::En, Text::Identifier) => "Identifier",
        (Lang::It, Text::Identifier) => "Identificativo",
        (Lang::En, Text::NotAcceptedLower) => "NOT accepted",
        (Lang::It, Text::NotAcceptedLower) => "NON accettato",
        (Lang::En, Text::SendingNotAttestedByAVerifiedReceipt) => {
            "Sending not attested by a verified receipt"
        }
        (Lang::It, Text::SendingNotAttestedByAVerifiedReceipt) => {
            "Spedizione non attestata da una ricevuta verificata"
        }
        (Lang::En, Text::WhenDetails) => "When / details",
        (Lang::It, Text::WhenDetails) => "Quando / dettagli",
        (Lang::En, Text::Original) => "Original",
        (Lang::It, Text::Original) => "Originale",
        (Lang::En, Text::NotUsedAsProof) => "Not used as proof",
        (Lang::It, Text::NotUsedAsProof) => "Non usato come prova",
        (Lang::En, Text::NotTiedToAMessage) => "Not tied to a message",
        (Lang::It, Text::NotTiedToAMessage) => "Non attribuito a un messaggio",
        (Lang::En, Text::Count) => "Count",
        (Lang::It, Text::Count) => "Numero",
        (Lang::En, Text::Problem) => "Problem",
        (Lang::It, Text::Problem) => "Problema",
        (Lang::En, Text::SlowestFile) => "Slowest file",
        (Lang::It, Text::SlowestFile) => "File più lento",
        (Lang::En, Text::Bytes) => "bytes",
        (Lang::It, Text::Bytes) => "byte",
        (Lang::En, Text::FileLower) => "file",
        (Lang::It, Text::FileLower) => "file",
        (Lang::En, Text::LegendSent) => "Sent",
        (Lang::It, Text::LegendSent) => "Spedito",
        (Lang::En, Text::LegendSentText) => {
            "a message is sent when the sender's provider accepts it; the time of the acceptance receipt counts (DPR 68/2005 art. 3)."
        }
        (Lang::It, Text::LegendSentText) => {
            "il messaggio si intende spedito quando il gestore del mittente lo accetta; fa fede l'orario della ricevuta di accettazione (DPR 68/2005, art. 3)."
        }
        (Lang::En, Text::LegendDelivered) => "Delivered",
        (Lang::It, Text::LegendDelivered) => "Consegnato",
        (Lang::En, Text::LegendDeliveredText) => {
            "a message is delivered when it is made available in the recipient's box, read or not; the time of the delivery receipt counts, one per recipient (DPR 68/2005 art. 3)."
        }
        (Lang::It, Text::LegendDeliveredText) => {
            "il messaggio si intende consegnato quando è reso disponibile nella casella del destinatario, anche se non letto; fa fede l'orario della ricevuta di avvenuta consegna, una per destinatario (DPR 68/2005, art. 3)."
        }
        (Lang::En, Text::LegendOpposable) => {
            "Times of transmission and receipt are opposable to third parties (CAD art. 48). Only VALID files are used as proof. Times are given in UTC and in Italian time (Europe/Rome)."
        }
        (Lang::It, Text::LegendOpposable) => {
            "Data e ora di trasmissione e ricezione sono opponibili ai terzi (CAD, art. 48). Solo i file VALIDI sono usati come prova. Gli orari sono indicati in UTC e in ora italiana (Europe/Rome)."
        }
        (Lang::En, Text::TrustHint) => {
            "hint: if you trust the issuing authority, add it with --trust FILE (see `peckit trust list`)"
        }
        (Lang::It, Text::TrustHint) => {
            "suggerimento: se l'autorità emittente è fidata, aggiungila con --trust FILE (vedi `peckit trust list`)"
        }
        (Lang::En, Text::ForceHint) => "hint: --force overwrites existing files",
        (Lang::It, Text::ForceHint) => "suggerimento: --force sovrascrive i file esistenti",
        (Lang::En, Text::SignedPart) => "signed",
        (Lang::It, Text::SignedPart) => "firmato",
        (Lang::En, Text::Files) => "files",
        (Lang::It, Text::Files) => "file",
        (Lang::En, Text::TimeLeft) => "ETA",
        (Lang::It, Text::TimeLeft) => "fine tra",
    }
}

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
