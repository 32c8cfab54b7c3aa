//! daticert.xml readers: the fast, strict and tolerant paths agree and refuse what they must.
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]
use super::model::parse_zona;
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
            let Ok(artefact) = crate::read::read(std::fs::read(&path).unwrap(), &Limits::default())
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
                    assert_eq!(Some(d), parse_strict(&mutated).ok(), "{name} + {insert:?} at {at}");
                }
                checked += 1;
            }
        }
    }
    // The mutations must exercise both outcomes, or the comparison proves little.
    assert!(fast > checked / 10 && fast < checked, "{fast} of {checked} read by the fast path");
}
