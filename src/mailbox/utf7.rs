//! Mailbox names on the wire: IMAP's modified UTF-7 (RFC 3501 §5.1.3). People see them
//! decoded ("Posta inviata/Già letti"); the server sees `Gi&AOA- letti`.

use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD;

/// Encodes a mailbox name for the wire.
pub fn encode(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending: Vec<u16> = Vec::new();
    let flush = |pending: &mut Vec<u16>, out: &mut String| {
        if pending.is_empty() {
            return;
        }
        let bytes: Vec<u8> = pending.iter().flat_map(|u| u.to_be_bytes()).collect();
        out.push('&');
        out.push_str(&STANDARD_NO_PAD.encode(bytes).replace('/', ","));
        out.push('-');
        pending.clear();
    };
    for c in name.chars() {
        if (' '..='~').contains(&c) {
            flush(&mut pending, &mut out);
            if c == '&' {
                out.push_str("&-");
            } else {
                out.push(c);
            }
        } else {
            let mut units = [0u16; 2];
            pending.extend_from_slice(c.encode_utf16(&mut units));
        }
    }
    flush(&mut pending, &mut out);
    out
}

/// Decodes a mailbox name from the wire; a name that is not valid modified UTF-7 is kept
/// as the server sent it.
pub fn decode(wire: &str) -> String {
    let mut out = String::with_capacity(wire.len());
    let mut rest = wire;
    while let Some(start) = rest.find('&') {
        out.push_str(rest.get(..start).unwrap_or(""));
        let after = rest.get(start + 1..).unwrap_or("");
        let Some(end) = after.find('-') else { return wire.to_string() };
        let chunk = after.get(..end).unwrap_or("");
        if chunk.is_empty() {
            out.push('&');
        } else {
            let Ok(bytes) = STANDARD_NO_PAD.decode(chunk.replace(',', "/")) else {
                return wire.to_string();
            };
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|p| u16::from_be_bytes(<[u8; 2]>::try_from(p).unwrap_or([0, 0])))
                .collect();
            match String::from_utf16(&units) {
                Ok(s) => out.push_str(&s),
                Err(_) => return wire.to_string(),
            }
        }
        rest = after.get(end + 1..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modified_utf7_round_trips() {
        for (plain, wire) in [
            ("INBOX", "INBOX"),
            ("Posta inviata/Già letti", "Posta inviata/Gi&AOA- letti"),
            ("A&B", "A&-B"),
            ("日本語", "&ZeVnLIqe-"),
            ("Ricevute €", "Ricevute &IKw-"),
        ] {
            assert_eq!(encode(plain), wire);
            assert_eq!(decode(wire), plain);
        }
        assert_eq!(decode("&%%%-"), "&%%%-", "kept as sent when not valid");
    }
}
