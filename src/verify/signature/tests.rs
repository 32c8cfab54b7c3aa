//! Each step of the signature check on its own, and the whole check on signed samples.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;
use crate::limits::Limits;
use crate::problem::ProblemCode;
use crate::verify::trust::TrustStore;

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/samples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn sample_cert(name: &str) -> Cert {
    use base64::Engine;
    let pem = std::fs::read_to_string(format!("{}/samples/pki/{name}", env!("CARGO_MANIFEST_DIR")))
        .unwrap();
    let body: String = pem.lines().skip(1).take_while(|l| !l.starts_with("-----")).collect();
    Cert::from_der(&base64::engine::general_purpose::STANDARD.decode(body).unwrap()).unwrap()
}

fn verifier() -> Verifier {
    let mut trust = TrustStore::embedded();
    trust
        .add_path(std::path::Path::new(&format!(
            "{}/samples/pki/trust-root.pem",
            env!("CARGO_MANIFEST_DIR")
        )))
        .unwrap();
    Verifier::new(trust).with_now(at("2026-01-01T00:00:00Z"))
}

/// The signed content and CMS of a sample, as `read` finds them.
fn signed_parts(bytes: Vec<u8>) -> (Vec<u8>, Vec<u8>, SignedForm) {
    let artefact = crate::read::read(bytes, &Limits::default()).unwrap();
    let signed = artefact.signed.as_ref().unwrap();
    (signed.content(&artefact.raw).to_vec(), signed.cms.clone(), signed.form)
}

#[test]
fn a_certified_time_standing_in_for_the_signing_time_is_named_as_such() {
    use crate::finding::JudgedAt;
    // Review 23: revocation findings said "the signing time" of a signature without one.
    assert_eq!(judged_at(ReferenceTimeSource::Daticert), JudgedAt::CertifiedTime);
    assert_eq!(judged_at(ReferenceTimeSource::SigningTime), JudgedAt::SigningTime);
    assert_eq!(judged_at(ReferenceTimeSource::Requested), JudgedAt::Requested);
    assert_eq!(judged_at(ReferenceTimeSource::Now), JudgedAt::Now);
    let (c, s) = (at("2026-12-01T10:00:30Z"), at("2026-12-01T10:00:00Z"));
    assert_eq!(dated(Some(s), Some(c)), Some((c, JudgedAt::CertifiedTime)));
    assert_eq!(dated(Some(c), Some(s)), Some((c, JudgedAt::SigningTime)));
    assert_eq!(dated(None, Some(c)), Some((c, JudgedAt::CertifiedTime)));
}

#[test]
fn the_caller_s_time_comes_first_then_signing_then_certified_then_now() {
    let (a, b, c, now) = (
        at("2020-01-01T00:00:00Z"),
        at("2021-01-01T00:00:00Z"),
        at("2022-01-01T00:00:00Z"),
        at("2026-01-01T00:00:00Z"),
    );
    assert_eq!(reference_time(Some(a), Some(b), Some(c), now), (a, ReferenceTimeSource::Requested));
    assert_eq!(reference_time(None, Some(b), Some(c), now), (b, ReferenceTimeSource::SigningTime));
    assert_eq!(reference_time(None, None, Some(c), now), (c, ReferenceTimeSource::Daticert));
    assert_eq!(reference_time(None, None, None, now), (now, ReferenceTimeSource::Now));
    assert!(no_signing_time_problem(ReferenceTimeSource::SigningTime).is_none());
    assert!(no_signing_time_problem(ReferenceTimeSource::Requested).is_none());
    assert_eq!(
        no_signing_time_problem(ReferenceTimeSource::Now).unwrap().code,
        ProblemCode::NoSigningTime
    );
}

#[test]
fn lf_only_content_matches_its_crlf_digest_and_crlf_content_matches_as_is() {
    let crlf = b"a\r\nb\r\n";
    let lf = b"a\nb\n";
    let expected = DigestAlg::Sha256.digest(crlf);
    assert_eq!(
        content_matches(DigestAlg::Sha256, crlf, &expected, SignedForm::Detached),
        (true, false)
    );
    assert_eq!(
        content_matches(DigestAlg::Sha256, lf, &expected, SignedForm::Detached),
        (true, true)
    );
    // Opaque content is never canonicalised: it is carried inside the signature as signed.
    assert_eq!(
        content_matches(DigestAlg::Sha256, lf, &expected, SignedForm::Opaque),
        (false, false)
    );
    assert_eq!(
        content_matches(DigestAlg::Sha256, b"a\r\nc\r\n", &expected, SignedForm::Detached),
        (false, false)
    );
    assert_eq!(
        digest_without_attributes(DigestAlg::Sha256, lf, SignedForm::Detached),
        (expected, true)
    );
}

