//! `peckit verify`: a verdict per artefact, a summary, an exit code CI can rely on.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use peckit::certify::assess::{self, Verdict};
use peckit::input::{self, Source, WalkOptions};
use peckit::limits::Limits;
use peckit::read;
use peckit::report::i18n;
use peckit::report::model::{ArtefactReport, SCHEMA_VERSION, Summary};
use peckit::verify::Verifier;
use rayon::iter::{ParallelBridge, ParallelIterator};

use super::{Outcome, Output, Ui};
use crate::cli::{VerifyArgs, VerifyFormat};
use peckit::report::stream::{JsonDocument, VerifyTable};
use peckit::report::term::{self, Line};

/// Reads, verifies and reports one input (every message of it, when a mail file turns out
/// to hold an mbox or zip). Never fails: an unreadable input is an `error` row.
pub fn evaluate(source: Source, limits: &Limits, opts: &Verifier) -> Vec<ArtefactReport> {
    input::load_messages(source, limits.max_input_bytes)
        .into_iter()
        .map(|(name, bytes)| match bytes.and_then(|b| read::read(b, limits)) {
            Ok(artefact) => {
                let assessment = assess::assess(&artefact, opts);
                ArtefactReport::new(&name, &artefact, &assessment)
            }
            Err(e) => ArtefactReport::from_error(&name, &e),
        })
        .collect()
}

/// Inputs that may be taken up while an earlier one is still being checked, when the
/// output keeps input order. Workers may otherwise race ahead of one slow (or descheduled)
/// input, and every result past it waits in memory: the window bounds that wait.
const REORDER_WINDOW: usize = 512;

/// Holds the producer of input `index` until it is within [`REORDER_WINDOW`] of the inputs
/// already written. The input being waited for was taken up before, so this always ends.
fn wait_for_window(index: usize, written: &AtomicUsize, stop: &AtomicBool) {
    while index >= written.load(Ordering::SeqCst).saturating_add(REORDER_WINDOW)
        && !stop.load(Ordering::SeqCst)
    {
        std::thread::sleep(Duration::from_micros(200));
    }
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
        *self.kinds.entry(r.kind.clone()).or_default() += 1;
        for p in r.problems.iter().filter(|p| p.severity != peckit::problem::Severity::Info) {
            *self.problems.entry(p.code.code()).or_default() += 1;
        }
        if self.slowest.as_ref().is_none_or(|(_, d)| took > *d) {
            self.slowest = Some((r.path.clone(), took));
        }
    }
}

fn globs(patterns: &[String]) -> Result<Option<globset::GlobSet>> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = globset::GlobSetBuilder::new();
    for p in patterns {
        b.add(globset::Glob::new(p).with_context(|| format!("--glob {p:?}"))?);
    }
    Ok(Some(b.build()?))
}

