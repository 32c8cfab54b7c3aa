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
             cannot be told (RFC 5652 §11 and RFC 5035 allow one)"
        ),
        I::ExtraSigners(n) => format!(
            "the signature carries {n} signers where a PEC provider writes one: {} added \
             afterwards or by another tool; only the first was checked",
            if *n == 2 { "the other was" } else { "the others were" }
        ),
        I::TrailingSignatureBytes(1) => "1 byte lies inside or after the signature where CMS \
             has no place for it: nothing signs it, and no reader should take it for part of it"
            .into(),
        I::TrailingSignatureBytes(n) => format!(
            "{n} bytes lie inside or after the signature where CMS has no place for them: \
             nothing signs them, and no reader should take them for part of it"
        ),
        I::DecoySignerCertificates(1) => "a certificate carried with the signature names the \
             signer but is not its certificate (another key, or another name on its key): the \
             signature does not cover the certificates it \
             carries, so anyone could have added it; the signer's certificate, whose key \
             verifies the signature, was used"
            .into(),
        I::DecoySignerCertificates(n) => format!(
            "{n} certificates carried with the signature name the signer but are not its \
             certificate (another key, or another name on its key): the signature does not cover the certificates it carries, so anyone could have \
             added them; the signer's certificate, whose key verifies the signature, was used"
        ),
        I::UnhandledCriticalExtension { subject, oid } => format!(
            "\"{subject}\" has a critical extension peckit does not implement ({oid}): RFC 5280 \
             requires such a certificate to be rejected"
        ),
        I::RepeatedHeader { header, count } => format!(
            "the header {header} occurs {count} times with different values: a reader that \
             takes another copy than the first sees another claim"
        ),
        I::BareCarriageReturn { header } => format!(
            "the header {header} holds a carriage return without its line feed: a reader that \
             ends the line there sees one more header (RFC 5322 forbids it)"
        ),
        I::DaticertRepeated(n) => format!(
            "the signed entity carries {n} daticert.xml: which one the provider certified \
             cannot be told"
        ),
    }
}

fn italian(finding: &I) -> String {
    match finding {
        I::RepeatedSignedAttribute(name) => format!(
            "l'attributo firmato {name} compare più di una volta: non si può stabilire quale \
             valore intendesse il firmatario (la RFC 5652, §11, e la RFC 5035 ne ammettono uno \
             solo)"
        ),
        I::ExtraSigners(n) => format!(
            "la firma ha {n} firmatari, mentre un gestore PEC ne scrive uno solo: {} dopo o da \
             un altro programma; è stato verificato solo il primo",
            if *n == 2 { "l'altro è stato aggiunto" } else { "gli altri sono stati aggiunti" }
        ),
        I::TrailingSignatureBytes(1) => "1 byte si trova dentro o dopo la firma dove CMS non \
             prevede nulla: nessuno lo firma e nessun programma dovrebbe prenderlo per parte di \
             essa"
            .into(),
        I::TrailingSignatureBytes(n) => format!(
            "{n} byte si trovano dentro o dopo la firma dove CMS non prevede nulla: nessuno li \
             firma e nessun programma dovrebbe prenderli per parte di essa"
        ),
        I::DecoySignerCertificates(1) => "un certificato trasportato con la firma indica il \
             firmatario ma non è il suo certificato (altra chiave, o altro nome sulla sua \
             chiave): la firma non copre i certificati che \
             trasporta, quindi chiunque può averlo aggiunto; è stato usato il certificato del \
             firmatario, la cui chiave verifica la firma"
            .into(),
        I::DecoySignerCertificates(n) => format!(
            "{n} certificati trasportati con la firma indicano il firmatario ma non sono il suo \
             certificato (altra chiave, o altro nome sulla sua chiave): la firma non copre i certificati che trasporta, quindi chiunque \
             può averli aggiunti; è stato usato il certificato del firmatario, la cui chiave \
             verifica la firma"
        ),
        I::UnhandledCriticalExtension { subject, oid } => format!(
            "{} ha un'estensione critica che peckit non gestisce ({oid}): la RFC 5280 impone di \
             rifiutare il certificato",
            guillemets(subject)
        ),
        I::RepeatedHeader { header, count } => format!(
            "l'intestazione {header} compare {count} volte con valori diversi: chi legge una \
             copia diversa dalla prima legge un'altra dichiarazione"
        ),
        I::BareCarriageReturn { header } => format!(
            "l'intestazione {header} contiene un ritorno carrello senza il suo a capo: chi \
             interrompe lì la riga vede un'intestazione in più (la RFC 5322 lo vieta)"
        ),
        I::DaticertRepeated(n) => format!(
            "la parte firmata contiene {n} daticert.xml: non si può stabilire quale abbia \
             certificato il gestore"
        ),
    }
}
