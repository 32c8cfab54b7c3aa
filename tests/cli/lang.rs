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
    assert!(it.contains("il contenuto coperto dalla firma"), "{it}");
    // Nouns agree with their numbers.
    assert!(it.contains("1 elemento esaminato: 0 validi, 1 non valido, 0 errori"), "{it}");
    let en = verify_table(peckit().args(["--lang", "en"]));
    assert!(en.contains("Verdict") && en.contains("INVALID"), "{en}");
    assert!(en.contains("1 artefact: 0 valid, 1 invalid, 0 errors"), "{en}");
    // English shows the check's own message, not a fixed text per code.
    assert!(en.contains("content-altered: the signed bytes do not match"), "{en}");
    // The stable code is the same in both.
    assert!(it.contains("content-altered") && en.contains("content-altered"));
    // The summary's problem table (several files) says what each code means, in the
    // reader's language.
    let table = |lang: &str| {
        run(peckit()
            .args(["--lang", lang, "verify", "--trust"])
            .arg(test_root())
            .arg(samples().join("forged/notice-byte-changed.eml"))
            .arg(samples().join("accettazione.eml")))
        .1
    };
    let (it, en) = (table("it"), table("en"));
    assert!(it.contains("Significato") && it.contains("contenuto alterato dopo la firma"), "{it}");
    assert!(en.contains("Meaning") && en.contains("content altered"), "{en}");
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

/// What is not a PEC artefact gets its kind in words in the human outputs (table, stats,
/// `--explain`, the evidence page); JSON keeps the stable names.
#[test]
fn kinds_that_are_not_pec_are_said_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("vuoto.eml");
    std::fs::write(&empty, b"").unwrap();
    let inputs = [empty, samples().join("non-pec.eml"), samples().join("tipo-sconosciuto.eml")];
    let human = |lang: &str, args: &[&str]| {
        let (_, out, _) = run(peckit()
            .args(["--lang", lang])
            .args(args)
            .arg("--trust")
            .arg(test_root())
            .args(&inputs)
            .env("COLUMNS", "200"));
        out
    };
    for args in [&["verify"][..], &["verify", "--explain"], &["evidence", "--format", "markdown"]] {
        let it = human("it", args);
        for words in ["illeggibile", "non PEC", "tipo sconosciuto"] {
            assert!(it.contains(words), "{args:?}: {words:?} missing:\n{it}");
        }
        for name in ["unreadable ·", "not-pec ·", "unknown ·", ": not-pec\n", "| not-pec |"] {
            assert!(!it.contains(name), "{args:?}: {name:?} in Italian:\n{it}");
        }
        let en = human("en", args);
        assert!(en.contains("not PEC") && en.contains("unknown kind"), "{args:?}:\n{en}");
    }
    let (_, out, _) =
        run(peckit().args(["--lang", "it", "verify", "--format", "json"]).args(&inputs));
    let kinds: Vec<_> = json(&out)["artefacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["kind"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(kinds, ["unreadable", "not-pec", "unknown"]);
}

