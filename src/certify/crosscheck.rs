//! Cross-checks: the signed daticert against the unsigned headers and the signature.
//!
//! Only the signed entity counts. The top-level headers of a PEC artefact are outside the
//! signature, so each one is a claim; here every claim that has a signed counterpart is
//! compared with it. A contradicted kind marker makes the artefact invalid (`header-mismatch`,
//! the rule of the TypeScript reader cited in docs/pec-spec.md §6); other disagreements are
//! warnings.
#![deny(clippy::indexing_slicing)]

use jiff::Timestamp;

use super::cecpac;
use crate::error::ReadFailure;
use crate::finding::{Finding, Integrity};
use crate::limits::Limit;
use crate::problem::Problem;
use crate::read::daticert::{DatiCert, DaticertError};
use crate::read::{Artefact, Claims, Kind};
use crate::verify::cert::rfc3339;

/// How far apart two certified times may be before a warning (issue #3: five minutes).
pub const TIME_TOLERANCE_SECONDS: i64 = 5 * 60;

/// What the signature check learned that the cross-checks need.
#[derive(Debug, Clone, Default)]
pub struct SignatureFacts {
    /// The CMS signingTime.
    pub signing_time: Option<Timestamp>,
    /// The signer certificate's e-mail address (SAN rfc822Name).
    pub signer_email: Option<String>,
    /// Who signed (organisation, else common name), when the signature verified over
    /// unchanged bytes and chained to a trusted authority.
    pub authentic_signer: Option<String>,
    /// Whether the signature verified over unchanged bytes (trusted or not): only then is
    /// the daticert signed, and the headers are compared with it.
    pub content_intact: bool,
}

/// Runs every cross-check on an artefact; returns the problems found.
pub fn cross_check(artefact: &Artefact, facts: &SignatureFacts) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_outside_signature(artefact, facts, &mut problems);
    if artefact.signed.is_none() {
        return problems;
    }
    check_repeated_headers(artefact, &mut problems);
    let content = artefact.content.as_ref();
    if let Some(repeated) = content.map(|c| c.more_daticerts).filter(|&n| n > 0) {
        problems.push(Problem::of(Finding::Integrity(Integrity::DaticertRepeated(repeated + 1))));
    }
    if let Some(error) = content.and_then(|c| c.daticert_error.as_ref()) {
        problems.push(Problem::of(match error {
            // Named like every limit, with the flag that changes it.
            DaticertError::TooLarge { limit, .. } => Finding::Unreadable(ReadFailure::TooLarge {
                limit: Limit::DaticertSize,
                value: u64::try_from(*limit).unwrap_or(u64::MAX),
            }),
            other => Finding::DaticertUnusable(other.to_string()),
        }));
    }
    let Some(daticert) = artefact.daticert() else {
        check_without_daticert(artefact, &mut problems);
        return problems;
    };
    check_daticert_quality(daticert, &mut problems);
    // A daticert under a signature that failed is no more than the headers are: comparing
    // them would call the forger's values signed.
    if !facts.content_intact {
        return problems;
    }
    check_kind_markers(artefact, daticert, &mut problems);
    check_identifiers(artefact, daticert, &mut problems);
    check_times(artefact, daticert, facts, &mut problems);
    check_signer_address(artefact, facts, &mut problems);
    check_cecpac(daticert, &mut problems);
    check_preavviso(daticert, &mut problems);
    problems
}

/// Issue #3: a daticert.xml or postacert.eml outside the signed entity is ignored for every
/// reported field and flagged; so is a signed entity wrapped in unsigned MIME
/// (docs/pec-spec.md §6, anti-spoofing rule: trust a receipt only if it is a top-level signed
/// message).
fn check_outside_signature(
    artefact: &Artefact,
    facts: &SignatureFacts,
    problems: &mut Vec<Problem>,
) {
    let wrapped = artefact.signed.as_ref().filter(|s| !s.is_top_level());
    if artefact.outside_signature.is_empty() && wrapped.is_none() {
        return;
    }
    // A signed entity that verified and chained is intact whatever was done around it: say
    // so first, and what was done after.
    if let (Some(signed), Some(signer)) = (&artefact.signed, &facts.authentic_signer) {
        problems.push(Problem::of(Finding::IntactInsideAltered {
            mime_path: signed.mime_path.clone(),
            signer: signer.clone(),
            signed_at: facts.signing_time.map(rfc3339),
        }));
    }
    for found in &artefact.outside_signature {
        problems.push(Problem::of(Finding::OutsideSignature(found.clone())));
    }
    if let Some(signed) = wrapped
        && artefact.outside_signature.is_empty()
        && facts.authentic_signer.is_none()
    {
        problems.push(Problem::of(Finding::WrappedSignedEntity {
            mime_path: signed.mime_path.clone(),
        }));
    }
}

