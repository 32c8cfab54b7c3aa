//! `peckit generate`: shell completions and man pages, deterministic, for packagers and for
//! the committed copies under completions/ and man/.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use clap::CommandFactory;
use clap_complete::Shell;

use super::Outcome;
use crate::cli::{Cli, GenerateArgs};

/// Runs `peckit generate`.
pub fn run(args: &GenerateArgs) -> Result<Outcome> {
    write_all(&args.out_dir)?;
    Ok(Outcome::Success)
}

/// Writes completions/ and man/ under `dir`.
pub fn write_all(dir: &Path) -> Result<()> {
    let completions = dir.join("completions");
    fs::create_dir_all(&completions)
        .with_context(|| format!("creating {}", completions.display()))?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish] {
        let mut cmd = Cli::command().version(env!("CARGO_PKG_VERSION"));
        clap_complete::generate_to(shell, &mut cmd, "peckit", &completions)
            .with_context(|| format!("writing {shell} completions"))?;
    }
    let man = dir.join("man");
    fs::create_dir_all(&man).with_context(|| format!("creating {}", man.display()))?;
    // The package version only: the commit would make every build's pages differ.
    // No `help` subcommand in the pages: it has no page of its own to refer to.
    let cmd = without_help(Cli::command().version(env!("CARGO_PKG_VERSION")));
    write_pages(&cmd, "peckit", &man)
}

/// One page for a command and, recursively, for each of its subcommands (`peckit-trust-list`),
/// so that every page a SEE ALSO or SUBCOMMANDS section names exists.
fn write_pages(cmd: &clap::Command, name: &str, dir: &Path) -> Result<()> {
    write_man(cmd, name, dir)?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let sub_name = format!("{name}-{}", sub.get_name());
        let sub = sub.clone().name(sub_name.clone()).version(env!("CARGO_PKG_VERSION"));
        write_pages(&sub, &sub_name, dir)?;
    }
    Ok(())
}

fn without_help(cmd: clap::Command) -> clap::Command {
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    names
        .iter()
        .fold(cmd.disable_help_subcommand(true), |cmd, name| cmd.mut_subcommand(name, without_help))
}

const EXIT_STATUS: &str = "0 every artefact verified (or the command succeeded); 1 at least one \
artefact is invalid; 2 usage error or an input that could not be read (the other inputs are \
still reported); 130 (commands that read many inputs) interrupted by Ctrl-C or SIGTERM: no \
new input is taken up and what was written stays whole; a second signal, or a first one still \
unanswered after 10 s, ends the process as the signal would have.";

const GLOBAL_OPTIONS: &str = "\\-\\-lang it|en: the language of messages, labels, \\-\\-help \
and usage errors (default: from LC_ALL, LC_MESSAGES, LANG); peckit \\-\\-lang it help COMMAND \
gives this page's text in Italian. \\-\\-color auto|always|never: when to colour (auto: on a \
terminal, unless NO_COLOR is set). Both are accepted before or after the command name; see \
peckit(1).";

const VERDICTS: &str = "valid: signed by a PEC provider whose certificate chains to a trusted \
authority, unchanged since signing, with a daticert.xml that agrees with the unsigned markers. \
invalid: at least one problem of severity error (content-altered, bad-signature, untrusted, \
cert-not-valid-at-signing-time, header-mismatch, unsigned, missing-daticert, ...). error: the \
input could not be evaluated (unreadable, empty, not e-mail).";

fn write_man(cmd: &clap::Command, name: &str, dir: &Path) -> Result<()> {
    let man = clap_mangen::Man::new(cmd.clone()).title(name.to_uppercase()).section("1");
    let mut buf: Vec<u8> = Vec::new();
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    man.render_options_section(&mut buf)?;
    if cmd.has_subcommands() {
        man.render_subcommands_section(&mut buf)?;
    }
    // The verdicts and the shared exit status belong to the commands that verify; archive
    // says its own exit status in its description, and trust verifies nothing.
    let verifies =
        ["peckit", "peckit-verify", "peckit-inspect", "peckit-extract", "peckit-evidence"];
    if verifies.contains(&name) {
        for (title, body) in [("VERDICTS", VERDICTS), ("EXIT STATUS", EXIT_STATUS)] {
            buf.extend_from_slice(format!(".SH \"{title}\"\n{body}\n").as_bytes());
        }
    }
    if name != "peckit" {
        buf.extend_from_slice(format!(".SH \"GLOBAL OPTIONS\"\n{GLOBAL_OPTIONS}\n").as_bytes());
    }
    if let Some(after) = cmd.get_after_help() {
        buf.extend_from_slice(b".SH EXAMPLES\n.nf\n");
        for line in after.to_string().lines().filter(|l| !l.trim_end().ends_with("Examples:")) {
            buf.extend_from_slice(
                format!("{}\n", line.trim_start().replace('-', "\\-")).as_bytes(),
            );
        }
        buf.extend_from_slice(b".fi\n");
    }
    man.render_version_section(&mut buf)?;
    let path = dir.join(format!("{name}.1"));
    fs::write(&path, buf).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}
