//! `peckit archive`: byte-exact, verified copies of every message, kept in a folder.

use std::cell::RefCell;
use std::time::{Duration, Instant};

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

/// Messages are committed together (one flush of the disk for all of them, see
/// `peckit::archive`) once this many are staged, or once the oldest has waited this long, or
/// when the next message is not ready yet.
const BATCH_MESSAGES: usize = 256;
const BATCH_PATIENCE: Duration = Duration::from_millis(200);

/// The archive being written and what is shown of it: lines are printed as messages are
/// committed, so a line never announces a message a crash could still lose.
struct Keeper<'a> {
    archive: Archive,
    counts: Counts,
    out: Output,
    oldest_staged: Option<Instant>,
    ui: Ui,
    quiet: bool,
    args: &'a ArchiveArgs,
}

impl Keeper<'_> {
    fn stage(&mut self, name: &str, raw: &[u8], facts: &Facts) -> Result<()> {
        // The archive itself failing (disk full, permissions) stops the run.
        self.archive
            .stage(name, raw, facts, jiff::Timestamp::now())
            .with_context(|| texts::archive_write_failed(self.ui.lang, name))?;
        let oldest = *self.oldest_staged.get_or_insert_with(Instant::now);
        if self.archive.staged() >= BATCH_MESSAGES || oldest.elapsed() >= BATCH_PATIENCE {
            self.commit()?;
        }
        Ok(())
    }

    /// Commits what is staged and prints a line for each message.
    fn commit(&mut self) -> Result<()> {
        self.oldest_staged = None;
        let lang = self.ui.lang;
        let committed = self.archive.commit().with_context(|| {
            texts::archive_write_failed(lang, &self.args.out.display().to_string())
        })?;
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
            if !self.quiet {
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
    // Both the pipeline's hand-over and its idle hook use the keeper, one at a time.
    let keeper = RefCell::new(Keeper {
        archive,
        counts: Counts::default(),
        out: Output::stdout(ui.paint.enabled),
        oldest_staged: None,
        ui,
        quiet: args.quiet,
        args,
    });
    super::for_each_artefact(
        super::plain_inputs(&args.sources, &args.imap, &limits, skip)?,
        &limits,
        &mut outcome,
        |name, artefact| {
            let assessment = assess::assess(&artefact, &verifier);
            if args.require_valid && assessment.verdict != Verdict::Valid {
                keeper.borrow_mut().counts.skipped += 1;
                let code = assessment.problems.first().map(|p| p.code.code()).unwrap_or("");
                super::report_input_error(&name, &texts::archive_skipped(ui.lang, code));
                return Ok(());
            }
            let facts = Facts::of(&artefact, &assessment);
            keeper.borrow_mut().stage(&name, &artefact.raw, &facts)
        },
        |_, _| {},
        // Nothing to do until the next message: what is staged need not wait for it.
        || {
            let mut keeper = keeper.borrow_mut();
            if keeper.oldest_staged.is_some_and(|t| t.elapsed() >= BATCH_PATIENCE / 4) {
                keeper.commit()?;
            }
            Ok(())
        },
    )?;
    let mut keeper = keeper.into_inner();
    keeper.commit()?;
    let counts = &keeper.counts;
    keeper.out.lines([Line::plain(texts::archive_summary(
        ui.lang,
        counts.archived,
        counts.already,
        counts.skipped,
        &args.out.display().to_string(),
    ))])?;
    keeper.out.flush()?;
    if counts.skipped > 0 {
        outcome = outcome.merge(Outcome::Invalid);
    }
    Ok(outcome)
}