/// A file named by a flag that cannot be used is said once, in the user's language.
#[test]
fn a_flag_file_that_cannot_be_read_is_said_once_in_the_users_language() {
    let missing = "/nonexistent/peckit-anchors.pem";
    let accettazione = samples().join("accettazione.eml");
    let it = |flag: &str, value: &std::path::Path| {
        let (code, _, err) =
            run(peckit().args(["--lang", "it", "verify", flag]).arg(value).arg(&accettazione));
        assert_eq!(code, 2, "{err}");
        err
    };
    let err = it("--trust", std::path::Path::new(missing));
    assert!(
        err.contains(&format!(
            "impossibile caricare le autorità fidate da {missing}: file o cartella inesistente"
        )),
        "{err}"
    );
    let err = it("--crl", std::path::Path::new(missing));
    assert!(
        err.contains(&format!(
            "impossibile caricare le CRL da {missing}: file o cartella inesistente"
        )),
        "{err}"
    );
    let readme = samples().join("README.md");
    let err = it("--trust", &readme);
    assert!(err.contains("nessun certificato trovato (atteso PEM o DER)"), "{err}");
    let empty = tempfile::tempdir().unwrap();
    let err = it("--crl", empty.path());
    assert!(err.contains("nessuna CRL trovata (.crl, .pem o .der)"), "{err}");
    // The built-in anchors must not hide a folder of anchors that holds none.
    let err = it("--trust", empty.path());
    assert!(
        err.contains("nessun file di certificato nella cartella (.pem, .crt, .cer o .der;"),
        "{err}"
    );
    let (code, _, err) = run(peckit()
        .args(["--lang", "en", "verify", "--trust"])
        .arg(empty.path())
        .arg(&accettazione));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no certificate file in this folder"), "{err}");
    let err = it("--crl", &readme);
    let readme_name = readme.display().to_string();
    assert!(err.contains("non è una CRL") || err.contains("nessuna CRL nel file"), "{err}");
    assert_eq!(err.matches(&readme_name).count(), 1, "the path once: {err}");
    let (code, _, err) =
        run(peckit().args(["--lang", "en", "verify", "--trust", missing]).arg(&accettazione));
    assert_eq!(code, 2);
    assert_eq!(err.matches("os error 2").count(), 1, "the cause once: {err}");
    assert_eq!(err.matches(missing).count(), 1, "the path once: {err}");
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

/// Every English message and note peckit produces for the thread samples, the forged ones
/// (PEC and REM) and the REM ones (the JSON keeps them) is absent from every Italian page
/// (verify, --explain, inspect, evidence in every format for people): Italian
/// readers get Italian words, down to the detail that ends a message.
#[test]
fn italian_outputs_carry_no_english_message() {
    for folder in [samples().join("thread"), samples().join("forged"), samples().join("rem")] {
        let english = english_messages(&folder);
        let probes: Vec<String> = english.iter().flat_map(|m| english_words(m)).collect();
        assert!(probes.len() >= 4, "too few messages to check: {english:?}");
        let italian = |args: &[&str]| {
            let (_, out, _) = run(peckit()
                .args(["--lang", "it"])
                .args(args)
                .arg("--trust")
                .arg(test_root())
                .arg(&folder));
            out
        };
        for page in [
            italian(&["verify"]),
            italian(&["verify", "--explain"]),
            italian(&["inspect"]),
            italian(&["evidence"]),
            italian(&["evidence", "--format", "markdown"]),
            italian(&["evidence", "--format", "html"]),
        ] {
            // Runs of four words of the messages' own text (not their data: addresses, dates,
            // codes): tables wrap and shorten long texts.
            for probe in &probes {
                assert!(!page.contains(probe), "English {probe:?} in an Italian page:\n{page}");
            }
        }
    }
}

/// The English problem messages of `verify` and notes of `evidence` for a folder.
fn english_messages(folder: &std::path::Path) -> Vec<String> {
    let (_, out, _) =
        run(peckit().args(["verify", "--format", "json", "--trust"]).arg(test_root()).arg(folder));
    let mut english: Vec<String> = Vec::new();
    for a in json(&out)["artefacts"].as_array().unwrap() {
        for p in a["problems"].as_array().unwrap() {
            english.push(p["message"].as_str().unwrap().to_string());
        }
    }
    let (_, out, _) = run(peckit()
        .args(["evidence", "--format", "json", "--trust"])
        .arg(test_root())
        .arg(folder));
    for m in json(&out)["messages"].as_array().unwrap() {
        for r in m["recipients"].as_array().unwrap() {
            for n in r["notes"].as_array().unwrap() {
                english.push(n.as_str().unwrap().to_string());
            }
        }
    }
    english
}

/// Every run of four consecutive plain words of a message, as they stand in it.
fn english_words(message: &str) -> Vec<String> {
    let words: Vec<&str> = message.split(' ').collect();
    words
        .windows(4)
        .filter(|w| {
            w.iter()
                .all(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_alphabetic() || c == '\''))
        })
        .map(|w| w.join(" "))
        .collect()
}

