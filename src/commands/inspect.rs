//! `peckit inspect`: what an artefact is and what its certified data says (no verdict).

use anyhow::Result;
use peckit::read::{Kind, MimeNode};
use peckit::report::i18n::{self, Diagnostic, Label, Lang};
use peckit::report::model::{InspectReport, stated_provider};

use super::{Outcome, Output, Ui};
use crate::cli::{InspectArgs, InspectFormat};
use peckit::report::term::{self, Line, Style};

/// Runs `peckit inspect`.
pub fn run(args: &InspectArgs, ui: Ui) -> Result<Outcome> {
    let limits = super::limits(&args.verifier.limits);
    // The signature is checked only to say whether the daticert fields are certified or
    // merely stated; inspect gives no verdict.
    let verifier = super::verifier(&args.verifier, &limits)?;
    let mut outcome = Outcome::Success;
    let mut out = Output::stdout(ui.paint.enabled);
    // JSON is written report by report, like verify's: memory stays flat over a big mailbox.
    let mut json = None;
    if args.format == InspectFormat::Json {
        let mut buf = Vec::new();
        json = Some(peckit::report::envelope::INSPECT.start(&mut buf)?);
        out.write(&buf)?;
    }
    let seen = super::for_each_artefact(
        super::plain_inputs(&args.paths, &args.imap, &limits, super::no_skip())?,
        &limits,
        &mut outcome,
        |name, artefact| {
            if artefact.kind == Kind::NotPec {
                super::report_input_error(&name, &Diagnostic::NotPec.text(ui.lang));
            }
            let assessment = peckit::certify::assess::assess(&artefact, &verifier);
            let report = InspectReport::assessed(&name, &artefact, &assessment);
            match args.format {
                InspectFormat::Json => {
                    let mut buf = Vec::new();
                    if let Some(doc) = json.as_mut() {
                        doc.element(&mut buf, &report)?;
                    }
                    out.write(&buf)?;
                }
                InspectFormat::Jsonl => {
                    out.machine_line(&peckit::report::stream::jsonl_line("artefact", &report)?)?;
                }
                InspectFormat::Table => {
                    out.lines(render(&report, ui, 0))?;
                    out.flush()?;
                }
            }
            Ok(())
        },
        |_, _| {},
    )?;
    if let Some(doc) = json {
        let mut buf = Vec::new();
        doc.finish(&mut buf, &[])?;
        out.write(&buf)?;
    }
    out.flush()?;
    super::nothing_found(seen, &mut outcome, ui.lang);
    Ok(outcome)
}

fn opt(v: Option<&String>) -> String {
    v.map(|v| term::cell(v)).unwrap_or_default()
}

