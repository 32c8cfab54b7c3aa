//! The evidence summary as a document (drawn as Markdown or a printable HTML page) and as
//! CSV rows.
//!
//! They format an [`EvidenceReport`]; they decide nothing. Labels follow the language; the
//! legend states what each time means in law (DPR 68/2005 art. 3, CAD art. 48).
#![deny(clippy::indexing_slicing)]

use std::fmt::Write as _;

use super::document::{Block, Cell, Document, Paragraph, Part, Section, Tone};
pub use super::evidence_csv::{
    CSV_COLUMNS, csv_rows, incomplete_row, message_rows, unmatched_rows,
};
pub use super::judged::{accreditation, anchor_name, revocation_text};
use super::judged::{also_judged, reference_source};
use crate::catalogue::Lang;
use crate::catalogue::texts::{Text, text};
use crate::certify::assess::Verdict;
use crate::evidence::{
    EvidenceReport, Fate, Generated, MessageEvidence, Proof, RecipientEvidence, SourceFile,
};

/// The fate of a recipient, for people.
pub fn fate_text(lang: Lang, fate: Fate) -> &'static str {
    match fate {
        Fate::Delivered => text(lang, Text::Delivered),
        Fate::NotDelivered => text(lang, Text::NotDelivered),
        Fate::Warned => text(lang, Text::NonDeliveryWarning),
        Fate::NotAccepted => text(lang, Text::NotSentRefused),
        Fate::TakenInCharge => text(lang, Text::TakenInChargeDeliveryNotAttested),
        Fate::Pending => text(lang, Text::NoReceiptYet),
        Fate::External => text(lang, Text::NonPecAddressNoReceiptByDesign),
    }
}

/// "2024-05-02 10:15:03 UTC / 12:15:03 ora italiana (+02:00)".
pub fn instant_text(lang: Lang, p: &Proof) -> String {
    let Some(at) = &p.at else { return String::new() };
    let utc = at.utc.replace('T', " ").replace('Z', " UTC");
    let rome = at.rome.get(..19).unwrap_or(&at.rome).replace('T', " ");
    let offset = at.rome.get(19..).unwrap_or("");
    let mut s = format!("{utc} — {rome} {} ({offset})", text(lang, Text::ItalianTime));
    if let Some(st) = &at.signing_time_utc {
        let _ = write!(
            s,
            "; {} {}",
            text(lang, Text::SignedAt),
            st.replace('T', " ").replace('Z', " UTC")
        );
    }
    s
}

fn recipient_detail(m: &MessageEvidence, lang: Lang, r: &RecipientEvidence) -> String {
    let mut parts = Vec::new();
    if let Some(p) = &r.delivery {
        parts.push(instant_text(lang, p));
        if let Some(prov) = &p.provider {
            parts.push(format!("{}: {prov}", text(lang, Text::Provider)));
        }
        if let Some(rt) = &r.receipt_type {
            parts.push(format!("{}: {rt}", text(lang, Text::Receipt)));
        }
        parts.push(proof_note(m, lang, p));
    }
    if let Some(p) = &r.notice {
        parts.push(instant_text(lang, p));
        if let Some(e) = &r.errore {
            let e = crate::catalogue::errore_text(lang, e);
            parts.push(format!("{}: {e}", text(lang, Text::Error)));
        }
        if let Some(e) = &r.errore_esteso {
            parts.push(e.clone());
        }
        parts.push(proof_note(m, lang, p));
    }
    parts.extend(r.notes.iter().map(|n| n.text(lang)));
    parts.join("; ")
}

/// The file a proof of the message rests on, and where its warnings are said when it has
/// any (a valid file's warnings qualify what it proves).
fn proof_note(m: &MessageEvidence, lang: Lang, p: &Proof) -> String {
    let warned = m.sources.iter().any(|s| {
        s.path == p.path
            && s.recorded_in == p.recorded_in
            && s.problems.iter().any(|x| x.severity == crate::problem::Severity::Warning)
    });
    match warned {
        true => format!("{}; {}", proof_file(lang, p), text(lang, Text::ProofFileHasWarnings)),
        false => proof_file(lang, p),
    }
}

/// The file a proof rests on, and the record its verdict was read from when it was not
/// verified in this run.
fn proof_file(lang: Lang, p: &Proof) -> String {
    match &p.recorded_in {
        Some(at) => format!("{} ({})", p.path, crate::catalogue::texts::recorded_in(lang, at)),
        None => p.path.clone(),
    }
}

