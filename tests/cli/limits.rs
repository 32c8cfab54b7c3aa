//! Hostile input is refused quickly, within bounded memory, with a named limit.

use crate::common::*;

#[test]
fn a_one_gigabyte_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.eml");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(1 << 30).unwrap(); // sparse: takes no disk
    let (code, _, err) = run(peckit().arg("verify").arg(&p));
    assert_eq!(code, 2);
    assert!(err.contains("exceeds the limit") && err.contains("--max-size"), "{err}");
}

#[test]
fn ten_thousand_nested_multiparts_are_a_limit_problem() {
    let mut raw = String::from("From: a@b.example\nX-Ricevuta: accettazione\n");
    for i in 0..10_000 {
        raw.push_str(&format!("Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n"));
    }
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("nested.eml");
    std::fs::write(&p, raw).unwrap();
    let (code, out, err) = run(peckit().args(["verify", "--format", "json"]).arg(&p));
    assert_eq!(code, 1, "{err}");
    let a = &json(&out)["artefacts"][0];
    let codes: Vec<&str> =
        a["problems"].as_array().unwrap().iter().map(|p| p["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"limit-exceeded"), "{codes:?}");
}

#[test]
fn a_100_mb_header_line_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("header.eml");
    let mut raw = b"Subject: ".to_vec();
    raw.resize(100 * 1024 * 1024 - 100, b'a');
    raw.extend_from_slice(b"\n\nbody\n");
    std::fs::write(&p, raw).unwrap();
    let (code, out, err) = run(peckit().args(["verify", "--format", "json"]).arg(&p));
    assert_eq!(code, 1);
    let a = &json(&out)["artefacts"][0];
    assert_eq!(a["problems"][0]["code"], "limit-exceeded", "{a:#}");
    // The library names the limit; the command names the flag that changes it.
    let message = a["problems"][0]["message"].as_str().unwrap();
    assert!(message.contains("header block") && !message.contains("--"), "{message}");
    assert!(err.contains("--max-header"), "{err}");
}

#[test]
fn limits_are_flags() {
    let (code, out, _) = run(peckit()
        .args(["verify", "--format", "json", "--max-size", "1000", "--trust"])
        .arg(test_root())
        .arg(samples().join("accettazione.eml")));
    assert_eq!(code, 2);
    assert!(
        json(&out)["artefacts"][0]["problems"][0]["message"].as_str().unwrap().contains("1000")
    );
    // A daticert over its limit is named like every limit, with the flag that changes it.
    let (code, out, err) = run(peckit()
        .args(["verify", "--format", "json", "--max-daticert", "100", "--trust"])
        .arg(test_root())
        .arg(samples().join("accettazione.eml")));
    assert_eq!(code, 1);
    let a = &json(&out)["artefacts"][0];
    assert_eq!(a["problems"][0]["code"], "limit-exceeded", "{a:#}");
    assert!(err.contains("--max-daticert changes it"), "{err}");
}
