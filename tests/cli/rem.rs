//! REM (ETSI EN 319 532, AgID REM-Policy-IT): the kit's messages read and checked in place
//! (../shared/rem-kit, never copied into the repository).

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::*;

fn kit_root_ca(kit: &Path) -> PathBuf {
    kit.join("certificates/REM-ROOT-CA.crt")
}

fn verify_json(kit: &Path, files: &[PathBuf]) -> (i32, Vec<Value>) {
    let (code, out, err) = run(peckit()
        .args(["verify", "--format", "json", "--trust"])
        .arg(kit_root_ca(kit))
        .args(files));
    assert!(!out.is_empty(), "{err}");
    (code, json(&out)["artefacts"].as_array().unwrap().clone())
}

/// The evidence a standalone kit file states, read with Python's own XML parser: an
/// independent reading of the same document to hold peckit's to.
fn standalone(kit: &Path, name: &str) -> Option<Value> {
    let script = r#"
import json, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
def first(tag):
    for e in root.iter():
        if e.tag.split('}')[-1] == tag:
            return (e.text or '').strip()
details = [(e.text or '').strip() for e in root.iter() if e.tag.split('}')[-1] == 'Details']
print(json.dumps({"evidence_id": first('EvidenceIdentifier'), "event_uri": first('ERDSEventId'),
    "reason": details[0] if details else None, "event_time": first('EventTime'),
    "message_id": first('MessageIdentifier'), "digest": first('DigestValue')}))
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(kit.join("standalone-evidence").join(name))
        .output()
        .ok()?;
    out.status.success().then(|| serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn every_kit_message_verifies_and_says_what_its_evidence_states() {
    let Some(kit) = rem_kit() else { return };
    let mut files: Vec<PathBuf> = std::fs::read_dir(kit.join("Intra-REM-flow"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("REM_"))
        .collect();
    files.sort();
    assert!(files.len() >= 30);
    let (code, artefacts) = verify_json(&kit, &files);
    assert_eq!(code, 0, "every kit message is valid with the kit's root");
    let mut compared = 0;
    for a in &artefacts {
        let path = a["path"].as_str().unwrap();
        assert_eq!(a["kind"], "rem", "{path}");
        assert_eq!(a["verdict"], "valid", "{path}: {}", a["problems"]);
        let rem = &a["rem"];
        assert_eq!(rem["xades"]["status"], "valid", "{path}");
        assert_eq!(rem["xades"]["trusted"], true, "{path}");
        // The file name says the event and the reason: REM_<Event>[n].<reason>.eml.
        let name = Path::new(path).file_name().unwrap().to_string_lossy().to_string();
        let stem = name.trim_start_matches("REM_").trim_end_matches(".eml");
        let (event, reason) = stem.split_once('.').unwrap();
        let event = event.trim_end_matches(|c: char| c.is_ascii_digit());
        if event != "Dispatch" {
            assert_eq!(rem["event"], event, "{path}");
            assert_eq!(rem["message_type"], "receipt", "{path}");
        } else {
            assert_eq!(rem["message_type"], "dispatch");
            assert_eq!(rem["event"], "SubmissionAcceptance", "a dispatch carries it");
        }
        assert_eq!(rem["reason"], reason, "{path}");
        // The same evidence as the kit's standalone file, read by another XML parser.
        let standalone_name = match stem {
            "Dispatch.RA01" => "SubmissionAcceptanceExt.RA01.in-dispatch.xml".to_string(),
            s if s.starts_with("ContentConsignment1") || s.starts_with("ContentConsignment2") => {
                format!("{}.xml", s.replace("ContentConsignment", "ContentConsignmentt"))
            }
            s => format!("{s}.xml"),
        };
        if let Some(expected) = standalone(&kit, &standalone_name) {
            for key in ["evidence_id", "event_uri", "reason", "event_time", "message_id"] {
                assert_eq!(rem[key], expected[key], "{path} {key} vs {standalone_name}");
            }
            // The kit's standalone copy of the dispatch's evidence states another digest
            // (GmBW…) than the evidence inside the dispatch (ePgg…, which the attached
            // original and original_message.to_attach_to_dispatch.digest.txt match).
            if stem != "Dispatch.RA01" {
                assert_eq!(rem["original_digest"]["value"], expected["digest"], "{path}");
            }
            compared += 1;
        }
    }
    assert!(compared >= 30, "only {compared} compared with the standalone evidence");
    let dispatch = artefacts.iter().find(|a| a["rem"]["message_type"] == "dispatch").unwrap();
    let digest_file = kit.join("Intra-REM-flow/original_message.to_attach_to_dispatch.digest.txt");
    let stated = std::fs::read_to_string(digest_file).unwrap();
    assert_eq!(dispatch["rem"]["original_digest"]["value"], stated.trim());
    let mapping = |event: &str| {
        artefacts.iter().find(|a| a["rem"]["event"] == event).unwrap()["rem"]["pec_equivalent"]
            .clone()
    };
    assert_eq!(mapping("SubmissionAcceptance"), "accettazione");
    assert_eq!(mapping("ContentConsignment"), "avvenuta-consegna");
    assert_eq!(mapping("RelayFailure"), "errore-consegna");
}

#[test]
fn a_rem_header_that_contradicts_the_signed_evidence_is_named() {
    let Some(kit) = rem_kit() else { return };
    let original =
        std::fs::read(kit.join("Intra-REM-flow/REM_ContentConsignment1.RD01.eml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    // The unsigned header now claims a failure; the signed evidence says consignment.
    let forged = replace_once(
        &original,
        b"REM-EventIdentifier: http://uri.etsi.org/19522/Event/ContentConsignment",
        b"REM-EventIdentifier: http://uri.etsi.org/19522/Event/ContentConsignmentFailure",
    );
    let path = dir.path().join("forged.eml");
    std::fs::write(&path, forged).unwrap();
    let (code, artefacts) = verify_json(&kit, std::slice::from_ref(&path));
    assert_eq!(code, 1);
    let a = &artefacts[0];
    assert_eq!(a["verdict"], "invalid");
    assert!(codes(a).contains(&"rem-header-mismatch".to_string()), "{}", a["problems"]);
    // What the evidence states is still what is reported.
    assert_eq!(a["rem"]["event"], "ContentConsignment");
    for (lang, says) in
        [("en", "contradicts the signed evidence"), ("it", "contraddice l'evidenza")]
    {
        let (_, out, _) = run(peckit()
            .env("COLUMNS", "400")
            .args(["--lang", lang, "verify", "--trust"])
            .arg(kit_root_ca(&kit))
            .arg(&path));
        assert!(out.contains("rem-header-mismatch") && out.contains(says), "{lang}:\n{out}");
    }
}

/// What xmlsec1 (Debian's, libxml2 and OpenSSL) says of an evidence's signature, judged on
/// the day the kit was signed; `None` when xmlsec1 is absent.
fn xmlsec1_verifies(kit: &Path, file: &Path) -> Option<bool> {
    let out = std::process::Command::new("xmlsec1")
        .args(["--verify", "--trusted-pem"])
        .arg(kit_root_ca(kit))
        .arg("--untrusted-pem")
        .arg(kit.join("certificates/REM-POLICY-IT-INTERMEDIATE-CERTIFICATE.crt"))
        .args([
            "--id-attr:Id",
            "SignedProperties",
            "--verification-gmt-time",
            "2022-08-04 00:00:00",
        ])
        .arg(file)
        .output()
        .ok()?;
    Some(out.status.success())
}

/// The kit's standalone evidence files and forgeries made from one of them: each verdict
/// named, and the same as xmlsec1's wherever xmlsec1 can say.
#[test]
fn standalone_evidence_verifies_or_fails_for_its_named_reason() {
    let Some(kit) = rem_kit() else { return };
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read(kit.join("standalone-evidence/RelayFailure.RB02.xml")).unwrap();
    let text = String::from_utf8(source.clone()).unwrap();
    let signature_value = text.split("<ds:SignatureValue").nth(1).unwrap();
    let value_start = text.len() - signature_value.len() + signature_value.find('>').unwrap() + 1;
    let mut flipped = source.clone();
    // One bit of the signature value's base64 ('A' <-> 'B' changes one bit of the value).
    let at = value_start + 10;
    flipped[at] = if flipped[at] == b'A' { b'B' } else { b'A' };
    let id = text.split("URI=\"#").nth(1).unwrap().split('"').next().unwrap().to_string();
    let forgeries: Vec<(&str, Vec<u8>, &str, bool)> = vec![
        (
            "event-time",
            replace_once(
                &source,
                b"<EventTime>2022-08-03T14:22:13Z",
                b"<EventTime>2022-08-02T14:22:13Z",
            ),
            "xades-reference-altered",
            true,
        ),
        (
            "recipient",
            replace_once(
                &source,
                b">recC@r2-rems-only-for-test.it<",
                b">recX@r2-rems-only-for-test.it<",
            ),
            "xades-reference-altered",
            true,
        ),
        ("signature-value", flipped, "xades-bad-signature", true),
        (
            "transform",
            replace_once(
                &source,
                b"Algorithm=\"http://www.w3.org/2002/06/xmldsig-filter2\"",
                b"Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\"",
            ),
            "xades-transform-refused",
            true,
        ),
        (
            "duplicate-id",
            replace_once(
                &source,
                b"<tns:EvidenceIdentifier>",
                format!("<tns:EvidenceIdentifier Id=\"{id}\">").as_bytes(),
            ),
            "xades-wrapping",
            false,
        ),
        (
            "wrapped",
            {
                // The signed evidence moved under an unsigned one that says another event.
                let body = text.split_once("?>").unwrap().1;
                format!(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><tns:Evidence xmlns:tns=\"http://uri.etsi.org/19522/v1#\"><tns:ERDSEventId>http://uri.etsi.org/19522/Event/ContentConsignment</tns:ERDSEventId>{body}</tns:Evidence>"
                )
                .into_bytes()
            },
            "xades-wrapping",
            false,
        ),
    ];
    let mut files = vec![kit.join("standalone-evidence")];
    for (name, bytes, _, _) in &forgeries {
        std::fs::write(dir.path().join(format!("{name}.xml")), bytes).unwrap();
        files.push(dir.path().join(format!("{name}.xml")));
    }
    let (code, artefacts) = verify_json(&kit, &files);
    assert_eq!(code, 1);
    let mut cross_checked = 0;
    for a in &artefacts {
        let path = PathBuf::from(a["path"].as_str().unwrap());
        let forged = forgeries.iter().find(|(n, ..)| path.ends_with(format!("{n}.xml")));
        match forged {
            None => {
                assert_eq!(a["verdict"], "valid", "{}: {}", path.display(), a["problems"]);
                assert_eq!(a["kind"], "rem");
                assert_eq!(a["rem"]["xades"]["status"], "valid");
            }
            Some((name, _, code, _)) => {
                assert_eq!(a["verdict"], "invalid", "{name}");
                assert_eq!(codes(a)[0], *code, "{name}: {}", a["problems"]);
            }
        }
        let comparable = forged.is_none_or(|(.., xmlsec1_decides)| *xmlsec1_decides);
        if comparable && let Some(xmlsec1) = xmlsec1_verifies(&kit, &path) {
            assert_eq!(xmlsec1, a["verdict"] == "valid", "xmlsec1 disagrees on {}", path.display());
            cross_checked += 1;
        }
    }
    assert_eq!(artefacts.len(), 42 + forgeries.len());
    if cross_checked == 0 {
        eprintln!("SKIP: xmlsec1 is not installed; the XAdES cross-check did not run");
    } else {
        assert_eq!(cross_checked, 42 + 4);
    }
}

/// PEC and REM in one timeline: the kit's dispatch proves the sending, its consignment
/// evidences the delivery to each recipient, beside the PEC samples' own messages; the same
/// from verify's JSONL records.
#[test]
fn pec_and_rem_form_one_evidence_timeline() {
    let Some(kit) = rem_kit() else { return };
    let flow = kit.join("Intra-REM-flow");
    // The kit's and the samples' CAs are trusted for mail; records take no options.
    let evidence = |inputs: &[&Path]| {
        let mut cmd = peckit();
        cmd.args(["evidence", "--format", "json"]);
        if !inputs.iter().all(|p| p.extension().is_some_and(|e| e == "jsonl")) {
            cmd.arg("--trust").arg(kit_root_ca(&kit)).arg("--trust").arg(test_root());
        }
        let (_, out, err) = run(cmd.args(inputs));
        assert!(!out.is_empty(), "{err}");
        json(&out)
    };
    let thread = samples().join("thread");
    let doc = evidence(&[&flow, &thread]);
    let messages = doc["messages"].as_array().unwrap();
    let pec_only = evidence(&[&thread]);
    assert_eq!(messages.len(), pec_only["messages"].as_array().unwrap().len() + 1);
    let rem = messages
        .iter()
        .find(|m| m["identificativo"].as_str().unwrap_or("").contains("rem-service"))
        .unwrap();
    assert_eq!(rem["sent"]["at"]["utc"], "2022-08-03T14:22:11Z");
    assert_eq!(rem["sent"]["kind"], "rem (SubmissionAcceptance)");
    assert!(rem["sent"]["path"].as_str().unwrap().ends_with("REM_Dispatch.RA01.eml"));
    for r in rem["recipients"].as_array().unwrap() {
        assert_eq!(r["fate"], "delivered", "{r}");
        assert_eq!(r["delivery"]["kind"], "rem (ContentConsignment)");
        assert_eq!(r["delivery"]["at"]["utc"], "2022-08-03T14:22:14Z");
    }
    assert_eq!(rem["recipients"].as_array().unwrap().len(), 2);

    // The same timeline from verify's records of the kit.
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("kit.jsonl");
    let (_, out, _) = run(peckit()
        .args(["verify", "--format", "jsonl", "--ordered", "--trust"])
        .arg(kit_root_ca(&kit))
        .arg(&flow));
    std::fs::write(&records, out).unwrap();
    let from_records = evidence(&[&records]);
    let files = evidence(&[&flow]);
    let strip = |mut v: Value| {
        fn walk(v: &mut Value) {
            match v {
                Value::Object(m) => {
                    m.remove("recorded_in");
                    m.values_mut().for_each(walk);
                }
                Value::Array(a) => a.iter_mut().for_each(walk),
                _ => {}
            }
        }
        v.as_object_mut().unwrap().remove("generated");
        walk(&mut v);
        v
    };
    assert_eq!(strip(from_records), strip(files));
}

/// The time-stamping authority's root, taken from a kit token (the kit does not ship it);
/// `None` without openssl.
fn tsa_root(kit: &Path, dir: &Path) -> Option<PathBuf> {
    let text =
        std::fs::read_to_string(kit.join("standalone-evidence/RelayFailure.RB02.xml")).unwrap();
    let token = text.split("EncapsulatedTimeStamp").nth(1)?.split('>').nth(1)?.split('<').next()?;
    let der = dir.join("token.der");
    use base64::Engine as _;
    std::fs::write(&der, base64::engine::general_purpose::STANDARD.decode(token).unwrap()).unwrap();
    let out = std::process::Command::new("openssl")
        .args(["pkcs7", "-inform", "DER", "-print_certs", "-in"])
        .arg(&der)
        .output()
        .ok()?;
    let pems = String::from_utf8(out.stdout).ok()?;
    // The self-signed one: its subject line repeats as its issuer line.
    let root = pems.split("\n\n").find(|block| {
        let line =
            |p: &str| block.lines().find(|l| l.starts_with(p)).map(|l| l[p.len()..].to_string());
        line("subject=").is_some() && line("subject=") == line("issuer=")
    })?;
    let path = dir.join("tsa-root.pem");
    std::fs::write(&path, root).unwrap();
    Some(path)
}

/// The evidence's time-stamp: with its authority trusted, genTime is the instant the
/// certificates are judged at; untrusted, a warning and the signing time; altered or over
/// other data, invalid.
#[test]
fn the_time_stamp_fixes_the_reference_time_and_is_itself_checked() {
    let Some(kit) = rem_kit() else { return };
    let dir = tempfile::tempdir().unwrap();
    let evidence = kit.join("standalone-evidence/RelayFailure.RB02.xml");
    let (_, untrusted) = verify_json(&kit, std::slice::from_ref(&evidence));
    let a = &untrusted[0];
    assert_eq!(a["verdict"], "valid");
    // The kit's evidences name "S-REMS-1 provider" and are signed by ITERDS's certificate.
    assert_eq!(codes(a), ["timestamp-untrusted", "rem-issuer-mismatch"]);
    assert_eq!(a["rem"]["xades"]["reference_time_source"], "signing-time");
    assert_eq!(a["rem"]["xades"]["time_stamp"]["status"], "valid");

    let Some(root) = tsa_root(&kit, dir.path()) else {
        eprintln!("SKIP: openssl is not installed; the trusted time-stamp case did not run");
        return;
    };
    let trusted = |files: &[PathBuf]| {
        let (code, out, err) = run(peckit()
            .args(["verify", "--format", "json", "--trust"])
            .arg(kit_root_ca(&kit))
            .arg("--trust")
            .arg(&root)
            .args(files));
        assert!(!out.is_empty(), "{err}");
        (code, json(&out)["artefacts"].as_array().unwrap().clone())
    };
    let (code, judged) = trusted(std::slice::from_ref(&evidence));
    assert_eq!(code, 0);
    let x = &judged[0]["rem"]["xades"];
    assert_eq!(x["reference_time_source"], "time-stamp");
    assert_eq!(x["reference_time"], x["time_stamp"]["gen_time"]);
    assert_eq!(x["time_stamp"]["trusted"], true);

    // Another evidence's token: a time-stamp over other data.
    let text = std::fs::read_to_string(&evidence).unwrap();
    let other =
        std::fs::read_to_string(kit.join("standalone-evidence/RelayFailure.RB03.xml")).unwrap();
    let token = |t: &str| {
        t.split("EncapsulatedTimeStamp")
            .nth(1)
            .unwrap()
            .split('>')
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .to_string()
    };
    let swapped = text.replacen(&token(&text), &token(&other), 1);
    let path = dir.path().join("other-token.xml");
    std::fs::write(&path, swapped).unwrap();
    let (code, swapped) = trusted(std::slice::from_ref(&path));
    assert_eq!(code, 1);
    assert_eq!(codes(&swapped[0])[0], "timestamp-invalid", "{}", swapped[0]["problems"]);
    assert!(swapped[0]["problems"][0]["message"].as_str().unwrap().contains("imprint"));
}

/// The project's own REM (samples/rem, test PKI and TSA; made by the samples script): judged
/// at the time-stamp's genTime, one timeline from dispatch to delivery, and the same XAdES
/// verdicts as xmlsec1 on the standalone evidence and its forgeries.
#[test]
fn own_rem_samples_are_judged_at_the_time_stamp_and_form_a_timeline() {
    let rem = samples().join("rem");
    let (code, out, err) =
        run(peckit().args(["verify", "--format", "json", "--trust"]).arg(test_root()).arg(&rem));
    assert_eq!(code, 0, "{err}");
    for a in json(&out)["artefacts"].as_array().unwrap() {
        let x = &a["rem"]["xades"];
        if a["path"].as_str().unwrap().ends_with("evidenza-senza-marca.xml") {
            // No time-stamp: the signer's own SigningTime, with a warning.
            assert_eq!(x["reference_time_source"], "signing-time");
            assert!(codes(a).contains(&"timestamp-missing".to_string()));
            continue;
        }
        assert_eq!(x["reference_time_source"], "time-stamp", "{}", a["path"]);
        assert_eq!(x["reference_time"], x["time_stamp"]["gen_time"]);
    }
    let (_, out, err) =
        run(peckit().args(["evidence", "--format", "json", "--trust"]).arg(test_root()).arg(&rem));
    let doc = json(&out);
    let messages = doc["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 1, "{err}");
    let m = &messages[0];
    assert_eq!(m["sent"]["kind"], "rem (SubmissionAcceptance)");
    assert_eq!(m["recipients"][0]["fate"], "delivered");
    assert_eq!(m["recipients"][0]["delivery"]["kind"], "rem (ContentConsignment)");

    let xmlsec1 = |file: &Path| {
        let out = std::process::Command::new("xmlsec1")
            .args(["--verify", "--trusted-pem"])
            .arg(samples().join("pki/root.pem"))
            .arg("--untrusted-pem")
            .arg(samples().join("pki/intermediate.pem"))
            .args(["--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties"])
            .arg(file)
            .output()
            .ok()?;
        Some(out.status.success())
    };
    let cases = [
        ("rem/evidenza-accettazione.xml", true),
        ("forged/rem-ora-evento.xml", false),
        ("forged/rem-destinatario.xml", false),
        ("forged/rem-valore-firma.xml", false),
    ];
    for (file, valid) in cases {
        match xmlsec1(&samples().join(file)) {
            Some(verdict) => assert_eq!(verdict, valid, "xmlsec1 on {file}"),
            None => eprintln!("SKIP: xmlsec1 is not installed; {file} not cross-checked"),
        }
    }
}

/// EU Trusted Lists: the REM service and the time-stamping authority a list grants anchor
/// paths while granted, named in the output; a withdrawn service anchors nothing; a list
/// signed by anyone else, or altered, is refused (exit 2).
#[test]
fn a_trusted_list_grants_its_services_while_granted() {
    let tl = samples().join("tl");
    let signer = samples().join("pki/tl-signer.pem");
    let verify = |list: &Path, signer: &Path| {
        run(peckit()
            .args(["verify", "--format", "json", "--no-default-trust", "--trusted-list"])
            .arg(list)
            .arg("--trusted-list-signer")
            .arg(signer)
            .arg(samples().join("rem")))
    };
    let (code, out, err) = verify(&tl.join("lista-concessa.xml"), &signer);
    assert_eq!(code, 0, "{err}");
    for a in json(&out)["artefacts"].as_array().unwrap() {
        let x = &a["rem"]["xades"];
        let anchor = x["anchor_source"].as_str().unwrap();
        assert!(
            anchor.contains("REM peckit Test PEC CA1") && anchor.contains("granted 20"),
            "{anchor}"
        );
        if x["time_stamp"].is_null() {
            continue; // the evidence without a time-stamp
        }
        assert!(x["time_stamp"]["anchor_source"].as_str().unwrap().contains("TSA/QTST"));
        assert_eq!(x["reference_time_source"], "time-stamp");
    }
    let (code, out, _) = verify(&tl.join("lista-revocata.xml"), &signer);
    assert_eq!(code, 1);
    for a in json(&out)["artefacts"].as_array().unwrap() {
        assert!(codes(a).contains(&"untrusted".to_string()), "{}", a["problems"]);
    }
    let (code, _, err) = verify(&tl.join("lista-concessa.xml"), &samples().join("pki/alfa.pem"));
    assert_eq!(code, 2);
    assert!(err.contains("not by the --trusted-list-signer certificate"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let altered = dir.path().join("lista.xml");
    let text = std::fs::read_to_string(tl.join("lista-revocata.xml")).unwrap();
    std::fs::write(&altered, text.replacen("Svcstatus/withdrawn", "Svcstatus/granted", 1)).unwrap();
    let (code, _, err) = verify(&altered, &signer);
    assert_eq!(code, 2);
    assert!(err.contains("its signature does not verify") && err.contains("altered"), "{err}");
    // Said in Italian too, with what the check found, and the list named once.
    let (code, _, err) = run(peckit()
        .args(["--lang", "it", "verify", "--no-default-trust", "--trusted-list"])
        .arg(&altered)
        .arg("--trusted-list-signer")
        .arg(&signer)
        .arg(samples().join("rem")));
    assert_eq!(code, 2);
    assert!(err.contains("la sua firma non si verifica") && err.contains("alterat"), "{err}");
    assert_eq!(err.matches("lista.xml").count(), 1, "{err}");
}

/// Inclusive canonicalisation (C14N 1.0 for SignedInfo, 1.1 for the signed properties, none
/// named on the document reference): an evidence xmlsec1 signs that way verifies in peckit,
/// and fails once altered (the apex of a subtree inherits xml:lang from the root).
#[test]
fn an_evidence_signed_with_inclusive_canonicalisation_verifies() {
    let Some(true) = std::process::Command::new("xmlsec1")
        .arg("--version")
        .output()
        .ok()
        .map(|o| o.status.success())
    else {
        eprintln!("SKIP: xmlsec1 is not installed; inclusive C14N not cross-checked");
        return;
    };
    use base64::Engine as _;
    use sha2::Digest as _;
    let pem = std::fs::read_to_string(samples().join("pki/alfa.pem")).unwrap();
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let der = base64::engine::general_purpose::STANDARD.decode(&body).unwrap();
    let digest = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(&der));
    let inter = std::fs::read_to_string(samples().join("pki/intermediate.pem")).unwrap();
    let inter: String = inter.lines().filter(|l| !l.starts_with("-----")).collect();
    let template = format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<tns:Evidence xmlns:tns="http://uri.etsi.org/19522/v1#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xml:lang="it">
  <tns:EvidenceIdentifier>inclusive@pec.alfa.example</tns:EvidenceIdentifier>
  <tns:ERDSEventId>http://uri.etsi.org/19522/Event/SubmissionAcceptance</tns:ERDSEventId>
  <EventTime>2026-11-30T10:00:00Z</EventTime>
<ds:Signature Id="sig"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/><ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue></ds:Reference><ds:Reference Type="http://uri.etsi.org/01903#SignedProperties" URI="#props"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2006/12/xml-c14n11"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue></ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{body}</ds:X509Certificate><ds:X509Certificate>{inter}</ds:X509Certificate></ds:X509Data></ds:KeyInfo><ds:Object><xades:QualifyingProperties xmlns:xades="http://uri.etsi.org/01903/v1.3.2#" Target="#sig"><xades:SignedProperties Id="props"><xades:SignedSignatureProperties><xades:SigningTime>2026-11-30T10:00:00Z</xades:SigningTime><xades:SigningCertificateV2><xades:Cert><xades:CertDigest><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>{digest}</ds:DigestValue></xades:CertDigest></xades:Cert></xades:SigningCertificateV2></xades:SignedSignatureProperties></xades:SignedProperties></xades:QualifyingProperties></ds:Object></ds:Signature>
</tns:Evidence>
"##
    );
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("template.xml");
    std::fs::write(&src, template).unwrap();
    let signed = std::process::Command::new("xmlsec1")
        .args(["--sign", "--privkey-pem"])
        .arg(samples().join("pki/alfa.key"))
        .args(["--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties"])
        .arg(&src)
        .output()
        .unwrap();
    assert!(signed.status.success(), "{}", String::from_utf8_lossy(&signed.stderr));
    let good = dir.path().join("inclusive.xml");
    std::fs::write(&good, &signed.stdout).unwrap();
    let bad = dir.path().join("altered.xml");
    std::fs::write(
        &bad,
        replace_once(
            &signed.stdout,
            b">2026-11-30T10:00:00Z</EventTime>",
            b">2026-11-29T10:00:00Z</EventTime>",
        ),
    )
    .unwrap();
    let (_, out, err) = run(peckit()
        .args(["verify", "--format", "json", "--trust"])
        .arg(test_root())
        .arg(&good)
        .arg(&bad));
    let artefacts = json(&out)["artefacts"].as_array().unwrap().clone();
    assert_eq!(artefacts[0]["verdict"], "valid", "{err} {}", artefacts[0]["problems"]);
    assert_eq!(artefacts[0]["rem"]["xades"]["status"], "valid");
    assert_eq!(codes(&artefacts[1])[0], "xades-reference-altered");
}

/// What a review found (issue #20): a comment inside a signed element is not signed (the
/// canonicalisation drops it), so it must not be read either; a signature with a flood of
/// references is refused before its digests cost anything.
#[test]
fn comments_are_never_read_as_signed_words_and_references_are_bounded() {
    let source = std::fs::read(samples().join("rem/evidenza-accettazione.xml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let commented = replace_once(
        &source,
        b"Event/SubmissionAcceptance</tns:ERDSEventId>",
        b"Event/SubmissionAcceptance<!--#ContentConsignment--></tns:ERDSEventId>",
    );
    let commented = replace_once(
        &commented,
        b"@rem.beta.example</Identifier>",
        b"@rem.beta.example<!--.evil--></Identifier>",
    );
    let path = dir.path().join("commented.xml");
    std::fs::write(&path, commented).unwrap();
    let text = String::from_utf8(source.clone()).unwrap();
    let reference = text
        .split("<ds:Reference URI=\"\">")
        .nth(1)
        .unwrap()
        .split("</ds:Reference>")
        .next()
        .unwrap();
    let flood = format!("<ds:Reference URI=\"\">{reference}</ds:Reference>").repeat(9);
    let flooded =
        text.replacen("<ds:Reference URI=\"\">", &format!("{flood}<ds:Reference URI=\"\">"), 1);
    let flooded_path = dir.path().join("flooded.xml");
    std::fs::write(&flooded_path, flooded).unwrap();
    let (_, out, err) = run(peckit()
        .args(["verify", "--format", "json", "--trust"])
        .arg(test_root())
        .arg(&path)
        .arg(&flooded_path));
    let artefacts = json(&out)["artefacts"].as_array().unwrap().clone();
    let a = &artefacts[0];
    assert_eq!(a["verdict"], "valid", "{err} {}", a["problems"]);
    assert_eq!(a["rem"]["event"], "SubmissionAcceptance");
    assert_eq!(a["rem"]["recipients"][0]["address"], "anna.bianchi@rem.beta.example");
    assert_eq!(codes(&artefacts[1])[0], "xades-wrapping", "{}", artefacts[1]["problems"]);
}

/// The law a REM-only message is stated under is REM's (eIDAS art. 43), not PEC's DPR
/// 68/2005; a folder of both says both, each for its own messages.
#[test]
fn each_message_is_stated_under_its_own_law() {
    let page = |inputs: &[PathBuf]| {
        let (_, out, err) = run(peckit()
            .args(["--lang", "it", "evidence", "--format", "markdown", "--trust"])
            .arg(test_root())
            .args(inputs));
        assert!(!out.is_empty(), "{err}");
        out
    };
    let rem = page(&[samples().join("rem")]);
    assert!(rem.starts_with("# Riepilogo probatorio PEC e REM"), "{rem}");
    assert!(rem.contains("eIDAS, art. 43") && !rem.contains("DPR 68/2005"), "{rem}");
    let both = page(&[samples().join("rem"), samples().join("thread")]);
    assert!(both.contains("eIDAS, art. 43") && both.contains("DPR 68/2005"));
    let pec = page(&[samples().join("thread")]);
    assert!(pec.starts_with("# Riepilogo probatorio PEC\n") && !pec.contains("eIDAS"), "{pec}");
}

/// `inspect` on a REM evidence shows what it states (no empty daticert table).
#[test]
fn inspect_shows_a_rem_evidence() {
    let (_, out, err) = run(peckit()
        .env("COLUMNS", "200")
        .args(["--lang", "it", "inspect", "--trust"])
        .arg(test_root())
        .arg(samples().join("rem/evidenza-accettazione.xml")));
    assert!(out.contains("Evidenza REM (ETSI EN 319 522)"), "{err}{out}");
    assert!(out.contains("Evento: SubmissionAcceptance"), "{out}");
    assert!(!out.contains("daticert"), "{out}");
}

/// A trusted list's REM service anchors REM only: not PEC artefacts; and without a trusted
/// time-stamp, a withdrawn service anchors nothing however early the signer dates itself.
#[test]
fn a_trusted_list_service_anchors_only_its_kind_and_cannot_be_backdated_into() {
    let tl = samples().join("tl");
    let verify = |list: &str, files: &[PathBuf]| {
        let (_, out, _) = run(peckit()
            .args(["verify", "--format", "json", "--no-default-trust", "--trusted-list"])
            .arg(tl.join(list))
            .arg("--trusted-list-signer")
            .arg(samples().join("pki/tl-signer.pem"))
            .args(files));
        json(&out)["artefacts"].as_array().unwrap().clone()
    };
    let pec = verify("lista-concessa.xml", &[samples().join("accettazione.eml")]);
    assert!(codes(&pec[0]).contains(&"untrusted".to_string()), "{}", pec[0]["problems"]);
    // The service was granted 2020-2021 and is withdrawn now: an evidence signed with its key
    // and dated 2020 by its signer, without a time-stamp, proves nothing about when it was
    // signed. With the root given directly it verifies (and says it has no time-stamp).
    let backdated = tl.join("evidenza-retrodatata.xml");
    let dated = verify("lista-revocata.xml", std::slice::from_ref(&backdated));
    assert!(codes(&dated[0]).contains(&"untrusted".to_string()), "{}", dated[0]["problems"]);
    // Said as what it is: the list's service, granted then, not now, and the time unproven;
    // no hint to trust the authority by hand (review 16).
    let untrusted =
        dated[0]["problems"].as_array().unwrap().iter().find(|p| p["code"] == "untrusted").unwrap()
            ["message"]
            .as_str()
            .unwrap()
            .to_string();
    assert!(untrusted.contains("granted at the signing time 2020-06-01T10:00:00Z but not now"));
    let (_, _, err) = run(peckit()
        .args(["--lang", "it", "verify", "--no-default-trust", "--trusted-list"])
        .arg(tl.join("lista-revocata.xml"))
        .arg("--trusted-list-signer")
        .arg(samples().join("pki/tl-signer.pem"))
        .arg(&backdated));
    assert!(!err.contains("--trust FILE"), "{err}");
    // What the path would have said besides is said too (review 17): a compromised key.
    let (_, out, _) = run(peckit()
        .args(["verify", "--format", "json", "--no-default-trust", "--trusted-list"])
        .arg(tl.join("lista-revocata.xml"))
        .arg("--trusted-list-signer")
        .arg(samples().join("pki/tl-signer.pem"))
        .arg("--crl")
        .arg(samples().join("crl/compromessa-dopo.crl"))
        .arg(&backdated));
    let found = codes(&json(&out)["artefacts"][0]);
    assert!(found.contains(&"revoked-key-compromise".to_string()), "{found:?}");
    let (_, out, _) = run(peckit()
        .args(["verify", "--format", "json", "--trust"])
        .arg(test_root())
        .arg(&backdated));
    let direct = &json(&out)["artefacts"][0];
    assert_eq!(direct["verdict"], "valid", "{}", direct["problems"]);
    assert!(codes(direct).contains(&"timestamp-missing".to_string()));
}

/// A relay failure that names no recipient concerns every recipient of the message.
#[test]
fn a_relay_failure_concerns_every_recipient_it_lists() {
    let Some(kit) = rem_kit() else { return };
    let dir = tempfile::tempdir().unwrap();
    for name in ["REM_Dispatch.RA01.eml", "REM_RelayFailure.RB02.eml"] {
        std::fs::copy(kit.join("Intra-REM-flow").join(name), dir.path().join(name)).unwrap();
    }
    let (_, out, err) = run(peckit()
        .args(["evidence", "--format", "json", "--trust"])
        .arg(kit_root_ca(&kit))
        .arg(dir.path()));
    let doc = json(&out);
    let recipients = doc["messages"][0]["recipients"].as_array().unwrap().clone();
    assert_eq!(recipients.len(), 2, "{err}");
    for r in &recipients {
        assert_eq!(r["fate"], "not-delivered", "{r}");
        assert_eq!(r["errore"], "RB02");
        assert_eq!(r["notice"]["kind"], "rem (RelayFailure)");
    }
}

/// `--explain` says when an evidence does not hold, and shows its time-stamp, in Italian.
#[test]
fn explain_marks_an_evidence_that_does_not_hold_and_shows_its_time_stamp() {
    let (_, out, _) = run(peckit()
        .args(["--lang", "it", "verify", "--explain", "--trust"])
        .arg(test_root())
        .arg(samples().join("forged/rem-valore-firma.xml"))
        .arg(samples().join("rem/evidenza-accettazione.xml")));
    let (forged, genuine) = out.split_once("rem/evidenza-accettazione.xml").unwrap();
    assert!(
        forged.contains("Evidenza REM (ETSI EN 319 522) — dichiarata, NON verificata"),
        "{forged}"
    );
    assert!(!genuine.contains("NON verificata"), "{genuine}");
    assert!(
        genuine.contains("Marca temporale: ") && genuine.contains("peckit Test TSA"),
        "{genuine}"
    );
    assert!(!out.contains("(invalid)") && !out.contains("(missing)"), "{out}");
}

/// The evidence pages name a standalone evidence's XAdES signer, judged at its time-stamp.
#[test]
fn a_standalone_evidence_names_its_signer_in_the_evidence() {
    let (_, out, _) = run(peckit()
        .args(["evidence", "--format", "json", "--trust"])
        .arg(test_root())
        .arg(samples().join("rem/evidenza-accettazione.xml")));
    let doc = json(&out);
    let signer = &doc["messages"][0]["sources"][0]["signer"];
    assert!(signer["subject"].as_str().unwrap().contains("Gestore Alfa"), "{signer}");
    assert_eq!(signer["reference_time_source"], "time-stamp");
}

/// A delivery and a verified failure for the same recipient: delivered, and said to be
/// contradicted rather than the failure dropped.
#[test]
fn contradictory_evidence_for_a_recipient_is_said() {
    let Some(kit) = rem_kit() else { return };
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "REM_Dispatch.RA01.eml",
        "REM_ContentConsignment1.RD01.eml",
        "REM_ContentConsignmentFailure1.RD03.eml",
    ] {
        std::fs::copy(kit.join("Intra-REM-flow").join(name), dir.path().join(name)).unwrap();
    }
    let (_, out, _) = run(peckit()
        .args(["evidence", "--format", "json", "--trust"])
        .arg(kit_root_ca(&kit))
        .arg(dir.path()));
    let doc = json(&out);
    let recipients = doc["messages"][0]["recipients"].as_array().unwrap().clone();
    let rec_c =
        recipients.iter().find(|r| r["address"] == "recC@r2-rems-only-for-test.it").unwrap();
    assert_eq!(rec_c["fate"], "delivered");
    assert!(rec_c["notes"].to_string().contains("CONTRADICTORY"), "{rec_c}");
    let rec_d =
        recipients.iter().find(|r| r["address"] == "recD@r2-rems-only-for-test.it").unwrap();
    assert!(!rec_d["notes"].to_string().contains("CONTRADICTORY"), "{rec_d}");
    // The outcome column a reader quotes says so too (review 16).
    let (_, out, _) = run(peckit()
        .env("COLUMNS", "200")
        .args(["--lang", "it", "evidence", "--format", "markdown", "--trust"])
        .arg(kit_root_ca(&kit))
        .arg(dir.path()));
    let row = out.lines().find(|l| l.contains("recC")).unwrap_or_else(|| panic!("{out}"));
    assert!(row.contains("consegnato, ma CONTRADDETTO"), "{row}");
}

/// The table names a REM event as the kind only when the evidence stating it is certified:
/// the unsigned wrapper's event in `rem-avvolta.xml` is not shown as its kind.
#[test]
fn the_table_names_no_event_from_an_unsigned_wrapper() {
    let (_, out, _) = run(peckit()
        .env("COLUMNS", "200")
        .args(["verify", "--trust"])
        .arg(test_root())
        .arg(samples().join("forged/rem-avvolta.xml"))
        .arg(samples().join("rem/consegna.eml")));
    let wrapped = out.lines().find(|l| l.contains("rem-avvolta.xml")).unwrap();
    assert!(!wrapped.contains("ContentConsignment"), "{wrapped}");
    let genuine = out.lines().find(|l| l.contains("consegna.eml")).unwrap();
    assert!(genuine.contains("REM (ContentConsignment)"), "{genuine}");
}

/// Review 12: an evidence signed by one provider that names another as its issuer was shown
/// as the other's. The provider is the signing certificate's; the stated issuer is shown as
/// a claim, in every output.
#[test]
fn the_provider_of_an_evidence_is_its_signer_not_the_issuer_it_states() {
    let file = samples().join("forged/rem-emittente-dichiarato.xml");
    let (code, out, err) =
        run(peckit().args(["verify", "--format", "json", "--trust"]).arg(test_root()).arg(&file));
    assert_eq!(code, 0, "{err}");
    let a = &json(&out)["artefacts"][0];
    assert_eq!(a["identity"]["provider"], "Gestore Beta S.r.l.", "{a:#}");
    assert_eq!(codes(a), ["rem-issuer-mismatch"], "said in every output, as a warning");
    assert_eq!(a["rem"]["issuer"], "Gestore Alfa S.p.A.", "the claim stays, as the claim");
    let (_, out, _) = run(peckit()
        .args(["--lang", "it", "verify", "--explain", "--trust"])
        .arg(test_root())
        .arg(&file));
    assert!(out.contains("Emittente dichiarato (non verificato): Gestore Alfa S.p.A."), "{out}");
    let table = out.lines().nth(1).unwrap_or_default().to_string() + &out;
    assert!(!table.contains("· Gestore Alfa"), "{out}");
    let (_, out, _) = run(peckit()
        .args(["--lang", "it", "evidence", "--format", "markdown", "--trust"])
        .arg(test_root())
        .arg(&file));
    assert!(out.contains("**Gestore del mittente**: Gestore Beta S.r.l."), "{out}");
    // The stated issuer appears only as what the warning quotes.
    for line in out.lines().filter(|l| l.contains("Gestore Alfa S.p.A.")) {
        assert!(line.contains("avviso: rem-issuer-mismatch"), "{line}");
    }
}

/// Review 12: the client's Message-ID and the Subject of a REM message were not held to its
/// evidence. A contradicted REM-UAMessageIdentifier is an error, like the other REM headers;
/// a Subject that is not "REM <event>: <subject>" a warning, as PEC's (review 13: gateways
/// tag subjects), and "REM Dispatch:" does not pass on a receipt.
#[test]
fn the_message_id_and_the_subject_of_a_rem_message_are_held_to_its_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let receipt = sample("rem/consegna.eml");
    let cases: [(&[u8], &[u8], &str, &str); 3] = [
        (
            b"REM-UAMessageIdentifier: <20261130.rem7@",
            b"REM-UAMessageIdentifier: <19991130.rem7@",
            "invalid",
            "rem-header-mismatch",
        ),
        (
            b"Subject: REM ContentConsignment: ",
            b"Subject: [ESTERNO] REM ContentConsignment: ",
            "valid",
            "rem-subject-mismatch",
        ),
        (
            b"Subject: REM ContentConsignment: ",
            b"Subject: REM Dispatch: ",
            "valid",
            "rem-subject-mismatch",
        ),
    ];
    for (i, (from, to, verdict, code)) in cases.into_iter().enumerate() {
        let path = dir.path().join(format!("{i}.eml"));
        std::fs::write(&path, replace_once(&receipt, from, to)).unwrap();
        let (_, out, err) = run(peckit()
            .args(["verify", "--format", "json", "--trust"])
            .arg(test_root())
            .arg(&path));
        let a = &json(&out)["artefacts"][0];
        assert_eq!(a["verdict"], verdict, "{i}: {err} {a:#}");
        assert!(codes(a).contains(&code.to_string()), "{i}: {a:#}");
    }
}

/// Review 12: content inside the evidence's signature that no reference signs (a fake
/// EventTime in an extra ds:Object) passed without a word; peckit reads nothing from it, and
/// says it is there.
#[test]
fn unsigned_content_inside_an_evidence_signature_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let fake = "<EventTime>2020-01-01T00:00:00Z</EventTime>";
    let places: [(&str, String); 2] = [
        ("</ds:Signature>", format!("<ds:Object>{fake}</ds:Object></ds:Signature>")),
        // One element inward, in KeyInfo (review 14).
        ("<ds:KeyInfo>", format!("<ds:KeyInfo>{fake}")),
    ];
    for (i, (at, with)) in places.iter().enumerate() {
        let path = dir.path().join(format!("{i}.xml"));
        let added =
            replace_once(&sample("rem/evidenza-accettazione.xml"), at.as_bytes(), with.as_bytes());
        std::fs::write(&path, added).unwrap();
        let (code, out, err) = run(peckit()
            .args(["verify", "--format", "json", "--trust"])
            .arg(test_root())
            .arg(&path));
        assert_eq!(code, 0, "{err}");
        let a = &json(&out)["artefacts"][0];
        assert_eq!(codes(a), ["xades-unsigned-content"], "{i}: {a:#}");
        assert!(a["problems"][0]["message"].as_str().unwrap().contains("EventTime"), "{a:#}");
        assert_ne!(a["rem"]["event_time"], "2020-01-01T00:00:00Z", "never read from there");
    }
}

/// The evidence's XAdES status and its line say what failed: no signature ("missing",
/// "assente"), a signature that does not verify ("invalid"), or one whose value holds and
/// whose signer is not accepted (review 16).
#[test]
fn the_evidence_signature_line_says_absent_broken_or_not_accepted() {
    let status = |file: &str| {
        let (_, out, _) = run(peckit()
            .args(["verify", "--format", "json", "--trust"])
            .arg(test_root())
            .arg(samples().join(file)));
        json(&out)["artefacts"][0]["rem"]["xades"]["status"].as_str().unwrap_or("").to_string()
    };
    assert_eq!(status("forged/rem-valore-firma.xml"), "invalid");
    assert_eq!(status("rem-evidence.eml"), "missing");
    let line = |file: &str| {
        let (_, out, _) = run(peckit()
            .args(["--lang", "it", "verify", "--explain", "--trust"])
            .arg(test_root())
            .arg(samples().join(file)));
        out.lines()
            .find(|l| l.contains("Firma dell'evidenza (XAdES)"))
            .unwrap_or_else(|| panic!("{out}"))
            .to_string()
    };
    assert!(line("rem-evidence.eml").contains(": assente"));
    assert!(line("forged/rem-valore-firma.xml").contains(": NON valida"));
    assert!(line("forged/rem-scaduta.xml").contains("valida sui byte firmati, ma NON accettata"));
    // A verified evidence carried with another original is not "not verified".
    let (_, out, _) = run(peckit()
        .args(["--lang", "it", "verify", "--explain", "--trust"])
        .arg(test_root())
        .arg(samples().join("forged/rem-originale.eml")));
    assert!(out.contains("la sua firma è valida, ma non vale per questo messaggio"), "{out}");
    assert!(!out.contains("dichiarata, NON verificata"), "{out}");
}

/// A certified REM evidence says what it proves, as a PEC receipt does, and whether its
/// service is a qualified one granted in a trusted list, in words (review 22).
#[test]
fn a_rem_explanation_says_what_it_proves_and_whether_the_service_is_qualified() {
    let explain = |extra: &[&str], file: &str| {
        let (_, out, err) = run(peckit()
            .args(["--lang", "it", "verify", "--explain", "--trust"])
            .arg(test_root())
            .args(extra)
            .arg(samples().join(file)));
        assert!(!out.is_empty(), "{err}");
        out
    };
    let list = samples().join("tl/lista-concessa.xml");
    let signer = samples().join("pki/tl-signer.pem");
    let listed = [
        "--trusted-list",
        list.to_str().unwrap(),
        "--trusted-list-signer",
        signer.to_str().unwrap(),
    ];
    let out = explain(&listed, "rem/consegna.eml");
    let proves = out.lines().find(|l| l.contains("Cosa prova:")).unwrap_or_else(|| panic!("{out}"));
    assert!(proves.contains("il messaggio è stato CONSEGNATO"), "{proves}");
    assert!(proves.contains("servizio qualificato, concesso in una lista di fiducia"), "{proves}");
    assert!(
        out.contains("servizio qualificato di recapito elettronico certificato (EDS/REM/Q), qualifica concessa: 20"),
        "{out}"
    );
    assert!(!out.contains(", granted "), "{out}");
    // The same evidence under an authority given with --trust: not shown to be qualified.
    let out = explain(&[], "rem/consegna.eml");
    assert!(out.contains("servizio non dimostrato qualificato"), "{out}");
    // A time no trusted time-stamp backs is the signer's word alone.
    let out = explain(&[], "tl/evidenza-retrodatata.xml");
    let proves = out.lines().find(|l| l.contains("Cosa prova:")).unwrap_or_else(|| panic!("{out}"));
    assert!(proves.contains("il messaggio è stato SPEDITO"), "{proves}");
    assert!(proves.contains("come dichiara il solo firmatario"), "{proves}");
}

/// What a REM explanation may claim (review 23): nothing of an invalid file but what its
/// signed part says; the presumption of accurate times only where a trusted time-stamp
/// agrees with the event; "qualified" only from a trusted list, never from an anchor's name.
#[test]
fn a_rem_explanation_claims_no_more_than_is_proven() {
    let list = samples().join("tl/lista-concessa.xml");
    let signer = samples().join("pki/tl-signer.pem");
    let proves = |trust: &std::path::Path, listed: bool, file: &str| {
        let mut cmd = peckit();
        cmd.args(["--lang", "it", "verify", "--explain", "--trust"]).arg(trust);
        if listed {
            cmd.arg("--trusted-list").arg(&list).arg("--trusted-list-signer").arg(&signer);
        }
        let (_, out, err) = run(cmd.arg(samples().join(file)));
        out.lines()
            .find(|l| l.contains("Cosa prova:"))
            .unwrap_or_else(|| panic!("{file}: {out}{err}"))
            .to_string()
    };
    let root = test_root();
    let line = proves(&root, true, "forged/rem-intestazione.eml");
    assert!(line.contains("Cosa prova: nulla, perché il file non è valido"), "{line}");
    for file in ["rem/evidenza-senza-marca.xml", "forged/rem-evento-lontano.xml"] {
        let line = proves(&root, true, file);
        assert!(line.contains("come dichiara il solo firmatario"), "{file}: {line}");
        assert!(line.contains("l'esattezza dell'ora indicata si presume solo dove"), "{line}");
        assert!(!line.contains("e l'esattezza delle ore indicate)"), "{line}");
    }
    // An anchor given with --trust whose path reads like a trusted list's service.
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("finta, EDS/REM/Q, granted 2020-01-01T00:00:00Z –");
    std::fs::create_dir_all(&odd).unwrap();
    std::fs::copy(&root, odd.join("root.pem")).unwrap();
    let line = proves(&odd.join("root.pem"), false, "rem/consegna.eml");
    assert!(line.contains("servizio non dimostrato qualificato"), "{line}");
}
