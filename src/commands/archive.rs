//! `peckit archive`: byte-exact, verified copies of every message, kept in a folder.

use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use anyhow::{Context, Result};
use peckit::archive::{Added, Archive, Facts};
use peckit::certify::assess::{self, Verdict};
use peckit::report::i18n::texts;
use peckit::report::term::{Line, Style};

use super::clock::Batch as _;
use super::{Outcome, Output, Ui};
use crate::cli::ArchiveArgs;

/// What a run did, for the summary.
#[derive(Debug, Default)]
struct Counts {
    archived: usize,
    already: usize,
    skipped: usize,
    /// Inputs that could not be read (each named on stderr): not archived.
    unreadable: usize,
}

/// Messages are committed together (one flush of the disk for all of them, see
/// `peckit::archive`) once this many are staged, or this many bytes (what a disk that fills
/// up can lose), or once the oldest has waited `clock::PATIENCE`, whatever the next input does
/// (a clock thread looks every `clock::TICK`).
const BATCH_MESSAGES: usize = 256;
const BATCH_BYTES: u64 = 4 << 20;

/// The archive being written and what is shown of it: lines are printed as messages are
/// committed, so a line never announces a message a crash could still lose.
struct Keeper<'a> {
    archive: Archive,
    counts: Counts,
    out: Output,
    oldest_staged: Option<Instant>,
    /// A commit of the clock thread that failed, for the run to stop with.
    failure: Option<anyhow::Error>,
    ui: Ui,
    args: &'a ArchiveArgs,
}

impl Keeper<'_> {
    fn stage(&mut self, name: &str, raw: &[u8], facts: &Facts) -> Result<()> {
        if let Some(e) = self.failure.take() {
            return Err(e);
        }
        // The archive itself failing (disk full, permissions) stops the run; what was staged
        // before is kept first.
        if let Err(e) = self.archive.stage(name, raw, facts, jiff::Timestamp::now()) {
            let _ = self.commit();
            return Err(e).with_context(|| texts::archive_write_failed(self.ui.lang, name));
        }
        let oldest = *self.oldest_staged.get_or_insert_with(Instant::now);
        let full =
            self.archive.staged() >= BATCH_MESSAGES || self.archive.staged_bytes() >= BATCH_BYTES;
        if full || oldest.elapsed() >= super::clock::PATIENCE {
            self.commit()?;
        }
        Ok(())
    }
}

impl super::clock::Batch for Keeper<'_> {
    fn oldest_staged(&self) -> Option<Instant> {
        self.oldest_staged
    }

    fn failure(&mut self) -> &mut Option<anyhow::Error> {
        &mut self.failure
    }

    /// Commits what is staged and prints a line for each message.
    fn commit(&mut self) -> Result<()> {
        self.oldest_staged = None;
        let lang = self.ui.lang;
        let folder = self.args.out.display().to_string();
        let committed =
            self.archive.commit().with_context(|| texts::archive_write_failed(lang, &folder))?;
        for (name, added) in committed {
            let (style, line) = match &added {
                Added::Archived(record) => {
                    self.counts.archived += 1;
                    let style = match record.verdict {
                        Verdict::Valid => Style::Good,
                        Verdict::Invalid => Style::Bad,
                        Verdict::Error => Style::Warn,
                    };
                    let verdict = peckit::catalogue::verdict_text(lang, record.verdict);
                    (style, texts::archive_line(lang, true, &record.file, &name, verdict))
                }
                Added::AlreadyThere(file) => {
                    self.counts.already += 1;
                    (Style::Plain, texts::archive_line(lang, false, file, &name, ""))
                }
            };
            if !self.args.quiet {
                self.out.lines([Line::styled(style, line)])?;
            }
        }
        self.out.flush()?;
        Ok(())
    }
}

/// Runs `peckit archive`.
pub fn run(args: &ArchiveArgs, ui: Ui) -> Result<Outcome> {
    let limits = super::limits(&args.verifier.limits);
    let verifier = super::verifier(&args.verifier, &limits)?;
    let archive = Archive::open(&args.out)
        .with_context(|| texts::archive_open_failed(ui.lang, &args.out.display().to_string()))?;
    let mut outcome = Outcome::Success;
    // Mailbox messages already kept (by UIDVALIDITY and UID) are not fetched again.
    let known = archive.sources();
    let skip: super::sources::Skip = std::sync::Arc::new(move |name| known.contains(name));
    let keeper = Mutex::new(Keeper {
        archive,
        counts: Counts::default(),
        out: Output::stdout(ui.paint.enabled),
        oldest_staged: None,
        failure: None,
        ui,
        args,
    });
    let lock = || keeper.lock().unwrap_or_else(PoisonError::into_inner);
    let inputs = super::plain_inputs(&args.sources, &args.imap, &limits, skip)?;
    let walked = super::clock::with_clock(
        || lock().on_tick(),
        || {
            super::for_each_artefact(
                inputs,
                &limits,
                &mut outcome,
                |name, artefact| {
                    let assessment = assess::assess(&artefact, &verifier);
                    if args.require_valid && assessment.verdict != Verdict::Valid {
                        lock().counts.skipped += 1;
                        let code = assessment.problems.first().map(|p| p.code.code()).unwrap_or("");
                        super::report_input_error(&name, &texts::archive_skipped(ui.lang, code));
                        return Ok(());
                    }
                    let facts = Facts::of(&artefact, &assessment);
                    lock().stage(&name, &artefact.raw, &facts)
                },
                |_, _| lock().counts.unreadable += 1,
            )
        },
    );
    let mut keeper = keeper.into_inner().unwrap_or_else(PoisonError::into_inner);
    if let Some(e) = keeper.failure.take() {
        return Err(e);
    }
    // What was staged before an error is kept too.
    let committed = keeper.commit();
    walked?;
    committed?;
    let counts = &keeper.counts;
    keeper.out.lines([Line::plain(texts::archive_summary(
        ui.lang,
        counts.archived,
        counts.already,
        counts.skipped,
        counts.unreadable,
        &args.out.display().to_string(),
    ))])?;
    keeper.out.flush()?;
    if counts.skipped > 0 {
        outcome = outcome.merge(Outcome::Invalid);
    }
    // A copy the archive lost is said at the end, where it is seen; one not written again
    // leaves the archive short of evidence: exit 2 until it is restored.
    let folder = args.out.display().to_string();
    for d in keeper.archive.damaged() {
        let missing = d.damage == peckit::archive::Damage::Missing;
        let said = texts::archive_damaged(ui.lang, &d.file, missing, d.rewritten_as.as_deref());
        super::report_input_error(&folder, &said);
        if d.rewritten_as.is_none() {
            outcome = outcome.merge(Outcome::Error);
        }
    }
    Ok(outcome)
}
