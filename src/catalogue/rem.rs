//! The texts of REM findings (the evidence, its `REM-*` headers, its XAdES signature), in
//! Italian and English.

use super::Lang;
use crate::finding::Finding;

/// The text of a REM finding; other findings are said in findings.rs.
pub(super) fn text(lang: Lang, finding: &Finding) -> String {
    use Finding as F;
    match lang {
        Lang::En => match finding {
            F::RemEvidenceMalformed(why) => {
                format!("the REM evidence (ETSI EN 319 522) cannot be read: {why}")
            }
            F::RemHeaderMismatch { header, stated, certified } => format!(
                "unsigned header {header}: {stated} contradicts the signed evidence ({certified})"
            ),
            F::XadesMissing => "the REM evidence carries no XAdES signature".into(),
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
            F::RemEvidenceMalformed(why) => {
                format!("l'evidenza REM (ETSI EN 319 522) non è leggibile: {why}")
            }
            F::RemHeaderMismatch { header, stated, certified } => format!(
                "l'intestazione non firmata {header}: {stated} contraddice l'evidenza firmata \
             ({certified})"
            ),
            F::XadesMissing => "l'evidenza REM non ha una firma XAdES".into(),
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
