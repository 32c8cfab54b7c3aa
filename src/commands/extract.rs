//! `peckit extract`: an artefact taken apart into a folder, with its manifest.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use peckit::certify::assess::{self, Verdict};
use peckit::extract::OutputDir;
use peckit::extract::{self, Only};
use peckit::read;
use peckit::report::i18n::texts::{self, Text};
use peckit::report::i18n::{self, Diagnostic};

use super::clock::Batch as _;
use super::{Outcome, Output, Ui};
use crate::cli::{ExtractArgs, ExtractFormat, ExtractOnly};
use peckit::report::stream::JsonArray;
use peckit::report::term::{Line, Style};

fn only_of(args: &ExtractArgs) -> Only {
    match args.only {
        None => Only::All,
        Some(ExtractOnly::Original) => Only::Original,
        Some(ExtractOnly::Attachments) => Only::Attachments,
        Some(ExtractOnly::Daticert) => Only::Daticert,
        Some(ExtractOnly::Signature) => Only::Signature,
    }
}

/// The folder for one input: -o DIR (a subfolder per input when several, claimed in
/// `folders`), else the stem.
fn target_dir(
    args: &ExtractArgs,
    file: &Path,
    folders: &mut peckit::extract::UniqueNames,
) -> PathBuf {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty() && s != "-")
        .unwrap_or_else(|| "peckit-extract".into());
    let stem = peckit::extract::sanitize(&stem, "peckit-extract");
    match &args.out {
        Some(dir) if args.files.len() > 1 => dir.join(folders.claim_folder(&stem)),
        Some(dir) => dir.clone(),
        None => file.with_file_name(stem),
    }
}