/// `verify --explain` says everything about a file; data from a file whose signature did not
/// verify is never called certified, in the explanation or in the table.
#[test]
fn explain_shows_the_chain_and_never_calls_unverified_data_certified() {
    let altered = samples().join("forged/notice-byte-changed.eml");
    let (code, out, err) = run(peckit()
        .args(["--lang", "it", "verify", "--explain", "--trust"])
        .arg(test_root())
        .arg(&altered));
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("Dichiarato in daticert.xml, NON verificato"), "{out}");
    assert!(!out.contains("Dati certificati"), "{out}");
    assert!(out.contains("NON valida (content-altered)"), "{out}");
    assert!(out.contains("il contenuto coperto dalla firma non corrisponde più"), "{out}");
    // The chain in full: each certificate's serial and fingerprint.
    assert_eq!(out.matches("SHA-256: ").count(), 3, "{out}");
    assert_eq!(out.matches("numero di serie: ").count(), 3, "{out}");
    let (_, out, _) = run(peckit()
        .args(["--lang", "en", "verify", "--explain", "--trust"])
        .arg(test_root())
        .arg(samples().join("accettazione.eml")));
    assert!(out.contains("Certified data (signed daticert.xml, signature verified)"), "{out}");
    assert!(out.contains("valid over the signed bytes"), "{out}");
    // The table: the altered file's time is not shown as a certified time.
    let (_, table, _) = run(peckit()
        .env("COLUMNS", "80")
        .args(["--lang", "it", "verify", "--trust"])
        .arg(test_root())
        .arg(&altered)
        .arg(samples().join("accettazione.eml")));
    let rows: Vec<&str> =
        table.lines().filter(|l| l.contains(" · ") && !l.contains("Data certificata")).collect();
    // The cell is the certified date's (feminine): "non verificata".
    assert!(rows[0].contains("(non verificata)"), "{table}");
    assert!(!rows[1].contains("(non verificata)") && rows[1].contains(" +01:00 ·"), "{table}");
}

/// inspect heads the daticert column "signed" only when the signature verified and chained.
#[test]
fn inspect_never_calls_unverified_daticert_signed() {
    let inspect = |file: &str, trust: bool| {
        let mut cmd = peckit();
        cmd.env("COLUMNS", "200").args(["--lang", "it", "inspect"]);
        if trust {
            cmd.arg("--trust").arg(test_root());
        }
        run(cmd.arg(samples().join(file))).1
    };
    let good = inspect("accettazione.eml", true);
    assert!(good.contains("Firmato (daticert.xml)"), "{good}");
    for (file, trust) in [
        ("forged/notice-byte-changed.eml", true),
        ("accettazione.eml", false),
        // Intact and trusted, but the signer may not sign, or the daticert is ambiguous.
        ("forged/wrong-usage.eml", true),
        ("forged/daticert-mittente-doppio.eml", true),
    ] {
        let out = inspect(file, trust);
        assert!(out.contains("Dichiarato in daticert.xml, NON verificato"), "{file}: {out}");
        assert!(!out.contains("Firmato (daticert.xml)"), "{file}: {out}");
    }
    let (_, json_out, _) = run(peckit()
        .args(["inspect", "--format", "json", "--trust"])
        .arg(test_root())
        .arg(samples().join("forged/notice-byte-changed.eml")));
    assert_eq!(json(&json_out)["artefacts"][0]["signature_verified"], false);
    // Errors about what lies outside the signed entity leave its data certified.
    let wrapped = inspect("forged/wrapped-fake-daticert.eml", true);
    assert!(wrapped.contains("Firmato (daticert.xml)"), "{wrapped}");
}

