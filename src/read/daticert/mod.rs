//! daticert.xml: the provider's certification data (DM 2 Nov 2005, allegato §7.3.3;
//! pec-spec §3).
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

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::reader::Reader;
use serde::Serialize;
use thiserror::Error;

use crate::limits::Limits;

/// Why a daticert could not be read at all.
#[derive(Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum DaticertError {
    /// Larger than [`Limits::max_daticert_bytes`].
    #[error("daticert.xml is {size} bytes, over the limit of {limit} (set with --max-daticert)")]
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

/// One `<destinatari>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Destinatario {
    /// The address.
    pub address: String,
    /// `certificato` (default) or `esterno`.
    pub tipo: String,
}

/// A field that could not be read while the rest was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// Element name.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

/// `<data zona><giorno/><ora/></data>` as an instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertifiedTime {
    /// `zona` as written, e.g. "+0100".
    pub zona: String,
    /// `giorno` as written, "dd/mm/yyyy".
    pub giorno: String,
    /// `ora` as written, "hh:mm:ss".
    pub ora: String,
    /// The offset in seconds east of UTC.
    pub offset_seconds: i32,
    /// The instant.
    #[serde(serialize_with = "ser_ts")]
    pub utc: jiff::Timestamp,
}

fn ser_ts<S: serde::Serializer>(t: &jiff::Timestamp, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
}

impl CertifiedTime {
    /// RFC 3339 with the daticert offset, e.g. "2014-11-14T18:26:32+01:00".
    pub fn rfc3339_local(&self) -> String {
        let offset =
            jiff::tz::Offset::from_seconds(self.offset_seconds).unwrap_or(jiff::tz::Offset::UTC);
        self.utc.to_zoned(offset.to_time_zone()).strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }

    /// RFC 3339 in UTC, e.g. "2014-11-14T17:26:32Z".
    pub fn rfc3339_utc(&self) -> String {
        self.utc.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
    }

    /// Builds the instant from the three strings; Err says what is wrong.
    pub fn parse(zona: &str, giorno: &str, ora: &str) -> Result<CertifiedTime, String> {
        let offset_seconds = parse_zona(zona).ok_or_else(|| format!("bad zona {zona:?}"))?;
        let mut day_parts = giorno.trim().split('/');
        let mut next_num = |what: &str| -> Result<i64, String> {
            day_parts
                .next()
                .and_then(|p| p.trim().parse::<i64>().ok())
                .ok_or_else(|| format!("bad {what} in giorno {giorno:?}"))
        };
        let (d, m, y) = (next_num("day")?, next_num("month")?, next_num("year")?);
        let mut time_parts = ora.trim().split(':');
        let mut tnum = |what: &str, required: bool| -> Result<i64, String> {
            match time_parts.next() {
                Some(p) => {
                    p.trim().parse::<i64>().map_err(|_| format!("bad {what} in ora {ora:?}"))
                }
                None if required => Err(format!("bad {what} in ora {ora:?}")),
                None => Ok(0),
            }
        };
        let (hh, mm, ss) = (tnum("hour", true)?, tnum("minute", true)?, tnum("second", false)?);
        let narrow = |v: i64| i8::try_from(v).map_err(|_| format!("out of range: {giorno} {ora}"));
        let year = i16::try_from(y).map_err(|_| format!("bad year in giorno {giorno:?}"))?;
        let date = jiff::civil::Date::new(year, narrow(m)?, narrow(d)?)
            .map_err(|e| format!("bad giorno {giorno:?}: {e}"))?;
        let time = jiff::civil::Time::new(narrow(hh)?, narrow(mm)?, narrow(ss)?, 0)
            .map_err(|e| format!("bad ora {ora:?}: {e}"))?;
        let offset = jiff::tz::Offset::from_seconds(offset_seconds).map_err(|e| e.to_string())?;
        let utc = offset.to_timestamp(date.to_datetime(time)).map_err(|e| e.to_string())?;
        Ok(CertifiedTime {
            zona: zona.to_string(),
            giorno: giorno.to_string(),
            ora: ora.to_string(),
            offset_seconds,
            utc,
        })
    }
}

/// "+0100", "+01:00", "-0500", "+01" → seconds east of UTC.
fn parse_zona(zona: &str) -> Option<i32> {
    let z = zona.trim();
    let (sign, rest) = match z.chars().next()? {
        '+' => (1, z.get(1..)?),
        '-' => (-1, z.get(1..)?),
        _ => (1, z),
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || digits.len() > 4 {
        return None;
    }
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 => (digits.get(..1)?.parse::<i32>().ok()?, digits.get(1..)?.parse::<i32>().ok()?),
        _ => (digits.get(..2)?.parse::<i32>().ok()?, digits.get(2..)?.parse::<i32>().ok()?),
    };
    if h > 14 || m > 59 {
        return None;
    }
    Some(sign * (h * 3600 + m * 60))
}

