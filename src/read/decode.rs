//! Decoding of leaf bodies and header words.
//!
//! The structure comes from [`super::mime`] (exact offsets); this module turns one leaf entity
//! into content: transfer encodings (base64, quoted-printable), charsets, RFC 2047 encoded
//! words and RFC 2231 file names. mail-parser does the decoding: it is tolerant by contract
//! and never panics on bad input (its crate docs).

use mail_parser::{MessageParser, MimeHeaders, PartType};

/// The decoded content of one leaf entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    /// Text, converted to UTF-8 from the declared charset.
    Text(String),
    /// Bytes after the transfer encoding was removed.
    Bytes(Vec<u8>),
}

impl Decoded {
    /// The content as bytes (text as UTF-8).
    pub fn into_bytes(self) -> Vec<u8> {
        match self {
            Decoded::Text(t) => t.into_bytes(),
            Decoded::Bytes(b) => b,
        }
    }
}

/// Decodes the body of the entity `raw` (its header block and body).
///
/// `message/rfc822` bodies come back as the exact bytes of the embedded message after the
/// transfer encoding was removed (quirk Q4: some providers base64 them).
pub fn decode_leaf(raw: &[u8]) -> Decoded {
    let (headers, body_start) = super::mime::parse_header_block(raw, 0, raw.len());
    decode_entity(&super::mime::Entity::new(0..raw.len(), body_start, headers), raw)
}

/// Message and binary parts: only the transfer encoding to remove. `None` for text (which
/// needs its charset) and for bodies the lenient base64 reader refuses.
fn decode_without_charset(
    ct: &super::mime::ContentType,
    cte: &str,
    body: &[u8],
) -> Option<Decoded> {
    if ct.mime == "message/rfc822" || ct.mime == "message/global" {
        // Quirk Q4: some providers base64 the embedded message.
        return Some(Decoded::Bytes(remove_transfer_encoding(body, cte)));
    }
    // Binary types (daticert.xml is application/xml) need no charset work.
    if ct.mime.starts_with("text/") || ct.is_multipart() {
        return None;
    }
    match cte {
        "base64" => base64_lenient(body).map(Decoded::Bytes),
        "" | "7bit" | "8bit" | "binary" => Some(Decoded::Bytes(body.to_vec())),
        _ => None,
    }
}

/// Everything else goes through mail-parser, which is tolerant by contract.
fn decode_text(raw: &[u8], body: &[u8], cte: &str) -> Decoded {
    let Some(message) = MessageParser::default().parse(raw) else {
        return Decoded::Bytes(remove_transfer_encoding(body, cte));
    };
    match message.parts.first().map(|p| &p.body) {
        Some(PartType::Text(t) | PartType::Html(t)) => Decoded::Text(t.to_string()),
        Some(PartType::Binary(b) | PartType::InlineBinary(b)) => Decoded::Bytes(b.to_vec()),
        Some(PartType::Message(m)) => Decoded::Bytes(m.raw_message().to_vec()),
        _ => Decoded::Bytes(remove_transfer_encoding(body, cte)),
    }
}

/// [`decode_leaf`] for an entity already parsed from `buf`. The structure is not read again
/// for message and binary parts.
pub fn decode_entity(entity: &super::mime::Entity, buf: &[u8]) -> Decoded {
    let raw_entity = buf.get(entity.range.clone()).unwrap_or_default();
    let body = buf.get(entity.body_start..entity.range.end).unwrap_or_default();
    let cte = entity.headers.transfer_encoding().unwrap_or_default();
    decode_without_charset(&entity.content_type, &cte, body)
        .unwrap_or_else(|| decode_text(raw_entity, body, &cte))
}

/// Removes a Content-Transfer-Encoding without interpreting the content.
pub fn remove_transfer_encoding(body: &[u8], cte: &str) -> Vec<u8> {
    match cte {
        "base64" => base64_lenient(body).unwrap_or_else(|| body.to_vec()),
        "quoted-printable" => {
            mail_parser::decoders::quoted_printable::quoted_printable_decode(body)
                .unwrap_or_else(|| body.to_vec())
        }
        _ => body.to_vec(),
    }
}

/// Base64 that ignores white space and line breaks, as MIME bodies need; `None` on any other
/// character outside the alphabet, on data after the padding, or on a lone final character.
/// Padding may be absent and trailing bits may be set.
pub fn base64_lenient(data: &[u8]) -> Option<Vec<u8>> {
    base64_padded_lines(data).or_else(|| base64_by_character(data))
}