fn render(r: &InspectReport, ui: Ui, level: usize) -> Vec<Line> {
    let l = |x| i18n::label(ui.lang, x);
    let mut text = String::new();
    let kind = i18n::kind_with_detail(ui.lang, &r.kind, r.receipt_type.as_deref());

    let mut lines = vec![Line::styled(Style::Bold, format!("{}  {}", r.path, kind))];
    let c = r.certified.as_ref();
    let claims = &r.claimed;
    let mut table = super::terminal::table();
    let signed_heading = if r.signature_verified == Some(true) {
        l(Label::Signed)
    } else {
        i18n::texts::text(ui.lang, i18n::texts::Text::StatedNotVerified)
    };
    table.set_header(vec![l(Label::Field), signed_heading, l(Label::Claimed)]);
    let marker = claims
        .x_trasporto
        .as_ref()
        .map(|v| format!("X-Trasporto: {}", term::cell(v)))
        .or_else(|| claims.x_ricevuta.as_ref().map(|v| format!("X-Ricevuta: {}", term::cell(v))))
        .unwrap_or_default();
    let recipients = c
        .map(|c| {
            c.destinatari
                .iter()
                .map(|d| format!("{} ({})", term::cell(&d.address), term::cell(&d.tipo)))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default();
    let claimed_recipients = [claims.to.as_ref(), claims.cc.as_ref()]
        .into_iter()
        .flatten()
        .map(|v| term::cell(v))
        .collect::<Vec<_>>()
        .join("\n");
    let time = c
        .and_then(|c| c.data.as_ref())
        .map(|t| format!("{}\n{}", t.rfc3339_local(), t.rfc3339_utc()))
        .unwrap_or_default();
    let rows: Vec<(Label, String, String)> = vec![
        (Label::Kind, opt(c.and_then(|c| c.tipo.as_ref())), marker),
        (Label::Sender, opt(c.and_then(|c| c.mittente.as_ref())), opt(claims.from.as_ref())),
        (Label::Recipients, recipients, claimed_recipients),
        (Label::Subject, opt(c.and_then(|c| c.oggetto.as_ref())), opt(claims.subject.as_ref())),
        (Label::Date, time, opt(claims.date.as_ref())),
        (
            Label::Identifier,
            opt(c.and_then(|c| c.identificativo.as_ref())),
            // Only an envelope's Message-ID is its identificativo (docs/pec-spec.md Q12); a
            // receipt's is its own, and set beside it would look like a discrepancy.
            if r.kind == "posta-certificata" {
                opt(claims.message_id.as_ref())
            } else {
                String::new()
            },
        ),
        (
            Label::MessageId,
            opt(c.and_then(|c| c.msgid.as_ref())),
            opt(claims.x_riferimento_message_id.as_ref()),
        ),
        (
            Label::Provider,
            c.and_then(|c| c.gestore_emittente.as_deref())
                .map(|g| {
                    let organisation = r
                        .signer
                        .as_ref()
                        .and_then(|s| s.certificate.as_ref())
                        .and_then(|c| c.organization.as_deref());
                    term::cell(&stated_provider(ui.lang, g, organisation))
                })
                .unwrap_or_default(),
            String::new(),
        ),
        (
            Label::ReceiptType,
            opt(c.and_then(|c| c.ricevuta.as_ref())),
            opt(claims.x_tipo_ricevuta.as_ref()),
        ),
        (Label::Delivery, opt(c.and_then(|c| c.consegna.as_ref())), String::new()),
        (
            Label::Coverage,
            c.map(|c| c.ricezione.iter().map(|r| term::cell(r)).collect::<Vec<_>>().join("\n"))
                .unwrap_or_default(),
            String::new(),
        ),
        (
            Label::Error,
            c.map(|c| term::cell(&i18n::errore_text(ui.lang, &c.errore))).unwrap_or_default(),
            opt(claims.x_verifica_sicurezza.as_ref()),
        ),
        (Label::ExtendedError, opt(c.and_then(|c| c.errore_esteso.as_ref())), String::new()),
    ];
    let mut shown = 0;
    for (label, signed, claimed) in rows {
        if signed.is_empty() && claimed.is_empty() {
            continue;
        }
        table.add_row(vec![l(label).to_string(), signed, claimed]);
        shown += 1;
    }
    // A REM evidence says its own fields; an empty daticert table would say nothing.
    if shown > 0 {
        text.push_str(&table.to_string());
        text.push('\n');
    }
    if c.is_none() && r.rem.is_none() {
        text.push_str(l(Label::NoDaticert));
        text.push('\n');
    }
    if let Some(rem) = &r.rem {
        let holds = rem.xades.as_ref().is_some_and(|x| x.holds());
        lines.extend(peckit::report::rem::explain_lines(rem, ui.lang, "", holds));
    }

    // Who signed and when are only the signature's word until it verifies and chains.
    let verified = r.signature_verified == Some(true);
    let t = |id| i18n::texts::text(ui.lang, id);
    let signer_label = if verified { l(Label::Signer) } else { t(i18n::texts::Text::StatedSigner) };
    let time_label =
        if verified { l(Label::SigningTime) } else { t(i18n::texts::Text::StatedSigningTime) };
    if let Some(s) = &r.signer {
        match &s.certificate {
            Some(c) => text.push_str(&format!(
                "{}: {}\n{}: {}\n{}: {} → {}\n",
                signer_label,
                c.subject,
                l(Label::Issuer),
                c.issuer,
                l(Label::Validity),
                c.not_before,
                c.not_after
            )),
            None => text.push_str(&format!("{}: —\n", l(Label::Signer))),
        }
        if let Some(at) = &s.signing_time {
            text.push_str(&format!("{time_label}: {at}\n"));
        }
    } else if let Some(e) = &r.signer_error {
        text.push_str(&format!("{}: {e}\n", l(Label::Signer)));
    }
    text.push_str(&format!("{}:\n", l(Label::MimeTree)));
    render_tree(&r.mime, 1, ui.lang, verified, &mut text);
    lines.extend(term::lines(&text));
    for o in &r.outside_signature {
        lines.push(Line::styled(
            Style::Warn,
            format!("{}: {}", l(Label::OutsideSignature), o.text(ui.lang)),
        ));
    }
    for p in &r.problems {
        lines.push(Line::styled(
            Style::Warn,
            format!("{}: {}", p.code.code(), i18n::problem_message(ui.lang, p)),
        ));
    }
    for n in &r.nested {
        lines.push(Line::plain(format!("{}:", l(Label::Nested))));
        lines.extend(render(n, ui, 1));
    }
    let pad = "    ".repeat(level);
    if level > 0 {
        lines = lines.into_iter().map(|line| Line::plain(pad.clone()).append(line)).collect();
    }
    lines
}

fn render_tree(node: &MimeNode, depth: usize, lang: Lang, verified: bool, text: &mut String) {
    // Names and types from the mail may hold line breaks: one line per node regardless.
    let name = node
        .name
        .as_ref()
        .map(|n| format!(" \"{}\"", n.replace(['\n', '\r'], "\\n")))
        .unwrap_or_default();
    let signed = if node.signed {
        let mark = if verified {
            i18n::texts::Text::SignedPart
        } else {
            i18n::texts::Text::UnderUnverifiedSignature
        };
        format!(" [{}]", i18n::texts::text(lang, mark))
    } else {
        String::new()
    };
    text.push_str(&format!(
        "{}{} {}{} ({} B){}\n",
        "  ".repeat(depth),
        node.path,
        node.content_type.replace(['\n', '\r'], "\\n"),
        name,
        node.size,
        signed
    ));
    for child in &node.children {
        render_tree(child, depth + 1, lang, verified, text);
    }
}