/// The parsed daticert.xml.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct DatiCert {
    /// `postacert/@tipo`, verbatim.
    pub tipo: Option<String>,
    /// `postacert/@errore` (default `nessuno`).
    pub errore: String,
    /// `intestazione/mittente`.
    pub mittente: Option<String>,
    /// `intestazione/destinatari`.
    pub destinatari: Vec<Destinatario>,
    /// `intestazione/risposte`.
    pub risposte: Option<String>,
    /// `intestazione/oggetto`.
    pub oggetto: Option<String>,
    /// `dati/gestore-emittente`.
    pub gestore_emittente: Option<String>,
    /// `dati/data`, when it parses.
    pub data: Option<CertifiedTime>,
    /// `dati/identificativo`.
    pub identificativo: Option<String>,
    /// `dati/msgid` (with its angle brackets).
    pub msgid: Option<String>,
    /// `dati/ricevuta/@tipo`.
    pub ricevuta: Option<String>,
    /// `dati/consegna`.
    pub consegna: Option<String>,
    /// `dati/ricezione`.
    pub ricezione: Vec<String>,
    /// `dati/errore-esteso`.
    pub errore_esteso: Option<String>,
    /// Set when the XML was not well-formed and fields were recovered one by one.
    pub malformed: Option<String>,
    /// Fields that could not be read.
    pub field_errors: Vec<FieldError>,
    /// Elements the DTD allows once that occur more than once (a second `<postacert>`
    /// root included), as `parent/name`: the document is ambiguous (issue #13).
    #[serde(skip)]
    pub duplicated: Vec<String>,
    /// The declared encoding.
    pub encoding: String,
    /// Which [`SINGLETONS`] were met, one bit each, while reading.
    #[serde(skip)]
    seen_singletons: u32,
}

impl DatiCert {
    /// Required DTD elements that are missing.
    pub fn missing_required(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if self.tipo.as_deref().is_none_or(str::is_empty) {
            missing.push("tipo");
        }
        if self.mittente.is_none() {
            missing.push("mittente");
        }
        if self.destinatari.is_empty() {
            missing.push("destinatari");
        }
        if self.gestore_emittente.is_none() {
            missing.push("gestore-emittente");
        }
        if self.data.is_none() && !self.field_errors.iter().any(|f| f.field == "data") {
            missing.push("data");
        }
        if self.identificativo.is_none() {
            missing.push("identificativo");
        }
        missing
    }
}

/// Cheap sniff: `<postacert` near the start (after BOM, declaration, comments, DOCTYPE).
pub fn looks_like_daticert(bytes: &[u8]) -> bool {
    static POSTACERT: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"<postacert"));
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    POSTACERT.find(head).is_some()
}

/// Decodes the document to text according to its declaration.
fn decode_text(bytes: &[u8]) -> (String, String) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = String::from_utf8_lossy(bytes.get(..bytes.len().min(200)).unwrap_or(bytes))
        .to_ascii_lowercase();
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
        cow.into_owned()
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    };
    (text, declared.to_ascii_uppercase())
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

#[derive(Debug)]
enum StrictError {
    Xml(String),
    Entity(String),
}

fn set_field<P: AsRef<str>, A: AsRef<str>>(
    d: &mut DatiCert,
    path: &[P],
    attrs: &[(A, A)],
    text: &str,
) {
    let name = path.last().map(AsRef::as_ref).unwrap_or("");
    let parent =
        path.len().checked_sub(2).and_then(|i| path.get(i)).map(AsRef::as_ref).unwrap_or("");
    let text = text.trim().to_string();
    match (parent, name) {
        ("intestazione", "mittente") => d.mittente = Some(text),
        ("intestazione", "destinatari") => {
            let tipo = attr_value(attrs, "tipo").unwrap_or_else(|| "certificato".into());
            d.destinatari.push(Destinatario { address: text, tipo });
        }
        ("intestazione", "risposte") => d.risposte = Some(text),
        ("intestazione", "oggetto") => d.oggetto = Some(text),
        ("dati", "gestore-emittente") => d.gestore_emittente = Some(text),
        ("dati", "identificativo") => d.identificativo = Some(text),
        ("dati", "msgid") => d.msgid = Some(text),
        ("dati", "consegna") => d.consegna = Some(text),
        ("dati", "ricezione") => d.ricezione.push(text),
        ("dati", "errore-esteso") => d.errore_esteso = Some(text),
        _ => {}
    }
}

