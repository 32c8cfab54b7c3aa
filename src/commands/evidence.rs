//! `peckit evidence`: what verified artefacts prove about each message.

use std::ops::ControlFlow;

use anyhow::Result;
use peckit::certify::assess::{self, Verdict};
use peckit::evidence::{self, Fate};
use peckit::report::evidence as render;
use peckit::report::i18n::texts;

use super::{Outcome, Output, Ui};
use crate::cli::{EvidenceArgs, EvidenceFormat};
use peckit::report::term::{self, Line, Style};

/// Runs `peckit evidence`.
pub fn run(args: &EvidenceArgs, ui: Ui) -> Result<Outcome> {
    let (record_files, mail): (Vec<_>, Vec<_>) =
        args.paths.iter().cloned().partition(|p| is_records(p));
    // A verdict read from a record stays as recorded: options that would have changed it
    // must not seem to have been applied.
    let options = verification_options(&args.verifier).join(", ");
    if !record_files.is_empty() && !options.is_empty() {
        if mail.is_empty() {
            anyhow::bail!(texts::options_without_mail(ui.lang, &options));
        }
        super::terminal::eprint(&Line::plain(texts::options_not_for_records(ui.lang, &options)));
    }
    let limits = super::limits(&args.verifier.limits);
    let opts = super::verifier(&args.verifier, &limits)?;
    if let Some(folder) = args.originals.as_deref().filter(|f| !f.is_dir()) {
        // A mistyped folder would read as "every original is missing".
        anyhow::bail!(texts::originals_not_a_folder(ui.lang, &folder.display().to_string()));
    }
    let mut outcome = Outcome::Success;
    // Only what the evidence needs of each artefact is kept; the artefact goes at once.
    let mut inputs = evidence::Collected::default();
    let mut unreadable = Vec::new();
    super::for_each_artefact(
        super::plain_inputs(&mail, &args.imap, &limits, super::no_skip())?,
        &limits,
        &mut outcome,
        |name, artefact| {
            let assessment = assess::assess(&artefact, &opts);
            inputs.push(evidence::Source::of(name, &artefact, &assessment, &limits));
            Ok(())
        },
        |name, failure| unreadable.push((name, failure)),
    )?;
    // Inputs the recording peckit could not read, listed as it recorded them.
    let mut recorded_unreadable = Vec::new();
    let mut interrupted_records = Vec::new();
    let stop = super::batch::stop_flag();
    let stopped = || stop.load(std::sync::atomic::Ordering::SeqCst);
    for file in record_files.iter().take_while(|_| !stopped()) {
        let label = file.display().to_string();
        let mut each = |r: evidence::Recorded| {
            match r {
                evidence::Recorded::Source(s) => inputs.push(*s),
                evidence::Recorded::Unreadable(f) => {
                    recorded_unreadable.push(f);
                    outcome = outcome.merge(Outcome::Error);
                }
                evidence::Recorded::Failure(at, failure) => {
                    super::report_read_failure(&at, &failure);
                    unreadable.push((at, failure));
                    outcome = outcome.merge(Outcome::Error);
                }
                // What that run did not read cannot be judged: as for an unreadable input.
                evidence::Recorded::Interrupted(at) => {
                    super::report_input_error(&at, &texts::unfinished_run(ui.lang));
                    interrupted_records.push(at);
                    outcome = outcome.merge(Outcome::Error);
                }
            }
            if stopped() { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        };
        let max_line = limits.max_input_bytes;
        let read = if file.as_os_str() == "-" {
            evidence::read_records(std::io::stdin().lock(), &label, max_line, &mut each)
        } else {
            std::fs::File::open(file).map_err(evidence::RecordError).and_then(|f| {
                evidence::read_records(std::io::BufReader::new(f), &label, max_line, &mut each)
            })
        };
        if let Err(evidence::RecordError(e)) = read {
            let _ = each(evidence::Recorded::Failure(label, peckit::error::ReadFailure::of_io(&e)));
        }
    }
    if stopped() && outcome != Outcome::Interrupted {
        // Stopped while records were read (the mail, if any, was read whole).
        super::report_error(peckit::catalogue::Diagnostic::Interrupted.text(ui.lang));
        outcome = outcome.merge(Outcome::Interrupted);
    }
    // A record that another verdict of the same file contradicts is listed, not used.
    for (at, failure) in inputs.take_contradicted_records() {
        let failure = peckit::error::ReadFailure::Record(failure);
        super::report_read_failure(&at, &failure);
        unreadable.push((at, failure));
        outcome = outcome.merge(Outcome::Error);
    }
    if inputs.sources().is_empty() && unreadable.is_empty() && recorded_unreadable.is_empty() {
        // "Nothing found" must never read as "all proven" to a script: as for verify.
        super::report_error(peckit::catalogue::Diagnostic::NoMailFound.text(ui.lang));
        outcome = outcome.merge(Outcome::Error);
    }
    if inputs.sources().iter().any(|s| s.verdict == Verdict::Invalid) {
        outcome = outcome.merge(Outcome::Invalid);
    }
    let options = evidence::Options {
        originals: args.originals.as_deref(),
        accept_rewrapped: args.accept_rewrapped,
        now: opts.now(),
        crls_consulted: opts.revocation().is_active().then(|| opts.revocation().consulted()),
    };
    let interrupted = outcome == Outcome::Interrupted;
    // CSV has no heading to say it first: a row of its own does, before any message.
    let incomplete_row = render::incomplete_row(interrupted, &interrupted_records);
    // Inputs that could not be read belong to no message; every format lists them.
    let unreadable: Vec<evidence::SourceFile> = unreadable
        .into_iter()
        .map(|(path, failure)| evidence::SourceFile::unreadable(&path, failure))
        .chain(recorded_unreadable)
        .collect();
    let complete = |report: &mut evidence::EvidenceReport| {
        report.generated.interrupted = interrupted;
        report.generated.interrupted_records = interrupted_records;
        report.add_unmatched(unreadable);
    };
    // A kept original that differs from, or is missing against, the certified digest is a
    // finding like an invalid artefact: exit status 1.
    let mut originals_differ = false;
    let mut differs = |m: &evidence::MessageEvidence| {
        originals_differ |= m.originals.iter().any(|o| o.status != "matching")
    };
    let mut out = Output::stdout(ui.paint.enabled);
    // JSON and CSV are written message by message as the evidence is built: neither the
    // report nor the document is ever held whole.
    let mut buf = Vec::new();
    let mut failed: Option<anyhow::Error> = None;
    match args.format {
        EvidenceFormat::Json => {
            let mut doc = peckit::report::envelope::EVIDENCE.start(&mut buf)?;
            let mut report = evidence::build_each(inputs.into_sources(), &options, |message| {
                differs(&message);
                if failed.is_none()
                    && let Err(e) = out.write(&buf)
                {
                    failed = Some(e);
                }
                buf.clear();
                if let Err(e) = doc.element(&mut buf, &message) {
                    failed.get_or_insert(e.into());
                }
            });
            if let Some(e) = failed {
                return Err(e);
            }
            complete(&mut report);
            out.write(&buf)?;
            doc.finish(
                &mut out,
                &[("unmatched", &report.unmatched), ("generated", &report.generated)],
            )?;
        }
        EvidenceFormat::Csv => {
            let header: Vec<String> = render::CSV_COLUMNS.iter().map(|s| s.to_string()).collect();
            peckit::report::csv::write_row(&mut buf, &header)?;
            if let Some(row) = &incomplete_row {
                peckit::report::csv::write_row(&mut buf, row)?;
            }
            let mut write_rows =
                |rows: &mut dyn Iterator<Item = Vec<String>>, buf: &mut Vec<u8>| -> Result<()> {
                    for row in rows {
                        peckit::report::csv::write_row(buf, &row)?;
                        out.write(buf)?;
                        buf.clear();
                    }
                    Ok(())
                };
            let mut report = evidence::build_each(inputs.into_sources(), &options, |message| {
                differs(&message);
                if failed.is_none()
                    && let Err(e) =
                        write_rows(&mut render::message_rows(&message).into_iter(), &mut buf)
                {
                    failed = Some(e);
                }
            });
            if let Some(e) = failed {
                return Err(e);
            }
            complete(&mut report);
            write_rows(&mut render::unmatched_rows(&report.unmatched), &mut buf)?;
            out.write(&buf)?; // the header, when there is no row
        }
        format => {
            let mut report = evidence::build(inputs.into_sources(), &options);
            complete(&mut report);
            report.messages.iter().for_each(&mut differs);
            match format {
                EvidenceFormat::Markdown => {
                    out.write(render::markdown(&report, ui.lang).as_bytes())?
                }
                EvidenceFormat::Html => out.write(render::html(&report, ui.lang).as_bytes())?,
                EvidenceFormat::Table if args.quiet => out.line(&summary_line(&report, ui))?,
                _ => out.lines(table(&report, ui))?,
            }
        }
    }
    if originals_differ {
        outcome = outcome.merge(Outcome::Invalid);
    }
    out.flush()?;
    Ok(outcome)
}

/// The options that change a verdict, as given: they reach the mail verified in this run.
fn verification_options(v: &crate::cli::VerifierArgs) -> Vec<&'static str> {
    [
        ("--at", v.at.is_some()),
        ("--trust", !v.trust.trust.is_empty()),
        ("--no-default-trust", v.trust.no_default_trust),
        ("--trusted-list", !v.trust.trusted_list.is_empty()),
        ("--crl", !v.revocation.crl.is_empty()),
        ("--fetch-crl", v.revocation.fetch_crl),
    ]
    .into_iter()
    .filter_map(|(name, given)| given.then_some(name))
    .collect()
}

