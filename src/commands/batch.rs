//! The one batch driver of every command: inputs are evaluated on `jobs` threads and handed
//! back on the calling thread, in input order when asked (through a bounded reorder window),
//! until Ctrl-C.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock, mpsc};
use std::time::{Duration, Instant};

use peckit::input::{ListError, Source};
use rayon::iter::{ParallelBridge, ParallelIterator};

/// The process's stop flag, set by Ctrl-C (SIGINT) or SIGTERM (a batch scheduler's time
/// limit), the signals watched from first use (once per process: the tests run many commands
/// in one). The first signal stops taking up inputs, so that what is written stays whole;
/// a second one, or the first still unanswered after [`STOP_GRACE`] (an input that never
/// comes: a pipe, a stalled server), ends the process as the signal would have. SIGHUP is
/// left as it is: `nohup` keeps a run going after a logout.
pub fn stop_flag() -> Arc<AtomicBool> {
    static STOP: OnceLock<Arc<AtomicBool>> = OnceLock::new();
    Arc::clone(STOP.get_or_init(|| {
        let stop = Arc::new(AtomicBool::new(false));
        watch_signals(Arc::clone(&stop));
        stop
    }))
}

/// How long a run may take to stop cleanly after a first signal.
const STOP_GRACE: Duration = Duration::from_secs(10);

fn watch_signals(stop: Arc<AtomicBool>) {
    use signal_hook::consts::{SIGINT, SIGTERM};
    use signal_hook::low_level::emulate_default_handler;
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else { return };
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if stop.swap(true, Ordering::SeqCst) {
                let _ = emulate_default_handler(signal);
            }
            std::thread::spawn(move || {
                std::thread::sleep(STOP_GRACE);
                let _ = emulate_default_handler(signal);
            });
        }
    });
}

/// Threads to use: the number asked for, else one per core.
pub fn jobs(requested: Option<usize>) -> usize {
    requested
        .filter(|&j| j > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map(usize::from).unwrap_or(1))
}

/// How inputs are evaluated.
pub struct Pipeline {
    /// Worker threads.
    pub jobs: usize,
    /// Hand results back in input order.
    pub in_order: bool,
    /// Inputs that may be taken up while an earlier one is still being evaluated, when in
    /// order: workers may otherwise race ahead of one slow (or descheduled) input, and every
    /// result past it waits in memory. Small for heavy results (whole artefacts), larger
    /// for light ones (reports).
    pub window: usize,
    /// Stops taking up inputs when set (Ctrl-C).
    pub stop: Arc<AtomicBool>,
}

