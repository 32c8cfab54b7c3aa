//! The texts of REM findings (the evidence, its `REM-*` headers, its XAdES signature and
//! time-stamp, and the signer binding CAdES adds to the S/MIME signature), in Italian and
//! English.

use super::Lang;
use crate::finding::Finding;

/// The text of a REM finding; other findings are said in findings.rs.
pub(super) fn text(lang: Lang, finding: &Finding) -> String {
    use Finding as F;
    match lang {
        Lang::En => match finding {
            F::RemEvidence => {
                "REM (ETSI EN 319 532): the ETSI EN 319 522 evidence is read and its \
                               XAdES signature and time-stamp are checked"
                    .into()
            }
            F::RemEvidenceMalformed(why) => {
                format!("the REM evidence (ETSI EN 319 522) cannot be read: {why}")
            }
            F::RemHeaderMismatch { header, stated, certified } => format!(
                "unsigned header {header}: {stated} contradicts the signed evidence ({certified})"
            ),
            F::XadesMissing => "the REM evidence carries no XAdES signature".into(),
            F::TimeStampMissing => "the evidence carries no time-stamp (XAdES B-B, not the B-T \
                                    REM requires): it is judged at the signing time its signer \
                                    states, which nothing else attests"
                .into(),
            F::SigningCertificateMismatch => "the signingCertificateV2 attribute of the signature \
                                              names another certificate than the one that \
                                              verified: a substituted signer"
                .into(),
            F::TimeStampInvalid(why) => format!("the evidence's time-stamp does not hold: {why}"),
            F::TimeStampUntrusted(why) => format!(
                "the evidence's time-stamp verifies but its authority is not trusted ({why}): \
                 its time proves nothing, and the certificates are judged at the signing time \
                 the signer states"
            ),
            F::XadesSignerDiffers { smime, evidence } => format!(
                "the message is signed by {smime} but its evidence by {evidence}: not the same \
             provider"
            ),
            F::XadesWrapping(what) => {
                format!("the XAdES signature does not sign the evidence read: {what}")
            }
            F::XadesTransformRefused(what) => {
                format!("XAdES: not in the allow-list of canonicalisations and transforms: {what}")
            }
            F::XadesReferenceAltered(uri) => format!(
                "XAdES: the digest of reference {uri:?} does not match: the evidence or its signed \
             properties were altered after signing"
            ),
            F::XadesBadSignature(why) => {
                format!("XAdES: the signature value does not verify over SignedInfo ({why})")
            }
            F::XadesSigningCertificate => {
                "XAdES: SigningCertificateV2 is missing or does not name \
                                      the certificate that signed"
                    .into()
            }
            F::RemOriginalDigestMismatch { stated, actual } => format!(
                "the original message carried does not match the digest the signed evidence \
             states (evidence {stated}, original {actual})"
            ),
            _ => String::new(),
        },
        Lang::It => match finding {
            F::RemEvidence => {
                "REM (ETSI EN 319 532): l'evidenza ETSI EN 319 522 è letta e ne sono \
                               verificate la firma XAdES e la marca temporale"
                    .into()
            }
            F::RemEvidenceMalformed(why) => {
                format!("l'evidenza REM (ETSI EN 319 522) non è leggibile: {why}")
            }
            F::RemHeaderMismatch { header, stated, certified } => format!(
                "l'intestazione non firmata {header}: {stated} contraddice l'evidenza firmata \
             ({certified})"
            ),
            F::XadesMissing => "l'evidenza REM non ha una firma XAdES".into(),
            F::TimeStampMissing => "l'evidenza non ha marca temporale (XAdES B-B, non la B-T \
                                    richiesta per REM): è valutata all'ora di firma dichiarata \
                                    dal firmatario, che nient'altro attesta"
                .into(),
            F::SigningCertificateMismatch => "l'attributo signingCertificateV2 della firma indica \
                                              un certificato diverso da quello con cui si \
                                              verifica: firmatario sostituito"
                .into(),
            F::TimeStampInvalid(why) => {
                format!("la marca temporale dell'evidenza non è valida: {why}")
            }
            F::TimeStampUntrusted(why) => format!(
                "la marca temporale dell'evidenza si verifica ma la sua autorità non è fidata \
                 ({why}): la sua data non prova nulla e i certificati sono valutati all'ora di \
                 firma dichiarata dal firmatario"
            ),
            F::XadesSignerDiffers { smime, evidence } => format!(
                "il messaggio è firmato da {smime} ma la sua evidenza da {evidence}: non è lo \
             stesso gestore"
            ),
            F::XadesWrapping(what) => {
                format!("la firma XAdES non firma l'evidenza letta: {what}")
            }
            F::XadesTransformRefused(what) => {
                format!("XAdES: canonicalizzazione o trasformazione non ammessa: {what}")
            }
            F::XadesReferenceAltered(uri) => format!(
                "XAdES: l'impronta del riferimento {uri:?} non corrisponde: l'evidenza o le sue \
             proprietà firmate sono state alterate dopo la firma"
            ),
            F::XadesBadSignature(why) => {
                format!("XAdES: il valore della firma non si verifica su SignedInfo ({why})")
            }
            F::XadesSigningCertificate => "XAdES: SigningCertificateV2 manca o non indica il \
                                      certificato che ha firmato"
                .into(),
            F::RemOriginalDigestMismatch { stated, actual } => format!(
                "il messaggio originale allegato non corrisponde all'impronta dichiarata \
             dall'evidenza firmata (evidenza {stated}, originale {actual})"
            ),
            _ => String::new(),
        },
    }
}