/// The subfolder of one message taken from a folder or a container (`archive.zip!a/x.eml`,
/// `box.mbox#3`, `dir/x.eml`): its own stem, or `message-N` for an mbox message.
fn member_folder(name: &str) -> String {
    // A mailbox message (`imaps://…/INBOX;UIDVALIDITY=V/;UID=N`): `UID-N`.
    if let Some((_, uid)) = name.rsplit_once(";UID=") {
        return peckit::extract::sanitize(&format!("UID-{uid}"), "message");
    }
    let inner = name.rsplit_once('!').map_or(name, |(_, member)| member);
    let stem = match inner.rsplit_once('#') {
        Some((_, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            format!("message-{n}")
        }
        _ => Path::new(inner)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    peckit::extract::sanitize(&stem, "message")
}

/// Runs `peckit extract`.
pub fn run(args: &ExtractArgs, ui: Ui) -> Result<Outcome> {
    let to_stdout = args.out.as_deref().is_some_and(|p| p.as_os_str() == "-");
    if to_stdout && args.only != Some(ExtractOnly::Original) {
        bail!(texts::stdout_needs_only_original(ui.lang));
    }
    if to_stdout && args.files.len() != 1 {
        bail!(texts::stdout_takes_one_input(ui.lang));
    }
    let limits = super::limits(&args.verifier.limits);
    let opts = super::verifier(&args.verifier, &limits)?;
    let mut outcome = Outcome::Success;
    let several = args.files.len() > 1
        || args
            .files
            .iter()
            .any(|f| f.is_dir() || f.to_str().is_some_and(peckit::mailbox::is_imap_url));
    let committer = Mutex::new(Committer {
        staged: Vec::new(),
        staged_bytes: 0,
        oldest_staged: None,
        out: Output::stdout(ui.paint.enabled),
        manifests: if several { Manifests::ArrayWanted } else { Manifests::Nothing },
        outcome: Outcome::Success,
        failure: None,
        args,
        ui,
    });
    let lock = || committer.lock().unwrap_or_else(PoisonError::into_inner);
    // With -o and several inputs, each input's folder is named after it, numbered when two
    // share a name (`ricevuta`, `ricevuta (2)`): one input never writes into another's.
    let mut input_folders = peckit::extract::UniqueNames::new();
    let mut seen = 0;
    let extracted = super::clock::with_clock(
        || lock().on_tick(),
        || -> Result<()> {
            for file in &args.files {
                // Folders and containers (zip, mbox, Maildir) yield several messages: each
                // gets a subfolder of the input's folder; a folder needs -o (its own stem is
                // itself).
                let is_folder =
                    file.is_dir() || file.to_str().is_some_and(peckit::mailbox::is_imap_url);
                if is_folder && args.out.is_none() {
                    super::report_input_error(
                        &file.display().to_string(),
                        &Diagnostic::SeveralNeedOutput.text(ui.lang),
                    );
                    outcome = outcome.merge(Outcome::Error);
                    continue;
                }
                let base = target_dir(args, file, &mut input_folders);
                let mut subfolders = peckit::extract::UniqueNames::new();
                let mut each_outcome = Outcome::Success;
                seen += super::for_each_artefact(
                    super::plain_inputs(
                        std::slice::from_ref(file),
                        &args.imap,
                        &limits,
                        super::no_skip(),
                    )?,
                    &limits,
                    &mut outcome,
                    |name, a| {
                        let single = !is_folder && name == file.display().to_string();
                        let dir_path = if single {
                            base.clone()
                        } else {
                            base.join(subfolders.claim_folder(&member_folder(&name)))
                        };
                        let target = Target { dir: &dir_path, to_stdout };
                        let earned =
                            extract_one(args, ui, &opts, &limits, &committer, &name, &a, target)?;
                        each_outcome = each_outcome.merge(earned);
                        Ok(())
                    },
                    |_, _| {},
                )?;
                outcome = outcome.merge(each_outcome);
            }
            Ok(())
        },
    );
    let mut committer = committer.into_inner().unwrap_or_else(PoisonError::into_inner);
    // What was extracted before an error or an interruption is committed too.
    let committed = committer.commit();
    outcome = outcome.merge(committer.outcome);
    // The JSON printed so far is closed even when an input stops the run (a mailbox that
    // cannot be reached): what was extracted is listed, then the error is said.
    let Committer { mut out, manifests, failure, .. } = committer;
    if args.format == ExtractFormat::Json && !to_stdout {
        manifests.finish(&mut out)?;
    }
    out.flush()?;
    if let Some(e) = failure {
        return Err(e);
    }
    extracted?;
    committed?;
    super::nothing_found(seen, &mut outcome, ui.lang);
    Ok(outcome)
}

/// Artefacts are committed together (one flush of the disk for all their files, see
/// `peckit::extract::commit_together`) once this many are staged, or this many bytes, or
/// once the oldest has waited this long, whatever the next input does.
const BATCH_ARTEFACTS: usize = 256;
const BATCH_BYTES: u64 = 4 << 20;

/// One artefact's files, written under temporary names, waiting for the group's commit.
struct Staged {
    name: String,
    dir: OutputDir,
    dir_path: PathBuf,
    manifest: peckit::extract::Manifest,
}

/// The extracted artefacts waiting for their commit, and what is shown of them: lines are
/// printed as artefacts are committed, so a line never announces files a crash could lose.
struct Committer<'a> {
    staged: Vec<Staged>,
    staged_bytes: u64,
    oldest_staged: Option<Instant>,
    out: Output,
    manifests: Manifests,
    /// Errors met at commits (a name taken meanwhile, a disk that failed).
    outcome: Outcome,
    /// A commit of the clock thread that could not print, for the run to stop with.
    failure: Option<anyhow::Error>,
    args: &'a ExtractArgs,
    ui: Ui,
}

impl Committer<'_> {
    fn stage(&mut self, staged: Staged) -> Result<()> {
        if let Some(e) = self.failure.take() {
            return Err(e);
        }
        self.staged_bytes = staged
            .manifest
            .files
            .iter()
            .map(|f| f.size)
            .fold(self.staged_bytes, u64::saturating_add);
        self.staged.push(staged);
        let oldest = *self.oldest_staged.get_or_insert_with(Instant::now);
        let full = self.staged.len() >= BATCH_ARTEFACTS || self.staged_bytes >= BATCH_BYTES;
        if full || oldest.elapsed() >= super::clock::PATIENCE {
            self.commit()?;
        }
        Ok(())
    }

    /// What one committed artefact's extraction wrote.
    fn show(&mut self, name: &str, dir_path: &Path, manifest: extract::Manifest) -> Result<()> {
        let (ui, out) = (self.ui, &mut self.out);
        match self.args.format {
            ExtractFormat::Table => {
                out.line(&Line::plain(format!("{name} → {}", dir_path.display())))?;
                // The hash's first 12 digits, marked as cut; manifest.json has them all.
                let (size, file) =
                    (texts::text(ui.lang, Text::Bytes), texts::text(ui.lang, Text::FileLower));
                out.line(&Line::styled(
                    Style::Bold,
                    format!("  {size:>10}  {:<13}  {file}", "SHA-256"),
                ))?;
                for f in &manifest.files {
                    out.line(&Line::plain(format!(
                        "  {:>10}  {}…  {}",
                        f.size,
                        f.sha256.get(..12).unwrap_or(&f.sha256),
                        f.path
                    )))?;
                }
                Ok(())
            }
            ExtractFormat::Json => self.manifests.add(out, manifest),
        }
    }
}