/// [`base64_lenient`] one character at a time (whole groups at a time within a line).
fn base64_by_character(data: &[u8]) -> Option<Vec<u8>> {
    /// Not in the alphabet; white space and '=' are told apart in the slow path.
    const INVALID: u8 = 0xFF;
    // Built at compile time: an index out of bounds would fail the build, never panic.
    #[allow(clippy::indexing_slicing)]
    const TABLE: [u8; 256] = {
        let mut t = [INVALID; 256];
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut i = 0;
        while i < 64 {
            t[alphabet[i] as usize] = i as u8;
            i += 1;
        }
        t
    };
    let sextet = |b: u8| TABLE.get(usize::from(b)).copied().unwrap_or(INVALID);
    // Decoded into a buffer of the largest possible size, truncated at the end: no capacity
    // check per group.
    let mut out = vec![0u8; data.len() / 4 * 3 + 3];
    let mut len = 0;
    let mut group = 0u32;
    let mut filled = 0u32;
    let mut padding = false;
    let mut start = 0;
    let line_ends = memchr::memchr_iter(b'\n', data).chain(std::iter::once(data.len()));
    for end in line_ends {
        let line = data.get(start..end).unwrap_or_default();
        start = end + 1;
        let mut rest = line;
        // Fast path: whole groups of four alphabet characters, as MIME lines are made of.
        if filled == 0 && !padding {
            let free = out.get_mut(len..).unwrap_or_default();
            let mut consumed = 0;
            for (chunk, slot) in line.chunks_exact(4).zip(free.chunks_exact_mut(3)) {
                let (&[w, x, y, z], [o0, o1, o2]) = (chunk, slot) else { break };
                let [a, b, c, d] = [w, x, y, z].map(sextet);
                if (a | b | c | d) & 0xC0 != 0 {
                    break;
                }
                *o0 = (a << 2) | (b >> 4);
                *o1 = (b << 4) | (c >> 2);
                *o2 = (c << 6) | d;
                consumed += 4;
            }
            len += consumed / 4 * 3;
            rest = line.get(consumed..).unwrap_or_default();
        }
        for &b in rest {
            if b.is_ascii_whitespace() {
                continue;
            }
            if b == b'=' {
                padding = true;
                continue;
            }
            let value = sextet(b);
            if value == INVALID || padding {
                return None;
            }
            group = (group << 6) | u32::from(value);
            filled += 1;
            if filled == 4 {
                let [_, b0, b1, b2] = group.to_be_bytes();
                if let Some([o0, o1, o2]) = out.get_mut(len..len + 3) {
                    (*o0, *o1, *o2) = (b0, b1, b2);
                }
                len += 3;
                group = 0;
                filled = 0;
            }
        }
    }
    out.truncate(len);
    match filled {
        0 => {}
        2 => out.push((group >> 4) as u8),
        3 => out.extend_from_slice(&((group >> 2) as u16).to_be_bytes()),
        _ => return None,
    }
    Some(out)
}

/// The usual MIME body fast: lines of the alphabet ending in CRLF or LF, padded at the end,
/// decoded with SIMD once the line breaks are taken out. `None` for anything else (white
/// space inside a line, no padding, a stray character), left to [`base64_by_character`],
/// which accepts every input this one does, with the same bytes (a test holds them to it).
fn base64_padded_lines(data: &[u8]) -> Option<Vec<u8>> {
    let mut compact = Vec::with_capacity(data.len());
    let mut rest = data;
    // MIME writes every line but the last at one width: step over them by that stride while
    // the line breaks sit where the first one did (a stray break left inside a line makes the
    // decoder refuse), then take the rest line by line.
    if let Some(first) = memchr::memchr(b'\n', data) {
        let eol: &[u8] =
            if data.get(..first).is_some_and(|l| l.ends_with(b"\r")) { b"\r\n" } else { b"\n" };
        while let Some((line, after)) = rest.split_at_checked(first + 1) {
            let Some(chars) = line.strip_suffix(eol) else { break };
            compact.extend_from_slice(chars);
            rest = after;
        }
    }
    for line in rest.split(|&b| b == b'\n') {
        compact.extend_from_slice(line.strip_suffix(b"\r").unwrap_or(line));
    }
    let decoded = base64_simd::STANDARD.decode_inplace(&mut compact).ok()?.len();
    compact.truncate(decoded);
    Some(compact)
}