impl Pipeline {
    /// Evaluates every input with `evaluate` (on the workers); `arrived` sees each input's
    /// results as they come (progress, counts), `ordered` each result in output order, and
    /// `idle` is called when the results written so far should reach the reader: before
    /// waiting for the workers, or (on one job) before taking each input. Flushing there
    /// instead of after every result spares, on several jobs, a system call per artefact
    /// while the results keep coming, and a row never waits behind a slow input.
    pub fn run<T: Send>(
        &self,
        inputs: impl Iterator<Item = Result<Source, ListError>> + Send,
        evaluate: impl Fn(Result<Source, ListError>) -> Vec<T> + Sync,
        mut arrived: impl FnMut(&[T], Duration),
        mut ordered: impl FnMut(T),
        mut idle: impl FnMut(),
    ) {
        // How many inputs were handed back in order; the producer waits for it.
        let written = Arc::new(Progress::default());
        let evaluate_item = |(i, item): (usize, Result<Source, ListError>)| {
            let started = Instant::now();
            let results = evaluate(item);
            (i, results, started.elapsed())
        };
        std::thread::scope(|scope| {
            let stop_producer = Arc::clone(&self.stop);
            let stop_waiting = Arc::clone(&self.stop);
            let written_so_far = Arc::clone(&written);
            let (in_order, window) = (self.in_order, self.window.max(1));
            let inputs = inputs
                .enumerate()
                .take_while(move |_| !stop_producer.load(Ordering::SeqCst))
                .inspect(move |(i, _)| {
                    if in_order {
                        wait_for_window(*i, window, &written_so_far, &stop_waiting);
                    }
                });
            // One job: evaluate on this thread, with no hand-off between threads per input.
            let results: Box<dyn Iterator<Item = (usize, Vec<T>, Duration)>> = if self.jobs == 1 {
                let mut inputs = inputs;
                // Taking the next input may be slow (a pipe, a mailbox, a folder on a network
                // disk), and so may evaluating it: what is written goes out first.
                let next = move || {
                    idle();
                    inputs.next()
                };
                Box::new(std::iter::from_fn(next).map(evaluate_item))
            } else {
                // Inputs go to the workers, and results come back, a chunk at a time: one
                // hand-off per input cost three futex calls each and a third of a core's
                // system time on two cores (issue #17). A chunk stays well inside the
                // reorder window, or the producer would wait for inputs it holds itself.
                let chunk = (window / (2 * self.jobs)).clamp(1, 32);
                let (tx, rx) = mpsc::sync_channel(self.jobs * 4);
                let pool = rayon::ThreadPoolBuilder::new().num_threads(self.jobs).build();
                let evaluate_item = &evaluate_item;
                let chunks = Chunks { inner: inputs, size: chunk };
                // A chunk's results go back together, or as soon as some have waited long.
                let work = move |tx: &mut mpsc::SyncSender<Vec<_>>, items: Vec<_>| {
                    let mut done = Vec::with_capacity(items.len());
                    let mut since = Instant::now();
                    for item in items {
                        done.push(evaluate_item(item));
                        if since.elapsed() >= PATIENCE {
                            let _ = tx.send(std::mem::take(&mut done));
                            since = Instant::now();
                        }
                    }
                    if !done.is_empty() {
                        let _ = tx.send(done);
                    }
                };
                scope.spawn(move || match pool {
                    Ok(pool) => pool.install(|| chunks.par_bridge().for_each_with(tx, work)),
                    // No worker threads to be had: do the work here, still streaming.
                    Err(_) => {
                        let mut tx = tx;
                        chunks.for_each(|items| work(&mut tx, items));
                    }
                });
                let next_done = move || match rx.try_recv() {
                    Ok(done) => Some(done),
                    Err(mpsc::TryRecvError::Empty) => {
                        // Nothing ready: what is written goes out while the workers work.
                        idle();
                        rx.recv().ok()
                    }
                    Err(mpsc::TryRecvError::Disconnected) => None,
                };
                Box::new(
                    std::iter::from_fn(next_done)
                        .flat_map(|done: Vec<(usize, Vec<T>, Duration)>| done),
                )
            };
            let mut pending: BTreeMap<usize, Vec<T>> = BTreeMap::new();
            let mut next = 0usize;
            for (i, batch, took) in results {
                arrived(&batch, took);
                if !self.in_order {
                    batch.into_iter().for_each(&mut ordered);
                    continue;
                }
                pending.insert(i, batch);
                while let Some(ready) = pending.remove(&next) {
                    ready.into_iter().for_each(&mut ordered);
                    next += 1;
                    written.advance(next);
                }
            }
            // Whatever is left (a run cut short by Ctrl-C), in input order.
            std::mem::take(&mut pending).into_values().flatten().for_each(&mut ordered);
        });
    }
}

/// How long a chunk waits to fill up, and a worker holds finished results, before handing
/// them on. Rows then wait for a slow producer (a mailbox read over IMAP) about this much
/// and one fetch, not 31 more inputs. A worker cannot know that its next input is slow: the
/// results it finished less than this before starting one still wait for it.
const PATIENCE: Duration = Duration::from_millis(10);

/// An iterator's items, `size` at a time, or fewer when the next ones are slow to come.
struct Chunks<I> {
    inner: I,
    size: usize,
}

impl<I: Iterator> Iterator for Chunks<I> {
    type Item = Vec<I::Item>;

    fn next(&mut self) -> Option<Self::Item> {
        let first = self.inner.next()?;
        let started = Instant::now();
        let mut chunk = Vec::with_capacity(self.size);
        chunk.push(first);
        while chunk.len() < self.size && started.elapsed() < PATIENCE {
            match self.inner.next() {
                Some(item) => chunk.push(item),
                None => break,
            }
        }
        Some(chunk)
    }
}

/// How many inputs were handed back in order, with a signal for the producer waiting on it.
#[derive(Default)]
struct Progress {
    /// Inputs handed back, and whether the producer is waiting for more.
    state: Mutex<(usize, bool)>,
    moved: Condvar,
}

impl Progress {
    fn advance(&self, to: usize) {
        let waiting = match self.state.lock() {
            Ok(mut s) => {
                s.0 = to;
                s.1
            }
            Err(_) => true,
        };
        // A wake-up is a system call: only when someone waits for it.
        if waiting {
            self.moved.notify_all();
        }
    }
}

