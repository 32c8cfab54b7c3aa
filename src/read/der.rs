//! A minimal BER/DER reader that keeps raw slices.
//!
//! Signatures are computed over exact bytes: the signed attributes as encoded (docs/crypto-notes.md
//! P5: decoding a SET OF re-sorts it), the `tbsCertificate` as encoded, and the eContent of a
//! constructed BER OCTET STRING joined chunk by chunk (P4). This reader hands out those
//! slices. It accepts BER indefinite lengths (streamed `.p7m`, P3) and bounds recursion.
#![deny(clippy::indexing_slicing)]

use std::borrow::Cow;

use const_oid::ObjectIdentifier;
use thiserror::Error;

/// Deepest nesting walked through indefinite lengths.
const MAX_DEPTH: usize = 64;

/// A decoding failure with the offset where it happened.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
#[error("{what} at byte {offset}")]
pub struct DerError {
    /// What went wrong.
    pub what: &'static str,
    /// Offset in the buffer given to [`Reader::new`].
    pub offset: usize,
}

/// One tag-length-value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tlv<'a> {
    /// The identifier octet (only single-octet tags are used in CMS and X.509).
    pub tag: u8,
    /// The contents (for an indefinite length: everything between the header and the
    /// end-of-contents octets).
    pub value: &'a [u8],
    /// The whole encoding: header, contents and end-of-contents.
    pub raw: &'a [u8],
    /// Offset of `raw` in the outer buffer.
    pub offset: usize,
}

impl<'a> Tlv<'a> {
    /// A reader over the contents of a constructed value.
    pub fn children(&self) -> Reader<'a> {
        Reader {
            data: self.value,
            pos: 0,
            base: self.offset + (self.raw.len() - self.value.len()).min(self.raw.len()),
        }
    }
}

/// Sequential reader over concatenated TLVs.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    base: usize,
}

impl<'a> Reader<'a> {
    /// A reader over `data`.
    pub fn new(data: &'a [u8]) -> Reader<'a> {
        Reader { data, pos: 0, base: 0 }
    }

    /// Whether everything was read. An indefinite-length value ends before its
    /// end-of-contents octets (see `read_at_depth`), so `00 00` met here is data: inside a
    /// definite length it would otherwise end a SET early and hide what follows (review 19:
    /// a second signer behind it).
    pub fn is_empty(&self) -> bool {
        self.data.get(self.pos..).unwrap_or_default().is_empty()
    }

    /// The bytes not read yet.
    pub fn rest(&self) -> &'a [u8] {
        self.data.get(self.pos..).unwrap_or_default()
    }

    fn err(&self, what: &'static str) -> DerError {
        DerError { what, offset: self.base + self.pos }
    }

    /// The tag of the next TLV without consuming it.
    pub fn peek_tag(&self) -> Option<u8> {
        self.data.get(self.pos).copied().filter(|_| !self.is_empty())
    }