/// An error that undermines the signer or the signed data (cert-usage, an ambiguous
/// daticert, a signer outside its authority's register) takes "certified" away everywhere:
/// --explain, the table's time and the CSV's certified time.
#[test]
fn data_under_a_fatal_signer_or_daticert_error_is_never_called_certified() {
    for file in [
        "forged/wrong-usage.eml",
        "forged/daticert-mittente-doppio.eml",
        "forged/registro-gestore-non-iscritto.eml",
    ] {
        let path = samples().join(file);
        let (code, out, _) = run(peckit()
            .args(["--lang", "en", "verify", "--explain", "--trust"])
            .arg(test_root())
            .arg(&path));
        assert_eq!(code, 1);
        assert!(out.contains("Stated in daticert.xml, NOT verified"), "{file}: {out}");
        assert!(!out.contains("Certified data"), "{file}: {out}");
        let (_, table, _) = run(peckit()
            .env("COLUMNS", "200")
            .args(["verify", "--trust"])
            .arg(test_root())
            .arg(&path));
        assert!(table.contains("(not verified)"), "{file}: {table}");
        let (_, csv, _) = run(peckit()
            .args(["verify", "--format", "csv", "--trust"])
            .arg(test_root())
            .arg(&path));
        let row: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
        assert_eq!(&row[1..4], ["invalid", "accettazione", ""], "{file}: {row:?}");
        assert_eq!(&row[5..7], ["", ""], "{file}: certified times {row:?}");
    }
}

/// inspect says its problems in the reader's language, as verify does.
#[test]
fn inspect_problems_are_in_italian() {
    let (_, out, _) = run(peckit()
        .args(["--lang", "it", "inspect", "--trust"])
        .arg(test_root())
        .arg(samples().join("forged/truncated.eml")));
    assert!(out.contains("malformed: la parte smime.p7s non è base64 valido"), "{out}");
    assert!(!out.contains("is not valid base64"), "{out}");
}

/// A value of `--at` that is not an instant is said in the user's language, without the
/// parser's English words.
#[test]
fn a_wrong_at_is_said_in_italian() {
    let (code, _, err) = run(peckit()
        .args(["--lang", "it", "verify", "--at", "ieri"])
        .arg(samples().join("accettazione.eml")));
    assert_eq!(code, 2);
    assert_eq!(
        err.trim_end(),
        "peckit: --at «ieri» non è un istante RFC 3339 (per esempio 2024-05-01T12:00:00Z)"
    );
}

/// inspect never labels an unsigned header as certified: the date row is "Data" (the columns
/// say signed or claimed), a file without daticert says so, and a receipt's own Message-ID
/// is not set beside the identificativo it is not meant to equal.
#[test]
fn inspect_labels_no_claim_as_certified() {
    let (_, out, _) =
        run(peckit().args(["--lang", "it", "inspect"]).arg(samples().join("anomalia.eml")));
    assert!(out.contains("Nessun daticert.xml firmato: qui non ci sono dati certificati"), "{out}");
    assert!(!out.contains("Data certificata"), "{out}");
    let (_, out, _) =
        run(peckit().args(["--lang", "it", "inspect"]).arg(samples().join("accettazione.eml")));
    let row = out.lines().find(|l| l.contains("Identificativo")).unwrap();
    assert!(!row.contains('<'), "a receipt's Message-ID beside its identificativo: {row}");
    assert!(!out.contains("Nessun daticert.xml"), "{out}");
}

