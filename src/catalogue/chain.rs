//! The words of what a certificate path check finds: a SHA-1 link, a link that failed, a CA
//! that may not issue, a name outside an authority's constraints.

use super::Lang;
use crate::finding::{CaProblem, LinkFailure, NameViolation, Sha1Use};

pub(super) fn sha1_use(lang: Lang, u: &Sha1Use) -> String {
    match (lang, u) {
        (Lang::En, Sha1Use::ContentDigest) => "the content digest".into(),
        (Lang::It, Sha1Use::ContentDigest) => "l'impronta del contenuto".into(),
        (Lang::En, Sha1Use::SignatureAlgorithm(a)) => format!("the signature algorithm ({a})"),
        (Lang::It, Sha1Use::SignatureAlgorithm(a)) => format!("l'algoritmo di firma ({a})"),
        (Lang::En, Sha1Use::Certificate(s)) => format!("the certificate \"{s}\""),
        (Lang::It, Sha1Use::Certificate(s)) => format!("il certificato \"{s}\""),
    }
}

pub(super) fn link_failure(lang: Lang, why: &LinkFailure) -> String {
    match (lang, why) {
        (Lang::En, LinkFailure::DoesNotVerify) => "does not verify".into(),
        (Lang::It, LinkFailure::DoesNotVerify) => "non è valida".into(),
        (Lang::En, LinkFailure::Unsupported(a)) => format!("uses an unsupported algorithm ({a})"),
        (Lang::It, LinkFailure::Unsupported(a)) => {
            format!("usa un algoritmo non supportato ({a})")
        }
        (Lang::En, LinkFailure::BadIssuerKey(k)) => {
            format!("cannot be checked: bad issuer key ({k})")
        }
        (Lang::It, LinkFailure::BadIssuerKey(k)) => {
            format!("non è verificabile: chiave dell'emittente illeggibile ({k})")
        }
    }
}

pub(super) fn ca_problem(lang: Lang, why: CaProblem) -> String {
    match (lang, why) {
        (Lang::En, CaProblem::NotCa) => "is not a CA (basicConstraints cA is false)".into(),
        (Lang::It, CaProblem::NotCa) => {
            "non è un'autorità di certificazione (basicConstraints cA è falso)".into()
        }
        (Lang::En, CaProblem::NoBasicConstraints) => "has no basicConstraints: not a CA".into(),
        (Lang::It, CaProblem::NoBasicConstraints) => {
            "non ha basicConstraints: non è un'autorità di certificazione".into()
        }
        (Lang::En, CaProblem::PathLength { allowed, below }) => {
            format!("allows a path length of {allowed}, but {below} CA certificates follow it")
        }
        (Lang::It, CaProblem::PathLength { allowed, below }) => format!(
            "ammette catene di lunghezza {allowed}, ma lo seguono {below} certificati di CA"
        ),
        (Lang::En, CaProblem::NoKeyCertSign) => {
            "may not sign certificates (keyUsage lacks keyCertSign)".into()
        }
        (Lang::It, CaProblem::NoKeyCertSign) => {
            "non può firmare certificati (keyUsage senza keyCertSign)".into()
        }
    }
}

pub(super) fn name_violation(lang: Lang, v: &NameViolation) -> String {
    match (lang, v) {
        (Lang::En, NameViolation::SubjectNotPermitted) => {
            "its subject is in none of the names the authority permits".into()
        }
        (Lang::It, NameViolation::SubjectNotPermitted) => {
            "il suo soggetto non rientra in alcuno dei nomi ammessi dall'autorità".into()
        }
        (Lang::En, NameViolation::SubjectExcluded(s)) => format!("its subject is excluded ({s})"),
        (Lang::It, NameViolation::SubjectExcluded(s)) => format!("il suo soggetto è escluso ({s})"),
        (Lang::En, NameViolation::MailNotPermitted(a)) => {
            format!("the address {a} is in none of the permitted mail domains")
        }
        (Lang::It, NameViolation::MailNotPermitted(a)) => {
            format!("l'indirizzo {a} non rientra in alcun dominio di posta ammesso")
        }
        (Lang::En, NameViolation::MailExcluded(a)) => format!("the address {a} is excluded"),
        (Lang::It, NameViolation::MailExcluded(a)) => format!("l'indirizzo {a} è escluso"),
        (Lang::En, NameViolation::AltDirectoryNotPermitted(n)) => {
            format!("the directory name {n} of its alternative names is not among those permitted")
        }
        (Lang::It, NameViolation::AltDirectoryNotPermitted(n)) => {
            format!("il nome {n} tra i suoi nomi alternativi non è tra quelli ammessi")
        }
        (Lang::En, NameViolation::Unevaluated(form)) => format!(
            "it carries a name of form {form}, which the authority constrains and peckit does not evaluate"
        ),
        (Lang::It, NameViolation::Unevaluated(form)) => {
            format!("contiene un nome di tipo {form}, che l'autorità vincola e peckit non valuta")
        }
    }
}
