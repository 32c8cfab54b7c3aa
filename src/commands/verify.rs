//! `peckit verify`: a verdict per artefact, a summary, an exit code CI can rely on.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use anyhow::{Context, Result};
use peckit::certify::assess::{self, Verdict};
use peckit::evidence::Facts;
use peckit::input::{self, Source, WalkOptions};
use peckit::limits::Limits;
use peckit::read;
use peckit::report::i18n;
use peckit::report::model::{ArtefactReport, Summary};
use peckit::verify::Verifier;

use super::batch::Pipeline;
use super::{Outcome, Output, Ui};
use crate::cli::{VerifyArgs, VerifyFormat};
use peckit::report::stream::{JsonDocument, VerifyTable, jsonl_line, render_element};
use peckit::report::term::{self, Line};

/// Reads, verifies and reports one input (every message of it, when a mail file turns out
/// to hold an mbox or zip), with the facts `evidence` reads back when `with_facts`. Never
/// fails: an unreadable input is an `error` row.
pub fn evaluate(
    source: Source,
    limits: &Limits,
    opts: &Verifier,
    with_facts: bool,
) -> Vec<ArtefactReport> {
    input::load_messages(source, limits.max_input_bytes)
        .into_iter()
        .map(|(name, bytes)| match bytes.and_then(|b| read::read(b, limits)) {
            Ok(artefact) => {
                let assessment = assess::assess(&artefact, opts);
                let facts = with_facts.then(|| Facts::of(&artefact, &assessment, limits));
                let mut report = ArtefactReport::from_owned(&name, artefact, assessment);
                report.evidence = facts;
                report
            }
            Err(e) => ArtefactReport::from_error(&name, &e),
        })
        .collect()
}

fn outcome_of(verdict: Verdict) -> Outcome {
    match verdict {
        Verdict::Valid => Outcome::Success,
        Verdict::Invalid => Outcome::Invalid,
        Verdict::Error => Outcome::Error,
    }
}

/// What the run saw, for the closing summary.
#[derive(Default)]
struct Stats {
    summary: Summary,
    kinds: BTreeMap<String, usize>,
    problems: BTreeMap<&'static str, usize>,
    slowest: Option<(String, Duration)>,
}

impl Stats {
    fn add(&mut self, r: &ArtefactReport, took: Duration) {
        self.summary.add(r.verdict);
        // The kind's name is copied only the first time it is seen.
        match self.kinds.get_mut(&r.kind) {
            Some(count) => *count += 1,
            None => {
                self.kinds.insert(r.kind.clone(), 1);
            }
        }
        // Artefacts per code, not occurrences: a file with two certificates out of their
        // validity is one file (review 22: the count read as files).
        let mut counted: Vec<&'static str> = Vec::new();
        for p in r.problems.iter().filter(|p| p.severity != peckit::problem::Severity::Info) {
            let code = p.code.code();
            if !counted.contains(&code) {
                counted.push(code);
                *self.problems.entry(code).or_default() += 1;
            }
        }
        if self.slowest.as_ref().is_none_or(|(_, d)| took > *d) {
            self.slowest = Some((r.path.clone(), took));
        }
    }
}

fn globs(patterns: &[String], lang: i18n::Lang) -> Result<Option<globset::GlobSet>> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = globset::GlobSetBuilder::new();
    for p in patterns {
        b.add(globset::Glob::new(p).with_context(|| i18n::texts::bad_glob(lang, p))?);
    }
    Ok(Some(b.build()?))
}