/// `verify --explain` says what a receipt proves in law, from certified data only.
#[test]
fn explain_says_what_a_receipt_proves() {
    let explain = |file: &str| {
        run(peckit()
            .args(["--lang", "it", "verify", "--explain", "--trust"])
            .arg(test_root())
            .arg(samples().join(file)))
        .1
    };
    let out = explain("accettazione.eml");
    assert!(out.contains("Cosa prova: il messaggio è stato SPEDITO"), "{out}");
    let out = explain("avvenuta-consegna-breve.eml");
    assert!(
        out.contains("Cosa prova: il messaggio è stato CONSEGNATO al destinatario anna.bianchi@pec.beta.example"),
        "{out}"
    );
    let out = explain("forged/daticert-swapped.eml");
    assert!(out.contains("Cosa prova: nulla, perché ciò che dichiara non è certificato"), "{out}");
}

/// The lawyer's shell in Italian: help pages and usage errors too, by flag or by locale.
#[test]
fn help_and_usage_errors_are_italian() {
    let (code, out, _) = run(peckit().args(["--lang", "it", "verify", "--help"]));
    assert_eq!(code, 0);
    for italian in ["Verifica l'autenticità dei messaggi PEC", "Uso: peckit verify", "Opzioni:"] {
        assert!(out.contains(italian), "{italian:?} missing from:\n{out}");
    }
    assert!(!out.contains("Usage:") && !out.contains("Options:"), "{out}");
    let (_, out, _) = run(peckit().env("LANG", "it_IT.UTF-8").args(["help", "evidence"]));
    assert!(out.contains("Riepilogo probatorio") && out.contains("Esempi:"), "{out}");
    let (code, _, err) = run(peckit().env("LANG", "it_IT.UTF-8").args(["verify", "--formt", "x"]));
    assert_eq!(code, 2);
    assert!(err.contains("errore: argomento inatteso '--formt'"), "{err}");
    // English stays English, flag over locale.
    let (_, out, _) = run(peckit().env("LANG", "it_IT.UTF-8").args(["--lang", "en", "-h"]));
    assert!(out.contains("Usage: peckit") && !out.contains("Uso:"), "{out}");
    let (code, _, err) = run(peckit().args(["verify", "--formt", "x"]));
    assert_eq!(code, 2);
    assert!(err.contains("error: unexpected argument '--formt'"), "{err}");
}

/// An invalid file whose signed part is intact proves nothing, and says what that part says
/// as that part's (review 16: "NON VALIDO" beside "the message was SENT").
#[test]
fn an_invalid_file_proves_nothing_even_when_its_signed_part_is_intact() {
    for lang in ["it", "en"] {
        let (code, out, _) = run(peckit()
            .args(["--lang", lang, "verify", "--explain", "--trust"])
            .arg(test_root())
            .arg(samples().join("forged/x-ricevuta-changed.eml")));
        assert_eq!(code, 1);
        let proves = out.lines().find(|l| l.contains("Cosa prova") || l.contains("What it proves"));
        let proves = proves.unwrap_or_else(|| panic!("{out}"));
        assert!(
            proves.contains("nulla, perché il file non è valido; la sua parte firmata")
                || proves.contains("nothing, as the file is invalid; its signed part"),
            "{proves}"
        );
    }
}

/// Mail text inside an Italian sentence is quoted «…», a line break shown as ⏎, not in
/// Rust's `"…\n"` (review 16).
#[test]
fn italian_sentences_quote_mail_text_with_guillemets() {
    let (_, out, _) = run(peckit()
        .args(["--lang", "it", "verify", "--explain", "--trust"])
        .arg(test_root())
        .arg(samples().join("accettazione-oggetto-csv.eml")));
    let line =
        out.lines().find(|l| l.contains("subject-mismatch")).unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("«Fattura 12, \"saldo\" finale⏎seconda riga»"), "{line}");
    assert!(!line.contains("\\\"") && !line.contains("\\n"), "{line}");
}

