//! Reading a mailbox over IMAP, against a real server: a throwaway Dovecot (Debian's
//! dovecot-imapd) on 127.0.0.1, with its own configuration in a temporary folder, TLS from
//! samples/pki/imap-server.pem, one passwd-file user and a Maildir holding the samples.
//! `.ci/run` installs dovecot-imapd when absent; without it these tests say SKIP.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, SystemTime};

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::common::*;

const USER: &str = "studio";
const PASSWORD: &str = "segreta";

/// A running Dovecot; stopped when dropped.
struct Dovecot {
    dir: tempfile::TempDir,
    port: u16,
    master: Child,
}

fn dovecot_binary() -> Option<PathBuf> {
    ["/usr/sbin/dovecot", "/usr/local/sbin/dovecot"].iter().map(PathBuf::from).find(|p| p.exists())
}

/// Only root can give the mail processes a user of their own here.
fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

impl Dovecot {
    /// Starts a server whose INBOX holds `messages` (name, bytes, received at).
    fn start(messages: &[(String, Vec<u8>, SystemTime)]) -> Option<Dovecot> {
        let Some(binary) = dovecot_binary() else {
            eprintln!("SKIP: dovecot is not installed (Debian: dovecot-imapd); IMAP tests not run");
            return None;
        };
        if !is_root() {
            eprintln!("SKIP: the throwaway Dovecot needs root to drop to its own users here");
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        // Dovecot's login and auth processes run as their own users: they must reach it.
        run_ok(Command::new("chmod").arg("755").arg(root));
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let home = root.join("home").join(USER);
        let maildir = home.join("Maildir");
        for sub in ["cur", "new", "tmp"] {
            std::fs::create_dir_all(maildir.join(sub)).unwrap();
        }
        for (name, bytes, received) in messages {
            put(&maildir, name, bytes, *received);
        }
        run_ok(Command::new("chown").args(["-R", "nobody:nogroup"]).arg(root.join("home")));
        std::fs::write(root.join("passwd"), format!("{USER}:{{PLAIN}}{PASSWORD}::::::\n")).unwrap();
        let pki = samples().join("pki");
        let config = format!(
            "base_dir = {root}/run\n\
             state_dir = {root}/state\n\
             log_path = {root}/dovecot.log\n\
             protocols = imap\n\
             listen = 127.0.0.1\n\
             ssl = required\n\
             ssl_cert = <{cert}\n\
             ssl_key = <{key}\n\
             auth_mechanisms = plain login\n\
             auth_failure_delay = 0\n\
             auth_verbose = yes\n\
             first_valid_uid = 1\n\
             default_login_user = dovenull\n\
             default_internal_user = dovecot\n\
             mail_location = maildir:~/Maildir\n\
             passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u {root}/passwd\n}}\n\
             userdb {{\n  driver = static\n  args = uid=nobody gid=nogroup home={root}/home/%u\n}}\n\
             service imap-login {{\n  inet_listener imap {{\n    port = 0\n  }}\n  \
             inet_listener imaps {{\n    port = {port}\n    ssl = yes\n  }}\n}}\n",
            root = root.display(),
            cert = pki.join("imap-server.pem").display(),
            key = pki.join("imap-server.key").display(),
        );
        std::fs::write(root.join("dovecot.conf"), config).unwrap();
        std::fs::create_dir_all(root.join("state")).unwrap();
        let master = Command::new(binary)
            .arg("-F")
            .arg("-c")
            .arg(root.join("dovecot.conf"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let server = Dovecot { dir, port, master };
        for _ in 0..200 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Some(server);
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        eprintln!("SKIP: dovecot did not start: {}", server.log());
        None
    }

    fn url(&self) -> String {
        format!("imaps://{USER}@127.0.0.1:{}/INBOX", self.port)
    }

    fn maildir(&self) -> PathBuf {
        self.dir.path().join("home").join(USER).join("Maildir")
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("dovecot.log")).unwrap_or_default()
    }

    /// Every file of the Maildir, with the flags in its name: what read-only must not change.
    fn snapshot(&self) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        let mut stack = vec![self.maildir()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if ["cur", "new"].iter().any(|d| path.parent().unwrap().ends_with(d)) {
                    out.insert(path.strip_prefix(self.maildir()).unwrap().display().to_string());
                }
            }
        }
        out
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        let _ = Command::new("kill").arg("-TERM").arg(self.master.id().to_string()).status();
        let _ = self.master.wait();
    }
}