/// Records of `peckit verify --format jsonl`, read instead of mail: a file named on the
/// command line whose name ends in `.jsonl` or `.ndjson`, or standard input (`-`) or a
/// regular file whose content opens JSON (mail's never does). A file named as mail or as a
/// mailbox (`.eml`, `.msg`, `.mbox`, `.mbx`, `.zip`) is mail whatever it holds: records there
/// would turn "verify this receipt" into "believe this line", so they are refused as JSON.
/// A pipe's first bytes cannot be looked at without taking them: a pipe of records needs a
/// records name (or `-`).
fn is_records(path: &std::path::Path) -> bool {
    use std::io::Read;
    if path.as_os_str() == "-" {
        return opens_json(&mut std::io::stdin().lock());
    }
    if path.is_dir() {
        return false;
    }
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match extension.as_str() {
        "jsonl" | "ndjson" => return true,
        "eml" | "msg" | "mbox" | "mbx" | "zip" => return false,
        _ => {}
    }
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    std::fs::File::open(path)
        .is_ok_and(|file| opens_json(&mut std::io::BufReader::new(file.take(1 << 20))))
}

/// Whether `input` opens JSON once the white space before it is passed (taken from it: it is
/// nothing to records or to mail). Standard input is looked at in its own buffer, so mail
/// read from it afterwards loses nothing.
fn opens_json(input: &mut impl std::io::BufRead) -> bool {
    loop {
        let Ok(chunk) = input.fill_buf() else { return false };
        if chunk.is_empty() {
            return false;
        }
        let blank = chunk.iter().take_while(|b| b.is_ascii_whitespace()).count();
        if blank < chunk.len() {
            return peckit::read::starts_like_json(chunk);
        }
        input.consume(blank);
    }
}

