//! peckit evidence: each recipient's fate from verified receipts only.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::common::*;

fn daticert_rows() -> BTreeMap<String, BTreeMap<String, String>> {
    read_tsv(&samples().join("daticert-expected.tsv"))
        .into_iter()
        .map(|r| (r["file"].clone(), r))
        .collect()
}

fn utc_of(rfc3339_local: &str) -> String {
    let t: jiff::Timestamp = rfc3339_local.parse().unwrap();
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn thread_json() -> (i32, Value) {
    let (code, out, err) = run(peckit()
        .args(["evidence", "--format", "json", "--trust"])
        .arg(test_root())
        .arg(samples().join("thread")));
    assert!(!out.is_empty(), "{err}");
    (code, json(&out))
}

#[test]
fn each_recipient_gets_its_fate_with_the_right_times() {
    let (code, doc) = thread_json();
    assert_eq!(code, 1, "the tampered receipt is invalid");
    let rows = daticert_rows();
    let messages = doc["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 2, "the other message is kept apart");
    let m = messages
        .iter()
        .find(|m| m["subject"] == "Diffida ad adempiere - pratica 2026/118")
        .unwrap();
    let acc = &rows["thread/01-accettazione.eml"];
    assert_eq!(m["sent"]["at"]["utc"], utc_of(&acc["data"]));
    assert_eq!(
        m["sent"]["path"].as_str().unwrap().rsplit('/').next().unwrap(),
        "01-accettazione.eml"
    );
    assert_eq!(m["sender"], acc["mittente"].as_str());
    let fate = |addr: &str| {
        m["recipients"].as_array().unwrap().iter().find(|r| r["address"] == addr).unwrap().clone()
    };

    let anna = fate("anna.bianchi@pec.beta.example");
    assert_eq!(anna["fate"], "delivered");
    assert_eq!(anna["delivery"]["at"]["utc"], utc_of(&rows["thread/03-consegna-beta.eml"]["data"]));
    assert_eq!(anna["delivery"]["provider"], "Gestore Beta S.r.l.");
    assert_eq!(anna["receipt_type"], "completa");

    let luca = fate("luca.verdi@pec.alfa.example");
    assert_eq!(luca["fate"], "delivered");
    assert_eq!(luca["delivery"]["provider"], "Gestore Alfa S.p.A.");
    assert_eq!(luca["delivery"]["at"]["utc"], utc_of(&rows["thread/04-consegna-alfa.eml"]["data"]));

    // The tampered receipt claims delivery to the CEC-PAC box; it is refused as proof.
    let cec = fate("cittadino.esempio@postacertificata.gov.it");
    assert_eq!(cec["fate"], "not-delivered");
    assert_eq!(cec["errore"], "no-dominio");
    assert!(
        cec["notes"].as_array().unwrap().iter().any(|n| n.as_str().unwrap().contains("CEC-PAC"))
    );

    let ext = fate("segreteria@example.com");
    assert_eq!(ext["fate"], "external");

    let sources = m["sources"].as_array().unwrap();
    let tampered = sources
        .iter()
        .find(|s| s["path"].as_str().unwrap().ends_with("07-consegna-manomessa.eml"))
        .unwrap();
    assert_eq!(tampered["verdict"], "invalid");
    assert_eq!(tampered["problems"][0]["code"], "content-altered");
    assert_eq!(m["attachments"][0]["name"], "diffida.pdf");
    // Italian local time is the daticert time (CET/CEST), to the second.
    assert_eq!(m["sent"]["at"]["rome"], acc["data"].as_str());
}

#[test]
fn the_real_receipts_form_one_timeline() {
    let Some(c) = corpus() else { return };
    let (code, out, _) = run(peckit()
        .args(["evidence", "--format", "json"])
        .arg(c.join("aruba-2014-accettazione.eml"))
        .arg(c.join("aruba-2014-avvenuta-consegna.eml")));
    assert_eq!(code, 0);
    let doc = json(&out);
    assert_eq!(doc["messages"].as_array().unwrap().len(), 1);
    let m = &doc["messages"][0];
    assert_eq!(m["sent"]["at"]["utc"], "2014-11-14T17:26:32Z");
    assert_eq!(m["recipients"][0]["address"], "thinkstudio@pec.it");
    assert_eq!(m["recipients"][0]["fate"], "delivered");
    assert_eq!(m["recipients"][0]["delivery"]["at"]["rome"], "2014-11-14T18:26:32+01:00");
}

#[test]
fn originals_are_checked_against_a_breve_receipt() {
    let dir = tempfile::tempdir().unwrap();
    // What --originals says of each kept attachment, for these samples.
    let checks = |files: &[&str]| {
        let (_, out, _) = run(peckit()
            .args(["evidence", "--format", "json", "--trust"])
            .arg(test_root())
            .arg("--originals")
            .arg(dir.path())
            .args(files.iter().map(|f| samples().join(f))));
        json(&out)["messages"][0]["originals"].as_array().unwrap().clone()
    };
    let check = |checks: &[serde_json::Value], name: &str| {
        checks.iter().find(|c| c["attachment"] == name).unwrap().clone()
    };
    std::fs::copy(samples().join("inputs/atto.pdf"), dir.path().join("atto.pdf")).unwrap();
    // The second attachment is kept altered.
    std::fs::write(dir.path().join("atto n° 1 – città.txt"), b"altered").unwrap();
    let found = checks(&["accettazione.eml", "avvenuta-consegna-breve.eml"]);
    let pdf = check(&found, "atto.pdf");
    assert_eq!(pdf["status"], "matching");
    assert_eq!(pdf["algorithm"], "sha256");
    assert_eq!(check(&found, "atto n° 1 – città.txt")["status"], "differing");
    std::fs::remove_file(dir.path().join("atto.pdf")).unwrap();
    let found = checks(&["avvenuta-consegna-breve.eml"]);
    assert_eq!(check(&found, "atto.pdf")["status"], "missing");
    // The one-line summary says why the run ends with 1: both kept originals fail now.
    let (code, out, _) = run(peckit()
        .args(["--lang", "it", "evidence", "-q", "--trust"])
        .arg(test_root())
        .arg("--originals")
        .arg(dir.path())
        .arg(samples().join("avvenuta-consegna-breve.eml")));
    assert_eq!(code, 1);
    assert!(out.contains("2 originali conservati diversi o mancanti"), "{out}");
    let (code, out, _) = run(peckit()
        .args(["evidence", "-q", "--trust"])
        .arg(test_root())
        .arg(samples().join("thread")));
    assert_eq!(code, 1);
    assert!(out.trim_end().ends_with("; 1 invalid file"), "{out}");
    // Kept under another name (a browser's "atto (1).pdf", a Mac's other Unicode form of a
    // name): found by its digest, and the file column says where (review 15).
    std::fs::copy(samples().join("inputs/atto.pdf"), dir.path().join("atto (1).pdf")).unwrap();
    let found = checks(&["avvenuta-consegna-breve.eml"]);
    let pdf = check(&found, "atto.pdf");
    assert_eq!(pdf["status"], "matching", "{pdf}");
    assert!(pdf["file"].as_str().unwrap().ends_with("atto (1).pdf"), "{pdf}");
    let memo = check(&found, "atto n° 1 – città.txt");
    assert_eq!(memo["status"], "differing", "a differing file under the name stays differing");
}

#[test]
fn csv_has_one_row_per_message_and_recipient() {
    let (_, out, _) = run(peckit()
        .args(["evidence", "--format", "csv", "--trust"])
        .arg(test_root())
        .arg(samples().join("thread")));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("msgid,subject,sender"));
    // Five recipients of two messages, then the files no recipient row names: the envelope
    // and the preavviso (valid), the tampered receipt (not used as proof). Every input file
    // appears in some row.
    assert_eq!(lines.len(), 1 + 5 + 3, "{out}");
    assert!(lines[6].contains("02-posta-certificata.eml") && lines[6].ends_with(",other-file,,"));
    assert!(lines[7].contains("05-preavviso.eml") && lines[7].ends_with(",other-file,,"));
    assert!(lines[8].contains("07-consegna-manomessa.eml") && lines[8].ends_with(",unused-file,,"));
    for file in std::fs::read_dir(samples().join("thread")).unwrap() {
        let name = file.unwrap().file_name().into_string().unwrap();
        assert!(out.contains(&name), "{name} is in no row:\n{out}");
    }
    // The acceptance is each recipient row's proof of sending.
    let sent_proof = |row: &str| row.rsplit(',').nth(1).unwrap_or_default().to_string();
    assert!(sent_proof(lines[2]).ends_with("thread/01-accettazione.eml"), "{out}");
    assert!(lines.iter().any(|l| l.contains("cittadino.esempio@postacertificata.gov.it")
        && l.contains(",not-delivered,")));
}

#[test]
fn markdown_and_html_carry_verdicts_legend_and_hashes() {
    for (lang, legend) in [("it", "DPR 68/2005"), ("en", "DPR 68/2005")] {
        let (_, html, _) = run(peckit()
            .args(["--lang", lang, "evidence", "--format", "html", "--trust"])
            .arg(test_root())
            .arg(samples().join("thread")));
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains(legend));
        assert!(!html.contains("http://") && !html.contains("https://"), "no external resources");
        assert!(html.contains("@page { size: A4"));
        let sha = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(
            std::fs::read(samples().join("thread/01-accettazione.eml")).unwrap(),
        ));
        assert!(html.contains(&sha), "source hashes listed");
    }
    let (_, md, _) = run(peckit()
        .args(["evidence", "--format", "markdown", "--trust"])
        .arg(test_root())
        .arg(samples().join("thread")));
    // `@` escaped, so that a GFM renderer shows the address and links nothing.
    assert!(md.contains("| anna.bianchi\\@pec.beta.example | delivered |"), "{md}");
    let mut gfm = comrak::Options::default();
    gfm.extension.autolink = true;
    gfm.extension.table = true;
    gfm.extension.strikethrough = true;
    let rendered = comrak::markdown_to_html(&md, &gfm);
    assert!(rendered.contains("<td>anna.bianchi@pec.beta.example</td>"), "{rendered}");
    assert!(!rendered.contains("<a "), "no link of mail text: {rendered}");
}

