//! What the evidence says: messages, recipients' fates, the proofs they rest on, the files
//! and their signers.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::catalogue::notes::Note;
use crate::certify::assess::Verdict;
use crate::problem::Problem;
use crate::read::daticert::DatiCert;
use crate::read::hashfile::StatedDigest;

/// This build of peckit: its version and the commit it was built from.
pub const PECKIT: &str =
    concat!(env!("CARGO_PKG_VERSION"), " (commit ", env!("PECKIT_GIT_COMMIT"), ")");

/// What the evidence needs of one artefact, taken from it as it is read so the artefact
/// itself (its bytes, its MIME tree) can go at once: a few hundred bytes, whatever the file's
/// size (issue #17: memory grows with the number of messages, not with the bytes read). The
/// same facts come back from `verify --format jsonl` (see [`read_records`](super::read_records)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Where it came from.
    pub path: String,
    /// Its kind.
    pub kind: crate::read::Kind,
    /// For avvenuta-consegna: completa, breve or sintetica.
    pub receipt_type: Option<String>,
    /// Its verdict.
    pub verdict: Verdict,
    /// Its problems (without the nested artefacts' own).
    pub problems: Vec<Problem>,
    /// What the evidence reads of its daticert, when it has one (certified only when the
    /// verdict says so). Boxed: a list of a million sources holds pointers.
    pub daticert: Option<Box<Certified>>,
    /// The rest of what the evidence needs: what `verify` writes as `evidence`. Boxed, so
    /// that the list of sources holds a small record per file.
    pub facts: Box<Facts>,
    /// Set when the source was read from a JSONL record rather than verified now: the record
    /// (`FILE:LINE`) its verdict comes from.
    pub recorded_in: Option<String>,
    /// For a REM message or evidence, the ETSI event (its `kind` is then the PEC artefact the
    /// event corresponds to, so that PEC and REM form one timeline).
    pub rem_event: Option<Box<str>>,
}

impl Source {
    /// Invalid only because the file around an intact, chained signed entity was altered.
    pub fn rewrapped_but_intact(&self) -> bool {
        self.verdict == Verdict::Invalid && self.facts.intact_inside_altered
    }

    /// Whether what its daticert says is certified: it is valid, or intact inside an altered
    /// file, or invalid only for what lies beside its signed data.
    pub fn data_certified(&self) -> bool {
        self.verdict == Verdict::Valid
            || self.rewrapped_but_intact()
            || (self.verdict == Verdict::Invalid
                && crate::certify::assess::errors_leave_data_certified(&self.problems))
    }

    /// The kind as the evidence shows it: `rem (ContentConsignment)` for REM.
    pub fn kind_name(&self) -> String {
        match &self.rem_event {
            Some(event) => format!("rem ({event})"),
            None => self.kind.name().to_string(),
        }
    }
}

/// What the evidence reads of a daticert: the identifiers that group artefacts into
/// messages, the header of the message, and what each receipt says of its recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Certified {
    /// `dati/msgid`.
    pub msgid: Option<String>,
    /// `dati/identificativo`.
    pub identificativo: Option<String>,
    /// `intestazione/mittente`.
    pub mittente: Option<String>,
    /// `intestazione/oggetto`.
    pub oggetto: Option<String>,
    /// `dati/data`, when it parses.
    pub data: Option<CertifiedAt>,
    /// `intestazione/destinatari`.
    pub destinatari: Vec<crate::read::daticert::Destinatario>,
    /// `dati/consegna`.
    pub consegna: Option<String>,
    /// `dati/ricezione`.
    pub ricezione: Vec<String>,
    /// `postacert/@errore`.
    pub errore: String,
    /// `dati/errore-esteso`.
    pub errore_esteso: Option<String>,
    /// A REM failure that names no recipient concerns every recipient it lists (a relay to
    /// the recipients' provider failed for the message).
    pub concerns_every_recipient: bool,
}

/// A daticert's certified instant, with the offset it was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CertifiedAt {
    /// The instant.
    pub utc: jiff::Timestamp,
    /// The daticert `zona`, in seconds east of UTC.
    pub offset_seconds: i32,
}