/// Runs `peckit verify`.
pub fn run(args: &VerifyArgs, ui: Ui) -> Result<Outcome> {
    let limits = super::limits(&args.verifier.limits);
    let opts = super::verifier(&args.verifier, &limits)?;
    let mut paths = args.paths.clone();
    if let Some(list) = &args.files_from {
        paths.extend(
            input::paths_from(list)
                .with_context(|| format!("reading --files-from {}", list.display()))?,
        );
    }
    let walk = WalkOptions { globs: globs(&args.glob)?, max_member_bytes: limits.max_input_bytes };
    let (sources, list_errors) = input::expand_with(&paths, &walk);
    let jobs = args
        .jobs
        .filter(|&j| j > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map(usize::from).unwrap_or(1));

    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = Arc::clone(&stop);
        // A second handler cannot be installed (tests run commands in one process): ignore.
        let _ = ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst));
    }
    let progress = (!args.quiet && std::io::stderr().is_terminal()).then(|| {
        let pb = indicatif::ProgressBar::new(u64::try_from(sources.len()).unwrap_or(0));
        pb.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:30} {pos}/{len} files  {per_sec}  ETA {eta}  {wide_msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        pb
    });

    let mut outcome = Outcome::Success;
    let mut stats = Stats::default();
    let mut out = Output::stdout(ui.paint.enabled);
    // Every format streams: rows are written as results arrive, in input order through a
    // reorder window bounded by the work in flight (issue #13: memory must not grow with
    // the number of artefacts).
    let table = VerifyTable::new(super::terminal::width(), ui.lang);
    let mut json_doc = None;
    match args.format {
        VerifyFormat::Csv => {
            let mut buf = Vec::new();
            peckit::report::csv::write_verify_header(&mut buf)?;
            out.write(&buf)?;
        }
        VerifyFormat::Json => {
            let mut buf = Vec::new();
            json_doc = Some(JsonDocument::start(
                &mut buf,
                &[
                    ("schema_version", &SCHEMA_VERSION),
                    ("peckit_version", &env!("CARGO_PKG_VERSION")),
                ],
                "artefacts",
            )?);
            out.write(&buf)?;
        }
        VerifyFormat::Table if !args.quiet => out.lines(table.header())?,
        _ => {}
    }
    let mut write_error = None;
    let mut write_one = |out: &mut Output, r: &ArtefactReport| -> Result<()> {
        match args.format {
            VerifyFormat::Jsonl => {
                let line = serde_json::json!({"type": "artefact", "data": r});
                out.machine_line(&serde_json::to_string(&line)?)?;
            }
            VerifyFormat::Csv => {
                let mut buf = Vec::new();
                peckit::report::csv::write_verify_row(&mut buf, r)?;
                out.write(&buf)?;
            }
            VerifyFormat::Json => {
                let mut buf = Vec::new();
                if let Some(doc) = json_doc.as_mut() {
                    JsonDocument::element(doc, &mut buf, r)?;
                }
                out.write(&buf)?;
            }
            VerifyFormat::Table if args.quiet => {}
            VerifyFormat::Table => out.lines(table.row(r))?,
        }
        out.flush()
    };
    for e in &list_errors {
        super::report_input_error(&e.path.display().to_string(), &e.error);
        let r = ArtefactReport::error(&e.path.display().to_string(), e.error.to_string());
        stats.add(&r, Duration::ZERO);
        outcome = outcome.merge(Outcome::Error);
        if let Err(e) = write_one(&mut out, &r) {
            write_error.get_or_insert(e);
        }
    }
    let in_order = args.ordered || matches!(args.format, VerifyFormat::Json | VerifyFormat::Table);
    // How many inputs were written in order; the producer waits for it (see REORDER_WINDOW).
    let written = Arc::new(AtomicUsize::new(0));
    let mut saw_untrusted = false;
    let mut limits_hit = std::collections::BTreeSet::new();
    let evaluate_item = |(i, item): (usize, Result<Source, input::ListError>)| {
        let started = Instant::now();
        let reports = match item {
            Ok(source) => evaluate(source, &limits, &opts),
            Err(e) => {
                vec![ArtefactReport::error(&e.path.display().to_string(), e.error.to_string())]
            }
        };
        (i, reports, started.elapsed())
    };
    std::thread::scope(|scope| {
        let stop_producer = Arc::clone(&stop);
        let written_so_far = Arc::clone(&written);
        let stop_waiting = Arc::clone(&stop);
        let inputs = input::stream(sources, walk)
            .enumerate()
            .take_while(move |_| !stop_producer.load(Ordering::SeqCst))
            .inspect(move |(i, _)| {
                if in_order {
                    wait_for_window(*i, &written_so_far, &stop_waiting);
                }
            });
        // One job: evaluate on this thread, with no hand-off between threads per file.
        let results: Box<dyn Iterator<Item = (usize, Vec<ArtefactReport>, Duration)>> = if jobs == 1
        {
            Box::new(inputs.map(evaluate_item))
        } else {
            let (tx, rx) = mpsc::sync_channel::<(usize, Vec<ArtefactReport>, Duration)>(jobs * 8);
            let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build();
            scope.spawn(move || match pool {
                Ok(pool) => pool.install(|| {
                    inputs.par_bridge().for_each_with(tx, |tx, item| {
                        let _ = tx.send(evaluate_item(item));
                    });
                }),
                // No worker threads to be had: do the work here, still streaming.
                Err(_) => inputs.for_each(|item| {
                    let _ = tx.send(evaluate_item(item));
                }),
            });
            Box::new(rx.into_iter())
        };
        let mut pending: BTreeMap<usize, Vec<ArtefactReport>> = BTreeMap::new();
        let mut next = 0usize;
        for (i, batch, took) in results {
            for report in &batch {
                if let Some(pb) = &progress {
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
                        super::messages::localize(&p.message)
                    ));
                    match &progress {
                        Some(pb) => pb.println(line.render(false)),
                        None => super::terminal::eprint(&line),
                    }
                }
                stats.add(report, took);
                outcome = outcome.merge(outcome_of(report.verdict));
                saw_untrusted |= report
                    .problems
                    .iter()
                    .any(|p| p.code == peckit::problem::ProblemCode::Untrusted);
                limits_hit.extend(report.problems.iter().filter_map(|p| p.limit));
            }
            let mut ready = Vec::new();
            if in_order {
                pending.insert(i, batch);
                while let Some(b) = pending.remove(&next) {
                    ready.extend(b);
                    next += 1;
                    written.store(next, Ordering::SeqCst);
                }
            } else {
                ready.extend(batch);
            }
            for r in ready {
                if let Err(e) = write_one(&mut out, &r) {
                    write_error.get_or_insert(e);
                }
            }
        }
        // Whatever is left (a run cut short by Ctrl-C) in input order.
        for r in std::mem::take(&mut pending).into_values().flatten() {
            if let Err(e) = write_one(&mut out, &r) {
                write_error.get_or_insert(e);
            }
        }
    });
    if let Some(pb) = &progress {
        pb.finish_and_clear();
    }
    if let Some(e) = write_error {
        return Err(e);
    }
    let interrupted = stop.load(Ordering::SeqCst);

    match args.format {
        VerifyFormat::Json => {
            let mut buf = Vec::new();
            if let Some(doc) = json_doc {
                doc.finish(&mut buf, &[("summary", &stats.summary)])?;
            }
            out.write(&buf)?;
        }
        VerifyFormat::Jsonl => {
            let line = serde_json::json!({"type": "summary", "data": &stats.summary});
            out.machine_line(&serde_json::to_string(&line)?)?;
        }
        VerifyFormat::Csv => {}
        VerifyFormat::Table => {
            out.line(&summary_line(&stats.summary, ui))?;
            if !args.quiet && stats.summary.total > 1 {
                out.lines(term::lines(&stats_table(&stats, ui)))?;
            }
        }
    }
    out.flush()?;
    // On stderr in every format (a JSON consumer reads stdout only). With --trust given, the
    // hint would repeat what the user already did.
    if saw_untrusted && args.verifier.trust.trust.is_empty() && !args.quiet {
        super::terminal::eprint(&Line::plain(hint(ui)));
    }
    super::report_limit_hints(limits_hit);
    if stats.summary.total == 0 {
        // "Nothing checked" must never read as "all valid" to a CI job.
        super::report_error("no mail found in the given paths");
        return Ok(Outcome::Error);
    }
    if interrupted {
        super::report_error("interrupted; the output so far is complete and valid");
        return Ok(Outcome::Interrupted);
    }
    Ok(outcome)
}

