//! Name constraints (RFC 5280 §4.2.1.10, §6.1.3 (b)–(c), §6.1.4 (g); RFC 5937 for anchors):
//! which subject names and mail addresses a CA allows below it. AgID CA1 publishes this way
//! the register of accredited PEC providers — one permitted directory subtree per provider
//! (C, ST, L, O) and the providers' mail domains — so a certificate chained to it must fall
//! in one of them.
//!
//! Evaluated: `directoryName` (the subject's RDN sequence must start with the subtree's,
//! attributes compared case- and space-insensitively, RFC 5280 §7.1) and `rfc822Name` (SAN
//! addresses and subject emailAddress attributes: a mailbox, a host, or `.domain`). Any other
//! form of constraint fails a certificate only when that certificate carries a name of that
//! form, and is then reported as unevaluated, never passed silently.

use serde::Serialize;

pub use crate::finding::NameViolation as Violation;
use x509_cert::ext::pkix::constraints::name::GeneralSubtrees;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::name::Name;

/// An RDN sequence, each RDN's attributes as (OID, normalised value).
pub type Rdns = Vec<Vec<(String, String)>>;

/// The emailAddress attribute (PKCS #9).
const OID_EMAIL_ADDRESS: &str = "1.2.840.113549.1.9.1";

/// One subtree of a constraint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subtree {
    /// A directory name prefix.
    Directory {
        /// Its RDNs, normalised.
        rdns: Rdns,
        /// As written, for people (`C=IT, ST=Roma, L=Roma, O=…`).
        display: String,
    },
    /// An rfc822Name constraint: `user@host`, `host` or `.domain`, lower-cased.
    Mail(String),
    /// A form peckit does not evaluate (`dNSName`, `iPAddress`, `uniformResourceIdentifier`, …).
    Unevaluated(&'static str),
}

/// A CA's name constraints.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Constraints {
    /// Names below must fall in one of these (per name form present).
    pub permitted: Vec<Subtree>,
    /// Names below must fall in none of these.
    pub excluded: Vec<Subtree>,
}

/// The names a certificate carries that constraints apply to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CertNames {
    /// The subject, normalised.
    pub subject: Rdns,
    /// SAN rfc822Name and subject emailAddress attributes, lower-cased.
    pub mail: Vec<String>,
    /// Forms of SAN entries peckit does not evaluate (`dNSName`, `iPAddress`, …).
    pub other_forms: Vec<&'static str>,
    /// directoryName entries of the SAN (constrained like the subject), with how they read.
    pub alt_directories: Vec<(Rdns, String)>,
}

fn normalise(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The RDNs of a Name, normalised (values that are not directory strings keep their DER hex).
pub fn rdns_of(name: &Name) -> Rdns {
    name.iter_rdn()
        .map(|rdn| {
            rdn.iter()
                .map(|atv| {
                    let value = x509_cert::ext::pkix::name::DirectoryString::try_from(&atv.value)
                        .map(|d| normalise(&d.value()))
                        .or_else(|_| {
                            atv.value
                                .decode_as::<der::asn1::Ia5StringRef<'_>>()
                                .map(|s| normalise(s.as_str()))
                        })
                        .unwrap_or_else(|_| hex::encode(atv.value.value()));
                    (atv.oid.to_string(), value)
                })
                .collect()
        })
        .collect()
}

fn form_of(name: &GeneralName) -> &'static str {
    match name {
        GeneralName::OtherName(_) => "otherName",
        GeneralName::Rfc822Name(_) => "rfc822Name",
        GeneralName::DnsName(_) => "dNSName",
        GeneralName::DirectoryName(_) => "directoryName",
        GeneralName::EdiPartyName(_) => "ediPartyName",
        GeneralName::UniformResourceIdentifier(_) => "uniformResourceIdentifier",
        GeneralName::IpAddress(_) => "iPAddress",
        GeneralName::RegisteredId(_) => "registeredID",
    }
}

