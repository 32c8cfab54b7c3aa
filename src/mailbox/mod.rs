//! Reading a PEC mailbox over IMAP, strictly read-only: `EXAMINE` (never SELECT), `UID
//! SEARCH`, `UID FETCH … BODY.PEEK[]` (never STORE, COPY, MOVE, EXPUNGE or APPEND), so no
//! flag changes and nothing moves. Messages arrive as [`Source::Member`]s named
//! `imaps://USER@HOST:PORT/INBOX;UIDVALIDITY=V/;UID=N`, with exactly the bytes the server
//! returns for `BODY[]`, and flow into the same pipeline as files.
//!
//! The async client (async-imap on a single-thread tokio runtime) stays inside this module;
//! everything outside is synchronous: an iterator that fetches a batch of UIDs at a time.

mod url;
mod utf7;

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_rustls::rustls;

use crate::error::MailboxFailure;
use crate::input::{ListError, Source};
pub use url::{ImapUrl, is_imap_url};
pub use utf7::{decode as decode_mailbox_name, encode as encode_mailbox_name};

/// How many messages one `UID FETCH` asks for.
const BATCH: usize = 64;

/// How a mailbox is read.
#[derive(Debug, Clone)]
pub struct ImapOptions {
    /// A PEM file of CA certificates trusted for the server besides the system's.
    pub ca: Option<PathBuf>,
    /// Allow plain `imap://` (the password travels in clear).
    pub insecure: bool,
    /// Only messages whose internal date is on or after this day (IMAP SEARCH SINCE).
    pub since: Option<jiff::civil::Date>,
    /// Only messages whose internal date is before this day (IMAP SEARCH BEFORE).
    pub before: Option<jiff::civil::Date>,
    /// Every mailbox LIST returns, not only the one the URL names.
    pub all_mailboxes: bool,
    /// Messages larger than this are not fetched (`limit-exceeded`).
    pub max_bytes: u64,
    /// How long one network step may take.
    pub timeout: Duration,
}

/// A stream a session runs over: TLS, or plain TCP with `--imap-insecure`.
trait Conn: AsyncRead + AsyncWrite + Unpin + Send + std::fmt::Debug {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send + std::fmt::Debug> Conn for T {}
type Session = async_imap::Session<Box<dyn Conn>>;

/// Skips messages already known by name (an archive's UIDs), before their bodies are fetched.
pub type Skip = Box<dyn Fn(&str) -> bool + Send>;

/// The messages of a mailbox (or of every mailbox of the account), read lazily: connecting,
/// logging in and each batch happen as the iterator is advanced. A failure is yielded once,
/// as a [`Source::Failed`] naming the mailbox, and ends the iteration.
pub fn messages(
    url: ImapUrl,
    password: String,
    options: ImapOptions,
    skip: Skip,
) -> impl Iterator<Item = Result<Source, ListError>> + Send {
    Reader {
        url,
        password,
        options,
        skip,
        state: State::Start,
        runtime: None,
        session: None,
        mailboxes: VecDeque::new(),
        current: None,
        pending: VecDeque::new(),
        ready: VecDeque::new(),
    }
}

#[derive(Debug, PartialEq, Eq)]
enum State {
    Start,
    Open,
    Done,
}

struct Reader {
    url: ImapUrl,
    password: String,
    options: ImapOptions,
    skip: Skip,
    state: State,
    runtime: Option<tokio::runtime::Runtime>,
    session: Option<Session>,
    mailboxes: VecDeque<String>,
    current: Option<(ImapUrl, u32)>,
    pending: VecDeque<u32>,
    ready: VecDeque<Source>,
}

impl Iterator for Reader {
    type Item = Result<Source, ListError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(source) = self.ready.pop_front() {
                return Some(Ok(source));
            }
            let step = match self.state {
                State::Done => return None,
                State::Start => self.open(),
                State::Open if !self.pending.is_empty() => self.fetch_batch(),
                State::Open => match self.mailboxes.pop_front() {
                    Some(name) => self.examine(&name),
                    None => {
                        self.close();
                        return None;
                    }
                },
            };
            if let Err(failure) = step {
                let name = match &self.current {
                    Some((url, _)) => url.display(),
                    None => self.url.display(),
                };
                // The connection may be gone: no goodbye that could wait for it.
                self.state = State::Done;
                self.pending.clear();
                self.session = None;
                return Some(Ok(Source::Failed { name, failure }));
            }
        }
    }
}

