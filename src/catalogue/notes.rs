//! The notes on a recipient's fate in the evidence summary, in English and Italian.

use super::Lang;
use crate::finding::CecPacWarning;

/// A note on a recipient's fate in the evidence summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// An errore-consegna or rilevazione-virus for a virus.
    VirusDetected,
    /// A preavviso: no delivery receipt within 12 hours.
    NoReceiptWithin12Hours,
    /// The preavviso's extended error is a permanent 5.x.x code.
    PermanentErrorInWarning,
    /// A presa-in-carico covers the recipient, no delivery receipt yet.
    TakenInCharge,
    /// An `esterno` (non-PEC) recipient.
    NotPecAddress,
    /// Verified artefacts both deliver and fail to deliver to this recipient.
    ContradictoryEvidence,
    /// A CEC-PAC address after its service closed.
    CecPac(CecPacWarning),
    /// A verified artefact of a tipo the PEC rules do not define (`mancata-consegna`).
    UndefinedKind {
        /// The tipo as the daticert writes it.
        tipo: String,
        /// The file.
        file: String,
    },
}

impl Note {
    /// The note in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let fixed = match (lang, self) {
            (_, Note::CecPac(w)) => return w.text(lang),
            (Lang::En, Note::UndefinedKind { tipo, file }) => {
                return format!(
                    "a verified artefact of a type the PEC rules do not define (\"{tipo}\", {file}) \
                 concerns this recipient: read it before concluding"
                );
            }
            (Lang::It, Note::UndefinedKind { tipo, file }) => {
                return format!(
                    "un file verificato di un tipo che le regole PEC non definiscono (\"{tipo}\", \
                 {file}) riguarda questo destinatario: leggerlo prima di concludere"
                );
            }
            (Lang::En, Note::VirusDetected) => "not delivered: a virus was detected",
            (Lang::It, Note::VirusDetected) => "non consegnato: è stato rilevato un virus",
            (Lang::En, Note::NoReceiptWithin12Hours) => {
                "no delivery receipt within 12 hours of sending (preavviso)"
            }
            (Lang::It, Note::NoReceiptWithin12Hours) => {
                "nessuna ricevuta di consegna entro 12 ore dall'invio (preavviso)"
            }
            (Lang::En, Note::PermanentErrorInWarning) => {
                "the warning carries a permanent 5.x.x error: in practice final"
            }
            (Lang::It, Note::PermanentErrorInWarning) => {
                "il preavviso riporta un errore permanente 5.x.x: di fatto definitivo"
            }
            (Lang::En, Note::TakenInCharge) => {
                "taken in charge by the recipient's provider; no delivery receipt among the files"
            }
            (Lang::It, Note::TakenInCharge) => {
                "preso in carico dal gestore del destinatario; nessuna ricevuta di consegna tra i \
                 file esaminati"
            }
            (Lang::En, Note::NotPecAddress) => {
                "not a PEC address: no delivery receipt exists by design"
            }
            (Lang::It, Note::NotPecAddress) => {
                "indirizzo non PEC: per questo destinatario non si emette ricevuta di consegna"
            }
            (Lang::En, Note::ContradictoryEvidence) => {
                "CONTRADICTORY: a verified notice of non-delivery for this recipient exists too"
            }
            (Lang::It, Note::ContradictoryEvidence) => {
                "CONTRADDITTORIO: esiste anche un avviso verificato di mancata consegna per questo \
                 destinatario"
            }
        };
        fixed.to_string()
    }
}

/// JSON keeps the stable English text of a note.
impl serde::Serialize for Note {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text(Lang::En))
    }
}
