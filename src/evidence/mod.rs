//! Evidence: what a set of artefacts proves about each certified message.
//!
//! Under DPR 68/2005 art. 3 a message is *sent* when the sender's provider accepts it (the
//! ricevuta di accettazione) and *delivered* when it is placed in the recipient's box (one
//! ricevuta di avvenuta consegna per recipient); CAD art. 48 makes those times opposable to
//! third parties. This module groups artefacts by message (the provider's `identificativo`;
//! the client's Message-ID, daticert `msgid`, only places an artefact that has none) and
//! states, per recipient, what the
//! *verified* artefacts establish. An artefact that fails verification is listed with its
//! problem and never used as proof.
#![deny(clippy::indexing_slicing)]

use std::collections::BTreeSet;

use std::sync::Arc;

use crate::catalogue::notes::Note;
use crate::certify::assess::{Assessment, Verdict};
use crate::certify::cecpac;
use crate::limits::Limits;
use crate::read::daticert::DatiCert;
use crate::read::{Artefact, Kind};
use crate::verify::crypto::sha256_hex;
pub use model::*;
pub use originals::{attachment_list, check_originals, stated_digests_of};
pub use recorded::{RecordError, Recorded, read_records};

mod group;
mod model;
mod order;
mod originals;
mod recorded;
mod signer;
use order::{MessageKey, proof_order};

/// The certificate's organisation (or CN) of the S/MIME signer, else of a standalone REM
/// evidence's XAdES signer, else the signed daticert's `gestore-emittente`.
fn provider_of(assessment: &Assessment, d: Option<&DatiCert>) -> Option<String> {
    let signer = match &assessment.signature {
        Some(s) => s.signer.as_ref(),
        None => assessment.xades.as_ref().and_then(|x| x.signer.as_ref()),
    };
    signer
        .and_then(|c| c.provider().map(str::to_string))
        .or_else(|| d.and_then(|d| d.gestore_emittente.clone()))
}

fn proof_of(s: &Source) -> Proof {
    Proof {
        path: s.path.clone(),
        kind: s.kind_name(),
        at: s.daticert.as_deref().and_then(|d| CertifiedInstant::from(d, s.facts.signing_time)),
        provider: s.facts.provider.clone(),
        recorded_in: s.recorded_in.clone(),
    }
}

/// A file whose verdict is invalid only because the file around its signed entity was
/// altered, while the signed entity verified and chained (a mailing list re-wrapped it).
/// Whether an assessment is invalid only because its file was re-wrapped around an intact
/// signed entity.
fn intact_inside_altered(assessment: &Assessment) -> bool {
    use crate::finding::Finding;
    use crate::problem::ProblemCode;
    let problems = &assessment.problems;
    problems.iter().any(|p| matches!(p.finding, Some(Finding::IntactInsideAltered { .. })))
        && problems
            .iter()
            .filter(|p| p.is_fatal())
            .all(|p| p.code == ProblemCode::UnsignedContentOutsideSignature)
}

fn source_file(s: &Source, used_as_proof: bool) -> SourceFile {
    SourceFile {
        used_as_proof,
        path: s.path.clone(),
        sha256: Some(s.facts.sha256.clone()),
        kind: s.kind_name(),
        verdict: s.verdict,
        problems: s.problems.clone(),
        signer: s.facts.signer.clone(),
        recorded_in: s.recorded_in.clone(),
    }
}

/// The sources of a run as they arrive, sharing what repeats between them: one copy of each
/// signer certificate and of each peckit version, however many files name it (issue #17:
/// a million receipts of a few providers hold a few certificates, not a million).
#[derive(Debug, Default)]
pub struct Collected {
    sources: Vec<Source>,
    certificates: std::collections::HashSet<Arc<SignerCertificate>>,
    revocations: std::collections::HashSet<Arc<crate::verify::Revocation>>,
    versions: std::collections::HashSet<Arc<str>>,
}

impl Collected {
    /// Adds a source.
    pub fn push(&mut self, mut source: Source) {
        if let Some(signer) = source.facts.signer.as_mut() {
            let signer = Arc::make_mut(signer);
            share(&mut self.certificates, &mut signer.certificate);
            share(&mut self.revocations, &mut signer.revocation);
        }
        share(&mut self.versions, &mut source.facts.peckit);
        self.sources.push(source);
    }

    /// The sources so far.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Sets aside the records that disagree with another judgement of the same file
    /// (see [`recorded::take_contradicted`]), each with its `FILE:LINE` and why.
    pub fn take_contradicted_records(&mut self) -> Vec<(String, crate::error::RecordFailure)> {
        recorded::take_contradicted(&mut self.sources)
    }

