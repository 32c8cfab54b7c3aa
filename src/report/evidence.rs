//! The evidence summary as a document (drawn as Markdown or a printable HTML page) and as
//! CSV rows.
//!
//! They format an [`EvidenceReport`]; they decide nothing. Labels follow the language; the
//! legend states what each time means in law (DPR 68/2005 art. 3, CAD art. 48).
#![deny(clippy::indexing_slicing)]

use std::fmt::Write as _;

use super::document::{Block, Cell, Document, Paragraph, Part, Section, Tone};
use crate::catalogue::Lang;
use crate::certify::assess::Verdict;
use crate::evidence::{
    EvidenceReport, Fate, MessageEvidence, Proof, RecipientEvidence, SourceFile,
};

/// A label in the chosen language.
fn t(lang: Lang, it: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::It => it,
        Lang::En => en,
    }
}

/// The fate of a recipient, for people.
pub fn fate_text(lang: Lang, fate: Fate) -> &'static str {
    match fate {
        Fate::Delivered => t(lang, "consegnato", "delivered"),
        Fate::NotDelivered => t(lang, "NON consegnato", "NOT delivered"),
        Fate::Warned => t(lang, "preavviso di mancata consegna", "non-delivery warning"),
        Fate::TakenInCharge => t(
            lang,
            "preso in carico, consegna non attestata",
            "taken in charge, delivery not attested",
        ),
        Fate::Pending => t(lang, "nessuna ricevuta", "no receipt yet"),
        Fate::External => t(
            lang,
            "indirizzo non PEC: nessuna ricevuta prevista",
            "non-PEC address: no receipt by design",
        ),
    }
}

/// "2024-05-02 10:15:03 UTC / 12:15:03 ora italiana (+02:00)".
pub fn instant_text(lang: Lang, p: &Proof) -> String {
    let Some(at) = &p.at else { return String::new() };
    let utc = at.utc.replace('T', " ").replace('Z', " UTC");
    let rome = at.rome.get(..19).unwrap_or(&at.rome).replace('T', " ");
    let offset = at.rome.get(19..).unwrap_or("");
    let mut s = format!("{utc} — {rome} {} ({offset})", t(lang, "ora italiana", "Italian time"));
    if let Some(st) = &at.signing_time_utc {
        let _ = write!(
            s,
            "; {} {}",
            t(lang, "firma", "signed"),
            st.replace('T', " ").replace('Z', " UTC")
        );
    }
    s
}

fn recipient_detail(lang: Lang, r: &RecipientEvidence) -> String {
    let mut parts = Vec::new();
    if let Some(p) = &r.delivery {
        parts.push(instant_text(lang, p));
        if let Some(prov) = &p.provider {
            parts.push(format!("{}: {prov}", t(lang, "gestore", "provider")));
        }
        if let Some(rt) = &r.receipt_type {
            parts.push(format!("{}: {rt}", t(lang, "ricevuta", "receipt")));
        }
        parts.push(p.path.clone());
    }
    if let Some(p) = &r.notice {
        parts.push(instant_text(lang, p));
        if let Some(e) = &r.errore {
            parts.push(format!("{}: {e}", t(lang, "errore", "error")));
        }
        if let Some(e) = &r.errore_esteso {
            parts.push(e.clone());
        }
        parts.push(p.path.clone());
    }
    parts.extend(r.notes.iter().map(|n| n.text(lang)));
    parts.join("; ")
}