/// The text of an HTML page as headless Chromium (Debian's `chromium`; .ci/run installs it)
/// prints it to an A4 PDF, read back with pdftotext; white space folded (cells wrap). `None`,
/// with a SKIP line, when either tool is missing.
fn rendered_text(html: &str) -> Option<String> {
    let chromium = ["chromium", "chromium-browser"].into_iter().find(|c| {
        std::process::Command::new(c).arg("--version").output().is_ok_and(|o| o.status.success())
    });
    let pdftotext = std::process::Command::new("pdftotext").arg("-v").output().is_ok();
    let (Some(chromium), true) = (chromium, pdftotext) else {
        eprintln!("SKIP: chromium or pdftotext not installed (.ci/run installs them)");
        return None;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("riepilogo.html");
    std::fs::write(&page, html).unwrap();
    let pdf = dir.path().join("riepilogo.pdf");
    let status = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.path().join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(pdf.exists(), "chromium made no PDF: {}", String::from_utf8_lossy(&status.stderr));
    let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    Some(String::from_utf8_lossy(&text.stdout).split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Renders the HTML pages in headless Chromium and checks what a printed page says.
#[test]
fn html_renders_in_chromium() {
    // Files and the trust anchor under a long path, as a real archive's are: a cell holding
    // one must not push the last columns off the page.
    let deep = tempfile::tempdir().unwrap();
    let folder = deep.path().join("ArchivioPecDelloStudioLegale/Fascicolo2026Pratica42");
    std::fs::create_dir_all(&folder).unwrap();
    for entry in std::fs::read_dir(samples().join("thread")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, folder.join(path.file_name().unwrap())).unwrap();
    }
    let anchor = folder.join("AutoritaFidateDiProva.pem");
    std::fs::copy(test_root(), &anchor).unwrap();
    let (_, html, _) = run(peckit()
        .args(["--lang", "it", "evidence", "--format", "html", "--trust"])
        .arg(&anchor)
        .arg(&folder));
    let Some(text) = rendered_text(&html) else { return };
    for needle in [
        "Riepilogo probatorio PEC",
        "anna.bianchi@pec.beta.example",
        "consegnato",
        "NON consegnato",
        "NON VALIDO",
        "Valore legale degli orari",
        "Busta di trasporto emessa",
        "Firme e autorità fidate",
        // The signatures table fits the page: its last columns are printed, not cut off.
        "Revoca del certificato del firmatario",
        "non verificata (nessuna CRL fornita o scaricata)",
        "cioè l'ora della firma",
        "Provenienza del riepilogo",
    ] {
        assert!(text.contains(needle), "{needle} not rendered:\n{text}");
    }
    // A list-wrapped envelope and a file of no message, printed.
    let dir = tempfile::tempdir().unwrap();
    let wrapped = dir.path().join("lista.eml");
    std::fs::write(&wrapped, list_wrapped("posta-certificata.eml")).unwrap();
    let (_, html, _) = run(peckit()
        .args(["--lang", "it", "evidence", "--format", "html", "--trust"])
        .arg(test_root())
        .arg(&wrapped)
        .arg(samples().join("non-pec.eml")));
    let text = rendered_text(&html).unwrap_or_default();
    for needle in [
        "Dati tratti da file alterati",
        "integra e autentica",
        "File non attribuiti a un messaggio",
        "non-pec.eml",
    ] {
        assert!(text.contains(needle), "{needle} not rendered:\n{text}");
    }
}

#[test]
fn quiet_prints_one_summary_line() {
    for (lang, expected) in [
        (
            "en",
            "2 messages: delivery attested for 2 of 5 recipients; 0 files belonging to no message; \
             1 invalid file",
        ),
        (
            "it",
            "2 messaggi: consegna attestata per 2 destinatari su 5; 0 file non attribuiti; 1 file \
             non valido",
        ),
    ] {
        let (code, out, err) = run(peckit()
            .args(["--lang", lang, "evidence", "--quiet", "--trust"])
            .arg(test_root())
            .arg(samples().join("thread")));
        assert_eq!(code, 1, "the tampered receipt is invalid: {err}");
        assert_eq!(out.trim_end(), expected);
    }
}

/// The Italian summary line agrees in number: one recipient, one file.
#[test]
fn the_italian_summary_line_agrees_in_number() {
    let (_, out, _) = run(peckit()
        .args(["--lang", "it", "evidence", "--quiet", "--trust"])
        .arg(test_root())
        .arg(samples().join("thread/01-accettazione.eml"))
        .arg(samples().join("thread/03-consegna-beta.eml"))
        .arg(samples().join("non-pec.eml")));
    assert!(out.contains("consegna attestata per 1 destinatario su "), "{out}");
    assert!(out.trim_end().ends_with("1 file non attribuito; 1 file non valido"), "{out}");
}

/// Every format of `evidence` for these inputs, Italian: (table, markdown, html, csv, json),
/// with the exit status (the same for all).
fn every_format(inputs: &[std::path::PathBuf], extra: &[&str]) -> (i32, [String; 5]) {
    let mut code = None;
    let mut outs: Vec<String> = Vec::new();
    for format in ["table", "markdown", "html", "csv", "json"] {
        let (c, out, err) = run(peckit()
            .env("COLUMNS", "400")
            .args(["--lang", "it", "evidence", "--format", format, "--trust"])
            .arg(test_root())
            .args(extra)
            .args(inputs));
        assert!(c <= 2, "{format}: {err}");
        assert!(code.is_none_or(|k| k == c), "{format} exits {c}");
        code = Some(c);
        outs.push(out);
    }
    (code.unwrap_or(2), outs.try_into().unwrap())
}

#[test]
fn an_envelope_alone_is_not_shown_as_sent() {
    let (code, [table, md, html, csv, json_out]) =
        every_format(&[samples().join("posta-certificata.eml")], &[]);
    assert_eq!(code, 0);
    let doc = json(&json_out);
    let m = &doc["messages"][0];
    assert!(m["sent"].is_null(), "the envelope is not the acceptance: {m:#}");
    assert_eq!(m["envelope_issued"]["kind"], "posta-certificata");
    assert_eq!(doc["schema_version"], 2);
    let envelope_time = m["envelope_issued"]["at"]["utc"].as_str().unwrap().replace('T', " ");
    let envelope_time = envelope_time.trim_end_matches('Z');
    for (format, page) in [("table", &table), ("markdown", &md), ("html", &html)] {
        assert!(page.contains("Busta di trasporto emessa"), "{format}: {page}");
        assert!(page.contains(envelope_time), "{format}: {page}");
        assert!(page.contains("non attestato da una ricevuta verificata"), "{format}: {page}");
    }
    // CSV: sent_utc (4th column) stays empty; the envelope has its own column.
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let envelope_column = header.iter().position(|h| *h == "envelope_issued_utc").unwrap();
    assert!(envelope_column > 3);
    assert!(
        csv.lines().nth(1).unwrap().contains(m["envelope_issued"]["at"]["utc"].as_str().unwrap())
    );
}

#[test]
fn a_file_of_no_message_appears_in_every_format_with_its_reason() {
    let (code, outs) =
        every_format(&[samples().join("accettazione.eml"), samples().join("non-pec.eml")], &[]);
    assert_eq!(code, 1, "non-pec.eml is invalid");
    for (format, page) in ["table", "markdown", "html", "csv", "json"].iter().zip(&outs) {
        assert!(page.contains("non-pec.eml"), "{format} drops the file:\n{page}");
    }
    for page in &outs[..3] {
        assert!(page.contains("File non attribuiti a un messaggio"), "{page}");
    }
    let csv_row = outs[3].lines().find(|l| l.contains("non-pec.eml")).unwrap();
    assert!(csv_row.contains(",unmatched-file,") && csv_row.contains("not-pec"), "{csv_row}");
    // Alone, the file still gets its page rather than "no PEC message found".
    let (_, [_, md, html, ..]) = every_format(&[samples().join("non-pec.eml")], &[]);
    assert!(md.contains("non-pec.eml") && html.contains("non-pec.eml"), "{md}");
}

#[test]
fn a_differing_or_missing_original_is_a_finding_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    // atto.pdf is missing; the memo is kept altered.
    std::fs::write(dir.path().join("atto n° 1 – città.txt"), b"altered").unwrap();
    let originals = dir.path().to_str().unwrap().to_string();
    let (code, [table, md, html, csv, json_out]) = every_format(
        &[samples().join("accettazione.eml"), samples().join("avvenuta-consegna-breve.eml")],
        &["--originals", &originals],
    );
    assert_eq!(code, 1, "a differing or missing original is exit status 1");
    for (format, page) in [("table", &table), ("markdown", &md), ("html", &html)] {
        assert!(page.contains("MANCANTE") && page.contains("DIVERSO"), "{format}: {page}");
    }
    assert!(csv.contains("atto.pdf: missing") && csv.contains("differing"), "{csv}");
    assert!(json_out.contains("\"missing\"") && json_out.contains("\"differing\""));
}

#[test]
fn the_printed_page_says_when_by_what_and_with_which_certificates() {
    let (_, [table, md, html, _, json_out]) =
        every_format(&[samples().join("accettazione.eml")], &[]);
    let doc = json(&json_out);
    let generated = &doc["generated"];
    assert!(generated["peckit"].as_str().unwrap().contains("(commit "), "{generated}");
    let signer = &doc["messages"][0]["sources"][0]["signer"];
    let fingerprint = signer["sha256"].as_str().unwrap();
    assert_eq!(fingerprint.len(), 64);
    assert_eq!(signer["reference_time_source"], "signing-time");
    for (format, page) in [("table", &table), ("markdown", &md), ("html", &html)] {
        assert!(page.contains("Generato il") && page.contains("peckit 0."), "{format}");
        assert!(page.contains(fingerprint) || format == "table", "{format}: fingerprint");
        assert!(page.contains("Gestore Alfa"), "{format}: signer");
        assert!(page.contains("trust-root.pem"), "{format}: the anchor");
        assert!(page.contains("l'ora della firma"), "{format}: the reference time");
    }
}

/// A list-wrapped envelope: its facts head the message, marked as coming from an altered
/// file, in every format; it is not a proof unless --accept-rewrapped, and then it says so.
#[test]
fn a_list_wrapped_envelope_gives_marked_facts_and_is_proof_only_when_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lista.eml");
    std::fs::write(&file, list_wrapped("posta-certificata.eml")).unwrap();
    let (code, [table, md, html, _csv, json_out]) = every_format(std::slice::from_ref(&file), &[]);
    assert_eq!(code, 1);
    let m = &json(&json_out)["messages"][0];
    assert_eq!(m["subject"], "Notifica atto - pratica 2026/42");
    assert_eq!(m["facts_from_altered_files"][0], file.display().to_string());
    assert!(m["envelope_issued"].is_null(), "not a proof without the flag");
    assert_eq!(m["sources"][0]["used_as_proof"], false);
    for (format, page) in [("table", &table), ("markdown", &md), ("html", &html)] {
        assert!(page.contains("Dati tratti da file alterati"), "{format}: {page}");
        assert!(page.contains("Notifica atto - pratica 2026/42"), "{format}");
        assert!(page.contains("non usato come prova"), "{format}");
    }
    let (code, [table, md, html, csv, json_out]) =
        every_format(std::slice::from_ref(&file), &["--accept-rewrapped"]);
    assert_eq!(code, 1, "the file is still invalid");
    // CSV rows carry the mark too: a clerk filtering on fate sees where the facts came from.
    let recipient_rows: Vec<&str> =
        csv.lines().skip(1).filter(|l| l.contains(",recipient,")).collect();
    assert!(!recipient_rows.is_empty(), "{csv}");
    for row in recipient_rows {
        assert!(row.contains("facts from altered files"), "{row}");
    }
    let m = &json(&json_out)["messages"][0];
    assert_eq!(m["envelope_issued"]["path"], file.display().to_string());
    assert_eq!(m["sources"][0]["used_as_proof"], true);
    for (format, page) in [("table", &table), ("markdown", &md), ("html", &html)] {
        assert!(page.contains("parte firmata, integra, è usata come prova"), "{format}: {page}");
    }
}

