//! Downloading CRLs over HTTP(S) for `--fetch-crl`, with an on-disk cache: the only network
//! access peckit makes besides an IMAP server the user names, and only when asked.

use std::fs;
use std::io::Read;
use std::path::PathBuf;
use std::time::Duration;

use jiff::Timestamp;
use sha2::{Digest, Sha256};

use super::crl::Crl;
use super::revocation::{CrlFetcher, Fetched};
use crate::finding::FetchProblem;

/// The largest CRL peckit downloads (national CAs publish CRLs of a few MB).
const MAX_CRL_BYTES: u64 = 64 * 1024 * 1024;

/// Downloads CRLs with a timeout, keeping each in `cache` (one file per URL) and reusing a
/// cached one while it is current (its nextUpdate is after `now`).
#[derive(Debug)]
pub struct HttpCrlFetcher {
    cache: Option<PathBuf>,
    timeout: Duration,
    now: Timestamp,
}

impl HttpCrlFetcher {
    /// A fetcher caching in `cache` (none: no cache), giving up after `timeout`.
    pub fn new(cache: Option<PathBuf>, timeout: Duration, now: Timestamp) -> HttpCrlFetcher {
        HttpCrlFetcher { cache, timeout, now }
    }

    /// The per-user cache folder: `$XDG_CACHE_HOME/peckit/crl`, else `~/.cache/peckit/crl`.
    pub fn default_cache_dir() -> Option<PathBuf> {
        let base = std::env::var_os("XDG_CACHE_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
        Some(base.join("peckit").join("crl"))
    }

    fn cache_file(&self, url: &str) -> Option<PathBuf> {
        let name = format!("{}.crl", hex::encode(Sha256::digest(url.as_bytes())));
        self.cache.as_ref().map(|dir| dir.join(name))
    }

    fn current_cached(&self, url: &str) -> Option<Vec<u8>> {
        let bytes = fs::read(self.cache_file(url)?).ok()?;
        let der = crate::read::decode::der_blocks(&bytes, "X509 CRL").into_iter().next()?;
        let crl = Crl::from_der(&der, url).ok()?;
        crl.next_update.filter(|&next| next > self.now).map(|_| bytes)
    }

    fn download(&self, url: &str) -> Result<Vec<u8>, FetchProblem> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(self.timeout))
            .http_status_as_error(false)
            .build()
            .into();
        let seconds = self.timeout.as_secs();
        let failed = |e: ureq::Error| match e {
            ureq::Error::Timeout(_) => FetchProblem::Timeout(seconds),
            other => FetchProblem::Network(other.to_string()),
        };
        let response = agent.get(url).call().map_err(failed)?;
        let status = response.status();
        if !status.is_success() {
            return Err(FetchProblem::Status(status.as_u16()));
        }
        let mut body = Vec::new();
        response.into_body().into_reader().take(MAX_CRL_BYTES + 1).read_to_end(&mut body).map_err(
            |e| match e.kind() {
                std::io::ErrorKind::TimedOut => FetchProblem::Timeout(seconds),
                _ => FetchProblem::Network(e.to_string()),
            },
        )?;
        if body.len() as u64 > MAX_CRL_BYTES {
            return Err(FetchProblem::TooLarge(MAX_CRL_BYTES));
        }
        Ok(body)
    }

    fn store(&self, url: &str, bytes: &[u8]) {
        let Some(path) = self.cache_file(url) else { return };
        let Some(dir) = path.parent() else { return };
        // A cache that cannot be written only costs a download next time.
        if fs::create_dir_all(dir).is_ok()
            && let Ok(mut tmp) = tempfile::NamedTempFile::new_in(dir)
            && std::io::Write::write_all(&mut tmp, bytes).is_ok()
        {
            let _ = tmp.persist(&path);
        }
    }
}

impl CrlFetcher for HttpCrlFetcher {
    fn fetch(&self, url: &str, fresh: bool) -> Result<Fetched, FetchProblem> {
        if !fresh && let Some(bytes) = self.current_cached(url) {
            return Ok(Fetched { bytes, cached: true });
        }
        Ok(Fetched { bytes: self.download(url)?, cached: false })
    }

    fn keep(&self, url: &str, bytes: &[u8]) {
        self.store(url, bytes);
    }
}
