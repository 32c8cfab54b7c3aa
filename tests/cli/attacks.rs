//! Issue #13: each attack a security researcher found, as a generated input, with the
//! behaviour the product promises (a verdict with the right code, never a crash).

use std::path::{Path, PathBuf};

use crate::common::*;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Verifies one file with the test root; returns the exit code and its JSON artefact.
fn verify_one(path: &Path, extra: &[&str]) -> (i32, serde_json::Value) {
    let (code, out, err) = run(peckit()
        .args(["verify", "--format", "json", "--trust"])
        .arg(test_root())
        .args(extra)
        .arg(path));
    let doc = json(&out);
    assert_eq!(doc["artefacts"].as_array().map(Vec::len), Some(1), "{err}");
    (code, doc["artefacts"][0].clone())
}

fn messages(a: &serde_json::Value) -> String {
    a["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["message"].as_str().unwrap().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// DER length octets for `len`.
fn der_len(len: usize) -> Vec<u8> {
    if len < 0x80 {
        return vec![u8::try_from(len).unwrap()];
    }
    let bytes: Vec<u8> = len.to_be_bytes().into_iter().skip_while(|&b| b == 0).collect();
    let mut out = vec![0x80 | u8::try_from(bytes.len()).unwrap()];
    out.extend(bytes);
    out
}

fn tlv(tag: u8, value: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    out.extend(der_len(value.len()));
    out.extend_from_slice(value);
    out
}

/// An opaque signed-data message whose eContent is `levels` constructed OCTET STRINGs with
/// definite lengths, one inside the other (no key needed to build it).
pub fn nested_octet_string_message(levels: usize) -> Vec<u8> {
    let mut content = tlv(0x04, b"x");
    for _ in 0..levels {
        content = tlv(0x24, &content);
    }
    let oid_data = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x01];
    let oid_signed_data = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02];
    let mut encap = oid_data.to_vec();
    encap.extend(tlv(0xA0, &content));
    let mut sd = tlv(0x02, &[1]);
    sd.extend(tlv(0x31, &[]));
    sd.extend(tlv(0x30, &encap));
    sd.extend(tlv(0x31, &[]));
    let mut ci = oid_signed_data.to_vec();
    ci.extend(tlv(0xA0, &tlv(0x30, &sd)));
    let der = tlv(0x30, &ci);
    let b64 = base64_lines(&der);
    let mut msg = b"From: a@pec.example\r\nTo: b@pec.example\r\nSubject: ACCETTAZIONE: x\r\n\
X-Ricevuta: accettazione\r\nMIME-Version: 1.0\r\nContent-Type: application/pkcs7-mime; \
smime-type=signed-data; name=\"smime.p7m\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        .to_vec();
    msg.extend(b64.as_bytes());
    msg
}

/// Base64 in lines of 76 characters, CRLF-terminated, as mail carries it.
fn base64_lines(data: &[u8]) -> String {
    use base64::Engine as _;
    let text = base64::engine::general_purpose::STANDARD.encode(data);
    let mut out = String::new();
    for line in text.as_bytes().chunks(76) {
        out.push_str(std::str::from_utf8(line).unwrap());
        out.push_str("\r\n");
    }
    out
}

#[test]
fn deep_der_nesting_is_malformed_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a-good.eml", &sample("accettazione.eml"));
    write(dir.path(), "b-deep.eml", &nested_octet_string_message(20_000));
    write(dir.path(), "c-good.eml", &sample("avvenuta-consegna-sintetica.eml"));
    let (code, out, err) = run(peckit()
        .args(["verify", "--format", "json", "--trust"])
        .arg(test_root())
        .arg(dir.path()));
    assert_eq!(code, 1, "{err}");
    let doc = json(&out);
    let rows = doc["artefacts"].as_array().unwrap();
    assert_eq!(rows.len(), 3, "{out}");
    assert_eq!(rows[0]["verdict"], "valid");
    assert_eq!(rows[1]["verdict"], "invalid");
    assert_eq!(codes(&rows[1])[0], "malformed");
    assert!(messages(&rows[1]).contains("nested too deep"), "{}", messages(&rows[1]));
    assert_eq!(rows[2]["verdict"], "valid");
    assert_eq!(doc["summary"]["total"], 3);
}