    /// Reads the next TLV.
    pub fn read(&mut self) -> Result<Tlv<'a>, DerError> {
        self.read_at_depth(0)
    }

    /// Reads the next TLV and checks its tag.
    pub fn expect(&mut self, tag: u8, what: &'static str) -> Result<Tlv<'a>, DerError> {
        let tlv = self.read()?;
        if tlv.tag != tag {
            return Err(DerError { what, offset: tlv.offset });
        }
        Ok(tlv)
    }

    /// Reads the next TLV if it has this tag.
    pub fn optional(&mut self, tag: u8) -> Result<Option<Tlv<'a>>, DerError> {
        if self.peek_tag() == Some(tag) { self.read().map(Some) } else { Ok(None) }
    }

    fn read_at_depth(&mut self, depth: usize) -> Result<Tlv<'a>, DerError> {
        if depth > MAX_DEPTH {
            return Err(self.err("nesting too deep"));
        }
        let start = self.pos;
        let tag = *self.data.get(start).ok_or_else(|| self.err("unexpected end of data"))?;
        if tag & 0x1F == 0x1F {
            return Err(self.err("multi-byte tags are not used here"));
        }
        let first = *self.data.get(start + 1).ok_or_else(|| self.err("truncated length"))?;
        let mut header = 2;
        let length: Option<usize> = if first < 0x80 {
            Some(usize::from(first))
        } else if first == 0x80 {
            None
        } else {
            let n = usize::from(first & 0x7F);
            if n > 4 {
                return Err(self.err("length too large"));
            }
            let bytes = self
                .data
                .get(start + 2..start + 2 + n)
                .ok_or_else(|| self.err("truncated length"))?;
            header += n;
            Some(bytes.iter().fold(0usize, |acc, &b| (acc << 8) | usize::from(b)))
        };
        let value_start = start + header;
        match length {
            Some(len) => {
                let end =
                    value_start.checked_add(len).ok_or_else(|| self.err("length overflow"))?;
                let value =
                    self.data.get(value_start..end).ok_or_else(|| self.err("truncated value"))?;
                let raw = self.data.get(start..end).ok_or_else(|| self.err("truncated value"))?;
                self.pos = end;
                Ok(Tlv { tag, value, raw, offset: self.base + start })
            }
            None => {
                if tag & 0x20 == 0 {
                    return Err(self.err("indefinite length on a primitive value"));
                }
                let mut inner = Reader { data: self.data, pos: value_start, base: self.base };
                loop {
                    let rest = inner.data.get(inner.pos..).unwrap_or_default();
                    if rest.starts_with(&[0, 0]) {
                        break;
                    }
                    if rest.is_empty() {
                        return Err(inner.err("missing end-of-contents"));
                    }
                    inner.read_at_depth(depth + 1)?;
                }
                let value_end = inner.pos;
                let end = value_end + 2;
                let value = self
                    .data
                    .get(value_start..value_end)
                    .ok_or_else(|| self.err("truncated value"))?;
                let raw = self.data.get(start..end).ok_or_else(|| self.err("truncated value"))?;
                self.pos = end;
                Ok(Tlv { tag, value, raw, offset: self.base + start })
            }
        }
    }
}

/// The bytes of an OCTET STRING, primitive (0x04) or constructed BER (0x24, chunks joined).
///
/// Constructed strings nest (X.690 §8.7.3); the walk is iterative with an explicit stack and
/// stops at [`MAX_DEPTH`] levels, so hostile nesting (issue #13: 20,000 levels in a 120 KB
/// file overflowed the stack) is an error, never a crash.
pub fn octet_string_bytes(tlv: &Tlv<'_>) -> Result<Vec<u8>, DerError> {
    match tlv.tag {
        0x04 => return Ok(tlv.value.to_vec()),
        0x24 => {}
        _ => return Err(DerError { what: "expected an OCTET STRING", offset: tlv.offset }),
    }
    let mut out = Vec::with_capacity(tlv.value.len());
    let mut stack = vec![tlv.children()];
    while let Some(reader) = stack.last_mut() {
        if reader.is_empty() {
            stack.pop();
            continue;
        }
        let chunk = reader.read()?;
        match chunk.tag {
            0x04 => out.extend_from_slice(chunk.value),
            0x24 if stack.len() >= MAX_DEPTH => {
                return Err(DerError {
                    what: "OCTET STRING nested too deep",
                    offset: chunk.offset,
                });
            }
            0x24 => stack.push(chunk.children()),
            _ => return Err(DerError { what: "expected an OCTET STRING", offset: chunk.offset }),
        }
    }
    Ok(out)
}

/// Tags used by CMS and X.509.
pub mod tag {
    /// INTEGER.
    pub const INTEGER: u8 = 0x02;
    /// BIT STRING.
    pub const BIT_STRING: u8 = 0x03;
    /// OCTET STRING.
    pub const OCTET_STRING: u8 = 0x04;
    /// OBJECT IDENTIFIER.
    pub const OID: u8 = 0x06;
    /// UTCTime.
    pub const UTC_TIME: u8 = 0x17;
    /// GeneralizedTime.
    pub const GENERALIZED_TIME: u8 = 0x18;
    /// SEQUENCE.
    pub const SEQUENCE: u8 = 0x30;
    /// SET.
    pub const SET: u8 = 0x31;
    /// [0] constructed.
    pub const CONTEXT_0: u8 = 0xA0;
    /// [1] constructed.
    pub const CONTEXT_1: u8 = 0xA1;
    /// [3] constructed.
    /// [0] primitive.
    pub const CONTEXT_0_PRIMITIVE: u8 = 0x80;
}

