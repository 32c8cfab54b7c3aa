//! Revocation at the signing time: the CRLs of samples/crl/ (made by make-samples.py with
//! `openssl ca -gencrl`, dated around the samples' signing time), given with --crl or served
//! by a real HTTP server on 127.0.0.1 for --fetch-crl; OpenSSL agrees where it asks the same
//! question.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;

use crate::common::*;

fn crl(name: &str) -> PathBuf {
    samples().join("crl").join(name)
}

/// `verify --format json` of one sample with these extra arguments: (exit code, artefact).
fn verify(sample: &str, extra: &[&str]) -> (i32, Value) {
    let (code, out, err) = run(peckit()
        .args(["verify", "--format", "json", "--trust"])
        .arg(test_root())
        .args(extra)
        .arg(samples().join(sample)));
    assert!(!out.is_empty(), "{sample} {extra:?}: {err}");
    (code, json(&out)["artefacts"][0].clone())
}

fn with_crl(sample: &str, crl_name: &str) -> (i32, Value) {
    verify(sample, &["--crl", crl(crl_name).to_str().unwrap()])
}

fn problem<'a>(a: &'a Value, code: &str) -> Option<&'a Value> {
    a["problems"].as_array().unwrap().iter().find(|p| p["code"] == code)
}

#[test]
fn without_crls_nothing_is_checked_and_nothing_is_said() {
    let (code, a) = verify("accettazione.eml", &[]);
    assert_eq!(code, 0);
    assert_eq!(a["signature"]["revocation"]["status"], "not-checked");
    for link in a["signature"]["chain"].as_array().unwrap() {
        assert_eq!(link["revocation"]["status"], "not-checked", "{link:#}");
    }
    for c in ["revoked", "revoked-after-signing", "revocation-unknown", "crl-unusable"] {
        assert!(problem(&a, c).is_none(), "{c}: {a:#}");
    }
}

#[test]
fn a_signer_revoked_before_the_signing_time_is_invalid() {
    // DER, a reason, and the same from a folder of CRLs.
    for (code, a) in [
        with_crl("accettazione.eml", "revocata.crl"),
        verify("accettazione.eml", &["--crl", crl("").to_str().unwrap()]),
    ] {
        assert_eq!(code, 1, "{a:#}");
        assert_eq!(a["verdict"], "invalid");
        let p = &a["problems"][0];
        assert_eq!(p["code"], "revoked", "{a:#}");
        assert_eq!(p["severity"], "error");
        let r = &a["signature"]["revocation"];
        assert_eq!(r["status"], "revoked");
        // The folder holds three lists that revoke Alfa: the first in name order speaks.
        let reason = r["reason"].as_str().unwrap();
        assert!(["superseded", "keyCompromise", "certificateHold"].contains(&reason), "{r:#}");
        let effective = r["invalid_from"].as_str().or(r["revoked_at"].as_str()).unwrap();
        assert!(effective < a["signature"]["signing_time"].as_str().unwrap());
        assert_eq!(a["signature"]["chain"][0]["revocation"], *r);
        // The anchor is never checked.
        assert_eq!(a["signature"]["chain"][2]["revocation"]["status"], "not-checked");
    }
    let (_, a) = with_crl("accettazione.eml", "revocata.crl");
    let r = &a["signature"]["revocation"];
    assert_eq!(r["reason"], "superseded");
    assert!(r["source"].as_str().unwrap().ends_with("revocata.crl"), "{r:#}");
    let (_, a) = with_crl("accettazione.eml", "revocata.crl");
    let r = &a["signature"]["revocation"];
    assert_eq!(r["reason"], "superseded");
    assert!(r["source"].as_str().unwrap().ends_with("revocata.crl"), "{r:#}");
    // On hold counts as revoked while listed.
    let (code, a) = with_crl("accettazione.eml", "sospesa.crl");
    assert_eq!(code, 1);
    assert_eq!(a["signature"]["revocation"]["reason"], "certificateHold");
    assert_eq!(a["problems"][0]["code"], "revoked");
    assert!(a["problems"][0]["message"].as_str().unwrap().contains("was put on hold on"), "{a:#}");
    // In Italian a suspension is said as one, and every reason in Italian words first.
    let explain = |crl_name: &str| {
        run(peckit()
            .args(["--lang", "it", "verify", "--explain", "--trust"])
            .arg(test_root())
            .arg("--crl")
            .arg(crl(crl_name))
            .arg(samples().join("accettazione.eml")))
        .1
    };
    let out = explain("sospesa.crl");
    assert!(out.contains("è stato sospeso il") && out.contains("SOSPESO dal"), "{out}");
    assert!(!out.contains("revocato il"), "{out}");
    assert!(explain("revocata.crl").contains("(sostituito, superseded)"));
}

