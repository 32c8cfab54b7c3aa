//! MIME reading: exact ranges, limits, odd boundaries.
#![allow(clippy::indexing_slicing)]

use super::*;

#[test]
fn headers_unfold_and_match_case_insensitively() {
    let raw = b"X-TipoRicevuta: completa\r\nSubject: a\r\n  b\r\n\r\nbody";
    let (h, body) = parse_header_block(raw, 0, raw.len());
    assert_eq!(h.get("x-tiporicevuta"), Some("completa"));
    assert_eq!(h.get("SUBJECT"), Some("a b"));
    assert_eq!(&raw[body..], b"body");
}

#[test]
fn content_type_params_quoted_and_unquoted() {
    let ct = ContentType::parse(
        "multipart/signed; protocol=\"application/x-pkcs7-signature\"; micalg=sha1; boundary=\"--a;b\"",
    );
    assert_eq!(ct.mime, "multipart/signed");
    assert_eq!(ct.param("protocol"), Some("application/x-pkcs7-signature"));
    assert_eq!(ct.param("micalg"), Some("sha1"));
    assert_eq!(ct.param("boundary"), Some("--a;b"));
    // Names are case-insensitive; a repeated parameter: the last one counts.
    let ct = ContentType::parse(r#"Text/Plain; Charset=UTF-8; NAME="a \"b\""; charset="latin1""#);
    assert_eq!(ct.mime, "text/plain");
    assert_eq!(ct.param("charset"), Some("latin1"));
    assert_eq!(ct.param("name"), Some("a \"b\""));
    assert_eq!(
        ct.params.iter().map(|(k, _)| k).collect::<Vec<_>>(),
        ["charset", "name", "charset"]
    );
}

#[test]
fn split_excludes_the_line_break_before_the_delimiter() {
    for eol in ["\r\n", "\n"] {
        let body = format!("pre{eol}--B{eol}part one{eol}{eol}--B  {eol}two{eol}--B--{eol}epi");
        let raw = body.as_bytes();
        let split = split_multipart(raw, 0..raw.len(), "B");
        assert!(split.closed);
        let parts: Vec<&[u8]> = split.parts.iter().map(|r| &raw[r.clone()]).collect();
        assert_eq!(parts, [format!("part one{eol}").as_bytes(), b"two"]);
    }
}

#[test]
fn delimiter_must_start_a_line_and_carry_only_padding() {
    let raw = b"--B\nx --B not\n--Bxyz\n--B--\n";
    let split = split_multipart(raw, 0..raw.len(), "B");
    assert_eq!(split.parts.len(), 1);
    assert_eq!(&raw[split.parts[0].clone()], b"x --B not\n--Bxyz");
}

#[test]
fn unterminated_multipart_runs_to_the_end() {
    let raw = b"--B\nonly part";
    let split = split_multipart(raw, 0..raw.len(), "B");
    assert!(!split.closed);
    assert_eq!(&raw[split.parts[0].clone()], b"only part");
}

#[test]
fn huge_header_blocks_are_refused_before_parsing() {
    let mut raw = b"Subject: ".to_vec();
    raw.extend(std::iter::repeat_n(b'a', 5_000_000));
    raw.extend_from_slice(b"\n\nbody");
    let limits = Limits { max_header_bytes: 1024 * 1024, ..Limits::default() };
    assert_eq!(
        parse_entity(&raw, 0..raw.len(), &limits).unwrap_err(),
        StructureLimit::Header(1024 * 1024)
    );
    let small = b"Subject: x\n\nbody";
    assert!(parse_entity(small, 0..small.len(), &limits).is_ok());
}

#[test]
fn nesting_depth_is_bounded() {
    let mut raw = String::new();
    for i in 0..100 {
        raw.push_str(&format!("Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n"));
    }
    let limits = Limits { max_mime_depth: 10, ..Limits::default() };
    let err = parse_entity(raw.as_bytes(), 0..raw.len(), &limits).unwrap_err();
    assert_eq!(err, StructureLimit::Depth(10));
}