/// The envelope states the acceptance time, but the sending is proved by the acceptance
/// receipt: --explain says both, so it does not contradict evidence's "not attested by a
/// verified receipt" (review 22).
#[test]
fn the_envelope_explanation_does_not_claim_to_prove_the_sending() {
    for (lang, says) in [
        ("it", "secondo la busta (la spedizione si prova con la ricevuta di accettazione)"),
        ("en", "as the envelope states (the acceptance receipt is what proves the sending)"),
    ] {
        let (code, out, _) = run(peckit()
            .args(["--lang", lang, "verify", "--explain", "--trust"])
            .arg(test_root())
            .arg(samples().join("posta-certificata.eml")));
        assert_eq!(code, 0, "{out}");
        let line = out.lines().find(|l| l.contains(says)).unwrap_or_else(|| panic!("{out}"));
        assert!(line.contains("mario.rossi@pec.alfa.example"), "{line}");
    }
}

/// The errors of the binary's edge are Italian too, and a zip that cannot be read is said
/// to be one, not a failure of the system (review 22).
#[test]
fn option_and_container_errors_are_italian() {
    let dir = tempfile::tempdir().unwrap();
    let said = |args: &[&str]| {
        let (code, _, err) =
            run(peckit().current_dir(dir.path()).args(["--lang", "it"]).args(args));
        assert_eq!(code, 2, "{args:?}: {err}");
        err
    };
    let accettazione = samples().join("accettazione.eml");
    let one = accettazione.to_str().unwrap();
    assert!(said(&["extract", "-o", "-", one]).contains("richiede --only original"));
    assert!(said(&["verify", "--files-from", "assente.txt"]).contains("lettura di --files-from"));
    assert!(said(&["verify", "--glob", "[", one]).contains("modello non valido"));
    assert!(
        said(&["evidence", "--originals", "assente", one])
            .contains("--originals assente: non è una cartella")
    );
    std::fs::write(dir.path().join("tagliato.zip"), b"PK\x03\x04 cut short").unwrap();
    let err = said(&["verify", "tagliato.zip"]);
    assert!(err.contains("non è un archivio zip leggibile"), "{err}");
    assert!(!err.contains("errore di lettura del sistema"), "{err}");
}

/// The daticert `errore` is said in words by --explain and inspect, as evidence says it,
/// its DTD value after them (review 22).
#[test]
fn the_delivery_error_is_said_in_words_everywhere() {
    for command in [&["verify", "--explain"][..], &["inspect"][..]] {
        let (_, out, err) = run(peckit()
            .args(["--lang", "it"])
            .args(command)
            .arg("--trust")
            .arg(test_root())
            .arg(samples().join("errore-consegna.eml")));
        assert!(out.contains("destinatario inesistente (no-dest)"), "{command:?}: {out}{err}");
    }
}

/// The problems table counts artefacts per code, not occurrences: it reads as files
/// (review 22: one REM evidence counted twice).
#[test]
fn the_problems_table_counts_artefacts() {
    let forged = samples().join("forged");
    let (_, out, _) =
        run(peckit().args(["verify", "--format", "json", "--trust"]).arg(test_root()).arg(&forged));
    let mut expected = std::collections::BTreeMap::<String, usize>::new();
    for a in json(&out)["artefacts"].as_array().unwrap() {
        let mut codes: Vec<&str> = a["problems"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["severity"] != "info")
            .map(|p| p["code"].as_str().unwrap())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        for c in codes {
            *expected.entry(c.to_string()).or_default() += 1;
        }
    }
    assert!(expected.values().any(|n| *n > 1), "{expected:?}");
    let (_, table, _) = run(peckit()
        .env("COLUMNS", "250")
        .args(["--lang", "it", "verify", "--trust"])
        .arg(test_root())
        .arg(&forged));
    assert!(table.contains("┆ Elementi │"), "{table}");
    for (code, n) in &expected {
        let row = table
            .lines()
            .find(|l| l.starts_with(&format!("│ {code} ")))
            .unwrap_or_else(|| panic!("{code}: {table}"));
        let last = row.trim_end_matches('│').rsplit('┆').next().unwrap().trim();
        assert_eq!(last, n.to_string(), "{row}");
    }
}