/// What an ETSI event means for the message, said for people; `None` for an event peckit
/// does not describe (its name is shown as written).
pub fn event_text(lang: Lang, event: &str) -> Option<&'static str> {
    Some(match (lang, event) {
        (Lang::En, "SubmissionAcceptance") => {
            "accepted by the sender's provider (as PEC's accettazione)"
        }
        (Lang::It, "SubmissionAcceptance") => {
            "accettato dal gestore del mittente (come l'accettazione PEC)"
        }
        (Lang::En, "SubmissionRejection") => "refused by the sender's provider: NOT sent",
        (Lang::It, "SubmissionRejection") => "rifiutato dal gestore del mittente: NON spedito",
        (Lang::En, "RelayAcceptance") => {
            "taken in charge by the recipient's provider (as PEC's presa in carico)"
        }
        (Lang::It, "RelayAcceptance") => {
            "preso in carico dal gestore del destinatario (come la presa in carico PEC)"
        }
        (Lang::En, "RelayRejection") => "refused by the recipient's provider: NOT delivered",
        (Lang::It, "RelayRejection") => "rifiutato dal gestore del destinatario: NON consegnato",
        (Lang::En, "RelayFailure") => {
            "could not be relayed to the recipient's provider: NOT delivered"
        }
        (Lang::It, "RelayFailure") => "non inoltrato al gestore del destinatario: NON consegnato",
        (Lang::En, "ContentConsignment") => {
            "placed in the recipient's box (as PEC's avvenuta consegna)"
        }
        (Lang::It, "ContentConsignment") => {
            "consegnato nella casella del destinatario (come l'avvenuta consegna PEC)"
        }
        (Lang::En, "ContentConsignmentFailure") => {
            "could not be placed in the recipient's box: NOT delivered"
        }
        (Lang::It, "ContentConsignmentFailure") => {
            "non consegnato nella casella del destinatario: NON consegnato"
        }
        (Lang::En, "ReceivedFromNonERDS") => "received from outside REM: not a registered message",
        (Lang::It, "ReceivedFromNonERDS") => {
            "ricevuto da un sistema non REM: non è un messaggio certificato"
        }
        (Lang::En, "RelayToNonERDS") => {
            "relayed to a system outside REM: no delivery evidence will follow"
        }
        (Lang::It, "RelayToNonERDS") => {
            "inoltrato a un sistema non REM: non seguirà evidenza di consegna"
        }
        (Lang::En, "RelayToNonERDSFailure") => "could not be relayed to a system outside REM",
        (Lang::It, "RelayToNonERDSFailure") => "non inoltrato al sistema non REM",
        _ => return None,
    })
}

/// An eIDAS level of assurance (Implementing Regulation (EU) 2015/1502), in the words of
/// the language; other values as written.
pub fn assurance_text(lang: Lang, uri: &str) -> String {
    let level = uri.rsplit('/').next().unwrap_or(uri);
    let word = match (lang, level) {
        (Lang::En, "low") => "low",
        (Lang::En, "substantial") => "substantial",
        (Lang::En, "high") => "high",
        (Lang::It, "low") => "basso",
        (Lang::It, "substantial") => "significativo",
        (Lang::It, "high") => "elevato",
        _ => return uri.to_string(),
    };
    match lang {
        Lang::En => format!("eIDAS level of assurance {word}"),
        Lang::It => format!("livello di garanzia eIDAS {word}"),
    }
}