/// A truncated and a content-altered receipt beside a valid one: each file appears in every
/// format with its verdict and reason, and neither is used as proof.
#[test]
fn truncated_and_altered_files_are_listed_with_their_reason_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read(samples().join("avvenuta-consegna-completa.eml")).unwrap();
    let truncated = dir.path().join("troncato.eml");
    std::fs::write(&truncated, &good[..good.len() - 700]).unwrap();
    let altered = samples().join("thread/07-consegna-manomessa.eml");
    let (code, outs) = every_format(
        &[samples().join("thread/01-accettazione.eml"), truncated.clone(), altered.clone()],
        &[],
    );
    assert_eq!(code, 1);
    for (format, page) in ["table", "markdown", "html", "csv", "json"].iter().zip(&outs) {
        assert!(page.contains("troncato.eml"), "{format}: {page}");
        assert!(page.contains("07-consegna-manomessa.eml"), "{format}: {page}");
    }
    for page in &outs[..3] {
        assert!(page.contains("content-altered") && page.contains("malformed"), "{page}");
    }
    let doc = json(&outs[4]);
    let used: Vec<bool> = doc["messages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["sources"].as_array().unwrap().iter())
        .chain(doc["unmatched"].as_array().unwrap().iter())
        .filter(|s| {
            s["path"].as_str().unwrap().ends_with("troncato.eml")
                || s["path"].as_str().unwrap().ends_with("manomessa.eml")
        })
        .map(|s| s["used_as_proof"].as_bool().unwrap())
        .collect();
    assert_eq!(used, vec![false, false], "{doc:#}");
}

