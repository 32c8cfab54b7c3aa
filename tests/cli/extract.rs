//! peckit extract: byte-exact, inside the folder, never overwriting, with a manifest.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::common::*;

fn sha(p: &Path) -> String {
    hex::encode(Sha256::digest(std::fs::read(p).unwrap()))
}

fn sums() -> std::collections::BTreeMap<String, String> {
    std::fs::read_to_string(samples().join("inputs/SHA256SUMS"))
        .unwrap()
        .lines()
        .map(|l| {
            let (h, n) = l.split_once("  ").unwrap();
            (n.to_string(), h.to_string())
        })
        .collect()
}

fn extract(file: &str, out: &Path, extra: &[&str]) -> (i32, String, String) {
    run(peckit()
        .arg("extract")
        .arg(samples().join(file))
        .arg("-o")
        .arg(out)
        .args(["--trust"])
        .arg(test_root())
        .args(extra))
}

#[test]
fn envelope_extraction_is_byte_exact_with_a_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("busta");
    let (code, _, err) = extract("posta-certificata.eml", &out, &[]);
    assert_eq!(code, 0, "{err}");
    let sums = sums();
    assert_eq!(sha(&out.join("postacert.eml")), sums["postacert.eml"]);
    assert_eq!(sha(&out.join("atto.pdf")), sums["atto.pdf"]);
    assert_eq!(
        sha(&out.join("atto n° 1 – città.txt")),
        sums["atto n° 1 – città.txt"],
        "non-ASCII name round-trips"
    );
    assert!(out.join("daticert.xml").exists() && out.join("smime.p7s").exists());
    let chain = std::fs::read_to_string(out.join("signer-chain.pem")).unwrap();
    assert_eq!(chain.matches("BEGIN CERTIFICATE").count(), 2, "signer and intermediate");
    let body = std::fs::read_to_string(out.join("body.txt")).unwrap();
    assert!(body.contains("si trasmette in allegato"));
    let manifest = json(&std::fs::read_to_string(out.join("manifest.json")).unwrap());
    assert_eq!(manifest["verdict"], "valid");
    assert_eq!(manifest["kind"], "posta-certificata");
    for f in manifest["files"].as_array().unwrap() {
        let p = out.join(f["path"].as_str().unwrap());
        assert_eq!(sha(&p), f["sha256"].as_str().unwrap(), "{p:?}");
        assert_eq!(std::fs::metadata(&p).unwrap().len(), f["size"].as_u64().unwrap());
        assert!(f["mime_path"].as_str().unwrap().contains(':'));
    }
    let memo = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "atto n° 1 – città.txt")
        .unwrap();
    assert_eq!(memo["original_name"], "atto n° 1 – città.txt");
}

/// Extracted files are ordinary files: the mode the user's umask gives any new file, not the
/// private 0600 of the temporary file they are written through.
#[cfg(unix)]
#[test]
fn extracted_files_get_the_umask_s_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let probe = dir.path().join("probe");
    std::fs::write(&probe, b"x").unwrap();
    let usual = std::fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
    let out = dir.path().join("busta");
    let (code, table, err) = extract("posta-certificata.eml", &out, &[]);
    assert_eq!(code, 0, "{err}");
    for entry in std::fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, usual, "{}: {mode:o} instead of {usual:o}", path.display());
    }
    // The table says what its columns are, and that the hash is cut.
    assert!(table.lines().any(|l| l.contains("SHA-256") && l.contains("bytes")), "{table}");
    assert!(table.lines().any(|l| l.contains("…  postacert.eml")), "{table}");
}

