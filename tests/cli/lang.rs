//! Languages: --lang, LC_ALL / LC_MESSAGES / LANG; JSON never changes with the language.

use crate::common::*;

fn verify_table(cmd: &mut assert_cmd::Command) -> String {
    let (_, out, _) = run(cmd
        .arg("verify")
        .arg("--trust")
        .arg(test_root())
        .arg(samples().join("forged/notice-byte-changed.eml")));
    out
}

#[test]
fn lang_flag_switches_labels_and_messages() {
    let it = verify_table(peckit().args(["--lang", "it"]));
    assert!(it.contains("Esito") && it.contains("NON VALIDO"), "{it}");
    assert!(it.contains("contenuto alterato dopo la firma"), "{it}");
    assert!(it.contains("messaggi: 0 validi, 1 non validi"), "{it}");
    let en = verify_table(peckit().args(["--lang", "en"]));
    assert!(en.contains("Verdict") && en.contains("INVALID"), "{en}");
    // English shows the check's own message, not a fixed text per code.
    assert!(en.contains("content-altered: the signed bytes do not match"), "{en}");
    // The stable code is the same in both.
    assert!(it.contains("content-altered") && en.contains("content-altered"));
}

#[test]
fn locale_variables_pick_italian() {
    let out = verify_table(peckit().env("LANG", "it_IT.UTF-8"));
    assert!(out.contains("Esito"), "{out}");
    let out = verify_table(peckit().env("LANG", "it_IT.UTF-8").env("LC_ALL", "en_US.UTF-8"));
    assert!(out.contains("Verdict"), "LC_ALL wins over LANG: {out}");
    let out = verify_table(peckit().env("LANG", "C").env("LC_MESSAGES", "it_CH.UTF-8"));
    assert!(out.contains("Esito"), "{out}");
}

#[test]
fn json_is_the_same_in_every_language() {
    let run_json = |lang: &str| {
        let (_, out, _) = run(peckit()
            .args(["--lang", lang, "verify", "--format", "json", "--trust"])
            .arg(test_root())
            .arg(samples().join("accettazione.eml")));
        let mut v = json(&out);
        v["artefacts"][0]["signature"]["reference_time"] = serde_json::Value::Null;
        v
    };
    assert_eq!(run_json("it"), run_json("en"));
}

#[test]
fn per_file_errors_are_italian_too() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("vuoto.eml");
    std::fs::write(&empty, b"").unwrap();
    let (code, _, err) = run(peckit().args(["--lang", "it", "verify"]).arg(&empty));
    assert_eq!(code, 2);
    assert!(err.contains("vuoto.eml: file vuoto"), "{err}");
    let (_, _, err) = run(peckit().args(["--lang", "en", "verify"]).arg(&empty));
    assert!(err.contains("vuoto.eml: empty input"), "{err}");
}

/// Tables laid out for an 80-column terminal stay within 80 columns, piped or not
/// (`$COLUMNS` stands for the terminal's width when stdout is not one): every line of
/// `verify`, and the drawn tables of the other commands (their free-text lines, such as the
/// signer's name, are not wrapped).
#[test]
fn tables_fit_80_columns() {
    let runs: [Vec<std::ffi::OsString>; 4] = [
        vec![
            "verify".into(),
            "--trust".into(),
            test_root().into(),
            samples().join("forged").into(),
        ],
        vec!["inspect".into(), samples().join("avvenuta-consegna-completa.eml").into()],
        vec![
            "evidence".into(),
            "--trust".into(),
            test_root().into(),
            samples().join("thread").into(),
        ],
        vec!["trust".into(), "list".into()],
    ];
    for (lang, args) in ["it", "en"].iter().flat_map(|l| runs.iter().map(move |a| (l, a))) {
        let (_, out, _) = run(peckit().env("COLUMNS", "80").args(["--lang", lang]).args(args));
        let every_line = args[0] == "verify";
        let checked: Vec<&str> = out
            .lines()
            .filter(|l| every_line || l.starts_with(['│', '┌', '└', '╞', '├']))
            .collect();
        assert!(checked.len() > 3, "{args:?}: {out}");
        for line in checked {
            let width = line.chars().count();
            assert!(width <= 80, "{lang} {args:?}: {width} columns:\n{line}");
        }
    }
}