/// A missing, an empty and a non-mail input beside a valid receipt: each is listed in every
/// format among the files tied to no message, with why it could not be read; exit status 2.
#[test]
fn unreadable_inputs_are_listed_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("manca.eml");
    let (code, outs) = every_format(
        &[
            missing.clone(),
            samples().join("forged/empty.eml"),
            samples().join("forged/random.eml"),
            samples().join("accettazione.eml"),
        ],
        &[],
    );
    assert_eq!(code, 2);
    for (format, page) in ["table", "markdown", "html", "csv", "json"].iter().zip(&outs) {
        for name in ["manca.eml", "empty.eml", "random.eml"] {
            assert!(page.contains(name), "{format}: {name} missing from {page}");
        }
    }
    for page in &outs[..3] {
        assert!(page.contains("file vuoto"), "{page}");
        assert!(page.contains("nessuna firma letta"), "{page}");
    }
    let doc = json(&outs[4]);
    let unmatched = doc["unmatched"].as_array().unwrap();
    let empty =
        unmatched.iter().find(|s| s["path"].as_str().unwrap().ends_with("empty.eml")).unwrap();
    assert_eq!(empty["kind"], "unreadable");
    assert_eq!(empty["verdict"], "error");
    assert_eq!(empty["sha256"], serde_json::Value::Null);
    assert_eq!(empty["problems"][0]["code"], "unreadable");
}

