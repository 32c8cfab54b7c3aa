//! What is added beside a signature (review 18): the samples make each case
//! (samples/make-samples.py, `make_added_to_signature`); these tests check what the reports
//! say of them beyond the first code that `samples.rs` checks.

use std::path::Path;

use serde_json::Value;

use crate::common::*;

fn verify_json(path: &Path, lang: &str) -> (i32, Value) {
    let (code, out, err) = run(peckit()
        .args(["--lang", lang, "verify", "--format", "json", "--trust"])
        .arg(test_root())
        .arg(path));
    let doc = json(&out);
    assert!(doc["artefacts"].is_array(), "{err}");
    (code, doc["artefacts"][0].clone())
}

fn problem<'a>(a: &'a Value, code: &str) -> Option<&'a Value> {
    a["problems"].as_array().unwrap().iter().find(|p| p["code"] == code)
}

/// The SHA-256 of a PEM certificate of the test PKI, as the report writes it.
fn fingerprint(name: &str) -> String {
    use sha2::Digest;
    let pem = std::fs::read_to_string(samples().join("pki").join(name)).unwrap();
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let der = base64_decode(&body);
    hex::encode(sha2::Sha256::digest(der))
}

fn base64_decode(text: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(text).unwrap()
}

#[test]
fn an_expired_signer_that_dates_itself_back_is_judged_at_the_certified_time_too() {
    let (code, a) = verify_json(&samples().join("forged/scaduto-data-firma-anticipata.eml"), "en");
    assert_eq!(code, 1);
    let certified = a["daticert_unverified"]["data_utc"].as_str().unwrap().to_string();
    let error =
        problem(&a, "cert-not-valid-at-signing-time").expect("not judged at the certified time");
    assert!(error["message"].as_str().unwrap().contains(&certified), "{error:#}");
    // The certificate expired before what the receipt certifies: not "after signing".
    assert!(problem(&a, "cert-expired-now").is_none(), "{a:#}");
}

/// A certified time later than the signingTime is an instant the certificates are judged at
/// too: the JSON names it, and the explanation says both, each with what it is.
#[test]
fn every_instant_the_certificates_are_judged_at_is_reported() {
    let path = samples().join("accettazione-registro.eml");
    let (code, a) = verify_json(&path, "en");
    assert_eq!(code, 0, "{a:#}");
    let signing = a["signature"]["signing_time"].as_str().unwrap().to_string();
    let certified = a["certified"]["data_utc"].as_str().unwrap().to_string();
    assert_ne!(signing, certified, "the sample's two times differ");
    assert_eq!(a["signature"]["reference_time"], signing.as_str());
    assert_eq!(
        a["signature"]["also_judged_at"],
        serde_json::json!([{"time_utc": certified, "source": "daticert"}]),
        "{a:#}"
    );
    assert_eq!(a["evidence"]["signer"]["also_judged_at"], a["signature"]["also_judged_at"]);
    let explain = |lang: &str| {
        let (_, out, _) = run(peckit()
            .args(["--lang", lang, "verify", "--explain", "--trust"])
            .arg(test_root())
            .arg(&path));
        out
    };
    assert!(
        explain("it").contains(&format!(
            "Certificati valutati al: {signing}, cioè l'ora della firma; e al {certified}, la \
             data certificata"
        )),
        "{}",
        explain("it")
    );
    assert!(
        explain("en").contains(&format!(
            "Certificates judged at: {signing}, that is, the signing time; also at {certified}, \
             the certified time"
        )),
        "{}",
        explain("en")
    );
    // A real receipt's two times agree: one instant, said as before.
    if let Some(corpus) = corpus() {
        let (_, out, _) = run(peckit()
            .args(["--lang", "it", "verify", "--explain"])
            .arg(corpus.join("aruba-2018-accettazione.eml")));
        let line = out.lines().find(|l| l.contains("Certificati valutati al")).unwrap();
        assert!(!line.contains("e al"), "{line}");
    }
}

#[test]
fn a_decoy_certificate_leaves_the_genuine_signer_and_names_the_addition() {
    let (code, a) = verify_json(&samples().join("forged/certificato-civetta.eml"), "en");
    assert_eq!(code, 1);
    assert_eq!(a["signature"]["status"], "valid", "{a:#}");
    assert_eq!(a["signature"]["signer"]["sha256"], fingerprint("alfa.pem"));
    assert_ne!(fingerprint("alfa.pem"), fingerprint("civetta-alfa.pem"));
    assert!(problem(&a, "bad-signature").is_none(), "a genuine signature is not forged: {a:#}");
    // The signed data stays certified: only the unsigned certificate set was added to.
    assert_eq!(a["certified"]["tipo"], "accettazione", "{a:#}");
    // Alfa's own key under another name, put first, verifies too: the one that chains is the
    // signer, the other is named.
    let (code, a) = verify_json(&samples().join("forged/certificato-omonimo.eml"), "en");
    assert_eq!(code, 1);
    assert_eq!(a["signature"]["signer"]["sha256"], fingerprint("alfa.pem"), "{a:#}");
    assert_eq!(codes(&a).first().map(String::as_str), Some("unsigned-content-outside-signature"));
}

