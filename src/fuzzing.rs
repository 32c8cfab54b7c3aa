//! Entry points shared by the fuzz targets (fuzz/) and the regression test that replays their
//! corpus and past crashes (tests/cli/fuzz_regressions.rs). Each one must never panic; the
//! names target also checks the safety invariant of extracted file names.
#![doc(hidden)]

use crate::limits::Limits;
use crate::read::SignedForm;
use crate::verify::trust::TrustStore;
use crate::verify::verifier::Verifier;

fn verifier() -> Verifier {
    Verifier::new(TrustStore::embedded()).with_now(jiff::Timestamp::UNIX_EPOCH)
}

/// Read, assess, describe and report one input.
pub fn read_and_verify(data: &[u8]) {
    let limits = Limits { max_mime_depth: 32, max_parts: 2000, ..Limits::default() };
    if let Ok(artefact) = crate::read::read(data.to_vec(), &limits) {
        let assessment = crate::certify::assess::assess(&artefact, &verifier());
        let _ = crate::report::model::ArtefactReport::new("fuzz", &artefact, &assessment);
        let _ = crate::report::model::InspectReport::new("fuzz", &artefact);
        let _ = artefact.notice();
    }
}

/// Read a REM evidence, canonicalise it and verify its XAdES signature.
pub fn xades(data: &[u8]) {
    let _ = crate::read::rem::parse(data);
    // Through the one parser the product uses: it refuses what would nest too deep.
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(doc) = crate::read::rem::parse_document(text)
    {
        let _ = crate::read::c14n::canonicalise(doc.root(), &|_| false, &Default::default());
    }
    let _ = crate::verify::xades::verify(data, &verifier());
}

/// Parse daticert.xml.
pub fn daticert(data: &[u8]) {
    let _ = crate::read::daticert::parse(data, &Limits::default());
}

/// Parse and verify a CMS blob over fixed content, both forms.
pub fn cms(data: &[u8]) {
    let verifier = verifier();
    let _ = verifier.verify_signature(b"content\n", data, SignedForm::Detached, None);
    let _ = verifier.verify_signature(b"", data, SignedForm::Opaque, None);
    let _ = crate::verify::describe::describe_signer(data);
    let _ = crate::verify::describe::certificates_pem(data);
    let _ = crate::verify::cert::Cert::from_der(data);
}

/// Sanitised names are one safe component, never empty, never too long.
pub fn names(data: &[u8]) {
    let name = String::from_utf8_lossy(data);
    let safe = crate::names::sanitize(&name, "fallback");
    assert!(!safe.is_empty());
    assert!(!safe.contains(['/', '\\', '\0']), "{safe:?}");
    assert!(safe != "." && safe != "..", "{safe:?}");
    assert!(safe.len() <= crate::names::MAX_NAME_BYTES, "{}", safe.len());
    assert!(!safe.chars().any(char::is_control), "{safe:?}");
    let mut unique = crate::names::UniqueNames::new();
    let a = unique.claim(&safe);
    let b = unique.claim(&safe);
    assert_ne!(a.to_lowercase(), b.to_lowercase());
    assert!(b.len() <= crate::names::MAX_NAME_BYTES, "{}", b.len());
}

/// Split a container held in memory, as mbox and as zip, and load every member: members
/// never exceed the limit and splitting never panics.
pub fn containers(data: &[u8]) {
    use crate::input::{Container, Source, container_members};
    let max = 4096;
    for container in [Container::Mbox, Container::Zip] {
        let members = container_members(container, "fuzz".into(), data.to_vec(), max);
        for member in members.take(10_000).flatten() {
            if let Source::Member { bytes, .. } = &member {
                assert!(u64::try_from(bytes.len()).unwrap_or(u64::MAX) <= max);
            }
            let _ = member.load(max);
        }
    }
}
