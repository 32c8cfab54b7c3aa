//! The JSON output matches docs/verify.schema.json: every key documented, every required key
//! present, types and enums as stated. A small validator for the subset of JSON Schema the
//! document uses (type, const, enum, required, properties, additionalProperties, items,
//! oneOf, $ref), so renaming or dropping a key breaks this test.

use serde_json::Value;

use crate::common::*;

fn resolve<'a>(root: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.trim_start_matches("#/$defs/");
            &root["$defs"][name]
        }
        None => schema,
    }
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_u64() || v.is_i64(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        _ => false,
    }
}

fn check(root: &Value, schema: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
    let schema = resolve(root, schema);
    if let Some(options) = schema.get("oneOf").and_then(Value::as_array) {
        let passing = options
            .iter()
            .filter(|o| {
                let mut e = Vec::new();
                check(root, o, v, at, &mut e);
                e.is_empty()
            })
            .count();
        if passing != 1 {
            errors.push(format!("{at}: {passing} oneOf branches match"));
        }
        return;
    }
    if let Some(c) = schema.get("const")
        && c != v
    {
        errors.push(format!("{at}: expected {c}, got {v}"));
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array)
        && !e.contains(v)
    {
        errors.push(format!("{at}: {v} not in {e:?}"));
    }
    match schema.get("type") {
        Some(Value::String(t)) if !type_ok(t, v) => errors.push(format!("{at}: not {t}: {v}")),
        Some(Value::Array(ts)) if !ts.iter().any(|t| type_ok(t.as_str().unwrap(), v)) => {
            errors.push(format!("{at}: not any of {ts:?}: {v}"))
        }
        _ => {}
    }
    if let (Some(props), Some(obj)) =
        (schema.get("properties").and_then(Value::as_object), v.as_object())
    {
        for req in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
            if !obj.contains_key(req.as_str().unwrap()) {
                errors.push(format!("{at}: missing key {req}"));
            }
        }
        for (k, val) in obj {
            match props.get(k) {
                Some(s) => check(root, s, val, &format!("{at}.{k}"), errors),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{at}: undocumented key {k}"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, item) in arr.iter().enumerate() {
            check(root, items, item, &format!("{at}[{i}]"), errors);
        }
    }
}

fn assert_conforms(doc: &Value) {
    assert_conforms_to(doc, "docs/verify.schema.json");
}

fn assert_conforms_to(doc: &Value, schema_file: &str) {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(schema_file)).unwrap()).unwrap();
    let mut errors = Vec::new();
    check(&schema, &schema, doc, "$", &mut errors);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn verify_json_conforms_to_the_documented_schema() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.eml"), b"").unwrap();
    std::fs::write(dir.path().join("plain.eml"), b"From: a@b\nSubject: x\n\nbody\n").unwrap();
    let mut cmd = peckit();
    cmd.args(["verify", "--format", "json"]).arg(dir.path());
    if let Some(c) = corpus() {
        cmd.arg(c);
    }
    if let Some(kit) = rem_kit() {
        cmd.arg(kit.join("Intra-REM-flow"));
    }
    if samples().join("expected.tsv").exists() {
        cmd.arg(samples()).arg("--trust").arg(test_root());
    }
    let (_, out, _) = run(&mut cmd);
    let doc = json(&out);
    assert!(doc["artefacts"].as_array().unwrap().len() >= 2);
    assert_conforms(&doc);
}

#[test]
fn the_validator_catches_a_renamed_key() {
    let (_, out, _) =
        run(peckit().args(["verify", "--format", "json", "-"]).write_stdin("From: a@b\n\nx\n"));
    let mut doc = json(&out);
    let a = doc["artefacts"][0].as_object_mut().unwrap();
    let v = a.remove("verdict").unwrap();
    a.insert("outcome".into(), v);
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("docs/verify.schema.json")).unwrap(),
    )
    .unwrap();
    let mut errors = Vec::new();
    check(&schema, &schema, &doc, "$", &mut errors);
    assert!(errors.iter().any(|e| e.contains("missing key \"verdict\"")), "{errors:?}");
    assert!(errors.iter().any(|e| e.contains("undocumented key outcome")), "{errors:?}");
}