#[test]
fn a_repeated_unsigned_subject_is_a_warning_and_a_repeated_marker_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let genuine = sample("accettazione.eml");
    let subject_at = genuine.windows(9).position(|w| w == b"Subject: ").unwrap();
    let mut doubled = genuine[..subject_at].to_vec();
    doubled.extend_from_slice(b"Subject: AVVENUTA CONSEGNA: altro\r\n");
    doubled.extend_from_slice(&genuine[subject_at..]);
    let path = dir.path().join("oggetto-doppio.eml");
    std::fs::write(&path, &doubled).unwrap();
    let (code, a) = verify_json(&path, "en");
    assert_eq!(code, 0, "{a:#}");
    let warning = problem(&a, "subject-mismatch").expect("the repeated Subject is not named");
    assert_eq!(warning["severity"], "warning");
    assert!(warning["message"].as_str().unwrap().contains("occurs 2 times"), "{warning:#}");

    let (code, a) = verify_json(&samples().join("forged/x-ricevuta-doppia.eml"), "it");
    assert_eq!(code, 1);
    let error = problem(&a, "header-mismatch").unwrap();
    assert_eq!(error["severity"], "error");
}

#[test]
fn each_addition_is_said_in_italian() {
    for (file, words) in [
        ("forged/due-firmatari.eml", "la firma ha 2 firmatari"),
        ("forged/byte-dopo-la-firma.eml", "dentro o dopo la firma"),
        ("forged/data-firma-ripetuta.eml", "compare più di una volta"),
        ("forged/certificato-civetta.eml", "altra chiave, o altro nome sulla sua chiave"),
        ("forged/estensione-critica.eml", "estensione critica"),
        ("forged/daticert-doppio.eml", "2 daticert.xml"),
        ("forged/x-ricevuta-doppia.eml", "compare 2 volte"),
    ] {
        let (_, out, _) = run(peckit()
            .args(["--lang", "it", "verify", "--explain", "--trust"])
            .arg(test_root())
            .arg(samples().join(file)));
        assert!(out.contains(words), "{file}: {words:?} missing:\n{out}");
    }
}

#[test]
fn the_provider_a_daticert_names_is_shown_beside_the_one_its_certificate_names() {
    let file = samples().join("forged/gestore-dichiarato-altrui.eml");
    let (code, a) = verify_json(&file, "en");
    assert_eq!(code, 0, "another trusted provider's signature is valid: {a:#}");
    let beta = a["identity"]["provider"].as_str().unwrap().to_string();
    assert!(beta.starts_with("Gestore Beta"), "{a:#}");
    assert_eq!(a["certified"]["gestore_emittente"], "Gestore Alfa S.p.A.");
    let (_, explain, _) = run(peckit()
        .args(["--lang", "it", "verify", "--explain", "--trust"])
        .arg(test_root())
        .arg(&file));
    let said = format!(
        "gestore-emittente: Gestore Alfa S.p.A. (il certificato del firmatario indica {beta})"
    );
    assert!(explain.contains(&said), "{explain}");
    let (_, inspect, _) = run(peckit()
        .env("COLUMNS", "200")
        .args(["--lang", "en", "inspect", "--trust"])
        .arg(test_root())
        .arg(&file));
    assert!(inspect.contains(&format!("the signer's certificate names {beta}")), "{inspect}");
    // A genuine receipt whose daticert names its own provider gets no such note.
    let (_, own, _) = run(peckit()
        .args(["--lang", "en", "verify", "--explain", "--trust"])
        .arg(test_root())
        .arg(samples().join("accettazione.eml")));
    assert!(own.contains("gestore-emittente: Gestore Alfa S.p.A.\n"), "{own}");
}

#[test]
fn a_line_break_in_a_decoded_subject_draws_no_row_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let genuine = sample("accettazione.eml");
    let start = genuine.windows(9).position(|w| w == b"Subject: ").unwrap();
    let end = start + genuine[start..].windows(2).position(|w| w == b"\r\n").unwrap();
    // "Atto\r\nX-Ricevuta: avvenuta-consegna", as an encoded word.
    let mut forged = genuine[..start].to_vec();
    forged.extend_from_slice(
        b"Subject: =?utf-8?b?QXR0bw0KWC1SaWNldnV0YTogYXZ2ZW51dGEtY29uc2VnbmE=?=",
    );
    forged.extend_from_slice(&genuine[end..]);
    let path = dir.path().join("oggetto-a-capo.eml");
    std::fs::write(&path, &forged).unwrap();
    let (_, out, _) = run(peckit()
        .env("COLUMNS", "100")
        .args(["--lang", "en", "--color", "never", "inspect", "--trust"])
        .arg(test_root())
        .arg(&path));
    assert!(out.contains("Atto"), "{out}");
    for line in out.lines() {
        let claimed = line.split('┆').nth(2).unwrap_or_default().trim_start();
        assert!(!claimed.starts_with("X-Ricevuta: avvenuta"), "a row of its own:\n{out}");
    }
}