fn protocol(e: impl std::fmt::Display) -> MailboxFailure {
    MailboxFailure::Protocol(e.to_string())
}

/// `1-Feb-2024`, as IMAP SEARCH writes dates.
fn imap_date(d: jiff::civil::Date) -> String {
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let month = MONTHS.get(usize::try_from(d.month() - 1).unwrap_or(0)).unwrap_or(&"Jan");
    format!("{}-{month}-{}", d.day(), d.year())
}

impl Reader {
    fn block_on<T>(
        &self,
        what: impl std::future::Future<Output = Result<T, MailboxFailure>>,
    ) -> Result<T, MailboxFailure> {
        let runtime = self.runtime.as_ref().ok_or_else(|| protocol("no runtime"))?;
        let timeout = self.options.timeout;
        runtime.block_on(async move {
            tokio::time::timeout(timeout, what)
                .await
                .map_err(|_| protocol(format!("no answer within {} s", timeout.as_secs())))?
        })
    }

    fn open(&mut self) -> Result<(), MailboxFailure> {
        self.state = State::Open;
        if !self.url.secure && !self.options.insecure {
            return Err(MailboxFailure::Insecure);
        }
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()
            .map_err(protocol)?;
        self.runtime = Some(runtime);
        let tls = if self.url.secure { Some(tls_config(self.options.ca.as_ref())?) } else { None };
        let (host, port) = (self.url.host.clone(), self.url.port);
        let (user, password) = (self.url.user.clone(), std::mem::take(&mut self.password));
        let mut session =
            self.block_on(async move {
                let tcp = TcpStream::connect((host.as_str(), port))
                    .await
                    .map_err(|e| MailboxFailure::Connect(format!("{host}:{port}: {e}")))?;
                let stream: Box<dyn Conn> = match tls {
                    Some(config) => {
                        let name = rustls::pki_types::ServerName::try_from(host.clone())
                            .map_err(|e| MailboxFailure::Url(format!("{host}: {e}")))?;
                        // The handshake checks the server's certificate: before any login.
                        let tls = tokio_rustls::TlsConnector::from(config)
                            .connect(name, tcp)
                            .await
                            .map_err(|e| certificate_or_connect(&host, port, e))?;
                        Box::new(tls)
                    }
                    None => Box::new(tcp),
                };
                let mut client = async_imap::Client::new(stream);
                client.read_response().await.map_err(protocol)?.ok_or_else(|| {
                    protocol("the server closed the connection before its greeting")
                })?;
                client.login(user, password).await.map_err(|(e, _)| match e {
                    async_imap::error::Error::No(_) | async_imap::error::Error::Bad(_) => {
                        MailboxFailure::LoginRefused
                    }
                    other => protocol(other),
                })
            })?;
        let mailboxes = if self.options.all_mailboxes {
            let names = self.block_on(async {
                let mut out = Vec::new();
                let mut list = session.list(Some(""), Some("*")).await.map_err(protocol)?;
                while let Some(name) = list.next().await {
                    let name = name.map_err(protocol)?;
                    let selectable = !name
                        .attributes()
                        .iter()
                        .any(|a| matches!(a, async_imap::types::NameAttribute::NoSelect));
                    if selectable {
                        out.push(utf7::decode(name.name()));
                    }
                }
                Ok(out)
            })?;
            names.into_iter().collect()
        } else {
            VecDeque::from([self.url.mailbox.clone()])
        };
        self.mailboxes = mailboxes;
        self.session = Some(session);
        Ok(())
    }

