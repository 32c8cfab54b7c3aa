//! The evidence as CSV: one row per (message, recipient), then one per file not used as
//! proof. Notes and reasons are in English, like every machine format.

use crate::catalogue::Lang;
use crate::evidence::{EvidenceReport, MessageEvidence, Proof, SourceFile};

/// The CSV header of `evidence --format csv`.
pub const CSV_COLUMNS: &[&str] = &[
    "msgid",
    "subject",
    "sender",
    "sent_utc",
    "sent_rome",
    "recipient",
    "recipient_tipo",
    "fate",
    "event_utc",
    "event_rome",
    "provider",
    "receipt_type",
    "errore",
    "errore_esteso",
    "proof_file",
    "notes",
    "envelope_issued_utc",
    "originals",
    "row",
    "sent_proof_file",
    "recorded_in",
];

/// One CSV row per (message, recipient) and one per file of that message that no recipient
/// row names, message by message, then one per file that belongs to no message (`row` says which),
/// already split into cells. Every input file appears: in `sent_proof_file` or `proof_file`
/// of a recipient's row, or in a row of its own.
pub fn csv_rows(report: &EvidenceReport) -> Vec<Vec<String>> {
    let generated = &report.generated;
    let mut rows: Vec<Vec<String>> =
        incomplete_row(generated.interrupted, &generated.interrupted_records).into_iter().collect();
    rows.extend(report.messages.iter().flat_map(message_rows));
    rows.extend(unmatched_rows(&report.unmatched));
    rows
}

/// The rows of one message: a row per recipient, then one per file no recipient row names
/// (`unused-file`: not used as proof; `other-file`: valid, but no recipient's fate rests on
/// it).
pub fn message_rows(m: &MessageEvidence) -> Vec<Vec<String>> {
    let at = |p: Option<&Proof>, rome: bool| {
        p.and_then(|p| p.at.as_ref())
            .map(|a| if rome { a.rome.clone() } else { a.utc.clone() })
            .unwrap_or_default()
    };
    let mut rows = Vec::new();
    let originals = m
        .originals
        .iter()
        .map(|o| format!("{}: {}", o.attachment, o.status))
        .collect::<Vec<_>>()
        .join("; ");
    // Facts taken from altered files (--accept-rewrapped) are marked on every row they
    // reach, as the other formats mark them.
    let altered = (!m.facts_from_altered_files.is_empty()).then(|| {
        format!(
            "facts from altered files (intact signed entity, --accept-rewrapped): {}",
            m.facts_from_altered_files.join(", ")
        )
    });
    // Every row of a message names the records its facts were read from (none when every
    // file was verified in this run): a record is unsigned and was not verified again.
    let recorded =
        m.sources.iter().filter_map(|s| s.recorded_in.as_deref()).collect::<Vec<_>>().join("; ");
    let sent_file = m.sent.as_ref().map(|p| p.path.clone()).unwrap_or_default();
    // A non-acceptance beside a proof that the message went out: said on every row, as the
    // pages say it beside the sending.
    let contradicted =
        m.not_accepted.as_ref().filter(|_| m.not_accepted_contradicted_by.is_some()).map(|n| {
            use crate::catalogue::texts::{Text, text};
            let reason = m
                .not_accepted_reason
                .as_deref()
                .map(|r| format!(" ({}: {r})", text(Lang::En, Text::Reason)));
            format!(
                "{}: {}: {}{}",
                text(Lang::En, Text::SentContradicted),
                text(Lang::En, Text::NonAcceptanceExistsToo),
                n.path,
                reason.unwrap_or_default()
            )
        });
    for r in &m.recipients {
        let proof = r.delivery.as_ref().or(r.notice.as_ref());
        let fate = serde_json::to_value(r.fate)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        rows.push(vec![
            m.msgid.clone().unwrap_or_default(),
            m.subject.clone().unwrap_or_default(),
            m.sender.clone().unwrap_or_default(),
            at(m.sent.as_ref(), false),
            at(m.sent.as_ref(), true),
            r.address.clone(),
            r.tipo.clone(),
            fate,
            at(proof, false),
            at(proof, true),
            proof.and_then(|p| p.provider.clone()).unwrap_or_default(),
            r.receipt_type.clone().unwrap_or_default(),
            r.errore.clone().unwrap_or_default(),
            r.errore_esteso.clone().unwrap_or_default(),
            proof.map(|p| p.path.clone()).unwrap_or_default(),
            r.notes
                .iter()
                .map(|n| n.text(Lang::En))
                .chain(contradicted.clone())
                .chain(altered.clone())
                .chain(
                    proof
                        .and_then(|p| p.recorded_in.as_deref())
                        .map(|at| crate::catalogue::texts::recorded_in(Lang::En, at)),
                )
                .collect::<Vec<_>>()
                .join("; "),
            at(m.envelope_issued.as_ref(), false),
            originals.clone(),
            "recipient".into(),
            sent_file.clone(),
            recorded.clone(),
        ]);
    }
    // Then every file of the message that no row above names: the ones not used as proof,
    // and valid ones no recipient's fate rests on (the transport envelope, a preavviso).
    let named = |s: &SourceFile| {
        let same = |p: &Proof| p.path == s.path && p.recorded_in == s.recorded_in;
        m.sent.as_ref().is_some_and(same)
            || m.recipients
                .iter()
                .any(|r| r.delivery.as_ref().or(r.notice.as_ref()).is_some_and(same))
    };
    rows.extend(
        m.sources.iter().filter(|s| !s.used_as_proof || !named(s)).map(|s| file_row(Some(m), s)),
    );
    rows
}