/// A Name as an RFC 4514 string (last RDN first, short names for the usual attributes).
/// x509-cert's Display looks every OID up in a table of thousands of names: AgID CA1 lists
/// 27 providers, which took 3 ms at every start.
fn display_of(name: &Name) -> String {
    let escape = |v: &str| {
        let mut out = String::with_capacity(v.len());
        for (i, c) in v.chars().enumerate() {
            if matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';')
                || (i == 0 && matches!(c, '#' | ' '))
            {
                out.push('\\');
            }
            out.push(c);
        }
        out
    };
    let rdns: Vec<String> = name
        .iter_rdn()
        .map(|rdn| {
            rdn.iter()
                .map(|atv| {
                    let oid = atv.oid.to_string();
                    let key = match oid.as_str() {
                        "2.5.4.3" => "CN".to_string(),
                        "2.5.4.6" => "C".to_string(),
                        "2.5.4.7" => "L".to_string(),
                        "2.5.4.8" => "ST".to_string(),
                        "2.5.4.10" => "O".to_string(),
                        "2.5.4.11" => "OU".to_string(),
                        _ => oid,
                    };
                    let value = x509_cert::ext::pkix::name::DirectoryString::try_from(&atv.value)
                        .map(|d| escape(&d.value()))
                        .unwrap_or_else(|_| format!("#{}", hex::encode(atv.value.value())));
                    format!("{key}={value}")
                })
                .collect::<Vec<_>>()
                .join("+")
        })
        .collect();
    rdns.into_iter().rev().collect::<Vec<_>>().join(",")
}

/// The subtrees of a GeneralSubtrees list.
pub fn subtrees(list: &GeneralSubtrees) -> Vec<Subtree> {
    list.iter()
        .map(|s| match &s.base {
            GeneralName::DirectoryName(name) => {
                Subtree::Directory { rdns: rdns_of(name), display: display_of(name) }
            }
            GeneralName::Rfc822Name(m) => Subtree::Mail(m.to_string().to_lowercase()),
            other => Subtree::Unevaluated(form_of(other)),
        })
        .collect()
}

/// The names of a certificate: subject, mail addresses (SAN and subject emailAddress), and the
/// forms of other SAN entries.
pub fn cert_names(subject: &Name, san: &[GeneralName]) -> CertNames {
    let rdns = rdns_of(subject);
    let mut mail: Vec<String> = san
        .iter()
        .filter_map(|g| match g {
            GeneralName::Rfc822Name(m) => Some(m.to_string().to_lowercase()),
            _ => None,
        })
        .collect();
    mail.extend(
        rdns.iter().flatten().filter(|(oid, _)| oid == OID_EMAIL_ADDRESS).map(|(_, v)| v.clone()),
    );
    let mut other_forms: Vec<&'static str> = san
        .iter()
        .filter(|g| !matches!(g, GeneralName::Rfc822Name(_) | GeneralName::DirectoryName(_)))
        .map(form_of)
        .collect();
    other_forms.dedup();
    let alt_directories = san
        .iter()
        .filter_map(|g| match g {
            GeneralName::DirectoryName(name) => Some((rdns_of(name), display_of(name))),
            _ => None,
        })
        .collect();
    CertNames { subject: rdns, mail, other_forms, alt_directories }
}

/// RFC 5280 §4.2.1.10: a directory name is within a subtree when the subtree's RDN sequence
/// is its first RDNs.
fn within_directory(subject: &Rdns, subtree: &Rdns) -> bool {
    subtree.len() <= subject.len()
        && subtree.iter().zip(subject).all(|(s, n)| {
            let (mut s, mut n) = (s.clone(), n.clone());
            s.sort();
            n.sort();
            s == n
        })
}

/// RFC 5280 §4.2.1.10: `user@host` is one mailbox, `host` every mailbox at that host,
/// `.domain` every mailbox at any host in the domain.
pub fn within_mail(address: &str, constraint: &str) -> bool {
    let Some((_, host)) = address.rsplit_once('@') else { return false };
    if constraint.contains('@') {
        address.eq_ignore_ascii_case(constraint)
    } else if let Some(domain) = constraint.strip_prefix('.') {
        host.len() > domain.len()
            && host.to_lowercase().ends_with(&format!(".{}", domain.to_lowercase()))
    } else {
        host.eq_ignore_ascii_case(constraint)
    }
}