fn run_ok(cmd: &mut Command) {
    assert!(cmd.status().unwrap().success(), "{cmd:?}");
}

/// Delivers a message into a Maildir folder (new/), received at `received`.
fn put(maildir: &Path, name: &str, bytes: &[u8], received: SystemTime) {
    let path = maildir.join("new").join(format!("{name}.peckit"));
    std::fs::write(&path, bytes).unwrap();
    std::fs::File::options().write(true).open(&path).unwrap().set_modified(received).unwrap();
}

/// A sample as a mail server holds it: IMAP sends CRLF line ends, whatever the file had (an
/// LF-only sample comes back with CRLF), so the box gets what the wire will carry.
fn crlf(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 40);
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' && (i == 0 || bytes[i - 1] != b'\r') {
            out.push(b'\r');
        }
        out.push(b);
    }
    out
}

fn mail(file: &str) -> (String, Vec<u8>, SystemTime) {
    (file.replace('/', "-"), crlf(&sample(file)), SystemTime::now())
}

fn peckit_imap(server: &Dovecot) -> assert_cmd::Command {
    let mut cmd = peckit();
    cmd.env("PECKIT_IMAP_PASSWORD", PASSWORD).env("HOME", server.dir.path());
    cmd
}

fn summary_of(doc: &Value) -> Vec<(String, String, String)> {
    let mut rows: Vec<(String, String, String)> = doc["artefacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let first = a["problems"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["severity"] != "info")
                .map(|p| p["code"].as_str().unwrap().to_string())
                .unwrap_or_default();
            (a["kind"].as_str().unwrap().into(), a["verdict"].as_str().unwrap().into(), first)
        })
        .collect();
    rows.sort();
    rows
}

const BOX: [&str; 6] = [
    "accettazione.eml",
    "avvenuta-consegna-completa.eml",
    "posta-certificata.eml",
    "forged/bad-signature.eml",
    "forged/notice-byte-changed.eml",
    "non-accettazione.eml",
];

