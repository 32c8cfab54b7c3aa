//! IMAP URLs (RFC 5092 style): `imaps://USER@HOST[:PORT]/MAILBOX`, percent-encoded.

use crate::error::MailboxFailure;

/// A mailbox named by URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImapUrl {
    /// `imaps` (TLS from the start) or `imap` (plain, only with `--imap-insecure`).
    pub secure: bool,
    /// The login.
    pub user: String,
    /// The server.
    pub host: String,
    /// The port (993 for imaps, 143 for imap, unless given).
    pub port: u16,
    /// The mailbox, decoded (INBOX when the URL names none).
    pub mailbox: String,
}

/// Whether a command-line argument names a mailbox rather than a path.
pub fn is_imap_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("imaps://") || lower.starts_with("imap://")
}

fn percent_decode(s: &str) -> Result<String, MailboxFailure> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
            let value = hex.and_then(|h| u8::from_str_radix(h, 16).ok());
            let Some(v) = value else {
                return Err(MailboxFailure::Url(format!("bad percent-encoding in {s:?}")));
            };
            out.push(v);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| MailboxFailure::Url(format!("{s:?} is not UTF-8")))
}

impl ImapUrl {
    /// Parses `imaps://USER@HOST[:PORT][/MAILBOX]`.
    pub fn parse(url: &str) -> Result<ImapUrl, MailboxFailure> {
        let bad = |why: &str| MailboxFailure::Url(format!("{url}: {why}"));
        let (scheme, rest) = url.split_once("://").ok_or_else(|| bad("no scheme"))?;
        let secure = match scheme.to_ascii_lowercase().as_str() {
            "imaps" => true,
            "imap" => false,
            _ => return Err(bad("the scheme is not imaps or imap")),
        };
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        let (user, hostport) =
            authority.rsplit_once('@').ok_or_else(|| bad("no USER@ before the host"))?;
        if user.contains(':') {
            // Said without the URL: it holds a password, which must never be printed.
            return Err(MailboxFailure::PasswordInUrl);
        }
        let user = percent_decode(user)?;
        if user.is_empty() {
            return Err(bad("empty user"));
        }
        let (host, port) = match hostport.rsplit_once(':') {
            Some((h, p)) if !h.ends_with(']') || hostport.starts_with('[') => {
                (h, p.parse::<u16>().map_err(|_| bad("the port is not a number"))?)
            }
            _ => (hostport, if secure { 993 } else { 143 }),
        };
        let host = host.trim_start_matches('[').trim_end_matches(']').to_string();
        if host.is_empty() {
            return Err(bad("empty host"));
        }
        let mailbox = percent_decode(path.trim_end_matches('/'))?;
        let mailbox = if mailbox.is_empty() { "INBOX".to_string() } else { mailbox };
        Ok(ImapUrl { secure, user, host, port, mailbox })
    }

    /// The URL of another mailbox on the same server.
    pub fn with_mailbox(&self, mailbox: &str) -> ImapUrl {
        ImapUrl { mailbox: mailbox.to_string(), ..self.clone() }
    }

    /// `imaps://USER@HOST:PORT` (no mailbox).
    pub fn server(&self) -> String {
        let scheme = if self.secure { "imaps" } else { "imap" };
        format!("{scheme}://{}@{}:{}", self.user, self.host, self.port)
    }

    /// `imaps://USER@HOST:PORT/MAILBOX`, the mailbox shown decoded.
    pub fn display(&self) -> String {
        format!("{}/{}", self.server(), self.mailbox)
    }

    /// The name of one message: `imaps://USER@HOST:PORT/INBOX;UIDVALIDITY=V/;UID=N`.
    pub fn message_name(&self, uid_validity: u32, uid: u32) -> String {
        format!("{};UIDVALIDITY={uid_validity}/;UID={uid}", self.display())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn urls_parse_as_rfc_5092_says() {
        let u = ImapUrl::parse("imaps://studio%40pec.it@imap.example.it/INBOX").unwrap();
        assert_eq!(
            (u.user.as_str(), u.host.as_str(), u.port, u.mailbox.as_str()),
            ("studio@pec.it", "imap.example.it", 993, "INBOX")
        );
        let u = ImapUrl::parse("imaps://a@127.0.0.1:1993").unwrap();
        assert_eq!((u.port, u.mailbox.as_str()), (1993, "INBOX"));
        assert_eq!(ImapUrl::parse("imaps://a@h/").unwrap().mailbox, "INBOX");
        let u = ImapUrl::parse("imap://a@h/Posta%20inviata/2024").unwrap();
        assert!(!u.secure);
        assert_eq!((u.port, u.mailbox.as_str()), (143, "Posta inviata/2024"));
        assert_eq!(
            u.message_name(7, 42),
            "imap://a@h:143/Posta inviata/2024;UIDVALIDITY=7/;UID=42"
        );
        for bad in ["imaps://host/INBOX", "http://a@h", "imaps://a@h:x/", "imaps://a@h/%zz"] {
            assert!(ImapUrl::parse(bad).is_err(), "{bad}");
        }
        let refused = ImapUrl::parse("imaps://studio:segreta@h/INBOX").unwrap_err().to_string();
        assert!(!refused.contains("segreta"), "{refused}");
        assert!(is_imap_url("IMAPS://a@h") && !is_imap_url("cartella/imaps"));
    }
}
