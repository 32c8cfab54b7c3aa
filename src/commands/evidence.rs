//! `peckit evidence`: what verified artefacts prove about each message.

use anyhow::Result;
use peckit::certify::assess::{self, Assessment, Verdict};
use peckit::evidence::{self, Fate};
use peckit::read::Artefact;
use peckit::report::evidence as render;
use peckit::report::i18n::texts::{self, Text};

use super::{Outcome, Output, Ui};
use crate::cli::{EvidenceArgs, EvidenceFormat};
use peckit::report::term::{self, Line, Style};

/// Runs `peckit evidence`.
pub fn run(args: &EvidenceArgs, ui: Ui) -> Result<Outcome> {
    let limits = super::limits(&args.verifier.limits);
    let opts = super::verifier(&args.verifier, &limits)?;
    let mut outcome = Outcome::Success;
    let mut loaded: Vec<(String, Artefact, Assessment)> = Vec::new();
    super::for_each_artefact(&args.paths, &limits, &mut outcome, |name, artefact| {
        let assessment = assess::assess(&artefact, &opts);
        loaded.push((name, artefact, assessment));
        Ok(())
    })?;
    if loaded.iter().any(|(_, _, s)| s.verdict == Verdict::Invalid) {
        outcome = outcome.merge(Outcome::Invalid);
    }
    let inputs: Vec<evidence::Source<'_>> = loaded
        .iter()
        .map(|(path, artefact, assessment)| evidence::Source {
            path: path.clone(),
            artefact,
            assessment,
        })
        .collect();
    let report = evidence::build(&inputs, args.originals.as_deref(), &limits, opts.now());
    let mut out = Output::stdout(ui.paint.enabled);
    match args.format {
        EvidenceFormat::Json => {
            let mut buf = Vec::new();
            let mut doc = peckit::report::envelope::EVIDENCE.start(&mut buf)?;
            for message in &report.messages {
                doc.element(&mut buf, message)?;
            }
            doc.finish(&mut buf, &[("unmatched", &report.unmatched), ("generated", &report.generated)])?;
            out.write(&buf)?;
        }
        EvidenceFormat::Markdown => out.write(render::markdown(&report, ui.lang).as_bytes())?,
        EvidenceFormat::Html => out.write(render::html(&report, ui.lang).as_bytes())?,
        EvidenceFormat::Csv => {
            let mut buf = Vec::new();
            let header: Vec<String> = render::CSV_COLUMNS.iter().map(|s| s.to_string()).collect();
            peckit::report::csv::write_row(&mut buf, &header)?;
            for row in render::csv_rows(&report) {
                peckit::report::csv::write_row(&mut buf, &row)?;
            }
            out.write(&buf)?;
        }
        EvidenceFormat::Table if args.quiet => out.line(&summary_line(&report, ui))?,
        EvidenceFormat::Table => out.lines(table(&report, ui))?,
    }
    out.flush()?;
    Ok(outcome)
}

/// One line for the whole run: messages, recipients with an attested delivery, and files
/// that belong to no message.
fn summary_line(report: &evidence::EvidenceReport, ui: Ui) -> Line {
    let recipients: Vec<_> = report.messages.iter().flat_map(|m| &m.recipients).collect();
    let delivered = recipients.iter().filter(|r| r.fate == Fate::Delivered).count();
    let (messages, total, unmatched) =
        (report.messages.len(), recipients.len(), report.unmatched.len());
    Line::plain(texts::evidence_summary(ui.lang, messages, delivered, total, unmatched))
}

fn table(report: &evidence::EvidenceReport, ui: Ui) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut text = String::new();
    // Plain text gathered so far becomes lines before a styled one.
    let flush = |lines: &mut Vec<Line>, text: &mut String| {
        lines.extend(term::lines(text));
        text.clear();
    };
    for m in &report.messages {
        lines.push(Line::styled(Style::Bold, m.subject.as_deref().unwrap_or("—")));
        text.push_str(&format!(
            "{}: {}\n",
            texts::text(ui.lang, Text::Sender),
            m.sender.as_deref().unwrap_or("—")
        ));
        match (&m.sent, &m.not_accepted) {
            (Some(s), _) => text.push_str(&format!(
                "{}: {}\n",
                texts::text(ui.lang, Text::SentAcceptance),
                render::instant_text(ui.lang, s)
            )),
            (None, Some(n)) => {
                flush(&mut lines, &mut text);
                lines.push(Line::styled(
                    Style::Bad,
                    format!(
                        "{}: {}",
                        texts::text(ui.lang, Text::NotAcceptedLower),
                        render::instant_text(ui.lang, n)
                    ),
                ));
            }
            (None, None) => {
                flush(&mut lines, &mut text);
                lines.push(Line::styled(
                    Style::Warn,
                    texts::text(ui.lang, Text::SendingNotAttestedByAVerifiedReceipt),
                ));
            }
        }
        let mut table = super::terminal::table();
        table.set_header(vec![
            texts::text(ui.lang, Text::Recipient),
            texts::text(ui.lang, Text::Outcome),
            texts::text(ui.lang, Text::WhenDetails),
        ]);
        for r in &m.recipients {
            let when = r
                .delivery
                .as_ref()
                .or(r.notice.as_ref())
                .map(|p| render::instant_text(ui.lang, p))
                .unwrap_or_default();
            let mut detail = vec![when];
            if let Some(p) = r.delivery.as_ref().or(r.notice.as_ref()) {
                detail.push(p.path.clone());
            }
            if let Some(e) = &r.errore_esteso {
                detail.push(e.clone());
            }
            detail.extend(r.notes.iter().map(|n| n.text(ui.lang)));
            let fate = render::fate_text(ui.lang, r.fate);
            let fate =
                if r.fate == Fate::Delivered { fate.to_string() } else { fate.to_uppercase() };
            table.add_row(vec![
                r.address.clone(),
                fate,
                detail.into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("\n"),
            ]);
        }
        text.push_str(&table.to_string());
        text.push('\n');
        for o in &m.originals {
            text.push_str(&format!(
                "{} {}: {}{}\n",
                texts::text(ui.lang, Text::Original),
                o.attachment,
                o.status,
                o.algorithm.map(|a| format!(" ({a})")).unwrap_or_default()
            ));
        }
        let refused: Vec<_> = m.sources.iter().filter(|s| s.verdict != Verdict::Valid).collect();
        for s in refused {
            let why = s.problems.first().map(|p| p.code.code()).unwrap_or("");
            flush(&mut lines, &mut text);
            lines.push(Line::styled(
                Style::Bad,
                format!("{}: {} ({why})", texts::text(ui.lang, Text::NotUsedAsProof), s.path),
            ));
        }
        text.push('\n');
    }
    for u in &report.unmatched {
        text.push_str(&format!(
            "{}: {} ({})\n",
            texts::text(ui.lang, Text::NotTiedToAMessage),
            u.path,
            u.kind
        ));
    }
    flush(&mut lines, &mut text);
    lines
}
