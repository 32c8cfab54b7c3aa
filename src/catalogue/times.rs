//! The texts of findings about impossible or inconsistent times (`time-in-future`,
//! `rem-event-after-time-stamp`, `rem-event-time-mismatch`), in Italian and English.

use super::Lang;
use crate::finding::{Finding, StatedTime};

fn which(lang: Lang, what: StatedTime) -> &'static str {
    match (lang, what) {
        (Lang::En, StatedTime::Certified) => "the certified time",
        (Lang::En, StatedTime::Signing) => "the signing time",
        (Lang::En, StatedTime::RemEvent) => "the evidence's event time",
        (Lang::It, StatedTime::Certified) => "la data certificata",
        (Lang::It, StatedTime::Signing) => "l'ora della firma",
        (Lang::It, StatedTime::RemEvent) => "l'ora dell'evento dell'evidenza",
    }
}

/// The text of a time finding; other findings are said in findings.rs.
pub(super) fn text(lang: Lang, finding: &Finding) -> String {
    use Finding as F;
    match (lang, finding) {
        (Lang::En, F::TimeInFuture { what, time, now }) => format!(
            "{} ({time}) is after the moment of this check ({now}): no signature makes a future \
             time true (a provider's clock was wrong, or the file was forged with its key)",
            which(lang, *what)
        ),
        (Lang::It, F::TimeInFuture { what, time, now }) => format!(
            "{} ({time}) è successiva al momento di questa verifica ({now}): nessuna firma rende \
             vera un'ora futura (l'orologio del gestore era errato, o il file è stato falsificato \
             con la sua chiave)",
            which(lang, *what)
        ),
        (Lang::En, F::RemEventAfterTimeStamp { event, stamped }) => format!(
            "the evidence's event time ({event}) is after its trusted time-stamp ({stamped}), \
             which proves the evidence existed then: the event it certifies cannot have happened \
             later"
        ),
        (Lang::It, F::RemEventAfterTimeStamp { event, stamped }) => format!(
            "l'ora dell'evento dell'evidenza ({event}) è successiva alla sua marca temporale \
             fidata ({stamped}), che prova che l'evidenza esisteva già: l'evento che certifica \
             non può essere avvenuto dopo"
        ),
        (Lang::En, F::RemEventTimeMismatch { signing, event }) => format!(
            "the evidence's event time ({event}) is more than 5 minutes from its XAdES signing \
             time ({signing})"
        ),
        (Lang::It, F::RemEventTimeMismatch { signing, event }) => format!(
            "l'ora dell'evento dell'evidenza ({event}) dista più di 5 minuti dall'ora della sua \
             firma XAdES ({signing})"
        ),
        _ => String::new(),
    }
}