#[test]
fn verdicts_over_imap_equal_verdicts_over_files_and_the_box_is_not_touched() {
    let Some(server) = Dovecot::start(&BOX.map(mail)) else { return };
    let before = server.snapshot();
    let ca = samples().join("pki/imap-ca.pem");
    let (code, out, err) = run(peckit_imap(&server)
        .args(["verify", "--format", "json", "--trust"])
        .arg(test_root())
        .arg("--imap-ca")
        .arg(&ca)
        .arg(server.url()));
    assert_eq!(code, 1, "{err}\n{}", server.log());
    let over_imap = json(&out);
    let files: Vec<PathBuf> = BOX.iter().map(|f| samples().join(f)).collect();
    let (_, out, _) =
        run(peckit().args(["verify", "--format", "json", "--trust"]).arg(test_root()).args(&files));
    assert_eq!(summary_of(&over_imap), summary_of(&json(&out)));
    for a in over_imap["artefacts"].as_array().unwrap() {
        let name = a["path"].as_str().unwrap();
        assert!(
            name.starts_with(&format!(
                "imaps://{USER}@127.0.0.1:{}/INBOX;UIDVALIDITY=",
                server.port
            )) && name.contains("/;UID="),
            "{name}"
        );
    }
    // Read-only: no flag (\Seen included) changed, nothing moved.
    assert_eq!(server.snapshot(), before);

    // The bytes are exactly what was put into the box: archive them and compare SHA-256.
    let out = server.dir.path().join("archivio");
    let (code, _, err) = run(peckit_imap(&server)
        .args(["archive", "-q", "--trust"])
        .arg(test_root())
        .arg("--imap-ca")
        .arg(&ca)
        .arg(server.url())
        .arg("-o")
        .arg(&out));
    assert_eq!(code, 0, "{err}");
    let kept: BTreeSet<String> = std::fs::read_to_string(out.join("archive.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["sha256"].as_str().unwrap().to_string())
        .collect();
    let put_in: BTreeSet<String> =
        BOX.iter().map(|f| hex::encode(Sha256::digest(crlf(&sample(f))))).collect();
    assert_eq!(kept, put_in);
    assert_eq!(server.snapshot(), before);
}

#[test]
fn archive_from_imap_is_incremental_by_uid() {
    let Some(server) = Dovecot::start(&BOX[..3].iter().map(|f| mail(f)).collect::<Vec<_>>()) else {
        return;
    };
    let ca = samples().join("pki/imap-ca.pem");
    let out = server.dir.path().join("archivio");
    let archive = || {
        run(peckit_imap(&server)
            .args(["archive", "--trust"])
            .arg(test_root())
            .arg("--imap-ca")
            .arg(&ca)
            .arg(server.url())
            .arg("-o")
            .arg(&out))
    };
    let (code, stdout, err) = archive();
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("3 archived"), "{stdout}");
    let (code, stdout, _) = archive();
    assert_eq!(code, 0);
    // Known UIDs are not even fetched: nothing is met again.
    assert!(stdout.contains("0 archived, 0 already there"), "{stdout}");
    let (name, bytes, at) = mail("presa-in-carico.eml");
    put(&server.maildir(), &name, &bytes, at);
    let (code, stdout, _) = archive();
    assert_eq!(code, 0);
    assert!(stdout.contains("1 archived, 0 already there"), "{stdout}");
}

#[test]
fn since_and_before_select_by_the_servers_internal_date() {
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_577_836_800); // 2020-01-01
    let mut messages: Vec<_> = BOX[..2].iter().map(|f| mail(f)).collect();
    let (name, bytes, _) = mail("posta-certificata.eml");
    messages.push((name, bytes, old));
    let Some(server) = Dovecot::start(&messages) else { return };
    let ca = samples().join("pki/imap-ca.pem");
    let count = |flag: &str, day: &str| {
        let (_, out, err) = run(peckit_imap(&server)
            .args(["verify", "--format", "json", "--trust"])
            .arg(test_root())
            .arg("--imap-ca")
            .arg(&ca)
            .args([flag, day])
            .arg(server.url()));
        let doc: Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{err}"));
        summary_of(&doc).into_iter().map(|(kind, _, _)| kind).collect::<Vec<_>>()
    };
    assert_eq!(count("--since", "2024-01-01"), ["accettazione", "avvenuta-consegna"]);
    assert_eq!(count("--before", "2024-01-01"), ["posta-certificata"]);
}

#[test]
fn a_refused_login_or_an_untrusted_server_is_a_one_line_error_exit_2() {
    let Some(server) = Dovecot::start(&[mail("accettazione.eml")]) else { return };
    let ca = samples().join("pki/imap-ca.pem");
    let (code, out, err) = run(peckit()
        .env("PECKIT_IMAP_PASSWORD", "sbagliata")
        .env("HOME", server.dir.path())
        .args(["--lang", "it", "verify", "--imap-ca"])
        .arg(&ca)
        .arg(server.url())
        .arg(samples().join("accettazione.eml")));
    assert_eq!(code, 2, "{out}\n{err}");
    assert!(err.contains("accesso rifiutato dal server"), "{err}");
    // What was already checked is still reported.
    assert!(out.contains("accettazione.eml"), "{out}");

    // Without --imap-ca the test server's certificate is not trusted: refused before login.
    // Dovecot logs the earlier session's end a moment later: wait until its log is still.
    let mut logged = server.log().len();
    for _ in 0..50 {
        std::thread::sleep(Duration::from_millis(100));
        let now = server.log().len();
        if now == logged {
            break;
        }
        logged = now;
    }
    let (code, _, err) = run(peckit_imap(&server).args(["verify"]).arg(server.url()));
    assert_eq!(code, 2);
    assert!(err.contains("certificate is not trusted"), "{err}");
    let log = server.log();
    let since = &log[logged..];
    assert!(!since.contains(&format!("user=<{USER}>")), "no login was attempted: {since}");

    // Plain imap:// is refused without --imap-insecure.
    let (code, _, err) = run(peckit_imap(&server)
        .args(["verify"])
        .arg(format!("imap://{USER}@127.0.0.1:{}/INBOX", server.port)));
    assert_eq!(code, 2);
    assert!(err.contains("imap://") && err.contains("--imap-insecure"), "{err}");
}

