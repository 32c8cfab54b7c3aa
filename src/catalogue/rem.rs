//! The texts of REM findings (the evidence, its `REM-*` headers, its XAdES signature and
//! time-stamp, and the signer binding CAdES adds to the S/MIME signature), in Italian and
//! English.

use super::Lang;
use crate::finding::{
    ETSI_ERDS_NAMESPACE, Finding, TimeStampFault, TransformFault, WrappingFault, XmlFault,
};

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
            F::RemEvidenceMalformed(XmlFault::NotEvidence) => format!(
                "the REM evidence (ETSI EN 319 522) cannot be read: {}",
                xml_fault_text(lang, &XmlFault::NotEvidence)
            ),
            F::RemEvidenceMalformed(fault) => format!(
                "the REM evidence (ETSI EN 319 522) cannot be read: not well-formed XML: {}",
                xml_fault_text(lang, fault)
            ),
            F::RemHeaderMismatch { header, stated, certified } => format!(
                "unsigned header {header}: {stated} contradicts the signed evidence ({certified})"
            ),
            F::XadesMissing => "the REM evidence carries no XAdES signature".into(),
            F::TimeStampMissing => "the evidence carries no time-stamp (XAdES B-B, not the B-T \
                                    REM requires): it is judged at the signing time its signer \
                                    states, which nothing else attests"
                .into(),
            F::SigningCertificateMismatch => "the signingCertificate attribute of the signature \
                                              names another certificate than the one that \
                                              verified: a substituted signer"
                .into(),
            F::TimeStampInvalid(fault) => format!(
                "the evidence's time-stamp does not hold: {}",
                time_stamp_fault_text(lang, fault)
            ),
            F::TimeStampUntrusted(why) => format!(
                "the evidence's time-stamp verifies but its authority {} ({}): its time proves \
                 nothing, and the certificates are judged at the signing time the signer states",
                if revoked(why.as_deref()) {
                    "is revoked (its certificate)"
                } else {
                    "is not trusted"
                },
                untrusted_because(lang, why.as_deref())
            ),
            F::XadesSignerDiffers { smime, evidence } => format!(
                "the message is signed by {smime} but its evidence by {evidence}: not the same \
             provider"
            ),
            F::XadesWrapping(fault) => format!(
                "the XAdES signature does not sign the evidence read: {}",
                wrapping_fault_text(lang, fault)
            ),
            F::XadesTransformRefused(what) => format!(
                "XAdES: not in the allow-list of canonicalisations and transforms: {}",
                transform_fault_text(lang, what)
            ),
            F::XadesReferenceAltered(uri) => format!(
                "XAdES: the digest of reference {uri:?} does not match: the evidence or its signed \
             properties were altered after signing"
            ),
            F::XadesBadSignature(None) => {
                "XAdES: the signature value does not verify over SignedInfo".into()
            }
            F::XadesBadSignature(Some(why)) => {
                format!("XAdES: the signer's key or algorithm cannot be used ({why})")
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
                               controllate la firma XAdES e la marca temporale (esito nei \
                               rilievi e nella firma dell'evidenza)"
                    .into()
            }
            F::RemEvidenceMalformed(fault) => format!(
                "l'evidenza REM (ETSI EN 319 522) non è leggibile: {}",
                xml_fault_text(lang, fault)
            ),
            F::RemHeaderMismatch { header, stated, certified } => format!(
                "l'intestazione non firmata {header}: {stated} contraddice l'evidenza firmata \
             ({certified})"
            ),
            F::XadesMissing => "l'evidenza REM non ha una firma XAdES".into(),
            F::TimeStampMissing => "l'evidenza non ha marca temporale (XAdES B-B, non la B-T \
                                    richiesta per REM): è valutata all'ora di firma dichiarata \
                                    dal firmatario, che nient'altro attesta"
                .into(),
            F::SigningCertificateMismatch => "l'attributo signingCertificate della firma indica \
                                              un certificato diverso da quello con cui si \
                                              verifica: firmatario sostituito"
                .into(),
            F::TimeStampInvalid(fault) => format!(
                "la marca temporale dell'evidenza non è valida: {}",
                time_stamp_fault_text(lang, fault)
            ),
            F::TimeStampUntrusted(why) => format!(
                "la marca temporale dell'evidenza si verifica ma {} ({}): la sua data non \
                 prova nulla e i certificati sono valutati all'ora di firma dichiarata dal \
                 firmatario",
                if revoked(why.as_deref()) {
                    "il certificato della sua autorità risulta revocato"
                } else {
                    "la sua autorità non è fidata"
                },
                untrusted_because(lang, why.as_deref())
            ),
            F::XadesSignerDiffers { smime, evidence } => format!(
                "il messaggio è firmato da {smime} ma la sua evidenza da {evidence}: non è lo \
             stesso gestore"
            ),
            F::XadesWrapping(fault) => format!(
                "la firma XAdES non firma l'evidenza letta: {}",
                wrapping_fault_text(lang, fault)
            ),
            F::XadesTransformRefused(what) => format!(
                "XAdES: canonicalizzazione o trasformazione non ammessa: {}",
                transform_fault_text(lang, what)
            ),
            F::XadesReferenceAltered(uri) => format!(
                "XAdES: l'impronta del riferimento {} non corrisponde: l'evidenza o le sue \
             proprietà firmate sono state alterate dopo la firma",
                if uri.is_empty() {
                    "all'intero documento (URI vuoto)".to_string()
                } else {
                    super::quote::guillemets(uri)
                }
            ),
            F::XadesBadSignature(None) => {
                "XAdES: il valore della firma non si verifica su SignedInfo".into()
            }
            // The verifier's words about the key are English: the code and --lang en have them.
            F::XadesBadSignature(Some(_)) => {
                "XAdES: la chiave o l'algoritmo del firmatario non è utilizzabile".into()
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

/// Why an XML document was refused: the parser's own words in English (a trusted list's
/// error has only these), what happened without them in Italian.
pub fn xml_fault_text(lang: Lang, fault: &XmlFault) -> String {
    use XmlFault as X;
    match (lang, fault) {
        (Lang::En, X::NotUtf8 { detail, .. }) => detail.clone(),
        (Lang::It, X::NotUtf8 { at, .. }) => format!("non è UTF-8 (dal byte {at})"),
        (Lang::En, X::Dtd) => "XML with DTD detected".into(),
        (Lang::It, X::Dtd) => "XML con una DTD: rifiutato".into(),
        (Lang::En, X::TooDeep(max)) => format!("elements nested deeper than {max}"),
        (Lang::It, X::TooDeep(max)) => format!("XML con elementi annidati oltre {max} livelli"),
        (Lang::En, X::TooManyNamespaces(max)) => format!("more than {max} namespaces in scope"),
        (Lang::It, X::TooManyNamespaces(max)) => {
            format!("XML con più di {max} namespace attivi in un elemento")
        }
        (Lang::En, X::Incomplete(detail) | X::TooLarge(detail) | X::Syntax { detail, .. }) => {
            detail.clone()
        }
        (Lang::It, X::Incomplete(_)) => {
            "XML incompleto: il documento finisce prima di chiudere il suo elemento radice, o non \
             ne ha uno"
                .into()
        }
        (Lang::It, X::TooLarge(_)) => {
            "XML oltre i limiti del lettore (nodi, attributi o namespace)".into()
        }
        (Lang::It, X::Syntax { line, column, .. }) => {
            format!("XML non ben formato alla riga {line}, colonna {column}")
        }
        (Lang::En, X::NotEvidence) => format!(
            "not an ETSI EN 319 522 evidence (the root is not Evidence in {ETSI_ERDS_NAMESPACE})"
        ),
        (Lang::It, X::NotEvidence) => format!(
            "non è un'evidenza ETSI EN 319 522 (la radice non è Evidence in {ETSI_ERDS_NAMESPACE})"
        ),
    }
}

/// What a XAdES signature uses that peckit does not allow, or lacks.
fn transform_fault_text(lang: Lang, fault: &TransformFault) -> String {
    use TransformFault as T;
    match (lang, fault) {
        (Lang::En, T::NoCanonicalization) => "no CanonicalizationMethod".into(),
        (Lang::It, T::NoCanonicalization) => "manca CanonicalizationMethod".into(),
        (Lang::En, T::NoSignatureMethod) => "no SignatureMethod".into(),
        (Lang::It, T::NoSignatureMethod) => "manca SignatureMethod".into(),
        (Lang::En, T::NoDigestMethod) => "no DigestMethod".into(),
        (Lang::It, T::NoDigestMethod) => "manca DigestMethod".into(),
        (Lang::En, T::TimeStampNoCanonicalization) => {
            "a time-stamp without CanonicalizationMethod".into()
        }
        (Lang::It, T::TimeStampNoCanonicalization) => {
            "una marca temporale senza CanonicalizationMethod".into()
        }
        (Lang::En, T::ReferenceUri(uri)) => format!("reference URI {uri:?}"),
        (Lang::It, T::ReferenceUri(uri)) => {
            format!("URI di riferimento {}", super::quote::guillemets(uri))
        }
        (Lang::En, T::AfterCanonicalisation(alg)) => format!("{alg} after canonicalisation"),
        (Lang::It, T::AfterCanonicalisation(alg)) => format!("{alg} dopo la canonicalizzazione"),
        (Lang::En, T::XPathMissing) => "XPath Filter 2.0 without XPath".into(),
        (Lang::It, T::XPathMissing) => "XPath Filter 2.0 senza XPath".into(),
        (Lang::En, T::XPathFilter { filter, expression }) => {
            format!("XPath Filter 2.0 {filter} {expression:?}")
        }
        (Lang::It, T::XPathFilter { filter, expression }) => {
            format!("filtro XPath 2.0 {filter} {expression:?}")
        }
        (Lang::En, T::Transform(uri) | T::Canonicalisation(uri)) => uri.clone(),
        (Lang::It, T::Transform(uri)) => format!("trasformazione {uri}"),
        (Lang::It, T::Canonicalisation(uri)) => format!("canonicalizzazione {uri}"),
        (Lang::En, T::Digest(uri)) => format!("digest {uri}"),
        (Lang::It, T::Digest(uri)) => format!("impronta {uri}"),
        (Lang::En, T::SignatureMethod(uri)) => format!("signature method {uri}"),
        (Lang::It, T::SignatureMethod(uri)) => format!("metodo di firma {uri}"),
    }
}

/// Why the XAdES signature does not sign the evidence read.
fn wrapping_fault_text(lang: Lang, fault: &WrappingFault) -> String {
    use WrappingFault as W;
    match (lang, fault) {
        (Lang::En, W::DuplicateId(id)) => format!("two elements have the Id {id:?}"),
        (Lang::It, W::DuplicateId(id)) => {
            format!("due elementi hanno l'Id {}", super::quote::guillemets(id))
        }
        (Lang::En, W::SignatureCount(n)) => format!("{n} signatures in one evidence"),
        (Lang::It, W::SignatureCount(n)) => format!("{n} firme in una sola evidenza"),
        (Lang::En, W::NotEnveloped) => {
            "the signature is not enveloped in the evidence's root element".into()
        }
        (Lang::It, W::NotEnveloped) => {
            "la firma non è contenuta nell'elemento radice dell'evidenza".into()
        }
        (Lang::En, W::NoSignedInfo) => "no SignedInfo".into(),
        (Lang::It, W::NoSignedInfo) => "manca SignedInfo".into(),
        (Lang::En, W::TooManyReferences { found, max }) => {
            format!("{found} references, at most {max}")
        }
        (Lang::It, W::TooManyReferences { found, max }) => {
            format!("{found} riferimenti, al massimo {max}")
        }
        (Lang::En, W::UnknownId(id)) => format!("no element has the Id {id:?}"),
        (Lang::It, W::UnknownId(id)) => {
            format!("nessun elemento ha l'Id {}", super::quote::guillemets(id))
        }
        (Lang::En, W::SignatureNotExcluded) => {
            "the whole-document reference does not leave out the signature".into()
        }
        (Lang::It, W::SignatureNotExcluded) => {
            "il riferimento all'intero documento non esclude la firma".into()
        }
        (Lang::En, W::OtherElement(name)) => {
            format!("a reference selects <{name}>, neither the evidence nor its signed properties")
        }
        (Lang::It, W::OtherElement(name)) => format!(
            "un riferimento seleziona <{name}>, che non è né l'evidenza né le sue proprietà firmate"
        ),
        (Lang::En, W::EvidenceNotCovered) => "no reference covers the evidence".into(),
        (Lang::It, W::EvidenceNotCovered) => "nessun riferimento copre l'evidenza".into(),
        (Lang::En, W::PropertiesNotCovered) => "no reference covers the signed properties".into(),
        (Lang::It, W::PropertiesNotCovered) => {
            "nessun riferimento copre le proprietà firmate".into()
        }
        (Lang::En, W::NoSignatureValue) => "no SignatureValue".into(),
        (Lang::It, W::NoSignatureValue) => "manca SignatureValue".into(),
    }
}

/// Why a time-stamp token does not hold. English keeps the readers' words; the DER and
/// key details are English only (the code and `--lang en` have them).
fn time_stamp_fault_text(lang: Lang, fault: &TimeStampFault) -> String {
    use TimeStampFault as T;
    match (lang, fault) {
        (Lang::En, T::NotSignedData(why)) => format!("not a CMS SignedData: {why}"),
        (Lang::It, T::NotSignedData(_)) => "non è una struttura CMS SignedData leggibile".into(),
        (Lang::En, T::WrongContentType(oid)) => format!("content type {oid} is not TSTInfo"),
        (Lang::It, T::WrongContentType(oid)) => format!("il tipo di contenuto {oid} non è TSTInfo"),
        (Lang::En, T::NoTstInfo) => "no TSTInfo in the token".into(),
        (Lang::It, T::NoTstInfo) => "la marca non contiene un TSTInfo".into(),
        (Lang::En, T::MalformedTstInfo(why)) => format!("malformed TSTInfo: {why}"),
        (Lang::It, T::MalformedTstInfo(_)) => "il suo TSTInfo non è leggibile".into(),
        (Lang::En, T::UnreadableGenTime) => "unreadable genTime".into(),
        (Lang::It, T::UnreadableGenTime) => "la sua data (genTime) non è leggibile".into(),
        (Lang::En, T::UnsupportedImprintDigest(oid)) => format!("imprint digest {oid}"),
        (Lang::It, T::UnsupportedImprintDigest(oid)) => {
            format!("algoritmo di impronta {oid} non gestito")
        }
        (Lang::En, T::UnsupportedDigest(oid)) => format!("digest {oid}"),
        (Lang::It, T::UnsupportedDigest(oid)) => {
            format!("algoritmo di impronta {oid} del firmatario non gestito")
        }
        (Lang::En, T::ImprintMismatch) => {
            "its imprint is not the digest of the signature value it time-stamps".into()
        }
        (Lang::It, T::ImprintMismatch) => {
            "la sua impronta non è quella del valore di firma che marca".into()
        }
        (Lang::En, T::NoSignerInfo) => "no SignerInfo".into(),
        (Lang::It, T::NoSignerInfo) => "manca il SignerInfo".into(),
        (Lang::En, T::AuthorityCertificateMissing) => {
            "the authority's certificate is not in the token".into()
        }
        (Lang::It, T::AuthorityCertificateMissing) => {
            "il certificato dell'autorità non è nella marca".into()
        }
        (Lang::En, T::NotTimeStampingAuthority(subject)) => format!(
            "its signer \"{subject}\" is not a time-stamping authority (no timeStamping key usage)"
        ),
        (Lang::It, T::NotTimeStampingAuthority(subject)) => format!(
            "il suo firmatario \"{subject}\" non è un'autorità di marcatura temporale (manca \
             l'uso timeStamping)"
        ),
        (Lang::En, T::NoSignedAttributes) => "no signed attributes".into(),
        (Lang::It, T::NoSignedAttributes) => "mancano gli attributi firmati".into(),
        (Lang::En, T::NoMessageDigest) => "no messageDigest attribute".into(),
        (Lang::It, T::NoMessageDigest) => "manca l'attributo messageDigest".into(),
        (Lang::En, T::ContentTypeAttribute) => "its contentType attribute is not TSTInfo".into(),
        (Lang::It, T::ContentTypeAttribute) => {
            "il suo attributo firmato contentType non è TSTInfo".into()
        }
        (Lang::En, T::Altered) => "the TSTInfo does not match its messageDigest: altered".into(),
        (Lang::It, T::Altered) => {
            "il TSTInfo non corrisponde al suo messageDigest: alterato".into()
        }
        (Lang::En, T::SignatureAlgorithm(why)) => why.clone(),
        (Lang::It, T::SignatureAlgorithm(_)) => {
            "l'algoritmo di firma dell'autorità non è leggibile o non è gestito".into()
        }
        (Lang::En, T::KeyUnusable(why)) => {
            format!("the authority's key cannot be used for its signature ({why})")
        }
        (Lang::It, T::KeyUnusable(_)) => {
            "la chiave dell'autorità non è utilizzabile per la sua firma".into()
        }
        (Lang::En, T::BadSignature) => "the authority's signature does not verify".into(),
        (Lang::It, T::BadSignature) => "la firma dell'autorità non si verifica".into(),
    }
}

/// Why a time-stamp's authority is not trusted: what its path check found.
fn untrusted_because(lang: Lang, finding: Option<&Finding>) -> String {
    match (lang, finding) {
        (_, Some(finding)) => finding.text(lang),
        (Lang::En, None) => "no trusted authority issued it".into(),
        (Lang::It, None) => "nessuna autorità fidata l'ha emessa".into(),
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
            "consegna nella casella del destinatario non riuscita: NON consegnato"
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

/// Whether a time-stamping authority was set aside because a CRL revokes it (in its path).
fn revoked(why: Option<&Finding>) -> bool {
    matches!(why, Some(Finding::Revoked { .. } | Finding::RevokedCompromised { .. }))
}