#[test]
fn deep_der_nesting_does_not_crash_inspect_extract_or_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let deep = write(dir.path(), "deep.eml", &nested_octet_string_message(200_000));
    for args in [
        vec!["inspect", "--format", "json"],
        vec!["evidence", "--format", "json"],
        vec!["extract", "--force", "-o"],
    ] {
        let mut cmd = peckit();
        cmd.args(&args);
        if args[0] == "extract" {
            cmd.arg(dir.path().join("out"));
        }
        let (code, out, err) = run(cmd.arg(&deep));
        assert!(code <= 2, "{args:?} exited {code}: {out}\n{err}");
    }
}

/// The top-level multipart/signed boundary of a sample.
fn signed_boundary(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let at = text.find("multipart/signed").unwrap();
    let rest = &text[at..];
    let b = rest.find("boundary=\"").unwrap() + 10;
    rest[b..b + rest[b..].find('"').unwrap()].to_string()
}

#[test]
fn a_third_part_inside_multipart_signed_is_unsigned_content() {
    let genuine = sample("accettazione.eml");
    let boundary = signed_boundary(&genuine);
    let close = format!("\r\n--{boundary}--");
    let fake = format!(
        "\r\n--{boundary}\r\nContent-Type: application/xml; name=\"daticert.xml\"\r\n\r\n\
         <postacert tipo=\"accettazione\" errore=\"nessuno\"><intestazione><mittente>falso@pec.example\
         </mittente></intestazione></postacert>{close}"
    );
    let forged = replace_once(&genuine, close.as_bytes(), fake.as_bytes());
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "third-part.eml", &forged);
    let (code, a) = verify_one(&path, &[]);
    assert_eq!(code, 1, "{a:#}");
    assert_eq!(a["verdict"], "invalid");
    assert!(codes(&a).contains(&"unsigned-content-outside-signature".into()), "{a:#}");
    assert!(messages(&a).contains("MIME part 1.3"), "{}", messages(&a));
    // The certified data still comes from the signed daticert.
    assert_ne!(a["certified"]["mittente"], "falso@pec.example");
    // inspect lists what lies outside in English words, one string each.
    let (_, out, err) = run(peckit().args(["inspect", "--format", "json"]).arg(&path));
    let outside = &json(&out)["artefacts"][0]["outside_signature"];
    assert_eq!(
        outside,
        &serde_json::json!([
            "an unsigned application/xml part (MIME part 1.3) added inside multipart/signed"
        ]),
        "{err}"
    );
}

#[test]
fn a_duplicated_content_type_is_malformed() {
    let genuine = sample("accettazione.eml");
    let forged = replace_once(
        &genuine,
        b"MIME-Version: 1.0\r\n",
        b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"zzz\"\r\n",
    );
    // The fake second Content-Type comes after the genuine one.
    let forged = {
        let text = String::from_utf8(forged).unwrap();
        let fake = "Content-Type: multipart/mixed; boundary=\"zzz\"\r\n";
        let at = text.find(fake).unwrap();
        let without = format!("{}{}", &text[..at], &text[at + fake.len()..]);
        let signed_ct_end = without.find("multipart/signed").unwrap();
        let line_end = signed_ct_end + without[signed_ct_end..].find("\r\n").unwrap() + 2;
        format!("{}{fake}{}", &without[..line_end], &without[line_end..])
    };
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "two-content-types.eml", forged.as_bytes());
    let (code, a) = verify_one(&path, &[]);
    assert_eq!(code, 1, "{a:#}");
    assert_eq!(codes(&a)[0], "malformed", "{a:#}");
    assert!(messages(&a).contains("Content-Type header appears 2 times"), "{}", messages(&a));
    // One Content-Transfer-Encoding too many on the signature part is caught the same way.
    let cte = b"Content-Transfer-Encoding: base64\r\n";
    let at = genuine.windows(cte.len()).rposition(|w| w == cte).unwrap();
    let mut doubled = genuine[..at].to_vec();
    doubled.extend_from_slice(b"Content-Transfer-Encoding: 7bit\r\n");
    doubled.extend_from_slice(&genuine[at..]);
    let path = write(dir.path(), "two-cte.eml", &doubled);
    let (code, a) = verify_one(&path, &[]);
    assert_eq!(code, 1);
    assert!(messages(&a).contains("Content-Transfer-Encoding header appears 2 times"), "{a:#}");
}

