//! The fast reader for the plain XML providers write.

use super::fields::{finish_data, predefined_entity, set_field, start_element};
use super::model::DatiCert;

/// The fast path for the plain XML that providers write: elements, attributes in quotes,
/// text with the five entities and character references, comments, and the declaration.
/// It reads the document exactly as [`parse_strict`] does (same events, same field rules),
/// and gives up with `None` on anything else (DOCTYPE, CDATA, CR, attribute values to
/// normalise, a mismatched or unclosed element, no root), which then goes through
/// quick-xml for its full checks and messages. A test compares the two on every daticert
/// of the samples and the corpus, and on mutations of them.
pub(super) fn parse_simple(text: &str) -> Option<DatiCert> {
    let mut d = DatiCert::default();
    // Sized for the DTD's depth of four and its longest texts: no growth on the way.
    let mut path: Vec<&str> = Vec::with_capacity(8);
    let mut attrs_stack: Vec<Vec<(&str, &str)>> = Vec::with_capacity(8);
    let mut buf_text = String::with_capacity(256);
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

/// Text with the five entities and character references resolved; `None` for anything
/// [`parse_simple`] leaves to quick-xml (CR, which XML turns into LF; other references).
fn push_text(out: &mut String, raw: &str) -> Option<()> {
    // Most text (the white space between elements, addresses, ids) has neither.
    if memchr::memchr2(b'\r', b'&', raw.as_bytes()).is_none() {
        out.push_str(raw);
        return Some(());
    }
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