fn attr_value<A: AsRef<str>>(attrs: &[(A, A)], key: &str) -> Option<String> {
    attrs.iter().find(|(k, _)| k.as_ref() == key).map(|(_, v)| v.as_ref().to_string())
}

fn finish_data(
    d: &mut DatiCert,
    zona: Option<String>,
    giorno: Option<String>,
    ora: Option<String>,
) {
    match (zona, giorno, ora) {
        (Some(z), Some(g), Some(o)) => match CertifiedTime::parse(&z, &g, &o) {
            Ok(t) => d.data = Some(t),
            Err(message) => d.field_errors.push(FieldError { field: "data".into(), message }),
        },
        (None, None, None) => {}
        (z, g, o) => {
            let mut missing = Vec::new();
            if z.is_none() {
                missing.push("zona");
            }
            if g.is_none() {
                missing.push("giorno");
            }
            if o.is_none() {
                missing.push("ora");
            }
            d.field_errors.push(FieldError {
                field: "data".into(),
                message: format!("missing {}", missing.join(", ")),
            });
        }
    }
}

fn attrs_of(e: &quick_xml::events::BytesStart<'_>) -> Result<Vec<(String, String)>, StrictError> {
    let mut out = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| StrictError::Xml(err.to_string()))?;
        let key = a.key.as_ref().to_string();
        let value = a.normalized_value(XmlVersion::Implicit1_0).map_err(|err| {
            let msg = err.to_string();
            if msg.contains("entity") { StrictError::Entity(msg) } else { StrictError::Xml(msg) }
        })?;
        out.push((key, value.into_owned()));
    }
    Ok(out)
}

/// The fast path for the plain XML that providers write: elements, attributes in quotes,
/// text with the five entities and character references, comments, and the declaration.
/// It reads the document exactly as [`parse_strict`] does (same events, same field rules),
/// and gives up with `None` on anything else (DOCTYPE, CDATA, CR, attribute values to
/// normalise, a mismatched or unclosed element, no root), which then goes through
/// quick-xml for its full checks and messages. A test compares the two on every daticert
/// of the samples and the corpus, and on mutations of them.
fn parse_simple(text: &str) -> Option<DatiCert> {
    let mut d = DatiCert::default();
    let mut path: Vec<&str> = Vec::new();
    let mut attrs_stack: Vec<Vec<(&str, &str)>> = Vec::new();
    let mut buf_text = String::new();
    let (mut zona, mut giorno, mut ora) = (None, None, None);
    let mut saw_root = false;
    let mut rest = text;
    while !rest.is_empty() {
        let Some(lt) = memchr::memchr(b'<', rest.as_bytes()) else {
            push_text(&mut buf_text, rest)?;
            break;
        };
        push_text(&mut buf_text, rest.get(..lt)?)?;
        let markup = rest.get(lt..)?;
        if let Some(comment) = markup.strip_prefix("<!--") {
            rest = comment.get(comment.find("-->")? + 3..)?;
            continue;
        }
        if let Some(pi) = markup.strip_prefix("<?") {
            rest = pi.get(pi.find("?>")? + 2..)?;
            continue;
        }
        let gt = memchr::memchr(b'>', markup.as_bytes())?;
        let tag = markup.get(1..gt)?;
        rest = markup.get(gt + 1..)?;
        if let Some(end_name) = tag.strip_prefix('/') {
            if path.last() != Some(&end_name) {
                return None;
            }
            let attrs = attrs_stack.pop().unwrap_or_default();
            match end_name {
                "giorno" => giorno = Some(buf_text.trim().to_string()),
                "ora" => ora = Some(buf_text.trim().to_string()),
                _ => set_field(&mut d, &path, &attrs, &buf_text),
            }
            buf_text.clear();
            path.pop();
            continue;
        }
        let (tag, empty) = match tag.strip_suffix('/') {
            Some(t) => (t, true),
            None => (tag, false),
        };
        let name_end = tag.find(|c: char| c.is_ascii_whitespace()).unwrap_or(tag.len());
        let name = tag.get(..name_end)?;
        if name.is_empty()
            || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b))
        {
            return None;
        }
        let attrs = simple_attrs(tag.get(name_end..)?)?;
        start_element(&mut d, name, &attrs, &path, &mut zona, &mut saw_root);
        path.push(name);
        if empty {
            set_field(&mut d, &path, &attrs, "");
            path.pop();
        } else {
            attrs_stack.push(attrs);
            buf_text.clear();
        }
    }
    if !saw_root || !path.is_empty() {
        return None;
    }
    finish_data(&mut d, zona, giorno, ora);
    Some(d)
}