/// What a daticert states under a signature that failed is never given as certified: JSON
/// holds it under `daticert_unverified` (`certified` is null), CSV leaves its columns empty,
/// the explanation heads it as stated, not verified, and no cross-check calls it signed.
#[test]
fn a_forged_daticert_is_never_reported_as_certified() {
    let path = samples().join("forged/daticert-swapped.eml");
    let (code, a) = verify_one(&path, &[]);
    assert_eq!(code, 1);
    assert_eq!(a["signature"]["status"], "content-altered", "{a:#}");
    assert!(a["certified"].is_null(), "{a:#}");
    assert_eq!(a["daticert_unverified"]["msgid"], "<altro@client.example>", "{a:#}");
    // Nor are the headers compared with it, which would call its values signed.
    assert!(!messages(&a).contains("signed msgid"), "{}", messages(&a));
    let (_, valid) = verify_one(&samples().join("accettazione.eml"), &[]);
    assert!(valid["daticert_unverified"].is_null() && valid["certified"]["msgid"].is_string());
    let (_, csv, _) =
        run(peckit().args(["verify", "--format", "csv", "--trust"]).arg(test_root()).arg(&path));
    assert!(!csv.contains("altro"), "no stated value in a CSV column:\n{csv}");
    let (_, text, _) = run(peckit()
        .args(["--lang", "it", "verify", "--explain", "--trust"])
        .arg(test_root())
        .arg(&path));
    assert!(text.contains("NON verificat") && text.contains("<altro@client.example>"), "{text}");
}

/// A whole message appended after a valid receipt's closing boundary (mail programs do not
/// show an epilogue, a naive reader takes its daticert) is named: the file was added to after
/// signing. Blank lines there change nothing. A message put in the preamble is named too.
#[test]
fn text_appended_after_the_closing_boundary_is_named() {
    let genuine = sample("accettazione.eml");
    let dir = tempfile::tempdir().unwrap();
    let mut appended = genuine.clone();
    appended.extend_from_slice(&sample("avvenuta-consegna-breve.eml"));
    let path = write(dir.path(), "appended.eml", &appended);
    let (code, a) = verify_one(&path, &[]);
    assert_eq!(code, 1, "{a:#}");
    assert!(codes(&a).contains(&"unsigned-content-outside-signature".into()), "{a:#}");
    assert!(messages(&a).contains("after the closing boundary of MIME part 1"), "{a:#}");
    let mut blank = genuine.clone();
    blank.extend_from_slice(b"\r\n\r\n  \r\n");
    let path = write(dir.path(), "blank.eml", &blank);
    let (code, a) = verify_one(&path, &[]);
    assert_eq!((code, a["verdict"].as_str()), (0, Some("valid")), "{a:#}");
    // The same message put in the preamble, before the first boundary, is named too; the
    // provider's one sentence there is not.
    let sentence = b"This is an S/MIME signed message";
    let inserted = [&sentence[..], b"\r\n", &sample("avvenuta-consegna-breve.eml")].concat();
    let prepended = replace_once(&genuine, sentence, &inserted);
    let path = write(dir.path(), "preamble.eml", &prepended);
    let (code, a) = verify_one(&path, &[]);
    assert_eq!(code, 1, "{a:#}");
    assert!(messages(&a).contains("before the first boundary of MIME part 1"), "{a:#}");
}