impl super::clock::Batch for Committer<'_> {
    fn oldest_staged(&self) -> Option<Instant> {
        self.oldest_staged
    }

    fn failure(&mut self) -> &mut Option<anyhow::Error> {
        &mut self.failure
    }

    /// Commits what is staged and says, in order, what became of each artefact.
    fn commit(&mut self) -> Result<()> {
        self.oldest_staged = None;
        self.staged_bytes = 0;
        let staged = std::mem::take(&mut self.staged);
        if staged.is_empty() {
            return Ok(());
        }
        let dirs: Vec<&OutputDir> = staged.iter().map(|s| &s.dir).collect();
        let results = peckit::extract::commit_together(&dirs);
        drop(dirs);
        for (one, result) in staged.into_iter().zip(results) {
            match result {
                Ok(_) => self.show(&one.name, &one.dir_path, one.manifest)?,
                Err(e) => {
                    report_write_error(self.ui, &one.name, &extract::ExtractError::from(e));
                    self.outcome = self.outcome.merge(Outcome::Error);
                }
            }
        }
        self.out.flush()
    }
}

/// Says why an artefact's files could not be written (with the way out when a name is taken).
fn report_write_error(ui: Ui, name: &str, e: &extract::ExtractError) {
    match e {
        extract::ExtractError::Write(extract::WriteError::Exists(path)) => {
            super::report_input_error(
                name,
                &i18n::already_exists(ui.lang, &path.display().to_string()),
            );
            super::terminal::eprint(&Line::plain(texts::text(ui.lang, Text::ForceHint)));
        }
        extract::ExtractError::Write(w) => {
            super::report_input_error(name, &super::errors::localized_error(w, ui.lang))
        }
        other => super::report_input_error(name, other),
    }
}

/// The manifests `--format json` prints: as an array written as they come (memory does not
/// grow with the number of artefacts) when several inputs, a folder or a mailbox were given,
/// or when the one input file held several messages; the one artefact's alone otherwise.
enum Manifests {
    Nothing,
    /// Several inputs: an array, however many of them are extracted.
    ArrayWanted,
    First(peckit::extract::Manifest),
    Array(JsonArray),
}

impl Manifests {
    fn add(&mut self, out: &mut Output, manifest: peckit::extract::Manifest) -> Result<()> {
        let mut buf = Vec::new();
        *self = match std::mem::replace(self, Manifests::Nothing) {
            Manifests::Nothing => Manifests::First(manifest),
            Manifests::ArrayWanted => {
                let mut array = JsonArray::start(&mut buf)?;
                array.element(&mut buf, &manifest)?;
                Manifests::Array(array)
            }
            Manifests::First(first) => {
                let mut array = JsonArray::start(&mut buf)?;
                array.element(&mut buf, &first)?;
                array.element(&mut buf, &manifest)?;
                Manifests::Array(array)
            }
            Manifests::Array(mut array) => {
                array.element(&mut buf, &manifest)?;
                Manifests::Array(array)
            }
        };
        out.write(&buf)
    }

    fn finish(self, out: &mut Output) -> Result<()> {
        match self {
            Manifests::Nothing | Manifests::ArrayWanted => out.machine_line("[]"),
            Manifests::First(one) => out.machine_line(
                &serde_json::to_string_pretty(&one).context("serialising the manifest")?,
            ),
            Manifests::Array(array) => {
                let mut buf = Vec::new();
                array.finish(&mut buf)?;
                buf.push(b'\n');
                out.write(&buf)
            }
        }
    }
}

/// Where one artefact goes: a folder, or its original to standard output.
#[derive(Clone, Copy)]
struct Target<'a> {
    dir: &'a Path,
    to_stdout: bool,
}

