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
    let content_type = headers.content_type();
    let body = raw.get(body_start..).unwrap_or_default();
    let cte = headers.transfer_encoding().unwrap_or_default();
    if content_type.mime == "message/rfc822" || content_type.mime == "message/global" {
        return Decoded::Bytes(remove_transfer_encoding(body, &cte));
    }
    let Some(message) = MessageParser::default().parse(raw) else {
        return Decoded::Bytes(remove_transfer_encoding(body, &cte));
    };
    match message.parts.first().map(|p| &p.body) {
        Some(PartType::Text(t) | PartType::Html(t)) => Decoded::Text(t.to_string()),
        Some(PartType::Binary(b) | PartType::InlineBinary(b)) => Decoded::Bytes(b.to_vec()),
        Some(PartType::Message(m)) => Decoded::Bytes(m.raw_message().to_vec()),
        _ => Decoded::Bytes(remove_transfer_encoding(body, &cte)),
    }
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

/// Base64 that ignores white space and line breaks, as MIME bodies need.
pub fn base64_lenient(data: &[u8]) -> Option<Vec<u8>> {
    use base64::Engine;
    let clean: Vec<u8> = data.iter().copied().filter(|b| !b.is_ascii_whitespace()).collect();
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent)
            .with_decode_allow_trailing_bits(true),
    );
    engine.decode(clean).ok()
}

/// The decoded file name of an entity (RFC 2231 parameters, RFC 2047 words), if any, from
/// its raw header block.
pub fn file_name(raw_entity_headers: &[u8]) -> Option<String> {
    let (headers, body_start) =
        super::mime::parse_header_block(raw_entity_headers, 0, raw_entity_headers.len());
    let entity = super::mime::Entity {
        range: 0..raw_entity_headers.len(),
        body_start,
        content_type: headers.content_type(),
        headers,
        children: Vec::new(),
        closed: true,
    };
    entity_file_name(&entity, raw_entity_headers)
}

/// The decoded file name of an already parsed entity of `buf`.
pub fn entity_file_name(entity: &super::mime::Entity, buf: &[u8]) -> Option<String> {
    // Fast path: a plain parameter needs no decoding (most parts of most messages).
    let disposition =
        entity.headers.get("content-disposition").map(super::mime::ContentType::parse_disposition);
    let content_type = &entity.content_type;
    let extended = disposition
        .iter()
        .chain(std::iter::once(content_type))
        .any(|c| c.params.keys().any(|k| k.contains('*')));
    if !extended {
        let plain = disposition
            .as_ref()
            .and_then(|d| d.param("filename"))
            .or_else(|| content_type.param("name"));
        match plain {
            None => return None,
            Some(n) if !n.contains("=?") => return Some(n.to_string()),
            Some(_) => {}
        }
    }
    let raw_headers = buf.get(entity.range.start..entity.body_start).unwrap_or_default();
    let message = MessageParser::default().parse_headers(raw_headers)?;
    let part = message.parts.first()?;
    part.attachment_name().map(str::to_string)
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

#[cfg(test)]
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
    fn base64_rfc822_gives_the_embedded_bytes() {
        let raw = b"Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\nU3ViamVjdDogeA0KDQpoaQ==\n";
        assert_eq!(decode_leaf(raw).into_bytes(), b"Subject: x\r\n\r\nhi");
    }

    #[test]
    fn rfc2231_and_rfc2047_names() {
        let raw = b"Content-Type: text/plain\nContent-Disposition: attachment; filename*=UTF-8''citt%C3%A0.txt\n\n";
        assert_eq!(file_name(raw).as_deref(), Some("città.txt"));
        assert_eq!(header_text("=?UTF-8?B?Y2l0dMOg?="), "città");
    }
}