    /// The sources, to build the evidence from.
    pub fn into_sources(self) -> Vec<Source> {
        self.sources
    }
}

/// Makes `value` the copy in `shared` equal to it, adding it when there is none.
fn share<T: Eq + std::hash::Hash + ?Sized>(
    shared: &mut std::collections::HashSet<Arc<T>>,
    value: &mut Arc<T>,
) {
    match shared.get(value) {
        Some(copy) => *value = Arc::clone(copy),
        None => {
            shared.insert(Arc::clone(value));
        }
    }
}

/// How the evidence is built.
#[derive(Debug, Clone)]
pub struct Options<'a> {
    /// A folder of kept originals to check against breve receipts.
    pub originals: Option<&'a std::path::Path>,
    /// Count the intact signed entity of a re-wrapped file (mailing lists) as proof.
    pub accept_rewrapped: bool,
    /// When the evidence is generated.
    pub now: jiff::Timestamp,
    /// The CRLs consulted; `None` when revocation was not checked.
    pub crls_consulted: Option<Vec<String>>,
}

/// Builds the evidence for a set of artefacts, whole (the pages need it whole; JSON and CSV
/// use [`build_each`]).
pub fn build(sources: Vec<Source>, options: &Options<'_>) -> EvidenceReport {
    let mut messages = Vec::new();
    let mut report = build_each(sources, options, |m| messages.push(m));
    report.messages = messages;
    report
}

/// Builds the evidence message by message, in the report's order (by the time sent, then
/// Message-ID), handing each to `each` and keeping none: each artefact's facts go once its
/// message is built, so memory holds the facts not yet used, never the report. The returned
/// report has no messages, only the files of none and how it was generated.
pub fn build_each(
    sources: Vec<Source>,
    options: &Options<'_>,
    mut each: impl FnMut(MessageEvidence),
) -> EvidenceReport {
    let (mut groups, mut unmatched) = group::group(&sources);
    // A message is known from files whose data is certified: a file whose signature failed
    // may join one (listed, unused), never make one from what it merely states.
    groups.retain(|g| {
        let proven = g.iter().any(|&i| sources.get(i).is_some_and(Source::data_certified));
        if !proven {
            unmatched.extend_from_slice(g);
        }
        proven
    });
    let recorded_by: BTreeSet<String> = sources
        .iter()
        .filter(|s| s.recorded_in.is_some())
        .map(|s| s.facts.peckit.to_string())
        .collect();
    let mut slots: Vec<Option<Source>> = sources.into_iter().map(Some).collect();
    // First pass: where each message goes, building it and letting it go (the kept
    // originals are read only once, in the second pass).
    let keying = Options { originals: None, ..options.clone() };
    // A few bytes per message: when it was sent, the artefact its Message-ID comes from, and
    // its first file (messages without either: grouped by identificativo alone).
    let source = |i: u32| slots.get(i as usize).and_then(Option::as_ref);
    let mut order: Vec<MessageKey> = groups
        .iter()
        .enumerate()
        .map(|(at, g)| {
            let m = message_evidence(&refs(&slots, g), &keying);
            let sent = m.sent.and_then(|p| p.at).and_then(|a| a.utc.parse().ok());
            let narrow = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
            let msgid_from = g.iter().copied().map(narrow).find(|&i| {
                source(i)
                    .and_then(|s| s.daticert.as_deref())
                    .is_some_and(|d| d.msgid.is_some() && d.msgid == m.msgid)
            });
            let first = g
                .iter()
                .copied()
                .map(narrow)
                .min_by(|&a, &b| source(a).map(proof_order).cmp(&source(b).map(proof_order)));
            (sent, msgid_from, first, narrow(at))
        })
        .collect();
    let msgid_of = |i: Option<u32>| {
        i.and_then(source).and_then(|s| s.daticert.as_deref()).and_then(|d| d.msgid.as_deref())
    };
    order.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| msgid_of(a.1).cmp(&msgid_of(b.1)))
            .then_with(|| {
                a.2.and_then(source).map(proof_order).cmp(&b.2.and_then(source).map(proof_order))
            })
            .then(a.3.cmp(&b.3))
    });
    for (_, _, _, at) in order {
        let Some(g) = groups.get(at as usize) else { continue };
        each(message_evidence(&refs(&slots, g), options));
        for &i in g {
            if let Some(slot) = slots.get_mut(i) {
                *slot = None;
            }
        }
    }
    let mut report = EvidenceReport {
        generated: Generated {
            crls_consulted: options.crls_consulted.clone(),
            recorded_by: recorded_by.into_iter().collect(),
            ..Generated::at(options.now)
        },
        messages: Vec::new(),
        unmatched: Vec::new(),
    };
    report.add_unmatched(
        unmatched
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
            .map(|s| source_file(&s, false)),
    );
    report
}