#[test]
fn a_revocation_after_the_signing_time_leaves_the_signature_valid_with_a_warning() {
    let (code, a) = with_crl("accettazione.eml", "revocata-dopo.pem");
    assert_eq!(code, 0, "{a:#}");
    assert_eq!(a["verdict"], "valid");
    let p = problem(&a, "revoked-after-signing").expect("warning");
    assert_eq!(p["severity"], "warning");
    assert!(p["message"].as_str().unwrap().contains("cessationOfOperation"), "{p:#}");
    let r = &a["signature"]["revocation"];
    assert_eq!(r["status"], "good");
    assert!(r["revoked_at"].as_str().unwrap() > a["signature"]["signing_time"].as_str().unwrap());

    // --at moves the question later, never earlier than the signature: a revocation a day
    // before the signing stays one when asked about two days before it …
    let signed: jiff::Timestamp = a["signature"]["signing_time"].as_str().unwrap().parse().unwrap();
    let earlier = (signed - jiff::SignedDuration::from_hours(48)).to_string();
    let (code, a) = verify(
        "accettazione.eml",
        &["--at", &earlier, "--crl", crl("revocata.crl").to_str().unwrap()],
    );
    assert_eq!(code, 1, "{a:#}");
    let p = problem(&a, "revoked").expect("revoked");
    assert!(p["message"].as_str().unwrap().contains("at or before the signing time"), "{p:#}");
    // … and a revocation after the signing counts when asked about a later instant, said so.
    let later = (signed + jiff::SignedDuration::from_hours(48)).to_string();
    let (code, a) = verify(
        "accettazione.eml",
        &["--at", &later, "--crl", crl("revocata-dopo.pem").to_str().unwrap()],
    );
    assert_eq!(code, 1, "{a:#}");
    let p = problem(&a, "revoked").expect("revoked");
    let message = p["message"].as_str().unwrap();
    assert!(message.contains("at or before the instant asked with --at"), "{p:#}");
    assert!(!message.contains("signing time"), "{p:#}");
}

/// A key revoked for compromise after the signing time: the signing time is the signer's own
/// word, so the thief could have signed later and stated an earlier time (review 12).
#[test]
fn a_key_compromised_after_the_stated_signing_time_is_not_accepted() {
    for (crl_name, subject) in
        [("compromessa-dopo.crl", "Gestore Alfa"), ("ca-compromessa.crl", "PEC CA1")]
    {
        let (code, a) = with_crl("accettazione.eml", crl_name);
        assert_eq!(code, 1, "{crl_name}: {a:#}");
        let p = problem(&a, "revoked-key-compromise").expect("revoked-key-compromise");
        assert_eq!(p["severity"], "error");
        assert!(p["message"].as_str().unwrap().contains(subject), "{p:#}");
        assert!(problem(&a, "revoked-after-signing").is_none(), "{a:#}");
        let revoked_late = a["signature"]["chain"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["revocation"]["status"] == "revoked")
            .expect("the revoked link");
        let signing = a["signature"]["signing_time"].as_str().unwrap();
        assert!(revoked_late["revocation"]["revoked_at"].as_str().unwrap() > signing);
    }
}

/// A complete CRL may not take an entry back (removeFromCRL is for delta CRLs): that entry
/// says nothing certain of its serial, and nothing of the others, whose revocations still
/// count (review 13: the whole CRL was set aside, and a revoked signer read as valid).
#[test]
fn a_removefromcrl_entry_leaves_its_serial_unknown_and_the_rest_of_the_crl_standing() {
    let (code, a) = with_crl("accettazione.eml", "rimossa.crl");
    assert_eq!(code, 0, "{a:#}");
    assert_eq!(a["signature"]["revocation"]["status"], "unknown");
    let p = problem(&a, "revocation-unknown").expect("unknown");
    assert!(p["message"].as_str().unwrap().contains("removeFromCRL"), "{p:#}");
    let (code, a) = with_crl("accettazione.eml", "rimossa-altra.crl");
    assert_eq!(code, 1, "{a:#}");
    assert_eq!(a["signature"]["revocation"]["status"], "revoked");
}