/// Runs `peckit verify`.
pub fn run(args: &VerifyArgs, ui: Ui) -> Result<Outcome> {
    let limits = super::limits(&args.verifier.limits);
    let verifier = super::verifier(&args.verifier, &limits)?;
    let walk = WalkOptions {
        globs: globs(&args.glob, ui.lang)?,
        max_member_bytes: limits.max_input_bytes,
    };
    let inputs = super::sources::inputs(
        &input_paths(args, ui.lang)?,
        &args.imap,
        walk,
        limits.max_input_bytes,
        super::no_skip(),
    )?;
    let list_errors = inputs.list_errors;
    let jobs = super::batch::jobs(args.jobs);
    let stop = super::batch::stop_flag();
    let progress = progress_bar(args, inputs.files, ui);
    let mut seen = Seen::default();
    let renderer = Renderer::new(args, ui);
    // The writer and the pipeline's idle hook both reach it, one at a time.
    let sink = std::cell::RefCell::new(Sink::start(ui, &renderer)?);
    for e in &list_errors {
        super::report_read_failure(
            &e.path.display().to_string(),
            &peckit::error::ReadFailure::of_io(&e.error),
        );
        let r = ArtefactReport::unreadable(
            &e.path.display().to_string(),
            peckit::error::ReadFailure::of_io(&e.error),
        );
        seen.record(&r, Duration::ZERO);
        sink.borrow_mut().write(renderer.render(&r));
    }
    // Every format streams: rows are written as results arrive, in input order through a
    // reorder window bounded by the work in flight (issue #13: memory must not grow with
    // the number of artefacts).
    let in_order = args.ordered || matches!(args.format, VerifyFormat::Json | VerifyFormat::Table);
    // Reports are small: a wide window keeps every core busy behind one slow input.
    let pipeline = Pipeline { jobs, in_order, window: 512, stop: Arc::clone(&stop) };
    // Machine records carry what `evidence` reads back; the table and CSV need none of it.
    let with_facts = matches!(args.format, VerifyFormat::Json | VerifyFormat::Jsonl);
    pipeline.run(
        inputs.stream,
        |item| {
            let reports = match item {
                Ok(source) => evaluate(source, &limits, &verifier, with_facts),
                Err(e) => vec![ArtefactReport::unreadable(
                    &e.path.display().to_string(),
                    peckit::error::ReadFailure::of_io(&e.error),
                )],
            };
            // Rendered here, on the worker, and only what the counts need goes on: the rest
            // of the report is freed by the thread that allocated it (freeing it on the
            // writing thread made mimalloc's cross-thread frees a tenth of a two-core run).
            reports.into_iter().map(|r| (renderer.render(&r), r.into_headline())).collect()
        },
        |batch, took| {
            // An input's error line goes to stderr now: the rows written before it go first,
            // so that a log of both streams keeps them in that order.
            if batch.iter().any(|(_, r)| r.verdict == Verdict::Error) {
                sink.borrow_mut().flush();
            }
            for (_, report) in batch {
                show_progress(progress.as_ref(), report);
                seen.record(report, took);
            }
        },
        // Rows go to the same terminal as the bar: the bar steps aside while one is written,
        // or its old frames would stay between the rows.
        |(rendered, _)| match &progress {
            // Flushed at once, while the bar is away: a row written later would land on it.
            Some(pb) => pb.suspend(|| {
                let mut sink = sink.borrow_mut();
                sink.write(rendered);
                sink.flush();
            }),
            None => sink.borrow_mut().write(rendered),
        },
        || sink.borrow_mut().flush(),
    );
    if let Some(pb) = &progress {
        pb.finish_and_clear();
    }
    seen.stats.summary.interrupted = stop.load(Ordering::SeqCst);
    sink.into_inner().finish(&seen, ui)?;
    // On stderr in every format (a JSON consumer reads stdout only). With --trust given, the
    // hint would repeat what the user already did; with a trusted list, it would ask to trust
    // by hand a service the list no longer grants (review 16).
    let chose_anchors =
        !args.verifier.trust.trust.is_empty() || !args.verifier.trust.trusted_list.is_empty();
    if seen.untrusted && !chose_anchors && !args.quiet {
        super::terminal::eprint(&Line::plain(hint(ui)));
    }
    super::report_limit_hints(std::mem::take(&mut seen.limits));
    if seen.stats.summary.total == 0 {
        // "Nothing checked" must never read as "all valid" to a CI job.
        super::report_error(i18n::Diagnostic::NoMailFound.text(ui.lang));
        return Ok(Outcome::Error);
    }
    if seen.stats.summary.interrupted {
        super::report_error(i18n::Diagnostic::Interrupted.text(ui.lang));
        return Ok(Outcome::Interrupted);
    }
    Ok(seen.outcome)
}

