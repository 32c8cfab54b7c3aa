//! The generated samples: every kind, every daticert field, every forgery's code, as
//! samples/make-samples.py says it made them (expected.tsv, daticert-expected.tsv).

use std::collections::BTreeMap;

use serde_json::Value;

use crate::common::*;

fn verify_all() -> BTreeMap<String, Value> {
    let (_, out, err) = run(peckit()
        .args(["verify", "--format", "json", "--trust"])
        .arg(test_root())
        .arg(samples()));
    let doc = json(&out);
    assert!(doc["artefacts"].is_array(), "{err}");
    let prefix = format!("{}/", samples().display());
    doc["artefacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["path"].as_str().unwrap().trim_start_matches(&prefix).to_string(), a.clone()))
        .collect()
}

#[test]
fn every_sample_has_its_kind_verdict_and_problem() {
    let expected = read_tsv(&samples().join("expected.tsv"));
    assert!(expected.len() >= 30, "expected.tsv lists only {} files", expected.len());
    let got = verify_all();
    let mut failures = Vec::new();
    for row in &expected {
        let Some(a) = got.get(&row["file"]) else {
            failures.push(format!("{}: not reported", row["file"]));
            continue;
        };
        if a["kind"] != row["kind"].as_str() {
            failures.push(format!("{}: kind {} != {}", row["file"], a["kind"], row["kind"]));
        }
        if a["verdict"] != row["verdict"].as_str() {
            failures.push(format!(
                "{}: verdict {} != {} {:?}",
                row["file"],
                a["verdict"],
                row["verdict"],
                codes(a)
            ));
        }
        let problem = &row["problem"];
        let c = codes(a);
        if row["verdict"] == "invalid" && c.first() != Some(problem) {
            failures.push(format!("{}: first problem {:?} != {problem}", row["file"], c.first()));
        }
        if !problem.is_empty() && row["verdict"] == "valid" && !c.contains(problem) {
            failures.push(format!("{}: {problem} missing from {c:?}", row["file"]));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_daticert_field_is_read_as_written() {
    let expected = read_tsv(&samples().join("daticert-expected.tsv"));
    assert!(expected.len() >= 20);
    let got = verify_all();
    let mut checked = 0;
    for row in &expected {
        let a = &got[&row["file"]];
        let c = &a["certified"];
        assert!(c.is_object(), "{}: no certified data", row["file"]);
        for field in [
            "tipo",
            "errore",
            "mittente",
            "risposte",
            "oggetto",
            "gestore_emittente",
            "data",
            "identificativo",
            "msgid",
        ] {
            assert_eq!(c[field].as_str().unwrap_or(""), row[field], "{}: {field}", row["file"]);
            checked += 1;
        }
        for field in ["ricevuta", "consegna", "errore_esteso"] {
            assert_eq!(c[field].as_str().unwrap_or(""), row[field], "{}: {field}", row["file"]);
        }
        let dest: Vec<String> = c["destinatari"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| format!("{}:{}", d["address"].as_str().unwrap(), d["tipo"].as_str().unwrap()))
            .collect();
        assert_eq!(dest.join(";"), row["destinatari"], "{}", row["file"]);
        let ric: Vec<&str> =
            c["ricezione"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert_eq!(ric.join(";"), row["ricezione"], "{}", row["file"]);
        // data_utc is the same instant as data.
        let local: jiff::Timestamp = c["data"].as_str().unwrap().parse().unwrap();
        let utc: jiff::Timestamp = c["data_utc"].as_str().unwrap().parse().unwrap();
        assert_eq!(local, utc);
    }
    assert!(checked > 100);
}

#[test]
fn rsa_pss_and_ecdsa_signatures_verify_and_are_named() {
    let got = verify_all();
    assert_eq!(
        got["accettazione-rsa-pss.eml"]["signature"]["signature_algorithm"],
        "rsa-pss-sha256"
    );
    assert_eq!(
        got["avvenuta-consegna-ecdsa.eml"]["signature"]["signature_algorithm"],
        "ecdsa-sha256"
    );
    assert_eq!(got["accettazione.eml"]["signature"]["signature_algorithm"], "rsa-pkcs1v15-sha256");
    assert_eq!(got["accettazione-sha1.eml"]["signature"]["digest_algorithm"], "sha1");
    for f in ["accettazione-rsa-pss.eml", "avvenuta-consegna-ecdsa.eml"] {
        assert_eq!(got[f]["verdict"], "valid", "{f}");
    }
}

#[test]
fn identity_reports_provider_email_and_from_match() {
    let got = verify_all();
    let id = &got["accettazione.eml"]["identity"];
    assert_eq!(id["provider"], "Gestore Alfa S.p.A.");
    assert_eq!(id["email"], "posta-certificata@pec.alfa.example");
    assert_eq!(id["matches_from"], true);
    assert_eq!(id["pec_policy"], true);
}

#[test]
fn the_nested_anomaly_reads_the_inner_envelope() {
    let (_, out, _) = run(peckit()
        .args(["verify", "--format", "json", "--trust"])
        .arg(test_root())
        .arg(samples().join("anomalia-annidata.eml")));
    let a = &json(&out)["artefacts"][0];
    assert_eq!(a["kind"], "anomalia");
    let inner = &a["nested"][0];
    assert_eq!(inner["kind"], "posta-certificata", "{a:#}");
    assert_eq!(inner["verdict"], "valid");
    assert!(inner["signature"]["signer"]["subject"].as_str().unwrap().contains("Gestore Alfa"));
}

#[test]
fn line_end_conversion_keeps_signatures_valid() {
    let dir = tempfile::tempdir().unwrap();
    for (name, to_crlf) in [("posta-certificata.eml", true), ("accettazione.eml", false)] {
        let bytes = std::fs::read(samples().join(name)).unwrap();
        let lf: Vec<u8> = String::from_utf8_lossy(&bytes).replace("\r\n", "\n").into_bytes();
        let converted = if to_crlf {
            String::from_utf8(lf).unwrap().replace('\n', "\r\n").into_bytes()
        } else {
            lf
        };
        let p = dir.path().join(name);
        std::fs::write(&p, &converted).unwrap();
        let (code, out, _) =
            run(peckit().args(["verify", "--format", "json", "--trust"]).arg(test_root()).arg(&p));
        assert_eq!(code, 0, "{name}: {out}");
        let a = &json(&out)["artefacts"][0];
        assert_eq!(a["signature"]["canonicalised"], !to_crlf, "{name}");
    }
}

#[test]
fn inspect_prints_every_kind() {
    let (code, out, _) = run(peckit().arg("inspect").arg(samples()));
    // non-pec.eml, forged/empty.eml and forged/random.eml make it exit 2; all others are shown.
    assert_eq!(code, 2);
    for kind in [
        "posta-certificata",
        "anomalia",
        "accettazione",
        "non-accettazione",
        "presa-in-carico",
        "avvenuta-consegna (completa)",
        "avvenuta-consegna (breve)",
        "avvenuta-consegna (sintetica)",
        "errore-consegna",
        "preavviso-errore-consegna",
        "rilevazione-virus",
        "unknown kind",
        "REM",
        "not PEC",
    ] {
        assert!(out.contains(&format!("  {kind}")), "{kind} not shown");
    }
    // Without the test root nothing chains: the parts are under a signature not verified,
    // the signer only stated (review 22).
    assert!(out.contains("[under a signature NOT verified]"));
    assert!(out.contains("Signer stated (signature NOT verified): "));
    let (_, out, _) = run(peckit()
        .arg("inspect")
        .arg("--trust")
        .arg(test_root())
        .arg(samples().join("accettazione.eml")));
    assert!(out.contains("[signed]") && out.contains("\nSigner: "), "{out}");
}

/// Cross-check with OpenSSL where it exists: the same verdict for valid and forged samples.
#[test]
fn verdicts_agree_with_openssl() {
    if std::process::Command::new("openssl").arg("version").output().is_err() {
        eprintln!("SKIP: openssl is not installed");
        return;
    }
    let got = verify_all();
    let mut compared = 0;
    for (file, ours) in [
        ("accettazione.eml", true),
        ("posta-certificata.eml", true),
        ("accettazione-sha1.eml", true),
        ("accettazione-opaca.eml", true),
        ("avvenuta-consegna-completa.eml", true),
        ("forged/notice-byte-changed.eml", false),
        ("forged/bad-signature.eml", false),
        ("forged/rogue-root.eml", false),
        ("forged/self-signed.eml", false),
        ("forged/daticert-swapped.eml", false),
        ("accettazione-registro.eml", true),
        ("forged/registro-gestore-non-iscritto.eml", false),
        ("forged/registro-dominio-non-iscritto.eml", false),
        ("forged/registro-secondo-indirizzo.eml", false),
        ("forged/registro-indirizzo-ip.eml", false),
        ("forged/registro-nome-alternativo.eml", false),
    ] {
        let status = std::process::Command::new("openssl")
            .args(["smime", "-verify", "-CAfile"])
            .arg(test_root())
            .arg("-in")
            .arg(samples().join(file))
            .args(["-out", "/dev/null"])
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert_eq!(status.success(), ours, "openssl on {file}");
        assert_eq!(got[file]["verdict"] == "valid", ours, "peckit on {file}");
        compared += 1;
    }
    assert_eq!(compared, 16);
}
