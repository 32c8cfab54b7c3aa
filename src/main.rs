//! The `peckit` binary: parse the command line, run the command, map the outcome to an exit
//! code (0 all valid, 1 at least one invalid, 2 usage or I/O error). All logic is in the
//! library; this crate only wires it to the terminal.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::FromArgMatches as _;

/// A batch allocates and frees a few hundred small buffers per receipt, on every core; with
/// mimalloc's per-thread free lists a one-core batch ran ~9% faster than with glibc's
/// malloc (issue #6). `no_thp` keeps its arenas from inflating peak RSS.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Version shown by `--version`: the package version and the git commit it was built from.
const VERSION: &str =
    concat!(env!("CARGO_PKG_VERSION"), " (commit ", env!("PECKIT_GIT_COMMIT"), ")");

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = cli::italiano::help_lang(&args);
    let command = cli::italiano::localized(<cli::Cli as clap::CommandFactory>::command(), lang);
    let parsed = command.try_get_matches_from(&args).and_then(|m| cli::Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return command_line_error(e, lang),
    };
    let code = match commands::run(cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(err) => {
            commands::report_fatal(&err);
            ExitCode::from(2)
        }
    };
    report_peak_memory();
    code
}

/// clap's answer when the command line is not run: help and version as clap prints them; a
/// usage error as lines escaped like every line on stderr, without colour (the error quotes
/// arguments, which may be file names from an archive that a shell glob expanded).
fn command_line_error(e: clap::Error, lang: peckit::catalogue::Lang) -> ExitCode {
    if !e.use_stderr() {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    // `StyledStr`'s plain text: clap's styles, and escape sequences in what it quotes, are
    // stripped; `Line` escapes any other hidden character left.
    let text = cli::italiano::error(&e)
        .filter(|_| lang == peckit::catalogue::Lang::It)
        .unwrap_or_else(|| e.render().to_string());
    for line in text.lines() {
        commands::terminal::eprint(&peckit::report::term::Line::plain(line));
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// With `PECKIT_REPORT_PEAK_RSS` set, prints the process's peak resident memory on stderr
/// as `peckit: peak-rss-kib N` (Linux: VmHWM). The memory tests and benchmarks read it:
/// measuring inside the process sees the true peak, which polling from outside can miss.
fn report_peak_memory() {
    if std::env::var_os("PECKIT_REPORT_PEAK_RSS").is_none() {
        return;
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok());
    match kib {
        Some(kib) => eprintln!("peckit: peak-rss-kib {kib}"),
        None => eprintln!("peckit: peak-rss-kib unknown"),
    }
}