    /// EXAMINE (read-only) a mailbox and list the UIDs to fetch. A mailbox that cannot be
    /// opened is said (a failed source) and the others are still read.
    fn examine(&mut self, name: &str) -> Result<(), MailboxFailure> {
        let url = self.url.with_mailbox(name);
        self.current = Some((url.clone(), 0));
        let mut session = self.session.take().ok_or_else(|| protocol("no session"))?;
        let wire = utf7::encode(name);
        let mut query = String::from("ALL");
        if let Some(d) = self.options.since {
            query.push_str(&format!(" SINCE {}", imap_date(d)));
        }
        if let Some(d) = self.options.before {
            query.push_str(&format!(" BEFORE {}", imap_date(d)));
        }
        let result = self.block_on(async {
            let mailbox = match session.examine(&wire).await {
                Ok(m) => m,
                // The server said no: this mailbox only.
                Err(async_imap::error::Error::No(_) | async_imap::error::Error::Bad(_)) => {
                    return Ok(None);
                }
                Err(e) => return Err(protocol(e)),
            };
            let mut uids: Vec<u32> =
                session.uid_search(&query).await.map_err(protocol)?.into_iter().collect();
            uids.sort_unstable();
            Ok(Some((mailbox.uid_validity, uids)))
        });
        self.session = Some(session);
        let Some((validity, uids)) = result? else {
            self.ready.push_back(Source::Failed {
                name: url.display(),
                failure: MailboxFailure::NoMailbox(name.to_string()),
            });
            self.current = None;
            return Ok(());
        };
        // Without UIDVALIDITY a UID names nothing for sure: no message is skipped by name
        // (an archive still recognises them by their bytes).
        let validity_known = validity.is_some();
        let validity = validity.unwrap_or(0);
        self.pending = uids
            .into_iter()
            .filter(|&uid| !validity_known || !(self.skip)(&url.message_name(validity, uid)))
            .collect();
        self.current = Some((url, validity));
        Ok(())
    }