/// The evidence summary as a [`Document`]: one section per message.
pub fn document(report: &EvidenceReport, lang: Lang) -> Document {
    let mut sections: Vec<Section> =
        report.messages.iter().map(|m| message_section(m, &report.generated, lang)).collect();
    if !report.unmatched.is_empty() {
        sections.push(unmatched_section(report, lang));
    }
    // Warnings go first, where a reader of the printed page cannot miss them.
    if !report.generated.recorded_by.is_empty() {
        let versions = report.generated.recorded_by.join(", ");
        let body = crate::catalogue::texts::recorded_verdicts(lang, &versions);
        sections.insert(0, warning_section(text(lang, Text::RecordedVerdicts), body));
    }
    if !report.generated.interrupted_records.is_empty() {
        let at = report.generated.interrupted_records.join(", ");
        let body = crate::catalogue::texts::interrupted_records(lang, &at);
        sections.insert(0, warning_section(text(lang, Text::IncompleteSummary), body));
    }
    if report.generated.interrupted {
        let body = text(lang, Text::IncompleteSummaryText).to_string();
        sections.insert(0, warning_section(text(lang, Text::IncompleteSummary), body));
    }
    Document {
        title: text(
            lang,
            if report.messages.iter().flat_map(|m| &m.sources).any(|s| s.kind.starts_with("rem")) {
                Text::PecRemEvidenceSummary
            } else {
                Text::PecEvidenceSummary
            },
        ),
        lang: text(lang, Text::LangTag),
        sections,
        empty: text(lang, Text::NoPecMessageFound),
    }
}

/// A section of one warning, headed by its title.
fn warning_section(title: &'static str, body: String) -> Section {
    // The title once: the part under it has no heading of its own.
    Section {
        name: title.to_string(),
        parts: vec![Part { heading: "", block: Block::Note(Cell::toned(body, Tone::Bad)) }],
    }
}

/// Every input file appears somewhere: those of no message get their own section, with
/// what was concluded from each and why it proves nothing about a message.
fn unmatched_section(report: &EvidenceReport, lang: Lang) -> Section {
    Section {
        name: text(lang, Text::UnmatchedFiles).to_string(),
        parts: vec![
            files_part(&report.unmatched, lang),
            Part {
                heading: text(lang, Text::WhyNoMessage),
                block: Block::Note(Cell::plain(text(lang, Text::WhyNoMessageText))),
            },
            signatures_part(&report.unmatched, lang),
            provenance_part(&report.generated, lang),
        ],
    }
}

/// Each file, its kind and its verdict, with the reason when it is not used as proof.
fn files_part(sources: &[SourceFile], lang: Lang) -> Part {
    Part {
        heading: text(lang, Text::VerificationOfTheFiles),
        block: Block::Table {
            columns: vec![
                text(lang, Text::File),
                text(lang, Text::Kind),
                text(lang, Text::Verdict),
            ],
            rows: sources.iter().map(|s| source_row(s, lang)).collect(),
        },
    }
}

fn provenance_part(generated: &Generated, lang: Lang) -> Part {
    Part {
        heading: text(lang, Text::Provenance),
        block: Block::Fields(
            vec![
                (
                    text(lang, Text::GeneratedAt),
                    Cell::plain(format!(
                        "{} — {} {}",
                        generated.utc.replace('T', " ").replace('Z', " UTC"),
                        generated.rome.get(..19).unwrap_or(&generated.rome).replace('T', " "),
                        text(lang, Text::ItalianTime)
                    )),
                ),
                (
                    text(lang, Text::GeneratedBy),
                    Cell::plain(format!("peckit {}", generated.peckit)),
                ),
            ]
            .into_iter()
            .chain((!generated.recorded_by.is_empty()).then(|| {
                (
                    text(lang, Text::RecordedVerdictsBy),
                    Cell::toned(
                        generated
                            .recorded_by
                            .iter()
                            .map(|v| format!("peckit {v}"))
                            .collect::<Vec<_>>()
                            .join(", "),
                        Tone::Bad,
                    ),
                )
            }))
            .chain([(
                text(lang, Text::CrlsConsulted),
                match &generated.crls_consulted {
                    Some(crls) if !crls.is_empty() => Cell::toned(crls.join(", "), Tone::Mono),
                    _ => Cell::plain(text(lang, Text::RevocationNotChecked)),
                },
            )])
            .collect(),
        ),
    }
}

