//! One module per subcommand: arguments → library options → library → renderer → outcome.

pub mod archive;
pub mod batch;
pub mod clock;
pub mod errors;
pub mod evidence;
pub mod extract;
pub mod generate;
pub mod inspect;
pub mod messages;
pub mod sources;
pub mod terminal;
pub mod trust;
pub mod verify;

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use peckit::error::ReadFailure;
use peckit::limits::{Limit, Limits};
use peckit::report::i18n::Lang;
use peckit::report::i18n::failures::{self as setup, SetupStep};
use peckit::report::term::Line;
use peckit::verify::{CrlSet, HttpCrlFetcher, RevocationPolicy, TrustStore, Verifier};

use crate::cli::{self, Cli, Command, LimitArgs, TrustArgs};

/// What a run earned, merged over inputs with 2 > 1 > 0.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Everything valid / the command succeeded.
    #[default]
    Success,
    /// At least one artefact invalid.
    Invalid,
    /// A usage error or an input that could not be read.
    Error,
    /// Stopped by Ctrl-C (what was written is complete up to there).
    Interrupted,
}

impl Outcome {
    /// Merges two outcomes: the worse wins.
    pub fn merge(self, other: Outcome) -> Outcome {
        self.max(other)
    }

    /// The process exit code.
    pub fn exit_code(self) -> ExitCode {
        ExitCode::from(match self {
            Outcome::Success => 0,
            Outcome::Invalid => 1,
            Outcome::Error => 2,
            Outcome::Interrupted => 130,
        })
    }
}

