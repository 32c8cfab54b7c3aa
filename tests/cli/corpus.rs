//! The real provider messages in ../shared/corpus, read in place, as INDEX.tsv says.

use crate::common::*;

#[test]
fn real_messages_verify_as_the_index_says() {
    let Some(corpus) = corpus() else { return };
    let rows = read_tsv(&corpus.join("INDEX.tsv"));
    assert!(!rows.is_empty(), "INDEX.tsv lists no message");
    let mut checked = 0;
    for row in &rows {
        let file = corpus.join(&row["file"]);
        let (code, out, err) = run(peckit().args(["verify", "--format", "json"]).arg(&file));
        let doc = json(&out);
        let a = &doc["artefacts"][0];
        assert_eq!(a["kind"], row["kind"].as_str(), "{}: kind\n{err}", row["file"]);
        assert_eq!(
            a["verdict"],
            row["expected_verdict"].as_str(),
            "{}: verdict {a:#}",
            row["file"]
        );
        let codes: Vec<&str> =
            a["problems"].as_array().unwrap().iter().map(|p| p["code"].as_str().unwrap()).collect();
        if row["expected_verdict"] == "valid" {
            assert_eq!(code, 0, "{}", row["file"]);
            assert_eq!(a["signature"]["status"], "valid");
            assert_eq!(a["signature"]["trusted"], true);
            assert!(codes.contains(&"cert-expired-now"), "{}: {codes:?}", row["file"]);
            assert!(a["signature"]["chain"].as_array().unwrap().len() >= 2);
        } else {
            assert_eq!(code, 1, "{}", row["file"]);
            assert_eq!(
                codes.first().copied(),
                Some(row["expected_problem"].as_str()),
                "{}",
                row["file"]
            );
        }
        checked += 1;
    }
    assert_eq!(checked, rows.len());
}

#[test]
fn agid_chained_signers_show_their_registration_and_digitpa_ones_say_there_is_none() {
    let Some(corpus) = corpus() else { return };
    let rows = read_tsv(&corpus.join("INDEX.tsv"));
    let (mut registered, mut unregistered) = (0, 0);
    for row in &rows {
        let file = corpus.join(&row["file"]);
        let (_, out, _) = run(peckit().args(["verify", "--format", "json"]).arg(&file));
        let identity = &json(&out)["artefacts"][0]["identity"];
        let provider = row["provider"].split(' ').next().unwrap().to_lowercase();
        if row["signer_ca"].starts_with("AgID CA1") {
            let a = &identity["accreditation"];
            assert_eq!(a["authority"], "AgID CA1", "{}: {identity:#}", row["file"]);
            let name = a["registered_as"].as_str().unwrap().to_lowercase();
            assert!(name.contains(&format!("o={provider}")), "{}: {name}", row["file"]);
            assert!(name.contains("c=it"), "{name}");
            let domains = a["mail_domains"].as_array().unwrap();
            let email = identity["email"].as_str().unwrap();
            assert!(
                domains.iter().any(|d| email.ends_with(&format!("@{}", d.as_str().unwrap()))),
                "{}: {email} in none of {domains:?}",
                row["file"]
            );
            assert_eq!(identity["accreditation_reason"], serde_json::Value::Null);
            registered += 1;
        } else {
            assert_eq!(identity["accreditation"], serde_json::Value::Null, "{}", row["file"]);
            assert_eq!(identity["accreditation_reason"], "no-register", "{}", row["file"]);
            unregistered += 1;
        }
    }
    assert!(registered >= 1 && unregistered >= 1, "{registered} / {unregistered}");

    // People read it, in Italian, in --explain, the table and the evidence page.
    let aruba = corpus.join("aruba-2018-accettazione.eml");
    let (code, out, _) = run(peckit().args(["--lang", "it", "verify", "--explain"]).arg(&aruba));
    assert_eq!(code, 0);
    assert!(
        out.contains("Il gestore rientra nei nomi ammessi da AgID CA1 (vincoli sui nomi del suo certificato): O=Aruba PEC S.p.A.,L=Ponte San Pietro,ST=Bergamo,C=IT; domini di posta: pec.aruba.it"),
        "{out}"
    );
    let (_, out, _) = run(peckit().args(["--lang", "it", "verify"]).arg(&aruba));
    assert!(out.contains("Aruba PEC S.p.A. (nei nomi ammessi da AgID CA1)"), "{out}");
    let (_, out, _) = run(peckit()
        .args(["--lang", "it", "verify", "--explain"])
        .arg(corpus.join("aruba-2014-accettazione.eml")));
    // The certificate says nothing of a register; AgID's list is not peckit's to deny.
    assert!(out.contains("non contiene vincoli sui nomi: da esso non risulta"), "{out}");
    assert!(!out.contains("non pubblica"), "{out}");
    let (_, out, _) =
        run(peckit().args(["--lang", "it", "evidence", "--format", "markdown"]).arg(&aruba));
    assert!(out.contains("Il gestore rientra nei nomi ammessi da AgID CA1"), "{out}");
}