/// One line for the whole run: messages, recipients with an attested delivery, and files
/// that belong to no message.
fn summary_line(report: &evidence::EvidenceReport, ui: Ui) -> Line {
    let recipients: Vec<_> = report.messages.iter().flat_map(|m| &m.recipients).collect();
    let delivered = recipients.iter().filter(|r| r.fate == Fate::Delivered).count();
    let (messages, total, unmatched) =
        (report.messages.len(), recipients.len(), report.unmatched.len());
    let mut line = texts::evidence_summary(ui.lang, messages, delivered, total, unmatched);
    // What makes the exit status 1 is said on the line itself, not only in the page.
    let invalid = report
        .messages
        .iter()
        .flat_map(|m| &m.sources)
        .chain(&report.unmatched)
        .filter(|s| s.verdict == peckit::problem::Verdict::Invalid)
        .count();
    let originals = report
        .messages
        .iter()
        .flat_map(|m| &m.originals)
        .filter(|o| o.status != "matching")
        .count();
    if invalid + originals > 0 {
        line = format!("{line}; {}", texts::evidence_failures(ui.lang, invalid, originals));
    }
    if !report.generated.interrupted_records.is_empty() {
        let at = report.generated.interrupted_records.join(", ");
        let incomplete = texts::text(ui.lang, texts::Text::IncompleteSummary);
        line = format!("{line} — {incomplete} ({at})");
    }
    match report.generated.recorded_by.as_slice() {
        [] => Line::plain(line),
        versions => Line::plain(format!(
            "{line} — {} (peckit {})",
            texts::text(ui.lang, texts::Text::RecordedVerdicts),
            versions.join(", ")
        )),
    }
}