#[test]
fn sha1_anywhere_is_named() {
    let sha256_rsa = SigAlg::RsaPkcs1(DigestAlg::Sha256);
    let sha1_rsa = SigAlg::RsaPkcs1(DigestAlg::Sha1);
    assert!(weak_digest_problem(DigestAlg::Sha256, &sha256_rsa, &[]).is_none());
    let p = weak_digest_problem(DigestAlg::Sha256, &sha1_rsa, &[]).unwrap();
    assert!(p.message.contains("signature algorithm"), "{}", p.message);
    let p = weak_digest_problem(DigestAlg::Sha1, &sha1_rsa, &["CN=x".into()]).unwrap();
    assert!(
        p.message.contains("the content digest") && p.message.contains("CN=x"),
        "{}",
        p.message
    );
    assert!(!p.message.contains("signature algorithm"), "{}", p.message);
}

#[test]
fn a_signer_must_be_allowed_to_sign_mail() {
    assert_eq!(signer_usage_problem(&sample_cert("alfa.pem"), Purpose::Pec), None);
    assert_eq!(
        signer_usage_problem(&sample_cert("wrong-usage-alfa.pem"), Purpose::Pec),
        Some(UsageProblem::KeyUsage)
    );
    assert_eq!(
        signer_usage_problem(&sample_cert("root.pem"), Purpose::Pec),
        Some(UsageProblem::IsCa)
    );
}

#[test]
fn expiry_after_signing_is_information_only_when_valid_at_signing() {
    let alfa = sample_cert("alfa.pem");
    let signing = alfa.not_before + jiff::SignedDuration::from_hours(1);
    let later = alfa.not_after + jiff::SignedDuration::from_hours(1);
    assert!(expired_since_signing(&alfa, signing, signing).is_none());
    let p = expired_since_signing(&alfa, signing, later).unwrap();
    assert_eq!(p.code, ProblemCode::CertExpiredNow);
    // Not valid when it signed: that is the path's problem, not this note.
    assert!(expired_since_signing(&alfa, later, later).is_none());
}

#[test]
fn a_good_sample_verifies_and_each_damage_has_its_status() {
    let v = verifier();
    let (content, cms_der, form) = signed_parts(sample("accettazione.eml"));
    let good = v.verify_signature(&content, &cms_der, form, None);
    assert_eq!(good.status, SignatureStatus::Valid, "{:?}", good.problems);
    assert!(good.trusted, "{:?}", good.problems);
    assert_eq!(good.reference_time_source, ReferenceTimeSource::SigningTime);

    let mut altered = content.clone();
    let i = altered.len() / 2;
    altered[i] ^= 0x01;
    let r = v.verify_signature(&altered, &cms_der, form, None);
    assert_eq!(r.status, SignatureStatus::ContentAltered);

    let mut forged = cms_der.clone();
    let sig_at = forged.len() - 10; // inside the signature value, the last field
    forged[sig_at] ^= 0x01;
    let r = v.verify_signature(&content, &forged, form, None);
    assert_eq!(r.status, SignatureStatus::BadSignature, "{:?}", r.problems);

    let r = v.verify_signature(&content, b"\x30\x03\x02\x01\x01", form, None);
    assert_eq!(r.status, SignatureStatus::Malformed);
    assert_eq!(r.reference_time_source, ReferenceTimeSource::None);

    // Judged at a requested instant before the certificates existed: untrusted, and said so.
    let early = verifier().with_requested_time(Some(at("2001-01-01T00:00:00Z")));
    let r = early.verify_signature(&content, &cms_der, form, None);
    assert_eq!(r.reference_time_source, ReferenceTimeSource::Requested);
    assert!(!r.trusted);
}

#[test]
fn without_the_test_root_the_signer_is_untrusted_but_the_signature_holds() {
    let v = Verifier::new(TrustStore::embedded());
    let (content, cms_der, form) = signed_parts(sample("accettazione.eml"));
    let r = v.verify_signature(&content, &cms_der, form, None);
    assert_eq!(r.status, SignatureStatus::Valid);
    assert!(!r.trusted);
    assert!(r.problems.iter().any(|p| p.code == ProblemCode::Untrusted));
}

#[test]
fn the_signed_content_type_must_be_data_and_match_the_encapsulated_one() {
    const SIGNED_DATA: &str = "1.2.840.113549.1.7.2";
    assert!(content_types_agree(Some(OID_DATA), OID_DATA).is_ok());
    let mismatch = content_types_agree(Some(OID_DATA), SIGNED_DATA).err().unwrap();
    assert_eq!(mismatch.status, SignatureStatus::Malformed);
    assert_eq!(mismatch.finding, Finding::EncapsulatedNotData(SIGNED_DATA.into()));
    let other = content_types_agree(Some(SIGNED_DATA), OID_DATA).err().unwrap();
    assert_eq!(other.finding, Finding::ContentTypeNotData(Some(SIGNED_DATA.into())));
    let missing = content_types_agree(None, OID_DATA).err().unwrap();
    assert_eq!(missing.finding, Finding::ContentTypeNotData(None));
    assert!(missing.finding.text(crate::catalogue::Lang::En).contains("missing"));
}