/// The five entities XML predefines; every other entity is refused.
fn predefined_entity(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ => return None,
    })
}

/// Text with the five entities and character references resolved; `None` for anything
/// [`parse_simple`] leaves to quick-xml (CR, which XML turns into LF; other references).
fn push_text(out: &mut String, raw: &str) -> Option<()> {
    if raw.contains('\r') {
        return None;
    }
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp)?);
        let after = rest.get(amp + 1..)?;
        let semi = after.find(';')?;
        let name = after.get(..semi)?;
        let c = match predefined_entity(name) {
            Some(c) => c,
            None => {
                let num = name.strip_prefix('#')?;
                let code = match num.strip_prefix('x') {
                    Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                        u32::from_str_radix(hex, 16).ok()?
                    }
                    None if !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()) => {
                        num.parse().ok()?
                    }
                    _ => return None,
                };
                // XML 1.0 Char: no NUL or other C0 controls but tab and line feed.
                let c = char::from_u32(code)?;
                if c < ' ' && c != '\t' && c != '\n' {
                    return None;
                }
                c
            }
        };
        out.push(c);
        rest = after.get(semi + 1..)?;
    }
    out.push_str(rest);
    Some(())
}

/// `name="value"` pairs separated by white space, values without references or characters
/// that attribute normalisation would change; no duplicates.
fn simple_attrs(mut rest: &str) -> Option<Vec<(&str, &str)>> {
    let mut attrs: Vec<(&str, &str)> = Vec::new();
    loop {
        let trimmed = rest.trim_start_matches([' ', '\n', '\t']);
        if trimmed.is_empty() {
            return Some(attrs);
        }
        if trimmed.len() == rest.len() && !attrs.is_empty() {
            return None; // no white space between attributes
        }
        let eq = trimmed.find('=')?;
        let key = trimmed.get(..eq)?;
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b))
        {
            return None;
        }
        let after = trimmed.get(eq + 1..)?;
        let quote = after.chars().next().filter(|&q| q == '"' || q == '\'')?;
        let inner = after.get(1..)?;
        let close = inner.find(quote)?;
        let value = inner.get(..close)?;
        if value.contains(['&', '<', '\t', '\n', '\r']) || attrs.iter().any(|(k, _)| *k == key) {
            return None;
        }
        attrs.push((key, value));
        rest = inner.get(close + 1..)?;
    }
}

fn parse_strict(text: &str) -> Result<DatiCert, StrictError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut d = DatiCert::default();
    let mut path: Vec<String> = Vec::new();
    let mut attrs_stack: Vec<Vec<(String, String)>> = Vec::new();
    let mut buf_text = String::new();
    let (mut zona, mut giorno, mut ora) = (None, None, None);
    let mut saw_root = false;
    loop {
        match reader.read_event() {
            Err(e) => {
                return Err(StrictError::Xml(format!("{e} at byte {}", reader.error_position())));
            }
            Ok(Event::Eof) => break,
            Ok(Event::DocType(dt)) => {
                if dt.as_ref().contains("<!ENTITY") {
                    return Err(StrictError::Entity("(internal subset)".into()));
                }
            }
            Ok(Event::Start(e)) => {
                let name = e.name().as_ref().to_string();
                let attrs = attrs_of(&e)?;
                start_element(&mut d, &name, &attrs, &path, &mut zona, &mut saw_root);
                path.push(name);
                attrs_stack.push(attrs);
                buf_text.clear();
            }
            Ok(Event::Empty(e)) => {
                let name = e.name().as_ref().to_string();
                let attrs = attrs_of(&e)?;
                start_element(&mut d, &name, &attrs, &path, &mut zona, &mut saw_root);
                path.push(name);
                set_field(&mut d, &path, &attrs, "");
                path.pop();
            }
            Ok(Event::Text(t)) => buf_text.push_str(&t.xml_content(XmlVersion::Implicit1_0)),
            Ok(Event::CData(t)) => buf_text.push_str(&t.xml_content(XmlVersion::Implicit1_0)),
            Ok(Event::GeneralRef(r)) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    Ok(None) => predefined_entity(r.as_ref())
                        .ok_or_else(|| StrictError::Entity(r.as_ref().to_string()))?,
                    Err(e) => return Err(StrictError::Xml(e.to_string())),
                };
                buf_text.push(resolved);
            }
            Ok(Event::End(_)) => {
                let attrs = attrs_stack.pop().unwrap_or_default();
                let name = path.last().cloned().unwrap_or_default();
                match name.as_str() {
                    "giorno" => giorno = Some(buf_text.trim().to_string()),
                    "ora" => ora = Some(buf_text.trim().to_string()),
                    _ => set_field(&mut d, &path, &attrs, &buf_text),
                }
                buf_text.clear();
                path.pop();
            }
            Ok(_) => {}
        }
    }
    if !saw_root {
        return Err(StrictError::Xml("no <postacert> root element".into()));
    }
    if !path.is_empty() {
        return Err(StrictError::Xml(format!("unclosed element <{}>", path.join("/"))));
    }
    finish_data(&mut d, zona, giorno, ora);
    Ok(d)
}