/// The paths on the command line and those of `--files-from`.
fn input_paths(args: &VerifyArgs, lang: i18n::Lang) -> Result<Vec<std::path::PathBuf>> {
    let mut paths = args.paths.clone();
    if let Some(list) = &args.files_from {
        paths.extend(
            input::paths_from(list).with_context(|| {
                i18n::texts::reading_files_from(lang, &list.display().to_string())
            })?,
        );
    }
    Ok(paths)
}

/// A progress bar on an interactive stderr, unless `--quiet`.
fn progress_bar(args: &VerifyArgs, inputs: usize, ui: Ui) -> Option<indicatif::ProgressBar> {
    (!args.quiet && std::io::stderr().is_terminal()).then(|| {
        let pb = indicatif::ProgressBar::new(u64::try_from(inputs).unwrap_or(0));
        pb.set_style(
            indicatif::ProgressStyle::with_template(&format!(
                "{{bar:30}} {{pos}}/{{len}} {}  {{rate}}  {} {{eta}}  {{wide_msg}}",
                i18n::texts::text(ui.lang, i18n::texts::Text::Files),
                i18n::texts::text(ui.lang, i18n::texts::Text::TimeLeft),
            ))
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            // indicatif's own {per_sec} prints "6,724.8032/s": whole files per second.
            .with_key(
                "rate",
                |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{}/s", rate_text(state.per_sec()));
                },
            ),
        );
        pb
    })
}

/// Files per second for the progress bar: whole numbers, thousands grouped.
fn rate_text(per_sec: f64) -> String {
    if !per_sec.is_finite() || per_sec < 0.0 {
        return "—".into();
    }
    let whole = per_sec.round() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Advances the progress bar and prints an input's error line above it (or on stderr).
fn show_progress(progress: Option<&indicatif::ProgressBar>, report: &ArtefactReport) {
    if let Some(pb) = progress {
        if pb.position() >= pb.length().unwrap_or(0) {
            pb.inc_length(1);
        }
        pb.inc(1);
        pb.set_message(Line::plain(report.path.clone()).render(false));
    }
    if report.verdict == Verdict::Error
        && let Some(p) = report.first_problem()
    {
        let line = Line::plain(format!(
            "peckit: {}: {}",
            report.path,
            i18n::problem_message(super::messages::lang(), p)
        ));
        match progress {
            Some(pb) => pb.println(line.render(false)),
            None => super::terminal::eprint(&line),
        }
    }
}

/// What the run has seen so far: counts, the exit status, what the closing hints need.
#[derive(Default)]
struct Seen {
    stats: Stats,
    outcome: Outcome,
    untrusted: bool,
    limits: std::collections::BTreeSet<peckit::limits::Limit>,
}

impl Seen {
    fn record(&mut self, report: &ArtefactReport, took: Duration) {
        self.stats.add(report, took);
        self.outcome = self.outcome.merge(outcome_of(report.verdict));
        self.untrusted |=
            report.problems.iter().any(|p| p.code == peckit::problem::ProblemCode::Untrusted);
        self.limits.extend(report.problems.iter().filter_map(|p| p.limit));
    }
}

/// One artefact's output in the chosen format, made on the worker that verified it.
enum Rendered {
    /// Nothing to write (a quiet table).
    Nothing,
    /// Bytes to write as they are (CSV rows).
    Bytes(Vec<u8>),
    /// A JSON Lines record.
    Record(String),
    /// An element of the JSON document's array.
    Element(Vec<u8>),
    /// Terminal lines (table rows, `--explain`), styled when the terminal shows colour.
    Lines(Vec<Line>),
}

/// How each report is turned into output: what the format needs, shared by the workers.
struct Renderer {
    format: VerifyFormat,
    quiet: bool,
    explain: bool,
    lang: i18n::Lang,
    table: VerifyTable,
}

impl Renderer {
    fn new(args: &VerifyArgs, ui: Ui) -> Renderer {
        Renderer {
            format: args.format,
            quiet: args.quiet,
            explain: args.explain,
            lang: ui.lang,
            table: VerifyTable::new(super::terminal::width(), ui.lang),
        }
    }

    fn render(&self, r: &ArtefactReport) -> Result<Rendered> {
        Ok(match self.format {
            VerifyFormat::Jsonl => Rendered::Record(jsonl_line("artefact", r)?),
            VerifyFormat::Csv => {
                let mut buf = Vec::new();
                peckit::report::csv::write_verify_row(&mut buf, r)?;
                Rendered::Bytes(buf)
            }
            VerifyFormat::Json => Rendered::Element(render_element(r)?),
            VerifyFormat::Table if self.quiet => Rendered::Nothing,
            VerifyFormat::Table if self.explain => {
                let mut lines = peckit::report::explain::explain(r, self.lang);
                lines.push(Line::plain(""));
                Rendered::Lines(lines)
            }
            VerifyFormat::Table => Rendered::Lines(self.table.row(r)),
        })
    }
}

/// Where reports go: stdout in the chosen format, written as they come. The first write
/// error is kept and returned at the end (a closed pipe ends the output quietly).
struct Sink<'r> {
    /// What the workers render with: the format and options are read from it, never copied.
    renderer: &'r Renderer,
    out: Output,
    json: Option<JsonDocument>,
    error: Option<anyhow::Error>,
}

