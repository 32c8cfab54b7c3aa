//! EU Trusted Lists (ETSI TS 119 612): the qualified services a member state supervises, with
//! each service's status over time. peckit reads a list only after its own XAdES signature
//! verifies with the signer certificate the user names (`--trusted-list-signer`), and takes
//! as anchors the certificates of the services that deliver registered e-mail (REM and
//! QERDS) or qualified time-stamps, each only for the periods its status was "granted".
#![deny(clippy::indexing_slicing)]

use base64::Engine as _;
use jiff::Timestamp;
use roxmltree::Node;

use super::cert::Cert;
use super::trust::{Anchor, Purpose};
use crate::catalogue::{Lang, failures};
use crate::finding::{Finding, XmlFault};

const TSL: &str = "http://uri.etsi.org/02231/v2#";
const GRANTED: &str = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted";
/// The service types taken as anchors: REM (qualified), QERDS, and qualified time-stamping.
const SERVICE_TYPES: &[&str] = &[
    "http://uri.etsi.org/TrstSvc/Svctype/EDS/REM/Q",
    "http://uri.etsi.org/TrstSvc/Svctype/EDS/Q",
    "http://uri.etsi.org/TrstSvc/Svctype/TSA/QTST",
];

/// Why a trusted list cannot be used: typed, so that the catalogue can say it in Italian too.
#[derive(Debug, thiserror::Error)]
pub enum TrustedListError {
    /// Not well-formed XML (the fault), or (`None`) not a TrustServiceStatusList.
    #[error("{0}: {why}", why = failures::not_a_trusted_list(Lang::En, .1.as_ref()))]
    NotATrustedList(String, Option<XmlFault>),
    /// Its signature does not hold (what the XAdES check found).
    #[error("{0}: {why}", why = failures::trusted_list_signature(Lang::En, .1))]
    Signature(String, Box<Finding>),
    /// Signed by another certificate than the one named.
    #[error("{0}: {why}", why = failures::trusted_list_other_signer(Lang::En, .1))]
    OtherSigner(String, String),
}

/// The anchors a trusted list grants, after its signature verified with `signer`.
pub fn anchors(xml: &[u8], signer: &Cert, source: &str) -> Result<Vec<Anchor>, TrustedListError> {
    let not_a_list = |why| TrustedListError::NotATrustedList(source.to_string(), why);
    let text =
        std::str::from_utf8(xml).map_err(|e| not_a_list(Some(crate::read::rem::not_utf8(e))))?;
    let doc = crate::read::rem::parse_document(text).map_err(|fault| not_a_list(Some(fault)))?;
    let root = doc.root_element();
    if root.tag_name().name() != "TrustServiceStatusList"
        || root.tag_name().namespace() != Some(TSL)
    {
        return Err(not_a_list(None));
    }
    let signed = super::xades::verify_core(&doc)
        .map_err(|f| TrustedListError::Signature(source.to_string(), Box::new(f)))?;
    if signed.signer.der != signer.der {
        return Err(TrustedListError::OtherSigner(
            source.to_string(),
            signed.signer.subject.clone(),
        ));
    }
    let mut out = Vec::new();
    for provider in elements(root, "TrustServiceProvider") {
        let provider_name = first_text(provider, "TSPName").unwrap_or_default();
        for service in elements(provider, "TSPService") {
            let Some(info) = child(service, "ServiceInformation") else { continue };
            let kind = first_text(info, "ServiceTypeIdentifier").unwrap_or_default();
            if !SERVICE_TYPES.contains(&kind.as_str()) {
                continue;
            }
            let granted = granted_periods(service, info);
            if granted.is_empty() {
                continue;
            }
            let name = first_text(info, "ServiceName").unwrap_or_default();
            let since: Vec<String> = granted
                .iter()
                .map(|(from, until)| match until {
                    Some(u) => format!("{from} – {u}"),
                    // An open period, without words: the label reaches Italian pages too.
                    None => format!("{from} –"),
                })
                .collect();
            // Taken apart again by `service_label`: keep the two in step.
            let label = format!(
                "{source}: {name} ({provider_name}), {}, granted {}",
                kind.strip_prefix("http://uri.etsi.org/TrstSvc/Svctype/").unwrap_or(&kind),
                since.join(", ")
            );
            for cert in info
                .descendants()
                .filter(|n| n.is_element() && n.tag_name().name() == "X509Certificate")
                .filter_map(|n| {
                    let text = crate::read::rem::element_text(n);
                    let b64: String = text.split_whitespace().collect();
                    base64::engine::general_purpose::STANDARD.decode(b64).ok()
                })
                .filter_map(|der| Cert::from_der(&der).ok())
            {
                out.push(Anchor {
                    cert,
                    source: label.clone(),
                    granted: Some(granted.clone()),
                    service: Some(if kind.ends_with("/TSA/QTST") {
                        Purpose::TimeStamp
                    } else {
                        Purpose::Rem
                    }),
                });
            }
        }
    }
    Ok(out)
}