/// Checks the names of a certificate below a CA against that CA's constraints.
pub fn check(constraints: &Constraints, names: &CertNames) -> Result<(), Violation> {
    let directories: Vec<&Rdns> = constraints
        .permitted
        .iter()
        .filter_map(|s| match s {
            Subtree::Directory { rdns, .. } => Some(rdns),
            _ => None,
        })
        .collect();
    if !directories.is_empty()
        && !names.subject.is_empty()
        && !directories.iter().any(|d| within_directory(&names.subject, d))
    {
        return Err(Violation::SubjectNotPermitted);
    }
    for s in &constraints.excluded {
        if let Subtree::Directory { rdns, display } = s
            && !names.subject.is_empty()
            && within_directory(&names.subject, rdns)
        {
            return Err(Violation::SubjectExcluded(display.clone()));
        }
    }
    // A directoryName in the SAN is constrained as the subject is (RFC 5280 §4.2.1.10).
    for (alt, shown) in &names.alt_directories {
        let permitted =
            directories.is_empty() || directories.iter().any(|d| within_directory(alt, d));
        let excluded = constraints
            .excluded
            .iter()
            .any(|s| matches!(s, Subtree::Directory { rdns, .. } if within_directory(alt, rdns)));
        if !permitted || excluded {
            return Err(Violation::AltDirectoryNotPermitted(shown.clone()));
        }
    }
    let mail_permitted: Vec<&str> = constraints
        .permitted
        .iter()
        .filter_map(|s| match s {
            Subtree::Mail(m) => Some(m.as_str()),
            _ => None,
        })
        .collect();
    for address in &names.mail {
        if !mail_permitted.is_empty() && !mail_permitted.iter().any(|m| within_mail(address, m)) {
            return Err(Violation::MailNotPermitted(address.clone()));
        }
        for s in &constraints.excluded {
            if let Subtree::Mail(m) = s
                && within_mail(address, m)
            {
                return Err(Violation::MailExcluded(address.clone()));
            }
        }
    }
    // A constraint on a form peckit does not evaluate matters only when such a name occurs.
    for s in constraints.permitted.iter().chain(&constraints.excluded) {
        if let Subtree::Unevaluated(form) = s
            && names.other_forms.contains(form)
        {
            return Err(Violation::Unevaluated((*form).into()));
        }
    }
    Ok(())
}

/// A signer's entry in the register of accredited providers an authority signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, Hash)]
pub struct Registration {
    /// The authority whose name constraints are the register (its common name).
    pub authority: String,
    /// The permitted directory subtree the signer's subject falls in: the provider's
    /// registered name and place, as the authority wrote it; null when the register lists
    /// mail domains only.
    pub registered_as: Option<String>,
    /// The permitted mail domains the signer's addresses fall in.
    pub mail_domains: Vec<String>,
}

/// Why a signer has no registration to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum NoRegistration {
    /// No certificate of the path publishes a register (DigitPA CA1, 2011).
    NoRegister,
    /// The signer does not chain to a trusted anchor.
    Untrusted,
}

/// Where a signer stands in its authority's register, as JSON shows it: the entry, or null
/// and why (`#[serde(flatten)]` into the object that names the signer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, Hash)]
pub struct Accreditation {
    /// The entry, when there is one.
    pub accreditation: Option<Registration>,
    /// Why there is none; null when there is.
    pub accreditation_reason: Option<NoRegistration>,
}

impl Default for Accreditation {
    fn default() -> Self {
        Accreditation { accreditation: None, accreditation_reason: Some(NoRegistration::Untrusted) }
    }
}