/// A folder with no mail in it: said on stderr and exit status 2, as verify does.
#[test]
fn evidence_on_no_mail_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("nota.txt"), "ciao").unwrap();
    let (code, _, err) = run(peckit().args(["evidence"]).arg(dir.path()));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no mail found"), "{err}");
}

/// --originals naming a folder that does not exist is a usage error, not "all missing".
#[test]
fn originals_must_be_a_folder() {
    let (code, out, err) = run(peckit()
        .args(["evidence", "--originals", "/no/such/folder", "--trust"])
        .arg(test_root())
        .arg(samples().join("avvenuta-consegna-breve.eml")));
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("/no/such/folder") && err.contains("not a folder"), "{err}");
}

/// PEC and REM messages in one table: each law's legend is printed, once.
#[test]
fn the_table_gives_each_law_its_legend_when_pec_and_rem_are_mixed() {
    let (_, out, err) = run(peckit()
        .env("COLUMNS", "200")
        .args(["evidence", "--trust"])
        .arg(test_root())
        .arg(samples().join("rem"))
        .arg(samples().join("thread/01-accettazione.eml"))
        .arg(samples().join("thread/03-consegna-beta.eml")));
    assert!(
        out.contains("DPR 68/2005, artt. 3 and 6") && out.contains("ETSI EN 319 522"),
        "{out}{err}"
    );
    assert_eq!(out.matches("(CAD art. 48)").count(), 1, "{out}");
}