/// A Subject whose text after the PEC prefix is not the signed oggetto (a mail program shows
/// the Subject) is a warning naming both; the same text folded otherwise is not.
#[test]
fn a_subject_that_is_not_the_signed_oggetto_is_said() {
    let genuine = sample("accettazione.eml");
    let dir = tempfile::tempdir().unwrap();
    let changed = replace_once(
        &genuine,
        b"Subject: ACCETTAZIONE: Notifica atto - pratica 2026/42",
        b"Subject: ACCETTAZIONE: Pratica archiviata",
    );
    let path = write(dir.path(), "subject.eml", &changed);
    let (code, a) = verify_one(&path, &[]);
    assert_eq!((code, a["verdict"].as_str()), (0, Some("valid")), "{a:#}");
    assert!(
        messages(&a).contains("\"ACCETTAZIONE: Pratica archiviata\" does not carry the signed oggetto \"Notifica atto - pratica 2026/42\""),
        "{}",
        messages(&a)
    );
    let folded = replace_once(
        &genuine,
        b"Subject: ACCETTAZIONE: Notifica atto - pratica 2026/42",
        b"Subject: ACCETTAZIONE: Notifica atto -\r\n pratica 2026/42",
    );
    let path = write(dir.path(), "folded.eml", &folded);
    let (_, a) = verify_one(&path, &[]);
    assert!(!codes(&a).contains(&"subject-mismatch".into()), "{a:#}");
    // Without its prefix, or with the prefix's colon gone, the Subject is compared whole.
    for subject in
        [&b"Subject: Pagamento ricevuto"[..], b"Subject: ACCETTAZIONE Notifica atto: pratica 2099"]
    {
        let changed = replace_once(
            &genuine,
            b"Subject: ACCETTAZIONE: Notifica atto - pratica 2026/42",
            subject,
        );
        let path = write(dir.path(), "unprefixed.eml", &changed);
        let (_, a) = verify_one(&path, &[]);
        assert!(codes(&a).contains(&"subject-mismatch".into()), "{a:#}");
    }
}

#[test]
fn a_repeated_boundary_parameter_is_malformed() {
    // This reader takes the last `boundary`, others the first: a preamble laid out with the
    // first would be another message to them.
    let genuine = sample("accettazione.eml");
    let forged =
        replace_once(&genuine, b"multipart/signed;", b"multipart/signed; boundary=\"FAKE\";");
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "two-boundaries.eml", &forged);
    let (code, a) = verify_one(&path, &[]);
    assert_eq!(code, 1, "{a:#}");
    assert_eq!(a["verdict"], "invalid");
    assert_eq!(codes(&a)[0], "malformed", "{a:#}");
    let said = messages(&a);
    assert!(
        said.contains("the boundary parameter of the Content-Type header appears 2 times"),
        "{said}"
    );
    let (_, out, _) = run(peckit()
        .env("COLUMNS", "400")
        .args(["--lang", "it", "verify", "--trust"])
        .arg(test_root())
        .arg(&path));
    assert!(
        out.contains("il parametro boundary dell'intestazione Content-Type compare 2 volte"),
        "{out}"
    );
    // RFC 2231 spells it `boundary*` (or `boundary*0`): the same parameter to its readers.
    for spelling in [&b"boundary*=''FAKE;"[..], b"boundary*0=\"FA\"; boundary*1=\"KE\";"] {
        let forged = replace_once(
            &genuine,
            b"multipart/signed;",
            &[&b"multipart/signed; "[..], spelling].concat(),
        );
        let path = write(dir.path(), "rfc2231.eml", &forged);
        let (_, a) = verify_one(&path, &[]);
        assert_eq!(codes(&a)[0], "malformed", "{}: {a:#}", String::from_utf8_lossy(spelling));
    }
    // Continuations of one other parameter are one parameter: nothing to say.
    let continued = replace_once(
        &genuine,
        b"multipart/signed;",
        b"multipart/signed; x-note*0=\"a\"; x-note*1=\"b\"; x-note*2=\"c\";",
    );
    let path = write(dir.path(), "continued.eml", &continued);
    let (code, a) = verify_one(&path, &[]);
    assert_eq!(code, 0, "{a:#}");
}

#[test]
fn a_pinned_signer_is_judged_at_the_signing_time() {
    // Each provider certificate pinned alone, on the mail it signed outside its validity.
    for (cert, file) in [
        ("pki/expired-alfa.pem", "forged/expired-signer.eml"),
        ("pki/future-alfa.pem", "forged/not-yet-valid-signer.eml"),
    ] {
        let (code, out, err) = run(peckit()
            .args(["verify", "--format", "json", "--no-default-trust", "--trust"])
            .arg(samples().join(cert))
            .arg(samples().join(file)));
        let a = json(&out)["artefacts"][0].clone();
        assert_eq!(code, 1, "{cert}: {a:#}\n{err}");
        assert_eq!(codes(&a)[0], "cert-not-valid-at-signing-time", "{a:#}");
    }
}

