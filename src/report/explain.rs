//! `verify --explain`: everything about one artefact a court expert would check, for people:
//! every problem, the signature, the certificate chain in full, the authority it ended at,
//! and the daticert fields, labelled certified only when the signature verified and chained.

use super::model::ArtefactReport;
use super::term::{Line, Style};
use crate::catalogue::proof;
use crate::catalogue::texts::{Text, text};
use crate::catalogue::{Label, Lang, kind_with_detail, label, problem_message, verdict_text};
use crate::problem::ProblemCode;
use crate::problem::{Severity, Verdict};
use crate::verify::SignatureStatus;

/// Whether what a REM evidence states is certified: its XAdES signature verified and chained,
/// and no error undermines it (an unsigned header that contradicts it does not).
pub fn rem_is_certified(r: &ArtefactReport) -> bool {
    r.rem.as_ref().and_then(|m| m.xades.as_ref()).is_some_and(|x| x.holds())
        && crate::certify::assess::errors_leave_data_certified(&r.problems)
}

/// What a REM message proves, from its evidence when that is certified: the PEC step its
/// event corresponds to, at the event's time, and whether its service is qualified (a trusted
/// list's granted REM service vouched for the evidence's signer).
fn rem_proves(r: &ArtefactReport, lang: Lang) -> Option<String> {
    let m = r.rem.as_ref().filter(|_| rem_is_certified(r))?;
    let x = m.xades.as_ref()?;
    let written = m.evidence.event_time.as_deref()?;
    // Italian time first, as for PEC; and a time no trusted time-stamp backs is said to be
    // the signer's word alone.
    let mut at = match written.parse::<jiff::Timestamp>() {
        Ok(t) => format!("{} ({written})", crate::italy::rome_rfc3339(t)),
        Err(_) => written.to_string(),
    };
    // Backed: a trusted time-stamp that agrees with the event time (one a year later
    // proves the evidence existed then, not when the event happened).
    let stamped = x.time_stamp.as_ref().is_some_and(|t| t.holds());
    let disagrees = r.problems.iter().any(|p| {
        matches!(p.code, ProblemCode::RemEventTimeMismatch | ProblemCode::RemEventAfterTimeStamp)
    });
    let backed = stamped && !disagrees;
    if !backed {
        at = format!("{at} {}", proof::stated_by_signer_alone(lang));
    }
    let service = match (x.qualified_service, backed) {
        (true, true) => proof::RemService::QualifiedTimeBacked,
        (true, false) => proof::RemService::QualifiedTimeUnbacked,
        (false, _) => proof::RemService::NotShownQualified,
    };
    proof::rem_proves(lang, m.pec_equivalent?, &at, service)
}

/// The explanation of one artefact (and of its nested ones), as lines.
pub fn explain(r: &ArtefactReport, lang: Lang) -> Vec<Line> {
    let mut out = Vec::new();
    explain_into(r, lang, 0, &mut out);
    out
}

