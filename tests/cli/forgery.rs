//! Forgeries made from a genuine real receipt, one mutation each, with the exact code.

use std::path::PathBuf;

use crate::common::*;

fn genuine() -> Option<Vec<u8>> {
    corpus().map(|c| std::fs::read(c.join("aruba-2014-accettazione.eml")).unwrap())
}

fn verify_bytes(bytes: &[u8]) -> (i32, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("x.eml");
    std::fs::write(&path, bytes).unwrap();
    let (code, out, err) = run(peckit().args(["verify", "--format", "json"]).arg(&path));
    let doc = json(&out);
    assert!(doc["artefacts"].is_array(), "{err}");
    (code, doc["artefacts"][0].clone())
}

fn first_code(a: &serde_json::Value) -> String {
    a["problems"][0]["code"].as_str().unwrap_or("").to_string()
}

#[test]
fn the_genuine_receipt_is_valid() {
    let Some(g) = genuine() else { return };
    let (code, a) = verify_bytes(&g);
    assert_eq!(code, 0, "{a:#}");
    assert_eq!(a["verdict"], "valid");
}

#[test]
fn one_changed_byte_of_the_signed_notice_is_content_altered() {
    let Some(g) = genuine() else { return };
    let forged = replace_once(&g, b"Il giorno", b"Il giornO");
    let (code, a) = verify_bytes(&forged);
    assert_eq!(code, 1);
    assert_eq!(first_code(&a), "content-altered");
}

#[test]
fn a_changed_x_ricevuta_is_a_header_mismatch() {
    let Some(g) = genuine() else { return };
    let forged = replace_once(&g, b"X-Ricevuta: accettazione", b"X-Ricevuta: avvenuta-consegna");
    let (code, a) = verify_bytes(&forged);
    assert_eq!(code, 1);
    assert_eq!(first_code(&a), "header-mismatch");
    // The signed data still says what it says.
    assert_eq!(a["kind"], "accettazione");
    assert_eq!(a["certified"]["tipo"], "accettazione");
}

#[test]
fn a_flipped_signature_byte_is_a_bad_signature() {
    let Some(g) = genuine() else { return };
    // The RSA signature value is the last thing in the single SignerInfo: flip a bit of it.
    let text = String::from_utf8(g.clone()).unwrap();
    let start = text.find("Content-Disposition: attachment; filename=\"smime.p7s\"").unwrap();
    let body_start = start + text[start..].find("\n\n").unwrap() + 2;
    let body_end = body_start + text[body_start..].find("\n\n").unwrap_or(text.len() - body_start);
    let b64: String = text[body_start..body_end].split_whitespace().collect();
    use base64::Engine;
    let mut der = base64::engine::general_purpose::STANDARD.decode(&b64).unwrap();
    let n = der.len();
    der[n - 10] ^= 0x01;
    let re = base64::engine::general_purpose::STANDARD.encode(&der);
    let wrapped: Vec<String> =
        re.as_bytes().chunks(64).map(|c| String::from_utf8(c.to_vec()).unwrap()).collect();
    let forged = format!("{}{}{}", &text[..body_start], wrapped.join("\n"), &text[body_end..]);
    let (code, a) = verify_bytes(forged.as_bytes());
    assert_eq!(code, 1);
    assert_eq!(first_code(&a), "bad-signature");
    assert_eq!(a["signature"]["status"], "bad-signature");
}