/// The top-level headers RFC 5322 §3.6 and the PEC rules allow once, checked for repeats:
/// the markers (a repeat is an error) and the claims compared with daticert.xml.
const SINGLE_HEADERS: &[&str] = &[
    "X-Ricevuta",
    "X-Trasporto",
    "X-TipoRicevuta",
    "X-Riferimento-Message-ID",
    "Message-ID",
    "Subject",
    "From",
    "Date",
];

/// RFC 5322 §3.6: the markers and the claims compared with daticert.xml occur once at the
/// top level; peckit reads the first copy, another reader may take the last.
fn check_repeated_headers(artefact: &Artefact, problems: &mut Vec<Problem>) {
    let block = artefact.raw.get(..artefact.root.body_start).unwrap_or_default();
    for header in headers_with_bare_cr(block) {
        problems.push(Problem::of(Finding::Integrity(Integrity::BareCarriageReturn { header })));
    }
    for header in SINGLE_HEADERS {
        let mut copies = artefact.root.headers.get_all(header).map(str::trim);
        let first = copies.next();
        // Copies that all say the same claim nothing another reader would see differently.
        if copies.all(|c| Some(c) == first) {
            continue;
        }
        let count = artefact.root.headers.get_all(header).count();
        problems.push(Problem::of(Finding::Integrity(Integrity::RepeatedHeader {
            header: (*header).to_string(),
            count,
        })));
    }
}

/// The headers of a raw header block whose lines hold a CR that is not their line end: some
/// readers end a line there and see a header hidden behind it, a repeat peckit would not see
/// (review 20). The raw bytes, not the parsed values: parsing trims a CR at either end.
fn headers_with_bare_cr(block: &[u8]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut current: &[u8] = b"";
    for line in block.split(|&b| b == b'\n') {
        if !line.starts_with(b" ") && !line.starts_with(b"\t") {
            let colon = memchr::memchr(b':', line).unwrap_or(0);
            current = line.get(..colon).unwrap_or_default().trim_ascii();
        }
        let text = line.strip_suffix(b"\r").unwrap_or(line);
        if memchr::memchr(b'\r', text).is_some() {
            let name = String::from_utf8_lossy(current).into_owned();
            if !found.contains(&name) {
                found.push(name);
            }
        }
    }
    found
}

/// DM 2/11/2005: every PEC artefact but the anomaly envelope carries daticert.xml.
fn check_without_daticert(artefact: &Artefact, problems: &mut Vec<Problem>) {
    match artefact.kind {
        Kind::Anomalia => problems.push(Problem::of(Finding::AnomalyNotCertified)),
        Kind::RemEvidence => {
            problems.push(Problem::of(Finding::RemEvidence));
            super::rem::check(artefact, problems);
        }
        Kind::NotPec => {}
        _ => {
            if artefact.content.as_ref().is_none_or(|c| c.daticert_error.is_none()) {
                problems.push(Problem::of(Finding::MissingDaticert));
            }
        }
    }
}

/// DTD §3.1: required elements present, XML well-formed, fields readable.
fn check_daticert_quality(daticert: &DatiCert, problems: &mut Vec<Problem>) {
    if let Some(reason) = &daticert.malformed {
        problems.push(Problem::of(Finding::DaticertNotWellFormed(reason.clone())));
    }
    if !daticert.duplicated.is_empty() {
        problems.push(Problem::of(Finding::DaticertAmbiguous(daticert.duplicated.clone())));
    }
    let missing = daticert.missing_required();
    if !missing.is_empty() {
        problems.push(Problem::of(Finding::DaticertIncomplete(
            missing.into_iter().map(std::borrow::Cow::Borrowed).collect(),
        )));
    }
    for field_error in &daticert.field_errors {
        problems.push(Problem::of(Finding::DaticertFieldInvalid {
            written: field_error.written.clone(),
            field: field_error.field.clone(),
            message: field_error.message.clone(),
        }));
    }
}

