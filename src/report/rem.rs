//! A REM message's evidence for people: what the provider states happened, when, to whom, with
//! what assurance of their identities, and how its own XAdES signature was judged.

use super::model::RemReport;
use super::term::{Line, Style};
use crate::catalogue::rem::{assurance_text, event_text};
use crate::catalogue::texts::{Text, text};
use crate::catalogue::{Label, Lang, label};

/// The evidence's event as a line's value: the ETSI name as written, and what it means.
pub fn event_line(rem: &RemReport, lang: Lang) -> String {
    let event = rem.evidence.event.as_deref().unwrap_or("—");
    match event_text(lang, event) {
        Some(meaning) => format!("{event} — {meaning}"),
        None => event.to_string(),
    }
}

/// The `--explain` lines of a REM evidence, indented by `pad`; `certified` says whether what
/// it states holds (its heading says so when it does not).
pub fn explain_lines(rem: &RemReport, lang: Lang, pad: &str, certified: bool) -> Vec<Line> {
    let e = &rem.evidence;
    let field = |name: &str, value: &str| Line::plain(format!("{pad}    {name}: {value}"));
    let or_dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
    // Its own signature may hold while the message around it fails (the original carried is
    // not the one it names): then it is not "not verified" (review 16).
    let signature_holds = rem.xades.as_ref().is_some_and(|x| x.holds());
    let heading = match (certified, signature_holds) {
        (true, _) => format!("{pad}  {}:", text(lang, Text::RemEvidenceHeading)),
        (false, holds) => format!(
            "{pad}  {} — {}:",
            text(lang, Text::RemEvidenceHeading),
            text(lang, if holds { Text::RemSignedNotThisMessage } else { Text::RemNotVerified })
        ),
    };
    let mut out = vec![Line::styled(Style::Bold, heading)];
    out.push(field(text(lang, Text::RemEvent), &event_line(rem, lang)));
    // The reason's words are the evidence's own (often English): quoted as such.
    let quoted = e.reason_text.as_deref().map(|t| text(lang, Text::EvidenceWords).replace("{}", t));
    let reason = [e.reason.clone(), quoted].into_iter().flatten().collect::<Vec<_>>().join(" — ");
    out.push(field(text(lang, Text::RemReason), if reason.is_empty() { "—" } else { &reason }));
    out.push(field(text(lang, Text::RemEventTime), &or_dash(&e.event_time)));
    out.push(field(text(lang, Text::RemSubmissionTime), &or_dash(&e.submission_time)));
    out.push(field(text(lang, Text::RemIssuer), &or_dash(&e.issuer)));
    let party = |p: &crate::read::rem::RemParty| {
        let address = p.address.clone().unwrap_or_else(|| "—".into());
        match &p.assurance_level {
            Some(level) => format!("{address} ({})", assurance_text(lang, level)),
            None => address,
        }
    };
    if let Some(sender) = &e.sender {
        out.push(field(label(lang, Label::Sender), &party(sender)));
    }
    let recipients: Vec<String> = e.recipients.iter().map(party).collect();
    out.push(field(label(lang, Label::Recipients), &recipients.join(", ")));
    out.push(field("Message-ID", &or_dash(&e.app_message_id)));
    if let Some(x) = &rem.xades {
        // A signer is named only once the XMLDSig core (references, value) verified.
        let outcome = match (x.status, &x.signer) {
            ("valid", _) => text(lang, Text::Verifies),
            ("missing", _) => text(lang, Text::SignatureAbsent),
            (_, Some(_)) => text(lang, Text::VerifiesNotAccepted),
            (_, None) => text(lang, Text::DoesNotVerify),
        };
        let who = x.signer.as_ref().map(|c| c.subject.clone()).unwrap_or_else(|| "—".into());
        out.push(field(text(lang, Text::RemXades), &format!("{outcome}; {who}")));
        out.push(field(
            text(lang, Text::TrustedAuthority),
            &super::evidence::anchor_name(lang, x.anchor_source.as_deref()),
        ));
        if let Some(stamp) = &x.time_stamp {
            let authority = stamp.tsa.as_ref().map(|c| c.subject.as_str()).unwrap_or("—");
            let mut value = match stamp.status {
                "valid" => format!("{} — {authority}", stamp.gen_time.as_deref().unwrap_or("—")),
                _ => text(lang, Text::DoesNotVerify).to_string(),
            };
            if stamp.status == "valid" && !stamp.trusted {
                value = format!("{value} ({})", text(lang, Text::RemTimeStampUntrusted));
            }
            out.push(field(text(lang, Text::RemTimeStamp), &value));
        }
        if let Some(t) = &x.reference_time {
            out.push(field(text(lang, Text::JudgedAt), t));
        }
    }
    out
}