/// The evidence summary as a [`Document`]: one section per message.
pub fn document(report: &EvidenceReport, lang: Lang) -> Document {
    Document {
        title: t(lang, "Riepilogo probatorio PEC", "PEC evidence summary"),
        lang: t(lang, "it", "en"),
        sections: report.messages.iter().map(|m| message_section(m, lang)).collect(),
        empty: t(lang, "Nessun messaggio PEC trovato.", "No PEC message found."),
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

fn message_section(m: &MessageEvidence, lang: Lang) -> Section {
    let mut parts = vec![
        Part {
            heading: t(lang, "Verifica dei file", "Verification of the files"),
            block: Block::Table {
                columns: vec![
                    t(lang, "File", "File"),
                    t(lang, "Tipo", "Kind"),
                    t(lang, "Esito", "Verdict"),
                ],
                rows: m.sources.iter().map(|s| source_row(s, lang)).collect(),
            },
        },
        Part {
            heading: t(lang, "Messaggio", "Message"),
            block: Block::Fields(message_fields(m, lang)),
        },
        Part {
            heading: t(lang, "Destinatari", "Recipients"),
            block: Block::Table {
                columns: vec![
                    t(lang, "Destinatario", "Recipient"),
                    t(lang, "Esito", "Outcome"),
                    t(lang, "Dettagli", "Details"),
                ],
                rows: m.recipients.iter().map(|r| recipient_row(r, lang)).collect(),
            },
        },
    ];
    if !m.attachments.is_empty() {
        parts.push(Part {
            heading: t(lang, "Allegati del messaggio originale", "Attachments of the original"),
            block: Block::Table {
                columns: vec![t(lang, "Nome", "Name"), t(lang, "Dimensione", "Size"), "SHA-256"],
                rows: m
                    .attachments
                    .iter()
                    .map(|a| {
                        vec![
                            Cell::plain(&a.name),
                            Cell::plain(format!("{} B", a.size)),
                            Cell::toned(&a.sha256, Tone::Mono),
                        ]
                    })
                    .collect(),
            },
        });
    }
    parts.push(Part {
        heading: t(lang, "Valore legale degli orari", "What the times mean in law"),
        block: Block::Legend(legend(lang)),
    });
    parts.push(Part {
        heading: t(lang, "File di origine", "Source files"),
        block: Block::Table {
            columns: vec![t(lang, "File", "File"), "SHA-256"],
            rows: m
                .sources
                .iter()
                .map(|s| vec![Cell::toned(&s.path, Tone::Mono), Cell::toned(&s.sha256, Tone::Mono)])
                .collect(),
        },
    });
    Section { name: m.subject.clone().unwrap_or_else(|| "—".into()), parts }
}

fn source_row(s: &SourceFile, lang: Lang) -> Vec<Cell> {
    let (verdict, tone) = match s.verdict {
        Verdict::Valid => (t(lang, "VALIDO", "VALID"), Tone::Good),
        Verdict::Invalid => {
            (t(lang, "NON VALIDO — non usato come prova", "INVALID — not used as proof"), Tone::Bad)
        }
        Verdict::Error => (t(lang, "ERRORE", "ERROR"), Tone::Bad),
    };
    let why = s.problems.iter().find(|p| p.is_fatal()).map(|p| problem_line(p, lang));
    vec![
        Cell::toned(&s.path, Tone::Mono),
        Cell::plain(&s.kind),
        Cell::toned(verdict, tone).with_note(why),
    ]
}

/// A problem for people: its stable code and what was found, in `lang`.
fn problem_line(p: &crate::problem::Problem, lang: Lang) -> String {
    format!("{}: {}", p.code.code(), crate::catalogue::problem_message(lang, p))
}

fn message_fields(m: &MessageEvidence, lang: Lang) -> Vec<(&'static str, Cell)> {
    let sent = match (&m.sent, &m.not_accepted) {
        (Some(s), _) => Cell::plain(instant_text(lang, s)).with_note(Some(s.path.clone())),
        (None, Some(n)) => Cell::toned(
            format!("{} {}", t(lang, "NON ACCETTATO", "NOT ACCEPTED"), instant_text(lang, n)),
            Tone::Bad,
        ),
        (None, None) => Cell::plain(t(
            lang,
            "non attestato da una ricevuta verificata",
            "not attested by a verified receipt",
        )),
    };
    let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
    vec![
        (t(lang, "Oggetto", "Subject"), Cell::plain(or_dash(&m.subject))),
        (t(lang, "Mittente", "Sender"), Cell::plain(or_dash(&m.sender))),
        (
            t(lang, "Gestore del mittente", "Sender's provider"),
            Cell::plain(or_dash(&m.sender_provider)),
        ),
        (t(lang, "Spedito (accettazione)", "Sent (acceptance)"), sent),
        ("Message-ID", Cell::toned(or_dash(&m.msgid), Tone::Mono)),
        (
            t(lang, "Identificativo", "Identifier"),
            Cell::toned(or_dash(&m.identificativo), Tone::Mono),
        ),
    ]
}

fn recipient_row(r: &RecipientEvidence, lang: Lang) -> Vec<Cell> {
    let tone = match r.fate {
        Fate::Delivered => Tone::Good,
        Fate::NotDelivered => Tone::Bad,
        _ => Tone::Plain,
    };
    vec![
        Cell::plain(&r.address),
        Cell::toned(fate_text(lang, r.fate), tone),
        Cell::plain(recipient_detail(lang, r)),
    ]
}

/// What each time means in law (DPR 68/2005 art. 3, CAD art. 48).
fn legend(lang: Lang) -> Vec<Paragraph> {
    match lang {
        Lang::It => vec![
            Paragraph {
                lead: "Spedito",
                text: "il messaggio si intende spedito quando il gestore del mittente lo accetta; \
                       fa fede l'orario della ricevuta di accettazione (DPR 68/2005, art. 3).",
            },
            Paragraph {
                lead: "Consegnato",
                text: "il messaggio si intende consegnato quando è reso disponibile nella casella \
                       del destinatario, anche se non letto; fa fede l'orario della ricevuta di \
                       avvenuta consegna, una per destinatario (DPR 68/2005, art. 3).",
            },
            Paragraph {
                lead: "",
                text: "Data e ora di trasmissione e ricezione sono opponibili ai terzi (CAD, art. \
                       48). Solo i file VALIDI sono usati come prova. Gli orari sono indicati in \
                       UTC e in ora italiana (Europe/Rome).",
            },
        ],
        Lang::En => vec![
            Paragraph {
                lead: "Sent",
                text: "a message is sent when the sender's provider accepts it; the time of the \
                       acceptance receipt counts (DPR 68/2005 art. 3).",
            },
            Paragraph {
                lead: "Delivered",
                text: "a message is delivered when it is made available in the recipient's box, \
                       read or not; the time of the delivery receipt counts, one per recipient \
                       (DPR 68/2005 art. 3).",
            },
            Paragraph {
                lead: "",
                text: "Times of transmission and receipt are opposable to third parties (CAD art. \
                       48). Only VALID files are used as proof. Times are given in UTC and in \
                       Italian time (Europe/Rome).",
            },
        ],
    }
}

/// The CSV header of `evidence --format csv`.
pub const CSV_COLUMNS: &[&str] = &[
    "msgid",
    "subject",
    "sender",
    "sent_utc",
    "sent_rome",
    "recipient",
    "recipient_tipo",
    "fate",
    "event_utc",
    "event_rome",
    "provider",
    "receipt_type",
    "errore",
    "errore_esteso",
    "proof_file",
    "notes",
];

/// One CSV row per (message, recipient), already split into cells.
pub fn csv_rows(report: &EvidenceReport) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for m in &report.messages {
        let sent_utc =
            m.sent.as_ref().and_then(|p| p.at.as_ref()).map(|a| a.utc.clone()).unwrap_or_default();
        let sent_rome =
            m.sent.as_ref().and_then(|p| p.at.as_ref()).map(|a| a.rome.clone()).unwrap_or_default();
        for r in &m.recipients {
            let proof = r.delivery.as_ref().or(r.notice.as_ref());
            let fate = serde_json::to_value(r.fate)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            rows.push(vec![
                m.msgid.clone().unwrap_or_default(),
                m.subject.clone().unwrap_or_default(),
                m.sender.clone().unwrap_or_default(),
                sent_utc.clone(),
                sent_rome.clone(),
                r.address.clone(),
                r.tipo.clone(),
                fate,
                proof.and_then(|p| p.at.as_ref()).map(|a| a.utc.clone()).unwrap_or_default(),
                proof.and_then(|p| p.at.as_ref()).map(|a| a.rome.clone()).unwrap_or_default(),
                proof.and_then(|p| p.provider.clone()).unwrap_or_default(),
                r.receipt_type.clone().unwrap_or_default(),
                r.errore.clone().unwrap_or_default(),
                r.errore_esteso.clone().unwrap_or_default(),
                proof.map(|p| p.path.clone()).unwrap_or_default(),
                r.notes.iter().map(|n| n.text(Lang::En)).collect::<Vec<_>>().join("; "),
            ]);
        }
    }
    rows
}
