//! `peckit verify`: a verdict per artefact, a summary, an exit code CI can rely on.

use anyhow::Result;
use comfy_table::{Cell, Color, ContentArrangement, Table};
use peckit::assess::{self, Verdict};
use peckit::input::{self, Source};
use peckit::limits::Limits;
use peckit::read;
use peckit::report::i18n::{self, Label};
use peckit::report::model::{ArtefactReport, SCHEMA_VERSION, Summary, VerifyDocument};
use peckit::verify::VerifyOptions;

use super::terminal::sanitize_line;
use super::{Outcome, Output, Ui};
use crate::cli::{VerifyArgs, VerifyFormat};

/// Reads, verifies and reports one input. Never fails: an unreadable input is an `error` row.
pub fn evaluate(source: &Source, limits: &Limits, opts: &VerifyOptions) -> ArtefactReport {
    let name = source.display_name();
    let bytes = match source.read(limits.max_input_bytes) {
        Ok(b) => b,
        Err(e) => return ArtefactReport::error(&name, e.to_string()),
    };
    match read::read(bytes, limits) {
        Ok(artefact) => {
            let assessment = assess::assess(&artefact, opts);
            ArtefactReport::new(&name, &artefact, &assessment)
        }
        Err(e) => ArtefactReport::error(&name, e.to_string()),
    }
}

fn outcome_of(verdict: Verdict) -> Outcome {
    match verdict {
        Verdict::Valid => Outcome::Success,
        Verdict::Invalid => Outcome::Invalid,
        Verdict::Error => Outcome::Error,
    }
}

/// Runs `peckit verify`.
pub fn run(args: &VerifyArgs, ui: Ui) -> Result<Outcome> {
    let limits = super::limits(&args.limits);
    let opts = super::verify_options(&args.trust, args.at.as_deref())?;
    let (sources, list_errors) = input::expand(&args.paths);
    let mut outcome = Outcome::Success;
    let mut summary = Summary::default();
    let mut out = Output::stdout();
    let mut reports = Vec::new();

    for e in &list_errors {
        super::report_input_error(&e.path.display().to_string(), &e.error);
        let r = ArtefactReport::error(&e.path.display().to_string(), e.error.to_string());
        summary.add(r.verdict);
        outcome = outcome.merge(Outcome::Error);
        reports.push(r);
    }
    if args.format == VerifyFormat::Csv {
        let mut buf = Vec::new();
        peckit::report::csv::write_verify_header(&mut buf)?;
        out.write(&buf)?;
    }
    for source in &sources {
        let report = evaluate(source, &limits, &opts);
        if report.verdict == Verdict::Error
            && let Some(p) = report.first_problem()
        {
            super::report_input_error(&report.path, &p.message);
        }
        summary.add(report.verdict);
        outcome = outcome.merge(outcome_of(report.verdict));
        match args.format {
            VerifyFormat::Jsonl => {
                let line = serde_json::json!({"type": "artefact", "data": &report});
                out.line(&serde_json::to_string(&line)?)?;
                out.flush()?;
            }
            VerifyFormat::Csv => {
                let mut buf = Vec::new();
                peckit::report::csv::write_verify_row(&mut buf, &report)?;
                out.write(&buf)?;
                out.flush()?;
            }
            VerifyFormat::Table | VerifyFormat::Json => reports.push(report),
        }
    }

    match args.format {
        VerifyFormat::Json => {
            let doc = VerifyDocument {
                schema_version: SCHEMA_VERSION,
                peckit_version: env!("CARGO_PKG_VERSION"),
                artefacts: reports,
                summary,
            };
            out.line(&serde_json::to_string_pretty(&doc)?)?;
        }
        VerifyFormat::Jsonl => {
            let line = serde_json::json!({"type": "summary", "data": &summary});
            out.line(&serde_json::to_string(&line)?)?;
        }
        VerifyFormat::Csv => {}
        VerifyFormat::Table => {
            if !args.quiet && !reports.is_empty() {
                out.line(&render_table(&reports, ui))?;
            }
            out.line(&summary_line(&summary, ui))?;
            if let Some(hint) = hint_for(&reports, ui) {
                eprintln!("{hint}");
            }
        }
    }
    out.flush()?;
    Ok(outcome)
}

fn verdict_cell(verdict: Verdict, ui: Ui) -> Cell {
    let cell = Cell::new(i18n::verdict_text(ui.lang, verdict));
    if !ui.paint.enabled {
        return cell;
    }
    match verdict {
        Verdict::Valid => cell.fg(Color::Green),
        Verdict::Invalid => cell.fg(Color::Red),
        Verdict::Error => cell.fg(Color::Yellow),
    }
}

/// The provider shown for a report: certificate O, else CN, else the signed gestore name.
pub fn provider_of(r: &ArtefactReport) -> String {
    r.signature
        .as_ref()
        .and_then(|s| s.signer.as_ref())
        .and_then(|c| c.organization.clone().or_else(|| c.common_name.clone()))
        .or_else(|| r.certified.as_ref().and_then(|c| c.gestore_emittente.clone()))
        .unwrap_or_default()
}

fn render_table(reports: &[ArtefactReport], ui: Ui) -> String {
    let l = |x| i18n::label(ui.lang, x);
    let mut table = Table::new();
    table.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    if ui.paint.enabled {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table.set_header(vec![
        l(Label::Verdict),
        l(Label::Kind),
        l(Label::Provider),
        l(Label::CertifiedTime),
        l(Label::File),
        l(Label::Problem),
    ]);
    for r in reports {
        let kind = match &r.receipt_type {
            Some(t) => format!("{} ({t})", r.kind),
            None => r.kind.clone(),
        };
        let time = r
            .certified
            .as_ref()
            .map(|c| {
                let utc = c.data_utc.clone().unwrap_or_default();
                match &c.data {
                    Some(local) => format!("{utc}\n{local}"),
                    None => utc,
                }
            })
            .unwrap_or_default();
        let problem = r
            .first_problem()
            .map(|p| format!("{}: {}", p.code.code(), i18n::problem_text(ui.lang, p.code)))
            .unwrap_or_default();
        table.add_row(vec![
            verdict_cell(r.verdict, ui),
            Cell::new(sanitize_line(&kind)),
            Cell::new(sanitize_line(&provider_of(r))),
            Cell::new(time),
            Cell::new(sanitize_line(&r.path)),
            Cell::new(sanitize_line(&problem)),
        ]);
    }
    table.to_string()
}

fn summary_line(s: &Summary, ui: Ui) -> String {
    match ui.lang {
        i18n::Lang::En => format!(
            "{} artefacts: {} valid, {} invalid, {} errors",
            s.total, s.valid, s.invalid, s.error
        ),
        i18n::Lang::It => format!(
            "{} messaggi: {} validi, {} non validi, {} errori",
            s.total, s.valid, s.invalid, s.error
        ),
    }
}

/// A concrete fix for the most common failure, as `sq` prints hints.
fn hint_for(reports: &[ArtefactReport], ui: Ui) -> Option<String> {
    let untrusted = reports
        .iter()
        .any(|r| r.problems.iter().any(|p| p.code == peckit::problem::ProblemCode::Untrusted));
    untrusted.then(|| match ui.lang {
        i18n::Lang::En => "hint: if you trust the issuing authority, add it with --trust FILE \
                           (see `peckit trust list`)"
            .to_string(),
        i18n::Lang::It => "suggerimento: se l'autorità emittente è fidata, aggiungila con \
                           --trust FILE (vedi `peckit trust list`)"
            .to_string(),
    })
}
