//! Serialisable views of artefacts, assessments and summaries: the JSON contract.
//!
//! Every renderer (table, JSON, JSONL, CSV) formats these; none decides anything. Keys are
//! snake_case English, enum values and problem codes kebab-case, times RFC 3339 (`*_utc` in
//! `Z`), and a missing value is `null`, never a missing key. `schema_version` changes only
//! for a breaking change; the schema is in `docs/verify.schema.json`.
#![deny(clippy::indexing_slicing)]

use serde::Serialize;

use crate::catalogue::Lang;
use crate::catalogue::texts::{Text, text};
use crate::certify::assess::{Assessment, Verdict};
use crate::error::ReadFailure;
use crate::problem::Problem;
use crate::read::daticert::DatiCert;
use crate::read::{Artefact, Claims, MimeNode, SignedForm};
use crate::verify::{Accreditation, SignatureReport};

/// The version of the JSON documents peckit writes.
pub const SCHEMA_VERSION: u32 = super::envelope::VERIFY.schema_version;

/// The signer's identity (docs/pec-spec.md §4.1 step 6).
#[derive(Debug, Clone, Serialize)]
pub struct Identity {
    /// The provider: certificate subject O, else CN.
    pub provider: Option<String>,
    /// The certificate's e-mail address (SAN rfc822Name).
    pub email: Option<String>,
    /// Whether that address equals the From address; null when either is missing.
    pub matches_from: Option<bool>,
    /// Whether the certificate carries the PEC policy OID 1.3.76.16.3.1.1.
    pub pec_policy: bool,
    /// The signer's entry in the register of accredited providers its authority signed
    /// (AgID CA1's name constraints): `accreditation`, or null and `accreditation_reason`.
    #[serde(flatten)]
    pub accreditation: Accreditation,
}

/// Whether two names of a provider are the same name written differently (case, spaces,
/// punctuation: "ARUBA PEC S.p.A." and "Aruba PEC S.p.A.", "Sogei SpA" and "Sogei S.p.A.").
pub fn same_provider_name(a: &str, b: &str) -> bool {
    fn letters(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase)
    }
    letters(a).eq(letters(b))
}

/// `gestore-emittente` as a reader should see it: the signer's own words, followed by the
/// organisation its certificate names when that is another name (pec-spec §4.2: free text).
pub fn stated_provider(lang: Lang, stated: &str, certificate: Option<&str>) -> String {
    match certificate {
        Some(o) if !same_provider_name(stated, o) => {
            // Filled piece by piece: the names are free text and may hold "{}" themselves.
            let mut pieces = text(lang, Text::SignerCertificateNames).split("{}");
            let mut out = pieces.next().unwrap_or_default().to_string();
            for (value, piece) in [stated, o].into_iter().zip(pieces) {
                out.push_str(value);
                out.push_str(piece);
            }
            out
        }
        _ => stated.to_string(),
    }
}

impl Identity {
    fn of(signature: &SignatureReport, matches_from: Option<bool>) -> Option<Identity> {
        let signer = signature.signer.as_ref()?;
        Some(Identity {
            provider: signer.provider().map(str::to_string),
            email: signer.email.clone(),
            matches_from,
            pec_policy: signer.pec_policy,
            accreditation: signature.accreditation.clone(),
        })
    }

    /// A standalone REM evidence's signer: the provider is the certificate's, never the
    /// name the evidence states of itself (review 12).
    fn of_evidence(xades: &crate::verify::xades::XadesReport) -> Option<Identity> {
        let signer = xades.signer.as_ref()?;
        Some(Identity {
            provider: signer.provider().map(str::to_string),
            email: signer.email.clone(),
            matches_from: None,
            pec_policy: signer.pec_policy,
            accreditation: xades.accreditation.clone(),
        })
    }
}

/// A REM message's evidence as its provider signed it: read from the content the S/MIME
/// signature covers (so certified as that signature is), with what it corresponds to in PEC.
#[derive(Debug, Clone, Serialize)]
pub struct RemReport {
    /// `dispatch` or `receipt`, from the unsigned `REM-MessageType` header.
    pub message_type: Option<String>,
    /// The PEC artefact the event corresponds to, or null.
    pub pec_equivalent: Option<&'static str>,
    /// The evidence's own XAdES signature, as verified.
    pub xades: Option<crate::verify::xades::XadesReport>,
    /// What the evidence states.
    #[serde(flatten)]
    pub evidence: crate::read::rem::RemEvidence,
}