fn refs<'a>(slots: &'a [Option<Source>], indices: &[usize]) -> Vec<&'a Source> {
    indices.iter().filter_map(|&i| slots.get(i).and_then(Option::as_ref)).collect()
}

fn message_evidence(members: &[&Source], options: &Options<'_>) -> MessageEvidence {
    let originals = options.originals;
    // The files in the order of what they certify (a timeline), and where two prove the
    // same thing (copies, a REM message and its evidence) the one named chosen by content:
    // the same files give the same page however they are listed or their records merged.
    let mut members = members.to_vec();
    members.sort_by(|a, b| proof_order(a).cmp(&proof_order(b)));
    let verified: Vec<&Source> = members
        .iter()
        .copied()
        .filter(|s| {
            s.verdict == Verdict::Valid || (options.accept_rewrapped && s.rewrapped_but_intact())
        })
        .collect();
    // A signed entity intact inside an altered file still says what it certifies: its
    // facts head the message when no clean file does, marked as coming from it.
    let rewrapped: Vec<&Source> =
        members.iter().copied().filter(|s| s.rewrapped_but_intact()).collect();
    let first_dati = |kinds: &[Kind]| {
        verified
            .iter()
            .copied()
            .find(|s| kinds.contains(&s.kind) && s.daticert.as_deref().is_some())
    };
    let acceptance = first_dati(&[Kind::Accettazione]);
    let envelope = first_dati(&[Kind::PostaCertificata]);
    let header_source = acceptance
        .or(envelope)
        .or_else(|| verified.first().copied())
        .or_else(|| rewrapped.iter().copied().find(|s| s.daticert.as_deref().is_some()));
    let header = header_source.and_then(|s| s.daticert.as_deref());
    let any_dati =
        members.iter().filter(|s| s.data_certified()).find_map(|s| s.daticert.as_deref());

    // Recipients: from verified daticerts (acceptance first), in order of appearance.
    let mut recipients: Vec<(String, String)> = Vec::new();
    for s in acceptance.into_iter().chain(envelope).chain(verified.iter().copied()) {
        if let Some(d) = s.daticert.as_deref() {
            for r in &d.destinatari {
                if !recipients.iter().any(|(a, _)| a.eq_ignore_ascii_case(&r.address)) {
                    recipients.push((r.address.clone(), r.tipo.clone()));
                }
            }
        }
    }
    let sent = acceptance.map(proof_of);
    let envelope_issued = envelope.map(proof_of);
    let sent_at = header.and_then(|d| d.data.as_ref()).map(|t| t.utc);
    let refusal = first_dati(&[Kind::NonAccettazione]);
    // Anything verified that shows the message left the sender's provider: beside a refusal,
    // a contradiction; without one, the refusal stands and no recipient received it.
    let went_out = acceptance.or(envelope).or_else(|| {
        first_dati(&[
            Kind::PresaInCarico,
            Kind::AvvenutaConsegna,
            Kind::ErroreConsegna,
            Kind::PreavvisoErroreConsegna,
            Kind::RilevazioneVirus,
        ])
    });
    let refused = refusal.filter(|_| went_out.is_none());
    let recipients = recipients
        .into_iter()
        .map(|(address, tipo)| recipient_evidence(&address, &tipo, &verified, sent_at, refused))
        .collect();
    let not_accepted = refusal.map(proof_of);
    let not_accepted_reason = refusal.and_then(|s| s.daticert.as_deref()).and_then(refusal_reason);
    let not_accepted_contradicted_by = went_out.filter(|_| refusal.is_some()).map(proof_of);
    let attachments = attachments_of(&verified);
    let originals = match originals {
        Some(dir) => verified
            .iter()
            .find(|s| {
                s.kind == Kind::AvvenutaConsegna && s.receipt_type.as_deref() == Some("breve")
            })
            .map(|s| check_originals(&s.facts.stated_digests, dir))
            .unwrap_or_default(),
        None => Vec::new(),
    };
    MessageEvidence {
        originals,
        msgid: header.or(any_dati).and_then(|d| d.msgid.clone()),
        identificativo: header.or(any_dati).and_then(|d| d.identificativo.clone()),
        subject: header.and_then(|d| d.oggetto.clone()),
        sender: header.and_then(|d| d.mittente.clone()),
        // A non-acceptance is signed by the sender's provider too.
        sender_provider: acceptance.or(envelope).or(refusal).and_then(|s| s.facts.provider.clone()),
        // Said on the page a lawyer files, not only by `verify` (review 15).
        sender_notes: header
            .and_then(|d| d.mittente.as_deref())
            .zip(sent_at)
            .and_then(|(sender, at)| cecpac::cecpac_warning(sender, cecpac::Role::Sender, at))
            .map(Note::CecPac)
            .into_iter()
            .collect(),
        sent,
        envelope_issued,
        not_accepted,
        not_accepted_reason,
        not_accepted_contradicted_by,
        recipients,
        attachments,
        facts_from_altered_files: rewrapped
            .iter()
            .filter(|s| {
                header_source.is_some_and(|h| std::ptr::eq(**s, h))
                    || verified.iter().any(|v| std::ptr::eq(*v, **s))
            })
            .map(|s| s.path.clone())
            .collect(),
        sources: members
            .iter()
            .map(|s| source_file(s, verified.iter().any(|v| std::ptr::eq(*v, *s))))
            .collect(),
    }
}

