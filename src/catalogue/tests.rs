//! Every entry of the catalogue in both languages.
#![allow(clippy::unwrap_used)]

use super::notes::Note;
use super::*;

mod every;
use crate::error::LineFault;
use crate::error::{NotMail, ReadFailure};
use every::every_finding;

#[test]
fn locale_precedence_and_italian_detection() {
    assert_eq!(Lang::from_env_values(None, None, Some("it_IT.UTF-8")), Lang::It);
    assert_eq!(Lang::from_env_values(Some("en_US.UTF-8"), None, Some("it_IT")), Lang::En);
    assert_eq!(Lang::from_env_values(Some(""), Some("it_CH"), None), Lang::It);
    assert_eq!(Lang::from_env_values(None, None, None), Lang::En);
    assert_eq!(Lang::from_env_values(None, None, Some("C")), Lang::En);
}

#[test]
fn every_problem_code_has_both_languages() {
    for &code in ProblemCode::ALL {
        assert!(!problem_text(Lang::En, code).is_empty());
        assert_ne!(problem_text(Lang::En, code), problem_text(Lang::It, code), "{code:?}");
    }
}

/// Every typed text of the catalogue exists in both languages and the two differ (a
/// missing or untranslated entry fails here; the matches above are exhaustive, so a new
/// variant without its texts does not compile).
#[test]
fn every_entry_is_said_in_both_languages() {
    let differ = |en: String, it: String, what: &str| {
        assert!(!en.is_empty() && !it.is_empty(), "{what}: empty");
        assert_ne!(en, it, "{what}: untranslated");
    };
    let failures = [
        ReadFailure::Empty,
        ReadFailure::NotMail(NotMail::Binary),
        ReadFailure::NotMail(NotMail::NoHeaderField),
        ReadFailure::NotMail(NotMail::Json),
        ReadFailure::NotMail(NotMail::Container),
        ReadFailure::TooLarge { limit: Limit::InputSize, value: 10 },
        ReadFailure::Missing("No such file or directory (os error 2)".into()),
        ReadFailure::PermissionDenied("Permission denied (os error 13)".into()),
        ReadFailure::IsAFolder("Is a directory (os error 21)".into()),
        ReadFailure::UnfollowedLink { to_folder: true },
        ReadFailure::UnfollowedLink { to_folder: false },
        ReadFailure::ShadowedZipMembers { times: 2, named: true },
        ReadFailure::ShadowedZipMembers { times: 1, named: false },
        ReadFailure::System("Input/output error (os error 5)".into()),
        ReadFailure::Mailbox(crate::error::MailboxFailure::Url("x".into())),
        ReadFailure::Mailbox(crate::error::MailboxFailure::Insecure),
        ReadFailure::Mailbox(crate::error::MailboxFailure::PasswordInUrl),
        ReadFailure::Mailbox(crate::error::MailboxFailure::Connect("x".into())),
        ReadFailure::Mailbox(crate::error::MailboxFailure::Certificate("x".into())),
        ReadFailure::Mailbox(crate::error::MailboxFailure::NoPassword),
        ReadFailure::Mailbox(crate::error::MailboxFailure::LoginRefused),
        ReadFailure::Mailbox(crate::error::MailboxFailure::NoMailbox("x".into())),
        ReadFailure::Mailbox(crate::error::MailboxFailure::Protocol("x".into())),
        ReadFailure::Record(crate::error::RecordFailure::NotARecord(LineFault::NotJson)),
        ReadFailure::Record(crate::error::RecordFailure::NotARecord(LineFault::JsonDocument)),
        ReadFailure::Record(crate::error::RecordFailure::NotARecord(LineFault::NotALine)),
        ReadFailure::Record(crate::error::RecordFailure::NotRecords(LineFault::MissingField(
            "kind".into(),
        ))),
        ReadFailure::Record(crate::error::RecordFailure::NotRecords(LineFault::Other("x".into()))),
        ReadFailure::Record(crate::error::RecordFailure::NoFacts),
        ReadFailure::Record(crate::error::RecordFailure::TooLong),
        ReadFailure::Record(crate::error::RecordFailure::ValidWithError("bad-signature".into())),
        ReadFailure::Record(crate::error::RecordFailure::ErrorWithFacts),
        ReadFailure::Record(crate::error::RecordFailure::NotAVersion),
        ReadFailure::Record(crate::error::RecordFailure::DisagreesWithThisRun {
            says: "valid",
            now: "invalid",
            sha256: "0123456789abcdef".into(),
        }),
        ReadFailure::Record(crate::error::RecordFailure::OtherFacts {
            sha256: "0123456789abcdef".into(),
            other: None,
        }),
        ReadFailure::Record(crate::error::RecordFailure::OtherFacts {
            sha256: "0123456789abcdef".into(),
            other: Some("a.jsonl:3".into()),
        }),
        ReadFailure::Record(crate::error::RecordFailure::RecordsDisagree {
            sha256: "0123456789abcdef".into(),
            verdicts: vec![("valid", "a.jsonl:1".into()), ("invalid", "b.jsonl:1".into())],
        }),
    ];
    for f in &failures {
        differ(f.text(Lang::En), f.text(Lang::It), &format!("{f:?}"));
    }
    for d in [
        Diagnostic::NoMailFound,
        Diagnostic::Interrupted,
        Diagnostic::NotPec,
        Diagnostic::NoOriginal,
        Diagnostic::SeveralNeedOutput,
    ] {
        differ(d.text(Lang::En).into(), d.text(Lang::It).into(), &format!("{d:?}"));
    }
    let warning = |closure| CecPacWarning {
        address: "a@postacertificata.gov.it".into(),
        day: "2016-01-01".into(),
        closure,
    };
    for n in [
        Note::VirusDetected,
        Note::UndefinedKind { tipo: "mancata-consegna".into(), file: "x.eml".into() },
        Note::NoReceiptWithin12Hours,
        Note::PermanentErrorInWarning,
        Note::TakenInCharge,
        Note::NotPecAddress,
        Note::ContradictoryEvidence,
        Note::CecPac(warning(CecPacClosure::Closed)),
        Note::CecPac(warning(CecPacClosure::NoReception)),
        Note::CecPac(warning(CecPacClosure::NoSending)),
    ] {
        differ(n.text(Lang::En), n.text(Lang::It), &format!("{n:?}"));
    }
    for limit in [
        Limit::InputSize,
        Limit::MessageSize,
        Limit::MimeDepth,
        Limit::MimeParts,
        Limit::HeaderSize,
        Limit::Nesting,
        Limit::DaticertSize,
        Limit::CopyBudget,
        Limit::PathSignatureChecks,
    ] {
        differ(limit_name(Lang::En, limit).into(), limit_name(Lang::It, limit).into(), "limit");
    }
    for noun in [Noun::Artefact, Noun::Valid, Noun::Invalid, Noun::Error, Noun::Message] {
        differ(count(Lang::En, 2, noun), count(Lang::It, 2, noun), &format!("{noun:?}"));
    }
    assert_eq!(count(Lang::It, 1, Noun::Invalid), "1 non valido");
    assert_eq!(count(Lang::It, 0, Noun::Invalid), "0 non validi");
    assert_eq!(count(Lang::En, 1, Noun::Artefact), "1 artefact");
}