impl RemReport {
    /// The evidence of a REM message, when it could be read.
    pub fn of(artefact: &Artefact, assessment: &Assessment) -> Option<RemReport> {
        let evidence = artefact.content.as_ref()?.rem.as_ref()?.as_ref().ok()?.clone();
        Some(RemReport {
            message_type: artefact.claims.rem.as_ref().and_then(|c| c.message_type.clone()),
            pec_equivalent: evidence.event.as_deref().and_then(crate::read::rem::pec_equivalent),
            xades: assessment.xades.clone(),
            evidence,
        })
    }
}

/// One artefact's verification result (`peckit verify`).
#[derive(Debug, Clone, Serialize)]
pub struct ArtefactReport {
    /// Where the artefact came from (file path, `-`, `archive!member`, `mbox#N`).
    pub path: String,
    /// Kind, kebab-case.
    pub kind: String,
    /// For avvenuta-consegna: completa, breve or sintetica.
    pub receipt_type: Option<String>,
    /// valid, invalid or error.
    pub verdict: Verdict,
    /// Problems, most specific first.
    pub problems: Vec<Problem>,
    /// The signature check; null when there was no readable signature.
    pub signature: Option<SignatureReport>,
    /// Who signed, as the certificate says, and whether it matches the From address.
    pub identity: Option<Identity>,
    /// The daticert fields when they are certified: the signature verified over unchanged
    /// bytes and chained to a trusted authority, and no error undermines the signer or the
    /// signed data (`certify::assess::signed_data_certified`); null otherwise.
    pub certified: Option<DatiCert>,
    /// The daticert fields of the signed entity when they are not certified (a signature that
    /// failed, an untrusted signer): what the file states, never evidence; null otherwise (a
    /// daticert outside any signature is named among the problems, never read as data).
    pub daticert_unverified: Option<DatiCert>,
    /// The unsigned headers used (claims).
    pub claimed: Option<Claims>,
    /// Nested artefacts (same shape).
    pub nested: Vec<ArtefactReport>,
    /// A REM message's evidence (ETSI EN 319 522); null for PEC.
    pub rem: Option<RemReport>,
    /// What `peckit evidence` needs beyond the above (the file's SHA-256, the original's
    /// attachments, the signer's record), so that it can be built from these records; JSON
    /// and JSONL only, null for nested artefacts.
    pub evidence: Option<crate::evidence::Facts>,
}

impl ArtefactReport {
    /// The report of an assessed artefact, which stays the caller's (it is copied: code that
    /// is done with the artefact uses [`ArtefactReport::from_owned`]).
    pub fn new(path: &str, artefact: &Artefact, assessment: &Assessment) -> ArtefactReport {
        ArtefactReport::from_owned(path, artefact.clone(), assessment.clone())
    }

    /// The report of an artefact and its assessment that are no longer needed: what the
    /// report keeps of them is moved, not copied (a batch makes one report per file, and
    /// copying the daticert, the claims and the signature was a fifth of its allocations).
    pub fn from_owned(
        path: &str,
        mut artefact: Artefact,
        assessment: Assessment,
    ) -> ArtefactReport {
        let rem = RemReport::of(&artefact, &assessment);
        let Assessment { verdict, problems, signature, signer_matches_from, nested, xades } =
            assessment;
        let identity = match &signature {
            Some(s) => Identity::of(s, signer_matches_from),
            None => xades.as_ref().and_then(Identity::of_evidence),
        };
        let receipt_type = artefact.receipt_type().map(str::to_string);
        let nested_artefacts = std::mem::take(&mut artefact.nested);
        // Taken after everything read from it (the receipt type).
        let daticert = artefact.content.as_mut().and_then(|c| c.daticert.take());
        let (certified, daticert_unverified) =
            if crate::certify::assess::signed_data_certified(signature.as_ref(), &problems) {
                (daticert, None)
            } else {
                (None, daticert)
            };
        ArtefactReport {
            path: path.to_string(),
            kind: artefact.kind.name().to_string(),
            receipt_type,
            verdict,
            problems,
            signature,
            identity,
            certified,
            daticert_unverified,
            claimed: Some(artefact.claims),
            nested: nested_artefacts
                .into_iter()
                .zip(nested)
                .enumerate()
                .map(|(i, (a, s))| {
                    ArtefactReport::from_owned(&format!("{path}#nested{}", i + 1), a, s)
                })
                .collect(),
            rem,
            evidence: None,
        }
    }