/// Holds the producer of input `index` until it is within `window` of the inputs already
/// handed back. The input being waited for was taken up before, so this always ends. It
/// sleeps until woken (polling every 200 µs cost 75 µs per input when the window was small);
/// the timeout only lets it notice Ctrl-C.
fn wait_for_window(index: usize, window: usize, progress: &Progress, stop: &AtomicBool) {
    let Ok(mut state) = progress.state.lock() else { return };
    while index >= state.0.saturating_add(window) && !stop.load(Ordering::SeqCst) {
        state.1 = true;
        match progress.moved.wait_timeout(state, Duration::from_millis(20)) {
            Ok((s, _)) => state = s,
            Err(_) => return,
        }
    }
    state.1 = false;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(n: usize) -> impl Iterator<Item = Result<Source, ListError>> + Send {
        (0..n).map(|i| Ok(Source::File(format!("f{i}").into())))
    }

    fn name(item: Result<Source, ListError>) -> usize {
        match item {
            Ok(Source::File(p)) => p.to_string_lossy()[1..].parse().unwrap_or(usize::MAX),
            _ => usize::MAX,
        }
    }

    #[test]
    fn results_come_back_in_input_order_on_any_number_of_threads() {
        // A window of 3 hands inputs over one by one; one of 256, in chunks of 32.
        for (jobs, window) in [(1, 3), (2, 3), (4, 3), (2, 256), (4, 256)] {
            let pipeline =
                Pipeline { jobs, in_order: true, window, stop: Arc::new(AtomicBool::new(false)) };
            let mut seen = Vec::new();
            let mut arrivals = 0;
            pipeline.run(
                sources(200),
                |item| {
                    let n = name(item);
                    // Uneven work, so that workers finish out of order.
                    std::thread::sleep(Duration::from_micros((n % 7 * 50) as u64));
                    vec![n, n + 1000]
                },
                |batch, _| arrivals += batch.len(),
                |n| seen.push(n),
                || {},
            );
            let expected: Vec<usize> = (0..200).flat_map(|n| [n, n + 1000]).collect();
            assert_eq!(seen, expected, "{jobs} jobs, window {window}");
            assert_eq!(arrivals, 400);
        }
    }

    /// Inputs that come slowly (a mailbox over IMAP) are not gathered 32 at a time before
    /// any is worked on, and the idle hook runs while the writer waits.
    #[test]
    fn a_slow_producer_does_not_hold_results_back_a_chunk_at_a_time() {
        use std::sync::atomic::AtomicUsize;
        let produced = AtomicUsize::new(0);
        let inputs = sources(12).inspect(|_| {
            std::thread::sleep(Duration::from_millis(25));
            produced.fetch_add(1, Ordering::SeqCst);
        });
        let pipeline = Pipeline {
            jobs: 2,
            in_order: true,
            window: 512,
            stop: Arc::new(AtomicBool::new(false)),
        };
        let (mut first_written_after, mut seen, mut idle) = (None, Vec::new(), 0);
        pipeline.run(
            inputs,
            |item| vec![name(item)],
            |_, _| {},
            |n| {
                first_written_after.get_or_insert(produced.load(Ordering::SeqCst));
                seen.push(n);
            },
            || idle += 1,
        );
        assert_eq!(seen, (0..12).collect::<Vec<_>>());
        let at = first_written_after.unwrap_or(usize::MAX);
        assert!(at <= 4, "the first result was written once {at} of 12 inputs were produced");
        assert!(idle >= 2, "the writer waited, and was told to flush, {idle} times");
    }

    #[test]
    fn a_stop_ends_the_run_early_and_keeps_what_was_done_in_order() {
        let stop = Arc::new(AtomicBool::new(false));
        let pipeline = Pipeline { jobs: 2, in_order: true, window: 4, stop: Arc::clone(&stop) };
        let mut seen = Vec::new();
        pipeline.run(
            sources(10_000),
            |item| {
                let n = name(item);
                if n == 50 {
                    stop.store(true, Ordering::SeqCst);
                }
                vec![n]
            },
            |_, _| {},
            |n| seen.push(n),
            || {},
        );
        assert!(seen.len() < 10_000, "stopped early");
        assert!(seen.windows(2).all(|w| w[0] < w[1]), "in order");
    }
}