#[test]
fn hostile_names_land_inside_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x");
    let (code, _, err) = extract("posta-certificata-nomi-ostili.eml", &out, &[]);
    assert_eq!(code, 0, "{err}");
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for expected in ["x", "x (2)", "x (3)", "_CON", "b", "atto.pdf", "atto (2).pdf"] {
        assert!(names.contains(&expected.to_string()), "{expected} missing from {names:?}");
    }
    assert!(
        names.iter().any(|n| n.ends_with(".pdf") && n.len() <= 200 && n.starts_with("nnnn")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.starts_with("allegato-")),
        "empty name gets a generated one: {names:?}"
    );
    // Nothing escaped: the parent holds only the output folder.
    let parent: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(parent.len(), 1);
    assert!(
        !Path::new("/etc/x").exists()
            || sha(Path::new("/etc/x")) != hex::encode(Sha256::digest(b"absolute"))
    );
    let manifest = json(&std::fs::read_to_string(out.join("manifest.json")).unwrap());
    let originals: Vec<&str> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["original_name"].as_str())
        .collect();
    assert!(originals.contains(&"../../x") && originals.contains(&"C:\\x"), "{originals:?}");
}

#[test]
fn existing_files_are_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("busta");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("postacert.eml"), b"mine").unwrap();
    let (code, _, err) = extract("posta-certificata.eml", &out, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("already exists") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(out.join("postacert.eml")).unwrap(), b"mine");
    let (code, _, err) = extract("posta-certificata.eml", &out, &["--force"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(sha(&out.join("postacert.eml")), sums()["postacert.eml"]);
}

#[test]
fn breve_hash_files_are_listed_with_their_digests() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("breve");
    let (code, stdout, err) = extract("avvenuta-consegna-breve.eml", &out, &["--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let manifest = json(&stdout);
    let hashes = manifest["hash_files"].as_array().unwrap();
    assert_eq!(hashes.len(), 2);
    let pdf = hashes.iter().find(|h| h["attachment_name"] == "atto.pdf").unwrap();
    let digests: Vec<&str> =
        pdf["digests"].as_array().unwrap().iter().map(|d| d["hex"].as_str().unwrap()).collect();
    assert!(digests.contains(&sums()["atto.pdf"].as_str()), "{digests:?}");
}

#[test]
fn invalid_artefacts_are_extracted_with_a_warning_or_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("f");
    let (code, _, err) = extract("forged/notice-byte-changed.eml", &out, &[]);
    assert_eq!(code, 1);
    assert!(err.contains("FAILED verification"), "{err}");
    assert!(out.join("daticert.xml").exists());
    let out2 = dir.path().join("g");
    let (code, _, _) = extract("forged/notice-byte-changed.eml", &out2, &["--require-valid"]);
    assert_eq!(code, 1);
    assert!(!out2.exists(), "nothing written with --require-valid");
}

/// What failed is outside the signature (a changed unsigned header, a certificate added to
/// the signature's set): the signed part is certified, and extract says so, as verify does;
/// an altered signed part is not (review 22).
#[test]
fn extract_says_certified_only_of_a_certified_signed_part() {
    let dir = tempfile::tempdir().unwrap();
    for (i, file) in
        ["forged/x-ricevuta-changed.eml", "forged/certificato-civetta.eml"].iter().enumerate()
    {
        let (code, _, err) = extract(file, &dir.path().join(i.to_string()), &[]);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains("the content extracted from it (daticert.xml"), "{err}");
        assert!(
            err.contains("signature files (smime.p7s, signer-chain.pem) are extracted as found")
        );
        assert!(!err.contains("is not certified"), "{err}");
    }
    let (code, _, err) = extract("forged/notice-byte-changed.eml", &dir.path().join("x"), &[]);
    assert_eq!(code, 1);
    assert!(err.contains("what is extracted is not certified"), "{err}");
    // Refused with --require-valid: nothing is said to be extracted.
    let (_, _, err) =
        extract("forged/x-ricevuta-changed.eml", &dir.path().join("y"), &["--require-valid"]);
    assert!(err.contains("nothing extracted (--require-valid)"), "{err}");
}

