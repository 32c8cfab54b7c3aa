//! What daticert.xml says, as read.

use serde::{Deserialize, Serialize};

/// One `<destinatari>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// What the element holds, as written.
    pub written: String,
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
        rfc3339_at(self.utc, self.offset_seconds)
    }

    /// RFC 3339 in UTC, e.g. "2014-11-14T17:26:32Z".
    pub fn rfc3339_utc(&self) -> String {
        self.utc.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
    }

    /// The instant as JSON writes it (`data`: RFC 3339 with the daticert's offset), with
    /// `zona`, `giorno` and `ora` as the daticert would write them.
    pub fn from_rfc3339(written: &str) -> Result<CertifiedTime, String> {
        let bad = || format!("bad certified time {written:?}");
        let (date, rest) = written.split_once('T').ok_or_else(bad)?;
        let (ora, offset) = rest.split_at_checked(8).ok_or_else(bad)?;
        let mut ymd = date.splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (ymd.next(), ymd.next(), ymd.next()) else {
            return Err(bad());
        };
        let zona = if offset == "Z" { "+0000".to_string() } else { offset.replace(':', "") };
        CertifiedTime::parse(&zona, &format!("{d}/{m}/{y}"), ora)
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

/// `utc` as RFC 3339 at an offset of `offset_seconds`, e.g. "2014-11-14T18:26:32+01:00".
pub fn rfc3339_at(utc: jiff::Timestamp, offset_seconds: i32) -> String {
    let offset = jiff::tz::Offset::from_seconds(offset_seconds).unwrap_or(jiff::tz::Offset::UTC);
    utc.to_zoned(offset.to_time_zone()).strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// "+0100", "+01:00", "-0500", "+01" → seconds east of UTC.
pub(super) fn parse_zona(zona: &str) -> Option<i32> {
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

/// The parsed daticert.xml. Serialised as reports show it (`certified` in JSON): every field,
/// the time as `data` (with its offset) and `data_utc`; what only the readers use is left
/// out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
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
    pub duplicated: Vec<String>,
    /// The declared encoding.
    pub encoding: String,
    /// Which of the elements allowed once (`fields::singleton_index`) were met, one bit each, while reading.
    pub(super) seen_singletons: u32,
}

impl Serialize for DatiCert {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut m = s.serialize_struct("DatiCert", 16)?;
        m.serialize_field("tipo", &self.tipo)?;
        m.serialize_field("errore", &self.errore)?;
        m.serialize_field("mittente", &self.mittente)?;
        m.serialize_field("destinatari", &self.destinatari)?;
        m.serialize_field("risposte", &self.risposte)?;
        m.serialize_field("oggetto", &self.oggetto)?;
        m.serialize_field("gestore_emittente", &self.gestore_emittente)?;
        m.serialize_field("data", &self.data.as_ref().map(CertifiedTime::rfc3339_local))?;
        m.serialize_field("data_utc", &self.data.as_ref().map(CertifiedTime::rfc3339_utc))?;
        m.serialize_field("identificativo", &self.identificativo)?;
        m.serialize_field("msgid", &self.msgid)?;
        m.serialize_field("ricevuta", &self.ricevuta)?;
        m.serialize_field("consegna", &self.consegna)?;
        m.serialize_field("ricezione", &self.ricezione)?;
        m.serialize_field("errore_esteso", &self.errore_esteso)?;
        m.serialize_field("malformed", &self.malformed)?;
        m.end()
    }
}

/// What `certified` holds in JSON, read back (`evidence` over `verify --format jsonl`).
#[derive(Deserialize)]
struct Written {
    tipo: Option<String>,
    errore: String,
    mittente: Option<String>,
    destinatari: Vec<Destinatario>,
    risposte: Option<String>,
    oggetto: Option<String>,
    gestore_emittente: Option<String>,
    data: Option<String>,
    identificativo: Option<String>,
    msgid: Option<String>,
    ricevuta: Option<String>,
    consegna: Option<String>,
    ricezione: Vec<String>,
    errore_esteso: Option<String>,
    malformed: Option<String>,
}

impl<'de> Deserialize<'de> for DatiCert {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let w = Written::deserialize(d)?;
        let data = match w.data.as_deref() {
            Some(written) => Some(CertifiedTime::from_rfc3339(written).map_err(D::Error::custom)?),
            None => None,
        };
        Ok(DatiCert {
            tipo: w.tipo,
            errore: w.errore,
            mittente: w.mittente,
            destinatari: w.destinatari,
            risposte: w.risposte,
            oggetto: w.oggetto,
            gestore_emittente: w.gestore_emittente,
            data,
            identificativo: w.identificativo,
            msgid: w.msgid,
            ricevuta: w.ricevuta,
            consegna: w.consegna,
            ricezione: w.ricezione,
            errore_esteso: w.errore_esteso,
            malformed: w.malformed,
            ..DatiCert::default()
        })
    }
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