    /// Fetches the next batch: sizes first, so a message over the limit is never downloaded,
    /// then the bodies in groups of at most 16 MB, each with time in proportion to its size;
    /// what arrived before a failure is still handed on.
    fn fetch_batch(&mut self) -> Result<(), MailboxFailure> {
        const GROUP_BYTES: u64 = 16 * 1024 * 1024;
        let (url, validity) = self.current.clone().ok_or_else(|| protocol("no mailbox"))?;
        let batch: Vec<u32> = (0..BATCH).filter_map(|_| self.pending.pop_front()).collect();
        let set = batch.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
        let max = self.options.max_bytes;
        let mut session = self.session.take().ok_or_else(|| protocol("no session"))?;
        let mut sizes = std::collections::HashMap::new();
        let sized = self.block_on(async {
            let mut fetches =
                session.uid_fetch(&set, "(UID RFC822.SIZE)").await.map_err(protocol)?;
            while let Some(f) = fetches.next().await {
                let f = f.map_err(protocol)?;
                if let (Some(uid), Some(size)) = (f.uid, f.size) {
                    sizes.insert(uid, u64::from(size));
                }
            }
            Ok(())
        });
        // A message whose size the server does not give is fetched (and judged) anyway.
        let wanted: Vec<u32> =
            batch.iter().copied().filter(|uid| sizes.get(uid).is_none_or(|&s| s <= max)).collect();
        let mut groups: Vec<(Vec<u32>, u64)> = Vec::new();
        for uid in wanted {
            let size = sizes.get(&uid).copied().unwrap_or(0);
            match groups.last_mut() {
                Some((g, total)) if *total + size <= GROUP_BYTES => {
                    g.push(uid);
                    *total += size;
                }
                _ => groups.push((vec![uid], size)),
            }
        }
        let mut bodies = std::collections::HashMap::new();
        let mut failure = sized.err();
        for (group, bytes) in groups {
            if failure.is_some() {
                break;
            }
            let set = group.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
            // 64 KB/s at the slowest, over the base time.
            let allowed = self.options.timeout + Duration::from_secs(bytes / 65_536);
            let runtime = self.runtime.as_ref().ok_or_else(|| protocol("no runtime"))?;
            let got = runtime.block_on(async {
                let fetch = async {
                    let mut fetches =
                        session.uid_fetch(&set, "(UID BODY.PEEK[])").await.map_err(protocol)?;
                    while let Some(f) = fetches.next().await {
                        let f = f.map_err(protocol)?;
                        if let (Some(uid), Some(body)) = (f.uid, f.body()) {
                            bodies.insert(uid, body.to_vec());
                        }
                    }
                    Ok(())
                };
                tokio::time::timeout(allowed, fetch)
                    .await
                    .map_err(|_| protocol(format!("no answer within {} s", allowed.as_secs())))?
            });
            failure = got.err();
        }
        self.session = Some(session);
        for uid in batch {
            let name = url.message_name(validity, uid);
            match (bodies.remove(&uid), sizes.get(&uid)) {
                (Some(bytes), _) => self.ready.push_back(Source::Member { name, bytes }),
                (None, Some(&size)) if size > max => {
                    self.ready.push_back(Source::Oversized { name, limit: max })
                }
                // Not received: said of this message when the connection failed; otherwise
                // the server gave no body (or it was expunged meanwhile): said too.
                (None, _) if failure.is_none() => self.ready.push_back(Source::Failed {
                    name,
                    failure: MailboxFailure::Protocol(format!(
                        "the server sent no body for UID {uid}"
                    )),
                }),
                (None, _) => {}
            }
        }
        match failure {
            Some(f) => Err(f),
            None => Ok(()),
        }
    }

    fn close(&mut self) {
        self.state = State::Done;
        self.pending.clear();
        if let (Some(mut session), Some(runtime)) = (self.session.take(), self.runtime.as_ref()) {
            // A polite LOGOUT, briefly: nothing depends on its answer.
            let _ = runtime.block_on(async move {
                tokio::time::timeout(Duration::from_secs(5), session.logout()).await
            });
        }
    }
}

fn certificate_or_connect(host: &str, port: u16, e: std::io::Error) -> MailboxFailure {
    let certificate = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>())
        .is_some_and(|r| matches!(r, rustls::Error::InvalidCertificate(_)));
    if certificate {
        MailboxFailure::Certificate(e.to_string())
    } else {
        MailboxFailure::Connect(format!("{host}:{port}: {e}"))
    }
}

/// TLS with the system's roots and, with `--imap-ca`, the CAs of a PEM file.
fn tls_config(ca: Option<&PathBuf>) -> Result<Arc<rustls::ClientConfig>, MailboxFailure> {
    let mut roots = rustls::RootCertStore::empty();
    for cert in rustls_native_certs::load_native_certs().certs {
        let _ = roots.add(cert);
    }
    if let Some(path) = ca {
        let bytes = std::fs::read(path)
            .map_err(|e| MailboxFailure::Certificate(format!("{}: {e}", path.display())))?;
        let ders = crate::read::decode::der_blocks(&bytes, "CERTIFICATE");
        if ders.is_empty() {
            return Err(MailboxFailure::Certificate(format!(
                "{}: no certificate in it",
                path.display()
            )));
        }
        for der in ders {
            roots
                .add(der.into())
                .map_err(|e| MailboxFailure::Certificate(format!("{}: {e}", path.display())))?;
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(protocol)?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_dates_are_written_as_imap_wants() {
        assert_eq!(imap_date(jiff::civil::date(2024, 2, 1)), "1-Feb-2024");
        assert_eq!(imap_date(jiff::civil::date(2015, 12, 31)), "31-Dec-2015");
    }
}