#[test]
fn original_to_stdout_and_nested_folders() {
    let (code, out, _) = run(peckit()
        .args(["extract", "--only", "original", "-o", "-"])
        .arg(samples().join("posta-certificata.eml")));
    assert_eq!(code, 1, "default trust does not know the test root");
    assert_eq!(hex::encode(Sha256::digest(out.as_bytes())), sums()["postacert.eml"]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("n");
    let (code, _, err) = extract("anomalia-annidata.eml", &out, &[]);
    assert_eq!(code, 0, "{err}");
    // The anomaly's original is a whole envelope: it is written as postacert.eml and its
    // parts (the inner signed entity's attachments) are not mixed into the top folder.
    assert!(out.join("postacert.eml").exists());
}

#[test]
fn several_inputs_get_one_subfolder_each() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(peckit()
        .arg("extract")
        .arg(samples().join("accettazione.eml"))
        .arg(samples().join("posta-certificata.eml"))
        .arg("-o")
        .arg(dir.path())
        .arg("--trust")
        .arg(test_root()));
    assert_eq!(code, 0, "{err}");
    assert!(dir.path().join("accettazione/daticert.xml").exists());
    assert!(dir.path().join("posta-certificata/atto.pdf").exists());
}

/// `--format json` is closed even when a later input stops the run: what was extracted is
/// listed, then the error is said (exit 2). Each manifest is written as its artefact is done.
#[test]
fn the_json_of_manifests_is_whole_when_a_later_input_fails() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run(peckit()
        .args(["extract", "--format", "json", "--trust"])
        .arg(test_root())
        .arg("-o")
        .arg(dir.path().join("out"))
        .arg(samples().join("thread"))
        .arg("imaps://"));
    assert_eq!(code, 2, "{err}");
    let manifests = json(&out);
    let listed = manifests.as_array().map(Vec::len).unwrap_or(0);
    assert!(listed >= 2, "the thread's manifests are listed: {out}");
    assert!(!err.is_empty(), "the failing input is named");
}

/// Two inputs of one name get a folder each (`ricevuta`, `ricevuta (2)`), with or without
/// `--force`: one input never writes into another's folder.
#[test]
fn inputs_of_the_same_name_get_a_folder_each() {
    let dir = tempfile::tempdir().unwrap();
    for (shard, sample_name) in [("a", "accettazione.eml"), ("b", "presa-in-carico.eml")] {
        std::fs::create_dir(dir.path().join(shard)).unwrap();
        std::fs::write(dir.path().join(shard).join("ricevuta.eml"), sample(sample_name)).unwrap();
    }
    for force in [false, true] {
        let out = dir.path().join(format!("out-{force}"));
        let mut cmd = peckit();
        cmd.args(["extract", "--format", "json", "--trust"])
            .arg(test_root())
            .arg(dir.path().join("a/ricevuta.eml"))
            .arg(dir.path().join("b/ricevuta.eml"))
            .arg("-o")
            .arg(&out);
        if force {
            cmd.arg("--force");
        }
        let (code, stdout, err) = run(&mut cmd);
        assert_eq!(code, 0, "{err}");
        let manifests = json(&stdout);
        assert_eq!(manifests.as_array().unwrap().len(), 2, "{stdout}");
        let kind = |folder: &str| {
            let m = std::fs::read_to_string(out.join(folder).join("manifest.json")).unwrap();
            json(&m)["kind"].as_str().unwrap().to_string()
        };
        assert_eq!(kind("ricevuta"), "accettazione");
        assert_eq!(kind("ricevuta (2)"), "presa-in-carico");
    }
}

/// `--format json` prints an array whenever several inputs are given, even when only one of
/// them could be extracted, and one manifest alone for one input of one message.
#[test]
fn json_is_an_array_for_several_inputs_however_many_are_extracted() {
    let dir = tempfile::tempdir().unwrap();
    let (_, stdout, _) = run(peckit()
        .args(["extract", "--format", "json", "--trust"])
        .arg(test_root())
        .arg(samples().join("accettazione.eml"))
        .arg(samples().join("forged/empty.eml"))
        .arg("-o")
        .arg(dir.path().join("two")));
    assert_eq!(json(&stdout).as_array().map(Vec::len), Some(1), "{stdout}");
    let (_, stdout, _) = run(peckit()
        .args(["extract", "--format", "json", "--trust"])
        .arg(test_root())
        .arg(samples().join("accettazione.eml"))
        .arg("-o")
        .arg(dir.path().join("one")));
    assert!(json(&stdout).is_object(), "{stdout}");
}