impl<'r> Sink<'r> {
    fn start(ui: Ui, renderer: &'r Renderer) -> Result<Sink<'r>> {
        let mut sink =
            Sink { renderer, out: Output::stdout(ui.paint.enabled), json: None, error: None };
        let mut buf = Vec::new();
        match renderer.format {
            VerifyFormat::Csv => peckit::report::csv::write_verify_header(&mut buf)?,
            VerifyFormat::Json => {
                sink.json = Some(peckit::report::envelope::VERIFY.start(&mut buf)?);
            }
            VerifyFormat::Table if !renderer.quiet && !renderer.explain => {
                sink.out.lines(renderer.table.header())?
            }
            _ => {}
        }
        sink.out.write(&buf)?;
        Ok(sink)
    }

    fn write(&mut self, rendered: Result<Rendered>) {
        if let Err(e) = rendered.and_then(|r| self.try_write(r)) {
            self.error.get_or_insert(e);
        }
    }

    fn try_write(&mut self, rendered: Rendered) -> Result<()> {
        match rendered {
            Rendered::Nothing => return Ok(()),
            Rendered::Bytes(bytes) => self.out.write(&bytes)?,
            Rendered::Record(line) => self.out.machine_line(&line)?,
            Rendered::Element(element) => {
                let mut buf = Vec::new();
                if let Some(doc) = self.json.as_mut() {
                    doc.rendered_element(&mut buf, &element)?;
                }
                self.out.write(&buf)?;
            }
            Rendered::Lines(lines) => self.out.lines(lines)?,
        }
        Ok(())
    }

    /// Sends what was written to the reader (the pipeline calls this when it would wait).
    fn flush(&mut self) {
        if let Err(e) = self.out.flush() {
            self.error.get_or_insert(e);
        }
    }

    /// Closes the document with the summary (and, in a table, the statistics).
    fn finish(mut self, seen: &Seen, ui: Ui) -> Result<()> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        let summary = &seen.stats.summary;
        match self.renderer.format {
            VerifyFormat::Json => {
                let mut buf = Vec::new();
                if let Some(doc) = self.json.take() {
                    doc.finish(&mut buf, &[("summary", summary)])?;
                }
                self.out.write(&buf)?;
            }
            VerifyFormat::Jsonl => {
                self.out.machine_line(&jsonl_line("summary", summary)?)?;
            }
            VerifyFormat::Csv => {}
            VerifyFormat::Table => {
                self.out.line(&summary_line(summary, ui))?;
                if !self.renderer.quiet && summary.total > 1 {
                    self.out.lines(term::lines(&stats_table(&seen.stats, ui)))?;
                }
            }
        }
        self.out.flush()
    }
}

