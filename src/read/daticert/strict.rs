//! The strict reader: quick-xml's full well-formedness checks, for everything the fast reader
//! leaves.

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::reader::Reader;

use super::fields::{finish_data, predefined_entity, set_field, start_element};
use super::model::DatiCert;

#[derive(Debug)]
pub(super) enum StrictError {
    Xml(String),
    Entity(String),
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

pub(super) fn parse_strict(text: &str) -> Result<DatiCert, StrictError> {
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