#[test]
fn a_problem_is_said_with_its_typed_failure_when_it_has_one() {
    let mut p = Problem::new(ProblemCode::Unreadable, "empty input");
    assert_eq!(problem_message(Lang::It, &p), problem_text(Lang::It, ProblemCode::Unreadable));
    p.finding = Some(crate::finding::Finding::Unreadable(ReadFailure::Empty));
    assert_eq!(problem_message(Lang::It, &p), "file vuoto");
    assert_eq!(problem_message(Lang::En, &p), "empty input");
}

/// What `verify --format jsonl` writes of a finding, `evidence` reads back the same.
#[test]
fn every_finding_is_read_back_from_a_record_as_it_was_written() {
    use crate::error::ReadFailure;
    use crate::finding::Finding;
    for finding in every_finding() {
        let problem = Problem::of(finding.clone());
        let json = serde_json::to_string(&problem).unwrap();
        let back: Problem = serde_json::from_str(&json).unwrap();
        // A record never holds why a line of records was refused: not read back.
        if matches!(finding, Finding::Unreadable(ReadFailure::Record(_))) {
            assert_eq!(back.finding, None, "{json}");
        } else {
            assert_eq!(back, problem, "{json}");
        }
    }
}

/// Every finding is said in both languages, differently; every problem code is reached by a
/// finding and has its short text in both; every label is translated.
#[test]
fn every_finding_code_and_label_is_said_in_both_languages() {
    let findings = every_finding();
    for f in &findings {
        let (en, it) = (f.text(Lang::En), f.text(Lang::It));
        assert!(!en.is_empty() && !it.is_empty(), "{f:?}");
        assert_ne!(en, it, "{f:?} is untranslated");
    }
    for &code in ProblemCode::ALL {
        assert!(findings.iter().any(|f| f.code() == code), "no finding says {code:?}");
        assert_ne!(problem_text(Lang::En, code), problem_text(Lang::It, code), "{code:?}");
    }
    for &l in Label::ALL {
        assert!(!label(Lang::En, l).is_empty() && !label(Lang::It, l).is_empty(), "{l:?}");
    }
}