/// RFC 5280 asks CAs to leave the reason out rather than say "unspecified": a revocation
/// after the stated signing time with no reason cannot exclude a stolen key (review 13).
#[test]
fn a_revocation_without_a_reason_after_the_stated_time_is_not_accepted() {
    let (code, a) = with_crl("accettazione.eml", "senza-motivo-dopo.crl");
    assert_eq!(code, 1, "{a:#}");
    let p = problem(&a, "revoked-key-compromise").expect("revoked-key-compromise");
    assert!(p["message"].as_str().unwrap().contains("without a reason"), "{p:#}");
}

/// A hold is a suspension that may be lifted: listed only in a CRL issued before the signing
/// time, it says nothing of that time.
#[test]
fn a_hold_seen_only_before_the_signing_time_leaves_the_status_unknown() {
    let (code, a) = with_crl("accettazione.eml", "sospesa-prima.crl");
    assert_eq!(code, 0, "{a:#}");
    assert_eq!(a["signature"]["revocation"]["status"], "unknown");
    let p = problem(&a, "revocation-unknown").expect("unknown");
    assert!(p["message"].as_str().unwrap().contains("lists it on hold"), "the hold is said: {p:#}");
    assert!(problem(&a, "revoked").is_none(), "{a:#}");
    // The record keeps what is known (review 16: the chain line said no CRL attested it).
    let r = &a["signature"]["revocation"];
    assert_eq!(r["reason"], "certificateHold", "{r:#}");
    assert!(
        r["revoked_at"].is_string() && r["source"].as_str().unwrap().ends_with("sospesa-prima.crl")
    );
    let (_, out, _) = run(peckit()
        .args(["--lang", "it", "verify", "--explain", "--trust"])
        .arg(test_root())
        .arg("--crl")
        .arg(crl("sospesa-prima.crl"))
        .arg(samples().join("accettazione.eml")));
    assert!(out.contains("Revoca: non nota: SOSPESO dal"), "{out}");
}

/// A time-stamping authority revoked before its genTime vouches for nothing: the evidence is
/// judged as if unstamped (review 12).
#[test]
fn a_revoked_time_stamping_authority_proves_no_time() {
    let (code, a) = verify(
        "rem/evidenza-accettazione.xml",
        &["--crl", crl("tsa-revocata.crl").to_str().unwrap()],
    );
    assert_eq!(code, 0, "{a:#}");
    let p = problem(&a, "timestamp-untrusted").expect("timestamp-untrusted");
    assert!(p["message"].as_str().unwrap().contains("peckit Test TSA"), "{p:#}");
    let x = &a["rem"]["xades"];
    assert_ne!(x["reference_time_source"], "time-stamp", "{x:#}");
    assert_eq!(x["time_stamp"]["trusted"], false, "{x:#}");
}

#[test]
fn a_compromised_key_counts_from_its_invalidity_date() {
    let (code, a) = with_crl("accettazione.eml", "compromessa.crl");
    assert_eq!(code, 1, "{a:#}");
    let r = &a["signature"]["revocation"];
    assert_eq!(r["status"], "revoked");
    assert_eq!(r["reason"], "keyCompromise");
    let signing = a["signature"]["signing_time"].as_str().unwrap();
    assert!(r["revoked_at"].as_str().unwrap() > signing, "revoked after the signing…");
    assert!(r["invalid_from"].as_str().unwrap() < signing, "…but compromised before it");
    assert!(a["problems"][0]["message"].as_str().unwrap().contains("compromised from"));
}

#[test]
fn good_needs_a_fresh_crl_and_an_old_one_leaves_it_unknown() {
    let (code, a) = with_crl("accettazione.eml", "fresca.pem");
    assert_eq!(code, 0);
    assert_eq!(a["signature"]["revocation"]["status"], "good");
    assert_eq!(a["signature"]["revocation"]["revoked_at"], Value::Null);

    let (code, a) = with_crl("accettazione.eml", "vecchia.crl");
    assert_eq!(code, 0);
    assert_eq!(a["signature"]["revocation"]["status"], "unknown");
    let p = problem(&a, "revocation-unknown").expect("info");
    assert_eq!(p["severity"], "info");
    assert!(p["message"].as_str().unwrap().contains("before the signing time"), "{p:#}");

    // The root's CRL speaks for the intermediate, not for the signer.
    let (code, a) = with_crl("accettazione.eml", "radice.crl");
    assert_eq!(code, 0);
    assert_eq!(a["signature"]["chain"][1]["revocation"]["status"], "good");
    assert_eq!(a["signature"]["revocation"]["status"], "unknown");
}

