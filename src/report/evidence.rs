//! Renderers for the evidence summary: Markdown, a printable HTML page, and CSV rows.
//!
//! They format an [`EvidenceReport`]; they decide nothing. Labels follow the language; the
//! legend states what each time means in law (DPR 68/2005 art. 3, CAD art. 48).
#![deny(clippy::indexing_slicing)]

use std::fmt::Write as _;

use super::i18n::Lang;
use crate::evidence::{EvidenceReport, Fate, MessageEvidence, Proof, RecipientEvidence};

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
    parts.extend(r.notes.iter().cloned());
    parts.join("; ")
}

/// Markdown, one section per message.
pub fn markdown(report: &EvidenceReport, lang: Lang) -> String {
    let mut out = String::new();
    for m in &report.messages {
        let _ = writeln!(out, "## {}\n", md(m.subject.as_deref().unwrap_or("—")));
        let _ = writeln!(
            out,
            "- **{}**: {}",
            t(lang, "Mittente", "Sender"),
            md(m.sender.as_deref().unwrap_or("—"))
        );
        if let Some(p) = &m.sender_provider {
            let _ = writeln!(
                out,
                "- **{}**: {}",
                t(lang, "Gestore del mittente", "Sender's provider"),
                md(p)
            );
        }
        match (&m.sent, &m.not_accepted) {
            (Some(s), _) => {
                let _ = writeln!(
                    out,
                    "- **{}**: {} ({})",
                    t(lang, "Spedito (accettazione)", "Sent (acceptance)"),
                    instant_text(lang, s),
                    md(&s.path)
                );
            }
            (None, Some(n)) => {
                let _ = writeln!(
                    out,
                    "- **{}**: {}",
                    t(lang, "NON accettato", "NOT accepted"),
                    instant_text(lang, n)
                );
            }
            (None, None) => {
                let _ = writeln!(
                    out,
                    "- **{}**",
                    t(
                        lang,
                        "Spedizione non attestata da una ricevuta verificata",
                        "Sending not attested by a verified receipt"
                    )
                );
            }
        }
        if let Some(id) = &m.msgid {
            let _ = writeln!(out, "- **Message-ID**: `{}`", id.replace('`', "'"));
        }
        let _ = writeln!(
            out,
            "\n| {} | {} | {} |\n|---|---|---|",
            t(lang, "Destinatario", "Recipient"),
            t(lang, "Esito", "Outcome"),
            t(lang, "Dettagli", "Details")
        );
        for r in &m.recipients {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                md(&r.address),
                fate_text(lang, r.fate),
                md(&recipient_detail(lang, r))
            );
        }
        if !m.attachments.is_empty() {
            let _ = writeln!(out, "\n**{}**\n", t(lang, "Allegati", "Attachments"));
            for a in &m.attachments {
                let _ = writeln!(out, "- {} ({} B) SHA-256 `{}`", md(&a.name), a.size, a.sha256);
            }
        }
        let _ = writeln!(out, "\n**{}**\n", t(lang, "File", "Files"));
        for s in &m.sources {
            let why = s
                .problems
                .iter()
                .find(|p| p.is_fatal())
                .map(|p| format!(" — {}: {}", p.code.code(), p.message))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- `{}` {} {} SHA-256 `{}`{}",
                s.path.replace('`', "'"),
                s.kind,
                s.verdict.name(),
                s.sha256,
                md(&why)
            );
        }
        out.push('\n');
    }
    out
}