/// docs/pec-spec.md §2.2: X-Ricevuta / X-Trasporto must name the signed tipo; Subject prefix too.
fn check_kind_markers(artefact: &Artefact, daticert: &DatiCert, problems: &mut Vec<Problem>) {
    let Some(tipo) = daticert.tipo.as_deref() else { return };
    let signed_kind = Kind::from_tipo(tipo);
    let claims = &artefact.claims;
    if let Some(claimed) = claims.marker_kind() {
        // An anomaly envelope (X-Trasporto: errore) wraps a message; its daticert, if any,
        // is the wrapped message's, so only receipts and envelopes are compared.
        if claimed != signed_kind && claimed != Kind::Anomalia {
            let header = if claims.x_trasporto.is_some() { "X-Trasporto" } else { "X-Ricevuta" };
            let value =
                claims.x_trasporto.as_deref().or(claims.x_ricevuta.as_deref()).unwrap_or("");
            problems.push(Problem::of(Finding::HeaderMismatch {
                header: header.into(),
                value: value.to_string(),
                tipo: tipo.to_string(),
            }));
        }
    }
    if let Some(subject) = claims.subject.as_deref()
        && Kind::subject_prefix_moved(subject)
    {
        problems.push(Problem::of(Finding::SubjectTagged { subject: subject.to_string() }));
    }
    let subject_kind = claims.subject_kind();
    if let Some(claimed) = subject_kind.clone()
        && !signed_kind.matches_subject_claim(&claimed)
        && claimed != Kind::Anomalia
    {
        problems.push(Problem::of(Finding::SubjectMismatch {
            claimed: claimed.name().to_string(),
            signed: signed_kind.name().to_string(),
        }));
    }
    // The kinds whose Subject prefix real mail shows (docs/pec-spec.md §2.2, [V]): a Subject
    // without it, or with its colon gone, is compared whole.
    let prefixed =
        matches!(signed_kind, Kind::PostaCertificata | Kind::Accettazione | Kind::AvvenutaConsegna);
    if subject_kind.is_some() || prefixed {
        let (subject, oggetto) = (claims.subject.as_deref(), daticert.oggetto.as_deref());
        check_subject_text(subject, oggetto, subject_kind.is_some(), problems);
    }
}

/// docs/pec-spec.md §2.2: a Subject with a PEC prefix is the prefix, a colon, then the oggetto
/// the daticert signs; a mail program shows the Subject, so another text there is said (white
/// space folded: headers are folded and unfolded on the way).
fn check_subject_text(
    subject: Option<&str>,
    oggetto: Option<&str>,
    prefixed: bool,
    problems: &mut Vec<Problem>,
) {
    let (Some(subject), Some(oggetto)) = (subject, oggetto) else { return };
    // Raw 8-bit bytes that are not UTF-8: mail programs guess a charset, and what they show
    // cannot be known from here.
    if subject.contains('\u{FFFD}') {
        return;
    }
    let text = match prefixed {
        true => subject.split_once(':').map_or(subject, |(_, text)| text),
        false => subject,
    };
    if !text.split_whitespace().eq(oggetto.split_whitespace()) {
        problems.push(Problem::of(Finding::SubjectText {
            subject: subject.to_string(),
            oggetto: oggetto.to_string(),
        }));
    }
}

fn normalise_id(id: &str) -> String {
    id.trim().trim_start_matches('<').trim_end_matches('>').trim().to_string()
}

/// docs/pec-spec.md Q12: X-Riferimento-Message-ID = daticert msgid; the envelope's Message-ID =
/// daticert identificativo.
fn check_identifiers(artefact: &Artefact, daticert: &DatiCert, problems: &mut Vec<Problem>) {
    let claims = &artefact.claims;
    if let (Some(claimed), Some(signed)) =
        (claims.x_riferimento_message_id.as_deref(), daticert.msgid.as_deref())
        && normalise_id(claimed) != normalise_id(signed)
    {
        problems.push(Problem::of(Finding::MsgidMismatch {
            claimed: claimed.to_string(),
            signed: signed.to_string(),
        }));
    }
    if artefact.kind == Kind::PostaCertificata
        && let (Some(claimed), Some(signed)) =
            (claims.message_id.as_deref(), daticert.identificativo.as_deref())
        && normalise_id(claimed) != normalise_id(signed)
    {
        problems.push(Problem::of(Finding::IdentificativoMismatch {
            claimed: claimed.to_string(),
            signed: signed.to_string(),
        }));
    }
}

/// docs/pec-spec.md §3.3: Date header and CMS signingTime both equal the daticert time.
fn check_times(
    artefact: &Artefact,
    daticert: &DatiCert,
    facts: &SignatureFacts,
    problems: &mut Vec<Problem>,
) {
    let Some(certified) = daticert.data.as_ref().map(|d| d.utc) else { return };
    let far = |t: Timestamp| (t.as_second() - certified.as_second()).abs() > TIME_TOLERANCE_SECONDS;
    if let Some(date) = artefact.claims.date_instant()
        && far(date)
    {
        problems.push(Problem::of(Finding::DateMismatch {
            date: rfc3339(date),
            certified: rfc3339(certified),
        }));
    }
    if let Some(signing) = facts.signing_time
        && far(signing)
    {
        problems.push(Problem::of(Finding::SigningTimeMismatch {
            signing: rfc3339(signing),
            certified: rfc3339(certified),
        }));
    }
}