fn explain_into(r: &ArtefactReport, lang: Lang, depth: usize, out: &mut Vec<Line>) {
    let pad = "  ".repeat(depth);
    let style = match r.verdict {
        Verdict::Valid => Style::Good,
        Verdict::Invalid => Style::Bad,
        Verdict::Error => Style::Warn,
    };
    out.push(Line::styled(style, format!("{pad}{}  {}", verdict_text(lang, r.verdict), r.path)));
    let kind = kind_with_detail(lang, &r.kind, r.receipt_type.as_deref());
    out.push(Line::plain(format!("{pad}  {}: {kind}", label(lang, Label::Kind))));
    // What it proves, from certified data only; nothing when that is not certified.
    let proves = match (&r.certified, &r.daticert_unverified) {
        (Some(d), _) => d.data.as_ref().and_then(|t| {
            let at = format!("{} ({})", t.rfc3339_local(), t.rfc3339_utc());
            let sender = d.mittente.as_deref();
            let says = proof::what_it_proves(lang, &r.kind, &at, d.consegna.as_deref(), sender)?;
            Some(match r.verdict {
                Verdict::Valid => says,
                _ => proof::invalid_file_signed_part_says(lang, &says),
            })
        }),
        (None, Some(_)) => Some(proof::proves_nothing(lang).to_string()),
        (None, None) => rem_proves(r, lang).map(|says| match r.verdict {
            Verdict::Valid => says,
            _ => proof::invalid_file_signed_part_says(lang, &says),
        }),
    };
    if let Some(proves) = proves {
        out.push(Line::plain(format!("{pad}  {}: {proves}", proof::proves_label(lang))));
    }
    out.push(Line::styled(Style::Bold, format!("{pad}  {}:", text(lang, Text::Problems))));
    if r.problems.is_empty() {
        out.push(Line::plain(format!("{pad}    —")));
    }
    for p in &r.problems {
        let severity = text(
            lang,
            match p.severity {
                Severity::Error => Text::SeverityError,
                Severity::Warning => Text::SeverityWarning,
                Severity::Info => Text::SeverityInfo,
            },
        );
        out.push(Line::plain(format!(
            "{pad}    [{severity}] {}: {}",
            p.code.code(),
            problem_message(lang, p)
        )));
    }
    if let Some(s) = &r.signature {
        out.push(Line::styled(Style::Bold, format!("{pad}  {}:", text(lang, Text::Signature))));
        let algorithms = [s.digest_algorithm.as_deref(), s.signature_algorithm.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        let outcome = if s.status == SignatureStatus::Valid {
            text(lang, Text::Verifies).to_string()
        } else {
            let code = serde_json::to_value(s.status)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            format!("{} ({code})", text(lang, Text::DoesNotVerify))
        };
        out.push(Line::plain(format!(
            "{pad}    {}: {outcome}",
            text(lang, Text::SignatureOutcome)
        )));
        out.push(Line::plain(format!("{pad}    {}: {algorithms}", text(lang, Text::Algorithms))));
        if let Some(t) = s.signing_time {
            out.push(Line::plain(format!(
                "{pad}    {}: {}",
                label(lang, Label::SigningTime),
                t.strftime("%Y-%m-%dT%H:%M:%SZ")
            )));
        }
        if let Some(t) = s.reference_time {
            // A second instant is named with the first, so that each says which it is.
            let also = super::judged::also_judged(lang, &s.also_judged_at)
                .map(|also| {
                    let first = super::judged::reference_source(lang, s.reference_time_source);
                    format!(", {first}; {also}")
                })
                .unwrap_or_default();
            out.push(Line::plain(format!(
                "{pad}    {}: {}{also}",
                text(lang, Text::JudgedAt),
                t.strftime("%Y-%m-%dT%H:%M:%SZ")
            )));
        }
        out.push(Line::plain(format!(
            "{pad}    {}: {}",
            text(lang, Text::TrustedAuthority),
            super::judged::anchor_name(lang, s.anchor_source.as_deref())
        )));
        if let Some(line) = r.accreditation_sentence(lang) {
            out.push(Line::plain(format!("{pad}    {line}")));
        }
        out.push(Line::styled(Style::Bold, format!("{pad}  {}:", label(lang, Label::Chain))));
        for (i, c) in s.chain_certificates.iter().enumerate() {
            out.push(Line::plain(format!("{pad}    {}. {}", i + 1, c.subject)));
            out.push(Line::plain(format!(
                "{pad}       {}: {}",
                text(lang, Text::Issuer),
                c.issuer
            )));
            out.push(Line::plain(format!(
                "{pad}       {}: {}",
                text(lang, Text::Serial),
                c.serial
            )));
            out.push(Line::plain(format!(
                "{pad}       {}: {} → {}",
                label(lang, Label::Validity),
                c.not_before,
                c.not_after
            )));
            out.push(Line::plain(format!("{pad}       SHA-256: {}", c.sha256)));
            if let Some(link) = s.chain.get(i).filter(|_| i + 1 < s.chain.len()) {
                out.push(Line::plain(format!(
                    "{pad}       {}: {}",
                    text(lang, Text::RevocationAtReference),
                    super::evidence::revocation_text(lang, &link.revocation)
                )));
            }
        }
    }
    if let Some(rem) = &r.rem {
        out.extend(super::rem::explain_lines(rem, lang, &pad, rem_is_certified(r)));
    }
    if let Some(d) = r.certified.as_ref().or(r.daticert_unverified.as_ref()) {
        let heading =
            if r.certified.is_some() { Text::CertifiedData } else { Text::StatedNotVerified };
        out.push(Line::styled(Style::Bold, format!("{pad}  {}:", text(lang, heading))));
        let mut field = |l: &str, v: Option<String>| {
            if let Some(v) = v.filter(|v| !v.is_empty()) {
                out.push(Line::plain(format!("{pad}    {l}: {v}")));
            }
        };
        field("tipo", d.tipo.clone());
        field("mittente", d.mittente.clone());
        field(
            "destinatari",
            Some(
                d.destinatari
                    .iter()
                    .map(|x| format!("{} (tipo: {})", x.address, x.tipo))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        );
        field("oggetto", d.oggetto.clone());
        let organisation = r.identity.as_ref().and_then(|i| i.provider.as_deref());
        field(
            "gestore-emittente",
            d.gestore_emittente
                .as_deref()
                .map(|g| super::model::stated_provider(lang, g, organisation)),
        );
        field(
            "data",
            d.data.as_ref().map(|t| format!("{} ({})", t.rfc3339_local(), t.rfc3339_utc())),
        );
        field("identificativo", d.identificativo.clone());
        field("msgid", d.msgid.clone());
        field("ricevuta", d.ricevuta.clone());
        field("consegna", d.consegna.clone());
        field(
            "errore",
            Some(&d.errore)
                .filter(|e| *e != "nessuno")
                .map(|e| crate::catalogue::errore_text(lang, e)),
        );
        field("errore-esteso", d.errore_esteso.clone());
    }
    for n in &r.nested {
        out.push(Line::styled(Style::Bold, format!("{pad}  {}:", label(lang, Label::Nested))));
        explain_into(n, lang, depth + 2, out);
    }
}