#[test]
fn a_crl_signed_with_another_key_is_ignored_and_said() {
    let (code, a) = with_crl("accettazione.eml", "chiave-sbagliata.crl");
    assert_eq!(code, 0, "an unusable CRL changes no verdict: {a:#}");
    let p = problem(&a, "crl-unusable").expect("warning");
    assert_eq!(p["severity"], "warning");
    assert!(p["message"].as_str().unwrap().contains("does not verify"), "{p:#}");
    assert_eq!(a["signature"]["revocation"]["status"], "unknown");
    // Beside a genuine revocation list, the forged one changes nothing.
    let (code, a) = verify(
        "accettazione.eml",
        &[
            "--crl",
            crl("chiave-sbagliata.crl").to_str().unwrap(),
            "--crl",
            crl("revocata.crl").to_str().unwrap(),
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(a["signature"]["revocation"]["status"], "revoked");
}

#[test]
fn a_file_that_is_not_a_crl_is_a_usage_error_naming_it() {
    let (code, _, err) = run(peckit()
        .args(["verify", "--crl"])
        .arg(samples().join("accettazione.eml"))
        .arg(samples().join("accettazione.eml")));
    assert_eq!(code, 2);
    assert!(err.contains("accettazione.eml") && err.contains("CRL"), "{err}");
}

#[test]
fn every_verifying_command_takes_crls_and_people_read_the_result_in_italian() {
    let revoked = crl("revocata.crl");
    let (code, out, _) = run(peckit()
        .args(["--lang", "it", "verify", "--explain", "--trust"])
        .arg(test_root())
        .arg("--crl")
        .arg(&revoked)
        .arg(samples().join("accettazione.eml")));
    assert_eq!(code, 1);
    assert!(out.contains("Revoca: REVOCATO il "), "{out}");
    assert!(out.contains("; valutata al 20"), "the instant judged is said: {out}");
    assert!(out.contains("non dopo la data della firma"), "{out}");

    let (code, out, _) = run(peckit()
        .args(["--lang", "it", "evidence", "--format", "markdown", "--trust"])
        .arg(test_root())
        .arg("--crl")
        .arg(&revoked)
        .arg(samples().join("accettazione.eml")));
    assert_eq!(code, 1);
    assert!(out.contains("**CRL fornite o scaricate**"), "{out}");
    assert!(out.contains("revocata.crl"), "{out}");
    assert!(out.contains("REVOCATO il"), "{out}");
    let (_, out, _) = run(peckit()
        .args(["--lang", "it", "evidence", "--format", "markdown", "--trust"])
        .arg(test_root())
        .arg(samples().join("accettazione.eml")));
    assert!(out.contains("nessuna: la revoca dei certificati non è stata verificata"), "{out}");

    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let (code, _, _) = run(peckit()
        .args(["extract", "--require-valid", "--trust"])
        .arg(test_root())
        .arg("--crl")
        .arg(&revoked)
        .arg("--out")
        .arg(&out_dir)
        .arg(samples().join("accettazione.eml")));
    assert_eq!(code, 1);
    assert!(!out_dir.exists(), "a revoked signer's content is not extracted with --require-valid");
}

/// `openssl verify -crl_check` of the samples' signer (alfa.pem, under intermediate.pem).
fn openssl_verifies(_sample: &str, crl_der: &Path) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let pem = dir.path().join("crl.pem");
    let converted = std::process::Command::new("openssl")
        .args(["crl", "-inform", "DER", "-in"])
        .arg(crl_der)
        .arg("-out")
        .arg(&pem)
        .status()
        .unwrap();
    assert!(converted.success());
    let pki = samples().join("pki");
    let out = std::process::Command::new("openssl")
        .args(["verify", "-crl_check", "-CRLfile"])
        .arg(&pem)
        .arg("-CAfile")
        .arg(test_root())
        .arg("-untrusted")
        .arg(pki.join("intermediate.pem"))
        .arg(pki.join("alfa.pem"))
        .output()
        .unwrap();
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), said)
}

