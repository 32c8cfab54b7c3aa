//! The field rules both well-formed readers share: which element sets which field, which
//! elements may appear once, how `<data>` becomes an instant.

use super::model::{CertifiedTime, DatiCert, Destinatario, FieldError};

pub(super) fn set_field<P: AsRef<str>, A: AsRef<str>>(
    d: &mut DatiCert,
    path: &[P],
    attrs: &[(A, A)],
    text: &str,
) {
    let name = path.last().map(AsRef::as_ref).unwrap_or("");
    let parent =
        path.len().checked_sub(2).and_then(|i| path.get(i)).map(AsRef::as_ref).unwrap_or("");
    // Copied only for the elements that keep their text (not for the containers).
    let text = || text.trim().to_string();
    // By name first: names differ in length, so most comparisons end before any byte.
    let (in_intestazione, in_dati) = (parent == "intestazione", parent == "dati");
    match name {
        "mittente" if in_intestazione => d.mittente = Some(text()),
        "destinatari" if in_intestazione => {
            let tipo = attr_value(attrs, "tipo").unwrap_or_else(|| "certificato".into());
            d.destinatari.push(Destinatario { address: text(), tipo });
        }
        "risposte" if in_intestazione => d.risposte = Some(text()),
        "oggetto" if in_intestazione => d.oggetto = Some(text()),
        "gestore-emittente" if in_dati => d.gestore_emittente = Some(text()),
        "identificativo" if in_dati => d.identificativo = Some(text()),
        "msgid" if in_dati => d.msgid = Some(text()),
        "consegna" if in_dati => d.consegna = Some(text()),
        "ricezione" if in_dati => d.ricezione.push(text()),
        "errore-esteso" if in_dati => d.errore_esteso = Some(text()),
        _ => {}
    }
}

pub(super) fn attr_value<A: AsRef<str>>(attrs: &[(A, A)], key: &str) -> Option<String> {
    attrs.iter().find(|(k, _)| k.as_ref() == key).map(|(_, v)| v.as_ref().to_string())
}

pub(super) fn finish_data(
    d: &mut DatiCert,
    zona: Option<String>,
    giorno: Option<String>,
    ora: Option<String>,
) {
    let written = [("zona", &zona), ("giorno", &giorno), ("ora", &ora)]
        .iter()
        .filter_map(|(name, value)| value.as_ref().map(|v| format!("{name}=\"{v}\"")))
        .collect::<Vec<_>>()
        .join(" ");
    match (zona, giorno, ora) {
        (Some(z), Some(g), Some(o)) => match CertifiedTime::parse(&z, &g, &o) {
            Ok(t) => d.data = Some(t),
            Err(message) => {
                d.field_errors.push(FieldError { field: "data".into(), message, written })
            }
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
                written,
            });
        }
    }
}

/// The elements the DTD allows at most once, as (parent, name) with the root's parent "",
/// numbered for the bit that records them; `destinatari` and `ricezione` may repeat.
/// Matched by name first: a table searched in order compared most names byte by byte.
fn singleton_index(parent: &str, name: &str) -> Option<u32> {
    let (expected_parent, index) = match name {
        "postacert" => ("", 0),
        "intestazione" => ("postacert", 1),
        "dati" => ("postacert", 2),
        "mittente" => ("intestazione", 3),
        "risposte" => ("intestazione", 4),
        "oggetto" => ("intestazione", 5),
        "gestore-emittente" => ("dati", 6),
        "data" => ("dati", 7),
        "giorno" => ("data", 8),
        "ora" => ("data", 9),
        "identificativo" => ("dati", 10),
        "msgid" => ("dati", 11),
        "ricevuta" => ("dati", 12),
        "consegna" => ("dati", 13),
        "errore-esteso" => ("dati", 14),
        _ => return None,
    };
    (parent == expected_parent).then_some(index)
}

pub(super) fn start_element<P: AsRef<str>, A: AsRef<str>>(
    d: &mut DatiCert,
    name: &str,
    attrs: &[(A, A)],
    path: &[P],
    zona: &mut Option<String>,
    saw_root: &mut bool,
) {
    let get = |k: &str| attr_value(attrs, k);
    let parent = path.last().map(AsRef::as_ref).unwrap_or("");
    if let Some(i) = singleton_index(parent, name) {
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

/// The five entities XML predefines; every other entity is refused.
pub(super) fn predefined_entity(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ => return None,
    })
}
