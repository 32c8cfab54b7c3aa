//! Grouping the sample thread into messages and each recipient's fate.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;
use crate::certify::assess::{Verdict, assess};
use crate::read::Artefact;
use crate::testing::{sample_path, test_verifier};

fn thread() -> Vec<(String, Artefact, Assessment)> {
    let verifier = test_verifier();
    let mut names: Vec<_> =
        std::fs::read_dir(sample_path("thread")).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            let a = crate::read::read(std::fs::read(&p).unwrap(), &Limits::default()).unwrap();
            let s = assess(&a, &verifier);
            (p.file_name().unwrap().to_string_lossy().to_string(), a, s)
        })
        .collect()
}

fn sources() -> Vec<Source> {
    thread()
        .iter()
        .map(|(path, artefact, assessment)| {
            Source::of(path.clone(), artefact, assessment, &Limits::default())
        })
        .collect()
}

fn options() -> Options<'static> {
    Options {
        originals: None,
        accept_rewrapped: false,
        now: jiff::Timestamp::UNIX_EPOCH,
        crls_consulted: None,
    }
}

#[test]
fn the_thread_is_two_messages_and_only_verified_files_prove_anything() {
    let report = build(sources(), &options());
    assert_eq!(report.messages.len(), 2, "{:#?}", report.messages);
    assert!(report.unmatched.is_empty());
    let main = report.messages.iter().find(|m| m.sources.len() > 1).unwrap();
    assert_eq!(main.sources.len(), 7);
    assert_eq!(main.sent.as_ref().unwrap().path, "01-accettazione.eml");
    let fate = |address: &str| main.recipients.iter().find(|r| r.address == address).unwrap();
    assert_eq!(fate("anna.bianchi@pec.beta.example").fate, Fate::Delivered);
    // The tampered delivery receipt is listed, invalid, and proves nothing.
    let tampered = main.sources.iter().find(|s| s.path == "07-consegna-manomessa.eml").unwrap();
    assert_eq!(tampered.verdict, Verdict::Invalid);
    assert!(
        main.recipients
            .iter()
            .all(|r| r.delivery.as_ref().is_none_or(|p| p.path != "07-consegna-manomessa.eml"))
    );
}

/// The client's Message-ID is the sender's to choose: a delivery receipt of another message
/// (another identificativo) that reuses it never proves the delivery of this one.
#[test]
fn a_shared_message_id_never_joins_two_messages() {
    let mut sources = sources();
    let delivery = sources.iter_mut().find(|s| s.path == "03-consegna-beta.eml").unwrap();
    let certified = delivery.daticert.as_mut().unwrap();
    certified.identificativo = Some("opec999.altro@pec.alfa.example".into());
    let report = build(sources.clone(), &options());
    assert_eq!(report.messages.len(), 3, "{:#?}", report.messages);
    let main = report.messages.iter().find(|m| m.sources.len() > 1).unwrap();
    assert!(main.sources.iter().all(|s| s.path != "03-consegna-beta.eml"));
    let anna = main.recipients.iter().find(|r| r.address == "anna.bianchi@pec.beta.example");
    assert_ne!(anna.unwrap().fate, Fate::Delivered, "delivered on another message's receipt");
    // With no identificativo at all, the Message-ID places it, when one message carries it.
    let delivery = sources.iter_mut().find(|s| s.path == "03-consegna-beta.eml").unwrap();
    delivery.daticert.as_mut().unwrap().identificativo = None;
    let report = build(sources, &options());
    assert_eq!(report.messages.len(), 2);
    let main = report.messages.iter().find(|m| m.sources.len() > 1).unwrap();
    assert!(main.sources.iter().any(|s| s.path == "03-consegna-beta.eml"));
}

/// CEC-PAC (review 15): a sender that could no longer send is said beside the sender, and a
/// recipient is judged at the delivery too — sent before reception closed, delivered after.
#[test]
fn cecpac_boxes_are_judged_as_sender_and_at_the_delivery() {
    let mut sources = sources();
    let at = |s: &str| s.parse::<jiff::Timestamp>().unwrap();
    for s in &mut sources {
        let Some(d) = s.daticert.as_mut() else { continue };
        d.mittente = Some("cittadino@postacertificata.gov.it".into());
        // The delivered recipient's box is a CEC-PAC one too.
        let cecpac = "anna@postacertificata.gov.it";
        for r in &mut d.destinatari {
            if r.address == "anna.bianchi@pec.beta.example" {
                r.address = cecpac.into();
            }
        }
        if d.consegna.as_deref() == Some("anna.bianchi@pec.beta.example") {
            d.consegna = Some(cecpac.into());
        }
        if let Some(t) = d.data.as_mut() {
            // Accepted at 23:50 on 17 July in Rome, delivered after midnight.
            t.utc = if s.path.contains("accettazione") || s.path.contains("posta-certificata") {
                at("2015-07-17T21:50:00Z")
            } else {
                at("2015-07-17T22:10:00Z")
            };
        }
    }
    let report = build(sources, &options());
    let main = report.messages.iter().find(|m| m.sources.len() > 1).unwrap();
    let notes =
        |n: &[Note]| n.iter().map(|n| n.text(crate::catalogue::Lang::En)).collect::<Vec<_>>();
    let sender = notes(&main.sender_notes).join(" ");
    assert!(sender.contains("could no longer send"), "{sender}");
    let anna = main.recipients.iter().find(|r| r.address == "anna@postacertificata.gov.it");
    let anna = anna.unwrap();
    assert_eq!(anna.fate, Fate::Delivered);
    let said = notes(&anna.notes).join(" ");
    assert!(said.contains("on 2015-07-18 it could no longer receive"), "{said}");
}
