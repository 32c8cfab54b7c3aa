//! Where a command's messages come from: paths walked as always, then each IMAP mailbox
//! named by URL, with the password taken from the environment, ~/.netrc or a prompt (never
//! from the command line, never printed).

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;
use peckit::error::MailboxFailure;
use peckit::input::{self, ListError, Source, WalkOptions};
use peckit::mailbox::{self, ImapOptions, ImapUrl};

use crate::cli::ImapArgs;

/// The messages to read, lazily, and the paths that could not even be listed.
pub struct Inputs {
    /// Every message, in order: files first, then mailboxes.
    pub stream: Box<dyn Iterator<Item = Result<Source, ListError>> + Send>,
    /// Paths that could not be listed.
    pub list_errors: Vec<ListError>,
    /// How many file inputs were listed (for a progress bar; mailboxes are counted as read).
    pub files: usize,
}

/// Skips mailbox messages by name before fetching them (an archive's known UIDs).
pub type Skip = std::sync::Arc<dyn Fn(&str) -> bool + Send + Sync>;

fn day(flag: &str, value: Option<&String>) -> Result<Option<jiff::civil::Date>> {
    let lang = super::messages::lang();
    value
        .map(|v| {
            v.parse::<jiff::civil::Date>()
                .map_err(|_| anyhow::anyhow!(peckit::catalogue::texts::not_a_date(lang, flag, v)))
        })
        .transpose()
}

/// Splits the arguments into paths and mailbox URLs and lists the paths.
pub fn inputs(
    paths: &[PathBuf],
    imap: &ImapArgs,
    walk: WalkOptions,
    max_bytes: u64,
    skip: Skip,
) -> Result<Inputs> {
    let (urls, files): (Vec<&PathBuf>, Vec<&PathBuf>) =
        paths.iter().partition(|p| p.to_str().is_some_and(mailbox::is_imap_url));
    let files: Vec<PathBuf> = files.into_iter().cloned().collect();
    let (sources, list_errors) = input::expand_with(&files, &walk);
    let count = sources.len();
    let mut stream: Box<dyn Iterator<Item = Result<Source, ListError>> + Send> =
        Box::new(input::stream(sources, walk));
    let options = ImapOptions {
        ca: imap.imap_ca.clone(),
        insecure: imap.imap_insecure,
        since: day("--since", imap.since.as_ref())?,
        before: day("--before", imap.before.as_ref())?,
        all_mailboxes: imap.mailbox_all,
        max_bytes,
        timeout: std::time::Duration::from_secs(60),
    };
    for url in urls {
        let text = url.to_string_lossy();
        // The URL is not repeated in the error: it may hold a password.
        let url = ImapUrl::parse(&text).map_err(|e| {
            anyhow::anyhow!(peckit::error::ReadFailure::Mailbox(e).text(super::messages::lang()))
        })?;
        if !url.secure && imap.imap_insecure {
            super::report_error(&peckit::catalogue::texts::imap_insecure_warning(
                super::messages::lang(),
                &url.display(),
            ));
        }
        let messages: Box<dyn Iterator<Item = Result<Source, ListError>> + Send> =
            match password_for(&url) {
                Ok(password) => {
                    let skip = std::sync::Arc::clone(&skip);
                    Box::new(mailbox::messages(
                        url,
                        password,
                        options.clone(),
                        Box::new(move |name| skip(name)),
                    ))
                }
                Err(failure) => {
                    Box::new(std::iter::once(Ok(Source::Failed { name: url.display(), failure })))
                }
            };
        stream = Box::new(stream.chain(messages));
    }
    Ok(Inputs { stream, list_errors, files: count })
}

/// The password: PECKIT_IMAP_PASSWORD, else ~/.netrc (machine HOST login USER password …),
/// else a prompt on the terminal (no echo).
fn password_for(url: &ImapUrl) -> Result<String, MailboxFailure> {
    if let Some(p) = std::env::var_os("PECKIT_IMAP_PASSWORD") {
        return Ok(p.to_string_lossy().into_owned());
    }
    if let Some(p) = netrc_password(url) {
        return Ok(p);
    }
    if std::io::stdin().is_terminal() {
        return rpassword::prompt_password(format!("{} password: ", url.server()))
            .map_err(|_| MailboxFailure::NoPassword);
    }
    Err(MailboxFailure::NoPassword)
}

fn netrc_password(url: &ImapUrl) -> Option<String> {
    let home = std::env::var_os("HOME")?;
    let text = std::fs::read_to_string(PathBuf::from(home).join(".netrc")).ok()?;
    netrc_lookup(&text, &url.host, &url.user)
}

/// The password of `machine HOST login USER` in netrc text (tokens separated by white
/// space; `default` matches any machine).
fn netrc_lookup(text: &str, host: &str, user: &str) -> Option<String> {
    let mut tokens = text.split_whitespace();
    let mut matched_machine = false;
    let (mut login, mut password): (Option<&str>, Option<&str>) = (None, None);
    let mut found = None;
    let mut finish = |m: bool, l: Option<&str>, p: Option<&str>| {
        if m && l == Some(user) && found.is_none() {
            found = p.map(str::to_string);
        }
    };
    while let Some(token) = tokens.next() {
        match token {
            "machine" | "default" => {
                finish(matched_machine, login, password);
                matched_machine = token == "default"
                    || tokens.next().is_some_and(|m| m.eq_ignore_ascii_case(host));
                login = None;
                password = None;
            }
            "login" => login = tokens.next(),
            "password" => password = tokens.next(),
            _ => {}
        }
    }
    finish(matched_machine, login, password);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn netrc_entries_are_matched_by_machine_and_login() {
        let text = "machine other.example login studio password nope\n\
                    machine imap.example.it\n  login studio@pec.it\n  password segreta\n\
                    default login x password y";
        assert_eq!(
            netrc_lookup(text, "imap.example.it", "studio@pec.it").as_deref(),
            Some("segreta")
        );
        assert_eq!(netrc_lookup(text, "imap.example.it", "altro"), None);
        assert_eq!(netrc_lookup(text, "anywhere", "x").as_deref(), Some("y"));
    }
}
