//! `peckit archive`: byte-exact, verified copies of every message, kept in a folder.

use anyhow::{Context, Result};
use peckit::archive::{Added, Archive, Facts};
use peckit::certify::assess::{self, Verdict};
use peckit::report::i18n::texts;
use peckit::report::term::{Line, Style};

use super::{Outcome, Output, Ui};
use crate::cli::ArchiveArgs;

/// What a run did, for the summary.
#[derive(Debug, Default)]
struct Counts {
    archived: usize,
    already: usize,
    skipped: usize,
}

/// Runs `peckit archive`.
pub fn run(args: &ArchiveArgs, ui: Ui) -> Result<Outcome> {
    let limits = super::limits(&args.verifier.limits);
    let verifier = super::verifier(&args.verifier, &limits)?;
    let mut archive = Archive::open(&args.out)
        .with_context(|| texts::archive_open_failed(ui.lang, &args.out.display().to_string()))?;
    let mut outcome = Outcome::Success;
    let mut counts = Counts::default();
    let mut out = Output::stdout(ui.paint.enabled);
    // Mailbox messages already kept (by UIDVALIDITY and UID) are not fetched again.
    let known = archive.sources();
    let skip: super::sources::Skip = std::sync::Arc::new(move |name| known.contains(name));
    super::for_each_artefact(
        super::plain_inputs(&args.sources, &args.imap, &limits, skip)?,
        &limits,
        &mut outcome,
        |name, artefact| {
            let assessment = assess::assess(&artefact, &verifier);
            if args.require_valid && assessment.verdict != Verdict::Valid {
                counts.skipped += 1;
                let code = assessment.problems.first().map(|p| p.code.code()).unwrap_or("");
                super::report_input_error(&name, &texts::archive_skipped(ui.lang, code));
                return Ok(());
            }
            let facts = Facts::of(&artefact, &assessment);
            // The archive itself failing (disk full, permissions) stops the run.
            let added = archive
                .add(&name, &artefact.raw, &facts, jiff::Timestamp::now())
                .with_context(|| texts::archive_write_failed(ui.lang, &name))?;
            let line = match &added {
                Added::Archived(record) => {
                    counts.archived += 1;
                    texts::archive_line(
                        ui.lang,
                        true,
                        &record.file,
                        &name,
                        peckit::catalogue::verdict_text(ui.lang, assessment.verdict),
                    )
                }
                Added::AlreadyThere(file) => {
                    counts.already += 1;
                    texts::archive_line(ui.lang, false, file, &name, "")
                }
            };
            if !args.quiet {
                let style = match (&added, assessment.verdict) {
                    (Added::AlreadyThere(_), _) => Style::Plain,
                    (_, Verdict::Valid) => Style::Good,
                    (_, Verdict::Invalid) => Style::Bad,
                    (_, Verdict::Error) => Style::Warn,
                };
                out.lines([Line::styled(style, line)])?;
            }
            Ok(())
        },
        |_, _| {},
    )?;
    out.lines([Line::plain(texts::archive_summary(
        ui.lang,
        counts.archived,
        counts.already,
        counts.skipped,
        &args.out.display().to_string(),
    ))])?;
    out.flush()?;
    if counts.skipped > 0 {
        outcome = outcome.merge(Outcome::Invalid);
    }
    Ok(outcome)
}