/// Everything a command needs to talk to people.
#[derive(Debug, Clone, Copy)]
pub struct Ui {
    /// Language of labels and messages.
    pub lang: Lang,
    /// Colours.
    pub paint: terminal::Paint,
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<Outcome> {
    let lang = match cli.lang {
        Some(cli::Lang::It) => Lang::It,
        Some(cli::Lang::En) => Lang::En,
        None => Lang::from_env(),
    };
    messages::set_lang(lang);
    let ui = Ui { lang, paint: terminal::Paint { enabled: terminal::use_color(cli.color) } };
    match cli.command {
        Command::Verify(args) => verify::run(&args, ui),
        Command::Inspect(args) => inspect::run(&args, ui),
        Command::Extract(args) => extract::run(&args, ui),
        Command::Evidence(args) => evidence::run(&args, ui),
        Command::Archive(args) => archive::run(&args, ui),
        Command::Trust(cli::TrustCommand::List(args)) => trust::list(&args, ui),
        Command::Generate(args) => generate::run(&args),
    }
}

/// The library limits from the flags.
pub fn limits(args: &LimitArgs) -> Limits {
    Limits {
        max_input_bytes: args.max_size,
        max_mime_depth: args.max_depth,
        max_parts: args.max_parts,
        max_nested_artefacts: args.max_nesting,
        max_daticert_bytes: args.max_daticert,
        max_header_bytes: args.max_header,
    }
}

/// The trust store from the flags.
pub fn trust_store(args: &TrustArgs) -> Result<TrustStore> {
    let mut store =
        if args.no_default_trust { TrustStore::empty() } else { TrustStore::embedded() };
    for path in &args.trust {
        store
            .add_path(path)
            .map_err(|e| setup_error(SetupStep::TrustAnchors, path, trust_why(path, &e)))?;
    }
    if let Some(signer) = args.trusted_list_signer.as_deref() {
        let step = SetupStep::TrustedListSigner;
        let mut named = TrustStore::empty();
        named.add_path(signer).map_err(|e| setup_error(step, signer, trust_why(signer, &e)))?;
        let Some(signer) = named.iter().next().map(|a| a.cert.clone()) else {
            return Err(setup_error(step, signer, setup::no_certificate(messages::lang())));
        };
        for list in &args.trusted_list {
            let bytes = std::fs::read(list).map_err(|e| {
                setup_error(
                    SetupStep::TrustedList,
                    list,
                    ReadFailure::of_io(&e).text(messages::lang()),
                )
            })?;
            let source = list.display().to_string();
            let anchors = peckit::verify::trusted_list::anchors(&bytes, &signer, &source)
                .map_err(|e| setup_error(SetupStep::TrustedList, list, trusted_list_why(&e)))?;
            store.add_anchors(anchors);
        }
    }
    Ok(store)
}

/// A file a flag names that cannot be used, in the user's language: what was being loaded,
/// from where, and why (one line: the reason is not repeated as a cause).
fn setup_error(step: SetupStep, path: &std::path::Path, why: String) -> anyhow::Error {
    anyhow::anyhow!(setup::setup_failure(messages::lang(), step, &path.display().to_string(), &why))
}

/// Why trust anchors could not be loaded, the system's words said in the user's language;
/// the file is named when it is not the one the flag named (a file of its folder).
fn trust_why(flag: &std::path::Path, e: &peckit::verify::TrustStoreError) -> String {
    use peckit::verify::TrustStoreError as E;
    let lang = messages::lang();
    match e {
        E::Io { path, error } => within(flag, path, ReadFailure::of_io(error).text(lang)),
        E::NoCertificate(path) => within(flag, path, setup::no_certificate(lang)),
        E::NoCertificateInFolder(path) => within(flag, path, setup::no_certificate_in_folder(lang)),
        E::Bad { source_name, error } => {
            within(flag, source_name, setup::bad_certificate(lang, &error.to_string()))
        }
        other => other.to_string(),
    }
}

/// Why CRLs could not be loaded, as [`trust_why`] says it.
fn crl_why(flag: &std::path::Path, e: &peckit::verify::CrlError) -> String {
    use peckit::verify::CrlError as E;
    let lang = messages::lang();
    match e {
        E::Io { path, error } => within(flag, path, ReadFailure::of_io(error).text(lang)),
        E::NoCrlIn(path) => within(flag, path, setup::no_crl(lang)),
        E::NoCrl(path) => within(flag, path, setup::no_crl_in_folder(lang)),
        E::Bad(path, why) => within(flag, path, setup::not_a_crl(lang, why)),
    }
}

/// Why a trusted list cannot be used, in the user's language.
fn trusted_list_why(e: &peckit::verify::trusted_list::TrustedListError) -> String {
    use peckit::verify::trusted_list::TrustedListError as E;
    let lang = messages::lang();
    match e {
        E::NotATrustedList(_, fault) => setup::not_a_trusted_list(lang, fault.as_ref()),
        E::Signature(_, finding) => setup::trusted_list_signature(lang, finding),
        E::OtherSigner(_, signer) => setup::trusted_list_other_signer(lang, signer),
    }
}

/// `why`, preceded by the file it concerns when that is not the flag's own.
fn within(flag: &std::path::Path, path: &str, why: String) -> String {
    if flag.as_os_str() == path { why } else { format!("{path}: {why}") }
}

/// The verifier the flags describe.
pub fn verifier(args: &cli::VerifierArgs, limits: &Limits) -> Result<Verifier> {
    let at = match args.at.as_deref() {
        Some(s) => Some(s.parse::<jiff::Timestamp>().map_err(|_| {
            anyhow::anyhow!(peckit::report::i18n::texts::not_a_time(messages::lang(), "--at", s))
        })?),
        None => None,
    };
    Ok(Verifier::new(trust_store(&args.trust)?)
        .with_requested_time(at)
        .with_limits(*limits)
        .with_revocation(revocation_policy(&args.revocation)?))
}

/// The revocation policy from the flags: the CRLs given and, with `--fetch-crl`, a
/// downloader caching in `--crl-cache`.
pub fn revocation_policy(args: &cli::RevocationArgs) -> Result<RevocationPolicy> {
    let mut crls = CrlSet::empty();
    for path in &args.crl {
        crls.add_path(path).map_err(|e| setup_error(SetupStep::Crls, path, crl_why(path, &e)))?;
    }
    let fetcher = args.fetch_crl.then(|| {
        let cache = args.crl_cache.clone().or_else(HttpCrlFetcher::default_cache_dir);
        Box::new(HttpCrlFetcher::new(
            cache,
            std::time::Duration::from_secs(args.crl_timeout),
            jiff::Timestamp::now(),
        )) as Box<dyn peckit::verify::CrlFetcher>
    });
    Ok(RevocationPolicy::new(crls, fetcher))
}

/// Lets a serialiser write straight to [`Output`] (a long tail, such as the files of no
/// message, is never held as text).
impl io::Write for Output {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        Output::write(self, bytes).map_err(io::Error::other)?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Output::flush(self).map_err(io::Error::other)
    }
}