/// The evidence document on a terminal: the same content as Markdown and HTML (tables with
/// comfy-table, fields as lines), the legend once at the end rather than per message.
fn table(report: &evidence::EvidenceReport, ui: Ui) -> Vec<Line> {
    use peckit::report::document::{Block, Cell, Tone};
    let doc = render::document(report, ui.lang);
    let cell_text = |c: &Cell| match &c.note {
        Some(note) => format!("{}\n{note}", c.text),
        None => c.text.clone(),
    };
    let mut lines = Vec::new();
    if doc.sections.is_empty() {
        lines.push(Line::plain(doc.empty));
    }
    // Each law's legend once: PEC and REM messages in one run have one each.
    let mut legends: Vec<(&str, Vec<peckit::report::document::Paragraph>)> = Vec::new();
    for section in &doc.sections {
        lines.push(Line::styled(Style::Bold, section.name.clone()));
        for part in &section.parts {
            match &part.block {
                Block::Legend(paragraphs) => {
                    if !legends.iter().any(|(_, known)| known == paragraphs) {
                        legends.push((part.heading, paragraphs.clone()));
                    }
                    continue;
                }
                block => {
                    if !part.heading.is_empty() {
                        lines.push(Line::styled(Style::Bold, format!("{}:", part.heading)));
                    }
                    match block {
                        Block::Fields(fields) => {
                            for (label, value) in fields {
                                // One terminal line per field: the note follows a dash.
                                let text = match &value.note {
                                    Some(note) => format!("  {label}: {} — {note}", value.text),
                                    None => format!("  {label}: {}", value.text),
                                };
                                lines.push(match value.tone {
                                    Tone::Bad => Line::styled(Style::Bad, text),
                                    _ => Line::plain(text),
                                });
                            }
                        }
                        Block::Table { columns, rows } => {
                            let mut table = super::terminal::table();
                            table.set_header(columns.clone());
                            for row in rows {
                                table.add_row(row.iter().map(cell_text).collect::<Vec<_>>());
                            }
                            lines.extend(term::lines(&table.to_string()));
                        }
                        Block::Note(note) => {
                            lines.extend(term::lines(&format!("  {}", cell_text(note))))
                        }
                        Block::Legend(_) => {}
                    }
                }
            }
        }
        lines.push(Line::plain(""));
    }
    for (heading, paragraphs) in legends {
        lines.push(Line::styled(Style::Bold, format!("{heading}:")));
        for p in paragraphs {
            let text = if p.lead.is_empty() {
                p.text.to_string()
            } else {
                format!("{}: {}", p.lead, p.text)
            };
            lines.extend(term::lines(&format!("  {text}")));
        }
    }
    lines
}
