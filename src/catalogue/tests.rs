//! Every entry of the catalogue in both languages.
#![allow(clippy::unwrap_used)]

use super::*;

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
        ReadFailure::TooLarge { limit: Limit::InputSize, value: 10 },
        ReadFailure::Missing("No such file or directory (os error 2)".into()),
        ReadFailure::PermissionDenied("Permission denied (os error 13)".into()),
        ReadFailure::IsAFolder("Is a directory (os error 21)".into()),
        ReadFailure::System("Input/output error (os error 5)".into()),
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
        Note::NoReceiptWithin12Hours,
        Note::PermanentErrorInWarning,
        Note::TakenInCharge,
        Note::NotPecAddress,
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
