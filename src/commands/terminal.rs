//! Terminal hygiene: colour policy and escaping of attacker-controlled strings.

use std::io::{IsTerminal, Write as _};

use peckit::report::term::Line;

use crate::cli::ColorChoice;

/// Whether to colour output on stdout.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// Writes one line of human text on stderr (escaped; no colour: stderr may be a log).
pub fn eprint(line: &Line) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", line.render(false));
}

/// The width human tables are laid out for: the terminal's, else `$COLUMNS`, else 100.
pub fn width() -> usize {
    let terminal = std::io::stdout().is_terminal().then(|| {
        let mut probe = comfy_table::Table::new();
        probe.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
        probe.width().map(usize::from)
    });
    terminal.flatten().unwrap_or_else(|| {
        std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok()).unwrap_or(100)
    })
}

/// A table drawn in plain characters (colours come from [`Line`]), wrapping its cells to
/// [`width`]: without a width, comfy-table wraps only on a terminal, and a table piped to a
/// file or a pager ran as wide as its longest cell.
pub fn table() -> comfy_table::Table {
    let mut table = comfy_table::Table::new();
    table.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
    table.force_no_tty();
    table.set_width(u16::try_from(width()).unwrap_or(u16::MAX));
    table
}

/// Whether human output on stdout is coloured (the styles themselves are in [`Line`]).
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    /// Whether colours are on.
    pub enabled: bool,
}