impl Certified {
    /// What a REM evidence states, in the daticert's terms: the client's Message-ID as
    /// `msgid`, the provider's message identifier as `identificativo`, the event time as the
    /// certified time, the recipient a per-recipient event concerns as `consegna`, and a
    /// failure's reason as `errore` / `errore_esteso`.
    pub fn from_rem(e: &crate::read::rem::RemEvidence) -> Certified {
        let addresses: Vec<String> =
            e.recipients.iter().filter_map(|r| r.address.clone()).collect();
        let concerned = match (e.refers_to_recipient, addresses.as_slice()) {
            (Some(n), _) => n.checked_sub(1).and_then(|i| addresses.get(i)).cloned(),
            (None, [only]) => Some(only.clone()),
            _ => None,
        };
        let failed = matches!(
            e.event.as_deref(),
            Some("ContentConsignmentFailure" | "RelayFailure" | "RelayRejection")
        );
        Certified {
            msgid: e.app_message_id.clone(),
            identificativo: e.message_id.clone(),
            mittente: e.sender.as_ref().and_then(|s| s.address.clone()),
            oggetto: e.subject.clone(),
            data: e
                .event_time
                .as_deref()
                .and_then(|t| t.parse::<jiff::Timestamp>().ok())
                .map(|utc| CertifiedAt { utc, offset_seconds: 0 }),
            destinatari: addresses
                .iter()
                .map(|a| crate::read::daticert::Destinatario {
                    address: a.clone(),
                    tipo: "certificato".into(),
                })
                .collect(),
            consegna: concerned.clone(),
            // Relay acceptance concerns every recipient of the relayed message.
            ricezione: if e.event.as_deref() == Some("RelayAcceptance") {
                addresses.clone()
            } else {
                Vec::new()
            },
            errore: if failed { e.reason.clone().unwrap_or_default() } else { "nessuno".into() },
            errore_esteso: if failed { e.reason_text.clone() } else { None },
            concerns_every_recipient: failed && concerned.is_none(),
        }
    }
}

/// A REM evidence's place in the timeline: the PEC kind its event corresponds to (REM
/// otherwise), what it states in daticert terms, and its event.
pub(crate) fn rem_parts(
    e: &crate::read::rem::RemEvidence,
) -> (crate::read::Kind, Certified, Option<Box<str>>) {
    let kind = e
        .event
        .as_deref()
        .and_then(crate::read::rem::pec_equivalent)
        .map_or(crate::read::Kind::RemEvidence, crate::read::Kind::from_tipo);
    (kind, Certified::from_rem(e), e.event.as_deref().map(Box::from))
}

impl From<&DatiCert> for Certified {
    fn from(d: &DatiCert) -> Certified {
        Certified {
            msgid: d.msgid.clone(),
            identificativo: d.identificativo.clone(),
            mittente: d.mittente.clone(),
            oggetto: d.oggetto.clone(),
            data: d
                .data
                .as_ref()
                .map(|t| CertifiedAt { utc: t.utc, offset_seconds: t.offset_seconds }),
            destinatari: d.destinatari.clone(),
            consegna: d.consegna.clone(),
            ricezione: d.ricezione.clone(),
            errore: d.errore.clone(),
            errore_esteso: d.errore_esteso.clone(),
            concerns_every_recipient: false,
        }
    }
}

/// What the evidence needs of an artefact beyond its verdict and daticert: `verify` writes it
/// in JSON and JSONL as `evidence`, so that `peckit evidence` can be built from the records
/// without a second pass over the mail (issue #17, sharded archives).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    /// The peckit that verified the artefact: version and commit (shared).
    pub peckit: Arc<str>,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// The issuing provider: the signer certificate's organisation (or common name), else
    /// the daticert's gestore-emittente.
    pub provider: Option<String>,
    /// The CMS signing time, when the signature has one.
    pub signing_time: Option<jiff::Timestamp>,
    /// Who signed and how it was judged; shared between the sources one signer signed.
    pub signer: Option<Arc<SignerRecord>>,
    /// The verdict is invalid only because the file around an intact, chained signed entity
    /// was altered (a mailing list re-wrapped it): `--accept-rewrapped` may use it.
    pub intact_inside_altered: bool,
    /// The attachments of the original it carries (envelope, complete receipt).
    pub attachments: Vec<Attachment>,
    /// A brief receipt's stated digests, per attachment.
    pub stated_digests: Vec<StatedDigests>,
}

/// An attachment of the original an artefact carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// Name as carried.
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256, hex.
    pub sha256: String,
}

/// The digests a ricevuta breve states for one attachment (its hash file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatedDigests {
    /// The attachment the hash file stands for.
    pub attachment: String,
    /// The digests it states.
    pub digests: Vec<StatedDigest>,
}

/// A certified instant: UTC, the daticert's own offset, and Italian local time.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CertifiedInstant {
    /// RFC 3339 UTC.
    pub utc: String,
    /// RFC 3339 with the daticert `zona` offset.
    pub daticert: String,
    /// Europe/Rome local time, RFC 3339 with the offset in force then.
    pub rome: String,
    /// The CMS signing time, when it differs from the certified time.
    pub signing_time_utc: Option<String>,
}