    /// The report of an input that could not be read (`unreadable`, or `limit-exceeded` when a
    /// limit refused it).
    pub fn unreadable(path: &str, failure: ReadFailure) -> ArtefactReport {
        let problem = Problem::of(crate::finding::Finding::Unreadable(failure));
        ArtefactReport::headline(
            path.to_string(),
            "unreadable".into(),
            Verdict::Error,
            vec![problem],
        )
    }

    /// A report of what counts and exit statuses read (path, kind, verdict, problems) and
    /// no detail.
    fn headline(
        path: String,
        kind: String,
        verdict: Verdict,
        problems: Vec<Problem>,
    ) -> ArtefactReport {
        ArtefactReport {
            path,
            kind,
            receipt_type: None,
            verdict,
            problems,
            signature: None,
            identity: None,
            certified: None,
            daticert_unverified: None,
            claimed: None,
            nested: Vec::new(),
            rem: None,
            evidence: None,
        }
    }

    /// This report without its detail (signature, identity, certified and claimed data,
    /// nested artefacts, REM, evidence facts): what a batch's writing thread keeps of a report
    /// it has rendered on a worker.
    pub fn into_headline(self) -> ArtefactReport {
        let receipt_type = self.receipt_type;
        ArtefactReport {
            receipt_type,
            ..ArtefactReport::headline(self.path, self.kind, self.verdict, self.problems)
        }
    }

    /// The row of an input that could not be evaluated: `limit-exceeded` when it was
    /// refused for its size or shape, `unreadable` otherwise (missing, empty, not mail).
    pub fn from_error(path: &str, error: &crate::error::Error) -> ArtefactReport {
        ArtefactReport::unreadable(path, ReadFailure::of(error))
    }

    /// The first (most specific) problem that is more than information, if any: a valid
    /// file whose certificate has since expired has none.
    pub fn first_problem(&self) -> Option<&Problem> {
        self.problems.iter().find(|p| p.severity != crate::problem::Severity::Info)
    }

    /// Who issued the artefact: the signer certificate's organisation (or CN), else the
    /// signed daticert `gestore-emittente`; empty when none is known (what a REM evidence
    /// states of its issuer is shown as its claim, never as the provider).
    pub fn provider(&self) -> String {
        self.identity
            .as_ref()
            .and_then(|i| i.provider.clone())
            .or_else(|| self.certified.as_ref().and_then(|c| c.gestore_emittente.clone()))
            .unwrap_or_default()
    }

    /// The signer's accreditation as one sentence: its entry in the register its authority
    /// signed, or that the authority publishes none; nothing when no trusted path was found.
    pub fn accreditation_sentence(&self, lang: crate::catalogue::Lang) -> Option<String> {
        super::evidence::accreditation(lang, &self.identity.as_ref()?.accreditation)
    }

    /// The provider, with the authority it is accredited with when it is (table cells).
    pub fn provider_with_accreditation(&self, lang: crate::catalogue::Lang) -> String {
        let provider = self.provider();
        match self.identity.as_ref().and_then(|i| i.accreditation.accreditation.as_ref()) {
            Some(r) => format!(
                "{provider} ({})",
                crate::catalogue::texts::accredited_short(lang, &r.authority)
            ),
            None => provider,
        }
    }
}

/// Counts by verdict.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    /// Artefacts evaluated.
    pub total: usize,
    /// Valid.
    pub valid: usize,
    /// Invalid.
    pub invalid: usize,
    /// Could not be evaluated.
    pub error: usize,
    /// The run was stopped (Ctrl-C) before every input was read: the counts cover only
    /// what was written.
    pub interrupted: bool,
}