#[test]
fn every_mailbox_with_mailbox_all_and_names_shown_decoded() {
    let Some(server) = Dovecot::start(&[mail("accettazione.eml")]) else { return };
    // A Maildir++ folder whose name needs modified UTF-7: "Ricevute già lette".
    let folder = server.maildir().join(".Ricevute gi&AOA- lette");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(folder.join(sub)).unwrap();
    }
    let (name, bytes, at) = mail("avvenuta-consegna-sintetica.eml");
    put(&folder, &name, &bytes, at);
    run_ok(Command::new("chown").args(["-R", "nobody:nogroup"]).arg(server.maildir()));
    let ca = samples().join("pki/imap-ca.pem");
    let (code, out, err) = run(peckit_imap(&server)
        .args(["verify", "--format", "json", "--mailbox-all", "--trust"])
        .arg(test_root())
        .arg("--imap-ca")
        .arg(&ca)
        .arg(server.url()));
    assert_eq!(code, 0, "{err}\n{}", server.log());
    let paths = artefact_paths(&json(&out));
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(paths.iter().any(|p| p.contains("/Ricevute già lette;UIDVALIDITY=")), "{paths:?}");
    // The folder alone, by its decoded name (percent-encoded in the URL).
    let url = format!("imaps://{USER}@127.0.0.1:{}/Ricevute%20gi%C3%A0%20lette", server.port);
    let (code, out, err) = run(peckit_imap(&server)
        .args(["verify", "--format", "json", "--trust"])
        .arg(test_root())
        .arg("--imap-ca")
        .arg(&ca)
        .arg(url));
    assert_eq!(code, 0, "{err}");
    assert_eq!(json(&out)["artefacts"][0]["kind"], "avvenuta-consegna");
}

/// extract takes a mailbox too: one subfolder per message, named by UID.
#[test]
fn extract_reads_a_mailbox_into_one_folder_per_message() {
    let Some(server) = Dovecot::start(&[mail("posta-certificata.eml"), mail("accettazione.eml")])
    else {
        return;
    };
    let out = server.dir.path().join("estratti");
    let (code, _, err) = run(peckit_imap(&server)
        .args(["extract", "--trust"])
        .arg(test_root())
        .arg("--imap-ca")
        .arg(samples().join("pki/imap-ca.pem"))
        .arg(server.url())
        .arg("-o")
        .arg(&out));
    assert_eq!(code, 0, "{err}");
    let folders: BTreeSet<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(folders.len(), 2, "{folders:?}");
    assert!(folders.iter().all(|f| f.starts_with("UID-")), "{folders:?}");
    let with_original =
        folders.iter().filter(|f| out.join(f).join("postacert.eml").exists()).count();
    assert_eq!(with_original, 1, "the envelope carries the original");
}

/// A mailbox that cannot be opened is said, and the others are still read.
#[test]
fn one_mailbox_that_cannot_be_opened_does_not_stop_the_others() {
    let Some(server) = Dovecot::start(&[mail("accettazione.eml")]) else { return };
    let broken = server.maildir().join(".Rotta");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(broken.join(sub)).unwrap();
    }
    run_ok(Command::new("chown").args(["-R", "nobody:nogroup"]).arg(server.maildir()));
    run_ok(Command::new("chmod").arg("000").arg(&broken));
    let (code, out, err) = run(peckit_imap(&server)
        .args(["--lang", "it", "verify", "--format", "json", "--mailbox-all", "--trust"])
        .arg(test_root())
        .arg("--imap-ca")
        .arg(samples().join("pki/imap-ca.pem"))
        .arg(server.url()));
    run_ok(Command::new("chmod").arg("755").arg(&broken));
    assert_eq!(code, 2, "{err}\n{}", server.log());
    let doc = json(&out);
    let kinds: Vec<&str> =
        doc["artefacts"].as_array().unwrap().iter().map(|a| a["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"accettazione"), "INBOX still read: {kinds:?}");
    assert!(kinds.contains(&"unreadable"), "{kinds:?}");
    assert!(err.contains("la casella Rotta non può essere aperta"), "{err}");
}

/// A password put in the URL is refused and never printed.
#[test]
fn a_password_in_the_url_is_refused_and_not_repeated() {
    let (code, out, err) =
        run(peckit().args(["verify", "imaps://studio:segreta@127.0.0.1:1/INBOX"]));
    assert_eq!(code, 2);
    assert!(err.contains("password in the URL is refused"), "{err}");
    assert!(!err.contains("segreta") && !out.contains("segreta"), "{err}{out}");
}
