//! Property: no change, insertion or deletion of one byte inside the signed region of a
//! valid sample yields `valid`; wrapping the signed entity in unsigned parts never changes
//! the certified fields. (Line-end-only edits are excluded: S/MIME canonicalises CRLF and LF,
//! so inserting a CR before an LF, or deleting one, is the same signed text.)

use peckit::certify::assess::{Verdict, assess};
use peckit::limits::Limits;
use peckit::verify::{TrustStore, Verifier};
use proptest::prelude::*;

use crate::common::*;

fn options() -> Verifier {
    let mut trust = TrustStore::empty();
    trust.add_path(&test_root()).unwrap();
    Verifier::new(trust)
}

fn verdict(bytes: Vec<u8>, opts: &Verifier) -> Verdict {
    match peckit::read::read(bytes, &Limits::default()) {
        Ok(a) => assess(&a, opts).verdict,
        Err(_) => Verdict::Error,
    }
}

fn signed_range(bytes: &[u8]) -> std::ops::Range<usize> {
    let a = peckit::read::read(bytes.to_vec(), &Limits::default()).unwrap();
    a.signed.unwrap().content_range.unwrap()
}

const VALID: &[&str] = &[
    "accettazione.eml",
    "posta-certificata.eml",
    "avvenuta-consegna-breve.eml",
    "accettazione-sha1.eml",
];

#[derive(Debug, Clone)]
enum Edit {
    Change(u8),
    Insert(u8),
    Delete,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<u8>().prop_map(Edit::Change),
        any::<u8>().prop_map(Edit::Insert),
        Just(Edit::Delete)
    ]
}

fn is_line_end_only(bytes: &[u8], at: usize, e: &Edit) -> bool {
    let cur = bytes.get(at).copied();
    let next = bytes.get(at + 1).copied();
    match e {
        Edit::Insert(b'\r') => cur == Some(b'\n'),
        Edit::Delete => cur == Some(b'\r') && next == Some(b'\n'),
        // Changing a byte to itself changes nothing.
        Edit::Change(b) => Some(*b) == cur,
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn one_byte_inside_the_signed_region_never_verifies(file in 0..VALID.len(), pos in any::<prop::sample::Index>(), e in edit()) {
        let opts = options();
        let original = std::fs::read(samples().join(VALID[file])).unwrap();
        let range = signed_range(&original);
        let at = range.start + pos.index(range.len());
        prop_assume!(!is_line_end_only(&original, at, &e));
        let mut bytes = original.clone();
        match e {
            Edit::Change(b) => bytes[at] = b,
            Edit::Insert(b) => bytes.insert(at, b),
            Edit::Delete => { bytes.remove(at); }
        }
        prop_assert_ne!(verdict(bytes, &opts), Verdict::Valid, "{} at {} ({:?})", VALID[file], at, e);
    }

    #[test]
    fn unsigned_wrapping_never_changes_certified_fields(file in 0..VALID.len(), junk in "[a-zA-Z0-9 ]{0,40}") {
        let opts = options();
        let original = std::fs::read(samples().join(VALID[file])).unwrap();
        let a = peckit::read::read(original.clone(), &Limits::default()).unwrap();
        let before = peckit::report::model::ArtefactReport::new("x", &a, &assess(&a, &opts));
        let text = String::from_utf8_lossy(&original).replace("\r\n", "\n");
        let (head, body) = text.split_once("\n\n").unwrap();
        let ct: String = head.lines().skip_while(|l| !l.starts_with("Content-Type")).take_while(|l| l.starts_with("Content-Type") || l.starts_with([' ', '\t'])).collect::<Vec<_>>().join("\n");
        let kept: Vec<&str> = head.lines().filter(|l| !l.starts_with("Content-Type") && !l.starts_with("MIME-Version")).collect();
        let wrapped = format!(
            "{}\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"W\"\n\n--W\nContent-Type: application/xml; name=\"daticert.xml\"\n\n<postacert tipo=\"avvenuta-consegna\"><intestazione><mittente>{junk}@x</mittente></intestazione></postacert>\n--W\n{ct}\n\n{body}\n--W\nContent-Type: text/plain\n\n{junk}\n--W--\n",
            kept.join("\n")
        );
        let w = peckit::read::read(wrapped.into_bytes(), &Limits::default()).unwrap();
        let s = assess(&w, &opts);
        let after = peckit::report::model::ArtefactReport::new("x", &w, &s);
        prop_assert_eq!(serde_json::to_value(&before.certified).unwrap(), serde_json::to_value(&after.certified).unwrap());
        prop_assert_eq!(s.verdict, Verdict::Invalid);
        prop_assert!(s.problems.iter().any(|p| p.code.code() == "unsigned-content-outside-signature"));
    }
}