#[test]
fn evidence_json_conforms_to_its_schema() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(samples().join("inputs/atto.pdf"), dir.path().join("atto.pdf")).unwrap();
    let (_, out, _) = run(peckit()
        .args(["evidence", "--format", "json", "--trust"])
        .arg(test_root())
        .arg("--originals")
        .arg(dir.path())
        .arg(samples()));
    let doc = json(&out);
    assert!(doc["messages"].as_array().unwrap().len() >= 3);
    assert!(!doc["unmatched"].as_array().unwrap().is_empty());
    assert_conforms_to(&doc, "docs/evidence.schema.json");
}

#[test]
fn evidence_from_records_conforms_to_its_schema() {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("records.jsonl");
    std::fs::write(&records, records_of(&samples())).unwrap();
    let (_, out, _) = run(peckit().args(["evidence", "--format", "json"]).arg(&records));
    let doc = json(&out);
    assert!(doc["messages"].as_array().unwrap().len() >= 3);
    assert!(doc["messages"][0]["sources"][0]["recorded_in"].is_string());
    assert_conforms_to(&doc, "docs/evidence.schema.json");
}

#[test]
fn trust_list_json_conforms_to_its_schema() {
    let (code, out, err) =
        run(peckit().args(["trust", "list", "--format", "json", "--trust"]).arg(test_root()));
    assert_eq!(code, 0, "{err}");
    let doc = json(&out);
    let anchors = doc["anchors"].as_array().unwrap();
    assert!(anchors.len() >= 4, "the embedded authorities and the test root");
    assert!(anchors.iter().all(|a| a["sha256"].as_str().unwrap().len() == 64));
    assert_conforms_to(&doc, "docs/trust.schema.json");
}

#[test]
fn archive_records_conform_to_their_schema() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("archivio");
    let (code, _, err) = run(peckit()
        .args(["archive", "-q", "--trust"])
        .arg(test_root())
        .arg(samples().join("thread"))
        .arg("-o")
        .arg(&out));
    assert_eq!(code, 0, "{err}");
    let lines = std::fs::read_to_string(out.join("archive.jsonl")).unwrap();
    assert!(lines.lines().count() >= 8);
    for line in lines.lines() {
        assert_conforms_to(&serde_json::from_str(line).unwrap(), "docs/archive.schema.json");
    }
}

/// extract's manifest.json, written beside the files and printed with `--format json`, matches
/// docs/manifest.schema.json: an envelope, a ricevuta breve (hash files), an anomaly with a
/// nested message, a forgery.
#[test]
fn manifest_conforms_to_the_documented_schema() {
    let dir = tempfile::tempdir().unwrap();
    let inputs: Vec<_> = [
        "posta-certificata.eml",
        "avvenuta-consegna-breve.eml",
        "anomalia-annidata.eml",
        "forged/bad-signature.eml",
    ]
    .iter()
    .map(|f| samples().join(f))
    .collect();
    let out = dir.path().join("estratti");
    let (_, printed, err) = run(peckit()
        .args(["extract", "--format", "json", "--trust"])
        .arg(test_root())
        .args(&inputs)
        .arg("-o")
        .arg(&out));
    let printed = json(&printed);
    let manifests = printed.as_array().unwrap_or_else(|| panic!("{printed}\n{err}"));
    assert_eq!(manifests.len(), inputs.len(), "{err}");
    let mut written = 0;
    for m in manifests {
        assert_conforms_to(m, "docs/manifest.schema.json");
    }
    for entry in std::fs::read_dir(&out).unwrap() {
        let file = entry.unwrap().path().join("manifest.json");
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        assert_conforms_to(&doc, "docs/manifest.schema.json");
        written += 1;
    }
    assert_eq!(written, inputs.len());
    assert!(manifests.iter().any(|m| !m["hash_files"].as_array().unwrap().is_empty()));
    assert!(manifests.iter().any(|m| !m["nested"].as_array().unwrap().is_empty()));
}

/// `inspect --format json` matches docs/inspect.schema.json, over every bundled sample (REM
/// ones, forgeries, nested artefacts) and, when present, the real corpus.
#[test]
fn inspect_json_conforms_to_the_documented_schema() {
    let mut cmd = peckit();
    cmd.args(["inspect", "--format", "json", "--trust"]).arg(test_root()).arg(samples());
    if let Some(c) = corpus() {
        cmd.arg(c);
    }
    let (_, out, err) = run(&mut cmd);
    let doc = json(&out);
    assert!(doc["artefacts"].as_array().is_some_and(|a| a.len() > 50), "{err}");
    assert_conforms_to(&doc, "docs/inspect.schema.json");
}