/// Writes to stdout; a closed pipe ends the output quietly (the exit code still counts).
pub struct Output {
    out: io::BufWriter<io::Stdout>,
    closed: bool,
    color: bool,
    /// Standard output is a terminal: what is written for programs is escaped on its way.
    terminal: bool,
}

impl Output {
    /// Standard output, buffered; human lines coloured when `color`.
    pub fn stdout(color: bool) -> Output {
        use std::io::IsTerminal as _;
        let terminal = io::stdout().is_terminal();
        Output { out: io::BufWriter::new(io::stdout()), closed: false, color, terminal }
    }

    /// Writes output meant for programs or files (JSON, CSV, Markdown, HTML, a message's
    /// bytes). On a terminal, its hidden characters are shown escaped
    /// ([`peckit::report::term::for_terminal`]): mail and records can carry escape sequences.
    pub fn write(&mut self, bytes: &[u8]) -> Result<()> {
        if self.terminal {
            let shown = peckit::report::term::for_terminal(bytes);
            return self.put(&shown);
        }
        self.put(bytes)
    }

    /// Writes bytes as they are; after a broken pipe, further writes are dropped.
    fn put(&mut self, bytes: &[u8]) -> Result<()> {
        if self.closed {
            return Ok(());
        }
        match self.out.write_all(bytes) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other.context("writing to standard output"),
        }
    }

    /// Writes a line of human text (escaped by [`Line::render`], which adds the colours).
    pub fn line(&mut self, line: &Line) -> Result<()> {
        self.put(line.render(self.color).as_bytes())?;
        self.put(b"\n")
    }

    /// Writes every line of a block of human text.
    pub fn lines(&mut self, lines: impl IntoIterator<Item = Line>) -> Result<()> {
        lines.into_iter().try_for_each(|l| self.line(&l))
    }

    /// Writes machine output (JSON, CSV) and a line break: no colour, escaped only on a
    /// terminal (see [`Output::write`]).
    pub fn machine_line(&mut self, text: &str) -> Result<()> {
        self.write(text.as_bytes())?;
        self.write(b"\n")
    }

    /// Flushes (so streamed rows appear as files finish).
    pub fn flush(&mut self) -> Result<()> {
        if self.closed {
            return Ok(());
        }
        match self.out.flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other.context("writing to standard output"),
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if !self.closed {
            let _ = self.out.flush();
        }
    }
}

/// Reads every artefact of `paths` (files, folders, containers, `-`) on every core and
/// hands each to `each` in input order, on this thread; unreadable inputs get one error line
/// on stderr and make the outcome 2; Ctrl-C stops taking up inputs (outcome 130).
pub fn for_each_artefact(
    inputs: sources::Inputs,
    limits: &Limits,
    outcome: &mut Outcome,
    mut each: impl FnMut(String, peckit::read::Artefact) -> Result<()>,
    mut unreadable: impl FnMut(String, peckit::error::ReadFailure),
) -> Result<usize> {
    // Artefacts and unreadable inputs alike: none at all is said by the caller, never taken
    // for success (review 22: extract and inspect of an empty folder were silent).
    let mut seen = inputs.list_errors.len();
    for e in &inputs.list_errors {
        let failure = peckit::error::ReadFailure::of_io(&e.error);
        report_read_failure(&e.path.display().to_string(), &failure);
        unreadable(e.path.display().to_string(), failure);
        *outcome = outcome.merge(Outcome::Error);
    }
    let jobs = batch::jobs(None);
    let stop = batch::stop_flag();
    // Whole artefacts are heavy: only a few may wait for an earlier one.
    let pipeline = batch::Pipeline {
        jobs,
        in_order: true,
        window: jobs * 2,
        stop: std::sync::Arc::clone(&stop),
    };
    let mut failure = None;
    pipeline.run(
        inputs.stream,
        |item| match item {
            Ok(source) => peckit::input::load_messages(source, limits.max_input_bytes)
                .into_iter()
                .map(|(name, bytes)| (name, bytes.and_then(|b| peckit::read::read(b, limits))))
                .collect(),
            Err(e) => {
                vec![(e.path.display().to_string(), Err(peckit::error::Error::Io(e.error)))]
            }
        },
        |_, _| {},
        |(name, read)| {
            if failure.is_some() {
                return; // writing already failed: the rest would fail the same way
            }
            seen += 1;
            match read {
                Ok(artefact) => {
                    if let Err(e) = each(name, artefact) {
                        failure = Some(e);
                    }
                }
                Err(e) => {
                    report_read_error(&name, &e);
                    unreadable(name, peckit::error::ReadFailure::of(&e));
                    *outcome = outcome.merge(Outcome::Error);
                }
            }
        },
        || {},
    );
    if let Some(e) = failure {
        return Err(e);
    }
    if stop.load(std::sync::atomic::Ordering::SeqCst) {
        report_error(peckit::catalogue::Diagnostic::Interrupted.text(messages::lang()));
        *outcome = outcome.merge(Outcome::Interrupted);
    }
    Ok(seen)
}