#[test]
fn a_genuine_receipt_wrapped_with_a_fake_daticert_reports_only_signed_data() {
    let Some(g) = genuine() else { return };
    let text = String::from_utf8(g).unwrap();
    let split = text.find("\n\n").unwrap();
    let (headers, _) = text.split_at(split);
    // Keep every header but the Content-Type, which becomes the wrapper's.
    let kept: Vec<&str> = headers
        .lines()
        .filter(|l| !l.starts_with("Content-Type") && !l.starts_with("MIME-Version"))
        .collect();
    let fake = "<postacert tipo=\"accettazione\" errore=\"nessuno\"><intestazione><mittente>falso@pec.example</mittente><destinatari>x@pec.example</destinatari><risposte>falso@pec.example</risposte><oggetto>FALSO</oggetto></intestazione><dati><gestore-emittente>Falso</gestore-emittente><data zona=\"+0100\"><giorno>01/01/2030</giorno><ora>00:00:00</ora></data><identificativo>falso</identificativo></dati></postacert>";
    let wrapped = format!(
        "{}\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"WRAP\"\n\n--WRAP\nContent-Type: application/xml; name=\"daticert.xml\"\n\n{fake}\n--WRAP\nContent-Type: message/rfc822\n\n{text}\n--WRAP--\n",
        kept.join("\n")
    );
    let (code, a) = verify_bytes(wrapped.as_bytes());
    assert_eq!(code, 1, "{a:#}");
    let codes: Vec<&str> =
        a["problems"].as_array().unwrap().iter().map(|p| p["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"unsigned-content-outside-signature"), "{codes:?}");
    // Nothing of the fake reaches the certified fields.
    assert_ne!(a["certified"]["oggetto"], "FALSO");
    assert_ne!(a["certified"]["mittente"], "falso@pec.example");
}

#[test]
fn the_signature_part_removed_is_unsigned() {
    let Some(g) = genuine() else { return };
    let text = String::from_utf8(g).unwrap();
    // Turn multipart/signed into multipart/mixed and drop the smime.p7s part.
    let forged = text.replacen(
        "multipart/signed; protocol=\"application/x-pkcs7-signature\"; micalg=sha1;",
        "multipart/mixed;",
        1,
    );
    let sig_at = forged.find("Content-Type: application/x-pkcs7-signature").unwrap();
    let boundary_line_start = forged[..sig_at].rfind("\n--").unwrap();
    let mut cut = forged[..boundary_line_start].to_string();
    let boundary = forged[boundary_line_start + 1..].lines().next().unwrap().to_string();
    cut.push_str(&format!("\n{boundary}--\n"));
    let (code, a) = verify_bytes(cut.as_bytes());
    assert_eq!(code, 1);
    assert_eq!(first_code(&a), "unsigned");
    assert!(a["certified"].is_null(), "an unsigned daticert is never reported as certified");
}

#[test]
fn a_truncated_message_is_malformed() {
    let Some(g) = genuine() else { return };
    let cut = &g[..g.len() - 700];
    let (code, a) = verify_bytes(cut);
    assert_eq!(code, 1);
    assert_eq!(first_code(&a), "malformed");
}

#[test]
fn untrusted_without_the_default_anchors() {
    let Some(c) = corpus() else { return };
    let (code, out, err) = run(peckit()
        .args(["verify", "--no-default-trust", "--format", "json"])
        .arg(c.join("aruba-2014-accettazione.eml")));
    assert_eq!(code, 1);
    let a = &json(&out)["artefacts"][0];
    assert_eq!(first_code(a), "untrusted");
    // The library's message names no flag; the command's hint does, on stderr.
    assert!(!a["problems"][0]["message"].as_str().unwrap().contains("--"), "{a}");
    assert!(err.contains("--trust FILE"), "{err}");
}

#[test]
fn validity_is_judged_at_the_given_instant() {
    let Some(c) = corpus() else { return };
    // The 2014 Aruba signer was issued in February 2014: in 2010 it did not exist yet.
    let (code, out, _) = run(peckit()
        .args(["verify", "--at", "2010-01-01T00:00:00Z", "--format", "json"])
        .arg(c.join("aruba-2014-accettazione.eml")));
    assert_eq!(code, 1);
    let a = &json(&out)["artefacts"][0];
    assert_eq!(first_code(a), "cert-not-valid-at-signing-time");
    assert_eq!(a["signature"]["reference_time_source"], "requested");
}

/// A valid envelope re-wrapped by mailing-list software: the verdict stays invalid (the file
/// is not what was signed), and every output says that the signed entity inside is intact
/// and authentic, who signed it, and that certified facts come from it.
#[test]
fn a_list_wrapped_envelope_is_explained_not_just_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("lista.eml");
    std::fs::write(&file, list_wrapped("posta-certificata.eml")).unwrap();
    let (code, out, _) =
        run(peckit().args(["verify", "--format", "json", "--trust"]).arg(test_root()).arg(&file));
    assert_eq!(code, 1);
    let a = &json(&out)["artefacts"][0];
    assert_eq!(a["verdict"], "invalid");
    assert_eq!(a["signature"]["status"], "valid");
    assert_eq!(a["signature"]["trusted"], true);
    let first = a["problems"][0]["message"].as_str().unwrap();
    assert!(first.contains("is intact and authentic, signed by Gestore Alfa S.p.A."), "{first}");
    // The list's tag before the PEC prefix is named too.
    let codes: Vec<&str> =
        a["problems"].as_array().unwrap().iter().map(|p| p["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"subject-mismatch"), "{codes:?}");
    for (args, needle) in [
        (vec!["--lang", "it", "verify"], "integra e autentica"),
        (vec!["--lang", "it", "verify", "--explain"], "Dati certificati"),
        (vec!["--lang", "en", "verify", "--explain"], "intact and authentic"),
    ] {
        let (_, out, _) = run(peckit()
            .env("COLUMNS", "300")
            .args(args)
            .arg("--trust")
            .arg(test_root())
            .arg(&file));
        assert!(out.contains(needle), "{out}");
    }
    let (_, out, _) = run(peckit()
        .env("COLUMNS", "300")
        .args(["--lang", "it", "inspect", "--trust"])
        .arg(test_root())
        .arg(&file));
    assert!(out.contains("Firmato (daticert.xml)"), "the signed entity verified: {out}");
    let target = dir.path().join("estratto");
    let (code, _, err) = run(peckit()
        .args(["--lang", "it", "extract", "--trust"])
        .arg(test_root())
        .arg(&file)
        .arg("-o")
        .arg(&target));
    assert_eq!(code, 1);
    assert!(err.contains("integra e autentica") && !err.contains("non è certificato"), "{err}");
    assert!(target.join("postacert.eml").exists());
}

/// AgID CA1's name constraints are the register of accredited providers, and AgID CA1 is a
/// pinned anchor: its constraints bind the path whether it is pinned or an intermediate
/// (RFC 5937), and the register entry is reported.
#[test]
fn a_signer_outside_its_authoritys_register_is_refused_whether_the_authority_is_pinned_or_not() {
    let registry = samples().join("pki/registro.pem");
    for trust in [test_root(), registry] {
        let (code, out, _) = run(peckit()
            .args(["verify", "--format", "json", "--trust"])
            .arg(&trust)
            .arg(samples().join("accettazione-registro.eml"))
            .arg(samples().join("forged/registro-gestore-non-iscritto.eml"))
            .arg(samples().join("forged/registro-dominio-non-iscritto.eml"))
            .arg(samples().join("forged/registro-secondo-indirizzo.eml"))
            .arg(samples().join("forged/registro-indirizzo-ip.eml"))
            .arg(samples().join("forged/registro-nome-alternativo.eml")));
        assert_eq!(code, 1, "{}", trust.display());
        let doc = json(&out);
        let a = doc["artefacts"].as_array().unwrap();
        assert_eq!(a[0]["verdict"], "valid", "{}: {:#}", trust.display(), a[0]);
        let entry = &a[0]["identity"]["accreditation"];
        assert_eq!(entry["authority"], "peckit Test Registro CA");
        assert_eq!(entry["registered_as"], "O=Gestore Alfa S.p.A.,L=Roma,ST=Roma,C=IT");
        assert_eq!(entry["mail_domains"], serde_json::json!(["pec.alfa.example"]));
        for (artefact, says) in a[1..].iter().zip([
            "its subject is in none of the names",
            "posta-certificata@pec.gamma.example is in none of the permitted mail domains",
            "altro@pec.gamma.example is in none of the permitted mail domains",
            "name of form iPAddress",
            "the directory name O=Gestore Abusivo S.r.l.,C=IT of its alternative names",
        ]) {
            assert_eq!(artefact["verdict"], "invalid");
            let p = &artefact["problems"][0];
            assert_eq!(p["code"], "name-constraints", "{artefact:#}");
            assert_eq!(p["severity"], "error");
            assert!(p["message"].as_str().unwrap().contains(says), "{p:#}");
            assert_eq!(artefact["signature"]["trusted"], false);
            assert_eq!(artefact["identity"]["accreditation_reason"], "untrusted");
        }
    }
    // Samples under the unconstrained CA say the authority publishes no register.
    let (_, out, _) = run(peckit()
        .args(["verify", "--format", "json", "--trust"])
        .arg(test_root())
        .arg(samples().join("accettazione.eml")));
    let identity = &json(&out)["artefacts"][0]["identity"];
    assert_eq!(identity["accreditation"], serde_json::Value::Null);
    assert_eq!(identity["accreditation_reason"], "no-register");
    // In Italian, every word.
    let (_, out, _) = run(peckit()
        .args(["--lang", "it", "verify", "--explain", "--trust"])
        .arg(test_root())
        .arg(samples().join("forged/registro-secondo-indirizzo.eml"))
        .arg(samples().join("accettazione-registro.eml")));
    assert!(
        out.contains(
            "l'indirizzo altro@pec.gamma.example non rientra in alcun dominio di posta ammesso"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "Il gestore rientra nei nomi ammessi da peckit Test Registro CA (vincoli sui nomi del suo certificato): O=Gestore Alfa S.p.A.,L=Roma,ST=Roma,C=IT; domini di posta: pec.alfa.example"
        ),
        "{out}"
    );
}

/// A self-signed certificate that borrows the trusted root's name is said to be an impostor,
/// not a trusted root whose signature broke (review 16).
#[test]
fn a_root_imitating_the_trusted_ones_name_is_called_an_imitation() {
    for (lang, expected) in
        [("it", "ne imita il nome"), ("en", "another certificate imitating its name")]
    {
        let (code, out, _) = run(peckit()
            .args(["--lang", lang, "verify", "--explain", "--trust"])
            .arg(test_root())
            .arg(samples().join("forged/rogue-root.eml")));
        assert_eq!(code, 1);
        assert!(out.contains(expected), "{out}");
    }
}