/// An anchor's label as [`anchors`] writes it (`LIST: NAME (PROVIDER), TYPE, granted
/// PERIODS`), taken apart for the reports to say in words; `None` for any other anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceLabel<'a> {
    /// `LIST: NAME (PROVIDER)`.
    pub service: &'a str,
    /// The service type, `EDS/REM/Q`, `EDS/Q` or `TSA/QTST`.
    pub kind: &'a str,
    /// The periods its status was granted, `FROM – [UNTIL]`, comma-separated.
    pub periods: &'a str,
}

/// Takes an anchor's label apart, when a trusted list's service wrote it.
pub fn service_label(label: &str) -> Option<ServiceLabel<'_>> {
    let (head, periods) = label.rsplit_once(", granted ")?;
    let (service, kind) = head.rsplit_once(", ")?;
    let known = SERVICE_TYPES.iter().any(|t| t.ends_with(&format!("/Svctype/{kind}")));
    known.then_some(ServiceLabel { service, kind, periods })
}

/// The periods a service's status was granted: its current status and its history, each
/// status lasting until the next one starts.
fn granted_periods(
    service: Node<'_, '_>,
    info: Node<'_, '_>,
) -> Vec<(Timestamp, Option<Timestamp>)> {
    let mut statuses: Vec<(Timestamp, bool)> = std::iter::once(info)
        .chain(
            child(service, "ServiceHistory")
                .into_iter()
                .flat_map(|h| elements(h, "ServiceHistoryInstance")),
        )
        .filter_map(|entry| {
            let start = first_text(entry, "StatusStartingTime")?.parse::<Timestamp>().ok()?;
            Some((start, first_text(entry, "ServiceStatus")? == GRANTED))
        })
        .collect();
    statuses.sort_by_key(|(start, _)| *start);
    let ends: Vec<Option<Timestamp>> =
        statuses.iter().skip(1).map(|(s, _)| Some(*s)).chain(std::iter::once(None)).collect();
    statuses
        .iter()
        .zip(ends)
        .filter(|((_, granted), _)| *granted)
        .map(|((start, _), end)| (*start, end))
        .collect()
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| n.is_element() && n.tag_name().name() == name)
}

fn elements<'a, 'i: 'a>(
    node: Node<'a, 'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.descendants().filter(move |n| n.is_element() && n.tag_name().name() == name)
}

/// The text of the first descendant `name` (a `Name` inside it for multilingual names).
fn first_text(node: Node<'_, '_>, name: &str) -> Option<String> {
    let found = node.descendants().find(|n| n.is_element() && n.tag_name().name() == name)?;
    let holder = found
        .descendants()
        .find(|n| n.is_element() && n.tag_name().name() == "Name")
        .unwrap_or(found);
    let text = crate::read::rem::element_text(holder);
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}