/// Every word of the pages exists in both languages (a few, like "File", are the same word).
#[test]
fn every_page_text_is_said_in_both_languages() {
    use super::texts::{Text, text};
    let same_in_both = [Text::File, Text::FileLower];
    for &id in Text::ALL {
        let (en, it) = (text(Lang::En, id), text(Lang::It, id));
        assert!(!en.is_empty() && !it.is_empty(), "{id:?}");
        if !same_in_both.contains(&id) {
            assert_ne!(en, it, "{id:?} is untranslated");
        }
    }
}

/// The typed REM faults keep, in English, the words the readers gave before they were typed
/// (the JSON `message`), and say in Italian what happened without them.
#[test]
fn rem_faults_keep_their_english_words() {
    use crate::finding::{Finding, TimeStampFault, XmlFault};
    let ts = |f| Finding::TimeStampInvalid(f).text(Lang::En);
    assert_eq!(
        ts(TimeStampFault::WrongContentType("1.2.840.113549.1.9.16.1.5".into())),
        "the evidence's time-stamp does not hold: content type 1.2.840.113549.1.9.16.1.5 is not \
         TSTInfo"
    );
    assert_eq!(
        ts(TimeStampFault::MalformedTstInfo("policy at byte 7".into())),
        "the evidence's time-stamp does not hold: malformed TSTInfo: policy at byte 7"
    );
    assert_eq!(
        ts(TimeStampFault::UnsupportedImprintDigest("2.16.840.1.101.3.4.2.9".into())),
        "the evidence's time-stamp does not hold: imprint digest 2.16.840.1.101.3.4.2.9"
    );
    let truncated = XmlFault::Incomplete("the root node was opened but never closed".into());
    assert_eq!(
        Finding::RemEvidenceMalformed(truncated.clone()).text(Lang::En),
        "the REM evidence (ETSI EN 319 522) cannot be read: not well-formed XML: the root node \
         was opened but never closed"
    );
    let italian = Finding::RemEvidenceMalformed(truncated).text(Lang::It);
    assert!(italian.contains("incompleto") && !italian.contains("riga"), "{italian}");
    assert_eq!(
        Finding::RemEvidenceMalformed(XmlFault::NotEvidence).text(Lang::En),
        "the REM evidence (ETSI EN 319 522) cannot be read: not an ETSI EN 319 522 evidence (the \
         root is not Evidence in http://uri.etsi.org/19522/v1#)"
    );
    // A trusted list's error carries the parser's words alone, as before.
    assert_eq!(rem::xml_fault_text(Lang::En, &XmlFault::Dtd), "XML with DTD detected");
}

/// A kind as the evidence records write it is said as the table says it.
#[test]
fn a_written_kind_is_said_with_its_detail() {
    assert_eq!(kind_phrase(Lang::It, "rem (ContentConsignment)"), "REM (ContentConsignment)");
    assert_eq!(kind_phrase(Lang::It, "avvenuta-consegna (breve)"), "avvenuta-consegna (breve)");
    assert_eq!(kind_phrase(Lang::It, "not-pec"), "non PEC");
    assert_eq!(kind_phrase(Lang::En, "unknown"), "unknown kind");
}

#[test]
fn what_each_kind_proves_is_said_in_both_languages() {
    // The kinds by the names the report gives them (the catalogue is keyed by them).
    let kinds = "posta-certificata anomalia accettazione non-accettazione presa-in-carico \
                 avvenuta-consegna errore-consegna preavviso-errore-consegna rilevazione-virus";
    for kind in kinds.split_whitespace() {
        let en = super::proof::what_it_proves(Lang::En, kind, "T", Some("r@x"), Some("s@x"));
        let it = super::proof::what_it_proves(Lang::It, kind, "T", Some("r@x"), Some("s@x"));
        match (en, it) {
            (Some(en), Some(it)) => assert_ne!(en, it, "{kind}: not translated"),
            (None, None) => assert_eq!(kind, "anomalia", "{kind}: nothing said"),
            other => panic!("{kind}: one language only: {other:?}"),
        }
    }
}

#[test]
fn the_archive_summary_agrees_in_number() {
    assert_eq!(
        super::sentences::archive_summary(Lang::It, 1, 2, 0, 1, "d"),
        "d: 1 archiviato, 2 già presenti, 0 saltati, 1 illeggibile"
    );
    assert_eq!(
        super::sentences::archive_summary(Lang::It, 3, 1, 1, 0, "d"),
        "d: 3 archiviati, 1 già presente, 1 saltato, 0 illeggibili"
    );
}