/// Checks one artefact and writes its files into `dir_path` under temporary names, staged
/// for the group's commit (or writes its original to stdout).
#[allow(clippy::too_many_arguments)]
fn extract_one(
    args: &ExtractArgs,
    ui: Ui,
    opts: &peckit::verify::Verifier,
    limits: &peckit::limits::Limits,
    committer: &Mutex<Committer<'_>>,
    name: &str,
    artefact: &read::Artefact,
    target: Target<'_>,
) -> Result<Outcome> {
    let Target { dir: dir_path, to_stdout } = target;
    let mut outcome = Outcome::Success;
    let assessment = assess::assess(artefact, opts);
    if assessment.verdict != Verdict::Valid {
        let first = assessment.problems.first().map(|p| p.code.code()).unwrap_or("invalid");
        // A signed entity that is intact inside an altered file: what is extracted comes from
        // it and is certified; only the file around it is not.
        let intact = assessment.problems.iter().any(|p| {
            matches!(p.finding, Some(peckit::finding::Finding::IntactInsideAltered { .. }))
        });
        // Errors that leave the signed data certified (an unsigned header contradicting it,
        // something added outside the signature): what is extracted is certified too.
        let certified =
            assess::signed_data_certified(assessment.signature.as_ref(), &assessment.problems);
        let msg = if args.require_valid {
            texts::unverified_extraction(ui.lang, name, first, true)
        } else if intact {
            texts::rewrapped_extraction(ui.lang, name)
        } else if certified {
            texts::outside_signature_extraction(ui.lang, name, first)
        } else {
            texts::unverified_extraction(ui.lang, name, first, false)
        };
        // Said at once, in input order with the errors (the lines on stdout wait for the
        // group's commit).
        super::terminal::eprint(&Line::styled(Style::Bad, msg));
        outcome = outcome.merge(Outcome::Invalid);
        if args.require_valid {
            return Ok(outcome);
        }
    } else if assessment.problems.iter().any(|p| p.code == peckit::ProblemCode::AnomalyNotCertified)
    {
        super::terminal::eprint(&Line::styled(
            Style::Bad,
            texts::anomaly_extraction(ui.lang, name),
        ));
    }
    let lock = || committer.lock().unwrap_or_else(PoisonError::into_inner);
    if to_stdout {
        match artefact.original() {
            Some(original) => lock().out.write(original)?,
            None => {
                super::report_input_error(name, &Diagnostic::NoOriginal.text(ui.lang));
                outcome = outcome.merge(Outcome::Error);
            }
        }
        return Ok(outcome);
    }
    let chain = artefact
        .signed
        .as_ref()
        .map(|s| peckit::verify::certificates_pem(&s.cms))
        .unwrap_or_default();
    // The artefact's files, its manifest included, reach their names together when the
    // group is committed (one flush of the file system for the group, not one per file);
    // on an error none of them is left.
    let existed = dir_path.exists();
    let written = OutputDir::create_batched(dir_path, args.force)
        .map_err(extract::ExtractError::from)
        .and_then(|dir| {
            let manifest =
                extract::extract(name, artefact, &assessment, &chain, &dir, only_of(args), limits)?;
            if only_of(args) == Only::All {
                dir.write("manifest.json", &serde_json::to_vec_pretty(&manifest)?)?;
            }
            Ok((dir, manifest))
        });
    match written {
        // `--only` of something this artefact does not hold: said, as with `-o -`.
        Ok((_, manifest)) if manifest.files.is_empty() && only_of(args) != Only::All => {
            // The flag's value as the command line spells it.
            let only = args
                .only
                .and_then(|o| clap::ValueEnum::to_possible_value(&o))
                .map(|v| v.get_name().to_string())
                .unwrap_or_default();
            super::report_input_error(name, &texts::nothing_to_extract(ui.lang, &only));
            outcome = outcome.merge(Outcome::Error);
            if !existed {
                // The folder made for it, empty: nothing is left behind (never a full one).
                let _ = std::fs::remove_dir(dir_path);
            }
        }
        Ok((dir, manifest)) => {
            let staged =
                Staged { name: name.to_string(), dir, dir_path: dir_path.to_path_buf(), manifest };
            lock().stage(staged)?;
        }
        Err(e) => {
            report_write_error(ui, name, &e);
            outcome = outcome.merge(Outcome::Error);
        }
    }
    Ok(outcome)
}