/// Parses UTCTime (RFC 5280 §4.1.2.5.1: YY < 50 is 20YY) or GeneralizedTime.
pub fn parse_time(tlv: &Tlv<'_>) -> Option<jiff::Timestamp> {
    let s = std::str::from_utf8(tlv.value).ok()?;
    let s = s.strip_suffix('Z')?;
    let (year, rest) = match tlv.tag {
        tag::UTC_TIME => {
            let yy: i16 = s.get(..2)?.parse().ok()?;
            (if yy < 50 { 2000 + yy } else { 1900 + yy }, s.get(2..)?)
        }
        tag::GENERALIZED_TIME => (s.get(..4)?.parse().ok()?, s.get(4..)?),
        _ => return None,
    };
    let num = |r: std::ops::Range<usize>| -> Option<i8> { rest.get(r)?.parse().ok() };
    let seconds = if rest.len() >= 10 { num(8..10)? } else { 0 };
    let dt = jiff::civil::DateTime::new(
        year,
        num(0..2)?,
        num(2..4)?,
        num(4..6)?,
        num(6..8)?,
        seconds,
        0,
    )
    .ok()?;
    dt.to_zoned(jiff::tz::TimeZone::UTC).ok().map(|z| z.timestamp())
}

/// The OID of a raw DER OBJECT IDENTIFIER value, dotted.
pub fn oid_string(value: &[u8]) -> Cow<'static, str> {
    // Every CMS attribute and algorithm goes through here: the OIDs of every signature are
    // looked up, other well-formed encodings decoded directly, and anything unusual left to
    // const-oid's checks.
    if let Some((_, dotted)) = COMMON_OIDS.iter().find(|(der, _)| *der == value) {
        return Cow::Borrowed(dotted);
    }
    Cow::Owned(oid_string_fast(value).unwrap_or_else(|| {
        ObjectIdentifier::from_bytes(value)
            .map(|o| o.to_string())
            .unwrap_or_else(|_| format!("(bad OID {})", hex::encode(value)))
    }))
}

/// The OIDs every PEC signature carries, as (DER value, dotted form); a test checks each
/// pair against the decoder.
const COMMON_OIDS: [(&[u8], &str); 12] = [
    (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01], "1.2.840.113549.1.7.1"),
    (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02], "1.2.840.113549.1.7.2"),
    (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x03], "1.2.840.113549.1.9.3"),
    (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x04], "1.2.840.113549.1.9.4"),
    (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x05], "1.2.840.113549.1.9.5"),
    (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x0f], "1.2.840.113549.1.9.15"),
    (
        &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x10, 0x02, 0x2f],
        "1.2.840.113549.1.9.16.2.47",
    ),
    (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01], "1.2.840.113549.1.1.1"),
    (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b], "1.2.840.113549.1.1.11"),
    (&[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01], "2.16.840.1.101.3.4.2.1"),
    (&[0x2b, 0x0e, 0x03, 0x02, 0x1a], "1.3.14.3.2.26"),
    (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05], "1.2.840.113549.1.1.5"),
];