/// Where peckit and `openssl verify -crl_check` ask the same question, they agree: a signer
/// revoked before the signing time, a forged CRL, a CRL from another issuer.
#[test]
fn openssl_agrees_where_it_asks_the_same_question() {
    if std::process::Command::new("openssl").arg("version").output().is_err() {
        eprintln!("SKIP: openssl is not installed");
        return;
    }
    // The certificate openssl judges is the one that signed the sample.
    let (_, a) = verify("accettazione.eml", &[]);
    let pem = std::fs::read_to_string(samples().join("pki/alfa.pem")).unwrap();
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    use base64::Engine;
    use sha2::Digest;
    let der = base64::engine::general_purpose::STANDARD.decode(body).unwrap();
    assert_eq!(a["signature"]["signer"]["sha256"], hex::encode(sha2::Sha256::digest(&der)));

    let (ok, err) = openssl_verifies("accettazione.eml", &crl("revocata.crl"));
    assert!(!ok && err.contains("certificate revoked"), "{err}");
    assert_eq!(with_crl("accettazione.eml", "revocata.crl").1["problems"][0]["code"], "revoked");

    let (ok, err) = openssl_verifies("accettazione.eml", &crl("chiave-sbagliata.crl"));
    assert!(!ok && err.contains("CRL signature failure"), "{err}");
    assert!(
        problem(&with_crl("accettazione.eml", "chiave-sbagliata.crl").1, "crl-unusable").is_some()
    );

    let (ok, err) = openssl_verifies("accettazione.eml", &crl("radice.crl"));
    assert!(!ok && err.contains("unable to get certificate CRL"), "{err}");
    let a = with_crl("accettazione.eml", "radice.crl").1;
    assert_eq!(a["signature"]["revocation"]["status"], "unknown");
}

/// The port the samples' crl-alfa.pem names in its CRL Distribution Point.
const CRL_PORT: u16 = 38517;

/// One test at a time owns the port.
static PORT: Mutex<()> = Mutex::new(());

/// A real HTTP server on 127.0.0.1:CRL_PORT answering every request with `answer`.
struct Server {
    stop: Arc<AtomicBool>,
    requests: Arc<Mutex<Vec<String>>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

#[derive(Clone)]
enum Answer {
    Crl(Vec<u8>),
    NotFound,
    Silent,
}

impl Server {
    fn start(answer: Answer) -> Option<Server> {
        let listener = match TcpListener::bind(("127.0.0.1", CRL_PORT)) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("SKIP: cannot listen on 127.0.0.1:{CRL_PORT}: {e}");
                return None;
            }
        };
        let stop = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (s, r) = (Arc::clone(&stop), Arc::clone(&requests));
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(mut stream) = stream else { continue };
                let mut line = String::new();
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                if reader.read_line(&mut line).is_err() {
                    continue;
                }
                r.lock().unwrap().push(line.trim().to_string());
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
                        break;
                    }
                }
                match &answer {
                    Answer::Crl(body) => {
                        let head = format!(
                            "HTTP/1.1 200 OK\r\nContent-Type: application/pkix-crl\r\n\
                             Content-Length: {}\r\nConnection: close\r\n\r\n",
                            body.len()
                        );
                        let _ = stream.write_all(head.as_bytes());
                        let _ = stream.write_all(body);
                    }
                    Answer::NotFound => {
                        let _ = stream.write_all(
                            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                        );
                    }
                    Answer::Silent => std::thread::sleep(Duration::from_secs(3)),
                }
            }
        });
        Some(Server { stop, requests, thread: Some(thread) })
    }

    fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", CRL_PORT));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn fetch(cache: &Path, extra: &[&str]) -> (i32, Value) {
    verify(
        "accettazione-cdp.eml",
        &[&["--fetch-crl", "--crl-cache", cache.to_str().unwrap()], extra].concat(),
    )
}