impl CertifiedInstant {
    pub(super) fn from(
        d: &Certified,
        signing: Option<jiff::Timestamp>,
    ) -> Option<CertifiedInstant> {
        let t = d.data.as_ref()?;
        let local = crate::read::daticert::rfc3339_at(t.utc, t.offset_seconds);
        let rome = crate::italy::rome_rfc3339(t.utc);
        Some(CertifiedInstant {
            utc: t.utc.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
            daticert: local,
            rome,
            signing_time_utc: signing
                .filter(|s| s.as_second() != t.utc.as_second())
                .map(|s| s.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()),
        })
    }
}

/// A verified artefact a statement rests on.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Proof {
    /// File.
    pub path: String,
    /// Kind.
    pub kind: String,
    /// Certified time.
    pub at: Option<CertifiedInstant>,
    /// Issuing provider: certificate organisation, else daticert gestore-emittente.
    pub provider: Option<String>,
    /// The JSONL record (`FILE:LINE`) the file's verdict was read from, not re-verified;
    /// null when peckit verified the file in this run.
    pub recorded_in: Option<String>,
}

/// What happened to one recipient.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Fate {
    /// A verified avvenuta-consegna exists.
    Delivered,
    /// A verified errore-consegna (or virus notice) exists.
    NotDelivered,
    /// Only a preavviso (12 h warning) exists.
    Warned,
    /// The message was not sent: a verified avviso di non accettazione exists and no
    /// verified acceptance (the recipient's provider never received it).
    NotAccepted,
    /// Taken in charge by the recipient's provider, no delivery receipt (yet).
    TakenInCharge,
    /// No receipt at all (yet).
    Pending,
    /// A non-PEC (esterno) recipient: no delivery receipt exists by design.
    External,
}

/// One recipient's outcome.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RecipientEvidence {
    /// Address.
    pub address: String,
    /// `certificato` or `esterno`.
    pub tipo: String,
    /// The outcome.
    pub fate: Fate,
    /// Delivery receipt (when delivered).
    pub delivery: Option<Proof>,
    /// avvenuta-consegna receipt type: completa, breve, sintetica.
    pub receipt_type: Option<String>,
    /// Failure notice (when not delivered): errore.
    pub errore: Option<String>,
    /// Failure detail: errore-esteso.
    pub errore_esteso: Option<String>,
    /// The failure or warning notice.
    pub notice: Option<Proof>,
    /// Explanations (external recipient, CEC-PAC, 5.x.x in a preavviso, ...).
    pub notes: Vec<Note>,
}

/// An attachment of the original, from a verified envelope or complete receipt.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct AttachmentEvidence {
    /// Name as carried.
    pub name: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256, hex.
    pub sha256: String,
    /// The verified artefact it was taken from.
    pub from: String,
}

/// A verified or refused source file.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SourceFile {
    /// Path.
    pub path: String,
    /// SHA-256 of the file; null when it could not be read.
    pub sha256: Option<String>,
    /// Kind.
    pub kind: String,
    /// Verdict.
    pub verdict: Verdict,
    /// Problems (for refused files).
    pub problems: Vec<Problem>,
    /// Whether its facts are used as proof (valid, or re-wrapped with an intact signed
    /// entity and `--accept-rewrapped`).
    pub used_as_proof: bool,
    /// Who signed it, when its signature could be read.
    pub signer: Option<Arc<SignerRecord>>,
    /// The JSONL record (`FILE:LINE`) its verdict was read from, not re-verified; null
    /// when peckit verified the file in this run.
    pub recorded_in: Option<String>,
}

impl SourceFile {
    /// An input that could not be read at all (missing, empty, not mail, over a limit): it
    /// belongs to no message, and says why.
    pub fn unreadable(path: &str, failure: crate::error::ReadFailure) -> SourceFile {
        SourceFile {
            path: path.to_string(),
            sha256: None,
            kind: "unreadable".into(),
            verdict: Verdict::Error,
            problems: vec![Problem::of(crate::finding::Finding::Unreadable(failure))],
            used_as_proof: false,
            signer: None,
            recorded_in: None,
        }
    }
}

/// The signer of a file and how it was judged: what a court expert's report names.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct SignerRecord {
    /// The certificate and the authority it chained to: the same for every file one provider
    /// signed, so shared between them.
    #[serde(flatten)]
    pub certificate: Arc<SignerCertificate>,
    /// The instant the certificates were judged at, RFC 3339 UTC.
    pub reference_time_utc: Option<String>,
    /// Where that instant came from (signing-time, daticert, requested, now).
    pub reference_time_source: crate::verify::ReferenceTimeSource,
    /// The other instants the certificates had to be valid at (records written before this
    /// key are read without them).
    #[serde(default)]
    pub also_judged_at: Vec<crate::verify::AlsoJudgedAt>,
    /// What the CRLs say of the signer certificate at the reference time (shared: most files
    /// of a run have the same answer from the same CRL).
    pub revocation: Arc<crate::verify::Revocation>,
}

