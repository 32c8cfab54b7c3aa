//! What each finding says, in English (the stable message JSON keeps) and in Italian. The
//! specifics (addresses, times, names, codes) are data and are shown as found; technical
//! words of a parser quoted in parentheses stay as the parser wrote them.

use super::Lang;
use super::chain::{ca_problem, link_failure, name_violation, sha1_use};
use super::quote::guillemets;
use crate::finding::{Finding, LinkFailure, SignatureDefect, Unread, UsageProblem};
use crate::problem::Problem;

impl Problem {
    /// The problem a finding makes: its code, the code's severity, the English message.
    pub fn of(finding: Finding) -> Problem {
        let mut problem = Problem::new(finding.code(), finding.text(Lang::En));
        problem.limit = finding.limit();
        problem.finding = Some(finding);
        problem
    }
}

impl SignatureDefect {
    /// The defect in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use SignatureDefect as D;
        match (lang, self) {
            (Lang::En, D::NoEncapsulatedContent) => {
                "opaque signed-data without encapsulated content".into()
            }
            (Lang::It, D::NoEncapsulatedContent) => {
                "firma opaca (signed-data) senza contenuto incapsulato".into()
            }
            (Lang::En, D::OpaqueUnreadable(why)) => format!("cannot read the signed-data: {why}"),
            (Lang::It, D::OpaqueUnreadable(why)) => {
                format!("la firma opaca (signed-data) è illeggibile ({why})")
            }
            (Lang::En, D::SecondPartNotSignature { content_type }) => format!(
                "the second part of multipart/signed is {content_type}, not a PKCS#7 signature"
            ),
            (Lang::It, D::SecondPartNotSignature { content_type }) => format!(
                "la seconda parte di multipart/signed è {content_type}, non una firma PKCS#7"
            ),
            (Lang::En, D::NotBase64) => "the smime.p7s part is not valid base64".into(),
            (Lang::It, D::NotBase64) => "la parte smime.p7s non è base64 valido".into(),
            (Lang::En, D::SignaturePartMissing { parts }) => {
                format!("multipart/signed with {parts} part(s): the signature part is missing")
            }
            (Lang::It, D::SignaturePartMissing { parts }) => {
                format!("multipart/signed con {parts} parti: manca la parte della firma")
            }
            (Lang::En, D::NotClosed) => {
                "multipart/signed is not closed: the message is truncated".into()
            }
            (Lang::It, D::NotClosed) => {
                "multipart/signed non è chiuso: il messaggio è troncato".into()
            }
        }
    }
}

/// A list as each language writes one: "a, b and c", "a, b e c".
fn join(lang: Lang, items: impl IntoIterator<Item = String>) -> String {
    let mut items: Vec<String> = items.into_iter().collect();
    let Some(last) = items.pop() else { return String::new() };
    if items.is_empty() {
        return last;
    }
    let and = match lang {
        Lang::En => "and",
        Lang::It => "e",
    };
    format!("{} {and} {last}", items.join(", "))
}

