//! The texts of integrity findings (a second signer, a decoy certificate, a repeated signed
//! attribute, header or daticert.xml, an unhandled critical extension), in Italian and
//! English.

use super::Lang;
use super::quote::guillemets;
use crate::finding::Integrity as I;

/// What was found, in `lang`.
pub(super) fn text(lang: Lang, finding: &I) -> String {
    match lang {
        Lang::En => english(finding),
        Lang::It => italian(finding),
    }
}

fn english(finding: &I) -> String {
    match finding {
        I::RepeatedSignedAttribute(name) => format!(
            "the signed attribute {name} is given more than once: which value the signer meant \
             cannot be told (RFC 5652 §11 allows one)"
        ),
        I::ExtraSigners(n) => format!(
            "the signature carries {n} signers where a PEC provider writes one: the others were \
             added afterwards or by another tool; only the first was checked"
        ),
        I::TrailingSignatureBytes(n) => format!(
            "{n} bytes follow the end of the signature: nothing signs them and no reader should \
             take them for part of it"
        ),
        I::DecoySignerCertificates(n) => format!(
            "{n} {} carried beside the signature {} the signer but {} another key: added after \
             signing (the certificates are not signed); the signer's certificate whose key \
             verifies was used",
            if *n == 1 { "certificate" } else { "certificates" },
            if *n == 1 { "names" } else { "name" },
            if *n == 1 { "holds" } else { "hold" },
        ),
        I::UnhandledCriticalExtension { subject, oid } => format!(
            "\"{subject}\" has a critical extension peckit does not implement ({oid}): RFC 5280 \
             requires such a certificate to be rejected"
        ),
        I::RepeatedHeader { header, count } => format!(
            "the header {header} occurs {count} times: a reader that takes another copy than \
             the first sees another claim"
        ),
        I::DaticertRepeated(n) => format!(
            "the signed entity carries {n} daticert.xml: which one the provider certified is \
             ambiguous (the first was read)"
        ),
    }
}

fn italian(finding: &I) -> String {
    match finding {
        I::RepeatedSignedAttribute(name) => format!(
            "l'attributo firmato {name} compare più di una volta: quale valore intendesse il \
             firmatario non si può stabilire (la RFC 5652, §11, ne ammette uno solo)"
        ),
        I::ExtraSigners(n) => format!(
            "la firma ha {n} firmatari, mentre un gestore PEC ne scrive uno solo: gli altri sono \
             stati aggiunti dopo o da un altro programma; è stato verificato solo il primo"
        ),
        I::TrailingSignatureBytes(n) => format!(
            "dopo la fine della firma seguono {n} byte: nessuno li firma e nessun programma \
             dovrebbe prenderli per parte di essa"
        ),
        I::DecoySignerCertificates(1) => "un certificato allegato alla firma indica il \
             firmatario ma contiene un'altra chiave: è stato aggiunto dopo la firma (i \
             certificati non sono firmati); è stato usato il certificato del firmatario la cui \
             chiave verifica la firma"
            .into(),
        I::DecoySignerCertificates(n) => format!(
            "{n} certificati allegati alla firma indicano il firmatario ma contengono un'altra \
             chiave: sono stati aggiunti dopo la firma (i certificati non sono firmati); è stato \
             usato il certificato del firmatario la cui chiave verifica la firma"
        ),
        I::UnhandledCriticalExtension { subject, oid } => format!(
            "{} ha un'estensione critica che peckit non gestisce ({oid}): la RFC 5280 impone di \
             rifiutare il certificato",
            guillemets(subject)
        ),
        I::RepeatedHeader { header, count } => format!(
            "l'intestazione {header} compare {count} volte: chi legge una copia diversa dalla \
             prima vede un'altra dichiarazione"
        ),
        I::DaticertRepeated(n) => format!(
            "la parte firmata contiene {n} daticert.xml: quale abbia certificato il gestore è \
             ambiguo (è stato letto il primo)"
        ),
    }
}