/// Review 12: an anomaly envelope has no daticert of its own, and an attachment of the
/// original named `daticert.xml` took that name beside the provider's signature. peckit's
/// own names are never an attachment's.
#[test]
fn an_attachment_never_takes_one_of_peckit_s_own_names() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x");
    let (code, _, err) = extract("anomalia-annidata.eml", &out, &[]);
    assert!(code == 0 || code == 1, "{err}");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let files = manifest["files"].as_array().unwrap();
    let role_of = |name: &str| {
        files.iter().find(|f| f["path"] == name).map(|f| f["role"].as_str().unwrap().to_string())
    };
    assert_eq!(role_of("daticert.xml"), None, "{files:#?}");
    assert_eq!(role_of("smime.p7s").as_deref(), Some("signature"));
    assert_eq!(role_of("daticert (2).xml").as_deref(), Some("attachment"), "{files:#?}");
    assert_eq!(role_of("smime (2).p7s").as_deref(), Some("attachment"), "{files:#?}");
}

/// Review 12: extract left out the REM evidence, the very proof.
#[test]
fn a_rem_evidence_is_extracted_as_its_provider_signed_it() {
    let dir = tempfile::tempdir().unwrap();
    for (file, mime_path) in
        [("rem/dispatch.eml", "signed:1.2"), ("rem/evidenza-accettazione.xml", "file")]
    {
        let out = dir.path().join(file.replace('/', "_"));
        let (code, _, err) = extract(file, &out, &[]);
        assert_eq!(code, 0, "{file}: {err}");
        let manifest: serde_json::Value =
            serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
        let evidence = manifest["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["role"] == "evidence")
            .unwrap_or_else(|| panic!("{file}: {manifest:#}"))
            .clone();
        assert_eq!(evidence["path"], "evidence.xml");
        assert_eq!(evidence["mime_path"], mime_path, "{file}");
        let written = std::fs::read(out.join("evidence.xml")).unwrap();
        assert_eq!(evidence["sha256"], sha(&out.join("evidence.xml")));
        // The evidence verifies on its own, as extracted.
        let (code, _, err) = run(peckit()
            .args(["verify", "--trust"])
            .arg(test_root())
            .arg(out.join("evidence.xml")));
        assert_eq!(code, 0, "{file}: {err}");
        if mime_path == "file" {
            assert_eq!(written, sample(file));
        }
    }
}

/// Review 12: errors in English under --lang it, "quanto estratto" said of nothing extracted,
/// and `--only original` of a receipt that was exit 0 with an empty folder (exit 2 with -o -).
#[test]
fn extract_says_in_italian_what_it_could_not_do() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("un-file");
    std::fs::write(&file, b"x").unwrap();
    let (code, _, err) = extract("accettazione.eml", &file, &["--lang", "it"]);
    assert_eq!(code, 2);
    assert!(err.contains("non è una cartella"), "{err}");

    let out = dir.path().join("solo-originale");
    let (code, _, err) = extract("accettazione.eml", &out, &["--lang", "it", "--only", "original"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--only original: questo elemento non contiene nulla"), "{err}");
    assert!(!out.exists(), "no empty folder is left behind");

    let out = dir.path().join("rifiutato");
    let (code, _, err) =
        extract("forged/bad-signature.eml", &out, &["--lang", "it", "--require-valid"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("nulla è stato estratto (--require-valid)"), "{err}");
    assert!(!err.contains("quanto estratto"), "{err}");
}

/// An anomaly envelope is valid, but what it carries was certified by no one: extracting it
/// says so (review 16: postacert.eml came out as if it were a certified original).
#[test]
fn extracting_an_anomaly_envelope_says_its_content_is_not_certified() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(peckit()
        .args(["--lang", "it", "extract", "--trust"])
        .arg(test_root())
        .arg(samples().join("anomalia.eml"))
        .arg("-o")
        .arg(dir.path().join("x")));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("è una busta di anomalia"), "{err}");
    assert!(err.contains("NON è un messaggio certificato"), "{err}");
    let (_, _, err) = run(peckit()
        .args(["extract", "--trust"])
        .arg(test_root())
        .arg(samples().join("posta-certificata.eml"))
        .arg("-o")
        .arg(dir.path().join("y")));
    assert!(!err.contains("anomaly"), "{err}");
}
