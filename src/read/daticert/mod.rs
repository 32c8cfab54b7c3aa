//! daticert.xml: the provider's certification data (DM 2 Nov 2005, allegato §7.3.3;
//! docs/pec-spec.md §3).
//!
//! ```dtd
//! <!ELEMENT postacert (intestazione, dati)>
//! <!ATTLIST postacert tipo (accettazione | non-accettazione | presa-in-carico |
//!     avvenuta-consegna | posta-certificata | errore-consegna | preavviso-errore-consegna |
//!     rilevazione-virus) #REQUIRED
//!   errore (nessuno | no-dest | no-dominio | virus | altro) "nessuno">
//! <!ELEMENT intestazione (mittente, destinatari+, risposte, oggetto?)>
//! <!ATTLIST destinatari tipo (certificato | esterno) "certificato">
//! <!ELEMENT dati (gestore-emittente, data, identificativo, msgid?, ricevuta?,
//!                 consegna?, ricezione*, errore-esteso?)>
//! <!ATTLIST data zona CDATA #REQUIRED>   <!-- giorno "gg/mm/aaaa", ora "hh:mm:ss" -->
//! <!ATTLIST ricevuta tipo (completa | breve | sintetica) #REQUIRED>
//! ```
//!
//! What it does: UTF-8 (with or without BOM) and ISO-8859-1 / windows-1252 declarations;
//! a DOCTYPE is accepted and never fetched; only the five predefined entities and character
//! references are expanded, and an internal `<!ENTITY` declaration refuses the document
//! (entity bombs never expand). XML that is not well-formed (real case: an unescaped `<`
//! inside msgid, quirk Q5) is read again field by field and marked `malformed`.
//! What it does not do: validate against the DTD (missing elements are reported by
//! [`DatiCert::missing_required`]) or interpret values beyond the date.
#![deny(clippy::indexing_slicing)]

use std::sync::LazyLock;

use thiserror::Error;

use crate::limits::Limits;
pub use model::{CertifiedTime, DatiCert, Destinatario, FieldError, rfc3339_at};
use simple::parse_simple;
use strict::{StrictError, parse_strict};
use tolerant::parse_tolerant;

mod fields;
mod model;
mod simple;
mod strict;
#[cfg(test)]
mod tests;
mod tolerant;

/// Why a daticert could not be read at all.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum DaticertError {
    /// Larger than [`Limits::max_daticert_bytes`].
    #[error("daticert.xml is {size} bytes, over the limit of {limit}")]
    TooLarge {
        /// Actual size.
        size: usize,
        /// Limit.
        limit: usize,
    },
    /// No `<postacert` root element.
    #[error("not a daticert: no <postacert> element")]
    NotDaticert,
    /// An entity declaration or a reference to an undeclared entity.
    #[error("daticert.xml uses the entity {0:?}: only the five XML entities are allowed")]
    ForbiddenEntity(String),
}

/// Cheap sniff: `<postacert` near the start (after BOM, declaration, comments, DOCTYPE).
pub fn looks_like_daticert(bytes: &[u8]) -> bool {
    static POSTACERT: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"<postacert"));
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    POSTACERT.find(head).is_some()
}

/// Decodes the document to text according to its declaration.
fn decode_text(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, String) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = lossy(bytes.get(..bytes.len().min(200)).unwrap_or(bytes)).to_ascii_lowercase();
    let declared = head
        .find("encoding=")
        .and_then(|i| head.get(i + 9..))
        .and_then(|rest| {
            let quote = rest.chars().next()?;
            let inner = rest.get(1..)?;
            inner.find(quote).and_then(|end| inner.get(..end))
        })
        .map(str::to_string)
        .unwrap_or_else(|| "utf-8".into());
    let latin = matches!(
        declared.as_str(),
        "iso-8859-1"
            | "latin1"
            | "latin-1"
            | "iso8859-1"
            | "iso_8859-1"
            | "windows-1252"
            | "cp1252"
            | "iso-8859-15"
    );
    let text = if latin {
        let (cow, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
        cow
    } else {
        lossy(bytes)
    };
    (text, declared.to_ascii_uppercase())
}

/// UTF-8 text, checked by the standard library's validator first: the lossy one walks the
/// bytes one chunk at a time, several times slower, and only damaged text needs it.
fn lossy(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// Parses daticert.xml bytes.
pub fn parse(bytes: &[u8], limits: &Limits) -> Result<DatiCert, DaticertError> {
    if bytes.len() > limits.max_daticert_bytes {
        return Err(DaticertError::TooLarge {
            size: bytes.len(),
            limit: limits.max_daticert_bytes,
        });
    }
    if !looks_like_daticert(bytes) {
        return Err(DaticertError::NotDaticert);
    }
    let (text, encoding) = decode_text(bytes);
    // An entity declaration anywhere is refused before any parsing (entity bombs).
    static ENTITY: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"<!ENTITY"));
    if let Some(i) = ENTITY.find(text.as_bytes()) {
        let name: String = text
            .get(i + 8..)
            .unwrap_or("")
            .trim_start()
            .chars()
            .take_while(|c| !c.is_whitespace())
            .collect();
        return Err(DaticertError::ForbiddenEntity(name));
    }
    let strict = match parse_simple(&text) {
        Some(d) => Ok(d),
        None => parse_strict(&text),
    };
    let mut d = match strict {
        Ok(d) => d,
        Err(StrictError::Entity(name)) => return Err(DaticertError::ForbiddenEntity(name)),
        Err(StrictError::Xml(reason)) => {
            let mut d = parse_tolerant(&text);
            d.malformed = Some(reason);
            d
        }
    };
    d.encoding = encoding;
    if d.errore.is_empty() {
        d.errore = "nessuno".into();
    }
    Ok(d)
}