#[test]
fn fetch_crl_downloads_from_the_distribution_point_and_reuses_a_current_copy() {
    let _port = PORT.lock().unwrap_or_else(|e| e.into_inner());
    let cache = tempfile::tempdir().unwrap();
    let fresh = std::fs::read(crl("fresca.pem")).unwrap();
    {
        let Some(server) = Server::start(Answer::Crl(fresh)) else { return };
        let (code, a) = fetch(cache.path(), &[]);
        assert_eq!(code, 0, "{a:#}");
        let r = &a["signature"]["revocation"];
        assert_eq!(r["status"], "good", "{a:#}");
        assert_eq!(r["source"], format!("http://127.0.0.1:{CRL_PORT}/intermediate.crl"));
        assert_eq!(server.requests(), vec!["GET /intermediate.crl HTTP/1.1".to_string()]);
    }
    assert_eq!(std::fs::read_dir(cache.path()).unwrap().count(), 1, "one CRL kept in the cache");
    // The server is gone: the cached CRL is still current and is used.
    let (code, a) = fetch(cache.path(), &[]);
    assert_eq!(code, 0);
    assert_eq!(a["signature"]["revocation"]["status"], "good", "{a:#}");

    // A revoked signer, fetched.
    let revoked = std::fs::read(crl("revocata.crl")).unwrap();
    let other_cache = tempfile::tempdir().unwrap();
    let Some(_server) = Server::start(Answer::Crl(revoked)) else { return };
    let (code, a) = fetch(other_cache.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(a["problems"][0]["code"], "revoked", "{a:#}");
}

#[test]
fn fetch_crl_reports_a_404_and_a_timeout_and_goes_on() {
    let _port = PORT.lock().unwrap_or_else(|e| e.into_inner());
    for (answer, says) in
        [(Answer::NotFound, "HTTP 404"), (Answer::Silent, "could not be downloaded")]
    {
        let cache = tempfile::tempdir().unwrap();
        let Some(server) = Server::start(answer) else { return };
        let (code, a) = fetch(cache.path(), &["--crl-timeout", "1"]);
        assert_eq!(code, 0, "a CRL that cannot be had changes no verdict: {a:#}");
        let p = problem(&a, "crl-unusable").expect("warning");
        assert!(p["message"].as_str().unwrap().contains(says), "{p:#}");
        assert!(p["message"].as_str().unwrap().contains("http://127.0.0.1"), "{p:#}");
        assert_eq!(a["signature"]["revocation"]["status"], "unknown");
        assert_eq!(server.requests().len(), 1);
    }
}

#[test]
fn no_network_without_fetch_crl() {
    let _port = PORT.lock().unwrap_or_else(|e| e.into_inner());
    let Some(server) = Server::start(Answer::NotFound) else { return };
    let (code, a) = verify("accettazione-cdp.eml", &[]);
    assert_eq!(code, 0);
    assert_eq!(a["signature"]["revocation"]["status"], "not-checked");
    let (_, _) = with_crl("accettazione-cdp.eml", "fresca.pem");
    assert!(server.requests().is_empty(), "{:?}", server.requests());
}

/// A delta CRL, and a CRL whose issuingDistributionPoint covers CA certificates only, each
/// revoking the signer: both are refused with their reason, and change no verdict.
#[test]
fn delta_and_out_of_scope_crls_are_refused_with_their_reason() {
    for (name, says) in
        [("delta.crl", "delta CRL"), ("solo-ca.crl", "does not cover the certificate")]
    {
        let (code, a) = with_crl("accettazione.eml", name);
        assert_eq!(code, 0, "{name}: {a:#}");
        let p = problem(&a, "crl-unusable").expect("warning");
        assert!(p["message"].as_str().unwrap().contains(says), "{name}: {p:#}");
        assert_eq!(a["signature"]["revocation"]["status"], "unknown", "{name}");
    }
}

/// A partition for another distribution point says nothing of a certificate that does not
/// name it (OpenSSL: "different CRL scope"); a version 1 CRL is read like any other.
#[test]
fn a_partition_speaks_only_for_its_point_and_v1_crls_are_read() {
    let (code, a) = with_crl("accettazione.eml", "partizione.crl");
    assert_eq!(code, 0, "{a:#}");
    let p = problem(&a, "crl-unusable").expect("warning");
    assert!(p["message"].as_str().unwrap().contains("partition"), "{p:#}");
    assert_eq!(a["signature"]["revocation"]["status"], "unknown");
    if std::process::Command::new("openssl").arg("version").output().is_ok() {
        let (ok, said) = openssl_verifies("accettazione.eml", &crl("partizione.crl"));
        assert!(!ok && said.contains("different CRL scope"), "{said}");
    }
    let (code, a) = with_crl("accettazione.eml", "v1.crl");
    assert_eq!(code, 1, "{a:#}");
    assert_eq!(a["problems"][0]["code"], "revoked");
    assert_eq!(a["signature"]["revocation"]["reason"], Value::Null);
}

/// A folder of CRLs may hold certificates too: they are passed over.
#[test]
fn a_crl_folder_with_certificates_in_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(crl("revocata.crl"), dir.path().join("revocata.crl")).unwrap();
    std::fs::copy(samples().join("pki/intermediate.pem"), dir.path().join("ca.pem")).unwrap();
    let (code, a) = verify("accettazione.eml", &["--crl", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1, "{a:#}");
    assert_eq!(a["problems"][0]["code"], "revoked");
}