#[test]
fn a_subject_starting_with_minus_is_defused_in_every_csv() {
    let file = samples().join("accettazione-oggetto-formula.eml");
    for command in ["verify", "evidence"] {
        let (code, out, err) =
            run(peckit().args([command, "--format", "csv", "--trust"]).arg(test_root()).arg(&file));
        assert!(code <= 1, "{command}: {err}");
        assert!(out.contains("'-2+3+cmd"), "{command}: the subject is not in the CSV:\n{out}");
        let unguarded = out
            .lines()
            .any(|l| l.split(',').any(|cell| cell.trim_start_matches('"').starts_with("-2+3")));
        assert!(!unguarded, "{command}: a cell starts with the formula:\n{out}");
    }
}

#[test]
fn extract_takes_zip_archives_and_mboxes_like_every_other_command() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().unwrap();
    let zip_path = dir.path().join("archivio.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let o: zip::write::SimpleFileOptions = Default::default();
    for (name, file) in [
        ("a/ricevuta.eml", "accettazione.eml"),
        ("b/ricevuta.eml", "avvenuta-consegna-completa.eml"),
    ] {
        z.start_file(name, o).unwrap();
        z.write_all(&sample(file)).unwrap();
    }
    z.finish().unwrap();
    let out_dir = dir.path().join("out");
    let (code, out, err) = run(peckit()
        .args(["extract", "--trust"])
        .arg(test_root())
        .arg("-o")
        .arg(&out_dir)
        .arg(&zip_path));
    assert_eq!(code, 0, "{out}\n{err}");
    // Two members with the same file name get two folders, each with its manifest.
    for sub in ["ricevuta", "ricevuta (2)"] {
        assert!(out_dir.join(sub).join("manifest.json").is_file(), "{sub}: {out}\n{err}");
    }
    // An mbox without -o: a folder named after it, a subfolder per message.
    let mbox = dir.path().join("casella.mbox");
    let mut text = Vec::new();
    for file in ["accettazione.eml", "presa-in-carico.eml"] {
        text.extend_from_slice(b"From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n");
        text.extend_from_slice(&sample(file));
        text.extend_from_slice(b"\n");
    }
    std::fs::write(&mbox, text).unwrap();
    let (code, out, err) = run(peckit().args(["extract", "--trust"]).arg(test_root()).arg(&mbox));
    assert_eq!(code, 0, "{out}\n{err}");
    for sub in ["message-1", "message-2"] {
        assert!(dir.path().join("casella").join(sub).join("daticert.xml").is_file(), "{sub}");
    }
}

/// The seeds that keep the fuzz targets on the attacks of issue #13 are in place.
#[test]
fn fuzz_seeds_cover_deep_der_and_nested_messages() {
    let read = root().join("fuzz/seeds/read");
    let deep = std::fs::read(read.join("der-depth.eml")).unwrap();
    assert_eq!(deep, nested_octet_string_message(300), "regenerate fuzz/seeds/read/der-depth.eml");
    assert!(read.join("nested-messages.eml").is_file());
    assert!(root().join("fuzz/seeds/containers").read_dir().unwrap().count() >= 3);
}

/// Writes the seeds above (run with `--ignored` after changing the generators).
#[test]
#[ignore]
fn write_fuzz_seeds() {
    let read = root().join("fuzz/seeds/read");
    std::fs::write(read.join("der-depth.eml"), nested_octet_string_message(300)).unwrap();
}

#[test]
fn terminal_escapes_from_the_mail_never_reach_the_terminal() {
    let genuine = sample("accettazione.eml");
    let hostile = replace_once(
        &genuine,
        b"X-Ricevuta: accettazione",
        "X-Ricevuta: accettazione\x1b]0;PWNED\x07\x1b[2J\u{061C}\u{202E}".as_bytes(),
    );
    let hostile =
        replace_once(&hostile, b"Content-Type: text/plain", b"Content-Type: text/plain\x1b[31m");
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "hostile.eml", &hostile);
    let root = test_root();
    let root = root.to_str().unwrap();
    for args in [&["inspect"][..], &["verify", "--trust", root], &["evidence", "--trust", root]] {
        let (_, out, err) = run(peckit().env("COLUMNS", "200").args(args).arg(&path));
        for (stream, text) in [("stdout", &out), ("stderr", &err)] {
            let bad: Vec<char> =
                text.chars().filter(|&c| peckit::internals::is_hidden(c) && c != '\n').collect();
            assert!(bad.is_empty(), "{args:?} {stream} carries {bad:?}:\n{text}");
        }
        if args[0] == "inspect" {
            assert!(out.contains("\\u{1b}]0;PWNED"), "the claim is shown, escaped:\n{out}");
        }
    }
}

