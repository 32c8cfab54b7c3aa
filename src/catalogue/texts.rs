//! Words of the printed pages and tables, keyed by typed ids: the evidence summary and its
//! table, in Italian and English. A new id does not compile until both languages say it.

use super::Lang;
pub use super::sentences::{
    RevocationFacts, RevocationWord, accreditation, accredited_short, anomaly_extraction,
    archive_damaged, archive_line, archive_open_failed, archive_skipped, archive_summary,
    archive_write_failed, evidence_failures, evidence_summary, imap_insecure_warning,
    interrupted_records, limit_hint, not_a_date, not_a_time, nothing_to_extract,
    options_not_for_records, options_without_mail, outside_signature_extraction, recorded_in,
    recorded_verdicts, revocation, rewrapped_extraction, unfinished_run, unverified_extraction,
};
pub use super::usage::{
    bad_glob, originals_not_a_folder, reading_files_from, stdout_needs_only_original,
    stdout_takes_one_input,
};

mod ids;
pub use ids::Text;

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
        (Lang::En, Text::NoReceiptYet) => "no receipt among the files",
        (Lang::It, Text::NoReceiptYet) => "nessuna ricevuta tra i file esaminati",
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
        (Lang::En, Text::PecRemEvidenceSummary) => "PEC and REM evidence summary",
        (Lang::It, Text::PecRemEvidenceSummary) => "Riepilogo probatorio PEC e REM",
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
            "a message is sent when the sender's provider accepts it; the time of the acceptance receipt counts (DPR 68/2005, artt. 3 and 6)."
        }
        (Lang::It, Text::LegendSentText) => {
            "il messaggio si intende spedito quando il gestore del mittente lo accetta; fa fede l'orario della ricevuta di accettazione (DPR 68/2005, artt. 3 e 6)."
        }
        (Lang::En, Text::LegendDelivered) => "Delivered",
        (Lang::It, Text::LegendDelivered) => "Consegnato",
        (Lang::En, Text::LegendDeliveredText) => {
            "a message is delivered when it is made available in the recipient's box, read or not; the time of the delivery receipt counts, one per recipient (DPR 68/2005, artt. 3 and 6)."
        }
        (Lang::It, Text::LegendDeliveredText) => {
            "il messaggio si intende consegnato quando è reso disponibile nella casella del destinatario, anche se non letto; fa fede l'orario della ricevuta di avvenuta consegna, una per destinatario (DPR 68/2005, artt. 3 e 6)."
        }
        (Lang::En, Text::LegendOpposable) => {
            "Times of transmission and receipt are opposable to third parties (CAD art. 48). Only VALID files are used as proof. Times are given in UTC and in Italian time (Europe/Rome)."
        }
        (Lang::It, Text::LegendOpposable) => {
            "Data e ora di trasmissione e ricezione sono opponibili ai terzi (CAD, art. 48). Solo i file VALIDI sono usati come prova. Gli orari sono indicati in UTC e in ora italiana (Europe/Rome)."
        }
        (Lang::En, Text::LegendRem) => "REM (European registered e-mail)",
        (Lang::It, Text::LegendRem) => "REM (posta elettronica registrata europea)",
        (Lang::En, Text::LegendRemText) => {
            "the provider's ETSI EN 319 522 evidence plays the receipt's part: SubmissionAcceptance attests the sending, ContentConsignment the delivery to each recipient. Its weight depends on the service: the data of any electronic registered delivery service may not be denied legal effect or admissibility as evidence solely because they are electronic or the service is not qualified (eIDAS, art. 43(1)); only for a qualified one (granted in an EU trusted list at the time) does the law presume the integrity of the data sent and received, its sending by the identified sender, its receipt by the identified addressee and the accuracy of the times stated (art. 43(2)). This summary says the service is qualified only when its anchor is a trusted list's granted service; an authority given with --trust is not shown to be one. Only VALID files are used as proof; times are given in UTC and in Italian time (Europe/Rome)."
        }
        (Lang::It, Text::LegendRemText) => {
            "l'evidenza ETSI EN 319 522 del gestore fa le veci della ricevuta: SubmissionAcceptance attesta la spedizione, ContentConsignment la consegna a ciascun destinatario. Il suo peso dipende dal servizio: ai dati di qualunque servizio elettronico di recapito certificato non possono essere negati gli effetti giuridici e l'ammissibilità come prova solo per la loro forma elettronica o perché il servizio non è qualificato (eIDAS, art. 43, par. 1); solo per un servizio qualificato (concesso in un elenco di fiducia UE a quella data) la legge presume l'integrità dei dati inviati e ricevuti, il loro invio da parte del mittente identificato, la ricezione da parte del destinatario identificato e l'esattezza di data e ora indicate (art. 43, par. 2). Questo riepilogo indica il servizio come qualificato solo se l'ancora di fiducia è un servizio concesso di un elenco di fiducia; un'autorità indicata con --trust non lo dimostra. Solo i file VALIDI sono usati come prova; gli orari sono indicati in UTC e in ora italiana (Europe/Rome)."
        }
        (Lang::En, Text::TrustHint) => {
            "hint: if you trust the issuing authority, add it with --trust FILE (see `peckit trust list`)"
        }
        (Lang::It, Text::TrustHint) => {
            "suggerimento: se l'autorità emittente è fidata, aggiungerla con --trust FILE (vedi `peckit trust list`)"
        }
        (Lang::En, Text::ForceHint) => "hint: --force overwrites existing files",
        (Lang::It, Text::ForceHint) => "suggerimento: --force sovrascrive i file esistenti",
        (Lang::En, Text::SignedPart) => "signed",
        (Lang::It, Text::SignedPart) => "firmato",
        (Lang::En, Text::Files) => "files",
        (Lang::It, Text::Files) => "file",
        (Lang::En, Text::TimeLeft) => "ETA",
        (Lang::It, Text::TimeLeft) => "fine tra",
        (Lang::En, Text::UnmatchedFiles) => "Files that belong to no message",
        (Lang::It, Text::UnmatchedFiles) => "File non attribuiti a un messaggio",
        (Lang::En, Text::WhyNoMessage) => "Why",
        (Lang::It, Text::WhyNoMessage) => "Perché",
        (Lang::En, Text::WhyNoMessageText) => {
            "These files carry no identifier that ties them to a message (no readable signed daticert.xml, not PEC, or unreadable), or what they state is not certified (their signature failed or is not trusted) and no file proves the message they name: nothing in them is used as proof."
        }
        (Lang::It, Text::WhyNoMessageText) => {
            "Questi file non recano un identificativo che li leghi a un messaggio (nessun daticert.xml firmato leggibile, non PEC, o illeggibili), oppure ciò che dichiarano non è certificato (la firma non è valida o non è fidata) e nessun file prova il messaggio che nominano: nulla in essi è usato come prova."
        }
        (Lang::En, Text::Provenance) => "About this summary",
        (Lang::It, Text::Provenance) => "Provenienza del riepilogo",
        (Lang::En, Text::GeneratedAt) => "Generated",
        (Lang::It, Text::GeneratedAt) => "Generato il",
        (Lang::En, Text::GeneratedBy) => "Generated by",
        (Lang::It, Text::GeneratedBy) => "Generato da",
        (Lang::En, Text::Signatures) => "Signatures and trusted authorities",
        (Lang::It, Text::Signatures) => "Firme e autorità fidate",
        (Lang::En, Text::SignerCertificate) => "Signer certificate",
        (Lang::It, Text::SignerCertificate) => "Certificato del firmatario",
        (Lang::En, Text::TrustedAuthority) => "Trusted authority",
        (Lang::It, Text::TrustedAuthority) => "Autorità fidata",
        (Lang::En, Text::JudgedAt) => "Certificates judged at",
        (Lang::It, Text::JudgedAt) => "Certificati valutati al",
        (Lang::En, Text::Issuer) => "issuer",
        (Lang::It, Text::Issuer) => "emittente",
        (Lang::En, Text::Serial) => "serial",
        (Lang::It, Text::Serial) => "numero di serie",
        (Lang::En, Text::NoneFound) => "none accepted (see the findings)",
        (Lang::It, Text::NoneFound) => "nessuna accettata (vedi i rilievi)",
        (Lang::En, Text::BuiltIn) => "built in",
        (Lang::It, Text::BuiltIn) => "incorporata",
        (Lang::En, Text::IncompleteSummary) => "INCOMPLETE SUMMARY",
        (Lang::It, Text::IncompleteSummary) => "RIEPILOGO INCOMPLETO",
        (Lang::En, Text::IncompleteSummaryText) => {
            "The run was interrupted (Ctrl-C or SIGTERM) before every file was read: the files not read \
             are not in this summary, and what it says of a message may lack their receipts."
        }
        (Lang::It, Text::IncompleteSummaryText) => {
            "L'esecuzione è stata interrotta (Ctrl-C o SIGTERM) prima di leggere tutti i file: quelli non \
             letti non compaiono in questo riepilogo, e quanto dice di un messaggio può mancare \
             delle loro ricevute."
        }
        (Lang::En, Text::RemEvidenceHeading) => "REM evidence (ETSI EN 319 522)",
        (Lang::It, Text::RemEvidenceHeading) => "Evidenza REM (ETSI EN 319 522)",
        (Lang::En, Text::RemEvent) => "Event",
        (Lang::It, Text::RemEvent) => "Evento",
        (Lang::En, Text::RemReason) => "Reason",
        (Lang::It, Text::RemReason) => "Motivo",
        (Lang::En, Text::RemEventTime) => "Event time",
        (Lang::It, Text::RemEventTime) => "Ora dell'evento",
        (Lang::En, Text::RemSubmissionTime) => "Submitted",
        (Lang::It, Text::RemSubmissionTime) => "Spedito",
        (Lang::En, Text::RemIssuer) => "Issuer it states (not verified)",
        (Lang::It, Text::RemIssuer) => "Emittente dichiarato (non verificato)",
        (Lang::En, Text::RemNotVerified) => "stated, NOT verified",
        (Lang::It, Text::RemNotVerified) => "dichiarata, NON verificata",
        (Lang::En, Text::RemTimeStamp) => "Time-stamp",
        (Lang::It, Text::RemTimeStamp) => "Marca temporale",
        (Lang::En, Text::RemTimeStampUntrusted) => {
            "its authority is not accepted (not trusted, or revoked: see the findings): the time \
             proves nothing"
        }
        (Lang::It, Text::RemTimeStampUntrusted) => {
            "autorità non accettata (non fidata, o con il certificato revocato: vedi i rilievi): \
             l'orario non prova nulla"
        }
        (Lang::En, Text::RemXades) => "Evidence signature (XAdES)",
        (Lang::It, Text::RemXades) => "Firma dell'evidenza (XAdES)",
        (Lang::En, Text::RecordedVerdicts) => "VERDICTS NOT RE-VERIFIED",
        (Lang::It, Text::RecordedVerdicts) => "ESITI NON RIVERIFICATI",
        (Lang::En, Text::RecordedVerdictsBy) => "Verdicts recorded by (not re-verified)",
        (Lang::It, Text::RecordedVerdictsBy) => "Esiti registrati da (non riverificati)",
        (Lang::En, Text::InterruptedList) => "interrupted: the list is incomplete",
        (Lang::It, Text::InterruptedList) => "interrotto: l'elenco è incompleto",
        (Lang::En, Text::RevocationAtReference) => "Revocation",
        (Lang::It, Text::RevocationAtReference) => "Revoca",
        (Lang::En, Text::SignerRevocation) => "Revocation of the signer's certificate",
        (Lang::It, Text::SignerRevocation) => "Revoca del certificato del firmatario",
        (Lang::En, Text::CrlsConsulted) => "CRLs given or downloaded",
        (Lang::It, Text::CrlsConsulted) => "CRL fornite o scaricate",
        (Lang::En, Text::RevocationNotChecked) => {
            "none: revocation was not checked (see --crl, --fetch-crl)"
        }
        (Lang::It, Text::RevocationNotChecked) => {
            "nessuna: la revoca dei certificati non è stata verificata (vedi --crl, --fetch-crl)"
        }
        (Lang::En, Text::NoRegister) => {
            "The trusted authority's certificate carries no name constraints: it does not say \
             which providers it admits"
        }
        (Lang::It, Text::NoRegister) => {
            "Il certificato dell'autorità fidata non contiene vincoli sui nomi: da esso non \
             risulta quali gestori ammetta"
        }
        (Lang::En, Text::SignatureUnreadable) => "no signature read",
        (Lang::It, Text::SignatureUnreadable) => "nessuna firma letta",
        (Lang::En, Text::AtSigningTime) => "that is, the signing time",
        (Lang::It, Text::AtSigningTime) => "cioè l'ora della firma",
        (Lang::En, Text::AtCertifiedTime) => "that is, the certified time (no signing time)",
        (Lang::It, Text::AtCertifiedTime) => "cioè la data certificata (ora della firma assente)",
        (Lang::En, Text::AtTimeStamp) => "that is, the time of the evidence's trusted time-stamp",
        (Lang::It, Text::AtTimeStamp) => "cioè l'ora della marca temporale fidata dell'evidenza",
        (Lang::En, Text::AtRequestedTime) => "that is, the instant asked for (--at)",
        (Lang::It, Text::AtRequestedTime) => "cioè l'istante richiesto (--at)",
        (Lang::En, Text::AtCurrentTime) => {
            "that is, the current time (no signing or certified time)"
        }
        (Lang::It, Text::AtCurrentTime) => {
            "cioè l'ora attuale (né ora della firma né data certificata)"
        }
        (Lang::En, Text::NotJudged) => "not judged",
        (Lang::It, Text::NotJudged) => "non valutati",
        (Lang::En, Text::AlsoAt) => "also at",
        (Lang::It, Text::AlsoAt) => "e al",
        (Lang::En, Text::TheSigningTime) => "the signing time",
        (Lang::It, Text::TheSigningTime) => "l'ora della firma",
        (Lang::En, Text::TheCertifiedTime) => "the certified time",
        (Lang::It, Text::TheCertifiedTime) => "la data certificata",
        (Lang::En, Text::KeptOriginals) => "Kept originals checked against the breve receipt",
        (Lang::It, Text::KeptOriginals) => "Originali conservati confrontati con la ricevuta breve",
        (Lang::En, Text::Attachment) => "Attachment",
        (Lang::It, Text::Attachment) => "Allegato",
        (Lang::En, Text::OriginalMatches) => "matches",
        (Lang::It, Text::OriginalMatches) => "corrisponde",
        (Lang::En, Text::OriginalDiffers) => "DIFFERENT from the certified digest",
        (Lang::It, Text::OriginalDiffers) => "DIVERSO dall'impronta certificata",
        (Lang::En, Text::OriginalMissing) => "MISSING",
        (Lang::It, Text::OriginalMissing) => "MANCANTE",
        (Lang::En, Text::EnvelopeIssued) => "Transport envelope issued",
        (Lang::It, Text::EnvelopeIssued) => "Busta di trasporto emessa",
        // The list holds information too (line ends normalised, a certificate expired since):
        // "findings", not "problems" (review 16).
        (Lang::En, Text::Problems) => "Findings",
        (Lang::It, Text::Problems) => "Rilievi",
        (Lang::En, Text::SeverityError) => "error",
        (Lang::It, Text::SeverityError) => "errore",
        (Lang::En, Text::SeverityWarning) => "warning",
        (Lang::It, Text::SeverityWarning) => "avviso",
        (Lang::En, Text::SeverityInfo) => "information",
        (Lang::It, Text::SeverityInfo) => "informazione",
        (Lang::En, Text::Signature) => "Signature",
        (Lang::It, Text::Signature) => "Firma",
        (Lang::En, Text::SignatureOutcome) => "Signature check",
        (Lang::It, Text::SignatureOutcome) => "Verifica della firma",
        (Lang::En, Text::Verifies) => "valid over the signed bytes",
        (Lang::It, Text::Verifies) => "valida sui byte firmati",
        (Lang::En, Text::DoesNotVerify) => "NOT valid",
        (Lang::It, Text::DoesNotVerify) => "NON valida",
        (Lang::En, Text::VerifiesNotAccepted) => {
            "valid over the signed bytes, but NOT accepted (see the findings)"
        }
        (Lang::It, Text::VerifiesNotAccepted) => {
            "valida sui byte firmati, ma NON accettata (vedi i rilievi)"
        }
        (Lang::En, Text::RemSignedNotThisMessage) => {
            "its signature is valid, but it does not hold for this message (see the findings)"
        }
        (Lang::It, Text::RemSignedNotThisMessage) => {
            "la sua firma è valida, ma non vale per questo messaggio (vedi i rilievi)"
        }
        (Lang::En, Text::EvidenceWords) => "“{}” (the evidence's words)",
        (Lang::It, Text::EvidenceWords) => "«{}» (testo dell'evidenza)",
        (Lang::En, Text::Meaning) => "Meaning",
        (Lang::It, Text::Meaning) => "Significato",
        (Lang::En, Text::NotSentRefused) => {
            "NOT sent: the sender's provider refused it (non-acceptance notice)"
        }
        (Lang::It, Text::NotSentRefused) => {
            "NON spedito: il gestore del mittente non l'ha accettato (avviso di non accettazione)"
        }
        (Lang::En, Text::NotAcceptedNotice) => "Not accepted (non-acceptance notice)",
        (Lang::It, Text::NotAcceptedNotice) => "Non accettato (avviso di non accettazione)",
        (Lang::En, Text::SentContradicted) => "CONTRADICTED",
        (Lang::It, Text::SentContradicted) => "CONTRADDETTO",
        (Lang::En, Text::NonAcceptanceExistsToo) => {
            "a verified non-acceptance notice for this message exists too"
        }
        (Lang::It, Text::NonAcceptanceExistsToo) => {
            "esiste anche un avviso di non accettazione verificato per questo messaggio"
        }
        (Lang::En, Text::ProofFileHasWarnings) => {
            "this file has warnings: see \u{201c}Verification of the files\u{201d}"
        }
        (Lang::It, Text::ProofFileHasWarnings) => {
            "questo file ha avvisi: vedere \u{ab}Verifica dei file\u{bb}"
        }
        (Lang::En, Text::ArtefactsCounted) => "Artefacts",
        (Lang::It, Text::ArtefactsCounted) => "Elementi",
        (Lang::En, Text::QualifiedRemService) => "qualified electronic registered delivery service",
        (Lang::It, Text::QualifiedRemService) => {
            "servizio qualificato di recapito elettronico certificato"
        }
        (Lang::En, Text::QualifiedDeliveryService) => "qualified electronic delivery service",
        (Lang::It, Text::QualifiedDeliveryService) => {
            "servizio qualificato di recapito elettronico"
        }
        (Lang::En, Text::QualifiedTimeStampService) => "qualified time-stamping service",
        (Lang::It, Text::QualifiedTimeStampService) => {
            "servizio qualificato di marcatura temporale"
        }
        (Lang::En, Text::GrantedPeriods) => "granted (qualified status)",
        (Lang::It, Text::GrantedPeriods) => "qualifica concessa",
        (Lang::En, Text::StatedSigner) => "Signer stated (signature NOT verified)",
        (Lang::It, Text::StatedSigner) => "Firmatario dichiarato (firma NON verificata)",
        (Lang::En, Text::StatedSigningTime) => "Signing time stated (not verified)",
        (Lang::It, Text::StatedSigningTime) => "Ora della firma dichiarata (non verificata)",
        (Lang::En, Text::UnderUnverifiedSignature) => "under a signature NOT verified",
        (Lang::It, Text::UnderUnverifiedSignature) => "sotto una firma NON verificata",
        (Lang::En, Text::NoName) => "(no name)",
        (Lang::It, Text::NoName) => "(senza nome)",
        (Lang::En, Text::WentOutAnyway) => {
            "yet a verified file shows that the message went out (acceptance, transport envelope, or a receipt or notice of its delivery)"
        }
        (Lang::It, Text::WentOutAnyway) => {
            "eppure un file verificato mostra che il messaggio è partito (accettazione, busta di \
             trasporto, o una ricevuta o un avviso sulla sua consegna)"
        }
        (Lang::En, Text::Reason) => "reason",
        (Lang::It, Text::Reason) => "motivo",
        (Lang::En, Text::DeliveredContradicted) => "delivered, but CONTRADICTED",
        (Lang::It, Text::DeliveredContradicted) => "consegnato, ma CONTRADDETTO",
        (Lang::En, Text::SignatureAbsent) => "absent",
        (Lang::It, Text::SignatureAbsent) => "assente",
        (Lang::En, Text::Algorithms) => "Algorithms",
        (Lang::It, Text::Algorithms) => "Algoritmi",
        (Lang::En, Text::CertifiedData) => {
            "Certified data (signed daticert.xml, signature verified)"
        }
        (Lang::It, Text::CertifiedData) => {
            "Dati certificati (daticert.xml firmato, firma verificata)"
        }
        (Lang::En, Text::SignerCertificateNames) => "{} (the signer's certificate names {})",
        (Lang::It, Text::SignerCertificateNames) => "{} (il certificato del firmatario indica {})",
        (Lang::En, Text::StatedNotVerified) => "Stated in daticert.xml, NOT verified",
        (Lang::It, Text::StatedNotVerified) => "Dichiarato in daticert.xml, NON verificato",
        (Lang::En, Text::Unverified) => "(not verified)",
        (Lang::It, Text::Unverified) => "(non verificata)",
        (Lang::En, Text::InvalidSignedPartUsed) => {
            "INVALID — the file was altered; its intact signed entity is used as proof (--accept-rewrapped)"
        }
        (Lang::It, Text::InvalidSignedPartUsed) => {
            "NON VALIDO — file alterato; la sua parte firmata, integra, è usata come prova (--accept-rewrapped)"
        }
        (Lang::En, Text::FactsFromAlteredFiles) => "Facts taken from altered files",
        (Lang::It, Text::FactsFromAlteredFiles) => "Dati tratti da file alterati",
        (Lang::En, Text::FactsFromAlteredFilesNote) => {
            "their signed entity is intact and authentic; the file around it was altered"
        }
        (Lang::It, Text::FactsFromAlteredFilesNote) => {
            "la parte firmata è integra e autentica; il file che la contiene è stato alterato"
        }
    }
}
