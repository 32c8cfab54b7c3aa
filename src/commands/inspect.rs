//! `peckit inspect`: what an artefact is and what its certified data says (no verdict).

use anyhow::Result;
use comfy_table::{ContentArrangement, Table};
use peckit::read::{Kind, MimeNode};
use peckit::report::i18n::{self, Label};
use peckit::report::model::InspectReport;

use super::terminal::{sanitize, sanitize_line};
use super::{Outcome, Output, Ui};
use crate::cli::{InspectArgs, InspectFormat};

/// Runs `peckit inspect`.
pub fn run(args: &InspectArgs, ui: Ui) -> Result<Outcome> {
    let limits = super::limits(&args.limits);
    let mut outcome = Outcome::Success;
    let mut out = Output::stdout();
    let mut json_reports = Vec::new();
    super::for_each_artefact(&args.paths, &limits, &mut outcome, |name, artefact| {
        if artefact.kind == Kind::NotPec {
            super::report_input_error(
                &name,
                &"not a PEC artefact (no PEC markers, signature or daticert.xml)",
            );
        }
        let report = InspectReport::new(&name, &artefact);
        match args.format {
            InspectFormat::Json => json_reports.push(report),
            InspectFormat::Table => {
                out.line(&render(&report, ui, 0))?;
                out.flush()?;
            }
        }
        Ok(())
    })?;
    if args.format == InspectFormat::Json {
        let doc = serde_json::json!({
            "schema_version": peckit::report::model::SCHEMA_VERSION,
            "peckit_version": env!("CARGO_PKG_VERSION"),
            "artefacts": json_reports,
        });
        out.line(&serde_json::to_string_pretty(&doc)?)?;
    }
    out.flush()?;
    Ok(outcome)
}

fn indent(text: &str, level: usize) -> String {
    let pad = "    ".repeat(level);
    text.lines().map(|l| format!("{pad}{l}")).collect::<Vec<_>>().join("\n")
}

fn opt(v: Option<&String>) -> String {
    v.map(|s| sanitize(s)).unwrap_or_default()
}

fn render(r: &InspectReport, ui: Ui, level: usize) -> String {
    let l = |x| i18n::label(ui.lang, x);
    let mut text = String::new();
    let kind = match &r.receipt_type {
        Some(t) => format!("{} ({t})", r.kind),
        None => r.kind.clone(),
    };
    text.push_str(&ui.paint.bold(&format!("{}  {}", sanitize_line(&r.path), kind)));
    text.push('\n');

    let c = r.certified.as_ref();
    let claims = &r.claimed;
    let mut table = Table::new();
    table.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    table.force_no_tty();
    table.set_header(vec![l(Label::Field), l(Label::Signed), l(Label::Claimed)]);
    let marker = claims
        .x_trasporto
        .as_ref()
        .map(|v| format!("X-Trasporto: {v}"))
        .or_else(|| claims.x_ricevuta.as_ref().map(|v| format!("X-Ricevuta: {v}")))
        .unwrap_or_default();
    let recipients = c
        .map(|c| {
            c.destinatari
                .iter()
                .map(|d| format!("{} ({})", d.address, d.tipo))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default();
    let claimed_recipients = [claims.to.as_ref(), claims.cc.as_ref()]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    let time = c
        .map(|c| match (&c.data, &c.data_utc) {
            (Some(local), Some(utc)) => format!("{local}\n{utc}"),
            _ => String::new(),
        })
        .unwrap_or_default();
    let rows: Vec<(Label, String, String)> = vec![
        (Label::Kind, c.and_then(|c| c.tipo.clone()).unwrap_or_default(), marker),
        (Label::Sender, opt(c.and_then(|c| c.mittente.as_ref())), opt(claims.from.as_ref())),
        (Label::Recipients, sanitize(&recipients), sanitize(&claimed_recipients)),
        (Label::Subject, opt(c.and_then(|c| c.oggetto.as_ref())), opt(claims.subject.as_ref())),
        (Label::CertifiedTime, time, opt(claims.date.as_ref())),
        (
            Label::Identifier,
            opt(c.and_then(|c| c.identificativo.as_ref())),
            opt(claims.message_id.as_ref()),
        ),
        (
            Label::MessageId,
            opt(c.and_then(|c| c.msgid.as_ref())),
            opt(claims.x_riferimento_message_id.as_ref()),
        ),
        (Label::Provider, opt(c.and_then(|c| c.gestore_emittente.as_ref())), String::new()),
        (
            Label::ReceiptType,
            opt(c.and_then(|c| c.ricevuta.as_ref())),
            opt(claims.x_tipo_ricevuta.as_ref()),
        ),
        (Label::Delivery, opt(c.and_then(|c| c.consegna.as_ref())), String::new()),
        (
            Label::Coverage,
            c.map(|c| sanitize(&c.ricezione.join("\n"))).unwrap_or_default(),
            String::new(),
        ),
        (
            Label::Error,
            c.map(|c| c.errore.clone()).unwrap_or_default(),
            opt(claims.x_verifica_sicurezza.as_ref()),
        ),
        (Label::ExtendedError, opt(c.and_then(|c| c.errore_esteso.as_ref())), String::new()),
    ];
    for (label, signed, claimed) in rows {
        if signed.is_empty() && claimed.is_empty() {
            continue;
        }
        table.add_row(vec![l(label).to_string(), signed, claimed]);
    }
    text.push_str(&table.to_string());
    text.push('\n');

    if let Some(s) = &r.signer {
        text.push_str(&format!(
            "{}: {}\n{}: {}\n{}: {} → {}\n",
            l(Label::Signer),
            sanitize_line(&s.subject),
            l(Label::Issuer),
            sanitize_line(&s.issuer),
            l(Label::ValidFrom),
            s.not_before,
            s.not_after
        ));
        if let Some(t) = &s.signing_time {
            text.push_str(&format!("{}: {t}\n", l(Label::SigningTime)));
        }
    } else if let Some(e) = &r.signer_error {
        text.push_str(&format!("{}: {}\n", l(Label::Signer), sanitize_line(e)));
    }
    text.push_str(&format!("{}:\n", l(Label::MimeTree)));
    render_tree(&r.mime, 1, &mut text);
    for o in &r.outside_signature {
        text.push_str(&ui.paint.warn(&format!(
            "{}: {}",
            l(Label::OutsideSignature),
            sanitize_line(o)
        )));
        text.push('\n');
    }
    for p in &r.problems {
        text.push_str(&ui.paint.warn(&format!("{}: {}", p.code.code(), sanitize_line(&p.message))));
        text.push('\n');
    }
    for n in &r.nested {
        text.push_str(&format!("{}:\n", l(Label::Nested)));
        text.push_str(&render(n, ui, 1));
        text.push('\n');
    }
    indent(&text, level)
}

fn render_tree(node: &MimeNode, depth: usize, text: &mut String) {
    let name = node.name.as_ref().map(|n| format!(" \"{}\"", sanitize_line(n))).unwrap_or_default();
    let signed = if node.signed { " [signed]" } else { "" };
    text.push_str(&format!(
        "{}{} {}{} ({} B){}\n",
        "  ".repeat(depth),
        node.path,
        node.content_type,
        name,
        node.size,
        signed
    ));
    for child in &node.children {
        render_tree(child, depth + 1, text);
    }
}