/// docs/pec-spec.md §4.1 step 6: whether the From header names exactly the signer certificate's
/// SAN e-mail; `None` when either is missing. Display names are never compared.
pub fn from_matches_signer(claims: &Claims, signer_email: Option<&str>) -> Option<bool> {
    let email = signer_email?.trim();
    claims.from.as_ref()?;
    Some(claims.from_address.as_deref().is_some_and(|a| a.eq_ignore_ascii_case(email)))
}

/// docs/pec-spec.md §4.1 step 6: the certificate's SAN e-mail equals the From address.
fn check_signer_address(artefact: &Artefact, facts: &SignatureFacts, problems: &mut Vec<Problem>) {
    if facts.authentic_signer.is_some() && facts.signer_email.is_none() {
        problems.push(Problem::of(Finding::SignerWithoutAddress));
        return;
    }
    if from_matches_signer(&artefact.claims, facts.signer_email.as_deref()) != Some(false) {
        return;
    }
    problems.push(Problem::of(Finding::SignerAddressMismatch {
        email: facts.signer_email.as_deref().unwrap_or_default().trim().to_string(),
        from: artefact.claims.from_address.clone(),
        raw_from: artefact.claims.from.clone().unwrap_or_default(),
    }));
}

/// docs/pec-spec.md §5.1: CEC-PAC boxes could not send after 18 March 2015 nor receive after
/// 18 July 2015. The sender sends at the time of an acceptance, a non-acceptance or an
/// envelope; a receipt or notice is dated later and goes to the sender's box, which
/// receives it (review 15: a delivery receipt of a message sent in time said the sender
/// "could no longer send").
fn check_cecpac(daticert: &DatiCert, problems: &mut Vec<Problem>) {
    let Some(at) = daticert.data.as_ref().map(|d| d.utc) else { return };
    let mut seen = Vec::new();
    let sender_role = match daticert.tipo.as_deref() {
        Some("accettazione" | "non-accettazione" | "posta-certificata") => cecpac::Role::Sender,
        _ => cecpac::Role::Recipient,
    };
    if let Some(sender) = daticert.mittente.as_deref()
        && let Some(w) = cecpac::cecpac_warning(sender, sender_role, at)
    {
        seen.push(w);
    }
    for recipient in &daticert.destinatari {
        if let Some(w) = cecpac::cecpac_warning(&recipient.address, cecpac::Role::Recipient, at) {
            seen.push(w);
        }
    }
    if let Some(c) = daticert.consegna.as_deref()
        && let Some(w) = cecpac::cecpac_warning(c, cecpac::Role::Recipient, at)
    {
        seen.push(w);
    }
    seen.dedup();
    for w in seen {
        problems.push(Problem::of(Finding::CecPac(w)));
    }
}

/// docs/pec-spec.md Q7: a preavviso whose errore-esteso is a 5.x.x SMTP code is in practice final.
fn check_preavviso(daticert: &DatiCert, problems: &mut Vec<Problem>) {
    if daticert.tipo.as_deref() != Some("preavviso-errore-consegna") {
        return;
    }
    if let Some(e) = daticert.errore_esteso.as_deref()
        && e.trim_start().starts_with("5.")
    {
        problems.push(Problem::of(Finding::PermanentErrorInPreavviso(e.trim().to_string())));
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn message_ids_compare_without_brackets() {
        assert_eq!(normalise_id(" <a@b> "), normalise_id("a@b"));
    }

    /// A CEC-PAC sender sends at its acceptance; its receipts, dated later, are received by
    /// its box (review 15).
    #[test]
    fn a_cecpac_sender_is_judged_as_sender_only_when_it_sends() {
        let dati = |tipo: &str, utc: &str| {
            let mut d = DatiCert::default();
            d.tipo = Some(tipo.into());
            d.mittente = Some("cittadino@postacertificata.gov.it".into());
            d.data = crate::read::daticert::CertifiedTime::from_rfc3339(utc).ok();
            d
        };
        let warned = |d: &DatiCert| {
            let mut problems = Vec::new();
            check_cecpac(d, &mut problems);
            problems.len()
        };
        // 18 March 2015 00:05 in Rome: after sending closed, long before reception did.
        assert_eq!(warned(&dati("avvenuta-consegna", "2015-03-17T23:05:00Z")), 0);
        assert_eq!(warned(&dati("preavviso-errore-consegna", "2015-03-18T10:50:00Z")), 0);
        assert_eq!(warned(&dati("accettazione", "2015-03-17T23:05:00Z")), 1);
        // A receipt the closed box could no longer receive.
        assert_eq!(warned(&dati("avvenuta-consegna", "2015-07-20T10:00:00Z")), 1);
    }
}