/// Dotted form of a minimally encoded OID of at most 39 bytes with 32-bit arcs.
fn oid_string_fast(value: &[u8]) -> Option<String> {
    fn push_number(out: &mut String, mut n: u64) {
        let mut digits = [0u8; 20];
        let mut len = 0;
        for slot in digits.iter_mut() {
            *slot = b'0' + (n % 10) as u8;
            n /= 10;
            len += 1;
            if n == 0 {
                break;
            }
        }
        for &d in digits.iter().take(len).rev() {
            out.push(char::from(d));
        }
    }
    let (Some(&first), Some(&last)) = (value.first(), value.last()) else { return None };
    // const-oid refuses a first subidentifier over one byte; let it say so.
    if value.len() > 39 || first & 0x80 != 0 || last & 0x80 != 0 {
        return None;
    }
    let mut out = String::with_capacity(value.len() * 3);
    let mut arc = 0u64;
    let mut arc_start = true;
    for &b in value {
        if arc_start && b == 0x80 {
            return None; // not minimal
        }
        arc = (arc << 7) | u64::from(b & 0x7F);
        if arc > u64::from(u32::MAX) {
            return None; // const-oid's arcs are 32-bit
        }
        arc_start = b & 0x80 == 0;
        if arc_start {
            if out.is_empty() {
                let first = arc.min(80) / 40;
                push_number(&mut out, first);
                out.push('.');
                push_number(&mut out, arc - first * 40);
            } else {
                out.push('.');
                push_number(&mut out, arc);
            }
            arc = 0;
        }
    }
    Some(out)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn definite_and_indefinite_lengths() {
        let der = [0x30, 0x03, 0x02, 0x01, 0x05];
        let t = Reader::new(&der).read().unwrap();
        assert_eq!(t.tag, 0x30);
        assert_eq!(t.value, &[0x02, 0x01, 0x05]);
        let ber = [0x30, 0x80, 0x24, 0x80, 0x04, 0x01, b'a', 0x04, 0x01, b'b', 0, 0, 0, 0];
        let outer = Reader::new(&ber).read().unwrap();
        assert_eq!(outer.raw.len(), ber.len());
        let os = outer.children().read().unwrap();
        assert_eq!(octet_string_bytes(&os).unwrap(), b"ab");
    }

    #[test]
    fn truncation_is_an_error_not_a_panic() {
        for cut in 0..5 {
            let der = [0x30, 0x03, 0x02, 0x01, 0x05];
            let r = Reader::new(&der[..cut]).read();
            assert!(r.is_err(), "cut {cut}");
        }
        assert!(Reader::new(&[0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF]).read().is_err());
        assert!(Reader::new(&[0x30, 0x80, 0x30, 0x80]).read().is_err());
    }

    /// `levels` constructed OCTET STRINGs with definite lengths around `04 01 'x'`.
    fn nested_octet_strings(levels: usize) -> Vec<u8> {
        let mut v = vec![0x04, 0x01, b'x'];
        for _ in 0..levels {
            let len = v.len();
            let mut head = vec![0x24];
            if len < 0x80 {
                head.push(u8::try_from(len).unwrap());
            } else {
                let bytes: Vec<u8> =
                    len.to_be_bytes().into_iter().skip_while(|&b| b == 0).collect();
                head.push(0x80 | u8::try_from(bytes.len()).unwrap());
                head.extend(bytes);
            }
            head.extend(v);
            v = head;
        }
        v
    }

    #[test]
    fn deep_definite_octet_string_nesting_is_an_error_not_a_crash() {
        let shallow = nested_octet_strings(3);
        let tlv = Reader::new(&shallow).read().unwrap();
        assert_eq!(octet_string_bytes(&tlv).unwrap(), b"x");
        let deep = nested_octet_strings(20_000);
        let tlv = Reader::new(&deep).read().unwrap();
        let err = octet_string_bytes(&tlv).unwrap_err();
        assert_eq!(err.what, "OCTET STRING nested too deep");
        let at_limit = nested_octet_strings(MAX_DEPTH - 1);
        let tlv = Reader::new(&at_limit).read().unwrap();
        assert_eq!(octet_string_bytes(&tlv).unwrap(), b"x");
    }

    #[test]
    fn deep_indefinite_nesting_is_bounded() {
        let mut v = Vec::new();
        for _ in 0..1000 {
            v.extend_from_slice(&[0x30, 0x80]);
        }
        assert!(Reader::new(&v).read().is_err());
    }

    #[test]
    fn times() {
        let t = Tlv { tag: tag::UTC_TIME, value: b"141114172632Z", raw: b"", offset: 0 };
        assert_eq!(parse_time(&t).unwrap().to_string(), "2014-11-14T17:26:32Z");
        let g = Tlv { tag: tag::GENERALIZED_TIME, value: b"20500101000000Z", raw: b"", offset: 0 };
        assert_eq!(parse_time(&g).unwrap().to_string(), "2050-01-01T00:00:00Z");
    }

    #[test]
    fn oids_decode_like_const_oid() {
        let reference = |value: &[u8]| {
            ObjectIdentifier::from_bytes(value)
                .map(|o| o.to_string())
                .unwrap_or_else(|_| format!("(bad OID {})", hex::encode(value)))
        };
        let samples: [&[u8]; 13] = [
            &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02],
            &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01],
            &[0x2b, 0x0e, 0x03, 0x02, 0x1a],
            &[0x00],
            &[0x4f],
            &[0x81, 0x34, 0x03],
            &[0x55, 0x04, 0x03],
            &[0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
            &[],
            &[0x2a, 0x86],
            &[0x2a, 0x80, 0x01],
            &[0x80, 0x01],
            &[0x2a; 40],
        ];
        for value in samples {
            assert_eq!(oid_string(value), reference(value), "{value:02x?}");
        }
        assert_eq!(oid_string(&[0x2b, 0x0e, 0x03, 0x02, 0x1a]), "1.3.14.3.2.26");
        for (der, dotted) in COMMON_OIDS {
            assert_eq!(reference(der), dotted);
        }
    }
}