#[test]
fn a_pinned_signer_is_found_behind_a_decoy_that_names_it() {
    let file = samples().join("forged/certificato-civetta-solo.eml");
    let (code, a) = verify_json(&file, "en");
    assert_eq!(code, 1);
    assert_eq!(codes(&a).first().map(String::as_str), Some("bad-signature"), "{a:#}");
    let (code, out, err) = run(peckit()
        .args(["verify", "--format", "json", "--trust"])
        .arg(samples().join("pki/alfa.pem"))
        .arg(&file));
    assert_eq!(code, 1, "{err}");
    let a = json(&out)["artefacts"][0].clone();
    assert_eq!(a["signature"]["status"], "valid", "{a:#}");
    assert_eq!(a["signature"]["signer"]["sha256"], fingerprint("alfa.pem"));
    assert_eq!(codes(&a).first().map(String::as_str), Some("unsigned-content-outside-signature"));
}

#[test]
fn identical_copies_of_a_header_say_nothing_and_a_bare_cr_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let genuine = sample("accettazione.eml");
    let same = replace_once(
        &genuine,
        b"X-Ricevuta: accettazione\r\n",
        b"X-Ricevuta: accettazione\r\nX-Ricevuta: accettazione\r\n",
    );
    let path = dir.path().join("stessa.eml");
    std::fs::write(&path, &same).unwrap();
    let (code, a) = verify_json(&path, "en");
    assert_eq!(code, 0, "{a:#}");
    assert!(problem(&a, "header-mismatch").is_none(), "{a:#}");
    // A CR without its LF ends the line for some readers: "X-Ricevuta" behind it is a second
    // marker they see.
    let hidden = replace_once(
        &genuine,
        b"X-Ricevuta: accettazione\r\n",
        b"X-Ricevuta: accettazione\rX-Ricevuta: avvenuta-consegna\r\n",
    );
    std::fs::write(&path, &hidden).unwrap();
    let (code, a) = verify_json(&path, "en");
    assert_eq!(code, 1, "{a:#}");
    let error = problem(&a, "header-mismatch").expect("the bare CR is not named");
    assert!(error["message"].as_str().unwrap().contains("carriage return"), "{error:#}");
    // Right after the colon, where parsing trims a value's white space (review 21).
    let after_colon = replace_once(
        &genuine,
        b"X-Ricevuta: accettazione\r\n",
        b"X-Ricevuta: accettazione\r\nX-Mailer: \rX-Ricevuta: avvenuta-consegna\r\n",
    );
    std::fs::write(&path, &after_colon).unwrap();
    let (code, a) = verify_json(&path, "en");
    assert_eq!(code, 1, "{a:#}");
    let error = problem(&a, "header-mismatch").expect("a CR after the colon is not named");
    assert!(error["message"].as_str().unwrap().contains("X-Mailer"), "{error:#}");
}

/// The CSV's provider column names a provider only when a verified, trusted signature
/// vouches for it: a self-made certificate can say "Gestore Alfa" (review 22).
#[test]
fn the_csv_names_a_provider_only_when_a_trusted_signature_vouches_for_it() {
    let (_, out, err) = run(peckit()
        .args(["verify", "--format", "csv", "--trust"])
        .arg(test_root())
        .arg(samples().join("forged/self-signed.eml"))
        .arg(samples().join("forged/rogue-root.eml"))
        .arg(samples().join("forged/x-ricevuta-changed.eml"))
        .arg(samples().join("accettazione.eml"))
        .arg(samples().join("forged/scaduto-data-firma-anticipata.eml"))
        .arg(samples().join("forged/expired-signer.eml")));
    let rows: Vec<Vec<String>> =
        out.lines().skip(1).map(|l| l.split(',').map(str::to_string).collect()).collect();
    assert_eq!(rows.len(), 6, "{out}{err}");
    assert_eq!(rows[0][4], "", "self-signed: {out}");
    assert_eq!(rows[1][4], "", "rogue root: {out}");
    // An unsigned header changed: the signature still verifies, the signer is known.
    assert_eq!(rows[2][4], "Gestore Alfa S.p.A.", "{out}");
    assert_eq!(rows[3][4], "Gestore Alfa S.p.A.", "{out}");
    // A certificate not valid at an instant it is judged at vouches for nothing, whether the
    // signer dated itself back into its validity or not (review 23).
    assert_eq!(rows[4][4], "", "{out}");
    assert_eq!(rows[5][4], "", "{out}");
}