/// Who signed each file, the certificate's fingerprint, the authority the path ended at and
/// the instant it was judged at.
fn signatures_part(sources: &[SourceFile], lang: Lang) -> Part {
    Part {
        heading: text(lang, Text::Signatures),
        block: Block::Table {
            columns: vec![
                text(lang, Text::File),
                text(lang, Text::SignerCertificate),
                text(lang, Text::TrustedAuthority),
                text(lang, Text::JudgedAt),
                text(lang, Text::SignerRevocation),
            ],
            rows: sources
                .iter()
                .map(|s| match &s.signer {
                    Some(sig) => vec![
                        signed_file_cell(s, lang),
                        Cell::plain(&sig.certificate.subject).with_note(Some(format!(
                            "{}: {}; {}: {}; SHA-256 {}",
                            text(lang, Text::Issuer),
                            sig.certificate.issuer,
                            text(lang, Text::Serial),
                            sig.certificate.serial,
                            sig.certificate.sha256
                        ))),
                        Cell::plain(anchor_name(lang, sig.certificate.anchor.as_deref()))
                            .with_note(accreditation(lang, &sig.certificate.accreditation)),
                        Cell::plain(sig.reference_time_utc.clone().unwrap_or_default()).with_note(
                            Some(reference_source(lang, sig.reference_time_source))
                                .into_iter()
                                .chain(also_judged(lang, &sig.also_judged_at))
                                .reduce(|a, b| format!("{a}; {b}")),
                        ),
                        Cell::toned(
                            revocation_text(lang, &sig.revocation),
                            match sig.revocation.status {
                                crate::verify::RevocationStatus::Revoked => Tone::Bad,
                                _ => Tone::Plain,
                            },
                        ),
                    ],
                    None => vec![
                        file_cell(s, lang),
                        Cell::plain(text(lang, Text::SignatureUnreadable)),
                        Cell::plain("—"),
                        Cell::plain("—"),
                        Cell::plain("—"),
                    ],
                })
                .collect(),
        },
    }
}

fn originals_part(m: &MessageEvidence, lang: Lang) -> Part {
    Part {
        heading: text(lang, Text::KeptOriginals),
        block: Block::Table {
            columns: vec![
                text(lang, Text::Attachment),
                text(lang, Text::Outcome),
                text(lang, Text::File),
            ],
            rows: m
                .originals
                .iter()
                .map(|o| {
                    let (word, tone) = match o.status {
                        "matching" => (Text::OriginalMatches, Tone::Good),
                        "differing" => (Text::OriginalDiffers, Tone::Bad),
                        _ => (Text::OriginalMissing, Tone::Bad),
                    };
                    vec![
                        Cell::plain(&o.attachment),
                        Cell::toned(text(lang, word), tone)
                            .with_note(o.algorithm.map(str::to_string)),
                        Cell::toned(o.file.clone().unwrap_or_else(|| "—".into()), Tone::Mono),
                    ]
                })
                .collect(),
        },
    }
}

/// Markdown, one section per message.
pub fn markdown(report: &EvidenceReport, lang: Lang) -> String {
    super::markdown::render(&document(report, lang))
}

/// A self-contained printable page: one section (page) per message.
pub fn html(report: &EvidenceReport, lang: Lang) -> String {
    super::html::render(&document(report, lang))
}

fn message_section(m: &MessageEvidence, generated: &Generated, lang: Lang) -> Section {
    let mut parts = vec![
        files_part(&m.sources, lang),
        Part { heading: text(lang, Text::Message), block: Block::Fields(message_fields(m, lang)) },
        Part {
            heading: text(lang, Text::Recipients),
            block: Block::Table {
                columns: vec![
                    text(lang, Text::Recipient),
                    text(lang, Text::Outcome),
                    text(lang, Text::Details),
                ],
                rows: m.recipients.iter().map(|r| recipient_row(m, r, lang)).collect(),
            },
        },
    ];
    if !m.attachments.is_empty() {
        parts.push(Part {
            heading: text(lang, Text::AttachmentsOfTheOriginal),
            block: Block::Table {
                columns: vec![text(lang, Text::Name), text(lang, Text::Size), "SHA-256"],
                rows: m
                    .attachments
                    .iter()
                    .map(|a| {
                        vec![
                            match a.name.trim() {
                                "" => Cell::plain(text(lang, Text::NoName)),
                                _ => Cell::plain(&a.name),
                            },
                            Cell::plain(format!("{} B", a.size)),
                            Cell::toned(&a.sha256, Tone::Mono),
                        ]
                    })
                    .collect(),
            },
        });
    }
    if !m.originals.is_empty() {
        parts.push(originals_part(m, lang));
    }
    parts.push(Part {
        heading: text(lang, Text::WhatTheTimesMeanInLaw),
        block: Block::Legend(legend(m, lang)),
    });
    parts.push(Part {
        heading: text(lang, Text::SourceFiles),
        block: Block::Table {
            columns: vec![text(lang, Text::File), "SHA-256"],
            rows: m
                .sources
                .iter()
                .map(|s| {
                    vec![
                        file_cell(s, lang),
                        Cell::toned(s.sha256.as_deref().unwrap_or("—"), Tone::Mono),
                    ]
                })
                .collect(),
        },
    });
    parts.push(signatures_part(&m.sources, lang));
    parts.push(provenance_part(generated, lang));
    Section { name: m.subject.clone().unwrap_or_else(|| "—".into()), parts }
}