/// Whether the entity's file name is written encoded (an RFC 2231 `name*=` parameter, an
/// RFC 2047 word) and must be decoded to be read.
pub fn file_name_is_encoded(entity: &super::mime::Entity) -> bool {
    let extended = entity
        .disposition
        .iter()
        .chain(std::iter::once(&entity.content_type))
        .any(|c| c.params.iter().any(|(k, _)| k.contains('*')));
    extended || entity.raw_file_name().is_some_and(|n| n.contains("=?"))
}

/// The decoded file name (RFC 2231 parameters, RFC 2047 words) of an entity of `buf`, if
/// any; the raw parameter when it cannot be decoded.
pub fn entity_file_name(entity: &super::mime::Entity, buf: &[u8]) -> Option<String> {
    let raw = entity.raw_file_name().map(str::to_string);
    // Fast path: a plain parameter needs no decoding (most parts of most messages).
    if !file_name_is_encoded(entity) {
        return raw;
    }
    let raw_headers = buf.get(entity.range.start..entity.body_start).unwrap_or_default();
    MessageParser::default()
        .parse_headers(raw_headers)
        .and_then(|m| m.parts.first().and_then(|p| p.attachment_name().map(str::to_string)))
        .or(raw)
}

/// Decodes RFC 2047 encoded words in a header value (e.g. a Subject).
pub fn header_text(value: &str) -> String {
    if !value.contains("=?") {
        return value.to_string();
    }
    let raw = format!("Subject: {value}\r\n\r\n");
    MessageParser::default()
        .parse_headers(raw.as_bytes())
        .and_then(|m| m.subject().map(str::to_string))
        .unwrap_or_else(|| value.to_string())
}