fn md(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ").replace('*', "\\*").replace('_', "\\_")
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = "
@page { size: A4; margin: 18mm 16mm; }
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; color: #111; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
th, td { border: 1px solid #bbb; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
th { background: #eee; }
.valid { color: #0a6b16; font-weight: bold; }
.invalid, .error { color: #b00020; font-weight: bold; }
.legend { font-size: 9pt; color: #333; border: 1px solid #ccc; padding: 2mm 3mm; }
.mono { font-family: 'DejaVu Sans Mono', monospace; font-size: 8.5pt; word-break: break-all; }
section.message { page-break-after: always; }
section.message:last-child { page-break-after: auto; }
@media print { a { color: inherit; text-decoration: none; } }
";

/// A self-contained printable page: one section (page) per message.
pub fn html(report: &EvidenceReport, lang: Lang) -> String {
    let mut out = String::new();
    let title = t(lang, "Riepilogo probatorio PEC", "PEC evidence summary");
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{title}</title><style>{CSS}</style></head><body>\n",
        t(lang, "it", "en")
    );
    for m in &report.messages {
        html_message(&mut out, m, lang, title);
    }
    if report.messages.is_empty() {
        let _ = write!(
            out,
            "<h1>{title}</h1><p>{}</p>",
            t(lang, "Nessun messaggio PEC trovato.", "No PEC message found.")
        );
    }
    out.push_str("</body></html>\n");
    out
}

fn html_message(out: &mut String, m: &MessageEvidence, lang: Lang, title: &str) {
    let _ = write!(out, "<section class=\"message\"><h1>{title}</h1>");
    let _ = write!(out, "<h2>{}</h2>", t(lang, "Verifica dei file", "Verification of the files"));
    let _ = write!(
        out,
        "<table><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
        t(lang, "File", "File"),
        t(lang, "Tipo", "Kind"),
        t(lang, "Esito", "Verdict")
    );
    for s in &m.sources {
        let verdict = match s.verdict {
            crate::certify::assess::Verdict::Valid => t(lang, "VALIDO", "VALID"),
            crate::certify::assess::Verdict::Invalid => {
                t(lang, "NON VALIDO — non usato come prova", "INVALID — not used as proof")
            }
            crate::certify::assess::Verdict::Error => t(lang, "ERRORE", "ERROR"),
        };
        let why = s
            .problems
            .iter()
            .find(|p| p.is_fatal())
            .map(|p| format!("<br>{}: {}", esc(p.code.code()), esc(&p.message)))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<tr><td class=\"mono\">{}</td><td>{}</td><td class=\"{}\">{verdict}{why}</td></tr>",
            esc(&s.path),
            esc(&s.kind),
            s.verdict.name()
        );
    }
    out.push_str("</table>");
    let _ = write!(out, "<h2>{}</h2><table>", t(lang, "Messaggio", "Message"));
    let row = |out: &mut String, k: &str, v: &str| {
        let _ = write!(out, "<tr><th>{k}</th><td>{v}</td></tr>");
    };
    row(out, t(lang, "Oggetto", "Subject"), &esc(m.subject.as_deref().unwrap_or("—")));
    row(out, t(lang, "Mittente", "Sender"), &esc(m.sender.as_deref().unwrap_or("—")));
    row(
        out,
        t(lang, "Gestore del mittente", "Sender's provider"),
        &esc(m.sender_provider.as_deref().unwrap_or("—")),
    );
    let sent = match (&m.sent, &m.not_accepted) {
        (Some(s), _) => format!(
            "{}<br><span class=\"mono\">{}</span>",
            esc(&instant_text(lang, s)),
            esc(&s.path)
        ),
        (None, Some(n)) => format!(
            "<span class=\"invalid\">{}</span> {}",
            t(lang, "NON ACCETTATO", "NOT ACCEPTED"),
            esc(&instant_text(lang, n))
        ),
        (None, None) => t(
            lang,
            "non attestato da una ricevuta verificata",
            "not attested by a verified receipt",
        )
        .to_string(),
    };
    row(out, t(lang, "Spedito (accettazione)", "Sent (acceptance)"), &sent);
    row(
        out,
        "Message-ID",
        &format!("<span class=\"mono\">{}</span>", esc(m.msgid.as_deref().unwrap_or("—"))),
    );
    row(
        out,
        t(lang, "Identificativo", "Identifier"),
        &format!("<span class=\"mono\">{}</span>", esc(m.identificativo.as_deref().unwrap_or("—"))),
    );
    out.push_str("</table>");
    let _ = write!(
        out,
        "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th></tr>",
        t(lang, "Destinatari", "Recipients"),
        t(lang, "Destinatario", "Recipient"),
        t(lang, "Esito", "Outcome"),
        t(lang, "Dettagli", "Details")
    );
    for r in &m.recipients {
        let class = match r.fate {
            Fate::Delivered => "valid",
            Fate::NotDelivered => "invalid",
            _ => "",
        };
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"{class}\">{}</td><td>{}</td></tr>",
            esc(&r.address),
            fate_text(lang, r.fate),
            esc(&recipient_detail(lang, r))
        );
    }
    out.push_str("</table>");
    if !m.attachments.is_empty() {
        let _ = write!(
            out,
            "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>SHA-256</th></tr>",
            t(lang, "Allegati del messaggio originale", "Attachments of the original"),
            t(lang, "Nome", "Name"),
            t(lang, "Dimensione", "Size")
        );
        for a in &m.attachments {
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{} B</td><td class=\"mono\">{}</td></tr>",
                esc(&a.name),
                a.size,
                a.sha256
            );
        }
        out.push_str("</table>");
    }
    let _ = write!(
        out,
        "<h2>{}</h2><div class=\"legend\">{}</div>",
        t(lang, "Valore legale degli orari", "What the times mean in law"),
        t(
            lang,
            "<p><b>Spedito</b>: il messaggio si intende spedito quando il gestore del mittente lo accetta; fa fede l'orario della ricevuta di accettazione (DPR 68/2005, art. 3).</p><p><b>Consegnato</b>: il messaggio si intende consegnato quando è reso disponibile nella casella del destinatario, anche se non letto; fa fede l'orario della ricevuta di avvenuta consegna, una per destinatario (DPR 68/2005, art. 3).</p><p>Data e ora di trasmissione e ricezione sono opponibili ai terzi (CAD, art. 48). Solo i file VALIDI sono usati come prova. Gli orari sono indicati in UTC e in ora italiana (Europe/Rome).</p>",
            "<p><b>Sent</b>: a message is sent when the sender's provider accepts it; the time of the acceptance receipt counts (DPR 68/2005 art. 3).</p><p><b>Delivered</b>: a message is delivered when it is made available in the recipient's box, read or not; the time of the delivery receipt counts, one per recipient (DPR 68/2005 art. 3).</p><p>Times of transmission and receipt are opposable to third parties (CAD art. 48). Only VALID files are used as proof. Times are given in UTC and in Italian time (Europe/Rome).</p>"
        )
    );
    let _ = write!(
        out,
        "<h2>{}</h2><table><tr><th>{}</th><th>SHA-256</th></tr>",
        t(lang, "File di origine", "Source files"),
        t(lang, "File", "File")
    );
    for s in &m.sources {
        let _ = write!(
            out,
            "<tr><td class=\"mono\">{}</td><td class=\"mono\">{}</td></tr>",
            esc(&s.path),
            s.sha256
        );
    }
    out.push_str("</table></section>\n");
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
                r.notes.join("; "),
            ]);
        }
    }
    rows
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_everything_from_mail() {
        assert_eq!(esc("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
    }

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(md("a|b\nc"), "a\\|b c");
    }
}