/// A signer certificate, the trust anchor its path ended at and its accreditation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Hash)]
pub struct SignerCertificate {
    /// Signer certificate subject.
    pub subject: String,
    /// Its issuer.
    pub issuer: String,
    /// Its serial, hex.
    pub serial: String,
    /// SHA-256 of the certificate, hex.
    pub sha256: String,
    /// The trust anchor the path ended at, when it did.
    pub anchor: Option<String>,
    /// The signer's entry in the register of accredited providers its authority signed.
    #[serde(flatten)]
    pub accreditation: crate::verify::Accreditation,
}

/// When and by what the evidence was established.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Generated {
    /// RFC 3339 UTC.
    pub utc: String,
    /// Europe/Rome, RFC 3339 with its offset.
    pub rome: String,
    /// peckit's version and the commit it was built from.
    pub peckit: String,
    /// The CRLs consulted for revocation (paths given, URLs fetched); null when revocation
    /// was not checked.
    pub crls_consulted: Option<Vec<String>>,
    /// The run was stopped (Ctrl-C) before every input was read: this evidence is incomplete.
    pub interrupted: bool,
    /// The peckit versions whose recorded verdicts (JSONL) this evidence was built from,
    /// without verifying those files again; empty when every file was verified in this run.
    pub recorded_by: Vec<String>,
    /// The summaries (`FILE:LINE`) of recorded runs that were stopped before they read every
    /// input: what those runs did not read is missing from this evidence.
    pub interrupted_records: Vec<String>,
}

impl Generated {
    /// The record of a run at `now`.
    pub fn at(now: jiff::Timestamp) -> Generated {
        let rome = crate::italy::rome_rfc3339(now);
        Generated {
            utc: now.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
            rome,
            peckit: PECKIT.to_string(),
            crls_consulted: None,
            interrupted: false,
            recorded_by: Vec::new(),
            interrupted_records: Vec::new(),
        }
    }
}

/// Everything established about one message.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MessageEvidence {
    /// The client's Message-ID (daticert msgid).
    pub msgid: Option<String>,
    /// The provider's identificativo.
    pub identificativo: Option<String>,
    /// Subject (signed oggetto).
    pub subject: Option<String>,
    /// Certified sender.
    pub sender: Option<String>,
    /// The sender's provider.
    pub sender_provider: Option<String>,
    /// What the evidence says of the sender (a CEC-PAC box that could no longer send).
    pub sender_notes: Vec<Note>,
    /// Sent: the time of a verified ricevuta di accettazione, the only proof of sending
    /// (DPR 68/2005 art. 3).
    pub sent: Option<Proof>,
    /// The time the sender's provider issued the transport envelope (busta di trasporto),
    /// from a verified envelope: what the recipient's box received, not a proof of sending.
    pub envelope_issued: Option<Proof>,
    /// A verified avviso di non accettazione: the message was NOT sent (or, beside a verified
    /// acceptance, the evidence contradicts itself).
    pub not_accepted: Option<Proof>,
    /// Why the sender's provider refused it, as its notice certifies: `errore-esteso`, else
    /// the `errore` attribute.
    pub not_accepted_reason: Option<String>,
    /// Beside a non-acceptance, a verified file that shows the message went out all the same
    /// (its acceptance, its transport envelope, a receipt or notice of its delivery): the
    /// evidence contradicts itself.
    pub not_accepted_contradicted_by: Option<Proof>,
    /// Per recipient.
    pub recipients: Vec<RecipientEvidence>,
    /// Attachments of the original.
    pub attachments: Vec<AttachmentEvidence>,
    /// With `--originals`: the kept files checked against a verified breve receipt's hashes.
    pub originals: Vec<OriginalCheck>,
    /// Files whose signed entity is intact but the file around it was altered, and whose
    /// facts were used here (marked as such in every format).
    pub facts_from_altered_files: Vec<String>,
    /// Every file of this message: verified ones and refused ones.
    pub sources: Vec<SourceFile>,
}

/// The evidence of a whole set of artefacts.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceReport {
    /// When and by what it was established.
    pub generated: Generated,
    /// One entry per message.
    pub messages: Vec<MessageEvidence>,
    /// Files that belong to no message (no msgid or identificativo, not PEC, unreadable).
    pub unmatched: Vec<SourceFile>,
}

/// How a kept original compares with a ricevuta breve's stated digest.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct OriginalCheck {
    /// The attachment name in the receipt.
    pub attachment: String,
    /// matching, differing or missing.
    pub status: &'static str,
    /// Which digest matched (sha1, sha256, ...), when matching.
    pub algorithm: Option<&'static str>,
    /// The file compared, when found.
    pub file: Option<String>,
}