/// The DER blobs of the PEM blocks labelled `label` (`CERTIFICATE`, `X509 CRL`); a file
/// without such markers is taken as one DER blob when it starts as a SEQUENCE.
pub fn der_blocks(bytes: &[u8], label: &str) -> Vec<Vec<u8>> {
    let begin = format!("-----BEGIN {label}-----");
    let end_marker = format!("-----END {label}-----");
    let text = String::from_utf8_lossy(bytes);
    if !text.contains(&begin) {
        return if bytes.first() == Some(&0x30) { vec![bytes.to_vec()] } else { Vec::new() };
    }
    let mut out = Vec::new();
    let mut rest = text.as_ref();
    while let Some(start) = rest.find(&begin) {
        let after = rest.get(start + begin.len()..).unwrap_or("");
        let Some(end) = after.find(&end_marker) else { break };
        let body = after.get(..end).unwrap_or("");
        if let Some(der) = base64_lenient(body.as_bytes()) {
            out.push(der);
        }
        rest = after.get(end + end_marker.len()..).unwrap_or("");
    }
    out
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn quoted_printable_latin1_text_is_decoded() {
        let raw = b"Content-Type: text/plain; charset=\"iso-8859-1\"\nContent-Transfer-Encoding: quoted-printable\n\n=E8 stato consegnato";
        assert_eq!(decode_leaf(raw), Decoded::Text("è stato consegnato".into()));
    }

    #[test]
    fn base64_xml_is_bytes() {
        let raw = b"Content-Type: application/xml; name=\"daticert.xml\"\nContent-Transfer-Encoding: base64\n\nPHBvc3RhY2VydC8+\n";
        assert_eq!(decode_leaf(raw).into_bytes(), b"<postacert/>");
    }

    #[test]
    fn binary_fast_path_agrees_with_mail_parser() {
        let cases: [&[u8]; 4] = [
            b"Content-Type: application/xml; name=\"daticert.xml\"\r\nContent-Transfer-Encoding: base64\r\n\r\nPD94bWwgdmVyc2lvbj0iMS4wIj8+\r\nPHBvc3RhY2VydC8+\r\n",
            b"Content-Type: application/octet-stream\nContent-Transfer-Encoding: BASE64\n\nAAECAwQFBgc=\n",
            b"Content-Type: application/xml\n\n<postacert tipo=\"x\"/>\n",
            b"Content-Type: application/pdf\nContent-Transfer-Encoding: 8bit\n\n%PDF-1.4 \xe8\n",
        ];
        for raw in cases {
            let message = MessageParser::default().parse(raw).unwrap();
            let expected = match &message.parts[0].body {
                PartType::Binary(b) | PartType::InlineBinary(b) => b.to_vec(),
                other => panic!("mail-parser gave {other:?}"),
            };
            assert_eq!(decode_leaf(raw), Decoded::Bytes(expected));
        }
    }

    #[test]
    fn base64_rfc822_gives_the_embedded_bytes() {
        let raw = b"Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\nU3ViamVjdDogeA0KDQpoaQ==\n";
        assert_eq!(decode_leaf(raw).into_bytes(), b"Subject: x\r\n\r\nhi");
    }

    #[test]
    fn base64_agrees_with_the_base64_crate() {
        use base64::Engine;
        let engine = base64::engine::general_purpose::STANDARD;
        // Lines of 10 (groups split across lines) and of 76 characters (as MIME writes them).
        for (len, width, eol) in
            (0..70usize).map(|l| (l, 10, "\r\n ")).chain((0..400).map(|l| (l, 76, "\n")))
        {
            let data: Vec<u8> = (0..len).map(|i| (i * 37 + len) as u8).collect();
            let encoded = engine.encode(&data);
            let wrapped: String = encoded
                .as_bytes()
                .chunks(width)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<_>>()
                .join(eol);
            assert_eq!(base64_lenient(wrapped.as_bytes()).as_deref(), Some(&data[..]));
            let unpadded = encoded.trim_end_matches('=');
            assert_eq!(base64_lenient(unpadded.as_bytes()).as_deref(), Some(&data[..]));
        }
        for bad in [&b"QQ==QQ=="[..], b"Q", b"QUJD!", b"QUJDRA=\x00", b"QUJDR"] {
            assert_eq!(base64_lenient(bad), None, "{:?}", String::from_utf8_lossy(bad));
        }
    }

    proptest::proptest! {
        /// Whatever the SIMD path decodes, the character decoder decodes the same way: the
        /// fast path may only refuse, never differ.
        #[test]
        fn both_base64_decoders_agree(
            data in proptest::collection::vec(0u8..=255, 0..200),
            width in 1usize..90,
            crlf in proptest::bool::ANY,
            noise in proptest::collection::vec((0usize..400, proptest::sample::select(
                b" \t\r\n=A/+!".to_vec())), 0..3),
            cut in 0usize..3,
        ) {
            use base64::Engine;
            let encoded = base64::engine::general_purpose::STANDARD.encode(&data);
            let eol: &[u8] = if crlf { b"\r\n" } else { b"\n" };
            let mut wrapped: Vec<u8> = encoded.as_bytes().chunks(width).collect::<Vec<_>>().join(eol);
            wrapped.truncate(wrapped.len().saturating_sub(cut));
            for (at, byte) in noise {
                wrapped.insert(at.min(wrapped.len()), byte);
            }
            if let Some(fast) = base64_padded_lines(&wrapped) {
                proptest::prop_assert_eq!(Some(fast), base64_by_character(&wrapped));
            }
            proptest::prop_assert_eq!(base64_lenient(&wrapped), base64_by_character(&wrapped));
        }
    }

    #[test]
    fn the_simd_path_takes_mime_bodies_and_leaves_the_rest() {
        assert_eq!(base64_padded_lines(b"UEVD\r\nY2l0dA==\r\n").as_deref(), Some(&b"PECcitt"[..]));
        assert_eq!(base64_padded_lines(b"UEVD\nY2l0dA==\n\n").as_deref(), Some(&b"PECcitt"[..]));
        // White space inside a line and missing padding are the character decoder's.
        assert_eq!(base64_padded_lines(b"UEVD Y2l0dA==\n"), None);
        assert_eq!(base64_padded_lines(b"UEVDY2l0dA\n"), None);
        assert_eq!(base64_lenient(b"UEVDY2l0dA\n").as_deref(), Some(&b"PECcitt"[..]));
    }

    #[test]
    fn rfc2231_and_rfc2047_names() {
        let raw = b"Content-Type: text/plain\nContent-Disposition: attachment; filename*=UTF-8''citt%C3%A0.txt\n\n";
        let limits = crate::limits::Limits::default();
        let entity = super::super::mime::parse_entity(raw, 0..raw.len(), &limits).unwrap();
        assert_eq!(entity_file_name(&entity, raw).as_deref(), Some("città.txt"));
        assert_eq!(header_text("=?UTF-8?B?Y2l0dMOg?="), "città");
    }
}