/// The elements the DTD allows at most once, as (parent, name); the root's parent is "".
/// `destinatari` and `ricezione` may repeat.
const SINGLETONS: [(&str, &str); 15] = [
    ("", "postacert"),
    ("postacert", "intestazione"),
    ("postacert", "dati"),
    ("intestazione", "mittente"),
    ("intestazione", "risposte"),
    ("intestazione", "oggetto"),
    ("dati", "gestore-emittente"),
    ("dati", "data"),
    ("data", "giorno"),
    ("data", "ora"),
    ("dati", "identificativo"),
    ("dati", "msgid"),
    ("dati", "ricevuta"),
    ("dati", "consegna"),
    ("dati", "errore-esteso"),
];

fn start_element<P: AsRef<str>, A: AsRef<str>>(
    d: &mut DatiCert,
    name: &str,
    attrs: &[(A, A)],
    path: &[P],
    zona: &mut Option<String>,
    saw_root: &mut bool,
) {
    let get = |k: &str| attr_value(attrs, k);
    let parent = path.last().map(AsRef::as_ref).unwrap_or("");
    if let Some(i) = SINGLETONS.iter().position(|&(p, n)| p == parent && n == name) {
        let bit = 1u32 << i;
        if d.seen_singletons & bit != 0 {
            let what =
                if parent.is_empty() { name.to_string() } else { format!("{parent}/{name}") };
            if !d.duplicated.contains(&what) {
                d.duplicated.push(what);
            }
        }
        d.seen_singletons |= bit;
    }
    match name {
        "postacert" if path.is_empty() => {
            *saw_root = true;
            d.tipo = get("tipo");
            d.errore = get("errore").unwrap_or_else(|| "nessuno".into());
        }
        "data" => *zona = get("zona"),
        "ricevuta" => d.ricevuta = get("tipo"),
        _ => {}
    }
}

/// Field-by-field recovery for XML that is not well-formed: for each known element, the text
/// between `<name ...>` and the next `</name>`, with the five entities resolved.
fn parse_tolerant(text: &str) -> DatiCert {
    let mut d = DatiCert { errore: "nessuno".into(), ..DatiCert::default() };
    if let Some(attrs) = open_tag_attrs(text, "postacert") {
        d.tipo = attr(&attrs, "tipo");
        d.errore = attr(&attrs, "errore").unwrap_or_else(|| "nessuno".into());
    }
    d.mittente = elements(text, "mittente").into_iter().next().map(|(_, t)| t);
    d.destinatari = elements(text, "destinatari")
        .into_iter()
        .map(|(a, t)| Destinatario {
            address: t,
            tipo: attr(&a, "tipo").unwrap_or_else(|| "certificato".into()),
        })
        .collect();
    let first = |name: &str| elements(text, name).into_iter().next().map(|(_, t)| t);
    d.risposte = first("risposte");
    d.oggetto = first("oggetto");
    d.gestore_emittente = first("gestore-emittente");
    d.identificativo = first("identificativo");
    d.msgid = first("msgid");
    d.consegna = first("consegna");
    d.errore_esteso = first("errore-esteso");
    d.ricezione = elements(text, "ricezione").into_iter().map(|(_, t)| t).collect();
    d.ricevuta = open_tag_attrs(text, "ricevuta").and_then(|a| attr(&a, "tipo"));
    let zona = open_tag_attrs(text, "data").and_then(|a| attr(&a, "zona"));
    finish_data(&mut d, zona, first("giorno"), first("ora"));
    d
}

