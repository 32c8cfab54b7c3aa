//! The real provider messages in ../shared/corpus, read in place, as INDEX.tsv says.

use crate::common::*;

#[test]
fn real_messages_verify_as_the_index_says() {
    let Some(corpus) = corpus() else { return };
    let rows = read_tsv(&corpus.join("INDEX.tsv"));
    assert!(!rows.is_empty(), "INDEX.tsv lists no message");
    let mut checked = 0;
    for row in &rows {
        let file = corpus.join(&row["file"]);
        let (code, out, err) = run(peckit().args(["verify", "--format", "json"]).arg(&file));
        let doc = json(&out);
        let a = &doc["artefacts"][0];
        assert_eq!(a["kind"], row["kind"].as_str(), "{}: kind\n{err}", row["file"]);
        assert_eq!(
            a["verdict"],
            row["expected_verdict"].as_str(),
            "{}: verdict {a:#}",
            row["file"]
        );
        let codes: Vec<&str> =
            a["problems"].as_array().unwrap().iter().map(|p| p["code"].as_str().unwrap()).collect();
        if row["expected_verdict"] == "valid" {
            assert_eq!(code, 0, "{}", row["file"]);
            assert_eq!(a["signature"]["status"], "valid");
            assert_eq!(a["signature"]["trusted"], true);
            assert!(codes.contains(&"cert-expired-now"), "{}: {codes:?}", row["file"]);
            assert!(a["signature"]["chain"].as_array().unwrap().len() >= 2);
        } else {
            assert_eq!(code, 1, "{}", row["file"]);
            assert_eq!(
                codes.first().copied(),
                Some(row["expected_problem"].as_str()),
                "{}",
                row["file"]
            );
        }
        checked += 1;
    }
    assert_eq!(checked, rows.len());
}

#[test]
fn real_messages_are_classified_and_certified_fields_read() {
    let Some(corpus) = corpus() else { return };
    let (code, out, _) = run(peckit()
        .args(["inspect", "--format", "json"])
        .arg(corpus.join("aruba-2014-avvenuta-consegna.eml"))
        .arg(corpus.join("aruba-2014-posta-certificata.eml")));
    assert_eq!(code, 0);
    let doc = json(&out);
    let consegna = &doc["artefacts"][0];
    assert_eq!(consegna["kind"], "avvenuta-consegna");
    assert_eq!(consegna["receipt_type"], "completa");
    let c = &consegna["certified"];
    assert_eq!(c["tipo"], "avvenuta-consegna");
    assert_eq!(c["mittente"], "l.battistini@pec.it");
    assert_eq!(c["consegna"], "thinkstudio@pec.it");
    assert_eq!(c["data"], "2014-11-14T18:26:32+01:00");
    assert_eq!(c["data_utc"], "2014-11-14T17:26:32Z");
    assert_eq!(c["gestore_emittente"], "ARUBA PEC S.p.A.");
    assert_eq!(consegna["claimed"]["x_ricevuta"], "avvenuta-consegna");
    // The delivery receipt carries the original: it is read as a nested message? No: the
    // original of a receipt is a plain message, so nothing is nested.
    let busta = &doc["artefacts"][1];
    assert_eq!(busta["kind"], "posta-certificata");
    assert_eq!(
        busta["certified"]["identificativo"],
        busta["claimed"]["message_id"].as_str().unwrap().trim_matches(['<', '>'])
    );
    assert!(busta["signer"]["subject"].as_str().unwrap().contains("ARUBA"), "{busta:#}");
}

#[test]
fn the_resaved_real_envelope_is_content_altered_not_forged() {
    let Some(corpus) = corpus() else { return };
    let (code, out, _) = run(peckit()
        .args(["verify", "--format", "json"])
        .arg(corpus.join("sogei-2018-posta-certificata-resaved.eml")));
    assert_eq!(code, 1);
    let a = &json(&out)["artefacts"][0];
    assert_eq!(a["signature"]["status"], "content-altered");
    assert_eq!(a["problems"][0]["code"], "content-altered");
    // The signature itself is genuine: the provider and the chain are still identified.
    assert_eq!(a["signature"]["trusted"], true);
}