fn source_row(s: &SourceFile, lang: Lang) -> Vec<Cell> {
    let (verdict, tone) = match s.verdict {
        Verdict::Valid => (text(lang, Text::ValidUpper), Tone::Good),
        Verdict::Invalid if s.used_as_proof => (text(lang, Text::InvalidSignedPartUsed), Tone::Bad),
        Verdict::Invalid => (text(lang, Text::InvalidNotUsedAsProof), Tone::Bad),
        Verdict::Error => (text(lang, Text::ErrorUpper), Tone::Bad),
    };
    // An invalid file's reason; a valid file's warnings, each said: a date attested only by
    // its signer, or contradicted by a time-stamp, must not read as plain VALID (review 22).
    let why = match s.problems.iter().find(|p| p.is_fatal()) {
        Some(p) => Some(problem_line(p, lang)),
        None => s
            .problems
            .iter()
            .filter(|p| p.severity == crate::problem::Severity::Warning)
            .map(|p| format!("{}: {}", text(lang, Text::SeverityWarning), problem_line(p, lang)))
            .reduce(|a, b| format!("{a}; {b}")),
    };
    vec![
        file_cell(s, lang),
        Cell::plain(crate::catalogue::kind_phrase(lang, &s.kind)),
        Cell::toned(verdict, tone).with_note(why),
    ]
}

/// A file in the table of signatures: one not used as proof says so there too, where its
/// signer and authority read like a valid proof's (review 22).
fn signed_file_cell(s: &SourceFile, lang: Lang) -> Cell {
    let cell = file_cell(s, lang);
    if s.verdict == Verdict::Valid || s.used_as_proof {
        return cell;
    }
    let code = s.problems.iter().find(|p| p.is_fatal()).map_or("invalid", |p| p.code.code());
    let refused = format!("{} ({code})", text(lang, Text::InvalidNotUsedAsProof));
    let note = match cell.note {
        Some(recorded) => format!("{refused}; {recorded}"),
        None => refused,
    };
    Cell { tone: Tone::Bad, note: Some(note), ..cell }
}

/// A file as every table names it: its path and, when its verdict was read from a record,
/// that record (two shards' files of one path stay told apart).
fn file_cell(s: &SourceFile, lang: Lang) -> Cell {
    Cell::toned(&s.path, Tone::Mono).with_note(
        s.recorded_in.as_deref().map(|at| crate::catalogue::texts::recorded_in(lang, at)),
    )
}

/// A problem for people: its stable code and what was found, in `lang`.
fn problem_line(p: &crate::problem::Problem, lang: Lang) -> String {
    format!("{}: {}", p.code.code(), crate::catalogue::problem_message(lang, p))
}

