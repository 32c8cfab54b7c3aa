//! Evidence: what a set of artefacts proves about each certified message.
//!
//! Under DPR 68/2005 art. 3 a message is *sent* when the sender's provider accepts it (the
//! ricevuta di accettazione) and *delivered* when it is placed in the recipient's box (one
//! ricevuta di avvenuta consegna per recipient); CAD art. 48 makes those times opposable to
//! third parties. This module groups artefacts by message (the client's Message-ID, daticert
//! `msgid`, and the provider's `identificativo`) and states, per recipient, what the
//! *verified* artefacts establish. An artefact that fails verification is listed with its
//! problem and never used as proof.
#![deny(clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::catalogue::Note;
use crate::certify::assess::{Assessment, Verdict};
use crate::certify::cecpac;
use crate::limits::Limits;
use crate::problem::Problem;
use crate::read::daticert::DatiCert;
use crate::read::hashfile::{attachment_name_for_hash, stated_digests};
use crate::read::{Artefact, Kind, decode, mime};
use crate::verify::crypto::sha256_hex;

/// One input artefact, as the evidence builder sees it.
#[derive(Debug)]
pub struct Source<'a> {
    /// Where it came from.
    pub path: String,
    /// The artefact.
    pub artefact: &'a Artefact,
    /// Its verification.
    pub assessment: &'a Assessment,
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
    fn from(d: &DatiCert, signing: Option<jiff::Timestamp>) -> Option<CertifiedInstant> {
        let t = d.data.as_ref()?;
        let rome = jiff::tz::TimeZone::get("Europe/Rome")
            .map(|tz| t.utc.to_zoned(tz).strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
            .unwrap_or_else(|_| t.rfc3339_local());
        Some(CertifiedInstant {
            utc: t.rfc3339_utc(),
            daticert: t.rfc3339_local(),
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
    /// SHA-256 of the file.
    pub sha256: String,
    /// Kind.
    pub kind: String,
    /// Verdict.
    pub verdict: Verdict,
    /// Problems (for refused files).
    pub problems: Vec<Problem>,
    /// Who signed it, when its signature could be read.
    pub signer: Option<SignerRecord>,
}

/// The signer of a file and how it was judged: what a court expert's report names.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SignerRecord {
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
    /// The instant the certificates were judged at, RFC 3339 UTC.
    pub reference_time_utc: Option<String>,
    /// Where that instant came from (signing-time, daticert, requested, now).
    pub reference_time_source: crate::verify::ReferenceTimeSource,
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
}

impl Generated {
    /// The record of a run at `now`.
    pub fn at(now: jiff::Timestamp) -> Generated {
        let rome = jiff::tz::TimeZone::get("Europe/Rome")
            .map(|tz| now.to_zoned(tz).strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
            .unwrap_or_default();
        Generated {
            utc: now.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
            rome,
            peckit: concat!(env!("CARGO_PKG_VERSION"), " (commit ", env!("PECKIT_GIT_COMMIT"), ")")
                .to_string(),
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
    /// Sent: the time of a verified ricevuta di accettazione, the only proof of sending
    /// (DPR 68/2005 art. 3).
    pub sent: Option<Proof>,
    /// The time the sender's provider issued the transport envelope (busta di trasporto),
    /// from a verified envelope: what the recipient's box received, not a proof of sending.
    pub envelope_issued: Option<Proof>,
    /// A verified avviso di non accettazione: the message was NOT sent.
    pub not_accepted: Option<Proof>,
    /// Per recipient.
    pub recipients: Vec<RecipientEvidence>,
    /// Attachments of the original.
    pub attachments: Vec<AttachmentEvidence>,
    /// With `--originals`: the kept files checked against a verified breve receipt's hashes.
    pub originals: Vec<OriginalCheck>,
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

fn norm_id(id: &str) -> String {
    id.trim().trim_start_matches('<').trim_end_matches('>').trim().to_ascii_lowercase()
}

fn provider_of(assessment: &Assessment, d: Option<&DatiCert>) -> Option<String> {
    assessment
        .signature
        .as_ref()
        .and_then(|s| s.signer.as_ref())
        .and_then(|c| c.organization.clone().or_else(|| c.common_name.clone()))
        .or_else(|| d.and_then(|d| d.gestore_emittente.clone()))
}

fn proof_of(s: &Source<'_>) -> Proof {
    let d = s.artefact.daticert();
    let signing = s.assessment.signature.as_ref().and_then(|x| x.signing_time);
    Proof {
        path: s.path.clone(),
        kind: s.artefact.kind.name().to_string(),
        at: d.and_then(|d| CertifiedInstant::from(d, signing)),
        provider: provider_of(s.assessment, d),
    }
}

fn source_file(s: &Source<'_>) -> SourceFile {
    SourceFile {
        path: s.path.clone(),
        sha256: sha256_hex(&s.artefact.raw),
        kind: s.artefact.kind.name().to_string(),
        verdict: s.assessment.verdict,
        problems: s.assessment.problems.clone(),
        signer: s.assessment.signature.as_ref().and_then(|sig| {
            let cert = sig.signer.as_ref()?;
            Some(SignerRecord {
                subject: cert.subject.clone(),
                issuer: cert.issuer.clone(),
                serial: cert.serial.clone(),
                sha256: cert.sha256.clone(),
                anchor: sig.anchor_source.clone(),
                reference_time_utc: sig
                    .reference_time
                    .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()),
                reference_time_source: sig.reference_time_source,
            })
        }),
    }
}

/// Disjoint sets over artefact indices, joined by shared identifiers.
fn group(sources: &[Source<'_>]) -> (Vec<Vec<usize>>, Vec<usize>) {
    let mut parent: Vec<usize> = (0..sources.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while let Some(&p) = parent.get(i) {
            if p == i {
                break;
            }
            let gp = parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = parent.get_mut(i) {
                *slot = gp;
            }
            i = p;
        }
        i
    }
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    let mut unmatched = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        let Some(d) = s.artefact.daticert() else {
            unmatched.push(i);
            continue;
        };
        let keys: Vec<String> = [
            d.msgid.as_deref().map(|m| format!("m:{}", norm_id(m))),
            d.identificativo.as_deref().map(|m| format!("i:{}", norm_id(m))),
        ]
        .into_iter()
        .flatten()
        .collect();
        if keys.is_empty() {
            unmatched.push(i);
            continue;
        }
        for k in keys {
            match by_key.get(&k) {
                Some(&j) => {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    if let Some(slot) = parent.get_mut(a) {
                        *slot = b;
                    }
                }
                None => {
                    by_key.insert(k, i);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let unmatched_set: BTreeSet<usize> = unmatched.iter().copied().collect();
    for i in 0..sources.len() {
        if unmatched_set.contains(&i) {
            continue;
        }
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    (groups.into_values().collect(), unmatched)
}

/// Builds the evidence for a set of artefacts.
pub fn build(
    sources: &[Source<'_>],
    originals: Option<&std::path::Path>,
    limits: &Limits,
    now: jiff::Timestamp,
) -> EvidenceReport {
    let (groups, unmatched) = group(sources);
    let mut messages: Vec<MessageEvidence> =
        groups.iter().map(|g| message_evidence(sources, g, originals, limits)).collect();
    messages.sort_by(|a, b| {
        let t = |m: &MessageEvidence| {
            m.sent.as_ref().and_then(|p| p.at.as_ref()).map(|a| a.utc.clone())
        };
        t(a).cmp(&t(b)).then(a.msgid.cmp(&b.msgid))
    });
    EvidenceReport {
        generated: Generated::at(now),
        messages,
        unmatched: unmatched.iter().filter_map(|&i| sources.get(i)).map(source_file).collect(),
    }
}

fn message_evidence(
    sources: &[Source<'_>],
    members: &[usize],
    originals: Option<&std::path::Path>,
    limits: &Limits,
) -> MessageEvidence {
    let members: Vec<&Source<'_>> = members.iter().filter_map(|&i| sources.get(i)).collect();
    let verified: Vec<&Source<'_>> =
        members.iter().copied().filter(|s| s.assessment.verdict == Verdict::Valid).collect();
    let first_dati = |kinds: &[Kind]| {
        verified
            .iter()
            .copied()
            .find(|s| kinds.contains(&s.artefact.kind) && s.artefact.daticert().is_some())
    };
    let acceptance = first_dati(&[Kind::Accettazione]);
    let envelope = first_dati(&[Kind::PostaCertificata]);
    let header_source = acceptance.or(envelope).or_else(|| verified.first().copied());
    let header = header_source.and_then(|s| s.artefact.daticert());
    let any_dati = members.iter().find_map(|s| s.artefact.daticert());

    // Recipients: from verified daticerts (acceptance first), in order of appearance.
    let mut recipients: Vec<(String, String)> = Vec::new();
    for s in acceptance.into_iter().chain(envelope).chain(verified.iter().copied()) {
        if let Some(d) = s.artefact.daticert() {
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
    let recipients = recipients
        .into_iter()
        .map(|(address, tipo)| recipient_evidence(&address, &tipo, &verified, sent_at))
        .collect();
    let not_accepted = first_dati(&[Kind::NonAccettazione]).map(proof_of);
    let attachments = attachments_of(&verified, limits);
    let originals = match originals {
        Some(dir) => verified
            .iter()
            .find(|s| {
                s.artefact.kind == Kind::AvvenutaConsegna
                    && s.artefact.receipt_type() == Some("breve")
            })
            .map(|s| check_originals(s.artefact, dir, limits))
            .unwrap_or_default(),
        None => Vec::new(),
    };
    MessageEvidence {
        originals,
        msgid: header.or(any_dati).and_then(|d| d.msgid.clone()),
        identificativo: header.or(any_dati).and_then(|d| d.identificativo.clone()),
        subject: header.and_then(|d| d.oggetto.clone()),
        sender: header.and_then(|d| d.mittente.clone()),
        sender_provider: acceptance
            .or(envelope)
            .and_then(|s| provider_of(s.assessment, s.artefact.daticert())),
        sent,
        envelope_issued,
        not_accepted,
        recipients,
        attachments,
        sources: members.iter().map(|s| source_file(s)).collect(),
    }
}

fn concerns(d: &DatiCert, address: &str) -> bool {
    d.consegna.as_deref().is_some_and(|c| c.trim().eq_ignore_ascii_case(address.trim()))
}

fn recipient_evidence(
    address: &str,
    tipo: &str,
    verified: &[&Source<'_>],
    sent_at: Option<jiff::Timestamp>,
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
        verified.iter().copied().find(|s| {
            s.artefact.kind == kind && s.artefact.daticert().is_some_and(|d| concerns(d, address))
        })
    };
    if let Some(s) = find(Kind::AvvenutaConsegna) {
        r.fate = Fate::Delivered;
        r.delivery = Some(proof_of(s));
        r.receipt_type = s.artefact.receipt_type().map(str::to_string);
    } else if let Some(s) = find(Kind::ErroreConsegna).or_else(|| find(Kind::RilevazioneVirus)) {
        let d = s.artefact.daticert();
        r.fate = Fate::NotDelivered;
        r.errore = d.map(|d| d.errore.clone());
        r.errore_esteso = d.and_then(|d| d.errore_esteso.clone());
        r.notice = Some(proof_of(s));
        if d.is_some_and(|d| d.errore == "virus") || s.artefact.kind == Kind::RilevazioneVirus {
            r.notes.push(Note::VirusDetected);
        }
    } else if let Some(s) = find(Kind::PreavvisoErroreConsegna) {
        let d = s.artefact.daticert();
        r.fate = Fate::Warned;
        r.errore_esteso = d.and_then(|d| d.errore_esteso.clone());
        r.notice = Some(proof_of(s));
        r.notes.push(Note::NoReceiptWithin12Hours);
        if r.errore_esteso.as_deref().is_some_and(|e| e.trim_start().starts_with("5.")) {
            r.notes.push(Note::PermanentErrorInWarning);
        }
    } else if verified.iter().any(|s| {
        s.artefact.kind == Kind::PresaInCarico
            && s.artefact
                .daticert()
                .is_some_and(|d| d.ricezione.iter().any(|x| x.trim().eq_ignore_ascii_case(address)))
    }) {
        r.fate = Fate::TakenInCharge;
        r.notes.push(Note::TakenInCharge);
    } else if tipo == "esterno" {
        r.fate = Fate::External;
        r.notes.push(Note::NotPecAddress);
    }
    if let Some(at) = sent_at
        && let Some(w) = cecpac::cecpac_warning(address, cecpac::Role::Recipient, at)
    {
        r.notes.push(Note::CecPac(w));
    }
    r
}

/// Attachments of the original from a verified envelope or complete delivery receipt.
fn attachments_of(verified: &[&Source<'_>], limits: &Limits) -> Vec<AttachmentEvidence> {
    let carrier = verified.iter().copied().find(|s| {
        s.artefact.kind == Kind::PostaCertificata
            || (s.artefact.kind == Kind::AvvenutaConsegna
                && s.artefact.receipt_type() == Some("completa"))
    });
    let Some(s) = carrier else { return Vec::new() };
    let Some(original) = s.artefact.original() else {
        return Vec::new();
    };
    attachment_list(original, limits)
        .into_iter()
        .map(|(name, bytes)| AttachmentEvidence {
            name,
            size: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
            sha256: sha256_hex(&bytes),
            from: s.path.clone(),
        })
        .collect()
}

/// The named (attached) leaf parts of a message, decoded.
pub fn attachment_list(message: &[u8], limits: &Limits) -> Vec<(String, Vec<u8>)> {
    let Ok(root) = mime::parse_entity(message, 0..message.len(), limits) else { return Vec::new() };
    let mut out = Vec::new();
    for (e, _) in root.leaves() {
        let Some(name) = decode::entity_file_name(e, message) else {
            continue;
        };
        out.push((name, decode::decode_entity(e, message).into_bytes()));
    }
    out
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

/// Checks the files a lawyer kept against the digests in a breve receipt's hash files.
pub fn check_originals(
    receipt: &Artefact,
    originals: &std::path::Path,
    limits: &Limits,
) -> Vec<OriginalCheck> {
    use sha1::Sha1;
    use sha2::{Digest, Sha256, Sha384, Sha512};
    let Some(original) = receipt.original() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for (name, bytes) in attachment_list(original, limits) {
        let digests = stated_digests(&bytes);
        if digests.is_empty() {
            continue;
        }
        let attachment = attachment_name_for_hash(&name);
        if !seen.insert(attachment.clone()) {
            continue;
        }
        let safe = crate::names::sanitize(&attachment, "");
        let path = originals.join(&safe);
        let Ok(kept) = std::fs::read(&path) else {
            out.push(OriginalCheck { attachment, status: "missing", algorithm: None, file: None });
            continue;
        };
        let matched = digests.iter().find_map(|d| {
            let actual = match d.algorithm {
                "sha1" => hex::encode(Sha1::digest(&kept)),
                "sha256" => hex::encode(Sha256::digest(&kept)),
                "sha384" => hex::encode(Sha384::digest(&kept)),
                _ => hex::encode(Sha512::digest(&kept)),
            };
            (actual == d.hex).then_some(d.algorithm)
        });
        out.push(OriginalCheck {
            attachment,
            status: if matched.is_some() { "matching" } else { "differing" },
            algorithm: matched,
            file: Some(path.display().to_string()),
        });
    }
    out
}

#[cfg(test)]
mod tests;
