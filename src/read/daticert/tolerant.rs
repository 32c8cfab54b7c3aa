//! The tolerant reader, for XML that is not well-formed (docs/pec-spec.md Q5).

use super::fields::{finish_data, predefined_entity};
use super::model::{DatiCert, Destinatario};

/// Field-by-field recovery for XML that is not well-formed: for each known element, the text
/// between `<name ...>` and the next `</name>`, with the five entities resolved.
pub(super) fn parse_tolerant(text: &str) -> DatiCert {
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