fn resolve_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let after = rest.get(i..).unwrap_or("");
        let end = after.find(';').filter(|&e| e <= 12);
        let replaced = end.and_then(|e| {
            let name = after.get(1..e)?;
            let c = match predefined_entity(name) {
                Some(c) => c,
                None => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, e))
        });
        match replaced {
            Some((c, e)) => {
                out.push(c);
                rest = after.get(e + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// The attribute text of the first `<name ...>` tag.
fn open_tag_attrs(text: &str, name: &str) -> Option<String> {
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|t| t.find(&open)) {
        let start = from + i + open.len();
        let next = text.get(start..)?.chars().next()?;
        if next.is_whitespace() || next == '>' || next == '/' {
            let end = text.get(start..)?.find('>')?;
            return Some(text.get(start..start + end)?.trim_end_matches('/').to_string());
        }
        from = start;
    }
    None
}

fn attr(attrs: &str, name: &str) -> Option<String> {
    let key = format!("{name}=");
    let mut from = 0;
    while let Some(i) = attrs.get(from..).and_then(|a| a.find(&key)) {
        let at = from + i;
        let boundary = at == 0
            || attrs.get(..at).and_then(|p| p.chars().last()).is_some_and(char::is_whitespace);
        let rest = attrs.get(at + key.len()..)?;
        if boundary {
            let quote = rest.chars().next()?;
            if quote == '"' || quote == '\'' {
                let inner = rest.get(1..)?;
                let end = inner.find(quote)?;
                return Some(resolve_entities(inner.get(..end)?));
            }
        }
        from = at + key.len();
    }
    None
}

/// Every `<name ...>text</name>`: (attributes, text). The text runs to the first `</name>`, so
/// an unescaped `<` inside it does not cut it short.
fn elements(text: &str, name: &str) -> Vec<(String, String)> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|t| t.find(&open)) {
        let start = from + i + open.len();
        let Some(next) = text.get(start..).and_then(|t| t.chars().next()) else { break };
        if !(next.is_whitespace() || next == '>') {
            from = start;
            continue;
        }
        let Some(gt) = text.get(start..).and_then(|t| t.find('>')) else { break };
        let attrs = text.get(start..start + gt).unwrap_or("").to_string();
        let body_start = start + gt + 1;
        let Some(end) = text.get(body_start..).and_then(|t| t.find(&close)) else { break };
        let body = text.get(body_start..body_start + end).unwrap_or("");
        out.push((attrs, resolve_entities(body.trim())));
        from = body_start + end + close.len();
    }
    out
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    const FULL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<postacert tipo="avvenuta-consegna" errore="nessuno">
  <intestazione>
    <mittente>ufficio.legale@pec.studio-rossi.example</mittente>
    <destinatari tipo="certificato">protocollo@pec.comune-esempio.example</destinatari>
    <destinatari tipo="esterno">segreteria@studio-rossi.example</destinatari>
    <risposte>ufficio.legale@pec.studio-rossi.example</risposte>
    <oggetto>Diffida ad adempiere - pratica 2025/118 (è urgente) &amp; altro</oggetto>
  </intestazione>
  <dati>
    <gestore-emittente>Gestore Esempio PEC S.p.A.</gestore-emittente>
    <data zona="+0200">
      <giorno>07/10/2025</giorno>
      <ora>09:41:27</ora>
    </data>
    <identificativo>gx12.20251007094125.4412.7.1.3@pec.gestore-esempio.example</identificativo>
    <msgid>&lt;8f3c2a71@client.studio-rossi.example&gt;</msgid>
    <ricevuta tipo="breve"/>
    <consegna>protocollo@pec.comune-esempio.example</consegna>
    <ricezione>a@x.example</ricezione>
    <ricezione>b@x.example</ricezione>
    <errore-esteso>5.1.1 &#x2013; casella inesistente</errore-esteso>
  </dati>
</postacert>"#;

    fn p(s: &[u8]) -> Result<DatiCert, DaticertError> {
        parse(s, &Limits::default())
    }

    #[test]
    fn every_element_and_attribute_is_read() {
        let d = p(FULL.as_bytes()).unwrap();
        assert_eq!(d.tipo.as_deref(), Some("avvenuta-consegna"));
        assert_eq!(d.errore, "nessuno");
        assert_eq!(d.mittente.as_deref(), Some("ufficio.legale@pec.studio-rossi.example"));
        assert_eq!(
            d.destinatari,
            vec![
                Destinatario {
                    address: "protocollo@pec.comune-esempio.example".into(),
                    tipo: "certificato".into()
                },
                Destinatario {
                    address: "segreteria@studio-rossi.example".into(),
                    tipo: "esterno".into()
                },
            ]
        );
        assert_eq!(d.risposte.as_deref(), Some("ufficio.legale@pec.studio-rossi.example"));
        assert_eq!(
            d.oggetto.as_deref(),
            Some("Diffida ad adempiere - pratica 2025/118 (è urgente) & altro")
        );
        assert_eq!(d.gestore_emittente.as_deref(), Some("Gestore Esempio PEC S.p.A."));
        let t = d.data.as_ref().unwrap();
        assert_eq!(t.rfc3339_local(), "2025-10-07T09:41:27+02:00");
        assert_eq!(t.rfc3339_utc(), "2025-10-07T07:41:27Z");
        assert_eq!(
            d.identificativo.as_deref(),
            Some("gx12.20251007094125.4412.7.1.3@pec.gestore-esempio.example")
        );
        assert_eq!(d.msgid.as_deref(), Some("<8f3c2a71@client.studio-rossi.example>"));
        assert_eq!(d.ricevuta.as_deref(), Some("breve"));
        assert_eq!(d.consegna.as_deref(), Some("protocollo@pec.comune-esempio.example"));
        assert_eq!(d.ricezione, vec!["a@x.example", "b@x.example"]);
        assert_eq!(d.errore_esteso.as_deref(), Some("5.1.1 – casella inesistente"));
        assert!(d.malformed.is_none());
        assert!(d.missing_required().is_empty());
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn defaults_apply() {
        let x = b"<postacert tipo=\"accettazione\"><intestazione><mittente>a@b</mittente><destinatari>c@d</destinatari><risposte>a@b</risposte></intestazione><dati><gestore-emittente>G</gestore-emittente><data zona=\"+0100\"><giorno>1/2/2014</giorno><ora>10:00</ora></data><identificativo>i</identificativo></dati></postacert>";
        let d = p(x).unwrap();
        assert_eq!(d.errore, "nessuno");
        assert_eq!(d.destinatari[0].tipo, "certificato");
        assert_eq!(d.data.unwrap().rfc3339_utc(), "2014-02-01T09:00:00Z");
    }

    #[test]
    fn bom_and_latin1() {
        let mut x = b"\xEF\xBB\xBF".to_vec();
        x.extend_from_slice(b"<postacert tipo=\"accettazione\"><intestazione><oggetto>ok</oggetto></intestazione></postacert>");
        assert_eq!(p(&x).unwrap().oggetto.as_deref(), Some("ok"));
        let latin = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><postacert tipo=\"accettazione\"><intestazione><oggetto>perch\xE9</oggetto></intestazione></postacert>";
        let d = p(latin).unwrap();
        assert_eq!(d.oggetto.as_deref(), Some("perché"));
        assert_eq!(d.encoding, "ISO-8859-1");
    }

    #[test]
    fn doctype_is_accepted_but_entities_are_refused() {
        let ok = b"<?xml version=\"1.0\"?><!DOCTYPE postacert SYSTEM \"https://example.com/postacert.dtd\"><postacert tipo=\"accettazione\"/>";
        assert_eq!(p(ok).unwrap().tipo.as_deref(), Some("accettazione"));
        let bomb = b"<?xml version=\"1.0\"?><!DOCTYPE postacert [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><postacert tipo=\"accettazione\"><intestazione><oggetto>&c;</oggetto></intestazione></postacert>";
        assert!(matches!(p(bomb), Err(DaticertError::ForbiddenEntity(_))));
        let undefined = b"<postacert tipo=\"accettazione\"><intestazione><oggetto>&xxe;</oggetto></intestazione></postacert>";
        assert_eq!(p(undefined), Err(DaticertError::ForbiddenEntity("xxe".into())));
    }

    #[test]
    fn unescaped_lt_in_msgid_is_recovered_and_marked() {
        let x = FULL.replace(
            "&lt;8f3c2a71@client.studio-rossi.example&gt;",
            "<8f3c2a71@client.studio-rossi.example>",
        );
        let d = p(x.as_bytes()).unwrap();
        assert!(d.malformed.is_some());
        assert_eq!(d.msgid.as_deref(), Some("<8f3c2a71@client.studio-rossi.example>"));
        assert_eq!(d.tipo.as_deref(), Some("avvenuta-consegna"));
        assert_eq!(d.destinatari.len(), 2);
        assert_eq!(d.data.unwrap().rfc3339_utc(), "2025-10-07T07:41:27Z");
    }

    #[test]
    fn repeated_singletons_and_roots_are_recorded() {
        let doc = FULL.replace("<mittente>", "<mittente>falso@pec.example</mittente><mittente>");
        let d = p(doc.as_bytes()).unwrap();
        assert_eq!(d.duplicated, ["intestazione/mittente"]);
        let two_roots = format!("{FULL}<postacert tipo=\"accettazione\" errore=\"nessuno\"/>");
        let d = parse_strict(&two_roots).unwrap();
        assert_eq!(d.duplicated, ["postacert"]);
        assert_eq!(parse_simple(&two_roots).unwrap().duplicated, ["postacert"]);
        let data = FULL.replace("</dati>", "<identificativo>altro</identificativo></dati>");
        assert_eq!(p(data.as_bytes()).unwrap().duplicated, ["dati/identificativo"]);
        // Repeatable elements are not duplicates.
        assert!(p(FULL.as_bytes()).unwrap().duplicated.is_empty());
    }

    #[test]
    fn bad_date_is_a_field_error() {
        let x = FULL.replace("07/10/2025", "31/02/2025");
        let d = p(x.as_bytes()).unwrap();
        assert!(d.data.is_none());
        assert_eq!(d.field_errors.len(), 1);
        assert_eq!(d.field_errors[0].field, "data");
        let x = FULL.replace("+0200", "CEST");
        assert!(p(x.as_bytes()).unwrap().data.is_none());
    }

    #[test]
    fn limits_and_non_daticert() {
        let limits = Limits { max_daticert_bytes: 10, ..Limits::default() };
        assert!(matches!(parse(FULL.as_bytes(), &limits), Err(DaticertError::TooLarge { .. })));
        assert_eq!(p(b"<other/>"), Err(DaticertError::NotDaticert));
    }

    #[test]
    fn zona_forms() {
        assert_eq!(parse_zona("+0100"), Some(3600));
        assert_eq!(parse_zona("+01:00"), Some(3600));
        assert_eq!(parse_zona("-0500"), Some(-18000));
        assert_eq!(parse_zona("+02"), Some(7200));
        assert_eq!(parse_zona("x"), None);
        assert_eq!(parse_zona("+9900"), None);
    }

    /// Every daticert.xml in the samples (and the real corpus, when present).
    #[allow(clippy::print_stderr)] // the skip message for a missing corpus
    fn real_daticerts() -> Vec<(String, Vec<u8>)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![root.join("samples"), root.join("samples/forged")];
        let corpus = root.join("../shared/corpus");
        if corpus.join("INDEX.tsv").exists() {
            dirs.push(corpus);
        } else {
            eprintln!("SKIP: {} is absent; samples only", corpus.display());
        }
        let mut out = Vec::new();
        for dir in dirs {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_none_or(|e| e != "eml") {
                    continue;
                }
                let Ok(artefact) =
                    crate::read::read(std::fs::read(&path).unwrap(), &Limits::default())
                else {
                    continue;
                };
                let raw = artefact.content.as_ref().and_then(|c| c.daticert_raw.clone());
                if let Some(raw) = raw {
                    out.push((path.display().to_string(), raw));
                }
            }
        }
        out
    }

    /// The fast path reads real daticerts, and whatever it reads, it reads exactly as the
    /// quick-xml path does: on every real daticert and on thousands of mutations of them
    /// (markup, entities, CR, CDATA and quotes inserted all along the text).
    #[test]
    fn simple_reader_agrees_with_quick_xml() {
        let docs = real_daticerts();
        assert!(docs.len() >= 20, "only {} daticerts found", docs.len());
        let inserts = [
            "&",
            "&amp;",
            "&lt;",
            "&#65;",
            "&#x42;",
            "&#0;",
            "&bogus;",
            "<",
            ">",
            "/>",
            "</x>",
            "\r",
            "\r\n",
            "<!-- c -->",
            "<!--",
            "<?pi x?>",
            "<![CDATA[z]]>",
            "\"",
            "'",
            " ",
            "=",
            "é",
            "<x a='1'>t</x>",
            "<x a=\"1\" a=\"2\"/>",
            "<!DOCTYPE d>",
            "\t",
            "<mittente>x@y</mittente>",
            "<oggetto>o</oggetto>",
            "<identificativo>i</identificativo>",
            "<postacert tipo=\"errore\"/>",
        ];
        let (mut fast, mut checked) = (0, 0);
        for (name, raw) in &docs {
            let (text, _) = decode_text(raw);
            let simple = parse_simple(&text);
            assert!(simple.is_some(), "{name}: the fast path refused a real daticert");
            assert_eq!(simple, parse_strict(&text).ok(), "{name}");
            let step = (text.len() / 60).max(1);
            for at in (0..text.len()).step_by(step).filter(|&i| text.is_char_boundary(i)) {
                for insert in inserts {
                    let mutated = format!("{}{insert}{}", &text[..at], &text[at..]);
                    if let Some(d) = parse_simple(&mutated) {
                        fast += 1;
                        assert_eq!(
                            Some(d),
                            parse_strict(&mutated).ok(),
                            "{name} + {insert:?} at {at}"
                        );
                    }
                    checked += 1;
                }
            }
        }
        // The mutations must exercise both outcomes, or the comparison proves little.
        assert!(fast > checked / 10 && fast < checked, "{fast} of {checked} read by the fast path");
    }
}