fn concerns(d: &Certified, address: &str) -> bool {
    let same = |c: &str| c.trim().eq_ignore_ascii_case(address.trim());
    d.consegna.as_deref().is_some_and(same)
        || (d.concerns_every_recipient && d.destinatari.iter().any(|r| same(&r.address)))
}

fn recipient_evidence(
    address: &str,
    tipo: &str,
    verified: &[&Source],
    sent_at: Option<jiff::Timestamp>,
    refused: Option<&Source>,
) -> RecipientEvidence {
    let mut r = RecipientEvidence {
        address: address.to_string(),
        tipo: tipo.to_string(),
        fate: Fate::Pending,
        delivery: None,
        receipt_type: None,
        errore: None,
        errore_esteso: None,
        notice: None,
        notes: Vec::new(),
    };
    let find = |kind: Kind| {
        verified
            .iter()
            .copied()
            .find(|s| s.kind == kind && s.daticert.as_deref().is_some_and(|d| concerns(d, address)))
    };
    let mut delivered_at = None;
    if let Some(s) = find(Kind::AvvenutaConsegna) {
        delivered_at = s.daticert.as_deref().and_then(|d| d.data.as_ref()).map(|t| t.utc);
        r.fate = Fate::Delivered;
        r.delivery = Some(proof_of(s));
        r.receipt_type = s.receipt_type.as_deref().map(str::to_string);
        // Delivered wins, but a verified failure for the same recipient is said, not hidden.
        if find(Kind::ErroreConsegna).or_else(|| find(Kind::RilevazioneVirus)).is_some() {
            r.notes.push(Note::ContradictoryEvidence);
        }
    } else if let Some(s) = find(Kind::ErroreConsegna).or_else(|| find(Kind::RilevazioneVirus)) {
        let d = s.daticert.as_deref();
        r.fate = Fate::NotDelivered;
        r.errore = d.map(|d| d.errore.clone());
        r.errore_esteso = d.and_then(|d| non_blank(d.errore_esteso.as_deref()));
        r.notice = Some(proof_of(s));
        if d.is_some_and(|d| d.errore == "virus") || s.kind == Kind::RilevazioneVirus {
            r.notes.push(Note::VirusDetected);
        }
    } else if let Some(s) = find(Kind::PreavvisoErroreConsegna) {
        let d = s.daticert.as_deref();
        r.fate = Fate::Warned;
        r.errore_esteso = d.and_then(|d| non_blank(d.errore_esteso.as_deref()));
        r.notice = Some(proof_of(s));
        r.notes.push(Note::NoReceiptWithin12Hours);
        if r.errore_esteso.as_deref().is_some_and(|e| e.trim_start().starts_with("5.")) {
            r.notes.push(Note::PermanentErrorInWarning);
        }
    } else if verified.iter().any(|s| {
        s.kind == Kind::PresaInCarico
            && s.daticert
                .as_ref()
                .is_some_and(|d| d.ricezione.iter().any(|x| x.trim().eq_ignore_ascii_case(address)))
    }) {
        r.fate = Fate::TakenInCharge;
        r.notes.push(Note::TakenInCharge);
    } else if let Some(s) = refused {
        let d = s.daticert.as_deref();
        r.fate = Fate::NotAccepted;
        r.errore = d.map(|d| d.errore.clone());
        r.errore_esteso = d.and_then(|d| non_blank(d.errore_esteso.as_deref()));
        r.notice = Some(proof_of(s));
    } else if tipo == "esterno" {
        r.fate = Fate::External;
        r.notes.push(Note::NotPecAddress);
    }
    // A signed notice of a type the rules do not define (`mancata-consegna`) decides no fate:
    // it is named, never passed over.
    for s in verified {
        if let Kind::Unknown(tipo) = &s.kind
            && s.daticert.as_deref().is_some_and(|d| concerns(d, address))
        {
            r.notes.push(Note::UndefinedKind { tipo: tipo.clone(), file: s.path.clone() });
        }
    }
    // At the sending, else at the delivery (sent on 17 July, delivered after midnight: the
    // box could no longer receive; review 15).
    if let Some(w) = [sent_at, delivered_at]
        .into_iter()
        .flatten()
        .find_map(|at| cecpac::cecpac_warning(address, cecpac::Role::Recipient, at))
    {
        r.notes.push(Note::CecPac(w));
    }
    r
}