#[test]
fn real_messages_are_classified_and_certified_fields_read() {
    let Some(corpus) = corpus() else { return };
    let (code, out, _) = run(peckit()
        .args(["inspect", "--format", "json"])
        .arg(corpus.join("aruba-2014-avvenuta-consegna.eml"))
        .arg(corpus.join("aruba-2014-posta-certificata.eml")));
    assert_eq!(code, 0);
    let doc = json(&out);
    let consegna = &doc["artefacts"][0];
    assert_eq!(consegna["kind"], "avvenuta-consegna");
    assert_eq!(consegna["receipt_type"], "completa");
    let c = &consegna["certified"];
    assert_eq!(c["tipo"], "avvenuta-consegna");
    assert_eq!(c["mittente"], "l.battistini@pec.it");
    assert_eq!(c["consegna"], "thinkstudio@pec.it");
    assert_eq!(c["data"], "2014-11-14T18:26:32+01:00");
    assert_eq!(c["data_utc"], "2014-11-14T17:26:32Z");
    assert_eq!(c["gestore_emittente"], "ARUBA PEC S.p.A.");
    assert_eq!(consegna["claimed"]["x_ricevuta"], "avvenuta-consegna");
    // The delivery receipt carries the original: it is read as a nested message? No: the
    // original of a receipt is a plain message, so nothing is nested.
    let busta = &doc["artefacts"][1];
    assert_eq!(busta["kind"], "posta-certificata");
    assert_eq!(
        busta["certified"]["identificativo"],
        busta["claimed"]["message_id"].as_str().unwrap().trim_matches(['<', '>'])
    );
    assert!(
        busta["signer"]["certificate"]["subject"].as_str().unwrap().contains("ARUBA"),
        "{busta:#}"
    );
}

#[test]
fn the_resaved_real_envelope_is_content_altered_not_forged() {
    let Some(corpus) = corpus() else { return };
    let (code, out, _) = run(peckit()
        .args(["verify", "--format", "json"])
        .arg(corpus.join("sogei-2018-posta-certificata-resaved.eml")));
    assert_eq!(code, 1);
    let a = &json(&out)["artefacts"][0];
    assert_eq!(a["signature"]["status"], "content-altered");
    assert_eq!(a["problems"][0]["code"], "content-altered");
    // The signature itself is genuine: the provider and the chain are still identified.
    assert_eq!(a["signature"]["trusted"], true);
}

#[test]
fn extracting_real_messages_gives_their_attachments_with_the_hashes_they_had() {
    use base64::Engine;
    use sha2::{Digest, Sha256};
    let Some(corpus) = corpus() else { return };
    let mut attachments_checked = 0;
    for row in read_tsv(&corpus.join("INDEX.tsv")) {
        let input = corpus.join(&row["file"]);
        let raw = std::fs::read(&input).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("x");
        let (code, _, err) = run(peckit().arg("extract").arg(&input).arg("-o").arg(&out));
        assert!(code == 0 || code == 1, "{}: {err}", row["file"]);
        let manifest = json(&std::fs::read_to_string(out.join("manifest.json")).unwrap());
        assert_eq!(manifest["verdict"], row["expected_verdict"].as_str());
        for f in manifest["files"].as_array().unwrap() {
            let bytes = std::fs::read(out.join(f["path"].as_str().unwrap())).unwrap();
            assert_eq!(hex::encode(Sha256::digest(&bytes)), f["sha256"].as_str().unwrap());
        }
        let Ok(original) = std::fs::read(out.join("postacert.eml")) else { continue };
        // The original is carried 7bit: it is a byte-exact slice of the input.
        assert!(
            raw.windows(original.len()).any(|w| w == original.as_slice()),
            "{}: postacert.eml not byte-exact",
            row["file"]
        );
        // Attachments: decode their base64 independently and compare.
        let text = String::from_utf8_lossy(&original);
        for f in manifest["files"].as_array().unwrap().iter().filter(|f| f["role"] == "attachment")
        {
            let name = f["original_name"].as_str().unwrap();
            let at = text
                .find(&format!("filename=\"{name}\""))
                .or_else(|| text.find(&format!("filename={name}")))
                .expect("attachment header");
            let crlf = text.contains("\r\n");
            let (blank, delim) = if crlf { ("\r\n\r\n", "\r\n--") } else { ("\n\n", "\n--") };
            let body_start = at + text[at..].find(blank).unwrap() + blank.len();
            let body_end = body_start + text[body_start..].find(delim).unwrap();
            let header_start = text[..at].rfind("\n--").unwrap_or(0);
            let header = text[header_start..body_start].to_ascii_lowercase();
            let decoded = if header.contains("quoted-printable") {
                qp_decode(&text[body_start..body_end])
            } else if header.contains("base64") {
                let b64: String = text[body_start..body_end].split_whitespace().collect();
                base64::engine::general_purpose::STANDARD.decode(b64).unwrap()
            } else {
                text[body_start..body_end].as_bytes().to_vec()
            };
            assert_eq!(
                hex::encode(Sha256::digest(&decoded)),
                f["sha256"].as_str().unwrap(),
                "{name}"
            );
            attachments_checked += 1;
        }
    }
    assert!(attachments_checked >= 2, "only {attachments_checked} real attachments checked");
}

/// An independent quoted-printable decoder (RFC 2045 §6.7) for the test.
fn qp_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'=' {
            if b.get(i + 1) == Some(&b'\n') {
                i += 2;
                continue;
            }
            if b.get(i + 1) == Some(&b'\r') && b.get(i + 2) == Some(&b'\n') {
                i += 3;
                continue;
            }
            if let Some(h) = s.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(h);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}