fn stats_table(stats: &Stats, ui: Ui) -> String {
    let t = |id| i18n::texts::text(ui.lang, id);
    use i18n::texts::Text;
    let mut table = super::terminal::table();
    table.set_header(vec![t(Text::Kind), t(Text::Count)]);
    // In the order of the words shown, not of the stable names.
    let mut kinds: Vec<(&str, usize)> =
        stats.kinds.iter().map(|(k, n)| (i18n::kind_text(ui.lang, k), *n)).collect();
    kinds.sort_by_key(|(kind, _)| kind.to_lowercase());
    for (kind, n) in kinds {
        table.add_row(vec![kind.to_string(), n.to_string()]);
    }
    let mut problems = super::terminal::table();
    // The stable code, and what it means in the reader's words (review 16: a lawyer cannot
    // read "revoked-key-compromise" alone).
    problems.set_header(vec![t(Text::Problem), t(Text::Meaning), t(Text::ArtefactsCounted)]);
    for (k, n) in &stats.problems {
        let meaning = peckit::ProblemCode::from_code(k)
            .map_or("", |code| peckit::catalogue::problem_text(ui.lang, code));
        problems.add_row(vec![k.to_string(), meaning.to_string(), n.to_string()]);
    }
    let mut text = table.to_string();
    if !stats.problems.is_empty() {
        text.push('\n');
        text.push_str(&problems.to_string());
    }
    if let Some((path, took)) = &stats.slowest {
        // The path is cut in the middle so that the line fits the terminal.
        let label = t(Text::SlowestFile);
        let ms = format!("({:.1} ms)", took.as_secs_f64() * 1000.0);
        // Italian writes a decimal comma.
        let ms = if ui.lang == peckit::catalogue::Lang::It { ms.replace('.', ",") } else { ms };
        let room = super::terminal::width()
            .saturating_sub(label.chars().count() + ms.chars().count() + 3)
            .max(16);
        text.push_str(&format!("\n{label}: {} {ms}", peckit::report::term::fit_middle(path, room)));
    }
    text
}

fn summary_line(s: &Summary, ui: Ui) -> Line {
    use i18n::{Noun, count};
    let lang = ui.lang;
    let cut = if s.interrupted {
        format!(" ({})", i18n::texts::text(lang, i18n::texts::Text::InterruptedList))
    } else {
        String::new()
    };
    Line::plain(format!(
        "{}: {}, {}, {}{cut}",
        count(lang, s.total, Noun::Artefact),
        count(lang, s.valid, Noun::Valid),
        count(lang, s.invalid, Noun::Invalid),
        count(lang, s.error, Noun::Error)
    ))
}

/// A concrete fix for the most common failure, as `sq` prints hints.
fn hint(ui: Ui) -> String {
    i18n::texts::text(ui.lang, i18n::texts::Text::TrustHint).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rate_is_whole_files_per_second() {
        assert_eq!(rate_text(6724.8032), "6,725");
        assert_eq!(rate_text(999.4), "999");
        assert_eq!(rate_text(1_234_567.0), "1,234,567");
        assert_eq!(rate_text(0.0), "0");
        assert_eq!(rate_text(f64::NAN), "—");
    }
}