fn message_fields(m: &MessageEvidence, lang: Lang) -> Vec<(&'static str, Cell)> {
    // A refusal is said where the sending is: beside an acceptance it contradicts it, alone
    // it replaces it (the message was not sent).
    let refusal = |n: &Proof| {
        let reason = m.not_accepted_reason.as_deref().map(|r| {
            format!("; {}: {}", text(lang, Text::Reason), crate::catalogue::errore_text(lang, r))
        });
        format!("{} — {}{}", instant_text(lang, n), proof_file(lang, n), reason.unwrap_or_default())
    };
    let (sent_label, sent) = match (&m.sent, &m.not_accepted) {
        (Some(s), Some(n)) => (
            text(lang, Text::SentAcceptance),
            Cell::toned(
                format!("{}, {}", instant_text(lang, s), text(lang, Text::SentContradicted)),
                Tone::Bad,
            )
            .with_note(Some(format!(
                "{}; {} ({})",
                proof_file(lang, s),
                text(lang, Text::NonAcceptanceExistsToo),
                refusal(n)
            ))),
        ),
        (Some(s), None) => (
            text(lang, Text::SentAcceptance),
            Cell::plain(instant_text(lang, s)).with_note(Some(proof_note(m, lang, s))),
        ),
        (None, Some(n)) => (
            text(lang, Text::NotAcceptedNotice),
            match &m.not_accepted_contradicted_by {
                // An envelope or a receipt of delivery shows it went out all the same.
                Some(c) => Cell::toned(
                    format!(
                        "{}, {}",
                        text(lang, Text::NotAccepted),
                        text(lang, Text::SentContradicted)
                    ),
                    Tone::Bad,
                )
                .with_note(Some(format!(
                    "{}; {}: {}",
                    refusal(n),
                    text(lang, Text::WentOutAnyway),
                    proof_file(lang, c)
                ))),
                None => Cell::toned(text(lang, Text::NotAccepted), Tone::Bad)
                    .with_note(Some(refusal(n))),
            },
        ),
        (None, None) => (
            text(lang, Text::SentAcceptance),
            Cell::plain(text(lang, Text::NotAttestedByAVerifiedReceipt)),
        ),
    };
    let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
    let mut fields = Vec::new();
    if !m.facts_from_altered_files.is_empty() {
        fields.push((
            text(lang, Text::FactsFromAlteredFiles),
            Cell::toned(m.facts_from_altered_files.join(", "), Tone::Bad)
                .with_note(Some(text(lang, Text::FactsFromAlteredFilesNote).to_string())),
        ));
    }
    fields.extend(vec![
        (text(lang, Text::Subject), Cell::plain(or_dash(&m.subject))),
        (
            text(lang, Text::Sender),
            Cell::plain(or_dash(&m.sender)).with_note((!m.sender_notes.is_empty()).then(|| {
                m.sender_notes.iter().map(|n| n.text(lang)).collect::<Vec<_>>().join("; ")
            })),
        ),
        (text(lang, Text::SendersProvider), Cell::plain(or_dash(&m.sender_provider))),
        (sent_label, sent),
        (
            text(lang, Text::EnvelopeIssued),
            match &m.envelope_issued {
                Some(e) => {
                    Cell::plain(instant_text(lang, e)).with_note(Some(proof_note(m, lang, e)))
                }
                None => Cell::plain("—"),
            },
        ),
        ("Message-ID", Cell::toned(or_dash(&m.msgid), Tone::Mono)),
        (text(lang, Text::Identifier), Cell::toned(or_dash(&m.identificativo), Tone::Mono)),
    ]);
    fields
}

fn recipient_row(m: &MessageEvidence, r: &RecipientEvidence, lang: Lang) -> Vec<Cell> {
    // The outcome a reader quotes never says "delivered" alone when a verified failure for
    // the same recipient exists too (review 16).
    let contradicted = r.notes.contains(&crate::catalogue::notes::Note::ContradictoryEvidence);
    let (fate, tone) = match r.fate {
        Fate::Delivered if contradicted => (text(lang, Text::DeliveredContradicted), Tone::Bad),
        Fate::Delivered => (fate_text(lang, r.fate), Tone::Good),
        Fate::NotDelivered | Fate::NotAccepted => (fate_text(lang, r.fate), Tone::Bad),
        _ => (fate_text(lang, r.fate), Tone::Plain),
    };
    vec![
        Cell::plain(&r.address),
        Cell::toned(fate, tone),
        Cell::plain(recipient_detail(m, lang, r)),
    ]
}

/// What each time means in law (DPR 68/2005 art. 3, CAD art. 48).
/// PEC's law for a message of PEC artefacts, REM's for one of REM evidence, both when it
/// has both.
fn legend(m: &MessageEvidence, lang: Lang) -> Vec<Paragraph> {
    let is_rem = |s: &SourceFile| s.kind.starts_with("rem");
    let mut paragraphs = Vec::new();
    if m.sources.is_empty() || m.sources.iter().any(|s| !is_rem(s)) {
        paragraphs.extend([
            Paragraph {
                lead: text(lang, Text::LegendSent),
                text: text(lang, Text::LegendSentText),
            },
            Paragraph {
                lead: text(lang, Text::LegendDelivered),
                text: text(lang, Text::LegendDeliveredText),
            },
            Paragraph { lead: "", text: text(lang, Text::LegendOpposable) },
        ]);
    }
    if m.sources.iter().any(is_rem) {
        paragraphs.push(Paragraph {
            lead: text(lang, Text::LegendRem),
            text: text(lang, Text::LegendRemText),
        });
    }
    paragraphs
}