/// A file whose signature failed never makes a message of its own from the identifiers it
/// merely states (the forger's Message-ID shown as a fact): it belongs to no message; beside
/// a valid file of the message it names, it is listed there and not used as proof.
#[test]
fn a_forged_file_alone_makes_no_message() {
    let forged = samples().join("forged/daticert-swapped.eml");
    let (code, out, err) = run(peckit()
        .args(["evidence", "--format", "json", "--trust"])
        .arg(test_root())
        .arg(&forged));
    assert_eq!(code, 1, "{err}");
    let doc = json(&out);
    assert_eq!(doc["messages"], serde_json::json!([]), "{out}");
    assert_eq!(doc["unmatched"][0]["path"], forged.display().to_string().as_str(), "{out}");
    assert!(!out.contains("altro@client.example"), "{out}");
    // A file whose signed data is certified and only an unsigned header lies does make its
    // message (not used as proof), as verify --explain says what it proves.
    let (_, out, _) = run(peckit()
        .args(["evidence", "--format", "json", "--trust"])
        .arg(test_root())
        .arg(samples().join("forged/x-ricevuta-changed.eml")));
    let doc = json(&out);
    assert_eq!(doc["messages"].as_array().unwrap().len(), 1, "{out}");
    assert!(doc["messages"][0]["msgid"].is_string(), "{out}");
    // The thread's tampered receipt joins the message its valid files prove, unused.
    let (_, doc) = thread_json();
    let sources: Vec<&Value> = doc["messages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["sources"].as_array().unwrap())
        .collect();
    let tampered = sources
        .iter()
        .find(|s| s["path"].as_str().unwrap().ends_with("07-consegna-manomessa.eml"))
        .expect("the tampered receipt is listed with its message");
    assert_eq!(tampered["used_as_proof"], false);
}

/// A valid notice of a tipo the PEC rules do not define (`mancata-consegna`, seen from real
/// providers) decides no fate, but the recipient it concerns is told of it, never "no
/// receipt" and nothing more.
#[test]
fn a_notice_of_an_undefined_type_is_named_for_its_recipient() {
    let file = samples().join("tipo-sconosciuto.eml");
    let (_, out, err) =
        run(peckit().args(["evidence", "--format", "json", "--trust"]).arg(test_root()).arg(&file));
    let doc = json(&out);
    let recipient = &doc["messages"][0]["recipients"][0];
    assert_eq!(recipient["fate"], "pending", "{out}\n{err}");
    let notes = recipient["notes"].to_string();
    assert!(
        notes.contains("a type the PEC rules do not define (\\\"mancata-consegna\\\"")
            && notes.contains("tipo-sconosciuto.eml"),
        "{notes}"
    );
}

/// A notice's daticert `errore` is said in words, its DTD value after them (review 16).
#[test]
fn a_non_delivery_error_is_said_in_words() {
    for (lang, expected) in [
        ("it", "errore: dominio non servito (no-dominio)"),
        ("en", "error: domain not served (no-dominio)"),
    ] {
        let (_, out, _) = run(peckit()
            .args(["--lang", lang, "evidence", "--format", "markdown", "--trust"])
            .arg(test_root())
            .arg(samples().join("thread")));
        assert!(out.contains(expected), "{out}");
    }
}

fn evidence(format: &str, lang: &str, files: &[&str]) -> String {
    let (code, out, err) = run(peckit()
        .args(["--lang", lang, "evidence", "--format", format, "--trust"])
        .arg(test_root())
        .args(files.iter().map(|f| samples().join(f))));
    assert_eq!(code, 0, "{err}");
    out
}

/// A verified non-acceptance alone: the message was not sent, and every format says so,
/// with the certified reason and the provider that refused it (review 22).
#[test]
fn a_refused_message_is_not_sent_in_every_format() {
    let doc = json(&evidence("json", "en", &["non-accettazione.eml"]));
    let m = &doc["messages"][0];
    assert!(m["sent"].is_null(), "{m:#}");
    assert_eq!(m["sender_provider"], "Gestore Alfa S.p.A.", "{m:#}");
    assert_eq!(m["not_accepted_reason"], "destinatario in Ccn non ammesso", "{m:#}");
    for r in m["recipients"].as_array().unwrap() {
        assert_eq!(r["fate"], "not-accepted", "{r:#}");
        assert!(r["notice"]["path"].as_str().unwrap().ends_with("non-accettazione.eml"));
    }
    let csv = evidence("csv", "en", &["non-accettazione.eml"]);
    assert!(csv.contains(",not-accepted,"), "{csv}");
    assert!(!csv.contains(",pending,"), "{csv}");
    for format in ["table", "markdown", "html"] {
        let page = evidence(format, "it", &["non-accettazione.eml"]);
        assert!(page.contains("Non accettato (avviso di non accettazione)"), "{format}: {page}");
        assert!(page.contains("NON spedito"), "{format}: {page}");
        assert!(page.contains("motivo: destinatario in Ccn non ammesso"), "{format}: {page}");
        assert!(!page.contains("Spedito (accettazione): NON"), "{format}: {page}");
    }
}

/// A verified acceptance and a verified non-acceptance of one message: the sending is said
/// CONTRADICTED, with the notice named beside it, not hidden behind "sent" (review 22).
#[test]
fn an_acceptance_contradicted_by_a_refusal_says_so() {
    let files = ["accettazione.eml", "non-accettazione.eml"];
    let doc = json(&evidence("json", "en", &files));
    let m = &doc["messages"][0];
    assert!(m["sent"]["path"].as_str().unwrap().ends_with("/accettazione.eml"), "{m:#}");
    assert!(m["not_accepted"]["path"].as_str().unwrap().ends_with("non-accettazione.eml"));
    // Accepted by something verified: the recipients are not said refused.
    for r in m["recipients"].as_array().unwrap() {
        assert_ne!(r["fate"], "not-accepted", "{r:#}");
    }
    for (lang, word) in [("it", "CONTRADDETTO"), ("en", "CONTRADICTED")] {
        for format in ["table", "markdown", "html"] {
            let page = evidence(format, lang, &files);
            let line = page.lines().find(|l| l.contains(word)).unwrap_or_else(|| panic!("{page}"));
            assert!(line.contains("non-accettazione.eml"), "{lang} {format}: {line}");
        }
    }
}

/// A valid file's warnings are said on the evidence page, and the proof that rests on it
/// points to them: a REM date attested only by its signer does not read as plain VALID
/// (review 22).
#[test]
fn a_valid_files_warnings_are_on_the_evidence_page() {
    for format in ["table", "markdown", "html"] {
        let page = evidence(format, "it", &["tl/evidenza-retrodatata.xml"]);
        assert!(page.contains("avviso: timestamp-missing"), "{format}: {page}");
        let sent = page.lines().find(|l| l.contains("2020-06-01 10:00:00 UTC")).unwrap();
        assert!(sent.contains("questo file ha avvisi"), "{format}: {sent}");
    }
    // A file without warnings gets neither.
    let page = evidence("table", "it", &["accettazione.eml"]);
    assert!(!page.contains("avviso:") && !page.contains("ha avvisi"), "{page}");
}

/// The table of signatures names a file not used as proof as such: its signer and
/// authority read like a valid proof's otherwise (review 22).
#[test]
fn the_signatures_table_says_which_files_are_not_proof() {
    let page = evidence_any("markdown", &["accettazione.eml", "forged/notice-byte-changed.eml"]);
    let signatures = page.split("Firme e autorit").nth(1).expect("the signatures part");
    let row = |name: &str| signatures.lines().find(|l| l.contains(name)).unwrap().to_string();
    assert!(
        row("notice-byte-changed.eml")
            .contains("NON VALIDO — non usato come prova (content-altered)"),
        "{signatures}"
    );
    assert!(!row("/accettazione.eml").contains("NON VALIDO"), "{signatures}");
}

/// Evidence in Italian over samples, whatever its exit status.
fn evidence_any(format: &str, files: &[&str]) -> String {
    let (_, out, err) = run(peckit()
        .args(["--lang", "it", "evidence", "--format", format, "--trust"])
        .arg(test_root())
        .args(files.iter().map(|f| samples().join(f))));
    assert!(!out.is_empty(), "{err}");
    out
}

/// An attachment with an empty name is said to have none, not left a blank cell (review 22).
#[test]
fn an_attachment_without_a_name_is_said_so() {
    let page = evidence_any("markdown", &["posta-certificata-nomi-ostili.eml"]);
    assert!(page.contains("| (senza nome) | 10 B |"), "{page}");
}

/// A non-acceptance beside a verified envelope (or a receipt of delivery) of the same
/// message, and no acceptance: the envelope shows it went out, so the refusal is
/// CONTRADICTED and no recipient is said refused (review 23).
#[test]
fn a_refusal_beside_a_proof_that_the_message_went_out_is_contradicted() {
    let files = ["posta-certificata.eml", "non-accettazione.eml"];
    let doc = json(&evidence("json", "en", &files));
    let m = &doc["messages"][0];
    assert!(m["sent"].is_null(), "{m:#}");
    let by = m["not_accepted_contradicted_by"]["path"].as_str().unwrap();
    assert!(by.ends_with("posta-certificata.eml"), "{m:#}");
    for r in m["recipients"].as_array().unwrap() {
        assert_ne!(r["fate"], "not-accepted", "{r:#}");
    }
    let page = evidence("table", "it", &files);
    let line = page.lines().find(|l| l.contains("Non accettato (avviso")).unwrap();
    assert!(line.contains("NON ACCETTATO, CONTRADDETTO"), "{line}");
    assert!(line.contains("posta-certificata.eml"), "{line}");
    // The CSV says it on the message's rows.
    let csv = evidence("csv", "en", &files);
    assert!(csv.contains("CONTRADICTED: a verified non-acceptance notice"), "{csv}");
    // Alone, the refusal stands and carries no contradiction.
    let alone = json(&evidence("json", "en", &["non-accettazione.eml"]));
    assert!(alone["messages"][0]["not_accepted_contradicted_by"].is_null());
}