/// A certified text that says something: blank is none.
fn non_blank(text: Option<&str>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty()).map(str::to_string)
}

/// Why a provider refused a message, as its notice certifies: the extended error when it
/// states one, else the `errore` attribute.
fn refusal_reason(d: &Certified) -> Option<String> {
    [d.errore_esteso.as_deref(), Some(d.errore.as_str())]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|e| !e.is_empty())
        .map(str::to_string)
}

/// Attachments of the original from a verified envelope or complete delivery receipt.
fn attachments_of(verified: &[&Source]) -> Vec<AttachmentEvidence> {
    let carrier = verified.iter().copied().find(|s| {
        s.kind == Kind::PostaCertificata
            || (s.kind == Kind::AvvenutaConsegna && s.receipt_type.as_deref() == Some("completa"))
            || (s.rem_event.is_some() && !s.facts.attachments.is_empty())
    });
    let Some(s) = carrier else { return Vec::new() };
    s.facts
        .attachments
        .iter()
        .map(|a| AttachmentEvidence {
            name: a.name.clone(),
            size: a.size,
            sha256: a.sha256.clone(),
            from: s.path.clone(),
        })
        .collect()
}

impl Facts {
    /// Takes from an assessed artefact what the evidence needs beyond its verdict and
    /// daticert.
    pub fn of(artefact: &Artefact, assessment: &Assessment, limits: &Limits) -> Facts {
        let receipt_type = artefact.receipt_type().map(str::to_string);
        let carries_original = artefact.kind == Kind::PostaCertificata
            || artefact.kind == Kind::RemEvidence
            || (artefact.kind == Kind::AvvenutaConsegna
                && receipt_type.as_deref() != Some("sintetica"));
        let attached = match artefact.original() {
            Some(original) if carries_original => attachment_list(original, limits),
            _ => Vec::new(),
        };
        let breve = receipt_type.as_deref() == Some("breve");
        let stated_digests = if breve { stated_digests_of(&attached) } else { Vec::new() };
        let attachments = attached
            .into_iter()
            .map(|(name, bytes)| Attachment {
                size: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
                sha256: sha256_hex(&bytes),
                name,
            })
            .collect();
        Facts {
            peckit: Arc::from(PECKIT),
            sha256: sha256_hex(&artefact.raw),
            provider: provider_of(assessment, artefact.daticert()),
            signing_time: assessment.signature.as_ref().and_then(|s| s.signing_time),
            signer: signer::record(assessment).map(Arc::new),
            intact_inside_altered: intact_inside_altered(assessment),
            attachments,
            stated_digests,
        }
    }
}

/// A REM message's (or evidence file's) evidence, when it could be read.
fn rem_of(artefact: &Artefact) -> Option<&crate::read::rem::RemEvidence> {
    artefact.content.as_ref()?.rem.as_ref()?.as_ref().ok()
}

impl Source {
    /// Takes from an assessed artefact what the evidence needs; the artefact can go.
    pub fn of(
        path: String,
        artefact: &Artefact,
        assessment: &Assessment,
        limits: &Limits,
    ) -> Source {
        let (kind, daticert, rem_event) = match rem_of(artefact) {
            Some(e) => {
                let (kind, certified, event) = rem_parts(e);
                (kind, Some(Box::new(certified)), event)
            }
            None => (
                artefact.kind.clone(),
                artefact.daticert().map(|d| Box::new(Certified::from(d))),
                None,
            ),
        };
        Source {
            path,
            kind,
            receipt_type: artefact.receipt_type().map(str::to_string),
            verdict: assessment.verdict,
            problems: assessment.problems.clone(),
            daticert,
            facts: Box::new(Facts::of(artefact, assessment, limits)),
            recorded_in: None,
            rem_event,
        }
    }
}

#[cfg(test)]
mod tests;