/// Says that the inputs held no mail, when nothing else was said of them: "nothing done"
/// must not read as "all done" (exit status 2).
pub fn nothing_found(seen: usize, outcome: &mut Outcome, lang: peckit::catalogue::Lang) {
    if seen == 0 && *outcome == Outcome::Success {
        report_error(peckit::catalogue::Diagnostic::NoMailFound.text(lang));
        *outcome = Outcome::Error;
    }
}

/// The inputs of a command that reads paths and mailboxes, with no glob.
pub fn plain_inputs(
    paths: &[std::path::PathBuf],
    imap: &cli::ImapArgs,
    limits: &Limits,
    skip: sources::Skip,
) -> Result<sources::Inputs> {
    let walk = peckit::input::WalkOptions { globs: None, max_member_bytes: limits.max_input_bytes };
    sources::inputs(paths, imap, walk, limits.max_input_bytes, skip)
}

/// Skips nothing.
pub fn no_skip() -> sources::Skip {
    std::sync::Arc::new(|_| false)
}

/// Prints `peckit: MESSAGE` on stderr, in the chosen language.
pub fn report_error(message: &str) {
    terminal::eprint(&Line::plain(format!("peckit: {message}")));
}

/// Prints the error that ends a command, each cause in the chosen language.
pub fn report_fatal(err: &anyhow::Error) {
    report_error(&errors::localized(err, messages::lang()));
}

/// The flag that changes a library limit, if one does.
pub fn limit_flag(limit: Limit) -> Option<&'static str> {
    match limit {
        Limit::InputSize | Limit::MessageSize => Some("--max-size"),
        Limit::MimeDepth => Some("--max-depth"),
        Limit::MimeParts => Some("--max-parts"),
        Limit::HeaderSize => Some("--max-header"),
        Limit::Nesting => Some("--max-nesting"),
        Limit::DaticertSize => Some("--max-daticert"),
        _ => None,
    }
}

/// Prints, on stderr, how to change each limit that stopped some work.
pub fn report_limit_hints(limits: impl IntoIterator<Item = Limit>) {
    let flags: std::collections::BTreeSet<&str> =
        limits.into_iter().filter_map(limit_flag).collect();
    for flag in flags {
        let text = peckit::catalogue::texts::limit_hint(messages::lang(), flag);
        terminal::eprint(&Line::plain(text));
    }
}

/// Prints a per-file error line on stderr for an input that could not be read, with the
/// flag to change when a limit refused it.
pub fn report_read_error(path: &str, err: &peckit::error::Error) {
    report_read_failure(path, &peckit::error::ReadFailure::of(err));
    if let peckit::error::Error::LimitExceeded { limit, .. } = err {
        report_limit_hints([*limit]);
    }
}

/// Prints a per-file error line on stderr, naming the file.
pub fn report_input_error(path: &str, err: &dyn std::fmt::Display) {
    terminal::eprint(&Line::plain(format!("peckit: {path}: {err}")));
}

/// Prints why an input could not be read, in the chosen language.
pub fn report_read_failure(path: &str, failure: &peckit::error::ReadFailure) {
    report_input_error(path, &failure.text(messages::lang()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_merge_worst_first() {
        assert_eq!(Outcome::Success.merge(Outcome::Invalid), Outcome::Invalid);
        assert_eq!(Outcome::Error.merge(Outcome::Invalid), Outcome::Error);
        assert_eq!(Outcome::Success.merge(Outcome::Success), Outcome::Success);
    }
}