/// Output meant for programs (CSV, JSON, JSONL) is written as it is into a file or a pipe,
/// and with its hidden characters escaped when standard output is a terminal (`script` gives
/// peckit one); the documents for people (Markdown, HTML) show them escaped everywhere.
#[test]
fn hidden_characters_reach_a_terminal_only_escaped_in_every_format() {
    if std::process::Command::new("script").arg("--version").output().is_err() {
        eprintln!("SKIP: `script` (util-linux) is absent; the terminal is not simulated");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mail = dir.path().join("mail");
    std::fs::create_dir(&mail).unwrap();
    write(&mail, "a\x1b[2Jx\u{202e}.eml", &sample("accettazione.eml"));
    let peckit_bin = assert_cmd::cargo::cargo_bin("peckit");
    let formats: [&[&str]; 6] = [
        &["verify", "--format", "csv"],
        &["verify", "--format", "json"],
        &["verify", "--format", "jsonl"],
        &["evidence", "--format", "csv"],
        &["evidence", "--format", "json"],
        &["inspect", "--format", "json"],
    ];
    for args in formats {
        // Standard error (the progress bar, with its own terminal codes) is left out.
        let command =
            format!("\"$PECKIT\" {} --trust \"$ROOT\" \"$MAIL\" 2>/dev/null", args.join(" "));
        let out = std::process::Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .env("PECKIT", &peckit_bin)
            .env("ROOT", test_root())
            .env("MAIL", &mail)
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        // The terminal writes each line break as CRLF (a CSV row ends in CRLF already).
        let shown =
            String::from_utf8_lossy(&out.stdout).replace("\r\r\n", "\n").replace("\r\n", "\n");
        let hidden: Vec<char> =
            shown.chars().filter(|&c| peckit::internals::is_hidden(c) && c != '\n').collect();
        assert!(hidden.is_empty(), "{args:?} on a terminal carries {hidden:?}:\n{shown}");
        assert!(shown.contains("a\\u001b[2Jx\\u202e.eml"), "{args:?}:\n{shown}");
        if args[2] == "json" {
            let doc = json(&shown);
            let text = doc.to_string();
            assert!(text.contains("a\\u001b[2Jx\u{202e}.eml"), "the same JSON once parsed: {text}");
        }
        // Into a pipe, the bytes are the file's name as it is.
        let (_, piped, _) = run(peckit().args(args).arg("--trust").arg(test_root()).arg(&mail));
        assert!(
            piped.contains("\u{1b}[2Jx") || piped.contains("\\u001b[2Jx"),
            "{args:?}:\n{piped}"
        );
    }
    for format in ["markdown", "html"] {
        let (_, doc, _) = run(peckit()
            .args(["evidence", "--format", format, "--trust"])
            .arg(test_root())
            .arg(&mail));
        assert!(!doc.contains('\u{1b}') && !doc.contains('\u{202e}'), "{format}:\n{doc}");
        assert!(doc.contains("u{1b}[2Jx") && doc.contains("u{202e}"), "{format}:\n{doc}");
    }
}

/// A usage error quotes the argument it refuses, which can be a file name from an archive
/// that a shell glob made into an option: on a terminal it is written without escape
/// sequences, its own or clap's colours (`script` gives peckit a terminal).
#[test]
fn a_usage_error_quoting_a_hostile_argument_reaches_a_terminal_without_escapes() {
    if std::process::Command::new("script").arg("--version").output().is_err() {
        eprintln!("SKIP: `script` (util-linux) is absent; the terminal is not simulated");
        return;
    }
    let out = std::process::Command::new("script")
        .args(["-qec", "\"$PECKIT\" verify \"$ARG\" a.eml", "/dev/null"])
        .env("PECKIT", assert_cmd::cargo::cargo_bin("peckit"))
        .env("ARG", "--format=\u{1b}]0;PWNED\u{7}\u{1b}[2J.eml")
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("invalid value"), "{shown}");
    assert!(!shown.contains('\u{1b}') && !shown.contains('\u{7}'), "{shown:?}");
}