/// CAdES signingCertificateV2: OpenSSL's `cms -sign -cades` binds the signer's certificate;
/// the same attribute read against another certificate is a substituted signer.
#[test]
fn signing_certificate_v2_binds_the_signer() {
    let pki = format!("{}/samples/pki", env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content.txt");
    std::fs::write(&content, b"content\r\n").unwrap();
    let out = std::process::Command::new("openssl")
        .args(["cms", "-sign", "-cades", "-binary", "-outform", "DER", "-md", "sha256"])
        .arg("-signer")
        .arg(format!("{pki}/alfa.pem"))
        .arg("-inkey")
        .arg(format!("{pki}/alfa.key"))
        .arg("-in")
        .arg(&content)
        .output();
    let Some(out) = out.ok().filter(|o| o.status.success()) else {
        return; // no openssl: the kit and samples carry no such attribute to test on
    };
    let sd = crate::read::cms::parse(&out.stdout).unwrap();
    let si = &sd.signer_infos[0];
    assert!(si.attr(OID_SIGNING_CERTIFICATE_V2).is_some(), "openssl -cades adds it");
    assert!(signing_certificate_problem(si, &sample_cert("alfa.pem")).is_none());
    let substituted = signing_certificate_problem(si, &sample_cert("beta.pem")).unwrap();
    assert_eq!(substituted.code, ProblemCode::SigningCertificateMismatch);
}

/// RFC 2634's signingCertificate (SHA-1), which v2 replaced, binds the signer as well: a
/// signer that names another certificate in it is a substituted signer (review 20).
#[test]
fn the_older_signing_certificate_attribute_binds_the_signer_too() {
    let alfa = sample_cert("alfa.pem");
    let hash = DigestAlg::Sha1.digest(&alfa.der);
    let wrap = |tag: u8, v: &[u8]| [&[tag, u8::try_from(v.len()).unwrap()][..], v].concat();
    // SigningCertificate { certs SEQUENCE OF ESSCertID { certHash } }
    let value = wrap(0x30, &wrap(0x30, &wrap(0x30, &wrap(0x04, &hash))));
    let tlv = crate::read::der::Reader::new(&value).read().unwrap();
    let si = SignerInfo {
        sid: cms::SignerId::Ski(Vec::new()),
        digest_oid: "2.16.840.1.101.3.4.2.1".into(),
        signed_attrs_raw: None,
        signed_attrs: vec![cms::Attribute {
            oid: OID_SIGNING_CERTIFICATE.into(),
            values: vec![tlv],
        }],
        signature_algorithm: &[],
        signature: &[],
    };
    assert!(signing_certificate_problem(&si, &alfa).is_none());
    let substituted = signing_certificate_problem(&si, &sample_cert("beta.pem")).unwrap();
    assert_eq!(substituted.code, ProblemCode::SigningCertificateMismatch);
}

/// A certificate without the PEC signing policy (the test root's trusted-list signer) may not
/// sign PEC mail, whoever issued it; the providers' may.
#[test]
fn only_a_pec_provider_certificate_may_sign_mail() {
    assert_eq!(
        signer_usage_problem(&sample_cert("tl-signer.pem"), Purpose::Pec),
        Some(UsageProblem::NotPecSigner)
    );
    // REM providers sign under their own qualified policies.
    assert_eq!(signer_usage_problem(&sample_cert("tl-signer.pem"), Purpose::Rem), None);
    for provider in ["alfa.pem", "beta.pem"] {
        assert_eq!(signer_usage_problem(&sample_cert(provider), Purpose::Pec), None, "{provider}");
    }
}

/// Review 13: `--at` earlier than the signature's own time judged validity only at `--at`; a
/// certificate expired between the two is not valid when the signature says it was made.
#[test]
fn a_certificate_must_also_be_valid_when_the_signature_says_it_was_made() {
    let expired = crate::testing::pki_cert("expired-alfa.pem").shared_summary(); // 2015–2016
    let inside = not_valid_when_signed(std::slice::from_ref(&expired), at("2015-06-01T00:00:00Z"));
    assert!(inside.is_empty(), "{inside:?}");
    let after = not_valid_when_signed(std::slice::from_ref(&expired), at("2017-01-01T00:00:00Z"));
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].code, ProblemCode::CertNotValidAtSigningTime);
}