impl Summary {
    /// Counts one verdict.
    pub fn add(&mut self, verdict: Verdict) {
        self.total += 1;
        match verdict {
            Verdict::Valid => self.valid += 1,
            Verdict::Invalid => self.invalid += 1,
            Verdict::Error => self.error += 1,
        }
    }
}

/// `peckit inspect --format json`, one per artefact.
#[derive(Debug, Clone, Serialize)]
pub struct InspectReport {
    /// Where the artefact came from.
    pub path: String,
    /// Whether the daticert fields are certified: the signature verified over unchanged bytes
    /// and chained to a trusted authority, and no error undermines the signer or the signed
    /// data (`certify::assess::signed_data_certified`); null when not checked.
    pub signature_verified: Option<bool>,
    /// Kind, kebab-case.
    pub kind: String,
    /// For avvenuta-consegna: completa, breve or sintetica.
    pub receipt_type: Option<String>,
    /// Unsigned header claims.
    pub claimed: Claims,
    /// Signed daticert fields.
    pub certified: Option<DatiCert>,
    /// Detached or opaque; null when unsigned.
    pub signed_form: Option<SignedForm>,
    /// The signer certificate as found (not verified).
    pub signer: Option<crate::verify::SignerInfoSummary>,
    /// Why the signer could not be described, if so.
    pub signer_error: Option<String>,
    /// The MIME tree with signed parts marked.
    pub mime: MimeNode,
    /// PEC-like parts found outside the signed entity (ignored).
    #[serde(serialize_with = "english_texts")]
    pub outside_signature: Vec<crate::finding::Outside>,
    /// Problems found while reading.
    pub problems: Vec<Problem>,
    /// Nested artefacts.
    pub nested: Vec<InspectReport>,
    /// A REM message's or evidence file's evidence (with its XAdES verdict when assessed).
    pub rem: Option<RemReport>,
}

impl InspectReport {
    /// Describes an artefact, with what its assessment says of its signature (the daticert
    /// fields are certified only when it verified and chained).
    pub fn assessed(path: &str, artefact: &Artefact, assessment: &Assessment) -> InspectReport {
        let mut report = InspectReport::new(path, artefact);
        report.signature_verified = Some(crate::certify::assess::signed_data_certified(
            assessment.signature.as_ref(),
            &assessment.problems,
        ));
        report.nested = artefact
            .nested
            .iter()
            .zip(&assessment.nested)
            .enumerate()
            .map(|(i, (a, s))| InspectReport::assessed(&format!("{path}#nested{}", i + 1), a, s))
            .collect();
        report.rem = RemReport::of(artefact, assessment);
        report
    }

    /// Describes an artefact without verifying it.
    pub fn new(path: &str, artefact: &Artefact) -> InspectReport {
        let (signer, signer_error) = match artefact.signed.as_ref() {
            Some(s) if !s.cms.is_empty() => match crate::verify::describe_signer(&s.cms) {
                Ok(d) => (Some(d), None),
                Err(e) => (None, Some(e.to_string())),
            },
            _ => (None, None),
        };
        InspectReport {
            path: path.to_string(),
            signature_verified: None,
            kind: artefact.kind.name().to_string(),
            receipt_type: artefact.receipt_type().map(str::to_string),
            claimed: artefact.claims.clone(),
            certified: artefact.daticert().cloned(),
            signed_form: artefact.signed.as_ref().map(|s| s.form),
            signer,
            signer_error,
            mime: artefact.tree(),
            outside_signature: artefact.outside_signature.clone(),
            problems: artefact.problems.clone(),
            nested: artefact
                .nested
                .iter()
                .enumerate()
                .map(|(i, a)| InspectReport::new(&format!("{path}#nested{}", i + 1), a))
                .collect(),
            rem: None,
        }
    }
}

/// JSON (`outside_signature`) keeps the English words of each part found outside.
fn english_texts<S: serde::Serializer>(
    outside: &[crate::finding::Outside],
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_seq(outside.iter().map(|o| o.text(crate::catalogue::Lang::En)))
}
