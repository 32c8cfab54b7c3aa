//! CSV rows for spreadsheets (RFC 4180 quoting).
//!
//! Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
//! carriage return, OWASP's list) get a leading `'`: subjects and addresses come from
//! strangers.
#![deny(clippy::indexing_slicing)]

use std::io::{self, Write};

use super::model::ArtefactReport;

/// The header row of `verify --format csv`.
pub const VERIFY_COLUMNS: &[&str] = &[
    "path",
    "verdict",
    "kind",
    "receipt_type",
    "provider",
    "certified_time_utc",
    "certified_time_local",
    "sender",
    "recipients",
    "subject",
    "msgid",
    "identificativo",
    "first_problem",
    "first_problem_message",
];

/// Quotes one cell.
pub fn cell(value: &str) -> String {
    let guarded = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// Writes one row of already-quoted cells.
pub fn write_row<W: Write + ?Sized>(out: &mut W, cells: &[String]) -> io::Result<()> {
    let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    out.write_all(line.join(",").as_bytes())?;
    out.write_all(b"\r\n")
}

/// Writes the header row of `verify --format csv`.
pub fn write_verify_header<W: Write + ?Sized>(out: &mut W) -> io::Result<()> {
    let cells: Vec<String> = VERIFY_COLUMNS.iter().map(|s| s.to_string()).collect();
    write_row(out, &cells)
}

/// Writes one artefact as a `verify --format csv` row.
pub fn write_verify_row<W: Write + ?Sized>(out: &mut W, r: &ArtefactReport) -> io::Result<()> {
    // Only certified fields: what a daticert states under a signature that failed is in JSON
    // (`daticert_unverified`), never in a column a spreadsheet reads as fact.
    let certified = r.certified.as_ref();
    let certified_time = certified.and_then(|c| c.data.as_ref());
    let opt = |v: Option<&String>| v.cloned().unwrap_or_default();
    // Who signed is known only from a signature that verified and chained to a trusted
    // authority, with no error that undermines the signer (a certificate not valid at an
    // instant it is judged at): anyone can put "Gestore Alfa" in a self-made certificate
    // (reviews 22 and 23).
    let signer_known =
        crate::certify::assess::signed_data_certified(r.signature.as_ref(), &r.problems)
            || super::explain::rem_is_certified(r);
    let provider = if signer_known { r.provider() } else { String::new() };
    let recipients = certified
        .map(|c| c.destinatari.iter().map(|d| d.address.as_str()).collect::<Vec<_>>().join("; "))
        .unwrap_or_default();
    let cells = vec![
        r.path.clone(),
        r.verdict.name().to_string(),
        r.kind.clone(),
        opt(r.receipt_type.as_ref()),
        provider,
        certified_time.map(|t| t.rfc3339_utc()).unwrap_or_default(),
        certified_time.map(|t| t.rfc3339_local()).unwrap_or_default(),
        opt(certified.and_then(|c| c.mittente.as_ref())),
        recipients,
        opt(certified.and_then(|c| c.oggetto.as_ref())),
        opt(certified.and_then(|c| c.msgid.as_ref())),
        opt(certified.and_then(|c| c.identificativo.as_ref())),
        r.first_problem().map(|p| p.code.code().to_string()).unwrap_or_default(),
        r.first_problem().map(|p| p.message.clone()).unwrap_or_default(),
    ];
    write_row(out, &cells)
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn quoting_follows_rfc4180() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("line\nbreak"), "\"line\nbreak\"");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
        assert_eq!(cell("+39 06"), "'+39 06");
        assert_eq!(cell("a-b"), "a-b");
    }
}