/// The accreditation of a signer under an authority's constraints (`None` constraints, or
/// none permitted: the authority publishes no list).
pub fn accreditation(
    authority: &str,
    constraints: Option<&Constraints>,
    signer: &CertNames,
) -> Accreditation {
    let Some(c) = constraints.filter(|c| !c.permitted.is_empty()) else {
        return Accreditation {
            accreditation: None,
            accreditation_reason: Some(NoRegistration::NoRegister),
        };
    };
    let registered_as = c.permitted.iter().find_map(|s| match s {
        Subtree::Directory { rdns, display } if within_directory(&signer.subject, rdns) => {
            Some(display.clone())
        }
        _ => None,
    });
    let mail_domains = c
        .permitted
        .iter()
        .filter_map(|s| match s {
            Subtree::Mail(m) if signer.mail.iter().any(|a| within_mail(a, m)) => Some(m.clone()),
            _ => None,
        })
        .collect();
    Accreditation {
        accreditation: Some(Registration {
            authority: authority.to_string(),
            registered_as,
            mail_domains,
        }),
        accreditation_reason: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rdns(pairs: &[(&str, &str)]) -> Rdns {
        pairs.iter().map(|(o, v)| vec![(o.to_string(), normalise(v))]).collect()
    }

    const C: &str = "2.5.4.6";
    const ST: &str = "2.5.4.8";
    const L: &str = "2.5.4.7";
    const O: &str = "2.5.4.10";
    const CN: &str = "2.5.4.3";

    fn aruba() -> Subtree {
        Subtree::Directory {
            rdns: rdns(&[
                (C, "IT"),
                (ST, "Bergamo"),
                (L, "Ponte San Pietro"),
                (O, "Aruba PEC S.p.A."),
            ]),
            display: "C=IT, ST=Bergamo, L=Ponte San Pietro, O=Aruba PEC S.p.A.".into(),
        }
    }

    fn register() -> Constraints {
        Constraints {
            permitted: vec![aruba(), Subtree::Mail("pec.aruba.it".into())],
            excluded: vec![Subtree::Unevaluated("iPAddress")],
        }
    }

    fn signer(subject: &[(&str, &str)], mail: &[&str]) -> CertNames {
        CertNames {
            subject: rdns(subject),
            mail: mail.iter().map(|m| m.to_string()).collect(),
            other_forms: Vec::new(),
            alt_directories: Vec::new(),
        }
    }

    #[test]
    fn a_registered_provider_passes_and_is_named() {
        let names = signer(
            &[
                (C, "IT"),
                (ST, "Bergamo"),
                (L, "Ponte San  Pietro"),
                (O, "ARUBA PEC S.p.A."),
                (CN, "x"),
            ],
            &["posta-certificata@pec.aruba.it"],
        );
        assert_eq!(check(&register(), &names), Ok(()));
        let Some(Registration { registered_as, mail_domains, authority }) =
            accreditation("AgID CA1", Some(&register()), &names).accreditation
        else {
            panic!("a registered provider")
        };
        assert!(registered_as.unwrap().contains("Aruba PEC"));
        assert_eq!(mail_domains, vec!["pec.aruba.it".to_string()]);
        assert_eq!(authority, "AgID CA1");
    }

    #[test]
    fn outside_the_register_fails() {
        let elsewhere = signer(&[(C, "IT"), (O, "Gestore Abusivo")], &["x@pec.aruba.it"]);
        assert_eq!(check(&register(), &elsewhere), Err(Violation::SubjectNotPermitted));
        let wrong_mail = signer(
            &[(C, "IT"), (ST, "Bergamo"), (L, "Ponte San Pietro"), (O, "Aruba PEC S.p.A.")],
            &["posta-certificata@pec.aruba.it", "x@altro.example"],
        );
        assert_eq!(
            check(&register(), &wrong_mail),
            Err(Violation::MailNotPermitted("x@altro.example".into()))
        );
        // An IP range excluded is no problem without an IP address; with one, it is reported.
        let mut with_ip = signer(
            &[(C, "IT"), (ST, "Bergamo"), (L, "Ponte San Pietro"), (O, "Aruba PEC S.p.A.")],
            &[],
        );
        assert_eq!(check(&register(), &with_ip), Ok(()));
        with_ip.other_forms.push("iPAddress");
        assert_eq!(check(&register(), &with_ip), Err(Violation::Unevaluated("iPAddress".into())));
        // A directory name in the SAN is held to the register like the subject.
        let mut alt = signer(
            &[(C, "IT"), (ST, "Bergamo"), (L, "Ponte San Pietro"), (O, "Aruba PEC S.p.A.")],
            &[],
        );
        alt.alt_directories
            .push((rdns(&[(C, "IT"), (O, "Gestore Abusivo")]), "O=Gestore Abusivo,C=IT".into()));
        assert_eq!(
            check(&register(), &alt),
            Err(Violation::AltDirectoryNotPermitted("O=Gestore Abusivo,C=IT".into()))
        );
    }

    #[test]
    fn mail_constraints_follow_rfc_5280() {
        assert!(within_mail("a@pec.aruba.it", "pec.aruba.it"));
        assert!(!within_mail("a@x.pec.aruba.it", "pec.aruba.it"));
        assert!(within_mail("a@x.pec.aruba.it", ".pec.aruba.it"));
        assert!(!within_mail("a@pec.aruba.it", ".pec.aruba.it"));
        assert!(within_mail("A@PEC.aruba.it", "a@pec.aruba.it"));
        assert!(!within_mail("b@pec.aruba.it", "a@pec.aruba.it"));
    }

    #[test]
    fn no_register_is_said() {
        assert_eq!(
            accreditation("DigitPA CA1", None, &CertNames::default()),
            Accreditation {
                accreditation: None,
                accreditation_reason: Some(NoRegistration::NoRegister)
            }
        );
    }
}
