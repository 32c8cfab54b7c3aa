//! A clock beside a run: batches that wait for their next input (archive's messages, extract's
//! folders) are committed after a while even when that input is slow to come (a mailbox).

use std::sync::{Condvar, Mutex, PoisonError};
use std::time::Duration;

/// How often the clock looks.
pub const TICK: Duration = Duration::from_millis(50);

/// How long a batch may wait for more before it is committed as it is.
pub const PATIENCE: Duration = Duration::from_millis(200);

/// What waits in a batch for its commit (archive's messages, extract's folders).
pub trait Batch {
    /// When the oldest thing staged was staged, if anything is.
    fn oldest_staged(&self) -> Option<std::time::Instant>;
    /// Where a commit of the clock thread that failed is kept, for the run to stop with.
    fn failure(&mut self) -> &mut Option<anyhow::Error>;
    /// Commits what is staged and says what became of it.
    fn commit(&mut self) -> anyhow::Result<()>;

    /// The clock thread's turn: commits what has waited [`PATIENCE`].
    fn on_tick(&mut self) {
        let waited = self.oldest_staged().is_some_and(|t| t.elapsed() >= PATIENCE);
        if waited
            && self.failure().is_none()
            && let Err(e) = self.commit()
        {
            *self.failure() = Some(e);
        }
    }
}

/// Runs `body`, calling `on_tick` from another thread every [`TICK`] until `body` returns
/// (or unwinds).
pub fn with_clock<R>(on_tick: impl Fn() + Sync, body: impl FnOnce() -> R) -> R {
    // Set when the body is done (or a panic unwinds), to stop the clock.
    let finished = (Mutex::new(false), Condvar::new());
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let (done, wake) = &finished;
            let mut done = done.lock().unwrap_or_else(PoisonError::into_inner);
            while !*done {
                done = wake.wait_timeout(done, TICK).unwrap_or_else(PoisonError::into_inner).0;
                if !*done {
                    on_tick();
                }
            }
        });
        let _stop_clock = StopClock(&finished);
        body()
    })
}

/// Stops the clock thread when dropped: when the body is done, and when a panic unwinds
/// (the scope would otherwise wait for the clock forever).
struct StopClock<'a>(&'a (Mutex<bool>, Condvar));

impl Drop for StopClock<'_> {
    fn drop(&mut self) {
        let (done, wake) = self.0;
        *done.lock().unwrap_or_else(PoisonError::into_inner) = true;
        wake.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn the_clock_ticks_while_the_body_runs_and_stops_with_it() {
        let ticks = AtomicUsize::new(0);
        // The body waits for two ticks (at most ten seconds, for a loaded machine).
        let result = with_clock(
            || {
                ticks.fetch_add(1, Ordering::SeqCst);
            },
            || {
                let start = std::time::Instant::now();
                while ticks.load(Ordering::SeqCst) < 2 && start.elapsed() < Duration::from_secs(10)
                {
                    std::thread::sleep(TICK / 5);
                }
                7
            },
        );
        assert_eq!(result, 7);
        let seen = ticks.load(Ordering::SeqCst);
        assert!(seen >= 2, "the clock did not tick while the body ran");
        std::thread::sleep(TICK * 3);
        assert_eq!(ticks.load(Ordering::SeqCst), seen, "the clock went on after the body");
    }
}
