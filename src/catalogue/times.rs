//! The texts of findings about impossible or inconsistent times (`time-in-future`,
//! `rem-event-after-time-stamp`, `rem-event-time-mismatch`) and a REM Subject that is not the
//! evidence's (`rem-subject-mismatch`), an issuer it names that is not its signer
//! (`rem-issuer-mismatch`) and unsigned content in its signature (`xades-unsigned-content`),
//! in Italian and English.

use super::Lang;
use crate::finding::{Finding, StatedTime};

fn which(lang: Lang, what: StatedTime) -> &'static str {
    match (lang, what) {
        (Lang::En, StatedTime::Certified) => "the certified time",
        (Lang::En, StatedTime::Signing) => "the signing time",
        (Lang::En, StatedTime::RemEvent) => "the evidence's event time",
        (Lang::En, StatedTime::RemSubmission) => "the submission time the evidence states",
        (Lang::It, StatedTime::Certified) => "la data certificata",
        (Lang::It, StatedTime::Signing) => "l'ora della firma",
        (Lang::It, StatedTime::RemEvent) => "l'ora dell'evento dell'evidenza",
        (Lang::It, StatedTime::RemSubmission) => "l'ora di invio dichiarata dall'evidenza",
    }
}

/// The text of a time finding; other findings are said in findings.rs.
pub(super) fn text(lang: Lang, finding: &Finding) -> String {
    use Finding as F;
    match (lang, finding) {
        (Lang::En, F::TimeInFuture { what, time, now }) => format!(
            "{} ({time}) is after the moment of this check ({now}, by this computer's clock): no \
             signature makes a future time true (this computer's clock is behind, the \
             provider's was wrong, or the file was forged with its key)",
            which(lang, *what)
        ),
        (Lang::It, F::TimeInFuture { what, time, now }) => format!(
            "{} ({time}) è successiva al momento di questa verifica ({now}, secondo l'orologio di \
             questo computer): nessuna firma rende vera un'ora futura (l'orologio di questo \
             computer è indietro, quello del gestore era errato, o il file è stato falsificato \
             con la sua chiave)",
            which(lang, *what)
        ),
        (Lang::En, F::RemEventAfterTimeStamp { what, event, stamped }) => format!(
            "{} ({event}) is after the evidence's trusted time-stamp ({stamped}), which proves \
             the evidence existed then: what it certifies cannot have happened later",
            which(lang, *what)
        ),
        (Lang::It, F::RemEventAfterTimeStamp { what, event, stamped }) => format!(
            "{} ({event}) è successiva alla marca temporale fidata dell'evidenza ({stamped}), \
             che prova che l'evidenza esisteva già: ciò che certifica non può essere avvenuto \
             dopo",
            which(lang, *what)
        ),
        (Lang::En, F::RemEventTimeMismatch { signing, event }) => format!(
            "the evidence's event time ({event}) is more than 5 minutes from its XAdES signing \
             time ({signing})"
        ),
        (Lang::It, F::RemEventTimeMismatch { signing, event }) => format!(
            "l'ora dell'evento dell'evidenza ({event}) dista più di 5 minuti dall'ora della sua \
             firma XAdES ({signing})"
        ),
        (Lang::En, F::RemSubjectMismatch { stated, certified }) => format!(
            "the unsigned Subject \"{stated}\" is not what the signed evidence makes of it \
             (\"{certified}\"): what a mail program shows is not what is certified"
        ),
        (Lang::It, F::RemSubjectMismatch { stated, certified }) => format!(
            "l'oggetto non firmato \"{stated}\" non è quello che risulta dall'evidenza firmata \
             (\"{certified}\"): ciò che mostra un programma di posta non è ciò che è certificato"
        ),
        (Lang::En, F::RemIssuerMismatch { stated, signer }) => format!(
            "the evidence names \"{stated}\" as its issuer, but it was signed by a certificate of \
             \"{signer}\": the provider is the signer; the name is only stated"
        ),
        (Lang::It, F::RemIssuerMismatch { stated, signer }) => format!(
            "l'evidenza indica \"{stated}\" come emittente, ma è firmata da un certificato di \
             \"{signer}\": il gestore è il firmatario; il nome è solo dichiarato"
        ),
        (Lang::En, F::XadesUnsignedContent(names)) => format!(
            "the evidence's signature holds elements no reference signs ({names}): peckit reads \
             nothing from them, but a person or another program opening the XML might"
        ),
        (Lang::It, F::XadesUnsignedContent(names)) => format!(
            "la firma dell'evidenza contiene elementi che nessun riferimento firma ({names}): \
             peckit non ne legge nulla, ma una persona o un altro programma che apre l'XML \
             potrebbe farlo"
        ),
        _ => String::new(),
    }
}