/// The row that says, before any message, that the evidence is incomplete: this run was
/// interrupted, or records came from runs that did not finish (`row` = `incomplete`, the
/// reason in `notes`).
pub fn incomplete_row(interrupted: bool, interrupted_records: &[String]) -> Option<Vec<String>> {
    let mut why = Vec::new();
    if interrupted {
        why.push(
            "this run was interrupted (Ctrl-C or SIGTERM) before every input was read".to_string(),
        );
    }
    if !interrupted_records.is_empty() {
        why.push(format!(
            "records of runs that did not finish: {} (what they did not read is missing)",
            interrupted_records.join(", ")
        ));
    }
    if why.is_empty() {
        return None;
    }
    let mut row = vec![String::new(); CSV_COLUMNS.len()];
    let column = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name);
    if let Some(notes) = column("notes").and_then(|i| row.get_mut(i)) {
        *notes = format!("INCOMPLETE SUMMARY: {}", why.join("; "));
    }
    if let Some(kind) = column("row").and_then(|i| row.get_mut(i)) {
        *kind = "incomplete".into();
    }
    Some(row)
}

/// The rows of the files that belong to no message, one at a time.
pub fn unmatched_rows(unmatched: &[SourceFile]) -> impl Iterator<Item = Vec<String>> + '_ {
    unmatched.iter().map(|s| file_row(None, s))
}

/// A file of a message that no recipient row names, or of no message.
fn file_row(message: Option<&MessageEvidence>, file: &SourceFile) -> Vec<String> {
    let why = match file.problems.iter().find(|p| p.is_fatal()) {
        Some(p) => format!("{}: {}", p.code.code(), p.message),
        None if message.is_some() => file.kind.clone(),
        None => "no identifier ties it to a message".into(),
    };
    let why = match &file.recorded_in {
        Some(at) => format!("{why}; {}", crate::catalogue::texts::recorded_in(Lang::En, at)),
        None => why,
    };
    let text = |v: Option<&Option<String>>| v.and_then(|v| v.clone()).unwrap_or_default();
    // Recipient columns stay empty; then proof_file, notes, the envelope time, originals
    // and the row kind.
    let mut row = vec![
        text(message.map(|m| &m.msgid)),
        text(message.map(|m| &m.subject)),
        text(message.map(|m| &m.sender)),
    ];
    row.extend(std::iter::repeat_n(String::new(), 11));
    row.extend([
        file.path.clone(),
        format!("{}; {why}", file.verdict.name()),
        String::new(),
        String::new(),
        match message {
            None => "unmatched-file",
            Some(_) if file.used_as_proof => "other-file",
            Some(_) => "unused-file",
        }
        .into(),
        String::new(),
        file.recorded_in.clone().unwrap_or_default(),
    ]);
    row
}