impl Finding {
    /// What was found, in `lang`. The English text is the problem's stable message.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.english(),
            Lang::It => self.italian(),
        }
    }

    fn english(&self) -> String {
        use Finding as F;
        match self {
            F::Unreadable(f) => f.text(Lang::En),
            F::MimeTooDeep(n) => format!("MIME nesting deeper than {n} levels"),
            F::TooManyParts(n) => format!("more than {n} MIME parts"),
            F::HeaderTooLong(n) => format!("a header block longer than {n} bytes"),
            F::NestingTooDeep(n) => format!("nested artefacts deeper than {n} were not read"),
            F::OverBudget(what) => format!(
                "{} was not read: reading it would copy more than twice the input's size \
                 (nested artefacts share one memory budget)",
                match what {
                    Unread::Original => "the original message inside".to_string(),
                    Unread::Forwarded { mime_path } => {
                        format!("the message forwarded at MIME part {mime_path}")
                    }
                }
            ),
            F::OriginalUnreadable(f) => {
                format!("the original message inside could not be read: {}", f.text(Lang::En))
            }
            F::DuplicatedHeader { header, parameter, count, offset } => format!(
                "{} appears {count} times on one MIME entity (byte {offset}): readers disagree on \
                 which one counts",
                parameter.as_ref().map_or(format!("the {header} header"), |p| format!(
                    "the {p} parameter of the {header} header"
                ))
            ),
            F::SignatureDefect(d) => d.text(Lang::En),
            F::CmsUnreadable(why) => format!("cannot read the CMS signature: {why}"),
            F::NoSigner => "no signer".into(),
            F::DigestUnsupported(oid) => format!("digest algorithm {oid} is not supported"),
            F::AlgorithmUnsupported(what) => format!("{what} is not supported"),
            F::SignerKeyUnreadable(why) => format!("the signer's key cannot be read: {why}"),
            F::ContentTypeNotData(found) => format!(
                "the signed contentType is {}, not id-data",
                found.as_deref().unwrap_or("missing")
            ),
            F::EncapsulatedNotData(found) => {
                format!("the encapsulated content type is {found}, not id-data")
            }
            F::MessageDigestLength { algorithm, length } => format!(
                "the signed messageDigest has {length} bytes, where {algorithm}, the digest \
                 algorithm the signature states, gives another length"
            ),
            F::MessageDigestMissing => "the signed messageDigest is missing".into(),
            F::Integrity(i) => super::integrity::text(Lang::En, i),
            F::ContentAltered => "the signed bytes do not match the signature's digest: the \
                                  file was edited or re-saved after signing (even one changed \
                                  space or line end breaks it)"
                .into(),
            F::SignerCertMissing => {
                "the signer's certificate is neither carried in the signature nor trusted".into()
            }
            F::BadSignature { attributes: true } => "the signature value does not verify with \
                                                     the signer's key: forged, or signed by \
                                                     another key"
                .into(),
            F::BadSignature { attributes: false } => "the signature does not verify: the \
                                                      content was altered or the signature \
                                                      forged (no signed attributes, the two \
                                                      cannot be told apart)"
                .into(),
            F::CanonicalisedLineEnds => "the file is stored with LF line ends; the signature \
                                         covers the CRLF form, which matched"
                .into(),
            F::NoSigningTime { certified } => format!(
                "no signingTime in the signature: certificates judged at the {} time",
                if *certified { "certified (daticert)" } else { "current" }
            ),
            F::SignerUsage(UsageProblem::IsCa) => {
                "the signer certificate is a CA certificate".into()
            }
            F::SignerUsage(UsageProblem::KeyUsage) => "the signer certificate's keyUsage \
                                                       allows neither digitalSignature nor \
                                                       nonRepudiation"
                .into(),
            F::SignerUsage(UsageProblem::NoEmailProtection) => {
                "the signer certificate's extendedKeyUsage lacks emailProtection".into()
            }
            F::SignerUsage(UsageProblem::NotPecSigner) => "the signer certificate lacks the PEC \
                signing policy (1.3.76.16.3.1.1): it is not a PEC provider's"
                .into(),
            F::WeakDigest(uses) => format!(
                "{} {} on SHA-1 (normal for older PEC mail, weak today)",
                join(Lang::En, uses.iter().map(|u| sha1_use(Lang::En, u))),
                if uses.len() == 1 { "relies" } else { "rely" }
            ),
            F::CertExpiredNow { not_after } => format!(
                "the signer certificate expired on {not_after}, after signing: normal for \
                 archived mail"
            ),
            F::NoIssuer { subject, issuer } => {
                format!("no trusted authority issued \"{subject}\" (issuer \"{issuer}\")")
            }
            F::NoTrustAnchors => "no trust anchors".into(),
            F::ServiceNotGranted { subject, service, at, only_then: true } => format!(
                "\"{subject}\" goes back to the trusted list's service {service}, granted at the \
                 signing time {at} but not now: that time is only the signer's word (no trusted \
                 time-stamp proves it), and a provider no longer granted could date a signature \
                 back into its granted period"
            ),
            F::ServiceNotGranted { subject, service, at, only_then: false } => format!(
                "\"{subject}\" goes back to the trusted list's service {service}, which was not \
                 granted at {at}, the instant it is judged at"
            ),
            F::PathTooLong(n) => format!("no path shorter than {n} certificates"),
            // A certificate named like the authority it claims as issuer (itself), whose
            // signature that authority's key does not verify: an impostor (review 16).
            F::LinkFailure { child, issuer, why: LinkFailure::DoesNotVerify }
                if child == issuer =>
            {
                format!(
                    "the certificate \"{child}\" bears the name of the authority \"{issuer}\" but \
                     is not signed with its key: another certificate imitating its name"
                )
            }
            F::LinkFailure { child, issuer, why } => format!(
                "the signature on \"{child}\" by \"{issuer}\" {}",
                link_failure(Lang::En, why)
            ),
            F::NotACa { issuer, why } => format!("\"{issuer}\" {}", ca_problem(Lang::En, *why)),
            F::NameConstraints { subject, authority, violation } => format!(
                "\"{subject}\" is outside the names \"{authority}\" allows: {}",
                name_violation(Lang::En, violation)
            ),
            F::Revoked { .. }
            | F::RevokedCompromised { .. }
            | F::RevokedAfterSigning { .. }
            | F::RevocationUnknown { .. }
            | F::CrlUnusable { .. } => super::revocation::text(Lang::En, self),
            F::NotValidAt { subject, at, from, to } => {
                format!("\"{subject}\" was not valid at {at} (valid {from} to {to})")
            }
            F::PathBudget(n) => {
                format!("more than {n} signature checks while building the path")
            }
            F::DaticertUnusable(why) => format!("daticert.xml cannot be used: {why}"),
            F::OutsideSignature(o) => {
                format!("{} lies outside the signed entity and was ignored", o.text(Lang::En))
            }
            F::WrappedSignedEntity { mime_path } => format!(
                "the signed entity is wrapped in unsigned MIME (it is part {mime_path}, not the \
                 message)"
            ),
            F::IntactInsideAltered { mime_path, signer, signed_at } => format!(
                "the signed entity (MIME part {mime_path}) is intact and authentic, signed by \
                 {signer}{}; the file around it was altered (wrapped or added to after \
                 signing): what it certifies comes from the signed entity, the rest of the file \
                 is not certified",
                signed_at.as_deref().map(|t| format!(" at {t}")).unwrap_or_default()
            ),
            F::AnomalyNotCertified => "anomaly envelope: the provider signed the wrapper, the \
                                       content inside is NOT a certified message"
                .into(),
            F::TimeInFuture { .. }
            | F::RemEventAfterTimeStamp { .. }
            | F::RemEventTimeMismatch { .. }
            | F::RemSubjectMismatch { .. }
            | F::RemIssuerMismatch { .. }
            | F::XadesUnsignedContent(_) => super::times::text(Lang::En, self),
            F::RemEvidence
            | F::RemEvidenceMalformed(_)
            | F::RemHeaderMismatch { .. }
            | F::RemOriginalDigestMismatch { .. }
            | F::XadesMissing
            | F::XadesSignerDiffers { .. }
            | F::XadesWrapping(_)
            | F::XadesTransformRefused(_)
            | F::XadesReferenceAltered(_)
            | F::XadesBadSignature(_)
            | F::XadesSigningCertificate
            | F::TimeStampInvalid(_)
            | F::TimeStampUntrusted(_)
            | F::TimeStampMissing
            | F::SigningCertificateMismatch => super::rem::text(Lang::En, self),
            F::MissingDaticert => "the signed entity carries no daticert.xml".into(),
            F::DaticertNotWellFormed(reason) => format!(
                "daticert.xml is not well-formed XML ({reason}); fields were recovered one by one"
            ),
            F::DaticertAmbiguous(repeated) => format!(
                "daticert.xml is ambiguous: {} {} more than once, where the DTD allows one",
                join(Lang::En, repeated.iter().map(|d| format!("<{d}>"))),
                if repeated.len() == 1 { "appears" } else { "each appear" }
            ),
            F::DaticertIncomplete(missing) => {
                format!("daticert.xml lacks required elements: {}", missing.join(", "))
            }
            F::DaticertFieldInvalid { field, message, .. } => {
                format!("daticert field {field}: {message}")
            }
            F::HeaderMismatch { header, value, tipo } => format!(
                "unsigned header {header}: {value} contradicts the signed daticert tipo \"{tipo}\""
            ),
            F::SubjectMismatch { claimed, signed } => {
                format!("the Subject prefix says {claimed} but the signed daticert says {signed}")
            }
            F::SubjectTagged { subject } => format!(
                "the Subject was changed after the provider wrote it: text was put before its \
                 PEC prefix ({subject:?})"
            ),
            F::SubjectText { subject, oggetto } => format!(
                "the Subject {subject:?} does not carry the signed oggetto {oggetto:?} after its \
                 PEC prefix: mail programs show another subject than the certified one"
            ),
            F::MsgidMismatch { claimed, signed } => {
                format!("X-Riferimento-Message-ID {claimed} differs from the signed msgid {signed}")
            }
            F::IdentificativoMismatch { claimed, signed } => format!(
                "the envelope Message-ID {claimed} differs from the signed identificativo {signed}"
            ),
            F::DateMismatch { date, certified } => format!(
                "the Date header ({date}) is more than 5 minutes from the certified time \
                 ({certified})"
            ),
            F::SigningTimeMismatch { signing, certified } => format!(
                "the CMS signing time ({signing}) is more than 5 minutes from the certified time \
                 ({certified})"
            ),
            F::SignerWithoutAddress => "the signer certificate names no e-mail address: \
                nothing ties the From address to it"
                .into(),
            F::SignerAddressMismatch { email, from, raw_from } => format!(
                "the signer certificate is for {email}, but the message is From {}",
                match from {
                    Some(address) => address.clone(),
                    None => format!("{raw_from:?} (not one plain address)"),
                }
            ),
            F::CecPac(w) => w.text(Lang::En),
            F::PermanentErrorInPreavviso(e) => {
                format!("preavviso with a permanent error ({e}): in practice final")
            }
            F::Unsigned => {
                "a PEC look-alike without an S/MIME signature: nothing in it is certified".into()
            }
            F::NotPec => "not a PEC artefact: no PEC markers, no signature, no daticert.xml".into(),
            F::SignedNotPec => {
                "a signed e-mail without PEC markers or daticert.xml: not a PEC artefact".into()
            }
        }
    }

    fn italian(&self) -> String {
        use Finding as F;
        match self {
            F::Unreadable(f) => f.text(Lang::It),
            F::MimeTooDeep(n) => format!("annidamento MIME oltre {n} {}", levels(*n)),
            F::TooManyParts(n) => format!("più di {n} parti MIME"),
            F::HeaderTooLong(n) => format!("un blocco di intestazioni più lungo di {n} byte"),
            F::NestingTooDeep(n) => {
                format!("i messaggi annidati oltre {n} {} non sono stati letti", levels(*n))
            }
            F::OverBudget(what) => format!(
                "{} non è stato letto: leggerlo copierebbe più del doppio della dimensione del \
                 file (i messaggi annidati condividono un'unica quota di memoria)",
                match what {
                    Unread::Original => "il messaggio originale contenuto".to_string(),
                    Unread::Forwarded { mime_path } => {
                        format!("il messaggio inoltrato nella parte MIME {mime_path}")
                    }
                }
            ),
            F::OriginalUnreadable(f) => {
                format!("il messaggio originale contenuto è illeggibile: {}", f.text(Lang::It))
            }
            F::DuplicatedHeader { header, parameter, count, offset } => format!(
                "{} compare {count} volte in una stessa parte MIME (byte {offset}): i lettori non \
                 concordano su quale valga",
                parameter.as_ref().map_or(format!("l'intestazione {header}"), |p| format!(
                    "il parametro {p} dell'intestazione {header}"
                ))
            ),
            F::SignatureDefect(d) => d.text(Lang::It),
            F::CmsUnreadable(why) => format!("la firma CMS è illeggibile ({why})"),
            F::NoSigner => "la firma non indica alcun firmatario".into(),
            F::DigestUnsupported(oid) => {
                format!("algoritmo di impronta {oid} non supportato")
            }
            F::AlgorithmUnsupported(what) => format!("non supportato: {what}"),
            F::SignerKeyUnreadable(why) => {
                format!("la chiave del firmatario è illeggibile ({why})")
            }
            F::ContentTypeNotData(found) => format!(
                "il contentType firmato è {}, non id-data",
                found.as_deref().unwrap_or("assente")
            ),
            F::EncapsulatedNotData(found) => {
                format!("il tipo del contenuto incapsulato è {found}, non id-data")
            }
            F::MessageDigestLength { algorithm, length } => format!(
                "l'attributo firmato messageDigest è di {length} byte, mentre {algorithm}, \
                 l'algoritmo di impronta che la firma dichiara, ne produce un numero diverso"
            ),
            F::MessageDigestMissing => "manca l'attributo firmato messageDigest".into(),
            F::Integrity(i) => super::integrity::text(Lang::It, i),
            F::ContentAltered => "il contenuto coperto dalla firma non corrisponde più \
                                  all'impronta registrata nella firma: il file è stato \
                                  modificato o risalvato dopo la firma (basta uno spazio o un \
                                  fine riga cambiato)"
                .into(),
            F::SignerCertMissing => "il certificato del firmatario non è né incluso nella firma \
                                     né tra quelli fidati"
                .into(),
            F::BadSignature { attributes: true } => "il valore della firma non è valido con la \
                                                     chiave del firmatario: contraffatta, o \
                                                     firmata con un'altra chiave"
                .into(),
            F::BadSignature { attributes: false } => "la firma non è valida: il contenuto è \
                                                      stato alterato o la firma contraffatta \
                                                      (senza attributi firmati i due casi non \
                                                      si distinguono)"
                .into(),
            F::CanonicalisedLineEnds => "il file è salvato con fine riga LF; la firma è stata \
                                         verificata sulla forma con fine riga CRLF, con esito \
                                         positivo"
                .into(),
            F::NoSigningTime { certified } => format!(
                "la firma non riporta l'ora (signingTime): certificati valutati alla data {}",
                if *certified { "certificata (daticert)" } else { "attuale" }
            ),
            F::SignerUsage(UsageProblem::IsCa) => {
                "il certificato del firmatario è un certificato di CA".into()
            }
            F::SignerUsage(UsageProblem::KeyUsage) => "il keyUsage del certificato del \
                                                       firmatario non ammette né \
                                                       digitalSignature né nonRepudiation"
                .into(),
            F::SignerUsage(UsageProblem::NoEmailProtection) => {
                "l'extendedKeyUsage del certificato del firmatario non include emailProtection"
                    .into()
            }
            F::SignerUsage(UsageProblem::NotPecSigner) => "il certificato del firmatario non ha \
                la policy di firma PEC (1.3.76.16.3.1.1): non è di un gestore PEC"
                .into(),
            F::WeakDigest(uses) => format!(
                "{} {} su SHA-1 (normale per la PEC meno recente, debole oggi)",
                join(Lang::It, uses.iter().map(|u| sha1_use(Lang::It, u))),
                if uses.len() == 1 { "si basa" } else { "si basano" }
            ),
            F::CertExpiredNow { not_after } => format!(
                "il certificato del firmatario è scaduto il {not_after}, dopo la firma: normale \
                 per la posta archiviata"
            ),
            F::NoIssuer { subject, issuer } => {
                format!("nessuna autorità fidata ha emesso \"{subject}\" (emittente \"{issuer}\")")
            }
            F::NoTrustAnchors => "nessuna autorità fidata configurata".into(),
            F::ServiceNotGranted { subject, service, at, only_then: true } => format!(
                "\"{subject}\" risale al servizio dell'elenco di fiducia {service}, qualificato \
                 (granted) all'ora di firma {at} ma non ora: quell'ora è dichiarata solo dal \
                 firmatario (nessuna marca temporale fidata la prova), e un gestore non più \
                 qualificato potrebbe datare una firma entro il periodo in cui lo era"
            ),
            F::ServiceNotGranted { subject, service, at, only_then: false } => format!(
                "\"{subject}\" risale al servizio dell'elenco di fiducia {service}, che non era \
                 qualificato (granted) il {at}, l'istante a cui è giudicato"
            ),
            F::PathTooLong(n) => format!("nessuna catena più corta di {n} certificati"),
            F::LinkFailure { child, issuer, why: LinkFailure::DoesNotVerify }
                if child == issuer =>
            {
                format!(
                    "il certificato \"{child}\" porta il nome dell'autorità \"{issuer}\" ma non è \
                     firmato con la sua chiave: è un altro certificato che ne imita il nome"
                )
            }
            F::LinkFailure { child, issuer, why } => {
                format!("la firma di \"{issuer}\" su \"{child}\" {}", link_failure(Lang::It, why))
            }
            F::NotACa { issuer, why } => format!("\"{issuer}\" {}", ca_problem(Lang::It, *why)),
            F::NameConstraints { subject, authority, violation } => format!(
                "\"{subject}\" è fuori dai nomi ammessi da \"{authority}\": {}",
                name_violation(Lang::It, violation)
            ),
            F::Revoked { .. }
            | F::RevokedCompromised { .. }
            | F::RevokedAfterSigning { .. }
            | F::RevocationUnknown { .. }
            | F::CrlUnusable { .. } => super::revocation::text(Lang::It, self),
            F::NotValidAt { subject, at, from, to } => {
                format!("\"{subject}\" non era valido il {at} (valido dal {from} al {to})")
            }
            F::PathBudget(n) => {
                format!("più di {n} verifiche di firma per costruire la catena")
            }
            F::DaticertUnusable(why) => format!("daticert.xml non è utilizzabile ({why})"),
            F::OutsideSignature(o) => {
                format!("{} è fuori dalla parte firmata ed è stato ignorato", o.text(Lang::It))
            }
            F::WrappedSignedEntity { mime_path } => format!(
                "la parte firmata è racchiusa in MIME non firmato (è la parte {mime_path}, non \
                 il messaggio)"
            ),
            F::IntactInsideAltered { mime_path, signer, signed_at } => format!(
                "la parte firmata (parte MIME {mime_path}) è integra e autentica, firmata da \
                 {signer}{}; il file che la contiene è stato alterato (racchiuso o integrato \
                 dopo la firma): ciò che certifica proviene dalla parte firmata, il resto del \
                 file non è certificato",
                signed_at.as_deref().map(|t| format!(" il {t}")).unwrap_or_default()
            ),
            F::AnomalyNotCertified => "busta di anomalia: il gestore ha firmato l'involucro, il \
                                       contenuto NON è un messaggio certificato"
                .into(),
            F::TimeInFuture { .. }
            | F::RemEventAfterTimeStamp { .. }
            | F::RemEventTimeMismatch { .. }
            | F::RemSubjectMismatch { .. }
            | F::RemIssuerMismatch { .. }
            | F::XadesUnsignedContent(_) => super::times::text(Lang::It, self),
            F::RemEvidence
            | F::RemEvidenceMalformed(_)
            | F::RemHeaderMismatch { .. }
            | F::RemOriginalDigestMismatch { .. }
            | F::XadesMissing
            | F::XadesSignerDiffers { .. }
            | F::XadesWrapping(_)
            | F::XadesTransformRefused(_)
            | F::XadesReferenceAltered(_)
            | F::XadesBadSignature(_)
            | F::XadesSigningCertificate
            | F::TimeStampInvalid(_)
            | F::TimeStampUntrusted(_)
            | F::TimeStampMissing
            | F::SigningCertificateMismatch => super::rem::text(Lang::It, self),
            F::MissingDaticert => "la parte firmata non contiene daticert.xml".into(),
            F::DaticertNotWellFormed(reason) => format!(
                "daticert.xml non è XML ben formato ({reason}); i campi sono stati recuperati uno \
                 per uno"
            ),
            F::DaticertAmbiguous(repeated) => format!(
                "daticert.xml è ambiguo: {} {} più volte, dove la DTD ne ammette uno solo",
                join(Lang::It, repeated.iter().map(|d| format!("<{d}>"))),
                if repeated.len() == 1 { "compare" } else { "compaiono ciascuno" }
            ),
            F::DaticertIncomplete(missing) => {
                format!("in daticert.xml mancano elementi obbligatori: {}", missing.join(", "))
            }
            // The reader's words are English: the Italian says what is written instead.
            F::DaticertFieldInvalid { field, written, .. } if !written.is_empty() => {
                format!("il campo {field} di daticert.xml non è leggibile: vi è scritto {written}")
            }
            F::DaticertFieldInvalid { field, .. } => {
                format!("il campo {field} di daticert.xml non è leggibile")
            }
            F::HeaderMismatch { header, value, tipo } => format!(
                "l'intestazione non firmata {header}: {value} contraddice il tipo firmato in \
                 daticert \"{tipo}\""
            ),
            F::SubjectMismatch { claimed, signed } => format!(
                "il prefisso dell'oggetto indica {claimed}, ma daticert firmato indica {signed}"
            ),
            F::SubjectTagged { subject } => format!(
                "l'oggetto è stato modificato dopo che il gestore lo ha scritto: è stato aggiunto \
                 del testo prima del prefisso PEC ({})",
                guillemets(subject)
            ),
            F::SubjectText { subject, oggetto } => format!(
                "l'intestazione Subject {} non riporta dopo il prefisso PEC l'oggetto firmato {}: \
                 i programmi di posta mostrano un oggetto diverso da quello certificato",
                guillemets(subject),
                guillemets(oggetto)
            ),
            F::MsgidMismatch { claimed, signed } => {
                format!("X-Riferimento-Message-ID {claimed} è diverso dal msgid firmato {signed}")
            }
            F::IdentificativoMismatch { claimed, signed } => format!(
                "il Message-ID della busta {claimed} è diverso dall'identificativo firmato \
                 {signed}"
            ),
            F::DateMismatch { date, certified } => format!(
                "l'intestazione Date ({date}) dista più di 5 minuti dalla data certificata \
                 ({certified})"
            ),
            F::SigningTimeMismatch { signing, certified } => format!(
                "l'ora della firma CMS ({signing}) dista più di 5 minuti dalla data certificata \
                 ({certified})"
            ),
            F::SignerWithoutAddress => "il certificato del firmatario non indica alcun \
                indirizzo di posta: nulla lo collega all'indirizzo From"
                .into(),
            F::SignerAddressMismatch { email, from, raw_from } => format!(
                "il certificato del firmatario è intestato a {email}, ma il mittente (From) è {}",
                match from {
                    Some(address) => address.clone(),
                    None => format!("{} (non un solo indirizzo)", guillemets(raw_from)),
                }
            ),
            F::CecPac(w) => w.text(Lang::It),
            F::PermanentErrorInPreavviso(e) => {
                format!("preavviso con errore permanente ({e}): di fatto definitivo")
            }
            F::Unsigned => "simile a una PEC ma senza firma S/MIME: nulla di ciò che contiene è \
                            certificato"
                .into(),
            F::NotPec => {
                "non è un messaggio PEC: nessun marcatore PEC, nessuna firma, nessun daticert.xml"
                    .into()
            }
            F::SignedNotPec => {
                "un messaggio firmato senza marcatori PEC né daticert.xml: non è un messaggio PEC"
                    .into()
            }
        }
    }
}

/// "livello" or "livelli", as the number asks.
fn levels(n: usize) -> &'static str {
    if n == 1 { "livello" } else { "livelli" }
}