fn stats_table(stats: &Stats, ui: Ui) -> String {
    let it = ui.lang == i18n::Lang::It;
    let mut table = super::terminal::table();
    table.set_header(vec![if it { "Tipo" } else { "Kind" }, if it { "Numero" } else { "Count" }]);
    for (k, n) in &stats.kinds {
        table.add_row(vec![k.clone(), n.to_string()]);
    }
    let mut problems = super::terminal::table();
    problems.set_header(vec![
        if it { "Problema" } else { "Problem" },
        if it { "Numero" } else { "Count" },
    ]);
    for (k, n) in &stats.problems {
        problems.add_row(vec![k.to_string(), n.to_string()]);
    }
    let mut text = table.to_string();
    if !stats.problems.is_empty() {
        text.push('\n');
        text.push_str(&problems.to_string());
    }
    if let Some((path, took)) = &stats.slowest {
        text.push_str(&format!(
            "\n{}: {} ({:.1} ms)",
            if it { "File più lento" } else { "Slowest file" },
            path,
            took.as_secs_f64() * 1000.0
        ));
    }
    text
}

fn summary_line(s: &Summary, ui: Ui) -> Line {
    match ui.lang {
        i18n::Lang::En => Line::plain(format!(
            "{} artefacts: {} valid, {} invalid, {} errors",
            s.total, s.valid, s.invalid, s.error
        )),
        i18n::Lang::It => Line::plain(format!(
            "{} messaggi: {} validi, {} non validi, {} errori",
            s.total, s.valid, s.invalid, s.error
        )),
    }
}

/// A concrete fix for the most common failure, as `sq` prints hints.
fn hint(ui: Ui) -> String {
    match ui.lang {
        i18n::Lang::En => "hint: if you trust the issuing authority, add it with --trust FILE \
                           (see `peckit trust list`)"
            .to_string(),
        i18n::Lang::It => "suggerimento: se l'autorità emittente è fidata, aggiungila con \
                           --trust FILE (vedi `peckit trust list`)"
            .to_string(),
    }
}
